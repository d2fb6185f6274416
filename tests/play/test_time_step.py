"""The session's time step: several turns played at once, the orders going with the first,
ended early after the turn whose news meets the pause conditions; and the game the same,
event for event and byte for byte, whatever step the player chose."""

from __future__ import annotations

from pathlib import Path

import pytest

from wargame.campaign import LoadedCampaign, parse_campaign
from wargame.engine import Game, Order
from wargame.engine.events import GameOver, TrackInitiated, TurnEnded
from wargame.play.session import Session
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


def test_a_step_of_no_turns_is_refused(tmp_path: Path, first_contact: LoadedCampaign) -> None:
    with pytest.raises(ValueError, match="at least one"):
        Session.new(first_contact, 7, tmp_path).play([], 0)


# ------------------------------------------------------------------ the same game


def _ten_second_turns() -> LoadedCampaign:
    """First Contact on 10 s turns (its raids by turn as written; two hours of game)."""
    path = ROOT / "campaigns" / "first-contact.toml"
    source = path.read_text(encoding="utf-8")
    source = source.replace("seconds_per_turn = 60", "seconds_per_turn = 10")
    source = source.replace("turn_limit = 40", "turn_limit = 720")
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
TURNS = 90


def _played_with_step(loaded: LoadedCampaign, step: int, folder: Path) -> tuple[Path, int]:
    """Play `TURNS` turns giving `SCHEDULE`'s orders, `step` turns an end turn (pausing
    on every condition); the autosave, and how many times the player ended a turn."""
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
    # The longer steps were fewer presses (pauses aside), yet the same game.
    assert presses[1] == TURNS and presses[6] < presses[2] < presses[1]
    records = {step: read_save(path) for step, path in saves.items()}
    assert records[1].last_turn == TURNS
    events = {step: [e.to_dict() for e in record.events()] for step, record in records.items()}
    assert any(e["kind"] == "missile_launched" for e in events[1])
    assert events[2] == events[1] and events[6] == events[1]
    texts = {step: path.read_bytes() for step, path in saves.items()}
    assert texts[2] == texts[1] and texts[6] == texts[1]
