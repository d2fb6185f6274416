"""Objectives and the rubric: what a campaign asks of the defence, and how it is graded.

A campaign lists `[[objectives]]`, each of one `kind` with a weight, and a `[rubric]`
that turns the share of the objectives' weight met into a grade (A to F) and an
outcome (victory, marginal, defeat). The schema (`Campaign.objectives`,
`Campaign.rubric`) holds these models; `references.check_objectives` checks what the
schema cannot (the fields each kind needs, the asset or raid it names); the engine
judges them (`wargame.engine.objectives`).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, ValidationInfo, field_validator

from wargame.campaign.schema import MAX_COUNT, Name, ThreatClass, _Model


class ObjectiveKind(StrEnum):
    """What an objective measures."""

    ASSET_KEPT = "asset_kept"
    """`asset` keeps at least `share` of its value."""
    ROUNDS_FIRED = "rounds_fired"
    """At most `at_most` interceptors fired, all types together."""
    MONEY_SPENT = "money_spent"
    """At most `at_most_musd` millions of USD of interceptors fired."""
    RADARS_LOST = "radars_lost"
    """At most `at_most` radars lost (those of `blue.radars`, not the fire units')."""
    FIRE_UNITS_LOST = "fire_units_lost"
    """At most `at_most` fire units lost (their engagement radar destroyed)."""
    BALLISTIC_ENGAGED = "ballistic_engaged"
    """Every ballistic missile that flew was fired at at least once."""
    AIRCRAFT_DESTROYED = "aircraft_destroyed"
    """Every aircraft of the raid named `raid` destroyed (a high-value aircraft)."""
    LEAKERS = "leakers"
    """At most `at_most` threats of `threat_class` reached their target."""


NEEDS: dict[ObjectiveKind, tuple[str, ...]] = {
    ObjectiveKind.ASSET_KEPT: ("asset", "share"),
    ObjectiveKind.ROUNDS_FIRED: ("at_most",),
    ObjectiveKind.MONEY_SPENT: ("at_most_musd",),
    ObjectiveKind.RADARS_LOST: ("at_most",),
    ObjectiveKind.FIRE_UNITS_LOST: ("at_most",),
    ObjectiveKind.BALLISTIC_ENGAGED: (),
    ObjectiveKind.AIRCRAFT_DESTROYED: ("raid",),
    ObjectiveKind.LEAKERS: ("at_most", "threat_class"),
}
"""The fields each kind needs; the others (`asset`, `share`, `at_most`, `at_most_musd`,
`raid`, `threat_class`) must be left out."""

OPTIONAL_FIELDS = ("asset", "share", "at_most", "at_most_musd", "raid", "threat_class")
"""The fields that belong to some kinds only."""


class Objective(_Model):
    """One thing the defence is asked to achieve, with its weight in the grade."""

    kind: ObjectiveKind
    """asset_kept, rounds_fired, money_spent, radars_lost, fire_units_lost,
    ballistic_engaged, aircraft_destroyed or leakers."""
    label: Annotated[str, Field(max_length=120)] = ""
    """How the objective reads in the report and on the screen (by default, from its kind)."""
    weight: Annotated[float, Field(gt=0.0, le=100.0)] = 1.0
    """Its share in the grade: the rubric compares the weight met with the total weight."""
    asset: Name | None = None
    """asset_kept: the defended asset (a name from `blue.assets`)."""
    share: Annotated[float, Field(ge=0.0, le=1.0)] | None = None
    """asset_kept: the least share of the asset's value that must be left standing."""
    at_most: Annotated[int, Field(ge=0, le=MAX_COUNT)] | None = None
    """rounds_fired, radars_lost, fire_units_lost, leakers: the most allowed."""
    at_most_musd: Annotated[float, Field(ge=0.0, le=1e6)] | None = None
    """money_spent: the budget for interceptors, millions of USD."""
    raid: Name | None = None
    """aircraft_destroyed: the raid (a name from `red.raids`) whose aircraft must all fall."""
    threat_class: ThreatClass | None = None
    """leakers: the class counted (fighter, bomber, awacs, cruise_missile,
    ballistic_missile, drone, decoy or arm)."""


class Rubric(_Model):
    """How the share of the objectives' weight met becomes a grade and an outcome."""

    a: Annotated[float, Field(ge=0.0, le=1.0)] = 0.9
    """Least share of the objectives' weight met for grade A."""
    b: Annotated[float, Field(ge=0.0, le=1.0)] = 0.75
    """Least share for grade B (below a)."""
    c: Annotated[float, Field(ge=0.0, le=1.0)] = 0.6
    """Least share for grade C (below b)."""
    d: Annotated[float, Field(ge=0.0, le=1.0)] = 0.4
    """Least share for grade D (below c); under it, F."""
    victory: Annotated[float, Field(ge=0.0, le=1.0)] = 0.75
    """Least share met for a victory (unless the defence collapsed)."""
    marginal: Annotated[float, Field(ge=0.0, le=1.0)] = 0.5
    """Least share met for a marginal result; under it, a defeat."""

    @field_validator("b", "c", "d", "marginal")
    @classmethod
    def _thresholds_fall(cls, value: float, info: ValidationInfo) -> float:
        # Reported at the lower threshold, the later one, so the message has a line.
        above = {"b": "a", "c": "b", "d": "c", "marginal": "victory"}[str(info.field_name)]
        higher = info.data.get(above)  # absent when it was itself refused
        if higher is not None and value > higher:
            raise ValueError(f"{info.field_name} {value:g} is above {above} {higher:g}")
        return value
