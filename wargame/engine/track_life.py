"""How long a track lives, when it is confirmed and when it counts as identified: the
timing rules of the blue picture, in seconds or in looks of game time so that they do
not hang on the turn length.

A new track is tentative. It is confirmed when the radar that formed it detects it on
M of its first N looks, the forming look the first of them (`CONFIRM_HITS` of
`CONFIRM_LOOKS`, 3 of 4), or as soon as a second radar detects it; a window that
closes short of M detections drops the track (`run_window`), and the radar's next
detection starts a new window. A real target of single-look detection probability p
is confirmed with probability P(Bin(N − 1, p) ≥ M − 1) once formed (`p_confirmed`):
3p² − 2p³ for 3 of 4.

The detection phase drops a track once it has gone `coast_turns` turns without a
detection; fire control reads the same figure for the tracks a command post still
holds, and asks `identified` before a unit on weapons tight engages: a confirmed
track, held long enough.
"""

from __future__ import annotations

import math

import numpy as np

from wargame.engine.dice import Phase, generator
from wargame.engine.false_alarms import looks_cap
from wargame.engine.false_slots import CONFIRM_HITS, CONFIRM_LOOKS
from wargame.engine.scenario import Scenario
from wargame.engine.state import State

DROPPED, TENTATIVE, CONFIRMED = 0, 1, 2
"""Where a track's confirmation stands after a run of looks (`run_window`)."""


def coast_turns(sc: Scenario) -> int:
    """Whole turns a track is kept without a detection: the campaign's coasting time
    (`rules.track_coast_s`, or its turns at its own turn length) in this game's turns."""
    return math.floor(sc.coast_s / sc.dt + 1e-9)


def identified(sc: Scenario, st: State, slots: np.ndarray) -> np.ndarray:
    """(T,) whether each tracked threat counts as hostile: its track confirmed, and held
    from its first detection to its latest at least `identification_s`."""
    held = (st.track_last[slots] - st.track_born[slots]) * sc.dt
    found: np.ndarray = (
        (st.track_id[slots] >= 0) & st.track_confirmed[slots] & (held >= sc.identification_s - 1e-9)
    )
    return found


def p_confirmed(
    p: np.ndarray | float, hits: int = CONFIRM_HITS, looks: int = CONFIRM_LOOKS
) -> np.ndarray:
    """Chance that a track formed by one detection is confirmed by its radar, each later
    look of its window detecting independently with probability `p`: at least M − 1
    detections in N − 1 looks, Σ_{k=M−1}^{N−1} C(N−1, k) p^k (1 − p)^(N−1−k)."""
    q = np.asarray(p, dtype=np.float64)
    n = looks - 1
    return np.asarray(
        sum(math.comb(n, k) * q**k * (1.0 - q) ** (n - k) for k in range(hits - 1, n + 1))
    )


