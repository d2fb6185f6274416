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
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictStr

from wargame.campaign.problems import TagWords
from wargame.engine import MAX_SALVO, Action, Doctrine, Emission, Order, Weapons

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
