"""Threat slots: every threat a campaign will ever send, numbered before the game.

Raid members, SEAD aircraft and the anti-radiation missiles they carry, and jammers
each get a slot up front (`threat_slots`), with their type, role, entry turn, path
and target as flat arrays, so that per-threat dice stay with the same threat all game.
Also the ballistic profile the slots and fire control share: a fall at g from the
apogee (`ballistic_flight_s`), and where the dive crosses each missile's ceiling.
`scenario.build_scenario` calls it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from wargame.campaign import LoadedCampaign, MergedCatalogue, ThreatClass
from wargame.campaign.schema import Raid, ThreatType, Waypoint
from wargame.engine.codes import (
    BALLISTIC,
    CLASS_CODE,
    REFERENCE_WARHEAD_KG,
    ROLE_ARM,
    ROLE_JAMMER,
    ROLE_SEAD,
    ROLE_STRIKE,
    ROLE_WEAPON,
    TARGET_NONE,
)

F64 = NDArray[np.float64]
I64 = NDArray[np.int64]
B = NDArray[np.bool_]


@dataclass(frozen=True)
class _Group:
    """Threat slots built together: a raid's members, one SEAD aircraft, the ARMs it
    carries, or a jammer. They share a type, a role, an entry turn, a target and the
    path after their first leg; only their entry points differ."""

    type: ThreatType
    role: int
    group: int
    spawn: int
    starts: F64
    """(k, 2) entry points, km: one row per slot."""
    path: list[tuple[float, float]]
    target: tuple[int, int]
    home: tuple[tuple[float, float], ...] = ()
    """Aircraft that release: the route home from the release point; it leaves at its end."""
    targets: tuple[tuple[int, int], ...] = ()
    """Strike slots: the raid's targets in order, `target` first."""
    delivers: bool = True
    """False for aircraft that carry a weapon: the weapons do the damage, not their arrival."""
    until: int = 1 << 30
    parent: int = -1
    profile: tuple[tuple[float | None, float | None], ...] = ()
    """Per point of `path`, (altitude m, speed m/s) where the raid sets them (None: the
    type's cruise value); empty for the type's cruise flight throughout."""
    provoke: bool = False


def red_groups(
    loaded: LoadedCampaign, targets: dict[str, tuple[int, int, tuple[float, float]]]
) -> list[_Group]:
    """The red side as groups of slots, in campaign order (one slot per threat)."""
    red, cat = loaded.campaign.red, loaded.catalogue
    groups: list[_Group] = []
    for g, raid in enumerate(red.raids):
        ttype = cat.threats[raid.threat]
        kind, index, aim = targets[raid.target]
        origin = loaded.place(raid.origin)
        points = [loaded.place(p.at if isinstance(p, Waypoint) else p) for p in raid.waypoints]
        ballistic = ttype.threat_class == ThreatClass.BALLISTIC_MISSILE
        if ballistic:
            points = []  # a ballistic missile flies straight at its target
        first = points[0] if points else aim
        ux, uy = _unit(origin, first)
        end = aim
        if ttype.release_range_km > 0:
            # Aircraft stop short of the target by their release range.
            before = points[-1] if points else origin
            bx, by = _unit(before, aim)
            leg = math.dist(before, aim)
            back = min(ttype.release_range_km, max(leg - 1e-3, 0.0))
            end = (aim[0] - bx * back, aim[1] - by * back)
        # The members enter one behind the other along the first leg.
        behind = np.arange(raid.count, dtype=np.float64) * raid.spacing_km
        starts = np.column_stack((origin[0] - ux * behind, origin[1] - uy * behind))
        groups.append(
            _Group(
                ttype,
                ROLE_STRIKE,
                g,
                raid.turn,
                starts,
                [*points, end],
                (kind, index),
                profile=() if ballistic else _profile(raid),
                provoke=raid.provoke,
            )
        )
    slots = sum(len(group.starts) for group in groups)
    for g, flight in enumerate(red.sead):
        aircraft = cat.threats[flight.aircraft]
        arm = cat.threats[flight.arm]
        origin = loaded.place(flight.origin)
        station = loaded.place(flight.station)
        at_origin = np.array([origin], dtype=np.float64)
        for _ in range(flight.count):
            groups.append(
                _Group(aircraft, ROLE_SEAD, g, flight.turn, at_origin, [station], (TARGET_NONE, -1))
            )
            arms = np.repeat(at_origin, flight.arms_per_aircraft, axis=0)
            groups.append(
                _Group(arm, ROLE_ARM, g, -1, arms, [origin], (TARGET_NONE, -1), parent=slots)
            )
            slots += 1 + flight.arms_per_aircraft
    for g, jammer in enumerate(red.jammers):
        groups.append(
            _Group(
                cat.threats[jammer.aircraft],
                ROLE_JAMMER,
                g,
                jammer.turn,
                np.array([loaded.place(jammer.origin)], dtype=np.float64),
                [loaded.place(jammer.station)],
                (TARGET_NONE, -1),
                until=jammer.until_turn if jammer.until_turn is not None else 1 << 30,
            )
        )
    return release_groups(loaded, targets, groups)


