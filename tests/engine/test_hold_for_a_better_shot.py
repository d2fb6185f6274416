"""Holding fire for a better shot: automatic fire holds a round when one of the same unit,
as cheap or cheaper, will have a better shot at full kill probability later, before the
track reaches its target. Numbers by hand.

One fire unit at the origin, its radar horizon far beyond every range here. A long-range
type (250 km, 2 km/s, price 2) and a short-range one (120 km, 1 km/s, price 0.5); turns
of 60 s. A drone 200 km east flies straight at the unit at 50 m/s, worth 10.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from wargame.campaign import LoadedCampaign
from wargame.engine import Game, Order
from wargame.engine.engagement import _better_later
from wargame.engine.events import Event, MissileLaunched
from wargame.engine.geometry import edge_factor
from wargame.engine.scenario import CLASS_NAMES

SC = SimpleNamespace(
    dt=60.0,
    m_cost=np.array([2.0, 0.5]),
    m_max_range=np.array([250.0, 120.0]),
    m_min_range=np.array([3.0, 1.0]),
    m_speed=np.array([2.0, 1.0]),
    m_min_alt=np.array([10.0, 5.0]),
    m_max_alt=np.array([30_000.0, 30_000.0]),
    r_sqrt_height=np.array([100.0]),
)
LONG = 0


def _holds(
    x: float = 200.0,
    y: float = 0.0,
    vx: float = -0.05,
    vy: float = 0.0,
    value: float = 10.0,
    ttg: float = 4000.0,
    pk: tuple[float, float] = (0.8, 0.9),
    short_rounds: int = 8,
) -> bool:
    # The long-range round now, straight in: met after x / 2.05 s.
    tof = x / (2.0 + 0.05) if vy == 0.0 else 0.0
    now_pk = pk[0] * float(edge_factor(np.hypot(x + vx * tof, y + vy * tof) / 250.0))
    best_net = np.array([now_pk * value - 2.0])
    column = np.array([[1.0]])
    return bool(
        _better_later(
            SC,  # type: ignore[arg-type]
            np.array([LONG]),
            best_net,
            np.array([True]),
            None,
            x * column,
            y * column,
            vx * column,
            vy * column,
            1000.0 * column,
            np.array([0]),
            np.array([[8, short_rounds]]),
            np.array([pk]),
            np.array([value]),
            np.array([ttg]),
        )[0]
    )


def test_a_drone_coming_straight_in_is_left_to_the_cheaper_round() -> None:
    """Now, 200 km out: met 195.12 km out at 0.8 x edge(0.78) = 0.693, net 6.93 - 2 = 4.93.
    It comes within 84 km (70 % of 120) at 2,320 s; a short-range round meeting it there
    leaves at 2,236 s, more than a turn away, and meets it more than a turn before it
    lands (4,000 s): 0.9 x 10 - 0.5 = 8.5 > 4.93. Hold."""
    assert _holds()


def test_a_long_range_round_is_not_spent_at_the_edge_of_its_reach() -> None:
    """No short-range rounds; 240 km out it would be met 234.1 km out at
    0.8 x edge(0.937) = 0.485: net 4.85 - 2 = 2.85. Within 175 km (70 % of 250) at
    1,300 s, the same type would have 0.8 x 10 - 2 = 6 > 2.85. Hold."""
    assert _holds(x=240.0, short_rounds=0)


def test_a_shot_at_full_kill_probability_now_is_taken_unless_a_cheaper_one_beats_it() -> None:
    """150 km out, met 146.3 km out, within 175 km: 0.8 x 10 - 2 = 6 now, which no later
    shot of the same type beats. The short-range round later, 8.5, does: hold for it;
    without short-range rounds, fire now."""
    assert _holds(x=150.0)
    assert not _holds(x=150.0, short_rounds=0)


def test_a_drone_that_never_comes_within_the_cheaper_reach_is_engaged_now() -> None:
    """On a course passing 150 km from the unit, 158 km out now: the long round is at full
    kill probability already, and the drone never comes within 84 km."""
    assert not _holds(x=50.0, y=150.0)


def test_a_drone_that_lands_before_the_cheaper_shot_is_engaged_now() -> None:
    """150 km out, the long round at full kill probability; its target is 1,300 s away,
    and the short-range round could meet it only from 1,320 s (within 84 km)."""
    assert not _holds(x=150.0, ttg=1300.0)
    assert _holds(x=150.0, ttg=1500.0)


def test_a_better_round_now_is_not_held_for_a_cheaper_worse_one() -> None:
    """Worth 100, 150 km out, with the long round at 0.95 and the short at 0.5: now
    0.95 x 100 - 2 = 93 at full kill probability, later 0.5 x 100 - 0.5 = 49.5."""
    assert not _holds(x=150.0, value=100.0, pk=(0.95, 0.5))


def test_no_cheaper_rounds_loaded_no_hold() -> None:
    assert not _holds(x=150.0, short_rounds=0)


def test_a_hovering_track_is_engaged_now() -> None:
    assert not _holds(vx=0.0)


def test_north_1_keeps_its_48n6_for_the_ballistic_raid(northern_screen: LoadedCampaign) -> None:
    """Northern Screen, seed 4: the drone swarm comes first. Fire control used to spend FU
    North-1's long-range rounds on the drones in the opening turns, and it had none left
    when the ballistic missiles came; now the drones are left to shorter-range rounds, and
    its 48N6 meet the ballistic raid."""
    game = Game.new(northern_screen, 4)
    at_drones: list[str] = []
    at_ballistic: list[str] = []
    while not game.over:
        for e in game.step([]):
            if isinstance(e, MissileLaunched) and e.fire_unit == "FU North-1":
                if e.threat_class == "drone":
                    at_drones.append(e.missile)
                elif e.threat_class == "ballistic_missile":
                    at_ballistic.append(e.missile)
    assert "48N6-class" not in at_drones
    assert "48N6-class" in at_ballistic


def _drone_in_sight(loaded: LoadedCampaign) -> tuple[Game, int]:
    """Northern Screen, seed 4, at the first turn's end a drone is tracked."""
    game = Game.new(loaded, 4)
    sc = game.scenario
    drone = CLASS_NAMES.index("drone")
    while True:
        game.step([])
        st = game.state
        seen = np.flatnonzero((st.track_id >= 0) & (sc.t_apparent_class == drone))
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
