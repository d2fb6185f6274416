"""The tactical map: a line-API widget drawing the blue picture to scale.

The screen sets what to show (`show(scenario, state)`, the selection, the
coverage and range-ring toggles, coverage's altitude and mode, the pick cursor);
the map keeps its own view (zoom and pan, by keys, wheel and drag) and the trails
of the tracks (`map_trails.TrackTrails`, from each state it is shown), works out
the selected track's intercept point for the best shot open (the fire dialog's
answer, once per state and track), and posts what the player points at:
`MapView.UnitClicked`, `MapView.TrackClicked`, `MapView.PointPicked`. A frame
is drawn once per change by `map_frame.draw_frame` and cut into Strips, each
segment carrying the widget's own style under its ink so the background holds.
"""

from __future__ import annotations

from itertools import pairwise
from typing import ClassVar, Literal

import numpy as np
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Offset
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from wargame.engine import Scenario, State
from wargame.view.blue import track_slot
from wargame.view.fire_options import shot_options
from wargame.view.map_canvas import INK_NAMES, Geometry, View
from wargame.view.map_frame import Layers, Marks, draw_frame
from wargame.view.map_trails import TrackTrails

ZOOM_STEP = 1.5
MIN_ZOOM, MAX_ZOOM = 0.5, 64.0
CLICK_REACH = 2.0
"""A click selects the nearest unit or track within this many cells."""