def run_window(
    used: np.ndarray, hits: np.ndarray, detected: np.ndarray, looks: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The M-of-N window run over a turn's looks, per track: `used` looks of the window
    counted before the turn (0: no window open) with `hits` detections among them,
    `detected` (T, L) which of the turn's looks detected it, of which the first
    `looks` (T,) were taken. Each look counts in the open window; a window reaching M
    detections confirms the track, one reaching N looks short of them closes, and a
    detection with no window open opens one. Returns (state, used, hits) at the turn's
    end: `CONFIRMED`, `TENTATIVE` (a window open) or `DROPPED` (none)."""
    used, hits = used.copy(), hits.copy()
    state = np.where(used > 0, TENTATIVE, DROPPED)
    for j in range(detected.shape[1]):
        taken = j < looks
        hit = detected[:, j]
        counted = taken & (state == TENTATIVE)
        used += counted
        hits += counted & hit
        done = counted & (hits >= CONFIRM_HITS)
        state[done] = CONFIRMED
        closed = counted & ~done & (used >= CONFIRM_LOOKS)
        state[closed] = DROPPED
        opened = taken & hit & ~counted & (state == DROPPED)
        state[opened] = np.where(CONFIRM_HITS <= 1, CONFIRMED, TENTATIVE)
        used[closed | opened] = np.where(opened[closed | opened], 1, 0)
        hits[closed | opened] = np.where(opened[closed | opened], 1, 0)
    return state, used, hits


def confirm(
    sc: Scenario,
    st: State,
    seed: int,
    r_idx: np.ndarray,
    t_idx: np.ndarray,
    counts: np.ndarray,
    taken: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The confirmation of the real tracks this turn, from its detected (radar, threat)
    pairs (`counts` of the radar's looks detected each) and the looks each radar took
    (`taken`, 0 off the air). A track is confirmed at once when a radar other than the
    one that formed it detects it; otherwise the forming radar's looks run its window
    (`run_window`), the detections among a turn's looks in an order drawn from the
    `LOOK_ORDER` dice, (threat slot, look) of fixed shape, used only where some but not
    all of a radar's looks detected. Writes each track's window and state, and returns
    the pairs that leave a track at the turn's end (a new one whose window closed within
    the turn leaves none) and the held tracks whose window closed (to be dropped)."""
    n = sc.n_threats
    real = sc.false_slots[0] if sc.false_slots.size else n
    tracked = st.track_id >= 0
    detected = np.zeros(n, dtype=bool)
    detected[t_idx] = True
    own = st.track_radar.copy()
    new = detected & ~tracked
    first = np.full(n, 1 << 30, dtype=np.int64)
    np.minimum.at(first, t_idx, r_idx)
    own[new] = first[new]
    pair_own = own[t_idx]
    mine = r_idx == pair_own
    by_other = np.zeros(n, dtype=bool)
    by_other[t_idx[~mine]] = True
    own_k = np.zeros(n, dtype=np.int64)
    own_k[t_idx[mine]] = counts[mine]
    tentative = tracked & ~st.track_confirmed
    tentative[real:] = False  # false tracks look again in `false_alarms`
    work = (tentative | new).nonzero()[0]
    at_once = work[by_other[work]]
    st.confirm(at_once)
    st.track_radar[at_once] = own[at_once]
    rest = work[~by_other[work]]
    if rest.size == 0:
        return r_idx, t_idx, counts, rest
    looks = taken[own[rest]]
    k = own_k[rest]
    width = int(looks.max(initial=0))
    order = np.zeros((rest.size, width), dtype=bool)
    if width:
        order = np.arange(width)[None, :] < k[:, None]  # all detected, or none
        mixed = ((k > 0) & (k < looks)).nonzero()[0]
        if mixed.size:
            # Some looks detected: which ones, a random choice of k of the n.
            u = generator(seed, st.turn, Phase.LOOK_ORDER).random(
                (n, looks_cap(sc)), dtype=np.float32
            )[rest[mixed], :width]
            u[np.arange(width)[None, :] >= looks[mixed][:, None]] = 2.0
            rank = np.argsort(np.argsort(u, axis=1, kind="stable"), axis=1, kind="stable")
            order[mixed] = rank < k[mixed][:, None]
    was_new = new[rest]
    used = np.where(was_new, 0, st.track_window[rest])
    hits = np.where(was_new, 0, st.track_window_hits[rest])
    state, used, hits = run_window(used, hits, order, looks)
    st.track_radar[rest] = own[rest]
    st.track_window[rest], st.track_window_hits[rest] = used, hits
    st.confirm(rest[state == CONFIRMED])
    st.track_confirmed[rest] = state == CONFIRMED
    gone = rest[state == DROPPED]
    closed = gone[~was_new[state == DROPPED]]
    if gone.size:
        keep = ~np.isin(t_idx, gone)
        r_idx, t_idx, counts = r_idx[keep], t_idx[keep], counts[keep]
    return r_idx, t_idx, counts, closed
