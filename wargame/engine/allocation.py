"""Weapon-target assignment (WTA): the numeric core of the allocation phase.

This module owns one optimisation problem and nothing else. Given the value of
each target (T,), the kill probability of one round of each weapon against each
target (W, T) and the rounds each weapon may fire (W,), it chooses how many
rounds each weapon fires at each target so as to minimise the expected
surviving value

    S = sum_j value_j * prod_i (1 - pk_ij) ** shots_ij.

The engine's allocation phase builds `value`, `pk` and `ammo` from threats,
envelopes and fire channels and calls `assign` once per command post each turn.
`greedy_mmr` and `exhaustive` are the reference methods, exported for tests,
benchmarks and analysis; `expected_survival` scores any plan.

What `assign` does:

- every problem starts with greedy maximum marginal return (MMR) and a local
  search of single-shot moves and two-weapon swaps until no step improves;
- small problems (a full enumeration of at most 2**18 plans, which covers every
  problem with at most 6 rounds and 8 targets) are then solved exactly by a
  vectorised branch and bound seeded with that plan;
- a single weapon needs neither: greedy is exact for it.

Every round that can reach some target (pk > 0) is fired, since a round never
raises S; a caller who wants to hold rounds back passes less ammo.

Pure: numpy only, no I/O, no clock, no random state. Ties go to the lowest
index, so the same inputs always give the same plan.
"""

from __future__ import annotations

import math
from itertools import combinations_with_replacement

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["assign", "exhaustive", "expected_survival", "greedy_mmr"]

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

EXACT_PLAN_LIMIT = 2**18
"""`assign` solves exactly when the plans to enumerate are at most this many (8 targets ** 6)."""

_P_CAP = 1.0 - 1e-9
# The local search divides by (1 - pk); a certain kill is treated as a near-certain one there.

_CHILD_BUDGET = 1 << 16
# Partial plans expanded at once by the branch and bound: bounds its memory.


# --- validation -----------------------------------------------------------------------------


def _as_counts(raw: ArrayLike, name: str) -> IntArray:
    """An array of non-negative whole numbers as int64, or ValueError."""
    arr = np.asarray(raw)
    if arr.dtype == np.bool_ or arr.dtype.kind not in "iuf":
        raise ValueError(f"{name} must hold whole numbers, got dtype {arr.dtype}")
    if arr.dtype.kind == "f":
        if not np.all(np.isfinite(arr)) or np.any(arr != np.round(arr)):
            raise ValueError(f"{name} must hold whole numbers")
    if np.any(arr < 0):
        raise ValueError(f"{name} must be >= 0")
    return arr.astype(np.int64)


def _validate(value: ArrayLike, pk: ArrayLike, ammo: ArrayLike) -> tuple[FloatArray, FloatArray,
                                                                         IntArray]:
    """Check shapes and ranges; return float64 value, float64 pk and int64 ammo."""
    v = np.asarray(value, dtype=np.float64)
    p = np.asarray(pk, dtype=np.float64)
    if v.ndim != 1:
        raise ValueError(f"value must be 1-D with shape (T,), got shape {v.shape}")
    if p.ndim != 2:
        raise ValueError(f"pk must be 2-D with shape (W, T), got shape {p.shape}")
    if p.shape[1] != v.shape[0]:
        raise ValueError(
            f"pk has {p.shape[1]} target columns but value has {v.shape[0]} targets"
        )
    a = _as_counts(ammo, "ammo")
    if a.ndim != 1 or a.shape[0] != p.shape[0]:
        raise ValueError(f"ammo must have shape ({p.shape[0]},) to match pk, got {a.shape}")
    if not np.all(np.isfinite(v)) or np.any(v < 0):
        raise ValueError("value must be finite and >= 0")
    if not np.all((p >= 0.0) & (p <= 1.0)):  # also rejects NaN
        raise ValueError("pk must lie in [0, 1]")
    return v, p, a


# --- scoring --------------------------------------------------------------------------------


