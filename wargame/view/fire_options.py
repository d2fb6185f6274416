"""The fire dialog's model: what each fire unit could fire at one track now, or why not.

Called by the TUI's fire dialog; the checks themselves belong to the engine's fire
control.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from wargame.engine.command import apply_orders
from wargame.engine.fire_control import (
    REASONS,
    able_fire_units,
    channels_in_use,
    options,
    options_of_missile,
    picture_refusal,
    salvo_size,
    time_to_harm,
    unit_refusal,
)
from wargame.engine.fire_control import time_to_go as seconds_to_go
from wargame.engine.game import units_set_up
from wargame.engine.orders import Order
from wargame.engine.scenario import Scenario
from wargame.engine.state import State


@dataclass(frozen=True)
class Shot:
    """What one fire unit could fire at one track now, or why it cannot."""

    fire_unit: int
    missile: str
    pk: float
    """Single-round kill probability at the predicted intercept point."""
    salvo: int
    pk_salvo: float
    range_km: float
    time_of_flight_s: float
    reason: str
    """Why it cannot ('' if it can)."""
    alternative: bool = False
    """Another missile type than the one fire control would choose: the order names it."""
    round_cost: float = 0.0
    """Price of one round, M$."""

    @property
    def possible(self) -> bool:
        return not self.reason


def shot_options(
    sc: Scenario,
    st: State,
    slot: int,
    salvo_override: dict[int, int] | None = None,
    orders: Sequence[Order] = (),
) -> list[Shot]:
    """Per fire unit, the manual shot at one track as the engine will plan it (the same
    checks in the same order as a manual engagement), best first; after each unit's
    shot, the other missile types of that unit that could engage too (`alternative`).
    The order is carried out at the end of the next turn, so the units are judged as the
    next turn's `orders` (those given so far) will leave them, and the envelope with the
    track moved on by one turn: a shot that would be too late by then is not offered."""
    # When a missile (a threat that strikes its site itself) does its harm, as its track
    # stands now: dead-reckoned a turn on, one about to arrive is carried past its
    # target, where it seems to head for nothing. (An aircraft flies on past its release
    # point, or past a site it only flew near, and may be engaged then: the next turn's
    # picture judges it.)
    this = np.array([slot])
    harm = np.inf
    if sc.t_apparent_release_km[slot] <= 0.0:
        harm = float(time_to_harm(sc, st, this, seconds_to_go(sc, st, this))[0])
    ahead = st.copy()
    ahead.turn += 1  # the track dead-reckons one turn further
    units_set_up(sc, ahead, [])
    apply_orders(sc, ahead, [o for o in orders if o.action != "engage"], [])
    able = able_fire_units(sc, ahead)
    free = sc.r_guidance_channels[sc.f_radar] - channels_in_use(sc, ahead)
    cls = sc.t_apparent_class[np.array([slot])]
    shots = []
    others: dict[int, list[Shot]] = {}
    for f in range(len(sc.f_name)):
        reason = unit_refusal(sc, ahead, f, able, free) or picture_refusal(sc, st, f, slot)
        missile, pk, rng, tof = "", 0.0, 0.0, 0.0
        if not reason:
            opt = options(sc, ahead, np.array([f]), np.array([slot]))
            m = int(opt.missile[0, 0])
            if m < 0:
                reason = opt.why_not(0, 0) or "cannot be engaged"
            elif sc.dt + float(opt.tof[0, 0]) >= harm:
                reason = TOO_LATE
                # A quicker type of the unit may still be in time.
                others[f] = _other_types(sc, ahead, f, slot, m, 1, harm - sc.dt)
            else:
                missile = sc.m_name[m]
                pk, rng, tof = float(opt.pk[0, 0]), float(opt.range_km[0, 0]), float(opt.tof[0, 0])
        salvo = (salvo_override or {}).get(f) or int(salvo_size(sc, st, f, cls)[0])
        if f in others:  # (found before the salvo was known)
            others[f] = [
                dataclasses.replace(o, salvo=salvo, pk_salvo=1.0 - (1.0 - o.pk) ** salvo)
                for o in others[f]
            ]
        cost = float(sc.m_cost[sc.m_name.index(missile)]) if missile else 0.0
        pk_salvo = 1.0 - (1.0 - pk) ** salvo if pk else 0.0
        shots.append(Shot(f, missile, pk, salvo, pk_salvo, rng, tof, reason, round_cost=cost))
        if missile:
            others[f] = _other_types(
                sc, ahead, f, slot, sc.m_name.index(missile), salvo, harm - sc.dt
            )
    shots.sort(key=lambda s: (not s.possible, -s.pk_salvo, s.fire_unit))
    return [shot for main in shots for shot in (main, *others.get(main.fire_unit, []))]


TOO_LATE = REASONS[3]
"""Why a shot ordered now would meet the track only after it does its harm."""


def _other_types(
    sc: Scenario, ahead: State, unit: int, slot: int, chosen: int, salvo: int, before: float
) -> list[Shot]:
    """The shots of a unit's other loaded missile types that could engage, best first;
    only those that meet the track within `before` seconds of their launch."""
    out = []
    for m in np.flatnonzero(ahead.ready[unit] > 0).tolist():
        if m == chosen:
            continue
        opt = options_of_missile(sc, ahead, unit, slot, m)
        if int(opt.missile[0, 0]) != m or float(opt.tof[0, 0]) >= before:
            continue
        pk, rng, tof = float(opt.pk[0, 0]), float(opt.range_km[0, 0]), float(opt.tof[0, 0])
        pk_salvo = 1.0 - (1.0 - pk) ** salvo
        cost = float(sc.m_cost[m])
        out.append(
            Shot(unit, sc.m_name[m], pk, salvo, pk_salvo, rng, tof, "", True, round_cost=cost)
        )
    out.sort(key=lambda s: -s.pk_salvo)
    return out