def _profile(raid: Raid) -> tuple[tuple[float | None, float | None], ...]:
    """(altitude, speed) per point of a raid's path, waypoints then the end; () if none set."""
    points = [
        (p.altitude_m, p.speed_mps) if isinstance(p, Waypoint) else (None, None)
        for p in raid.waypoints
    ]
    points.append((raid.attack_altitude_m, raid.attack_speed_mps))
    return tuple(points) if any(v is not None for point in points for v in point) else ()


def threat_slots(
    groups: list[_Group], cat: MergedCatalogue, ceilings: list[float]
) -> dict[str, Any]:
    """The threat fields of `Scenario`, one row per slot. Built group by group with numpy
    (a Python loop over 10,000 threats cost more than the rest of `Game.new`), with the
    same arithmetic, operation for operation, as a loop over slots would do."""
    count = np.array([len(g.starts) for g in groups], dtype=np.int64).reshape(-1)
    of = np.repeat(np.arange(len(groups)), count)  # the group of each slot
    n = int(count.sum())
    p_max = max((len(g.path) for g in groups), default=1)
    # Per group: the path padded with its last point, and each leg after the first.
    path_g = np.zeros((len(groups), p_max, 2))
    leg_g = np.zeros((len(groups), p_max))
    dir_g = np.zeros((len(groups), p_max, 2))
    for i, g in enumerate(groups):
        path_g[i] = [*g.path, *[g.path[-1]] * (p_max - len(g.path))]
        for k in range(1, len(g.path)):
            before, point = g.path[k - 1], g.path[k]
            leg_g[i, k] = leg = math.dist(before, point)
            if leg > 0.0:
                dir_g[i, k] = ((point[0] - before[0]) / leg, (point[1] - before[1]) / leg)
    starts = np.concatenate([g.starts for g in groups]) if groups else np.zeros((0, 2))
    path = path_g[of]
    # The first leg differs per slot. `math.hypot` of the differences is `math.dist`, as
    # for the later legs, to the last bit (`np.hypot` may differ in it).
    d = path[:, 0] - starts
    first_leg = floats(list(map(math.hypot, d[:, 0].tolist(), d[:, 1].tolist())))
    direction = dir_g[of]
    np.divide(d, first_leg[:, None], out=direction[:, 0], where=first_leg[:, None] > 0.0)
    cum = np.empty((n, p_max))
    cum[:, 0] = first_leg
    for k in range(1, p_max):
        cum[:, k] = cum[:, k - 1] + leg_g[of, k]
    total = cum[:, -1].copy()

    # Per type, then per slot by the type's index: the same values as per slot.
    # (a decoy is seen as the type it mimics).
    types = list({t.name: t for g in groups for t in (g.type, _seen(cat, g.type))}.values())
    index = {t.name: i for i, t in enumerate(types)}
    kind = np.array([index[g.type.name] for g in groups], dtype=np.int64).reshape(-1)[of]
    seen = np.array([index[_seen(cat, g.type).name] for g in groups], dtype=np.int64)
    seen = seen.reshape(-1)[of]

    per_type = floats

    def per_group(values: list[int]) -> I64:
        return ints(values)[of]

    ballistic_type = np.array([t.threat_class == BALLISTIC for t in types], dtype=bool)
    ballistic = ballistic_type[kind]
    altitude = per_type([t.altitude_m for t in types])
    warhead = per_type([t.warhead_kg for t in types])
    cost = per_type([t.cost for t in types])
    code = ints([CLASS_CODE[t.threat_class] for t in types])
    jnr = per_type(
        [0.0 if t.jammer_jnr_db is None else 10 ** (t.jammer_jnr_db / 10) for t in types]
    )
    # A ballistic missile's ground speed: its path over its flight time, so that the
    # parabola `movement` flies falls at g.
    flight_s = per_type(
        [ballistic_flight_s(t.altitude_m) if t.threat_class == BALLISTIC else 1.0 for t in types]
    )
    speed = np.where(
        ballistic,
        np.maximum(total, 1e-9) / flight_s[kind],
        per_type([t.speed_mps / 1000.0 for t in types])[kind],
    )
    profiled = per_group([bool(g.profile) for g in groups]).astype(bool)
    point_alt, point_speed, cum_s = _flight_profiles(
        groups, of, altitude[kind], speed, cum, profiled
    )
    provoke = per_group([g.provoke for g in groups]).astype(bool)
    role = per_group([g.role for g in groups])
    spawn = per_group([g.spawn for g in groups])
    parent = per_group([g.parent for g in groups])
    slot = np.arange(n)
    return {
        "threat_type": [types[i] for i in kind.tolist()],
        "apparent_type": [types[i] for i in seen.tolist()],
        "t_role": role,
        "t_group": per_group([g.group for g in groups]),
        "t_class": code[kind],
        "t_apparent_class": code[seen],
        "t_speed": speed,
        "t_cruise_alt": altitude[kind],
        "t_rcs": per_type([t.rcs_m2 for t in types])[kind],
        "t_warhead": np.where(provoke, 0.0, warhead[kind]),
        "t_cost": cost[kind],
        "t_apparent_cost": cost[seen],
        "t_apparent_release_km": per_type([t.release_range_km for t in types])[seen],
        "t_apparent_warhead": warhead[seen],
        "t_apparent_fraction": per_type(
            [min(1.0, t.warhead_kg / REFERENCE_WARHEAD_KG) for t in types]
        )[seen],
        "t_apparent_armed": per_type([1.0 if t.warhead_kg > 0.0 else 0.0 for t in types])[seen],
        "t_jnr": jnr[kind],
        "t_ballistic": ballistic,
        "t_spawn_turn": spawn,
        "spawn_schedule": _slots_by(spawn, spawn >= 0),
        "t_start": starts.reshape(n, 2),
        "t_path": path.reshape(n, p_max, 2),
        "t_n_points": per_group([len(g.path) for g in groups]),
        "t_cum": cum,
        "t_dir": direction.reshape(n, p_max, 2),
        "t_total": total,
        "t_point_alt": point_alt,
        "t_point_speed": point_speed,
        "t_cum_s": cum_s,
        "t_total_s": cum_s[:, -1].copy(),
        "profiled_slots": slot[profiled],
        "t_profiled": profiled,
        "t_provoke": provoke,
        "provoke_slots": slot[provoke],
        "t_dive_km": dive_km(ballistic.tolist(), altitude[kind], total, per_type(ceilings)),
        "t_target_kind": per_group([g.target[0] for g in groups]),
        "t_target_index": per_group([g.target[1] for g in groups]),
        "t_until_turn": per_group([g.until for g in groups]),
        "t_parent": parent,
        "arms_of": _slots_by(parent, parent >= 0),
        "t_arm_range": per_type([t.arm_range_km or 0.0 for t in types])[kind],
        "strike_slots": slot[(role == ROLE_STRIKE) | (role == ROLE_WEAPON)],
        "arm_slots": slot[role == ROLE_ARM],
        "sead_slots": slot[role == ROLE_SEAD],
        "jammer_slots": slot[role == ROLE_JAMMER],
        "noise_slots": np.flatnonzero(jnr[kind] > 0.0),
        "t_discrimination": per_type([t.discrimination_per_look for t in types])[kind],
        "t_may_be_decoy": np.isin(code[seen], _mimicked_classes(cat)),
        **release_fields(groups, of),
    }


