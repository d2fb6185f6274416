"""Typed events: everything that happens in a game, as frozen records.

The engine returns them from each turn; saves keep them; the after-action
report and the screens are computed from them. Each has `turn` and a `kind`,
and serialises to a plain dict (`to_dict`), which is what a JSON line of
`--events` or a save holds (`record.event_schema` reads one back). Floats are rounded when the
event is built, so the same game gives the same bytes on any machine.

A field added to an event after saves were first written (`added`) is left out of
its dict while it holds its default, so that a game's events serialise as they did
before the field existed. (A save's digests cover its events as the file holds them,
so an older save checks out either way.)
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Literal

KINDS: dict[str, type[Event]] = {}

Termination = Literal["raids_spent", "defence_collapsed", "turn_limit"]
"""What ended a game: the rules (raids spent, defence collapsed) or the clock (turn limit)."""
SCORE_PARTS = (
    "asset_value_kept",
    "threat_cost_destroyed",
    "interceptor_cost",
    "over_budget",
    "asset_priority_lost",
    "radar_value_lost",
)
"""The parts of the score from rules 1.6, as `GameOver` names their figures."""
SCORE_SIGNS = (1.0, 1.0, -1.0, -1.0, -1.0, -1.0)
"""Whether each part of `SCORE_PARTS` adds to the score or takes from it."""
Result = Literal["victory", "marginal", "defeat"]
"""A game's outcome; marginal from rules 1.6, when a campaign's objectives are partly met."""


def r3(value: float) -> float:
    """Round a reported figure to 3 decimals: events carry what a player reads."""
    return round(float(value), 3)


@dataclass(frozen=True, slots=True)
class Event:
    turn: int
    kind: ClassVar[str] = "event"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"turn": self.turn, "kind": self.kind}
        for f in fields(self):
            if f.name != "turn":
                value = getattr(self, f.name)
                if f.metadata.get("added") and value == f.default:
                    continue
                out[f.name] = list(value) if isinstance(value, tuple) else value
        return out


def added(default: Any, rules: str) -> Any:
    """A field added under rules `rules`, after saves were first written: left out of
    `to_dict` while it holds `default`."""
    return field(default=default, metadata={"added": rules})


# ------------------------------------------------------------------ the game


@dataclass(frozen=True, slots=True)
class GameStarted(Event):
    """Turn 0: what the AAR needs to know of the starting forces."""

    kind: ClassVar[str] = "game_started"
    title: str
    seed: int
    seconds_per_turn: float
    radars: tuple[tuple[str, float, bool], ...]
    """(name, value, emitting at start) of every radar, fire-unit radars included."""
    fire_units: tuple[str, ...]
    assets: tuple[tuple[str, float], ...]
    """(name, value)."""
    threats: int
    """Threats the campaign will send, ARMs not counted."""
    score_weights: tuple[float, ...] = added((), "1.4")
    """Points per M$ of threat cost destroyed, interceptor cost, asset value lost and radar
    value lost: the campaign's scoring (empty in saves of earlier rules)."""


@dataclass(frozen=True, slots=True)
class TurnEnded(Event):
    kind: ClassVar[str] = "turn_ended"
    time_s: float
    emitting: tuple[str, ...]
    """Radars that emitted during the turn."""
    tracks: int
    score: float


@dataclass(frozen=True, slots=True)
class GameOver(Event):
    kind: ClassVar[str] = "game_over"
    termination: Termination
    result: Result
    score: float
    threat_cost_destroyed: float
    interceptor_cost: float
    asset_value_lost: float
    radar_value_lost: float
    asset_value_kept: float = added(0.0, "1.6")
    """Asset value left standing, M$, each asset's times its priority."""
    asset_priority_lost: float = added(0.0, "1.6")
    """Asset value destroyed, M$, each asset's times its priority (what the score counts)."""
    over_budget: float = added(0.0, "1.6")
    """M$ of interceptors fired beyond the campaign's budget."""
    collapse: str = added("", "1.6")
    """Why the defence collapsed, e.g. '3 of 3 fire units lost (limit 100%)'."""
    grade: str = added("", "1.6")
    """A to F from the campaign's objectives and rubric ('' without objectives)."""
    grade_reason: str = added("", "1.6")
    objectives: tuple[tuple[str, float, bool, str], ...] = added((), "1.6")
    """(label, weight, met, reason) of each objective, judged on the truth."""
    score_weights: tuple[float, ...] = added((), "1.6")
    """Points per M$ of asset value kept, threat cost destroyed, interceptor cost, over
    budget, asset value lost and radar value lost (`SCORE_PARTS`): the score is their sum
    with the figures above (asset value by priority)."""


# --------------------------------------------------------------------- orders


