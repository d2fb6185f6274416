"""Orders: each impossible order is refused with its reason as an event, never a crash."""

from __future__ import annotations

import pytest

from wargame.campaign import LoadedCampaign
from wargame.engine import Game, Order
from wargame.engine.events import (
    MissileLaunched,
    OrderAccepted,
    OrderRefused,
    RelocationComplete,
    RelocationStarted,
)
from wargame.report.describe import describe


def _refusal(game: Game, order: Order) -> str:
    events = game.step([order])
    refused = [e for e in events if isinstance(e, OrderRefused)]
    assert len(refused) == 1, events
    return refused[0].reason


@pytest.mark.parametrize(
    ("order", "reason"),
    [
        (
            Order(1, "FU Alpah", "emission", setting="off"),
            "no unit named 'FU Alpah' (did you mean 'FU Alpha'?)",
        ),
        (Order(2, "FU Alpha", "emission", setting="off"), "order is for turn 2, not turn 1"),
        (Order(1, "Big Bird", "weapons", setting="free"), "only fire units have weapons"),
        (Order(1, "FU Alpha", "emission", setting="dim"), "emission must be 'on' or 'off'"),
        (
            Order(1, "FU Alpha", "weapons", setting="loose"),
            "weapons must be 'hold', 'tight' or 'free'",
        ),
        (
            Order(1, "FU Alpha", "doctrine", setting="yolo"),
            "doctrine must be 'auto', 'sls' (shoot-look-shoot) or 'ss' (shoot-shoot)",
        ),
        (
            Order(1, "FU Alpha", "salvo", salvo=9),
            "salvo must be a number of rounds from 1 to 4 (0 for the default)",
        ),
        (
            Order(1, "FU Alpha", "reserve", missile="S-500", count=2, threat_class="awacs"),
            "unknown missile type 'S-500'",
        ),
        (
            Order(1, "FU Alpha", "reserve", missile="40N6-class", count=2, threat_class="ufo"),
            "unknown threat class 'ufo'",
        ),
        (
            Order(1, "FU Bravo", "reserve", missile="40N6-class", count=4, threat_class="bomber"),
            "FU Bravo carries no 40N6-class missiles",
        ),
        (
            Order(1, "FU Alpha", "reserve", missile="40N6-class", count=9, threat_class="bomber"),
            "FU Alpha has only 8 40N6-class rounds, ready and in stock",
        ),
        (Order(1, "FU Alpha", "engage", track=99), "no track 99"),
        (Order(1, "FU Alpha", "relocate", position=(900.0, 10.0)), "[900, 10] is off the map"),
        # FU Alpha stands at [250, 175]: 0.4 km is no move.
        (
            Order(1, "FU Alpha", "relocate", position=(250.4, 175.0)),
            "the unit is already at [250.4, 175]",
        ),
        (Order(1, "FU Alpha", "dance"), "unknown action 'dance'"),
    ],
)
def test_an_impossible_order_is_refused_with_its_reason(
    first_contact: LoadedCampaign, order: Order, reason: str
) -> None:
    assert _refusal(Game.new(first_contact, 1), order) == reason


def _game_with_a_track(loaded: LoadedCampaign) -> tuple[Game, int]:
    """Play until the strike package is tracked; returns the game and a fighter's track."""
    game = Game.new(loaded, 7)
    while True:
        game.step([])
        tracked = [
            int(game.state.track_id[j])
            for j in range(game.scenario.n_threats)
            if game.state.track_id[j] >= 0 and game.scenario.t_class[j] == 0
        ]
        if tracked:
            return game, tracked[0]


def test_orders_to_a_relocating_unit_are_refused_until_it_is_set_up(
    first_contact: LoadedCampaign,
) -> None:
    game = Game.new(first_contact, 1)
    events = game.step([Order(1, "FU Charlie", "relocate", position=(285.0, 145.0))])
    (started,) = [e for e in events if isinstance(e, RelocationStarted)]
    # A 92N6E-class unit stows in 180 s and sets up in 300 s (catalogue); 20 km at
    # 40 km/h is 1800 s: 2280 s = 76 turns of 30 s.
    assert started.ready_turn == 1 + 76
    assert _refusal(game, Order(2, "FU Charlie", "emission", setting="on")) == (
        "the unit is relocating until turn 77"
    )
    assert _refusal(game, Order(3, "FU Charlie", "relocate", position=(280.0, 140.0))) == (
        "the unit is already relocating until turn 77"
    )


@pytest.mark.parametrize("silent", [False, True])
def test_a_unit_set_up_again_emits_as_last_ordered_and_says_so(
    first_contact: LoadedCampaign, silent: bool
) -> None:
    # 180 s to stow, 2 km at 40 km/h (180 s), 300 s to set up: 660 s, 22 turns of 30 s,
    # ready on turn 1 + 22 = 23.
    game = Game.new(first_contact, 1)
    orders = [Order(1, "FU Charlie", "relocate", position=(285.0, 127.0))]
    if silent:
        orders.insert(0, Order(1, "FU Charlie", "emission", setting="off"))
    game.step(orders)
    while game.turn < 23:
        events = game.step([])
    (done,) = [e for e in events if isinstance(e, RelocationComplete)]
    radar = game.scenario.r_name.index("FU Charlie")
    assert done.emitting is (not silent) is bool(game.state.emitting[radar])
    assert describe(done) == (
        "FU Charlie is set up, and silent as ordered"
        if silent
        else "FU Charlie is set up and emitting again"
    )


