"""The campaign file format: a pydantic schema of what a campaign author writes.

Units used throughout: distances and positions in km on the map, altitudes and
antenna heights in m, speeds in m/s, times in s, costs in millions of USD,
radar cross-sections in m². The loader (`wargame.campaign.loader`) builds these
models from TOML and adds the cross-reference checks; the engine reads the
validated `Campaign` and never the file.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from wargame.campaign.hints import Hint
from wargame.campaign.injects import Inject

FORMAT_VERSION = 1

# Guards against absurd sizes: a campaign this large would be a typo, not a plan.
MAX_COUNT = 100_000
MAX_KM = 20_000.0


class ThreatClass(StrEnum):
    """What a threat is, as the kill-probability tables and the track glyphs know it."""

    FIGHTER = "fighter"
    BOMBER = "bomber"
    AWACS = "awacs"
    CRUISE_MISSILE = "cruise_missile"
    BALLISTIC_MISSILE = "ballistic_missile"
    DRONE = "drone"
    DECOY = "decoy"
    ARM = "arm"


CLASS_WORDS = {
    "fighter": "fighter",
    "bomber": "bomber",
    "awacs": "AEW aircraft",
    "cruise_missile": "cruise missile",
    "ballistic_missile": "ballistic missile",
    "drone": "drone",
    "decoy": "decoy",
    "arm": "anti-radiation missile",
}
"""Each class as it reads to a person: in the log, the dialogs, the legend and reports."""


def class_words(threat_class: str) -> str:
    """'cruise_missile' -> 'cruise missile' (an unknown class keeps its name)."""
    return CLASS_WORDS.get(str(threat_class), str(threat_class).replace("_", " "))


def a_class(threat_class: str) -> str:
    """The class with its article: 'a cruise missile', 'an anti-radiation missile'."""
    words = class_words(threat_class)
    return ("an " if words[:1].lower() in ("a", "e", "i", "o", "u") else "a ") + words


class Difficulty(StrEnum):
    TUTORIAL = "tutorial"
    EASY = "easy"
    NORMAL = "normal"
    HARD = "hard"
    EXPERT = "expert"


class _Model(BaseModel):
    # A misspelt key is an error, and every value must be finite.
    model_config = ConfigDict(
        extra="forbid", frozen=True, allow_inf_nan=False, use_attribute_docstrings=True
    )


PositiveKm = Annotated[float, Field(gt=0, le=MAX_KM)]
Km = Annotated[float, Field(ge=-MAX_KM, le=MAX_KM)]
Name = Annotated[str, Field(min_length=1, max_length=80)]
Probability = Annotated[float, Field(ge=0.0, le=1.0)]
Count = Annotated[int, Field(ge=1, le=MAX_COUNT)]
Cost = Annotated[float, Field(ge=0.0, le=1e6)]

Position = tuple[Km, Km] | Name
"""Either `[x_km, y_km]` on the map or the name of a place in `map.places`."""

MaskDeg = Annotated[list[Annotated[float, Field(ge=0.0, le=45.0)]], Field(max_length=3600)]
"""A radar site's terrain mask: the lowest elevation angle it sees, degrees, in equal
bearing sectors clockwise from north (the first from north to 360/n)."""


class Meta(_Model):
    title: Name
    """The campaign's title, as the picker shows it."""
    summary: Annotated[str, Field(max_length=400)] = ""
    """One or two sentences for the campaign picker."""
    briefing: Annotated[str, Field(max_length=20_000)] = ""
    """The briefing, in Markdown, shown before the first turn."""
    difficulty: Difficulty = Difficulty.NORMAL
    """tutorial, easy, normal, hard or expert."""
    author: Annotated[str, Field(max_length=120)] = ""
    """Who wrote the campaign."""
    learning_aim: Annotated[str, Field(max_length=400)] = ""
    """The one thing the exercise teaches, in a sentence, for the instructor and the picker."""
    instructor_notes: Annotated[str, Field(max_length=20_000)] = ""
    """For the instructor, in Markdown: the decisions that matter, the mistakes to look
    for, the school solution's reasoning and its measured figures. Not shown in play."""


class Clock(_Model):
    seconds_per_turn: Annotated[float, Field(ge=5.0, le=600.0)] = 60.0
    """Game time that one turn covers, in seconds: the engine's tick. Every rule acts at
    it; a player may play several turns at once (the time step) and the game stops early
    on the events they choose."""
    turn_limit: Annotated[int, Field(ge=1, le=10_000)] = 60
    """The game ends after this many turns even if raids remain."""


