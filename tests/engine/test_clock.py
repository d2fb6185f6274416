"""The clock: a turn is the engine's tick, and no rule's result hangs on its length.

Radars look at their own scan period, tracks coast and are identified over seconds,
SEAD aircraft fire at a rate in seconds, relocation takes the catalogue's minutes,
and a campaign's script can be split into shorter turns (`retimed`)."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from tests.conftest import CAMPAIGNS
from wargame.campaign import LoadedCampaign, load_campaign
from wargame.campaign.retime import retimed
from wargame.engine import Game, march_turns, relocation
from wargame.engine.detection import cumulative_pd, detecting_looks, looks_in_turn
from wargame.engine.events import ArmLaunched
from wargame.engine.track_life import coast_turns, identified


@pytest.mark.parametrize("seconds", [5.0, 10.0, 15.0, 30.0])
def test_a_radar_takes_as_many_looks_in_a_span_of_time_whatever_the_turn(
    first_contact: LoadedCampaign, seconds: float
) -> None:
    sc = Game.new(retimed(first_contact, seconds), 1).scenario
    turns = round(600.0 / seconds)
    looks = sum(looks_in_turn(sc, turn) for turn in range(1, turns + 1))
    # Ten minutes: 60 looks of a 10 s scan, 100 of a 6 s one, 150 of a 4 s one.
    assert (looks == np.round(600.0 / sc.r_scan_s)).all()
    assert sorted(set(sc.r_scan_s.tolist())) == [4.0, 10.0]


def test_looks_in_one_turn_detect_at_least_once_by_the_closed_form() -> None:
    pd = np.array([0.5, 0.1, 0.0, 0.9])
    looks = np.array([6, 3, 5, 1])
    expected = [1 - 0.5**6, 1 - 0.9**3, 0.0, 0.9]
    assert cumulative_pd(pd, looks) == pytest.approx(expected, abs=1e-12)


def test_coasting_and_identification_keep_their_seconds_at_any_turn(
    first_contact: LoadedCampaign,
) -> None:
    for seconds, coast in ((30.0, 4), (15.0, 8), (10.0, 12), (5.0, 24)):
        sc = Game.new(retimed(first_contact, seconds), 1).scenario
        assert coast_turns(sc) == coast  # 120 s
        assert sc.identification_s == 60.0


def test_a_track_held_a_minute_is_identified_and_a_newer_one_is_not(
    first_contact: LoadedCampaign,
) -> None:
    """Identification asks for a confirmed track (3 of 4 looks) held 60 s: both tracks
    here are confirmed, so only how long each was held tells them apart."""
    game = Game.new(retimed(first_contact, 10.0), 1)
    st = game.state
    st.track_id[:2] = [1, 2]
    st.track_confirmed[:2] = True
    st.track_born[:2] = [1, 1]
    st.track_last[:2] = [7, 5]  # held 60 s and 40 s
    assert identified(game.scenario, st, np.array([0, 1])).tolist() == [True, False]
    # Held a minute but still tentative: not yet.
    st.track_confirmed[0] = False
    assert identified(game.scenario, st, np.array([0, 1])).tolist() == [False, False]


def test_a_unit_stows_marches_and_sets_up_in_the_catalogues_times(
    first_contact: LoadedCampaign,
) -> None:
    sc = Game.new(first_contact, 1).scenario
    radar = sc.r_name.index("FU Charlie")
    move = relocation(sc, radar, 2.0)
    # 92N6E-class: 180 s to stow, 300 s to set up; 2 km at 40 km/h is 180 s.
    assert (move.stow_s, move.march_s, move.setup_s) == pytest.approx((180.0, 180.0, 300.0))
    assert move.turns == 22 == march_turns(sc, 2.0, radar)  # 660 s of 30 s turns
    short = Game.new(retimed(first_contact, 10.0), 1).scenario
    assert march_turns(short, 2.0, radar) == 66


def test_a_sead_aircraft_fires_one_arm_a_minute_whatever_the_turn() -> None:
    weasel_hunt = load_campaign(CAMPAIGNS / "weasel-hunt.toml")
    game = Game.new(retimed(weasel_hunt, 10.0), 3)
    sc = game.scenario
    times: dict[int, list[float]] = {}
    while not game.over:
        for event in game.step([]):
            if isinstance(event, ArmLaunched):
                aircraft = int(sc.t_parent[event.threat])
                times.setdefault(aircraft, []).append(event.turn * sc.dt)
    gaps = [b - a for shots in times.values() for a, b in itertools.pairwise(shots)]
    assert gaps, "some aircraft fired twice"
    assert min(gaps) >= 60.0


def test_retiming_splits_each_scripted_turn_into_its_first_short_turn(
    first_contact: LoadedCampaign,
) -> None:
    short = retimed(first_contact, 10.0).campaign
    long = first_contact.campaign
    assert short.clock.turn_limit == 3 * long.clock.turn_limit
    for a, b in zip(long.red.raids, short.red.raids, strict=True):
        assert b.turn == 3 * (a.turn - 1) + 1
    with pytest.raises(ValueError, match="does not divide"):
        retimed(first_contact, 20.0)


def test_the_scores_do_not_move_when_the_turn_is_halved(first_contact: LoadedCampaign) -> None:
    """First Contact with no orders over 200 seeds, at its own 30 s turns and at 15 s:
    the mean scores agree within three standard errors of their difference."""
    half = retimed(first_contact, first_contact.campaign.clock.seconds_per_turn / 2)

    def scores(loaded: LoadedCampaign) -> np.ndarray:
        totals = []
        for seed in range(1, 201):
            game = Game.new(loaded, seed)
            while not game.over:
                game.step([])
            assert game.outcome is not None
            totals.append(game.outcome.score.total)
        return np.array(totals)

    own, halved = scores(first_contact), scores(half)
    error = math.sqrt(own.var(ddof=1) / own.size + halved.var(ddof=1) / halved.size)
    assert abs(own.mean() - halved.mean()) <= 3 * error


def test_the_looks_that_detected_follow_the_binomial_given_one_did() -> None:
    """Seven looks of Pd 0.3, given at least one detected: P(k) = C(7,k) 0.3^k 0.7^(7-k)
    / (1 - 0.7^7), read off one uniform per detection."""
    rng = np.random.default_rng(8)
    runs = 40_000
    k = detecting_looks(np.full(runs, 0.3), np.full(runs, 7), rng.random(runs))
    at_least_one = 1 - 0.7**7
    for j in range(1, 8):
        p = math.comb(7, j) * 0.3**j * 0.7 ** (7 - j) / at_least_one
        share = float(np.mean(k == j))
        assert abs(share - p) <= 4 * math.sqrt(p * (1 - p) / runs) + 1e-9
    assert detecting_looks(np.array([0.9]), np.array([1]), np.array([0.99]))[0] == 1
