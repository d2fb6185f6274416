"""Orders files and saves share one schema and one way of reading: a model per action,
the campaign's names checked before play, every error on one line, every file capped."""

from __future__ import annotations

import json
import typing
from pathlib import Path

import pytest

from tests.record.helpers import read_doc, write_doc
from wargame.campaign import LoadedCampaign
from wargame.engine.orders import ACTIONS, STANDING_KINDS, Order, StandingOrder
from wargame.errors import OrdersError, SaveError
from wargame.record import Recorder, load_save, orders_file, write_save
from wargame.record import format as save_format
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
    # Turn 2 of seed 7 holds 17 events (4 false tracks dropped, 6 new ones as a
    # false_track and a track_initiated each, turn_ended): the appended one is events[17].
    assert str(caught.value) == (
        f"{save_file}: turns[2].events[17].kind: unknown event kind 'alien\\nlanding'"
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


# ------------------------------------------------------------------ standing orders

PLAN = """\
[[orders]]
turn = 2
unit = "FU Alpha"
action = "salvo"
salvo = 1

[[standing]]
kind = "emcon"
units = ["FU Alpha"]
range_km = 60
turns = 3

[[standing]]
kind = "scoot"
units = ["FU Bravo"]
from = 4
until = 30
salvos = 2
sites = ["Aldmouth", [200, 100]]
"""


def test_standing_orders_are_given_on_their_first_turn_with_places_made_positions(
    first_contact: LoadedCampaign,
) -> None:
    orders = parse_orders(PLAN, "plan.toml", campaign=first_contact)
    assert orders == [
        Order(2, "FU Alpha", "salvo", salvo=1),
        Order.standing(StandingOrder("emcon", units=("FU Alpha",), range_km=60.0, turns=3)),
        Order.standing(
            StandingOrder(
                "scoot",
                units=("FU Bravo",),
                from_turn=4,
                until_turn=30,
                salvos=2,
                sites=((310.0, 180.0), (200.0, 100.0)),  # Aldmouth stands at [310, 180]
            )
        ),
    ]
    assert [o.turn for o in orders] == [2, 1, 4]


def test_standing_orders_written_out_read_back_the_same(first_contact: LoadedCampaign) -> None:
    rules = [o.rule for o in parse_orders(PLAN, "plan.toml", campaign=first_contact) if o.rule]
    text = orders_file.standing_document(rules)
    assert [o.rule for o in parse_orders(text, "again.toml")] == rules


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            'kind = "emcon"\nunits = ["FU Alpa"]\nrange_km = 40\nturns = 3\n',
            "plan.toml:3: standing[0].units[0]: unknown unit 'FU Alpa' (did you mean 'FU Alpha'?)",
        ),
        (
            'kind = "emcom"\nrange_km = 40\nturns = 3\n',
            "plan.toml:2: standing[0].kind: unknown standing order kind 'emcom' (did you mean "
            "'emcon'?); one of emcon, hold_fire, weapon, keep, scoot",
        ),
        (
            'kind = "emcon"\nrange_km = 40\n',
            "plan.toml:1: standing[0].turns: the emcon order needs 'turns'",
        ),
        (
            'kind = "hold_fire"\nunits = ["Big Bird"]\nthreat_class = "fighter"\nrange_km = 60\n',
            "plan.toml:3: standing[0].units[0]: 'Big Bird' is a radar without weapons: a "
            "hold_fire order is for fire units",
        ),
        (
            'kind = "weapon"\nthreat_class = "drone"\n',
            "plan.toml:1: standing[0]: a weapon order needs 'missile', 'salvo' or both",
        ),
        (
            'kind = "keep"\nfrom = 5\nuntil = 3\nmissile = "48N6-class"\ncount = 2\n'
            'threat_class = "ballistic_missile"\n',
            "plan.toml:1: standing[0]: 'until' (3) comes before 'from' (5)",
        ),
        (
            'kind = "scoot"\nsalvos = 2\nsites = ["Aldmuth", [10, 20]]\n',
            "plan.toml:4: standing[0].sites[0]: unknown place 'Aldmuth' (did you mean 'Aldmouth'?)",
        ),
        (
            'kind = "emcon"\nrange_km = 40\nturns = 3\nsalvo = 2\n',
            "plan.toml:5: standing[0].salvo: unknown key 'salvo' (did you mean 'salvos'?)",
        ),
        (
            'kind = "weapon"\nthreat_class = "drone"\nmissile = "9M69-class"\n',
            "plan.toml:4: standing[0].missile: unknown missile type '9M69-class' "
            "(did you mean '9M96-class'?)",
        ),
    ],
)
def test_a_broken_standing_order_is_one_line_with_its_file_line_and_field(
    first_contact: LoadedCampaign, body: str, expected: str
) -> None:
    assert _lines("[[standing]]\n" + body, first_contact) == [expected]


