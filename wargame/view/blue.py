"""What blue may know: the one place that decides it.

The engine's state and events are the truth, red's side included. What the player
is shown during play passes through here, as Gymnasium keeps `observation(state)`
beside its transition:

- the tracks shown (`shown_tracks`): what the radars report, never the threats;
- the score as assessed (`assessed`, `assessed_score`): each threat destroyed counted
  at the cost of what the radars took it for, so that a kill does not give a decoy away;
- for every kind of event, what blue sees of it (`SIGHT`): all of it, what its radars
  saw of it, or nothing. `blue_events` applies that to a run of events, and
  `blue_text` words each event as blue reads it: the one wording of the events blue
  sees whole, which the after-action report uses too;
- the campaign's objectives as the radars see them (`live_objectives`);
- red's entry points, only once the truth may be told (`entry_points`).

The play log (`log_lines`), the map (`map_frame`), the track table and the unit panel
(`picture`), the status bar and the mid-game report (`wargame.play.aar_view`) read it.
Imports the engine and the campaign format only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import Final, Literal, assert_never

import numpy as np

from wargame.campaign.schema import class_words
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
    ReloadComplete,
    RelocationComplete,
    RelocationStarted,
    Resupplied,
    StandingAction,
    ThreatDestroyed,
    ThreatLeft,
    TrackDropped,
    TrackInitiated,
    TurnEnded,
    WeaponsReleased,
    r3,
)
from wargame.engine.game import score_of
from wargame.engine.kill_assessment import NOT_ASSESSED, READ_KILL, held_tracks
from wargame.engine.objectives import ObjectiveResult, ever_seen, judge, tally_over
from wargame.engine.scenario import CLASS_NAMES, ROLE_STRIKE, Scenario
from wargame.engine.state import KILLED, NEVER, State
from wargame.engine.tracking import position_variance
from wargame.view.words import clock, short_missile

# ------------------------------------------------------------------ tracks


def shown_tracks(st: State) -> np.ndarray:
    """Threat slots that have a track the player sees, in track-id order.

    A track whose end blue has been told of (a kill read as one, a leaker, gone home)
    stays in the arrays until the next detection phase; like the engine's own
    `picture`, the screen no longer shows it. A kill read as a miss keeps its track."""
    slots = np.flatnonzero(held_tracks(st))
    return slots[np.argsort(st.track_id[slots], kind="stable")]


def track_slot(st: State, track: int) -> int:
    """The slot of a shown track id, or -1."""
    hit = np.flatnonzero((st.track_id == track) & held_tracks(st))
    return int(hit[0]) if hit.size else -1


def confirmed_news(
    sc: Scenario, before: State, after: State, seen: Iterable[Event]
) -> list[TrackInitiated]:
    """The tracks that became news in the turn from `before` to `after`: those confirmed
    in it (a tentative track may be a false alarm, and is no news yet), each as its
    `TrackInitiated` of the turn (`seen`) told it, or, for a track begun in an earlier
    turn, as it stands now. In track-id order."""
    told = {e.track: e for e in seen if isinstance(e, TrackInitiated)}
    held = held_tracks(after) & after.track_confirmed
    was = (before.track_id == after.track_id) & before.track_confirmed
    news = []
    for slot in np.flatnonzero(held & ~was).tolist():
        track = int(after.track_id[slot])
        if track in told:
            news.append(told[track])
            continue
        radar = int(after.track_radar[slot])
        news.append(
            TrackInitiated(
                turn=after.turn,
                track=track,
                threat=slot,
                threat_class=CLASS_NAMES[int(after.track_class[slot])],
                radar=sc.r_name[radar] if radar >= 0 else "",
                range_km=0.0,
            )
        )
    return sorted(news, key=lambda e: e.track)


def track_error_km(sc: Scenario, st: State, slots: np.ndarray) -> np.ndarray:
    """How far off each track's estimated position may be now, km: its filter's standard
    error per axis, carried over the time it has coasted. The radars' own reckoning of
    their accuracy, which blue may know (the track's quality)."""
    return np.asarray(np.sqrt(position_variance(sc, st, slots)))


# ------------------------------------------------------------------- score


def assessed(score: float, hidden_cost: float, weight: float) -> float:
    """A true score as blue may know it: less `hidden_cost`, what the threats destroyed
    truly cost beyond what the radars took them for, at the campaign's `weight` per M$."""
    return score - weight * hidden_cost


def assessed_score(sc: Scenario, st: State) -> float:
    """The score now as the defence can know it in play (the status bar's): the threats
    its radars read as killed, at what they seemed to cost (the kills they missed not
    counted); the report at the end tells the truth."""
    killed = st.status == KILLED
    believed = st.track_assessed_turn != NEVER  # its last intercept read as a kill
    hidden = float(sc.t_cost[killed].sum() - sc.t_apparent_cost[believed].sum())
    return assessed(
        score_of(sc, st).total, hidden, sc.loaded.campaign.scoring.threat_cost_destroyed
    )


# -------------------------------------------------------------- objectives


def live_objectives(sc: Scenario, st: State) -> tuple[ObjectiveResult, ...]:
    """Each of the campaign's objectives as the defence can judge it in play: on the
    threats its radars have seen, each as the class its track shows (a decoy shot down
    before it was unmasked counts as what it mimicked), a raid's aircraft destroyed as
    the tracks of its class whose last intercept was read as a kill. Its own losses and
    spending it knows. The report at the end judges them on the truth."""
    seen = ever_seen(st)
    raid_class: dict[str, int] = {}
    for g, raid in enumerate(sc.raid_names):
        slots = np.flatnonzero((sc.t_role == ROLE_STRIKE) & (sc.t_group == g))
        raid_class[raid] = int(sc.t_apparent_class[slots[0]]) if slots.size else -1
    # Destroyed as the kill assessment read them, never the truth.
    figures = tally_over(sc, st, st.track_class, seen, raid_class, st.track_assessed_turn != NEVER)
    return judge(sc.loaded.campaign.objectives, figures)


# ------------------------------------------------------------------ events

Sight = Literal["shown", "as_seen", "secret"]
"""What blue sees of an event: all of it, in the one wording (`blue_text`) the report
uses too; what its radars saw of it (`blue_events` takes out what they could not know,
and the report tells the truth in its own words); or nothing (red's side)."""

SIGHT: Final[Mapping[type[Event], Sight]] = MappingProxyType(
    {
        GameStarted: "as_seen",  # not how many threats red sends
        TurnEnded: "as_seen",  # the score as assessed
        GameOver: "shown",  # the game is over: the truth may be told
        OrderAccepted: "shown",
        OrderRefused: "shown",
        RelocationStarted: "shown",
        RelocationComplete: "shown",
        RaidEntered: "secret",
        ArmLaunched: "secret",
        ThreatLeft: "secret",  # its track coasts on until the radars drop it
        TrackInitiated: "shown",  # (its threat id is for the report's counts, not shown)
        TrackDropped: "shown",
        MissileLaunched: "shown",  # (its class is the track's)
        InterceptResolved: "as_seen",  # what the radar read, not the truth nor the true Pk
        ThreatDestroyed: "as_seen",  # if read as a kill: as its track appeared, at that cost
        Leaker: "as_seen",  # as its track appeared
        RadarDestroyed: "shown",
        ArmMissed: "as_seen",  # not which of red's missiles it was
        CommandPostDestroyed: "shown",
        ReloadComplete: "shown",
        MagazineEmpty: "shown",
        StandingAction: "shown",  # what a standing order did, on the picture
        RadarFailed: "shown",  # an inject: blue knows its own radar is down
        LinkCut: "shown",
        RaidPoppedUp: "secret",  # red's side: its tracks tell it
        Resupplied: "shown",
        AssetPriorityChanged: "shown",  # an inject: higher command's order to blue
        WeaponsReleased: "secret",  # red's side: the weapons' tracks tell it
        RaidRetargeted: "secret",
        FalseTrack: "secret",  # the truth of a track made of noise: blue sees the track
    }
)
"""Every kind of event and what blue sees of it (a test holds it to `events.KINDS`)."""

AnyEvent = (
    GameStarted
    | TurnEnded
    | GameOver
    | OrderAccepted
    | OrderRefused
    | RelocationStarted
    | RelocationComplete
    | RaidEntered
    | ArmLaunched
    | ThreatLeft
    | TrackInitiated
    | TrackDropped
    | MissileLaunched
    | InterceptResolved
    | ThreatDestroyed
    | Leaker
    | RadarDestroyed
    | ArmMissed
    | CommandPostDestroyed
    | ReloadComplete
    | MagazineEmpty
    | StandingAction
    | RadarFailed
    | LinkCut
    | RaidPoppedUp
    | Resupplied
    | AssetPriorityChanged
    | WeaponsReleased
    | RaidRetargeted
    | FalseTrack
)
"""Every kind of event as one type, so that a `match` over the kinds ends in
`assert_never` and a kind left out fails type checking."""

UNKNOWN = "unidentified"
"""The class of a threat destroyed or leaking that no track showed."""


def known(event: Event) -> AnyEvent:
    """The event as one of the kinds blue has a rule for; TypeError for any other."""
    if isinstance(event, AnyEvent):
        return event
    raise TypeError(f"no blue rule for events of kind '{event.kind}'")


def sight(event: Event) -> Sight:
    """What blue sees of this event (TypeError for a kind with no rule)."""
    try:
        return SIGHT[type(event)]
    except KeyError:
        raise TypeError(f"no blue rule for events of kind '{event.kind}'") from None


def blue_events(events: Iterable[Event], scenario: Scenario | None = None) -> list[Event]:
    """The events as blue knows them: red's side taken out, and what the radars could
    not know replaced by what they saw. Each threat destroyed or leaking takes the class
    its track appeared to be; with the `scenario`, each threat destroyed is costed as what
    it seemed, in the event and (`assessed`) in the score at each turn's end. Without it,
    a threat destroyed carries no cost and the turn's score is left as it is: a caller
    that shows either must give the scenario."""
    apparent: dict[int, str] = {}
    unread: set[int] = set()  # threats killed, the kill read as a miss or not read
    believed: set[int] = set()  # threats read as killed while they flew on
    out: list[Event] = []
    hidden = 0.0  # true cost less seeming cost of the threats destroyed so far
    weight = scenario.loaded.campaign.scoring.threat_cost_destroyed if scenario else 0.0
    for event in events:
        if sight(event) == "secret":
            continue
        match event:
            case GameStarted():
                event = replace(event, threats=0)
            case TrackInitiated():
                apparent.setdefault(event.threat, event.threat_class)
            case InterceptResolved():
                if event.killed and event.assessed and event.assessed != READ_KILL:
                    unread.add(event.threat)  # a kill its radar did not read as one
                told = as_told(event)
                if event.reason and event.threat in unread:
                    told = replace(told, reason=NO_TARGET)
                if told.killed and not event.killed and event.threat not in believed:
                    # A miss read as a kill: blue counts it destroyed, as what it seemed.
                    believed.add(event.threat)
                    seemed = 0.0 if scenario is None else r3(scenario.t_apparent_cost[event.threat])
                    hidden -= seemed
                    cls = apparent.get(event.threat, UNKNOWN)
                    out.append(told)
                    event = ThreatDestroyed(
                        event.turn, event.threat, cls, "", seemed, event.fire_unit
                    )
                else:
                    event = told
            case ThreatDestroyed() if event.threat in unread | believed:
                if scenario is not None:
                    hidden += event.cost
                continue  # blue is not told, or was when it read a miss as a kill
            case ThreatDestroyed():
                seemed = 0.0  # unknown without the scenario: never the true cost
                if scenario is not None:
                    seemed = r3(scenario.t_apparent_cost[event.threat])
                    hidden += event.cost - seemed
                cls = apparent.get(event.threat, UNKNOWN)
                event = replace(event, threat_class=cls, threat_type="", cost=seemed)
            case TurnEnded() if hidden:
                event = replace(event, score=r3(assessed(event.score, hidden, weight)))
            case Leaker():
                event = replace(event, threat_class=apparent.get(event.threat, UNKNOWN))
        out.append(event)
    return out


NO_TARGET = "no target found"
"""Why a missile met nothing, as blue sees it, at a track whose kill its radar did not
read: blue cannot know the target was destroyed."""


def as_told(event: InterceptResolved) -> InterceptResolved:
    """An intercept as blue was told of it: killed as its radar read it (as it was, in
    saves of rules before 1.7), and the Pk as planned."""
    told = replace(event, pk_true=event.pk)
    if event.assessed:
        told = replace(told, killed=event.assessed == READ_KILL)
    return told


def end_of_turn(event: TurnEnded, score: str = "") -> str:
    """The line between turns in the log; `score` only where the truth may be told
    (in play the score is the status bar's, as assessed)."""
    shown = f" · score {score}" if score else ""
    return f"── end of turn {event.turn} · {clock(event.time_s)}{shown} ──"


def launch_text(event: MissileLaunched, rounds: int = 1, *, full_names: bool = False) -> str:
    """A launch (a salvo of `rounds`), short enough for an 80-column log."""
    missile = event.missile if full_names else short_missile(event.missile)
    what = f"a {missile}" if rounds == 1 else f"{rounds} × {missile}"
    each = "" if rounds == 1 else " each"
    return (
        f"{event.fire_unit} fired {what} at track {event.track}: {event.range_km:.0f} km, "
        f"Pk {event.pk:.2f}{each}, due T{event.intercept_turn}"
    )


def blue_text(event: Event, *, full_names: bool = False) -> str | None:
    """The event as blue reads it, or None if it has no line of its own (red's side; a
    threat destroyed, which the intercept's line tells). Missiles by their short names
    ('48N6') unless `full_names` ('48N6-class', as the report names them)."""
    e = known(event)

    def missile(name: str) -> str:
        return name if full_names else short_missile(name)

    match e:
        case GameStarted():
            return f"{e.title}: {len(e.fire_units)} fire units ready (seed {e.seed})"
        case TurnEnded():
            return end_of_turn(e)
        case GameOver():
            ended = e.termination.replace("_", " ")
            graded = f", grade {e.grade}" if e.grade else ""
            return f"game over: {e.result} ({ended}), score {e.score:g}{graded}"
        case OrderAccepted():
            return f"{e.unit}: {e.order}"
        case OrderRefused():
            return f"{e.unit}: '{e.order}' refused: {e.reason}"
        case RelocationStarted():
            return (
                f"{e.unit} packs up for [{e.x_km:g}, {e.y_km:g}]: silent until turn {e.ready_turn}"
            )
        case RelocationComplete():
            if e.emitting:
                return f"{e.unit} is set up and emitting again"
            return f"{e.unit} is set up, and silent as ordered"
        case RaidEntered() | ArmLaunched() | ThreatLeft():
            return None  # red's side
        case TrackInitiated():
            return (
                f"new track {e.track}: {class_words(e.threat_class)}, "
                f"seen by {e.radar} at {e.range_km:.0f} km"
            )
        case TrackDropped():
            return f"track {e.track} lost"
        case MissileLaunched():
            return launch_text(e, full_names=full_names)
        case InterceptResolved():
            if e.reason:
                return (
                    f"{e.fire_unit}'s {missile(e.missile)} on track {e.track}: "
                    f"no intercept ({e.reason})"
                )
            shot = f"{e.fire_unit}'s {missile(e.missile)}"
            if e.assessed == NOT_ASSESSED:
                return f"{shot} at track {e.track}: not assessed (its radar is off the air)"
            sure = f" (assessed {e.kill_confidence:.0%})" if e.assessed else ""
            if e.killed:
                return f"track {e.track} destroyed by {shot}{sure}"
            return f"{shot} missed track {e.track}"
        case ThreatDestroyed():
            return None  # the intercept's line tells it
        case Leaker():
            if e.damaged:
                return f"{e.target} hit: {e.value_lost:g} M$ lost"
            return f"a threat reached {e.target}: no damage"
        case RadarDestroyed():
            by = "an anti-radiation missile" if e.by == "arm" else "a strike"
            return f"{e.radar} destroyed by {by} ({e.value:g} M$)"
        case ArmMissed():
            return f"an anti-radiation missile missed {e.radar} ({e.reason})"
        case CommandPostDestroyed():
            alone = ", ".join(e.cut_off) or "no unit"
            return f"command post {e.command_post} destroyed; fighting alone: {alone}"
        case ReloadComplete():
            return f"{e.fire_unit} reloaded {e.rounds} × {missile(e.missile)}"
        case MagazineEmpty():
            return f"{e.fire_unit} fired its last {missile(e.missile)}"
        case StandingAction():
            return f"{e.unit} {e.action}: {e.because}"
        case RadarFailed():
            said = f"{e.message} " if e.message else ""
            return f"{said}{e.unit} has failed: silent, out of action until turn {e.until_turn}"
        case LinkCut():
            said = f"{e.message} " if e.message else ""
            alone = ", ".join(e.cut_off) or "no unit"
            return f"{said}links to {e.command_post} cut; fighting alone: {alone}"
        case RaidPoppedUp():
            return None  # red's side
        case Resupplied():
            said = f"{e.message} " if e.message else ""
            stock = e.rounds - e.ready
            into = f"{e.ready} ready" + (f", {stock} in stock" if stock else "")
            return f"{said}{e.fire_unit} resupplied: {e.rounds} × {missile(e.missile)} ({into})"
        case AssetPriorityChanged():
            said = f"{e.message} " if e.message else ""
            return f"{said}{e.asset}'s priority is now {e.priority:g} (was {e.was:g})"
        case WeaponsReleased() | RaidRetargeted():
            return None  # red's side
        case FalseTrack():
            return None  # the truth: its track's line tells what blue saw
        case _:
            assert_never(e)


# ------------------------------------------------------------------- map


def entry_points(sc: Scenario, *, revealed: bool) -> list[tuple[str, float, float]]:
    """Where red's raids, SEAD flights and jammers enter the map, one per distinct point
    (with the place's name where the campaign names one). They are red's orders: none
    while the game is played, all of them once the truth may be told (`revealed`: the
    game is over, or a replay, which is a debrief)."""
    if not revealed:
        return []
    loaded = sc.loaded
    red = loaded.campaign.red
    origins = [g.origin for g in red.raids] + [g.origin for g in red.sead]
    origins += [g.origin for g in red.jammers]
    seen: dict[tuple[float, float], str] = {}
    for origin in origins:
        x, y = loaded.place(origin)
        name = origin if isinstance(origin, str) else ""
        seen.setdefault((round(x, 3), round(y, 3)), name)
    return [(name, x, y) for (x, y), name in seen.items()]