class Place(_Model):
    name: Name
    """A name that positions elsewhere in the file may use instead of coordinates."""
    position: tuple[Km, Km]
    """[x_km, y_km] on the map."""


class MapSpec(_Model):
    width_km: PositiveKm
    """East-west extent of the map; x runs from 0 to width_km."""
    height_km: PositiveKm
    """North-south extent of the map; y runs from 0 (south) to height_km (north)."""
    places: list[Place] = []
    """Named places: towns, bases, entry points. Drawn on the map."""


class RadarType(_Model):
    name: Name
    """Catalogue name, e.g. '92N6E-class engagement radar'."""
    role: Literal["acquisition", "engagement", "all_altitude"]
    """What the radar is for; an engagement radar can guide missiles."""
    detection_range_km: PositiveKm
    """Range at which a 1 m² target is detected with probability reference_pd in one look."""
    reference_pd: Annotated[float, Field(gt=0.0, lt=1.0)] = 0.5
    """The single-look detection probability at detection_range_km (Swerling 1)."""
    false_alarm_probability: Annotated[float, Field(gt=0.0, lt=0.1)] = 1e-6
    """Pfa of the detector; with reference_pd it fixes the reference signal-to-noise."""
    antenna_height_m: Annotated[float, Field(ge=0.0, le=500.0)] = 10.0
    """Antenna height above ground; sets the radar horizon."""
    tracking_channels: Annotated[int, Field(ge=1, le=10_000)] = 100
    """How many tracks the radar can hold at once."""
    guidance_channels: Annotated[int, Field(ge=0, le=100)] = 0
    """Targets it can engage at once (engagement radars only; 0 for others)."""
    launch_interval_s: Annotated[float, Field(ge=0.0, le=600.0)] = 3.0
    """Shortest time between two launches of the fire unit it guides: its rounds leave
    one at a time, so a turn of T seconds holds about T / interval of them (0: no limit)."""
    value: Cost = 100.0
    """What losing one costs in the score, millions of USD."""
    beamwidth_deg: Annotated[float, Field(gt=0.0, le=90.0)] = 2.0
    """Main-lobe width: a jammer within half of it of the target's bearing jams at full power."""
    sidelobe_db: Annotated[float, Field(ge=0.0, le=80.0)] = 30.0
    """How much weaker a jammer outside the main lobe is received, dB."""
    scan_period_s: Annotated[float, Field(gt=0.0, le=600.0)] = 10.0
    """Revisit period: the time between two looks at the same point of its coverage.
    Each look is a Swerling-1 draw; a turn holds as many looks as fall in it."""
    range_resolution_m: Annotated[float, Field(gt=0.0, le=10_000.0)] = 150.0
    """Range cell, c·τ/2: sets the range error of a measurement, ΔR / √(2 SNR)."""
    kill_assessment_missed: Probability = 0.1
    """Chance that a kill it watches is read as a miss (the track is kept and may be
    engaged again)."""
    kill_assessment_false: Probability = 0.05
    """Chance that a miss it watches is read as a kill (the track is taken as destroyed
    until the threat is seen again)."""
    stow_s: Annotated[float, Field(ge=0.0, le=86_400.0)] | None = None
    """Time to stow the unit before it marches; none: half the campaign's rules.setup_s."""
    setup_s: Annotated[float, Field(ge=0.0, le=86_400.0)] | None = None
    """Time to set the unit up at its new site; none: half the campaign's rules.setup_s."""
    note: str = ""
    """Where the figures come from."""


class MissileType(_Model):
    name: Name
    """Catalogue name, e.g. '48N6-class'."""
    min_range_km: Annotated[float, Field(ge=0.0, le=MAX_KM)]
    """Closest intercept point."""
    max_range_km: PositiveKm
    """Farthest intercept point."""
    min_altitude_m: Annotated[float, Field(ge=0.0, le=200_000.0)] = 10.0
    """Lowest target altitude it can intercept, m above the ground beneath the target."""
    max_altitude_m: Annotated[float, Field(gt=0.0, le=200_000.0)] = 27_000.0
    """Highest target altitude it can intercept, m above the ground beneath the target."""
    speed_mps: Annotated[float, Field(gt=0.0, le=10_000.0)]
    """Average speed over its flight; time of flight is range / speed."""
    cost: Cost = 1.0
    """Price of one round, millions of USD."""
    per_tube: Annotated[int, Field(ge=1, le=16)] = 1
    """How many rounds fit in one launcher tube (small missiles pack four to a tube)."""
    pk: dict[ThreatClass, Probability]
    """Game kill probability of one round by threat class, inside the envelope.
    A class left out cannot be engaged by this missile."""
    note: str = ""
    """Where the figures come from."""

    @field_validator("max_range_km", "max_altitude_m")
    @classmethod
    def _envelope_is_ordered(cls, value: float, info: ValidationInfo) -> float:
        # Reported at the max_ field, the later of the two, so the message has a line.
        low = "min_range_km" if info.field_name == "max_range_km" else "min_altitude_m"
        least = info.data.get(low)  # absent when min_ itself was refused
        if least is not None and least >= value:
            raise ValueError(f"{low} {least:g} is not below {info.field_name} {value:g}")
        return value


