"""The fight over time, from a game's events: the regiment's rounds left by missile type and
each part of the score, at the end of every turn.

The events say what changes (`MissileLaunched` spends a round, `Resupplied` brings rounds,
`ThreatDestroyed`, `Leaker`, `RadarDestroyed`, `CommandPostDestroyed` and
`AssetPriorityChanged` move the score's parts) but not where a game starts: the loadout,
the assets' priorities and the scoring are the campaign's. `theatre.theatre_of`, which has
the campaign, fills a `Basis` and calls `over_time`; the report walk (`walk.py`) lays the
result out as charts and tables.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from wargame.engine.events import (
    SCORE_PARTS,
    SCORE_SIGNS,
    AssetPriorityChanged,
    CommandPostDestroyed,
    Event,
    Leaker,
    MissileLaunched,
    RadarDestroyed,
    Resupplied,
    ThreatDestroyed,
)


@dataclass(frozen=True)
class Basis:
    """What a game starts from, that its events do not say."""

    rounds: Mapping[str, int]
    """The regiment's rounds of each missile type, ready and in stock, in the campaign's
    order of types."""
    asset_values: Mapping[str, float]
    """M$ of each defended asset."""
    asset_priorities: Mapping[str, float]
    weights: tuple[float, ...]
    """Points per M$ of each part of `SCORE_PARTS`."""
    interceptor_budget: float | None = None


@dataclass(frozen=True)
class OverTime:
    """Rounds left and score parts at the end of each turn of `turns`."""

    turns: tuple[int, ...]
    start: tuple[tuple[str, int], ...]
    """(missile, rounds) at the start of the game."""
    rounds: tuple[tuple[str, tuple[int, ...]], ...]
    """(missile, rounds ready and in stock at the end of each turn)."""
    parts: tuple[tuple[str, tuple[float, ...]], ...]
    """(part of the score, as `SCORE_PARTS` names it, its points at the end of each turn):
    signed, they add up to the turn's score."""


def over_time(basis: Basis, turns: Sequence[Sequence[Event]]) -> OverTime:
    """`turns[t]` are the events of turn t (turn 0's, the game's start, are skipped)."""
    left = dict(basis.rounds)
    priority = dict(basis.asset_priorities)
    lost = dict.fromkeys(basis.asset_values, 0.0)
    destroyed = spent = radars = 0.0
    numbers = range(1, len(turns))
    rounds: dict[str, list[int]] = {m: [] for m in left}
    parts: list[list[float]] = [[] for _ in SCORE_PARTS]
    for turn in numbers:
        for e in turns[turn]:
            if isinstance(e, MissileLaunched):  # one event per round
                left[e.missile] = left.get(e.missile, 0) - 1
                spent += e.cost
            elif isinstance(e, Resupplied):
                left[e.missile] = left.get(e.missile, 0) + e.rounds
            elif isinstance(e, ThreatDestroyed):
                destroyed += e.cost
            elif isinstance(e, Leaker) and e.target in lost:
                lost[e.target] += e.value_lost
            elif isinstance(e, RadarDestroyed | CommandPostDestroyed):
                radars += e.value
            elif isinstance(e, AssetPriorityChanged):
                priority[e.asset] = e.priority
        for missile, count in left.items():
            rounds.setdefault(missile, [0] * (turn - 1)).append(count)
        kept = sum(priority[a] * (v - lost[a]) for a, v in basis.asset_values.items())
        budget = basis.interceptor_budget
        figures = {
            "asset_value_kept": kept,
            "threat_cost_destroyed": destroyed,
            "interceptor_cost": spent,
            "over_budget": max(0.0, spent - budget) if budget is not None else 0.0,
            "asset_priority_lost": sum(priority[a] * lost[a] for a in lost),
            "radar_value_lost": radars,
        }
        for i, (part, sign, weight) in enumerate(
            zip(SCORE_PARTS, SCORE_SIGNS, basis.weights, strict=True)
        ):
            parts[i].append(round(sign * weight * figures[part], 3) + 0.0)
    return OverTime(
        turns=tuple(numbers),
        start=tuple(basis.rounds.items()),
        rounds=tuple((m, tuple(v)) for m, v in rounds.items()),
        parts=tuple((part, tuple(v)) for part, v in zip(SCORE_PARTS, parts, strict=True)),
    )


def changed_turns(turns: tuple[int, ...], series: Sequence[tuple[float, ...]]) -> list[int]:
    """Indexes into `turns` of the first turn, each turn on which some series changed, and
    the last: a table of them says all the series say, in few rows."""
    last = len(turns) - 1
    return [i for i in range(len(turns)) if i in (0, last) or any(s[i] != s[i - 1] for s in series)]
