"""The envelope: per (fire unit, track), the best missile type whose predicted intercept
point lies inside its envelope in time, and what it would achieve there; or why none.

The intercept point is where a missile flying the slant range meets the track's
estimate (a ballistic missile: on its profile, `timing`). It must lie within the
type's ranges and altitudes (a track's altitude, as a missile's limits, above the
ground beneath it) and in the fire unit's radar's line of sight (its horizon, and the
ground where the campaign has terrain, the point lifted by the ground beneath it:
`terrain`), before the track does its harm and before the game's last turn ends, with
rounds ready. Among the types that can, the best is the largest expected gain net of
the round's price (`economy`).
Called by planning (every pair of a turn at once), by manual shots, and by the blue
view (the track table's best Pk).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from wargame.engine.fire_control.economy import assess, cheaper_later, path_velocity
from wargame.engine.fire_control.readiness import usable_rounds
from wargame.engine.fire_control.rules import FireRules
from wargame.engine.fire_control.timing import (
    dive_altitude,
    meet_on_profile,
    time_to_go,
    time_to_harm,
    wait_for_descent,
)
from wargame.engine.geometry import HORIZON_KM_PER_SQRT_M, edge_factor, intercept_time
from wargame.engine.scenario import Scenario
from wargame.engine.state import State
from wargame.engine.terrain import sight_now
from wargame.engine.tracking import intercept_aim

PRUNE_AT = 1024
"""(Pair, missile) elements from which fire control first sets aside the pairs no missile
reaches in time, when they are at least half: below this, the extra steps cost more."""
PROFILE_WITHIN_FLIGHT = True
"""Fire control looks for the meeting point only within each missile's longest flight (a
shortcut for large raids that changes no shot: `meet_on_profile`)."""


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
    "below the fire unit's radar horizon, or hidden from it by the ground",
    "no missile can engage that class",
    "above the missile's ceiling until it is out of reach",
)
DIVE_OUT_OF_REACH = len(REASONS) - 1
"""A ballistic missile met nowhere: above the ceiling at the straight intercept, and its
dive beyond reach or the longest flight. Shown whatever the other checks say."""


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
    rules: FireRules | None = None,
) -> Options:
    """The best missile for each pair (fire unit `pair_unit[p]`, track `threats[pair_col[p]]`),
    as flat (P,) arrays; `values` and `ttg` are per track of `threats`. Pairs rather than
    a grid, so that each command post weighs only its own units against its own tracks.
    With `why`, also the reason where no missile can engage. With `hold` (automatic
    fire), a pair holds its fire where a cheaper round of the same unit will do as well
    later (`cheaper_later`). With `rules`, a pair uses only the type a standing order
    names for its track's class."""
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
        meet, landing = meet_on_profile(
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
        tof, dive_missed = wait_for_descent(
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
        alt = dive_altitude(sc, slot, ballistic[rows], flown[rows], speed[rows], alt, tof_r)
    # The envelope's ranges are slant ranges; the horizon is over the ground.
    rng_r = np.hypot(ground_r, alt * 1e-3)
    cls = st.track_class[slot]  # the class its track shows
    # (P, M) arrays gathered with `take`: several times cheaper than fancy indexing.
    nominal = sc.m_pk.take(cls, axis=1).T
    # Rounds each pair's unit may fire at its track's class (reserves held back).
    usable = (
        usable_rounds(sc, st, unit, cls)
        if np.count_nonzero(st.reserve_count)
        else st.ready.take(unit, axis=0)
    )
    # The intercept point must be in the unit's radar's line of sight: within its horizon
    # and, with terrain, above what the ground hides, the track's altitude taken above
    # the ground beneath the point (`Sight.sees`).
    sight = sight_now(sc.terrain, st.r_x, st.r_y)
    if sight is None:
        horizon = HORIZON_KM_PER_SQRT_M * (
            sc.r_sqrt_height[radars][:, None] + np.sqrt(np.maximum(alt, 0.0))
        )
        in_sight = ground_r <= horizon
    else:
        aim_x, aim_y = px[rows] + pvx[rows] * tof_r, py[rows] + pvy[rows] * tof_r
        in_sight = sight.sees(radars[:, None], aim_x, aim_y, alt)
    tests = (
        usable > 0,
        finite,
        tof < harm,
        tof < left,
        rng_r <= sc.m_max_range,
        rng_r >= sc.m_min_range,
        alt >= sc.m_min_alt,
        alt <= sc.m_max_alt,
        in_sight,
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
    if rules is not None:
        ok &= rules.allowed(unit, cls, sc.m_cost.size)
    pk = nominal * edge_factor(rng_r / sc.m_max_range)
    # A poor track misplaces the intercept point: the seeker may not find the target there.
    pk *= intercept_aim(sc, st, slot, tof_r)
    pk = np.where(ok, pk, 0.0)
    # Best type: largest expected gain net of the round's cost, so that a cheap
    # drone does not draw a long-range round.
    net = np.where(ok, pk * values[col][:, None] - sc.m_cost, -np.inf)
    best = np.argmax(net, axis=1)
    at = np.arange(best.size) * net.shape[1] + best  # flat indices: cheaper than two arrays
    has = np.isfinite(net.ravel()[at])
    if hold and np.count_nonzero(has):
        # On the path to what each track seems to head for (`path_velocity`).
        hvx, hvy = path_velocity(sc, st, threats, tx, ty, vx, vy)
        has &= ~cheaper_later(
            sc,
            st.turn,
            slot,
            best,
            net.ravel()[at],
            has,
            px[rows],
            py[rows],
            hvx[col][:, None],
            hvy[col][:, None],
            alt,
            radars,
            usable,
            nominal,
            values[col],
            ttg[col],
            sight,
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
