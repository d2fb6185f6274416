"""Engine speed: milliseconds per turn (median) and the time of a whole game.

Run: python bench/bench_engine.py  (CPU time of this process, so other load does not count)
Targets on a 2-core machine: <= 2 ms per turn at 1,000 threats, <= 15 ms at
10,000 (16 radars, 24 fire units), and a whole first-contact game <= 5 ms.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generated import generated_campaign

from wargame.campaign import LoadedCampaign, load_campaign
from wargame.engine import Game

ROOT = Path(__file__).resolve().parent.parent


def turn_times(loaded: LoadedCampaign, seed: int, turns: int | None = None) -> list[float]:
    game = Game.new(loaded, seed)
    times = []
    while not game.over and (turns is None or game.turn < turns):
        start = time.process_time()
        game.step([])
        times.append(time.process_time() - start)
    return times


def whole_game(loaded: LoadedCampaign, seed: int) -> float:
    start = time.process_time()
    game = Game.new(loaded, seed)
    while not game.over:
        game.step([])
    return time.process_time() - start


def main() -> None:
    first = load_campaign(ROOT / "campaigns" / "first-contact.toml")
    whole_game(first, 0)  # warm up imports and caches
    games = [whole_game(first, seed) for seed in range(30)]
    per_turn = [t for seed in range(10) for t in turn_times(first, seed)]
    print(f"{'case':<40} {'median ms/turn':>15} {'p90 ms/turn':>12}")
    print(
        f"{'first-contact':<40} {1e3 * statistics.median(per_turn):>15.3f} "
        f"{1e3 * statistics.quantiles(per_turn, n=10)[-1]:>12.3f}"
    )
    for n in (1_000, 10_000):
        loaded = generated_campaign(n)
        times = turn_times(loaded, 1, turns=40)
        print(
            f"{f'generated {n} threats, 16 radars, 24 FUs':<40} "
            f"{1e3 * statistics.median(times):>15.3f} "
            f"{1e3 * statistics.quantiles(times, n=10)[-1]:>12.3f}"
        )
    print(
        f"whole first-contact game (median of 30 seeds, Game.new included): "
        f"{1e3 * statistics.median(games):.2f} ms"
    )


if __name__ == "__main__":
    main()
