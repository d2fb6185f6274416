"""Pydantic's validation errors as problem lines: one translation for every file.

A campaign (TOML), an orders file (TOML or JSON) and a save (JSON) are each
checked by a pydantic model; `schema_problems` turns the errors into (field path,
message) pairs in the file's own terms (a TOML author has tables, a JSON one
objects), naming the value found and a near match for a misspelt key or choice.
It walks pydantic's error location alongside the schema, so the tags pydantic
adds for the members of a union (`tuple[float, float]`, an order's action) never
reach the path. Called by the campaign loader, `record.orders_file` and
`record.format`; each adds the line numbers it can know.
"""

from __future__ import annotations

import datetime
import enum
import math
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from wargame.campaign.reading import shown, suggest

PathKey = tuple[str | int, ...]
MISSING: Any = object()
"""What `value_at` gives for a path the document does not hold."""


@dataclass(frozen=True)
class Dialect:
    """The words of one file format."""

    json: bool
    """JSON (objects, null, values written as JSON) rather than TOML (tables, no null)."""

    @property
    def table(self) -> str:
        return "an object" if self.json else "a table"


TOML = Dialect(json=False)
JSON = Dialect(json=True)


@dataclass(frozen=True)
class TagWords:
    """How to speak of the members of a union told apart by one key (an order's action)."""

    unknown: str
    """What the key's value is called: 'action' gives "unknown action 'x'"."""
    needs: str
    """A key a member lacks: "an order to {tag} needs '{key}'"."""
    list_choices: bool = True
    """Whether an unknown value is followed by every choice."""


@dataclass(frozen=True)
class Found:
    """One problem: the path in the document, and what is wrong there."""

    path: PathKey
    message: str
    missing: bool = False
    """The file leaves the key out: its line is that of the table that lacks it."""


def schema_problems(
    errors: list[Any],
    root: Any,
    document: Any,
    dialect: Dialect = TOML,
    tags: Mapping[str, TagWords] | None = None,
) -> Iterator[Found]:
    """Each of pydantic's errors (`exc.errors(include_url=False)`) from validating
    `document` as `root`, in words; an error said once already is not said again."""
    schema = _Schema(root, document, dialect, tags or {})
    seen: set[tuple[PathKey, str]] = set()
    for error in errors:
        found = schema.problem(error)
        if found is not None and (found.path, found.message) not in seen:
            seen.add((found.path, found.message))
            yield found


# ------------------------------------------------------------- the document


def value_at(document: Any, path: PathKey) -> Any:
    """The value at a path, or MISSING."""
    value = document
    for part in path:
        if isinstance(value, dict) and isinstance(part, str):
            if part not in value:
                return MISSING
        elif not (isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value)):
            return MISSING
        value = value[part]
    return value