def test_engaging_with_a_silent_radar_is_refused(first_contact: LoadedCampaign) -> None:
    game, track = _game_with_a_track(first_contact)
    turn = game.turn + 1
    events = game.step(
        [
            Order(turn, "FU Bravo", "emission", setting="off"),
            Order(turn, "FU Bravo", "engage", track=track),
        ]
    )
    refused = [e for e in events if isinstance(e, OrderRefused)]
    assert [r.reason for r in refused] == [
        "the fire unit's radar is silent: engaging needs it emitting"
    ]


def test_engaging_beyond_a_missiles_reach_is_refused_with_the_envelope_reason(
    first_contact: LoadedCampaign,
) -> None:
    game, track = _game_with_a_track(first_contact)
    turn = game.turn + 1
    reason = _refusal(game, Order(turn, "FU Bravo", "engage", track=track, missile="9M96E-class"))
    assert reason == "9M96E-class: beyond maximum range"


def test_engaging_with_a_missile_type_the_unit_has_none_of_is_refused(
    first_contact: LoadedCampaign,
) -> None:
    game, track = _game_with_a_track(first_contact)
    turn = game.turn + 1
    assert _refusal(game, Order(turn, "FU Bravo", "engage", track=track, missile="40N6-class")) == (
        "no 40N6-class rounds ready"
    )


def test_a_manual_engagement_fires_and_is_accepted(first_contact: LoadedCampaign) -> None:
    game, track = _game_with_a_track(first_contact)
    turn = game.turn + 1
    events = game.step(
        [Order(turn, "FU Alpha", "engage", track=track, missile="40N6-class", salvo=1)]
    )
    assert any(isinstance(e, OrderAccepted) and e.order.startswith("engage") for e in events)
    launched = [e for e in events if isinstance(e, MissileLaunched)]
    launches = [e for e in launched if e.track == track]
    assert launches and launches[0].fire_unit == "FU Alpha"
    # The launch says it was ordered; fire control's own do not.
    assert [e.ordered for e in launched] == [
        (e.fire_unit, e.track) == ("FU Alpha", track) for e in launched
    ]


def test_orders_to_a_destroyed_unit_are_refused(first_contact: LoadedCampaign) -> None:
    game = Game.new(first_contact, 1)
    game.state.radar_alive[game.scenario.r_name.index("FU Alpha")] = False
    assert _refusal(game, Order(1, "FU Alpha", "emission", setting="on")) == "the unit is destroyed"


def test_a_settings_order_is_accepted_and_takes_effect(first_contact: LoadedCampaign) -> None:
    game = Game.new(first_contact, 1)
    events = game.step([Order(1, "FU Alpha", "emission", setting="off")])
    assert [e.order for e in events if isinstance(e, OrderAccepted)] == ["emission off"]
    assert not game.state.emitting[game.scenario.r_name.index("FU Alpha")]


def test_order_round_trips_through_its_dict() -> None:
    for order in (
        Order(3, "FU Alpha", "relocate", position=(10.0, 20.0)),
        Order(4, "FU Bravo", "reserve", missile="40N6-class", count=2, threat_class="awacs"),
        Order(5, "FU Bravo", "engage", track=3, missile="48N6-class", salvo=2),
    ):
        assert Order.from_dict(order.to_dict()) == order


def test_an_engagement_of_a_track_that_ends_that_turn_says_how_it_ended(
    first_contact: LoadedCampaign,
) -> None:
    # The first kill of seed 7: an order to engage that track, given for the turn of the
    # kill, meets a track whose threat the intercepts of the turn have just destroyed.
    game = Game.new(first_contact, 7)
    kill: tuple[int, int] | None = None
    while kill is None:
        for event in game.step([]):
            if event.kind == "threat_destroyed":
                kill = (game.turn, int(event.threat))  # type: ignore[attr-defined]
    turn, threat = kill
    track = int(game.state.track_id[threat])
    game = Game.new(first_contact, 7)
    while game.turn < turn - 1:
        game.step([])
    order = Order(turn, "FU Bravo", "engage", track=track)
    assert _refusal(game, order) == f"track {track} has ended: destroyed"


def test_the_targets_of_a_unit_that_goes_silent_are_free_for_the_others(
    first_contact: LoadedCampaign,
) -> None:
    # FU Alpha's missiles lose guidance when it goes silent: fire control no longer counts
    # them on their way, and another unit engages their target that same turn. (Every
    # unit shoots-look-shoots, so that Alpha's targets have no other salvo on its way.)
    game = Game.new(first_contact, 1)
    alpha = game.scenario.f_name.index("FU Alpha")
    look = [Order(1, name, "doctrine", setting="sls") for name in game.scenario.f_name]
    while not any(s.fire_unit == alpha for s in game.state.shots):
        game.step(look if game.turn == 0 else [])
    end_of_next = (game.turn + 1) * game.scenario.dt
    targets = {
        s.threat
        for s in game.state.shots
        if s.fire_unit == alpha and s.intercept_time > end_of_next
    }
    assert targets
    events = game.step([Order(game.turn + 1, "FU Alpha", "emission", setting="off")])
    others = {
        e.threat for e in events if isinstance(e, MissileLaunched) and e.fire_unit != "FU Alpha"
    }
    assert targets & others
