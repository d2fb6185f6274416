"""The after-action report, computed from a game's events alone.

`build_aar(events)` is a pure function: the same events give the same `Aar`,
whatever rules are installed today, so a save of older rules reports as it was
played. The renderers (`walk.py` and the `render_*` modules) only lay it out.

Classes: `TrackInitiated.threat_class` and `MissileLaunched.threat_class` are
the class a track *appears* to be (a decoy shows what it mimics); the true
class of each threat id comes from `RaidEntered` (and `ArmLaunched`, class
`arm`), and that is the class every table here counts by.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wargame.campaign.schema import a_class
from wargame.engine.events import (
    ArmLaunched,
    ArmMissed,
    AssetPriorityChanged,
    CommandPostDestroyed,
    Event,
    FalseTrack,
    GameOver,
    GameStarted,
    InterceptResolved,
    Leaker,
    LinkCut,
    MagazineEmpty,
    MissileLaunched,
    OrderAccepted,
    OrderRefused,
    RadarDestroyed,
    RadarFailed,
    RaidEntered,
    RaidPoppedUp,
    RaidRetargeted,
    RelocationComplete,
    RelocationStarted,
    Resupplied,
    StandingAction,
    ThreatDestroyed,
    ThreatLeft,
    TrackInitiated,
    TurnEnded,
    WeaponsReleased,
)
from wargame.report.decisions import DecidingTurns, Decision, deciding_turns, decisions
from wargame.report.describe import describe
from wargame.report.engagements import Engagement, engagements
from wargame.report.false_tracks import FALSE_TRACK, false_track_moment, false_track_notes
from wargame.report.luck import Luck
from wargame.report.score_card import ObjectiveLine, ScoreCard, score_card

if TYPE_CHECKING:  # (the theatre's module plays games: numpy, loaded only by its callers)
    from wargame.report.theatre import Theatre

NOTABLE = (
    GameOver,
    OrderAccepted,
    OrderRefused,
    RelocationStarted,
    RelocationComplete,
    RaidEntered,
    ArmLaunched,
    ArmMissed,
    ThreatLeft,
    Leaker,
    RadarDestroyed,
    CommandPostDestroyed,
    MagazineEmpty,
    StandingAction,
    RadarFailed,
    LinkCut,
    RaidPoppedUp,
    Resupplied,
    AssetPriorityChanged,
    WeaponsReleased,
    RaidRetargeted,
)
"""Events that get a line of their own in the timeline (kills and launches are counted;
a turn's false tracks, several a turn, share one line)."""


@dataclass(frozen=True)
class TurnLine:
    """One turn of the timeline."""

    turn: int
    entered: int
    """Threats that came into the air this turn (ARMs included)."""
    in_air: int
    """Threats in the air at the end of the turn."""
    launches: int
    kills: int
    leakers: int
    notes: tuple[str, ...]


@dataclass(frozen=True)
class ThreatRow:
    """Threats of one true class."""

    threat_class: str
    spawned: int = 0
    detected: int = 0
    engaged: int = 0
    """Threats fired at at least once."""
    killed: int = 0
    leaked: int = 0
    """Reached their target (an ARM: destroyed its radar)."""


@dataclass(frozen=True)
class InterceptorRow:
    """Interceptors of one missile type."""

    missile: str
    fired: int
    ordered: int
    """Rounds fired on the player's orders to engage (the rest, by fire control)."""
    met: int
    """Rounds that met their target and rolled: fired, less those whose target was already
    destroyed or gone, and those that lost guidance."""
    kills: int
    cost: float
    observed_kill_rate: float | None
    """Kills per round that met its target (rounds whose target was already gone, or
    that lost guidance, are left out)."""
    nominal_kill_rate: float | None
    """Mean planned kill probability of those rounds: what the fire control expected."""


@dataclass(frozen=True)
class UnmetRow:
    """Rounds that met nothing, for one reason: the overkill and the waste of a game."""

    reason: str
    rounds: int
    cost: float


@dataclass(frozen=True)
class Exchange:
    """The economics of the fight, M$."""

    interceptor_cost: float
    threat_cost_destroyed: float
    asset_value_lost: float
    radar_value_lost: float
    """Radars and command posts."""
    exchange_ratio: float | None
    """Threat cost destroyed per M$ of interceptors (None if none fired)."""


@dataclass(frozen=True)
class RadarRow:
    radar: str
    value: float
    turns_emitting: int
    emitting_share: float | None
    """Share of the turns played it spent emitting."""
    lost_turn: int | None = None
    lost_by: str = ""
    """'arm' or 'strike' if destroyed."""


@dataclass(frozen=True)
class AssetRow:
    asset: str
    value: float
    hits: int
    """Leakers that reached it."""
    damaging_hits: int
    value_lost: float
    share_lost: float | None


@dataclass(frozen=True)
class KeyMoment:
    turn: int
    kind: str
    """first_detection, first_leaker, largest_loss, magazine_empty, radar_lost,
    command_post_lost, false_tracks or game_over."""
    text: str


@dataclass(frozen=True)
class Aar:
    """The after-action report of one game."""

    title: str
    seed: int | None
    seconds_per_turn: float
    turns: int
    timeline: tuple[TurnLine, ...]
    threats: tuple[ThreatRow, ...]
    interceptors: tuple[InterceptorRow, ...]
    unmet: tuple[UnmetRow, ...]
    """Rounds that met nothing, by reason, the most costly first."""
    exchange: Exchange
    radars: tuple[RadarRow, ...]
    radars_lost_to_arms: tuple[str, ...]
    assets: tuple[AssetRow, ...]
    key_moments: tuple[KeyMoment, ...]
    score: ScoreCard
    player: str = ""
    campaign: str = ""
    """The campaign's file name, if the caller knows it."""
    briefing: str = ""
    """The campaign's Markdown briefing, if the caller wants it shown."""
    engagements: tuple[Engagement, ...] = ()
    """Every salvo fired, with its result (`engagements.py`)."""
    decisions: tuple[Decision, ...] = ()
    """The player's orders beside the events they answered (`decisions.py`)."""
    deciding: tuple[DecidingTurns, ...] = ()
    """For each objective, the turns that decided it."""
    theatre: Theatre | None = None
    """The paths flown and tracked, for the engagement map, if the caller played the game
    again (`theatre.theatre_of`)."""
    luck: Luck | None = None
    """This game's orders on other seeds and the doctrine beside them (`analysis.luck`):
    set only when asked for, as it costs a game per seed."""
    false_tracks: tuple[int, ...] = ()
    """The tracks the radars made of noise (false alarms), by id: no threat was there."""
    rounds_at_false_tracks: int = 0
    """Rounds fired at them: wasted."""


@dataclass
class _Threat:
    cls: str
    """The true class."""
    detected: bool = False
    engaged: bool = False


@dataclass
class _Weapon:
    fired: int = 0
    ordered: int = 0
    kills: int = 0
    cost: float = 0.0
    rolled: int = 0
    pk_sum: float = 0.0


@dataclass
class _Turn:
    entered: int = 0
    in_air: int | None = None
    launches: int = 0
    kills: int = 0
    leakers: int = 0
    notes: list[str] = field(default_factory=list)


__all__ = ["ObjectiveLine", "ScoreCard"]  # (re-exported: their home is score_card)

THREAT_COUNTS = ("spawned", "detected", "engaged", "killed", "leaked")
"""What `ThreatRow` counts per true class, in its order."""


class _Tally:
    """The running counts of one walk through the events."""

    def __init__(self) -> None:
        self.started: GameStarted | None = None
        self.fallback_weights: tuple[float, ...] = ()
        self.wording: Callable[[Event], str] = describe
        self.over: GameOver | None = None
        self.last_score = 0.0
        self.last_turn = 0
        self.threats: dict[int, _Threat] = {}
        self.rows: dict[str, dict[str, int]] = {}
        self.weapons: dict[str, _Weapon] = defaultdict(_Weapon)
        self.round_cost: dict[str, float] = {}
        self.unmet: dict[str, tuple[int, float]] = {}
        self.turns: dict[int, _Turn] = defaultdict(_Turn)
        self.in_air: set[int] = set()
        self.arm_aim: dict[int, str] = {}
        self.emitting: dict[str, int] = defaultdict(int)
        self.radar_value: dict[str, float] = {}
        self.radar_lost: dict[str, tuple[int, str]] = {}
        self.assets: dict[str, float] = {}
        self.hits: dict[str, list[float]] = defaultdict(list)
        """Value lost by each leaker at an asset; -1 for a hit that did no damage."""
        self.asset_lost = 0.0
        self.radar_value_lost = 0.0
        self.post_hit_by_leaker = ""
        """The command post the last leaker destroyed (its loss already counted)."""
        self.destroyed_cost = 0.0
        self.moments: list[KeyMoment] = []
        self.largest: tuple[float, int, str] | None = None
        self.false_tracks: dict[int, int] = {}
        """Track id -> turn formed, of the tracks made of noise."""
        self.false_rounds = 0

    # ------------------------------------------------------------ helpers

    def count(self, cls: str, what: str) -> None:
        self.rows.setdefault(cls, dict.fromkeys(THREAT_COUNTS, 0))[what] += 1

    def threat(self, threat: int, apparent: str) -> _Threat:
        """A threat by id; one never seen entering is taken for what it looked like."""
        return self.threats.setdefault(threat, _Threat(apparent))

    def enter(self, threat: int, cls: str, turn: int) -> None:
        self.threats[threat] = _Threat(cls)
        self.in_air.add(threat)
        self.turns[turn].entered += 1
        self.count(cls, "spawned")

    def moment(self, turn: int, kind: str, text: str, once: bool = False) -> None:
        if not (once and any(m.kind == kind for m in self.moments)):
            self.moments.append(KeyMoment(turn, kind, text))

    def loss(self, value: float, turn: int, text: str) -> None:
        if value > 0 and (self.largest is None or value > self.largest[0]):
            self.largest = (value, turn, text)

    # ------------------------------------------------------------- events

    def feed(self, event: Event) -> None:
        turn = event.turn
        self.last_turn = max(self.last_turn, turn)
        if isinstance(event, NOTABLE):
            self.turns[turn].notes.append(self.wording(event))
        match event:
            case GameStarted():
                self.started = event
                self.radar_value.update({name: value for name, value, _ in event.radars})
                self.assets.update(dict(event.assets))
            case RaidEntered() | WeaponsReleased():  # a raid; an aircraft's stand-off weapons
                for threat in event.threats:
                    self.enter(threat, event.threat_class, turn)
            case ArmLaunched():
                self.enter(event.threat, "arm", turn)
                self.arm_aim[event.threat] = event.radar
            case FalseTrack():
                self.false_tracks[event.track] = turn
            case TrackInitiated() if event.track not in self.false_tracks:  # (noise: nothing)
                known = self.threat(event.threat, event.threat_class)
                if not known.detected:
                    known.detected = True
                    self.count(known.cls, "detected")
                self.moment(
                    turn,
                    "first_detection",
                    f"first detection: {event.radar} saw {a_class(known.cls)} "
                    f"at {event.range_km:.0f} km",
                    once=True,
                )
            case MissileLaunched():
                w = self.weapons[event.missile]
                w.fired += 1
                w.ordered += int(event.ordered)
                w.cost += event.cost
                self.round_cost[event.missile] = event.cost
                self.turns[turn].launches += 1
                if event.track in self.false_tracks:
                    self.false_rounds += 1
                    return  # wasted on noise: no threat engaged
                known = self.threat(event.threat, event.threat_class)
                if not known.engaged:
                    known.engaged = True
                    self.count(known.cls, "engaged")
            case InterceptResolved() if event.reason or event.track in self.false_tracks:
                reason = event.reason or FALSE_TRACK  # a round at noise met nothing
                rounds, cost = self.unmet.get(reason, (0, 0.0))
                self.unmet[reason] = (rounds + 1, cost + self.round_cost.get(event.missile, 0.0))
            case InterceptResolved():
                # Only rounds that met their target rolled; one whose target was
                # already destroyed neither hit nor missed.
                w = self.weapons[event.missile]
                w.rolled += 1
                w.pk_sum += event.pk
                w.kills += int(event.killed)
            case ThreatDestroyed():
                self.destroyed_cost += event.cost
                self.count(event.threat_class, "killed")
                self.turns[turn].kills += 1
                self.in_air.discard(event.threat)
            case Leaker():
                self.leaker(event)
            case ThreatLeft() | ArmMissed():
                self.in_air.discard(event.threat)
            case RadarDestroyed():
                self.radar_destroyed(event)
            case CommandPostDestroyed():
                # A strike aimed at the post has counted it with its leaker; one that hit
                # the asset the post stood on has not.
                if event.command_post != self.post_hit_by_leaker:
                    self.radar_value_lost += event.value
                    self.loss(
                        event.value,
                        turn,
                        f"{event.command_post} lost {event.value:g} M$ with the site it stood on",
                    )
                self.moment(
                    turn, "command_post_lost", f"command post {event.command_post} destroyed"
                )
            case MagazineEmpty():
                self.moment(turn, "magazine_empty", f"{event.fire_unit} ran out of {event.missile}")
            case TurnEnded():
                for radar in event.emitting:
                    self.emitting[radar] += 1
                self.last_score = event.score
                self.turns[turn].in_air = len(self.in_air)
            case GameOver():
                self.over = event
                self.moment(turn, "game_over", describe(event))
            case _:
                pass  # the other kinds add nothing to the report

    def leaker(self, event: Leaker) -> None:
        turn = event.turn
        self.count(event.threat_class, "leaked")
        self.turns[turn].leakers += 1
        self.in_air.discard(event.threat)
        if event.target in self.assets:
            self.hits[event.target].append(event.value_lost if event.damaged else -1.0)
            self.asset_lost += event.value_lost
        elif event.damaged and event.target not in self.radar_value:
            # A command post (radars come as RadarDestroyed).
            self.radar_value_lost += event.value_lost
            self.post_hit_by_leaker = event.target
        self.loss(
            event.value_lost,
            turn,
            f"{event.target} lost {event.value_lost:g} M$ to {a_class(event.threat_class)}",
        )
        self.moment(
            turn,
            "first_leaker",
            f"first leaker: {a_class(event.threat_class)} reached {event.target}",
            once=True,
        )

    def radar_destroyed(self, event: RadarDestroyed) -> None:
        turn = event.turn
        self.radar_lost[event.radar] = (turn, event.by)
        self.radar_value_lost += event.value
        by = "an anti-radiation missile" if event.by == "arm" else "a strike"
        self.moment(turn, "radar_lost", f"{event.radar} destroyed by {by}")
        if event.by == "arm":
            self.count("arm", "leaked")
            # The event does not name the missile: take the earliest ARM in the air aimed here.
            aimed = [a for a in self.in_air if self.arm_aim.get(a) == event.radar]
            if aimed:
                self.in_air.discard(min(aimed))
            self.loss(
                event.value,
                turn,
                f"{event.radar} ({event.value:g} M$) to an anti-radiation missile",
            )

    # -------------------------------------------------------------- result

    def timeline(self) -> tuple[TurnLine, ...]:
        noise = false_track_notes(self.false_tracks)
        lines = []
        for t in range(1, self.last_turn + 1):
            turn = self.turns[t]
            notes = [*turn.notes, *([noise[t]] if t in noise else [])]
            in_air = turn.in_air if turn.in_air is not None else len(self.in_air)
            lines.append(
                TurnLine(
                    t,
                    turn.entered,
                    in_air,
                    turn.launches,
                    turn.kills,
                    turn.leakers,
                    tuple(notes),
                )
            )
        return tuple(lines)

    def score(self) -> ScoreCard:
        recorded = self.started.score_weights if self.started else ()
        return score_card(self.over, self.last_score, recorded or self.fallback_weights)

    def exchange(self) -> Exchange:
        spent = round(sum(w.cost for w in self.weapons.values()), 3)
        return Exchange(
            interceptor_cost=spent,
            threat_cost_destroyed=round(self.destroyed_cost, 3),
            asset_value_lost=round(self.asset_lost, 3),
            radar_value_lost=round(self.radar_value_lost, 3),
            exchange_ratio=round(self.destroyed_cost / spent, 3) if spent > 0 else None,
        )

    def interceptors(self) -> tuple[InterceptorRow, ...]:
        return tuple(
            InterceptorRow(
                missile=name,
                fired=w.fired,
                ordered=w.ordered,
                met=w.rolled,
                kills=w.kills,
                cost=round(w.cost, 3),
                observed_kill_rate=_ratio(w.kills, w.rolled),
                nominal_kill_rate=_ratio(w.pk_sum, w.rolled),
            )
            for name, w in self.weapons.items()
        )

    def unmet_rows(self) -> tuple[UnmetRow, ...]:
        rows = [UnmetRow(reason, n, round(cost, 3)) for reason, (n, cost) in self.unmet.items()]
        return tuple(sorted(rows, key=lambda r: (-r.cost, -r.rounds, r.reason)))

    def radars(self) -> tuple[RadarRow, ...]:
        rows = []
        for name, value in self.radar_value.items():
            lost_turn, lost_by = self.radar_lost.get(name, (None, ""))
            emitting = self.emitting.get(name, 0)
            rows.append(
                RadarRow(
                    name, value, emitting, _ratio(emitting, self.last_turn), lost_turn, lost_by
                )
            )
        return tuple(rows)

    def asset_rows(self) -> tuple[AssetRow, ...]:
        rows = []
        for name, value in self.assets.items():
            hits = self.hits.get(name, [])
            lost = round(sum((v for v in hits if v > 0), 0.0), 3)
            damaging = sum(1 for v in hits if v >= 0)
            rows.append(AssetRow(name, value, len(hits), damaging, lost, _ratio(lost, value)))
        return tuple(rows)

    def key_moments(self) -> tuple[KeyMoment, ...]:
        moments = list(self.moments)
        noise = false_track_moment(self.false_tracks, self.false_rounds)
        if noise is not None:
            moments.append(KeyMoment(noise[0], "false_tracks", noise[1]))
        if self.largest is not None:
            _, turn, text = self.largest
            moments.append(KeyMoment(turn, "largest_loss", f"largest loss: {text}"))
        # stable: within a turn, in the order they happened (the largest loss last)
        return tuple(sorted(moments, key=lambda m: m.turn))


def _ratio(part: float, whole: float) -> float | None:
    return round(part / whole, 3) if whole > 0 else None


def build_aar(
    events: Iterable[Event],
    *,
    player: str = "",
    campaign: str = "",
    briefing: str = "",
    score_weights: tuple[float, ...] = (),
    wording: Callable[[Event], str] = describe,
    theatre: Theatre | None = None,
) -> Aar:
    """The after-action report of a game from its events (GameStarted first, if known).
    `score_weights` stand in for the scoring a game of earlier rules did not record;
    `wording` words the timeline's notes (the truth's, by default: blue's mid-game)."""
    events = list(events)  # walked twice: the tally, then the engagements
    tally = _Tally()
    tally.fallback_weights = score_weights
    tally.wording = wording
    for event in events:
        tally.feed(event)
    started = tally.started
    return Aar(
        title=started.title if started else "",
        seed=started.seed if started else None,
        seconds_per_turn=started.seconds_per_turn if started else 0.0,
        turns=tally.last_turn,
        timeline=tally.timeline(),
        threats=tuple(ThreatRow(cls, **counts) for cls, counts in tally.rows.items()),
        interceptors=tally.interceptors(),
        unmet=tally.unmet_rows(),
        exchange=tally.exchange(),
        radars=tally.radars(),
        radars_lost_to_arms=tuple(n for n, (_, by) in tally.radar_lost.items() if by == "arm"),
        assets=tally.asset_rows(),
        key_moments=tally.key_moments(),
        score=tally.score(),
        player=player,
        campaign=campaign,
        briefing=briefing,
        engagements=engagements(events),
        decisions=decisions(events),
        deciding=deciding_turns(
            events, [(o.label, o.met, o.reason) for o in tally.score().objectives]
        ),
        theatre=theatre,
        false_tracks=tuple(sorted(tally.false_tracks)),
        rounds_at_false_tracks=tally.false_rounds,
    )
