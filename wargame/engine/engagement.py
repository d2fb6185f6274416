"""Allocation and launches: each command post assigns its fire units to its tracks.

A command post sees the tracks of its own radars and of its fire units' radars;
a fire unit cut off from its post (post destroyed) fights alone on its own
radar. For every (fire unit, track) the best missile type is chosen where the
predicted intercept point lies inside that missile's envelope (range, altitude,
the fire unit's radar horizon) before the threat reaches its target (an aircraft:
before it releases its weapons) and before the game's last turn ends. Target values
come from what each threat heads for and how soon it gets there; rounds of optimal
assignment then pick the salvos that minimise the expected surviving threat value,
within free guidance channels and ready rounds.

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

import math
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from scipy.optimize import linear_sum_assignment

from wargame.campaign import ThreatClass
from wargame.engine.assessment import heading_for
from wargame.engine.events import Event, MissileLaunched, OrderAccepted, OrderRefused, r3
from wargame.engine.geometry import (
    HORIZON_KM_PER_SQRT_M,
    ballistic_height,
    edge_factor,
    intercept_time,
)
from wargame.engine.orders import Order
from wargame.engine.scenario import (
    CLASS_CODE,
    CLASS_NAMES,
    CLASSES,
    DIVE_MARGIN_M,
    IS_AIRCRAFT,
    Scenario,
)
from wargame.engine.state import (
    ACTIVE,
    AUTO,
    DELIVERED,
    HOLD,
    KILLED,
    LEFT,
    SLS,
    SPENT,
    SS,
    TIGHT,
    Shot,
    State,
)

URGENCY_S = 300.0
"""A threat this many seconds from its target is worth 1.5 times one far away."""
MAX_SALVO = 4
MAX_SALVOS_IN_AIR = 2
"""Shoot-shoot: salvos that may be on their way to one target at once."""
MAX_TARGETS = 200
"""Tracks a command post weighs at once; the most valuable are kept."""
REACH_FILTER_PAIRS = 64
"""Above this many (unit, track) pairs a post first drops the tracks out of all reach:
cheaper than evaluating them, while for a few pairs the filter costs more than it saves."""
PRUNE_AT = 1024
"""(Pair, missile) elements from which fire control first sets aside the pairs no missile
reaches in time, when they are at least half: below this, the extra steps cost more."""
IS_AIRCRAFT_SALVO = np.where(IS_AIRCRAFT, 1, 2)
"""Default rounds per salvo by class code: 1 against aircraft, 2 against missiles."""
HELD_FOR_CHEAPER = np.isin(
    np.arange(len(CLASSES)),
    [CLASS_CODE[c] for c in (ThreatClass.DRONE, ThreatClass.CRUISE_MISSILE, ThreatClass.DECOY)],
)
"""Classes (as the radars take them) whose costly round may wait for a cheaper one:
expendable threats flying straight on to their target, so that the later shot comes.
Not aircraft (they turn, release their weapons short of their target, or loiter), nor
anti-radiation or ballistic missiles (no time, no straight course)."""


class Engagement(NamedTuple):
    """A planned salvo: launched in the launch phase if the target is still flying.
    (A named tuple: a turn may plan hundreds, and they are cheap to make.)"""

    fire_unit: int
    missile: int
    threat: int
    rounds: int
    pk: float
    range_km: float
    time_of_flight: float
    manual: bool


@dataclass
class Options:
    """Per (fire unit, track) the best missile and what it would achieve: arrays of
    shape (W, T) over units and tracks, or (P,) over a list of pairs."""

    missile: np.ndarray
    """Best missile type, -1 if none can reach."""
    pk: np.ndarray
    """Single-round pk of that missile at the intercept point."""
    range_km: np.ndarray
    tof: np.ndarray
    reason: np.ndarray | None = None
    """Why none can reach, as an index into REASONS; None where not asked for."""

    def why_not(self, *at: int) -> str:
        """Why no missile can engage at this index ('' if one can)."""
        if self.reason is None:
            raise ValueError("these options were evaluated without their reasons")
        return REASONS[int(self.reason[at])]

    def block(self, start: int, units: int, tracks: int) -> Options:
        """Flat pair options from `start` on, as the (units, tracks) grid they were made from."""
        end = start + units * tracks

        def cut(a: np.ndarray) -> np.ndarray:
            return a[start:end].reshape(units, tracks)

        return Options(
            cut(self.missile),
            cut(self.pk),
            cut(self.range_km),
            cut(self.tof),
            None if self.reason is None else cut(self.reason),
        )


REASONS = (
    "",
    "no rounds ready",
    "the missile cannot catch it",
    "the threat reaches its target, or releases its weapons, before any intercept",
    "the game ends before any intercept",
    "beyond maximum range",
    "inside minimum range",
    "below the missile's lowest altitude",
    "above the missile's highest altitude",
    "below the fire unit's radar horizon",
    "no missile can engage that class",
    "above the missile's ceiling until it is out of reach",
)
DIVE_OUT_OF_REACH = len(REASONS) - 1
"""A ballistic missile met nowhere: above the ceiling at the straight intercept, and its
dive beyond reach or the longest flight. Shown whatever the other checks say."""


ENDED_HOW = {
    KILLED: "destroyed",
    DELIVERED: "it reached its target",
    LEFT: "it left the area",
    SPENT: "it fell short or missed",
}
"""How a track's threat ended, as an order at it is refused (what the log already told)."""


