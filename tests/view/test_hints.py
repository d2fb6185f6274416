"""Hints are judged on the picture, never on the truth; and a quiet turn is one with
nothing new in it for blue.

The campaign: a fire unit holding its fire, and a stream of three air-launched decoys,
which the radars take for cruise missiles, flying at the port from 150 km.
"""

from __future__ import annotations

from wargame.campaign import LoadedCampaign, parse_campaign
from wargame.engine import Game, Order
from wargame.engine.events import Event, RadarFailed, TrackInitiated
from wargame.view.hints import contact, hints_due, hints_shown

CAMPAIGN = """
[meta]
title = "Decoys"
difficulty = "tutorial"

[clock]
turn_limit = 12

[map]
width_km = 400
height_km = 200

[[blue.command_posts]]
name = "HQ"
position = [320, 110]

[[blue.fire_units]]
name = "FU Alpha"
radar = "92N6E-class engagement radar"
position = [300, 100]
command_post = "HQ"
launchers = 4
loadout = { "48N6-class" = 8 }

[[blue.assets]]
name = "Port"
position = [310, 90]
value = 100

[[red.raids]]
name = "Decoys"
turn = 1
threat = "Air-launched decoy"
count = 3
origin = [170, 100]
target = "Port"

[[hints]]
when = { first_track = "decoy" }
text = "That is a decoy."

[[hints]]
when = { first_track = "cruise_missile" }
text = "A cruise missile: press f."
turns = 2

[[hints]]
when = { turn = 1 }
text = "Welcome."

[[injects]]
name = "Truth"
when = { first_track = "decoy" }
kind = "radar_failure"
unit = "FU Alpha"
turns = 1
"""

HOLD = [Order(turn=1, unit="FU Alpha", action="weapons", setting="hold")]


def loaded() -> LoadedCampaign:
    return parse_campaign(CAMPAIGN, "decoys.toml")


def until_first_track(game: Game) -> tuple[list[Event], int]:
    """All events (turn 0 first) up to the turn of the first track, and that turn."""
    events: list[Event] = [game.started_event()]
    while not game.over:
        turn = game.step(HOLD if game.turn == 0 else [])
        events += turn
        if any(isinstance(e, TrackInitiated) for e in turn):
            return events, game.turn
    raise AssertionError("no track")


def test_a_decoy_tracked_as_a_cruise_missile_never_meets_a_decoy_hint() -> None:
    """The hint goes by the picture: from the first track shown as a cruise missile (on
    turn 1, a false alarm's: they look like the campaign's threats, here the decoys'
    cruise missiles). The inject, the exercise's script, goes by the truth: it fires on
    the turn a real decoy is first tracked, turn 6, never on a false track."""
    game = Game.new(loaded(), 2)
    events, first = until_first_track(game)
    real = range(game.scenario.false_slots[0])  # the slots before the phantoms

    def decoy_tracked(events: list[Event]) -> list[int]:
        return [e.turn for e in events if isinstance(e, TrackInitiated) and e.threat in real]

    while not decoy_tracked(events):
        events += game.step([])
    seen = decoy_tracked(events)[0]
    due = {h.text: h.since for h in hints_due(game.scenario, game.state, events)}
    assert "That is a decoy." not in due
    assert due["A cruise missile: press f."] == first == 1 and seen == 6
    assert [e.turn for e in events if isinstance(e, RadarFailed)] == [seen]


def test_a_hint_on_a_turn_shows_as_that_turn_is_played() -> None:
    game = Game.new(loaded(), 2)
    events: list[Event] = [game.started_event()]
    shown = [h.text for h in hints_shown(game.scenario, game.state, events)]
    assert shown == ["Welcome."]  # turn 0 resolved: the orders for turn 1 are being given


def test_a_hint_of_two_turns_shows_for_two_turns_then_goes() -> None:
    game = Game.new(loaded(), 2)
    events, _ = until_first_track(game)
    showing = []
    for _ in range(3):
        showing.append(
            "A cruise missile: press f."
            in [h.text for h in hints_shown(game.scenario, game.state, events)]
        )
        events += game.step([])
    assert showing == [True, True, False]


def test_a_dismissed_hint_is_not_shown() -> None:
    game = Game.new(loaded(), 2)
    events = [game.started_event()]
    assert hints_shown(game.scenario, game.state, events, dismissed={2}) == []


def test_a_turn_with_a_new_track_is_a_contact_and_one_with_only_its_end_is_quiet() -> None:
    game = Game.new(loaded(), 2)
    quiet = game.step(HOLD)
    while not any(isinstance(e, TrackInitiated) for e in quiet) and contact(quiet) is None:
        quiet = game.step([])
    assert isinstance(contact(quiet), TrackInitiated)
    assert contact([e for e in quiet if e.kind == "turn_ended"]) is None
