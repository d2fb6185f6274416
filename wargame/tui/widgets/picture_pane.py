"""The picture: map, unit panel and track table side by side, with one selection.

Shared by the tactical and the replay screens. The screen hands it a state
(`show`) and what is pending; the pane keeps the selected unit and track in
step across the map (clicks), the table (highlight) and the keys (its
`next_unit` / `next_track`). The screen reads `selected_unit` and
`selected_track` when it gives an order.
"""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical

from wargame.engine import Order, Scenario, State
from wargame.tui.widgets.map_view import ZOOM_STEP, MapView
from wargame.tui.widgets.side_panel import TrackTable, UnitPanel
from wargame.view.blue import track_slot
from wargame.view.picture import TrackRow, track_rows, unit_status

COMPACT_BELOW_ROWS = 34
"""Terminals shorter than this get the compact unit panel."""


class PicturePane(Horizontal):
    """Map on the left; the selected unit and the track table on the right."""

    def __init__(self, scenario: Scenario, state: State, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.scenario = scenario
        self.state = state
        self.selected_unit = int(scenario.f_radar[0]) if len(scenario.f_name) else 0
        """Radar index of the selected unit (fire units included)."""
        self.selected_track = -1
        """Track id of the selected track (-1: none)."""
        self.pending: dict[str, list[Order]] = {}
        """Orders waiting for the next turn, by unit."""
        self.planned_pk: dict[int, float] = {}
        """Track id -> salvo kill probability of a manual shot ordered on it."""
        self.compact = False
        """Pack the unit panel for a short terminal (set from the terminal's height)."""

    def compose(self) -> ComposeResult:
        yield MapView(id="map")
        with Vertical(id="side"):
            yield UnitPanel(id="unit")
            yield TrackTable(id="tracks")

    @property
    def map(self) -> MapView:
        return self.query_one("#map", MapView)

    @property
    def unit_panel(self) -> UnitPanel:
        return self.query_one("#unit", UnitPanel)

    @property
    def tracks(self) -> TrackTable:
        return self.query_one("#tracks", TrackTable)

    def on_mount(self) -> None:
        self.map.border_title = "Map (c coverage, o ranges, +/- zoom)"
        self.compact = self.app.size.height < COMPACT_BELOW_ROWS
        self.show(self.state)

    def on_resize(self) -> None:
        compact = self.app.size.height < COMPACT_BELOW_ROWS
        if compact != self.compact:
            self.compact = compact
            self.show_unit()

    # ------------------------------------------------------------ showing

    def show(
        self,
        state: State,
        pending: dict[str, list[Order]] | None = None,
        planned_pk: dict[int, float] | None = None,
    ) -> None:
        """Show a state (a copy the pane may keep) with the orders waiting on it."""
        self.state = state
        if pending is not None:
            self.pending = pending
        if planned_pk is not None:
            self.planned_pk = planned_pk
        rows = self.rows()
        ids = [r.track for r in rows]
        if self.selected_track not in ids:
            self.selected_track = ids[0] if ids else -1
        self.map.show(self.scenario, state)
        self.map.set_layers(selected_unit=self.selected_unit, selected_track=self.selected_track)
        self.tracks.show_rows(rows, self.selected_track)
        self.show_unit()

    def rows(self) -> list[TrackRow]:
        """The track table, with the planned pk of manual shots ordered this turn."""
        return [
            replace(r, pk=self.planned_pk[r.track], engaged=f"ordered {r.engaged}".strip())
            if not r.pk_planned and r.track in self.planned_pk
            else r
            for r in track_rows(self.scenario, self.state)
        ]

    def show_unit(self) -> None:
        name = self.scenario.r_name[self.selected_unit]
        self.unit_panel.show_unit(
            unit_status(self.scenario, self.state, self.selected_unit),
            self.pending.get(name, []),
            self.state.turn,
            compact=self.compact,
            last_turn=self.scenario.turn_limit,
        )

    def show_orders(self, pending: dict[str, list[Order]], planned_pk: dict[int, float]) -> None:
        """Orders changed (same state)."""
        self.pending, self.planned_pk = pending, planned_pk
        self.tracks.show_rows(self.rows(), self.selected_track)
        self.show_unit()

    # ----------------------------------------------------------- selection

    def select_unit(self, radar: int) -> None:
        self.selected_unit = radar
        self.map.set_layers(selected_unit=radar)
        self.show_unit()

    def next_unit(self, step: int) -> None:
        self.select_unit((self.selected_unit + step) % len(self.scenario.r_name))

    def select_track(self, track: int) -> None:
        self.selected_track = track
        self.map.set_layers(selected_track=track)
        self.tracks.show_rows(self.rows(), track)

    def next_track(self, step: int) -> bool:
        """Move the selection along the table; False if there are no tracks."""
        ids = [r.track for r in track_rows(self.scenario, self.state)]
        if not ids:
            return False
        i = ids.index(self.selected_track) if self.selected_track in ids else -step
        self.select_track(ids[(i + step) % len(ids)])
        return True

    def on_map_view_unit_clicked(self, message: MapView.UnitClicked) -> None:
        message.stop()
        self.select_unit(message.radar)

    def on_map_view_track_clicked(self, message: MapView.TrackClicked) -> None:
        message.stop()
        self.select_track(message.track)

    def on_track_table_track_chosen(self, message: TrackTable.TrackChosen) -> None:
        message.stop()
        self.selected_track = message.track
        self.map.set_layers(selected_track=message.track)
        self.tracks.show_rows(self.rows(), message.track)

    # ---------------------------------------------------------------- view

    def toggle_coverage(self) -> bool:
        on = not self.map.overlay.coverage
        self.map.set_layers(coverage=on)
        return on

    def toggle_rings(self) -> bool:
        on = not self.map.overlay.rings
        self.map.set_layers(rings=on)
        return on

    def zoom(self, direction: int) -> None:
        self.map.zoom_by(ZOOM_STEP if direction > 0 else 1 / ZOOM_STEP)
        if self.map.picking and self.map.overlay.pick is not None:
            self.map.centre_on(*self.map.overlay.pick)  # the site being picked stays in view

    def centre(self) -> None:
        """Centre the map on the site being picked, else the selected track, else unit."""
        if self.map.picking and self.map.overlay.pick is not None:
            self.map.centre_on(*self.map.overlay.pick)
            return
        slot = track_slot(self.state, self.selected_track) if self.selected_track >= 0 else -1
        if slot >= 0:
            self.map.centre_on(float(self.state.track_x[slot]), float(self.state.track_y[slot]))
        else:
            r = self.selected_unit
            self.map.centre_on(float(self.state.r_x[r]), float(self.state.r_y[r]))
