"""The orders keys of the tactical screen: settings, reserves, the plan, manual fire.

Each key queues an order for the next turn in the session (`Session.give`), or
drops it when it sets what is already in force; the fire dialog, the reserve
dialog and the plan editor are screens of their own, whose answers come back here.
`TacticalScreen` inherits these handlers and binds `ORDER_BINDINGS`.
"""

from __future__ import annotations

from typing import Final

from textual.binding import Binding

from wargame.campaign import ThreatClass
from wargame.engine import DOCTRINES, MAX_SALVO, WEAPONS, Order
from wargame.tui.screens.engage import EngageScreen
from wargame.tui.screens.game_screen import GameScreen
from wargame.tui.screens.plan import PlanScreen
from wargame.tui.screens.reserve import ReserveScreen
from wargame.view.fire_options import Shot, shot_options, with_salvo
from wargame.view.picture import rounds_in_flight, track_rows
from wargame.view.words import counted, short_missile

ORDER_BINDINGS: Final = [
    Binding("f", "engage", "Fire", tooltip="Fire at the selected track (manual engagement)"),
    Binding("e", "emission", "Emission", tooltip="Emission on/off for the selected unit's radar"),
    Binding("w", "weapons", "Weapons", tooltip="Weapons hold → tight → free (selected fire unit)"),
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
        "r", "reserve", "Reserve", show=False, tooltip="Keep rounds in reserve for one threat class"
    ),
    Binding(
        "x",
        "cancel_orders",
        "Cancel orders",
        show=False,
        tooltip="Cancel the selected unit's orders for the next turn",
    ),
    Binding(
        "p",
        "plan",
        "Plan",
        show=False,
        tooltip="Standing orders: rules on the picture, from the next turn",
    ),
]
"""The orders' keys (the footer shows f, e and w; ? lists all)."""


class OrderKeys(GameScreen):
    """Orders for the selected unit, queued for the next turn."""

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
        standing = self.session.standing_in_force()
        shots = shot_options(sc, st, row.slot, orders=pending, standing=standing)

        def salvo_set(shot: Shot, rounds: int) -> Shot:
            return with_salvo(sc, st, row.slot, shot, rounds, orders=pending, standing=standing)

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