def describe(value: Any, dialect: Dialect = TOML) -> str:
    """What a value is, for 'got ...'."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        try:
            text = str(value)
        except ValueError:
            return "a huge integer"
        return text if len(text) <= 40 else f"{text[:20]}... ({len(text)} digits)"
    if isinstance(value, str):
        return shown(value, quote='"') if dialect.json else shown(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN" if dialect.json else "nan"
        if math.isinf(value):
            if dialect.json:
                return "Infinity" if value > 0 else "-Infinity"
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, dict):
        return dialect.table
    if isinstance(value, list):
        return "an array"
    if isinstance(value, datetime.datetime):
        return "a date-time"
    if isinstance(value, datetime.date):
        return "a date"
    if isinstance(value, datetime.time):
        return "a time"
    return "null" if dialect.json and value is None else "nothing"


# ------------------------------------------------------- the schema, by path


def unwrap(annotation: Any) -> Any:
    """Strip Annotated[...] and `| None`."""
    while True:
        origin = get_origin(annotation)
        if origin is typing.Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in get_args(annotation) if a is not type(None)]
            if len(members) != 1:
                return annotation
            annotation = members[0]
        else:
            return annotation


def is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def is_union(annotation: Any) -> bool:
    return get_origin(annotation) in (typing.Union, types.UnionType)


def _members(union: Any) -> list[Any]:
    return [unwrap(a) for a in get_args(union) if a is not type(None)]


def _tag_key(members: list[Any]) -> str | None:
    """The key that tells the members of a union of models apart (a Literal in each)."""
    if not members or not all(is_model(m) for m in members):
        return None
    for name, info in members[0].model_fields.items():
        if all(
            name in m.model_fields and get_origin(m.model_fields[name].annotation) is typing.Literal
            for m in members
        ):
            return str(info.alias or name)
    return None


def _tag_of(model: Any, key: str) -> str:
    return str(get_args(field_type(model, key))[0])


def _member(members: list[Any], key: str, tag: Any) -> Any:
    return next((m for m in members if _tag_of(m, key) == tag), None)


def field_type(model: Any, key: str) -> Any:
    for name, info in model.model_fields.items():
        if (info.alias or name) == key:
            return info.annotation
    return None


def step(annotation: Any, part: str | int, value: Any = MISSING) -> Any:
    """The type one step down a path (`value` is the value being stepped into, which tells
    the members of a tagged union apart), or None if the schema has nothing there."""
    annotation = unwrap(annotation)
    if is_union(annotation):
        members = _members(annotation)
        key = _tag_key(members)
        if key is not None:  # a union of models: the one its tag names
            tag = value.get(key, MISSING) if isinstance(value, dict) else MISSING
            chosen = _member(members, key, tag)
            if chosen is None:  # no such member: a key they all have is still known
                shared = [field_type(m, str(part)) for m in members]
                return shared[0] if isinstance(part, str) and None not in shared else None
            annotation = chosen
        elif isinstance(part, int):  # a position: [x, y] or a place name
            annotation = unwrap(next((a for a in members if get_origin(a) is tuple), None))
        else:  # a key of the one table a position may also be (a raid's waypoint)
            annotation = next((m for m in members if is_model(m)), None)
            if annotation is None:
                return None
    if is_model(annotation):
        return field_type(annotation, part) if isinstance(part, str) else None
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is tuple and isinstance(part, int) and args:
        return args[0] if len(args) == 2 and args[1] is Ellipsis else args[min(part, len(args) - 1)]
    if origin is list and isinstance(part, int) and args:
        return args[0]
    if origin is dict and isinstance(part, str) and len(args) == 2:
        return args[1]
    return None


def type_at(root: Any, document: Any, path: PathKey) -> Any:
    """The schema's type at a path of the document, or None."""
    annotation, value = root, document
    for part in path:
        annotation = step(annotation, part, value)
        if annotation is None:
            return None
        value = value_at(value, (part,))
    return annotation


def keys_at(root: Any, document: Any, path: PathKey) -> list[str]:
    """The keys the table at a path may have."""
    annotation = unwrap(type_at(root, document, path))
    if is_model(annotation):
        return [info.alias or name for name, info in annotation.model_fields.items()]
    if is_union(annotation):  # a tagged union whose tag is unknown: any member's keys
        return list(
            dict.fromkeys(
                info.alias or name
                for member in _members(annotation)
                if is_model(member)
                for name, info in member.model_fields.items()
            )
        )
    return []


def expected(annotation: Any, dialect: Dialect = TOML) -> str:
    """What a type takes, in words: 'an integer', '[x_km, y_km] or a place name'."""
    annotation = unwrap(annotation)
    if is_union(annotation):
        if _tag_key(_members(annotation)) is not None:
            return dialect.table
        if any(is_model(m) for m in _members(annotation)):
            return f"[x_km, y_km], a place name or {dialect.table}"
        return "[x_km, y_km] or a place name"
    if get_origin(annotation) is typing.Literal or (
        isinstance(annotation, type) and issubclass(annotation, enum.Enum)
    ):
        return _one_of(choices(annotation), dialect)
    words = {str: "a string", int: "an integer", float: "a number", bool: "true or false"}
    if annotation in words:
        return words[annotation]
    if is_model(annotation) or get_origin(annotation) is dict:
        return dialect.table
    args = get_args(annotation)
    if get_origin(annotation) is tuple and args and args[-1] is not Ellipsis:
        if all(unwrap(a) is float for a in args) and len(args) == 2:
            return "[x_km, y_km]"
        return "[" + ", ".join(expected(a, dialect) for a in args) + "]"
    if get_origin(annotation) in (list, tuple):
        return "an array"
    return "a string, number, boolean, array or table (not a date or time)"


def choices(annotation: Any) -> list[Any]:
    annotation = unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return [member.value for member in annotation]
    if get_origin(annotation) is typing.Literal:
        return list(get_args(annotation))
    return []


def _one_of(options: list[Any], dialect: Dialect = TOML) -> str:
    words = [describe(c, dialect) for c in options]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _values(count: int) -> str:
    return f"an array of {count} value" + ("" if count == 1 else "s")


