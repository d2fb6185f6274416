"""A plan's grades and outcomes over seeds: the share of games of each."""

from __future__ import annotations

from wargame.analysis.monte_carlo import plan_results
from wargame.analysis.play import GameResult


def game(seed: int, result: str, grade: str) -> GameResult:
    return GameResult(
        seed=seed,
        score=0.0,
        result=result,
        termination="raids_spent",
        turns=10,
        leakers={},
        rounds={},
        damage={},
        kills=0,
        expected_kills=0.0,
        expected_leakers=0.0,
        exact=True,
        orders_refused=0,
        grade=grade,
    )


def test_grades_and_outcomes_are_shares_of_the_games() -> None:
    games = [
        game(1, "victory", "A"),
        game(2, "victory", "B"),
        game(3, "marginal", "C"),
        game(4, "defeat", "F"),
    ]
    results = plan_results("default doctrine", games)
    assert results.grades == {"A": 0.25, "B": 0.25, "C": 0.25, "F": 0.25}
    assert results.outcomes == {"defeat": 0.25, "marginal": 0.25, "victory": 0.5}


def test_a_campaign_without_objectives_has_no_grades() -> None:
    results = plan_results("default doctrine", [game(1, "victory", ""), game(2, "victory", "")])
    assert results.grades == {}
    assert results.outcomes == {"victory": 1.0}