class LauncherType(_Model):
    name: Name
    """Catalogue name, e.g. '5P85-class launcher'."""
    tubes: Annotated[int, Field(ge=1, le=32)] = 4
    """Missile tubes per launcher."""
    reload_s: Annotated[float, Field(ge=0.0, le=86_400.0)] = 1800.0
    """Time for the crew to reload one launcher from the unit's stock."""
    note: str = ""


class ThreatType(_Model):
    name: Name
    """Catalogue name, e.g. 'Subsonic cruise missile'."""
    threat_class: ThreatClass = Field(alias="class")
    """fighter, bomber, awacs, cruise_missile, ballistic_missile, drone, decoy or arm."""
    speed_mps: Annotated[float, Field(gt=0.0, le=10_000.0)]
    """Cruise speed. Not used for ballistic missiles: their flight time follows from the
    apogee (√(8 h / g), 221 s for 60 km) and their ground speed from the range."""
    altitude_m: Annotated[float, Field(ge=0.0, le=1_000_000.0)]
    """Cruise altitude, m above the ground beneath it: over terrain a low flyer follows the
    ground (for ballistic missiles, the apogee, which sets the flight time)."""
    rcs_m2: Annotated[float, Field(gt=0.0, le=10_000.0)]
    """Radar cross-section, m²."""
    warhead_kg: Annotated[float, Field(ge=0.0, le=100_000.0)] = 0.0
    """Explosive delivered on the target; 0 for aircraft that only support."""
    cost: Cost = 1.0
    """Price of one, millions of USD."""
    jammer_jnr_db: Annotated[float, Field(ge=0.0, le=120.0)] | None = None
    """If it jams: the jammer-to-noise ratio, dB, it raises in a radar 100 km away."""
    release_range_km: Annotated[float, Field(ge=0.0, le=MAX_KM)] = 0.0
    """Aircraft release their weapons this far from the target (0: overfly)."""
    mimics: Name | None = None
    """Decoys only: the threat type the radars take it for."""
    arm_range_km: Annotated[float, Field(gt=0.0, le=MAX_KM)] | None = None
    """Anti-radiation missiles only: the launch range against an emitting radar."""
    arm_pk: Probability = 1.0
    """Anti-radiation missiles only: game kill probability against its radar still
    emitting, where it was aimed, when it arrives."""
    arm_memory_pk: Probability = 0.0
    """Anti-radiation missiles only: game kill probability against its radar fallen silent
    before it arrives (it flies on to the last position it heard); at most arm_pk. A
    radar that has moved from that position escapes."""
    discrimination_per_look: Annotated[float, Field(gt=0.0, le=10.0)] = 0.05
    """Evidence (a log-likelihood ratio) one radar look gives of what it is: a decoy's
    features (speed decay, RCS fluctuation, altitude behaviour) give it away at this
    rate, small for a good decoy; a real threat's show it real at this rate. An
    engagement radar's look counts three times."""
    weapon: Name | None = None
    """Aircraft with a release range: the threat type (catalogue) of the stand-off weapon
    it releases there, each flying on to the target as a threat of its own. Without one,
    its own warhead strikes the target the moment it reaches its release point."""
    weapons: Annotated[int, Field(ge=0, le=64)] = 0
    """How many of `weapon` one aircraft carries (a raid may load otherwise)."""
    note: str = ""

    @field_validator("arm_memory_pk")
    @classmethod
    def _memory_is_no_better(cls, value: float, info: ValidationInfo) -> float:
        pk = info.data.get("arm_pk")  # absent when arm_pk itself was refused
        if pk is not None and value > pk:
            raise ValueError(f"arm_memory_pk {value:g} is above arm_pk {pk:g}")
        return value


