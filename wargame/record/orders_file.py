"""Orders files: the player's orders for headless play, in TOML or JSON.

The same records as the orders inside a save, checked by the same schema
(`order_entry`: a model per action), so a save's orders can be copied out, edited
into a what-if and played again:

    [[orders]]
    turn = 3
    unit = "FU Alpha"
    action = "relocate"
    position = "Aldmouth"      # or [x_km, y_km]

Standing orders, rules the engine applies on the blue picture, are a second list
(`order_entry`: a model per kind):

    [[standing]]
    kind = "emcon"             # emcon, hold_fire, weapon, keep, scoot
    units = ["FU Alpha"]       # left out: every unit
    from = 1                   # optional; `until` too
    range_km = 40
    turns = 3

A JSON file holds `{"orders": [...], "standing": [...]}` with the same fields. The shape is checked
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
from wargame.engine import Order, StandingOrder
from wargame.errors import OrdersError, Problem
from wargame.record.order_entry import ORDER_WORDS, STANDING_WORDS, OrderRecord, StandingRecord


class OrdersDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")
    orders: list[OrderRecord] = []
    standing: list[StandingRecord] = []


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
        words = {**ORDER_WORDS, **STANDING_WORDS}
        found = schema_problems(errors, OrdersDocument, document, dialect, words)
        raise OrdersError([problem(p.path, p.message, p.missing) for p in found]) from None
    entries = parsed.orders
    rules = parsed.standing
    if campaign is not None:
        named = [*_names_unknown(entries, campaign), *_standing_names_unknown(rules, campaign)]
        if named:
            raise OrdersError([problem(path, message) for path, message in named])
        entries = [_placed(entry, campaign) for entry in entries]
        rules = [_sites_placed(rule, campaign) for rule in rules]
    for i, entry in enumerate(entries):
        if isinstance(entry.position, str):
            raise OrdersError(
                problem(
                    ("orders", i, "position"),
                    f"the place {shown(entry.position)} is known only with its campaign: "
                    "give [x_km, y_km]",
                )
            )
    for i, rule in enumerate(rules):
        sites: list[Any] = getattr(rule, "sites", [])
        named_site = next((s for s in sites if isinstance(s, str)), None)
        if named_site is not None:
            at = sites.index(named_site)
            raise OrdersError(
                problem(
                    ("standing", i, "sites", at),
                    f"the place {shown(named_site)} is known only with its campaign: "
                    "give [x_km, y_km]",
                )
            )
    # A standing order is given on the turn it takes effect.
    return [entry.order() for entry in entries] + [Order.standing(r.rule()) for r in rules]


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


def _standing_names_unknown(
    rules: list[Any], campaign: LoadedCampaign
) -> Iterator[tuple[PathKey, str]]:
    """(path, why) for each name a standing order gives that the campaign does not have."""
    blue = campaign.campaign.blue
    units = [r.name for r in blue.radars] + [u.name for u in blue.fire_units]
    fire_units = [u.name for u in blue.fire_units]
    missiles = list(campaign.catalogue.missiles)
    classes = [str(c) for c in ThreatClass]
    places = [p.name for p in campaign.campaign.map.places]
    for i, rule in enumerate(rules):
        where: PathKey = ("standing", i)
        # Fire rules, rounds kept and shoot and scoot are for units with weapons.
        armed = rule.kind != "emcon"
        for k, unit in enumerate(rule.units):
            if unit not in units:
                near = suggest(unit, units)
                yield (*where, "units", k), f"unknown unit {shown(unit)}{near}"
            elif armed and unit not in fire_units:
                yield (
                    (*where, "units", k),
                    f"{shown(unit)} is a radar without weapons: a {rule.kind} order is for "
                    "fire units",
                )
        missile = getattr(rule, "missile", None)
        if missile is not None and missile not in missiles:
            near = suggest(missile, missiles)
            yield (*where, "missile"), f"unknown missile type {shown(missile)}{near}"
        elif missile is not None:
            # A weapon order for a type none of its units carries would mean "never fire".
            given = rule.units or tuple(fire_units)
            carriers = [u.name for u in blue.fire_units if u.name in given and missile in u.loadout]
            if not carriers:
                which = "none of its units" if rule.units else "no fire unit of the campaign"
                yield (*where, "missile"), f"{which} carries {shown(missile)}"
        threat_class = getattr(rule, "threat_class", None)
        if threat_class is not None and threat_class not in classes:
            near = suggest(threat_class, classes)
            listed = ", ".join(classes)
            yield (
                (*where, "threat_class"),
                f"unknown threat class {shown(threat_class)}{near}; one of {listed}",
            )
        for k, site in enumerate(getattr(rule, "sites", ())):
            if isinstance(site, str) and site not in places:
                near = suggest(site, places)
                yield (*where, "sites", k), f"unknown place {shown(site)}{near}"


def _sites_placed(rule: Any, campaign: LoadedCampaign) -> Any:
    """The rule with each site given by a place's name made its position in km."""
    sites = getattr(rule, "sites", None)
    if not sites or not any(isinstance(s, str) for s in sites):
        return rule
    placed = [campaign.place(s) if isinstance(s, str) else s for s in sites]
    return rule.model_copy(update={"sites": placed})


def standing_document(rules: list[StandingOrder]) -> str:
    """Standing orders as the `[[standing]]` tables of an orders file (positions in km)."""
    blocks = []
    for rule in rules:
        lines = ["[[standing]]"]
        for key, value in rule.to_dict().items():
            lines.append(f"{key} = {json.dumps(value)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def standing_of(orders: list[Order]) -> list[StandingOrder]:
    """The standing orders among `orders`, the last given of each rule (`StandingOrder.key`)
    taking the place of earlier ones, and none that ended before it began."""
    merged: dict[StandingOrder, StandingOrder] = {}
    for order in orders:
        if order.action == "standing" and order.rule is not None:
            merged[order.rule.key] = order.rule  # (in the place the rule was first given)
    return [r for r in merged.values() if r.until_turn is None or r.until_turn >= r.from_turn]


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


def standing_from_fields(fields: dict[str, Any], campaign: LoadedCampaign) -> StandingOrder:
    """One standing order from the fields of a form (as an orders file's table holds them),
    checked as an orders file's are; `OrdersError` with one line a problem otherwise."""
    text = json.dumps({"standing": [fields]})
    orders = parse_orders(text, "standing order", json_format=True, campaign=campaign)
    rule = orders[0].rule
    assert rule is not None
    return rule
