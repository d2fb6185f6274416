"""Doctrine: how many salvos a target may have on their way at once.

Shoot-look-shoot waits for the kill assessment of the salvo in the air; shoot-shoot
lets a second follow before the first arrives; auto looks where the look
leaves time for another shot and shoots twice where it does not, and always looks
against aircraft.

By hand, for `look_first`: turns of 60 s, turn 3 of 100. A cruise missile flies at
250 m/s, its salvo in the air is assessed at the end of turn 5 (120 s from now), and a
salvo fired then flies 50 s (taken as this turn's flight): it meets the missile 170 s
from now. With the missile 400 s from its target there is time to look; with 150 s
there is not.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from wargame.campaign import LoadedCampaign
from wargame.engine import Game, Order
from wargame.engine.events import MissileLaunched
from wargame.engine.fire_control.planning import capped_assign, look_first
from wargame.engine.fire_control.timing import turn_of
from wargame.engine.scenario import CLASS_NAMES, IS_AIRCRAFT


def _looks(
    ttg: float = 400.0,
    threat_class: str = "cruise_missile",
    release_km: float = 0.0,
    turn_limit: int = 100,
    assessed: int = 5,
    tof: float = 50.0,
) -> bool:
    sc = SimpleNamespace(
        dt=60.0,
        turn_limit=turn_limit,
        t_apparent_class=np.array([CLASS_NAMES.index(threat_class)]),
        t_apparent_release_km=np.array([release_km]),
    )
    st = SimpleNamespace(
        turn=3,
        track_vx=np.array([-0.25]),
        track_vy=np.array([0.0]),
        track_class=np.array([CLASS_NAMES.index(threat_class)]),
    )
    look = look_first(
        sc,  # type: ignore[arg-type]
        st,  # type: ignore[arg-type]
        np.array([0]),
        np.array([ttg]),
        np.array([assessed]),
        np.array([[tof]]),
    )
    return bool(look[0, 0])


def test_auto_looks_when_a_shot_after_the_assessment_still_comes_in_time() -> None:
    assert _looks(ttg=400.0)
    assert _looks(ttg=171.0)


def test_auto_shoots_twice_when_it_does_not() -> None:
    assert not _looks(ttg=170.0)
    assert not _looks(ttg=150.0)


def test_a_later_assessment_or_a_longer_flight_leaves_less_time() -> None:
    """Assessed at the end of turn 8: 300 + 50 = 350 s, still under 400; turn 9: 410 s."""
    assert _looks(assessed=8)
    assert not _looks(assessed=9)
    assert not _looks(tof=290.0)


def test_with_no_salvo_on_its_way_the_look_is_after_the_salvo_fired_now() -> None:
    """Fired now (180 s), it arrives at 230 s, in turn 4: assessed 60 s from now, and a
    salvo fired then meets the missile 110 s from now."""
    assert _looks(assessed=0, ttg=111.0)
    assert not _looks(assessed=0, ttg=110.0)


def test_a_threat_that_releases_its_weapons_short_of_its_target_is_judged_by_then() -> None:
    """50 km short at 250 m/s is 200 s short: the harm is 200 s away, after 170 s. 70 km
    short is 280 s: the harm is 120 s away, before it."""
    assert _looks(release_km=50.0)
    assert not _looks(release_km=70.0)


def test_the_look_must_come_before_the_game_ends() -> None:
    """Turn 3 of 6 leaves 180 s; of 5, 120 s, less than the 170 s the look needs."""
    assert _looks(turn_limit=6)
    assert not _looks(turn_limit=5)


@pytest.mark.parametrize(
    "threat_class", [c for c in CLASS_NAMES if IS_AIRCRAFT[CLASS_NAMES.index(c)]]
)
def test_auto_always_looks_against_aircraft(threat_class: str) -> None:
    assert _looks(ttg=10.0, threat_class=threat_class)


def test_the_assessment_turn_is_the_turn_the_launch_event_names(
    first_contact: LoadedCampaign,
) -> None:
    """`turn_of` and `MissileLaunched.intercept_turn` agree on every salvo of a game."""
    loaded_game = Game.new(first_contact, 3)
    sc = loaded_game.scenario
    checked = 0
    while not loaded_game.over:
        events = loaded_game.step([])
        launched = {(e.threat, e.fire_unit): e for e in events if isinstance(e, MissileLaunched)}
        for shot in loaded_game.state.shots:
            if shot.launch_turn != loaded_game.turn:
                continue
            event = launched[(shot.threat, sc.f_name[shot.fire_unit])]
            turn = turn_of(sc, loaded_game.state, np.array([shot.intercept_time]))[0]
            assert turn == event.intercept_turn
            checked += 1
    assert checked > 30


def _second_salvos(loaded: LoadedCampaign, seed: int, doctrine: str) -> tuple[int, int]:
    """Salvos fired at a target that already had one on its way (launched on an earlier
    turn, or by another unit the same turn): at aircraft, and at the rest."""
    game = Game.new(loaded, seed)
    orders = [Order(1, name, "doctrine", setting=doctrine) for name in game.scenario.f_name]
    # (threat, fire unit, launch turn) -> the turn by whose end it has been assessed.
    salvos: dict[tuple[int, str, int], int] = {}
    at_aircraft = at_others = 0
    while not game.over:
        events = game.step(orders if game.turn == 0 else [])
        for e in events:
            if not isinstance(e, MissileLaunched) or (e.threat, e.fire_unit, e.turn) in salvos:
                continue
            on_way = [
                key
                for key, due in salvos.items()
                if key[0] == e.threat and due > e.turn and key[1:] != (e.fire_unit, e.turn)
            ]
            if on_way:
                if e.threat_class in ("fighter", "bomber", "awacs"):
                    at_aircraft += 1
                else:
                    at_others += 1
            salvos[(e.threat, e.fire_unit, e.turn)] = e.intercept_turn
    return at_aircraft, at_others


@pytest.mark.parametrize("seed", [1, 2])
def test_in_a_game_auto_shoots_twice_at_missiles_only_and_sls_never(
    first_contact: LoadedCampaign, seed: int
) -> None:
    assert _second_salvos(first_contact, seed, "sls") == (0, 0)
    aircraft, others = _second_salvos(first_contact, seed, "auto")
    assert aircraft == 0 and others > 0
    assert _second_salvos(first_contact, seed, "ss")[1] >= others


@pytest.mark.parametrize(
    ("room", "fired"),
    [
        ([[2], [2]], [(0, 0), (1, 0)]),  # both allow two: the second saves 10 x 0.5 x 0.5
        ([[2], [1]], [(0, 0)]),  # the second unit would look first: one salvo
        ([[1], [2]], [(0, 0)]),  # the first unit would: so would the pair
        ([[1], [1]], [(0, 0)]),
        ([[0], [2]], [(1, 0)]),  # the first may not fire at all
    ],
)
def test_two_salvos_go_the_same_turn_only_where_both_units_allow_two(
    room: list[list[int]], fired: list[tuple[int, int]]
) -> None:
    """One target worth 10; unit 0 kills it with 0.6, unit 1 with 0.5, a salvo costs 0.1."""
    wi, tj = capped_assign(
        np.array([10.0]),
        np.array([[0.6], [0.5]]),
        np.array([1, 1]),
        np.array(room),
        np.array([[0.1], [0.1]]),
    )
    assert list(zip(wi.tolist(), tj.tolist(), strict=True)) == fired
