"""The hint panel: the campaign's advice, shown above the log where the player looks.

A hint stays until the player dismisses it (`H`, which also clears the earlier hints
it came over) or its turns run out; `h` hides
or shows them all (shown from the start in a tutorial). What shows comes from the
blue view (`wargame.view.hints`): a hint is met on the picture, never on the truth.
The tactical screen owns one and hands it the state and the events after each turn.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import Static

from wargame.engine import Scenario, State
from wargame.engine.events import Event
from wargame.view.hints import DueHint, hints_on_at_start, hints_shown

HIDE_KEY = "h"
DISMISS_KEY = "H"


class HintPanel(Static):
    """The hints met and not dismissed, newest first; hidden when there are none."""

    def __init__(self, scenario: Scenario, *, id: str | None = None) -> None:
        super().__init__("", markup=False, id=id)
        self.scenario = scenario
        self.hints_on = hints_on_at_start(scenario)
        """Whether hints show (the `h` key)."""
        self.dismissed: set[int] = set()
        """The hints the player has dismissed, by their place in the campaign's list."""
        self.hints: list[DueHint] = []
        """What shows now (or would, were hints on)."""
        self._state: State | None = None
        self._events: Sequence[Event] = ()

    def show_hints(self, state: State, events: Sequence[Event]) -> None:
        """Judge the hints on this state and these events (the game's so far)."""
        self._state, self._events = state, events
        self._redraw()

    def toggle(self) -> bool:
        """Hide or show the hints; whether they show now."""
        self.hints_on = not self.hints_on
        self._redraw()
        return self.hints_on

    def dismiss_hints(self) -> list[DueHint]:
        """Dismiss the hint on top (the newest) and those it came over, already shown:
        dismissing one must not bring back advice whose moment has passed."""
        if not (self.hints_on and self.hints):
            return []
        gone = list(self.hints)
        self.dismissed.update(h.index for h in gone)
        self._redraw()
        return gone

    def command(self, act: str) -> str:
        """Carry out a key's `act` ('toggle' or 'dismiss'); what to tell the player."""
        if act == "dismiss":
            gone = len(self.dismiss_hints())
            if not gone:
                return "No hint to dismiss."
            return "Hint dismissed." if gone == 1 else f"{gone} hints dismissed."
        return "Hints shown." if self.toggle() else f"Hints hidden: {HIDE_KEY} shows them."

    def _redraw(self) -> None:
        if self._state is None or not self.scenario.loaded.campaign.hints:
            self.hints = []
        else:
            shown = hints_shown(self.scenario, self._state, self._events, self.dismissed)
            self.hints = sorted(shown, key=lambda h: (-h.since, h.index))
        self.display = self.hints_on and bool(self.hints)
        if not self.display:
            self.update("")
            return
        more = len(self.hints) - 1
        also = f" (+{more} earlier)" if more else ""
        self.update(f"Hint: {self.hints[0].text}{also}  ({DISMISS_KEY} dismiss · {HIDE_KEY} hide)")