class Catalogue(_Model):
    radars: list[RadarType] = []
    """Radar types added to (or replacing by name) the built-in ones."""
    missiles: list[MissileType] = []
    """Missile types added to (or replacing by name) the built-in ones."""
    launchers: list[LauncherType] = []
    """Launcher types added to (or replacing by name) the built-in ones."""
    threats: list[ThreatType] = []
    """Threat types added to (or replacing by name) the built-in ones."""


class CommandPost(_Model):
    name: Name
    position: Position
    hardness: Annotated[float, Field(ge=0.0, lt=1.0)] = 0.5
    """Chance that a hit on it does no harm."""
    value: Cost = 200.0
    """What losing it costs in the score, millions of USD."""


class Radar(_Model):
    name: Name
    type: Name
    """A radar type of the catalogue."""
    position: Position
    command_post: Name
    """The command post it reports to."""
    emitting: bool = True
    """Emitting when the game starts."""
    hardness: Annotated[float, Field(ge=0.0, lt=1.0)] = 0.0
    """Chance that a strike reaching its site does no harm (0: a hit destroys it)."""
    mask_deg: MaskDeg = []
    """Terrain mask at its site: the lowest elevation angle it sees, degrees, per equal
    bearing sector clockwise from north; it holds until the radar moves. Empty: none."""


class FireUnit(_Model):
    name: Name
    radar: Name
    """The engagement radar type (catalogue) that guides its missiles."""
    position: Position
    command_post: Name
    """The command post it reports to; cut off from it, it fights alone."""
    launcher: Name = "5P85-class launcher"
    """Launcher type (catalogue)."""
    launchers: Annotated[int, Field(ge=1, le=64)] = 8
    """Number of launchers."""
    loadout: dict[Name, Annotated[int, Field(ge=0, le=MAX_COUNT)]]
    """Rounds ready on the launchers, by missile type."""
    reloads: dict[Name, Annotated[int, Field(ge=0, le=MAX_COUNT)]] = {}
    """Rounds in stock for reloading, by missile type."""
    emitting: bool = True
    """Radar emitting when the game starts."""
    hardness: Annotated[float, Field(ge=0.0, lt=1.0)] = 0.0
    """Chance that a strike reaching its site does no harm (0: a hit destroys it)."""
    mask_deg: MaskDeg = []
    """Terrain mask at its site: the lowest elevation angle its radar sees, degrees, per
    equal bearing sector clockwise from north; it holds until the unit moves. Empty: none."""
    protects: Name | None = None
    """Point defence: the site it guards (an asset, command post, radar or fire unit).
    Its automatic fire then takes only the tracks that seem to head for that site or
    for itself (or for what stands on either); none: any track, as any fire unit."""


class Asset(_Model):
    name: Name
    position: Position
    value: Annotated[float, Field(gt=0.0, le=1e6)]
    """What it is worth, in millions of USD; damage costs that much in the score."""
    hardness: Annotated[float, Field(ge=0.0, lt=1.0)] = 0.0
    """Chance that a hit does no damage (shelters, dispersal, repair)."""
    priority: Annotated[float, Field(gt=0.0, le=100.0)] = 1.0
    """How much the mission cares for it: its value kept and lost count this many times
    in the score."""


Altitude = Annotated[float, Field(ge=0.0, le=100_000.0)]
Speed = Annotated[float, Field(gt=0.0, le=10_000.0)]


class Waypoint(_Model):
    """A raid's waypoint with the flight that reaches it: the leg that ends here is flown
    at `speed_mps`, and the altitude changes evenly along it from the point before's to
    `altitude_m` (the entry point is at the first point's altitude). Either left out is
    the threat type's cruise value."""

    at: Position
    """The point: [x_km, y_km] or a place name."""
    altitude_m: Altitude | None = None
    """Altitude at this point, m above the ground beneath it (low ingress: tens of
    metres, following the terrain; a pop-up: thousands)."""
    speed_mps: Speed | None = None
    """Speed held on the leg that ends here, m/s."""


