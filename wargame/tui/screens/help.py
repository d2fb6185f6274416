"""Help: every key of the screen it was opened from, and the map's legend."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from wargame.campaign.schema import CLASS_WORDS
from wargame.tui.keys import KeyRow
from wargame.view.map_frame import (
    ASSET_GLYPH,
    COVERAGE_GLYPH,
    CP_GLYPH,
    DEAD_GLYPH,
    ENTRY_GLYPH,
    FIRE_UNIT_GLYPH,
    INTERCEPT_GLYPH,
    JAM_GLYPH,
    MISSILE_GLYPH,
    MOVING_GLYPH,
    PATH_GLYPH,
    RADAR_GLYPH,
    RING_GLYPH,
)
from wargame.view.map_trails import TRAIL_GLYPH, TRAIL_POINTS
from wargame.view.picture import CLASS_CODE, CLASS_GLYPH, HEADING_ARROWS

_TRACK_KEYS = "  ".join(
    f"{glyph} {CLASS_WORDS[c]} ({CLASS_CODE[c]})"
    for c, glyph in CLASS_GLYPH.items()
    if c != "decoy"
)
LEGEND = "\n".join(
    [
        "[b]Map legend[/b]",
        f"[$text-success]{ASSET_GLYPH}[/] defended asset   "
        f"[$text-accent]{CP_GLYPH}[/] command post   "
        f"[$text-primary]{RADAR_GLYPH}[/] radar   [$text-primary]{FIRE_UNIT_GLYPH}[/] fire unit "
        "(bright: emitting, dim: silent)",
        f"{MOVING_GLYPH} relocating   [$text-error]{DEAD_GLYPH}[/] destroyed   "
        f"[$text-error]{ENTRY_GLYPH}[/] where red's raids entered (once the game is over, "
        f"and in replays)   {COVERAGE_GLYPH} radar coverage, each radar in its colour "
        "(1 m² target at the altitude chosen, v: 50 m, 500 m, 10 km; the horizon pulls it in "
        "for low targets, jamming most towards the jammer; C: every radar or the selected "
        "unit's)   "
        f"[$text-warning]{JAM_GLYPH}[/] jam strobe: the bearing a radar hears a jammer on "
        f"(no range)   [$text-warning]{RING_GLYPH}[/] missile reach   "
        f"[$text-primary]{MISSILE_GLYPH}───[/] your salvo in flight, and its line to the "
        "intercept point fire control predicts",
        f"Tracks (what your radars report, never more): [$text-error]{_TRACK_KEYS}[/]",
        f"A track's heading mark ({HEADING_ARROWS}) sits beside it; its number follows. In the "
        "table, a '?' after the number: a coasting track, not refreshed this turn. A track "
        "whose intercept is read as a kill leaves the picture (the reading can be wrong: "
        "then it comes back with its next detection). Cls: the class "
        "the radars make of it, with their confidence when below certainty (a decoy is "
        "unmasked as its looks add up); Err: how far off its estimated position may be, "
        "km (one standard deviation; it grows while the track coasts, and a poor track "
        "costs kill probability).",
        "Tracks that would run together are one stack: F×4, four fighters (FC×5: fighters "
        "and cruise missiles); the table lists each. A track's letter tells its altitude: "
        "[u]underlined[/u] low (below 1,000 m), plain medium, [b]bold[/b] high (8,000 m and "
        f"up; a stack: its lowest). [$text-error 60%]{TRAIL_GLYPH}[/] where the radars "
        f"reported it on the last {TRAIL_POINTS} turns before.",
        f"The selected track: [$text-accent]{PATH_GLYPH}[/] its path ahead as its estimate "
        f"runs (to the site it heads for), [$text-accent]{INTERCEPT_GLYPH}[/] its intercept "
        "point: where your salvos on their way will meet it, else the best shot open now.",
        "Names go where they cover nothing: beside, above or below their symbol, shortened, "
        "or as a key (1, 2, …) with the full name in the box in a corner of the map.",
        "Track table: TTG, time to go to the site the track heads for; Pk, the chance that "
        "at least one round kills it, [b]bold[/b] for the missiles in flight together (a "
        "salvo of two at 0.55 each: 0.80; the log gives each round's), dim for the best "
        "shot open now (automatic fire may keep a costly round for a cheaper one later: f "
        "fires it now); Alt, altitude in metres (k: thousands); m/s, speed, and Hdg, "
        "heading ('—' until a second look gives the track a velocity); By, the units "
        "whose missiles are on their way (×rounds), cut to the room left. Below 40 "
        "columns the table leaves out the speed and By, and writes Pk as .80.",
        "Event log: a salvo is one line when fired and one when it arrives; 2 keeps the "
        "kills, 3 the leakers and losses, 4 your orders, 5 red's activity, 1 every line. "
        "News (an order queued, one refused) shows on the top line for a few seconds.",
        "Top line: the turn, the game clock, the time step, the score, the objectives met, "
        "and the regiment's rounds of each type, ready on the launchers + in stock for "
        "reloads (⟳T12 in the unit panel: a reload done on turn 12).",
        "Time step: how much game time n plays (one turn, 1 min, 5 min; > longer, < "
        "shorter; ▸1m on a narrow top line). Play pauses early, after the turn in which "
        "something you chose happens (P): a unit lost, an anti-radiation missile track, a "
        "ballistic missile track, a new track, a fire unit's rounds of a missile below a "
        "count (4 unless set), other news; the top line says why. Orders act from the "
        "next turn, as ever.",
        "p, the plan: standing orders that act on the picture each turn (emcon, hold fire at "
        "a class, the missile and salvo for a class, rounds kept, shoot and scoot).",
    ]
)


class HelpScreen(ModalScreen[None]):
    """The keys and the legend; any of escape, q, ? or f1 closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Close help")
    ]
    """escape, q, ? or f1 close the help."""

    def __init__(self, title: str, rows: list[KeyRow]) -> None:
        super().__init__()
        self.title_text = title
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield Static(f"Help: {self.title_text} (escape closes)", id="help-title", markup=False)
        with VerticalScroll():
            table: DataTable[str] = DataTable(
                id="help-table", cursor_type="row", zebra_stripes=True
            )
            table.add_columns("Key", "Action")
            for row in self.rows:
                table.add_row(row.keys, row.description)
            table.add_row("ctrl+p", "Command palette: every action by name")
            yield table
            yield Static(LEGEND)

    def action_close(self) -> None:
        self.dismiss(None)
