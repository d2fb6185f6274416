"""Threat evaluation by hand: what a track seems to head for, its time to go, and the
damage it would do there."""

from __future__ import annotations

import math

import numpy as np
import pytest

from wargame.campaign import LoadedCampaign
from wargame.engine import Game
from wargame.engine.assessment import aimed_site, heading_for, site_names


def _tracked(game: Game, slot: int, x: float, y: float, vx: float, vy: float) -> None:
    st = game.state
    st.track_id[slot] = slot + 1
    st.track_last[slot] = st.turn
    st.track_x[slot], st.track_y[slot] = x, y
    st.track_vx[slot], st.track_vy[slot] = vx, vy


def test_a_cruise_missile_flying_at_the_port_is_worth_its_warhead_share_of_the_port(
    first_contact: LoadedCampaign,
) -> None:
    game = Game.new(first_contact, 1)
    game.state.turn = 5
    # Slot 0 is a 450 kg cruise missile; Aldmouth port (600, hardness 0.2) is at (310, 180).
    _tracked(game, 0, 110.0, 180.0, 0.24, 0.0)
    slots = np.array([0])
    site, ttg = aimed_site(game.scenario, game.state, slots)
    assert site_names(game.scenario)[int(site[0])] == "Aldmouth port"
    assert float(ttg[0]) == pytest.approx(200.0 / 0.24)
    damage, _ = heading_for(game.scenario, game.state, slots)
    assert float(damage[0]) == pytest.approx(600.0 * (1.0 - 0.2) * 450.0 / 2000.0)


def test_a_track_with_no_warhead_flying_at_a_radar_threatens_no_damage(
    first_contact: LoadedCampaign,
) -> None:
    game = Game.new(first_contact, 1)
    game.state.turn = 5
    # Slot 21 is a SEAD fighter (no warhead of its own), on a line through Big Bird (322, 176).
    _tracked(game, 21, 122.0, 176.0, 0.3, 0.0)
    slots = np.array([21])
    site, ttg = aimed_site(game.scenario, game.state, slots)
    assert site_names(game.scenario)[int(site[0])] == "Big Bird"
    assert float(ttg[0]) == pytest.approx(200.0 / 0.3)
    damage, _ = heading_for(game.scenario, game.state, slots)
    assert float(damage[0]) == 0.0


def test_a_track_pointing_at_nothing_has_no_destination_and_no_time_to_go(
    first_contact: LoadedCampaign,
) -> None:
    game = Game.new(first_contact, 1)
    game.state.turn = 5
    _tracked(game, 1, 110.0, 180.0, -0.24, 0.0)
    site, ttg = aimed_site(game.scenario, game.state, np.array([1]))
    assert int(site[0]) == -1
    assert math.isinf(float(ttg[0]))
