"""Luck versus skill for one finished game: its orders on other seeds, and the default
doctrine on the same seeds.

`luck_of(record, runs)` plays the saved orders (re-aimed as `plans.save_plan` does: an
order aimed at a track follows the threat that track held) on `runs` other seeds, and
the default doctrine on the same seeds with the same dice, through `analyze`; it returns
the report's `Luck`: where this game's score sits among its orders' scores (luck) and how
those orders compare with the doctrine seed by seed (skill). The seeds follow from the
game's own: seed + 1 to seed + runs (below the seed if those would pass the largest), so
the same save always gives the same figures. Called by `wargame report --luck` and the
TUI's report screen.
"""

from __future__ import annotations

from collections.abc import Sequence

from wargame.analysis.monte_carlo import Analysis, analyze
from wargame.analysis.plans import Plan, default_plan, track_threats
from wargame.analysis.runner import Progress
from wargame.engine import MAX_SEED
from wargame.engine.events import GameOver
from wargame.errors import Problem, WargameError
from wargame.record import Record
from wargame.record.verify import embedded_campaign
from wargame.report.luck import Luck

DEFAULT_RUNS = 100
"""Other seeds played when none are asked for: about a second of play for First Contact."""


def other_seeds(seed: int, runs: int) -> list[int]:
    """`runs` seeds beside the game's own, never it: those after it, or those before it
    if they would pass the largest seed."""
    if runs < 1:
        raise ValueError("luck needs at least one other seed")
    if seed + runs <= MAX_SEED:
        return list(range(seed + 1, seed + runs + 1))
    return list(range(seed - runs, seed))


def standing_of(score: float, sample: Sequence[float]) -> tuple[int, int]:
    """(values below the score, values equal to it): where a score sits in a sample."""
    return sum(v < score for v in sample), sum(v == score for v in sample)


def record_plan(record: Record, name: str) -> Plan:
    """The orders a player gave in a saved game, to play on other seeds."""
    return Plan(f"the orders of {name}", tuple(record.orders()), track_threats(record.events()))


def luck_of(
    record: Record,
    runs: int = DEFAULT_RUNS,
    *,
    name: str = "the game",
    workers: int = 1,
    progress: Progress | None = None,
) -> Luck:
    """Luck and skill of a finished game (see the module's docstring); `WargameError` for
    an unfinished game or a campaign today's rules cannot load. `progress` is told the
    seeds played so far (both plans played on each)."""
    over = next((e for e in reversed(record.turns[-1].events) if isinstance(e, GameOver)), None)
    if over is None:
        raise WargameError(
            Problem(
                name,
                f"luck needs a finished game: this one stops at turn {record.last_turn}, "
                "and its score is not yet a result to compare",
            )
        )
    campaign = embedded_campaign(record, name)
    seeds = other_seeds(record.seed, runs)
    analysis = analyze(
        campaign,
        record_plan(record, name),
        seeds,
        default_plan(),
        workers=workers,
        progress=progress,
    )
    return luck_from(over.score, over.grade, analysis)


def luck_from(score: float, grade: str, analysis: Analysis) -> Luck:
    """The `Luck` of a game that scored `score` (and got `grade`), from the analysis of
    its orders (first) against the default doctrine (second) on other seeds."""
    second, paired = analysis.second, analysis.paired
    if second is None or paired is None:
        raise ValueError("luck needs the orders analysed against the default doctrine")
    scores = tuple(g.score for g in analysis.first.games)
    below, ties = standing_of(score, scores)
    return Luck(
        seeds=tuple(g.seed for g in analysis.first.games),
        score=score,
        grade=grade,
        scores=scores,
        doctrine_scores=tuple(g.score for g in second.games),
        below=below,
        ties=ties,
        grades=dict(analysis.first.grades),
        better_share=paired.better_share,
        worse_share=paired.worse_share,
        tie_share=paired.tie_share,
        mean_difference=paired.mean_difference,
        ci95=paired.ci95,
    )
