"""When a shot meets its track: the deadlines, the turn of an intercept, and the search
for the meeting point on a ballistic missile's profile.

A track does its harm when it reaches what it seems to head for (an aircraft: when it
comes within its release range of it). A ballistic missile climbs and dives, so the
time a missile needs to meet it is searched along its flight, and one above a
missile's ceiling is met in its dive. Called by the envelope (`envelope.pair_options`),
by planning (the kill assessment's turn) and by launch (the intercept turn it logs).
"""

from __future__ import annotations

import math

import numpy as np

from wargame.engine.assessment import heading_for
from wargame.engine.geometry import ballistic_height
from wargame.engine.scenario import DIVE_MARGIN_M, Scenario
from wargame.engine.state import State

PROFILE_SAMPLES = 32
"""Points of a ballistic missile's remaining flight looked at for the first meeting: it
may be in reach for a while only (flying past the unit, faster than the missile), so
the search looks along the flight before it closes in."""
PROFILE_STEPS = 24
"""Halvings of the search between the last point out of reach and the first in reach:
a thirty-second of a flight of a few minutes, to a millionth of a second."""


def time_to_go(sc: Scenario, st: State, threats: np.ndarray) -> np.ndarray:
    """Seconds until each track reaches what it seems to head for (inf if nothing)."""
    return heading_for(sc, st, threats)[1]


def time_to_harm(sc: Scenario, st: State, threats: np.ndarray, ttg: np.ndarray) -> np.ndarray:
    """Seconds until each track does its harm: `ttg` to its target, less the time it
    takes to fly its release range (an aircraft releases its weapons short of its
    target; a missile's range is 0)."""
    speed = np.maximum(np.hypot(st.track_vx[threats], st.track_vy[threats]), 1e-9)
    return np.asarray(ttg - sc.t_apparent_release_km[threats] / speed)


def turn_of(sc: Scenario, st: State, when: np.ndarray) -> np.ndarray:
    """The turn whose intercepts phase resolves a missile due at game time `when` (as
    `MissileLaunched.intercept_turn` gives it): its end is the first kill assessment."""
    turns = np.ceil(when / sc.dt - 1e-9).astype(np.int64)
    return np.maximum(turns, st.turn + 1)


def arrival_turn(sc: Scenario, st: State, time_of_flight: float) -> int:
    """`turn_of` the intercept of a salvo launched this turn with this time of flight."""
    return max(math.ceil((st.turn * sc.dt + time_of_flight) / sc.dt - 1e-9), st.turn + 1)


def meet_on_profile(
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


def wait_for_descent(
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
    (`meet_on_profile`). Pairs on other threats keep `tof`. Returns the times, and
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


def dive_altitude(
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
