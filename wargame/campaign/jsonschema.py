"""The JSON Schema of the campaign format, for editors that check TOML with it
(Taplo, VS Code's Even Better TOML)."""

from __future__ import annotations

from typing import Any

from wargame.campaign.objectives import NEEDS, OPTIONAL_FIELDS
from wargame.campaign.schema import Campaign

SCHEMA_ID = "https://wargame.invalid/schema/campaign-1.json"


def campaign_json_schema() -> dict[str, Any]:
    schema = Campaign.model_json_schema(by_alias=True, mode="validation")
    _objective_kinds(schema["$defs"]["Objective"])
    # pydantic leaves `additionalProperties` implicit only for free-form tables;
    # with extra="forbid" it is already false on every model.
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def _objective_kinds(objective: dict[str, Any]) -> None:
    """Each kind of objective needs its own fields and takes no other kind's: what
    `references.check_objectives` says line by line, said to the editor too."""
    objective["allOf"] = [
        {
            "if": {"properties": {"kind": {"const": str(kind)}}, "required": ["kind"]},
            "then": {
                "required": list(needs),
                "properties": {key: False for key in OPTIONAL_FIELDS if key not in needs},
            },
        }
        for kind, needs in NEEDS.items()
    ]
