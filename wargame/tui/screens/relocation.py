"""Relocation on the tactical screen: `m` starts picking a site on the map.

The map draws a cursor with a dotted line from the unit and the march's cost
beside it (`_march_label`); enter or a click picks the site
(`MapView.PointPicked`), escape cancels. The order then waits for the next turn
like any other. `TacticalScreen` inherits these handlers and binds
`RELOCATION_BINDINGS`.
"""

from __future__ import annotations

import math
from typing import Final

from textual.binding import Binding

from wargame.engine import SAME_SITE_KM, channels_in_use, march_turns, relocation
from wargame.tui.screens.game_screen import GameScreen
from wargame.tui.widgets.map_view import MapView
from wargame.view.words import counted

RELOCATION_BINDINGS: Final = [
    Binding(
        "m", "relocate", "Move", tooltip="Move (relocate) the selected unit: pick the new site"
    ),
    Binding("escape", "escape", "Cancel", show=False, tooltip="Cancel picking a site"),
]
"""m starts picking a site, escape cancels it."""


class RelocationPicking(GameScreen):
    """Pick a new site for the selected unit and order the move."""

    def action_relocate(self) -> None:
        if not self._can_order():
            return
        r = self._unit
        if not self.state.radar_alive[r]:
            self.notify(f"{self._unit_name} is destroyed.", severity="warning")
            return
        here = (float(self.state.r_x[r]), float(self.state.r_y[r]))
        self.pane.map.set_layers(
            pick=here,
            pick_from=here,
            pick_label=self._march_label,
        )
        self.pane.map.focus()
        rules = self.scenario.loaded.campaign.rules
        times = relocation(self.scenario, r, 0.0)
        self.notify(
            f"Move {self._unit_name}: arrows then enter, or click the new site. Escape cancels. "
            f"It stows in {times.stow_s / 60:g} min, marches at {rules.march_kmh:g} km/h and "
            f"sets up in {times.setup_s / 60:g} min, silent and unable to fire until then.",
            timeout=8,
        )

    def on_map_view_point_picked(self, message: MapView.PointPicked) -> None:
        self.pane.map.set_layers(pick=None, pick_from=None)
        r, sc = self._unit, self.scenario
        x, y = round(message.x_km, 1), round(message.y_km, 1)
        km = math.hypot(x - self.state.r_x[r], y - self.state.r_y[r])
        if km <= SAME_SITE_KM:
            self.notify(f"{self._unit_name} is already there: no move ordered.", timeout=4)
            return
        turns = self._march(km)
        left = sc.turn_limit - self.state.turn
        order = self._order("relocate", position=(x, y))
        self.session.give(order)
        warning = ""
        if turns >= left:
            warning = f" That is longer than the {left} turns the game has left."
        f = self._fire_unit
        guiding = int(channels_in_use(sc, self.state)[f]) if f >= 0 else 0
        if guiding:
            warning += (
                f" Its missiles on their way to {guiding} "
                f"target{'s' if guiding != 1 else ''} will lose guidance."
            )
        self.notify(
            f"{self._unit_name}: {order.text()}, {km:.0f} km: silent and out of action "
            f"for about {turns} turns from next turn.{warning} x cancels it.",
            severity="warning" if warning else "information",
            timeout=8,
        )
        self._orders_changed()

    def _march_label(self, km: float) -> str:
        """Short, so that it fits beside the cursor: '126 km: 6 turns out' (of action);
        'here' on the unit's own site, where no move is ordered."""
        if km <= SAME_SITE_KM:
            return "here: no move"
        turns = self._march(km)
        if turns >= self.scenario.turn_limit - self.state.turn:
            return f"{km:.0f} km: past the end"
        return f"{km:.0f} km: {counted(turns, 'turn')} out"

    def _march(self, km: float) -> int:
        """Turns a unit is out of action to move `km` and set up again (the engine's rule)."""
        return march_turns(self.scenario, km, self._unit)

    def action_escape(self) -> None:
        if self.pane.map.picking:
            self.pane.map.set_layers(pick=None, pick_from=None)
            self.notify("Move cancelled.", timeout=2)
