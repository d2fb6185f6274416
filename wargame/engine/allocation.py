"""Weapon-target assignment (WTA): the numeric core of the allocation phase.

This module owns one optimisation problem and nothing else. Given the value of
each target (T,), the kill probability of one round of each weapon against each
target (W, T) and the rounds each weapon may fire (W,), it chooses how many
rounds each weapon fires at each target so as to minimise the expected
surviving value

    S = sum_j value_j * prod_i (1 - pk_ij) ** shots_ij.

`assign` is the general solver: any number of rounds per target. The engine's fire
control, whose doctrines allow one or two salvos per target, solves its own problems
as rounds of optimal assignment, exact for one salvo each (`fire_control.planning`); `assign`
serves analysis and any caller with the general problem. `greedy_mmr` and
`exhaustive` are the reference methods, exported for tests, benchmarks and analysis;
`expected_survival` scores any plan.

How `assign` solves it:

- one weapon: greedy maximum marginal return (MMR) is exact, its problem being
  separable and convex;
- few weapons and rounds (a dynamic programme over targets of at most
  `DP_LIMIT` steps, which covers every problem with at most 6 rounds and 8
  targets): exact;
- otherwise greedy MMR, then a local search. Its step is the best set of
  disjoint exchange cycles (single-round moves, two-round swaps and longer
  ejection chains), found as one linear assignment problem, repeated until no
  step improves; an exact move-and-swap scan is the backstop. When few plans
  exist (`PLAN_LIMIT`), a branch and bound then makes the answer exact.

Every round that can reach some target (pk > 0) is fired, since a round never
raises S; a caller who wants to hold rounds back passes less ammo.

Pure: numpy and scipy's `linear_sum_assignment` only; no I/O, no clock, no
random state. Ties go to the lowest index, so the same inputs always give the
same plan.
"""

from __future__ import annotations

import math
from itertools import combinations_with_replacement

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.optimize import linear_sum_assignment

__all__ = ["assign", "exhaustive", "expected_survival", "greedy_mmr"]

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

DP_LIMIT = 2**15
"""`assign` solves exactly by dynamic programming up to this much work (state pairs times
targets on the shortlist): this covers every problem with at most 6 rounds and 8 targets,
whose work is at most 3**6 * 8 = 5832."""

PLAN_LIMIT = 2**12
"""`assign` also solves exactly by branch and bound when there are at most this many plans."""

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
    if arr.dtype.kind == "f" and not np.all(np.isfinite(arr) & (arr == np.round(arr))):
        raise ValueError(f"{name} must hold whole numbers")
    if np.any(arr < 0):
        raise ValueError(f"{name} must be >= 0")
    return arr.astype(np.int64)


def _validate(
    value: ArrayLike, pk: ArrayLike, ammo: ArrayLike
) -> tuple[FloatArray, FloatArray, IntArray]:
    """Check shapes and ranges; return float64 value, float64 pk and int64 ammo."""
    v = np.asarray(value, dtype=np.float64)
    p = np.asarray(pk, dtype=np.float64)
    if v.ndim != 1:
        raise ValueError(f"value must be 1-D with shape (T,), got shape {v.shape}")
    if p.ndim != 2:
        raise ValueError(f"pk must be 2-D with shape (W, T), got shape {p.shape}")
    if p.shape[1] != v.shape[0]:
        raise ValueError(f"pk has {p.shape[1]} target columns but value has {v.shape[0]} targets")
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
    left = ammo.tolist()
    # A round's gain is pk_ij * value_j * survival_j, so each target's best round comes from
    # its most accurate weapon that still has rounds: scan targets, not (weapon, target) pairs.
    pl = np.where((ammo > 0)[:, None], p, 0.0)
    best_w = pl.argmax(axis=0).tolist()  # lowest weapon among equals
    best_p = pl[best_w, np.arange(n_t)]
    vq = v.tolist()  # value times current survival, per target
    # -inf keeps targets nobody can reach out; a zero gain still beats it, so every round that
    # can reach something is fired.
    score = np.where(best_p > 0.0, best_p * v, -np.inf)
    while True:
        j = int(score.argmax())  # lowest target among equals
        if score[j] == -np.inf:
            return x
        i = best_w[j]
        if left[i] == 0:
            # Stale: its weapon ran dry since. The score only falls on refresh, so a target
            # whose score is fresh and highest is the true best (lazy greedy).
            i = int(pl[:, j].argmax())
            best_w[j] = i
            pk = float(pl[i, j])
            score[j] = pk * vq[j] if pk > 0.0 else -np.inf
            continue
        x[i, j] += 1
        vq[j] *= 1.0 - float(p[i, j])
        left[i] -= 1
        if left[i] == 0:
            pl[i] = 0.0
        score[j] = float(p[i, j]) * vq[j]  # i stays best for j while it has rounds


