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

Move = tuple[int, int, int]
"""One round of a weapon changing target: (weapon, from target, to target)."""


def _cycle_through(parent: list[int], start: int) -> list[int] | None:
    """The cycle reached by following parent links from start, in edge order, if any."""
    seen: dict[int, int] = {}
    path: list[int] = []
    node = start
    while node != -1 and node not in seen:
        seen[node] = len(path)
        path.append(node)
        node = parent[node]
    if node == -1:
        return None
    return path[seen[node] :][::-1]  # parent links point backwards along the edges


class _Search:
    """Local search state: the plan, each target's survival, and the fixed tables."""

    def __init__(self, v: FloatArray, p: FloatArray, start: IntArray) -> None:
        self.v = v
        # The search divides by (1 - pk): a certain kill is treated as a near-certain one.
        self.pc = np.minimum(p, _P_CAP)
        self.om = 1.0 - self.pc
        self.pct = np.ascontiguousarray(self.pc.T)
        self.x = start.copy()
        self.q = np.prod(self.om**self.x, axis=0)
        self.rows = np.arange(p.shape[0])

    def run(self) -> IntArray:
        """Apply improving exchanges until there is none; each one strictly lowers S."""
        for _ in range(64 * (int(self.x.sum()) + 1)):  # a safety cap, never reached in practice
            tol = 1e-12 * float(self.v @ self.q)  # gains below float noise could cycle
            moves = self._exchange(tol)
            if moves is not None and self._try(moves, tol):
                continue
            # The chain search can be fooled when a chain visits a target twice; the exact
            # move and swap scan below settles whether the plan is really locally optimal.
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

    def _exchange(self, tol: float) -> list[Move] | None:
        """An ejection chain or cycle of single-round moves that lowers S, if one is found.

        Nodes are the rounds in the plan plus a free node F. An edge r -> s means the weapon
        of round r takes over the target of round s, whose weapon moves on along the chain;
        its cost is the change of S at that target. F -> s removes round s from its target,
        r -> F sends round r to its weapon's best other target. A chain is a cycle through F;
        a move is F -> r -> F, a swap r -> s -> r. The costs add up exactly when no target
        repeats, so a negative cycle is (almost always) an improving exchange: Bellman-Ford
        finds one in O(rounds**2) per pass.
        """
        vq = self.v * self.q
        sw, st = np.nonzero(self.x)
        n_r = sw.size
        without = vq[st] / self.om[sw, st]  # value left at t_r if round r were not there
        drop = without * self.pc[sw, st]  # what removing round r costs
        gain = self.pc * vq
        k1 = gain.argmax(axis=1)
        g1 = gain[self.rows, k1]
        gain[self.rows, k1] = -np.inf
        k2 = gain.argmax(axis=1)
        g2 = gain[self.rows, k2]
        own = k1[sw] == st  # a round's best other target is the runner-up when the best is its own
        dest = np.where(own, k2[sw], k1[sw])
        fresh = np.where(own, g2[sw], g1[sw])

        n = n_r + 1
        cost = np.empty((n, n))  # cost[b, a]: edge a -> b, laid out for a row-wise argmin
        core = cost[:n_r, :n_r]
        np.multiply(self.pct[np.ix_(st, sw)], without[:, None], out=core)
        np.subtract(drop[:, None], core, out=core)
        core[st[:, None] == st[None, :]] = np.inf  # same target: not an exchange
        cost[n_r, :n_r] = -fresh
        cost[:n_r, n_r] = drop
        cost[n_r, n_r] = np.inf

        dist = np.zeros(n)
        parent = np.full(n, -1, dtype=np.int64)
        every = np.arange(n)
        cand = np.empty((n, n))
        cycle: list[int] | None = None
        for _ in range(n + 1):
            np.add(cost, dist, out=cand)
            via = cand.argmin(axis=1)
            new = cand[every, via]
            better = new < dist - tol
            if not better.any():
                return None  # converged: no negative cycle
            dist = np.where(better, new, dist)
            parent = np.where(better, via, parent)
            cycle = _cycle_through(parent.tolist(), int(np.argmin(np.where(better, new, np.inf))))
            if cycle is not None:
                break
        else:  # still relaxing after n passes: a negative cycle is in the parent links
            links = parent.tolist()
            for node in range(n):
                cycle = _cycle_through(links, node)
                if cycle is not None:
                    break
        if cycle is None:
            return None
        moves: list[Move] = []
        for pos, node in enumerate(cycle):
            if node == n_r:
                continue
            nxt = cycle[(pos + 1) % len(cycle)]
            to = int(dest[node]) if nxt == n_r else int(st[nxt])
            moves.append((int(sw[node]), int(st[node]), to))
        return moves

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
            b = pc[np.ix_(sw, st)] * without  # b[s, r]: weapon of s firing at t_r
            d = drop[:, None] + drop[None, :] - b - b.T
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
    """Plans a full enumeration would visit, or cap + 1 once it exceeds cap."""
    total = 1
    for i in _active(p, ammo):
        m = int(np.count_nonzero(p[i] > 0.0))
        total *= math.comb(m + int(ammo[i]) - 1, int(ammo[i]))
        if total > cap:
            return cap + 1
    return total


def _dp_size(p: FloatArray, ammo: IntArray, cap: int) -> int:
    """Work of the dynamic programme over targets (targets x (used, fired) pairs), capped."""
    pairs = 1
    for i in _active(p, ammo):
        pairs *= math.comb(int(ammo[i]) + 2, 2)  # (used so far, fired here) with sum <= ammo
        if pairs * p.shape[1] > cap:
            return cap + 1
    return pairs * p.shape[1]


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

    pa = p[act]
    best = [np.full(grid.shape[0], np.inf)]
    best[0][0] = 0.0
    costs: list[FloatArray] = []
    for j in range(p.shape[1]):
        cost: FloatArray = v[j] * np.prod((1.0 - pa[:, j]) ** grid, axis=1)
        cost[(grid[:, pa[:, j] == 0.0] > 0).any(axis=1)] = np.inf  # only reachable targets
        costs.append(cost)
        best.append(np.minimum.reduceat(best[j][used] + cost[fired], starts))
    state = grid.shape[0] - 1  # every round fired
    for j in range(p.shape[1] - 1, -1, -1):
        group = slice(starts[state], starts[state + 1] if state + 1 < starts.size else None)
        k = int(np.argmin(best[j][used[group]] + costs[j][fired[group]]))
        x[act, j] = grid[fired[group][k]]
        state = int(used[group][k])
    return x


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
