"""Tracking: what a detection measures, and each track's filtered estimate of its threat.

A detection measures range and bearing, with the errors of the radar's accuracy
(Skolnik, *Introduction to Radar Systems*, §4.3 and §6.4):

    σ_R = ΔR / √(2 SNR),   σ_θ = θ_B / (1.6 √(2 SNR))

ΔR the range cell (c·τ/2), θ_B the beamwidth, SNR the detection's signal-to-noise with
jamming (noise raises the errors as it shortens the range). The textbook forms hold
for a strong signal; each error is kept between a tenth of its cell (a strong target is
not perfect: a monopulse or split-gate estimate does no better) and half of it (a weak
detection is still within its cell). Across the line of sight the error is R·σ_θ: far
larger than σ_R at the game's ranges.

Each track runs a Kalman filter on its x and y, with the white-acceleration model
(the acceleration held over each interval T and independent from one interval to the
next, of standard deviation σ_a = `MANOEUVRE_KMS2`): predicted over the time since its
last update, updated once per turn with the best (smallest-error) detection of that
turn. The two axes share one gain and one covariance (per axis: the variance of the
position, its covariance with the velocity, the variance of the velocity), the
measurement taken as a circle of the larger of its two errors (its ellipse's
circumscribed circle). A new track starts at its first measurement with no velocity
(σ_v = `UNKNOWN_SPEED_KMS`), so its heading and speed come from its second look on.
Height is taken as measured exactly.

At a steady interval T and error σ_m, the filter settles on the α-β gains of Kalata's
tracking index λ = σ_a T² / σ_m (Kalata 1984; Bar-Shalom, *Estimation with
Applications to Tracking*, §6.5):

    α = −(λ² + 8λ − (λ + 4) √(λ² + 8λ)) / 8,   β = (λ² + 4λ − λ √(λ² + 8λ)) / 4,

with a position variance of α σ_m² after each update, whatever the turn's length: the
gains follow T. Against a target that really flies straight, the error left is only
the measurements' noise, of variance (2α² + 2β − 3αβ) / (α (4 − 2α − β)) σ_m²
(Benedict and Bordner 1962).

Fire control predicts an intercept from the estimate. The missile is steered on the
track in flight (the fire unit's radar keeps tracking and updates it every few
seconds), so the error that costs kill probability is the estimate's (position,
velocity) uncertainty carried over one guidance update (`GUIDANCE_UPDATE_S`), plus the
white acceleration over the time the track has coasted: a one-look track, with no
heading, or a track gone stale, costs most. A round's kill probability is
multiplied by exp(−σ² / (2 b²)), σ² the per-axis variance of the predicted intercept
point and b the missile's seeker basket (`SEEKER_BASKET_KM`): how far off the predicted
point its seeker still finds the target. In flight the missile follows the target's
manoeuvres; what it cannot correct is a wrong estimate of where the track was going.

Called by the detection phase (`detection._update_tracks`), by fire control (the
envelope's kill probabilities, and launch's for the roll) and by the blue view (the
track quality shown).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from wargame.engine.dice import Phase, generator
from wargame.engine.scenario import Scenario
from wargame.engine.state import State

SKOLNIK_ANGLE = 1.6
"""The constant of the angle error σ_θ = θ_B / (1.6 √(2 SNR)) (Skolnik)."""
FLOOR_OF_CELL = 0.1
"""The smallest error, as a fraction of the cell (range cell, beamwidth)."""
CEILING_OF_CELL = 0.5
"""The largest error, as a fraction of the cell."""
MANOEUVRE_KMS2 = 1e-3
"""σ_a of the white-acceleration model, km/s² (1 m/s², a tenth of a g): how much the
filter expects a target to change its velocity. A game value: a larger one follows a
turn sooner and smooths the noise less."""
GUIDANCE_UPDATE_S = 5.0
"""How far ahead a missile in flight is steered on the track: the fire unit's radar keeps
tracking and sends it the new estimate every few seconds (command or track-via-missile
guidance), so what its seeker must make up is the track's error over one such interval,
not over the whole flight. A game value."""
UNKNOWN_SPEED_KMS = 1.0
"""Standard deviation of a new track's velocity per axis, km/s: unknown (any threat's
speed) until its second look."""
SEEKER_BASKET_KM = 5.0
"""b: the spread of the predicted intercept point at which a round's kill probability
falls to exp(−1/2) = 0.61 of its value. Every missile of the catalogue has an active or
track-via-missile seeker and the same basket. A game value."""


def measurement_sigmas(
    cell_km: np.ndarray, beam_rad: np.ndarray, snr: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(σ_R in km, σ_θ in radians) of detections of signal-to-noise `snr` by radars of
    range cell `cell_km` and beamwidth `beam_rad`: Skolnik's forms, kept between
    `FLOOR_OF_CELL` and `CEILING_OF_CELL` of the cell."""
    root = np.sqrt(2.0 * np.maximum(snr, 1e-12))
    sigma_r = np.clip(cell_km / root, FLOOR_OF_CELL * cell_km, CEILING_OF_CELL * cell_km)
    sigma_theta = np.clip(
        beam_rad / (SKOLNIK_ANGLE * root), FLOOR_OF_CELL * beam_rad, CEILING_OF_CELL * beam_rad
    )
    return sigma_r, sigma_theta


