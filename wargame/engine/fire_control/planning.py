"""Planning: the engagements ordered, then each command post's assignment of its fire
units to its tracks. Called by the turn (`game.advance`) once the intercepts and leakers
are settled; `launch` fires the plan.

A command post sees the tracks of its own radars and of its fire units' radars;
a fire unit cut off from its post (post destroyed) fights alone on its own
radar. For every (fire unit, track) the best missile type is chosen where the
predicted intercept point lies inside that missile's envelope (range, altitude,
the fire unit's radar horizon) before the threat reaches its target (an aircraft:
before it releases its weapons) and before the game's last turn ends. Target values
come from what each threat heads for and how soon it gets there; rounds of optimal
assignment then pick the salvos that minimise the expected surviving threat value,
within free guidance channels, ready rounds and the rounds each unit can launch in the
turn (`launch_slots`).

Doctrine caps the salvos in the air per target: one (shoot-look-shoot, the default),
or two (shoot-shoot); auto looks where the look leaves time for another shot and
shoots twice where it does not, and always looks against aircraft. With one, the
expected surviving value is linear in the choices and the best plan is exactly an
optimal assignment of each unit's salvos to targets (`linear_sum_assignment`). With
two, it is two rounds of that: the first salvos, then second salvos valued by what
the first leave. (`assign` solves the general problem, any number of rounds per
target; under a cap of two salvos, random trials found the rounds of assignment
closer to the optimum than `assign` trimmed to the cap, in a fifth to a tenth of its
time.)
A salvo is fired only if the value it is expected to save exceeds its price.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from wargame.engine.events import Event
from wargame.engine.fire_control.economy import assess
from wargame.engine.fire_control.envelope import Options, pair_options
from wargame.engine.fire_control.launch import Engagement
from wargame.engine.fire_control.manual import manual_engagements
from wargame.engine.fire_control.point_defence import guards
from wargame.engine.fire_control.readiness import (
    able_fire_units,
    free_channels,
    launch_slots,
    picture,
    salvo_size,
    usable_rounds,
)
from wargame.engine.fire_control.rules import FireRules
from wargame.engine.fire_control.timing import arrival_turn, time_to_harm, turn_of
from wargame.engine.kill_assessment import engageable
from wargame.engine.orders import Order, StandingOrder
from wargame.engine.scenario import IS_AIRCRAFT, Scenario
from wargame.engine.state import AUTO, HOLD, SLS, SS, TIGHT, Shot, State
from wargame.engine.track_life import identified
from wargame.engine.tracking import intercept_aim

MAX_SALVO = 4
MAX_SALVOS_IN_AIR = 2
"""Shoot-shoot: salvos that may be on their way to one target at once."""
MAX_TARGETS = 200
"""Tracks a command post weighs at once; the most valuable are kept."""
REACH_FILTER_PAIRS = 64
"""Above this many (unit, track) pairs a post first drops the tracks out of all reach:
cheaper than evaluating them, while for a few pairs the filter costs more than it saves."""


def plan_engagements(
    sc: Scenario,
    st: State,
    manual: list[Order],
    events: list[Event],
    standing: Sequence[StandingOrder] = (),
) -> list[Engagement]:
    """Manual engagements first, then each command post's automatic allocation, which obeys
    the standing orders in force (`standing`: hold fire, the missile and salvo for a class)."""
    plan: list[Engagement] = []
    tracked = st.track_id >= 0
    if not manual and not np.count_nonzero(tracked):
        return plan
    able = able_fire_units(sc, st)
    free = free_channels(sc, st)
    plan.extend(manual_engagements(sc, st, manual, able, free, events))
    # Rounds each unit can still launch this turn, once the salvos ordered have gone.
    launches = launch_slots(sc, st)
    for e in plan:
        launches[e.fire_unit] -= e.rounds
    firing = able & (st.weapons != HOLD) & (free > 0) & (launches > 0)
    if not np.count_nonzero(firing):
        return plan
    survive, salvos_at = _in_flight(sc, st, plan, able)
    # When each track's salvos on their way are assessed: only auto doctrine asks.
    assessed = (
        _assessed(sc, st, plan, able) if np.count_nonzero(st.doctrine[firing] == AUTO) else None
    )
    live = engageable(st)  # blue's belief: held, not assessed killed
    # Salvos a target may have on their way from each unit's doctrine (auto: at most, as
    # shoot-shoot; where there is time for a look, `_allocate` holds it to one).
    limits = np.where(st.doctrine == SLS, 1, MAX_SALVOS_IN_AIR)
    near: tuple[np.ndarray, np.ndarray] | None = None  # (live slots, reach of every unit)
    work: list[tuple[np.ndarray, np.ndarray]] = []
    for node in _nodes(sc, st):
        units = node[firing[node]]
        if units.size == 0:
            continue
        threats = picture(sc, st, int(units[0]), live)
        # Tracks with as many salvos on their way as the doctrine allows draw no more.
        threats = threats[salvos_at[threats] < limits[units].max()]
        if units.size * threats.size > REACH_FILTER_PAIRS:
            if near is None:
                slots = live.nonzero()[0]
                near = slots, _within_reach(sc, st, slots)
            cols = np.searchsorted(near[0], threats)
            threats = threats[near[1][units][:, cols].any(axis=0)]
        if threats.size:
            work.append((units, threats))
    if not work:
        return plan
    # One pass over every (unit, track) pair of every node: the geometry is the
    # same whichever post asks, and one large array costs less than many small ones.
    # (Sorted and without repeats, as a single picture already is.)
    if len(work) == 1:
        every = work[0][1]
    else:
        seen = np.zeros(sc.n_threats, dtype=bool)
        seen[np.concatenate([t for _, t in work])] = True
        every = seen.nonzero()[0]
    values_all, ttg_all = assess(sc, st, every)
    chosen = []
    looks: np.ndarray | None = None  # per track of `every`: auto surely looks first
    for units, threats in work:
        cols = np.arange(every.size) if threats is every else np.searchsorted(every, threats)
        doctrines = st.doctrine[units]
        if np.count_nonzero(doctrines == AUTO) and not np.count_nonzero(doctrines == SS):
            # Tracks with a salvo on its way that auto leaves until its assessment even
            # were the next flight the longest of any missile: no pair to weigh. (The
            # same test as `_allocate`'s, on a bound of the flight; and done before a
            # post keeps its MAX_TARGETS most valuable, so none of those is wasted on
            # a track it would not fire at.)
            if looks is None:
                assert assessed is not None
                longest = np.full(every.size, float((sc.m_max_range / sc.m_speed).max()))
                looks = (salvos_at[every] > 0) & look_first(
                    sc, st, every, ttg_all, assessed, longest
                )
            cols = cols[~looks[cols]]
            if cols.size == 0:
                continue
        if cols.size > MAX_TARGETS:
            ranked = np.argsort(-(values_all * survive[every])[cols], kind="stable")
            cols = np.sort(cols[ranked[:MAX_TARGETS]])
        chosen.append((units, cols))
    if not chosen:
        return plan
    # Each post's units, each against each of its tracks, posts one after another.
    if len(chosen) == 1:
        units, cols = chosen[0]
        pair_unit, pair_col = np.repeat(units, cols.size), np.concatenate([cols] * units.size)
    else:
        pair_unit = np.repeat(
            np.concatenate([u for u, _ in chosen]),
            [c.size for u, c in chosen for _ in range(u.size)],
        )
        pair_col = np.concatenate([c for u, c in chosen for _ in range(u.size)])
    rules = FireRules.of(sc, standing)
    opt = pair_options(
        sc, st, pair_unit, pair_col, every, values_all, ttg_all, hold=True, rules=rules
    )
    if (opt.missile < 0).all():
        return plan
    salvos = _salvos(sc, st, pair_unit, every[pair_col], opt, rules)
    # Rounds each unit has to fire; with reserves, per post, by the classes in sight.
    usable = None if np.count_nonzero(st.reserve_count) else st.ready.sum(axis=1)
    start = 0
    for units, cols in chosen:
        end = start + units.size * cols.size
        if not np.count_nonzero(salvos.pk[start:end] > 0.0):
            start = end
            continue
        node_plan = _allocate(
            sc,
            st,
            units,
            every[cols],
            values_all[cols],
            ttg_all[cols],
            opt,
            salvos,
            start,
            free,
            survive,
            salvos_at,
            assessed,
            limits,
            usable,
            launches,
        )
        start = end
        # The next post sees these salvos as on their way: one target, one doctrine.
        for e in node_plan:
            survive[e.threat] *= (1.0 - e.pk) ** e.rounds
            salvos_at[e.threat] += 1
            if assessed is not None:
                assessed[e.threat] = max(assessed[e.threat], arrival_turn(sc, st, e.time_of_flight))
        plan.extend(node_plan)
    return plan


def _within_reach(sc: Scenario, st: State, threats: np.ndarray) -> np.ndarray:
    """(F, T): whether each fire unit could possibly meet each track: no farther now than
    its longest reach plus how far the track flies while the slowest of its missiles
    covers that reach."""
    loaded = st.ready > 0
    reach = np.where(loaded, sc.m_max_range, 0.0).max(axis=1)
    slowest = np.where(loaded, sc.m_speed, np.inf).min(axis=1)
    speed = np.hypot(st.track_vx[threats], st.track_vy[threats])
    limit = reach[:, None] * (1.0 + speed[None, :] / slowest[:, None])
    dx = st.track_x[threats][None, :] - st.r_x[sc.f_radar][:, None]
    dy = st.track_y[threats][None, :] - st.r_y[sc.f_radar][:, None]
    # Coasting tracks have moved since they were last seen: widen by that much.
    drift = speed * (st.turn - st.track_last[threats]) * sc.dt
    limit += drift[None, :]
    # Squares, not hypot: a generous bound needs no care at its edge, and it is cheaper.
    dx *= dx
    dy *= dy
    dx += dy
    return np.asarray(dx <= limit * limit)


def _nodes(sc: Scenario, st: State) -> list[np.ndarray]:
    """Groups of fire units that share a picture: per live command post, and each cut-off
    unit alone."""
    if st.cp_alive.all():
        return sc.cp_fire_units
    nodes = []
    for cp, members in enumerate(sc.cp_fire_units):
        if st.cp_alive[cp]:
            nodes.append(members)
        else:
            nodes.extend(np.array([u]) for u in members.tolist())
    return nodes


def _guided(st: State, guiding: np.ndarray) -> list[Shot]:
    """The missiles in flight whose fire unit guides them now (`guiding` per unit)."""
    if guiding.all():
        return st.shots
    guides = guiding.tolist()  # (a list: indexing numpy per shot costs far more)
    return [s for s in st.shots if guides[s.fire_unit]]


def _in_flight(
    sc: Scenario, st: State, plan: list[Engagement], guiding: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Per threat slot: the probability it survives the missiles already on their way (or
    planned this turn), and how many salvos those are. Missiles whose fire unit does not
    guide them now (`guiding` per unit: silent, moving or destroyed) are not counted: they
    miss unless it guides again in time, so its targets are free for the other units."""
    survive = np.ones(sc.n_threats)
    count = np.zeros(sc.n_threats, dtype=np.int64)
    shots = _guided(st, guiding)
    if shots:
        # (multiply.at takes the factors in order: the same products as a loop.)
        at = np.fromiter((s.threat for s in shots), np.int64, len(shots))
        np.multiply.at(survive, at, np.fromiter((1.0 - s.pk_planned for s in shots), float))
        salvos = {(s.threat, s.fire_unit, s.launch_turn) for s in shots}
        targets = np.fromiter((threat for threat, _, _ in salvos), np.int64, len(salvos))
        count += np.bincount(targets, minlength=sc.n_threats)
    for e in plan:
        survive[e.threat] *= (1.0 - e.pk) ** e.rounds
        count[e.threat] += 1
    return survive, count


