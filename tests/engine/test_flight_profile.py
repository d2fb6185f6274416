"""Flight profiles: each leg of a raid's path at its own speed and altitude, by hand.

A waypoint's speed is held on the leg that ends at it; its altitude is reached evenly
along that leg from the point before's (the entry point is at the first point's). The
last leg, to the target, takes the raid's attack speed and altitude. A raid that sets
none flies its type's cruise values, as before.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from wargame.campaign import LoadedCampaign, parse_campaign
from wargame.engine import Game
from wargame.engine.advice import advisories
from wargame.engine.movement import move_threats
from wargame.engine.red import spawn_raids
from wargame.engine.scenario import build_scenario
from wargame.engine.state import State
from wargame.errors import CampaignError

RADAR_HEIGHT_M = 25.0
"""The 92N6E-class engagement radar's antenna."""


def campaign(raid: str, threat_class: str = "cruise_missile", seconds_per_turn: int = 10) -> str:
    """One fire unit at (400, 100) and an asset on its site; a raid of one `Test threat`
    (250 m/s at 1,000 m, a large radar echo) entering at (100, 100), plus `raid`'s keys."""
    return f"""\
format_version = 1
[meta]
title = "Profile"
[clock]
seconds_per_turn = {seconds_per_turn}
turn_limit = 200
[map]
width_km = 500
height_km = 200
[[catalogue.threats]]
name = "Test threat"
class = "{threat_class}"
speed_mps = 250
altitude_m = 1000
rcs_m2 = 100
warhead_kg = 200
[[blue.command_posts]]
name = "CP"
position = [450, 100]
[[blue.fire_units]]
name = "FU"
radar = "92N6E-class engagement radar"
position = [400, 100]
command_post = "CP"
loadout = {{ "48N6-class" = 4 }}
[[blue.assets]]
name = "Depot"
position = [400, 100]
value = 100
[[red.raids]]
name = "Raid"
turn = 1
threat = "Test threat"
count = 1
origin = [100, 100]
target = "Depot"
{raid}
"""


def _fly(loaded: LoadedCampaign, turns: int) -> tuple[Game, State]:
    """The raid flown by the entry and movement phases alone, nothing shooting."""
    game = Game.new(loaded, 1)
    st = game.state
    for _ in range(turns):
        st.turn += 1
        spawn_raids(game.scenario, st, [])
        move_threats(game.scenario, st)
    return game, st


def test_each_leg_is_flown_at_its_own_speed_and_the_arrival_follows() -> None:
    """200 m/s on a 20 km leg, then 300 m/s on the 30 km to the target: 100 s + 100 s."""
    text = campaign(
        "waypoints = [{ at = [120, 100], speed_mps = 200 }]\nattack_speed_mps = 300"
    ).replace("position = [400, 100]\nvalue", "position = [150, 100]\nvalue")
    loaded = parse_campaign(text, "profile.toml")
    game, st = _fly(loaded, 20)
    assert st.arrival_time[0] == pytest.approx(200.0, abs=1e-9)
    assert game.scenario.t_total_s[0] == pytest.approx(200.0, abs=1e-9)


