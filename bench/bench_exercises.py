"""Balance of the exercise library: does each exercise teach what it says, over many seeds?

For every exercise (every shipped campaign but the tutorial and Northern Screen) it
plays the default doctrine (no orders) and the school solution
(`campaigns/solutions/<campaign>.toml`) on the same seeds, with the same dice, and
prints for each: the default's mean grade and share of defeats, the school solution's
mean grade, the share of paired seeds on which the school solution scores more, its
mean gain in score and the default's seed-to-seed standard deviation, and whether
each of the balance targets holds:

- the default doctrine averages C or worse, and is defeated on at least 15 % of seeds;
- the school solution averages B or better, beats the default on at least 80 % of the
  same seeds, and its mean gain is at least the default's standard deviation.

A mean grade is the mean of grade points (A 4, B 3, C 2, D 1, F 0) and reads as the
nearest grade: "C or worse" is a mean under 2.5, "B or better" a mean of 2.5 or more.

Run: python bench/bench_exercises.py [--runs N] [--seed S] [--workers W] [EXERCISE...]
(default 200 seeds from seed 1, every core). Exit 1 when a target fails.
`tests/campaign/test_exercises.py` checks the ordering on fewer seeds with `measure`.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from wargame.analysis.plans import Plan, default_plan
from wargame.campaign import LoadedCampaign, load_campaign
from wargame.engine import Game
from wargame.engine.dice import check_seed
from wargame.engine.events import Event
from wargame.engine.scenario import Scenario, build_scenario
from wargame.engine.state import initial_state
from wargame.record.orders_file import load_orders
from wargame.report.summary import summarise

ROOT = Path(__file__).resolve().parent.parent
CAMPAIGNS = ROOT / "campaigns"
SOLUTIONS = CAMPAIGNS / "solutions"
EXERCISES = (
    "drone-tide",
    "weasel-hunt",
    "short-warning",
    "far-shore",
    "ghost-fleet",
    "thin-line",
)
"""The exercise library, one learning aim each: saturation, suppression, ballistic
missiles, the long reach, decoys, triage."""

POINTS = {"A": 4, "B": 3, "C": 2, "D": 1, "F": 0}
"""Grade points, to average grades."""
LETTERS = "FDCBA"

DEFAULT_AT_MOST = 2.5
"""The default doctrine's mean grade points stay under this: C or worse."""
DEFEATED_AT_LEAST = 0.15
SCHOOL_AT_LEAST = 2.5
"""The school solution's mean grade points reach this: B or better."""
WINS_AT_LEAST = 0.8


@dataclass(frozen=True)
class Game1:
    """One game's figures."""

    score: float
    grade: str
    outcome: str


@dataclass(frozen=True)
class Figures:
    """An exercise measured: the default doctrine and the school solution on the same seeds."""

    exercise: str
    seeds: int
    default_points: float
    default_defeated: float
    default_sd: float
    school_points: float
    school_defeated: float
    wins: float
    """Share of seeds on which the school solution scores more than the default."""
    gain: float
    """Mean of (school score - default score) over the seeds."""

    @property
    def checks(self) -> dict[str, bool]:
        return {
            "default C or worse": self.default_points < DEFAULT_AT_MOST,
            "default defeated >= 15%": self.default_defeated >= DEFEATED_AT_LEAST,
            "school B or better": self.school_points >= SCHOOL_AT_LEAST,
            "school beats default >= 80%": self.wins >= WINS_AT_LEAST,
            "gain >= default sd": self.gain >= self.default_sd,
        }


def letter(points: float) -> str:
    """The nearest grade to a mean of grade points (2.5 reads as B)."""
    return LETTERS[min(4, max(0, int(points + 0.5)))]


def campaign_path(exercise: str) -> Path:
    """An exercise's file: its name in `campaigns/`, or a campaign file given by path."""
    return Path(exercise) if exercise.endswith(".toml") else CAMPAIGNS / f"{exercise}.toml"


