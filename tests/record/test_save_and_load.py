"""A save written and read back is the same game, byte for byte, and replays as one."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from tests.record.helpers import event_lines, play
from wargame import RULES_VERSION
from wargame.campaign import LoadedCampaign
from wargame.engine import Game, Order
from wargame.errors import SaveError
from wargame.record import (
    FORMAT_VERSION,
    Record,
    Recorder,
    autosave,
    branch,
    free_autosave_path,
    load_save,
    play_on,
    read_save,
    write_save,
)


def test_a_save_reloads_with_the_same_events_byte_for_byte(
    tmp_path: Path, ordered_game: Record
) -> None:
    path = tmp_path / "game.json"
    write_save(ordered_game, path)
    loaded = load_save(path)
    assert event_lines(loaded.record) == event_lines(ordered_game)
    assert loaded.record == ordered_game


def test_a_reloaded_save_replays_to_the_same_events_as_a_fresh_game(
    tmp_path: Path, first_contact: LoadedCampaign, game: Record
) -> None:
    path = tmp_path / "game.json"
    write_save(game, path)
    record = load_save(path).record
    fresh = Game.new(first_contact, record.seed)
    events = [fresh.started_event()]
    for turn in record.turns[1:]:
        events.extend(fresh.step(list(turn.orders)))
    assert [e.to_dict() for e in events] == [e.to_dict() for e in record.events()]


def test_a_save_records_the_format_rules_campaign_seed_player_and_every_turn(
    tmp_path: Path, ordered_game: Record, first_contact: LoadedCampaign
) -> None:
    path = tmp_path / "game.json"
    write_save(ordered_game, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == "wargame-save"
    assert doc["format_version"] == FORMAT_VERSION
    assert doc["rules_version"] == RULES_VERSION
    assert doc["seed"] == 7 and doc["player"] == "Tester"
    assert doc["campaign"]["source"] == first_contact.source
    assert doc["campaign"]["sha256"] == first_contact.digest
    assert [t["turn"] for t in doc["turns"]] == list(range(ordered_game.last_turn + 1))
    assert doc["turns"][0]["events"][0]["kind"] == "game_started"
    assert doc["turns"][7]["orders"] == [
        {"turn": 7, "unit": "FU Charlie", "action": "weapons", "setting": "tight"}
    ]


def test_a_verified_save_says_ok_under_todays_rules(save_file: Path) -> None:
    loaded = load_save(save_file)
    assert loaded.verification.ok and loaded.verification.same_rules
    assert loaded.verification.describe("game.json").startswith("game.json: OK:")


def test_a_game_resumed_from_a_save_plays_on_exactly_as_the_original(
    tmp_path: Path, game: Record
) -> None:
    from wargame.record import branch

    path = tmp_path / "half.json"
    write_save(branch(game, 12), path)
    recorder = Recorder.from_record(load_save(path).record)
    assert recorder.game.turn == 12
    while not recorder.game.over:
        recorder.step([])
    assert event_lines(recorder.record) == event_lines(game)
    assert recorder.record.digest == game.digest


def test_autosave_writes_the_campaigns_autosave_file_and_replaces_it_each_turn(
    tmp_path: Path, first_contact: LoadedCampaign
) -> None:
    recorder = Recorder.new(first_contact, 3, "Ada")
    folder = tmp_path / "saves"
    for _ in range(3):
        recorder.step([])
        path = autosave(recorder.record, folder)
    assert path == folder / "autosave-first-contact-seed3.json"
    assert read_save(path).last_turn == 3
    assert [p.name for p in folder.iterdir()] == ["autosave-first-contact-seed3.json"]


def test_every_kind_of_order_survives_a_save(tmp_path: Path, first_contact: LoadedCampaign) -> None:
    # Saves read their orders with the orders-file schema, strictly: a position is a JSON
    # array, a reserve names its class, an engagement its track.
    orders = {
        2: [
            Order(2, "FU Bravo", "salvo", salvo=3),
            Order(2, "FU Bravo", "reserve", missile="48N6-class", count=4, threat_class="fighter"),
            Order(2, "FU Charlie", "relocate", position=(150.5, 120.0)),
        ],
        7: [Order(7, "FU Alpha", "engage", track=1, missile="48N6-class", salvo=2)],
    }
    record = play(first_contact, 7, orders)
    path = tmp_path / "game.json"
    write_save(record, path)
    loaded = load_save(path).record
    assert loaded == record
    assert [o for t in loaded.turns for o in t.orders] == [*orders[2], *orders[7]]


def test_a_new_game_of_the_same_campaign_and_seed_keeps_the_last_one_s_autosave(
    tmp_path: Path, first_contact: LoadedCampaign
) -> None:
    folder = tmp_path / "saves"
    first = Recorder.new(first_contact, 3, "Ada")
    for _ in range(3):
        first.step([])
    kept = autosave(first.record, path=free_autosave_path(first.record, folder))
    second = Recorder.new(first_contact, 3, "Ada")
    second.step([])
    path = free_autosave_path(second.record, folder)
    assert path == folder / "autosave-first-contact-seed3-2.json"
    autosave(second.record, path=path)
    assert read_save(kept).last_turn == 3
    assert read_save(path).last_turn == 1
    assert free_autosave_path(second.record, folder).name == "autosave-first-contact-seed3-3.json"


class TestOrdersWaitingForTheNextTurn:
    """A save made mid-turn holds the orders given for the next turn; no digest covers
    them, and replays and verification leave them aside."""

    def _saved(self, tmp_path: Path, loaded: LoadedCampaign, pending: tuple[Order, ...]) -> Path:
        recorder = Recorder.new(loaded, 7)
        for _ in range(3):
            recorder.step([])
        record = replace(recorder.record, pending_orders=pending)
        path = tmp_path / "mid-turn.json"
        write_save(record, path)
        return path

    def test_they_are_read_back_and_verify_leaves_them_aside(
        self, tmp_path: Path, first_contact: LoadedCampaign
    ) -> None:
        pending = (
            Order(4, "FU Alpha", "emission", setting="off"),
            Order(4, "FU Bravo", "engage", track=1, salvo=2),
        )
        path = self._saved(tmp_path, first_contact, pending)
        assert json.loads(path.read_text())["pending_orders"] == [o.to_dict() for o in pending]
        save = load_save(path)  # verified: re-simulated and digests checked
        assert save.record.pending_orders == pending

    def test_a_save_without_them_has_no_such_key(
        self, tmp_path: Path, first_contact: LoadedCampaign
    ) -> None:
        path = self._saved(tmp_path, first_contact, ())
        assert "pending_orders" not in json.loads(path.read_text())

    def test_one_for_another_turn_is_named(
        self, tmp_path: Path, first_contact: LoadedCampaign
    ) -> None:
        path = self._saved(tmp_path, first_contact, (Order(4, "FU Alpha", "salvo", salvo=2),))
        path.write_text(path.read_text().replace('"turn": 4', '"turn": 9'))
        with pytest.raises(SaveError) as caught:
            read_save(path)
        assert str(caught.value) == (
            f"{path}: pending_orders[0].turn: an order waiting for the next turn must be for "
            "turn 4, not turn 9"
        )

    def test_a_branch_keeps_them_only_when_cut_after_the_last_turn(
        self, tmp_path: Path, first_contact: LoadedCampaign
    ) -> None:
        pending = (Order(4, "FU Alpha", "salvo", salvo=2),)
        record = read_save(self._saved(tmp_path, first_contact, pending))
        assert branch(record, 3).pending_orders == pending
        assert branch(record, 2).pending_orders == ()


def test_playing_a_save_on_gives_its_waiting_orders_first(
    tmp_path: Path, first_contact: LoadedCampaign
) -> None:
    """A save made mid-turn, played on (`wargame branch --orders`): the orders it holds for
    its next turn are carried out on that turn, before the orders file's own."""
    recorder = Recorder.new(first_contact, 7)
    for _ in range(3):
        recorder.step([])
    waiting = (Order(4, "FU Alpha", "emission", setting="off"),)
    record = replace(recorder.record, pending_orders=waiting)
    later = {4: [Order(4, "FU Bravo", "salvo", salvo=3)]}
    played = play_on(record, later, last_turn=5)
    assert played.turns[4].orders == (*waiting, *later[4])
    assert not played.pending_orders


def test_an_order_for_the_same_thing_takes_the_place_of_a_waiting_one(
    first_contact: LoadedCampaign,
) -> None:
    """The orders file repeats the waiting engagement: one salvo, not two. A save played
    on for no turn keeps its waiting orders."""
    recorder = Recorder.new(first_contact, 7)
    for _ in range(3):
        recorder.step([])
    engage = Order(4, "FU Alpha", "engage", track=1, missile="48N6-class")
    waiting = (engage, Order(4, "FU Alpha", "emission", setting="on"))
    record = replace(recorder.record, pending_orders=waiting)
    played = play_on(record, {4: [engage]}, last_turn=4)
    assert played.turns[4].orders == (waiting[1], engage)
    assert play_on(record, {}, last_turn=3).pending_orders == waiting


def test_an_order_s_key_is_what_it_sets() -> None:
    assert Order(1, "A", "engage", track=3).key != Order(1, "A", "engage", track=4).key
    assert (
        Order(1, "A", "reserve", missile="48N6-class", count=2, threat_class="drone").key
        != Order(1, "A", "reserve", missile="40N6-class", count=2, threat_class="drone").key
    )
    assert (
        Order(1, "A", "weapons", setting="hold").key == Order(1, "A", "weapons", setting="free").key
    )
