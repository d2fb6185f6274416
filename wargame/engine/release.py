"""Stand-off weapons, egress and retargeting: what red's strike aircraft do at their
release point, and what a raid does when its target is destroyed.

An aircraft with a release range flies to its release point (`movement`). If it
carries a weapon, its arrival does no harm (`intercept.strike_arrives`); at the turn's
end it releases its weapons, held in slots of their own since the game began
(`threat_slots.release_groups`), each flying straight from the release point at the
target as a threat of its own, launched at the moment the aircraft got there. An
aircraft without one strikes with its own warhead on arrival (as older catalogues
have it). Either way it then flies its route home from the moment it released, and
leaves the area at its end.

A raid may name several targets. When the one its members fly at is destroyed, each
member still flying at it (waiting to enter, on its way, or a weapon in the air) is
re-aimed at the first of the raid's later targets still standing, and flies straight
at it (an aircraft, at its new release point). A ballistic missile keeps its target.

`red.red_decisions` calls `release_weapons` once a turn, after the leakers phase.
"""

from __future__ import annotations

import numpy as np

from wargame.engine.events import Event, RaidRetargeted, ThreatLeft, WeaponsReleased, r3
from wargame.engine.movement import DIVE_KM, fly_home, route_home
from wargame.engine.scenario import (
    CLASSES,
    ROLE_STRIKE,
    ROLE_WEAPON,
    TARGET_ASSET,
    TARGET_CP,
    TARGET_NONE,
    TARGET_RADAR,
    Scenario,
)
from wargame.engine.state import ACTIVE, DELIVERED, KILLED, LEFT, PENDING, SPENT, State

LEFT_AT_KM = 1e-9
"""An aircraft this close to the end of its route home has reached it."""


def release_weapons(sc: Scenario, st: State, events: list[Event]) -> None:
    """The turn's releases, egress, retargeting and departures, in that order of need:
    weapons on an aircraft that is gone never fly; an aircraft that struck with its own
    warhead turns home; members of a raid whose target is destroyed move on; aircraft at
    their release point release and turn home; those at the end of their route leave."""
    drop_orphans(sc, st, sc.weapon_slots)
    if not sc.t_n_home.any():
        retarget(sc, st, events)
        return
    # (One shot down in the turn after it got there released first: `resolve_intercepts`
    # keeps the arrival time of those only.)
    arrived = np.flatnonzero(
        (sc.t_release_km > 0.0)
        & ((st.status == ACTIVE) | (st.status == KILLED))
        & np.isfinite(st.arrival_time)
        & (st.target_kind != TARGET_NONE)
    )
    flying = arrived[st.status[arrived] == ACTIVE]
    struck = flying[sc.t_delivers[flying]]
    _turn_home(sc, st, struck)
    re_aimed = retarget(sc, st, events)
    carriers = arrived[~sc.t_delivers[arrived] & ~re_aimed[arrived]]
    for aircraft in carriers.tolist():
        _release(sc, st, aircraft, events)
    _turn_home(sc, st, carriers[st.status[carriers] == ACTIVE])
    _leave(sc, st, events)


def drop_orphans(sc: Scenario, st: State, slots: np.ndarray) -> None:
    """Weapons or ARMs (`slots`) still on an aircraft shot down or gone home will never
    fly. (An aircraft held back for a pop-up inject, spent before it ever flew, keeps
    them.)"""
    if slots.size == 0:
        return
    carried = slots[st.status[slots] == PENDING]
    parent = sc.t_parent[carried]
    code = st.status[parent]
    # (One shot down this turn after it reached its release point releases them.)
    gone = ((code == KILLED) & ~np.isfinite(st.arrival_time[parent])) | (code == DELIVERED)
    gone |= code == LEFT
    gone |= (code == SPENT) & (st.flown[parent] > 0.0)
    st.status[carried[gone]] = SPENT


def _turn_home(sc: Scenario, st: State, aircraft: np.ndarray) -> None:
    """Aircraft at their release point turn home from the moment they got there: the
    rest of the turn is flown on the route home."""
    if aircraft.size == 0:
        return
    st.target_kind[aircraft] = TARGET_NONE
    st.target_index[aircraft] = -1
    st.path_end[aircraft, 0], st.path_end[aircraft, 1] = st.x[aircraft], st.y[aircraft]
    st.flown[aircraft] = 0.0
    st.arms_left[aircraft] = 0
    for slot, arrived in zip(aircraft.tolist(), st.arrival_time[aircraft].tolist(), strict=True):
        rest = max(st.turn * sc.dt - arrived, 0.0)
        fly_home(sc, st, np.array([slot]), rest)


