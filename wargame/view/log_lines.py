"""Events as log lines, each with a tone the event log colours it by.

In play a line says only what blue knows: the log reads the events through the blue
view (`blue.blue_events`, the same the mid-game report reads) and words them as blue
reads them (`blue.blue_text`), so red's side (raids entering, anti-radiation missiles
launched, aircraft going home, the true type of what was shot down) has no line. A
replay, a debrief, passes the report's wording (`truth`, `wargame.report.describe`)
for the events blue does not see whole. Imports no Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import groupby
from typing import Final, Literal, NamedTuple, assert_never

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
from wargame.view.blue import blue_events, blue_text, end_of_turn, known, launch_text, sight
from wargame.view.words import score_text, short_missile

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


NOT_NEEDED = "target already destroyed"
"""The engine's reason for a round that found its target gone (an earlier round's kill)."""


def log_lines(events: Iterable[Event], truth: Truth | None = None) -> list[tuple[int, Tone, str]]:
    """(turn, tone, text) of each line `log_entries` gives."""
    return [(line.turn, line.tone, line.text) for line in log_entries(events, truth)]


def log_entries(events: Iterable[Event], truth: Truth | None = None) -> list[LogLine]:
    """The lines of the events that have one, in order. The rounds of a salvo make one
    line when fired (the same launch, once per round, in a row) and one when they arrive
    (the intercepts of one unit's missiles on one track in a turn, folded where the
    first arrives). Every event blue sees reads in blue's words (`blue.blue_text`), in
    play and in a replay alike; a replay (`truth`, the report's words) adds red's side
    and the truth of what was shot down."""
    shown = list(events) if truth is not None else blue_events(events)
    salvos: dict[tuple[int, str, str, int], list[InterceptResolved]] = {}
    for event in shown:
        if isinstance(event, InterceptResolved):
            salvos.setdefault(_salvo_key(event), []).append(event)
    out: list[LogLine] = []
    for event, same in groupby(shown):
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
