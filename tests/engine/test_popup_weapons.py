"""A pop-up raid of aircraft carrying stand-off weapons, held for an inject that never
fires: its aircraft are held (spent) and their weapons stay aboard, and the game still
ends on the raids spent once the other raid is.

One cruise missile (240 m/s) flies 50 km from x = 250 at the Port (x = 300): 208 s,
arriving in turn 4 of 60 s turns. The fire unit holds its fire. The bombers' inject
waits for a unit lost, which nothing here can destroy.
"""

from __future__ import annotations

from wargame.campaign import parse_campaign
from wargame.engine import Game, Order
from wargame.engine.events import Leaker
from wargame.engine.state import PENDING

CAMPAIGN = """
[meta]
title = "Pop-up bombers"

[clock]
seconds_per_turn = 60
turn_limit = 20

[map]
width_km = 400
height_km = 200

[[blue.command_posts]]
name = "HQ"
position = [380, 150]

[[blue.fire_units]]
name = "FU"
radar = "92N6E-class engagement radar"
position = [370, 150]
command_post = "HQ"
loadout = { "9M96E-class" = 4 }

[[blue.assets]]
name = "Port"
position = [300, 100]
value = 100

[[red.raids]]
name = "Missile"
turn = 1
threat = "Subsonic cruise missile"
count = 1
origin = [250, 100]
target = "Port"

[[red.raids]]
name = "Bombers"
turn = 2
threat = "Heavy bomber"
count = 2
origin = [0, 100]
target = "Port"

[[injects]]
name = "Bombers launch"
when = { units_lost = 1 }
kind = "popup_raid"
raid = "Bombers"
"""


def test_weapons_aboard_bombers_held_for_an_inject_that_never_fires_end_nothing() -> None:
    game = Game.new(parse_campaign(CAMPAIGN, "popup-weapons.toml"), 1)
    sc = game.scenario
    leaked = 0
    while not game.over:
        events = game.step([Order(1, "FU", "weapons", setting="hold")] if game.turn == 0 else [])
        leaked += sum(1 for e in events if isinstance(e, Leaker))
    assert leaked == 1
    outcome = game.outcome
    assert outcome is not None
    assert (outcome.termination, game.turn) == ("raids_spent", 4)
    # Twelve cruise missiles (six a bomber) never left their aircraft.
    assert sc.weapon_slots.size == 12
    assert (game.state.status[sc.weapon_slots] == PENDING).all()
