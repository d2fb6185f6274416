"""Time to intercept by hand: |p + v t| = speed t, smallest positive root."""

from __future__ import annotations

import math

import numpy as np
import pytest

from wargame.engine.geometry import intercept_time


def _t(p: tuple[float, float], v: tuple[float, float], speed: float) -> float:
    a = np.array([[p[0]]]), np.array([[p[1]]]), np.array([[v[0]]]), np.array([[v[1]]])
    return float(intercept_time(*a, np.array([[speed]]))[0, 0])


def test_head_on_the_closing_speed_divides_the_distance() -> None:
    # 100 km apart, closing at 1 + 1 km/s: 50 s.
    assert _t((100.0, 0.0), (-1.0, 0.0), 1.0) == pytest.approx(50.0)


def test_a_faster_target_flying_away_is_never_caught() -> None:
    assert math.isinf(_t((10.0, 0.0), (2.0, 0.0), 1.0))


def test_a_target_as_fast_as_the_missile_is_met_where_the_distances_agree() -> None:
    # (10 - t)² = t²: t = 5.
    assert _t((10.0, 0.0), (-1.0, 0.0), 1.0) == pytest.approx(5.0)


def test_a_faster_target_coming_on_is_met_at_the_first_root() -> None:
    # (100 - 3t)² = t²: t = 25 or 50; the first is 25.
    assert _t((100.0, 0.0), (-3.0, 0.0), 1.0) == pytest.approx(25.0)


def test_fast_and_slow_targets_mixed_in_one_call_each_get_their_own_answer() -> None:
    px = np.array([[100.0], [100.0], [10.0]])
    vx = np.array([[-1.0], [-3.0], [2.0]])
    zeros = np.zeros_like(px)
    t = intercept_time(px, zeros, vx, zeros, np.array([[1.0]]))
    assert t[0, 0] == pytest.approx(50.0)
    assert t[1, 0] == pytest.approx(25.0)
    assert math.isinf(t[2, 0])