class Raid(_Model):
    name: Name
    turn: Annotated[int, Field(ge=1, le=10_000)]
    """Turn on which the first threat of the raid enters."""
    threat: Name
    """Threat type (catalogue)."""
    count: Count
    """How many threats fly in the raid."""
    origin: Position
    """Where the raid enters; must be on the map."""
    waypoints: list[Position | Waypoint] = []
    """Points flown in order before heading for the target: [x_km, y_km], a place name,
    or a table `{ at = .., altitude_m = .., speed_mps = .. }` giving the flight to it.
    A ballistic missile flies straight at its target and ignores them."""
    target: Name
    """An asset, command post, radar or fire unit."""
    spacing_km: Annotated[float, Field(ge=0.0, le=1000.0)] = 5.0
    """Distance between consecutive threats in the stream."""
    targets: list[Name] = []
    """Targets to move on to, in order, once the one before is destroyed (`target` is
    the first; it may be listed again at the head)."""
    weapon: Name | None = None
    """Aircraft: the stand-off weapon (catalogue threat type) each releases, instead of
    its type's `weapon`."""
    weapons_each: Annotated[int, Field(ge=0, le=64)] | None = None
    """Aircraft: how many weapons each carries, instead of its type's `weapons`."""
    home: list[Position] = []
    """Aircraft: the route home after release; it leaves at the last point. Default: back
    along its waypoints to its origin."""
    attack_altitude_m: Altitude | None = None
    """Altitude above the ground at the end of the path (the target, or where an aircraft
    releases its weapons), reached evenly along the last leg: a terminal dive. Default:
    cruise."""
    attack_speed_mps: Speed | None = None
    """Speed on the last leg, from the last waypoint (or the entry) on. Default: cruise."""
    provoke: bool = False
    """Drones only: fly at the defence (the target if it is a radar or fire unit, else
    the nearest emitting fire unit) without warhead until a missile is launched at
    them, then turn home; the waypoints are not flown."""


SeadPriority = Literal["engagement", "acquisition", "all_altitude", "fired_at_us", "nearest"]
"""What a SEAD flight may rank the emitters it hears by (`SeadFlight.priority`)."""


class SeadFlight(_Model):
    name: Name
    turn: Annotated[int, Field(ge=1, le=10_000)]
    """Turn the flight enters."""
    aircraft: Name
    """Threat type of the aircraft (catalogue)."""
    count: Count
    origin: Position
    station: Position
    """Where the flight holds while hunting emitters."""
    arm: Name
    """Anti-radiation missile type (catalogue, class arm)."""
    arms_per_aircraft: Annotated[int, Field(ge=1, le=16)] = 2
    fire_within_km: Annotated[float, Field(ge=0.0, le=MAX_KM)] = 0.0
    """An aircraft fires only on its station, or once it is this close to it along its
    path; 0: on station only."""
    priority: list[SeadPriority] = ["engagement", "fired_at_us", "nearest"]
    """How it chooses among the emitters its ARMs hear, first criterion first: engagement,
    acquisition or all_altitude (the radar's role), fired_at_us (guiding a missile at an
    aircraft of the flight), nearest. Emitters meeting none come last, nearest first."""
    arms_per_emitter: Annotated[int, Field(ge=1, le=256)] = 1
    """ARMs in the air at each emitter it hears, in priority order, before any gets more:
    1 spreads them one to an emitter; more concentrates them on the first in priority."""

    @field_validator("priority")
    @classmethod
    def _each_criterion_once(cls, value: list[SeadPriority]) -> list[SeadPriority]:
        twice = sorted({c for c in value if value.count(c) > 1})
        if twice:
            raise ValueError(f"{', '.join(twice)} given more than once")
        return value


class Jammer(_Model):
    name: Name
    turn: Annotated[int, Field(ge=1, le=10_000)]
    aircraft: Name
    """Threat type with a jammer (catalogue)."""
    origin: Position
    station: Position
    """Where it holds while jamming."""
    until_turn: Annotated[int, Field(ge=1, le=10_000)] | None = None
    """Turn it leaves; by default it stays while any raid is in the air."""


class Blue(_Model):
    command_posts: list[CommandPost]
    radars: list[Radar] = []
    fire_units: list[FireUnit]
    assets: list[Asset]


class Red(_Model):
    raids: list[Raid]
    sead: list[SeadFlight] = []
    jammers: list[Jammer] = []


