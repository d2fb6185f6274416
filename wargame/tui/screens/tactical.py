"""The tactical screen: the picture, the log, and the orders.

Orders given here wait in the session until the turn ends (`n`); the turn then
resolves in a worker thread and comes back as `TacticalScreen.TurnResolved`,
so the screen never freezes. The widgets are handed a copy of the state after
each turn and read only that. Nothing is drawn that the engine has not
reported: the map and the table show tracks, the log blue's view of events.

An end turn plays the player's time step (`Session.play`: one turn or more, ended
early on the pause conditions chosen); the status bar then says why play paused.

The screen is wiring: the orders' keys live in `order_keys`, relocation picking
in `relocation`, the time step and the pause conditions in `time_keys`, the
picture's and the log's keys in `picture_screen`; this module binds them and runs
the turns, the report and the saves.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Footer

from wargame.engine import Order
from wargame.engine.events import GameOver, OrderRefused
from wargame.errors import WargameError
from wargame.play.session import TurnResult
from wargame.tui.screens.objectives import ObjectivesScreen
from wargame.tui.screens.order_keys import ORDER_BINDINGS, OrderKeys
from wargame.tui.screens.relocation import RELOCATION_BINDINGS, RelocationPicking
from wargame.tui.screens.save_as import SaveAsScreen
from wargame.tui.screens.time_keys import TIME_BINDINGS, TimeKeys
from wargame.tui.widgets.event_log import EventLog
from wargame.tui.widgets.hint_panel import HintPanel
from wargame.tui.widgets.picture_pane import PicturePane
from wargame.tui.widgets.status_bar import StatusBar
from wargame.view.alerts import pause_text, step_log
from wargame.view.blue import blue_text
from wargame.view.objectives import objectives_now
from wargame.view.words import score_text


class TacticalScreen(RelocationPicking, TimeKeys, OrderKeys):
    """Play one game: see the picture, give orders, end turns."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n,space",
            "end_turn",
            "End turn",
            tooltip="End the turn: orders take effect, the time step plays (one turn or "
            "more, pausing on the conditions chosen)",
        ),
        *ORDER_BINDINGS[:3],
        *RELOCATION_BINDINGS[:1],
        Binding("N", "end_turn(True)", "Next contact", tooltip="End turns until something new"),
        *ORDER_BINDINGS[3:],
        *RELOCATION_BINDINGS[1:],
        *TIME_BINDINGS,
        Binding(
            "a",
            "aar",
            "Report",
            show=False,
            tooltip="After-action report (interim while the game goes on)",
        ),
        Binding(
            "b",
            "objectives",
            "Objectives",
            show=False,
            tooltip="The objectives met so far, as the radars see them, and the grade now",
        ),
        Binding("ctrl+s", "save", "Save", show=False, tooltip="Save the game as…"),
        Binding(
            "ctrl+o",
            "app.load_save",
            "Load",
            show=False,
            tooltip="Load a save from the saves folder",
        ),
        Binding("h", "hints", "Hints", show=False, tooltip="Show or hide the campaign's hints"),
        Binding("H", "hints('dismiss')", "Dismiss hint", show=False, tooltip="Dismiss the hint"),
    ]
    """Every order and view is one key; the footer shows the main ones, ? lists all."""

    class TurnResolved(Message):
        """The worker has resolved a turn."""

        def __init__(self, result: TurnResult) -> None:
            self.result = result
            super().__init__()

    class TurnFailed(Message):
        """The worker hit an error resolving a turn."""

        def __init__(self, error: str) -> None:
            self.error = error
            super().__init__()

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        yield PicturePane(self.scenario, self.state, id="main")
        yield HintPanel(self.scenario, id="hints")
        yield EventLog(id="log")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.log_view.add_events(self.session.events(), self.session.history_tentative())
        self.query_one(HintPanel).show_hints(self.state, self.session.events())
        self.pane.map.focus()
        self._refresh_status()
        if self.session.over:
            self.pane.map.set_layers(reveal=True)
            self.notify("This game is over: a shows the report.", timeout=6)

    def action_hints(self, act: str = "toggle") -> None:
        self.notify(self.query_one(HintPanel).command(act), timeout=3)

    # ------------------------------------------------------------------ turns

    async def action_end_turn(self, skip: bool = False) -> None:
        """End the turn; with `skip`, end turns until one holds something new to see."""
        if self.session.over:
            await self.action_aar()
            return
        if self.failure:
            self.notify(
                f"This game cannot go on: {self.failure}. The autosave holds the last good turn "
                "(ctrl+o loads it).",
                severity="error",
                timeout=10,
            )
            return
        if self.busy:
            return
        if self.pane.map.picking:
            self.pane.map.set_layers(pick=None, pick_from=None)
            self.notify("Move not given: the turn ended before a site was picked.", timeout=4)
        self.busy = True
        if self.paused:  # the next step plays: the last one's pause is old news
            self.status.withdraw(_sentence(self.paused))
            self.paused = ""
        orders = self.session.take_orders()
        following = self.state.turn + 1
        if skip or self.time_step == 1:
            self._refresh_status(note=f"resolving turn {following}…")
        else:
            self._refresh_status(note=f"playing {self._step_words()} from turn {following}…")
        self._resolve(orders, skip)

    @work(thread=True, exclusive=True, group="turn")
    def _resolve(self, orders: list[Order], skip: bool = False) -> None:
        hints = self.query_one(HintPanel).hints_on
        try:
            game = self.session
            if skip:
                result = game.advance_to_contact(orders, hints=hints)
            else:
                result = game.play(orders, self.time_step, self.pause_rules, hints=hints)
        except Exception as exc:  # an engine fault must not kill the app: say it, keep the game
            self.post_message(self.TurnFailed(f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(self.TurnResolved(result))

    async def on_tactical_screen_turn_resolved(self, message: TacticalScreen.TurnResolved) -> None:
        result = message.result
        self.busy = False
        self.state = result.state
        if result.stopped == "paused" and self.time_step > 1:
            # A step of one turn always stops: only a longer one is paused.
            self.paused = pause_text(result.alerts)
            self.notify(_sentence(self.paused), severity="warning", timeout=6)
        self.planned_pk = {}
        self.log_view.add_events(
            step_log(result.events, result.tentative) if result.turns > 1 else result.events,
            result.tentative,
        )
        self.query_one(HintPanel).show_hints(result.state, self.session.events())
        for event in result.events:
            if isinstance(event, OrderRefused):
                self.notify(blue_text(event) or event.reason, severity="error", timeout=8)
        if result.save_error:
            self.notify(f"Autosave failed: {result.save_error}", severity="error", timeout=8)
        self.pane.show(result.state, self._pending(), self.planned_pk)
        self._refresh_status()
        over = next((e for e in result.events if isinstance(e, GameOver)), None)
        if over is not None:
            self.pane.map.set_layers(reveal=True)  # the truth may be told: red's entry points
            # Let the player see the last turn's picture and events before the report.
            self.notify(
                f"Game over: {over.result.upper()} ({over.termination.replace('_', ' ')}), "
                f"score {score_text(over.score)}. Press a (or n) for the after-action report.",
                timeout=15,
            )

    def on_tactical_screen_turn_failed(self, message: TacticalScreen.TurnFailed) -> None:
        # The engine moves its state on in place: after a fault mid-turn it is half a turn
        # on, so the game stops here; the picture stays at the last good turn.
        self.busy = False
        self.failure = message.error
        self.notify(
            f"The turn could not be resolved: {message.error}", severity="error", timeout=15
        )
        self._refresh_status(note="engine fault: the game cannot go on")

    # ------------------------------------------------------- reports, saves

    async def action_aar(self) -> None:
        await self.app.run_action("open_aar")

    def action_objectives(self) -> None:
        self.app.push_screen(ObjectivesScreen(objectives_now(self.scenario, self.state)))

    def action_save(self) -> None:
        session = self.session
        stem = Path(session.record.campaign_name).stem
        # The name offered follows the turn, unless the player chose a name of their own
        # (an autosave's is not: it is written over every turn).
        default = session.saves_dir / f"{stem}-turn{session.turn}.json"
        last = session.save_path
        if last is not None and not last.name.startswith("autosave-"):
            turn_named = re.fullmatch(rf"{re.escape(stem)}-turn\d+\.json", last.name)
            default = last.with_name(default.name) if turn_named else last

        def done(path: Path | None) -> None:
            if path is None:
                return
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                session.save_as(path)
            except (WargameError, OSError) as exc:
                self.notify(f"Not saved: {exc}", severity="error", timeout=8)
                return
            waiting = len(session.pending)
            with_orders = f", with {waiting} order{'s' if waiting > 1 else ''} for next turn"
            self.notify(f"Saved turn {session.turn}{with_orders if waiting else ''} to {path}.")

        self.app.push_screen(SaveAsScreen(default, session.saves_dir, self.cursor_blink), done)

    def palette_commands(self) -> list[tuple[str, str, str]]:
        """(title, help, action) the command palette offers beyond the key bindings."""
        return [*super().palette_commands(), *self.time_commands()]


def _sentence(text: str) -> str:
    """News begins with a capital: 'paused: …' on the top line is 'Paused: …' as news."""
    return text[:1].upper() + text[1:]
