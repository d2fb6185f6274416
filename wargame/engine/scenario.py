"""The fixed part of a game: a campaign turned into flat numpy arrays.

Built once by `Game.new`. Every threat the campaign will ever send (raid
members, SEAD aircraft and their anti-radiation missiles, jammers) gets a slot
and an id up front, so that per-threat dice stay with the same threat all game.
Nothing here changes during play; the changing part is `State`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from wargame.campaign import LoadedCampaign, MergedCatalogue, ThreatClass
from wargame.campaign.schema import ThreatType

F64 = NDArray[np.float64]
I64 = NDArray[np.int64]
B = NDArray[np.bool_]

CLASSES: tuple[ThreatClass, ...] = tuple(ThreatClass)
CLASS_CODE = {c: i for i, c in enumerate(CLASSES)}
CLASS_NAMES: tuple[str, ...] = tuple(str(c) for c in CLASSES)
"""Lookup by class code: the class as events name it."""
AIRCRAFT_CLASSES = frozenset(
    CLASS_CODE[c] for c in (ThreatClass.FIGHTER, ThreatClass.BOMBER, ThreatClass.AWACS)
)
IS_AIRCRAFT = np.array([i in AIRCRAFT_CLASSES for i in range(len(CLASSES))], dtype=bool)
"""Lookup by class code: is it a crewed aircraft (shoot-look-shoot by default)?"""

# What a threat slot is for.
ROLE_STRIKE, ROLE_SEAD, ROLE_JAMMER, ROLE_ARM = 0, 1, 2, 3
# What a threat is flying at.
TARGET_NONE, TARGET_ASSET, TARGET_CP, TARGET_RADAR = -1, 0, 1, 2

BALLISTIC = ThreatClass.BALLISTIC_MISSILE

REFERENCE_WARHEAD_KG = 2000.0
"""A damaging hit of this much explosive destroys an asset outright; lighter
warheads destroy the fraction warhead / this (a 450 kg cruise missile: 22.5 %).
A game value."""


@dataclass(frozen=True)
class Scenario:
    """Everything fixed for the whole game, as arrays indexed by entity id."""

    loaded: LoadedCampaign
    dt: float
    """Seconds per turn."""
    turn_limit: int

    # Threat slots (N).
    threat_type: list[ThreatType]
    """Per slot: its catalogue type."""
    apparent_type: list[ThreatType]
    """Per slot: the type the radars take it for (a decoy's `mimics`)."""
    t_role: I64
    t_group: I64
    """Index of its raid / SEAD flight / jammer in the campaign."""
    t_class: I64
    t_apparent_class: I64
    t_speed: F64
    """km/s along the path (a ballistic missile's ground speed follows from its apogee
    and range: `ballistic_flight_s`)."""
    t_cruise_alt: F64
    t_rcs: F64
    t_warhead: F64
    t_cost: F64
    t_apparent_cost: F64
    t_apparent_release_km: F64
    """How far short of its target the type the radars take it for releases its weapons
    (0 for a missile or drone, which flies on to it)."""
    t_apparent_warhead: F64
    t_apparent_fraction: F64
    """Share of an asset's value its apparent warhead destroys (0 for no warhead)."""
    t_apparent_armed: F64
    """1 if its apparent type carries a warhead, else 0."""
    t_jnr: F64
    """Linear jammer-to-noise ratio at 100 km; 0 if it does not jam."""
    t_ballistic: B
    t_spawn_turn: I64
    """Turn it enters (-1 for ARMs, which SEAD aircraft launch)."""
    spawn_schedule: dict[int, I64]
    """Turn -> the slots that enter on it."""
    t_start: F64
    """(N, 2) entry point, km."""
    t_path: F64
    """(N, P, 2) points flown in order; the last is the target (or the station)."""
    t_n_points: I64
    t_cum: F64
    """(N, P): path length from the entry point to point k, km (the total beyond the last)."""
    t_dir: F64
    """(N, P, 2): unit vector of the leg that ends at point k (zero for an empty leg)."""
    t_total: F64
    """Path length from the entry point to the end, km."""
    t_dive_km: F64
    """(N, M): for a ballistic missile, the distance flown when it falls through missile
    type m's ceiling in its dive; -inf where it never rises above it (or is not ballistic)."""
    t_target_kind: I64
    t_target_index: I64
    t_until_turn: I64
    """Jammers: turn they leave (large if none)."""
    t_parent: I64
    """ARMs: the SEAD aircraft that carries it; -1 otherwise."""
    arms_of: dict[int, I64]
    """SEAD aircraft slot -> the slots of the ARMs it carries, in order."""
    t_arm_range: F64
    strike_slots: I64
    """Slots whose fate decides 'all raids spent'."""
    arm_slots: I64
    sead_slots: I64
    jammer_slots: I64
    """Slots of stand-off jammers (role), as against `noise_slots`."""
    noise_slots: I64
    """Slots of every threat that jams (t_jnr > 0)."""

    # Radars (R): standalone radars first, then one per fire unit.
    r_name: list[str]
    r_height: F64
    r_sqrt_height: F64
    """Square root of the antenna height, for the horizon formula."""
    r_snr_ref: F64
    """Signal-to-noise that a 1 m² target gives at r_range_ref (Swerling 1)."""
    r_log_pfa: F64
    """-ln(Pfa)."""
    r_range_ref: F64
    r_range_cell_km: F64
    """Range resolution ΔR = c·τ/2, km: with the beamwidth, the scale of a detection's
    errors (`tracking`)."""
    r_tracking_channels: I64
    r_guidance_channels: I64
    r_value: F64
    r_cp: I64
    r_fire_unit: I64
    r_half_beam: F64
    """Half the main-lobe width, radians."""
    r_sidelobe: F64
    """Linear sidelobe gain (below 1)."""
    r_position0: F64
    """(R, 2) sites at the start, km."""
    r_scan_s: F64
    """Revisit period of each radar, s: a turn holds as many looks as fall in it."""
    r_stow_s: F64
    """Time to stow the unit of each radar before it marches, s."""
    r_setup_s: F64
    """Time to set it up at its new site, s."""
    coast_s: float
    """A track not refreshed for longer than this is dropped."""
    identification_s: float
    """How long a track must have been held to count as hostile (weapons tight)."""

    # Fire units (F).
    f_name: list[str]
    f_radar: I64
    f_tubes: I64
    """Tubes across all its launchers."""
    f_tubes_per_launcher: I64
    f_reload_turns: I64
    f_initial_ready: I64
    """(F, M) rounds on the launchers at the start."""

    # Missile types (M).
    m_name: list[str]
    m_min_range: F64
    m_max_range: F64
    m_min_alt: F64
    m_max_alt: F64
    m_speed: F64
    """km/s."""
    m_max_flight_s: F64
    """Longest time of flight: maximum range over speed."""
    m_cost: F64
    m_per_tube: I64
    m_pk: F64
    """(M, classes) nominal kill probability; 0 where it cannot engage."""

    # Command posts (C) and assets (A).
    cp_radars: list[I64]
    """Per command post: its radars (standalone and fire units')."""
    cp_fire_units: list[I64]
    """Per command post: its fire units."""
    c_name: list[str]
    c_position: F64
    c_hardness: F64
    c_value: F64
    a_name: list[str]
    a_position: F64
    a_value: F64
    a_hardness: F64
    total_asset_value: float

    # Blue sites as threat evaluation counts them: assets, command posts, radars.
    fixed_site_x: F64
    """x of the assets and command posts (radars move: their sites are in the state)."""
    fixed_site_y: F64
    asset_standing: B
    """True per asset: an asset is always a site, however damaged."""
    site_damage: F64
    """Value a full warhead destroys at each site, when it damages."""

    raid_names: list[str]
    sead_names: list[str]
    jammer_names: list[str]

    # What blue's radars make of what they see (`kill_assessment`, `discrimination`).
    r_assess_missed: F64
    """(R,) chance the radar reads a kill it watches as a miss."""
    r_assess_false: F64
    """(R,) chance it reads a miss as a kill."""
    t_discrimination: F64
    """(N,) evidence one look gives that the threat is (or is not) a decoy."""

    @property
    def n_threats(self) -> int:
        return len(self.threat_type)

    def target_name(self, kind: int, index: int) -> str:
        if kind == TARGET_ASSET:
            return self.a_name[index]
        if kind == TARGET_CP:
            return self.c_name[index]
        if kind == TARGET_RADAR:
            return self.r_name[index]
        return ""

    def group_name(self, slot: int) -> str:
        role, group = int(self.t_role[slot]), int(self.t_group[slot])
        if role == ROLE_STRIKE:
            return self.raid_names[group]
        if role == ROLE_JAMMER:
            return self.jammer_names[group]
        return self.sead_names[group]


def reference_snr(pd: float, pfa: float) -> float:
    """The SNR at which a Swerling-1 target is detected with probability pd: from
    Pd = Pfa^(1/(1+SNR)), SNR = ln(Pfa)/ln(Pd) - 1."""
    return math.log(pfa) / math.log(pd) - 1.0


def build_scenario(loaded: LoadedCampaign) -> Scenario:
    """Flatten a validated campaign; the loader has checked every reference."""
    campaign = loaded.campaign
    cat = loaded.catalogue
    blue, red = campaign.blue, campaign.red
    dt = float(campaign.clock.seconds_per_turn)
    rules = campaign.rules

    # Blue side.
    c_name = [cp.name for cp in blue.command_posts]
    cp_index = {n: i for i, n in enumerate(c_name)}
    missiles = list(cat.missiles.values())
    m_index = {m.name: i for i, m in enumerate(missiles)}
    r_name: list[str] = []
    r_types = []
    r_cp: list[int] = []
    r_fu: list[int] = []
    for radar in blue.radars:
        r_name.append(radar.name)
        r_types.append(cat.radars[radar.type])
        r_cp.append(cp_index[radar.command_post])
        r_fu.append(-1)
    f_radar = []
    f_tubes = []
    f_tpl = []
    f_reload = []
    initial_ready = np.zeros((len(blue.fire_units), len(missiles)), dtype=np.int64)
    for f, unit in enumerate(blue.fire_units):
        f_radar.append(len(r_name))
        r_name.append(unit.name)
        r_types.append(cat.radars[unit.radar])
        r_cp.append(cp_index[unit.command_post])
        r_fu.append(f)
        launcher = cat.launchers[unit.launcher]
        f_tubes.append(unit.launchers * launcher.tubes)
        f_tpl.append(launcher.tubes)
        f_reload.append(max(1, math.ceil(launcher.reload_s / dt)))
        for missile, count in unit.loadout.items():
            initial_ready[f, m_index[missile]] = count

    a_position = np.array([loaded.place(a.position) for a in blue.assets], dtype=np.float64)
    c_position = np.array([loaded.place(c.position) for c in blue.command_posts], dtype=np.float64)
    radar_positions = [loaded.place(r.position) for r in blue.radars] + [
        loaded.place(u.position) for u in blue.fire_units
    ]
    targets: dict[str, tuple[int, int, tuple[float, float]]] = {}
    for i, a in enumerate(blue.assets):
        targets[a.name] = (TARGET_ASSET, i, loaded.place(a.position))
    for i, c in enumerate(blue.command_posts):
        targets[c.name] = (TARGET_CP, i, loaded.place(c.position))
    for i, name in enumerate(r_name):
        targets[name] = (TARGET_RADAR, i, radar_positions[i])

    threats = _threat_slots(_red_groups(loaded, targets), cat, [m.max_altitude_m for m in missiles])

    farr, iarr = _floats, _ints
    m_pk = np.zeros((len(missiles), len(CLASSES)))
    for i, m in enumerate(missiles):
        for cls, p in m.pk.items():
            m_pk[i, CLASS_CODE[cls]] = p

    return Scenario(
        loaded=loaded,
        dt=dt,
        turn_limit=campaign.clock.turn_limit,
        **threats,
        r_name=r_name,
        r_height=farr([t.antenna_height_m for t in r_types]),
        r_sqrt_height=np.sqrt(farr([t.antenna_height_m for t in r_types])),
        r_snr_ref=farr([reference_snr(t.reference_pd, t.false_alarm_probability) for t in r_types]),
        r_log_pfa=farr([-math.log(t.false_alarm_probability) for t in r_types]),
        r_range_ref=farr([t.detection_range_km for t in r_types]),
        r_range_cell_km=farr([t.range_resolution_m / 1000.0 for t in r_types]),
        r_tracking_channels=iarr([t.tracking_channels for t in r_types]),
        r_guidance_channels=iarr([t.guidance_channels for t in r_types]),
        r_value=farr([t.value for t in r_types]),
        r_cp=iarr(r_cp),
        r_fire_unit=iarr(r_fu),
        r_half_beam=farr([math.radians(t.beamwidth_deg) / 2 for t in r_types]),
        r_sidelobe=farr([10 ** (-t.sidelobe_db / 10) for t in r_types]),
        r_scan_s=farr([t.scan_period_s for t in r_types]),
        r_stow_s=farr([rules.setup_s / 2 if t.stow_s is None else t.stow_s for t in r_types]),
        r_setup_s=farr([rules.setup_s / 2 if t.setup_s is None else t.setup_s for t in r_types]),
        coast_s=rules.coast_seconds(dt),
        identification_s=rules.identification_seconds(dt),
        f_name=[u.name for u in blue.fire_units],
        f_radar=iarr(f_radar),
        f_tubes=iarr(f_tubes),
        f_tubes_per_launcher=iarr(f_tpl),
        f_reload_turns=iarr(f_reload),
        f_initial_ready=initial_ready,
        m_name=[m.name for m in missiles],
        m_min_range=farr([m.min_range_km for m in missiles]),
        m_max_range=farr([m.max_range_km for m in missiles]),
        m_min_alt=farr([m.min_altitude_m for m in missiles]),
        m_max_alt=farr([m.max_altitude_m for m in missiles]),
        m_speed=farr([m.speed_mps / 1000.0 for m in missiles]),
        m_max_flight_s=farr([m.max_range_km / (m.speed_mps / 1000.0) for m in missiles]),
        m_cost=farr([m.cost for m in missiles]),
        m_per_tube=iarr([m.per_tube for m in missiles]),
        m_pk=m_pk,
        cp_radars=[np.flatnonzero(np.array(r_cp) == c) for c in range(len(c_name))],
        cp_fire_units=[
            np.flatnonzero(np.array([r_cp[r] for r in f_radar], dtype=np.int64) == c)
            for c in range(len(c_name))
        ],
        c_name=c_name,
        c_position=c_position.reshape(-1, 2),
        c_hardness=farr([c.hardness for c in blue.command_posts]),
        c_value=farr([c.value for c in blue.command_posts]),
        a_name=[a.name for a in blue.assets],
        a_position=a_position.reshape(-1, 2),
        a_value=farr([a.value for a in blue.assets]),
        a_hardness=farr([a.hardness for a in blue.assets]),
        total_asset_value=float(farr([a.value for a in blue.assets]).sum()),
        fixed_site_x=np.concatenate(
            [a_position.reshape(-1, 2)[:, 0], c_position.reshape(-1, 2)[:, 0]]
        ),
        fixed_site_y=np.concatenate(
            [a_position.reshape(-1, 2)[:, 1], c_position.reshape(-1, 2)[:, 1]]
        ),
        asset_standing=np.ones(len(blue.assets), dtype=bool),
        site_damage=farr(
            [a.value * (1.0 - a.hardness) for a in blue.assets]
            + [c.value * (1.0 - c.hardness) for c in blue.command_posts]
            + [t.value for t in r_types]
        ),
        raid_names=[r.name for r in red.raids],
        sead_names=[s.name for s in red.sead],
        jammer_names=[j.name for j in red.jammers],
        r_position0=np.array(radar_positions, dtype=np.float64).reshape(-1, 2),
        r_assess_missed=farr([t.kill_assessment_missed for t in r_types]),
        r_assess_false=farr([t.kill_assessment_false for t in r_types]),
    )


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
    until: int = 1 << 30
    parent: int = -1


def _red_groups(
    loaded: LoadedCampaign, targets: dict[str, tuple[int, int, tuple[float, float]]]
) -> list[_Group]:
    """The red side as groups of slots, in campaign order (one slot per threat)."""
    red, cat = loaded.campaign.red, loaded.catalogue
    groups: list[_Group] = []
    for g, raid in enumerate(red.raids):
        ttype = cat.threats[raid.threat]
        kind, index, aim = targets[raid.target]
        origin = loaded.place(raid.origin)
        points = [loaded.place(p) for p in raid.waypoints]
        if ttype.threat_class == ThreatClass.BALLISTIC_MISSILE:
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
            _Group(ttype, ROLE_STRIKE, g, raid.turn, starts, [*points, end], (kind, index))
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
    return groups


def _threat_slots(
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
    first_leg = _floats(list(map(math.hypot, d[:, 0].tolist(), d[:, 1].tolist())))
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

    per_type = _floats

    def per_group(values: list[int]) -> I64:
        return _ints(values)[of]

    ballistic_type = np.array([t.threat_class == BALLISTIC for t in types], dtype=bool)
    ballistic = ballistic_type[kind]
    altitude = per_type([t.altitude_m for t in types])
    warhead = per_type([t.warhead_kg for t in types])
    cost = per_type([t.cost for t in types])
    code = _ints([CLASS_CODE[t.threat_class] for t in types])
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
        "t_warhead": warhead[kind],
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
        "t_dive_km": dive_km(ballistic.tolist(), altitude[kind], total, per_type(ceilings)),
        "t_target_kind": per_group([g.target[0] for g in groups]),
        "t_target_index": per_group([g.target[1] for g in groups]),
        "t_until_turn": per_group([g.until for g in groups]),
        "t_parent": parent,
        "arms_of": _slots_by(parent, parent >= 0),
        "t_arm_range": per_type([t.arm_range_km or 0.0 for t in types])[kind],
        "strike_slots": slot[role == ROLE_STRIKE],
        "arm_slots": slot[role == ROLE_ARM],
        "sead_slots": slot[role == ROLE_SEAD],
        "jammer_slots": slot[role == ROLE_JAMMER],
        "noise_slots": np.flatnonzero(jnr[kind] > 0.0),
        "t_discrimination": per_type([t.discrimination_per_look for t in types])[kind],
    }


def _floats(values: list[float]) -> F64:
    return np.array(values, dtype=np.float64).reshape(-1)


def _ints(values: list[int]) -> I64:
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
