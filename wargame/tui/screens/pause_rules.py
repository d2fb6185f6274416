"""The pause conditions: what ends a time step early, chosen by the player.

A list of the conditions (`view.alerts.CONDITIONS`), each on or off (space or enter
toggles), and the count of rounds under which a fire unit's magazine pauses play. The
dialog dismisses with the rules as they stand when it closes (escape); the tactical
screen keeps them for the steps to come.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, SelectionList, Static

from wargame.view.alerts import CONDITION_WORDS, CONDITIONS, Condition, PauseRules


class PauseRulesScreen(ModalScreen[PauseRules]):
    """Dismisses with the pause conditions chosen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("a", "all(True)", "All on"),
        Binding("z", "all(False)", "All off"),
    ]
    """escape closes, keeping what was chosen; a turns every condition on, z off."""

    def __init__(self, rules: PauseRules, step_words: str, cursor_blink: bool = True) -> None:
        super().__init__()
        self.rules = rules
        self.step_words = step_words
        """The time step now, as the title names it."""
        self.cursor_blink = cursor_blink

    @property
    def conditions(self) -> SelectionList[Condition]:
        return self.query_one("#pause-conditions", SelectionList)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                f"Pause play within a time step ({self.step_words}) on:",
                classes="dialog-title",
                markup=False,
            )
            yield SelectionList[Condition](
                *((CONDITION_WORDS[c], c, c in self.rules.conditions) for c in CONDITIONS),
                id="pause-conditions",
            )
            count = Input(
                value=str(self.rules.magazine_below),
                type="integer",
                placeholder="rounds",
                id="pause-rounds",
                tooltip="A magazine pauses play when its rounds fall below this count",
            )
            count.cursor_blink = self.cursor_blink
            yield Static("The count, in rounds of a missile (ready + stock):", markup=False)
            yield count
            yield Static(
                "Space or enter: on/off; a: all on, z: all off. Escape closes, keeping "
                "what you chose. The end of the game always stops play.",
                classes="dialog-note",
            )

    def on_mount(self) -> None:
        self.conditions.focus()

    def _rules(self) -> PauseRules | None:
        """The rules as the dialog stands, or None (and a word why) if the count is wrong."""
        try:
            below = int(self.query_one("#pause-rounds", Input).value)
        except ValueError:
            below = -1
        if below < 1:
            self.notify("Rounds: a whole number, 1 or more.", severity="warning")
            return None
        return PauseRules(frozenset(self.conditions.selected), below)

    def action_all(self, on: bool) -> None:
        if on:
            self.conditions.select_all()
        else:
            self.conditions.deselect_all()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_close()

    def action_close(self) -> None:
        rules = self._rules()
        if rules is not None:
            self.dismiss(rules)