@dataclass(frozen=True, slots=True)
class OrderAccepted(Event):
    kind: ClassVar[str] = "order_accepted"
    unit: str
    order: str
    """The order as its one-line text, e.g. 'emission off'."""


@dataclass(frozen=True, slots=True)
class OrderRefused(Event):
    kind: ClassVar[str] = "order_refused"
    unit: str
    order: str
    reason: str


@dataclass(frozen=True, slots=True)
class RelocationStarted(Event):
    kind: ClassVar[str] = "relocation_started"
    unit: str
    x_km: float
    y_km: float
    ready_turn: int


@dataclass(frozen=True, slots=True)
class RelocationComplete(Event):
    kind: ClassVar[str] = "relocation_complete"
    unit: str
    emitting: bool = added(True, "1.4")
    """Whether it takes to the air again (False: silent, as ordered)."""


# ------------------------------------------------------------------ red side


@dataclass(frozen=True, slots=True)
class RaidEntered(Event):
    kind: ClassVar[str] = "raid_entered"
    raid: str
    threat_type: str
    threat_class: str
    count: int
    target: str
    threats: tuple[int, ...]
    """Ids of its threats (for the after-action report)."""


@dataclass(frozen=True, slots=True)
class ArmLaunched(Event):
    kind: ClassVar[str] = "arm_launched"
    flight: str
    threat: int
    """Id of the anti-radiation missile (a threat)."""
    radar: str
    aim: str = added("", "1.8")
    """Why that radar: the flight's priorities it meets, in order, as 'engagement,
    fired_at_us' ('nearest' if none: the nearest of the emitters left)."""


@dataclass(frozen=True, slots=True)
class ThreatLeft(Event):
    """An aircraft went home (weapons released, ARMs spent, or its time over)."""

    kind: ClassVar[str] = "threat_left"
    threat: int
    threat_class: str


# ------------------------------------------------------------------- picture


@dataclass(frozen=True, slots=True)
class TrackInitiated(Event):
    kind: ClassVar[str] = "track_initiated"
    track: int
    threat: int
    """The threat behind the track: for the after-action report, not the player."""
    threat_class: str
    """The class the track appears to be (a decoy shows what it mimics)."""
    radar: str
    range_km: float


@dataclass(frozen=True, slots=True)
class TrackDropped(Event):
    kind: ClassVar[str] = "track_dropped"
    track: int
    threat: int


# ---------------------------------------------------------------- engagements


@dataclass(frozen=True, slots=True)
class MissileLaunched(Event):
    kind: ClassVar[str] = "missile_launched"
    fire_unit: str
    missile: str
    track: int
    threat: int
    threat_class: str
    pk: float
    """Kill probability of this round at its planned intercept point."""
    range_km: float
    intercept_turn: int
    cost: float
    ordered: bool = added(False, "1.4")
    """Fired on the player's order to engage, not by fire control."""


@dataclass(frozen=True, slots=True)
class InterceptResolved(Event):
    kind: ClassVar[str] = "intercept_resolved"
    fire_unit: str
    missile: str
    track: int
    threat: int
    threat_class: str
    killed: bool
    pk: float
    """Kill probability as planned against the track (what the player was shown)."""
    roll: float
    reason: str
    """Why it missed without a roll ('' if it rolled)."""
    pk_true: float = -1.0
    """What the roll was against: the pk for what the threat really was (the
    after-action report's business; a decoy shows here)."""
    assessed: str = added("", "1.7")
    """What the engagement radar read, which is all blue is told: 'kill', 'miss', or
    'not assessed' (its radar off the air); '' where nothing rolled, and in saves of
    earlier rules, where the result was known at once."""
    kill_confidence: float = added(0.0, "1.7")
    """P(dead | the reading), by Bayes from the planned pk and the radar's error rates."""


@dataclass(frozen=True, slots=True)
class ThreatDestroyed(Event):
    kind: ClassVar[str] = "threat_destroyed"
    threat: int
    threat_class: str
    threat_type: str
    cost: float
    fire_unit: str


@dataclass(frozen=True, slots=True)
class Leaker(Event):
    """A threat reached its target and delivered its warhead."""

    kind: ClassVar[str] = "leaker"
    threat: int
    threat_class: str
    target: str
    damaged: bool
    value_lost: float


@dataclass(frozen=True, slots=True)
class RadarDestroyed(Event):
    kind: ClassVar[str] = "radar_destroyed"
    radar: str
    by: str
    """'arm' or 'strike'."""
    value: float
    threat: int = -1
    """The threat that hit it."""


@dataclass(frozen=True, slots=True)
class ArmMissed(Event):
    kind: ClassVar[str] = "arm_missed"
    threat: int
    radar: str
    reason: str
    pk: float = added(-1.0, "1.8")
    """The kill probability it rolled against (-1: no roll, the radar escaped outright)."""
    roll: float = added(-1.0, "1.8")
    """Its roll, a miss at or above pk (-1: no roll)."""


