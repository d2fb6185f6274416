"""Manual engagements: the checks of an `engage` order, carried out or refused with a
reason. Called by planning (`planning.plan_engagements`) before the automatic
allocation, and by the fire dialog (`unit_refusal`, `picture_refusal`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from wargame.engine.events import Event, OrderAccepted, OrderRefused
from wargame.engine.fire_control.envelope import options, options_of_missile
from wargame.engine.fire_control.launch import Engagement
from wargame.engine.fire_control.readiness import picture, salvo_size
from wargame.engine.orders import Order
from wargame.engine.scenario import Scenario
from wargame.engine.state import ACTIVE, DELIVERED, KILLED, LEFT, SPENT, State

ENDED_HOW = {
    KILLED: "destroyed",
    DELIVERED: "it reached its target",
    LEFT: "it left the area",
    SPENT: "it fell short or missed",
}
"""How a track's threat ended, as an order at it is refused (what the log already told)."""


def unit_refusal(sc: Scenario, st: State, unit: int, able: np.ndarray, free: np.ndarray) -> str:
    """Why a fire unit cannot take on an engagement now, whatever the track ('' if it
    can): the first checks of a manual engagement, which the fire dialog shows too.
    `able` is `able_fire_units`, `free` the free guidance channels per unit."""
    radar = sc.f_radar[unit]
    if not st.radar_alive[radar]:
        return "the fire unit's radar is destroyed"
    if st.ready_turn[radar] > st.turn:
        return f"the fire unit is relocating until turn {st.ready_turn[radar]}"
    if not able[unit]:
        return "the fire unit's radar is silent: engaging needs it emitting"
    if free[unit] <= 0:
        return "no free guidance channel"
    return ""


def picture_refusal(sc: Scenario, st: State, unit: int, threat: int) -> str:
    """Why a fire unit cannot engage this tracked threat for want of seeing it ('' if
    the track is in its picture)."""
    if threat in set(picture(sc, st, unit).tolist()):
        return ""
    return f"track {st.track_id[threat]} is not in the fire unit's picture"


def manual_engagements(
    sc: Scenario,
    st: State,
    orders: Sequence[Order],
    able: np.ndarray,
    free: np.ndarray,
    events: list[Event],
) -> list[Engagement]:
    """The salvos of a turn's `engage` orders, in their order, each logged as accepted or
    refused with its reason; each accepted one takes a guidance channel of `free`."""
    plan = []
    for order in orders:
        engagement = _manual(sc, st, order, able, free, events)
        if engagement is not None:
            plan.append(engagement)
            free[engagement.fire_unit] -= 1
    return plan


def _manual(
    sc: Scenario,
    st: State,
    order: Order,
    able: np.ndarray,
    free: np.ndarray,
    events: list[Event],
) -> Engagement | None:
    def refuse(reason: str) -> None:
        events.append(
            OrderRefused(turn=st.turn, unit=order.unit, order=order.text(), reason=reason)
        )

    unit = sc.f_name.index(order.unit)
    reason = unit_refusal(sc, st, unit, able, free)
    if reason:
        refuse(reason)
        return None
    slots = (st.track_id == order.track).nonzero()[0]
    if order.track is None or slots.size == 0:
        refuse(f"no track {order.track}")
        return None
    threat = int(slots[0])
    if st.status[threat] != ACTIVE:
        refuse(f"track {order.track} has ended: {ENDED_HOW.get(int(st.status[threat]), 'gone')}")
        return None
    reason = picture_refusal(sc, st, unit, threat)
    if reason:
        refuse(reason)
        return None
    threats = np.array([threat])
    opt = options(sc, st, np.array([unit]), threats)
    missile = int(opt.missile[0, 0])
    if order.missile is not None:
        if order.missile not in sc.m_name:
            refuse(f"unknown missile type '{order.missile}'")
            return None
        wanted = sc.m_name.index(order.missile)
        if st.ready[unit, wanted] <= 0:
            refuse(f"no {order.missile} rounds ready")
            return None
        if missile != wanted:
            reason = _why_not(sc, st, unit, threat, wanted)
            if reason:
                refuse(f"{order.missile}: {reason}")
                return None
            missile = wanted
            opt = options(sc, st, np.array([unit]), threats)
    if missile < 0:
        refuse(f"track {order.track}: {opt.why_not(0, 0) or 'cannot be engaged'}")
        return None
    cls = sc.t_apparent_class[threats]
    rounds = order.salvo or int(salvo_size(sc, st, unit, cls)[0])
    pk = _pk_of(sc, st, unit, threat, missile)
    events.append(OrderAccepted(turn=st.turn, unit=order.unit, order=order.text()))
    return Engagement(
        fire_unit=unit,
        missile=missile,
        threat=threat,
        rounds=rounds,
        pk=pk[0],
        range_km=pk[1],
        time_of_flight=pk[2],
        manual=True,
    )


def _why_not(sc: Scenario, st: State, unit: int, threat: int, missile: int) -> str:
    """Why one missile type cannot engage one threat ('' if it can)."""
    opt = options_of_missile(sc, st, unit, threat, missile)
    return "" if opt.missile[0, 0] == missile else opt.why_not(0, 0)


def _pk_of(
    sc: Scenario, st: State, unit: int, threat: int, missile: int
) -> tuple[float, float, float]:
    opt = options_of_missile(sc, st, unit, threat, missile)
    return float(opt.pk[0, 0]), float(opt.range_km[0, 0]), float(opt.tof[0, 0])
