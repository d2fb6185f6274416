"""Reserve: keep rounds of one missile type back for one threat class."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from wargame.campaign.schema import class_words


class ReserveScreen(ModalScreen[tuple[str, int, str] | None]):
    """Dismisses with (missile, rounds, threat class), or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    """escape closes without an order."""

    def __init__(
        self,
        unit: str,
        missiles: list[tuple[str, int, int]],
        classes: list[str],
        cursor_blink: bool = True,
    ) -> None:
        super().__init__()
        self.unit = unit
        self.missiles = missiles
        """(missile type, rounds ready, rounds ready and in stock)."""
        self.threat_classes = classes
        self.cursor_blink = cursor_blink

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                f"{self.unit}: keep rounds in reserve", classes="dialog-title", markup=False
            )
            yield Select(
                [
                    (f"{name} ({ready} ready, {held} in all)", name)
                    for name, ready, held in self.missiles
                ],
                value=self.missiles[0][0],
                allow_blank=False,
                id="reserve-missile",
            )
            count = Input(value="2", type="integer", placeholder="rounds", id="reserve-count")
            count.cursor_blink = self.cursor_blink
            yield count
            default = (
                "ballistic_missile"
                if "ballistic_missile" in self.threat_classes
                else self.threat_classes[0]
            )
            yield Select(
                [(f"for {class_words(c)} tracks", c) for c in self.threat_classes],
                value=default,
                allow_blank=False,
                id="reserve-class",
            )
            yield Button("Keep them (enter)", id="keep", variant="primary")
            yield Static(
                "The automatic allocation will not fire these rounds at any other class. "
                "0 releases them. Tab moves on; enter in the rounds box gives the order.",
                classes="dialog-note",
            )

    def on_mount(self) -> None:
        # Top to bottom: enter opens the list of missile types; enter in the rounds box
        # (or on the button) gives the order.
        self.query_one("#reserve-missile", Select).focus()

    def _submit(self) -> None:
        try:
            count = int(self.query_one("#reserve-count", Input).value)
        except ValueError:
            self.notify("Rounds: a whole number, 0 or more.", severity="warning")
            return
        if count < 0:
            self.notify("Rounds: 0 or more.", severity="warning")
            return
        missile = self.query_one("#reserve-missile", Select).value
        held = next(h for name, _, h in self.missiles if name == missile)
        if count > held:
            self.notify(f"Rounds: {self.unit} has {held} {missile} in all.", severity="warning")
            return
        cls = self.query_one("#reserve-class", Select).value
        self.dismiss((str(missile), count, str(cls)))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self._submit()

    def action_cancel(self) -> None:
        self.dismiss(None)
