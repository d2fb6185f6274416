"""The JSON Schema of the campaign format, for editors that check TOML with it
(Taplo, VS Code's Even Better TOML)."""

from __future__ import annotations

from typing import Any

from wargame.campaign.schema import Campaign

SCHEMA_ID = "https://wargame.invalid/schema/campaign-1.json"


def campaign_json_schema() -> dict[str, Any]:
    schema = Campaign.model_json_schema(by_alias=True, mode="validation")
    # pydantic leaves `additionalProperties` implicit only for free-form tables;
    # with extra="forbid" it is already false on every model.
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }
