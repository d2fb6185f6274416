"""The schema of one order record, shared by orders files and saves: a model per action.

An order is written the same way wherever it is kept (see `wargame.engine.orders`):
the turn, the unit, the action, and the fields that action takes. Each action's model
says which of them it needs and what they may hold; `OrderRecord` is the union of
them, told apart by `action`. Numbers are read strictly (no "3" for 3, no 3.0 or
true for a whole number) in a file a person wrote as in a save the game wrote.
Whether an order can be carried out is the engine's call; whether it names units,
missiles and places the campaign has is `orders_file.check_orders`'s.

A field another action takes is accepted and left unused, as it always was: a save
of an orders file that carried one still loads.

Standing orders (`StandingRecord`, a model per kind told apart by `kind`) are the
second list of the same files: rules the engine applies on the blue picture, for
some units or all, from a turn (`from`) and until one (`until`) if given. Each kind
takes its own fields and no other.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictStr, model_validator

from wargame.campaign.problems import TagWords
from wargame.engine import (
    MAX_SALVO,
    Action,
    Doctrine,
    Emission,
    Order,
    StandingKind,
    StandingOrder,
    Weapons,
)

Whole = Annotated[int, Field(strict=True)]
_Float = Annotated[float, Field(strict=True)]
# (The pair is not strict: JSON has arrays, not tuples. Its numbers are.)
Position = Annotated[tuple[_Float, _Float], Field(strict=False)] | StrictStr
"""[x_km, y_km], or the name of a place on the campaign's map."""
Salvo = Annotated[Whole, Field(ge=0, le=MAX_SALVO)]
Count = Annotated[Whole, Field(ge=0, le=100_000)]
Track = Annotated[Whole, Field(ge=1)]


class _Order(BaseModel):
    """What every order has, and every field some action takes (unused by the others)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    turn: Annotated[Whole, Field(ge=1, le=100_000)]
    """The turn the order is given on."""
    action: Action
    unit: Annotated[StrictStr, Field(min_length=1, max_length=80)]
    """A fire unit or radar, by name."""
    setting: StrictStr | None = None
    salvo: Salvo | None = None
    missile: StrictStr | None = None
    count: Count | None = None
    threat_class: StrictStr | None = None
    track: Track | None = None
    position: Position | None = None

    def order(self) -> Order:
        """The engine's order (a position given by a place's name must be resolved first)."""
        if isinstance(self.position, str):
            raise ValueError(f"the place {self.position!r} is not resolved")
        return Order(
            turn=self.turn,
            unit=self.unit,
            action=self.action,
            setting=self.setting,
            salvo=self.salvo,
            missile=self.missile,
            count=self.count,
            threat_class=self.threat_class,
            track=self.track,
            position=self.position,
        )


class EmissionOrder(_Order):
    """Radar on or off."""

    action: Literal["emission"]
    setting: Emission


class WeaponsOrder(_Order):
    """Weapons control: hold, tight (fire at hostiles only) or free."""

    action: Literal["weapons"]
    setting: Weapons


class DoctrineOrder(_Order):
    """Auto, shoot-look-shoot (sls) or shoot-shoot (ss)."""

    action: Literal["doctrine"]
    setting: Doctrine


class SalvoOrder(_Order):
    """Rounds per engagement, 1 to MAX_SALVO (0 restores the default)."""

    action: Literal["salvo"]
    salvo: Salvo


class ReserveOrder(_Order):
    """Rounds of a missile type kept back for a threat class."""

    action: Literal["reserve"]
    missile: StrictStr
    count: Count
    threat_class: StrictStr


class EngageOrder(_Order):
    """Fire at a track, with a missile type and a salvo if given."""

    action: Literal["engage"]
    track: Track


class RelocateOrder(_Order):
    """March to a new site: [x_km, y_km] or a place's name."""

    action: Literal["relocate"]
    position: Position