def able_fire_units(sc: Scenario, st: State) -> np.ndarray:
    """Fire units that can fire now: radar alive, emitting and set up."""
    r = sc.f_radar
    return np.asarray(st.radar_alive[r] & st.emitting[r] & (st.ready_turn[r] <= st.turn))


def picture(sc: Scenario, st: State, fire_unit: int, live: np.ndarray | None = None) -> np.ndarray:
    """Threat slots the fire unit's command post (or the unit alone, if cut off) tracks;
    `live`, if given, is the mask of tracked threats still in the air."""
    radar = sc.f_radar[fire_unit]
    cp = sc.r_cp[radar]
    if st.cp_alive[cp]:
        radars = sc.cp_radars[cp]
        radars = radars[st.radar_alive[radars]]
    else:
        radars = radar
    fresh = st.turn - sc.loaded.campaign.rules.track_coast_turns
    held = st.seen_by[radars] >= fresh
    if held.ndim == 2:
        held = held.any(axis=0)
    if live is None:
        live = (st.track_id >= 0) & (st.status == ACTIVE)
    return np.asarray((held & live).nonzero()[0])


def salvo_size(
    sc: Scenario, st: State, fire_unit: int | np.ndarray, apparent_class: np.ndarray
) -> np.ndarray:
    """Rounds per engagement: the unit's setting, or by default 2 against missiles, 1 against
    aircraft. `fire_unit` is one unit, or one per entry of `apparent_class`."""
    setting = st.salvo[fire_unit]
    return np.asarray(np.where(setting > 0, setting, IS_AIRCRAFT_SALVO[apparent_class]))


