"""The event log: one coloured line per event (one per salvo fired, one per salvo
arriving), newest at the bottom, filtered by topic on the screen's keys.

The tactical and replay screens hand it events (`add_events`); it words them with
`view.log_lines`, so the log reads alike in play and in a replay. It keeps every
line, so that a new theme, a new width (the lines wrap again) or a filter writes
them all again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Final

from rich.style import Style
from rich.text import Text
from textual.events import Resize
from textual.widgets import RichLog

from wargame.engine.events import Event
from wargame.report.describe import describe
from wargame.view.log_lines import TONES, LogLine, TentativeTracks, Tone, Topic, log_entries

# Each tone is a component class `log--<tone>`, coloured in wargame.tcss by the theme's
# contrast-checked text colours, so lines read on light and dark themes.

FILTER_WORDS: Final[dict[Topic, str]] = {
    "kill": "kills",
    "leaker": "leakers and losses",
    "mine": "my orders",
    "red": "red activity",
}
"""The log's filters, as its title names them."""


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
        """Every line, to write them again in a new theme's colours, width or filter."""
        self._inks: tuple[Style, ...] = ()
        self._width = 0
        self.topic: Topic | None = None
        """The filter: only lines of this topic (None: every line)."""
        self.title = "Events"
        """The border title without the filter."""

    def on_mount(self) -> None:
        self._show_title()

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

    def on_resize(self, event: Resize) -> None:
        # Lines are wrapped when written: a new width wraps them again.
        width = self.scrollable_content_region.width
        if self._width and width != self._width:
            self.call_later(self._rewrite)
        self._width = width

    def add_events(
        self, events: Iterable[Event], tentative: Iterable[TentativeTracks] = ()
    ) -> list[tuple[Tone, str]]:
        """Write a line for each event that has one (one for a salvo's rounds), the
        turns' tentative tracks folded (`tentative`, as the play session gives them);
        returns the (tone, text) written, filtered or not."""
        written = []
        for line in log_entries(events, describe if self.reveal else None, tentative):
            self._entries.append(line)
            if self._kept(line):
                self._write(line)
            written.append((line.tone, line.text))
        return written

    def filter(self, topic: Topic | None) -> None:
        """Show only the lines of a topic (None: all of them)."""
        self.topic = topic
        self._show_title()
        self._rewrite()

    def set_title(self, title: str) -> None:
        self.title = title
        self._show_title()

    def clear(self) -> EventLog:
        self._entries = []
        super().clear()
        return self

    def _show_title(self) -> None:
        if self.topic is None:
            self.border_title = self.title
        else:
            self.border_title = f"{self.title}: {FILTER_WORDS[self.topic]} only (1 shows all)"

    def _kept(self, line: LogLine) -> bool:
        # A filtered log drops the lines between turns too: each line has its turn.
        return self.topic is None or line.topic == self.topic

    def _ink(self, name: str) -> Style:
        # The colour of the full component style (resolved against the background), without
        # the background itself, so the line follows the log's own background.
        full = self.get_component_rich_style(name)
        return Style(color=full.color, bold=full.bold)

    def _write(self, line: LogLine) -> None:
        prefix = Text(f"T{line.turn:<3}", style=self._ink("log--turn-number"))
        text = prefix + Text(line.text, style=self._ink(f"log--{line.tone}"))
        # Wrapped at the log's own width (the console's may differ), once it is known.
        self.write(text, width=self.scrollable_content_region.width or None)

    def _rewrite(self) -> None:
        super().clear()
        for line in self._entries:
            if self._kept(line):
                self._write(line)
        self.scroll_end(animate=False)
