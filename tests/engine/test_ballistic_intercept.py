"""A ballistic missile above a missile's ceiling is met in its dive, by hand.

One interceptor type: 1 km/s, 100 km maximum range, so at most 100 s of flight.
The ballistic missile flies straight at the fire unit (at the origin) at 2 km/s
and falls through the interceptor's ceiling when it has flown `dive_km`.
"""

from __future__ import annotations

import math
import warnings
from types import SimpleNamespace

import numpy as np
import pytest

from wargame.campaign import LoadedCampaign
from wargame.engine import Game
from wargame.engine.engagement import _wait_for_descent, options, options_of_missile
from wargame.engine.events import MissileLaunched
from wargame.engine.geometry import intercept_time
from wargame.engine.state import ACTIVE

SPEED = np.array([[1.0]])


def _times(
    starts: list[tuple[float, float]],
    velocities: list[tuple[float, float]],
    dive_km: list[float],
    ballistic: list[bool],
) -> np.ndarray:
    """Intercept time per pair (one interceptor type): straight, or waiting for the dive."""
    scenario = SimpleNamespace(
        t_dive_km=np.array(dive_km)[:, None],
        m_speed=SPEED[0],
        m_max_flight_s=np.array([100.0]),
    )
    px, py = (np.array([[p[i]] for p in starts]) for i in (0, 1))
    vx, vy = (np.array([[v[i]] for v in velocities]) for i in (0, 1))
    straight = intercept_time(px, py, vx, vy, SPEED)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # every row is computed: none may warn
        tof, _ = _wait_for_descent(
            scenario,  # type: ignore[arg-type]
            np.arange(len(starts)),
            np.array(ballistic),
            np.zeros(len(starts)),  # flown so far
            np.hypot(vx[:, 0], vy[:, 0]),
            px,
            py,
            vx,
            vy,
            straight,
        )
    return tof[:, 0]


def _met_at(start_km: float, dive_km: float) -> float:
    return float(_times([(start_km, 0.0)], [(-2.0, 0.0)], [dive_km], [True])[0])


def test_the_intercept_waits_for_the_dive_when_the_missile_can_be_there() -> None:
    # From 200 km: it falls through the ceiling after 150 km, 75 s, 50 km out; the
    # interceptor covers 50 km within 75 s and flies no longer than 100 s.
    assert _met_at(200.0, 150.0) == pytest.approx(75.0)


def test_a_wait_of_exactly_the_longest_flight_is_allowed() -> None:
    # From 250 km: the dive after 200 km, 100 s, 50 km out: the interceptor's 100 s.
    assert _met_at(250.0, 200.0) == 100.0


def test_no_intercept_beyond_the_missile_s_longest_flight() -> None:
    # From 300 km: the dive comes after 125 s, 50 km out. The interceptor could cover
    # 50 km by then, but it would have to fly 125 s, longer than its 100 s: it waits
    # for a later turn instead of being fired now.
    assert math.isinf(_met_at(300.0, 250.0))


def test_a_target_already_below_the_ceiling_keeps_the_straight_intercept() -> None:
    # It falls through the ceiling where it starts (0 km flown): no wait; head-on from
    # 120 km closing at 3 km/s, 40 s.
    assert _met_at(120.0, 0.0) == pytest.approx(40.0)


def test_other_threats_keep_their_straight_intercept_whatever_the_dive_table_says() -> None:
    # Row 0: ballistic, waits for its dive (75 s). Row 1: the same course but not
    # ballistic: the straight intercept, 200 / 3 s. Row 2: not ballistic, faster than
    # the interceptor and flying away along an axis: never met, and no warning.
    tof = _times(
        [(200.0, 0.0), (200.0, 0.0), (0.0, 50.0)],
        [(-2.0, 0.0), (-2.0, 0.0), (0.0, 3.0)],
        [150.0, 150.0, 150.0],
        [True, False, False],
    )
    assert tof[0] == pytest.approx(75.0)
    assert tof[1] == pytest.approx(200.0 / 3.0)
    assert math.isinf(tof[2])


@pytest.mark.parametrize("seed", [4, 5, 6])
def test_no_interceptor_is_fired_for_longer_than_its_longest_flight(
    northern_screen: LoadedCampaign, seed: int
) -> None:
    # Northern Screen's ballistic missiles come over the interceptors' ceilings; the
    # dive of some is further off than any interceptor flies (these seeds fired some
    # such shots before the rule).
    game = Game.new(northern_screen, seed)
    sc = game.scenario
    flights = 0
    while not game.over:
        for event in game.step([]):
            if isinstance(event, MissileLaunched):
                m = sc.m_name.index(event.missile)
                longest = sc.m_max_range[m] / sc.m_speed[m]
                assert event.intercept_turn - event.turn <= math.ceil(longest / sc.dt)
                flights += 1
    assert flights > 0


@pytest.fixture(scope="module")
def ballistic_raid_in_sight(northern_screen: LoadedCampaign) -> Game:
    """Northern Screen, seed 4, after turn 16: four tracks are ballistic missiles 60 km
    up at 1.5 km/s, about 90 km from FU North-1, a minute from their target."""
    game = Game.new(northern_screen, 4)
    while game.turn < 16:
        game.step([])
    return game


@pytest.mark.parametrize(
    ("unit", "missile", "reason"),
    [
        # Its 40N6 would meet it 81 s out: after it lands. (Its 48N6 can meet it.)
        ("FU North-1", "40N6-class", "the threat reaches its target before any intercept"),
        # 180 km away, none of its missiles would meet it before it lands.
        ("FU South-1", None, "the threat reaches its target before any intercept"),
        # A 9M96 (1 km/s) cannot catch a 1.5 km/s missile on that course.
        ("FU North-1", "9M96-class", "the missile cannot catch it"),
        # Above this unit's missiles' ceilings until their dive is out of their reach.
        ("FU North-2", None, "above the missile's ceiling until it is out of reach"),
    ],
)
def test_the_reason_a_unit_cannot_engage_a_ballistic_missile(
    ballistic_raid_in_sight: Game, unit: str, missile: str | None, reason: str
) -> None:
    sc, st = ballistic_raid_in_sight.scenario, ballistic_raid_in_sight.state
    f = sc.f_name.index(unit)
    ballistic = np.flatnonzero((st.track_id >= 0) & (st.status == ACTIVE) & sc.t_ballistic)
    slot = int(ballistic[np.argmin(st.track_id[ballistic])])  # the first of the raid
    if missile is None:
        opt = options(sc, st, np.array([f]), np.array([slot]))
    else:
        opt = options_of_missile(sc, st, f, slot, sc.m_name.index(missile))
    assert opt.missile[0, 0] == -1
    assert opt.why_not(0, 0) == reason