def _flight_profiles(
    groups: list[_Group], of: I64, cruise_alt: F64, cruise_speed: F64, cum: F64, profiled: B
) -> tuple[F64, F64, F64]:
    """Per slot and point of its path: the altitude there (m), the speed (km/s) on the leg
    that ends there, and the seconds from the entry point to it. A slot whose raid sets
    no profile flies its type's cruise values throughout."""
    p_max = cum.shape[1]
    alt = np.repeat(cruise_alt[:, None], p_max, axis=1)
    speed = np.repeat(cruise_speed[:, None], p_max, axis=1)
    for i, g in enumerate(groups):
        if not g.profile:
            continue
        rows = np.flatnonzero(of == i)
        # The path is padded with its end, which keeps the end's values.
        points = [*g.profile, *[g.profile[-1]] * (p_max - len(g.profile))]
        for k, (altitude, mps) in enumerate(points):
            if altitude is not None:
                alt[rows, k] = altitude
            if mps is not None:
                speed[rows, k] = mps / 1000.0
    legs = np.diff(cum, axis=1, prepend=0.0)
    cum_s = np.cumsum(legs / speed, axis=1)
    # Without a profile, the time is the distance at one speed, as movement takes it.
    cum_s[~profiled] = cum[~profiled] / cruise_speed[~profiled, None]
    return alt, speed, cum_s