@dataclass(frozen=True, slots=True)
class CommandPostDestroyed(Event):
    kind: ClassVar[str] = "command_post_destroyed"
    command_post: str
    cut_off: tuple[str, ...]
    """Fire units now fighting alone."""
    value: float = added(0.0, "1.3")
    """What it was worth (saves of rules before 1.3 leave it out: 0)."""


@dataclass(frozen=True, slots=True)
class ReloadComplete(Event):
    kind: ClassVar[str] = "reload_complete"
    fire_unit: str
    missile: str
    rounds: int


@dataclass(frozen=True, slots=True)
class MagazineEmpty(Event):
    """A fire unit has fired its last round of a type, with none left to reload."""

    kind: ClassVar[str] = "magazine_empty"
    fire_unit: str
    missile: str


# ------------------------------------------------------------------ standing orders


@dataclass(frozen=True, slots=True)
class StandingAction(Event):
    """What a standing order made a unit do, and what in the picture made it."""

    kind: ClassVar[str] = "standing_action"
    unit: str
    action: str
    """e.g. 'silent for 3 turns', 'moves to [120, 80]'."""
    because: str
    """e.g. 'ARM track 12 at 38 km'."""


# ------------------------------------------------------------------ injects


@dataclass(frozen=True, slots=True)
class RadarFailed(Event):
    """An inject: a radar fails, silent and out of action until `until_turn`."""

    kind: ClassVar[str] = "radar_failed"
    inject: str
    unit: str
    until_turn: int
    """The turn it is back, emitting again if it was ordered to."""
    message: str = ""
    """The campaign's words for it ('' for none)."""


@dataclass(frozen=True, slots=True)
class LinkCut(Event):
    """An inject: a command post's links are cut; its fire units fight alone."""

    kind: ClassVar[str] = "link_cut"
    inject: str
    command_post: str
    cut_off: tuple[str, ...]
    """Fire units now fighting alone."""
    message: str = ""


@dataclass(frozen=True, slots=True)
class RaidPoppedUp(Event):
    """An inject: a raid held back enters (its `RaidEntered` follows)."""

    kind: ClassVar[str] = "raid_popped_up"
    inject: str
    raid: str
    count: int
    message: str = ""


@dataclass(frozen=True, slots=True)
class Resupplied(Event):
    """An inject: rounds arrive at a fire unit."""

    kind: ClassVar[str] = "resupplied"
    inject: str
    fire_unit: str
    missile: str
    rounds: int
    ready: int
    """Of them, those put on the launchers' free tubes (the rest go into stock)."""
    message: str = ""


@dataclass(frozen=True, slots=True)
class AssetPriorityChanged(Event):
    """An inject: higher command changes a defended asset's priority."""

    kind: ClassVar[str] = "asset_priority_changed"
    inject: str
    asset: str
    priority: float
    was: float
    message: str = ""


@dataclass(frozen=True, slots=True)
class WeaponsReleased(Event):
    """A strike aircraft released its stand-off weapons at its release point: each flies
    on to the target as a threat of its own."""

    kind: ClassVar[str] = "weapons_released"
    raid: str
    aircraft: int
    """Id of the aircraft (a threat)."""
    weapon: str
    """The weapons' threat type."""
    threat_class: str
    target: str
    threats: tuple[int, ...]
    """Ids of the weapons (threats from now on)."""
    x_km: float
    y_km: float
    """The release point."""


@dataclass(frozen=True, slots=True)
class RaidRetargeted(Event):
    """A raid's target is destroyed: its members still flying at it move on to the next."""

    kind: ClassVar[str] = "raid_retargeted"
    raid: str
    target: str
    """The target they fly at now."""
    was: str
    threats: tuple[int, ...]
    """Ids of the members re-aimed (aircraft, weapons in the air, those still to enter)."""


# ------------------------------------------------------------------ false alarms


@dataclass(frozen=True, slots=True)
class FalseTrack(Event):
    """The truth of a track made of noise: a radar's false alarm, which formed the track
    of the `TrackInitiated` that follows (its `threat` a phantom slot). Secret: blue sees
    only the track."""

    kind: ClassVar[str] = "false_track"
    track: int
    threat: int
    """The phantom slot it lives in (reused once the track has ended)."""
    radar: str
    x_km: float
    y_km: float
    alt_m: float
    """Where the false alarm put it: nothing is there."""


KINDS.update(
    {
        cls.kind: cls
        for cls in list(globals().values())
        if isinstance(cls, type) and issubclass(cls, Event) and cls is not Event
    }
)
