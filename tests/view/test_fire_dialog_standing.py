"""The fire dialog foresees the next turn with the game's standing orders: a radar that a
standing EMCON order silences next turn is refused in the dialog as the engine refuses it."""

from __future__ import annotations

from wargame.campaign import LoadedCampaign
from wargame.engine import Game, Order, StandingOrder
from wargame.engine.events import MissileLaunched, OrderRefused
from wargame.view.blue import track_slot
from wargame.view.fire_options import shot_options


def test_a_unit_silenced_next_turn_by_its_standing_order_is_refused_as_the_engine_refuses_it(
    arm_duel: LoadedCampaign,
) -> None:
    # The ARM (track 2) is first reported on turn 5 within 50 km of Target FU: its EMCON
    # order silences the radar from turn 6 (tests/engine/test_standing_rules.py).
    game = Game.new(arm_duel, 1)
    rule = StandingOrder("emcon", range_km=50.0, turns=3)
    game.step([Order.standing(rule, turn=1)])
    while game.turn < 5:
        game.step([])
    slot = track_slot(game.state, 2)
    assert slot >= 0

    blind = [s for s in shot_options(game.scenario, game.state, slot) if not s.alternative]
    foreseen = [
        s
        for s in shot_options(game.scenario, game.state, slot, standing=game.standing)
        if not s.alternative
    ]
    assert [s.possible for s in blind] == [True]  # without the standing orders: offered
    (shot,) = foreseen
    assert not shot.possible

    events = game.step([Order(turn=6, unit="Target FU", action="engage", track=2)])
    refused = [e for e in events if isinstance(e, OrderRefused)]
    assert not [e for e in events if isinstance(e, MissileLaunched)]
    assert [e.reason for e in refused] == [shot.reason]
