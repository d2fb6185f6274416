"""Orders phase: the player's orders applied to units, or refused with a reason.

Settings (emission, weapons, salvo, doctrine, reserve) take effect at once;
relocation takes the unit out of action while it marches and sets up; manual
engagements are handed to the allocation phase, which checks the envelope.
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass

from wargame.engine.events import (
    Event,
    OrderAccepted,
    OrderRefused,
    RelocationStarted,
    StandingAction,
)
from wargame.engine.geometry import SAME_SITE_KM
from wargame.engine.orders import DOCTRINES, EMISSION, MAX_SALVO, WEAPONS, Order
from wargame.engine.scenario import CLASSES, Scenario
from wargame.engine.state import State

MAX_RESERVE = 10_000


@dataclass(frozen=True)
class Relocation:
    """How long a unit is out of action to move: it stows, marches, sets up again."""

    stow_s: float
    march_s: float
    setup_s: float
    turns: int
    """Turns out of action, the turn of the order included: the whole time in turns,
    rounded up."""

    @property
    def seconds(self) -> float:
        return self.stow_s + self.march_s + self.setup_s


def relocation(sc: Scenario, radar: int, distance_km: float) -> Relocation:
    """The time the unit of `radar` needs to move `distance_km`: its type's stow and
    set-up times (catalogue) and the march at the campaign's road speed."""
    march = distance_km / sc.loaded.campaign.rules.march_kmh * 3600.0
    stow, setup = float(sc.r_stow_s[radar]), float(sc.r_setup_s[radar])
    turns = max(1, math.ceil((stow + march + setup) / sc.dt - 1e-9))
    return Relocation(stow, march, setup, turns)


def march_turns(sc: Scenario, distance_km: float, radar: int) -> int:
    """Turns the unit of `radar` is out of action to move `distance_km` and set up again."""
    return relocation(sc, radar, distance_km).turns


def apply_orders(sc: Scenario, st: State, orders: list[Order], events: list[Event]) -> list[Order]:
    """Apply this turn's orders; returns the accepted-so-far manual engagements."""
    engagements: list[Order] = []
    for order in orders:
        reason = order_refusal(sc, st, order)
        if reason:
            events.append(
                OrderRefused(turn=st.turn, unit=order.unit, order=order.text(), reason=reason)
            )
            continue
        if order.action == "engage":
            engagements.append(order)  # accepted or refused by the allocation phase
            continue
        carry_out(sc, st, order, events)
    return engagements