@dataclass(frozen=True)
class _Loc:
    path: PathKey
    """The path in the document (pydantic's union tags and '[key]' removed)."""
    union: PathKey | None = None
    """For an error inside one member of an untagged union: the path of the union's value."""
    branch: str = ""
    """Which member of that union ('tuple...' or 'str...')."""
    dict_key: bool = False
    """The error is about a table key, not its value."""
    annotation: Any = None
    """The schema's type there, as the location names it (None if unknown)."""
    parent: Any = None
    """The type of the value that holds it."""
    table: bool = False
    """For an error inside that union: it is in its one table member (a waypoint's)."""


# -------------------------------------------------------------- the errors


@dataclass(frozen=True)
class _Schema:
    root: Any
    document: Any
    dialect: Dialect
    tags: Mapping[str, TagWords]

    def read_loc(self, loc: tuple[int | str, ...]) -> _Loc:
        """Walk pydantic's error location alongside the schema, telling keys from tags."""
        annotation: Any = self.root
        path: list[str | int] = []
        union: PathKey | None = None
        branch = ""
        table = False
        parent: Any = None
        for i, part in enumerate(loc):
            current = unwrap(annotation) if annotation is not None else None
            if current is not None and is_union(current) and isinstance(part, str):
                members = _members(current)
                key = _tag_key(members)
                if key is not None:
                    annotation = _member(members, key, part)
                    continue
                union, branch = tuple(path), part
                model = next((m for m in members if is_model(m) and m.__name__ == part), None)
                table = model is not None
                if table:
                    annotation = model
                    continue
                member = "tuple" if part.startswith("tuple") else "str"
                annotation = next(
                    (a for a in members if (get_origin(a) is tuple) == (member == "tuple")), None
                )
                continue
            path.append(part)
            parent = current
            if (
                current is not None
                and get_origin(current) is dict
                and i + 1 < len(loc)
                and loc[i + 1] == "[key]"
            ):
                return _Loc(tuple(path), union, branch, dict_key=True, table=table)
            annotation = step(current, part) if current is not None else None
        return _Loc(tuple(path), union, branch, annotation=annotation, parent=parent, table=table)

    def type_at(self, path: PathKey) -> Any:
        return type_at(self.root, self.document, path)

    def problem(self, error: Any) -> Found | None:
        where = self.read_loc(error["loc"])
        path = where.path
        kind: str = error["type"]
        if where.union is not None:
            value = value_at(self.document, where.union)
            members = _members(unwrap(self.type_at(where.union)))
            tuple_branch = where.branch.startswith("tuple")
            # A table is its table member's to judge (a waypoint's keys); an array or a
            # name, the others'; each member only what it takes.
            if isinstance(value, dict) and any(is_model(m) for m in members):
                if not where.table:
                    return None
            elif (
                where.table
                or (isinstance(value, list) and not tuple_branch)
                or (isinstance(value, str) and tuple_branch)
            ):
                return None
            elif not isinstance(value, list | str):  # no member fits: say so once
                words = expected(self.type_at(where.union), self.dialect)
                return Found(where.union, f"expected {words}, got {self.describe(value)}")
        if kind in {"union_tag_not_found", "union_tag_invalid"}:
            return self.tag_problem(kind, path)
        if kind == "missing":
            return self.missing(path, where.parent)
        return Found(path, self.message(error, where, value_at(self.document, path)))

    def describe(self, value: Any) -> str:
        return describe(value, self.dialect)

    def tag_problem(self, kind: str, path: PathKey) -> Found:
        members = _members(unwrap(self.type_at(path)))
        key = _tag_key(members) or "kind"
        words = self.tags.get(key, TagWords(key, "{tag} needs '{key}'"))
        if kind == "union_tag_not_found":
            return Found((*path, key), "missing required key", missing=True)
        given = value_at(self.document, (*path, key))
        options = [_tag_of(m, key) for m in members]
        text = shown(given) if isinstance(given, str) else self.describe(given)
        near = suggest(given, options) if isinstance(given, str) else ""
        listed = f"; one of {', '.join(options)}" if words.list_choices else ""
        return Found((*path, key), f"unknown {words.unknown} {text}{near}{listed}")

    def missing(self, path: PathKey, parent: Any) -> Found:
        if get_origin(parent) is tuple:  # an array too short for its tuple
            given = value_at(self.document, path[:-1])
            got = _values(len(given)) if isinstance(given, list) else self.describe(given)
            return Found(path[:-1], f"expected {expected(parent, self.dialect)}, got {got}")
        outer = unwrap(self.type_at(path[:-1])) if len(path) >= 2 else None
        if outer is not None and is_union(outer):
            key = _tag_key(_members(outer))
            words = self.tags.get(key or "")
            if key is not None and words is not None:
                tag = value_at(self.document, (*path[:-1], key))
                return Found(path, words.needs.format(tag=tag, key=path[-1]), missing=True)
        annotation = unwrap(self.type_at(path))
        what = "key"
        if not self.dialect.json and is_model(annotation):
            what = "table"
        elif (
            not self.dialect.json
            and get_origin(annotation) is list
            and is_model(unwrap(get_args(annotation)[0]))
        ):
            what = "array of tables"
        return Found(path, f"missing required {what}", missing=True)

    def message(self, error: Any, where: _Loc, given: Any) -> str:
        kind: str = error["type"]
        ctx: dict[str, Any] = error.get("ctx") or {}
        path = where.path
        got = "" if given is MISSING else f", got {self.describe(given)}"
        if kind == "extra_forbidden":
            key = str(path[-1])
            keys = keys_at(self.root, self.document, path[:-1])
            return f"unknown key {shown(key)}{suggest(key, keys)}"
        if where.dict_key:
            key = str(path[-1])
            key_types = get_args(unwrap(self.type_at(path[:-1])))
            options = choices(key_types[0]) if key_types else []
            if kind in {"enum", "literal_error"} and options:
                hint = suggest(key, map(str, options)) or f" (expected {_one_of(options)})"
                return f"unknown key {shown(key)}{hint}"
            if kind == "string_too_short":
                return "a key here must not be empty"
            if kind == "string_too_long":
                return f"key {shown(key)} is too long (at most {ctx.get('max_length')} characters)"
        simple = {
            "int_type": "expected an integer",
            "int_parsing": "expected an integer",
            "int_from_float": "expected an integer",
            "float_type": "expected a number",
            "float_parsing": "expected a number",
            "string_type": "expected a string",
            "bool_type": "expected true or false",
            "bool_parsing": "expected true or false",
            "model_type": f"expected {self.dialect.table}",
            "model_attributes_type": f"expected {self.dialect.table}",
            "dict_type": f"expected {self.dialect.table}",
            "list_type": "expected an array",
            "tuple_type": "expected an array",
            "finite_number": "expected a finite number",
        }
        if kind in simple:
            return simple[kind] + got
        bounds = {
            "greater_than_equal": ("ge", "must be at least"),
            "greater_than": ("gt", "must be more than"),
            "less_than_equal": ("le", "must be at most"),
            "less_than": ("lt", "must be less than"),
        }
        if kind in bounds:
            bound, words = bounds[kind]
            return f"{words} {_number(ctx.get(bound))}{got}"
        if kind == "string_too_short":
            least = ctx.get("min_length", 1)
            return (
                "must not be empty" if least == 1 else f"must be at least {least} characters long"
            )
        if kind == "string_too_long":
            length = f" (it has {len(given)})" if isinstance(given, str) else ""
            return f"is too long: at most {ctx.get('max_length')} characters{length}"
        if kind in {"too_long", "too_short"}:
            annotation = unwrap(where.annotation)
            size = _values(len(given)) if isinstance(given, list) else self.describe(given)
            if get_origin(annotation) is tuple:
                return f"expected {expected(annotation, self.dialect)}, got {size}"
            least, most = ctx.get("min_length"), ctx.get("max_length")
            bound = f"at least {least}" if kind == "too_short" else f"at most {most}"
            return f"expected {bound} value{'' if bound.endswith(' 1') else 's'}, got {size}"
        if kind in {"enum", "literal_error"}:
            options = choices(where.annotation)
            if len(options) == 1:
                return f"must be {self.describe(options[0])}{got}"
            near = suggest(given, map(str, options)) if isinstance(given, str) else ""
            return f"expected {_one_of(options, self.dialect)}{got}{near}"
        if kind == "value_error":
            text = str(error["msg"]).removeprefix("Value error, ")
            return text[:1].lower() + text[1:]
        text = str(error["msg"]).replace("\n", " ")
        return text[:1].lower() + text[1:] + got
