"""`wargame validate` notes what a valid campaign will do that its author may not mean:
a raid too slow for the turn limit, a SEAD flight that never comes within line of sight
of a radar. Notes go to stdout, before the file's 'OK' line that counts them, and leave
the exit code 0."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from wargame.campaign import load_campaign
from wargame.cli import app
from wargame.engine import Game
from wargame.engine.movement import move_threats
from wargame.engine.red import spawn_raids
from wargame.engine.scenario import ROLE_STRIKE

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def _variant(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    text = (ROOT / "campaigns" / "first-contact.toml").read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "variant.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_campaigns_get_no_notes() -> None:
    files = [str(p) for p in sorted((ROOT / "campaigns").glob("*.toml"))]
    result = runner.invoke(app, ["validate", *files])
    assert result.exit_code == 0 and result.output == "".join(f"{f}: OK\n" for f in files)


def test_a_raid_that_cannot_arrive_before_the_last_turn_is_noted(tmp_path: Path) -> None:
    """The ballistic strike enters on turn 43, flying from the start of that turn (1,260 s),
    250.8 km from Brenna; its 60 km apogee makes a flight of 221 s, ending at 1,481 s, in
    its eighth turn of 30 s, turn 50. With 49 turns it arrives after the last; with 50,
    on it."""
    path = _variant(tmp_path, ("turn_limit = 80", "turn_limit = 49"))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0
    *notes, ok = result.stdout.splitlines()
    assert ok == f"{path}: OK, {len(notes)} note{'s' if len(notes) > 1 else ''}"
    # Placed as an error is: the line of the raid's table, and its field path.
    assert (
        f"{path}:322: red.raids[4]: note: 'Ballistic strike' arrives on turn 50 at the "
        "earliest (at its target), after the game's last turn (49)"
    ) in notes
    assert all(n.startswith(f"{path}:") and ": red.raids[" in n for n in notes)
    lines = [int(n.removeprefix(f"{path}:").split(":")[0]) for n in notes]
    assert lines == sorted(lines)  # in the file's order, as errors are
    path = _variant(tmp_path, ("turn_limit = 80", "turn_limit = 50"))
    assert "Ballistic strike" not in runner.invoke(app, ["validate", str(path)]).stdout


def test_an_aircraft_raid_is_noted_by_where_it_releases_its_weapons(tmp_path: Path) -> None:
    """The strike package, entering on turn 43 (1,260 s), reaches its release point on
    turn 80, 1,110 to 1,140 s later."""
    path = _variant(
        tmp_path,
        ("turn_limit = 80", "turn_limit = 49"),
        ('name = "Strike package"\nturn = 11', 'name = "Strike package"\nturn = 43'),
    )
    notes = runner.invoke(app, ["validate", str(path)]).stdout.splitlines()
    assert (
        f"{path}:270: red.raids[1]: note: 'Strike package' arrives on turn 80 at the "
        "earliest (where it releases its weapons), after the game's last turn (49)"
    ) in notes


def test_a_sead_flight_holding_beyond_line_of_sight_is_noted(tmp_path: Path) -> None:
    """Its station 110 km from FU Alpha, beyond the 92 km horizon of a 25 m mast and a
    300 m flier, and farther still from the other radars: a flight fires only on its
    station, and there its seekers hear none."""
    path = _variant(tmp_path, ("station = [172, 210]", "station = [150, 220]"))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0
    assert result.stdout == (
        f"{path}:290: red.sead[0]: note: 'Weasel flight' hears no radar on its station "
        "within its ARMs' 120 km and in line of sight at its 300 m: it will fire none\n"
        f"{path}: OK, 1 note\n"
    )


def test_the_turn_a_note_names_is_the_turn_the_raid_arrives_in_play(tmp_path: Path) -> None:
    """Flown by the engine's own phases (entry, then movement, turn after turn, nothing
    shot down), each noted raid's first threat reaches its target on the turn its note
    gives: the ballistic strike on turn 50."""
    path = _variant(tmp_path, ("turn_limit = 80", "turn_limit = 49"))
    *notes, _ = runner.invoke(app, ["validate", str(path)]).stdout.splitlines()
    noted = {
        line.split("'")[1]: int(line.split("arrives on turn ")[1].split()[0]) for line in notes
    }
    assert noted["Ballistic strike"] == 50
    game = Game.new(load_campaign(path), 1)
    sc, st = game.scenario, game.state
    first_arrival: dict[str, int] = {}
    while not noted.keys() <= first_arrival.keys():
        st.turn += 1
        spawn_raids(sc, st, [])
        move_threats(sc, st)
        for slot in np.flatnonzero(np.isfinite(st.arrival_time) & (sc.t_role == ROLE_STRIKE)):
            first_arrival.setdefault(sc.raid_names[int(sc.t_group[slot])], st.turn)
    assert {raid: first_arrival[raid] for raid in noted} == noted


@pytest.mark.parametrize(
    ("apogee_m", "noted"),
    [
        (
            1_000.0,
            "with a 1 km apogee (altitude_m of 'Short-range ballistic missile'): 29 s, "
            "8.8 km/s over the ground",
        ),
        (12_540.0, None),  # a twentieth of 250.8 km
        (250_000.0, None),  # nearly all of it
        (
            300_000.0,
            "with a 300 km apogee (altitude_m of 'Short-range ballistic missile'): 495 s, "
            "0.5 km/s over the ground",
        ),
    ],
)
def test_a_ballistic_flight_no_missile_flies_is_noted(
    tmp_path: Path, apogee_m: float, noted: str | None
) -> None:
    """The strike flies 250.8 km; its flight lasts √(8 h / g) whatever the range, so an
    apogee far from a quarter of the range makes a flight no ballistic missile flies."""
    path = _variant(tmp_path, ("[[red.sead]]", f"{CATALOGUE_BM.format(apogee_m)}\n[[red.sead]]"))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    if noted is None:
        assert result.stdout == f"{path}: OK\n"
    else:
        assert result.stdout == (
            f"{path}:334: red.raids[4].threat: note: 'Ballistic strike' flies 251 km {noted} "
            "(a ballistic missile's apogee is most often near a quarter of its range)\n"
            f"{path}: OK, 1 note\n"
        )


CATALOGUE_BM = """[[catalogue.threats]]
name = "Short-range ballistic missile"
class = "ballistic_missile"
speed_mps = 1500
altitude_m = {0}
rcs_m2 = 0.1
warhead_kg = 500
cost = 3
"""


def test_a_note_on_a_file_that_starts_with_a_byte_order_mark_keeps_its_line(
    tmp_path: Path,
) -> None:
    path = _variant(tmp_path, ("turn_limit = 80", "turn_limit = 49"))
    path.write_text("\ufeff" + path.read_text(encoding="utf-8"), encoding="utf-8")
    notes = runner.invoke(app, ["validate", str(path)]).stdout.splitlines()
    assert any(n.startswith(f"{path}:322: red.raids[4]: note:") for n in notes)
