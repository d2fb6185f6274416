"""A game in the app autosaves every turn, and never over another game's autosave or
save, even one written while it was played."""

from __future__ import annotations

from pathlib import Path

import pytest

from wargame.campaign import LoadedCampaign
from wargame.engine import Order
from wargame.play.session import Session
from wargame.record import read_save
from wargame.record.atomic import SaveConflict


def test_a_second_game_of_the_same_seed_autosaves_beside_the_first(
    tmp_path: Path, first_contact: LoadedCampaign
) -> None:
    first = Session.new(first_contact, 7, tmp_path)
    first.step([])
    first.step([])
    second = Session.new(first_contact, 7, tmp_path)
    second.step([])
    assert first.last_autosave == tmp_path / "autosave-first-contact-seed7.json"
    assert second.last_autosave == tmp_path / "autosave-first-contact-seed7-2.json"
    assert read_save(first.last_autosave).last_turn == 2
    assert read_save(second.last_autosave).last_turn == 1


def test_a_game_resumed_from_its_autosave_goes_on_autosaving_there(
    tmp_path: Path, first_contact: LoadedCampaign
) -> None:
    first = Session.new(first_contact, 7, tmp_path)
    first.step([])
    path = first.last_autosave
    assert path is not None
    resumed = Session.from_save(path, tmp_path)
    resumed.step([])
    assert resumed.last_autosave == path
    assert read_save(path).last_turn == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def _orders(turn: int) -> list[Order]:
    return [
        Order(turn, "FU Alpha", "weapons", setting="tight"),
        Order(turn, "FU Bravo", "relocate", position=(270.0, 150.0)),
        Order(turn, "FU Charlie", "reserve", missile="48N6-class", count=4, threat_class="bomber"),
    ]


def test_orders_given_for_the_next_turn_are_saved_and_waiting_again_on_load(
    tmp_path: Path, first_contact: LoadedCampaign
) -> None:
    session = Session.new(first_contact, 7, tmp_path)
    session.step([])
    for order in _orders(2):
        session.give(order)
    assert session.orders_unsaved and not session.nothing_to_lose
    path = tmp_path / "mid-turn.json"
    session.save_as(path)
    assert not session.orders_unsaved and session.nothing_to_lose
    assert read_save(path).pending_orders == tuple(_orders(2))

    resumed = Session.from_save(path, tmp_path)
    assert resumed.pending_orders() == tuple(_orders(2))
    assert resumed.nothing_to_lose
    # Played on, the orders take effect as if the game had never stopped.
    session.step(session.take_orders())
    resumed.step(resumed.take_orders())
    assert resumed.record.turns[-1] == session.record.turns[-1]
    assert not resumed.record.pending_orders


def test_an_order_changed_after_the_save_is_unsaved_again(
    tmp_path: Path, first_contact: LoadedCampaign
) -> None:
    session = Session.new(first_contact, 7, tmp_path)
    session.give(Order(1, "FU Alpha", "weapons", setting="tight"))
    session.save_as(tmp_path / "s.json")
    session.give(Order(1, "FU Alpha", "weapons", setting="hold"))
    assert session.orders_unsaved and not session.nothing_to_lose
    # Cancelled: the save still holds the first word, which loading it would give again.
    session.cancel(Order(1, "FU Alpha", "weapons", setting="hold"))
    assert session.orders_unsaved and not session.nothing_to_lose
    session.give(Order(1, "FU Alpha", "weapons", setting="tight"))
    assert not session.orders_unsaved and session.nothing_to_lose


def test_a_finished_game_whose_autosave_holds_it_all_has_nothing_to_lose(
    tmp_path: Path, first_contact: LoadedCampaign
) -> None:
    session = Session.new(first_contact, 7, tmp_path)
    session.step([])
    assert session.unsaved_turns == 1 and not session.nothing_to_lose  # in play: ask
    while not session.over:
        session.step([])
    assert session.autosaved_turn == session.turn and session.nothing_to_lose


def test_orders_saved_then_carried_out_are_not_unsaved_later(
    tmp_path: Path, first_contact: LoadedCampaign
) -> None:
    """Saved with an order waiting, then played on to the end: nothing is unsaved but the
    turns, which the autosave holds once the game is over."""
    session = Session.new(first_contact, 7, tmp_path)
    session.give(Order(1, "FU Alpha", "weapons", setting="tight"))
    session.save_as(tmp_path / "s.json")
    session.step(session.take_orders())
    assert not session.orders_unsaved
    session.give(Order(2, "FU Alpha", "weapons", setting="tight"))
    assert session.orders_unsaved  # the save is of turn 0: it holds no order for turn 2
    session.cancel(Order(2, "FU Alpha", "weapons"))
    while not session.over:
        session.step([])
    assert session.nothing_to_lose


def test_two_games_resumed_from_one_autosave_each_keep_their_own(
    tmp_path: Path, first_contact: LoadedCampaign
) -> None:
    """Both resume turn 1; the first to play writes the autosave, the second finds it
    written meanwhile and moves to the next free name, saying so."""
    start = Session.new(first_contact, 7, tmp_path)
    start.step([])
    shared = tmp_path / "autosave-first-contact-seed7.json"
    one = Session.from_save(shared, tmp_path)
    two = Session.from_save(shared, tmp_path)
    assert one.step([]).save_error == ""
    result = two.step([])
    two.step([])
    moved = tmp_path / "autosave-first-contact-seed7-2.json"
    assert result.autosaved == moved and two.last_autosave == moved
    assert result.save_error == (
        "another game has written autosave-first-contact-seed7.json meanwhile; "
        "this game autosaves to autosave-first-contact-seed7-2.json now"
    )
    assert (read_save(shared).last_turn, read_save(moved).last_turn) == (2, 3)
    one.step([])  # the first goes on where it was
    assert one.last_autosave == shared and read_save(shared).last_turn == 3


def test_a_save_written_by_another_game_meanwhile_is_not_written_over(
    tmp_path: Path, first_contact: LoadedCampaign
) -> None:
    path = tmp_path / "mine.json"
    Session.new(first_contact, 7, tmp_path).save_as(path)
    one = Session.from_save(path, tmp_path)
    two = Session.from_save(path, tmp_path)
    one.step([])
    one.save_as(path)
    two.step([])
    two.step([])
    with pytest.raises(SaveConflict) as refused:
        two.save_as(path)
    assert str(refused.value) == (
        f"{path}: not written: another program has written this file meanwhile, and it is "
        "kept as it is; save this game under another name"
    )
    assert read_save(path).last_turn == 1 and two.unsaved_turns == 2
    one.step([])
    one.save_as(path)  # its own file, as it left it
    two.save_as(tmp_path / "theirs.json")
    assert read_save(path).last_turn == 2 and read_save(tmp_path / "theirs.json").last_turn == 2
