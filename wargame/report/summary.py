"""The short summary of a headless game (`wargame run`), computed from its events.

Threats by class (spawned, detected, engaged, killed, leaked), interceptors by missile
type (fired, kills, cost), damage by asset, radars lost, the orders the engine
refused (turn, unit, order, reason) and the score; from rules 1.6, the outcome, the grade
and each objective met or not.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wargame.engine.events import (
    SCORE_PARTS,
    Event,
    GameOver,
    GameStarted,
    InterceptResolved,
    Leaker,
    MissileLaunched,
    OrderRefused,
    RadarDestroyed,
    TurnEnded,
)
from wargame.report.aar import THREAT_COUNTS, build_aar

EARLIER_PARTS = (
    "threat_cost_destroyed",
    "interceptor_cost",
    "asset_value_lost",
    "radar_value_lost",
)
"""The parts of the score before rules 1.6, in the order of `GameStarted.score_weights`."""


def summarise(campaign: str, seed: int, events: Iterable[Event]) -> dict[str, Any]:
    """The `--json` object of `wargame run`."""
    events = list(events)
    # Threats as the after-action report counts them, so the two never disagree.
    threats = {
        row.threat_class: {count: getattr(row, count) for count in THREAT_COUNTS}
        for row in build_aar(events).threats
    }
    interceptors: dict[str, dict[str, float]] = {}
    assets: dict[str, dict[str, float]] = {}
    radars_lost: list[str] = []
    refused: list[dict[str, Any]] = []
    turns = 0
    result: dict[str, Any] = {}
    weights = dict.fromkeys(EARLIER_PARTS, 1.0)

    def weapon(name: str) -> dict[str, float]:
        return interceptors.setdefault(name, {"fired": 0, "kills": 0, "cost": 0.0})

    for event in events:
        turns = max(turns, event.turn)
        match event:
            case GameStarted():
                if event.score_weights:
                    weights = dict(zip(EARLIER_PARTS, event.score_weights, strict=True))
                for name, value in event.assets:
                    assets[name] = {"value": value, "damage": 0.0}
            case MissileLaunched():
                w = weapon(event.missile)
                w["fired"] += 1
                w["cost"] = round(w["cost"] + event.cost, 3)
            case InterceptResolved() if event.killed:
                weapon(event.missile)["kills"] += 1
            case Leaker():
                if event.target in assets:
                    assets[event.target]["damage"] = round(
                        assets[event.target]["damage"] + event.value_lost, 3
                    )
            case RadarDestroyed():
                radars_lost.append(event.radar)
            case GameOver():
                result = {
                    "termination": event.termination,
                    "result": event.result,
                    "score": event.score,
                    "score_parts": {
                        "threat_cost_destroyed": event.threat_cost_destroyed,
                        "interceptor_cost": event.interceptor_cost,
                        "asset_value_lost": event.asset_value_lost,
                        "radar_value_lost": event.radar_value_lost,
                    },
                    # Points per M$ of each part: the score is their weighted sum.
                    "score_weights": weights,
                    **_mission(event),
                }
            case OrderRefused():
                refused.append(
                    {
                        "turn": event.turn,
                        "unit": event.unit,
                        "order": event.order,
                        "reason": event.reason,
                    }
                )
            case TurnEnded():
                result.setdefault("score", event.score)
            case _:
                pass
    return {
        "campaign": campaign,
        "seed": seed,
        "turns": turns,
        "threats": threats,
        "interceptors": interceptors,
        "assets": assets,
        "radars_lost": radars_lost,
        "orders_refused": refused,
        **({"score": 0.0} | result),
    }


def _mission(over: GameOver) -> dict[str, Any]:
    """The outcome, grade and objectives of a game of rules 1.6 or later, and its score's
    parts as that rules' score counts them (none for earlier rules)."""
    if not over.score_weights:
        return {}
    return {
        "outcome": over.result,
        "grade": over.grade or None,
        "grade_reason": over.grade_reason,
        "collapse": over.collapse or None,
        "objectives": [
            {"label": label, "weight": weight, "met": met, "reason": reason}
            for label, weight, met, reason in over.objectives
        ],
        "score_parts": {part: getattr(over, part) for part in SCORE_PARTS},
        "score_weights": dict(zip(SCORE_PARTS, over.score_weights, strict=True)),
    }
