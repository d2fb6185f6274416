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

from wargame.engine.scenario import REFERENCE_WARHEAD_KG, Scenario
from wargame.engine.state import State

CONE_DEG = 10.0
_COS_CONE = math.cos(math.radians(CONE_DEG))


def track_position(sc: Scenario, st: State, threats: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each track is now: its last fix, dead-reckoned while it coasts."""
    since = (st.turn - st.track_last[threats]) * sc.dt
    return (
        st.track_x[threats] + st.track_vx[threats] * since,
        st.track_y[threats] + st.track_vy[threats] * since,
    )


def site_names(sc: Scenario) -> list[str]:
    """Names of the blue sites in the order `aimed_site` counts them: assets, command
    posts, radars."""
    return [*sc.a_name, *sc.c_name, *sc.r_name]


def aimed_site(sc: Scenario, st: State, threats: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(site index, seconds to go) per track: the live blue site within `CONE_DEG` of its
    velocity nearest its line of flight; -1 and inf where it points at none."""
    sx = np.concatenate([sc.a_position[:, 0], sc.c_position[:, 0], st.r_x])
    sy = np.concatenate([sc.a_position[:, 1], sc.c_position[:, 1], st.r_y])
    alive = np.concatenate([np.ones(len(sc.a_name), dtype=bool), st.cp_alive, st.radar_alive])
    x, y = track_position(sc, st, threats)
    vx, vy = st.track_vx[threats], st.track_vy[threats]
    speed = np.hypot(vx, vy)
    dx = sx[None, :] - x[:, None]
    dy = sy[None, :] - y[:, None]
    dist = np.maximum(np.hypot(dx, dy), 1e-9)
    along = (dx * vx[:, None] + dy * vy[:, None]) / np.maximum(speed, 1e-12)[:, None]
    aimed = (along >= _COS_CONE * dist) & alive[None, :] & (speed > 0.0)[:, None]
    miss = np.where(aimed, np.sqrt(np.maximum(dist * dist - along * along, 0.0)), np.inf)
    site = np.argmin(miss, axis=1)
    rows = np.arange(threats.size)
    found = np.isfinite(miss[rows, site])
    ttg = np.where(found, along[rows, site] / np.maximum(speed, 1e-12), np.inf)
    return np.where(found, site, -1), np.asarray(ttg)


def heading_for(sc: Scenario, st: State, threats: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(damage it would do, seconds to go) per track, from its heading alone."""
    n_a = len(sc.a_name)
    site, ttg = aimed_site(sc, st, threats)
    fraction = np.minimum(1.0, sc.t_apparent_warhead[threats] / REFERENCE_WARHEAD_KG)
    asset_damage = sc.a_value * (1.0 - sc.a_hardness)
    unit_damage = np.concatenate([sc.c_value * (1.0 - sc.c_hardness), sc.r_value])
    damage = np.where(
        site < n_a,
        asset_damage[np.clip(site, 0, n_a - 1)] * fraction,
        unit_damage[np.maximum(site - n_a, 0)],
    )
    damage = np.where((site >= 0) & (sc.t_apparent_warhead[threats] > 0.0), damage, 0.0)
    return np.asarray(damage), ttg
