"""Load: pick a save from the saves folder."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

DETAIL_BYTES = 5_000_000
"""Saves up to this size are opened to show their campaign and turn in the list."""


def describe_save(path: Path) -> str:
    """'First Contact, turn 12' from the file, or '' if it cannot tell cheaply."""
    try:
        if path.stat().st_size > DETAIL_BYTES:
            return ""
        data = json.loads(path.read_text(encoding="utf-8"))
        turns = data["turns"]
        over = any(e.get("kind") == "game_over" for e in turns[-1]["events"])
        title = turns[0]["events"][0].get("title", data["campaign"]["name"])
        return f"{title}, turn {turns[-1]['turn']}" + (", over" if over else "")
    except (OSError, ValueError, KeyError, IndexError, TypeError, AttributeError):
        return "cannot be read"


def list_saves(folder: Path) -> list[Path]:
    """The saves in a folder, newest first."""
    try:
        files = [p for p in folder.glob("*.json") if p.is_file()]
    except OSError:
        return []
    return sorted(files, key=lambda p: (-p.stat().st_mtime, p.name))


class LoadSaveScreen(ModalScreen[Path | None]):
    """The saves in the saves folder; dismisses with the one chosen, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    """escape closes without loading."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.saves = list_saves(folder)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"Load a save from {self.folder}/", classes="dialog-title", markup=False)
            if self.saves:
                options = []
                for path in self.saves:
                    when = datetime.datetime.fromtimestamp(path.stat().st_mtime).strftime(
                        "%Y-%m-%d %H:%M"
                    )
                    what = escape(describe_save(path))
                    options.append(
                        Option(f"{escape(path.name)}  [dim]{what}  {when}[/dim]", id=str(path))
                    )
                yield OptionList(*options, id="saves")
                yield Static("Enter loads, escape cancels.", classes="dialog-note")
            else:
                yield Static("No saves yet. Press escape.", classes="dialog-note")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(Path(str(event.option.id)))

    def action_cancel(self) -> None:
        self.dismiss(None)