class MapView(Widget, can_focus=True):
    """The map of the campaign area with units, rings and tracks."""

    DEFAULT_CSS = """
    MapView {
        width: 1fr;
        height: 1fr;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = set(INK_NAMES)
    """One component class per ink of the frame; colours are in wargame.tcss."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "pan(-1, 0)", "Pan west", show=False),
        Binding("right", "pan(1, 0)", "Pan east", show=False),
        Binding("up", "pan(0, -1)", "Pan north", show=False),
        Binding("down", "pan(0, 1)", "Pan south", show=False),
        Binding("enter", "confirm_pick", "Confirm the point", show=False),
    ]
    """Arrows pan (or move the pick cursor); enter confirms a picked point."""

    class UnitClicked(Message):
        """A unit's symbol was clicked."""

        def __init__(self, radar: int) -> None:
            self.radar = radar
            super().__init__()

    class TrackClicked(Message):
        """A track was clicked."""

        def __init__(self, track: int) -> None:
            self.track = track
            super().__init__()

    class PointPicked(Message):
        """A point was chosen while picking (relocation)."""

        def __init__(self, x_km: float, y_km: float) -> None:
            self.x_km = x_km
            self.y_km = y_km
            super().__init__()

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.scenario: Scenario | None = None
        self.state: State | None = None
        self.trails = TrackTrails()
        """The tracks' past reports, from the states shown."""
        self.overlay = Layers(trails=self.trails)
        self._intercepts: dict[tuple[int, int, int], tuple[float, float] | None] = {}
        self.view: View | None = None
        self._strips: list[Strip] | None = None
        self._geometry: Geometry | None = None
        self._marks = Marks()
        self._drag: Offset | None = None
        self._dragged = False

    # -------------------------------------------------------- set from above

    def show(self, scenario: Scenario, state: State) -> None:
        """Draw this state (the screen's copy; the map only reads it)."""
        if scenario is not self.scenario:
            self.trails.clear()
        self.scenario, self.state = scenario, state
        self.trails.record(state)
        if self.view is None:
            size = scenario.loaded.campaign.map
            self.view = View.fit(size.width_km, size.height_km)
        self.redraw()

    def set_layers(self, **changes: object) -> None:
        """Change what is drawn (`map_frame.Layers`): coverage, coverage_mode,
        coverage_alt_m, rings, selected_unit, selected_track, pick, pick_from."""
        for name, value in changes.items():
            setattr(self.overlay, name, value)
        self.redraw()

    def redraw(self) -> None:
        self._strips = None
        self.refresh()

    @property
    def picking(self) -> bool:
        return self.overlay.pick is not None

    # ------------------------------------------------------------ view

    def zoom_by(self, factor: float, around: Offset | None = None) -> None:
        """Zoom in (factor > 1) or out, keeping the point under `around` (a cell) in place."""
        geo = self._geometry_now()
        if geo is None or self.view is None:
            return
        zoom = min(max(self.view.zoom * factor, MIN_ZOOM), MAX_ZOOM)
        if around is not None:
            x, y = geo.km(around.x, around.y)
            applied = zoom / self.view.zoom
            self.view.cx = x + (self.view.cx - x) / applied
            self.view.cy = y + (self.view.cy - y) / applied
        self.view.zoom = zoom
        self.redraw()

    def reset_view(self) -> None:
        if self.scenario is not None:
            size = self.scenario.loaded.campaign.map
            self.view = View.fit(size.width_km, size.height_km)
            self.redraw()

    def centre_on(self, x_km: float, y_km: float) -> None:
        if self.view is not None:
            self.view.cx, self.view.cy = x_km, y_km
            self.redraw()

    def action_pan(self, dx: int, dy: int) -> None:
        geo = self._geometry_now()
        if geo is None or self.view is None:
            return
        if self.picking and self.overlay.pick is not None:
            # The pick cursor moves a cell at a time and drags the view along at the edge.
            x, y = self.overlay.pick
            pick = (x + dx * geo.kpc, y - dy * geo.kpr)
            col, row = geo.cell(*pick)
            if not (0 <= col < geo.width and 0 <= row < geo.height):
                self.view.cx += dx * geo.kpc * max(geo.width // 4, 1)
                self.view.cy -= dy * geo.kpr * max(geo.height // 4, 1)
            self.set_layers(pick=pick)
            return
        self.view.cx += dx * geo.kpc * max(geo.width // 4, 1)
        self.view.cy -= dy * geo.kpr * max(geo.height // 4, 1)
        self.redraw()

    def action_confirm_pick(self) -> None:
        if self.overlay.pick is not None:
            self.post_message(self.PointPicked(*self.overlay.pick))

    def _geometry_now(self) -> Geometry | None:
        if self.scenario is None or self.view is None:
            return None
        size = self.scenario.loaded.campaign.map
        width, height = self.size
        return Geometry.of(max(width, 1), max(height, 1), self.view, size.width_km, size.height_km)

    # ------------------------------------------------------------ drawing

    def render_line(self, y: int) -> Strip:
        if (
            self._strips is None
            or len(self._strips) != self.size.height
            or (self._strips and self._strips[0].cell_length != self.size.width)
        ):
            self._strips = self._draw()
        if 0 <= y < len(self._strips):
            return self._strips[y]
        return Strip.blank(self.size.width, self.rich_style)

    def on_resize(self, event: events.Resize) -> None:
        self.redraw()

    def notify_style_update(self) -> None:
        # A theme change restyles the component classes: draw again with the new inks.
        super().notify_style_update()
        self._strips = None

    def _inks(self) -> list[Style]:
        # Full component styles: only they resolve the theme's 'auto' and translucent text
        # colours against the background (partial ones turn $text-muted white on light themes).
        base = self.rich_style
        return [base + self.get_component_rich_style(name) for name in INK_NAMES]

    def _draw(self) -> list[Strip]:
        width, height = self.size
        base = self.rich_style
        if self.scenario is None or self.state is None or self.view is None or width <= 0:
            return [Strip.blank(width, base) for _ in range(height)]
        self.overlay.intercept = self._best_intercept()
        canvas, geo, marks = draw_frame(
            self.scenario, self.state, width, height, self.view, self.overlay
        )
        self._geometry, self._marks = geo, marks
        inks = self._inks()
        strips = []
        for row in range(height):
            ink = canvas.ink[row]
            text = canvas.chars[row].tobytes().decode("utf-32-le")
            cuts = [0, *(np.flatnonzero(ink[1:] != ink[:-1]) + 1).tolist(), width]
            ink_list = ink.tolist()
            segments = [Segment(text[a:b], inks[ink_list[a]]) for a, b in pairwise(cuts)]
            strips.append(Strip(segments, width))
        return strips

    def _best_intercept(self) -> tuple[float, float] | None:
        """Where the best shot open now at the selected track would meet it, km: its
        estimate dead-reckoned to the shot's launch at the next turn's end plus the
        missile's time of flight. Worked out once per state and track."""
        sc, st, track = self.scenario, self.state, self.overlay.selected_track
        if sc is None or st is None or track < 0:
            return None
        key = (id(st), st.turn, track)
        if key not in self._intercepts:
            self._intercepts.clear()
            slot = track_slot(st, track)
            shots = shot_options(sc, st, slot) if slot >= 0 else []
            best = next((s for s in shots if s.possible), None)
            point = None
            if best is not None:
                hit = (st.turn + 1) * sc.dt + best.time_of_flight_s
                ahead = hit - float(st.track_last[slot]) * sc.dt
                point = (
                    float(st.track_x[slot] + st.track_vx[slot] * ahead),
                    float(st.track_y[slot] + st.track_vy[slot] * ahead),
                )
            self._intercepts[key] = point
        return self._intercepts[key]

    def cell_of(self, x_km: float, y_km: float) -> tuple[int, int]:
        """The content cell (column, row) a point of the map is drawn in now."""
        geo = self._geometry_now()
        assert geo is not None, "the map shows nothing yet"
        return geo.cell(x_km, y_km)

    def plain_lines(self) -> list[str]:
        """The map as text, one string a row (for tests and the benchmark)."""
        return [self.render_line(y).text for y in range(self.size.height)]

    # ------------------------------------------------------------ mouse

    def on_click(self, event: events.Click) -> None:
        if self._dragged:
            self._dragged = False
            return
        offset = event.get_content_offset(self)
        geo = self._geometry
        if offset is None or geo is None:
            return
        event.stop()
        self.focus()
        if self.picking:
            self.set_layers(pick=geo.km(offset.x, offset.y))
            self.action_confirm_pick()
            return
        hit = self._hit(offset)
        if hit is not None:
            kind, value = hit
            self.post_message(
                self.UnitClicked(value) if kind == "unit" else self.TrackClicked(value)
            )

    def _hit(self, offset: Offset) -> tuple[Literal["unit", "track"], int] | None:
        """The unit or track nearest a cell, within CLICK_REACH cells."""
        best: tuple[float, Literal["unit", "track"], int] | None = None
        for col, row, radar in self._marks.unit_cells:
            d = float(np.hypot(col - offset.x, 2 * (row - offset.y)))
            if d <= CLICK_REACH and (best is None or d < best[0]):
                best = (d, "unit", radar)
        marks = self._marks
        if marks.track_ids.size:
            d_all = np.hypot(marks.track_cols - offset.x, 2 * (marks.track_rows - offset.y))
            i = int(np.argmin(d_all))
            # Tracks win ties: a threat over a site is what a click is after.
            if d_all[i] <= CLICK_REACH and (best is None or d_all[i] <= best[0]):
                best = (float(d_all[i]), "track", int(marks.track_ids[i]))
        return None if best is None else (best[1], best[2])

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.zoom_by(ZOOM_STEP, event.get_content_offset(self))

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.zoom_by(1 / ZOOM_STEP, event.get_content_offset(self))

    def on_mouse_scroll_left(self, event: events.MouseScrollLeft) -> None:
        event.stop()
        self.action_pan(-1, 0)

    def on_mouse_scroll_right(self, event: events.MouseScrollRight) -> None:
        event.stop()
        self.action_pan(1, 0)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if event.button == 1 and not self.picking:
            self._drag = Offset(event.x, event.y)
            self._dragged = False
            self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._drag is None or self.view is None or self._geometry is None:
            return
        dx, dy = event.x - self._drag.x, event.y - self._drag.y
        if dx or dy:
            self._dragged = True
            self.view.cx -= dx * self._geometry.kpc
            self.view.cy += dy * self._geometry.kpr
            self._drag = Offset(event.x, event.y)
            self.redraw()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._drag is not None:
            self._drag = None
            self.release_mouse()