def _mimicked_classes(cat: MergedCatalogue) -> I64:
    """The classes some decoy of the catalogue passes for: what intelligence knows the
    enemy can fake, whether or not this campaign's raids carry one."""
    return ints(
        sorted(
            {
                CLASS_CODE[cat.threats[t.mimics].threat_class]
                for t in cat.threats.values()
                if t.mimics and t.mimics in cat.threats
            }
        )
    )


def floats(values: list[float]) -> F64:
    return np.array(values, dtype=np.float64).reshape(-1)


def ints(values: list[int]) -> I64:
    return np.array(values, dtype=np.int64).reshape(-1)


def _seen(cat: MergedCatalogue, ttype: ThreatType) -> ThreatType:
    return cat.threats[ttype.mimics] if ttype.mimics else ttype


def _slots_by(keys: I64, chosen: B) -> dict[int, I64]:
    """Key -> the chosen slots with that key, in slot order (a turn's entries, an
    aircraft's ARMs)."""
    slots = np.flatnonzero(chosen)
    picked = keys[slots]
    return {key: slots[picked == key] for key in dict.fromkeys(picked.tolist())}


STANDARD_GRAVITY = 9.80665
"""m/s²: what brings a ballistic missile down from its apogee."""


def ballistic_flight_s(apogee_m: float) -> float:
    """Seconds a ballistic missile flies, launch to impact, over a flat Earth without
    air: it climbs to `apogee_m` h and falls back, t = 2 √(2 h / g) = √(8 h / g),
    whatever its range (221 s for 60 km). The range sets only its ground speed."""
    return math.sqrt(8.0 * apogee_m / STANDARD_GRAVITY)


DIVE_MARGIN_M = 1.0
"""How far under a missile's ceiling a ballistic missile's dive is met."""


def dive_km(ballistic: list[bool], apogee: F64, total: F64, ceiling: F64) -> F64:
    """Per (slot, missile type): where along its path a ballistic missile falls through
    the ceiling, by the profile apogee * 4 s (1 - s) (its descending root); -inf where
    it never flies above that ceiling, or is not ballistic. The point is taken
    `DIVE_MARGIN_M` under the ceiling: an intercept timed for the crossing itself would
    meet the missile above or below the ceiling by a rounding error."""
    out = np.full((apogee.size, ceiling.size), -np.inf)
    rows = np.flatnonzero(ballistic)
    high = apogee[rows][:, None]
    inside = (ceiling - DIVE_MARGIN_M)[None, :] / high
    s_enter = 0.5 * (1.0 + np.sqrt(np.clip(1.0 - inside, 0.0, 1.0)))
    out[rows] = np.where(high > ceiling[None, :], s_enter * total[rows][:, None], -np.inf)
    return out


