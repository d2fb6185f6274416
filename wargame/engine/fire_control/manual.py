"""Manual shots: what a fire unit can fire at a track when ordered to, or the engine's
reason why not; one set of checks for the orders a turn carries out and for the fire
dialog that offers them.

`judge_order` runs the checks of an `engage` order in their order (the unit, the track,
its picture, the missile named, the envelope). `manual_engagements` runs it on each of
a turn's orders for planning (`planning.plan_engagements`), logging the acceptance or
the refusal. `manual_shots` asks the same of the next turn as it can be foreseen now
(`TurnAhead`, which `game.turn_ahead` makes): every shot the fire dialog offers, and
every refusal it shows, is what the order will meet.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from wargame.engine.command import order_refusal
from wargame.engine.events import Event, OrderAccepted, OrderRefused
from wargame.engine.fire_control.envelope import REASONS, options, options_of_missile
from wargame.engine.fire_control.launch import Engagement, rounds_to_fire
from wargame.engine.fire_control.readiness import (
    able_fire_units,
    free_channels,
    launch_slots,
    picture,
    salvo_size,
)
from wargame.engine.fire_control.timing import time_to_go, time_to_harm
from wargame.engine.kill_assessment import held_tracks
from wargame.engine.orders import Order
from wargame.engine.scenario import Scenario
from wargame.engine.state import DELIVERED, KILLED, LEFT, SPENT, State
from wargame.engine.tracking import has_heading

ENDED_HOW = {
    KILLED: "destroyed",
    DELIVERED: "it reached its target",
    LEFT: "it left the area",
    SPENT: "it fell short or missed",
}
"""How a track's threat ended, as an order at it is refused (what the log already told)."""
TOO_LATE = REASONS[3]
"""Why a shot would meet the track only after it does its harm."""


@dataclass(frozen=True)
class ManualShot:
    """What one fire unit would fire at one track if ordered to, or why it cannot."""

    fire_unit: int
    threat: int
    """The track's threat slot (-1 if there is no such track)."""
    missile: int
    """Missile type fired; -1 where the order is refused."""
    salvo: int
    """Rounds it fires: the salvo ordered, no more than the unit may fire then
    (`rounds_to_fire`); 0 where the order is refused."""
    pk: float
    """Single-round kill probability at the predicted intercept point."""
    range_km: float
    """Slant range to the predicted intercept point."""
    time_of_flight_s: float
    round_cost: float
    """Price of one round, M$."""
    reason: str
    """Why the order is refused ('' if it is carried out), as the engine logs it."""
    alternative: bool = False
    """Another type than fire control's first choice for the unit: the order names it."""
    salvo_ordered: int = 0
    """Rounds the order asks for: its own salvo, or the unit's setting for the track's class."""

    @property
    def possible(self) -> bool:
        return not self.reason

    @property
    def pk_salvo(self) -> float:
        """Kill probability of the whole salvo: at least one round kills."""
        return 1.0 - (1.0 - self.pk) ** self.salvo if self.possible else 0.0

    def engagement(self) -> Engagement:
        """The salvo planning hands on to launch."""
        return Engagement(
            fire_unit=self.fire_unit,
            missile=self.missile,
            threat=self.threat,
            rounds=self.salvo_ordered,  # (launch fires what it may of them)
            pk=self.pk,
            range_km=self.range_km,
            time_of_flight=self.time_of_flight_s,
            manual=True,
        )


@dataclass(frozen=True)
class TurnAhead:
    """The next turn as far as it can be foreseen now: the state its orders will be judged
    on, before its raids, movement and detection (the tracks dead-reckon the turn)."""

    now: State
    """The state as the player sees it now."""
    state: State
    """The next turn after its opening phases: the clock a turn on, relocated units set
    up, the orders given so far applied."""
    engagements: tuple[Order, ...]
    """The engagements ordered so far, in order: the earlier ones take channels first."""


def unit_refusal(sc: Scenario, st: State, unit: int, able: np.ndarray, free: np.ndarray) -> str:
    """Why a fire unit cannot take on an engagement now, whatever the track ('' if it
    can): the first checks of a manual engagement.
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
    the track is in its picture). Any track blue holds will do: one whose intercept was
    read as a kill, or that waits for a look after a miss, is the player's call."""
    if threat in set(picture(sc, st, unit, held_tracks(st)).tolist()):
        return ""
    return f"track {st.track_id[threat]} is not in the fire unit's picture"


