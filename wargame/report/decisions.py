"""The decisions that mattered: the player's orders beside the events they answered, and
the turns that decided each objective.

`decisions(events)` puts every order the player gave (accepted or refused) and every
action a standing order took on one timeline, each beside what had just happened
that it may have answered: the events of the same turn and the `LOOK_BACK` turns
before it among `PROMPTS` (an ARM launched, then 'emission off'). `deciding_turns`
names, for each objective, the turns of the events that touched what it names (a
leaker at its asset, a radar lost) — the turns an instructor would replay.

`build_aar` (`aar.py`) calls both; `debrief.py` lays them out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from wargame.engine.events import (
    ArmLaunched,
    CommandPostDestroyed,
    Event,
    Leaker,
    LinkCut,
    MagazineEmpty,
    OrderAccepted,
    OrderRefused,
    RadarDestroyed,
    RadarFailed,
    RaidEntered,
    RaidPoppedUp,
    StandingAction,
)
from wargame.report.describe import describe

LOOK_BACK = 2
"""Turns before an order whose events it may answer."""
PROMPTS = (
    ArmLaunched,
    RaidEntered,
    RaidPoppedUp,
    Leaker,
    RadarDestroyed,
    CommandPostDestroyed,
    RadarFailed,
    LinkCut,
    MagazineEmpty,
)
"""Events an order may answer."""
MAX_ANSWERED = 3
"""Events shown beside an order: the latest."""


@dataclass(frozen=True)
class Decision:
    """An order (or a standing order's action) and what had just happened."""

    turn: int
    unit: str
    order: str
    outcome: str
    """'accepted', 'refused: <why>' or 'standing order' (and what made it act)."""
    answered: tuple[str, ...]
    """The latest events of this turn and the `LOOK_BACK` before it, each with its turn."""


@dataclass(frozen=True)
class DecidingTurns:
    """The turns that decided one objective."""

    objective: str
    met: bool
    turns: tuple[int, ...]
    events: tuple[str, ...]


def decisions(events: Iterable[Event]) -> tuple[Decision, ...]:
    """Every order of the game, in order, beside the events it may have answered."""
    recent: list[Event] = []
    out: list[Decision] = []
    for event in events:
        if isinstance(event, PROMPTS):
            recent.append(event)
            continue
        if not isinstance(event, OrderAccepted | OrderRefused | StandingAction):
            continue
        answered = tuple(
            f"turn {e.turn}: {describe(e)}"
            for e in recent
            if event.turn - LOOK_BACK <= e.turn <= event.turn
        )[-MAX_ANSWERED:]
        match event:
            case OrderAccepted():
                out.append(Decision(event.turn, event.unit, event.order, "accepted", answered))
            case OrderRefused():
                outcome = f"refused: {event.reason}"
                out.append(Decision(event.turn, event.unit, event.order, outcome, answered))
            case StandingAction():
                outcome = f"standing order, because {event.because}"
                out.append(Decision(event.turn, event.unit, event.action, outcome, answered))
    return tuple(out)


def _names(event: Event) -> tuple[str, ...]:
    """The sites an event touched."""
    match event:
        case Leaker():
            return (event.target,)
        case RadarDestroyed():
            return (event.radar,)
        case CommandPostDestroyed():
            return (event.command_post, *event.cut_off)
        case RadarFailed():
            return (event.unit,)
        case LinkCut():
            return (event.command_post, *event.cut_off)
        case _:
            return ()


def deciding_turns(
    events: Sequence[Event], objectives: Iterable[tuple[str, bool, str]]
) -> tuple[DecidingTurns, ...]:
    """For each (label, met, reason), the turns of the events that touched a site its label or
    reason names (none: nothing on the ground decided it, e.g. a budget)."""
    touched = [(e, names) for e in events if (names := _names(e))]
    out = []
    for label, met, reason in objectives:
        text = f"{label} {reason}"
        hits = [e for e, names in touched if any(n and n in text for n in names)]
        out.append(
            DecidingTurns(
                label,
                met,
                tuple(sorted({e.turn for e in hits})),
                tuple(f"turn {e.turn}: {describe(e)}" for e in hits[:MAX_ANSWERED]),
            )
        )
    return tuple(out)
