"""Textbook geometry and radar formulas, on numpy arrays.

Heights in m, distances in km. A reader can check each against a radar
textbook (Skolnik; Mahafza).
"""

from __future__ import annotations

from typing import cast

import numpy as np
from numpy.typing import NDArray

F64 = NDArray[np.float64]

HORIZON_KM_PER_SQRT_M = 4.12
"""Radar horizon over a 4/3-radius Earth: d = 4.12 (sqrt(h1) + sqrt(h2)) km, h in m."""


def radar_horizon_km(h_radar_m: F64 | float, h_target_m: F64 | float) -> F64:
    return np.asarray(
        HORIZON_KM_PER_SQRT_M * (np.sqrt(h_radar_m) + np.sqrt(np.maximum(h_target_m, 0.0))),
        dtype=np.float64,
    )


def snr(
    snr_ref: F64 | float, rcs_m2: F64 | float, range_ref_km: F64 | float, range_km: F64 | float
) -> F64:
    """Signal-to-noise of a target: the reference SNR (1 m² at range_ref) scaled by σ/R⁴."""
    ratio = np.asarray(range_ref_km, dtype=np.float64) / np.maximum(range_km, 1e-3)
    return np.asarray(snr_ref * rcs_m2 * ratio**4, dtype=np.float64)


def swerling1_pd(pfa: F64 | float, snr_value: F64 | float) -> F64:
    """Swerling-1 single-look detection probability: Pd = Pfa^(1/(1+SNR))."""
    return np.asarray(np.power(pfa, 1.0 / (1.0 + np.asarray(snr_value))), dtype=np.float64)


SAME_SITE_KM = 0.5
"""A unit within this of a point stands on it: a shorter move is no move and fools no
missile aimed at the site, and a hit on a defended asset there hits the unit too."""

JAMMER_REFERENCE_KM = 100.0


def jammer_jnr(jnr_at_reference: F64 | float, range_km: F64 | float) -> F64:
    """Jammer-to-noise in the receiver: one-way path, so it falls as 1/R²."""
    ratio = JAMMER_REFERENCE_KM / np.maximum(range_km, 1e-3)
    return np.asarray(jnr_at_reference * ratio**2, dtype=np.float64)


def edge_factor(range_fraction: F64 | float) -> F64:
    """Kill probability falls off towards the edge of the envelope: full out to 70 %
    of the maximum range, then linearly down to half at the maximum range."""
    f = (np.asarray(range_fraction, dtype=np.float64) - 0.7) / 0.3
    return 1.0 - 0.5 * np.minimum(np.maximum(f, 0.0), 1.0)


def ballistic_height(apogee: F64 | float, flown_fraction: F64 | float) -> F64:
    """A ballistic missile's height (in the unit of `apogee`) when it has flown
    `flown_fraction` of its path: the parabola apogee · 4 s (1 − s) of a body thrown
    and falling at g, with its ground speed constant."""
    return np.asarray(apogee * 4.0 * flown_fraction * (1.0 - flown_fraction))


def intercept_time(
    px: F64, py: F64, vx: F64, vy: F64, speed: F64, height2: F64 | float = 0.0
) -> F64:
    """Time for a missile of average `speed` from the origin to meet a target at p moving
    at v (constant velocity) over the ground, `height2` (its height, squared, km²) above
    the launcher: the smallest t > 0 with |p + v t|² + height² = (speed t)², the missile
    flying the slant range; inf if none."""
    a = vx * vx + vy * vy - speed * speed
    b = 2.0 * (px * vx + py * vy)
    c = px * px + py * py + height2
    disc = b * b - 4.0 * a * c
    if (a < -1e-12).all():
        # The usual case, a missile faster than its target: a < 0 < c makes the
        # discriminant exceed b², so exactly one root is positive.
        return (-b - np.sqrt(disc)) / (2.0 * a)
    # A target as fast as the missile or faster: either root may be the first ahead.
    # Denominators are made safe where they would be zero, so no warning can arise.
    ok = disc >= 0.0
    root = np.sqrt(np.where(ok, disc, 0.0))
    small_a = np.abs(a) < 1e-12
    two_a = np.where(small_a, 1.0, 2.0 * a)
    t1 = np.where(small_a, -c / np.where(b == 0.0, -1e-300, b), (-b - root) / two_a)
    t2 = np.where(small_a, np.inf, (-b + root) / two_a)
    t1 = np.where(ok & (t1 > 0.0), t1, np.inf)
    t2 = np.where(ok & (t2 > 0.0), t2, np.inf)
    return cast(F64, np.minimum(t1, t2))
