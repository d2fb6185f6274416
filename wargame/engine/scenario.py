"""The fixed part of a game: a campaign turned into flat numpy arrays.

Built once by `Game.new`. Every threat the campaign will ever send (raid
members, SEAD aircraft and their anti-radiation missiles, jammers) gets a slot
and an id up front, so that per-threat dice stay with the same threat all game.
Nothing here changes during play; the changing part is `State`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from wargame.campaign import LoadedCampaign, ThreatClass
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

    # Red side: one slot per threat, in campaign order.
    slots: list[_Slot] = []

    def add(
        ttype: ThreatType,
        role: int,
        group: int,
        spawn: int,
        start: tuple[float, float],
        path: list[tuple[float, float]],
        target: tuple[int, int],
        until: int = 1 << 30,
        parent: int = -1,
    ) -> None:
        slots.append(_Slot(ttype, role, group, spawn, start, path, target, until, parent))

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
        for i in range(raid.count):
            back = i * raid.spacing_km
            start = (origin[0] - ux * back, origin[1] - uy * back)
            add(ttype, ROLE_STRIKE, g, raid.turn, start, [*points, end], (kind, index))
    for g, flight in enumerate(red.sead):
        aircraft = cat.threats[flight.aircraft]
        arm = cat.threats[flight.arm]
        origin = loaded.place(flight.origin)
        station = loaded.place(flight.station)
        for _ in range(flight.count):
            parent = len(slots)
            add(aircraft, ROLE_SEAD, g, flight.turn, origin, [station], (TARGET_NONE, -1))
            for _ in range(flight.arms_per_aircraft):
                add(arm, ROLE_ARM, g, -1, origin, [origin], (TARGET_NONE, -1), parent=parent)
    for g, jammer in enumerate(red.jammers):
        aircraft = cat.threats[jammer.aircraft]
        until = jammer.until_turn if jammer.until_turn is not None else 1 << 30
        add(
            aircraft,
            ROLE_JAMMER,
            g,
            jammer.turn,
            loaded.place(jammer.origin),
            [loaded.place(jammer.station)],
            (TARGET_NONE, -1),
            until=until,
        )

    n = len(slots)
    p_max = max((len(s.path) for s in slots), default=1)
    # Rows built as lists and converted once: element-wise writes into numpy arrays
    # cost more than the whole campaign's arithmetic.
    path_rows, cum_rows, dir_rows = [], [], []
    for s in slots:
        pts = s.path
        pad = p_max - len(pts)
        flown = 0.0
        cum_row, dir_row = [], []
        for before, point in zip([s.start, *pts[:-1]], pts, strict=True):
            leg = math.dist(before, point)
            flown += leg
            cum_row.append(flown)
            if leg > 0.0:
                dir_row.append(((point[0] - before[0]) / leg, (point[1] - before[1]) / leg))
            else:
                dir_row.append((0.0, 0.0))
        path_rows.append([*pts, *[pts[-1]] * pad])
        cum_rows.append(cum_row + [flown] * pad)
        dir_rows.append(dir_row + [(0.0, 0.0)] * pad)
    path = np.array(path_rows, dtype=np.float64).reshape(n, p_max, 2)
    n_points = np.array([len(s.path) for s in slots], dtype=np.int64).reshape(-1)
    cum = np.array(cum_rows, dtype=np.float64).reshape(n, p_max)
    direction = np.array(dir_rows, dtype=np.float64).reshape(n, p_max, 2)
    starts = np.array([s.start for s in slots], dtype=np.float64).reshape(n, 2)
    types = [s.type for s in slots]
    apparent = [cat.threats[t.mimics] if t.mimics else t for t in types]
    jnr = np.array(
        [0.0 if t.jammer_jnr_db is None else 10 ** (t.jammer_jnr_db / 10) for t in types]
    )

    def farr(values: list[float]) -> F64:
        return np.array(values, dtype=np.float64).reshape(-1)

    def iarr(values: list[int]) -> I64:
        return np.array(values, dtype=np.int64).reshape(-1)

    m_pk = np.zeros((len(missiles), len(CLASSES)))
    for i, m in enumerate(missiles):
        for cls, p in m.pk.items():
            m_pk[i, CLASS_CODE[cls]] = p

    total = cum[:, -1].copy()
    return Scenario(
        loaded=loaded,
        dt=dt,
        turn_limit=campaign.clock.turn_limit,
        threat_type=types,
        apparent_type=apparent,
        t_role=iarr([s.role for s in slots]),
        t_group=iarr([s.group for s in slots]),
        t_class=iarr([CLASS_CODE[t.threat_class] for t in types]),
        t_apparent_class=iarr([CLASS_CODE[t.threat_class] for t in apparent]),
        t_speed=_ground_speeds(types, total),
        t_cruise_alt=farr([t.altitude_m for t in types]),
        t_rcs=farr([t.rcs_m2 for t in types]),
        t_warhead=farr([t.warhead_kg for t in types]),
        t_cost=farr([t.cost for t in types]),
        t_apparent_cost=farr([t.cost for t in apparent]),
        t_apparent_release_km=farr([t.release_range_km for t in apparent]),
        t_apparent_warhead=farr([t.warhead_kg for t in apparent]),
        t_apparent_fraction=farr([min(1.0, t.warhead_kg / REFERENCE_WARHEAD_KG) for t in apparent]),
        t_apparent_armed=farr([1.0 if t.warhead_kg > 0.0 else 0.0 for t in apparent]),
        t_jnr=jnr.reshape(-1),
        t_ballistic=np.array(
            [t.threat_class == ThreatClass.BALLISTIC_MISSILE for t in types], dtype=bool
        ).reshape(-1),
        t_spawn_turn=iarr([s.spawn for s in slots]),
        spawn_schedule=_schedule([s.spawn for s in slots]),
        t_start=starts,
        t_path=path,
        t_n_points=n_points,
        t_cum=cum,
        t_dir=direction,
        t_total=total,
        t_dive_km=_dive_km(
            [t.threat_class == ThreatClass.BALLISTIC_MISSILE for t in types],
            farr([t.altitude_m for t in types]),
            total,
            farr([m.max_altitude_m for m in missiles]),
        ),
        t_target_kind=iarr([s.target[0] for s in slots]),
        t_target_index=iarr([s.target[1] for s in slots]),
        t_until_turn=iarr([s.until for s in slots]),
        t_parent=iarr([s.parent for s in slots]),
        arms_of=_children([s.parent for s in slots]),
        t_arm_range=farr([t.arm_range_km or 0.0 for t in types]),
        strike_slots=iarr([j for j, s in enumerate(slots) if s.role == ROLE_STRIKE]),
        arm_slots=iarr([j for j, s in enumerate(slots) if s.role == ROLE_ARM]),
        sead_slots=iarr([j for j, s in enumerate(slots) if s.role == ROLE_SEAD]),
        jammer_slots=iarr([j for j, s in enumerate(slots) if s.role == ROLE_JAMMER]),
        noise_slots=np.flatnonzero(jnr > 0.0),
        r_name=r_name,
        r_height=farr([t.antenna_height_m for t in r_types]),
        r_sqrt_height=np.sqrt(farr([t.antenna_height_m for t in r_types])),
        r_snr_ref=farr([reference_snr(t.reference_pd, t.false_alarm_probability) for t in r_types]),
        r_log_pfa=farr([-math.log(t.false_alarm_probability) for t in r_types]),
        r_range_ref=farr([t.detection_range_km for t in r_types]),
        r_tracking_channels=iarr([t.tracking_channels for t in r_types]),
        r_guidance_channels=iarr([t.guidance_channels for t in r_types]),
        r_value=farr([t.value for t in r_types]),
        r_cp=iarr(r_cp),
        r_fire_unit=iarr(r_fu),
        r_half_beam=farr([math.radians(t.beamwidth_deg) / 2 for t in r_types]),
        r_sidelobe=farr([10 ** (-t.sidelobe_db / 10) for t in r_types]),
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
    )


@dataclass(frozen=True)
class _Slot:
    """One threat slot while the scenario is being built."""

    type: ThreatType
    role: int
    group: int
    spawn: int
    start: tuple[float, float]
    path: list[tuple[float, float]]
    target: tuple[int, int]
    until: int
    parent: int


STANDARD_GRAVITY = 9.80665
"""m/s²: what brings a ballistic missile down from its apogee."""


def ballistic_flight_s(apogee_m: float) -> float:
    """Seconds a ballistic missile flies, launch to impact, over a flat Earth without
    air: it climbs to `apogee_m` h and falls back, t = 2 √(2 h / g) = √(8 h / g),
    whatever its range (221 s for 60 km). The range sets only its ground speed."""
    return math.sqrt(8.0 * apogee_m / STANDARD_GRAVITY)


def _ground_speeds(types: list[ThreatType], total: F64) -> F64:
    """km/s along the path per slot: the type's speed, or for a ballistic missile its
    path over its flight time, so that the parabola `movement` flies falls at g."""
    return np.array(
        [
            max(length, 1e-9) / ballistic_flight_s(t.altitude_m)
            if t.threat_class == ThreatClass.BALLISTIC_MISSILE
            else t.speed_mps / 1000.0
            for t, length in zip(types, total.tolist(), strict=True)
        ],
        dtype=np.float64,
    ).reshape(-1)


DIVE_MARGIN_M = 1.0
"""How far under a missile's ceiling a ballistic missile's dive is met."""


def _dive_km(ballistic: list[bool], apogee: F64, total: F64, ceiling: F64) -> F64:
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


def _children(parents: list[int]) -> dict[int, I64]:
    """Parent slot -> its children's slots (ARMs of a SEAD aircraft), in slot order."""
    by_parent: dict[int, list[int]] = {}
    for slot, parent in enumerate(parents):
        if parent >= 0:
            by_parent.setdefault(parent, []).append(slot)
    return {parent: np.array(slots, dtype=np.int64) for parent, slots in by_parent.items()}


def _schedule(spawn_turns: list[int]) -> dict[int, I64]:
    """Turn -> the slots entering on it (ARMs, launched in play, have no turn)."""
    by_turn: dict[int, list[int]] = {}
    for slot, turn in enumerate(spawn_turns):
        if turn >= 0:
            by_turn.setdefault(turn, []).append(slot)
    return {turn: np.array(slots, dtype=np.int64) for turn, slots in by_turn.items()}


def _unit(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    d = math.dist(a, b)
    if d < 1e-9:
        return (1.0, 0.0)
    return ((b[0] - a[0]) / d, (b[1] - a[1]) / d)
