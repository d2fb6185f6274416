"""Stand-off weapons, egress, strike kill rolls on air-defence sites, and retargeting,
against figures worked by hand.

The stand-off range: a heavy bomber (240 m/s, release range 60 km) enters at x = 0 and
flies east at a refinery 300 km away. It reaches its release point, x = 240 km, after
240 / 0.24 = 1000 s, in turn 17 (960-1020 s) of 60 s turns. Its cruise missiles
(240 m/s) fly the last 60 km in 250 s and arrive at 1250 s, in turn 21 (1200-1260 s).
Each 450 kg warhead destroys 450 / 2000 = 22.5 % of the refinery's value. The bomber
then flies 240 km home to its entry point from 1000 s on and leaves at 2000 s, in
turn 34 (1980-2040 s). No missile is fired: the only fire unit is silent.
"""

from __future__ import annotations

import math

import numpy as np

from wargame.campaign import LoadedCampaign, parse_campaign
from wargame.engine import Game
from wargame.engine.events import (
    Event,
    Leaker,
    MissileLaunched,
    RadarDestroyed,
    RaidRetargeted,
    ThreatLeft,
    WeaponsReleased,
)
from wargame.engine.state import ACTIVE, KILLED, SPENT

BLUE = """
format_version = 1

[meta]
title = "Stand-off"

[clock]
seconds_per_turn = 60
turn_limit = 40

[map]
width_km = 400
height_km = 200

[scoring]
defeat_asset_loss = 1.0

[[blue.command_posts]]
name = "CP"
position = [390, 190]

[[blue.fire_units]]
name = "FU"
radar = "92N6E-class engagement radar"
position = [380, 190]
command_post = "CP"
loadout = { "9M96E-class" = 4 }
emitting = false

[[blue.assets]]
name = "Refinery"
position = [300, 100]
value = 100

[[blue.assets]]
name = "Depot"
position = [100, 160]
value = 100
"""

BOMBER = """
[[red.raids]]
name = "Bombers"
turn = 1
threat = "Heavy bomber"
count = 1
origin = [0, 100]
target = "Refinery"
"""


def _campaign(text: str) -> LoadedCampaign:
    return parse_campaign(BLUE + text, "standoff.toml")


def _play(loaded: LoadedCampaign, seed: int = 1) -> list[Event]:
    game = Game.new(loaded, seed)
    log: list[Event] = []
    while not game.over:
        log.extend(game.step([]))
    return log


def test_a_bomber_releases_its_weapons_at_its_release_point_on_the_turn_it_gets_there() -> None:
    log = _play(_campaign(BOMBER + "weapons_each = 4\n"))
    released = [e for e in log if isinstance(e, WeaponsReleased)]
    assert len(released) == 1
    r = released[0]
    assert (r.turn, r.aircraft, r.weapon, r.target) == (
        17,
        0,
        "Subsonic cruise missile",
        "Refinery",
    )
    assert (r.x_km, r.y_km) == (240.0, 100.0)
    assert len(r.threats) == 4


def test_the_catalogue_loads_a_heavy_bomber_with_six_cruise_missiles() -> None:
    log = _play(_campaign(BOMBER))
    (released,) = [e for e in log if isinstance(e, WeaponsReleased)]
    assert len(released.threats) == 6


def test_each_weapon_arrives_its_flight_time_after_release_and_only_weapons_do_harm() -> None:
    log = _play(_campaign(BOMBER + "weapons_each = 4\n"))
    leakers = [e for e in log if isinstance(e, Leaker)]
    weapons = next(e for e in log if isinstance(e, WeaponsReleased)).threats
    # 1000 s + 60 km / 0.24 km/s = 1250 s: turn 21.
    assert [(e.threat, e.turn) for e in leakers] == [(w, 21) for w in weapons]
    assert math.ceil((1000.0 + 60.0 / 0.24) / 60.0) == 21
    # Four hits of 22.5 % each on a value of 100; the bomber's arrival did nothing.
    assert sum(e.value_lost for e in leakers) == 90.0
    assert not any(e.threat == 0 for e in leakers)
    assert not [e for e in log if isinstance(e, MissileLaunched)]


def test_the_bomber_flies_home_the_way_it_came_and_leaves_at_its_entry_point() -> None:
    loaded = _campaign(BOMBER + "weapons_each = 4\n")
    game = Game.new(loaded, 1)
    log: list[Event] = []
    while game.turn < 25:
        log.extend(game.step([]))
    # At the end of turn 25 (1500 s) it has flown home 500 s: 120 km, back to x = 120.
    st = game.state
    assert st.status[0] == ACTIVE
    assert (round(float(st.x[0]), 6), round(float(st.y[0]), 6)) == (120.0, 100.0)
    assert float(st.vx[0]) < 0.0
    while not game.over:
        log.extend(game.step([]))
    left = [e for e in log if isinstance(e, ThreatLeft)]
    assert [(e.threat, e.turn) for e in left] == [(0, 34)]
    assert game.outcome.termination == "raids_spent"


