"""A missile due in the turn a strike aircraft reaches its release point, by hand.

The stand-off case of `test_standoff`: a heavy bomber (240 m/s, release range 60 km)
enters at x = 0 and flies east at a refinery 300 km away; it reaches its release point,
x = 240 km, after 240 / 0.24 = 1000 s, in turn 17 (960-1020 s) of 60 s turns, releases
its four cruise missiles there and flies home. One round is put in the air at it by
hand, due in turn 17: 10 s after the bomber got there, or 10 s before.
"""

from __future__ import annotations

from tests.engine.test_standoff import BLUE, BOMBER
from wargame.campaign import parse_campaign
from wargame.engine import Game, Order
from wargame.engine.events import Event, InterceptResolved, WeaponsReleased
from wargame.engine.state import ACTIVE, KILLED, SPENT, Shot

ARRIVAL_S = 1000.0
RELEASE_TURN = 17


def _release_turn(intercept_s: float, pk: float) -> tuple[Game, list[Event]]:
    """The game after turn 17, with one round (kill probability `pk`) due at the bomber
    at `intercept_s`, guided by the fire unit's radar, emitting from the start (its
    weapons held, so that it fires nothing of its own)."""
    text = (BLUE + BOMBER + "weapons_each = 4\n").replace("emitting = false", "emitting = true")
    game = Game.new(parse_campaign(text, "standoff.toml"), 1)
    game.step([Order(1, "FU", "weapons", setting="hold")])
    while game.turn < RELEASE_TURN - 1:
        game.step([])
    st = game.state
    st.shots.append(Shot(0, 0, 0, 1, intercept_s, pk, pk, game.turn))
    return game, game.step([])


def _resolved(events: list[Event]) -> InterceptResolved:
    (resolved,) = [e for e in events if isinstance(e, InterceptResolved)]
    return resolved


def test_a_round_due_after_the_bomber_got_there_finds_it_in_the_air_flying_home() -> None:
    game, events = _release_turn(ARRIVAL_S + 10.0, 0.0)
    resolved = _resolved(events)
    assert (resolved.reason, resolved.killed) == ("", False)  # rolled, and missed
    (released,) = [e for e in events if isinstance(e, WeaponsReleased)]
    assert len(released.threats) == 4
    # It flew home for the 20 s of the turn left: 4.8 km back west.
    assert game.state.status[0] == ACTIVE
    assert abs(game.state.x[0] - (240.0 - 0.24 * 20.0)) < 1e-6


def test_a_bomber_shot_down_after_it_got_there_has_released_its_weapons() -> None:
    game, events = _release_turn(ARRIVAL_S + 10.0, 1.0)
    assert _resolved(events).killed
    (released,) = [e for e in events if isinstance(e, WeaponsReleased)]
    st = game.state
    assert st.status[0] == KILLED
    assert all(st.status[w] == ACTIVE for w in released.threats)
    assert (st.x[0], st.y[0]) == (240.0, 100.0)  # where it fell: it never turned home


def test_a_bomber_shot_down_before_it_got_there_releases_nothing() -> None:
    game, events = _release_turn(ARRIVAL_S - 10.0, 1.0)
    assert _resolved(events).killed
    assert not [e for e in events if isinstance(e, WeaponsReleased)]
    st = game.state
    weapons = range(1, 5)  # (the bomber's weapon slots follow its own)
    assert st.status[0] == KILLED
    assert all(st.status[w] == SPENT for w in weapons)
