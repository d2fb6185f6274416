"""The save file: a `Record` of one game, and its versioned JSON form.

A save holds everything needed to play a game again and to prove it was
played as recorded:

    {
      "format": "wargame-save",
      "format_version": 1,
      "rules_version": "1.3",          # wargame.RULES_VERSION that recorded it
      "wargame_version": "0.1.0",
      "player": "Ada",
      "seed": 7,
      "campaign": {"name": "first-contact.toml", "sha256": "…", "source": "<TOML text>"},
      "pending_orders": [<Order.to_dict()>…],   # only in a save made mid-turn
      "standing": [<StandingOrder.to_dict()>…], # only in a save with standing orders
      "turns": [
        {"turn": 0, "digest": "…", "orders": [], "events": [<GameStarted>]},
        {"turn": 1, "digest": "…", "orders": [<Order.to_dict()>…], "events": [<Event.to_dict()>…]},
        …
      ]
    }

Turn 0 holds the GameStarted event. `pending_orders` are the orders given for
the next turn and not yet carried out when the save was made; playing on from
the save starts with them. No digest covers them, and a replay ignores them:
they are not yet part of the game. `standing` holds the standing orders of the
game as an orders file writes them (`from`, `until`); in the `Record` each is an
order of its turn `from` (or waiting, if that turn is the next), as the engine took
it, and one ended in play is the rule with its `until`. Each turn's digest is
sha256(previous digest + canonical JSON of the turn's events), the chain
starting from the campaign's SHA-256, so no event, turn or campaign can change
without breaking every digest after it. Canonical JSON is
`json.dumps(events, sort_keys=True, separators=(",", ":"))`.

This module owns the shape: `dumps_record` writes it, `parse_save` reads it
back (one-line errors naming the file and the field, in the words every file's
errors use: `campaign.problems`); an order is checked by the orders files' schema
(`order_entry`), an event by the events' (`event_schema`). Checking the digests and
re-simulating is `verify.py`'s job.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from wargame import RULES_VERSION, __version__
from wargame.campaign.problems import JSON, TagWords, schema_problems
from wargame.campaign.reading import dotted, read_text
from wargame.engine import MAX_SEED, Order, StandingOrder
from wargame.engine.events import Event, GameOver, GameStarted
from wargame.errors import Problem, SaveError
from wargame.record.event_schema import EventRecord, event_of
from wargame.record.order_entry import ORDER_WORDS, OrderRecord, StandingRecord
from wargame.record.orders_file import standing_of

FORMAT = "wargame-save"
FORMAT_VERSION = 1
"""Version of the save file layout (not of the rules: see `wargame.RULES_VERSION`)."""
MAX_SAVE_BYTES = 200_000_000
_NUMBER_TAIL = re.compile(r"[-+.eE0-9]+")


class SaveMismatch(SaveError):
    """A save reads well but does not verify: altered by hand, or recorded under other rules."""

    exit_code = 1


PLAYER_MAX = 80
"""The longest player name a save holds (`--player` refuses longer)."""


@dataclass(frozen=True)
class TurnRecord:
    """One turn of a save: the orders given, the events that followed, the chained digest."""

    turn: int
    orders: tuple[Order, ...]
    events: tuple[Event, ...]
    digest: str
    stored: str | None = dataclasses.field(default=None, compare=False)
    """For a turn read from a save: its events' canonical JSON as the file held them. The
    digest covers that, and a rewrite keeps it, so a save stays whole when an event has
    gained a field since it was written (None: the events as they serialise today)."""

    def events_json(self) -> str:
        """The canonical JSON the digest covers."""
        return self.stored if self.stored is not None else canonical_json(self.events)


@dataclass(frozen=True)
class Record:
    """A whole game as saved. `turns[0]` is the start (the GameStarted event, no orders)."""

    player: str
    seed: int
    campaign_name: str
    """The campaign's file name (no folder), for messages and autosave names."""
    campaign_source: str
    campaign_sha256: str
    turns: tuple[TurnRecord, ...]
    pending_orders: tuple[Order, ...] = ()
    """Orders for the next turn, given and not yet carried out (a save made mid-turn)."""
    rules_version: str = RULES_VERSION
    wargame_version: str = __version__
    format_version: int = FORMAT_VERSION

    @property
    def started(self) -> GameStarted:
        event = self.turns[0].events[0]
        assert isinstance(event, GameStarted)
        return event

    @property
    def last_turn(self) -> int:
        """The last turn played (0 if none)."""
        return self.turns[-1].turn

    @property
    def digest(self) -> str:
        """The digest of the last turn: it vouches for the whole game."""
        return self.turns[-1].digest

    @property
    def over(self) -> bool:
        return any(isinstance(e, GameOver) for e in self.turns[-1].events)

    def events(self) -> list[Event]:
        """Every event of the game, GameStarted first."""
        return [e for t in self.turns for e in t.events]

    def campaign_score_weights(self) -> tuple[float, ...]:
        """The scoring weights of the campaign it embeds, read straight from its TOML (it
        may be of other rules): for a game of rules that did not record them. Each one
        missing, or not a number, is the scoring's default, 1."""
        try:
            scoring = tomllib.loads(self.campaign_source).get("scoring", {})
        except (tomllib.TOMLDecodeError, RecursionError):
            scoring = {}
        if not isinstance(scoring, dict):
            scoring = {}
        keys = ("threat_cost_destroyed", "interceptor_cost", "asset_value_lost", "radar_lost")
        return tuple(
            float(v) if isinstance(v, int | float) and not isinstance(v, bool) else 1.0
            for v in (scoring.get(k, 1.0) for k in keys)
        )

    def orders(self) -> list[Order]:
        return [o for t in self.turns for o in t.orders]

    def standing(self) -> list[StandingOrder]:
        """The standing orders given in the game and waiting, each as it stands last (one
        ended in play with its `until`), in the order they were first given."""
        return standing_of([*self.orders(), *self.pending_orders])


