"""Save as: a file name for the game so far, in the saves folder unless it names another.

A folder that is not there is refused, as the command line refuses it: only the
saves folder itself is made when the first save needs it.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from wargame.tui.screens.confirm import ConfirmScreen


class SaveAsScreen(ModalScreen[Path | None]):
    """Ask where to save; dismisses with the path, or None on escape. A file that is
    there already is written over only when the player says so."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    """escape closes without saving."""

    def __init__(self, default: Path, folder: Path, cursor_blink: bool = True) -> None:
        super().__init__()
        self.default = default
        self.folder = folder
        self.cursor_blink = cursor_blink

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Save the game as", classes="dialog-title")
            field = Input(value=self.default.name, placeholder="name.json", id="save-name")
            field.cursor_blink = self.cursor_blink
            yield field
            yield Static(
                f"A bare name goes into {self.folder}/. Enter saves, escape cancels.",
                classes="dialog-note",
                markup=False,
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        name = event.value.strip()
        if not name:
            self.notify("Give the save a name.", severity="warning")
            return
        path = Path(name).expanduser()
        if not path.suffix:
            path = path.with_suffix(".json")
        if path.parent == Path("."):
            path = self.folder / path
        problem = cannot_save_to(path, self.folder)
        if problem:
            self.notify(problem, title="Not saved", severity="error", timeout=8)
            return
        if not path.exists():
            self.dismiss(path)
            return

        def answered(overwrite: bool | None) -> None:
            if overwrite:
                self.dismiss(path)

        self.app.push_screen(
            ConfirmScreen(
                "Write over a save?",
                f"{path} is there already. Write this game over it?",
                yes="Write over it",
                no="Keep it",
            ),
            answered,
        )

    def action_cancel(self) -> None:
        self.dismiss(None)


def cannot_save_to(path: Path, saves_folder: Path) -> str:
    """Why a save cannot go to `path` ('' if it can): a folder that is not there (other
    than the saves folder, made when needed), or a folder where the file should be."""
    folder = path.parent
    if path.is_dir():
        return f"{path} is a folder; give a file name."
    if not folder.is_dir() and folder.absolute() != saves_folder.absolute():
        return f"No such folder '{folder}': make it first, or save into {saves_folder}."
    return ""
