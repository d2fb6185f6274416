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
from typing import Final, Literal, assert_never

from wargame.engine.events import (
    ArmLaunched,
    ArmMissed,
    AssetPriorityChanged,
    CommandPostDestroyed,
    Event,
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
)
from wargame.view.blue import blue_events, blue_text, end_of_turn, known, launch_text, sight
from wargame.view.words import score_text

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

LogLine = tuple[int, Tone, str]
"""(turn, tone, text)."""


def log_lines(events: Iterable[Event], truth: Truth | None = None) -> list[LogLine]:
    """(turn, tone, text) of each event that has a line, in order; the rounds of a salvo
    (the same launch, once per round, in a row) make one line. In play (`truth` None)
    only what blue knows, in its words; in a replay, the truth where blue's differs."""
    shown = list(events) if truth is not None else blue_events(events)
    out: list[LogLine] = []
    for event, same in groupby(shown):
        rounds = sum(1 for _ in same)
        if isinstance(event, MissileLaunched) and rounds > 1:
            out.append((event.turn, tone_of(event), launch_text(event, rounds)))
            continue
        line = _line(event, truth)
        if line is not None:
            out.extend([(event.turn, *line)] * rounds)
    return out


def line_for(event: Event, truth: Truth | None = None) -> tuple[Tone, str] | None:
    """(tone, text) of one event, or None if it has no line (in play: red's side)."""
    lines = log_lines([event], truth)
    return (lines[0][1], lines[0][2]) if lines else None


def _line(event: Event, truth: Truth | None) -> tuple[Tone, str] | None:
    if isinstance(event, TurnEnded):
        score = score_text(event.score) if truth is not None else ""
        return TURN, end_of_turn(event, score)
    if truth is not None and sight(event) != "shown":
        return tone_of(event), truth(event)
    text = blue_text(event)
    return None if text is None else (tone_of(event), text)


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
        case RaidPoppedUp():
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