# ------------------------------------------------------------------ digests


def canonical(data: Any) -> str:
    """JSON data as the digests see it: sorted keys, no spaces."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"))


def canonical_json(events: Sequence[Event]) -> str:
    """The bytes the digest covers: the events' canonical JSON."""
    return canonical([e.to_dict() for e in events])


def turn_digest(previous: str, events: Sequence[Event] | str) -> str:
    """sha256(previous digest + canonical JSON of this turn's events), hex; `events` may be
    that JSON already."""
    text = events if isinstance(events, str) else canonical_json(events)
    return hashlib.sha256((previous + text).encode("utf-8")).hexdigest()


def digest_chain(campaign_sha256: str, turns: Sequence[Sequence[Event]]) -> Iterator[str]:
    """The digest of each turn in order, the chain anchored on the campaign's SHA-256."""
    previous = campaign_sha256
    for events in turns:
        previous = turn_digest(previous, events)
        yield previous


# ------------------------------------------------------------------ writing


def _timed(orders: Sequence[Order]) -> list[dict[str, Any]]:
    """The orders of a turn but its standing orders (the save lists those apart)."""
    return [o.to_dict() for o in orders if o.action != "standing"]


def record_document(record: Record) -> dict[str, Any]:
    """The save as plain JSON data."""
    waiting = _timed(record.pending_orders)
    pending = {"pending_orders": waiting} if waiting else {}
    rules = record.standing()
    if rules:
        pending["standing"] = [rule.to_dict() for rule in rules]
    return {
        "format": FORMAT,
        "format_version": record.format_version,
        "rules_version": record.rules_version,
        "wargame_version": record.wargame_version,
        "player": record.player,
        "seed": record.seed,
        "campaign": {
            "name": record.campaign_name,
            "sha256": record.campaign_sha256,
            "source": record.campaign_source,
        },
        **pending,
        "turns": [
            {
                "turn": t.turn,
                "digest": t.digest,
                "orders": _timed(t.orders),
                "events": (
                    json.loads(t.stored)
                    if t.stored is not None
                    else [e.to_dict() for e in t.events]
                ),
            }
            for t in record.turns
        ],
    }


