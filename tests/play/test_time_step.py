"""The session's time step: several turns played at once, the orders going with the first,
ended early after the turn whose news meets the pause conditions; and the game the same,
event for event and byte for byte, whatever step the player chose."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wargame.campaign import LoadedCampaign, parse_campaign
from wargame.engine import Game, Order
from wargame.engine.events import GameOver, TrackInitiated, TurnEnded
from wargame.play.session import Session, contact_cap
from wargame.record import read_save
from wargame.view.alerts import PauseRules, pause_alerts

ROOT = Path(__file__).resolve().parents[2]


def _first_alert_turn(loaded: LoadedCampaign, seed: int, rules: PauseRules) -> int:
    """The first turn whose news meets `rules`, found one turn at a time on the engine."""
    game = Game.new(loaded, seed)
    while not game.over:
        before = game.state.copy()
        events = game.step([])
        if pause_alerts(game.scenario, before, game.state, events, rules):
            return game.turn
    raise AssertionError("no turn met the conditions")


def test_a_step_stops_after_the_first_turn_that_meets_a_condition(
    tmp_path: Path, first_contact: LoadedCampaign
) -> None:
    rules = PauseRules(conditions=frozenset({"new_track"}))
    first = _first_alert_turn(first_contact, 7, rules)
    session = Session.new(first_contact, 7, tmp_path)
    result = session.play([], 30, rules)
    assert first < 30
    assert (result.turns, result.stopped, session.turn) == (first, "paused", first)
    assert result.alerts and result.alerts[0].condition == "new_track"
    assert result.alerts[0].turn == first
    # Every turn's events came back, the pausing one last.
    ended = [e.turn for e in result.events if isinstance(e, TurnEnded)]
    assert ended == list(range(1, first + 1))
    assert any(isinstance(e, TrackInitiated) for e in result.events if e.turn == first)
    # The state is after the last turn played, and the autosave holds it.
    assert result.state.turn == first
    assert result.autosaved is not None and read_save(result.autosaved).last_turn == first


def test_without_conditions_a_step_plays_all_its_turns(
    tmp_path: Path, first_contact: LoadedCampaign
) -> None:
    session = Session.new(first_contact, 7, tmp_path)
    result = session.play([], 5)
    assert (result.turns, result.stopped, result.alerts, session.turn) == (5, "step", (), 5)
    result = session.play([], 3, PauseRules(conditions=frozenset()))
    assert (result.turns, result.stopped, session.turn) == (3, "step", 8)


def test_a_step_stops_when_the_game_ends(tmp_path: Path, first_contact: LoadedCampaign) -> None:
    session = Session.new(first_contact, 7, tmp_path)
    result = session.play([], 1000)
    assert result.stopped == "over" and session.over
    assert result.turns == session.turn <= first_contact.campaign.clock.turn_limit
    assert isinstance(result.events[-1], GameOver)


def test_the_orders_go_with_the_first_turn_of_the_step(
    tmp_path: Path, first_contact: LoadedCampaign
) -> None:
    session = Session.new(first_contact, 7, tmp_path)
    order = Order(1, "FU Alpha", "weapons", setting="tight")
    session.play([order], 3)
    assert [t.orders for t in session.record.turns[-3:]] == [(order,), (), ()]


def test_next_contact_plays_at_most_ten_minutes_of_game_time_whatever_the_turn() -> None:
    assert [contact_cap(s) for s in (10, 30, 60, 45, 600)] == [60, 20, 10, 13, 1]


def test_next_contact_stops_at_the_first_news_or_its_cap(
    tmp_path: Path, first_contact: LoadedCampaign
) -> None:
    capped = Session.new(first_contact, 7, tmp_path / "capped")
    result = capped.advance_to_contact([], cap=1, hints=False)
    assert (result.turns, capped.turn) == (1, 1)
    # Seed 7: the radars' false alarms make tentative tracks from turn 1, each dropped
    # unconfirmed a turn later: no news. The first track begun confirmed (a fighter on
    # turn 11) is.
    skip = Session.new(first_contact, 7, tmp_path / "skip")
    result = skip.advance_to_contact([], hints=False)
    held = {(t.turn, track) for t in result.tentative for track in t.held}
    first = min(
        e.turn
        for e in result.events
        if isinstance(e, TrackInitiated) and (e.turn, e.track) not in held
    )
    assert [t.turn for t in result.tentative if t.held] == list(range(1, first + 1))
    assert (
        result.turns
        == skip.turn
        == first
        <= contact_cap(first_contact.campaign.clock.seconds_per_turn)
    )


def test_a_step_of_no_turns_is_refused(tmp_path: Path, first_contact: LoadedCampaign) -> None:
    with pytest.raises(ValueError, match="at least one"):
        Session.new(first_contact, 7, tmp_path).play([], 0)


# ------------------------------------------------------------------ the same game


def _ten_second_turns() -> LoadedCampaign:
    """First Contact on 10 s turns (its raids by turn as written; two hours of game)."""
    path = ROOT / "campaigns" / "first-contact.toml"
    source = path.read_text(encoding="utf-8")
    source = re.sub(r"(?m)^seconds_per_turn = .*$", "seconds_per_turn = 10", source)
    source = re.sub(r"(?m)^turn_limit = .*$", "turn_limit = 720", source)
    loaded = parse_campaign(source, path.name)
    assert loaded.campaign.clock.seconds_per_turn == 10
    return loaded


SCHEDULE = {
    0: [Order(1, "FU Alpha", "weapons", setting="tight")],
    12: [Order(13, "FU Bravo", "emission", setting="off")],
    30: [
        Order(31, "FU Bravo", "emission", setting="on"),
        Order(31, "FU Charlie", "salvo", salvo=1),
    ],
}
"""Orders the player gives after a turn (0: before the first), at turns every step meets."""
TURNS = 180


def _played_with_step(loaded: LoadedCampaign, step: int, folder: Path) -> tuple[Path, int]:
    """Play `TURNS` turns (or to the game's end) giving `SCHEDULE`'s orders, `step` turns
    an end turn (pausing on every condition); the autosave, and how many times the player
    ended a turn."""
    session = Session.new(loaded, 3, folder)
    presses = 0
    while session.turn < TURNS and not session.over:
        for order in SCHEDULE.get(session.turn, []):
            session.give(order)
        due = min([t for t in SCHEDULE if t > session.turn] + [TURNS])
        session.play(session.take_orders(), min(step, due - session.turn), PauseRules())
        presses += 1
    assert session.last_autosave is not None
    return session.last_autosave, presses


def test_steps_of_10_20_and_60_seconds_play_the_same_game_byte_for_byte(tmp_path: Path) -> None:
    loaded = _ten_second_turns()
    saves = {}
    presses = {}
    for step in (1, 2, 6):
        saves[step], presses[step] = _played_with_step(loaded, step, tmp_path / f"step{step}")
    records = {step: read_save(path) for step, path in saves.items()}
    # The longer steps were fewer presses (pauses aside), yet the same game.
    assert presses[1] == records[1].last_turn > 60
    assert presses[6] < presses[2] < presses[1]
    events = {step: [e.to_dict() for e in record.events()] for step, record in records.items()}
    assert any(e["kind"] == "missile_launched" for e in events[1])
    assert events[2] == events[1] and events[6] == events[1]
    texts = {step: path.read_bytes() for step, path in saves.items()}
    assert texts[2] == texts[1] and texts[6] == texts[1]