def order_refusal(sc: Scenario, st: State, order: Order) -> str:
    """Why the orders phase refuses this order ('' if it takes it): the checks of its
    form and of the unit it names. An engagement taken here is judged by fire control."""
    if order.turn != st.turn:
        return f"order is for turn {order.turn}, not turn {st.turn}"
    names = sc.r_name
    if order.unit not in names:
        close = difflib.get_close_matches(order.unit, names, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"no unit named '{order.unit}'{hint}"
    radar = names.index(order.unit)
    fire_unit = int(sc.r_fire_unit[radar])
    if not st.radar_alive[radar]:
        return "the unit is destroyed"
    action = order.action
    if action in ("weapons", "salvo", "doctrine", "reserve", "engage") and fire_unit < 0:
        return "only fire units have weapons"
    if action == "emission":
        if order.setting not in EMISSION:
            return "emission must be 'on' or 'off'"
        if order.setting == "on" and st.ready_turn[radar] > st.turn:
            return f"the unit is relocating until turn {st.ready_turn[radar]}"
    elif action == "weapons":
        if order.setting not in WEAPONS:
            return "weapons must be 'hold', 'tight' or 'free'"
    elif action == "doctrine":
        if order.setting not in DOCTRINES:
            return "doctrine must be 'auto', 'sls' (shoot-look-shoot) or 'ss' (shoot-shoot)"
    elif action == "salvo":
        if not _whole(order.salvo) or not 0 <= int(order.salvo or 0) <= MAX_SALVO:
            return f"salvo must be a number of rounds from 1 to {MAX_SALVO} (0 for the default)"
    elif action == "reserve":
        if order.missile not in sc.m_name:
            return f"unknown missile type '{order.missile}'"
        m = sc.m_name.index(order.missile)
        if not (
            sc.f_initial_ready[fire_unit, m]
            or st.ready[fire_unit, m]
            or st.stock[fire_unit, m]
            or st.fired[fire_unit, m]
        ):
            return f"{order.unit} carries no {order.missile} missiles"
        if not _whole(order.count) or not 0 <= int(order.count or 0) <= MAX_RESERVE:
            return f"reserve needs a count of rounds from 0 to {MAX_RESERVE}"
        held = int(st.ready[fire_unit, m] + st.stock[fire_unit, m])
        if int(order.count or 0) > held:
            return f"{order.unit} has only {held} {order.missile} rounds, ready and in stock"
        if order.threat_class not in [str(c) for c in CLASSES]:
            return f"unknown threat class '{order.threat_class}'"
    elif action == "engage":
        if not _whole(order.track):
            return "engage needs a track number"
        if order.salvo is not None and (
            not _whole(order.salvo) or not 1 <= order.salvo <= MAX_SALVO
        ):
            return f"salvo must be from 1 to {MAX_SALVO} rounds"
    elif action == "relocate":
        if (
            not isinstance(order.position, tuple)
            or len(order.position) != 2
            or not all(
                isinstance(v, int | float) and not isinstance(v, bool) for v in order.position
            )
        ):
            return "relocate needs a position [x_km, y_km]"
        x, y = order.position
        size = sc.loaded.campaign.map
        if not (math.isfinite(x) and math.isfinite(y)):
            return "relocate needs a finite position"
        if not (0.0 <= x <= size.width_km and 0.0 <= y <= size.height_km):
            return f"[{x:g}, {y:g}] is off the map"
        if st.ready_turn[radar] > st.turn:
            return f"the unit is already relocating until turn {st.ready_turn[radar]}"
        if math.hypot(x - st.r_x[radar], y - st.r_y[radar]) <= SAME_SITE_KM:
            return f"the unit is already at [{x:g}, {y:g}]"
    else:
        return f"unknown action '{action}'"
    return ""


def _whole(value: object) -> bool:
    """An integer that is not a bool (True is 1 to Python, not to a player)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def carry_out(
    sc: Scenario,
    st: State,
    order: Order,
    events: list[Event],
    by_rule: tuple[str, str] | None = None,
) -> None:
    """Carry out an order `order_refusal` took; `by_rule`: the engine gave it itself by a
    standing order, logged as (what the unit does, why) rather than as the player's."""
    radar = sc.r_name.index(order.unit)
    fire_unit = int(sc.r_fire_unit[radar])
    match order.action:
        case "emission":
            st.wanted_emitting[radar] = order.setting == "on"
            if st.ready_turn[radar] <= st.turn:
                st.emitting[radar] = order.setting == "on"
        case "weapons":
            st.weapons[fire_unit] = WEAPONS.index(str(order.setting))
        case "doctrine":
            st.doctrine[fire_unit] = DOCTRINES.index(str(order.setting))
        case "salvo":
            st.salvo[fire_unit] = int(order.salvo or 0)
        case "reserve":
            m = sc.m_name.index(str(order.missile))
            st.reserve_count[fire_unit, m] = int(order.count or 0)
            st.reserve_class[fire_unit, m] = [str(c) for c in CLASSES].index(
                str(order.threat_class)
            )
        case "relocate":
            assert order.position is not None
            x, y = order.position
            distance = math.hypot(x - st.r_x[radar], y - st.r_y[radar])
            st.ready_turn[radar] = st.turn + march_turns(sc, distance, radar)
            st.r_x[radar], st.r_y[radar] = x, y
            st.emitting[radar] = False
            events.append(
                RelocationStarted(
                    turn=st.turn,
                    unit=order.unit,
                    x_km=x,
                    y_km=y,
                    ready_turn=int(st.ready_turn[radar]),
                )
            )
            if by_rule is None:
                return
    if by_rule is not None:
        action, because = by_rule
        events.append(StandingAction(turn=st.turn, unit=order.unit, action=action, because=because))
        return
    events.append(OrderAccepted(turn=st.turn, unit=order.unit, order=order.text()))
