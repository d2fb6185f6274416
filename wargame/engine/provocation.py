"""Provoking drones: unarmed drones sent at the defence to draw its fire.

A raid of drones with `provoke = true` flies straight at a blue radar: its target if
that is a radar or a fire unit (while it stands), else the nearest fire unit's radar
that emits, or failing any, the nearest fire unit's radar. It turns home on the turn
after a missile is launched at it, or once it has passed over that radar (it has
drawn its fire or shown that none came), and leaves when it is back at its entry
point. It carries no warhead and never strikes, but its track flies at a radar as an
armed one would, so threat evaluation values it as one: the defence must decide
whether to spend a round on it (and light up for a SEAD flight) or hold fire.

It flies at its raid's attack altitude and speed (the type's cruise values by
default). `movement.move_threats` calls `fly_provokers`; `red.red_decisions` calls
`provoke` to turn them home.
"""

from __future__ import annotations

import numpy as np

from wargame.engine.events import Event, ThreatLeft
from wargame.engine.scenario import CLASSES, TARGET_NONE, TARGET_RADAR, Scenario
from wargame.engine.state import ACTIVE, LEFT, State

OVERHEAD_KM = 1e-6
"""Within this of its radar (or home), a drone is there: movement puts it on the point."""


def provoked_radar(sc: Scenario, st: State, slots: np.ndarray) -> np.ndarray:
    """(k,) the radar each provoking drone flies at now, -1 if none stands."""
    f_radars = sc.f_radar[st.radar_alive[sc.f_radar]]
    radar = np.full(slots.size, -1, dtype=np.int64)
    if f_radars.size:
        # Emitting radars nearer than any silent one: a silent one is chosen only when
        # none emits.
        dist = np.hypot(
            st.r_x[f_radars][None, :] - st.x[slots][:, None],
            st.r_y[f_radars][None, :] - st.y[slots][:, None],
        )
        dist += np.where(st.emitting[f_radars], 0.0, np.inf)[None, :]
        silent = ~np.isfinite(dist).any(axis=1)
        if np.count_nonzero(silent):
            dist[silent] = np.hypot(
                st.r_x[f_radars][None, :] - st.x[slots[silent]][:, None],
                st.r_y[f_radars][None, :] - st.y[slots[silent]][:, None],
            )
        radar = f_radars[np.argmin(dist, axis=1)]
    # A raid at a radar or fire unit flies at it while it stands; at anything else, at
    # the nearest radar (the index of an asset or command post is not a radar's).
    at_radar = sc.t_target_kind[slots] == TARGET_RADAR
    index = np.where(at_radar, sc.t_target_index[slots], 0)
    named = at_radar & st.radar_alive[index]
    return np.where(named, sc.t_target_index[slots], radar)


def fly_provokers(sc: Scenario, st: State, idx: np.ndarray) -> None:
    """Move the provoking drones `idx` a turn straight at their radar, or home."""
    home = sc.t_start[idx]
    radar = provoked_radar(sc, st, idx)
    outbound = (st.target_kind[idx] != TARGET_NONE) & (radar >= 0)
    to_x = np.where(outbound, st.r_x[radar], home[:, 0])
    to_y = np.where(outbound, st.r_y[radar], home[:, 1])
    dx, dy = to_x - st.x[idx], to_y - st.y[idx]
    dist = np.hypot(dx, dy)
    # Its path has one point (no waypoints): the attack leg's values are point 0's.
    speed = sc.t_point_speed[idx, 0]
    budget = speed * sc.dt
    reach = dist <= budget
    d = np.maximum(dist, 1e-12)
    scale = np.where(reach, 1.0, budget / d)
    st.x[idx] += dx * scale
    st.y[idx] += dy * scale
    st.flown[idx] += np.minimum(dist, budget)
    st.alt[idx] = sc.t_point_alt[idx, 0]
    moving = np.where(reach, 0.0, speed / d)
    st.vx[idx] = dx * moving
    st.vy[idx] = dy * moving


def provoke(sc: Scenario, st: State, events: list[Event]) -> None:
    """Provoking drones engaged (a missile launched at them) or over their radar turn
    home; those back home leave."""
    slots = sc.provoke_slots
    if slots.size == 0:
        return
    slots = slots[st.status[slots] == ACTIVE]
    if slots.size == 0:
        return
    outbound = slots[st.target_kind[slots] != TARGET_NONE]
    if outbound.size:
        radar = provoked_radar(sc, st, outbound)
        at = np.maximum(radar, 0)
        over = np.hypot(st.r_x[at] - st.x[outbound], st.r_y[at] - st.y[outbound]) <= OVERHEAD_KM
        turning = (st.shots_at[outbound] > 0) | over | (radar < 0)
        st.target_kind[outbound[turning]] = TARGET_NONE
    homebound = slots[st.target_kind[slots] == TARGET_NONE]
    home = sc.t_start[homebound]
    back = np.hypot(home[:, 0] - st.x[homebound], home[:, 1] - st.y[homebound]) <= OVERHEAD_KM
    for slot in homebound[back].tolist():
        st.status[slot] = LEFT
        events.append(
            ThreatLeft(turn=st.turn, threat=slot, threat_class=str(CLASSES[sc.t_class[slot]]))
        )
