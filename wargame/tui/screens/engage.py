"""Manual engagement: pick the fire unit for a track, with the expected kill probability.

Every fire unit is listed with what it would fire and its kill probability at the
predicted intercept point now, or why it cannot engage: the engine's own answer
for the next turn, with the orders given so far, in the words it will refuse the
order with. 1-4 set a unit's salvo, and the engine is asked again what it will fire
(no more rounds than the unit may fire: "1 of 4 ready"). Enter commits; a shot that
looks impossible asks for a second enter, since orders still to be given (emission on,
say) may make it possible.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from wargame.campaign.schema import CLASS_WORDS
from wargame.engine import MAX_SALVO
from wargame.view.fire_options import Shot
from wargame.view.picture import TrackRow, altitude_text, duration
from wargame.view.words import short_missile


class EngageScreen(ModalScreen[tuple[Shot, int | None] | None]):
    """Dismisses with (the shot chosen, the salvo set with 1-4 or None for the unit's own)
    to engage, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("1", "salvo(1)", "Salvo 1", show=False),
        Binding("2", "salvo(2)", "Salvo 2", show=False),
        Binding("3", "salvo(3)", "Salvo 3", show=False),
        Binding("4", "salvo(4)", "Salvo 4", show=False),
    ]
    """1-4 set the rounds in the salvo; enter fires; escape cancels."""

    def __init__(
        self,
        track: TrackRow,
        shots: list[Shot],
        names: list[str],
        preferred: int,
        with_salvo: Callable[[Shot, int], Shot],
    ) -> None:
        """`with_salvo(shot, rounds)` is the engine's answer for a shot's unit and missile
        with that salvo ordered (`fire_options.with_salvo`)."""
        super().__init__()
        self.track = track
        self.shots = shots
        self.names = names
        self.preferred = preferred
        self.with_salvo = with_salvo
        self.salvo: dict[int, int] = {}
        """The salvo set with 1-4, per fire unit."""
        self._armed = -1
        """A fire unit whose doubtful shot one more enter sends anyway."""

    def compose(self) -> ComposeResult:
        t = self.track
        cls = CLASS_WORDS.get(t.cls, t.cls)
        with Vertical(classes="dialog"):
            yield Static(
                f"Fire at track {t.track}: {cls}, {t.speed_mps:.0f} m/s, "
                f"{altitude_text(t.alt_m)} up",
                classes="dialog-title",
                markup=False,
            )
            if t.pk_planned and t.pk is not None:
                yield Static(
                    f"Already on their way: {t.engaged}, kill probability {t.pk:.2f} together.",
                    classes="dialog-note",
                    markup=False,
                )
            yield OptionList(*self._options(), id="shooters")
            yield Static("", id="engage-note", classes="dialog-note")

    def on_mount(self) -> None:
        shooters = self.query_one("#shooters", OptionList)
        index = next(
            (i for i, s in enumerate(self.shots) if s.fire_unit == self.preferred and s.possible), 0
        )
        shooters.highlighted = index
        shooters.focus()
        self._explain(index)

    def _options(self) -> list[Option]:
        out = []
        for shot in self.shots:
            name = escape(self.names[shot.fire_unit])
            if shot.possible:
                who = "  [dim]or[/dim] " if shot.alternative else f"[b]{name}[/b]  "
                short = (
                    f"[$text-warning]{shot.salvo} of {shot.salvo_ordered} ready[/]  "
                    if shot.salvo < shot.salvo_ordered
                    else ""
                )
                text = (
                    f"{who}{escape(short_missile(shot.missile))}  "
                    f"Pk [b]{shot.pk:.2f}[/b] × {shot.salvo} → "
                    f"[b $text-success]{shot.pk_salvo:.2f}[/]  {short}"
                    f"[dim]{shot.range_km:.0f} km, {duration(shot.time_of_flight_s)}[/dim]"
                )
            else:
                text = f"[dim]{name}[/dim]  [$text-error]{escape(shot.reason)}[/]"
            out.append(Option(text, id=f"{shot.fire_unit}:{shot.missile}"))
        return out

    def _explain(self, index: int | None) -> None:
        note = self.query_one("#engage-note", Static)
        if index is None or not 0 <= index < len(self.shots):
            note.update("")
            return
        shot = self.shots[index]
        if shot.possible:
            which = (
                f"Enter fires {escape(short_missile(shot.missile))} rounds, not fire control's "
                "choice above,"
                if shot.alternative
                else "Enter fires"
            )
            rounds = shot.salvo
            price = f"{shot.round_cost:g} M$ a round, {rounds * shot.round_cost:g} M$ the salvo"
            note.update(
                f"{which} at the end of the turn ({price}); 1-4 change the salvo. The kill "
                "probability is at the intercept point predicted now; the shot is planned after "
                "this turn's moves."
            )
        else:
            note.update(
                f"[$text-error]{escape(self.names[shot.fire_unit])} cannot engage now: "
                f"{escape(shot.reason)}.[/]"
                " Enter twice sends the order anyway"
                " (this turn's other orders may make it possible)."
            )

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._armed = -1
        self._explain(event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        shot = self.shots[event.option_index]
        if not shot.possible and self._armed != shot.fire_unit:
            self._armed = shot.fire_unit
            self.notify(
                f"Refused now: {shot.reason}. Enter again to send it anyway.", severity="warning"
            )
            return
        self.dismiss((shot, self.salvo.get(shot.fire_unit)))

    def action_salvo(self, rounds: int) -> None:
        shooters = self.query_one("#shooters", OptionList)
        index = shooters.highlighted
        if index is None:
            return
        unit = self.shots[index].fire_unit
        self.salvo[unit] = max(1, min(rounds, MAX_SALVO))
        # The engine's answer again: what the unit fires of it, and its kill probability.
        self.shots = [
            self.with_salvo(shot, self.salvo[unit]) if shot.fire_unit == unit else shot
            for shot in self.shots
        ]
        shooters.clear_options()
        shooters.add_options(self._options())
        shooters.highlighted = index
        self._explain(index)  # the salvo's price

    def action_cancel(self) -> None:
        self.dismiss(None)