def dumps_record(record: Record) -> str:
    """The save's JSON text: one event a line, so that a save reads (and diffs) well."""
    document = record_document(record)
    turns = document.pop("turns")
    lines = ["{"]
    for key, value in document.items():
        lines.append(f"  {json.dumps(key)}: {json.dumps(value)},")
    lines.append('  "turns": [')
    for i, turn in enumerate(turns):
        head = (
            f'    {{"turn": {turn["turn"]}, "digest": {json.dumps(turn["digest"])}, '
            f'"orders": {json.dumps(turn["orders"])}, "events": ['
        )
        events = [f"      {json.dumps(e)}" for e in turn["events"]]
        tail = "]}" + ("," if i < len(turns) - 1 else "")
        if events:
            lines.append(head)
            lines.append(",\n".join(events))
            lines.append("    " + tail)
        else:
            lines.append(head + tail)
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ reading


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class _CampaignModel(_Strict):
    name: str
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    source: str


class _TurnModel(_Strict):
    turn: Annotated[int, Field(ge=0)]
    digest: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    orders: list[OrderRecord]
    events: list[EventRecord]


class _SaveModel(_Strict):
    format: Literal["wargame-save"]
    format_version: int
    rules_version: str
    wargame_version: str
    player: str
    seed: Annotated[int, Field(ge=0, le=MAX_SEED)]
    campaign: _CampaignModel
    pending_orders: list[OrderRecord] = []
    standing: list[StandingRecord] = []
    turns: Annotated[list[_TurnModel], Field(min_length=1)]


def read_save_text(path: str | Path) -> str:
    """The text of a save file, or `SaveError` naming the file and what stops reading it."""
    return read_text(Path(path), SaveError, MAX_SAVE_BYTES, "a save file")


def parse_save(text: str, name: str) -> Record:
    """Check a save's shape and rebuild its `Record`; digests are not checked here."""
    document = _json(text, name)
    if not isinstance(document, dict):
        raise SaveError(
            Problem(
                name, f"not a wargame save: the file holds a JSON {_kind(document)}, not an object"
            )
        )
    if document.get("format") != FORMAT:
        raise SaveError(Problem(name, f'not a wargame save: no "format": "{FORMAT}"'))
    version = document.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise SaveError(Problem(name, "missing, or not a whole number", "format_version"))
    if version > FORMAT_VERSION:
        raise SaveError(
            Problem(
                name,
                f"save format {version} is newer than this wargame reads (up to {FORMAT_VERSION}); "
                "update wargame to open it",
                "format_version",
            )
        )
    if version < 1:
        raise SaveError(Problem(name, f"unknown save format {version}", "format_version"))
    try:
        model = _SaveModel.model_validate(document)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        found = schema_problems(errors, _SaveModel, document, JSON, _WORDS)
        raise SaveError([Problem(name, p.message, dotted(p.path)) for p in found]) from None
    except RecursionError:
        raise SaveError(Problem(name, "not a wargame save: nested too deeply")) from None
    turns = []
    for i, turn in enumerate(model.turns):
        if turn.turn != i:
            raise SaveError(
                Problem(name, f"expected turn {i}, found turn {turn.turn}", f"turns[{i}].turn")
            )
        events = tuple(event_of(e) for e in turn.events)
        orders = tuple(
            _order(name, f"turns[{i}].orders[{j}]", o) for j, o in enumerate(turn.orders)
        )
        stored = canonical(document["turns"][i]["events"])
        turns.append(TurnRecord(turn.turn, orders, events, turn.digest, stored))
    start = turns[0]
    if start.orders or len(start.events) != 1 or not isinstance(start.events[0], GameStarted):
        raise SaveError(
            Problem(
                name, "turn 0 must hold the game_started event alone, and no orders", "turns[0]"
            )
        )
    if len(model.player) > PLAYER_MAX or not model.player.isprintable():
        raise SaveError(
            Problem(name, f"at most {PLAYER_MAX} printable characters, on one line", "player")
        )
    started = start.events[0]
    if isinstance(started, GameStarted) and len(started.score_weights) not in (0, 4):
        raise SaveError(
            Problem(
                name,
                "four weights, or none (threat cost destroyed, interceptor cost, asset value "
                "lost, radar value lost)",
                "turns[0].events[0].score_weights",
            )
        )
    following = turns[-1].turn + 1
    for k, order in enumerate(model.pending_orders):
        if order.turn != following:
            raise SaveError(
                Problem(
                    name,
                    f"an order waiting for the next turn must be for turn {following}, "
                    f"not turn {order.turn}",
                    f"pending_orders[{k}].turn",
                )
            )
    pending = [_order(name, f"pending_orders[{k}]", o) for k, o in enumerate(model.pending_orders)]
    given: dict[int, list[Order]] = {}
    for k, rule in enumerate(model.standing):
        standing = _standing_order(name, f"standing[{k}]", rule, turns[-1].turn + 1)
        given.setdefault(standing.turn, []).append(standing)
    for number, first in given.items():
        if number == len(turns):
            pending[:0] = first
        else:
            played = turns[number]
            turns[number] = dataclasses.replace(played, orders=(*first, *played.orders))
    return Record(
        player=model.player,
        seed=model.seed,
        campaign_name=model.campaign.name,
        campaign_source=model.campaign.source,
        campaign_sha256=model.campaign.sha256,
        turns=tuple(turns),
        pending_orders=tuple(pending),
        rules_version=model.rules_version,
        wargame_version=model.wargame_version,
        format_version=model.format_version,
    )


