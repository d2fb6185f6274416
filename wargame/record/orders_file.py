"""Orders files: the player's orders for headless play, in TOML or JSON.

The same records as the orders inside a save, checked by the same schema
(`order_entry`), so a save's orders can be copied out, edited into a what-if and
played again:

    [[orders]]
    turn = 3
    unit = "FU Alpha"
    action = "emission"
    setting = "off"

A JSON file holds `{"orders": [...]}` with the same fields. The shape is checked
here (one line per problem, with the file, line where known and field path);
whether an order can be carried out is the engine's call, made during play.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from wargame.campaign.loader import MAX_FILE_BYTES
from wargame.campaign.locate import LineFinder
from wargame.campaign.reading import read_text, suggest
from wargame.engine.orders import ACTIONS, DOCTRINES, EMISSION, WEAPONS, Order
from wargame.errors import OrdersError, Problem
from wargame.record.order_entry import OrderEntry, dotted


class OrdersDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")
    orders: list[OrderEntry] = []


_NEEDS = {
    "emission": ("setting", EMISSION),
    "weapons": ("setting", WEAPONS),
    "doctrine": ("setting", DOCTRINES),
}


def load_orders(path: str | Path) -> list[Order]:
    """Read an orders file (.toml or .json); raise `OrdersError` naming every problem."""
    path = Path(path)
    text = read_text(path, OrdersError, MAX_FILE_BYTES)
    return parse_orders(text, str(path), json_format=path.suffix.lower() == ".json")


def parse_orders(text: str, name: str, *, json_format: bool = False) -> list[Order]:
    lines: LineFinder | None = None
    try:
        if json_format:
            document = json.loads(text)
        else:
            document = tomllib.loads(text)
            lines = LineFinder(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        kind = "JSON" if json_format else "TOML"
        raise OrdersError(Problem(name, f"not valid {kind}: {exc}")) from None
    except RecursionError:
        raise OrdersError(Problem(name, "nested too deeply")) from None
    try:
        parsed = OrdersDocument.model_validate(document)
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and "[" in p))
            path = dotted(loc)
            message = str(error["msg"])
            if error["type"] == "extra_forbidden":
                key = str(loc[-1])
                message = f"unknown key '{key}'{suggest(key, OrderEntry.model_fields)}"
            elif error["type"] == "missing":
                message = "missing required field"
            elif "position" in loc:
                loc = loc[: loc.index("position") + 1]
                path = dotted(loc)
                message = "expected [x_km, y_km]: two numbers, kilometres east and north"
            elif not loc:
                message = (
                    'expected an object with an "orders" list'
                    if json_format
                    else "expected [[orders]] tables"
                )
            elif error["type"] == "literal_error":
                given = str(error.get("input"))
                choices = ", ".join(ACTIONS)
                message = f"unknown action '{given}'{suggest(given, ACTIONS)}; one of {choices}"
            else:
                message = message[:1].lower() + message[1:]
            line = lines.line_of(loc, missing=error["type"] == "missing") if lines else None
            problems.append(Problem(name, message, path, line))
        raise OrdersError(problems) from None
    problems = []
    for i, entry in enumerate(parsed.orders):
        for key, why in _missing_fields(entry):
            where: tuple[str | int, ...] = ("orders", i, key)
            problems.append(
                Problem(
                    name,
                    why,
                    dotted(where),
                    lines.line_of(where) or lines.line_of(("orders", i)) if lines else None,
                )
            )
    if problems:
        raise OrdersError(problems)
    return [Order.from_dict(entry.model_dump(exclude_none=True)) for entry in parsed.orders]


_FIELDS = {
    "salvo": ("salvo",),
    "reserve": ("missile", "count", "threat_class"),
    "engage": ("track",),
    "relocate": ("position",),
}
"""The fields each action needs besides turn, unit and action."""


def _missing_fields(entry: OrderEntry) -> list[tuple[str, str]]:
    """(key, why) for each field the order's action needs and lacks or gets wrong."""
    need = _NEEDS.get(entry.action)
    if need is not None:
        key, choices = need
        if getattr(entry, key) not in choices:
            return [(key, f"{entry.action} needs {key} = one of {', '.join(choices)}")]
        return []
    return [
        (key, f"an order to {entry.action} needs '{key}'")
        for key in _FIELDS.get(entry.action, ())
        if getattr(entry, key) is None
    ]


def orders_by_turn(orders: list[Order]) -> dict[int, list[Order]]:
    by_turn: dict[int, list[Order]] = {}
    for order in orders:
        by_turn.setdefault(order.turn, []).append(order)
    return by_turn
