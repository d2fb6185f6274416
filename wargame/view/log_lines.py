"""Events as log lines, each with a tone the event log colours it by.

In play (`reveal=False`) a line says only what blue would know: its own
orders, launches and reloads, the tracks its radars made and lost, kills of
its missiles, and the damage done to it. Red's hidden side (raids entering,
anti-radiation missiles launched, aircraft going home, the true type of what
was shot down) stays out until the after-action report or a replay
(`reveal=True`), which reads every event as `wargame.report.describe` words it.
Imports no Textual.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

from wargame.campaign.schema import CLASS_WORDS
from wargame.engine.events import (
    ArmMissed,
    CommandPostDestroyed,
    Event,
    GameOver,
    GameStarted,
    InterceptResolved,
    Leaker,
    MagazineEmpty,
    MissileLaunched,
    OrderAccepted,
    OrderRefused,
    RadarDestroyed,
    ReloadComplete,
    RelocationComplete,
    RelocationStarted,
    ThreatDestroyed,
    TrackDropped,
    TrackInitiated,
    TurnEnded,
)
from wargame.report.describe import describe
from wargame.view.picture import clock, score_text, short_missile

GOOD, BAD, WARN, INFO, OWN, MUTED, TURN = "good", "bad", "warn", "info", "own", "muted", "turn"
"""Tones; the log maps them to the theme's text-success, text-error, and so on."""


def log_lines(events: Iterable[Event], reveal: bool = False) -> list[tuple[int, str, str]]:
    """(turn, tone, text) of each event that has a line, in order; the rounds of a salvo
    (the same launch, once per round, in a row) make one line."""
    out = []
    for event, same in groupby(events):
        rounds = sum(1 for _ in same)
        if isinstance(event, MissileLaunched) and rounds > 1:
            text = f"{describe(event)}, {rounds} rounds" if reveal else _launch(event, rounds)
            out.append((event.turn, tone_of(event), text))
            continue
        line = line_for(event, reveal)
        if line is not None:
            out.extend([(event.turn, *line)] * rounds)
    return out


def _launch(event: MissileLaunched, rounds: int = 1) -> str:
    """A launch in blue's words, short enough for an 80-column log."""
    missile = short_missile(event.missile)
    what = f"a {missile}" if rounds == 1 else f"{rounds} × {missile}"
    each = "" if rounds == 1 else " each"
    return (
        f"{event.fire_unit} fired {what} at track {event.track}: {event.range_km:.0f} km, "
        f"Pk {event.pk:.2f}{each}, due T{event.intercept_turn}"
    )


def line_for(event: Event, reveal: bool = False) -> tuple[str, str] | None:
    """(tone, text) of one event, or None if it has no line (in play: red's secrets)."""
    tone = tone_of(event)
    if isinstance(event, TurnEnded):
        # (In play the score is the status bar's, as assessed: the true one would tell a
        # decoy's kill from a missile's.)
        score = f" · score {score_text(event.score)}" if reveal else ""
        return TURN, f"── end of turn {event.turn} · {clock(event.time_s)}{score} ──"
    if reveal:
        return tone, describe(event)
    text = _blue_words(event)
    return None if text is None else (tone, text)


def tone_of(event: Event) -> str:
    match event:
        case InterceptResolved():
            return GOOD if event.killed else (MUTED if event.reason else WARN)
        case ThreatDestroyed() | ArmMissed():
            return GOOD
        case Leaker():
            return BAD if event.damaged else WARN
        case RadarDestroyed() | CommandPostDestroyed() | OrderRefused():
            return BAD
        case GameOver():
            return GOOD if event.result == "victory" else BAD
        case MagazineEmpty():
            return WARN
        case TrackInitiated():
            return INFO
        case TrackDropped() | GameStarted():
            return MUTED
        case (
            MissileLaunched()
            | ReloadComplete()
            | OrderAccepted()
            | RelocationStarted()
            | RelocationComplete()
        ):
            return OWN
    return WARN


def _blue_words(event: Event) -> str | None:
    match event:
        case GameStarted():
            return f"{event.title}: {len(event.fire_units)} fire units ready (seed {event.seed})"
        case TrackInitiated():
            cls = CLASS_WORDS.get(event.threat_class, event.threat_class)
            return (
                f"new track {event.track}: {cls}, seen by {event.radar} at {event.range_km:.0f} km"
            )
        case TrackDropped():
            return f"track {event.track} lost"
        case MissileLaunched():
            return _launch(event)
        case InterceptResolved():
            missile = short_missile(event.missile)
            if event.reason:
                return (
                    f"{event.fire_unit}'s {missile} at track {event.track}: "
                    f"no intercept ({event.reason})"
                )
            if event.killed:
                return f"track {event.track} destroyed by {event.fire_unit}'s {missile}"
            return f"{event.fire_unit}'s {missile} missed track {event.track}"
        case Leaker():
            if event.damaged:
                return f"{event.target} hit: {event.value_lost:g} M$ lost"
            return f"a threat reached {event.target}: no damage"
        case RadarDestroyed():
            by = "an anti-radiation missile" if event.by == "arm" else "a strike"
            return f"{event.radar} destroyed by {by} ({event.value:g} M$)"
        case ArmMissed():
            return f"an anti-radiation missile missed {event.radar} ({event.reason})"
        case CommandPostDestroyed():
            alone = ", ".join(event.cut_off) or "no unit"
            return f"command post {event.command_post} destroyed: fighting alone: {alone}"
        case ReloadComplete():
            return f"{event.fire_unit} reloaded {event.rounds} × {short_missile(event.missile)}"
        case MagazineEmpty():
            return f"{event.fire_unit} fired its last {short_missile(event.missile)}"
        case OrderAccepted():
            return f"{event.unit}: {event.order}"
        case OrderRefused():
            return f"{event.unit}: '{event.order}' refused: {event.reason}"
        case RelocationStarted():
            return (
                f"{event.unit} packs up for [{event.x_km:g}, {event.y_km:g}]: "
                f"silent until turn {event.ready_turn}"
            )
        case RelocationComplete():
            if event.emitting:
                return f"{event.unit} is set up again and emitting"
            return f"{event.unit} is set up again, silent as ordered"
        case GameOver():
            return describe(event)
    return None
