"""The tactical screen: the picture, the log, and the orders.

Orders given here wait in the session until the turn ends (`n`); the turn then
resolves in a worker thread and comes back as `TacticalScreen.TurnResolved`,
so the screen never freezes. The widgets are handed a copy of the state after
each turn and read only that. Nothing is drawn that the engine has not
reported: the map and the table show tracks, the log blue's view of events.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Footer

from wargame.campaign import ThreatClass
from wargame.engine import (
    DOCTRINES,
    MAX_SALVO,
    SAME_SITE_KM,
    WEAPONS,
    Order,
    State,
    channels_in_use,
    march_turns,
    score_of,
)
from wargame.engine.events import GameOver, OrderRefused
from wargame.errors import WargameError
from wargame.play.session import Session, TurnResult
from wargame.tui.screens.engage import EngageScreen
from wargame.tui.screens.picture_screen import PictureScreen
from wargame.tui.screens.plan import PlanScreen
from wargame.tui.screens.reserve import ReserveScreen
from wargame.tui.screens.save_as import SaveAsScreen
from wargame.tui.widgets.event_log import EventLog
from wargame.tui.widgets.hint_panel import HintPanel
from wargame.tui.widgets.map_view import MapView
from wargame.tui.widgets.picture_pane import PicturePane
from wargame.tui.widgets.status_bar import StatusBar
from wargame.view.blue import assessed_score, blue_text
from wargame.view.fire_options import Shot, shot_options, with_salvo
from wargame.view.map_frame import COVERAGE_ALTITUDES_M
from wargame.view.picture import altitude_text, rounds_in_flight, track_rows
from wargame.view.words import counted, score_text, short_missile


class TacticalScreen(PictureScreen):
    """Play one game: see the picture, give orders, end turns."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n,space",
            "end_turn",
            "End turn",
            tooltip="End the turn: orders take effect, the turn resolves",
        ),
        Binding("f", "engage", "Fire", tooltip="Fire at the selected track (manual engagement)"),
        Binding(
            "e", "emission", "Emission", tooltip="Emission on/off for the selected unit's radar"
        ),
        Binding(
            "w", "weapons", "Weapons", tooltip="Weapons hold → tight → free (selected fire unit)"
        ),
        Binding(
            "m", "relocate", "Move", tooltip="Move (relocate) the selected unit: pick the new site"
        ),
        Binding(
            "s", "salvo", "Salvo", show=False, tooltip="Salvo size: by class → 1 → 2 → 3 → 4 rounds"
        ),
        Binding(
            "d",
            "doctrine",
            "Doctrine",
            show=False,
            tooltip="Doctrine sls (shoot-look-shoot) → ss (shoot-shoot) → auto (look where "
            "there is time)",
        ),
        Binding(
            "r",
            "reserve",
            "Reserve",
            show=False,
            tooltip="Keep rounds in reserve for one threat class",
        ),
        Binding(
            "x",
            "cancel_orders",
            "Cancel orders",
            show=False,
            tooltip="Cancel the selected unit's orders for the next turn",
        ),
        Binding(
            "a",
            "aar",
            "Report",
            show=False,
            tooltip="After-action report (interim while the game goes on)",
        ),
        Binding(
            "p",
            "plan",
            "Plan",
            show=False,
            tooltip="Standing orders: rules on the picture, from the next turn",
        ),
        Binding("ctrl+s", "save", "Save", show=False, tooltip="Save the game as…"),
        Binding(
            "ctrl+o",
            "app.load_save",
            "Load",
            show=False,
            tooltip="Load a save from the saves folder",
        ),
        Binding("escape", "escape", "Cancel", show=False, tooltip="Cancel picking a site"),
        Binding("N", "end_turn(True)", "Next contact", tooltip="End turns until something new"),
        Binding("h", "hints", "Hints", show=False, tooltip="Show or hide the campaign's hints"),
        Binding("H", "hints('dismiss')", "Dismiss hint", show=False, tooltip="Dismiss the hint"),
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

    def __init__(self, session: Session, cursor_blink: bool = True) -> None:
        super().__init__()
        self.session = session
        self.scenario = session.scenario
        self.state: State = session.snapshot()
        self.busy = False
        self.failure = ""
        self.game_over_toast_alone = False
        """The game-over toast is the only news of the last turn (no error toasts)."""
        """Why the game cannot go on ('' while it can): the engine failed resolving a turn."""
        self.cursor_blink = cursor_blink
        self.planned_pk: dict[int, float] = {}
        """Track id -> salvo kill probability of the manual shot ordered on it."""

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        yield PicturePane(self.scenario, self.state, id="main")
        yield HintPanel(self.scenario, id="hints")
        yield EventLog(id="log")
        yield Footer(compact=True)

    @property
    def log_view(self) -> EventLog:
        return self.query_one("#log", EventLog)

    @property
    def status(self) -> StatusBar:
        return self.query_one("#status", StatusBar)

    def on_mount(self) -> None:
        self.log_view.border_title = "Events"
        self.log_view.add_events(self.session.events())
        self.query_one(HintPanel).show_hints(self.state, self.session.events())
        self.pane.map.focus()
        self._refresh_status()
        if self.session.over:
            self.pane.map.set_layers(reveal=True)
            self.notify("This game is over: a shows the report.", timeout=6)

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
        if not note and self.session.over:
            note = "game over: a for the report"
        if self.session.over:
            score = score_of(self.scenario, self.state).total
        else:
            score = assessed_score(self.scenario, self.state)
        self.status.show(self.scenario, self.state, score, note=note)

    # ----------------------------------------------------------------- orders

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

    def _set(self, action: str, new: str, now: str, words: str = "") -> None:
        """Queue a setting for the next turn; choosing the present setting again drops the order."""
        name = self._unit_name
        if new == now:
            self.session.cancel(self._order(action))
            self.notify(f"{name}: {action} stays {words or new}.", timeout=3)
        else:
            order = (
                self._order(action, setting=new)
                if action != "salvo"
                else self._order(action, salvo=int(new))
            )
            self.session.give(order)
            self.notify(f"{name}: {words or order.text()} from next turn.", timeout=3)
        self._orders_changed()

    def _planned(self, action: str) -> str | None:
        for order in self.session.pending_for(self._unit_name):
            if order.action == action:
                return str(order.salvo) if action == "salvo" else order.setting
        return None

    def action_emission(self, setting: str = "") -> None:
        if not self._can_order():
            return
        now = "on" if self.state.emitting[self._unit] else "off"
        planned = self._planned("emission") or now
        new = setting or ("off" if planned == "on" else "on")
        self._set("emission", new, now)
        f = int(self.scenario.r_fire_unit[self._unit])
        flying = int(rounds_in_flight(self.scenario, self.state)[f]) if f >= 0 else 0
        if new == "off" and now == "on" and flying:
            rounds, they = ("rounds", "they arrive") if flying > 1 else ("round", "it arrives")
            self.notify(
                f"{self._unit_name}: {flying} {rounds} in flight will lose guidance and miss, "
                f"unless it emits again before {they}.",
                severity="warning",
                timeout=8,
            )

    def action_weapons(self, setting: str = "") -> None:
        if not (self._can_order() and self._needs_fire_unit()):
            return
        now = WEAPONS[int(self.state.weapons[self._fire_unit])]
        planned = self._planned("weapons") or now
        self._set("weapons", setting or WEAPONS[(WEAPONS.index(planned) + 1) % len(WEAPONS)], now)

    def action_doctrine(self, setting: str = "") -> None:
        if not (self._can_order() and self._needs_fire_unit()):
            return
        now = DOCTRINES[int(self.state.doctrine[self._fire_unit])]
        planned = self._planned("doctrine") or now
        self._set(
            "doctrine", setting or DOCTRINES[(DOCTRINES.index(planned) + 1) % len(DOCTRINES)], now
        )

    def action_salvo(self, rounds: int = -1) -> None:
        if not (self._can_order() and self._needs_fire_unit()):
            return
        now = int(self.state.salvo[self._fire_unit])
        planned = int(self._planned("salvo") or now)
        new = rounds if rounds >= 0 else (planned + 1) % (MAX_SALVO + 1)
        words = (
            "salvo by class (2 at missiles, 1 at aircraft)"
            if new == 0
            else f"salvo of {counted(new, 'round')}"
        )
        self._set("salvo", str(new), str(now), words)

    def action_reserve(self) -> None:
        if not (self._can_order() and self._needs_fire_unit()):
            return
        sc, f, st = self.scenario, self._fire_unit, self.state
        missiles = [
            (name, int(st.ready[f, m]), int(st.ready[f, m] + st.stock[f, m]))
            for m, name in enumerate(sc.m_name)
            if st.ready[f, m] > 0 or st.stock[f, m] > 0
        ]
        if not missiles:
            self.notify(f"{self._unit_name} has no rounds left.", severity="warning")
            return
        name = self._unit_name

        def done(answer: tuple[str, int, str] | None) -> None:
            if answer is None:
                return
            missile, count, cls = answer
            order = Order(
                turn=self.state.turn + 1,
                unit=name,
                action="reserve",
                missile=missile,
                count=count,
                threat_class=cls,
            )
            self.session.give(order)
            self.notify(f"{name}: {order.text()} from next turn.", timeout=3)
            self._orders_changed()

        classes = [str(c) for c in ThreatClass if c != ThreatClass.DECOY]
        self.app.push_screen(ReserveScreen(name, missiles, classes, self.cursor_blink), done)

    def action_plan(self) -> None:
        if not self._can_order():
            return

        def done(_: None) -> None:
            self._orders_changed()

        self.app.push_screen(PlanScreen(self.session, self.cursor_blink), done)

    def action_engage(self) -> None:
        if not self._can_order():
            return
        rows = {r.track: r for r in track_rows(self.scenario, self.state)}
        row = rows.get(self.pane.selected_track)
        if row is None:
            self.notify("No track to fire at: select one with t or a click.", severity="warning")
            return
        sc, st, pending = self.scenario, self.state, list(self.session.pending.values())
        shots = shot_options(sc, st, row.slot, orders=pending)

        def salvo_set(shot: Shot, rounds: int) -> Shot:
            return with_salvo(sc, st, row.slot, shot, rounds, orders=pending)

        def done(answer: tuple[Shot, int | None] | None) -> None:
            if answer is None:
                return
            shot, salvo = answer
            name = self.scenario.f_name[shot.fire_unit]
            order = Order(
                turn=self.state.turn + 1,
                unit=name,
                action="engage",
                track=row.track,
                missile=shot.missile if shot.alternative else None,
                salvo=salvo,
            )
            self.session.give(order)
            if shot.possible:
                # The engine's figures for the salvo as it will be fired.
                self.planned_pk[row.track] = shot.pk_salvo
                self.notify(
                    f"{name} will fire {shot.salvo} × {short_missile(shot.missile)} at track "
                    f"{row.track}: expected Pk {shot.pk_salvo:.2f}.",
                    timeout=4,
                )
            else:
                self.notify(
                    f"{name}: {order.text()} sent; it will be refused if still impossible: "
                    f"{shot.reason}.",
                    severity="warning",
                    timeout=6,
                )
            self._orders_changed()

        self.app.push_screen(EngageScreen(row, shots, sc.f_name, self._fire_unit, salvo_set), done)

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
        self.notify(
            f"Move {self._unit_name}: arrows then enter, or click the new site. Escape cancels. "
            f"It marches at {rules.march_kmh:g} km/h and sets up in {rules.setup_s / 60:g} min, "
            "silent and unable to fire until then.",
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
        turns = self._march(km)
        past = " (past the end)" if turns >= self.scenario.turn_limit - self.state.turn else ""
        return f"{km:.0f} km: out of action {turns} turns{past}"

    def _march(self, km: float) -> int:
        """Turns a unit is out of action to move `km` and set up again (the engine's rule)."""
        return march_turns(self.scenario, km)

    def action_cancel_orders(self) -> None:
        name = self._unit_name
        mine = self.session.pending_for(name)
        for order in mine:
            self.session.cancel(order)
            if order.action == "engage" and order.track is not None:
                self.planned_pk.pop(order.track, None)
        self.notify(
            f"{name}: {len(mine)} order{'s' if len(mine) != 1 else ''} cancelled.", timeout=3
        )
        self._orders_changed()

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

    def action_hints(self, act: str = "toggle") -> None:
        self.notify(self.query_one(HintPanel).command(act), timeout=3)

    def action_escape(self) -> None:
        if self.pane.map.picking:
            self.pane.map.set_layers(pick=None, pick_from=None)
            self.notify("Move cancelled.", timeout=2)

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
        orders = self.session.take_orders()
        self._refresh_status(note=f"resolving turn {self.state.turn + 1}…")
        self._resolve(orders, skip)

    @work(thread=True, exclusive=True, group="turn")
    def _resolve(self, orders: list[Order], skip: bool = False) -> None:
        hints = self.query_one(HintPanel).hints_on
        try:
            game = self.session
            result = game.advance_to_contact(orders, hints=hints) if skip else game.step(orders)
        except Exception as exc:  # an engine fault must not kill the app: say it, keep the game
            self.post_message(self.TurnFailed(f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(self.TurnResolved(result))

    async def on_tactical_screen_turn_resolved(self, message: TacticalScreen.TurnResolved) -> None:
        result = message.result
        self.busy = False
        self.state = result.state
        self.planned_pk = {}
        self.log_view.add_events(result.events)
        self.query_one(HintPanel).show_hints(result.state, self.session.events())
        errors = bool(result.save_error)
        for event in result.events:
            if isinstance(event, OrderRefused):
                errors = True
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
            # The report it announces may clear it, unless an error came with it.
            self.game_over_toast_alone = not errors

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

    # ------------------------------------------------------------- palette

    def palette_commands(self) -> list[tuple[str, str, str]]:
        """(title, help, action) the command palette offers beyond the key bindings."""
        out = [
            (f"Weapons {w}", "Set the selected fire unit's weapons", f"weapons('{w}')")
            for w in WEAPONS
        ]
        out += [
            (f"Doctrine {d}", "Set the selected fire unit's doctrine", f"doctrine('{d}')")
            for d in DOCTRINES
        ]
        out += [
            (f"Emission {s}", "Switch the selected unit's radar", f"emission('{s}')")
            for s in ("on", "off")
        ]
        out += [
            (f"Salvo {n}", "Rounds per engagement of the selected fire unit", f"salvo({n})")
            for n in range(1, MAX_SALVO + 1)
        ]
        out.append(
            ("Salvo by class", "2 rounds at missiles, 1 at aircraft (the default)", "salvo(0)")
        )
        return out
