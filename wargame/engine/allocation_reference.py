"""A reference for `assign`: an exact method independent of it, to measure its gap.

The expected surviving value S = sum_j v_j exp(y_j), with y_j = sum_i shots_ij log(1 - pk_ij),
is convex in y, so a MILP (scipy's HiGHS) with tangent cuts of exp under-estimates it;
adding a cut wherever the solution cheats converges to the optimum. The tests and
`bench/bench_assign.py` use it; play never does.
"""

from __future__ import annotations

import time

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix, csr_matrix

from wargame.engine.allocation import expected_survival

F64 = NDArray[np.float64]
I64 = NDArray[np.int64]


def outer_approximation(value: F64, pk: F64, ammo: I64, time_limit: float) -> tuple[float, float]:
    """(best S found, proven lower bound on S), when the optimum is proven or after
    `time_limit` seconds, whichever comes first."""
    n_w, n_t = pk.shape
    c = np.log1p(-np.minimum(pk, 1 - 1e-12))
    ii, jj = np.nonzero(pk > 0)
    n = ii.size
    size = n + 2 * n_t  # shots, y, z
    link = coo_matrix(
        (
            np.concatenate([-c[ii, jj], np.ones(n_t)]),
            (
                np.concatenate([jj, np.arange(n_t)]),
                np.concatenate([np.arange(n), n + np.arange(n_t)]),
            ),
        ),
        shape=(n_t, size),
    )
    rounds = coo_matrix((np.ones(n), (ii, np.arange(n))), shape=(n_w, size))
    fixed = [
        LinearConstraint(link.tocsr(), 0, 0),
        LinearConstraint(rounds.tocsr(), -np.inf, ammo.astype(float)),
    ]
    y_min = (c * ammo[:, None]).sum(axis=0)
    cut_rows: list[F64] = []
    cut_low: list[float] = []

    def add_cut(j: int, t: float) -> None:
        row = np.zeros(size)
        row[n + n_t + j] = 1.0
        row[n + j] = -np.exp(t)
        cut_rows.append(row)
        cut_low.append(float(np.exp(t) * (1 - t)))

    for j in range(n_t):
        for t in np.linspace(y_min[j], 0.0, 12):
            add_cut(j, float(t))
    cost = np.concatenate([np.zeros(n + n_t), value])
    integrality = np.concatenate([np.ones(n), np.zeros(2 * n_t)])
    bounds = Bounds(
        np.concatenate([np.zeros(n), y_min - 1, np.zeros(n_t)]),
        np.concatenate([ammo[ii].astype(float), np.zeros(n_t), np.full(n_t, np.inf)]),
    )
    best, lower = np.inf, 0.0
    deadline = time.perf_counter() + time_limit
    while (left := deadline - time.perf_counter()) > 0:
        cuts = LinearConstraint(csr_matrix(np.array(cut_rows)), np.array(cut_low), np.inf)
        res = milp(
            cost,
            constraints=[*fixed, cuts],
            integrality=integrality,
            bounds=bounds,
            options={"mip_rel_gap": 1e-9, "time_limit": left},
        )
        if res.x is None:
            break
        # The MILP relaxes the true problem, so its dual bound holds for it, solved or not.
        if res.mip_dual_bound is not None and np.isfinite(res.mip_dual_bound):
            lower = max(lower, float(res.mip_dual_bound))
        shots = np.zeros((n_w, n_t), dtype=np.int64)
        shots[ii, jj] = np.round(res.x[:n]).astype(np.int64)
        best = min(best, expected_survival(value, pk, shots))
        y, z = res.x[n : n + n_t], res.x[n + n_t :]
        cheats = [j for j in range(n_t) if np.exp(y[j]) > z[j] * (1 + 1e-9) + 1e-12]
        if best - lower <= 1e-9 * best or not cheats:
            break
        for j in cheats:
            add_cut(j, float(y[j]))
    return best, lower
