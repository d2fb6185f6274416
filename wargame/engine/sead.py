"""SEAD flights as flown: when an aircraft fires its anti-radiation missiles, and at
which of the emitters its seekers hear. `red.red_decisions` calls `fire_arms` each turn.

An aircraft fires only on its station (or within the flight's `fire_within_km` of it
along its path), one ARM a minute at most (`ARM_INTERVAL_S`). Its seekers hear a radar
that emits, set up, within the ARM's reach and in line of sight (`in_line_of_sight`).
The flight shares its ARMs out: each ARM is aimed at the emitter with the fewest ARMs
already in the air at it, counted in rounds of `arms_per_emitter`, and among those by
the flight's `priority` (engagement radars first, say, then radars guiding a missile
at one of its aircraft), then the nearest, then the campaign's order of radars. The
aircraft fire one after another in slot order, each counting the ARMs fired before
it, so a flight of four meeting four emitters puts one on each. No dice: the choice
follows from the picture.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from wargame.engine.events import ArmLaunched, Event
from wargame.engine.geometry import HORIZON_KM_PER_SQRT_M
from wargame.engine.scenario import ROLE_SEAD, TARGET_RADAR, Scenario
from wargame.engine.state import ACTIVE, PENDING, State
from wargame.engine.terrain import sight_now

I64 = NDArray[np.int64]
B = NDArray[np.bool_]

ARM_INTERVAL_S = 60.0
"""A SEAD aircraft fires at most one ARM in this time (a game value)."""

ROLES = ("engagement", "acquisition", "all_altitude")
"""The priorities that name a radar's role (the catalogue's `role`)."""


def in_line_of_sight(sc: Scenario, st: State, aircraft: int, radars: I64) -> B:
    """Which of `radars` see the aircraft, and so are heard by its ARMs' seekers: within
    the radar horizon between the antenna and the aircraft's altitude, 4.12 (√h_r + √h_a)
    km, which works both ways, and with terrain above what the ground hides, the
    aircraft's altitude taken above the ground beneath it (`Sight.sees`). The one place
    the seeker's line of sight is judged."""
    sight = sight_now(sc.terrain, st.r_x, st.r_y)
    if sight is not None:
        dx, dy = st.x[aircraft] - st.r_x[radars], st.y[aircraft] - st.r_y[radars]
        return sight.sees(radars, dx, dy, float(st.alt[aircraft]))
    d = np.hypot(st.r_x[radars] - st.x[aircraft], st.r_y[radars] - st.y[aircraft])
    horizon = HORIZON_KM_PER_SQRT_M * (
        sc.r_sqrt_height[radars] + math.sqrt(max(float(st.alt[aircraft]), 0.0))
    )
    return np.asarray(d <= horizon)


def on_station(sc: Scenario, st: State, aircraft: I64) -> B:
    """Which of the SEAD `aircraft` may fire: on their station, or within their flight's
    `fire_within_km` of it along their path."""
    flights = sc.loaded.campaign.red.sead
    within = np.array(
        [flights[g].fire_within_km for g in sc.t_group[aircraft].tolist()], dtype=np.float64
    ).reshape(-1)
    return np.asarray(sc.t_total[aircraft] - st.flown[aircraft] <= within + 1e-9)


def radar_roles(sc: Scenario) -> list[str]:
    """Each radar's role in the catalogue: standalone radars first, then the fire units'."""
    blue, types = sc.loaded.campaign.blue, sc.loaded.catalogue.radars
    return [str(types[r.type].role) for r in blue.radars] + [
        str(types[u.radar].role) for u in blue.fire_units
    ]


def guiding_at_flight(sc: Scenario, st: State, flight: int) -> set[int]:
    """Radars guiding a missile in the air at an aircraft of the SEAD flight (what its
    warning receivers report)."""
    return {
        int(sc.f_radar[shot.fire_unit])
        for shot in st.shots
        if sc.t_role[shot.threat] == ROLE_SEAD and sc.t_group[shot.threat] == flight
    }


