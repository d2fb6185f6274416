"""One plan played on one seed, reduced to the figures a Monte Carlo run keeps.

`play_seeds(job, seeds)` is what a worker process (or a Dask worker) runs: it plays
each seed with each of the job's plans and returns one `GameResult` per plan and
seed. Everything a worker needs travels in the `Job` (the campaign's text, the
plans), so a worker holds no state but a cache of built scenarios. The figures come
from the same summary `wargame run` prints (`report.summary`), so the two agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wargame.analysis.analytic import expectation
from wargame.analysis.plans import Plan, orders_for_turn
from wargame.campaign import LoadedCampaign, parse_campaign
from wargame.engine import Game, Scenario, build_scenario, check_seed, initial_state
from wargame.engine.events import Event
from wargame.report.summary import summarise


@dataclass(frozen=True)
class Job:
    """What a worker needs to play seeds: the campaign as text, and the plans."""

    campaign_name: str
    campaign_source: str
    plans: tuple[Plan, ...]

    @classmethod
    def of(cls, campaign: LoadedCampaign, plans: Sequence[Plan]) -> Job:
        return cls(campaign.name, campaign.source, tuple(plans))


@dataclass(frozen=True)
class GameResult:
    """The figures of one game."""

    seed: int
    score: float
    result: str
    """'victory', 'marginal' (rules 1.6 on) or 'defeat'."""
    termination: str
    turns: int
    leakers: dict[str, int]
    """By true threat class, for every class that entered."""
    rounds: dict[str, int]
    """Interceptors fired by missile type."""
    damage: dict[str, float]
    """Value lost per defended asset."""
    kills: int
    expected_kills: float
    """Kills the rounds fired should give on average (`analytic`)."""
    expected_leakers: float
    exact: bool
    """Whether the expectation's formula holds for this game."""
    orders_refused: int
    grade: str = ""
    """A to F from the campaign's objectives ('' if it has none)."""


_SCENARIOS: dict[tuple[str, str], Scenario] = {}
"""Scenarios built in this process, by campaign (a worker plays many seeds of one)."""


def scenario_of(job: Job) -> Scenario:
    key = (job.campaign_name, job.campaign_source)
    scenario = _SCENARIOS.get(key)
    if scenario is None:
        scenario = build_scenario(parse_campaign(job.campaign_source, job.campaign_name))
        _SCENARIOS.clear()
        _SCENARIOS[key] = scenario
    return scenario


def play_seeds(job: Job, seeds: Sequence[int]) -> list[tuple[GameResult, ...]]:
    """Per seed, in order: one result per plan of the job (the same dice for each)."""
    scenario = scenario_of(job)
    return [
        tuple(play_game(scenario, job.campaign_name, plan, seed) for plan in job.plans)
        for seed in seeds
    ]


def play_game(scenario: Scenario, campaign_name: str, plan: Plan, seed: int) -> GameResult:
    """Play the plan on this seed to the end of the game."""
    game = Game(scenario, initial_state(scenario), check_seed(seed))
    log: list[Event] = [game.started_event()]
    by_turn = plan.by_turn()
    while not game.over:
        given, refused = orders_for_turn(plan, by_turn.get(game.turn + 1, []), game.state)
        log.extend(refused)
        log.extend(game.step(given))
    summary = summarise(campaign_name, seed, log)
    late = sum(len(orders) for turn, orders in by_turn.items() if turn > game.turn)
    expected = expectation(log)
    threats = summary["threats"]
    return GameResult(
        seed=seed,
        score=float(summary["score"]),
        result=str(summary.get("result", "")),
        termination=str(summary.get("termination", "")),
        turns=int(summary["turns"]),
        leakers={cls: int(row["leaked"]) for cls, row in threats.items()},
        rounds={m: int(row["fired"]) for m, row in summary["interceptors"].items()},
        damage={a: float(row["damage"]) for a, row in summary["assets"].items()},
        kills=sum(int(row["killed"]) for row in threats.values()),
        expected_kills=expected.kills,
        expected_leakers=expected.leakers,
        exact=expected.exact,
        orders_refused=len(summary["orders_refused"]) + late,
        grade=str(summary.get("grade") or ""),
    )