def _assessed(sc: Scenario, st: State, plan: list[Engagement], guiding: np.ndarray) -> np.ndarray:
    """Per threat slot: the turn by whose end the last of the missiles `_in_flight` counts
    has arrived and been assessed (0 if none)."""
    assessed = np.zeros(sc.n_threats, dtype=np.int64)
    shots = _guided(st, guiding)
    if shots:
        at = np.fromiter((s.threat for s in shots), np.int64, len(shots))
        due = np.fromiter((s.intercept_time for s in shots), float, len(shots))
        np.maximum.at(assessed, at, turn_of(sc, st, due))
    for e in plan:
        assessed[e.threat] = max(assessed[e.threat], arrival_turn(sc, st, e.time_of_flight))
    return assessed


def look_first(
    sc: Scenario,
    st: State,
    threats: np.ndarray,
    ttg: np.ndarray,
    assessed: np.ndarray,
    tof: np.ndarray,
) -> np.ndarray:
    """Auto doctrine, per (unit, track) of `tof` (W, T): whether to wait for the kill
    assessment of a salvo before another, so that a track draws one salvo at a time.
    Always against aircraft (a round spent on an aircraft already hit is lost for the
    next). Against a missile only where a salvo fired once the assessment is in still
    meets it before it does its harm and before the game ends; otherwise a second salvo
    goes before the first arrives, from another unit the same turn if need be. The
    assessment is that of the salvos on their way (at the end of the turn `assessed`
    gives per slot), or with none, of the salvo this unit would fire now. The later
    salvo's flight is taken to be this turn's: the track comes closer meanwhile, so
    this errs towards shooting twice."""
    cls = st.track_class[threats]
    deadline = np.minimum(time_to_harm(sc, st, threats, ttg), (sc.turn_limit - st.turn) * sc.dt)
    on_way = assessed[threats]
    first = np.where(on_way > 0, on_way, turn_of(sc, st, st.turn * sc.dt + tof))
    look_in = (first - st.turn) * sc.dt
    return np.asarray(IS_AIRCRAFT[cls] | (look_in + tof < deadline))


