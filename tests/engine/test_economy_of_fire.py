"""Economy of fire: automatic fire holds a costly round when a cheaper type of the same unit
will have as good a shot at full kill probability later, before the track does its harm.
Numbers by hand.

One fire unit at the origin, its radar horizon far beyond every range here. A long-range
type (250 km, 2 km/s, price 2) and a short-range one (120 km, 1 km/s, price 0.5); turns
of 60 s; turn 3 of a 100-turn game. A drone 200 km east flies straight at the unit at
50 m/s, worth 10, its target 4,000 s away.

Now, 200 km out, the long round meets it 200 / 2.05 = 97.56 s later, 195.12 km out, at
0.8 x edge(0.78) = 0.693: net 6.93 - 2 = 4.93. The drone comes within 84 km (70 % of
120 km) at 2,320 s; a short-range round meeting it there leaves at 2,236 s, more than a
turn away, and meets it by 2,380 s, more than a turn before it lands: 0.9 x 10 - 0.5 =
8.5 >= 4.93.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from wargame.campaign import LoadedCampaign
from wargame.engine import Game, Order
from wargame.engine.codes import ROLE_FALSE
from wargame.engine.events import Event, MissileLaunched
from wargame.engine.fire_control.economy import cheaper_later
from wargame.engine.geometry import edge_factor
from wargame.engine.scenario import CLASS_NAMES

LONG = 0


def _holds(
    x: float = 200.0,
    y: float = 0.0,
    vx: float = -0.05,
    value: float = 10.0,
    ttg: float = 4000.0,
    pk: tuple[float, float] = (0.8, 0.9),
    short_rounds: int = 8,
    threat_class: str = "drone",
    release_km: float = 0.0,
    turn_limit: int = 100,
    alt_m: float = 1000.0,
    ceiling_m: float = 30_000.0,
) -> bool:
    sc = SimpleNamespace(
        dt=60.0,
        turn_limit=turn_limit,
        m_cost=np.array([2.0, 0.5]),
        m_max_range=np.array([250.0, 120.0]),
        m_min_range=np.array([3.0, 1.0]),
        m_speed=np.array([2.0, 1.0]),
        m_min_alt=np.array([10.0, 5.0]),
        m_max_alt=np.array([ceiling_m, ceiling_m]),
        r_sqrt_height=np.array([100.0]),
        t_apparent_class=np.array([CLASS_NAMES.index(threat_class)]),
        t_apparent_release_km=np.array([release_km]),
    )
    # The long-range round now, from straight ahead (y = 0) or abeam: met after
    # |p| / 2.05 s, near enough for its kill probability.
    tof = np.hypot(x, y) / (2.0 - vx)
    now_pk = pk[0] * float(edge_factor(np.hypot(x + vx * tof, y) / 250.0))
    column = np.array([[1.0]])
    return bool(
        cheaper_later(
            sc,  # type: ignore[arg-type]
            3,
            np.array([0]),
            np.array([LONG]),
            np.array([now_pk * value - 2.0]),
            np.array([True]),
            x * column,
            y * column,
            vx * column,
            0.0 * column,
            alt_m * column,
            np.array([0]),
            np.array([[8, short_rounds]]),
            np.array([pk]),
            np.array([value]),
            np.array([ttg]),
        )[0]
    )


def test_a_drone_coming_straight_in_is_left_to_the_cheaper_round() -> None:
    assert _holds()


def test_a_cruise_missile_or_a_decoy_is_held_alike() -> None:
    assert _holds(threat_class="cruise_missile") and _holds(threat_class="decoy")


@pytest.mark.parametrize("threat_class", ["fighter", "bomber", "awacs", "arm"])
def test_aircraft_and_anti_radiation_missiles_are_never_held(threat_class: str) -> None:
    """They turn, release their weapons short of their target, or leave no time."""
    assert not _holds(threat_class=threat_class)


def test_a_drone_that_never_comes_within_the_cheaper_reach_is_engaged_now() -> None:
    """On a course passing 150 km from the unit: never within 84 km."""
    assert not _holds(x=50.0, y=150.0)


def test_a_drone_that_lands_before_the_cheaper_shot_is_engaged_now() -> None:
    """150 km out, it comes within 84 km at 1,320 s and is met by 1,380 s: its target
    1,300 s away is too soon; 1,500 s away is not."""
    assert not _holds(x=150.0, ttg=1300.0)
    assert _holds(x=150.0, ttg=1500.0)


def test_a_threat_that_releases_its_weapons_short_of_its_target_is_judged_by_then() -> None:
    """Releasing 50 km short of its target (1,000 s at 50 m/s): harm at 3,000 s, after the
    cheaper intercept by 2,380 s. Releasing 90 km short: harm at 2,200 s, before it."""
    assert _holds(release_km=50.0)
    assert not _holds(release_km=90.0)


def test_the_cheaper_shot_must_come_before_the_game_ends() -> None:
    """Turn 3 of 42: 2,340 s left, less than the 2,380 s the cheaper shot needs."""
    assert _holds(turn_limit=43)
    assert not _holds(turn_limit=42)


def test_a_better_round_now_is_not_held_for_a_cheaper_worse_one() -> None:
    """Worth 100, 150 km out, with the long round at 0.95 and the short at 0.5: now
    0.95 x 100 - 2 = 93 at full kill probability, later 0.5 x 100 - 0.5 = 49.5."""
    assert not _holds(x=150.0, value=100.0, pk=(0.95, 0.5))


def test_no_cheaper_rounds_loaded_no_hold() -> None:
    assert not _holds(short_rounds=0)


def test_a_hovering_track_is_engaged_now() -> None:
    assert not _holds(vx=0.0)


def test_north_1_keeps_its_48n6_for_the_ballistic_raid(northern_screen: LoadedCampaign) -> None:
    """Northern Screen, seed 4: the drone swarm comes first. Fire control used to spend FU
    North-1's long-range rounds on the drones in the opening turns, and it had none left
    when the ballistic missiles came; now the drones are left to shorter-range rounds (its
    9M96), and it meets the ballistic raid (turn 32) with long-range rounds still ready:
    6 of its 12 48N6 (the others went at fighters and bombers) and all 8 40N6. On this
    seed it fires 40N6 at the raid: the two tracks' estimates put them at what they head
    for 129 s and 125 s away, after their dive through the 40N6's 30 km ceiling and
    before their dive through the 48N6's 27 km one."""
    game = Game.new(northern_screen, 4)
    sc = game.scenario
    f = sc.f_name.index("FU North-1")
    long_range = [sc.m_name.index(m) for m in ("40N6-class", "48N6-class")]
    at_drones: list[str] = []
    at_ballistic: list[str] = []
    ready_for_the_raid: list[int] = []
    while not game.over:
        ready = [int(game.state.ready[f, m]) for m in long_range]
        for e in game.step([]):
            if isinstance(e, MissileLaunched) and e.fire_unit == "FU North-1":
                if e.threat_class == "drone":
                    at_drones.append(e.missile)
                elif e.threat_class == "ballistic_missile":
                    at_ballistic.append(e.missile)
                    ready_for_the_raid = ready_for_the_raid or ready
    assert "48N6-class" not in at_drones
    assert "40N6-class" not in at_drones
    assert ready_for_the_raid == [8, 6]
    assert "40N6-class" in at_ballistic


