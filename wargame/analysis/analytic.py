"""Analytic expectations: the kills and leakers a game's allocation should give on
average, to set beside the Monte Carlo mean.

A threat at which rounds of kill probabilities p1..pn were fired survives them all
with probability Π(1 - pi) ((1 - p)^n for n alike rounds), so the expected kills of
the rounds fired are Σ_threats 1 - Π(1 - pi). That is exact when no round waited on
another's outcome (no shoot-look-shoot: the allocation does not depend on the dice of
the intercepts) and every threat that survives flies on to its target; `Expectation`
says whether a game was such a game. Called by `play` for each game.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from wargame.engine.events import (
    Event,
    InterceptResolved,
    Leaker,
    MissileLaunched,
    RaidEntered,
    ThreatDestroyed,
)

ALREADY_DESTROYED = "target already destroyed"
"""An intercept's reason for no roll: an earlier round had killed. The round still
counts in the product: it would have rolled had the earlier one missed."""


@dataclass(frozen=True)
class Expectation:
    """One game's expected kills and leakers given the rounds it fired."""

    kills: float
    leakers: float
    exact: bool
    """No round was fired after an earlier round at the same threat had been assessed,
    and every raid threat was either killed or leaked: the formula holds."""


def kill_probability(pks: Sequence[float]) -> float:
    """The chance that at least one of these independent rounds kills: 1 - Π(1 - p)."""
    survive = 1.0
    for p in pks:
        survive *= 1.0 - p
    return 1.0 - survive


def expectation(events: Iterable[Event]) -> Expectation:
    """Expected kills and leakers of raid threats (not ARMs or escorts) given the
    rounds fired at them in this game, with the true kill probability of each round."""
    entered: set[int] = set()
    rounds: dict[int, list[float]] = {}
    assessed: dict[int, int] = {}
    """Threat -> the first turn an intercept on it was resolved."""
    looked = False
    ended: set[int] = set()
    for event in events:
        match event:
            case RaidEntered():
                entered.update(event.threats)
            case MissileLaunched():
                if event.threat in assessed and assessed[event.threat] <= event.turn:
                    looked = True
                rounds.setdefault(event.threat, [])
            case InterceptResolved():
                assessed.setdefault(event.threat, event.turn)
                pk = event.pk_true if event.pk_true >= 0 else event.pk
                if event.reason and event.reason != ALREADY_DESTROYED:
                    # It arrived after its threat had delivered or left: it could not
                    # kill. Guidance lost to a radar's loss hangs on other dice.
                    pk = 0.0
                    looked = looked or event.reason.startswith("guidance lost")
                rounds.setdefault(event.threat, []).append(pk)
            case ThreatDestroyed() | Leaker():
                ended.add(event.threat)
            case _:
                pass
    kills = math.fsum(kill_probability(rounds.get(t, [])) for t in entered)
    return Expectation(
        kills=kills,
        leakers=len(entered) - kills,
        exact=not looked and entered <= ended,
    )
