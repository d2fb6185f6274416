"""Engine speed: milliseconds per turn (median), per simulated minute, and the time of a
whole game.

Run: python bench/bench_engine.py  (CPU time of this process, so other load does not count)
Targets on a 2-core machine: <= 2 ms per turn at 1,000 threats, <= 15 ms at
10,000 (16 radars, 24 fire units), and a whole first-contact game <= 5 ms. The
10,000-threat raid is played a second time over a terrain grid of 5 km cells (200 by
160, ridges and hills to 1,500 m: `generated.terrain_rows`), whose line of sight must
keep it within twice the smooth Earth's time. Since
turns became the engine's tick (30 s in the shipped campaigns), the figure that
compares with the older 60 s turns is the time per simulated minute: the generated
raids are played at 30 s turns, and the "ms/min" column is the median turn times the
turns a minute holds.

The generated raids enter over their first ten turns and overwhelm the defence in
about a dozen, so the median turn of such a game is an early one; the "fighting"
column is the median over the turns in which missiles are in the air or launched,
the cost that matters once the battle is on. Every case is played once before it is
timed, so that the figures are those of a running program, not of its first touch of
memory. A generated raid is one game of a dozen turns, so each is played five times
and each turn's time is its median over the five: one slow moment of the machine then
moves no figure.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generated import generated_campaign

from wargame.campaign import LoadedCampaign, load_campaign
from wargame.campaign.retime import retimed
from wargame.engine import Game

ROOT = Path(__file__).resolve().parent.parent
TICK_S = 30.0
"""The turn the generated raids are played at: the shipped campaigns'."""


def turn_times(
    loaded: LoadedCampaign, seed: int, turns: int | None = None
) -> tuple[list[float], list[float]]:
    """CPU seconds of each turn, and of the turns with missiles launched or in the air."""
    game = Game.new(loaded, seed)
    times, fighting = [], []
    while not game.over and (turns is None or game.turn < turns):
        start = time.process_time()
        events = game.step([])
        spent = time.process_time() - start
        times.append(spent)
        if game.state.shots or any(e.kind == "missile_launched" for e in events):
            fighting.append(spent)
    return times, fighting


def steady_turn_times(
    loaded: LoadedCampaign, seed: int, turns: int, runs: int = 5
) -> tuple[list[float], list[float]]:
    """`turn_times` of the same game played `runs` times: per turn, the median."""
    played = [_turns_with_fighting(loaded, seed, turns) for _ in range(runs)]
    times = [statistics.median(run[t][0] for run in played) for t in range(len(played[0]))]
    fighting = [times[t] for t, (_, busy) in enumerate(played[0]) if busy]
    return times, fighting


def _turns_with_fighting(loaded: LoadedCampaign, seed: int, turns: int) -> list[tuple[float, bool]]:
    game = Game.new(loaded, seed)
    out = []
    while not game.over and game.turn < turns:
        start = time.process_time()
        events = game.step([])
        spent = time.process_time() - start
        busy = bool(game.state.shots) or any(e.kind == "missile_launched" for e in events)
        out.append((spent, busy))
    return out


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
    per_turn: list[float] = []
    per_fighting: list[float] = []
    for seed in range(10):
        times, fighting = turn_times(first, seed)
        per_turn += times
        per_fighting += fighting
    print(f"{'case':<49} {'median ms/turn':>15} {'p90 ms/turn':>12} {'fighting':>9} {'ms/min':>8}")
    _row("first-contact", per_turn, per_fighting, first.campaign.clock.seconds_per_turn)
    for n, terrain in ((1_000, False), (10_000, False), (10_000, True)):
        loaded = retimed(generated_campaign(n, terrain=terrain), TICK_S)
        turns = round(40 * 60 / TICK_S)  # the forty minutes the 60 s turns covered
        turn_times(loaded, 1, turns=turns)  # warm up, as for first-contact: steady state
        times, fighting = steady_turn_times(loaded, 1, turns=turns)
        where = ", terrain" if terrain else ""
        _row(f"generated {n} threats, 16 radars, 24 FUs{where}", times, fighting, TICK_S)
    print(
        f"whole first-contact game (median of 30 seeds, Game.new included): "
        f"{1e3 * statistics.median(games):.2f} ms"
    )


def _row(case: str, times: list[float], fighting: list[float], seconds_per_turn: float) -> None:
    median = statistics.median(times)
    print(
        f"{case:<49} {1e3 * median:>15.3f} "
        f"{1e3 * statistics.quantiles(times, n=10)[-1]:>12.3f} "
        f"{1e3 * statistics.median(fighting):>9.3f} "
        f"{1e3 * median * 60.0 / seconds_per_turn:>8.3f}"
    )


if __name__ == "__main__":
    main()
