"""The schema of one order record, shared by orders files and saves.

An order is written the same way wherever it is kept (see `wargame.engine.orders`):
`OrderEntry` checks a record's keys, types and ranges for an orders file a person
wrote; `SavedOrder` is the same record read strictly, as the game wrote it into a
save (no "3" for 3). Whether an order can be carried out is the engine's call.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from wargame.engine.orders import MAX_SALVO


class OrderEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    # Whole numbers are whole numbers even in a file a person wrote: not true, "7" or 7.0.
    turn: Annotated[int, Field(ge=1, le=100_000, strict=True)]
    """The turn the order is given on."""
    unit: Annotated[str, Field(min_length=1, max_length=80)]
    """A fire unit or radar, by name."""
    action: Literal["emission", "weapons", "salvo", "doctrine", "reserve", "engage", "relocate"]
    setting: str | None = None
    salvo: Annotated[int, Field(ge=0, le=MAX_SALVO, strict=True)] | None = None
    missile: str | None = None
    count: Annotated[int, Field(ge=0, le=100_000, strict=True)] | None = None
    threat_class: str | None = None
    track: Annotated[int, Field(ge=1, strict=True)] | None = None
    # (The pair is not strict even in a save: JSON has arrays, not tuples. Its numbers are.)
    position: (
        Annotated[
            tuple[Annotated[float, Field(strict=True)], Annotated[float, Field(strict=True)]],
            Field(strict=False),
        ]
        | None
    ) = None


class SavedOrder(OrderEntry):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, strict=True)


def dotted(loc: tuple[str | int, ...]) -> str:
    """A field path as the error lines give it: turns[2].orders[0].action."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
