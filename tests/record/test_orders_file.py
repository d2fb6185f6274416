"""Orders files and saves share one schema and one way of reading: a model per action,
the campaign's names checked before play, every error on one line, every file capped."""

from __future__ import annotations

import json
import typing
from pathlib import Path

import pytest

from tests.record.helpers import read_doc, write_doc
from wargame.campaign import LoadedCampaign
from wargame.engine.orders import ACTIONS, STANDING_KINDS, Order
from wargame.errors import OrdersError, SaveError
from wargame.record import format as save_format
from wargame.record import load_save, orders_file
from wargame.record.order_entry import OrderRecord, StandingRecord
from wargame.record.orders_file import parse_orders


def _lines(text: str, campaign: LoadedCampaign | None = None, *, json_format: bool = False):
    with pytest.raises(OrdersError) as caught:
        parse_orders(text, "plan.toml", json_format=json_format, campaign=campaign)
    return [str(p) for p in caught.value.problems]


def test_each_action_has_one_model_in_the_engines_order() -> None:
    # A standing order is written in a list of its own, a model per kind.
    members = typing.get_args(typing.get_args(OrderRecord)[0])
    timed = tuple(a for a in ACTIONS if a != "standing")
    assert tuple(m.model_fields["action"].annotation.__args__[0] for m in members) == timed


def test_each_standing_order_kind_has_one_model_in_the_engines_order() -> None:
    members = typing.get_args(typing.get_args(StandingRecord)[0])
    kinds = tuple(m.model_fields["kind"].annotation.__args__[0] for m in members)
    assert kinds == STANDING_KINDS


def test_names_the_campaign_lacks_are_refused_with_their_lines(
    first_contact: LoadedCampaign,
) -> None:
    text = (
        '[[orders]]\nturn = 1\nunit = "FU Alpa"\naction = "emission"\nsetting = "off"\n\n'
        '[[orders]]\nturn = 2\nunit = "FU Bravo"\naction = "reserve"\nmissile = "48N7-class"\n'
        'count = 2\nthreat_class = "fightr"\n\n'
        '[[orders]]\nturn = 3\nunit = "FU Bravo"\naction = "relocate"\nposition = "Aldmuth"\n'
    )
    assert _lines(text, first_contact) == [
        "plan.toml:3: orders[0].unit: unknown unit 'FU Alpa' (did you mean 'FU Alpha'?)",
        "plan.toml:11: orders[1].missile: unknown missile type '48N7-class' "
        "(did you mean '48N6-class'?)",
        "plan.toml:13: orders[1].threat_class: unknown threat class 'fightr' (did you mean "
        "'fighter'?); one of fighter, bomber, awacs, cruise_missile, ballistic_missile, drone, "
        "decoy, arm",
        "plan.toml:19: orders[2].position: unknown place 'Aldmuth' (did you mean 'Aldmouth'?)",
    ]


def test_a_place_named_becomes_its_position_as_in_a_campaign(
    first_contact: LoadedCampaign,
) -> None:
    text = '[[orders]]\nturn = 4\nunit = "FU Charlie"\naction = "relocate"\nposition = "Aldmouth"\n'
    # Aldmouth stands at [310, 180] in First Contact.
    assert parse_orders(text, "plan.toml", campaign=first_contact) == [
        Order(4, "FU Charlie", "relocate", position=(310.0, 180.0))
    ]


def test_a_place_named_without_the_campaign_is_refused_on_its_line() -> None:
    text = '[[orders]]\nturn = 4\nunit = "FU Charlie"\naction = "relocate"\nposition = "Aldmouth"\n'
    assert _lines(text) == [
        "plan.toml:5: orders[0].position: the place 'Aldmouth' is known only with its "
        "campaign: give [x_km, y_km]"
    ]


def test_a_value_for_an_action_is_checked_against_that_actions_choices() -> None:
    text = '[[orders]]\nturn = 1\nunit = "FU Alpha"\naction = "weapons"\nsetting = "fre"\n'
    assert _lines(text) == [
        "plan.toml:5: orders[0].setting: expected 'hold', 'tight' or 'free', got 'fre' "
        "(did you mean 'free'?)"
    ]


@pytest.mark.parametrize("json_format", [False, True])
def test_an_action_with_a_line_break_stays_on_one_line(json_format: bool) -> None:
    order = {"turn": 1, "unit": "FU Alpha", "action": "fire\nnow"}
    text = (
        json.dumps({"orders": [order]})
        if json_format
        else '[[orders]]\nturn = 1\nunit = "FU Alpha"\naction = "fire\\nnow"\n'
    )
    line = "" if json_format else ":4"
    (shown,) = _lines(text, json_format=json_format)
    assert shown == (
        f"plan.toml{line}: orders[0].action: unknown action 'fire\\nnow'; one of emission, "
        "weapons, salvo, doctrine, reserve, engage, relocate"
    )


def test_a_key_with_a_line_break_stays_on_one_line() -> None:
    (shown,) = _lines(
        '[[orders]]\nturn = 1\nunit = "FU Alpha"\naction = "salvo"\nsalvo = 2\n"sal\\nvo" = 3\n'
    )
    assert "\n" not in shown
    assert (
        shown
        == "plan.toml:6: orders[0].\"sal\\nvo\": unknown key 'sal\\nvo' (did you mean 'salvo'?)"
    )


def test_an_event_kind_with_a_line_break_in_a_save_stays_on_one_line(save_file: Path) -> None:
    doc = read_doc(save_file)
    doc["turns"][2]["events"].append({"turn": 2, "kind": "alien\nlanding"})
    write_doc(save_file, doc)
    with pytest.raises(SaveError) as caught:
        load_save(save_file)
    assert str(caught.value) == (
        f"{save_file}: turns[2].events[1].kind: unknown event kind 'alien\\nlanding'"
    )


def test_a_save_holds_positions_in_km_not_place_names(save_file: Path) -> None:
    doc = read_doc(save_file)
    doc["turns"][3]["orders"].append(
        {"turn": 3, "unit": "FU Charlie", "action": "relocate", "position": "Aldmouth"}
    )
    write_doc(save_file, doc)
    with pytest.raises(SaveError) as caught:
        load_save(save_file)
    assert str(caught.value) == (
        f'{save_file}: turns[3].orders[1].position: expected [x_km, y_km], got "Aldmouth" '
        "(a save gives positions in km; a place's name is for orders files)"
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_save_read_from_a_device_that_never_ends_is_refused_at_the_cap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(save_format, "MAX_SAVE_BYTES", 1000)
    with pytest.raises(SaveError) as caught:
        load_save("/dev/zero")
    assert str(caught.value) == "/dev/zero: file is too large (more than 1000 bytes)"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_orders_file_read_from_a_device_that_never_ends_is_refused_at_the_cap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(orders_file, "MAX_FILE_BYTES", 1000)
    with pytest.raises(OrdersError) as caught:
        orders_file.load_orders("/dev/zero")
    assert str(caught.value) == "/dev/zero: file is too large (more than 1000 bytes)"


def test_a_save_over_the_cap_is_refused_unread(
    save_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(save_format, "MAX_SAVE_BYTES", 100)
    with pytest.raises(SaveError) as caught:
        load_save(save_file)
    assert str(caught.value) == f"{save_file}: file is too large (more than 100 bytes)"
