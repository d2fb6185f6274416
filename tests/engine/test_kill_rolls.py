"""Intercept rolls against closed forms: one round kills with p, a salvo of n with 1-(1-p)^n."""

from __future__ import annotations

import math

import numpy as np
import pytest

from wargame.campaign import LoadedCampaign
from wargame.engine import Game
from wargame.engine.events import Event, InterceptResolved
from wargame.engine.geometry import edge_factor
from wargame.engine.intercept import resolve_intercepts
from wargame.engine.state import ACTIVE, KILLED, Shot

SEEDS = 2500


def _kill_fraction(loaded: LoadedCampaign, p: float, rounds: int) -> tuple[float, list[Event]]:
    game = Game.new(loaded, 0)
    sc = game.scenario
    threat = 0
    kills = 0
    last: list[Event] = []
    for seed in range(SEEDS):
        st = game.state.copy()
        st.turn = 5
        st.status[threat] = ACTIVE
        st.shots = [Shot(0, 1, threat, 1, 5 * sc.dt - 10.0 + k, p, p, 4) for k in range(rounds)]
        events: list[Event] = []
        resolve_intercepts(sc, st, seed, events)
        kills += int(st.status[threat] == KILLED)
        last = events
    return kills / SEEDS, last


@pytest.mark.parametrize("p", [0.3, 0.7])
def test_a_single_round_kills_in_a_fraction_within_four_standard_errors_of_p(
    first_contact: LoadedCampaign, p: float
) -> None:
    fraction, _ = _kill_fraction(first_contact, p, 1)
    se = math.sqrt(p * (1 - p) / SEEDS)
    assert abs(fraction - p) <= 4 * se


@pytest.mark.parametrize("p", [0.5, 0.8])
def test_a_salvo_of_two_kills_with_one_minus_the_square_of_the_miss(
    first_contact: LoadedCampaign, p: float
) -> None:
    expected = 1 - (1 - p) ** 2
    fraction, _ = _kill_fraction(first_contact, p, 2)
    se = math.sqrt(expected * (1 - expected) / SEEDS)
    assert abs(fraction - expected) <= 4 * se


def test_a_target_killed_by_the_first_round_makes_the_second_miss_without_a_roll(
    first_contact: LoadedCampaign,
) -> None:
    _, events = _kill_fraction(first_contact, 1.0, 2)
    rolls = [e for e in events if isinstance(e, InterceptResolved)]
    assert [e.killed for e in rolls] == [True, False]
    assert rolls[1].reason == "target already destroyed"


def test_kill_probability_is_full_to_seventy_percent_of_range_then_halves_at_the_edge() -> None:
    assert edge_factor(np.array([0.0, 0.7, 0.85, 1.0])).tolist() == pytest.approx(
        [1.0, 1.0, 0.75, 0.5]
    )


def test_a_missile_whose_fire_unit_radar_went_silent_loses_guidance(
    first_contact: LoadedCampaign,
) -> None:
    game = Game.new(first_contact, 0)
    sc, st = game.scenario, game.state.copy()
    st.turn = 5
    st.status[0] = ACTIVE
    st.emitting[sc.f_radar[0]] = False
    st.shots = [Shot(0, 1, 0, 1, 5 * sc.dt - 5.0, 1.0, 1.0, 4)]
    events: list[Event] = []
    resolve_intercepts(sc, st, 1, events)
    (event,) = events
    assert isinstance(event, InterceptResolved)
    assert not event.killed
    assert event.reason.startswith("guidance lost")
