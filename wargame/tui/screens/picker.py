"""The campaign picker: the campaigns of the campaigns folder, with title, difficulty, summary."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.markup import escape
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from wargame.campaign import LoadedCampaign, load_campaign
from wargame.errors import WargameError


@dataclass(frozen=True)
class Entry:
    path: Path
    loaded: LoadedCampaign | None
    problem: str
    """Why the file does not load ('' if it does)."""


def scan(folder: Path) -> list[Entry]:
    """Every *.toml in the folder, loaded (or with its first problem), tutorial first."""
    entries = []
    for path in sorted(folder.glob("*.toml")):
        try:
            entries.append(Entry(path, load_campaign(path), ""))
        except WargameError as error:
            entries.append(Entry(path, None, str(error.problems[0])))
    order = ["tutorial", "easy", "normal", "hard", "expert"]
    return sorted(
        entries,
        key=lambda e: (
            e.loaded is None,
            order.index(e.loaded.campaign.meta.difficulty) if e.loaded else 9,
            e.path.name,
        ),
    )


class CampaignPickerScreen(Screen[None]):
    """Choose a campaign; enter opens its briefing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Open briefing", show=True),
        Binding("ctrl+o", "load", "Load a save", show=True),
    ]
    """enter opens the highlighted campaign; ctrl+o loads a save instead."""

    class Chosen(Message):
        """A campaign was chosen."""

        def __init__(self, loaded: LoadedCampaign) -> None:
            self.loaded = loaded
            super().__init__()

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.entries = scan(folder) if folder.is_dir() else []

    def compose(self) -> ComposeResult:
        yield Static(
            "wargame: choose a campaign with the arrows, enter opens its briefing  "
            f"({self.folder})",
            id="picker-title",
            markup=False,
        )
        options = []
        for entry in self.entries:
            if entry.loaded is None:
                options.append(
                    Option(
                        f"[dim]{escape(entry.path.name)}: cannot be loaded\n"
                        f"  {escape(entry.problem)}[/dim]",
                        id=str(entry.path),
                        disabled=True,
                    )
                )
                continue
            meta = entry.loaded.campaign.meta
            summary = escape(meta.summary) if meta.summary else "[dim]no summary[/dim]"
            options.append(
                Option(
                    f"[b]{escape(meta.title)}[/b]  [$text-accent]{meta.difficulty}[/]  "
                    f"[dim]{escape(entry.path.name)}[/dim]\n{summary}\n",
                    id=str(entry.path),
                )
            )
        if not options:
            options.append(
                Option(f"No campaign files (*.toml) in {escape(str(self.folder))}", disabled=True)
            )
        yield OptionList(*options, id="campaigns")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#campaigns", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def action_choose(self) -> None:
        index = self.query_one("#campaigns", OptionList).highlighted
        if index is not None:
            self._choose(index)

    def _choose(self, index: int) -> None:
        if 0 <= index < len(self.entries) and self.entries[index].loaded is not None:
            loaded = self.entries[index].loaded
            assert loaded is not None
            self.post_message(self.Chosen(loaded))

    async def action_load(self) -> None:
        await self.app.run_action("load_save")
