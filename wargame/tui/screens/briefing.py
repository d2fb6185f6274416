"""The briefing: the campaign's Markdown, then on to the tactical screen."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Markdown, Static

from wargame.campaign import LoadedCampaign
from wargame.view.alerts import step_words


def how_to_play(seconds_per_turn: float) -> str:
    """The few words of play under every briefing, with the campaign's turn."""
    turn = step_words(1, seconds_per_turn)
    return f"""
---
**How to play.** Each turn is {turn} of game time. Give orders with single keys
(the footer shows the main ones, **?** lists them all, **ctrl+p** finds any by name),
then press **n** (or space) to play on: one turn, or longer with **>** (and shorter
with **<**); play stops early on the news you choose with **P**. Your fire units
engage on their own while their weapons are *free*; **f** fires at the highlighted
track yourself, **e** switches a radar on or off, **m** moves a unit. The map shows
only what your radars report.
"""


class BriefingScreen(Screen[None]):
    """The campaign's briefing; enter starts the game, escape goes back to the picker."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,n", "begin", "Begin", show=True),
        Binding("escape", "back", "Back", show=True),
    ]
    """enter (or n) begins; escape goes back."""

    class Begin(Message):
        """The player is ready to play this campaign."""

        def __init__(self, loaded: LoadedCampaign) -> None:
            self.loaded = loaded
            super().__init__()

    def __init__(self, loaded: LoadedCampaign, can_go_back: bool = True) -> None:
        super().__init__()
        self.loaded = loaded
        self.can_go_back = can_go_back

    def compose(self) -> ComposeResult:
        meta = self.loaded.campaign.meta
        yield Static(
            f"Briefing: {meta.title} ({meta.difficulty}). Enter to begin.",
            id="picker-title",
            markup=False,
        )
        with VerticalScroll(id="briefing"):
            turn = self.loaded.campaign.clock.seconds_per_turn
            yield Markdown(
                (meta.briefing or f"# {meta.title}\n\n{meta.summary}") + how_to_play(turn)
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#briefing", VerticalScroll).focus()

    def action_begin(self) -> None:
        self.post_message(self.Begin(self.loaded))

    def action_back(self) -> None:
        if self.can_go_back:
            self.dismiss(None)
