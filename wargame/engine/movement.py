"""Movement phase: threats fly their paths for one turn.

Raid members, SEAD aircraft and jammers follow their waypoints at their speed and
altitude, or at those their raid's flight profile gives each leg (`_fly_profiles`);
provoking drones fly at a radar or home (`provocation`); ballistic missiles fly
straight at their target with a parabolic altitude profile (apogee at mid-flight,
very fast terminal dive), at the ground speed that makes it a fall at g
(`scenario.ballistic_flight_s`); anti-radiation missiles fly straight at the radar
that was emitting when they were launched. A threat that reaches its target (or its
release point) gets its arrival time; the leakers phase decides what it does there,
after the intercepts.
"""

from __future__ import annotations

import numpy as np

from wargame.engine.geometry import ballistic_height
from wargame.engine.provocation import fly_provokers
from wargame.engine.scenario import ROLE_ARM, ROLE_STRIKE, ROLE_WEAPON, TARGET_NONE, Scenario
from wargame.engine.state import ACTIVE, State


def move_threats(sc: Scenario, st: State) -> None:
    """Advance every active threat by one turn; sets `arrival_time` for those that arrive."""
    st.arrival_time.fill(np.inf)
    active = (st.status == ACTIVE).nonzero()[0]
    if sc.false_slots.size:
        # False tracks are noise: nothing flies there (their slots come last).
        active = active[: np.searchsorted(active, sc.false_slots[0])]
    if active.size == 0:
        return
    t0 = (st.turn - 1) * sc.dt
    straight, home = _off_path(sc, st, active)
    if np.count_nonzero(straight):
        fly_straight(sc, st, active[straight], t0)
    if np.count_nonzero(home):
        fly_home(sc, st, active[home], sc.dt)
    if np.count_nonzero(straight) or np.count_nonzero(home):
        active = active[~(straight | home)]
    _follow_paths(sc, st, active, t0)