def measurement_variance(
    ground_km: np.ndarray, sigma_r: np.ndarray, sigma_theta: np.ndarray
) -> np.ndarray:
    """Per-axis variance (km²) the filter gives a measurement: the larger of its range and
    cross-range errors, squared."""
    across = ground_km * sigma_theta
    return np.asarray(np.maximum(sigma_r * sigma_r, across * across))


def measured_positions(
    radar_x: np.ndarray,
    radar_y: np.ndarray,
    ground_km: np.ndarray,
    bearing: np.ndarray,
    range_error: np.ndarray,
    bearing_error: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Where the radars put their targets: ground range and bearing (radians, arctan2
    convention) from the radar, each with its error added. (The slant range's error is
    applied to the ground range: they differ by far less than a cell here.)"""
    rng = np.maximum(ground_km + range_error, 0.0)
    angle = bearing + bearing_error
    return radar_x + rng * np.cos(angle), radar_y + rng * np.sin(angle)


@dataclass(frozen=True)
class Measurements:
    """The turn's best detection of each detected threat, in slot order."""

    slots: np.ndarray
    x: np.ndarray
    """Measured position, km."""
    y: np.ndarray
    variance: np.ndarray
    """Per-axis variance of one look's measurement, km²."""
    looks: np.ndarray
    """How many of its radar's looks this turn detected it."""
    scan_s: np.ndarray
    """Its radar's scan period: the time between those looks."""
    velocity_normals: np.ndarray
    """(2, T) standard normals of the threats' velocity estimate errors (new tracks)."""

    def take(self, mask: np.ndarray) -> Measurements:
        return Measurements(
            self.slots[mask],
            self.x[mask],
            self.y[mask],
            self.variance[mask],
            self.looks[mask],
            self.scan_s[mask],
            self.velocity_normals[:, mask],
        )


def best_measurements(
    sc: Scenario,
    st: State,
    seed: int,
    r_idx: np.ndarray,
    t_idx: np.ndarray,
    looks: np.ndarray,
    snr: np.ndarray,
    ground_km: np.ndarray,
    bearing: np.ndarray,
) -> Measurements:
    """Per threat detected this turn, in slot order, its best detection (the smallest
    `measurement_variance`; the lowest radar on a tie) of the detected pairs (`r_idx`,
    `t_idx`), with their detecting `looks`, `snr`, ground range and bearing. The errors
    are the standard normals of the turn's measurement draws, four per threat slot
    (range, bearing, and the two axes of a new track's velocity), scaled by the σ of the
    detection that measures it: which radar it is moves no other threat's errors."""
    sigma_r, sigma_theta = measurement_sigmas(
        sc.r_range_cell_km[r_idx], 2.0 * sc.r_half_beam[r_idx], snr
    )
    var = measurement_variance(ground_km, sigma_r, sigma_theta)
    order = np.lexsort((var, t_idx))  # stable: pairs come radar by radar
    by_threat = t_idx[order]
    first = np.empty(by_threat.size, dtype=bool)
    first[:1] = True
    np.not_equal(by_threat[1:], by_threat[:-1], out=first[1:])
    pick = order[first]
    slots, radars = t_idx[pick], r_idx[pick]
    normal = generator(seed, st.turn, Phase.MEASUREMENT).standard_normal(
        (4, sc.n_threats), dtype=np.float32
    )
    # The turn's measurement is the average of the k looks that detected: its errors
    # are a look's over √k (the filter is told the variance over k: `update`).
    root_k = np.sqrt(np.maximum(looks[pick], 1))
    zx, zy = measured_positions(
        st.r_x[radars],
        st.r_y[radars],
        ground_km[pick],
        bearing[pick],
        sigma_r[pick] * normal[0, slots] / root_k,
        sigma_theta[pick] * normal[1, slots] / root_k,
    )
    return Measurements(
        slots, zx, zy, var[pick], looks[pick], sc.r_scan_s[radars], normal[2:, slots]
    )


def has_heading(st: State, slots: np.ndarray) -> np.ndarray:
    """(T,) whether each track has a velocity estimate: not a track of one look, whose
    velocity is still the prior's (`UNKNOWN_SPEED_KMS`)."""
    unknown = UNKNOWN_SPEED_KMS * UNKNOWN_SPEED_KMS
    found: np.ndarray = st.track_vel_var[slots] < 0.999 * unknown
    return found


def line_fit_covariance(
    variance: np.ndarray, looks: np.ndarray, spacing_s: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(position variance, position-velocity covariance, velocity variance) per axis of a
    straight line fitted by least squares to `looks` ≥ 2 (the formulas divide by n − 1)
    measurements `spacing_s` apart,
    each of variance `variance`, at the last of them: 2(2n−1)/(n(n+1)) σ², 6/(s n(n+1)) σ²
    and 12/(s² n(n²−1)) σ² (two looks: σ², σ²/s, 2σ²/s², the two-point difference)."""
    n = looks.astype(np.float64)
    s = spacing_s
    return (
        variance * 2.0 * (2.0 * n - 1.0) / (n * (n + 1.0)),
        variance * 6.0 / (s * n * (n + 1.0)),
        variance * 12.0 / (s * s * n * (n * n - 1.0)),
    )


def initiate(st: State, m: Measurements) -> None:
    """New tracks from the turn's looks. One look: at its measurement, velocity unknown.
    Several (a radar that scans faster than the turn): the least-squares line through
    them (`line_fit_covariance`), its error drawn with that covariance, so that a track
    made in one 30 s turn of 4 s scans has a heading, as it would in seven 4 s turns."""
    slots = m.slots
    st.track_x[slots], st.track_y[slots] = m.x, m.y
    st.track_vx[slots] = st.track_vy[slots] = 0.0
    st.track_pos_var[slots] = m.variance
    st.track_pos_vel_cov[slots] = 0.0
    st.track_vel_var[slots] = UNKNOWN_SPEED_KMS * UNKNOWN_SPEED_KMS
    many = m.looks >= 2
    if not np.count_nonzero(many):
        return
    fit = m.take(many)
    s = fit.slots
    pp, pv, vv = line_fit_covariance(fit.variance, fit.looks, fit.scan_s)
    # The fit's position error is the measurement's (the looks' average, of variance
    # σ²/n), scaled to the fit's variance; its velocity error is correlated with it
    # (regression on it) plus an independent part.
    shrink = np.sqrt(pp * fit.looks / fit.variance)
    ex, ey = (fit.x - st.x[s]) * shrink, (fit.y - st.y[s]) * shrink
    slope = pv / pp
    free = np.sqrt(np.maximum(vv - pv * slope, 0.0))
    st.track_x[s], st.track_y[s] = st.x[s] + ex, st.y[s] + ey
    st.track_vx[s] = st.vx[s] + slope * ex + free * fit.velocity_normals[0]
    st.track_vy[s] = st.vy[s] + slope * ey + free * fit.velocity_normals[1]
    st.track_pos_var[s], st.track_pos_vel_cov[s], st.track_vel_var[s] = pp, pv, vv


def update(st: State, slots: np.ndarray, gap_s: np.ndarray, m: Measurements) -> None:
    """One Kalman step of the tracks on `slots`: predicted over `gap_s` seconds since their
    last update, then corrected with the turn's measurement, its variance divided by the
    number of looks that detected (their average)."""
    kalman_step(st, slots, gap_s, m.x, m.y, m.variance / np.maximum(m.looks, 1))


def kalman_step(
    st: State,
    slots: np.ndarray,
    gap_s: np.ndarray,
    zx: np.ndarray,
    zy: np.ndarray,
    var: np.ndarray,
) -> None:
    """One Kalman step of the tracks on `slots`: predicted over `gap_s` seconds since their
    last update, then corrected with the measurement (zx, zy) of per-axis variance `var`."""
    t = gap_s
    t2 = t * t
    q = MANOEUVRE_KMS2 * MANOEUVRE_KMS2
    vx, vy = st.track_vx[slots], st.track_vy[slots]
    px = st.track_x[slots] + vx * t
    py = st.track_y[slots] + vy * t
    pxv, pvv = st.track_pos_vel_cov[slots], st.track_vel_var[slots]
    # Predicted covariance: F P Fᵀ + Q, Q = σ_a² [[T⁴/4, T³/2], [T³/2, T²]].
    pp = st.track_pos_var[slots] + t * (2.0 * pxv + t * pvv) + 0.25 * q * t2 * t2
    pxv = pxv + t * pvv + 0.5 * q * t2 * t
    pvv = pvv + q * t2
    innovation = pp + var
    gain_x = pp / innovation
    gain_v = pxv / innovation
    rx, ry = zx - px, zy - py
    st.track_x[slots] = px + gain_x * rx
    st.track_y[slots] = py + gain_x * ry
    st.track_vx[slots] = vx + gain_v * rx
    st.track_vy[slots] = vy + gain_v * ry
    keep = var / innovation  # 1 − the position gain
    st.track_pos_var[slots] = pp * keep
    st.track_pos_vel_cov[slots] = pxv * keep
    st.track_vel_var[slots] = pvv - gain_v * pxv


def position_variance(
    sc: Scenario, st: State, slots: np.ndarray, ahead_s: np.ndarray | float = 0.0
) -> np.ndarray:
    """Per-axis variance (km²) of each track's estimate dead-reckoned to `ahead_s` seconds
    after the end of this turn: its uncertainty carried over the time since its last
    update and `ahead_s`, and the white acceleration over the time it has coasted (not
    over `ahead_s`: a missile in flight follows manoeuvres). `ahead_s` may be (P,) or
    (P, M) for the P `slots`."""
    coast = (st.turn - st.track_last[slots]) * sc.dt
    pxx, pxv, pvv = st.track_pos_var[slots], st.track_pos_vel_cov[slots], st.track_vel_var[slots]
    q = MANOEUVRE_KMS2 * MANOEUVRE_KMS2
    drift = 0.25 * q * coast**4
    ahead = np.asarray(ahead_s, dtype=np.float64)
    if ahead.ndim == 2:
        coast, pxx, pxv, pvv, drift = (a[:, None] for a in (coast, pxx, pxv, pvv, drift))
    t = coast + ahead
    return np.asarray(pxx + t * (2.0 * pxv + t * pvv) + drift)


def aim_factor(variance: np.ndarray) -> np.ndarray:
    """What a predicted intercept point of per-axis variance `variance` (km²) leaves of a
    round's kill probability: exp(−σ² / (2 b²)), b the seeker basket."""
    return np.asarray(np.exp(-variance / (2.0 * SEEKER_BASKET_KM * SEEKER_BASKET_KM)))


def intercept_aim(
    sc: Scenario, st: State, slots: np.ndarray, time_of_flight: np.ndarray
) -> np.ndarray:
    """`aim_factor` of rounds fired this turn at the tracks on `slots` with these times of
    flight ((P,) or (P, M)): the track's error carried over one guidance update
    (`GUIDANCE_UPDATE_S`, or the whole flight if shorter), and over its coasting."""
    ahead = np.minimum(np.asarray(time_of_flight, dtype=np.float64), GUIDANCE_UPDATE_S)
    return aim_factor(position_variance(sc, st, slots, ahead))


def kalata_gains(index: np.ndarray | float) -> tuple[np.ndarray, np.ndarray]:
    """Steady-state (α, β) of the filter for Kalata's tracking index λ = σ_a T² / σ_m."""
    lam = np.asarray(index, dtype=np.float64)
    root = np.sqrt(lam * lam + 8.0 * lam)
    alpha = -(lam * lam + 8.0 * lam - (lam + 4.0) * root) / 8.0
    beta = (lam * lam + 4.0 * lam - lam * root) / 4.0
    return alpha, beta


def noise_only_variance_ratio(alpha: np.ndarray | float, beta: np.ndarray | float) -> np.ndarray:
    """Steady-state position variance over σ_m² of an α-β filter on a target flying
    straight (Benedict and Bordner): (2α² + 2β − 3αβ) / (α (4 − 2α − β))."""
    a, b = np.asarray(alpha, dtype=np.float64), np.asarray(beta, dtype=np.float64)
    return np.asarray((2.0 * a * a + 2.0 * b - 3.0 * a * b) / (a * (4.0 - 2.0 * a - b)))