@dataclass(frozen=True)
class Salvos:
    """Per (unit, track) pair: the salvo the unit's doctrine would fire with its best
    missile, flat like the pair `Options` it comes from."""

    rounds: np.ndarray
    pk: np.ndarray
    """Kill probability of the whole salvo; 0 where the unit may not or cannot fire."""
    cost: np.ndarray
    """Price of the salvo in the score's weight."""


FIRM_TRACK_AIM = 0.8
"""Automatic fire waits for a track that leaves at least this much of a round's kill
probability (`tracking.intercept_aim`): two looks or more, so that it has a heading. A
game value; one look leaves about 0.6."""


def _salvos(
    sc: Scenario,
    st: State,
    pair_unit: np.ndarray,
    pair_slot: np.ndarray,
    opt: Options,
    rules: FireRules | None = None,
) -> Salvos:
    """The salvo of each pair (`salvo_size` rounds of its best missile); none at an
    unidentified track for a unit on weapons tight, nor where a standing order holds fire,
    nor at a track too poor for a fire solution (`FIRM_TRACK_AIM`: a track of one look,
    with no heading yet, or one coasting long), nor, for a unit that protects a site, at
    a track heading elsewhere (`point_defence.guards`) - a shot the player orders is his
    call."""
    rounds = salvo_size(sc, st, pair_unit, st.track_class[pair_slot], rules)
    can = opt.missile >= 0
    firm = intercept_aim(sc, st, pair_slot, np.where(can, opt.tof, 0.0)) >= FIRM_TRACK_AIM
    pk = np.where(can & firm, 1.0 - (1.0 - opt.pk) ** rounds, 0.0)
    tight = st.weapons[pair_unit] == TIGHT
    if np.count_nonzero(tight):
        pk[tight & ~identified(sc, st, pair_slot)] = 0.0
    if rules is not None:
        pk[rules.holds(sc, st, pair_unit, pair_slot)] = 0.0
    # A point-defence unit keeps its fire for what comes at the site it protects.
    pk[~guards(sc, st, pair_unit, pair_slot)] = 0.0
    weight = sc.loaded.campaign.scoring.interceptor_cost
    cost = np.where(can, sc.m_cost[opt.missile] * rounds, 0.0) * weight
    return Salvos(rounds, pk, cost)