def _survival(v: FloatArray, p: FloatArray, x: IntArray) -> float:
    """Expected surviving value of plan x (no checks)."""
    return float(v @ np.prod((1.0 - p) ** x, axis=0))


def expected_survival(value: ArrayLike, pk: ArrayLike, shots: ArrayLike) -> float:
    """Expected surviving value S = sum_j value_j prod_i (1 - pk_ij) ** shots_ij of a plan."""
    v, p, _ = _validate(value, pk, np.zeros(np.shape(pk)[:1], dtype=np.int64))
    x = _as_counts(shots, "shots")
    if x.shape != p.shape:
        raise ValueError(f"shots must have the shape of pk {p.shape}, got {x.shape}")
    return _survival(v, p, x)


# --- greedy maximum marginal return ---------------------------------------------------------


def _greedy(v: FloatArray, p: FloatArray, ammo: IntArray) -> IntArray:
    """Give one round at a time to the (weapon, target) that lowers S the most."""
    n_w, n_t = p.shape
    x = np.zeros((n_w, n_t), dtype=np.int64)
    if n_w == 0 or n_t == 0:
        return x
    left = ammo.copy()
    vq = v.copy()  # value times current survival, per target
    one_minus = 1.0 - p
    # -inf keeps unreachable targets and empty weapons out; a zero gain still beats it, so a
    # round that can reach something is always fired.
    block = np.where(p > 0.0, 0.0, -np.inf)
    block[left == 0] = -np.inf
    gain = p * vq + block
    while True:
        flat = int(np.argmax(gain))  # first maximum: lowest weapon, then lowest target
        i, j = divmod(flat, n_t)
        if gain[i, j] == -np.inf:
            return x
        x[i, j] += 1
        vq[j] *= one_minus[i, j]
        left[i] -= 1
        if left[i] == 0:
            block[i] = -np.inf
            gain[i] = -np.inf
        # Only target j's survival changed, so only its column of gains moves.
        np.multiply(p[:, j], vq[j], out=gain[:, j])
        gain[:, j] += block[:, j]


def greedy_mmr(value: ArrayLike, pk: ArrayLike, ammo: ArrayLike) -> IntArray:
    """Plain greedy maximum marginal return: repeatedly give one round to the (weapon, target)
    with the largest reduction of S. Ties go to the lowest weapon, then the lowest target."""
    v, p, a = _validate(value, pk, ammo)
    return _greedy(v, p, a)


# --- local search ---------------------------------------------------------------------------