def test_a_bomber_flies_the_route_home_its_raid_gives() -> None:
    # From (240, 100) to (240, 40) then (300, 40): 60 + 60 km, 500 s from 1000 s: turn 25.
    log = _play(_campaign(BOMBER + "weapons_each = 1\nhome = [[240, 40], [300, 40]]\n"))
    assert [(e.threat, e.turn) for e in log if isinstance(e, ThreatLeft)] == [(0, 25)]


def test_an_aircraft_without_a_weapon_strikes_with_its_own_warhead_then_goes_home() -> None:
    # A type of an older catalogue: its 4000 kg destroy the refinery outright on arrival.
    old = """
[[catalogue.threats]]
name = "Old bomber"
class = "bomber"
speed_mps = 240.0
altitude_m = 10000.0
rcs_m2 = 15.0
warhead_kg = 4000.0
release_range_km = 60.0
"""
    log = _play(_campaign(old + BOMBER.replace("Heavy bomber", "Old bomber")))
    assert [(e.turn, e.threat, e.value_lost) for e in log if isinstance(e, Leaker)] == [
        (17, 0, 100.0)
    ]
    assert not [e for e in log if isinstance(e, WeaponsReleased)]
    assert [(e.threat, e.turn) for e in log if isinstance(e, ThreatLeft)] == [(0, 34)]


SITE = """
[[blue.radars]]
name = "Site"
type = "96L6-class all-altitude radar"
position = [100, 100]
command_post = "CP"
hardness = {hardness}

[[red.raids]]
name = "Strike"
turn = 1
threat = "Subsonic cruise missile"
count = 1
origin = [0, 100]
target = "Site"
"""


def test_a_radar_of_hardness_0_4_survives_four_strikes_in_ten() -> None:
    """One cruise missile reaches the radar in each game (100 km at 240 m/s: turn 7); over
    600 seeds the share that survive is 0.4 within four standard deviations,
    4 sqrt(0.4 x 0.6 / 600) = 0.08."""
    loaded = _campaign(SITE.format(hardness=0.4))
    runs = 600
    survived = 0
    for seed in range(runs):
        log = _play(loaded, seed)
        hits = [e for e in log if isinstance(e, Leaker)]
        assert [(e.turn, e.target) for e in hits] == [(7, "Site")]
        survived += not any(isinstance(e, RadarDestroyed) for e in log)
    bound = 4 * math.sqrt(0.4 * 0.6 / runs)
    assert abs(survived / runs - 0.4) < bound


def test_a_radar_of_no_hardness_is_destroyed_by_every_strike() -> None:
    loaded = _campaign(SITE.format(hardness=0.0))
    for seed in range(20):
        destroyed = [e for e in _play(loaded, seed) if isinstance(e, RadarDestroyed)]
        assert [(e.radar, e.by) for e in destroyed] == [("Site", "strike")]


def test_a_raid_moves_on_to_its_next_target_once_the_first_is_destroyed() -> None:
    """Two cruise missiles 30 km apart fly at the radar 100 km east. The first destroys
    it at 416.7 s (turn 7); at the end of turn 7 (420 s) the second is 100.8 - 30 = 70.8 km
    along, at (70.8, 100), and turns straight for the depot at (100, 160):
    hypot(29.2, 60) = 66.73 km, 278.0 s, arriving at 698.0 s, in turn 12."""
    text = SITE.format(hardness=0.0).replace("count = 1\n", "count = 2\nspacing_km = 30\n")
    log = _play(_campaign(text + 'targets = ["Site", "Depot"]\n'))
    retargeted = [e for e in log if isinstance(e, RaidRetargeted)]
    assert [(e.turn, e.raid, e.was, e.target, e.threats) for e in retargeted] == [
        (7, "Strike", "Site", "Depot", (1,))
    ]
    arrival = 420.0 + math.hypot(100.0 - 70.8, 60.0) / 0.24
    assert math.ceil(arrival / 60.0) == 12
    assert [(e.turn, e.threat, e.target) for e in log if isinstance(e, Leaker)] == [
        (7, 0, "Site"),
        (12, 1, "Depot"),
    ]
    # The depot takes 22.5 % of its value.
    assert [e.value_lost for e in log if isinstance(e, Leaker)][-1] == 22.5


def test_weapons_still_on_an_aircraft_shot_down_are_spent() -> None:
    loaded = _campaign(BOMBER + "weapons_each = 2\n")
    game = Game.new(loaded, 1)
    game.step([])
    state = game.state
    state.status[0] = KILLED  # the bomber shot down before its release point
    game.step([])
    weapons = game.scenario.weapon_slots
    assert weapons.size == 2
    assert np.all(game.state.status[weapons] == SPENT)
    while not game.over:
        game.step([])
    assert game.outcome.termination == "raids_spent"
