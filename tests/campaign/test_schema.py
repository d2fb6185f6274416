"""`wargame schema` prints a JSON Schema that accepts every good campaign and flags
the same shape faults the loader does, so an editor checking TOML with it agrees
with `wargame validate` on everything but cross-references."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from wargame.cli import app

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
BROKEN = HERE / "broken"
SHIPPED = sorted((ROOT / "campaigns").glob("*.toml"))

# Broken files whose fault is one of shape: the schema must flag each.
SHAPE_FAULTS = [
    "boolean_for_number.toml",
    "date_for_string.toml",
    "empty_name.toml",
    "huge_count.toml",
    "huge_integer.toml",
    "missing_required_field.toml",
    "missing_table.toml",
    "misspelt_key.toml",
    "negative_count.toml",
    "position_of_three_numbers.toml",
    "table_is_a_number.toml",
    "table_is_an_array.toml",
    "unknown_choice.toml",
    "unknown_threat_class_in_pk.toml",
    "wrong_format_version.toml",
    "wrong_type.toml",
    "zero_count.toml",
]
# Broken files of good shape whose fault is a cross-reference: the schema must accept each.
REFERENCE_FAULTS = [
    "decoy_without_mimics.toml",
    "duplicate_names.toml",
    "jammer_leaves_before_it_comes.toml",
    "jammer_without_jammer.toml",
    "loadout_too_large.toml",
    "radar_cannot_guide.toml",
    "raid_after_turn_limit.toml",
    "raid_off_the_map.toml",
    "sead_arm_not_class_arm.toml",
    "unknown_command_post.toml",
    "unknown_launcher_type.toml",
    "unknown_missile.toml",
    "unknown_place.toml",
    "unknown_radar_type.toml",
    "unknown_target.toml",
    "unknown_threat_type.toml",
]


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0, result.output
    loaded: dict[str, Any] = json.loads(result.stdout)
    return loaded


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema)


def _document(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text("utf-8"))


def _errors(validator: Draft202012Validator, document: dict[str, Any]) -> list[str]:
    return [
        f"{'.'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(document)
    ]


def test_the_schema_is_a_valid_draft_2020_12_json_schema(schema: dict[str, Any]) -> None:
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"]


def test_the_schema_forbids_unknown_keys_in_every_table(schema: dict[str, Any]) -> None:
    tables = [schema, *schema["$defs"].values()]
    for table in tables:
        if table.get("type") == "object" and "properties" in table:
            assert table.get("additionalProperties") is False, table.get("title")


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_the_schema_accepts_a_shipped_campaign(validator: Draft202012Validator, path: Path) -> None:
    assert _errors(validator, _document(path)) == []


def test_the_schema_accepts_the_minimal_campaign(validator: Draft202012Validator) -> None:
    assert _errors(validator, _document(HERE / "minimal.toml")) == []


def test_the_schema_flags_a_misspelt_field(validator: Draft202012Validator) -> None:
    document = _document(SHIPPED[0])
    document["meta"]["titel"] = document["meta"].pop("title")
    errors = _errors(validator, document)
    assert any(e.startswith("meta: ") and "'titel' was unexpected" in e for e in errors), errors
    assert any(e.startswith("meta: ") and "'title' is a required property" in e for e in errors)


def test_the_schema_flags_a_wrong_type(validator: Draft202012Validator) -> None:
    document = _document(SHIPPED[0])
    document["red"]["raids"][0]["count"] = "four"
    assert _errors(validator, document) == ["red.raids.0.count: 'four' is not of type 'integer'"]


@pytest.mark.parametrize("file_name", SHAPE_FAULTS)
def test_the_schema_flags_a_fault_of_shape_as_the_loader_does(
    validator: Draft202012Validator, file_name: str
) -> None:
    assert _errors(validator, _document(BROKEN / file_name)) != []


@pytest.mark.parametrize("file_name", REFERENCE_FAULTS)
def test_the_schema_accepts_a_file_whose_only_fault_is_a_reference(
    validator: Draft202012Validator, file_name: str
) -> None:
    assert _errors(validator, _document(BROKEN / file_name)) == []
