"""Provoking drones: unarmed drones that fly at the defence until a missile is launched
at them, then turn home.

The drone flies 200 m/s (6 km a 30 s turn) from (100, 100); the near fire unit stands
at (300, 100), 200 km out, the far one at (400, 100).
"""

from __future__ import annotations

import numpy as np
import pytest

from wargame.campaign import LoadedCampaign, parse_campaign
from wargame.engine import Game, Order
from wargame.engine.assessment import heading_for
from wargame.engine.events import Event, Leaker, MissileLaunched, ThreatLeft
from wargame.engine.movement import move_threats
from wargame.engine.provocation import provoke
from wargame.errors import CampaignError

HOME = (100.0, 100.0)
NEAR, FAR = (300.0, 100.0), (400.0, 100.0)
SPEED_KMS = 0.2


def campaign(raid: str = "", threat_class: str = "drone") -> str:
    return f"""\
format_version = 1
[meta]
title = "Provocation"
[clock]
seconds_per_turn = 30
turn_limit = 150
[map]
width_km = 500
height_km = 200
[[catalogue.threats]]
name = "Test drone"
class = "{threat_class}"
speed_mps = 200
altitude_m = 1000
rcs_m2 = 1
warhead_kg = 40
cost = 0.05
[[blue.command_posts]]
name = "CP"
position = [450, 150]
[[blue.fire_units]]
name = "FU near"
radar = "92N6E-class engagement radar"
position = [{NEAR[0]:g}, {NEAR[1]:g}]
command_post = "CP"
loadout = {{ "48N6-class" = 4, "9M96-class" = 8 }}
[[blue.fire_units]]
name = "FU far"
radar = "92N6E-class engagement radar"
position = [{FAR[0]:g}, {FAR[1]:g}]
command_post = "CP"
loadout = {{ "48N6-class" = 4, "9M96-class" = 8 }}
[[blue.assets]]
name = "Depot"
position = [450, 100]
value = 100
[[red.raids]]
name = "Gadfly"
turn = 1
threat = "Test drone"
count = 1
origin = [{HOME[0]:g}, {HOME[1]:g}]
target = "Depot"
provoke = true
{raid}
"""


HOLD = [Order(1, unit, "weapons", setting="hold") for unit in ("FU near", "FU far")]


def _play(loaded: LoadedCampaign, orders: list[Order], turns: int) -> tuple[Game, list[Event]]:
    game = Game.new(loaded, 4)
    log: list[Event] = []
    for _ in range(turns):
        if game.over:
            break
        log.extend(game.step(orders if game.turn == 0 else []))
    return game, log


def _heading(game: Game) -> tuple[float, float]:
    return float(game.state.vx[0]), float(game.state.vy[0])


def test_with_no_engagement_it_flies_at_the_nearest_emitting_radar() -> None:
    game, _ = _play(parse_campaign(campaign(), "p.toml"), HOLD, 20)
    assert (game.state.x[0], game.state.y[0]) == pytest.approx((100.0 + 6.0 * 20, 100.0))
    assert _heading(game) == pytest.approx((SPEED_KMS, 0.0))
    assert game.state.alt[0] == 1000.0


def test_unengaged_it_passes_over_its_radar_turns_home_and_does_no_harm() -> None:
    """200 km out, it is over the near radar on turn ⌈200 / 6⌉ = 34, turns home on that
    turn's red phase and is home 34 turns later."""
    game, log = _play(parse_campaign(campaign(), "p.toml"), HOLD, 40)
    assert (game.state.x[0], _heading(game)[0]) == pytest.approx((300.0 - 6.0 * 6, -SPEED_KMS))
    game, log = _play(parse_campaign(campaign(), "p.toml"), HOLD, 80)
    assert [(e.turn, e.threat) for e in log if isinstance(e, ThreatLeft)] == [(68, 0)]
    assert not [e for e in log if isinstance(e, Leaker)]
    assert game.state.asset_value_lost == 0.0 and game.state.radar_alive.all()


def test_it_flies_at_a_radar_or_fire_unit_its_raid_targets() -> None:
    text = campaign().replace('target = "Depot"', 'target = "FU far"')
    game, _ = _play(parse_campaign(text, "p.toml"), HOLD, 40)
    assert game.state.x[0] == pytest.approx(100.0 + 6.0 * 40)  # past the near unit
    assert _heading(game) == pytest.approx((SPEED_KMS, 0.0))


