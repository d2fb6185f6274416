"""What the tactical screen's handler groups share: the game in play and the selection.

`TacticalScreen` is wired from `GameScreen` subclasses, each a group of keys and
their handlers (`order_keys.OrderKeys`, `relocation.RelocationPicking`); they reach
the session, the state after the last turn and the selected unit through this
base, and say what changed with `_orders_changed`. The player's time (the time step
and the pause conditions, `time_keys.TimeKeys`) is kept here too: the status bar shows it.
"""

from __future__ import annotations

from wargame.engine import Order, State, score_of
from wargame.play.session import Session
from wargame.tui.screens.picture_screen import PictureScreen
from wargame.tui.widgets.event_log import EventLog
from wargame.tui.widgets.status_bar import StatusBar
from wargame.view.alerts import PauseRules, time_steps
from wargame.view.blue import assessed_score


class GameScreen(PictureScreen):
    """A picture screen over a game in play."""

    def __init__(self, session: Session, cursor_blink: bool = True) -> None:
        super().__init__()
        self.session = session
        self.scenario = session.scenario
        self.state: State = session.snapshot()
        self.busy = False
        """A turn is being resolved in the worker."""
        self.failure = ""
        """Why the game cannot go on ('' while it can): the engine failed resolving a turn."""
        self.cursor_blink = cursor_blink
        self.planned_pk: dict[int, float] = {}
        """Track id -> salvo kill probability of the manual shot ordered on it."""
        self.time_steps = time_steps(self.scenario.dt)
        """The time steps offered, in turns, shortest first."""
        self.time_step = self.time_steps[0]
        """The turns one end turn plays: one, until the player lengthens it."""
        self.pause_rules = PauseRules()
        """What ends a time step early: every condition until the player chooses."""
        self.paused = ""
        """Why the last time step ended early ('' if it did not): the bar says it."""

    @property
    def log_view(self) -> EventLog:
        return self.query_one("#log", EventLog)

    @property
    def status(self) -> StatusBar:
        return self.query_one("#status", StatusBar)

    # --------------------------------------------------------------- showing

    def _pending(self) -> dict[str, list[Order]]:
        out: dict[str, list[Order]] = {}
        for order in self.session.pending.values():
            out.setdefault(order.unit, []).append(order)
        return out

    def _orders_changed(self) -> None:
        self.pane.show_orders(self._pending(), self.planned_pk)
        self._refresh_status()

    def _refresh_status(self, note: str = "") -> None:
        pending = len(self.session.pending)
        if not note and pending:
            note = f"{pending} order{'s' if pending > 1 else ''} for next turn"
        if self.paused and not self.busy:
            note = f"{self.paused} · {note}" if note else self.paused
        if not note and self.session.over:
            note = "game over: a for the report"
        if self.session.over:
            score = score_of(self.scenario, self.state).total
        else:
            score = assessed_score(self.scenario, self.state)
        self.status.show(self.scenario, self.state, score, note=note, step=self.time_step)

    # ----------------------------------------------------------- the unit

    @property
    def _unit(self) -> int:
        return self.pane.selected_unit

    @property
    def _unit_name(self) -> str:
        return self.scenario.r_name[self._unit]

    @property
    def _fire_unit(self) -> int:
        return int(self.scenario.r_fire_unit[self._unit])

    def _can_order(self) -> bool:
        if self.session.over:
            self.notify("The game is over: a shows the report.", severity="warning")
            return False
        if self.busy:
            self.notify("The turn is being resolved…", timeout=2)
            return False
        if self.failure:
            self.notify(f"This game cannot go on: {self.failure}", severity="error")
            return False
        return True

    def _needs_fire_unit(self) -> bool:
        if self._fire_unit < 0:
            self.notify(
                f"{self._unit_name} is a radar: it has no weapons. Press u for a fire unit.",
                severity="warning",
            )
            return False
        return True

    def _order(self, action: str, **fields: object) -> Order:
        return Order(turn=self.state.turn + 1, unit=self._unit_name, action=action, **fields)  # type: ignore[arg-type]
