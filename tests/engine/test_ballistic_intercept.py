"""A ballistic missile above a missile's ceiling is met in its dive, by hand.

One interceptor type: 1 km/s, 100 km maximum range, so at most 100 s of flight.
The ballistic missile flies straight at the fire unit (at the origin) at 2 km/s
and falls through the interceptor's ceiling when it has flown `dive_km`.
"""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pytest

from wargame.engine.engagement import _wait_for_descent
from wargame.engine.geometry import intercept_time


def _met_at(start_km: float, dive_km: float) -> float:
    interceptor = SimpleNamespace(
        t_dive_km=np.array([[dive_km]]),
        m_speed=np.array([1.0]),
        m_max_flight_s=np.array([100.0]),
    )
    px, py = np.array([[start_km]]), np.array([[0.0]])
    vx, vy = np.array([[-2.0]]), np.array([[0.0]])
    straight = intercept_time(px, py, vx, vy, np.array([[1.0]]))
    tof = _wait_for_descent(
        interceptor,  # type: ignore[arg-type]
        np.array([0]),
        np.array([True]),
        np.array([0.0]),
        np.array([2.0]),
        px,
        py,
        vx,
        vy,
        straight,
    )
    return float(tof[0, 0])


def test_the_intercept_waits_for_the_dive_when_the_missile_can_be_there() -> None:
    # From 200 km: it falls through the ceiling after 150 km, 75 s, 50 km out; the
    # interceptor covers 50 km within 75 s and flies no longer than 100 s.
    assert _met_at(200.0, 150.0) == pytest.approx(75.0)


def test_no_intercept_beyond_the_missile_s_longest_flight() -> None:
    # From 300 km: the dive comes after 125 s, 50 km out. The interceptor could cover
    # 50 km by then, but it would have to fly 125 s, longer than its 100 s: it waits
    # for a later turn instead of being fired now.
    assert math.isinf(_met_at(300.0, 250.0))


def test_a_target_already_below_the_ceiling_keeps_the_straight_intercept() -> None:
    # Dive point behind it: no wait; head-on from 120 km closing at 3 km/s, 40 s.
    assert _met_at(120.0, 0.0) == pytest.approx(40.0)
