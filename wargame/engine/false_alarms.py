"""False alarms: the tracks the radars make of noise, and how they end.

Each look of a radar on the air raises a Poisson number of false alarms of mean
λ = Pfa × cells, cells = ((1 − s) R / ΔR) × (360° / θ_B) (`false_slots.alarms_per_look`;
none within s R = a tenth of its range, held down by sensitivity time control), so a
turn of n looks raises on average Pfa × cells × n. Each false alarm is a detection at
a random resolution cell: its range uniform over (s R, R], its bearing uniform, its
height uniform between `ALT_M`. It forms a tentative track, confirmed as any track is
(`track_life`): M of N looks. Its later looks detect it only if another false alarm
falls in its gate, the disc a target at `GATE_SPEED_KMS` could reach in one scan T:
per look, with probability

    q = min(1, Pfa × π (v T)² / (ΔR ρ θ_B))

at range ρ (the gate's area over a cell's), so a false track is confirmed with
probability P(Bin(N − 1, q) ≥ M − 1) (`p_false_confirmed`; about 3q² for 3 of 4, a few
in a million) and otherwise dropped when its window closes. Most false alarms of a
turn of several looks are raised and dropped within it; those still open at the turn's
end (the last N − 1 looks') or confirmed take a phantom slot (`false_slots`) and are
tracks like any other: blue sees them, tentative, and may order a shot at one; a round
at a false track meets nothing (`launch`: its true kill probability is nil). A
confirmed false track is not refreshed again: it coasts and drops.

Dice: the `FALSE_ALARM` generator of the turn, three arrays of fixed shape drawn in
order every turn: per (radar, look) the uniform that gives the count, per (radar, alarm
of the turn) six for its cell, height, gate and second detection, and per phantom slot
three for a carried track's gate. Called by the detection phase (`detection`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from wargame.engine.dice import Phase, generator
from wargame.engine.discrimination import PRIOR_DECOY
from wargame.engine.events import Event, FalseTrack, TrackDropped, TrackInitiated
from wargame.engine.false_slots import CONFIRM_HITS, CONFIRM_LOOKS, STC_FRACTION
from wargame.engine.scenario import CLASS_NAMES, Scenario
from wargame.engine.state import ACTIVE, NEVER, PENDING, State
from wargame.engine.tracking import (
    UNKNOWN_SPEED_KMS,
    line_fit_covariance,
    measurement_sigmas,
    measurement_variance,
)

GATE_SPEED_KMS = 1.0
"""v: the fastest a tentative track is taken to fly, km/s; its gate at the next look is
the disc it could reach in one scan. A game value (the filter's prior on a new track's
speed, `tracking.UNKNOWN_SPEED_KMS`)."""
ALT_M = (100.0, 15_000.0)
"""The heights a false alarm is reported at, m (uniform): the span most threats fly."""
MIN_GATE_RANGE_KM = 1.0
"""The nearest range the gate's cells are counted at (a cell narrows to nothing at 0)."""
ALARM_DRAWS = 6
"""Uniforms per false alarm: range, bearing, height, gate detections, and the second
detection's distance and direction in the gate."""


def looks_cap(sc: Scenario) -> int:
    """The most looks any radar takes in one turn: floor(T / scan) + 1."""
    if not sc.r_scan_s.size:
        return 0
    return math.floor(sc.dt / float(sc.r_scan_s.min()) + 1e-9) + 1


def alarms_cap(sc: Scenario) -> int:
    """The false alarms of one radar in one turn that take dice: the most probable count
    at the most looks of a turn, and six standard deviations and four more (Poisson);
    beyond it (never seen in practice) an alarm forms no track."""
    mean = float(sc.r_false_alarms.max(initial=0.0)) * looks_cap(sc)
    return math.ceil(mean + 6.0 * math.sqrt(mean)) + 4


@dataclass(frozen=True)
class AlarmDice:
    """The turn's false-alarm draws, each array indexed by entity."""

    counts: np.ndarray
    """(R, L) uniforms: the number of false alarms in each look of each radar."""
    alarms: np.ndarray
    """(R, K, ALARM_DRAWS) uniforms: each false alarm of the turn, radar by radar."""
    carried: np.ndarray
    """(P, 3) uniforms: per phantom slot, its gate's detections and where the second is."""


def draw(sc: Scenario, seed: int, turn: int) -> AlarmDice:
    """The turn's draws from its `FALSE_ALARM` generator, in a fixed order and shape."""
    gen = generator(seed, turn, Phase.FALSE_ALARM)
    n_r = len(sc.r_name)
    counts = gen.random((n_r, looks_cap(sc)))
    alarms = gen.random((n_r, alarms_cap(sc), ALARM_DRAWS))
    carried = gen.random((sc.false_slots.size, 3))
    return AlarmDice(counts, alarms, carried)


def poisson_counts(rate: np.ndarray, u: np.ndarray, looks: np.ndarray) -> np.ndarray:
    """(R, L) false alarms per look: the Poisson(rate[r]) count whose distribution first
    reaches u[r, j] (inversion, so that each count is its own uniform's), for the first
    `looks[r]` looks; 0 for the others."""
    # (R, 1): each radar's terms once, broadcast against its looks' uniforms.
    lam = np.asarray(rate, dtype=np.float64)[:, None]
    pmf = np.exp(-lam)
    cdf = pmf.copy()
    count = np.zeros(u.shape, dtype=np.int64)
    k = 0
    while True:
        short = (u > cdf) & (pmf > 0.0)
        if not np.count_nonzero(short) or k > 10_000:
            break
        k += 1
        count[short] = k
        pmf = pmf * lam / k
        cdf = cdf + pmf
    count[np.arange(u.shape[1])[None, :] >= np.asarray(looks)[:, None]] = 0
    return count


def binomial_counts(n: np.ndarray, p: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Bin(n, p) by inversion of the uniforms `u`, per entry."""
    n = np.asarray(n, dtype=np.int64)
    # (np.clip's own checks cost more than the two ufuncs it stands for, on a few alarms.)
    p = np.minimum(np.maximum(np.asarray(p, dtype=np.float64), 0.0), 1.0)
    q = 1.0 - p
    pmf = q ** n.astype(np.float64)
    cdf = pmf.copy()
    count = np.zeros(n.shape, dtype=np.int64)
    positive = q > 0.0
    q_floor = np.maximum(q, 1e-300)
    with np.errstate(divide="ignore", invalid="ignore"):
        for k in range(1, int(n.max(initial=0)) + 1):
            short = (u > cdf) & (k <= n)
            count[short] = k
            pmf = np.where(positive, pmf * (n - k + 1) / k * p / q_floor, 0.0)
            cdf = np.where(k == n, 1.0, cdf + pmf)
    return count


def gate_probability(sc: Scenario, radars: np.ndarray, range_km: np.ndarray) -> np.ndarray:
    """q: the chance that one look of each radar raises a false alarm in the gate of a
    tentative track at `range_km`: Pfa × π (v T)² / (ΔR ρ θ_B), at most 1."""
    pfa = np.exp(-sc.r_log_pfa)
    reach = GATE_SPEED_KMS * sc.r_scan_s
    # Per radar, then per alarm: (the same products, in the same order, as per alarm).
    gate = (pfa * math.pi * reach * reach).take(radars)
    cell = sc.r_range_cell_km.take(radars) * np.maximum(range_km, MIN_GATE_RANGE_KM)
    cell *= (2.0 * sc.r_half_beam).take(radars)
    return np.asarray(np.minimum(1.0, gate / cell))


def p_false_confirmed(
    q: np.ndarray | float, hits: int = CONFIRM_HITS, looks: int = CONFIRM_LOOKS
) -> np.ndarray:
    """Chance that a false track is confirmed: M − 1 or more of its N − 1 later looks
    find a false alarm in its gate, each with probability `q`."""
    p = np.asarray(q, dtype=np.float64)
    n = looks - 1
    return np.asarray(
        sum(math.comb(n, k) * p**k * (1.0 - p) ** (n - k) for k in range(hits - 1, n + 1))
    )


def raise_false_alarms(
    sc: Scenario, st: State, seed: int, looks: np.ndarray, on_air: np.ndarray, events: list[Event]
) -> None:
    """The turn's false alarms: the false tracks already held looked at again (confirmed
    by a false alarm in their gate, or dropped when their window closes), then the new
    false alarms of each radar on the air; those still tentative at the turn's end, or
    confirmed, take free phantom slots."""
    if sc.false_slots.size == 0:
        return
    dice = draw(sc, seed, st.turn)
    taken = np.where(on_air, looks, 0)
    _look_again(sc, st, dice, taken, events)
    counts = poisson_counts(np.where(on_air, sc.r_false_alarms, 0.0), dice.counts, taken)
    if np.count_nonzero(counts):
        _new_alarms(sc, st, dice, counts, taken, events)


def _look_again(
    sc: Scenario, st: State, dice: AlarmDice, taken: np.ndarray, events: list[Event]
) -> None:
    """The tentative false tracks held, through this turn's looks of their radars."""
    slots = sc.false_slots
    open_ = slots[(st.track_id[slots] >= 0) & ~st.track_confirmed[slots]]
    if open_.size == 0:
        return
    radar = st.track_radar[open_]
    looks = np.minimum(CONFIRM_LOOKS - st.track_window[open_], taken[radar])
    looking = looks > 0
    open_, radar, looks = open_[looking], radar[looking], looks[looking]
    if open_.size == 0:
        return
    u = dice.carried[open_ - slots[0]]
    rho = np.hypot(st.track_x[open_] - st.r_x[radar], st.track_y[open_] - st.r_y[radar])
    found = binomial_counts(looks, gate_probability(sc, radar, rho), u[:, 0])
    st.track_window[open_] += looks
    st.track_window_hits[open_] += found
    confirmed = st.track_window_hits[open_] >= CONFIRM_HITS
    if np.count_nonzero(confirmed):
        c = open_[confirmed]
        _second_detection(sc, st, c, radar[confirmed], u[confirmed, 1], u[confirmed, 2])
        st.confirm(c)
        st.track_hits[c] += found[confirmed]
    closed = open_[~confirmed & (st.track_window[open_] >= CONFIRM_LOOKS)]
    turn = st.turn
    for slot, track in zip(closed.tolist(), st.track_id[closed].tolist(), strict=True):
        events.append(TrackDropped(turn=turn, track=track, threat=slot))
    free_phantoms(st, closed)


def _new_alarms(
    sc: Scenario,
    st: State,
    dice: AlarmDice,
    counts: np.ndarray,
    taken: np.ndarray,
    events: list[Event],
) -> None:
    """The false alarms of this turn's looks (`counts` per radar and look): those whose
    window is still open at the turn's end, or that were confirmed, form tracks."""
    n_r, n_l = counts.shape
    # Each alarm's (radar, look) cell, radar by radar, look by look.
    radar, look = np.divmod(np.repeat(np.arange(n_r * n_l), counts.ravel()), n_l)
    first = np.cumsum(counts.sum(axis=1)) - counts.sum(axis=1)
    index = np.arange(radar.size) - first[radar]  # the alarm's number in its radar's turn
    keep = index < dice.alarms.shape[1]
    radar, look, index = radar[keep], look[keep], index[keep]
    u = dice.alarms[radar, index]
    after = taken[radar] - 1 - look  # the radar's looks after it in the turn
    rho = (STC_FRACTION + (1.0 - STC_FRACTION) * u[:, 0]) * sc.r_range_ref[radar]
    window = np.minimum(CONFIRM_LOOKS - 1, after)
    found = binomial_counts(window, gate_probability(sc, radar, rho), u[:, 3])
    confirmed = 1 + found >= CONFIRM_HITS
    alive = confirmed | (1 + after < CONFIRM_LOOKS)
    if not np.count_nonzero(alive):
        return
    radar, rho, u, after, found, confirmed = (
        a[alive] for a in (radar, rho, u, after, found, confirmed)
    )
    busy = {shot.threat for shot in st.shots}  # a round on its way keeps its slot
    free = [s for s in sc.false_slots[st.status[sc.false_slots] == PENDING].tolist()]
    free = [s for s in free if s not in busy][: radar.size]
    n = len(free)
    if n == 0:
        return
    slots = np.array(free, dtype=np.int64)
    radar, rho, u, after, found, confirmed = (
        a[:n] for a in (radar, rho, u, after, found, confirmed)
    )
    bearing = 2.0 * math.pi * u[:, 1]
    x = st.r_x[radar] + rho * np.cos(bearing)
    y = st.r_y[radar] + rho * np.sin(bearing)
    alt = ALT_M[0] + (ALT_M[1] - ALT_M[0]) * u[:, 2]
    _form(sc, st, slots, radar, x, y, alt)
    st.track_window[slots] = np.minimum(1 + after, CONFIRM_LOOKS)
    st.track_window_hits[slots] = 1 + found
    st.track_hits[slots] = 1 + found
    if np.count_nonzero(confirmed):
        c = slots[confirmed]
        _second_detection(sc, st, c, radar[confirmed], u[confirmed, 4], u[confirmed, 5])
        st.confirm(c)
    slant = np.hypot(rho, (alt - sc.r_height[radar]) / 1000.0)
    turn, names = st.turn, sc.r_name
    for slot, r, shown, track, fx, fy, fz, rng in zip(
        slots.tolist(),
        radar.tolist(),
        sc.t_apparent_class[slots].tolist(),
        st.track_id[slots].tolist(),
        x.tolist(),
        y.tolist(),
        alt.tolist(),
        slant.tolist(),
        strict=True,
    ):
        # The truth first (secret), then the track as blue sees it.
        events.append(
            FalseTrack(
                turn=turn,
                track=track,
                threat=slot,
                radar=names[r],
                x_km=round(fx, 3),
                y_km=round(fy, 3),
                alt_m=round(fz, 1),
            )
        )
        events.append(
            TrackInitiated(
                turn=turn,
                track=track,
                threat=slot,
                threat_class=CLASS_NAMES[shown],
                radar=names[r],
                range_km=round(rng, 3),
            )
        )


def _form(
    sc: Scenario,
    st: State,
    slots: np.ndarray,
    radar: np.ndarray,
    x: np.ndarray,
    y: np.ndarray,
    alt: np.ndarray,
) -> None:
    """New false tracks in free phantom slots, each at its false alarm's cell: one look,
    no heading, the error of a detection at the detector's threshold."""
    turn = st.turn
    st.status[slots] = ACTIVE
    st.x[slots], st.y[slots], st.alt[slots] = x, y, alt
    st.vx[slots] = st.vy[slots] = 0.0
    st.track_id[slots] = np.arange(st.next_track, st.next_track + slots.size)
    st.next_track += int(slots.size)
    st.track_born[slots] = st.track_last[slots] = turn
    st.track_x[slots], st.track_y[slots], st.track_alt[slots] = x, y, alt
    st.track_vx[slots] = st.track_vy[slots] = 0.0
    st.track_flown[slots] = 0.0
    rho = np.hypot(x - st.r_x[radar], y - st.r_y[radar])
    threshold = sc.r_log_pfa[radar]  # a false alarm's SNR: just over the threshold
    sigma_r, sigma_theta = measurement_sigmas(
        sc.r_range_cell_km[radar], 2.0 * sc.r_half_beam[radar], threshold
    )
    st.track_pos_var[slots] = measurement_variance(rho, sigma_r, sigma_theta)
    st.track_pos_vel_cov[slots] = 0.0
    st.track_vel_var[slots] = UNKNOWN_SPEED_KMS * UNKNOWN_SPEED_KMS
    st.seen_by[:, slots] = NEVER
    st.seen_by[radar, slots] = turn
    st.shots_at[slots] = 0
    # (The slot's last kill reading stays: a new track is seen after it, so it does not
    # hide it, and the score as blue assesses it keeps the kill it read of the last one.)
    st.track_read_turn[slots] = NEVER
    st.track_kill_confidence[slots] = 0.0
    st.track_class[slots] = sc.t_apparent_class[slots]
    st.track_decoy_evidence[slots] = 0.0
    # As doubted as a real track of the class it shows (nothing on the screen tells them
    # apart), though a phantom slot itself is no decoy.
    may_be_decoy = sc.false_doubted[slots - sc.false_slots[0]]
    st.track_confidence[slots] = np.where(may_be_decoy, 1.0 - PRIOR_DECOY, 1.0)
    st.track_radar[slots] = radar
    st.track_confirmed[slots] = False


def _second_detection(
    sc: Scenario, st: State, slots: np.ndarray, radar: np.ndarray, u_r: np.ndarray, u_a: np.ndarray
) -> None:
    """A false track confirmed: a second false alarm in its gate, uniform over the disc
    of radius v T, makes it a two-look track, with the heading of the two points."""
    scan = sc.r_scan_s[radar]
    reach = GATE_SPEED_KMS * scan * np.sqrt(u_r)
    angle = 2.0 * math.pi * u_a
    dx, dy = reach * np.cos(angle), reach * np.sin(angle)
    st.track_x[slots] += dx
    st.track_y[slots] += dy
    st.track_vx[slots], st.track_vy[slots] = dx / scan, dy / scan
    pp, pv, vv = line_fit_covariance(st.track_pos_var[slots], np.full(slots.size, 2), scan)
    st.track_pos_var[slots], st.track_pos_vel_cov[slots], st.track_vel_var[slots] = pp, pv, vv
    st.track_last[slots] = st.turn
    st.seen_by[radar, slots] = st.turn
    # Its "truth" is where the noise was: nothing flies there (movement leaves a phantom
    # slot parked, and no rule reads where it is).
    st.x[slots], st.y[slots] = st.track_x[slots], st.track_y[slots]


def free_phantoms(st: State, slots: np.ndarray) -> None:
    """Phantom slots whose false track has ended, free for the next false alarms."""
    st.track_id[slots] = -1
    st.track_hits[slots] = 0
    st.track_confirmed[slots] = False
    st.track_radar[slots] = -1
    st.track_window[slots] = 0
    st.track_window_hits[slots] = 0
    st.status[slots] = PENDING
