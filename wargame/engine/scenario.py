"""The fixed part of a game: a campaign turned into flat numpy arrays.

Built once by `Game.new`. Every threat the campaign will ever send (raid
members, SEAD aircraft and their anti-radiation missiles, jammers) gets a slot
and an id up front, so that per-threat dice stay with the same threat all game.
Nothing here changes during play; the changing part is `State`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from wargame.campaign import LoadedCampaign
from wargame.campaign.schema import RadarType, ThreatType
from wargame.engine.codes import (
    AIRCRAFT_CLASSES,
    BALLISTIC,
    CLASS_CODE,
    CLASS_NAMES,
    CLASSES,
    IS_AIRCRAFT,
    REFERENCE_WARHEAD_KG,
    ROLE_ARM,
    ROLE_JAMMER,
    ROLE_SEAD,
    ROLE_STRIKE,
    ROLE_WEAPON,
    TARGET_ASSET,
    TARGET_CP,
    TARGET_NONE,
    TARGET_RADAR,
)
from wargame.engine.false_slots import alarms_per_look, pool_size, with_false_slots
from wargame.engine.terrain import Terrain
from wargame.engine.threat_slots import (
    DIVE_MARGIN_M,
    STANDARD_GRAVITY,
    ballistic_flight_s,
    dive_km,
    floats,
    ints,
    red_groups,
    threat_slots,
)

# The codes and the threat slots have homes of their own; the engine's modules read
# them from here as ever.
__all__ = [
    "AIRCRAFT_CLASSES",
    "BALLISTIC",
    "CLASSES",
    "CLASS_CODE",
    "CLASS_NAMES",
    "DIVE_MARGIN_M",
    "IS_AIRCRAFT",
    "REFERENCE_WARHEAD_KG",
    "ROLE_ARM",
    "ROLE_JAMMER",
    "ROLE_SEAD",
    "ROLE_STRIKE",
    "ROLE_WEAPON",
    "STANDARD_GRAVITY",
    "TARGET_ASSET",
    "TARGET_CP",
    "TARGET_NONE",
    "TARGET_RADAR",
    "Scenario",
    "ballistic_flight_s",
    "build_scenario",
    "dive_km",
    "reference_snr",
]

F64 = NDArray[np.float64]
I64 = NDArray[np.int64]
B = NDArray[np.bool_]


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
    # The flight profile (`threat_slots`): per point of the path, as a raid sets it or the
    # type's cruise values. `movement` flies it; the time along the path follows from it.
    t_point_alt: F64
    """(N, P) altitude at point k, m: it changes evenly along the leg that ends there, from
    the point before's (the entry point is at point 0's)."""
    t_point_speed: F64
    """(N, P) km/s on the leg that ends at point k."""
    t_cum_s: F64
    """(N, P) seconds of flight from the entry point to point k."""
    t_total_s: F64
    """Seconds of flight from the entry point to the end of the path."""
    t_profiled: B
    """Its raid sets a flight profile (else it flies at `t_speed` and `t_cruise_alt`)."""
    profiled_slots: I64
    t_provoke: B
    """A provoking drone (`provocation`): it flies at the defence, not its path."""
    provoke_slots: I64
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
    f_launch_interval_s: F64
    """Seconds between two launches of the unit's rounds (its radar type's; 0: no limit)."""
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
    t_may_be_decoy: B
    """(N,) whether its track's class is one a decoy of the catalogue passes for: only
    such a track can be doubted (a fighter's is not, where no decoy fakes one)."""

    # Stand-off weapons, egress and retargeting (`threat_slots.release_fields`, `release`).
    t_release_km: F64
    """(N,) a strike aircraft's release range (its own type's); 0 for any other slot."""
    t_delivers: B
    """(N,) its own arrival does the damage: False for aircraft that carry a weapon."""
    t_home: F64
    """(N, H, 2) an aircraft's route home after release (padded with its last point, where
    it leaves)."""
    t_home_cum: F64
    """(N, H) length of the route home from its first point to point k, km."""
    t_n_home: I64
    """(N,) points on its route home; 0 for a threat that does not go home after release."""
    t_targets: I64
    """(N, K, 2) its raid's targets in order, (kind, index), padded with TARGET_NONE."""
    weapon_slots: I64
    """Slots of the stand-off weapons the raids' aircraft carry (role ROLE_WEAPON)."""
    r_hardness: F64
    """(R,) chance a strike reaching a radar's site does it no harm."""

    terrain: Terrain | None = None
    """The ground's heights and the sites' masks (`terrain`); None: the smooth Earth."""

    # False alarms (`false_slots`, `false_alarms`).
    r_false_alarms: F64 = field(default_factory=lambda: np.zeros(0))
    """(R,) false alarms each radar raises per look on average: Pfa × resolution cells."""
    false_slots: I64 = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    """Phantom slots at the end of the threat arrays, where false tracks live (role
    ROLE_FALSE); the real threats are the slots before `false_slots[0]`."""
    false_doubted: B = field(default_factory=lambda: np.zeros(0, dtype=bool))
    """(P,) per phantom slot, whether the class its track shows is one a real track may be
    doubted as a decoy of (`t_may_be_decoy`): a false track of it starts as doubted."""

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
        if role in (ROLE_STRIKE, ROLE_WEAPON):
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

    threats = threat_slots(red_groups(loaded, targets), cat, [m.max_altitude_m for m in missiles])
    false_alarms = alarms_per_look(
        np.array([t.false_alarm_probability for t in r_types], dtype=np.float64),
        np.array([t.detection_range_km for t in r_types], dtype=np.float64),
        np.array([t.range_resolution_m / 1000.0 for t in r_types], dtype=np.float64),
        np.radians(np.array([t.beamwidth_deg for t in r_types], dtype=np.float64)),
    )
    threats = with_false_slots(threats, pool_size(false_alarms))

    farr, iarr = floats, ints
    m_pk = np.zeros((len(missiles), len(CLASSES)))
    for i, m in enumerate(missiles):
        for cls, p in m.pk.items():
            m_pk[i, CLASS_CODE[cls]] = p

    return Scenario(
        loaded=loaded,
        dt=dt,
        terrain=_terrain(loaded, r_types, radar_positions),
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
        f_launch_interval_s=farr([cat.radars[u.radar].launch_interval_s for u in blue.fire_units]),
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
        r_hardness=farr([r.hardness for r in blue.radars] + [u.hardness for u in blue.fire_units]),
        r_false_alarms=false_alarms,
    )


def _terrain(
    loaded: LoadedCampaign, r_types: list[RadarType], sites: list[tuple[float, float]]
) -> Terrain | None:
    """The campaign's terrain grid (south row first) and its radars' masks, radars in
    scenario order (standalone radars, then the fire units')."""
    blue, spec = loaded.campaign.blue, loaded.campaign.terrain
    heights = None if spec is None else spec.south_first()
    size = loaded.campaign.map
    return Terrain.of(
        None if heights is None else np.array(heights, dtype=np.float64),
        1.0 if spec is None else spec.cell_km,
        floats([t.antenna_height_m for t in r_types]),
        [list(r.mask_deg) for r in blue.radars] + [list(u.mask_deg) for u in blue.fire_units],
        np.array(sites, dtype=np.float64).reshape(-1, 2),
        (size.width_km, size.height_km),
    )
