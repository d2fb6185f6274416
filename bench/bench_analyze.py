"""Throughput of `wargame analyze`: games per CPU-second per worker, wall time with 1 and
2 workers, and the whole command (start-up included) for 1000 first-contact games.

Run: python bench/bench_analyze.py [--runs N]  (default 1000)
Targets on a 2-core machine: at least 200 first-contact games a second on 2 workers,
and `wargame analyze campaigns/first-contact.toml --runs 1000` in under 8 s of wall
time, start-up included. Games per CPU-second is the process's CPU time, so other load
does not count; wall times do count it: run on a quiet machine.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from wargame.analysis.monte_carlo import analyze
from wargame.analysis.plans import default_plan
from wargame.analysis.play import Job, play_seeds
from wargame.campaign import load_campaign

ROOT = Path(__file__).resolve().parent.parent
CAMPAIGNS = ("first-contact", "northern-screen")

# The CLI with `analyze` registered, whether or not `wargame.cli` registers it yet.
CLI = """
import sys
from wargame.cli import app, main
if not any(c.name == "analyze" or getattr(c.callback, "__name__", "") == "analyze"
           for c in app.registered_commands):
    from wargame.cli_analysis import analyze
    app.command()(analyze)
sys.argv = ["wargame", *sys.argv[1:]]
main()
"""


def games_per_cpu_second(name: str, games: int = 200) -> float:
    loaded = load_campaign(ROOT / "campaigns" / f"{name}.toml")
    job = Job.of(loaded, [default_plan()])
    play_seeds(job, [0])  # warm up: the scenario built, caches touched
    start = time.process_time()
    play_seeds(job, range(1, games + 1))
    return games / (time.process_time() - start)


def wall_seconds(name: str, runs: int, workers: int) -> float:
    loaded = load_campaign(ROOT / "campaigns" / f"{name}.toml")
    start = time.perf_counter()
    analyze(loaded, default_plan(), range(1, runs + 1), workers=workers)
    return time.perf_counter() - start


def command_seconds(runs: int) -> tuple[float, float]:
    """Wall and CPU seconds (all processes) of the whole command, start-up included."""
    args = [sys.executable, "-c", CLI, "analyze", "campaigns/first-contact.toml"]
    before = os.times()
    start = time.perf_counter()
    subprocess.run([*args, "--runs", str(runs)], cwd=ROOT, capture_output=True, check=True)
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1000)
    runs = parser.parse_args().runs
    header = ("games/CPU-s", "1 worker s", "2 workers s", "games/s on 2")
    print(f"{'campaign':<16} " + " ".join(f"{h:>12}" for h in header))
    for name in CAMPAIGNS:
        rate = games_per_cpu_second(name)
        one = wall_seconds(name, runs, 1)
        two = wall_seconds(name, runs, 2)
        print(f"{name:<16} {rate:>12.0f} {one:>12.2f} {two:>12.2f} {runs / two:>12.0f}")
    wall, cpu = command_seconds(runs)
    print(
        f"wargame analyze campaigns/first-contact.toml --runs {runs}: "
        f"{wall:.2f} s wall, {cpu:.2f} s CPU (all processes, start-up included)"
    )


if __name__ == "__main__":
    main()