def _unit(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    d = math.dist(a, b)
    if d < 1e-9:
        return (1.0, 0.0)
    return ((b[0] - a[0]) / d, (b[1] - a[1]) / d)


# ------------------------------------------------------- stand-off weapons and egress


def release_groups(
    loaded: LoadedCampaign,
    targets: dict[str, tuple[int, int, tuple[float, float]]],
    groups: list[_Group],
) -> list[_Group]:
    """`groups` (the raids' first, one a raid, in campaign order) with each raid's targets
    in order and its aircraft's route home, and after them the stand-off weapons its
    aircraft carry: one group per aircraft, launched by it (`parent`) at its release point.
    Added last, so that every other threat keeps the slot it had before weapons."""
    red, catalogue = loaded.campaign.red, loaded.catalogue
    out = list(groups)
    weapons: list[_Group] = []
    first_slot = 0
    for g, raid in enumerate(red.raids):
        group = groups[g]
        names = [raid.target, *(t for i, t in enumerate(raid.targets) if i or t != raid.target)]
        order = tuple((targets[t][0], targets[t][1]) for t in names)
        ttype = group.type
        home: tuple[tuple[float, float], ...] = ()
        weapon_name = raid.weapon or ttype.weapon
        if ttype.release_range_km > 0.0 and ttype.threat_class != BALLISTIC:
            # Home the way it came (its waypoints backwards, then its entry), or as given.
            entry = (float(group.starts[0, 0]), float(group.starts[0, 1]))
            back = [*reversed(group.path[:-1]), entry]
            home = tuple(loaded.place(p) for p in raid.home) if raid.home else tuple(back)
        out[g] = replace(group, home=home, targets=order, delivers=not (home and weapon_name))
        each = raid.weapons_each if raid.weapons_each is not None else ttype.weapons
        if home and weapon_name and each > 0:
            weapon = catalogue.threats[weapon_name]
            release = np.array([group.path[-1]] * each, dtype=np.float64)
            aim = targets[raid.target][2]
            for member in range(len(group.starts)):
                weapons.append(
                    _Group(
                        weapon,
                        ROLE_WEAPON,
                        g,
                        -1,
                        release,
                        [aim],
                        group.target,
                        targets=order,
                        parent=first_slot + member,
                    )
                )
        first_slot += len(group.starts)
    return [*out, *weapons]


def release_fields(groups: list[_Group], of: I64) -> dict[str, Any]:
    """The `Scenario` fields of stand-off weapons, egress and retargeting, one row per slot
    (`of`: the group of each slot)."""
    h_max = max((len(g.home) for g in groups), default=0) or 1
    k_max = max((len(g.targets) for g in groups), default=0) or 1
    home = np.zeros((len(groups), h_max, 2))
    home_cum = np.zeros((len(groups), h_max))
    order = np.full((len(groups), k_max, 2), TARGET_NONE, dtype=np.int64)
    for i, g in enumerate(groups):
        if g.home:
            home[i] = [*g.home, *[g.home[-1]] * (h_max - len(g.home))]
            legs = np.hypot(*np.diff(home[i], axis=0).T)
            home_cum[i, 1:] = np.cumsum(legs)
        if g.targets:
            order[i, : len(g.targets)] = g.targets
    return {
        "t_release_km": floats(
            [g.type.release_range_km if g.role == ROLE_STRIKE else 0.0 for g in groups]
        )[of],
        "t_delivers": np.array([g.delivers for g in groups], dtype=bool).reshape(-1)[of],
        "t_home": home[of],
        "t_home_cum": home_cum[of],
        "t_n_home": ints([len(g.home) for g in groups])[of],
        "t_targets": order[of],
        "weapon_slots": np.flatnonzero(ints([g.role for g in groups])[of] == ROLE_WEAPON),
    }