def _allocate(
    sc: Scenario,
    st: State,
    units: np.ndarray,
    threats: np.ndarray,
    values: np.ndarray,
    ttg: np.ndarray,
    opt: Options,
    salvos: Salvos,
    start: int,
    free: np.ndarray,
    in_flight: np.ndarray,
    salvos_at: np.ndarray,
    assessed: np.ndarray | None,
    limits: np.ndarray,
    usable: np.ndarray | None,
    launches: np.ndarray,
) -> list[Engagement]:
    """One command post's plan: its units against its tracks (`values` and `ttg` per
    track), whose pair options and salvos are the flat `opt` and `salvos` from `start`
    on, unit by unit; `in_flight`, `salvos_at` and `assessed` per threat slot, as
    `_in_flight` and `_assessed` give them (`assessed` None when no unit is on auto);
    `limits` per unit the salvos a target may have in the air, `usable` its rounds (None
    when reserves are set: then they depend on the classes in sight), `launches` the
    rounds it can still launch this turn."""
    w, t = units.size, threats.size
    end = start + w * t
    # Shoot-look-shoot: one salvo in the air per target, then wait for the kill
    # assessment. Shoot-shoot: a second salvo may follow before the first arrives, the
    # same turn from another unit or on a later turn. Auto: shoot-shoot only where
    # there is no time for the look. Any way, a target draws at most one new salvo per
    # unit per turn.
    salvos_in_air = salvos_at[threats]
    limit = limits[units][:, None]
    auto = st.doctrine[units] == AUTO
    if np.count_nonzero(auto):
        assert assessed is not None
        tof = opt.tof[start:end].reshape(w, t)
        look = look_first(sc, st, threats, ttg, assessed, tof)
        limit = np.where(auto[:, None] & look, 1, limit)
    may_fire = salvos_in_air < limit
    pk_salvo = np.where(may_fire, salvos.pk[start:end].reshape(w, t), 0.0)
    if not np.count_nonzero(pk_salvo > 0.0):
        return []
    if usable is None:
        cls = st.track_class[threats]
        rounds = (
            usable_rounds(sc, st, np.repeat(units, t), np.tile(cls, w))
            .reshape(w, t, -1)
            .max(axis=1)
            .sum(axis=1)
        )
    else:
        rounds = usable[units]
    rounds = np.minimum(rounds, launches[units])
    salvo_rounds = salvos.rounds[start:end].reshape(w, t)
    smallest = np.where(pk_salvo > 0, salvo_rounds, MAX_SALVO).min(axis=1)
    ammo = np.minimum(free[units], rounds // np.maximum(smallest, 1))
    worth = values * in_flight[threats]
    cost = salvos.cost[start:end].reshape(w, t)
    if limit.max() <= 1:
        wi, tj = _one_salvo_each(worth, pk_salvo, ammo, cost)
    else:
        # Per (unit, track): how many salvos the track may draw this turn if this unit
        # fires, by this unit's own doctrine for it.
        room = np.where(may_fire, limit - salvos_in_air, 0)
        wi, tj = capped_assign(worth, pk_salvo, ammo, room, cost)
    at = start + wi * t + tj  # back to flat pair indices
    return [
        Engagement(
            fire_unit=unit,
            missile=missile,
            threat=threat,
            rounds=rounds,
            pk=pk,
            range_km=range_km,
            time_of_flight=tof,
            manual=False,
        )
        for unit, missile, threat, rounds, pk, range_km, tof in zip(
            units[wi].tolist(),
            opt.missile[at].tolist(),
            threats[tj].tolist(),
            salvos.rounds[at].tolist(),
            opt.pk[at].tolist(),
            opt.range_km[at].tolist(),
            opt.tof[at].tolist(),
            strict=True,
        )
    ]


def capped_assign(
    values: np.ndarray, pk: np.ndarray, ammo: np.ndarray, room: np.ndarray, cost: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The salvos to fire where a target may draw up to two this turn, each unit at most
    one per target and `ammo` in all, each worth its price: the (unit, target) cells that
    fire, in row-major order. `room` (W, T), 0 to 2: how many salvos the target may draw
    this turn if that unit fires; two go only where both units allow two.

    Two rounds of optimal assignment. The first is `_one_salvo_each`: exact for one
    salvo per target. The second gives the rounds left a second salvo at the targets
    whose first unit allows two, from units that allow two, each valued by what the
    first salvo leaves of it, and again exact for that. Then a first salvo that no
    longer saves its price beside the second is dropped."""
    n = values.size
    pk = np.where(room >= 1, pk, 0.0)
    wi, tj = _one_salvo_each(values, pk, ammo, cost)
    again = np.zeros(n, dtype=bool)
    again[tj] = room[wi, tj] >= 2
    left = ammo - np.bincount(wi, minlength=ammo.size)
    if not (np.count_nonzero(again) and np.count_nonzero(left)):
        return wi, tj
    after = values * np.where(again, 1.0, 0.0)
    after[tj] *= 1.0 - pk[wi, tj]
    pk_second = np.where(again & (room >= 2), pk, 0.0)
    pk_second[wi, tj] = 0.0  # not the same unit again
    wi2, tj2 = _one_salvo_each(after, pk_second, left, cost)
    if wi2.size == 0:
        return wi, tj
    # The first salvo at a target that drew a second now saves v (1 - p2) p1.
    second = np.full(n, -1)
    second[tj2] = wi2
    partner = second[tj]
    has = partner >= 0
    p2 = np.where(has, pk[np.maximum(partner, 0), tj], 0.0)
    keep = values[tj] * (1.0 - p2) * pk[wi, tj] - cost[wi, tj] >= 0.0
    cells = np.concatenate([wi[keep] * n + tj[keep], wi2 * n + tj2])
    cells.sort()
    return cells // n, cells % n


def _one_salvo_each(
    values: np.ndarray, pk: np.ndarray, ammo: np.ndarray, cost: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """With at most one salvo per target the expected surviving value is linear in the
    choices, so the best plan is an optimal assignment: each weapon's rounds as rows,
    targets as columns, the gain v_j p_ij less the salvo's cost. Returns the chosen
    (unit, target) cells in row-major order."""
    gain = np.where(pk > 0.0, values * pk - cost, 0.0)
    np.maximum(gain, 0.0, out=gain)
    useful = gain.max(axis=1) > 0.0
    rows = np.repeat(useful.nonzero()[0], np.minimum(ammo[useful], pk.shape[1]))
    if rows.size == 0:
        return rows, rows
    cols = (gain.max(axis=0) > 0.0).nonzero()[0]
    matrix = gain[rows][:, cols]
    r, c = linear_sum_assignment(matrix, maximize=True)
    chosen = matrix[r, c] > 0.0
    # Each target is one column, so a unit's cells never repeat.
    wi, tj = rows[r[chosen]], cols[c[chosen]]
    order = np.lexsort((tj, wi))
    return wi[order], tj[order]