def _local_search(v: FloatArray, p: FloatArray, start: IntArray) -> IntArray:
    """Best-improvement descent over two neighbourhoods until neither improves S:
    move one round of a weapon to another target, or swap the targets of two rounds of
    different weapons. Round counts per weapon never change."""
    x = start.copy()
    n_w, _ = p.shape
    pc = np.minimum(p, _P_CAP)
    om = 1.0 - pc
    ratio = pc / om
    q = np.prod(om**x, axis=0)  # survival of each target under x
    rows = np.arange(n_w)
    for _ in range(64 * (int(x.sum()) + 1)):  # a safety cap; each step strictly lowers S
        vq = v * q
        tol = 1e-12 * float(vq.sum())  # steps smaller than float noise could cycle
        # Move: removing a round of i at j costs loss[i, j]; adding it at k gains gain[i, k].
        gain = pc * vq
        loss = np.where(x > 0, ratio * vq, np.inf)
        k1 = gain.argmax(axis=1)
        g1 = gain[rows, k1]
        j1 = loss.argmin(axis=1)
        l1 = loss[rows, j1]
        gain[rows, k1] = -np.inf
        g2 = gain.max(axis=1)
        loss[rows, j1] = np.inf
        l2 = loss.min(axis=1)
        # The source and destination must differ; if the best of each coincide, pair the best
        # of one with the runner-up of the other.
        clash = j1 == k1
        move = np.where(clash, np.minimum(l1 - g2, l2 - g1), l1 - g1)
        mi = int(np.argmin(move))
        best_move = float(move[mi])

        # Swap: rounds r = (w_r, t_r) and s = (w_s, t_s) trade targets.
        sw, st = np.nonzero(x)
        best_swap = np.inf
        if sw.size >= 2:
            without = vq[st] / om[sw, st]  # value surviving at t_r without round r
            drop = without * pc[sw, st]  # loss of removing round r
            b = pc[np.ix_(sw, st)] * without  # b[s, r]: w_s firing at t_r instead of r
            d = drop[:, None] + drop[None, :] - b - b.T
            flat = int(np.argmin(d))
            r, s = divmod(flat, sw.size)
            best_swap = float(d[r, s])

        if min(best_move, best_swap) >= -tol:
            return x
        if best_move <= best_swap:
            i = mi
            if not clash[i]:
                j, k = int(j1[i]), int(k1[i])
            elif l1[i] - g2[i] <= l2[i] - g1[i]:
                j = int(j1[i])
                k = int(np.argmax(gain[i]))  # runner-up: the best is masked above
            else:
                k = int(k1[i])
                j = int(np.argmin(loss[i]))
            x[i, j] -= 1
            x[i, k] += 1
            changed = (j, k)
        else:
            wr, tr, ws, ts = int(sw[r]), int(st[r]), int(sw[s]), int(st[s])
            x[wr, tr] -= 1
            x[ws, tr] += 1
            x[ws, ts] -= 1
            x[wr, ts] += 1
            changed = (tr, ts)
        for c in changed:  # recompute, not update: no drift from repeated division
            q[c] = np.prod(om[:, c] ** x[:, c])
    return x


# --- exact search ---------------------------------------------------------------------------


def _compositions(m: int, rounds: int) -> IntArray:
    """Every way to split `rounds` rounds over m targets, one row each: (C(m+r-1, r), m)."""
    combos = np.array(list(combinations_with_replacement(range(m), rounds)), dtype=np.int64)
    counts = np.zeros((combos.shape[0], m), dtype=np.int64)
    np.add.at(counts, (np.arange(combos.shape[0])[:, None], combos), 1)
    return counts


def _active(p: FloatArray, ammo: IntArray) -> NDArray[np.intp]:
    """Weapons with rounds and at least one reachable target."""
    return np.flatnonzero((ammo > 0) & (p > 0.0).any(axis=1))


def _plan_count(p: FloatArray, ammo: IntArray, cap: int) -> int:
    """Plans a full enumeration would visit, or cap + 1 once it exceeds cap."""
    total = 1
    for i in _active(p, ammo):
        m = int(np.count_nonzero(p[i] > 0.0))
        total *= math.comb(m + int(ammo[i]) - 1, int(ammo[i]))
        if total > cap:
            return cap + 1
    return total


