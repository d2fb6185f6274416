"""Hints: advice the campaign gives the player in play, written as `[[hints]]`.

A hint has a condition (`When`, the injects' own) and a text. It is judged on what
the player's side knows, never on truth: a hint waiting for the first track of a
class waits for a track the radars classify so. In a tutorial (`meta.difficulty`)
they show from the start; in other campaigns a key shows them. The schema
(`Campaign.hints`) takes these models, `check_hints` its
cross-references; the blue view (`wargame.view.hints`) says which hints show.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated

from pydantic import BaseModel, ConfigDict, Field

from wargame.campaign.injects import PathKey, When, check_when

if TYPE_CHECKING:
    from wargame.campaign.schema import Campaign


class Hint(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, allow_inf_nan=False, use_attribute_docstrings=True
    )

    when: When
    """When it shows: `{ turn = 1 }`, `{ tracks = 1 }`, `{ first_track = "cruise_missile" }`,
    `{ units_lost = 1 }`, `{ asset_hit = "Aldmouth port" }` or
    `{ rounds_below = 10, fire_unit = "FU Alpha" }`, as the player's radars and reports
    know it: a track counts as the class the radars give it."""
    text: Annotated[str, Field(min_length=1, max_length=400)]
    """What it says: one or two short sentences, naming the keys to press."""
    turns: Annotated[int, Field(ge=1, le=10_000)] | None = None
    """How many turns it stays shown; by default until the player dismisses it."""


def check_hints(campaign: Campaign, missiles: list[str]) -> Iterator[tuple[PathKey, str]]:
    """Every hint's condition, checked against the campaign; yields (path, why)."""
    for i, hint in enumerate(campaign.hints):
        yield from check_when(hint.when, ("hints", i, "when"), campaign, missiles)
