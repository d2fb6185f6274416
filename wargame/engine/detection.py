"""Detection and tracking phase: what the radars see, and the tracks they make.

For each emitting radar and each threat in the air, at each look (a radar looks at
each point of its coverage once every scan period, so a turn holds as many looks as
scans end in it, and one roll per turn decides whether any of them detected):
  - the target must be above the radar horizon, d <= 4.12 (sqrt(h_radar) + sqrt(h_target)),
    and above what the ground hides where the campaign has terrain (`terrain`: the
    antenna's height is then over the datum, its site's ground included, and the
    target's is its altitude above the ground beneath it plus that ground);
  - signal-to-noise is the radar's reference SNR (1 m² at its reference range)
    scaled by σ/R⁴;
  - noise jamming adds to the noise: SNR_eff = SNR / (1 + Σ J/N), each jammer's
    J/N falling as 1/R² (one-way) and by the sidelobe level when it is off the
    target's bearing, so a burn-through range emerges;
  - Swerling 1: Pd = Pfa^(1/(1+SNR_eff)) per look, independent from look to look, so
    n looks detect at least once with 1 − (1 − Pd)^n. The roll draws U ~ U(0,1) per
    (radar, threat) slot and detects when U is below that.
A radar holds at most `tracking_channels` detections a turn (the nearest). A
detection makes or refreshes a track; a track not refreshed for longer than the
campaign's coasting time is dropped (`track_life`). A silent radar sees nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from wargame.engine import tracking
from wargame.engine.clock import instants_in_turn
from wargame.engine.dice import Phase, generator
from wargame.engine.discrimination import classify
from wargame.engine.events import Event, TrackDropped, TrackInitiated
from wargame.engine.false_alarms import free_phantoms, raise_false_alarms
from wargame.engine.geometry import HORIZON_KM_PER_SQRT_M, JAMMER_REFERENCE_KM
from wargame.engine.kill_assessment import ends_with_threat
from wargame.engine.scenario import CLASS_NAMES, Scenario
from wargame.engine.state import ACTIVE, State
from wargame.engine.terrain import Sight, sight_now
from wargame.engine.track_life import coast_turns, confirm

BLOCK_PAIRS = 1 << 14
"""(Radar, threat) pairs the detection phase takes at once, so that its temporaries stay
in the processor's cache; but never fewer than `MIN_BLOCK_RADARS` radars, below which the
fixed cost of a block outweighs what the cache saves (measured with bench/bench_engine.py)."""
MIN_BLOCK_RADARS = 3
_HORIZON_F32 = np.float32(HORIZON_KM_PER_SQRT_M)


def detect_and_track(sc: Scenario, st: State, seed: int, events: list[Event]) -> None:
    active = (st.status == ACTIVE).nonzero()[0]
    if sc.false_slots.size:  # (a phantom slot holds a false track: nothing to detect)
        active = active[: np.searchsorted(active, sc.false_slots[0])]
    looks = looks_in_turn(sc, st.turn)
    on_air = st.emitting & st.radar_alive & (st.ready_turn <= st.turn)
    radars = (on_air & (looks > 0)).nonzero()[0]
    none = np.zeros(0, dtype=np.int64)
    r_idx, t_idx, counts = none, none, none
    if active.size and radars.size:
        r_idx, t_idx, counts = _detections(sc, st, seed, radars, active, looks)
    # Which detections leave a track at the turn's end: M of N looks (`track_life`).
    r_idx, t_idx, counts, closed = confirm(
        sc, st, seed, r_idx, t_idx, counts, np.where(on_air, looks, 0)
    )
    if t_idx.size:
        _update_tracks(sc, st, seed, r_idx, t_idx, counts, events)
        classify(sc, st, seed, r_idx, t_idx, counts)  # what the looks tell of decoys
    _drop_tracks(sc, st, events, closed)
    raise_false_alarms(sc, st, seed, looks, on_air, events)


def looks_in_turn(sc: Scenario, turn: int) -> np.ndarray:
    """(R,) looks each radar takes at a point of its coverage during `turn`: the scans
    that end in it, counted from the start of the game, so that over any span of game
    time a radar looks as often whatever the turn length (a 10 s scan: 6 looks in a
    60 s turn, 1 in a 10 s turn, none in one 5 s turn of two)."""
    return instants_in_turn(turn, sc.dt, sc.r_scan_s)


def cumulative_pd(pd: np.ndarray, looks: np.ndarray) -> np.ndarray:
    """Probability of at least one detection in `looks` independent Swerling-1 looks of
    single-look probability `pd`: 1 − (1 − pd)^looks (the target fluctuates look to look)."""
    return np.asarray(-np.expm1(looks * np.log1p(-np.minimum(pd, 1.0 - 1e-16))))


def detection_probability(
    sc: Scenario, st: State, radars: np.ndarray, active: np.ndarray
) -> np.ndarray:
    """Single-look Pd of each (radar, threat) pair, horizon and jamming included: (R, A).
    A turn holds `looks_in_turn` looks; `cumulative_pd` gives the chance of one or more."""
    r_idx = np.repeat(radars, active.size)
    t_idx = np.tile(active, radars.size)
    pd = np.zeros(r_idx.size)
    visible = _above_horizon(sc, st, r_idx, t_idx)
    pd[visible] = _pair_pd(sc, st, r_idx[visible], t_idx[visible])
    return pd.reshape(radars.size, active.size)


def _above_horizon(sc: Scenario, st: State, r_idx: np.ndarray, t_idx: np.ndarray) -> np.ndarray:
    """Whether each radar `r_idx[i]` has threat `t_idx[i]` in its line of sight: within
    the smooth-Earth horizon and, with terrain, above what the ground hides (the
    threat's altitude taken above the ground beneath it: `Sight.sees`)."""
    dx = st.x[t_idx] - st.r_x[r_idx]
    dy = st.y[t_idx] - st.r_y[r_idx]
    sight = sight_now(sc.terrain, st.r_x, st.r_y)
    if sight is None:
        horizon = HORIZON_KM_PER_SQRT_M * (np.sqrt(sc.r_height[r_idx]) + np.sqrt(st.alt[t_idx]))
        return np.asarray(dx * dx + dy * dy <= horizon * horizon)
    return sight.sees(r_idx, dx, dy, st.alt[t_idx])


def _visible_pairs(
    sqrt_top: np.ndarray,
    radars: np.ndarray,
    r_x: np.ndarray,
    r_y: np.ndarray,
    x: np.ndarray,
    y: np.ndarray,
    sqrt_alt: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """(radar, threat-column) pairs above each other's horizon for a block of radars, in
    radar-major order, found without square roots of the whole grid: the expensive model
    then runs on these alone. `sqrt_top` is the root of every radar's antenna height,
    `r_x`, `r_y` the block's positions, `x`, `y`, `sqrt_alt` the threats' (the root of
    their height, with terrain over the datum), in single precision: plenty for a
    horizon test (0.1 m at 1,000 km), and half the memory."""
    d2 = x - r_x[:, None]
    d2 *= d2
    dy = y - r_y[:, None]
    dy *= dy
    d2 += dy
    reach = sqrt_top[radars].astype(np.float32)[:, None] + sqrt_alt
    reach *= _HORIZON_F32
    reach *= reach
    # Flat indices split by hand: much cheaper than a 2-D nonzero, in the same order.
    flat = (d2 <= reach).ravel().nonzero()[0]
    rows = flat // x.size
    return radars[rows], flat - rows * x.size


def _over_the_ground(
    sight: Sight,
    st: State,
    r_idx: np.ndarray,
    col: np.ndarray,
    height: np.ndarray,
    x: np.ndarray,
    y: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """The pairs of `_visible_pairs` that the ground leaves in sight (`terrain`), in the
    same order: one gather a pair, in single precision as the horizon test. `height` is
    each column's threat over the datum: its altitude plus the ground beneath it."""
    f32 = np.float32
    dx = x[col] - st.r_x[r_idx].astype(f32)
    dy = y[col] - st.r_y[r_idx].astype(f32)
    seen = sight.clear(r_idx, dx, dy, height[col])
    return r_idx[seen], col[seen]


def _pair_pd(sc: Scenario, st: State, r_idx: np.ndarray, t_idx: np.ndarray) -> np.ndarray:
    """Swerling-1 Pd for given (radar, threat) pairs, both above the horizon."""
    signal, dx, dy, _ = _unjammed_snr(sc, st, r_idx, t_idx)
    jammers = sc.noise_slots[st.status[sc.noise_slots] == ACTIVE]
    if jammers.size:  # (the bearing only where a jammer needs it)
        signal = signal / (1.0 + _jamming(sc, st, r_idx, np.arctan2(dy, dx), jammers))
    return np.asarray(np.exp(-sc.r_log_pfa[r_idx] / (1.0 + signal)))


def _pair_snr(
    sc: Scenario, st: State, r_idx: np.ndarray, t_idx: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(SNR with jamming, as `_pair_pd` reckons it; ground range, km; bearing, radians in
    the arctan2 convention) of given (radar, threat) pairs: what a detection's measurement
    errors depend on (`tracking`). For the detected pairs only: a few per track."""
    signal, dx, dy, ground2 = _unjammed_snr(sc, st, r_idx, t_idx)
    bearing = np.arctan2(dy, dx)
    jammers = sc.noise_slots[st.status[sc.noise_slots] == ACTIVE]
    if jammers.size:
        signal = signal / (1.0 + _jamming(sc, st, r_idx, bearing, jammers))
    return signal, np.sqrt(ground2), bearing


def _unjammed_snr(
    sc: Scenario, st: State, r_idx: np.ndarray, t_idx: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The radar equation for (radar, threat) pairs before jamming: the reference SNR
    scaled by σ/R⁴ over the slant range; with the offsets dx, dy (km) and the ground
    range squared, which the jamming and the measurement read."""
    dx = st.x[t_idx] - st.r_x[r_idx]
    dy = st.y[t_idx] - st.r_y[r_idx]
    dh = (st.alt[t_idx] - sc.r_height[r_idx]) / 1000.0
    ground2 = dx * dx + dy * dy
    ratio2 = sc.r_range_ref[r_idx] ** 2 / np.maximum(ground2 + dh * dh, 1e-6)
    return sc.r_snr_ref[r_idx] * sc.t_rcs[t_idx] * ratio2 * ratio2, dx, dy, ground2


def _detections(
    sc: Scenario,
    st: State,
    seed: int,
    radars: np.ndarray,
    active: np.ndarray,
    looks: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Detected (radar, threat) pairs of this turn, and how many of the radar's looks
    detected each: one roll per pair against the chance of at least one detection in the
    radar's looks of the turn, and the same roll, read again, for the number of them
    (`detecting_looks`)."""
    f32 = np.float32
    x, y = st.x[active].astype(f32), st.y[active].astype(f32)
    r_x, r_y = st.r_x[radars].astype(f32), st.r_y[radars].astype(f32)
    # A few radars at a time against every threat: the block's temporaries stay in the
    # processor's cache however large the raid, and the pairs keep their radar-major order.
    per_block = max(MIN_BLOCK_RADARS, BLOCK_PAIRS // active.size)
    sight = sight_now(sc.terrain, st.r_x, st.r_y)
    if sight is None:
        sqrt_top, height = sc.r_sqrt_height, st.alt[active]
    else:  # a threat's altitude is above the ground beneath it: one gather a threat
        sqrt_top = sight.sqrt_top
        height = st.alt[active] + sight.ground_at(st.x[active], st.y[active])
    sqrt_alt = np.sqrt(height).astype(f32)
    height = height.astype(f32)
    roll = None
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for start in range(0, radars.size, per_block):
        end = start + per_block
        r_idx, col = _visible_pairs(
            sqrt_top, radars[start:end], r_x[start:end], r_y[start:end], x, y, sqrt_alt
        )
        if sight is not None and r_idx.size:
            r_idx, col = _over_the_ground(sight, st, r_idx, col, height, x, y)
        if r_idx.size == 0:
            continue
        t_idx = active[col]
        if roll is None:
            # Fixed shape: one draw per (radar, threat) slot of the whole game. The
            # generator depends only on (seed, turn, phase), so skipping it when nobody
            # can see anything changes no one's dice.
            roll = generator(seed, st.turn, Phase.DETECTION).random(
                (len(sc.r_name), sc.n_threats), dtype=np.float32
            )
        # (Flat indices: far cheaper than indexing by two arrays.)
        pd = _pair_pd(sc, st, r_idx, t_idx)
        n = looks[r_idx]
        any_look = cumulative_pd(pd, n)
        u = roll.ravel()[r_idx * sc.n_threats + t_idx]
        hit = u < any_look
        k = detecting_looks(pd[hit], n[hit], u[hit] / any_look[hit])
        found.append((r_idx[hit], t_idx[hit], k))
    if not found:
        none = np.zeros(0, dtype=np.int64)
        return none, none, none
    if len(found) == 1:
        r_idx, t_idx, k = found[0]
    else:
        r_idx = np.concatenate([r for r, _, _ in found])
        t_idx = np.concatenate([t for _, t, _ in found])
        k = np.concatenate([c for _, _, c in found])
    counts = np.bincount(r_idx, minlength=len(sc.r_name))
    over = (counts > sc.r_tracking_channels).nonzero()[0]
    for r in over.tolist():
        # A radar holds no more tracks than its channels: it keeps the nearest.
        mine = np.flatnonzero(r_idx == r)
        d = np.hypot(st.x[t_idx[mine]] - st.r_x[r], st.y[t_idx[mine]] - st.r_y[r])
        drop = mine[np.argsort(d, kind="stable")[sc.r_tracking_channels[r] :]]
        keep = np.ones(r_idx.size, dtype=bool)
        keep[drop] = False
        r_idx, t_idx, k = r_idx[keep], t_idx[keep], k[keep]
    return r_idx, t_idx, k


def detecting_looks(pd: np.ndarray, looks: np.ndarray, v: np.ndarray) -> np.ndarray:
    """How many of `looks` independent looks of single-look probability `pd` detected,
    given that at least one did: the smallest k ≥ 1 at which the binomial's distribution,
    conditioned on k ≥ 1, reaches `v` (uniform on (0, 1): the detection roll divided by
    the chance of a detection, which is uniform once the roll has detected)."""
    k = np.ones(pd.size, dtype=np.int64)
    many = looks > 1
    if not np.count_nonzero(many):
        return k
    p, n, target = pd[many], looks[many].astype(np.float64), v[many]
    q = np.maximum(1.0 - p, 1e-300)
    at_least_one = -np.expm1(n * np.log(q))
    pmf = n * p * np.exp((n - 1.0) * np.log(q))  # P(exactly one)
    cdf = pmf / at_least_one
    count = np.ones(p.size, dtype=np.int64)
    for j in range(2, int(n.max()) + 1):
        pmf = pmf * (n - j + 1.0) / j * (p / q)
        short = (cdf < target) & (j <= n)
        count[short] = j
        cdf = cdf + np.where(j <= n, pmf / at_least_one, 0.0)
    k[many] = count
    return k


def _jamming(
    sc: Scenario,
    st: State,
    r_idx: np.ndarray,
    look: np.ndarray,
    jammers: np.ndarray,
) -> np.ndarray:
    """Σ J/N over jammers for each radar `r_idx[i]` looking along bearing `look[i]`
    (radians, arctan2 convention): 1/R² from the jammer, main lobe or sidelobe by the
    angle between the jammer's bearing and the look, nothing from below the horizon."""
    total = np.zeros(r_idx.size)
    for k in jammers.tolist():
        bearing, power = _jammer_seen(sc, st, r_idx, k)
        off = np.abs((look - bearing + np.pi) % (2 * np.pi) - np.pi)
        total += power * np.where(off <= sc.r_half_beam[r_idx], 1.0, sc.r_sidelobe[r_idx])
    return total


def _jammer_seen(
    sc: Scenario, st: State, r_idx: np.ndarray, jammer: int
) -> tuple[np.ndarray, np.ndarray]:
    """(bearing in radians as arctan2 gives it, main-lobe J/N) of one jammer at each radar;
    J/N 0 where it is out of the radar's line of sight (below its horizon, or hidden by
    the ground)."""
    jx = st.x[jammer] - st.r_x[r_idx]
    jy = st.y[jammer] - st.r_y[r_idx]
    jh = (st.alt[jammer] - sc.r_height[r_idx]) / 1000.0
    ground2 = jx * jx + jy * jy
    sight = sight_now(sc.terrain, st.r_x, st.r_y)
    if sight is None:
        reach = HORIZON_KM_PER_SQRT_M * (np.sqrt(sc.r_height[r_idx]) + np.sqrt(st.alt[jammer]))
        heard = ground2 <= reach**2
    else:  # the ground stops its noise as it hides its echo
        heard = sight.sees(r_idx, jx, jy, st.alt[jammer])
    j_slant2 = np.maximum(ground2 + jh * jh, 1e-6)
    power = np.where(heard, sc.t_jnr[jammer] * JAMMER_REFERENCE_KM**2 / j_slant2, 0.0)
    return np.arctan2(jy, jx), power


@dataclass(frozen=True)
class JamStrobe:
    """Noise a radar on the air receives from one jammer: the bearing it comes from (the
    radar measures no range) and how strong it is in the main lobe."""

    radar: int
    bearing_deg: float
    """Compass bearing from the radar, 0 north, clockwise."""
    jnr_db: float
    """Jammer-to-noise ratio in the main lobe, dB."""


STROBE_MIN_JNR = 1.0
"""Noise weaker than the receiver's own (0 dB) shows no strobe."""


def jam_strobes(sc: Scenario, st: State) -> list[JamStrobe]:
    """The jam strobes of every radar on the air, by radar then bearing."""
    jammers = sc.noise_slots[st.status[sc.noise_slots] == ACTIVE]
    radars = (st.emitting & st.radar_alive & (st.ready_turn <= st.turn)).nonzero()[0]
    if jammers.size == 0 or radars.size == 0:
        return []
    strobes = []
    for k in jammers.tolist():
        bearing, power = _jammer_seen(sc, st, radars, k)
        compass = (90.0 - np.degrees(bearing)) % 360.0
        for r, deg, jnr in zip(radars.tolist(), compass.tolist(), power.tolist(), strict=True):
            if jnr >= STROBE_MIN_JNR:
                strobes.append(JamStrobe(r, deg, 10.0 * math.log10(jnr)))
    return sorted(strobes, key=lambda s: (s.radar, s.bearing_deg))


def jammed_reach(sc: Scenario, st: State, radar: int, look: np.ndarray) -> np.ndarray:
    """The radar's reference range (1 m² at its stated Pd) along each bearing `look`
    (radians, arctan2 convention), shortened by the jamming it receives there: with
    SNR ∝ 1/R⁴ over noise raised 1 + J/N times, R = R_ref (1 + J/N)^(-1/4)."""
    jammers = sc.noise_slots[st.status[sc.noise_slots] == ACTIVE]
    reach = np.full(look.shape, float(sc.r_range_ref[radar]))
    if jammers.size == 0:
        return reach
    r_idx = np.full(look.size, radar, dtype=np.int64)
    jnr = _jamming(sc, st, r_idx, look.ravel(), jammers).reshape(look.shape)
    return np.asarray(reach * (1.0 + jnr) ** -0.25)


def _update_tracks(
    sc: Scenario,
    st: State,
    seed: int,
    r_idx: np.ndarray,
    t_idx: np.ndarray,
    counts: np.ndarray,
    events: list[Event],
) -> None:
    """Each detected threat's track made or refreshed: its filter (`tracking`) updated
    with the turn's best detection of it (`counts` looks of its radar detected); its
    height and, for a ballistic missile, the distance flown that its position estimate
    implies."""
    turn = st.turn
    np.put(st.seen_by, r_idx * sc.n_threats + t_idx, turn)  # flat indices: cheaper
    if t_idx.size == 0:
        return
    # Each threat's first detecting radar (lowest index) initiates its track.
    order = np.lexsort((r_idx, t_idx))
    by_threat = t_idx[order]
    first = np.empty(by_threat.size, dtype=bool)
    first[0] = True
    np.not_equal(by_threat[1:], by_threat[:-1], out=first[1:])
    hit, by_radar = by_threat[first], r_idx[order][first]
    new = st.track_id[hit] < 0
    if np.count_nonzero(new):
        _initiate(sc, st, hit[new], by_radar[new], events)
    # (`best_measurements` gives the threats in slot order, as `hit` is.)
    measured = _pair_snr(sc, st, r_idx, t_idx)
    best = tracking.best_measurements(sc, st, seed, r_idx, t_idx, counts, *measured)
    if np.count_nonzero(new):
        tracking.initiate(st, best.take(new))
    old = ~new
    if np.count_nonzero(old):
        gap = (turn - st.track_last[hit[old]]) * sc.dt
        tracking.update(st, hit[old], gap, best.take(old))
    st.track_hits[hit] += 1
    st.track_last[hit] = turn
    st.track_alt[hit] = st.alt[hit]
    # A ballistic missile's profile is read off the distance it has flown: the estimate's
    # error along its course, added to the truth.
    vx, vy = st.vx[hit], st.vy[hit]
    along = (st.track_x[hit] - st.x[hit]) * vx + (st.track_y[hit] - st.y[hit]) * vy
    st.track_flown[hit] = st.flown[hit] + along / np.maximum(np.hypot(vx, vy), 1e-9)


def _initiate(
    sc: Scenario, st: State, slots: np.ndarray, radars: np.ndarray, events: list[Event]
) -> None:
    """New tracks on these threats, each first seen by the radar beside it, at the slant
    range the radar measures."""
    ranges = np.sqrt(
        (st.x[slots] - st.r_x[radars]) ** 2
        + (st.y[slots] - st.r_y[radars]) ** 2
        + ((st.alt[slots] - sc.r_height[radars]) / 1000.0) ** 2
    )
    ids = np.arange(st.next_track, st.next_track + slots.size)
    st.track_id[slots] = ids
    st.track_hits[slots] = 0
    st.track_born[slots] = st.turn
    st.next_track += int(slots.size)
    events.extend(
        TrackInitiated(
            turn=st.turn,
            track=track,
            threat=slot,
            threat_class=CLASS_NAMES[cls],
            radar=sc.r_name[radar],
            range_km=round(rng, 3),
        )
        for track, slot, cls, radar, rng in zip(
            ids.tolist(),
            slots.tolist(),
            sc.t_apparent_class[slots].tolist(),
            radars.tolist(),
            ranges.tolist(),
            strict=True,
        )
    )


def _drop_tracks(sc: Scenario, st: State, events: list[Event], closed: np.ndarray) -> None:
    """Tracks end: with their threat where blue knows it, when they have coasted too
    long, or when their confirmation window closed (`closed`); a false track's phantom
    slot is then free again."""
    tracked = (st.track_id >= 0).nonzero()[0]
    if tracked.size == 0:
        return
    # Destroyed or arrived: the track ends with its event; but a kill the engagement
    # radar read as a miss (or did not read) leaves the track coasting.
    st.track_id[tracked[ends_with_threat(st, tracked)]] = -1
    coast = coast_turns(sc)
    stale = tracked[(st.track_id[tracked] >= 0) & (st.turn - st.track_last[tracked] > coast)]
    if closed.size:
        stale = np.union1d(stale, closed[st.track_id[closed] >= 0])
    for slot in stale.tolist():
        events.append(TrackDropped(turn=st.turn, track=int(st.track_id[slot]), threat=slot))
    st.track_id[stale] = -1
    st.track_hits[stale] = 0
    ended = tracked[st.track_id[tracked] < 0]
    st.track_confirmed[ended] = False
    st.track_window[ended] = 0
    if sc.false_slots.size:
        free_phantoms(st, ended[ended >= sc.false_slots[0]])
