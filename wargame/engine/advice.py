"""Advisories: what a valid campaign will do that its author may not mean.

`wargame validate` prints them after a campaign passes: a raid that cannot reach its
target before the game's last turn, a SEAD flight that never comes within line of
sight of a radar and so never fires, a ballistic raid whose apogee makes a flight no
ballistic missile flies. They are the rules' consequences, worked out
from the scenario as the engine builds it; none stops the campaign from loading.
"""

from __future__ import annotations

import math

import numpy as np

from wargame.engine.scenario import ROLE_STRIKE, Scenario, ballistic_flight_s
from wargame.engine.sead import in_line_of_sight
from wargame.engine.state import initial_state

FieldPath = tuple[str | int, ...]
"""A field of the campaign file, as the loader names it: ("red", "raids", 4)."""

APOGEE_PER_KM_RANGE = (50.0, 1000.0)
"""Metres of apogee per km of range a ballistic flight keeps within (a twentieth of the
range to all of it; the flight of least energy climbs to a quarter)."""


def advisories(sc: Scenario) -> list[tuple[FieldPath, str]]:
    """(field path, what will happen) for each thing worth the author's notice."""
    return [*_late_raids(sc), *_silent_sead(sc), *_odd_ballistic_flights(sc)]


def _late_raids(sc: Scenario) -> list[tuple[FieldPath, str]]:
    """Raids whose first threat reaches the end of its path after the last turn."""
    out: list[tuple[FieldPath, str]] = []
    # A raid's own aircraft and missiles: not what they carry and launch (`t_parent`).
    strikes = np.flatnonzero((sc.t_role == ROLE_STRIKE) & (sc.t_parent < 0))
    for raid, name in enumerate(sc.raid_names):
        # (A provoking drone flies at the defence, not its target.)
        slots = strikes[(sc.t_group[strikes] == raid) & ~sc.t_provoke[strikes]]
        if slots.size == 0:
            continue
        flight_s = sc.t_total_s[slots]  # at each leg's speed (its flight profile)
        first = int(slots[np.argmin(flight_s)])
        # It flies from the start of its first turn: a flight of k turns ends in its k-th.
        spawn = int(sc.t_spawn_turn[first])
        arrives = max(spawn, spawn + math.ceil(float(flight_s.min()) / sc.dt) - 1)
        releases = sc.threat_type[first].release_range_km > 0.0
        where = "where it releases its weapons" if releases else "at its target"
        if arrives > sc.turn_limit:
            out.append(
                (
                    ("red", "raids", raid),
                    f"'{name}' arrives on turn {arrives} at the earliest ({where}), after "
                    f"the game's last turn ({sc.turn_limit})",
                )
            )
    return out


def _silent_sead(sc: Scenario) -> list[tuple[FieldPath, str]]:
    """SEAD flights that hear no radar within ARM reach where they fire: on their station,
    or along the last `fire_within_km` of their path to it, judged as the seeker judges
    (`sead.in_line_of_sight`: the radar horizon both ways, and the ground)."""
    out: list[tuple[FieldPath, str]] = []
    st = initial_state(sc)
    radars = np.arange(len(sc.r_name), dtype=np.int64)
    for flight, name in enumerate(sc.sead_names):
        slots = sc.sead_slots[sc.t_group[sc.sead_slots] == flight]
        if slots.size == 0:
            continue
        aircraft = int(slots[0])
        arms = sc.arms_of[aircraft]
        if arms.size == 0:
            continue
        reach = float(sc.t_arm_range[int(arms[0])])
        start, station = sc.t_start[aircraft], sc.t_path[aircraft, 0]
        leg = float(np.hypot(*(station - start)))
        within = min(sc.loaded.campaign.red.sead[flight].fire_within_km, leg)
        heard = False
        # The station, and points a kilometre or so apart back along the stretch it may
        # fire from.
        for back in np.linspace(0.0, within, max(2, int(within) + 1)):
            at = station + (start - station) * (back / leg if leg > 0 else 0.0)
            st.x[aircraft], st.y[aircraft] = at
            st.alt[aircraft] = sc.t_cruise_alt[aircraft]
            near = np.hypot(sc.r_position0[:, 0] - at[0], sc.r_position0[:, 1] - at[1]) <= reach
            if np.count_nonzero(near & in_line_of_sight(sc, st, aircraft, radars)):
                heard = True
                break
        if not heard:
            where = "on its station" if within <= 0 else f"within {within:g} km of its station"
            out.append(
                (
                    ("red", "sead", flight),
                    f"'{name}' hears no radar {where} within its ARMs' {reach:g} km and in "
                    f"line of sight at its {sc.t_cruise_alt[aircraft]:g} m: it will fire none",
                )
            )
    return out


def _odd_ballistic_flights(sc: Scenario) -> list[tuple[FieldPath, str]]:
    """Ballistic raids whose apogee is far from what their range calls for: a nearly flat
    flight at great speed, or one straight up and down."""
    out: list[tuple[FieldPath, str]] = []
    strikes = np.flatnonzero((sc.t_role == ROLE_STRIKE) & sc.t_ballistic)
    low, high = APOGEE_PER_KM_RANGE
    for raid, name in enumerate(sc.raid_names):
        slots = strikes[sc.t_group[strikes] == raid]
        if slots.size == 0:
            continue
        first = int(slots[0])
        range_km, apogee_m = float(sc.t_total[first]), float(sc.t_cruise_alt[first])
        if low * range_km <= apogee_m <= high * range_km:
            continue
        flight_s = ballistic_flight_s(apogee_m)
        out.append(
            (
                ("red", "raids", raid, "threat"),
                f"'{name}' flies {range_km:.0f} km with a {apogee_m / 1000:g} km apogee "
                f"(altitude_m of '{sc.threat_type[first].name}'): {flight_s:.0f} s, "
                f"{range_km / flight_s:.1f} km/s over the ground (a ballistic missile's "
                f"apogee is most often near a quarter of its range)",
            )
        )
    return out