def solution_path(exercise: str) -> Path:
    """Its school solution: `solutions/<name>.toml` beside the campaign file."""
    path = campaign_path(exercise)
    return path.parent / "solutions" / f"{path.stem}.toml"


def school_plan(exercise: str, campaign: LoadedCampaign) -> Plan:
    path = solution_path(exercise)
    return Plan(str(path), tuple(load_orders(path, campaign)))


def play(scenario: Scenario, plan: Plan, seed: int) -> Game1:
    """One game of the plan on this seed, as `wargame run` would report it."""
    campaign = scenario.loaded
    game = Game(scenario, initial_state(scenario), check_seed(seed))
    log: list[Event] = [game.started_event()]
    by_turn = plan.by_turn()
    while not game.over:
        log.extend(game.step(by_turn.get(game.turn + 1, [])))
    summary = summarise(campaign.name, seed, log)
    return Game1(float(summary["score"]), str(summary["grade"]), str(summary["outcome"]))


def _play_seeds(task: tuple[str, Sequence[int]]) -> list[tuple[Game1, Game1]]:
    exercise, seeds = task
    campaign = load_campaign(campaign_path(exercise))
    scenario = build_scenario(campaign)
    default, school = default_plan(), school_plan(exercise, campaign)
    return [(play(scenario, default, s), play(scenario, school, s)) for s in seeds]


def measure(exercise: str, seeds: Sequence[int], workers: int = 1) -> Figures:
    """Play the default doctrine and the school solution on the seeds (paired)."""
    chunks = [list(seeds[i : i + 25]) for i in range(0, len(seeds), 25)]
    tasks = [(exercise, chunk) for chunk in chunks]
    if workers > 1 and len(tasks) > 1:
        with multiprocessing.Pool(min(workers, len(tasks))) as pool:
            parts = pool.map(_play_seeds, tasks)
    else:
        parts = [_play_seeds(task) for task in tasks]
    pairs = [pair for part in parts for pair in part]
    default = [d for d, _ in pairs]
    school = [s for _, s in pairs]
    n = len(pairs)
    return Figures(
        exercise=exercise,
        seeds=n,
        default_points=statistics.fmean(POINTS[g.grade] for g in default),
        default_defeated=sum(g.outcome == "defeat" for g in default) / n,
        default_sd=statistics.stdev(g.score for g in default) if n > 1 else 0.0,
        school_points=statistics.fmean(POINTS[g.grade] for g in school),
        school_defeated=sum(g.outcome == "defeat" for g in school) / n,
        wins=sum(s.score > d.score for d, s in pairs) / n,
        gain=statistics.fmean(s.score - d.score for d, s in pairs),
    )


def report(f: Figures) -> str:
    """The figures of one exercise as the instructor notes quote them."""
    lines = [
        f"{Path(f.exercise).stem} ({f.seeds} seeds)",
        f"  default doctrine: mean grade {letter(f.default_points)} "
        f"({f.default_points:.2f}), defeated {f.default_defeated:.0%}, "
        f"score sd {f.default_sd:.0f}",
        f"  school solution:  mean grade {letter(f.school_points)} "
        f"({f.school_points:.2f}), defeated {f.school_defeated:.0%}, "
        f"beats the default on {f.wins:.0%} of seeds, mean gain {f.gain:+.0f}",
    ]
    lines += [f"  {'ok  ' if ok else 'FAIL'} {name}" for name, ok in f.checks.items()]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("exercises", nargs="*", default=list(EXERCISES))
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=multiprocessing.cpu_count())
    args = parser.parse_args(argv)
    seeds = range(args.seed, args.seed + args.runs)
    failed = False
    for exercise in args.exercises:
        figures = measure(exercise, seeds, args.workers)
        print(report(figures), flush=True)
        failed |= not all(figures.checks.values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
