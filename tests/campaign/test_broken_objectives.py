"""Every kind of broken objective or rubric gets its exact line: file, true line, path, and
what is wrong, in the words of the rest of the format.

Each file in `broken_objectives/` is `minimal.toml` with objectives or a rubric added (its
first line says what is wrong); the line numbers were checked by eye against the files.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from wargame.campaign import load_campaign
from wargame.errors import CampaignError

BROKEN = Path(__file__).parent / "broken_objectives"

EXPECTED: dict[str, str] = {
    "unknown_kind.toml": (
        ":42: objectives[0].kind: expected 'asset_kept', 'rounds_fired', 'money_spent', "
        "'radars_lost', 'fire_units_lost', 'ballistic_engaged', 'aircraft_destroyed' or "
        "'leakers', got 'asset_kep' (did you mean 'asset_kept'?)"
    ),
    # A missing key is placed at its table, as elsewhere in the format.
    "missing_share.toml": (
        ":41: objectives[0].share: missing required key (kind asset_kept needs it)"
    ),
    "unknown_asset.toml": (
        ":43: objectives[0].asset: unknown asset 'Depot 3' (did you mean 'Depot 2'?)"
    ),
    "field_of_another_kind.toml": ":44: objectives[0].raid: kind rounds_fired takes no raid",
    "raid_of_missiles.toml": (
        ":43: objectives[0].raid: raid 'Probe' flies no aircraft (its threats are of class "
        "cruise_missile)"
    ),
    "unknown_raid.toml": ":43: objectives[0].raid: unknown raid 'Prob' (did you mean 'Probe'?)",
    "negative_weight.toml": ":43: objectives[0].weight: must be more than 0, got -1",
    "share_above_one.toml": ":44: objectives[0].share: must be at most 1, got 1.5",
    "unknown_class.toml": (
        ":43: objectives[0].threat_class: expected 'fighter', 'bomber', 'awacs', "
        "'cruise_missile', 'ballistic_missile', 'drone', 'decoy' or 'arm', got 'cruise' "
        "(did you mean 'cruise_missile'?)"
    ),
    "rubric_out_of_order.toml": ":43: rubric.b: b 0.85 is above a 0.8",
    "marginal_above_victory.toml": ":43: rubric.marginal: marginal 0.6 is above victory 0.5",
}


def test_every_broken_file_has_its_expected_line() -> None:
    assert sorted(p.name for p in BROKEN.glob("*.toml")) == sorted(EXPECTED)


@pytest.mark.parametrize("file_name", sorted(EXPECTED))
def test_a_broken_objective_is_one_line_naming_file_line_and_field(file_name: str) -> None:
    path = BROKEN / file_name
    with pytest.raises(CampaignError) as caught:
        load_campaign(path)
    assert [str(p) for p in caught.value.problems] == [f"{path}{EXPECTED[file_name]}"]


@pytest.mark.parametrize(
    ("file_name", "complaint"),
    [
        ("missing_share.toml", "'share' is a required property"),
        ("field_of_another_kind.toml", "False schema does not allow 'Probe'"),
    ],
)
def test_the_json_schema_asks_each_kind_for_its_own_fields(file_name: str, complaint: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from wargame.campaign.jsonschema import campaign_json_schema

    validator = jsonschema.Draft202012Validator(campaign_json_schema())
    shipped = tomllib.loads((BROKEN.parents[2] / "campaigns" / "first-contact.toml").read_text())
    assert list(validator.iter_errors(shipped)) == []
    broken = tomllib.loads((BROKEN / file_name).read_text(encoding="utf-8"))
    assert [e.message for e in validator.iter_errors(broken)] == [complaint]