@pytest.mark.parametrize(
    ("seconds", "x_km", "speed_kms"),
    [
        (90, 118.0, 0.2),  # 90 s at 200 m/s
        (100, 120.0, 0.3),  # at the waypoint: on the next leg, at its speed
        (120, 126.0, 0.3),  # 100 s to the waypoint, then 20 s at 300 m/s
        (150, 135.0, 0.3),
    ],
)
def test_a_turn_that_crosses_a_leg_end_flies_its_rest_at_the_next_speed(
    seconds: int, x_km: float, speed_kms: float
) -> None:
    text = campaign("waypoints = [{ at = [120, 100], speed_mps = 200 }]\nattack_speed_mps = 300")
    loaded = parse_campaign(text, "profile.toml")
    _, st = _fly(loaded, seconds // 10)
    assert (st.x[0], st.y[0]) == pytest.approx((x_km, 100.0), abs=1e-9)
    assert (st.vx[0], st.vy[0]) == pytest.approx((speed_kms, 0.0), abs=1e-12)


def test_the_same_path_in_turns_of_any_length_is_at_the_same_place() -> None:
    raid = "waypoints = [{ at = [120, 100], speed_mps = 200 }]\nattack_speed_mps = 300"
    _, by_tens = _fly(parse_campaign(campaign(raid), "a.toml"), 12)
    _, by_thirties = _fly(parse_campaign(campaign(raid, seconds_per_turn=30), "b.toml"), 4)
    assert by_thirties.x[0] == pytest.approx(by_tens.x[0], abs=1e-9)
    assert by_thirties.flown[0] == pytest.approx(26.0, abs=1e-9)


def test_the_altitude_at_mid_leg_is_the_mean_of_its_ends() -> None:
    """Level at 100 m for 30 km (the entry is at the first point's altitude), then a climb
    to 3,100 m over the next 30 km: 45 km from the entry, at 250 m/s 180 s, it is at
    (100 + 3,100) / 2 = 1,600 m; at the waypoint, 100 m."""
    raid = (
        "waypoints = [{ at = [130, 100], altitude_m = 100 }, { at = [160, 100], "
        "altitude_m = 3100 }]"
    )
    loaded = parse_campaign(campaign(raid), "profile.toml")
    _, st = _fly(loaded, 12)
    assert st.x[0] == pytest.approx(130.0) and st.alt[0] == pytest.approx(100.0)
    _, st = _fly(loaded, 18)
    assert st.x[0] == pytest.approx(145.0) and st.alt[0] == pytest.approx(1600.0)
    _, st = _fly(loaded, 9)
    assert st.alt[0] == pytest.approx(100.0)  # still on the level first leg


def test_a_terminal_dive_ends_at_the_attack_altitude() -> None:
    """From 1,000 m (cruise: the waypoint sets no altitude) 30 km out to 0 m at the
    target: 10 km out, a third of the dive's height is left."""
    raid = "waypoints = [[370, 100]]\nattack_altitude_m = 0"
    loaded = parse_campaign(campaign(raid), "profile.toml")
    distance = math.dist((100, 100), (370, 100)) + 20.0
    _, st = _fly(loaded, round(distance / 0.25 / 10))
    assert st.x[0] == pytest.approx(390.0) and st.alt[0] == pytest.approx(1000.0 / 3.0)


def test_a_raid_without_a_profile_flies_its_cruise_values() -> None:
    loaded = parse_campaign(campaign("waypoints = [[200, 100]]"), "plain.toml")
    game, st = _fly(loaded, 10)
    assert not game.scenario.t_profiled[0]
    assert (st.x[0], st.alt[0]) == pytest.approx((125.0, 1000.0))
    assert game.scenario.t_total_s[0] == pytest.approx(300.0 / 0.25)


def _first_seen_turn(loaded: LoadedCampaign) -> int:
    game = Game.new(loaded, 3)
    while game.turn < 200:
        game.step([])
        if game.state.seen_by[0, 0] == game.turn:
            return game.turn
    raise AssertionError("never seen")


def test_a_low_ingress_under_the_radar_horizon_is_seen_later() -> None:
    """The radar's horizon against a flier at h m is 4.12 (√25 + √h) km: 150.9 km at the
    1,000 m cruise, 41.2 km at 25 m. At 250 m/s (7.5 km a 30 s turn) from 300 km out,
    the raid is first within them after turn ⌈(300 − 150.9) / 7.5⌉ = 20 and
    ⌈(300 − 41.2) / 7.5⌉ = 35; 100 m² is seen at once there."""
    cruise = parse_campaign(campaign("", seconds_per_turn=30), "cruise.toml")
    low = parse_campaign(campaign("attack_altitude_m = 25", seconds_per_turn=30), "low.toml")
    for h, turn in ((1000.0, 20), (25.0, 35)):
        horizon = 4.12 * (math.sqrt(RADAR_HEIGHT_M) + math.sqrt(h))
        assert turn == math.ceil((300.0 - horizon) / 7.5)
    assert _first_seen_turn(cruise) == 20
    assert _first_seen_turn(low) == 35


def test_a_ballistic_missile_ignores_its_waypoints_and_takes_no_profile() -> None:
    text = campaign("", threat_class="ballistic_missile").replace(
        'target = "Depot"\n', 'target = "Depot"\nattack_speed_mps = 900\n'
    )
    with pytest.raises(CampaignError) as caught:
        parse_campaign(text, "ballistic.toml")
    assert [f"{p.path}: {p.message}" for p in caught.value.problems] == [
        "red.raids[0].attack_speed_mps: a ballistic missile flies its own profile: it takes "
        "no altitude or speed"
    ]
    loaded = parse_campaign(
        campaign("waypoints = [[150, 150]]", threat_class="ballistic_missile").replace(
            "altitude_m = 1000", "altitude_m = 60000"
        ),
        "ballistic.toml",
    )
    game, _ = _fly(loaded, 1)
    assert game.scenario.t_total[0] == pytest.approx(300.0)
    assert not np.any(game.scenario.t_profiled)


@pytest.mark.parametrize(
    ("raid", "problem"),
    [
        (
            "waypoints = [{ at = [120, 100], altitude = 50 }]",
            "red.raids[0].waypoints[0].altitude: unknown key 'altitude' (did you mean "
            "'altitude_m'?)",
        ),
        (
            "waypoints = [{ at = [120, 100], speed_mps = 0 }]",
            "red.raids[0].waypoints[0].speed_mps: must be more than 0, got 0",
        ),
        (
            'waypoints = [{ at = "Nowhere" }]',
            "red.raids[0].waypoints[0].at: unknown place 'Nowhere'",
        ),
        ("waypoints = [{ altitude_m = 50 }]", "red.raids[0].waypoints[0].at: missing required key"),
        (
            "waypoints = [5]",
            "red.raids[0].waypoints[0]: expected [x_km, y_km], a place name or a table, got 5",
        ),
        ("attack_altitude_m = -1", "red.raids[0].attack_altitude_m: must be at least 0, got -1"),
    ],
)
def test_a_bad_profile_is_one_line_naming_its_field(raid: str, problem: str) -> None:
    with pytest.raises(CampaignError) as caught:
        parse_campaign(campaign(raid), "profile.toml")
    assert [f"{p.path}: {p.message}" for p in caught.value.problems] == [problem]
    assert "profile.toml" in str(caught.value)


def test_the_validator_times_a_raid_by_its_profile() -> None:
    """300 km at the 250 m/s cruise is 1,200 s, 120 turns of 10 s: in time for the limit
    of 200. At 100 m/s on its one leg, 3,000 s: turn 300."""
    on_time = build_scenario(parse_campaign(campaign(""), "a.toml"))
    late = build_scenario(parse_campaign(campaign("attack_speed_mps = 100"), "b.toml"))
    assert advisories(on_time) == []
    assert advisories(late) == [
        (
            ("red", "raids", 0),
            "'Raid' arrives on turn 300 at the earliest (at its target), after the game's "
            "last turn (200)",
        )
    ]
