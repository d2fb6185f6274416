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
from wargame.engine.events import MissileLaunched
from wargame.engine.fire_control import options, options_of_missile
from wargame.engine.fire_control.timing import meet_on_profile, wait_for_descent
from wargame.engine.geometry import intercept_time
from wargame.engine.scenario import DIVE_MARGIN_M, ballistic_flight_s, dive_km
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
        # A ceiling just over DIVE_MARGIN_M: the dive is met at ground level, so these
        # cases are the flat geometry worked by hand.
        m_max_alt=np.array([DIVE_MARGIN_M]),
    )
    px, py = (np.array([[p[i]] for p in starts]) for i in (0, 1))
    vx, vy = (np.array([[v[i]] for v in velocities]) for i in (0, 1))
    straight = intercept_time(px, py, vx, vy, SPEED)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # every row is computed: none may warn
        tof, _ = wait_for_descent(
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


def _played_to(campaign: LoadedCampaign, seed: int, turn: int) -> Game:
    game = Game.new(campaign, seed)
    while game.turn < turn:
        game.step([])
    return game


def _first_ballistic_track(game: Game, flight_km: float | None = None) -> int:
    """The slot of the raid's first tracked ballistic missile in order of its track's
    number, or of the tracked one whose whole flight is `flight_km` long (to the km)."""
    sc, st = game.scenario, game.state
    ballistic = np.flatnonzero((st.track_id >= 0) & (st.status == ACTIVE) & sc.t_ballistic)
    if flight_km is not None:
        (slot,) = ballistic[np.round(sc.t_total[ballistic]) == flight_km]
        return int(slot)
    return int(ballistic[np.argmin(st.track_id[ballistic])])


@pytest.fixture(scope="module")
def ballistic_raid_in_sight(northern_screen: LoadedCampaign) -> Game:
    """Northern Screen, seed 4, after turn 32 (16 minutes in, 30 s turns): the first
    track of the ballistic raid is a missile 47 km up and climbing, 0.81 km/s over the
    ground (179 km in 221 s), 105 km from FU North-2 by its target, 161 s from impact."""
    return _played_to(northern_screen, 4, 32)


@pytest.fixture(scope="module")
def ballistic_raid_a_turn_on(northern_screen: LoadedCampaign) -> Game:
    """The same game after turn 33 (30 s later): the missile is 58 km up, 73 km of its
    179 flown, 81 km from FU North-2, and its estimate points at the Harrow radar site
    beside it, 131 s away. (A turn earlier the estimate points at FU North-2 itself, to
    be reached in 129 s, before the dive: no intercept in time.)"""
    return _played_to(northern_screen, 4, 33)


@pytest.fixture(scope="module")
def ballistic_raid_diving(northern_screen: LoadedCampaign) -> Game:
    """The same game after turn 36 (a minute later): the missile is 36 km up in its
    dive, 33 km and 41 s from its target."""
    return _played_to(northern_screen, 4, 36)


@pytest.fixture(scope="module")
def ballistic_strike_on_brenna(first_contact: LoadedCampaign) -> Game:
    """First Contact, seed 1, after turn 48 (24 minutes in, 30 s turns): the strike's
    two ballistic missiles are tracked, the one flying 251 km in 221 s (1.13 km/s over
    the ground) since turn 47, the one flying 271 km, 1.22 km/s, 66 km from FU Alpha
    and crossing its front, since turn 46. (Tests pick them by their flight: which is
    tracked first hangs on the detection dice, whose shape grows with the threat slots.)"""
    return _played_to(first_contact, 1, 48)


@pytest.mark.parametrize(
    ("situation", "unit", "missile", "flight_km", "reason"),
    [
        # Above the 9M96E's 20 km ceiling until the dive is beyond its 44 s of flight.
        (
            "ballistic_raid_in_sight",
            "FU North-2",
            "9M96E-class",
            None,
            "above the missile's ceiling until it is out of reach",
        ),
        # It carries no 40N6: that, not the dive, is why it cannot fire one.
        ("ballistic_raid_in_sight", "FU North-2", "40N6-class", None, "no rounds ready"),
        # 74 km off its line of flight, its 40N6 would meet it in 81 s: it lands in 41.
        (
            "ballistic_raid_diving",
            "FU North-1",
            "40N6-class",
            None,
            "the threat reaches its target, or releases its weapons, before any intercept",
        ),
        # 134 km away, none of its missiles would meet it in time (the quickest: 64 s).
        (
            "ballistic_raid_diving",
            "FU South-1",
            None,
            None,
            "the threat reaches its target, or releases its weapons, before any intercept",
        ),
        # A 9M96 (1 km/s) does not catch a 1.22 km/s missile on that course before it
        # lands: against a ballistic missile, its landing is the deadline.
        (
            "ballistic_strike_on_brenna",
            "FU Alpha",
            "9M96-class",
            271.0,
            "the threat reaches its target, or releases its weapons, before any intercept",
        ),
    ],
)
def test_the_reason_a_unit_cannot_engage_a_ballistic_missile(
    request: pytest.FixtureRequest,
    situation: str,
    unit: str,
    missile: str | None,
    flight_km: float | None,
    reason: str,
) -> None:
    game: Game = request.getfixturevalue(situation)
    sc, st = game.scenario, game.state
    f = sc.f_name.index(unit)
    slot = _first_ballistic_track(game, flight_km)
    if missile is None:
        opt = options(sc, st, np.array([f]), np.array([slot]))
    else:
        opt = options_of_missile(sc, st, f, slot, sc.m_name.index(missile))
    assert opt.missile[0, 0] == -1
    assert opt.why_not(0, 0) == reason


def test_the_dive_is_met_just_under_the_ceiling_not_on_it(ballistic_raid_a_turn_on: Game) -> None:
    # FU North-2 sits near the target: the first ballistic missile falls through its
    # 48N6's 27 km ceiling 103 s from now, 9.6 km away. An intercept timed for the
    # crossing itself found it a rounding error above the ceiling, and the unit never
    # fired. (Its 9M96, 30 km ceiling, meets it earlier and is the unit's best choice.)
    sc, st = ballistic_raid_a_turn_on.scenario, ballistic_raid_a_turn_on.state
    f, m = sc.f_name.index("FU North-2"), sc.m_name.index("48N6-class")
    slot = _first_ballistic_track(ballistic_raid_a_turn_on)
    opt = options_of_missile(sc, st, f, slot, m)
    assert opt.missile[0, 0] == m
    wait = (sc.t_dive_km[slot, m] - st.track_flown[slot]) / np.hypot(
        st.track_vx[slot], st.track_vy[slot]
    )
    assert opt.tof[0, 0] == pytest.approx(wait)


@pytest.mark.parametrize("apogee_m", [27_000.5, 30_000.0, 60_000.0, 123_456.7, 1e6])
def test_the_dive_point_lies_under_every_ceiling(apogee_m: float) -> None:
    # The profile apogee * 4 s (1 - s) at the dive point of each ceiling, over paths of
    # many lengths: never above the ceiling, and within DIVE_MARGIN_M of it.
    ceilings = np.linspace(1_000.0, 27_000.0, 53)
    totals = np.linspace(50.0, 1_000.0, 97)
    dive = dive_km([True] * totals.size, np.full(totals.size, apogee_m), totals, ceilings)
    s = dive / totals[:, None]
    altitude = apogee_m * 4.0 * s * (1.0 - s)
    assert np.all(altitude <= ceilings)
    assert np.all(altitude >= ceilings - DIVE_MARGIN_M - 1e-6)


def test_a_diving_missile_is_met_where_its_profile_and_the_flight_agree(
    ballistic_strike_on_brenna: Game,
) -> None:
    """FU Charlie's 9M96 (1 km/s, 30 km ceiling) at the strike's 251 km flight, 36 km up
    and 41 s from landing: it meets the missile on its way down, where the slant range
    to the point of the profile it has fallen to equals the 9M96's flight, 30.2 km in
    30.2 s, 11.3 km up. (Timed against its present height, 36 km, the flight came to
    40 s and the point to 1 km up, a second before it landed.) The figures are the
    track's, as the closed form above re-derives them from its state: its filtered
    estimate, two turns old, 1.136 km/s over the ground where the truth is 1.134, puts
    the landing 41.16 s away where the truth is 41.24 s."""
    game = ballistic_strike_on_brenna
    sc, st = game.scenario, game.state
    f, m = sc.f_name.index("FU Charlie"), sc.m_name.index("9M96-class")
    slot = _first_ballistic_track(game, 251.0)
    opt = options_of_missile(sc, st, f, slot, m)
    assert opt.missile[0, 0] == m
    tof, slant = float(opt.tof[0, 0]), float(opt.range_km[0, 0])
    assert slant == pytest.approx(tof * 1.0, rel=1e-6)
    speed = math.hypot(st.track_vx[slot], st.track_vy[slot])
    s = (st.track_flown[slot] + speed * tof) / sc.t_total[slot]
    height_km = sc.t_cruise_alt[slot] * 4 * s * (1 - s) / 1000.0
    x = st.track_x[slot] + st.track_vx[slot] * tof - st.r_x[sc.f_radar[f]]
    y = st.track_y[slot] + st.track_vy[slot] * tof - st.r_y[sc.f_radar[f]]
    assert math.sqrt(x * x + y * y + height_km**2) == pytest.approx(slant, rel=1e-6)
    assert (slant, tof, height_km) == pytest.approx((30.22, 30.22, 11.30), abs=0.05)
    landing = (sc.t_total[slot] - st.track_flown[slot]) / speed
    assert landing == pytest.approx(41.16, abs=0.05)


def test_a_missile_in_reach_only_for_a_while_is_met_then() -> None:
    """A ballistic missile 120 km up at its apogee over an 820 km flight, 744 km flown,
    76 km and 29 s from landing, 2.62 km/s over the ground, faster than the 1.5 km/s
    interceptor closes from 16 km off its line, 41 km short of its target: it comes in
    reach at about 17.1 s and is out of it again before it lands, so a search that
    only asks whether it is in reach at the landing finds nothing."""
    apogee_km, total, flown = 120.0, 820.0, 744.0
    ground = total / ballistic_flight_s(apogee_km * 1000.0)  # 2.62 km/s
    sc = SimpleNamespace(
        t_total=np.array([total]),
        t_cruise_alt=np.array([apogee_km * 1000.0]),
        m_speed=np.array([1.5]),
        m_max_flight_s=np.array([250.0 / 1.5]),
    )
    to_go = total - flown
    px, py = np.array([[41.0 - to_go]]), np.array([[-16.0]])
    vx, vy = np.array([[ground]]), np.array([[0.0]])
    for within_flight in (False, True):
        meet, landing = meet_on_profile(
            sc,  # type: ignore[arg-type]
            np.array([0]),
            np.array([flown]),
            np.array([ground]),
            px,
            py,
            vx,
            vy,
            within_flight=within_flight,
        )
        t = float(meet[0, 0])
        assert t == pytest.approx(17.14, abs=0.01)
        assert float(landing[0, 0]) == pytest.approx(to_go / ground)

        def gap(t: float) -> float:
            s = (flown + ground * t) / total
            height = apogee_km * 4 * s * (1 - s)
            slant = math.sqrt((px[0, 0] + ground * t) ** 2 + py[0, 0] ** 2 + height**2)
            return slant - 1.5 * t

        assert gap(t) == pytest.approx(0.0, abs=1e-4)
        assert gap(float(landing[0, 0])) > 0.0  # out of reach again when it lands
