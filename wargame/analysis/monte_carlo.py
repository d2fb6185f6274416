"""A plan's distribution of outcomes over seeds, and two plans compared seed by seed.

`analyze(campaign, plan, seeds, against=...)` plays every seed (in worker processes
or on Dask: `runner`) and returns an `Analysis`: typed figures, nothing printed. The
same seed gives both plans the same dice (common random numbers), so the paired
differences measure the plans and not the luck. Renderers: `render_text`,
`render_json`, `render_html`. Called by the `analyze` command and the tests.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from wargame.analysis.plans import Plan
from wargame.analysis.play import GameResult, Job
from wargame.analysis.runner import Progress, run_dask, run_local
from wargame.analysis.stats import Distribution, Histogram, Paired, describe, histogram, paired
from wargame.campaign import LoadedCampaign


@dataclass(frozen=True)
class PlanResults:
    """One plan over all the seeds."""

    plan: str
    games: tuple[GameResult, ...]
    """In the order of the seeds."""
    score: Distribution
    score_histogram: Histogram
    outcomes: dict[str, float]
    """Share of games per result ('victory', 'marginal', 'defeat')."""
    grades: dict[str, float]
    """Share of games per grade, A to F (empty if the campaign sets no objectives)."""
    terminations: dict[str, float]
    """Share of games per ending ('raids_spent', 'defence_collapsed', 'turn_limit')."""
    leakers: dict[str, Distribution]
    """Leakers per game, by threat class."""
    rounds: dict[str, Distribution]
    """Rounds fired per game, by missile type."""
    damage: dict[str, Distribution]
    """Value lost per game, by asset."""
    kills: Distribution
    all_leakers: Distribution
    """Leakers of every class per game."""
    expected_kills: float
    """Mean over the games of the kills their rounds should give (`analytic`)."""
    expected_leakers: float
    exact_share: float
    """Share of games in which no round waited on another: where the expectation is
    exact, and should fall inside the Monte Carlo interval."""
    orders_refused: Distribution


@dataclass(frozen=True)
class Analysis:
    """A Monte Carlo analysis: one plan, or two compared on the same seeds."""

    campaign: str
    """The campaign file."""
    title: str
    seed: int
    """The first seed; the runs play seed, seed + 1, ..."""
    runs: int
    first: PlanResults
    second: PlanResults | None = None
    paired: Paired | None = None
    """first - second, seed by seed (score)."""


def analyze(
    campaign: LoadedCampaign,
    plan: Plan,
    seeds: Sequence[int],
    against: Plan | None = None,
    *,
    workers: int = 1,
    dask: str | None = None,
    progress: Progress | None = None,
) -> Analysis:
    """Play `plan` (and `against`) on every seed and summarise."""
    if not seeds:
        raise ValueError("analyze needs at least one seed")
    plans = (plan,) if against is None else (plan, against)
    job = Job.of(campaign, plans)
    if dask is not None:
        results = run_dask(job, seeds, dask, workers, progress)
    else:
        results = run_local(job, seeds, workers, progress)
    first = plan_results(plan.name, [r[0] for r in results])
    second = paired_scores = None
    if against is not None:
        second = plan_results(against.name, [r[1] for r in results])
        paired_scores = paired([g.score for g in first.games], [g.score for g in second.games])
    return Analysis(
        campaign.name,
        campaign.campaign.meta.title,
        seeds[0],
        len(seeds),
        first,
        second,
        paired_scores,
    )


def plan_results(name: str, games: Sequence[GameResult]) -> PlanResults:
    """The distributions of one plan's games."""
    n = len(games)
    return PlanResults(
        plan=name,
        games=tuple(games),
        score=describe([g.score for g in games]),
        score_histogram=histogram([g.score for g in games]),
        outcomes=_shares([g.result for g in games]),
        grades=_shares([g.grade for g in games if g.grade]),
        terminations=_shares([g.termination for g in games]),
        leakers=_by_key(games, lambda g: g.leakers),
        rounds=_by_key(games, lambda g: g.rounds),
        damage=_by_key(games, lambda g: g.damage),
        kills=describe([g.kills for g in games]),
        all_leakers=describe([sum(g.leakers.values()) for g in games]),
        expected_kills=math.fsum(g.expected_kills for g in games) / n,
        expected_leakers=math.fsum(g.expected_leakers for g in games) / n,
        exact_share=sum(g.exact for g in games) / n,
        orders_refused=describe([g.orders_refused for g in games]),
    )


def _shares(values: Sequence[str]) -> dict[str, float]:
    if not values:
        return {}
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return {key: counts[key] / len(values) for key in sorted(counts)}


def _by_key(
    games: Sequence[GameResult], part: Callable[[GameResult], dict[str, int] | dict[str, float]]
) -> dict[str, Distribution]:
    """Per key (a class, a missile, an asset) seen in any game: its values per game, 0
    where a game had none."""
    keys: dict[str, None] = {}
    for game in games:
        keys.update(dict.fromkeys(part(game)))
    return {key: describe([float(part(g).get(key, 0)) for g in games]) for key in keys}