def greedy_mmr(value: ArrayLike, pk: ArrayLike, ammo: ArrayLike) -> IntArray:
    """Plain greedy maximum marginal return: repeatedly give one round to the (weapon, target)
    with the largest reduction of S. Ties go to the lowest target, then the lowest weapon."""
    v, p, a = _validate(value, pk, ammo)
    return _greedy(v, p, a)


# --- local search ---------------------------------------------------------------------------

Move = tuple[int, int, int]
"""One round of a weapon changing target: (weapon, from target, to target)."""


class _Search:
    """Local search state: the plan, each target's survival, and the fixed tables."""

    def __init__(self, v: FloatArray, p: FloatArray, start: IntArray) -> None:
        self.v = v
        # The search divides by (1 - pk): a certain kill is treated as a near-certain one.
        self.pc = np.minimum(p, _P_CAP)
        self.om = 1.0 - self.pc
        self.x = start.copy()
        self.q = np.prod(self.om**self.x, axis=0)
        self.rows = np.arange(p.shape[0])

    def run(self) -> IntArray:
        """Apply improving exchanges until there is none; each one strictly lowers S."""
        for _ in range(64 * (int(self.x.sum()) + 1)):  # a safety cap, never reached in practice
            tol = 1e-12 * float(self.v @ self.q)  # gains below float noise could cycle
            found = self._exchanges(tol)
            if found is None:
                break
            if found:
                continue
            # Exchanges whose costs did not add up (they shared a target) all failed; the
            # exact move and swap scan settles whether the plan is really locally optimal.
            moves = self._move_or_swap(tol)
            if moves is None or not self._try(moves, tol):
                break
        return self.x

    def _try(self, moves: list[Move], tol: float) -> bool:
        """Apply moves if they lower S by more than tol (evaluated exactly), else undo."""
        x = self.x
        for i, a, b in moves:
            x[i, a] -= 1
            x[i, b] += 1
        cols = np.array(sorted({m[1] for m in moves} | {m[2] for m in moves}), dtype=np.intp)
        q_new = np.prod(self.om[:, cols] ** x[:, cols], axis=0)
        if float(self.v[cols] @ (q_new - self.q[cols])) < -tol:
            self.q[cols] = q_new  # recomputed, not updated: no drift from division
            return True
        for i, a, b in moves:
            x[i, a] += 1
            x[i, b] -= 1
        return False

    def _exchanges(self, tol: float) -> bool | None:
        """Apply the best set of disjoint exchange cycles, found as an assignment problem.

        Nodes are the rounds in the plan and a few targets that could take an extra round
        (each weapon's two best). An edge r -> s means the weapon of round r takes over the
        target of round s, whose weapon moves on; its cost is the change of S at that target.
        Target j -> s takes round s off its target; r -> target j sends round r to j. A move
        is j -> r -> j, a swap r -> s -> r; longer cycles are ejection chains. Costs add up
        exactly while no target repeats. With a free self-loop at every node, a set of
        disjoint cycles is a permutation, so the best set is one linear assignment.

        Returns True if S fell, None if no set of cycles promises a gain, False if the
        promised gain did not survive exact evaluation.
        """
        vq = self.v * self.q
        sw, st = np.nonzero(self.x)
        n_r = sw.size
        without = vq[st] / self.om[sw, st]  # value left at t_r if round r were not there
        drop = without * self.pc[sw, st]  # what taking round r away costs
        gain = self.pc[np.unique(sw)] * vq
        k1 = gain.argmax(axis=1)
        gain[np.arange(k1.size), k1] = -np.inf
        ends = np.union1d(k1, gain.argmax(axis=1))
        n = n_r + ends.size
        cost = np.empty((n, n))  # cost[a, b]: edge a -> b
        # No edge within one target, and none that sends a round out of its weapon's reach.
        core = cost[:n_r, :n_r]
        reach = self.pc[sw[:, None], st[None, :]]
        np.multiply(reach, without[None, :], out=core)
        np.subtract(drop[None, :], core, out=core)
        np.copyto(core, np.inf, where=np.equal.outer(st, st) | (reach == 0.0))
        np.fill_diagonal(core, 0.0)
        arrive = cost[:n_r, n_r:]
        reach = self.pc[sw[:, None], ends[None, :]]
        np.multiply(reach, -vq[ends], out=arrive)
        np.copyto(arrive, np.inf, where=np.equal.outer(st, ends) | (reach == 0.0))
        cost[n_r:, :n_r] = drop[None, :]
        cost[n_r:, n_r:] = np.inf
        np.fill_diagonal(cost[n_r:, n_r:], 0.0)
        _, succ = linear_sum_assignment(cost)
        if float(cost[np.arange(n), succ].sum()) >= -tol:
            return None

        cycles: list[tuple[float, list[Move]]] = []
        nxt = succ.tolist()
        seen = [False] * n
        for first in range(n):
            if seen[first] or nxt[first] == first:
                continue
            node, total, moves = first, 0.0, []
            while not seen[node]:
                seen[node] = True
                after = nxt[node]
                total += float(cost[node, after])
                if node < n_r:
                    to = int(ends[after - n_r]) if after >= n_r else int(st[after])
                    moves.append((int(sw[node]), int(st[node]), to))
                node = after
            cycles.append((total, moves))
        if self._try([m for _, moves in cycles for m in moves], tol):
            return True
        # Together they overlapped somewhere: take them one at a time, best first.
        cycles.sort(key=lambda c: c[0])
        return any([self._try(moves, tol) for _, moves in cycles])

    def _move_or_swap(self, tol: float) -> list[Move] | None:
        """The best single-round move or two-round swap, evaluated exactly, if it improves."""
        vq = self.v * self.q
        pc, om, rows = self.pc, self.om, self.rows
        # Move: removing a round of i at j costs loss[i, j]; adding one at k gains gain[i, k].
        gain = pc * vq
        loss = np.where(self.x > 0, pc / om * vq, np.inf)
        k1 = gain.argmax(axis=1)
        g1 = gain[rows, k1]
        j1 = loss.argmin(axis=1)
        l1 = loss[rows, j1]
        gain[rows, k1] = -np.inf
        k2 = gain.argmax(axis=1)
        g2 = gain[rows, k2]
        loss[rows, j1] = np.inf
        j2 = loss.argmin(axis=1)
        l2 = loss[rows, j2]
        # Source and destination must differ: when the best of each coincide, pair the best of
        # one with the runner-up of the other.
        clash = j1 == k1
        via_k2 = l1 - g2 <= l2 - g1
        move = np.where(clash, np.where(via_k2, l1 - g2, l2 - g1), l1 - g1)
        i = int(np.argmin(move))
        best_move = float(move[i])

        # Swap: rounds r = (w_r, t_r) and s = (w_s, t_s) of different weapons trade targets.
        sw, st = np.nonzero(self.x)
        best_swap = np.inf
        r = s = 0
        if sw.size >= 2:
            without = vq[st] / om[sw, st]
            drop = without * pc[sw, st]
            reach = pc[sw[:, None], st[None, :]]  # reach[s, r]: pk of weapon of s at t_r
            b = reach * without
            d = drop[:, None] + drop[None, :] - b - b.T
            d[(reach == 0.0) | (reach.T == 0.0)] = np.inf  # rounds stay within reach
            r, s = divmod(int(np.argmin(d)), sw.size)
            best_swap = float(d[r, s])

        if min(best_move, best_swap) >= -tol:
            return None
        if best_move <= best_swap:
            j = int(j2[i]) if clash[i] and not via_k2[i] else int(j1[i])
            k = int(k2[i]) if clash[i] and via_k2[i] else int(k1[i])
            return [(i, j, k)]
        wr, tr, ws, ts = int(sw[r]), int(st[r]), int(sw[s]), int(st[s])
        return [(wr, tr, ts), (ws, ts, tr)]


