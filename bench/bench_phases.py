"""Where a turn's time goes: CPU milliseconds per game spent in each phase of the turn.

Run: python bench/bench_phases.py
For the tutorial (every seed of 0-29 played to the end) and for the generated raids of
1,000 and 10,000 threats (seed 1, to the end), the time in each phase that
`wargame.engine.game.advance` runs, summed over the game; `Game.new` is shown apart.
The phases are timed by wrapping them, which adds about a microsecond a call.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generated import generated_campaign

import wargame.engine.game as turn
from wargame.campaign import LoadedCampaign, load_campaign
from wargame.engine import Game

ROOT = Path(__file__).resolve().parent.parent
PHASES = (
    "units_set_up",
    "apply_orders",
    "spawn_raids",
    "move_threats",
    "detect_and_track",
    "resolve_intercepts",
    "resolve_leakers",
    "plan_engagements",
    "launch",
    "_magazines",
    "_reload",
    "red_decisions",
    "_end_checks",
)


def _timed(spent: dict[str, float], name: str, phase: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return phase(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - start

    return run


def profile(loaded: LoadedCampaign, seeds: range) -> tuple[dict[str, float], float, int]:
    """Seconds per game in each phase, in Game.new, and the turns of a game, on average."""
    spent: dict[str, float] = defaultdict(float)
    originals = {name: getattr(turn, name) for name in PHASES}
    for name, phase in originals.items():
        setattr(turn, name, _timed(spent, name, phase))
    new = 0.0
    turns = 0
    try:
        for seed in seeds:
            start = time.process_time()
            game = Game.new(loaded, seed)
            new += time.process_time() - start
            while not game.over:
                game.step([])
            turns += game.turn
    finally:
        for name, phase in originals.items():
            setattr(turn, name, phase)
    games = len(seeds)
    return {k: v / games for k, v in spent.items()}, new / games, turns // games


def main() -> None:
    cases = [
        ("first-contact", load_campaign(ROOT / "campaigns" / "first-contact.toml"), range(30)),
        ("1,000 threats", generated_campaign(1_000), range(1, 2)),
        ("10,000 threats", generated_campaign(10_000), range(1, 2)),
    ]
    results = []
    for name, loaded, seeds in cases:
        profile(loaded, seeds)  # warm up
        results.append((name, *profile(loaded, seeds)))
    print("CPU ms per game, by phase of the turn")
    print(f"{'phase':<20}" + "".join(f"{name:>16}" for name, *_ in results))
    for phase in PHASES:
        row = "".join(f"{1e3 * spent.get(phase, 0.0):>16.2f}" for _, spent, _, _ in results)
        print(f"{phase.strip('_'):<20}{row}")
    totals = "".join(f"{1e3 * sum(spent.values()):>16.2f}" for _, spent, _, _ in results)
    print(f"{'all phases':<20}{totals}")
    print(f"{'Game.new':<20}" + "".join(f"{1e3 * new:>16.2f}" for _, _, new, _ in results))
    print(f"{'turns':<20}" + "".join(f"{turns:>16d}" for *_, turns in results))


if __name__ == "__main__":
    main()
