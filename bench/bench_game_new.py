"""Game.new at scale: the milliseconds to build a game of 1,000 and 10,000 threats.

Run: python bench/bench_game_new.py  (median of 20, CPU time of this process)
Target: Game.new at 10,000 threats in under 10 ms.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generated import generated_campaign

from wargame.engine import Game


def main() -> None:
    for n in (1_000, 10_000):
        loaded = generated_campaign(n)
        Game.new(loaded, 1)  # warm up
        times = []
        for seed in range(20):
            start = time.process_time()
            Game.new(loaded, seed)
            times.append(time.process_time() - start)
        print(f"Game.new, {n:>6} threats: {1e3 * statistics.median(times):.2f} ms")


if __name__ == "__main__":
    main()
