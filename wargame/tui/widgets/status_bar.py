"""The status bar: turn, game clock, score and the regiment's magazines, on one line."""

from __future__ import annotations

from textual.markup import escape
from textual.widgets import Static

from wargame.engine.scenario import Scenario
from wargame.engine.state import State
from wargame.tui.picture import clock, magazines, score_text


class StatusBar(Static):
    """One line at the top of the tactical and replay screens."""

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
        turn = f"[b]Turn {state.turn}[/b]/{scenario.turn_limit}"
        parts = [
            f"{escape(prefix)}{turn}",
            clock(state.turn * scenario.dt),
            f"Score [b]{score_text(score)}[/b]",
        ]
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