def _local_search(v: FloatArray, p: FloatArray, start: IntArray) -> IntArray:
    """Improve a plan by exchanges of rounds until none helps; round counts never change."""
    if start.sum() == 0:
        return start.copy()
    return _Search(v, p, start).run()


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
    """Plans the branch and bound would enumerate after `_shortlist`, or cap + 1 past cap."""
    act = _active(p, ammo)
    total_rounds = int(ammo[act].sum())
    total = 1
    for i in act:
        m = min(int(np.count_nonzero(p[i] > 0.0)), total_rounds)
        total *= math.comb(m + int(ammo[i]) - 1, int(ammo[i]))
        if total > cap:
            return cap + 1
    return total


def _dp_pairs(p: FloatArray, ammo: IntArray, cap: int) -> int:
    """(Used so far, fired at one target) state pairs of the dynamic programme, capped."""
    pairs = 1
    for i in _active(p, ammo):
        pairs *= math.comb(int(ammo[i]) + 2, 2)  # u + y <= ammo_i
        if pairs > cap:
            return cap + 1
    return pairs


def _shortlist(v: FloatArray, p: FloatArray, ammo: IntArray) -> NDArray[np.bool_]:
    """The (weapon, target) pairs an optimal plan needs: each weapon's R best targets by
    value * pk, R being all the rounds there are.

    If weapon i fired at a target j off its list, at most R - 1 other rounds exist, so some
    target k on the list has none; moving the round from j to k loses at most
    value_j * pk_ij and gains value_k * pk_ik >= that. So an optimum exists on the lists.
    """
    act = _active(p, ammo)
    total_rounds = int(ammo[act].sum())
    merit = np.where(p > 0.0, v * p, -1.0)  # unreachable targets rank last
    best = np.argsort(-merit, axis=1, kind="stable")[:, :total_rounds]
    keep = np.zeros(p.shape, dtype=np.bool_)
    keep[np.arange(p.shape[0])[:, None], best] = True
    return keep & (p > 0.0)