OrderRecord = Annotated[
    EmissionOrder
    | WeaponsOrder
    | SalvoOrder
    | DoctrineOrder
    | ReserveOrder
    | EngageOrder
    | RelocateOrder,
    Field(discriminator="action"),
]
"""One order as a file or a save holds it (the members in the order of `ACTIONS`)."""
ORDER_WORDS = {"action": TagWords("action", "an order to {tag} needs '{key}'")}
"""How the error lines speak of an order's action."""


# ------------------------------------------------------------------ standing orders

Turn = Annotated[Whole, Field(ge=1, le=100_000)]
Km = Annotated[_Float | Whole, Field(ge=0, le=10_000)]
"""A distance in km (a whole number is taken as one)."""
UnitName = Annotated[StrictStr, Field(min_length=1, max_length=80)]


class _Standing(BaseModel):
    """What every standing order has: its kind, the units it is for (none: all), its turns."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, populate_by_name=True)

    kind: StandingKind
    units: list[UnitName] = []
    """Fire units or radars by name; left out (or empty), every unit."""
    from_turn: Turn = Field(default=1, alias="from")
    """The first turn it acts on (1 if left out)."""
    until: Turn | None = None
    """The last turn it acts on (to the end if left out)."""

    @model_validator(mode="after")
    def _turns_in_order(self) -> _Standing:
        if self.until is not None and self.until < self.from_turn:
            raise ValueError(f"'until' ({self.until}) comes before 'from' ({self.from_turn})")
        return self

    def rule(self) -> StandingOrder:
        """The engine's standing order (sites given by a place's name must be resolved first)."""
        data = self.model_dump(exclude_none=True, exclude={"from_turn", "until", "units"})
        sites = data.pop("sites", ())
        if any(isinstance(site, str) for site in sites):
            raise ValueError("the sites are not resolved")
        range_km = data.pop("range_km", None)
        return StandingOrder(
            units=tuple(self.units),
            from_turn=self.from_turn,
            until_turn=self.until,
            range_km=None if range_km is None else float(range_km),
            sites=tuple((float(x), float(y)) for x, y in sites),
            **data,
        )


class EmconStanding(_Standing):
    """A radar goes silent for `turns` turns when an anti-radiation missile track is
    reported within `range_km` of it."""

    kind: Literal["emcon"]
    range_km: Km
    turns: Annotated[Whole, Field(ge=1, le=1000)]


class HoldFireStanding(_Standing):
    """Automatic fire holds at a class unless its track is within `range_km` of a defended
    asset."""

    kind: Literal["hold_fire"]
    threat_class: StrictStr
    range_km: Km


class WeaponStanding(_Standing):
    """At a class, automatic fire uses only `missile`, and fires `salvo` rounds (either or both)."""

    kind: Literal["weapon"]
    threat_class: StrictStr
    missile: StrictStr | None = None
    salvo: Annotated[Whole, Field(ge=1, le=MAX_SALVO)] | None = None

    @model_validator(mode="after")
    def _says_something(self) -> WeaponStanding:
        if self.missile is None and self.salvo is None:
            raise ValueError("a weapon order needs 'missile', 'salvo' or both")
        return self


class KeepStanding(_Standing):
    """`count` rounds of `missile` kept for `threat_class` alone, from its first turn."""

    kind: Literal["keep"]
    missile: StrictStr
    count: Count
    threat_class: StrictStr


class ScootStanding(_Standing):
    """Shoot and scoot: after `salvos` salvos from a site, the unit moves to the next of
    `sites` ([x_km, y_km] or a place's name each)."""

    kind: Literal["scoot"]
    salvos: Annotated[Whole, Field(ge=1, le=1000)]
    sites: Annotated[list[Position], Field(min_length=1, max_length=20)]


StandingRecord = Annotated[
    EmconStanding | HoldFireStanding | WeaponStanding | KeepStanding | ScootStanding,
    Field(discriminator="kind"),
]
"""One standing order as a file or a save holds it (the members in the order of
`STANDING_KINDS`)."""
STANDING_WORDS = {"kind": TagWords("standing order kind", "the {tag} order needs '{key}'")}
"""How the error lines speak of a standing order's kind."""