def judge_order(
    sc: Scenario,
    st: State,
    unit: int,
    track: int | None,
    missile: str | None,
    salvo: int | None,
    able: np.ndarray,
    free: np.ndarray,
    now: State | None = None,
) -> ManualShot:
    """The checks of an order for `unit` to engage `track` (with the `missile` type named,
    `salvo` rounds, either None for the unit's own choice), on the state `st` planning
    sees; `able` and `free` per unit as `unit_refusal` takes them. With `now`, the order
    is judged ahead, from the state the player sees: the picture is today's, and a
    missile's deadline is as its track stands now (see `manual_shots`)."""
    return _judge(sc, st, unit, track, missile, salvo, able, free, now)[0]


def _refused(
    sc: Scenario, st: State, unit: int, threat: int, salvo: int | None, reason: str
) -> ManualShot:
    """An order refused, with the rounds it asked for."""
    rounds = _rounds(sc, st, unit, threat, salvo)
    return ManualShot(unit, threat, -1, 0, 0.0, 0.0, 0.0, 0.0, reason, salvo_ordered=rounds)


def _judge(
    sc: Scenario,
    st: State,
    unit: int,
    track: int | None,
    missile: str | None,
    salvo: int | None,
    able: np.ndarray,
    free: np.ndarray,
    now: State | None,
    spent: np.ndarray | None = None,
) -> tuple[ManualShot, int]:
    """`judge_order`, and the type fire control would choose at the track (-1 if none,
    or if a check before the envelope refused the order). `spent`: per missile type, the
    unit's rounds that salvos ordered before this one will fire first."""
    slots = (st.track_id == track).nonzero()[0] if track is not None else np.zeros(0, int)
    threat = int(slots[0]) if slots.size else -1
    rounds = _rounds(sc, st, unit, threat, salvo)

    def refused(reason: str, best: int = -1) -> tuple[ManualShot, int]:
        return _refused(sc, st, unit, threat, salvo, reason), best

    reason = unit_refusal(sc, st, unit, able, free)
    if reason:
        return refused(reason)
    if threat < 0:
        return refused(f"no track {track}")
    if not held_tracks(st)[threat]:  # (a kill the assessment missed: the track is held)
        return refused(f"track {track} has ended: {ENDED_HOW.get(int(st.status[threat]), 'gone')}")
    reason = picture_refusal(sc, st if now is None else now, unit, threat)
    if reason:
        return refused(reason)
    if not has_heading(st, np.array([threat]))[0]:
        # No velocity, no intercept point: the envelope's verdict would be nonsense.
        return refused(f"track {track}: one look, no heading yet: the next look gives one")
    opt = options(sc, st, np.array([unit]), np.array([threat]))
    best = int(opt.missile[0, 0])
    chosen = best
    if missile is not None:
        if missile not in sc.m_name:
            return refused(f"unknown missile type '{missile}'")
        chosen = sc.m_name.index(missile)
        if st.ready[unit, chosen] <= 0:
            return refused(f"no {missile} rounds ready")
    if chosen < 0:
        return refused(f"track {track}: {opt.why_not(0, 0) or 'cannot be engaged'}")
    # The figures of the type alone (the others' rounds hidden): whether a type named
    # can engage, and what the one fired achieves.
    alone = options_of_missile(sc, st, unit, threat, chosen)
    if chosen != best and int(alone.missile[0, 0]) != chosen:
        return refused(f"{missile}: {alone.why_not(0, 0)}", best)
    tof = float(alone.tof[0, 0])
    if now is not None and tof >= _deadline_now(sc, now, threat):
        return refused(f"{missile or f'track {track}'}: {TOO_LATE}", best)
    shot = ManualShot(
        fire_unit=unit,
        threat=threat,
        missile=chosen,
        salvo=rounds_to_fire(
            sc,
            st,
            unit,
            chosen,
            threat,
            rounds,
            0 if spent is None else int(spent[chosen]),
            # Those ordered before it take their launches first.
            None if spent is None else int(launch_slots(sc, st)[unit] - spent.sum()),
        ),
        pk=float(alone.pk[0, 0]),
        range_km=float(alone.range_km[0, 0]),
        time_of_flight_s=tof,
        round_cost=float(sc.m_cost[chosen]),
        reason="",
        salvo_ordered=rounds,
    )
    return shot, best


def _rounds(sc: Scenario, st: State, unit: int, threat: int, salvo: int | None) -> int:
    """The rounds an order fires: its own salvo, or the unit's for the track's class."""
    if salvo or threat < 0:
        return salvo or 0
    return int(salvo_size(sc, st, unit, st.track_class[threat : threat + 1])[0])