def _target_dp(v: FloatArray, p: FloatArray, ammo: IntArray) -> IntArray:
    """Exact optimum by dynamic programming over targets.

    The state is how many rounds each weapon has used on the targets so far (a mixed-radix
    index); each target adds a cost that depends only on the rounds it receives, so
    best[u'] = min over u + y = u' of best[u] + value_j * prod_i (1 - pk_ij) ** y_i.
    Work grows with prod_i C(ammo_i + 2, 2) and only linearly with the targets.
    """
    x = np.zeros(p.shape, dtype=np.int64)
    act = _active(p, ammo)
    if act.size == 0:
        return x
    rounds = ammo[act]
    dims = rounds + 1
    strides = np.ones(act.size, dtype=np.int64)
    strides[:-1] = np.cumprod(dims[::-1])[::-1][1:]
    grid = np.indices(tuple(int(d) for d in dims)).reshape(act.size, -1).T  # state -> vector
    # Every (used u, fired y) pair with u + y <= ammo, as state indices, grouped by u + y.
    used = np.zeros(1, dtype=np.int64)
    fired = np.zeros(1, dtype=np.int64)
    for k in range(act.size):
        uk, yk = np.nonzero(np.add.outer(np.arange(dims[k]), np.arange(dims[k])) <= rounds[k])
        used = (used[:, None] + uk[None, :] * strides[k]).ravel()
        fired = (fired[:, None] + yk[None, :] * strides[k]).ravel()
    order = np.argsort(used + fired, kind="stable")
    used, fired = used[order], fired[order]
    starts = np.flatnonzero(np.diff(used + fired, prepend=-1))  # every state has (s, 0)

    # costs[j, s]: value_j * prod_i (1 - pk_ij) ** grid[s, i], infinite if it fires out of reach
    pt = p[act].T
    costs = v[:, None] * np.prod((1.0 - pt)[:, None, :] ** grid[None, :, :], axis=2)
    costs[((grid[None, :, :] > 0) & (pt[:, None, :] == 0.0)).any(axis=2)] = np.inf
    best = [np.full(grid.shape[0], np.inf)]
    best[0][0] = 0.0
    for j in range(p.shape[1]):
        best.append(np.minimum.reduceat(best[j][used] + costs[j][fired], starts))
    state = grid.shape[0] - 1  # every round fired
    for j in range(p.shape[1] - 1, -1, -1):
        group = slice(starts[state], starts[state + 1] if state + 1 < starts.size else None)
        k = int(np.argmin(best[j][used[group]] + costs[j][fired[group]]))
        x[act, j] = grid[fired[group][k]]
        state = int(used[group][k])
    return x


