"""Orders files: the player's orders for headless play, in TOML or JSON.

The same records as the orders inside a save, checked by the same schema
(`order_entry`: a model per action), so a save's orders can be copied out, edited
into a what-if and played again:

    [[orders]]
    turn = 3
    unit = "FU Alpha"
    action = "relocate"
    position = "Aldmouth"      # or [x_km, y_km]

A JSON file holds `{"orders": [...]}` with the same fields. The shape is checked
here (one line per problem, with the file, line where known and field path, in the
words every file's errors use: `campaign.problems`). Given the campaign, so are the
names: each unit, missile type, threat class and place must be one it has, and a
place's name becomes its position. Whether an order can be carried out when its
turn comes is the engine's call, made during play.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from wargame.campaign import LoadedCampaign, ThreatClass
from wargame.campaign.loader import MAX_FILE_BYTES
from wargame.campaign.locate import LineFinder, PathKey
from wargame.campaign.problems import JSON, TOML, schema_problems
from wargame.campaign.reading import dotted, read_text, shown, suggest
from wargame.engine import Order
from wargame.errors import OrdersError, Problem
from wargame.record.order_entry import ORDER_WORDS, OrderRecord


class OrdersDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")
    orders: list[OrderRecord] = []


def load_orders(path: str | Path, campaign: LoadedCampaign | None = None) -> list[Order]:
    """Read an orders file (.toml or .json); raise `OrdersError` naming every problem.
    Given the campaign the orders are for, their names are checked against it too, so
    that a mistyped unit or place is refused before the first turn."""
    path = Path(path)
    text = read_text(path, OrdersError, MAX_FILE_BYTES)
    json_format = path.suffix.lower() == ".json"
    return parse_orders(text, str(path), json_format=json_format, campaign=campaign)


def parse_orders(
    text: str, name: str, *, json_format: bool = False, campaign: LoadedCampaign | None = None
) -> list[Order]:
    """The orders in an orders file's text (`name` is what messages call the file)."""
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

    def problem(path: PathKey, message: str, missing: bool = False) -> Problem:
        line = lines.line_of(path, missing=missing) if lines else None
        return Problem(name, message, dotted(path), line)

    if not isinstance(document, dict):
        expected = 'an object with an "orders" list' if json_format else "[[orders]] tables"
        raise OrdersError(Problem(name, f"expected {expected}"))
    try:
        parsed = OrdersDocument.model_validate(document)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        dialect = JSON if json_format else TOML
        found = schema_problems(errors, OrdersDocument, document, dialect, ORDER_WORDS)
        raise OrdersError([problem(p.path, p.message, p.missing) for p in found]) from None
    entries = parsed.orders
    if campaign is not None:
        named = list(_names_unknown(entries, campaign))
        if named:
            raise OrdersError([problem(path, message) for path, message in named])
        entries = [_placed(entry, campaign) for entry in entries]
    for i, entry in enumerate(entries):
        if isinstance(entry.position, str):
            raise OrdersError(
                problem(
                    ("orders", i, "position"),
                    f"the place {shown(entry.position)} is known only with its campaign: "
                    "give [x_km, y_km]",
                )
            )
    return [entry.order() for entry in entries]


def _names_unknown(entries: list[Any], campaign: LoadedCampaign) -> Iterator[tuple[PathKey, str]]:
    """(path, why) for each name an order gives that the campaign does not have."""
    blue = campaign.campaign.blue
    units = [r.name for r in blue.radars] + [u.name for u in blue.fire_units]
    missiles = list(campaign.catalogue.missiles)
    classes = [str(c) for c in ThreatClass]
    places = [p.name for p in campaign.campaign.map.places]
    for i, entry in enumerate(entries):
        where: PathKey = ("orders", i)
        if entry.unit not in units:
            yield (*where, "unit"), f"unknown unit {shown(entry.unit)}{suggest(entry.unit, units)}"
        if entry.missile is not None and entry.missile not in missiles:
            near = suggest(entry.missile, missiles)
            yield (*where, "missile"), f"unknown missile type {shown(entry.missile)}{near}"
        if entry.threat_class is not None and entry.threat_class not in classes:
            near = suggest(entry.threat_class, classes)
            listed = ", ".join(classes)
            yield (
                (*where, "threat_class"),
                f"unknown threat class {shown(entry.threat_class)}{near}; one of {listed}",
            )
        if isinstance(entry.position, str) and entry.position not in places:
            near = suggest(entry.position, places)
            yield (*where, "position"), f"unknown place {shown(entry.position)}{near}"


def _placed(entry: Any, campaign: LoadedCampaign) -> Any:
    """The entry with a place's name made its position in km."""
    if not isinstance(entry.position, str):
        return entry
    return entry.model_copy(update={"position": campaign.place(entry.position)})


def orders_by_turn(orders: list[Order]) -> dict[int, list[Order]]:
    by_turn: dict[int, list[Order]] = {}
    for order in orders:
        by_turn.setdefault(order.turn, []).append(order)
    return by_turn
