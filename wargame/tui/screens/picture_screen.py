"""The base of the screens that show the picture (tactical, replay): the keys that look at it.

Selection, overlays, zoom and pan work alike on both; a subclass adds its own
bindings (Textual merges them with these) and provides `pane`.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from wargame.tui.widgets.event_log import EventLog
from wargame.tui.widgets.picture_pane import PicturePane


class PictureScreen(Screen[None]):
    """A screen with a PicturePane."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("u", "next_unit(1)", "Next unit", show=False),
        Binding("U", "next_unit(-1)", "Previous unit", show=False),
        Binding("t", "next_track(1)", "Next track", show=False),
        Binding("T", "next_track(-1)", "Previous track", show=False),
        Binding("c", "coverage", "Radar coverage", show=False),
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
    ]
    """Selection, overlays, zoom and pan."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]  # noqa: RUF012

    @property
    def pane(self) -> PicturePane:
        return self.query_one(PicturePane)

    def action_next_unit(self, step: int) -> None:
        self.pane.next_unit(step)

    def action_next_track(self, step: int) -> None:
        if not self.pane.next_track(step):
            self.notify("No tracks: the radars report nothing now.", timeout=3)

    def action_coverage(self) -> None:
        on = self.pane.toggle_coverage()
        self.notify(f"Radar coverage {'shown' if on else 'hidden'}.", timeout=2)

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