def test_a_raid_at_an_asset_numbered_past_the_radars_flies_at_the_nearest_radar() -> None:
    """Its target's index is an asset's (3), more than the two radars: it is not a radar."""
    barns = "".join(
        f'[[blue.assets]]\nname = "Barn {k}"\nposition = [450, {120 + 10 * k}]\nvalue = 10\n'
        for k in range(3)
    )
    text = campaign().replace("[[red.raids]]", barns + "[[red.raids]]")
    text = text.replace('target = "Depot"', 'target = "Barn 2"')
    game, _ = _play(parse_campaign(text, "p.toml"), HOLD, 20)
    assert game.scenario.t_target_index[0] == 3
    assert game.state.x[0] == pytest.approx(100.0 + 6.0 * 20)  # at the near unit
    assert _heading(game) == pytest.approx((SPEED_KMS, 0.0))


def test_it_leaves_a_silent_radar_for_an_emitting_one() -> None:
    silent = [*HOLD, Order(1, "FU near", "emission", setting="off")]
    game, _ = _play(parse_campaign(campaign(), "p.toml"), silent, 40)
    assert game.state.x[0] == pytest.approx(100.0 + 6.0 * 40)
    assert _heading(game) == pytest.approx((SPEED_KMS, 0.0))


def test_threat_evaluation_sees_an_armed_threat_at_the_radar() -> None:
    game, _ = _play(parse_campaign(campaign(), "p.toml"), HOLD, 12)
    sc, st = game.scenario, game.state
    assert st.track_id[0] >= 0
    damage, ttg = heading_for(sc, st, np.array([0]))
    # Its track heads for the near unit's radar, worth that radar's value, 164 km out.
    assert damage[0] == pytest.approx(sc.site_damage[-2])
    assert ttg[0] == pytest.approx((200.0 - 6.0 * 12) / SPEED_KMS, rel=0.05)
    assert sc.t_warhead[0] == 0.0  # it carries none


def test_it_turns_home_the_turn_after_a_missile_is_launched_at_it() -> None:
    game = Game.new(parse_campaign(campaign(), "p.toml"), 4)
    launched: list[MissileLaunched] = []
    while not launched:
        launched = [e for e in game.step([]) if isinstance(e, MissileLaunched) and e.threat == 0]
    # The default doctrine fires at it; the turn it does, it still flies at the radar.
    assert _heading(game) == pytest.approx((SPEED_KMS, 0.0))
    x = float(game.state.x[0])
    game.step([])
    assert game.state.x[0] == pytest.approx(x - 6.0)
    assert _heading(game) == pytest.approx((-SPEED_KMS, 0.0))


def test_the_red_phase_turns_an_engaged_drone_home_by_hand() -> None:
    game, _ = _play(parse_campaign(campaign(), "p.toml"), HOLD, 5)
    sc, st = game.scenario, game.state.copy()
    provoke(sc, st, [])
    st.turn += 1
    move_threats(sc, st)
    assert st.x[0] == pytest.approx(100.0 + 6.0 * 6)  # not engaged: on at the radar
    st.shots_at[0] = 1
    provoke(sc, st, [])
    st.turn += 1
    move_threats(sc, st)
    assert st.x[0] == pytest.approx(100.0 + 6.0 * 5)
    assert (st.vx[0], st.vy[0]) == pytest.approx((-SPEED_KMS, 0.0))


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            campaign(threat_class="cruise_missile"),
            "red.raids[0].provoke: only a raid of drones (class drone) may provoke; "
            "'Test drone' is cruise_missile",
        ),
        (
            campaign("waypoints = [[150, 150]]"),
            "red.raids[0].waypoints: a provoking raid flies straight at the defence and back: "
            "it flies no waypoints",
        ),
    ],
)
def test_a_provoking_raid_that_cannot_is_one_line_naming_its_field(text: str, problem: str) -> None:
    with pytest.raises(CampaignError) as caught:
        parse_campaign(text, "provoke.toml")
    assert [f"{p.path}: {p.message}" for p in caught.value.problems] == [problem]
    assert str(caught.value).count("\n") == 0 and "provoke.toml" in str(caught.value)