def _branch_and_bound(
    v: FloatArray, p: FloatArray, ammo: IntArray, incumbent: IntArray
) -> IntArray:
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


def _exact(
    v: FloatArray, p: FloatArray, ammo: IntArray, dp_limit: int, plan_limit: int
) -> IntArray | None:
    """The exact optimum, if the dynamic programme or the branch and bound fits its limit."""
    x = np.zeros(p.shape, dtype=np.int64)
    pairs = _dp_pairs(p, ammo, dp_limit)
    if pairs > dp_limit and _plan_count(p, ammo, plan_limit) > plan_limit:
        return None  # the shortlist cannot make either fit: spare computing it
    keep = _shortlist(v, p, ammo)
    cols = np.flatnonzero(keep.any(axis=0))
    vs = v[cols]
    ps = np.where(keep, p, 0.0)[:, cols]
    work = pairs * cols.size
    plans = _plan_count(ps, ammo, plan_limit)
    if work <= dp_limit and (work <= plans or plans > plan_limit):
        x[:, cols] = _target_dp(vs, ps, ammo)
    elif plans <= plan_limit:
        x[:, cols] = _branch_and_bound(vs, ps, ammo, _local_search(vs, ps, _greedy(vs, ps, ammo)))
    else:
        return None
    return x


def exhaustive(value: ArrayLike, pk: ArrayLike, ammo: ArrayLike) -> IntArray:
    """The exact optimum over every plan that fires all reachable rounds.

    Dynamic programming over targets when weapons and rounds are few, else branch and bound
    over weapons seeded with the local search's plan, whichever has less to enumerate.
    Exponential in the size of the problem: meant for small problems, tests and benchmarks.
    """
    v, p, a = _validate(value, pk, ammo)
    plans = _plan_count(p, a, 1 << 62)
    x = _exact(v, p, a, plans, plans)  # plans bounds both: one of them always fits
    assert x is not None
    return x


# --- the engine's entry point ---------------------------------------------------------------


def assign(value: ArrayLike, pk: ArrayLike, ammo: ArrayLike) -> IntArray:
    """Shots (W, T) int64 minimising the expected surviving value, with row sums <= ammo.

    value: target values (T,), >= 0. pk: single-round kill probability of each weapon
    against each target (W, T), in [0, 1]; 0 means out of envelope. ammo: rounds per weapon
    (W,), >= 0. Every round that can reach a target is fired. Exact on small problems,
    greedy plus local search above that (see the module docstring).
    """
    v, p, a = _validate(value, pk, ammo)
    if p.size == 0 or _active(p, a).size <= 1:
        return _greedy(v, p, a)  # one weapon's problem is separable and convex: greedy is exact
    exact = _exact(v, p, a, DP_LIMIT, PLAN_LIMIT)
    if exact is not None:
        return exact
    return _local_search(v, p, _greedy(v, p, a))
