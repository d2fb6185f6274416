"""Rules that act each turn give the same results per minute whatever the turn's length:
a fire unit's launch rate and a reload's time, each checked against numbers worked by
hand at several turn lengths."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from tests.conftest import CAMPAIGNS
from wargame.campaign import LoadedCampaign, load_campaign, parse_campaign
from wargame.campaign.retime import retimed
from wargame.engine import Game
from wargame.engine.events import MissileLaunched, ReloadComplete
from wargame.engine.fire_control.readiness import launch_slots

RELOAD_DRILL = """
format_version = 1

[meta]
title = "Reload drill"

[clock]
seconds_per_turn = 60
turn_limit = 40

[map]
width_km = 400
height_km = 200

[[blue.command_posts]]
name = "CP"
position = [350, 100]

[[blue.fire_units]]
name = "FU"
radar = "92N6E-class engagement radar"
position = [300, 100]
command_post = "CP"
launchers = 2
loadout = { "9M96E-class" = 4 }
reloads = { "9M96E-class" = 4 }

[[blue.assets]]
name = "Depot"
position = [350, 110]
value = 100

[[red.raids]]
name = "Late drone"
turn = 39
threat = "Loitering munition"
count = 1
origin = [5, 190]
target = "Depot"
"""
"""One fire unit whose launcher of 9M96E is emptied by hand; the one drone comes too late
to draw a round."""


@pytest.fixture(scope="module")
def drone_tide() -> LoadedCampaign:
    return load_campaign(CAMPAIGNS / "drone-tide.toml")


@pytest.mark.parametrize(
    ("seconds", "per_turn"),
    [(60.0, [20]), (30.0, [10, 10]), (15.0, [5, 5, 5, 5]), (10.0, [3, 3, 4, 3, 3, 4])],
)
def test_a_fire_unit_launches_one_round_every_three_seconds_whatever_the_turn(
    drone_tide: LoadedCampaign, seconds: float, per_turn: list[int]
) -> None:
    """The 92N6E-class radar launches a round every 3 s: 20 a minute. A turn of 10 s holds
    the launch instants 3, 6, 9, then 12, 15, 18, then 21 to 30."""
    if seconds == 60.0:
        # (The shipped campaign's turn is 30 s: a minute's turn is made from its file.)
        text = drone_tide.source.replace("seconds_per_turn = 30", "seconds_per_turn = 60")
        loaded = parse_campaign(text, "drone-tide.toml")
    else:
        loaded = retimed(drone_tide, seconds)
    game = Game.new(loaded, 1)
    turns = []
    for turn in range(1, 2 * len(per_turn) + 1):
        game.state.turn = turn
        turns.append(int(launch_slots(game.scenario, game.state)[0]))
    assert turns == per_turn * 2
    assert sum(turns) == 40  # two minutes


@pytest.mark.parametrize(("seconds", "most_a_turn"), [(30.0, 10), (15.0, 5)])
def test_a_saturated_fire_unit_launches_no_more_than_twenty_rounds_a_minute(
    drone_tide: LoadedCampaign, seconds: float, most_a_turn: int
) -> None:
    """Drone Tide with no orders: some thirty tracks against one unit with ten channels,
    which could otherwise fire twenty rounds every turn, however short."""
    game = Game.new(retimed(drone_tide, seconds), 1)
    per_turn: Counter[int] = Counter()
    while not game.over:
        for e in game.step():
            if isinstance(e, MissileLaunched):
                per_turn[e.turn] += 1
    per_minute: Counter[int] = Counter()
    for turn, rounds in per_turn.items():
        per_minute[math.ceil(turn * seconds / 60.0)] += rounds
    assert max(per_turn.values()) <= most_a_turn
    assert max(per_minute.values()) <= 20
    # The limit binds: a turn of 30 s fires five salvos of two; one of 15 s has room for
    # two and a half, and fires two.
    assert max(per_turn.values()) == 2 * (most_a_turn // 2)


@pytest.mark.parametrize("seconds", [60.0, 30.0, 15.0])
def test_a_reload_is_ready_for_launches_reload_s_after_it_begins(seconds: float) -> None:
    """The 5P85-class launcher reloads in 1,200 s. Begun at the end of turn 1, the reload
    is done in turn 1,200 / T, so that its rounds are ready for the launches at the end of
    the next, 1,200 s after it began, at any turn length T."""
    loaded = parse_campaign(RELOAD_DRILL, "reload-drill.toml")
    game = Game.new(retimed(loaded, seconds), 1)
    st = game.state
    st.ready[0] = 0  # the launcher's four rounds fired before the game
    done = []
    while not game.over and not done:
        done = [e for e in game.step() if isinstance(e, ReloadComplete)]
    assert done and done[0].rounds == 4
    ready_at = (done[0].turn + 1) * seconds
    assert ready_at - 1 * seconds == pytest.approx(1200.0)
