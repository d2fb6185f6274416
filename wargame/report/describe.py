"""One line of plain English per event, as the after-action report tells it: the
replay's timeline, the report's notes, and the replay screen's log.

An event blue sees whole (its own orders and launches, tracks made and lost, damage
done to it) reads here as it read in play: its one wording is the blue view's
(`wargame.view.blue.blue_text`), with missiles by their full names. The events that
carry more than blue knew (red's side, a threat's true type and cost, the roll, the
true score) are told here in full. The text is plain: renderers escape it for their
format.
"""

from __future__ import annotations

from wargame.campaign.schema import class_words
from wargame.engine.events import (
    ArmLaunched,
    ArmMissed,
    Event,
    FalseTrack,
    GameStarted,
    InterceptResolved,
    Leaker,
    RaidEntered,
    RaidPoppedUp,
    RaidRetargeted,
    ThreatDestroyed,
    ThreatLeft,
    TurnEnded,
    WeaponsReleased,
)
from wargame.view.blue import SIGHT, blue_text
from wargame.view.words import clock, counted


def misread(event: InterceptResolved) -> str:
    """Where the engagement radar's reading of an intercept was not the truth, in a few
    words to follow its line ('' where it was right, or from rules before 1.7)."""
    if event.assessed == "kill" and not event.killed:
        return " - assessed killed, in truth survived"
    if event.assessed == "miss" and event.killed:
        return " - assessed missed, in truth killed"
    if event.assessed == "not assessed":
        return " - not assessed"
    return ""


def threat_ids(threats: tuple[int, ...]) -> str:
    """'threat 7', 'threats 27-32' (a run of ids), 'threats 3, 5, 9'."""
    if len(threats) == 1:
        return f"threat {threats[0]}"
    ids = sorted(threats)
    if ids and ids[-1] - ids[0] == len(ids) - 1:
        return f"threats {ids[0]}-{ids[-1]}"
    return "threats " + ", ".join(str(t) for t in ids)


def describe(event: Event) -> str:
    """The event as a sentence a player reads."""
    shown = blue_text(event, full_names=True) if SIGHT.get(type(event)) == "shown" else None
    if shown is not None:
        return shown
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
        case FalseTrack():
            return (
                f"track {event.track} was a false alarm: noise {event.radar} took for a "
                f"target at [{event.x_km:.0f}, {event.y_km:.0f}]"
            )
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
        case InterceptResolved() if event.reason:
            # No roll to tell: it reads as in play.
            return blue_text(event, full_names=True) or ""
        case InterceptResolved():
            verdict = "killed" if event.killed else "missed"
            return (
                f"{event.fire_unit}'s {event.missile} on track {event.track} {verdict} "
                f"(roll {event.roll:.3f} against Pk {event.pk:.2f}){misread(event)}"
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
        case ArmMissed():
            return f"anti-radiation missile {event.threat} missed {event.radar}: {event.reason}"
        case RaidPoppedUp():
            said = f": {event.message}" if event.message else ""
            return f"inject {event.inject}: raid {event.raid} pops up, {event.count} threats{said}"
        case WeaponsReleased():
            n = len(event.threats)
            return (
                f"raid {event.raid}: aircraft {event.aircraft} released {n} × {event.weapon} "
                f"({class_words(event.threat_class)}) at [{event.x_km:.0f}, {event.y_km:.0f}] "
                f"for {event.target}, {threat_ids(event.threats)}"
            )
        case RaidRetargeted():
            return (
                f"raid {event.raid}: {event.was} destroyed, {threat_ids(event.threats)} "
                f"turn on {event.target}"
            )
    return f"{event.kind}: {event.to_dict()}"
