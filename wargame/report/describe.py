"""One line of plain English per event: the replay's timeline and the AAR's notes.

Called by `wargame replay`, the after-action report and the TUI's event log
where it shows the whole truth (`reveal`). The text is plain: renderers escape it for their format.
"""

from __future__ import annotations

from wargame.campaign.schema import class_words
from wargame.engine.events import (
    ArmLaunched,
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
    RaidEntered,
    ReloadComplete,
    RelocationComplete,
    RelocationStarted,
    ThreatDestroyed,
    ThreatLeft,
    TrackDropped,
    TrackInitiated,
    TurnEnded,
)


def clock(seconds: float) -> str:
    """Game time as h:mm:ss."""
    total = round(seconds)
    return f"{total // 3600}:{total // 60 % 60:02d}:{total % 60:02d}"


def counted(count: int, word: str) -> str:
    """'1 track', '2 tracks', '0 tracks'."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def describe(event: Event) -> str:
    """The event as a sentence a player reads."""
    match event:
        case GameStarted():
            return (
                f"game started: {event.title}, seed {event.seed}, "
                f"{counted(len(event.fire_units), 'fire unit')}, "
                f"{counted(len(event.radars), 'radar')}, {counted(len(event.assets), 'asset')}, "
                f"{counted(event.threats, 'threat')} to come"
            )
        case TurnEnded():
            return (
                f"turn ends at {clock(event.time_s)}: {counted(event.tracks, 'track')}, "
                f"{counted(len(event.emitting), 'radar')} emitting, score {event.score:g}"
            )
        case GameOver():
            ended = event.termination.replace("_", " ")
            return f"game over: {event.result} ({ended}), score {event.score:g}"
        case OrderAccepted():
            return f"{event.unit}: {event.order}"
        case OrderRefused():
            return f"{event.unit}: order '{event.order}' refused: {event.reason}"
        case RelocationStarted():
            return (
                f"{event.unit} relocates to [{event.x_km:g}, {event.y_km:g}], "
                f"ready on turn {event.ready_turn}"
            )
        case RelocationComplete():
            if event.emitting:
                return f"{event.unit} is set up and emitting again"
            return f"{event.unit} is set up, and silent as ordered"
        case RaidEntered():
            bound = f"heading for {event.target}" if event.target else "taking station"
            return (
                f"raid {event.raid} entered: {event.count} × {event.threat_type} "
                f"({class_words(event.threat_class)}), {bound}"
            )
        case ArmLaunched():
            return (
                f"{event.flight} fired an anti-radiation missile (threat {event.threat}) "
                f"at {event.radar}"
            )
        case ThreatLeft():
            return f"threat {event.threat} ({class_words(event.threat_class)}) left the area"
        case TrackInitiated():
            return (
                f"track {event.track} ({class_words(event.threat_class)}) initiated by "
                f"{event.radar} at {event.range_km:.0f} km"
            )
        case TrackDropped():
            return f"track {event.track} dropped"
        case MissileLaunched():
            return (
                f"{event.fire_unit} fired a {event.missile} at track {event.track} "
                f"({class_words(event.threat_class)}), {event.range_km:.0f} km, Pk {event.pk:.2f}"
            )
        case InterceptResolved():
            if event.reason:
                # Worded as the play log words it: there was no intercept to miss.
                return (
                    f"{event.fire_unit}'s {event.missile} on track {event.track}: "
                    f"no intercept ({event.reason})"
                )
            verdict = "killed" if event.killed else "missed"
            return (
                f"{event.fire_unit}'s {event.missile} on track {event.track} {verdict} "
                f"(roll {event.roll:.3f} against Pk {event.pk:.2f})"
            )
        case ThreatDestroyed():
            return (
                f"threat {event.threat} destroyed: {event.threat_type} "
                f"({class_words(event.threat_class)}), {event.cost:g} M$, by {event.fire_unit}"
            )
        case Leaker():
            harm = f"{event.value_lost:g} M$ lost" if event.damaged else "no damage"
            return (
                f"leaker: threat {event.threat} ({class_words(event.threat_class)}) "
                f"reached {event.target}, {harm}"
            )
        case RadarDestroyed():
            by = "an anti-radiation missile" if event.by == "arm" else "a strike"
            return f"radar {event.radar} destroyed by {by} ({event.value:g} M$)"
        case ArmMissed():
            return f"anti-radiation missile {event.threat} missed {event.radar}: {event.reason}"
        case CommandPostDestroyed():
            alone = ", ".join(event.cut_off) or "no unit"
            return f"command post {event.command_post} destroyed; fighting alone: {alone}"
        case ReloadComplete():
            return f"{event.fire_unit} reloaded {event.rounds} × {event.missile}"
        case MagazineEmpty():
            return f"{event.fire_unit} fired its last {event.missile}"
    return f"{event.kind}: {event.to_dict()}"
