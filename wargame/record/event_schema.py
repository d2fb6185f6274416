"""The schema of a save's events: one pydantic model per event kind, told apart by `kind`.

The models are made from the engine's event dataclasses (`wargame.engine.events`), so
an event's fields are declared once, there; this module only says how strictly a
save's JSON is read into them: true/false for a bool (never 1), a whole number of
64 bits for an int (never 1.5 or true), a finite number for a float (a whole one
too), a string for a string, an array for a tuple, one of the choices for a
Literal. `EventRecord` is the union a save's turn holds; `event_of` turns one back
into the engine's event. Called by `record.format`.
"""

from __future__ import annotations

import dataclasses
import typing
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, create_model

from wargame.engine.events import KINDS, Event

INT64 = 2**63 - 1
"""The largest whole number a save's event may hold (what numpy's int64 holds)."""
LARGEST = 1e300
"""Larger figures than any game makes; beyond a float's range they cannot be reported."""

_Int = Annotated[StrictInt, Field(ge=-INT64, le=INT64)]
_Float = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=-LARGEST, le=LARGEST)]


def _read_as(annotation: Any) -> Any:
    """The pydantic type a save's value of an event field is read as."""
    simple = {bool: StrictBool, int: _Int, float: _Float, str: StrictStr}
    if annotation in simple:
        return simple[annotation]
    if get_origin(annotation) is Literal:
        return annotation
    args = get_args(annotation)
    if get_origin(annotation) is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            inner: Any = tuple[_read_as(args[0]), ...]  # type: ignore[misc]
        else:
            inner = tuple[tuple(_read_as(a) for a in args)]  # type: ignore[misc]
        # JSON has arrays, not tuples: an array is read as one (its values strictly).
        return Annotated[inner, Field(strict=False)]
    raise TypeError(f"no save schema for an event field of type {annotation!r}")


def _model(cls: type[Event]) -> type[BaseModel]:
    hints = typing.get_type_hints(cls)
    fields: dict[str, Any] = {"kind": (Literal[cls.kind], ...)}
    for f in dataclasses.fields(cls):
        default = ... if f.default is dataclasses.MISSING else f.default
        fields[f.name] = (_read_as(hints[f.name]), default)
    return create_model(
        f"{cls.__name__}Record",
        __config__=ConfigDict(extra="forbid", strict=True),
        **fields,
    )


MODELS: dict[str, type[BaseModel]] = {kind: _model(cls) for kind, cls in KINDS.items()}
if TYPE_CHECKING:  # the union is made at run time; to a type checker, a model
    EventRecord = BaseModel
else:
    EventRecord = Annotated[Union[tuple(MODELS.values())], Field(discriminator="kind")]  # noqa: UP007
    """One event as a save holds it: `{"turn": 3, "kind": "leaker", ...}`."""


def event_of(record: BaseModel) -> Event:
    """The engine's event a validated record holds."""
    values = record.model_dump()  # tuples stay tuples, nested ones too
    return KINDS[values.pop("kind")](**values)
