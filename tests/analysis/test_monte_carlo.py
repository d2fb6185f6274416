"""Monte Carlo over seeds: the same figures for any number of workers, and plans
paired on the same dice."""

from __future__ import annotations

import json

from wargame.analysis.monte_carlo import analyze
from wargame.analysis.plans import Plan, default_plan
from wargame.analysis.render_json import analysis_dict
from wargame.campaign import LoadedCampaign
from wargame.engine import Game
from wargame.engine.orders import Order


def test_one_worker_and_two_give_the_same_json(first_contact: LoadedCampaign) -> None:
    seeds = range(5, 35)  # two chunks: the second worker plays one
    alone = analyze(first_contact, default_plan(), seeds, workers=1)
    shared = analyze(first_contact, default_plan(), seeds, workers=2)
    assert json.dumps(analysis_dict(alone)) == json.dumps(analysis_dict(shared))
    assert [g.seed for g in shared.first.games] == list(seeds)


def test_each_run_is_the_game_wargame_run_plays_on_that_seed(
    first_contact: LoadedCampaign,
) -> None:
    analysis = analyze(first_contact, default_plan(), range(7, 10))
    for game in analysis.first.games:
        played = Game.new(first_contact, game.seed)
        while not played.over:
            played.step([])
        assert played.outcome is not None
        assert game.score == played.outcome.score.total


def test_a_plan_against_itself_ties_on_every_seed(one_unit_raid: LoadedCampaign) -> None:
    # An order to a unit that does not exist is refused and changes nothing.
    same = Plan(
        "a refused order", (Order(turn=1, unit="FU Nobody", action="weapons", setting="hold"),)
    )
    analysis = analyze(one_unit_raid, same, range(1, 21), against=default_plan())
    assert analysis.paired is not None
    assert analysis.paired.tie_share == 1.0
    assert analysis.paired.mean_difference == 0.0
    assert analysis.paired.ci95 == (0.0, 0.0)
    assert analysis.first.orders_refused.mean == 1.0


def test_firing_against_holding_fire_is_paired_seed_by_seed(
    one_unit_raid: LoadedCampaign,
) -> None:
    hold = Plan("hold", (Order(turn=1, unit="FU Alpha", action="weapons", setting="hold"),))
    analysis = analyze(one_unit_raid, default_plan(), range(1, 21), against=hold)
    assert analysis.paired is not None and analysis.second is not None
    # Held fire: no round, all four missiles leak, the same damage on every seed.
    assert analysis.second.all_leakers.mean == 4.0
    assert analysis.second.score.sd == 0.0
    firing = [g.score for g in analysis.first.games]
    held = analysis.second.games[0].score
    better = sum(score > held for score in firing) / len(firing)
    assert analysis.paired.better_share == better
    mean_difference = sum(firing) / len(firing) - held
    assert abs(analysis.paired.mean_difference - mean_difference) < 1e-9
