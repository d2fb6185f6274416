"""The player's time on the tactical screen: the time step and the pause conditions.

`>` and `<` lengthen and shorten the time step (how much game time one end turn plays:
one turn, 1 min, 5 min, as `view.alerts.time_steps` offers them for the campaign's
turn); `P` opens the pause conditions (`PauseRulesScreen`). The step and the rules are
kept on the screen (`GameScreen`), which hands them to `Session.play` at each end turn.
`TacticalScreen` inherits these handlers and binds `TIME_BINDINGS`.
"""

from __future__ import annotations

from typing import Final

from textual.binding import Binding

from wargame.tui.screens.game_screen import GameScreen
from wargame.tui.screens.pause_rules import PauseRulesScreen
from wargame.view.alerts import PauseRules, step_words
from wargame.view.words import counted

TIME_BINDINGS: Final = [
    Binding(
        "greater_than_sign",
        "time_step(1)",
        "Longer time step",
        show=False,
        tooltip="Lengthen the time step: more game time for each end turn (one turn → "
        "1 min → 5 min); play pauses on the conditions chosen (P)",
    ),
    Binding(
        "less_than_sign",
        "time_step(-1)",
        "Shorter time step",
        show=False,
        tooltip="Shorten the time step (down to one turn)",
    ),
    Binding(
        "P",
        "pause_rules",
        "Pause conditions",
        show=False,
        tooltip="What pauses play within a time step: new tracks, ARMs, ballistic "
        "missiles, losses, magazines low, other news",
    ),
]
"""The time step's keys and the pause conditions' dialog (? lists them)."""


class TimeKeys(GameScreen):
    """Set the time step and the pause conditions."""

    def _step_words(self, turns: int | None = None) -> str:
        return step_words(self.time_step if turns is None else turns, self.scenario.dt)

    def action_time_step(self, direction: int) -> None:
        """One step longer (1) or shorter (-1) among those offered."""
        steps = self.time_steps
        at = steps.index(self.time_step) if self.time_step in steps else 0
        self.action_set_time_step(steps[max(0, min(len(steps) - 1, at + direction))])

    def action_set_time_step(self, turns: int) -> None:
        if turns == self.time_step:
            which = "longest" if turns == self.time_steps[-1] else "shortest"
            self.notify(f"The time step is {self._step_words()}: the {which}.", timeout=3)
            return
        self.time_step = turns
        if turns == 1:
            said = f"Time step {self._step_words()}: each end turn plays one turn."
        else:
            said = (
                f"Time step {self._step_words()}: n plays up to {counted(turns, 'turn')}, "
                "pausing on the news chosen (P)."
            )
        self.notify(said, timeout=4)
        self._refresh_status()

    def action_pause_rules(self) -> None:
        def done(rules: PauseRules | None) -> None:
            if rules is None or rules == self.pause_rules:
                return
            self.pause_rules = rules
            said = f"Play pauses on {counted(len(rules.conditions), 'condition')}"
            if "magazine" in rules.conditions:
                said += f", magazines below {rules.magazine_below} rounds"
            self.notify(f"{said}.", timeout=3)

        self.app.push_screen(
            PauseRulesScreen(self.pause_rules, self._step_words(), self.cursor_blink), done
        )

    def time_commands(self) -> list[tuple[str, str, str]]:
        """(title, help, action) the command palette offers for the time step."""
        return [
            (
                f"Time step {self._step_words(turns)}",
                f"Each end turn plays up to {counted(turns, 'turn')}",
                f"set_time_step({turns})",
            )
            for turns in self.time_steps
        ]