def _json(text: str, name: str) -> Any:
    if not text.strip():
        raise SaveError(Problem(name, "the file is empty"))
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if _cut_short(text, exc):
            raise SaveError(
                Problem(
                    name, "truncated: the file ends before the save does (an interrupted write?)"
                )
            ) from None
        if _is_toml(text):
            raise SaveError(
                Problem(
                    name,
                    "not a save: a TOML file (a campaign? 'wargame play' or 'wargame run' "
                    "plays one); saves are JSON",
                )
            ) from None
        raise SaveError(
            Problem(name, f"not valid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno)
        ) from None
    except RecursionError:
        raise SaveError(Problem(name, "not valid JSON: nested too deeply")) from None


def _is_toml(text: str) -> bool:
    try:
        return bool(tomllib.loads(text))
    except (tomllib.TOMLDecodeError, RecursionError):
        return False


def _cut_short(text: str, exc: json.JSONDecodeError) -> bool:
    """Whether the JSON is only unfinished (cut off), rather than wrong where it stops."""
    tail = text[exc.pos :].rstrip()
    return (
        exc.msg.startswith("Unterminated string")
        or any(word.startswith(tail) for word in ("true", "false", "null"))
        or _NUMBER_TAIL.fullmatch(tail) is not None
    )


_WORDS = {
    **ORDER_WORDS,
    "kind": TagWords("event kind", "a {tag} event needs '{key}'", list_choices=False),
}
"""How a save's errors speak of an order's action and an event's kind."""


def _order(name: str, path: str, entry: Any) -> Order:
    if isinstance(entry.position, str):
        raise SaveError(
            Problem(
                name,
                f"expected [x_km, y_km], got {json.dumps(entry.position)} (a save gives "
                "positions in km; a place's name is for orders files)",
                f"{path}.position",
            )
        )
    order: Order = entry.order()
    return order


def _standing_order(name: str, path: str, entry: Any, following: int) -> Order:
    """The order giving a standing order of the save on its first turn (`from`), as the
    engine took it: a turn the save holds, or the next (`following`), where it waits."""
    if any(isinstance(site, str) for site in getattr(entry, "sites", ())):
        raise SaveError(
            Problem(
                name,
                "expected [x_km, y_km] (a save gives positions in km; a place's name is for "
                "orders files)",
                f"{path}.sites",
            )
        )
    order = Order.standing(entry.rule())
    if order.turn > following:
        raise SaveError(
            Problem(
                name,
                f"a standing order from turn {order.turn} in a save whose next turn is {following}",
                f"{path}.from",
            )
        )
    return order


def _kind(value: Any) -> str:
    return {list: "array", str: "string", bool: "boolean", int: "number", float: "number"}.get(
        type(value), "null" if value is None else type(value).__name__
    )
