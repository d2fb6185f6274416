"""The status bar: turn, game clock, score, the objectives met so far (as the radars see
them, each in the tooltip) and the regiment's magazines, on one line."""

from __future__ import annotations

from rich.text import Text
from textual.markup import escape
from textual.widgets import Static

from wargame.engine import ObjectiveResult, Scenario, State
from wargame.view.blue import live_objectives
from wargame.view.picture import magazines
from wargame.view.words import clock, score_text

NARROW = 100
"""Below this many columns the bar leaves out the game clock."""


class StatusBar(Static):
    """One line at the top of the tactical and replay screens."""

    _shown: tuple[Scenario, State, float, str, str] | None = None
    """What the bar last showed, to draw again when the width changes."""

    def show(
        self,
        scenario: Scenario,
        state: State,
        score: float,
        *,
        note: str = "",
        prefix: str = "",
    ) -> None:
        """Draw the bar for this state; `note` (e.g. 'resolving…') goes before the magazines,
        so that a narrow terminal cuts the magazines rather than the note."""
        self._shown = (scenario, state, score, note, prefix)
        turn = f"[b]Turn {state.turn}[/b]/{scenario.turn_limit}"
        parts = [
            f"{escape(prefix)}{turn}",
            clock(state.turn * scenario.dt),
            f"Score [b]{score_text(score)}[/b]",
        ]
        live = live_objectives(scenario, state)
        if live:
            met = sum(1 for o in live if o.met)
            parts.append(f"Obj [b]{met}/{len(live)}[/b]")
        self.tooltip = _objectives_tip(live)
        if 0 < self.size.width < NARROW:
            del parts[1]  # the clock says what the turn does; the magazines need the room
        mags = []
        for name, ready, stock in magazines(scenario, state):
            tone = (
                "$text-error" if ready == 0 else ("$text-warning" if ready < 4 else "$text-success")
            )
            extra = f"+{stock}" if stock else ""
            mags.append(f"{escape(name)} [{tone}]{ready}[/]{extra}")
        line = " · ".join(parts)
        if note:
            line += f" [reverse] {escape(note)} [/reverse]"
        self.update(line + " │ " + "  ".join(mags))

    def on_resize(self) -> None:
        # The clock comes and goes with the width.
        if self._shown is not None:
            scenario, state, score, note, prefix = self._shown
            self.show(scenario, state, score, note=note, prefix=prefix)


def _objectives_tip(live: tuple[ObjectiveResult, ...]) -> Text | None:
    """Each objective as the radars see it, met so far or not, and why."""
    if not live:
        return None
    tip = Text("Objectives, as your radars see them:")
    for o in live:
        tip.append(f"\n{'✓' if o.met else '✗'} {o.label}: {o.reason}")
    return tip
