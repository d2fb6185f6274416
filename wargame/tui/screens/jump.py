"""Jump to a turn of a replay."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class JumpScreen(ModalScreen[int | None]):
    """Ask for a turn number from 0 to `last`; dismisses with it, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    """escape closes without jumping."""

    def __init__(self, last: int, cursor_blink: bool = True) -> None:
        super().__init__()
        self.last = last
        self.cursor_blink = cursor_blink

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"Jump to turn (0 to {self.last})", classes="dialog-title")
            field = Input(placeholder="turn", type="integer", id="turn")
            field.cursor_blink = self.cursor_blink
            yield field

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            turn = int(event.value)
        except ValueError:
            self.notify("A turn is a whole number.", severity="warning")
            return
        if not 0 <= turn <= self.last:
            self.notify(f"The save holds turns 0 to {self.last}.", severity="warning")
            return
        self.dismiss(turn)

    def action_cancel(self) -> None:
        self.dismiss(None)
