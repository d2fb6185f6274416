"""Threat evaluation: what each track seems to be flying at, and how soon it gets there.

The command post does not know a raid's orders; it reads them off the track. A
track heads for the blue site (asset, command post or radar) that lies within
`CONE_DEG` of its velocity, nearest to its line of flight; its time to go is the
distance along that line over its speed. A track that points at nothing (a
leg towards a waypoint, an aircraft on station) is worth only its own cost and
has no time to go.
"""

from __future__ import annotations

import math

import numpy as np

from wargame.engine.scenario import Scenario
from wargame.engine.state import State

CONE_DEG = 10.0
_COS_CONE = math.cos(math.radians(CONE_DEG))


def site_names(sc: Scenario) -> list[str]:
    """Names of the blue sites in the order `aimed_site` counts them: assets, command
    posts, radars."""
    return [*sc.a_name, *sc.c_name, *sc.r_name]


def aimed_site(sc: Scenario, st: State, threats: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(site index, seconds to go) per track: the live blue site within `CONE_DEG` of its
    velocity nearest its line of flight; -1 and inf where it points at none."""
    sx = np.concatenate((sc.fixed_site_x, st.r_x))
    sy = np.concatenate((sc.fixed_site_y, st.r_y))
    alive = np.concatenate((sc.asset_standing, st.cp_alive, st.radar_alive))
    since = (st.turn - st.track_last[threats]) * sc.dt
    vx, vy = st.track_vx[threats], st.track_vy[threats]
    dx = sx - (st.track_x[threats] + vx * since)[:, None]
    dy = sy - (st.track_y[threats] + vy * since)[:, None]
    speed = np.hypot(vx, vy)
    moving = speed > 1e-12
    speed = np.maximum(speed, 1e-12)[:, None]
    dist = np.maximum(np.hypot(dx, dy), 1e-9)
    dx *= vx[:, None]
    dy *= vy[:, None]
    dx += dy
    along = dx
    along /= speed
    aimed = along >= _COS_CONE * dist
    aimed &= alive
    aimed &= moving[:, None]
    dist *= dist
    miss = np.where(aimed, np.sqrt(np.maximum(dist - along * along, 0.0)), np.inf)
    site = np.argmin(miss, axis=1)
    # (Flat indices: cheaper than indexing by two arrays.)
    at = np.arange(threats.size) * miss.shape[1] + site
    found = miss.ravel()[at] < np.inf
    ttg = np.where(found, along.ravel()[at] / speed[:, 0], np.inf)
    return np.where(found, site, -1), ttg


def heads_towards(st: State, threats: np.ndarray, x: float, y: float) -> np.ndarray:
    """(T,) whether each track's reported velocity points within `CONE_DEG` of the point
    (x, y) from its reported position: the same cone `aimed_site` judges by."""
    vx, vy = st.track_vx[threats], st.track_vy[threats]
    dx, dy = x - st.track_x[threats], y - st.track_y[threats]
    speed, dist = np.hypot(vx, vy), np.hypot(dx, dy)
    towards: np.ndarray = ((dx * vx + dy * vy) >= _COS_CONE * dist * speed) & (speed > 1e-12)
    return towards


def heading_for(sc: Scenario, st: State, threats: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(damage it would do, seconds to go) per track, from its heading alone."""
    site, ttg = aimed_site(sc, st, threats)
    # A full warhead's damage at each site; against an asset, scaled by the warhead;
    # nothing from a threat that carries none.
    scale = np.where(
        site < len(sc.a_name), sc.t_apparent_fraction[threats], sc.t_apparent_armed[threats]
    )
    damage = np.where(site >= 0, sc.site_damage[site] * scale, 0.0)
    return damage, ttg