def _release(sc: Scenario, st: State, aircraft: int, events: list[Event]) -> None:
    """The aircraft's weapons leave it at its release point, at the moment it got there:
    by the turn's end each has flown on that much towards the target (short of it: a
    weapon that would have got there within the turn arrives at the start of the next)."""
    carried = sc.arms_of.get(aircraft, np.zeros(0, dtype=np.int64))
    weapons = carried[st.status[carried] == PENDING]
    if weapons.size == 0:
        return
    kind, index = int(st.target_kind[aircraft]), int(st.target_index[aircraft])
    aim = site_of(sc, kind, index)
    here = np.array([st.x[aircraft], st.y[aircraft]])
    away = aim - here
    dist = float(np.hypot(away[0], away[1]))
    unit = away / dist if dist > 1e-12 else np.zeros(2)
    speed = sc.t_speed[weapons]
    ahead = np.minimum(speed * max(st.turn * sc.dt - float(st.arrival_time[aircraft]), 0.0), dist)
    ahead = np.maximum(np.minimum(ahead, dist - 1e-6), 0.0)
    st.status[weapons] = ACTIVE
    st.x[weapons] = here[0] + unit[0] * ahead
    st.y[weapons] = here[1] + unit[1] * ahead
    st.flown[weapons] = ahead
    st.vx[weapons], st.vy[weapons] = unit[0] * speed, unit[1] * speed
    st.alt[weapons] = sc.t_cruise_alt[weapons] * np.minimum((dist - ahead) / DIVE_KM, 1.0)
    st.path_end[weapons] = aim
    st.target_kind[weapons] = kind
    st.target_index[weapons] = index
    first = int(weapons[0])
    events.append(
        WeaponsReleased(
            turn=st.turn,
            raid=sc.raid_names[int(sc.t_group[aircraft])],
            aircraft=aircraft,
            weapon=sc.threat_type[first].name,
            threat_class=str(CLASSES[sc.t_class[first]]),
            target=sc.target_name(kind, index),
            threats=tuple(weapons.tolist()),
            x_km=r3(here[0]),
            y_km=r3(here[1]),
        )
    )


def _leave(sc: Scenario, st: State, events: list[Event]) -> None:
    """Aircraft at the end of their route home leave the area."""
    going = np.flatnonzero(
        (sc.t_n_home > 0)
        & (st.status == ACTIVE)
        & (st.target_kind == TARGET_NONE)
        & (sc.t_role == ROLE_STRIKE)
    )
    if going.size == 0:
        return
    _, total = route_home(sc, st, going)
    for slot in going[st.flown[going] >= total - LEFT_AT_KM].tolist():
        st.status[slot] = LEFT
        events.append(
            ThreatLeft(turn=st.turn, threat=slot, threat_class=str(CLASSES[sc.t_class[slot]]))
        )


def site_of(sc: Scenario, kind: int, index: int) -> np.ndarray:
    """Where red aims at a blue site: where the campaign puts it (a radar that has moved
    since is missed: `intercept.strike_arrives`)."""
    if kind == TARGET_ASSET:
        return np.array(sc.a_position[index], dtype=np.float64)
    if kind == TARGET_CP:
        return np.array(sc.c_position[index], dtype=np.float64)
    if kind == TARGET_RADAR:
        return np.array(sc.r_position0[index], dtype=np.float64)
    raise ValueError(f"no site for target kind {kind}")


def destroyed(sc: Scenario, st: State, kind: np.ndarray, index: np.ndarray) -> np.ndarray:
    """Per (kind, index): whether that target is destroyed (an asset: all its value lost;
    a command post out of action, its link cut included). False for no target."""
    out = np.zeros(kind.shape, dtype=bool)
    radar, post, asset = kind == TARGET_RADAR, kind == TARGET_CP, kind == TARGET_ASSET
    out[radar] = ~st.radar_alive[index[radar]]
    out[post] = ~st.cp_alive[index[post]]
    at = index[asset]
    out[asset] = st.asset_lost[at] >= sc.a_value[at] * (1.0 - 1e-9)
    return out


def retarget(sc: Scenario, st: State, events: list[Event]) -> np.ndarray:
    """Members of a raid flying at a destroyed target move on to the first of its later
    targets still standing. Returns (N,) which were re-aimed this turn."""
    re_aimed = np.zeros(sc.n_threats, dtype=bool)
    if sc.t_targets.shape[1] < 2:
        return re_aimed  # no raid names a second target
    role = sc.t_role
    flying = ((role == ROLE_STRIKE) & (st.status <= ACTIVE)) | (
        (role == ROLE_WEAPON) & (st.status == ACTIVE)
    )
    flying &= (st.target_kind != TARGET_NONE) & ~sc.t_ballistic & (sc.t_targets[:, 1, 0] >= 0)
    flying &= ~sc.t_provoke  # a provoking drone picks its own radar (`provocation`)
    slots = np.flatnonzero(flying)
    slots = slots[destroyed(sc, st, st.target_kind[slots], st.target_index[slots])]
    if slots.size == 0:
        return re_aimed
    order = sc.t_targets[slots]  # (S, K, 2)
    standing = order[:, :, 0] != TARGET_NONE
    standing &= ~destroyed(sc, st, order[:, :, 0], order[:, :, 1])
    has_next = standing.any(axis=1)
    slots, order, standing = slots[has_next], order[has_next], standing[has_next]
    nxt = order[np.arange(slots.size), np.argmax(standing, axis=1)]
    moved: dict[tuple[int, str, str], list[int]] = {}
    for j, (kind, index) in zip(slots.tolist(), nxt.tolist(), strict=True):
        was = sc.target_name(int(st.target_kind[j]), int(st.target_index[j]))
        st.target_kind[j], st.target_index[j] = kind, index
        aim = site_of(sc, kind, index)
        release = float(sc.t_release_km[j])
        if release > 0.0:
            # An aircraft re-aims its release: that far short of the target, on its line.
            away = aim - np.array([st.x[j], st.y[j]])
            dist = float(np.hypot(away[0], away[1]))
            aim = aim - away / max(dist, 1e-12) * min(release, dist)
        st.path_end[j] = aim
        re_aimed[j] = True
        key = (int(sc.t_group[j]), was, sc.target_name(kind, index))
        moved.setdefault(key, []).append(j)
    for (group, was, target), members in moved.items():
        events.append(
            RaidRetargeted(
                turn=st.turn,
                raid=sc.raid_names[group],
                target=target,
                was=was,
                threats=tuple(members),
            )
        )
    return re_aimed
