"""The score card of the after-action report: the score, its parts, the result, the
grade and each objective, read from a game's `GameOver` event.

`build_aar` (`aar.py`) calls `score_card`; the renderers lay the card out.
"""

from __future__ import annotations

from dataclasses import dataclass

from wargame.engine.events import SCORE_PARTS, SCORE_SIGNS, GameOver

MISSION_PARTS = {
    "asset_value_kept": "asset value kept, by priority",
    "threat_cost_destroyed": "threat cost destroyed",
    "interceptor_cost": "interceptor cost",
    "over_budget": "interceptors over budget",
    "asset_priority_lost": "asset value lost, by priority",
    "radar_value_lost": "radar value lost",
}
"""How each part of the score of rules 1.6 reads in the report."""


@dataclass(frozen=True)
class ObjectiveLine:
    """One objective at the end of the game, judged on the truth."""

    label: str
    weight: float
    met: bool
    reason: str


@dataclass(frozen=True)
class ScoreCard:
    total: float
    result: str
    """victory, marginal, defeat, or unfinished."""
    termination: str
    parts: tuple[tuple[str, float, float, float], ...]
    """(name, M$, points per M$, points) from GameOver and the campaign's scoring; the
    points add up to the score. From rules 1.6: asset value kept by priority and threat
    cost destroyed (points gained), interceptor cost, over budget, asset value lost by
    priority, radar value lost (points lost); before: threat cost destroyed, interceptor
    cost, asset value lost, radar value lost."""
    grade: str = ""
    """A to F from the campaign's objectives ('' if it has none, or rules before 1.6)."""
    grade_reason: str = ""
    collapse: str = ""
    """Why the defence collapsed, if it did."""
    objectives: tuple[ObjectiveLine, ...] = ()


def score_card(over: GameOver | None, last_score: float, weights: tuple[float, ...]) -> ScoreCard:
    """The card of a game that ended with `over` (or stands at `last_score`). `weights`
    are the scoring a game of rules before 1.6 recorded in `GameStarted` (or its caller
    read from the campaign), for its four parts; the scoring's defaults if none."""
    if over is None:
        return ScoreCard(total=last_score, result="unfinished", termination="", parts=())
    weights = weights or (1.0, 1.0, 1.0, 1.0)
    figures: tuple[tuple[str, float, float], ...] = (
        ("threat cost destroyed", over.threat_cost_destroyed, 1.0),
        ("interceptor cost", over.interceptor_cost, -1.0),
        ("asset value lost", over.asset_value_lost, -1.0),
        ("radar value lost", over.radar_value_lost, -1.0),
    )
    if over.score_weights:  # the mission-first score of rules 1.6
        weights = over.score_weights
        figures = tuple(
            (MISSION_PARTS[part], float(getattr(over, part)), sign)
            for part, sign in zip(SCORE_PARTS, SCORE_SIGNS, strict=True)
        )
    return ScoreCard(
        total=over.score,
        result=over.result,
        termination=over.termination,
        parts=tuple(
            # (+ 0.0: a loss of nothing is 0, not -0)
            (name, value, weight, round(sign * weight * value, 3) + 0.0)
            for (name, value, sign), weight in zip(figures, weights, strict=True)
        ),
        grade=over.grade,
        grade_reason=over.grade_reason,
        collapse=over.collapse,
        objectives=tuple(ObjectiveLine(*row) for row in over.objectives),
    )
