"""The fire dialog foresees the next turn with the game's standing orders: a radar that a
standing EMCON order silences next turn is refused in the dialog as the engine refuses it."""

from __future__ import annotations

from wargame.campaign import LoadedCampaign
from wargame.campaign.retime import retimed
from wargame.engine import Game, Order, StandingOrder
from wargame.engine.events import MissileLaunched, OrderRefused
from wargame.view.blue import track_slot
from wargame.view.fire_options import shot_options

ARM_TRACK = 24
"""The anti-radiation missile's track in the duel, seed 1, at 30 s turns."""


def test_a_unit_silenced_next_turn_by_its_standing_order_is_refused_as_the_engine_refuses_it(
    arm_duel: LoadedCampaign,
) -> None:
    # The duel at 30 s turns, as the shipped campaigns are played: the ARM (track 24: the
    # radar's false alarms took ids 1 to 22 before it, the fighter 23) is first reported
    # within 50 km of Target FU on turn 10 (46.8 km, 69 s from it), so its
    # EMCON order silences the radar from turn 11. Without the order a 9M96E fired then
    # (19 s of flight) would be in time. (At the duel's own 60 s turns, a shot a turn
    # later is too late whatever the order: the dialog refuses it on its deadline.)
    game = Game.new(retimed(arm_duel, 30.0), 1)
    rule = StandingOrder("emcon", range_km=50.0, turns=3)
    game.step([Order.standing(rule, turn=1)])
    while game.turn < 10:
        game.step([])
    slot = track_slot(game.state, ARM_TRACK)
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

    events = game.step([Order(turn=11, unit="Target FU", action="engage", track=ARM_TRACK)])
    refused = [e for e in events if isinstance(e, OrderRefused)]
    assert not [e for e in events if isinstance(e, MissileLaunched)]
    assert [e.reason for e in refused] == [shot.reason]
