"""A ballistic missile flies as a body thrown over a flat Earth without air, by hand.

It climbs to its apogee h and falls back at g: the flight lasts t = √(8 h / g) whatever
the range (221.24 s for 60 km), and its height after t seconds is
v t − g t² / 2 with v = g T / 2 (its upward speed at launch). The range sets only its
ground speed. First Contact's strike launches two at once, 250.8 and 270.8 km from
their target; they are flown here by the engine's own entry and movement phases,
nothing shooting at them.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from wargame.campaign import LoadedCampaign
from wargame.engine import Game
from wargame.engine.movement import move_threats
from wargame.engine.red import spawn_raids
from wargame.engine.scenario import STANDARD_GRAVITY, ballistic_flight_s

APOGEE_M = 60_000.0
FLIGHT_S = math.sqrt(8.0 * APOGEE_M / STANDARD_GRAVITY)


def test_the_flight_time_follows_from_the_apogee_alone() -> None:
    assert ballistic_flight_s(APOGEE_M) == pytest.approx(221.24, abs=0.005)
    # Four times the apogee, twice the flight.
    assert ballistic_flight_s(4 * APOGEE_M) == pytest.approx(2 * FLIGHT_S, abs=0.01)


def _fly(first_contact: LoadedCampaign) -> tuple[Game, np.ndarray, list[tuple[float, np.ndarray]]]:
    """The strike's (time since launch, heights) at each turn's end, until both land."""
    game = Game.new(first_contact, 1)
    sc, st = game.scenario, game.state
    slots = np.flatnonzero(sc.t_ballistic)
    launch_s = (int(sc.t_spawn_turn[slots[0]]) - 1) * sc.dt
    heights = []
    while not np.all(np.isfinite(st.arrival_time[slots])):
        st.turn += 1
        spawn_raids(sc, st, [])
        move_threats(sc, st)
        if st.turn * sc.dt > launch_s and not np.any(np.isfinite(st.arrival_time[slots])):
            heights.append((st.turn * sc.dt - launch_s, st.alt[slots].copy()))
    return game, slots, heights


def test_every_range_lands_after_the_same_flight(first_contact: LoadedCampaign) -> None:
    game, slots, _ = _fly(first_contact)
    sc, st = game.scenario, game.state
    assert sc.t_total[slots] == pytest.approx([250.8, 270.8], abs=0.05)
    launch_s = (int(sc.t_spawn_turn[slots[0]]) - 1) * sc.dt
    assert st.arrival_time[slots] - launch_s == pytest.approx([FLIGHT_S] * 2, abs=1e-6)
    # The ground speed is the range over that time: 1.13 and 1.22 km/s.
    assert sc.t_speed[slots] * FLIGHT_S == pytest.approx(sc.t_total[slots])


def test_the_height_is_that_of_a_body_falling_at_g(first_contact: LoadedCampaign) -> None:
    _, _, heights = _fly(first_contact)
    # Each 30 s turn's end: 30, 60, ..., 210 s after launch; it lands at 221 s.
    assert [t for t, _ in heights] == pytest.approx([30.0 * k for k in range(1, 8)])
    climb = STANDARD_GRAVITY * FLIGHT_S / 2.0  # 1,085 m/s upward at launch
    for t, alt in heights:
        expected = climb * t - STANDARD_GRAVITY * t * t / 2.0
        assert alt == pytest.approx([expected] * 2, rel=1e-9)
    # Highest half-way: at 120 s (near 110.6 s) it is within 1 % of the apogee.
    assert heights[3][1] == pytest.approx([APOGEE_M] * 2, rel=0.01)
