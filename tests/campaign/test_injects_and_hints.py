"""Injects and hints in the campaign file: every fault gets its one line (file, line, field),
and the JSON Schema editors read describes both tables.

Each case is `minimal.toml` with a table added at its end; the line numbers were
checked by eye against the joined text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wargame.campaign import parse_campaign
from wargame.campaign.jsonschema import campaign_json_schema
from wargame.errors import CampaignError

MINIMAL = (Path(__file__).parent / "minimal.toml").read_text(encoding="utf-8")

CASES = {
    "unknown_unit": """
[[injects]]
name = "Fault"
when = { turn = 3 }
kind = "radar_failure"
unit = "Big Brd"
turns = 2
""",
    "missing_turns": """
[[injects]]
name = "Fault"
when = { turn = 3 }
kind = "radar_failure"
unit = "FU Alpha"
""",
    "two_conditions": """
[[injects]]
name = "Fault"
when = { turn = 3, units_lost = 1 }
kind = "link_cut"
command_post = "HQ"
""",
    "wrong_kind": """
[[injects]]
name = "Fault"
when = { turn = 3 }
kind = "radar_fail"
unit = "FU Alpha"
turns = 2
""",
    "priority_unknown_asset": """
[[injects]]
name = "New orders"
when = { turn = 3 }
kind = "asset_priority"
asset = "Depot 3"
priority = 3
""",
    "priority_zero": """
[[injects]]
name = "New orders"
when = { turn = 3 }
kind = "asset_priority"
asset = "Depot 2"
priority = 0
""",
    "extra_key": """
[[injects]]
name = "Cut"
when = { turn = 3 }
kind = "link_cut"
command_post = "HQ"
rounds = 4
""",
    "popup_turn1": """
[[red.raids]]
name = "Later"
turn = 1
threat = "Subsonic cruise missile"
count = 1
origin = [0, 40]
target = "Depot 2"

[[injects]]
name = "Pop"
when = { asset_hit = "Depot 2" }
kind = "popup_raid"
raid = "Later"
""",
    "hint_bad_class": """
[[hints]]
when = { first_track = "cruise" }
text = "Fire!"
""",
    "hint_after_limit": """
[[hints]]
when = { turn = 30 }
text = "Late."
""",
    "hint_unknown_asset": """
[[hints]]
when = { asset_hit = "Depot 3" }
text = "Hit."
""",
}

EXPECTED = {
    "unknown_unit": [":45: injects[0].unit: unknown radar or fire unit 'Big Brd'"],
    "missing_turns": [":41: injects[0].turns: missing required key (kind radar_failure needs it)"],
    "two_conditions": [
        ":43: injects[0].when: give exactly one of turn, tracks, first_track, units_lost, "
        "asset_hit, rounds_below (got turn, units_lost)"
    ],
    "wrong_kind": [
        ":44: injects[0].kind: expected 'radar_failure', 'link_cut', 'popup_raid', "
        "'resupply' or 'asset_priority', got 'radar_fail' (did you mean 'radar_failure'?)"
    ],
    "extra_key": [":46: injects[0].rounds: kind link_cut takes no rounds"],
    "priority_unknown_asset": [
        ":45: injects[0].asset: unknown asset 'Depot 3' (did you mean 'Depot 2'?)"
    ],
    "priority_zero": [":46: injects[0].priority: must be more than 0, got 0"],
    "popup_turn1": [
        ":43: red.raids[1].turn: raid 'Later' pops up by injects[0], so it cannot enter on "
        "turn 1: give it turn 2 or later (it enters when the inject fires)"
    ],
    "hint_bad_class": [
        ":42: hints[0].when.first_track: expected 'fighter', 'bomber', 'awacs', "
        "'cruise_missile', 'ballistic_missile', 'drone', 'decoy' or 'arm', got 'cruise' "
        "(did you mean 'cruise_missile'?)"
    ],
    "hint_after_limit": [
        ":42: hints[0].when.turn: turn 30 is after the turn limit 20 (clock.turn_limit)"
    ],
    "hint_unknown_asset": [
        ":42: hints[0].when.asset_hit: unknown asset 'Depot 3' (did you mean 'Depot 2'?)"
    ],
}


def test_every_case_has_its_expected_lines() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_faulty_inject_or_hint_gets_exactly_its_lines(case: str) -> None:
    with pytest.raises(CampaignError) as caught:
        parse_campaign(MINIMAL + CASES[case], "c.toml")
    assert [str(p) for p in caught.value.problems] == [f"c.toml{line}" for line in EXPECTED[case]]


def test_good_injects_and_hints_load() -> None:
    loaded = parse_campaign(
        MINIMAL
        + """
[[injects]]
name = "Convoy"
when = { rounds_below = 4, fire_unit = "FU Alpha", missile = "48N6-class" }
kind = "resupply"
fire_unit = "FU Alpha"
missile = "48N6-class"
rounds = 8
message = "A convoy reaches the battery."

[[hints]]
when = { first_track = "cruise_missile" }
text = "A cruise missile: select it with t, then press f."
turns = 3
""",
        "c.toml",
    )
    assert [i.kind for i in loaded.campaign.injects] == ["resupply"]
    assert loaded.campaign.hints[0].when.condition == "first_track"


def test_the_json_schema_describes_injects_and_hints_for_a_campaign_author() -> None:
    schema = campaign_json_schema()
    assert {"injects", "hints"} <= set(schema["properties"])
    inject = schema["$defs"]["Inject"]["properties"]
    assert "radar_failure" in inject["kind"]["description"]
    when = schema["$defs"]["When"]["properties"]
    assert set(when) == {
        "turn",
        "tracks",
        "first_track",
        "units_lost",
        "asset_hit",
        "rounds_below",
        "fire_unit",
        "missile",
    }
    assert all(field.get("description") for field in when.values())
