"""The objectives screen: each of the campaign's objectives met or not so far, why, and
the grade if the game ended now, as the radars see it (`wargame.view.objectives`)."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from wargame.view.objectives import ObjectivesNow


class ObjectivesScreen(ModalScreen[None]):
    """Shows an `ObjectivesNow`; any of escape, enter or the key that opened it closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,b", "close", "Close"),
    ]
    """escape, enter or b close the screen."""

    def __init__(self, now: ObjectivesNow) -> None:
        super().__init__()
        self.now = now

    def compose(self) -> ComposeResult:
        now = self.now
        with Vertical(classes="dialog objectives"):
            yield Static("Objectives, as your radars see them", classes="dialog-title")
            if now.aim:
                yield Static(Text(f"Aim: {now.aim}", style="italic"), classes="dialog-note")
            with VerticalScroll():
                yield Static(self._table(), id="objectives-table")
            yield Static(Text(self._verdict()), id="objectives-verdict")
            yield Static(
                "The report at the end judges them on the truth. escape closes.",
                classes="dialog-note",
            )

    def _table(self) -> Table | Text:
        if not self.now.results:
            return Text("This campaign sets no objectives.")
        table = Table(box=None, expand=True, show_edge=False, pad_edge=False)
        table.add_column("", width=1, no_wrap=True)
        table.add_column("objective", ratio=2)
        table.add_column("weight", justify="right", no_wrap=True)
        table.add_column("so far", ratio=3)
        for result in self.now.results:
            mark = Text("✓", style="bold green") if result.met else Text("✗", style="bold red")
            table.add_row(mark, result.label, f"{result.weight:g}", result.reason)
        return table

    def _verdict(self) -> str:
        now = self.now
        if not now.grade:
            return ""
        return (
            f"{now.share:.0%} of the weight met: grade {now.grade}, {now.outcome}, "
            "if the game ended now."
        )

    def action_close(self) -> None:
        self.dismiss(None)