def fire_arms(sc: Scenario, st: State, events: list[Event]) -> None:
    """Each SEAD aircraft on station and rested fires one ARM at the emitter its flight's
    sharing rule picks among those it hears (module docstring)."""
    sead = sc.sead_slots
    if sead.size == 0:
        return
    rested = (st.turn - st.arm_fired_turn[sead]) * sc.dt >= ARM_INTERVAL_S - 1e-9
    hunters = sead[(st.status[sead] == ACTIVE) & (st.arms_left[sead] > 0) & rested]
    if hunters.size == 0:
        return
    emitters = (st.emitting & st.radar_alive & (st.ready_turn <= st.turn)).nonzero()[0]
    if emitters.size == 0:
        return
    hunters = hunters[on_station(sc, st, hunters)]
    if hunters.size == 0:
        return
    # ARMs in the air at each radar, of any flight: red does not double up by accident.
    arms = sc.arm_slots
    flying = arms[st.status[arms] == ACTIVE]
    aimed = np.bincount(st.target_index[flying], minlength=len(sc.r_name)).tolist()
    roles = radar_roles(sc)
    flights = sc.loaded.campaign.red.sead
    for aircraft in hunters.tolist():
        carried = sc.arms_of[aircraft]
        ready = carried[st.status[carried] == PENDING]
        if ready.size == 0:
            continue
        arm = int(ready[0])
        d = np.hypot(st.r_x[emitters] - st.x[aircraft], st.r_y[emitters] - st.y[aircraft])
        heard = (d <= sc.t_arm_range[arm]) & in_line_of_sight(sc, st, aircraft, emitters)
        if not np.count_nonzero(heard):
            continue
        group = int(sc.t_group[aircraft])
        flight = flights[group]
        fired_at_us = guiding_at_flight(sc, st, group)
        radar, aim = _choose(
            emitters[heard].tolist(),
            d[heard].tolist(),
            list(flight.priority),
            flight.arms_per_emitter,
            aimed,
            roles,
            fired_at_us,
        )
        aimed[radar] += 1
        st.status[arm] = ACTIVE
        st.x[arm], st.y[arm] = st.x[aircraft], st.y[aircraft]
        st.alt[arm] = sc.t_cruise_alt[arm]
        st.path_end[arm] = (st.r_x[radar], st.r_y[radar])
        st.target_kind[arm] = TARGET_RADAR
        st.target_index[arm] = radar
        st.arms_left[aircraft] -= 1
        st.arm_fired_turn[aircraft] = st.turn
        events.append(
            ArmLaunched(
                turn=st.turn,
                flight=sc.group_name(aircraft),
                threat=arm,
                radar=sc.r_name[radar],
                aim=aim,
            )
        )


def _choose(
    radars: list[int],
    distances: list[float],
    priority: list[str],
    per_emitter: int,
    aimed: list[int],
    roles: list[str],
    fired_at_us: set[int],
) -> tuple[int, str]:
    """The radar an ARM is aimed at among those heard, and the priorities it meets, as
    'engagement, fired_at_us' ('nearest' if none): fewest rounds of `per_emitter` ARMs in
    the air at it, then the priorities in order, then the nearest, then the lowest index."""

    def meets(criterion: str, r: int) -> bool:
        if criterion == "fired_at_us":
            return r in fired_at_us
        return roles[r] == criterion

    def key(i: int) -> tuple[float, ...]:
        r = radars[i]
        ranks = [
            distances[i] if c == "nearest" else (0.0 if meets(c, r) else 1.0) for c in priority
        ]
        return (aimed[r] // per_emitter, *ranks, distances[i], r)

    best = min(range(len(radars)), key=key)
    radar = radars[best]
    met = [c for c in priority if c != "nearest" and meets(c, radar)]
    return radar, ", ".join(met) or "nearest"