class Scoring(_Model):
    threat_cost_destroyed: Annotated[float, Field(ge=0.0, le=100.0)] = 0.25
    """Score per million USD of threats destroyed: small, so the mission comes first."""
    interceptor_cost: Annotated[float, Field(ge=0.0, le=100.0)] = 1.0
    """Score lost per million USD of interceptors fired."""
    asset_value_lost: Annotated[float, Field(ge=0.0, le=100.0)] = 1.0
    """Score lost per million USD of asset value destroyed."""
    radar_lost: Annotated[float, Field(ge=0.0, le=100.0)] = 1.0
    """Score lost per million USD of radar value destroyed."""
    defeat_asset_loss: Annotated[float, Field(gt=0.0, le=1.0)] = 0.5
    """The game is lost, and ends, once this fraction of total asset value is destroyed."""
    asset_value_kept: Annotated[float, Field(ge=0.0, le=100.0)] = 1.0
    """Score per million USD of asset value left standing at the end, times its priority."""
    interceptor_budget: Annotated[float, Field(ge=0.0, le=1e6)] | None = None
    """Millions of USD of interceptors the mission may spend; none: no budget."""
    over_budget: Annotated[float, Field(ge=0.0, le=100.0)] = 1.0
    """Score lost per million USD spent beyond the budget, on top of interceptor_cost."""
    collapse_fire_units_lost: Annotated[float, Field(gt=0.0, le=1.0)] = 1.0
    """The defence collapses (defeat, game over) once this share of its fire units is lost."""
    collapse_radars_lost: Annotated[float, Field(gt=0.0, le=1.0)] = 1.0
    """The defence collapses once this share of all its radars (fire units' too) is lost."""


class Rules(_Model):
    track_coast_turns: Annotated[int, Field(ge=0, le=20)] = 2
    """Turns a track is kept without a detection before it is dropped, if given (the time
    they make counts); track_coast_s is the better key."""
    track_coast_s: Annotated[float, Field(ge=0.0, le=3600.0)] | None = None
    """Seconds a track is kept without a detection before it is dropped (120 if neither
    this nor track_coast_turns is given)."""
    identification_looks: Annotated[int, Field(ge=1, le=20)] = 2
    """Detections a turn apart needed before a track counts as hostile (weapons tight),
    if given: the track must have been held (looks − 1) turns; identification_s is the
    better key."""
    identification_s: Annotated[float, Field(ge=0.0, le=3600.0)] | None = None
    """Seconds a track must have been held (from its first detection to its latest)
    before it counts as hostile for a unit on weapons tight (60 if neither this nor
    identification_looks is given)."""
    march_kmh: Annotated[float, Field(gt=0.0, le=200.0)] = 40.0
    """Road speed of a relocating unit."""
    setup_s: Annotated[float, Field(ge=0.0, le=86_400.0)] = 300.0
    """Time to pack up plus time to set up at the new site, for a unit whose radar type
    gives no stow_s and setup_s of its own."""

    def coast_seconds(self, seconds_per_turn: float) -> float:
        """How long a track coasts: `track_coast_s`; else `track_coast_turns` if the
        campaign gives it, at its turn length; else two minutes."""
        if self.track_coast_s is not None:
            return self.track_coast_s
        if "track_coast_turns" in self.model_fields_set:
            return self.track_coast_turns * seconds_per_turn
        return 120.0

    def identification_seconds(self, seconds_per_turn: float) -> float:
        """How long a track must be held to count as hostile: `identification_s`; else
        the time `identification_looks` looks a turn apart take, if the campaign gives
        them; else a minute."""
        if self.identification_s is not None:
            return self.identification_s
        if "identification_looks" in self.model_fields_set:
            return (self.identification_looks - 1) * seconds_per_turn
        return 60.0


# Objectives build on the models above; their module imports this one.
from wargame.campaign.objectives import Objective, Rubric  # noqa: E402
from wargame.campaign.terrain import Terrain  # noqa: E402


class Campaign(_Model):
    format_version: Literal[1] = 1
    """Version of this file format."""
    meta: Meta
    clock: Clock = Clock()
    map: MapSpec
    catalogue: Catalogue = Catalogue()
    """Extra or replacement system types; the built-in catalogue is always there."""
    blue: Blue
    red: Red
    scoring: Scoring = Scoring()
    rules: Rules = Rules()
    objectives: list[Objective] = []
    """What the defence is asked to achieve, each with its weight in the grade."""
    rubric: Rubric = Rubric()
    """The grade (A to F) and outcome (victory, marginal, defeat) from the objectives met."""
    injects: list[Inject] = []
    """The exercise's script: radar failures, cut links, pop-up raids, resupply, an
    asset's priority changed."""
    hints: list[Hint] = []
    """Advice shown in play on a condition (from the start in a tutorial; a key shows them)."""
    terrain: Terrain | None = None
    """The ground's heights (`wargame.campaign.terrain`), over which threats' altitudes
    are heights above the ground beneath them; none: the smooth Earth."""