def _deadline_now(sc: Scenario, now: State, threat: int) -> float:
    """Seconds after the next turn's launches by which a missile (a threat that strikes
    its site itself) must be met, as its track stands `now`, where it strikes before
    those launches (at most 0: too late for any shot): dead-reckoned a turn on, it is
    carried past its target, where it seems to head for nothing. One that strikes later
    has no deadline here: the next turn's picture judges it, as the engine does (flying
    near a site rather than at it, it leaves the cone `aimed_site` reads the heading by,
    and a turn on may seem to head for another site or none). An aircraft has none
    either: it flies on past its release point, or past a site it only flew near."""
    if sc.t_apparent_release_km[threat] > 0.0:
        return math.inf
    this = np.array([threat])
    harm = float(time_to_harm(sc, now, this, time_to_go(sc, now, this))[0])
    return harm - sc.dt if harm <= sc.dt else math.inf


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
        unit = sc.f_name.index(order.unit)
        shot = judge_order(sc, st, unit, order.track, order.missile, order.salvo, able, free)
        if shot.reason:
            events.append(
                OrderRefused(turn=st.turn, unit=order.unit, order=order.text(), reason=shot.reason)
            )
            continue
        events.append(OrderAccepted(turn=st.turn, unit=order.unit, order=order.text()))
        plan.append(shot.engagement())
        free[unit] -= 1
    return plan


def manual_shots(
    sc: Scenario,
    ahead: TurnAhead,
    threat: int,
    unit: int | None = None,
    missile: str | None = None,
    salvo: int | None = None,
) -> list[ManualShot]:
    """What an order given now to engage the track of `threat` would fire at the end of
    the next turn, per fire unit (`unit`, or each in turn), or the reason it would be
    refused: the orders phase's checks of the order, then those of `judge_order` on the
    state `ahead`, once the unit's engagements ordered earlier have taken their channels.
    Where no `missile` is named, the unit's first choice comes first, then each other
    loaded type that can engage too (`alternative`: the order names it), in the
    catalogue's order. Each shot's `salvo` is the rounds it will fire: those asked
    (`salvo`, else the unit's for the track's class), no more than the unit may fire once
    the salvos it was ordered before have gone (`rounds_to_fire`, as launch fires them).

    The order is judged on the tracks as they stand now, dead-reckoned the turn; but a
    missile that strikes within the turn, as its track stands now, is too late now,
    although a turn on it seems to have flown past its target (`_deadline_now`). A type
    that would be in time is still offered when the first choice is too late."""
    st, now = ahead.state, ahead.now
    track = int(now.track_id[threat])
    able = able_fire_units(sc, st)
    free = free_channels(sc, st)
    shots = []
    for f in range(len(sc.f_name)) if unit is None else (unit,):
        order = Order(st.turn, sc.f_name[f], "engage", track=track, missile=missile, salvo=salvo)
        reason = order_refusal(sc, st, order)
        if reason:  # (the orders phase refuses it before fire control sees it)
            shots.append(_refused(sc, st, f, threat, salvo, reason))
            continue
        spent = _take_channels(sc, ahead, f, track, able, free)
        shot, best = _judge(sc, st, f, track, missile, salvo, able, free, now, spent)
        shots.append(shot)
        if missile is not None or best < 0:
            continue
        for m in np.flatnonzero(st.ready[f] > 0).tolist():
            if m == best:
                continue
            other = _judge(sc, st, f, track, sc.m_name[m], salvo, able, free, now, spent)[0]
            if other.possible:
                shots.append(dataclasses.replace(other, alternative=True))
    return shots


def _take_channels(
    sc: Scenario, ahead: TurnAhead, unit: int, track: int, able: np.ndarray, free: np.ndarray
) -> np.ndarray:
    """The channels of `free` that the unit's engagements ordered before one at `track`
    take, as the orders phase will accept them (a new order at a track goes last; one
    that replaces an earlier order keeps its place). Returns the rounds per missile type
    they will fire before it (launch fires the salvos in the order they were given)."""
    name = sc.f_name[unit]
    spent = np.zeros(len(sc.m_name), dtype=np.int64)
    for order in ahead.engagements:
        if order.unit != name:
            continue
        if order.track == track:
            break
        shot, _ = _judge(
            sc,
            ahead.state,
            unit,
            order.track,
            order.missile,
            order.salvo,
            able,
            free,
            ahead.now,
            spent,
        )
        if shot.possible:
            free[unit] -= 1
            spent[shot.missile] += shot.salvo
    return spent
