"""The score is the weighted sum of its parts, and every report shows the weights, so that
a reader can add it up: a campaign that counts interceptors double says so."""

from __future__ import annotations

import dataclasses

import pytest

from wargame.campaign import LoadedCampaign
from wargame.engine import Game
from wargame.engine.events import Event
from wargame.report.aar import build_aar
from wargame.report.summary import summarise


@pytest.fixture(scope="module")
def weighted_game(first_contact: LoadedCampaign) -> list[Event]:
    """First Contact with interceptors counted double and radars at half."""
    campaign = first_contact.campaign
    scoring = campaign.scoring.model_copy(update={"interceptor_cost": 2.0, "radar_lost": 0.5})
    loaded = dataclasses.replace(
        first_contact, campaign=campaign.model_copy(update={"scoring": scoring})
    )
    game = Game.new(loaded, 7)
    events: list[Event] = [game.started_event()]
    while not game.over:
        events += game.step([])
    return events


def test_the_points_of_the_parts_add_up_to_the_score(weighted_game: list[Event]) -> None:
    score = build_aar(weighted_game).score
    weights = [weight for _, _, weight, _ in score.parts]
    # asset value kept, threats destroyed, interceptors, over budget, assets lost, radars
    assert weights == [1.0, 0.25, 2.0, 2.0, 1.0, 0.5]
    for _, value, weight, points in score.parts:
        assert abs(abs(points) - value * weight) < 1e-3
    assert sum(points for *_, points in score.parts) == pytest.approx(score.total, abs=0.01)
    interceptors = score.parts[2]
    assert interceptors[0] == "interceptor cost" and interceptors[3] < 0


def test_the_json_summary_gives_the_weights_beside_the_parts(weighted_game: list[Event]) -> None:
    summary = summarise("first-contact", 7, weighted_game)
    weights, parts = summary["score_weights"], summary["score_parts"]
    assert weights == {
        "asset_value_kept": 1.0,
        "threat_cost_destroyed": 0.25,
        "interceptor_cost": 2.0,
        "over_budget": 2.0,
        "asset_priority_lost": 1.0,
        "radar_value_lost": 0.5,
    }
    gained = ("asset_value_kept", "threat_cost_destroyed")
    total = sum(parts[k] * weights[k] for k in gained) - sum(
        parts[k] * weights[k] for k in weights if k not in gained
    )
    assert total == pytest.approx(summary["score"], abs=0.01)