def _off_path(sc: Scenario, st: State, active: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Which active threats fly straight at their aim point (`path_end`): ARMs and
    released weapons, and raid members re-aimed at a later target (`release.retarget`);
    and which aircraft fly their route home, their weapons released."""
    role = sc.t_role[active]
    kind = st.target_kind[active]
    straight = (role == ROLE_ARM) | (role == ROLE_WEAPON)
    strike = role == ROLE_STRIKE
    home = strike & (kind == TARGET_NONE) & (sc.t_n_home[active] > 0)
    re_aimed = (kind != sc.t_target_kind[active]) | (
        st.target_index[active] != sc.t_target_index[active]
    )
    straight |= strike & re_aimed & (kind != TARGET_NONE)
    return straight, home


def _follow_paths(sc: Scenario, st: State, idx: np.ndarray, t0: float) -> None:
    if sc.provoke_slots.size:
        provoking = sc.t_provoke[idx]
        if np.count_nonzero(provoking):
            fly_provokers(sc, st, idx[provoking])
            idx = idx[~provoking]
    if sc.profiled_slots.size:
        profiled = sc.t_profiled[idx]
        if np.count_nonzero(profiled):
            _fly_profiles(sc, st, idx[profiled], t0)
            idx = idx[~profiled]
    # A threat flies its path at constant speed, so where it is follows from how far
    # it has flown: on the leg whose end is the first point farther along than that.
    # (Rows are gathered with `take`: several times cheaper than fancy indexing.)
    speed = sc.t_speed[idx]
    before = st.flown[idx]
    total = sc.t_total[idx]
    flown = np.minimum(before + speed * sc.dt, total)
    points = sc.t_cum.shape[1]
    passed = np.add.reduce(sc.t_cum.take(idx, axis=0) <= flown[:, None], axis=1)
    leg = np.minimum(passed, sc.t_n_points[idx] - 1)
    at = idx * points + leg  # flat (slot, point) indices
    direction = sc.t_dir.reshape(-1, 2).take(at, axis=0)
    back = sc.t_cum.reshape(-1)[at] - flown
    position = sc.t_path.reshape(-1, 2).take(at, axis=0)
    position -= direction * back[:, None]
    st.x[idx], st.y[idx], st.flown[idx] = position[:, 0], position[:, 1], flown

    done = flown >= total
    if np.count_nonzero(done):
        arrived = done & (sc.t_target_kind[idx] != TARGET_NONE)
        if np.count_nonzero(arrived):
            st.arrival_time[idx[arrived]] = t0 + (flown[arrived] - before[arrived]) / speed[arrived]
        # Those holding on station (or arrived) have no velocity.
        direction[done] = 0.0

    # Velocity now: along the current leg.
    direction *= speed[:, None]
    st.vx[idx], st.vy[idx] = direction[:, 0], direction[:, 1]

    ballistic = sc.t_ballistic[idx]
    if np.count_nonzero(ballistic):
        b = idx[ballistic]
        s = np.minimum(np.maximum(st.flown[b] / np.maximum(sc.t_total[b], 1e-9), 0.0), 1.0)
        st.alt[b] = ballistic_height(sc.t_cruise_alt[b], s)


def _fly_profiles(sc: Scenario, st: State, idx: np.ndarray, t0: float) -> None:
    """Threats whose raid sets a flight profile: each leg at its own speed, the altitude
    changing evenly along it. Where a threat is follows from its seconds of flight, on the
    leg whose end is the first point later than that; a turn that crosses a leg's end
    flies the rest of the turn at the next leg's speed."""
    points = sc.t_cum.shape[1]
    cum, cum_s = sc.t_cum.reshape(-1), sc.t_cum_s.reshape(-1)
    speeds, last = sc.t_point_speed.reshape(-1), sc.t_n_points[idx] - 1
    before = st.flown[idx]
    # Its seconds of flight so far, from the distance flown: on the leg it was on.
    passed = np.add.reduce(sc.t_cum.take(idx, axis=0) <= before[:, None], axis=1)
    at = idx * points + np.minimum(passed, last)
    elapsed = cum_s[at] - (cum[at] - before) / speeds[at]
    total_s = sc.t_total_s[idx]
    now = np.minimum(elapsed + sc.dt, total_s)
    passed = np.add.reduce(sc.t_cum_s.take(idx, axis=0) <= now[:, None], axis=1)
    leg = np.minimum(passed, last)
    at = idx * points + leg
    speed = speeds[at]
    done = now >= total_s
    back = np.where(done, 0.0, (cum_s[at] - now) * speed)  # km short of the leg's end
    flown = cum[at] - back
    direction = sc.t_dir.reshape(-1, 2).take(at, axis=0)
    position = sc.t_path.reshape(-1, 2).take(at, axis=0)
    position -= direction * back[:, None]
    st.x[idx], st.y[idx], st.flown[idx] = position[:, 0], position[:, 1], flown

    # Altitude: evenly from the point before's (the entry's: point 0's) to the leg end's.
    alt_end = sc.t_point_alt.reshape(-1)[at]
    first = leg == 0
    at_before = np.where(first, at, at - 1)
    alt_before = sc.t_point_alt.reshape(-1)[at_before]
    length = cum[at] - np.where(first, 0.0, cum[at_before])
    share = np.where(length > 0.0, back / np.maximum(length, 1e-12), 0.0)
    st.alt[idx] = alt_end - (alt_end - alt_before) * share

    if np.count_nonzero(done):
        arrived = done & (sc.t_target_kind[idx] != TARGET_NONE)
        if np.count_nonzero(arrived):
            st.arrival_time[idx[arrived]] = t0 + (total_s[arrived] - elapsed[arrived])
        direction[done] = 0.0
    direction *= speed[:, None]
    st.vx[idx], st.vy[idx] = direction[:, 0], direction[:, 1]


def fly_straight(sc: Scenario, st: State, idx: np.ndarray, t0: float) -> None:
    """Threats flying straight at their aim point (`st.path_end`) at their speed: ARMs at
    the radar they heard, stand-off weapons from their release point at the target, raid
    members re-aimed at a later target. Those that reach it get their arrival time."""
    if idx.size == 0:
        return
    speed = sc.t_speed[idx]
    budget = speed * sc.dt
    end = st.path_end.take(idx, axis=0)
    dx = end[:, 0] - st.x[idx]
    dy = end[:, 1] - st.y[idx]
    dist = np.hypot(dx, dy)
    reach = dist <= budget
    d = np.maximum(dist, 1e-12)
    scale = np.where(reach, 1.0, budget / d)
    st.x[idx] += dx * scale
    st.y[idx] += dy * scale
    st.flown[idx] += np.minimum(dist, budget)
    if np.count_nonzero(reach):
        st.arrival_time[idx[reach]] = t0 + dist[reach] / speed[reach]
    st.vx[idx] = dx / d * speed
    st.vy[idx] = dy / d * speed
    # Dive from cruise altitude over the last `DIVE_KM`: a missile or bomb strikes, while
    # an aircraft flying to its release point holds its altitude. (minimum/maximum:
    # np.clip costs several times more on arrays this small.)
    remaining = np.maximum(dist - budget, 0.0)
    dives = np.where(sc.t_release_km[idx] > 0.0, np.inf, DIVE_KM)
    st.alt[idx] = sc.t_cruise_alt[idx] * np.minimum(remaining / dives, 1.0)
    if np.count_nonzero(reach):
        held = idx[reach & (sc.t_release_km[idx] > 0.0)]
        st.vx[held], st.vy[held] = 0.0, 0.0  # holding at its release point


DIVE_KM = 20.0
"""A missile flying straight at its target dives from its cruise altitude over this last
stretch."""


def route_home(sc: Scenario, st: State, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(N, H) distance from the release point (`st.path_end`) to each point of each
    aircraft's route home, and (N,) its length to the last, where it leaves, km."""
    first = sc.t_home[idx, 0] - st.path_end[idx]
    cum = np.hypot(first[:, 0], first[:, 1])[:, None] + sc.t_home_cum[idx]
    return cum, cum[np.arange(idx.size), sc.t_n_home[idx] - 1]


def fly_home(sc: Scenario, st: State, idx: np.ndarray, seconds: float) -> None:
    """Aircraft whose weapons are released fly `seconds` more along their route home, from
    their release point (`st.path_end`; `st.flown` is the distance since) at their
    cruise speed and altitude; one at the end holds there until red sends it off the map
    (`release`)."""
    speed = sc.t_speed[idx]
    cum, total = route_home(sc, st, idx)
    flown = np.minimum(st.flown[idx] + speed * seconds, total)
    rows = np.arange(idx.size)
    leg = np.minimum(np.add.reduce(cum < flown[:, None], axis=1), sc.t_n_home[idx] - 1)
    ahead = sc.t_home[idx, leg]
    behind = np.where((leg == 0)[:, None], st.path_end[idx], sc.t_home[idx, np.maximum(leg - 1, 0)])
    start = np.where(leg == 0, 0.0, cum[rows, np.maximum(leg - 1, 0)])
    length = cum[rows, leg] - start
    heading = (ahead - behind) / np.maximum(length, 1e-12)[:, None]
    position = ahead - heading * (cum[rows, leg] - flown)[:, None]
    st.x[idx], st.y[idx], st.flown[idx] = position[:, 0], position[:, 1], flown
    st.alt[idx] = sc.t_cruise_alt[idx]
    heading[flown >= total] = 0.0
    st.vx[idx], st.vy[idx] = heading[:, 0] * speed, heading[:, 1] * speed
