"""Track trails: the radars' past reports of each track, kept from the states shown."""

from __future__ import annotations

import numpy as np

from tests.tui.conftest import FIRST_CONTACT
from wargame.campaign import load_campaign
from wargame.engine import Game, State
from wargame.engine.state import ACTIVE
from wargame.view.map_trails import TrackTrails


def state_with_one_track(turn: int, x: float) -> State:
    game = Game.new(load_campaign(FIRST_CONTACT), 1)
    st = game.state.copy()
    st.turn = turn
    st.status[0] = ACTIVE
    st.track_id[0] = 7
    st.track_last[0] = turn
    st.track_x[0], st.track_y[0] = x, 100.0
    return st


def test_a_trail_holds_the_reports_before_the_latest_the_last_four() -> None:
    trails = TrackTrails()
    states = [state_with_one_track(t, 10.0 * t) for t in range(1, 8)]
    for st in states:
        trails.record(st)
        trails.record(st)  # shown twice: kept once
    x, y, owner = trails.points(states[-1], np.array([0]))
    assert x.tolist() == [30.0, 40.0, 50.0, 60.0]
    assert y.tolist() == [100.0] * 4 and owner.tolist() == [0] * 4


def test_stepping_back_in_a_replay_shows_only_older_reports() -> None:
    trails = TrackTrails()
    states = [state_with_one_track(t, 10.0 * t) for t in range(1, 6)]
    for st in states:
        trails.record(st)
    trails.record(states[2])  # back to turn 3
    x, _, _ = trails.points(states[2], np.array([0]))
    assert x.tolist() == [10.0, 20.0]


def test_a_coasting_track_adds_no_point_until_it_is_reported_again() -> None:
    trails = TrackTrails()
    first = state_with_one_track(1, 10.0)
    trails.record(first)
    coasting = first.copy()
    coasting.turn = 2  # no new report: track_last stays 1
    trails.record(coasting)
    x, _, _ = trails.points(coasting, np.array([0]))
    assert x.size == 0
