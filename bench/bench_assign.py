"""Benchmark of the weapon-target assignment core: speed of `assign` and its gap to the optimum.

Run as `python bench/bench_assign.py` (about half a minute). Instances follow Ahuja et al.
(2007): target values uniform in 25..100, kill probabilities uniform in 0.6..0.9, the same
rounds for every weapon; fixed seeds, so every run measures the same problems.

The reference each gap is measured against:

- exact (dp): `exhaustive`, the module's own exact search;
- exact (milp): an independent outer-approximation MILP (scipy's HiGHS) that proved
  optimality;
- best known: the best of `assign`, `assign` on 16 jittered copies of the problem (values
  and kill probabilities scaled by up to 2 %, scored on the true ones) and the MILP
  stopped at its time limit.

The last column bounds assign's gap from above with the MILP's proven lower bound ("-" when
the MILP's bound is still too weak to say anything after its time limit).
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # runs from a bare clone too

from wargame.engine.allocation import (
    assign,
    exhaustive,
    expected_survival,
    greedy_mmr,
)
from wargame.engine.allocation_reference import outer_approximation

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]


@dataclass(frozen=True)
class Size:
    weapons: int
    targets: int
    rounds: int
    instances: int
    repeats: int  # timed calls of assign per instance
    reference: str  # "dp" or "milp"
    milp_seconds: float = 0.0

    @property
    def label(self) -> str:
        return f"{self.weapons}x{self.targets}x{self.rounds}"


SIZES = [
    Size(5, 5, 1, 10, 50, "dp"),
    Size(8, 8, 2, 5, 50, "dp"),
    Size(10, 10, 2, 5, 50, "milp", 5.0),
    Size(24, 50, 2, 5, 30, "milp", 5.0),
    Size(24, 200, 6, 3, 10, "milp", 2.0),
    Size(40, 40, 2, 3, 20, "milp", 3.0),
]


def instance(rng: np.random.Generator, size: Size) -> tuple[FloatArray, FloatArray, IntArray]:
    value = rng.uniform(25, 100, size.targets)
    pk = rng.uniform(0.6, 0.9, (size.weapons, size.targets))
    return value, pk, np.full(size.weapons, size.rounds, dtype=np.int64)


def jittered_best(
    value: FloatArray, pk: FloatArray, ammo: IntArray, rng: np.random.Generator, copies: int
) -> float:
    """Best true S of assign run on slightly perturbed copies: other local optima."""
    best = np.inf
    for _ in range(copies):
        v = value * rng.uniform(0.98, 1.02, value.shape)
        p = np.clip(pk * rng.uniform(0.98, 1.02, pk.shape), 0.0, 1.0)
        best = min(best, expected_survival(value, pk, assign(v, p, ammo)))
    return best


def median_ms(value: FloatArray, pk: FloatArray, ammo: IntArray, repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        assign(value, pk, ammo)
        times.append((time.perf_counter() - start) * 1e3)
    return times


def proven_gap(certified: list[float]) -> str:
    if not certified:
        return "0 (exact)"
    worst = max(certified)
    return f"{worst:.3f}" if worst < 50 else "- (MILP bound too weak)"


def run_size(size: Size, seed: int) -> dict[str, str]:
    rng = np.random.default_rng(seed)
    times: list[float] = []
    greedy_times: list[float] = []
    ours: list[float] = []
    greedy: list[float] = []
    proven = 0
    certified: list[float] = []  # assign's gap to the MILP's lower bound: a proven worst case
    for _ in range(size.instances):
        value, pk, ammo = instance(rng, size)
        assign(value, pk, ammo)  # warm up
        times += median_ms(value, pk, ammo, size.repeats)
        start = time.perf_counter()
        greedy_plan = greedy_mmr(value, pk, ammo)
        greedy_times.append((time.perf_counter() - start) * 1e3)
        found = expected_survival(value, pk, assign(value, pk, ammo))
        if size.reference == "dp":
            best = expected_survival(value, pk, exhaustive(value, pk, ammo))
            proven += 1
        else:
            milp_best, lower = outer_approximation(value, pk, ammo, size.milp_seconds)
            best = min(found, milp_best, jittered_best(value, pk, ammo, rng, 16))
            proven += best - lower <= 1e-7 * best
            certified.append(100 * (found / lower - 1) if lower > 0 else np.inf)
        ours.append(100 * (found / best - 1))
        greedy.append(100 * (expected_survival(value, pk, greedy_plan) / best - 1))
    if size.reference == "dp":
        reference = "exact (dp)"
    elif proven == size.instances:
        reference = "exact (milp)"
    else:
        reference = f"best known ({proven}/{size.instances} proven)"
    return {
        "size W x T x rounds": size.label,
        "n": str(size.instances),
        "assign ms": f"{statistics.median(times):.3f}",
        "greedy ms": f"{statistics.median(greedy_times):.3f}",
        "assign gap % mean/max": f"{np.mean(ours):.3f} / {np.max(ours):.3f}",
        "greedy gap % mean/max": f"{np.mean(greedy):.2f} / {np.max(greedy):.2f}",
        "reference": reference,
        "proven assign gap % max": proven_gap(certified),
    }


def main() -> None:
    started = time.perf_counter()
    rows = [run_size(size, seed=1000 + k) for k, size in enumerate(SIZES)]
    heads = list(rows[0])
    widths = [max(len(h), *(len(r[h]) for r in rows)) for h in heads]
    print("  ".join(h.ljust(w) for h, w in zip(heads, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(row[h].ljust(w) for h, w in zip(heads, widths, strict=True)))
    print(f"\n(total {time.perf_counter() - started:.1f} s; gaps are (S / S_ref - 1) in %)")


if __name__ == "__main__":
    main()