def _exact(v: FloatArray, p: FloatArray, ammo: IntArray, incumbent: IntArray) -> IntArray:
    """Exact optimum by branch and bound over weapons, seeded with a good plan.

    A partial plan fixes the rounds of the first weapons; its state is the survival of each
    target. Nodes are expanded many at a time with numpy, depth first in chunks so memory
    stays bounded. The bound: by diminishing returns a weapon with a rounds can remove at
    most a times its best single-round gain at the node, so S minus the sum of those over
    the weapons still to place is a lower bound.
    """
    act = _active(p, ammo)
    if act.size == 0:
        return incumbent
    cols = np.flatnonzero((p[act] > 0.0).any(axis=0))  # targets nobody reaches are constant
    vc = v[cols]
    pa = p[np.ix_(act, cols)]
    rounds = ammo[act]
    # Weapons with the most to give go first: fixing them early tightens the bound soonest.
    order = np.argsort(-(rounds * (pa * vc).max(axis=1)), kind="stable")
    weapons = act[order]
    pw = pa[order]
    rw = rounds[order].astype(np.float64)
    n_layers = weapons.size
    comps: list[IntArray] = []
    factors: list[FloatArray] = []
    for layer in range(n_layers):
        reach = np.flatnonzero(pw[layer] > 0.0)
        part = _compositions(reach.size, int(rw[layer]))
        full = np.zeros((part.shape[0], cols.size), dtype=np.int64)
        full[:, reach] = part
        comps.append(full)
        factors.append((1.0 - pw[layer]) ** full)

    def lower_bound(states: FloatArray, layer: int) -> FloatArray:
        vq = states * vc
        rest = (vq[:, None, :] * pw[None, layer:, :]).max(axis=2) @ rw[layer:]
        bound: FloatArray = vq.sum(axis=1) - rest
        return bound

    best_s = _survival(vc, pa, incumbent[np.ix_(act, cols)])
    threshold = best_s * (1.0 - 1e-13)  # only a clearly better plan replaces the incumbent
    best_choice: IntArray | None = None
    stack: list[tuple[int, FloatArray, IntArray]] = [
        (0, np.ones((1, cols.size)), np.zeros((1, 0), dtype=np.int64))
    ]
    while stack:
        layer, states, chosen = stack.pop()
        fac = factors[layer]
        n = fac.shape[0]
        per_batch = max(1, _CHILD_BUDGET // n)
        if states.shape[0] > per_batch:  # split, keeping the most promising batch on top
            for start in reversed(range(0, states.shape[0], per_batch)):
                stack.append(
                    (layer, states[start : start + per_batch], chosen[start : start + per_batch])
                )
            continue
        children = (states[:, None, :] * fac[None, :, :]).reshape(-1, cols.size)
        bound = lower_bound(children, layer + 1)
        keep = np.flatnonzero(bound < threshold)
        if keep.size == 0:
            continue
        children = children[keep]
        bound = bound[keep]
        picks = np.hstack([chosen[keep // n], (keep % n)[:, None]])
        if layer + 1 == n_layers:  # leaves: the bound is the exact S
            k = int(np.argmin(bound))
            best_s = float(bound[k])
            threshold = best_s * (1.0 - 1e-13)
            best_choice = picks[k]
            continue
        ranked = np.argsort(bound, kind="stable")
        stack.append((layer + 1, children[ranked], picks[ranked]))

    if best_choice is None:
        return incumbent
    x = np.zeros_like(incumbent)
    for layer in range(n_layers):
        x[weapons[layer], cols] = comps[layer][best_choice[layer]]
    return x


def exhaustive(value: ArrayLike, pk: ArrayLike, ammo: ArrayLike) -> IntArray:
    """The exact optimum: every plan that fires all reachable rounds is enumerated, except
    branches a lower bound proves cannot beat the best plan found. Exponential in the number
    of weapons; meant for small problems, tests and benchmarks."""
    v, p, a = _validate(value, pk, ammo)
    start = _greedy(v, p, a)
    if start.size == 0:
        return start
    return _exact(v, p, a, _local_search(v, p, start))


# --- the engine's entry point ---------------------------------------------------------------


def assign(value: ArrayLike, pk: ArrayLike, ammo: ArrayLike) -> IntArray:
    """Shots (W, T) int64 minimising the expected surviving value, with row sums <= ammo.

    value: target values (T,), >= 0. pk: single-round kill probability of each weapon
    against each target (W, T), in [0, 1]; 0 means out of envelope. ammo: rounds per weapon
    (W,), >= 0. Exact on small problems, greedy plus local search above that.
    """
    v, p, a = _validate(value, pk, ammo)
    x = _greedy(v, p, a)
    if x.size == 0 or _active(p, a).size <= 1:
        return x  # a single weapon's problem is separable and convex: greedy is exact
    x = _local_search(v, p, x)
    if _plan_count(p, a, EXACT_PLAN_LIMIT) <= EXACT_PLAN_LIMIT:
        x = _exact(v, p, a, x)
    return x