def test_a_save_with_standing_orders_lists_them_and_replays_byte_equal(
    first_contact: LoadedCampaign, tmp_path: Path
) -> None:
    plan = orders_file.orders_by_turn(parse_orders(PLAN, "plan.toml", campaign=first_contact))
    recorder = Recorder.new(first_contact, 3)
    while not recorder.game.over:
        recorder.step(plan.get(recorder.game.turn + 1, []))
    path = tmp_path / "plan-save.json"
    write_save(recorder.record, path)
    doc = read_doc(path)
    assert [r["kind"] for r in doc["standing"]] == ["emcon", "scoot"]
    assert all(o["action"] != "standing" for t in doc["turns"] for o in t["orders"])
    loaded = load_save(path)
    assert loaded.verification.ok
    again = tmp_path / "again.json"
    write_save(loaded.record, again)
    write_save(load_save(again).record, tmp_path / "third.json")
    assert again.read_bytes() == (tmp_path / "third.json").read_bytes()
    assert loaded.record.standing() == recorder.record.standing()


def test_a_save_without_standing_orders_has_no_standing_list(
    first_contact: LoadedCampaign, tmp_path: Path
) -> None:
    recorder = Recorder.new(first_contact, 3)
    recorder.step([])
    write_save(recorder.record, tmp_path / "plain.json")
    assert "standing" not in read_doc(tmp_path / "plain.json")


def test_a_standing_order_from_after_the_next_turn_is_refused_in_a_save(
    first_contact: LoadedCampaign, tmp_path: Path
) -> None:
    recorder = Recorder.new(first_contact, 3)
    recorder.step([])
    path = tmp_path / "late.json"
    write_save(recorder.record, path)
    doc = read_doc(path)
    doc["standing"] = [{"kind": "emcon", "from": 5, "range_km": 40.0, "turns": 3}]
    write_doc(path, doc)
    with pytest.raises(SaveError) as caught:
        load_save(path)
    assert str(caught.value) == (
        f"{path}: standing[0].from: a standing order from turn 5 in a save whose next turn is 2"
    )


def test_a_weapon_order_for_a_missile_no_unit_carries_is_refused(tmp_path: Path) -> None:
    """It would mean "never fire at that class": said before play, not found by losing."""
    from wargame.campaign import load_campaign
    from wargame.record.orders_file import load_orders

    plan = tmp_path / "plan.toml"
    plan.write_text(
        '[[standing]]\nkind = "weapon"\nthreat_class = "drone"\nmissile = "40N6-class"\n'
        'units = ["FU Bravo"]\nsalvo = 1\n'
    )
    loaded = load_campaign(Path(__file__).parents[2] / "campaigns" / "first-contact.toml")
    assert "40N6-class" not in next(
        u.loadout for u in loaded.campaign.blue.fire_units if u.name == "FU Bravo"
    )
    with pytest.raises(OrdersError) as caught:
        load_orders(plan, loaded)
    assert [str(p) for p in caught.value.problems] == [
        f"{plan}:4: standing[0].missile: none of its units carries '40N6-class'"
    ]


def test_the_readme_s_worked_plan_loads_against_first_contact(tmp_path: Path) -> None:
    import re

    from wargame.campaign import load_campaign
    from wargame.record.orders_file import load_orders

    root = Path(__file__).parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    found = re.search(r"A worked example for First Contact.*?```toml\n(.*?)```", readme, re.S)
    assert found is not None
    plan = tmp_path / "plan.toml"
    plan.write_text(found.group(1), encoding="utf-8")
    orders = load_orders(plan, load_campaign(root / "campaigns" / "first-contact.toml"))
    assert sorted(o.rule.kind for o in orders if o.rule is not None) == [
        "emcon",
        "hold_fire",
        "keep",
        "scoot",
    ]