def _drone_in_sight(loaded: LoadedCampaign) -> tuple[Game, int]:
    """Northern Screen, seed 4, at the first turn's end a drone is tracked. (A real one:
    false alarms form tracks that look like the campaign's threats, drones among them,
    in phantom slots of role `ROLE_FALSE`.)"""
    game = Game.new(loaded, 4)
    sc = game.scenario
    drone = CLASS_NAMES.index("drone")
    while True:
        game.step([])
        st = game.state
        real = sc.t_role != ROLE_FALSE
        seen = np.flatnonzero((st.track_id >= 0) & (sc.t_apparent_class == drone) & real)
        if seen.size:
            return game, int(st.track_id[seen[0]])


def test_manual_fire_is_never_held(northern_screen: LoadedCampaign) -> None:
    """The hold is automatic fire's doctrine: FU North-1 left to itself fires no 48N6 at the
    first drone it sees, while an engagement ordered with one is carried out."""
    game, track = _drone_in_sight(northern_screen)

    def launches(events: list[Event]) -> list[str]:
        return [
            e.missile
            for e in events
            if isinstance(e, MissileLaunched) and e.fire_unit == "FU North-1" and e.track == track
        ]

    assert "48N6-class" not in launches(game.step([]))
    game, _ = _drone_in_sight(northern_screen)
    order = Order(game.turn + 1, "FU North-1", "engage", track=track, missile="48N6-class")
    assert "48N6-class" in launches(game.step([order]))


def test_the_cheaper_reach_is_a_slant_range() -> None:
    """Flying 50.4 km up (under a 60 km ceiling), 150 km out: 84 km of slant range is
    67.2 km over the ground (84 = 5 x 16.8, 67.2 = 4 x 16.8, 50.4 = 3 x 16.8). It comes
    within that at (150 - 67.2) / 0.05 = 1,656 s and is met by 1,716 s: its target
    1,700 s away is too soon, 1,730 s is not. (Over the ground alone, 84 km out at
    1,320 s, both would have been held.)"""
    assert not _holds(x=150.0, ttg=1700.0, alt_m=50_400.0, ceiling_m=60_000.0)
    assert _holds(x=150.0, ttg=1730.0, alt_m=50_400.0, ceiling_m=60_000.0)