def assess(
    sc: Scenario, st: State, threats: np.ndarray, ttg: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """(value, seconds to go) per track, from one reading of the tracks' headings. What
    killing a threat is worth, as the command post judges it from the track: the damage
    it would do where it seems to head (a decoy is valued as what it mimics), plus its
    own cost, with urgency."""
    damage, heading_ttg = heading_for(sc, st, threats)
    if ttg is None:
        ttg = heading_ttg
    own = sc.t_apparent_cost[threats] * sc.loaded.campaign.scoring.threat_cost_destroyed
    urgency = 1.0 + URGENCY_S / (URGENCY_S + np.minimum(ttg, 1e9))
    return np.asarray((damage + own) * urgency), ttg


def time_to_go(sc: Scenario, st: State, threats: np.ndarray) -> np.ndarray:
    """Seconds until each track reaches what it seems to head for (inf if nothing)."""
    return heading_for(sc, st, threats)[1]


def options(
    sc: Scenario,
    st: State,
    units: np.ndarray,
    threats: np.ndarray,
    values: np.ndarray | None = None,
    ttg: np.ndarray | None = None,
) -> Options:
    """The best missile per (fire unit, threat) pair, from the tracks' estimates: (W, T)."""
    if values is None:
        values, ttg = assess(sc, st, threats, ttg)
    elif ttg is None:
        ttg = time_to_go(sc, st, threats)
    w, t = units.size, threats.size
    pair_unit, pair_col = np.repeat(units, t), np.tile(np.arange(t), w)
    flat = pair_options(sc, st, pair_unit, pair_col, threats, values, ttg, why=True)
    return flat.block(0, w, t)


def time_to_harm(sc: Scenario, st: State, threats: np.ndarray, ttg: np.ndarray) -> np.ndarray:
    """Seconds until each track does its harm: `ttg` to its target, less the time it
    takes to fly its release range (an aircraft releases its weapons short of its
    target; a missile's range is 0)."""
    speed = np.maximum(np.hypot(st.track_vx[threats], st.track_vy[threats]), 1e-9)
    return np.asarray(ttg - sc.t_apparent_release_km[threats] / speed)


def pair_options(
    sc: Scenario,
    st: State,
    pair_unit: np.ndarray,
    pair_col: np.ndarray,
    threats: np.ndarray,
    values: np.ndarray,
    ttg: np.ndarray,
    why: bool = False,
    hold: bool = False,
) -> Options:
    """The best missile for each pair (fire unit `pair_unit[p]`, track `threats[pair_col[p]]`),
    as flat (P,) arrays; `values` and `ttg` are per track of `threats`. Pairs rather than
    a grid, so that each command post weighs only its own units against its own tracks.
    With `why`, also the reason where no missile can engage. With `hold` (automatic
    fire), a pair holds its fire where a cheaper round of the same unit will do as well
    later (`_cheaper_later`)."""
    since = (st.turn - st.track_last[threats]) * sc.dt
    vx, vy = st.track_vx[threats], st.track_vy[threats]
    tx = st.track_x[threats] + vx * since
    ty = st.track_y[threats] + vy * since
    radars = sc.f_radar[pair_unit]
    slot = threats[pair_col]
    px = (tx[pair_col] - st.r_x[radars])[:, None]
    py = (ty[pair_col] - st.r_y[radars])[:, None]
    pvx, pvy = vx[pair_col][:, None], vy[pair_col][:, None]
    # The missile flies the slant range: to the track's height (km, squared) as well as
    # across the ground.
    height2 = (st.track_alt[slot] * 1e-3)[:, None]
    height2 *= height2
    tof = intercept_time(px, py, pvx, pvy, sc.m_speed[None, :], height2)
    # The intercept must come before the track does its harm, and before the game's
    # last turn ends.
    harm = time_to_harm(sc, st, threats, ttg)[pair_col][:, None]
    left = (sc.turn_limit - st.turn) * sc.dt + 1e-9
    ballistic = sc.t_ballistic[slot]  # pairs on a ballistic missile
    on_ballistic = np.count_nonzero(ballistic) > 0
    if on_ballistic:
        # The profile as each pair's track estimates it, over every pair: the values of
        # the pairs on other threats are computed and not used, which costs less than
        # gathering the ballistic rows and scattering them back.
        speed = np.hypot(vx, vy)
        flown = (st.track_flown[threats] + speed * since)[pair_col]
        speed = speed[pair_col]
        # Its height changes on the way: the flight is timed against its profile.
        on = ballistic.nonzero()[0]
        meet, landing = _meet_on_profile(
            sc,
            slot[on],
            flown[on],
            speed[on],
            px[on],
            py[on],
            pvx[on],
            pvy[on],
            within_flight=PROFILE_WITHIN_FLIGHT and not why,
        )
        tof[on] = meet
        # It does its harm where it lands (by then, already: the estimate has it down).
        harm[on] = np.minimum(harm[on], landing)
        tof, dive_missed = _wait_for_descent(
            sc, slot, ballistic, flown, speed, px, py, pvx, pvy, tof
        )
    finite = np.isfinite(tof)
    tof_f = np.where(finite, tof, 0.0)
    ground = np.hypot(px + pvx * tof_f, py + pvy * tof_f)
    # A large raid's pairs are mostly out of range, or too late, for every missile: the
    # rest of the model then runs on the others alone, and the pairs left out get no
    # missile (their range and time, of the first type, as the pruning saw them).
    rows: slice | np.ndarray = slice(None)
    # (The slant range is at least the ground range, so that bounds it.)
    if not why and tof.size >= PRUNE_AT:
        in_time = (tof < np.minimum(harm, left)) & (ground <= sc.m_max_range)
        near = in_time.any(axis=1).nonzero()[0]
        if near.size * 2 <= pair_unit.size:
            rows = near
    unit, slot, radars, col = pair_unit[rows], slot[rows], radars[rows], pair_col[rows]
    tof, finite, tof_r, ground_r = tof[rows], finite[rows], tof_f[rows], ground[rows]
    harm = harm[rows]
    alt = st.track_alt[slot][:, None]
    if on_ballistic:
        alt = _dive_altitude(sc, slot, ballistic[rows], flown[rows], speed[rows], alt, tof_r)
    # The envelope's ranges are slant ranges; the horizon is over the ground.
    rng_r = np.hypot(ground_r, alt * 1e-3)
    cls = sc.t_apparent_class[slot]
    # (P, M) arrays gathered with `take`: several times cheaper than fancy indexing.
    nominal = sc.m_pk.take(cls, axis=1).T
    # Rounds each pair's unit may fire at its track's class (reserves held back).
    usable = (
        _usable_rounds(sc, st, unit, cls)
        if np.count_nonzero(st.reserve_count)
        else st.ready.take(unit, axis=0)
    )
    horizon = HORIZON_KM_PER_SQRT_M * (
        sc.r_sqrt_height[radars][:, None] + np.sqrt(np.maximum(alt, 0.0))
    )
    tests = (
        usable > 0,
        finite,
        tof < harm,
        tof < left,
        rng_r <= sc.m_max_range,
        rng_r >= sc.m_min_range,
        alt >= sc.m_min_alt,
        alt <= sc.m_max_alt,
        ground_r <= horizon,
        nominal > 0.0,
    )
    reason = None
    if why:
        checks = np.empty((len(tests), *tof.shape), dtype=bool)
        for k, test in enumerate(tests):
            checks[k] = test
        ok = checks.all(axis=0)
        # Numbered from 1 as in REASONS: the first check each (pair, missile) fails.
        first_fail = np.where(ok, 0, np.argmin(checks, axis=0) + 1)
        if on_ballistic:
            # (A type with no rounds to fire says so: the dive is not what stops it.)
            first_fail[dive_missed[rows] & tests[0]] = DIVE_OUT_OF_REACH
    else:
        ok = tests[0] & tests[1]
        for test in tests[2:]:
            ok &= test
    pk = np.where(ok, nominal * edge_factor(rng_r / sc.m_max_range), 0.0)
    # Best type: largest expected gain net of the round's cost, so that a cheap
    # drone does not draw a long-range round.
    net = np.where(ok, pk * values[col][:, None] - sc.m_cost, -np.inf)
    best = np.argmax(net, axis=1)
    at = np.arange(best.size) * net.shape[1] + best  # flat indices: cheaper than two arrays
    has = np.isfinite(net.ravel()[at])
    if hold and np.count_nonzero(has):
        has &= ~_cheaper_later(
            sc,
            st.turn,
            slot,
            best,
            net.ravel()[at],
            has,
            px[rows],
            py[rows],
            pvx[rows],
            pvy[rows],
            alt,
            radars,
            usable,
            nominal,
            values[col],
            ttg[col],
        )
    if why:
        # The reason shown is that of the missile that came closest (failed the latest check).
        reason = np.where(has, 0, first_fail.max(axis=1))
    chosen = Options(
        missile=np.where(has, best, -1),
        pk=np.where(has, pk.ravel()[at], 0.0),
        range_km=rng_r.ravel()[at],
        tof=tof_r.ravel()[at],
        reason=reason,
    )
    if isinstance(rows, slice):
        return chosen
    out = Options(
        missile=np.full(pair_unit.size, -1, dtype=chosen.missile.dtype),
        pk=np.zeros(pair_unit.size),
        range_km=np.hypot(ground[:, 0], st.track_alt[threats[pair_col]] * 1e-3),
        tof=tof_f[:, 0].copy(),
    )
    out.missile[rows], out.pk[rows] = chosen.missile, chosen.pk
    out.range_km[rows], out.tof[rows] = chosen.range_km, chosen.tof
    return out


def _cheaper_later(
    sc: Scenario,
    turn: int,
    slots: np.ndarray,
    best: np.ndarray,
    best_net: np.ndarray,
    has: np.ndarray,
    px: np.ndarray,
    py: np.ndarray,
    vx: np.ndarray,
    vy: np.ndarray,
    alt: np.ndarray,
    radars: np.ndarray,
    usable: np.ndarray,
    nominal: np.ndarray,
    value: np.ndarray,
    ttg: np.ndarray,
) -> np.ndarray:
    """Economy of fire: per pair, whether a cheaper missile type of the same unit will get
    a shot as good later, so that this turn's costly round is held: a drone is left to
    the 9M96 that will meet it, not given a 48N6. Only for the classes of
    `HELD_FOR_CHEAPER` as the radars take them: expendable threats flying straight on to
    their target. The track is taken to fly on as its estimate says (p + v t from the
    unit's radar, at its altitude). The later shot judged is the first at full kill
    probability: an intercept where the track comes within 70 % of the cheaper missile's
    maximum (slant) range (and the radar horizon; a turn's flight further on, still outside its
    minimum range, as the launch waits for a turn's end), whose launch is a turn or more
    away, and which falls more than a turn before the track does its harm (reaches its
    target, or its weapons' release range short of it) and before the game's last turn.
    It is as good if its expected gain net of its price, pk x value - price, is at least
    that of the best round now. `px` ... `vy` and `alt` are (P, 1); `usable` and
    `nominal` (P, M); the rest (P,)."""
    cost = sc.m_cost
    # (P, M): the types cheaper than each pair's best, loaded, whose altitude band holds
    # the track's, and whose shot at full kill probability would gain as much.
    gain = nominal * value[:, None] - cost
    better = (cost < cost[best][:, None]) & (usable > 0) & (gain >= best_net[:, None])
    better &= HELD_FOR_CHEAPER[sc.t_apparent_class[slots]][:, None]
    better &= (alt >= sc.m_min_alt) & (alt <= sc.m_max_alt)
    better &= has[:, None]
    candidates: np.ndarray = better.any(axis=1)
    if not np.count_nonzero(candidates):
        return candidates
    rows = candidates.nonzero()[0]
    # (Small plans: every row is a candidate, and gathering them would cost more.)
    at: slice | np.ndarray = slice(None) if rows.size == best.size else rows
    px, py, vx, vy, alt = px[at], py[at], vx[at], vy[at], alt[at]
    horizon = HORIZON_KM_PER_SQRT_M * (
        sc.r_sqrt_height[radars[at]][:, None] + np.sqrt(np.maximum(alt, 0.0))
    )
    # 70 % of the range is a slant range: over the ground, less at the track's height.
    height2 = alt * 1e-3
    height2 *= height2
    slant = 0.7 * sc.m_max_range
    full = np.minimum(np.sqrt(np.maximum(slant * slant - height2, 0.0)), horizon)
    # When the track comes within `full`: |p + v s| = full, the smaller root (if ahead).
    a = vx * vx + vy * vy
    b = px * vx + py * vy
    disc = b * b - a * (px * px + py * py - full * full)
    meets = (a > 1e-12) & (disc >= 0.0) & (full > 0.0)
    enter = (-b - np.sqrt(np.where(meets, disc, 0.0))) / np.where(meets, a, 1.0)
    # The missile meets it there if launched at enter - flight: a turn or more away.
    meets &= enter - np.sqrt(full * full + height2) / sc.m_speed >= sc.dt
    # And more than a turn before the track does its harm (a threat that releases its
    # weapons does so short of its target, as far as the type it is taken for does), and
    # before the game ends.
    speed = np.sqrt(a)
    release = sc.t_apparent_release_km[slots[at]][:, None] / np.maximum(speed, 1e-9)
    deadline = np.minimum(ttg[at][:, None] - release, (sc.turn_limit - turn) * sc.dt)
    meets &= enter + sc.dt < deadline
    # A turn's flight further on (head-on), it is still outside the minimum range.
    further = full - speed * sc.dt
    meets &= further >= 0.0
    further *= further
    meets &= further + height2 >= sc.m_min_range * sc.m_min_range
    hold = np.zeros(best.size, dtype=bool)
    hold[at] = (meets & better[at]).any(axis=1)
    return hold


PROFILE_SAMPLES = 32
"""Points of a ballistic missile's remaining flight looked at for the first meeting: it
may be in reach for a while only (flying past the unit, faster than the missile), so
the search looks along the flight before it closes in."""
PROFILE_STEPS = 24
"""Halvings of the search between the last point out of reach and the first in reach:
a thirty-second of a flight of a few minutes, to a millionth of a second."""
PROFILE_WITHIN_FLIGHT = True
"""Fire control looks for the meeting point only within each missile's longest flight (a
shortcut for large raids that changes no shot: `_meet_on_profile`)."""


def _meet_on_profile(
    sc: Scenario,
    slots: np.ndarray,
    flown: np.ndarray,
    speed: np.ndarray,
    px: np.ndarray,
    py: np.ndarray,
    vx: np.ndarray,
    vy: np.ndarray,
    within_flight: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Per pair on a ballistic missile, for each missile type: the first time t at which
    the slant range to the track, flying on at its ground velocity and its profile's
    height h(t), is no more than speed x t; and the seconds to its landing, (P, 1). The
    first of `PROFILE_SAMPLES` points of the flight to its landing that is in reach is
    found, then the moment between it and the point before by halving. Where none is,
    the time is a second after the landing, so that the deadline is what stops it.
    `flown` and `speed` per pair, as the track estimates them; p and v (P, 1). With
    `within_flight` (fire control, which needs no reasons), only the pairs whose track
    passes within reach of the missile's longest flight are looked at (a large raid's
    are mostly far out of it); the others could be met only out of range."""
    total = np.maximum(sc.t_total[slots], 1e-9)[:, None]
    apogee = sc.t_cruise_alt[slots][:, None] * 1e-3
    ground_speed = np.maximum(speed, 1e-9)[:, None]
    flown = flown[:, None]
    landing = np.maximum(total - flown, 0.0) / ground_speed
    missile_speed = sc.m_speed[None, :]

    # Flat (pair, type) entries, so that the search runs on those that may meet alone.
    shape = (px.shape[0], missile_speed.size)
    flown_e, speed_e, total_e, apogee_e, px_e, py_e, vx_e, vy_e, s_e, landing_e = (
        np.broadcast_to(a, shape).ravel()
        for a in (flown, ground_speed, total, apogee, px, py, vx, vy, missile_speed, landing)
    )
    end = landing_e
    if within_flight:
        end = np.minimum(end, np.broadcast_to(sc.m_max_flight_s[None, :], shape).ravel())
    # The nearest the track's ground path comes by `end`: beyond the missile's flight by
    # then, it cannot be met.
    v2 = np.maximum(vx_e * vx_e + vy_e * vy_e, 1e-18)
    closest = np.minimum(np.maximum(-(px_e * vx_e + py_e * vy_e) / v2, 0.0), end)
    near = np.hypot(px_e + vx_e * closest, py_e + vy_e * closest) <= s_e * end
    look = near.nonzero()[0]

    per_entry = (flown_e, speed_e, total_e, apogee_e, px_e, py_e, vx_e, vy_e, s_e)

    # The same points whatever `within_flight`, so that it changes no meeting it finds.
    points = landing_e[look][:, None] * (np.arange(1, PROFILE_SAMPLES + 1) / PROFILE_SAMPLES)
    in_reach = _in_reach(points, *(a[look][:, None] for a in per_entry))
    first = np.argmax(in_reach, axis=1)
    found = in_reach[np.arange(look.size), first]
    meets, first = look[found], first[found]
    hi = points[found.nonzero()[0], first]
    lo = np.where(first > 0, hi * (first / (first + 1.0)), 0.0)
    gathered = tuple(a[meets] for a in per_entry)  # once, not at every halving
    for _ in range(PROFILE_STEPS):
        mid = 0.5 * (lo + hi)
        ok = _in_reach(mid, *gathered)
        hi = np.where(ok, mid, hi)
        lo = np.where(ok, lo, mid)
    out = (landing_e + 1.0).copy()
    out[meets] = hi
    return out.reshape(shape), landing


def _in_reach(
    t: np.ndarray,
    flown: np.ndarray,
    speed: np.ndarray,
    total: np.ndarray,
    apogee: np.ndarray,
    px: np.ndarray,
    py: np.ndarray,
    vx: np.ndarray,
    vy: np.ndarray,
    missile_speed: np.ndarray,
) -> np.ndarray:
    """Whether a missile of `missile_speed` covers, by t, the slant range to a ballistic
    missile `flown` km along its `total` at ground `speed`, p + v t over the ground and
    its profile's height (apogee in km) up."""
    s = np.minimum((flown + speed * t) / total, 1.0)
    height = ballistic_height(apogee, s)
    gx, gy = px + vx * t, py + vy * t
    return np.asarray(gx * gx + gy * gy + height * height <= (missile_speed * t) ** 2)


def _wait_for_descent(
    sc: Scenario,
    slots: np.ndarray,
    ballistic: np.ndarray,
    flown: np.ndarray,
    speed: np.ndarray,
    px: np.ndarray,
    py: np.ndarray,
    vx: np.ndarray,
    vy: np.ndarray,
    tof: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """A ballistic missile above a missile's ceiling is met later, in its dive: the
    intercept is timed for when it falls through the ceiling, if the missile can be
    there by then (the slant range to that point, just under the ceiling, no more than
    speed t) and is still flying (t no longer than its maximum range over its speed: a
    missile cannot loiter for a target that is not yet coming down; it is fired on a
    later turn). Per pair: the threat `slots`, whether it is `ballistic`, the `flown`
    distance and ground `speed` its track estimates; the other arrays are (P, M) or
    (P, 1), `tof` the first meeting in reach on the threat's profile
    (`_meet_on_profile`). Pairs on other threats keep `tof`. Returns the times, and
    where a straight intercept was lost for want of a dive in reach."""
    ground_speed = np.maximum(speed, 1e-9)[:, None]
    # (Not ballistic: the dive is at -inf, so no wait.)
    wait = np.maximum((sc.t_dive_km.take(slots, axis=0) - flown[:, None]) / ground_speed, 0.0)
    finite = np.isfinite(tof)
    # Where there is no intercept at all, 0 stands in for the time: every row is computed,
    # and inf would make 0 * inf of a velocity along an axis.
    later = np.where(finite, np.maximum(tof, wait), 0.0)
    # A pair that waits must reach the point of the dive, just under the ceiling, by
    # then; one that does not is met at `tof`, which the caller found in reach.
    waiting = later > tof
    bx = px + vx * later
    by = py + vy * later
    dive_height = (sc.m_max_alt - DIVE_MARGIN_M) * 1e-3
    bx *= bx
    by *= by
    bx += by
    bx += dive_height * dive_height
    reach = sc.m_speed[None, :] * later + 1e-9
    reachable = ~waiting | (bx <= reach * reach)
    # The longest flight bounds the wait only; without one (later == tof) the range
    # test decides, with its own reason.
    reachable &= later <= np.maximum(sc.m_max_flight_s, tof)
    met = np.where(finite & reachable, later, np.inf)
    missed = finite & ~reachable
    missed &= ballistic[:, None]
    return np.where(ballistic[:, None], met, tof), missed


def _dive_altitude(
    sc: Scenario,
    slots: np.ndarray,
    ballistic: np.ndarray,
    flown: np.ndarray,
    speed: np.ndarray,
    alt: np.ndarray,
    tof: np.ndarray,
) -> np.ndarray:
    """(P, M): `alt` (per pair, the track's altitude) where the pair's threat is not
    `ballistic`, else the ballistic profile at the intercept time (`flown` and `speed`
    per pair as the track estimates them)."""
    total = np.maximum(sc.t_total[slots], 1e-9)[:, None]
    s = (flown[:, None] + speed[:, None] * tof) / total
    s = np.minimum(np.maximum(s, 0.0), 1.0)  # (np.clip costs several times more)
    dive = ballistic_height(sc.t_cruise_alt[slots][:, None], s)
    return np.where(ballistic[:, None], dive, alt)


def _usable_rounds(sc: Scenario, st: State, units: np.ndarray, cls: np.ndarray) -> np.ndarray:
    """(P, M) rounds unit `units[p]` may fire at class `cls[p]`, reserves held back."""
    ready = st.ready[units]
    released = st.reserve_class[units] == cls[:, None]
    return np.asarray(np.where(released, ready, np.maximum(ready - st.reserve_count[units], 0)))


def channels_in_use(sc: Scenario, st: State) -> np.ndarray:
    """Targets each fire unit is guiding missiles to right now."""
    pairs = {(s.fire_unit, s.threat) for s in st.shots}
    units = np.fromiter((unit for unit, _ in pairs), np.int64, len(pairs))
    return np.bincount(units, minlength=len(sc.f_name))


def plan_engagements(
    sc: Scenario, st: State, manual: list[Order], events: list[Event]
) -> list[Engagement]:
    """Manual engagements first, then each command post's automatic allocation."""
    plan: list[Engagement] = []
    tracked = st.track_id >= 0
    if not manual and not np.count_nonzero(tracked):
        return plan
    able = able_fire_units(sc, st)
    free = sc.r_guidance_channels[sc.f_radar] - channels_in_use(sc, st)
    for order in manual:
        engagement = _manual(sc, st, order, able, free, events)
        if engagement is not None:
            plan.append(engagement)
            free[engagement.fire_unit] -= 1
    firing = able & (st.weapons != HOLD) & (free > 0)
    if not np.count_nonzero(firing):
        return plan
    survive, salvos_at = _in_flight(sc, st, plan, able)
    # When each track's salvos on their way are assessed: only auto doctrine asks.
    assessed = (
        _assessed(sc, st, plan, able) if np.count_nonzero(st.doctrine[firing] == AUTO) else None
    )
    live = tracked & (st.status == ACTIVE)
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
                looks = (salvos_at[every] > 0) & _look_first(
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
    opt = pair_options(sc, st, pair_unit, pair_col, every, values_all, ttg_all, hold=True)
    if (opt.missile < 0).all():
        return plan
    salvos = _salvos(sc, st, pair_unit, every[pair_col], opt)
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
        )
        start = end
        # The next post sees these salvos as on their way: one target, one doctrine.
        for e in node_plan:
            survive[e.threat] *= (1.0 - e.pk) ** e.rounds
            salvos_at[e.threat] += 1
            if assessed is not None:
                assessed[e.threat] = max(assessed[e.threat], _arrival_turn(sc, st, e))
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
        np.maximum.at(assessed, at, _turn_of(sc, st, due))
    for e in plan:
        assessed[e.threat] = max(assessed[e.threat], _arrival_turn(sc, st, e))
    return assessed


def _turn_of(sc: Scenario, st: State, when: np.ndarray) -> np.ndarray:
    """The turn whose intercepts phase resolves a missile due at game time `when` (as
    `MissileLaunched.intercept_turn` gives it): its end is the first kill assessment."""
    turns = np.ceil(when / sc.dt - 1e-9).astype(np.int64)
    return np.maximum(turns, st.turn + 1)


def _arrival_turn(sc: Scenario, st: State, e: Engagement) -> int:
    """`_turn_of` the intercept of an engagement planned this turn."""
    return max(math.ceil((st.turn * sc.dt + e.time_of_flight) / sc.dt - 1e-9), st.turn + 1)


def _look_first(
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
    cls = sc.t_apparent_class[threats]
    deadline = np.minimum(time_to_harm(sc, st, threats, ttg), (sc.turn_limit - st.turn) * sc.dt)
    on_way = assessed[threats]
    first = np.where(on_way > 0, on_way, _turn_of(sc, st, st.turn * sc.dt + tof))
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


def _salvos(
    sc: Scenario, st: State, pair_unit: np.ndarray, pair_slot: np.ndarray, opt: Options
) -> Salvos:
    """The salvo of each pair (`salvo_size` rounds of its best missile); none at an
    unidentified track for a unit on weapons tight."""
    rounds = salvo_size(sc, st, pair_unit, sc.t_apparent_class[pair_slot])
    can = opt.missile >= 0
    pk = np.where(can, 1.0 - (1.0 - opt.pk) ** rounds, 0.0)
    tight = st.weapons[pair_unit] == TIGHT
    if np.count_nonzero(tight):
        looks = sc.loaded.campaign.rules.identification_looks
        pk[tight & (st.track_hits[pair_slot] < looks)] = 0.0
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
) -> list[Engagement]:
    """One command post's plan: its units against its tracks (`values` and `ttg` per
    track), whose pair options and salvos are the flat `opt` and `salvos` from `start`
    on, unit by unit; `in_flight`, `salvos_at` and `assessed` per threat slot, as
    `_in_flight` and `_assessed` give them (`assessed` None when no unit is on auto);
    `limits` per unit the salvos a target may have in the air, `usable` its rounds (None
    when reserves are set: then they depend on the classes in sight)."""
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
        look = _look_first(sc, st, threats, ttg, assessed, tof)
        limit = np.where(auto[:, None] & look, 1, limit)
    may_fire = salvos_in_air < limit
    pk_salvo = np.where(may_fire, salvos.pk[start:end].reshape(w, t), 0.0)
    if not np.count_nonzero(pk_salvo > 0.0):
        return []
    if usable is None:
        cls = sc.t_apparent_class[threats]
        rounds = (
            _usable_rounds(sc, st, np.repeat(units, t), np.tile(cls, w))
            .reshape(w, t, -1)
            .max(axis=1)
            .sum(axis=1)
        )
    else:
        rounds = usable[units]
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
        wi, tj = _capped_assign(worth, pk_salvo, ammo, room, cost)
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


def _capped_assign(
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


def options_of_missile(sc: Scenario, st: State, unit: int, threat: int, missile: int) -> Options:
    """`options` for one unit, one track and one missile type alone (the others' rounds
    hidden for the evaluation, the state left as it was)."""
    saved = st.ready[unit].copy()
    try:
        st.ready[unit] = 0
        st.ready[unit, missile] = saved[missile]
        return options(sc, st, np.array([unit]), np.array([threat]))
    finally:
        st.ready[unit] = saved


def _why_not(sc: Scenario, st: State, unit: int, threat: int, missile: int) -> str:
    """Why one missile type cannot engage one threat ('' if it can)."""
    opt = options_of_missile(sc, st, unit, threat, missile)
    return "" if opt.missile[0, 0] == missile else opt.why_not(0, 0)


def _pk_of(
    sc: Scenario, st: State, unit: int, threat: int, missile: int
) -> tuple[float, float, float]:
    opt = options_of_missile(sc, st, unit, threat, missile)
    return float(opt.pk[0, 0]), float(opt.range_km[0, 0]), float(opt.tof[0, 0])


def launch(sc: Scenario, st: State, plan: list[Engagement], events: list[Event]) -> None:
    """Fire the planned salvos whose targets are still flying."""
    if not plan:
        return
    now = st.turn * sc.dt
    units = np.array([e.fire_unit for e in plan])
    missiles = np.array([e.missile for e in plan])
    threats = np.array([e.threat for e in plan])
    ranges = np.array([e.range_km for e in plan])
    # What each round really achieves, against what the threat truly is (a decoy differs).
    true_pks = sc.m_pk[missiles, sc.t_class[threats]] * edge_factor(
        ranges / sc.m_max_range[missiles]
    )
    apparent = sc.t_apparent_class[threats]
    # Rounds held back for another class than the target's.
    kept = np.where(
        st.reserve_class[units, missiles] == apparent, 0, st.reserve_count[units, missiles]
    )
    for e, flying, true_pk, held, cls, track, cost in zip(
        plan,
        (st.status[threats] == ACTIVE).tolist(),
        true_pks.tolist(),
        kept.tolist(),
        apparent.tolist(),
        st.track_id[threats].tolist(),
        sc.m_cost[missiles].tolist(),
        strict=True,
    ):
        f, m, j = e.fire_unit, e.missile, e.threat
        if not flying:
            continue
        rounds = min(e.rounds, int(st.ready[f, m]) - held)
        if rounds <= 0:
            continue
        hit_time = now + e.time_of_flight
        st.ready[f, m] -= rounds
        st.fired[f, m] += rounds
        st.shots_at[j] += rounds
        # One event per round; the rounds of a salvo are alike, so they share it.
        launched = MissileLaunched(
            turn=st.turn,
            fire_unit=sc.f_name[f],
            missile=sc.m_name[m],
            track=track,
            threat=j,
            threat_class=CLASS_NAMES[cls],
            pk=r3(e.pk),
            range_km=r3(e.range_km),
            intercept_turn=_arrival_turn(sc, st, e),
            cost=cost,
            ordered=e.manual,
        )
        for _ in range(rounds):
            st.interceptor_cost += cost
            st.shots.append(Shot(f, m, j, track, hit_time, e.pk, true_pk, st.turn))
            events.append(launched)
