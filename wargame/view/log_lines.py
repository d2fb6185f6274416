"""Events as log lines, each with a tone the event log colours it by.

In play a line says only what blue knows: the log reads the events through the blue
view (`blue.blue_events`, the same the mid-game report reads) and words them as blue
reads them (`blue.blue_text`), so red's side (raids entering, anti-radiation missiles
launched, aircraft going home, the true type of what was shot down) has no line. A
replay, a debrief, passes the report's wording (`truth`, `wargame.report.describe`)
for the events blue does not see whole. Imports no Textual.

A track is tentative until confirmed (M of N looks), and most tentative tracks are
false alarms that drop unconfirmed: where the play session gives the states either
side of each turn (`tentative_tracks`), a tentative track's start and its drop have no
line of their own; the track is announced when it is confirmed, and the turn's drops
make one line ('3 tentative tracks dropped unconfirmed').
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import groupby
from typing import Final, Literal, NamedTuple, assert_never

from wargame.campaign.schema import class_words
from wargame.engine import Scenario, State
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
)
from wargame.view.blue import (
    blue_events,
    blue_text,
    confirmed_news,
    end_of_turn,
    known,
    launch_text,
    sight,
)
from wargame.view.words import counted, score_text, short_missile

Tone = Literal["good", "bad", "warn", "info", "own", "muted", "turn"]
"""How a line reads at a glance; the log maps each to the theme's text-success,
text-error, and so on."""
GOOD: Final = "good"
BAD: Final = "bad"
WARN: Final = "warn"
INFO: Final = "info"
OWN: Final = "own"
MUTED: Final = "muted"
TURN: Final = "turn"
TONES: Final[tuple[Tone, ...]] = (GOOD, BAD, WARN, INFO, OWN, MUTED, TURN)

Truth = Callable[[Event], str]
"""Words for every event, red's side included (the report's `describe`)."""

Topic = Literal["kill", "leaker", "mine", "red", "other"]
"""What a line is about, for the log's filters: a threat destroyed, a threat that got
through (or a unit of ours lost), the player's own orders and what they did, red's
activity as it shows (tracks, and in a replay red's moves), or anything else."""
KILL: Final = "kill"
LEAKER: Final = "leaker"
MINE: Final = "mine"
RED: Final = "red"
OTHER: Final = "other"
TOPICS: Final[tuple[Topic, ...]] = (KILL, LEAKER, MINE, RED)
"""The topics a filter can keep."""


class LogLine(NamedTuple):
    """One line of the log."""

    turn: int
    tone: Tone
    text: str
    topic: Topic = OTHER


@dataclass(frozen=True)
class TentativeTracks:
    """One turn's tentative tracks as blue knows them (`tentative_tracks`): what the log
    folds."""

    turn: int
    held: frozenset[int] = frozenset()
    """Tracks begun in the turn and still tentative at its end: no line yet."""
    confirmed: tuple[TrackInitiated, ...] = ()
    """Tracks begun in an earlier turn and confirmed in this one (as they stand now):
    announced now."""
    dropped: frozenset[int] = frozenset()
    """Tracks dropped in the turn without ever being confirmed: one line for them all."""


def tentative_tracks(
    sc: Scenario, before: State, after: State, events: Iterable[Event]
) -> TentativeTracks:
    """The tentative tracks of the turn from `before` to `after` (its `events`): the
    blue view's own knowledge (its tracks' confirmation), never the truth."""
    seen = blue_events(events)
    begun = {e.track: e.threat for e in seen if isinstance(e, TrackInitiated)}
    held = frozenset(
        track
        for track, slot in begun.items()
        if after.track_id[slot] == track and not after.track_confirmed[slot]
    )
    confirmed = tuple(e for e in confirmed_news(sc, before, after, seen) if e.track not in begun)
    dropped = frozenset(
        e.track
        for e in seen
        if isinstance(e, TrackDropped)
        and before.track_id[e.threat] == e.track
        and not before.track_confirmed[e.threat]
    )
    return TentativeTracks(after.turn, held, confirmed, dropped)


def _folded(tracks: TentativeTracks) -> list[LogLine]:
    """The lines a turn's tentative tracks make: each confirmation, then the drops."""
    out = [
        LogLine(
            tracks.turn,
            INFO,
            f"track {e.track} confirmed: {class_words(e.threat_class)}"
            + (f", held by {e.radar}" if e.radar else ""),
            RED,
        )
        for e in tracks.confirmed
    ]
    if tracks.dropped:
        words = f"{counted(len(tracks.dropped), 'tentative track')} dropped unconfirmed"
        out.append(LogLine(tracks.turn, MUTED, words, RED))
    return out


NOT_NEEDED = "target already destroyed"
"""The engine's reason for a round that found its target gone (an earlier round's kill)."""


def log_lines(
    events: Iterable[Event],
    truth: Truth | None = None,
    tentative: Iterable[TentativeTracks] = (),
) -> list[tuple[int, Tone, str]]:
    """(turn, tone, text) of each line `log_entries` gives."""
    return [(line.turn, line.tone, line.text) for line in log_entries(events, truth, tentative)]


def log_entries(
    events: Iterable[Event],
    truth: Truth | None = None,
    tentative: Iterable[TentativeTracks] = (),
) -> list[LogLine]:
    """The lines of the events that have one, in order. The rounds of a salvo make one
    line when fired (the same launch, once per round, in a row) and one when they arrive
    (the intercepts of one unit's missiles on one track in a turn, folded where the
    first arrives). Every event blue sees reads in blue's words (`blue.blue_text`), in
    play and in a replay alike; a replay (`truth`, the report's words) adds red's side
    and the truth of what was shot down. `tentative`, one a turn, folds the turns'
    tentative tracks (`TentativeTracks`): their lines come before the turn's end."""
    shown = list(events) if truth is not None else blue_events(events)
    folds = {t.turn: t for t in tentative}
    quiet = {(t.turn, track) for t in folds.values() for track in t.held | t.dropped}
    shown = [
        e
        for e in shown
        if not (isinstance(e, TrackInitiated | TrackDropped) and (e.turn, e.track) in quiet)
    ]
    salvos: dict[tuple[int, str, str, int], list[InterceptResolved]] = {}
    for event in shown:
        if isinstance(event, InterceptResolved):
            salvos.setdefault(_salvo_key(event), []).append(event)
    out: list[LogLine] = []
    waiting = sorted(folds)  # turns whose folded lines are still to be written

    def flush(upto: int) -> None:
        while waiting and waiting[0] <= upto:
            out.extend(_folded(folds[waiting.pop(0)]))

    for event, same in groupby(shown):
        # A turn's folded lines go before its end, or before a later turn's first line.
        flush(event.turn if isinstance(event, TurnEnded) else event.turn - 1)
        rounds = sum(1 for _ in same)
        if isinstance(event, MissileLaunched) and rounds > 1:
            out.append(
                LogLine(
                    event.turn,
                    tone_of(event),
                    launch_text(event, rounds),
                    MINE if event.ordered else OTHER,
                )
            )
            continue
        if isinstance(event, InterceptResolved):
            group = salvos[_salvo_key(event)]
            if group[0] is event:
                out.append(_arrival(group))
            continue
        line = _line(event, truth)
        if line is not None:
            out.extend([LogLine(event.turn, *line, topic_of(event))] * rounds)
    flush(1 << 30)
    return out


def line_for(event: Event, truth: Truth | None = None) -> tuple[Tone, str] | None:
    """(tone, text) of one event, or None if it has no line (in play: red's side)."""
    lines = log_entries([event], truth)
    return (lines[0].tone, lines[0].text) if lines else None


def _line(event: Event, truth: Truth | None) -> tuple[Tone, str] | None:
    if isinstance(event, TurnEnded):
        score = score_text(event.score) if truth is not None else ""
        return TURN, end_of_turn(event, score)
    text = blue_text(event) if sight(event) != "secret" else None
    if text is None and truth is not None:
        text = truth(event)
    return None if text is None else (tone_of(event), text)


def _salvo_key(event: InterceptResolved) -> tuple[int, str, str, int]:
    return event.turn, event.fire_unit, event.missile, event.track


def _arrival(rounds: list[InterceptResolved]) -> LogLine:
    """The rounds of one unit's salvo on one track arriving in one turn, as one line:
    'track 12 destroyed by FU Alpha's 2 × 48N6 (assessed 98%): 1 hit, 1 not needed'."""
    first = rounds[0]
    if len(rounds) == 1:
        return LogLine(first.turn, tone_of(first), blue_text(first) or "", topic_of(first))
    counts: dict[str, int] = {}
    for r in rounds:
        outcome = "hit" if r.killed else ("missed" if not r.reason else r.reason)
        counts[outcome] = counts.get(outcome, 0) + 1
    salvo = f"{first.fire_unit}'s {len(rounds)} × {short_missile(first.missile)}"
    killed = "hit" in counts
    tone: Tone
    topic: Topic
    if killed:
        # As the radar read it: the round that hit carries the reading.
        read = next((r for r in rounds if r.killed and r.assessed), None)
        sure = f" (assessed {read.kill_confidence:.0%})" if read is not None else ""
        head, tone, topic = f"track {first.track} destroyed by {salvo}{sure}", GOOD, KILL
    elif "missed" in counts:
        head, tone, topic = f"{salvo} missed track {first.track}", WARN, OTHER
    else:
        head, tone, topic = f"{salvo} on track {first.track}: no intercept", MUTED, OTHER
    if len(counts) == 1 and not killed:
        reason = next(iter(counts))
        return LogLine(
            first.turn, tone, head + ("" if reason == "missed" else f" ({reason})"), topic
        )
    words = {"hit": "hit", "missed": "missed", NOT_NEEDED: "not needed"}
    detail = ", ".join(
        f"{n} {words.get(outcome, f'no intercept ({outcome})')}" for outcome, n in counts.items()
    )
    return LogLine(first.turn, tone, f"{head}: {detail}", topic)


def topic_of(event: Event) -> Topic:
    """What the event's line is about, for the log's filters."""
    match known(event):
        case InterceptResolved(killed=True) | ThreatDestroyed():
            return KILL
        case Leaker() | RadarDestroyed() | CommandPostDestroyed():
            return LEAKER
        case MissileLaunched(ordered=True):
            return MINE
        case OrderAccepted() | OrderRefused() | RelocationStarted() | RelocationComplete():
            return MINE
        case StandingAction():
            return MINE
        case TrackInitiated() | TrackDropped() | RaidEntered() | ArmLaunched() | ThreatLeft():
            return RED
        case RaidPoppedUp() | ArmMissed():
            return RED
        case WeaponsReleased() | RaidRetargeted():
            return RED
        case _:
            return OTHER


def tone_of(event: Event) -> Tone:
    e = known(event)
    match e:
        case InterceptResolved():
            return GOOD if e.killed else (MUTED if e.reason else WARN)
        case ThreatDestroyed() | ArmMissed():
            return GOOD
        case Leaker():
            return BAD if e.damaged else WARN
        case RadarDestroyed() | CommandPostDestroyed() | OrderRefused():
            return BAD
        case RadarFailed() | LinkCut():
            return BAD  # injects that hurt
        case RaidPoppedUp() | WeaponsReleased() | RaidRetargeted():
            return WARN
        case Resupplied() | AssetPriorityChanged():
            return OWN
        case GameOver():
            return GOOD if e.result == "victory" else BAD
        case MagazineEmpty() | RaidEntered() | ArmLaunched() | ThreatLeft():
            return WARN
        case TrackInitiated():
            return INFO
        case TrackDropped() | GameStarted():
            return MUTED
        case FalseTrack():
            return MUTED  # secret: no line in play
        case TurnEnded():
            return TURN
        case (
            MissileLaunched()
            | ReloadComplete()
            | OrderAccepted()
            | RelocationStarted()
            | RelocationComplete()
            | StandingAction()
        ):
            return OWN
        case _:
            assert_never(e)
