"""A missile flies the slant range to its target, by hand.

A target h km up and d km away over the ground is √(d² + h²) away: that is the
distance the missile flies (so its time), the range the envelope and the kill
probability's fall-off are judged by, and the range the launch reports. The radar
horizon is over the ground. Here a fighter track is held still, 12 km up, at chosen
distances east of a fire unit's radar.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from wargame.campaign import LoadedCampaign
from wargame.engine import Game
from wargame.engine.fire_control import options_of_missile
from wargame.engine.geometry import edge_factor, intercept_time
from wargame.engine.scenario import CLASS_CODE
from wargame.engine.state import ACTIVE, State

HEIGHT_KM = 12.0


def test_a_target_overhead_is_met_at_its_slant_range() -> None:
    # Still, 30 km away and 40 km up: 50 km of flight at 1 km/s.
    still = intercept_time(
        np.array([[30.0]]),
        np.zeros((1, 1)),
        np.zeros((1, 1)),
        np.zeros((1, 1)),
        np.array([[1.0]]),
        np.array([[40.0**2]]),
    )
    assert still[0, 0] == pytest.approx(50.0)
    # Head-on from 50 km at 1 km/s, 40 km up, against 2.5 km/s: after 20 s it is 30 km
    # out over the ground, 50 km of slant, which the missile has flown.
    head_on = intercept_time(
        np.array([[50.0]]),
        np.zeros((1, 1)),
        np.array([[-1.0]]),
        np.zeros((1, 1)),
        np.array([[2.5]]),
        np.array([[40.0**2]]),
    )
    assert head_on[0, 0] == pytest.approx(20.0)


@pytest.fixture(scope="module")
def fighter_track(first_contact: LoadedCampaign) -> tuple[Game, int]:
    """First Contact, seed 1, at the first fighter track."""
    game = Game.new(first_contact, 1)
    sc = game.scenario
    while not game.over:
        game.step([])
        st = game.state
        live = (st.track_id >= 0) & (st.status == ACTIVE)
        fighters = np.flatnonzero(live & (sc.t_apparent_class == CLASS_CODE["fighter"]))
        if fighters.size:
            return game, int(fighters[0])
    raise AssertionError("no fighter track")


def _placed(game: Game, slot: int, unit: int, ground_km: float) -> State:
    """The state with the track held still `ground_km` east of the unit's radar, 12 km up,
    exactly (no filter error, so a round's kill probability is the catalogue's), and the
    unit given rounds of every type."""
    sc, st = game.scenario, game.state.copy()
    radar = sc.f_radar[unit]
    st.track_x[slot], st.track_y[slot] = st.r_x[radar] + ground_km, st.r_y[radar]
    st.track_vx[slot] = st.track_vy[slot] = 0.0
    st.track_alt[slot] = HEIGHT_KM * 1000.0
    st.track_last[slot] = st.turn
    st.track_pos_var[slot] = st.track_pos_vel_cov[slot] = st.track_vel_var[slot] = 0.0
    st.track_class[slot] = CLASS_CODE["fighter"]
    st.ready[unit] = np.maximum(st.ready[unit], 4)
    return st


@pytest.mark.parametrize("ground_km", [16.0, 30.0, 100.0])
def test_the_flight_and_the_reported_range_are_the_slant_range(
    fighter_track: tuple[Game, int], ground_km: float
) -> None:
    game, slot = fighter_track
    sc = game.scenario
    st = _placed(game, slot, 0, ground_km)
    m = sc.m_name.index("9M96-class")  # 1 km/s, 120 km
    opt = options_of_missile(sc, st, 0, slot, m)
    slant = math.hypot(ground_km, HEIGHT_KM)  # 20, 32.3 and 100.7 km
    assert opt.missile[0, 0] == m
    assert opt.range_km[0, 0] == pytest.approx(slant)
    assert opt.tof[0, 0] == pytest.approx(slant / 1.0)
    nominal = sc.m_pk[m, CLASS_CODE["fighter"]]
    assert opt.pk[0, 0] == pytest.approx(nominal * edge_factor(slant / 120.0))


def test_a_target_within_reach_over_the_ground_but_not_in_slant_is_beyond_it(
    fighter_track: tuple[Game, int],
) -> None:
    # The 9M96E reaches 40 km: at 39 km over the ground and 12 km up, the target is
    # 40.8 km away.
    game, slot = fighter_track
    sc = game.scenario
    m = sc.m_name.index("9M96E-class")
    near = options_of_missile(sc, _placed(game, slot, 0, 38.0), 0, slot, m)  # 39.8 km
    assert near.missile[0, 0] == m
    far = options_of_missile(sc, _placed(game, slot, 0, 39.0), 0, slot, m)
    assert far.missile[0, 0] == -1
    assert far.why_not(0, 0) == "beyond maximum range"


def test_a_target_nearly_overhead_is_outside_the_minimum_range(
    fighter_track: tuple[Game, int],
) -> None:
    # The 40N6's minimum range is 10 km: 5 km over the ground but 12 km up, the target
    # is 13 km away, outside it.
    game, slot = fighter_track
    sc = game.scenario
    m = sc.m_name.index("40N6-class")
    opt = options_of_missile(sc, _placed(game, slot, 0, 5.0), 0, slot, m)
    assert opt.missile[0, 0] == m
    assert opt.range_km[0, 0] == pytest.approx(13.0)


def test_a_faster_target_flying_away_cannot_be_caught(fighter_track: tuple[Game, int]) -> None:
    # 20 km east and 12 km up, flying east at 1.5 km/s: the 9M96's 1 km/s never closes.
    game, slot = fighter_track
    sc = game.scenario
    st = _placed(game, slot, 0, 20.0)
    st.track_vx[slot] = 1.5
    m = sc.m_name.index("9M96-class")
    opt = options_of_missile(sc, st, 0, slot, m)
    assert opt.missile[0, 0] == -1
    assert opt.why_not(0, 0) == "the missile cannot catch it"
