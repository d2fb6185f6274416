"""The base of the screens that show the picture (tactical, replay): the keys that look at it.

Selection, overlays, zoom, pan and the event log's filters work alike on both; a
subclass adds its own bindings (Textual merges them with these) and provides
`pane`. Under `MIN_SIZE` a notice replaces the whole screen: the keys still work,
but nothing is drawn cut or overlapping.
"""

from __future__ import annotations

from typing import ClassVar, Final

from textual.binding import Binding, BindingType
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Static

from wargame.tui.widgets.event_log import FILTER_WORDS, EventLog
from wargame.tui.widgets.picture_pane import PicturePane
from wargame.view.log_lines import TOPICS
from wargame.view.map_frame import COVERAGE_ALTITUDES_M
from wargame.view.picture import altitude_text

MIN_SIZE: Final = (80, 20)
"""The smallest terminal (columns, rows) the picture is drawn in: the footer's keys and
the side panel need 80 columns, the map a dozen rows."""


class PictureScreen(Screen[None]):
    """A screen with a PicturePane."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("u", "next_unit(1)", "Next unit", show=False),
        Binding("U", "next_unit(-1)", "Previous unit", show=False),
        Binding("t", "next_track(1)", "Next track", show=False),
        Binding("T", "next_track(-1)", "Previous track", show=False),
        Binding("c", "coverage", "Radar coverage", show=False),
        Binding(
            "v",
            "coverage_altitude",
            "Coverage altitude",
            show=False,
            tooltip="Radar coverage for a target at 50 m → 500 m → 10 km (shows coverage)",
        ),
        Binding(
            "C",
            "coverage_mode",
            "Coverage: all / selected",
            show=False,
            tooltip="Radar coverage of every radar, each in its colour, or the selected unit's",
        ),
        Binding("o", "rings", "Missile ranges", show=False),
        Binding("plus,equals_sign", "zoom(1)", "Zoom in", show=False),
        Binding("minus", "zoom(-1)", "Zoom out", show=False),
        Binding("0", "whole_map", "Whole map", show=False),
        Binding("g", "centre", "Centre on selection", show=False),
        Binding("shift+left", "pan(-1, 0)", "Pan west", show=False),
        Binding("shift+right", "pan(1, 0)", "Pan east", show=False),
        Binding("shift+up", "pan(0, -1)", "Pan north", show=False),
        Binding("shift+down", "pan(0, 1)", "Pan south", show=False),
        Binding("pageup,[", "scroll_log(-1)", "Scroll the event log back", show=False),
        Binding("pagedown,]", "scroll_log(1)", "Scroll the event log on", show=False),
        Binding("l", "tall_log", "Event log tall / short", show=False),
        Binding("1", "log_filter('')", "Log: every event", show=False),
        *(
            Binding(
                str(n),
                f"log_filter('{topic}')",
                f"Log: {FILTER_WORDS[topic]} only",
                show=False,
                tooltip=f"Event log: {FILTER_WORDS[topic]} only (again, or 1: every event)",
            )
            for n, topic in enumerate(TOPICS, start=2)
        ),
    ]
    """Selection, overlays, zoom and pan; the log's filters on 1 to 5."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]  # noqa: RUF012

    @property
    def pane(self) -> PicturePane:
        return self.query_one(PicturePane)

    # ------------------------------------------------------- too small

    def on_mount(self) -> None:
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """Show the notice instead of the picture while the terminal is under MIN_SIZE."""
        width, height = self.app.size
        small = width < MIN_SIZE[0] or height < MIN_SIZE[1]
        try:
            notice = self.query_one("#too-small", Static)
        except NoMatches:
            if not small:
                return
            notice = Static(id="too-small", markup=False)
            self.mount(notice)
        notice.update(
            f"This window is {width}×{height}: too small for the picture. wargame needs "
            f"{MIN_SIZE[0]}×{MIN_SIZE[1]} or more. Enlarge the window (or make the font "
            "smaller); the game waits as it is. ctrl+q quits."
        )
        self.set_class(small, "-too-small")

    # ------------------------------------------------------- picture keys

    def action_next_unit(self, step: int) -> None:
        self.pane.next_unit(step)

    def action_next_track(self, step: int) -> None:
        if not self.pane.next_track(step):
            self.notify("No tracks: the radars report nothing now.", timeout=3)

    def action_coverage(self) -> None:
        on = self.pane.toggle_coverage()
        self.notify(f"Radar coverage {'shown' if on else 'hidden'}.", timeout=2)

    def action_coverage_altitude(self) -> None:
        layers = self.pane.map.overlay
        heights = COVERAGE_ALTITUDES_M
        now = heights.index(layers.coverage_alt_m) if layers.coverage_alt_m in heights else -1
        alt = heights[(now + 1) % len(heights)] if layers.coverage else layers.coverage_alt_m
        self.pane.map.set_layers(coverage=True, coverage_alt_m=alt)
        self.notify(f"Radar coverage for a target at {altitude_text(alt)}.", timeout=2)

    def action_coverage_mode(self) -> None:
        mode = "selected" if self.pane.map.overlay.coverage_mode == "all" else "all"
        self.pane.map.set_layers(coverage=True, coverage_mode=mode)
        whose = "the selected unit's radar" if mode == "selected" else "every radar"
        self.notify(f"Radar coverage of {whose}.", timeout=2)

    def action_rings(self) -> None:
        on = self.pane.toggle_rings()
        self.notify(f"Missile ranges {'shown' if on else 'hidden'}.", timeout=2)

    def action_zoom(self, direction: int) -> None:
        self.pane.zoom(direction)

    def action_whole_map(self) -> None:
        self.pane.map.reset_view()

    def action_pan(self, dx: int, dy: int) -> None:
        self.pane.map.action_pan(dx, dy)

    def action_centre(self) -> None:
        self.pane.centre()

    # ------------------------------------------------------- the log

    def action_tall_log(self) -> None:
        """A busy turn writes more lines than the log shows: it can take half the screen."""
        self.set_class(not self.has_class("-tall-log"), "-tall-log")
        log = self.query_one(EventLog)
        self.call_after_refresh(log.scroll_end, animate=False)

    def action_scroll_log(self, direction: int) -> None:
        log = self.query_one(EventLog)
        if direction < 0:
            log.scroll_page_up(animate=False)
        else:
            log.scroll_page_down(animate=False)

    def action_log_filter(self, topic: str) -> None:
        """Keep only one topic's lines; the same key again (or 1) shows every line."""
        log = self.query_one(EventLog)
        chosen = next((t for t in TOPICS if t == topic), None)
        log.filter(None if chosen == log.topic else chosen)
