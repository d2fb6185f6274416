"""A save edited by hand is caught, naming the first turn that no longer matches."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.record.conftest import ORDERED_TURN
from tests.record.helpers import first_turn_with, play, read_doc, rehash, write_doc
from wargame.campaign import LoadedCampaign
from wargame.errors import SaveError
from wargame.record import Record, SaveMismatch, load_save

RESIMULATION = (
    "events differ from a re-simulation (the save was altered, or recorded under other rules)"
)
DIGEST = "digest mismatch: the turn's events do not match its digest (the save was altered)"


def _load_error(path: Path) -> str:
    with pytest.raises(SaveMismatch) as caught:
        load_save(path)
    assert caught.value.exit_code == 1
    return str(caught.value)


def test_an_edited_order_is_caught_at_its_turn(save_file: Path) -> None:
    doc = read_doc(save_file)
    doc["turns"][ORDERED_TURN]["orders"][0]["setting"] = "hold"
    write_doc(save_file, doc)
    assert _load_error(save_file) == f"{save_file}: turn {ORDERED_TURN}: {RESIMULATION}"


def test_an_added_order_is_caught_at_its_turn(save_file: Path) -> None:
    doc = read_doc(save_file)
    doc["turns"][12]["orders"].append(
        {"turn": 12, "unit": "FU Alpha", "action": "emission", "setting": "off"}
    )
    write_doc(save_file, doc)
    assert _load_error(save_file) == f"{save_file}: turn 12: {RESIMULATION}"


def test_an_edited_event_breaks_its_turns_digest(save_file: Path) -> None:
    doc = read_doc(save_file)
    turn = first_turn_with(doc, "missile_launched")
    event = next(e for e in doc["turns"][turn]["events"] if e["kind"] == "missile_launched")
    event["pk"] = 0.99
    write_doc(save_file, doc)
    assert _load_error(save_file) == f"{save_file}: turn {turn}: {DIGEST}"


def test_an_edited_event_with_its_digests_forged_differs_from_a_re_simulation(
    save_file: Path,
) -> None:
    doc = read_doc(save_file)
    turn = first_turn_with(doc, "intercept_resolved")
    event = next(e for e in doc["turns"][turn]["events"] if e["kind"] == "intercept_resolved")
    event["killed"] = not event["killed"]
    rehash(doc)
    write_doc(save_file, doc)
    assert _load_error(save_file) == f"{save_file}: turn {turn}: {RESIMULATION}"


def test_an_edited_digest_is_caught_at_its_turn(save_file: Path) -> None:
    doc = read_doc(save_file)
    doc["turns"][9]["digest"] = "0" * 64
    write_doc(save_file, doc)
    assert _load_error(save_file) == f"{save_file}: turn 9: {DIGEST}"


def test_a_dropped_turn_breaks_the_chain_where_it_was(save_file: Path) -> None:
    doc = read_doc(save_file)
    del doc["turns"][5]
    for i, turn in enumerate(doc["turns"]):
        turn["turn"] = i
    write_doc(save_file, doc)
    assert _load_error(save_file) == f"{save_file}: turn 5: {DIGEST}"


def test_an_edited_seed_is_caught_at_the_start_of_the_game(save_file: Path) -> None:
    doc = read_doc(save_file)
    doc["seed"] = 8
    write_doc(save_file, doc)
    assert _load_error(save_file) == (
        f"{save_file}: turn 0: the start of the game differs from a re-simulation "
        "(the save was altered, or recorded under other rules)"
    )


def test_a_seed_forged_everywhere_is_caught_at_the_first_turn_the_dice_tell(
    save_file: Path, first_contact: LoadedCampaign, ordered_game: Record
) -> None:
    doc = read_doc(save_file)
    doc["seed"] = 8
    doc["turns"][0]["events"][0]["seed"] = 8
    rehash(doc)
    write_doc(save_file, doc)
    recorded = read_doc(save_file)
    other = play(first_contact, 8, {t.turn: list(t.orders) for t in ordered_game.turns})
    first = next(
        t.turn
        for t in other.turns[1:]
        if [e.to_dict() for e in t.events] != recorded["turns"][t.turn]["events"]
    )
    assert _load_error(save_file) == f"{save_file}: turn {first}: {RESIMULATION}"


def test_an_edited_embedded_campaign_fails_its_sha256(save_file: Path) -> None:
    doc = read_doc(save_file)
    doc["campaign"]["source"] = doc["campaign"]["source"].replace("value = 600", "value = 6000")
    write_doc(save_file, doc)
    assert _load_error(save_file) == (
        f"{save_file}: campaign: digest mismatch: the embedded campaign 'first-contact.toml' "
        "does not match its SHA-256 (the save was altered)"
    )


def test_an_edited_campaign_with_a_new_sha256_breaks_the_chain_at_turn_0(save_file: Path) -> None:
    doc = read_doc(save_file)
    doc["campaign"]["source"] = doc["campaign"]["source"].replace("value = 600", "value = 6000")
    doc["campaign"]["sha256"] = "f" * 64
    rehash(doc, campaign_too=True)
    doc["turns"][0]["digest"] = "0" * 64
    write_doc(save_file, doc)
    assert _load_error(save_file) == f"{save_file}: turn 0: {DIGEST}"


def test_an_edited_campaign_forged_throughout_differs_from_a_re_simulation(save_file: Path) -> None:
    doc = read_doc(save_file)
    doc["campaign"]["source"] = doc["campaign"]["source"].replace("value = 600", "value = 6000")
    rehash(doc, campaign_too=True)
    write_doc(save_file, doc)
    assert "turn 0: the start of the game differs from a re-simulation" in _load_error(save_file)


def test_a_failed_load_leaves_the_file_as_it_was(save_file: Path) -> None:
    doc = read_doc(save_file)
    doc["turns"][9]["digest"] = "0" * 64
    write_doc(save_file, doc)
    before = save_file.read_bytes()
    _load_error(save_file)
    assert save_file.read_bytes() == before
    assert [p.name for p in save_file.parent.iterdir()] == [save_file.name]


def test_an_order_out_of_range_in_a_save_is_named_by_its_field(save_file: Path) -> None:
    # The same order schema as an orders file: a count no engine array can hold is
    # refused when the save is read, before any re-simulation.
    doc = read_doc(save_file)
    doc["turns"][12]["orders"].append(
        {
            "turn": 12,
            "unit": "FU Alpha",
            "action": "reserve",
            "missile": "48N6-class",
            "count": 10**30,
            "threat_class": "fighter",
        }
    )
    write_doc(save_file, doc)
    with pytest.raises(SaveError) as caught:
        load_save(save_file)
    assert not isinstance(caught.value, SaveMismatch)
    assert str(caught.value) == (
        f"{save_file}: turns[12].orders[0].count: must be at most 100000, got {10**30}"
    )
