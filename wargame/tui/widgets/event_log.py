"""The event log: one coloured line per event, newest at the bottom."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widgets import RichLog

from wargame.engine.events import Event
from wargame.report.describe import describe
from wargame.view.log_lines import TONES, LogLine, Tone, log_lines

# Each tone is a component class `log--<tone>`, coloured in wargame.tcss by the theme's
# contrast-checked text colours, so lines read on light and dark themes.


class EventLog(RichLog):
    """The game's events, coloured by kind."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"log--{tone}" for tone in TONES} | {
        "log--turn-number"
    }

    def __init__(self, *, reveal: bool = False, id: str | None = None) -> None:
        super().__init__(wrap=True, markup=False, highlight=False, max_lines=2000, id=id)
        self.reveal = reveal
        """Show red's side too (replays, in the report's words), not only what blue knows."""
        self._entries: list[LogLine] = []
        """(turn, tone, text) of every line, to write them again in a new theme's colours."""
        self._inks: tuple[Style, ...] = ()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # A new theme: write every line again in its colours (the lines keep the colours they
        # were written in). Focus and hover restyle the log too, but change no ink.
        try:
            inks = tuple(self._ink(f"log--{tone}") for tone in TONES)
        except KeyError:  # styled before its component classes are set up
            return
        if inks != self._inks:
            if self._inks:
                self.call_later(self._rewrite)
            self._inks = inks

    def add_events(self, events: Iterable[Event]) -> list[tuple[Tone, str]]:
        """Write a line for each event that has one (one for a salvo's rounds); returns
        the (tone, text) written."""
        written = []
        for turn, tone, text in log_lines(events, describe if self.reveal else None):
            self._entries.append((turn, tone, text))
            self._write(turn, tone, text)
            written.append((tone, text))
        return written

    def clear(self) -> EventLog:
        self._entries = []
        super().clear()
        return self

    def _ink(self, name: str) -> Style:
        # The colour of the full component style (resolved against the background), without
        # the background itself, so the line follows the log's own background.
        full = self.get_component_rich_style(name)
        return Style(color=full.color, bold=full.bold)

    def _write(self, turn: int, tone: Tone, text: str) -> None:
        prefix = Text(f"T{turn:<3}", style=self._ink("log--turn-number"))
        self.write(prefix + Text(text, style=self._ink(f"log--{tone}")))

    def _rewrite(self) -> None:
        entries = self._entries
        super().clear()
        for entry in entries:
            self._write(*entry)
