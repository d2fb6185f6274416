"""Load and validate campaign files: TOML text in, a `Campaign` out, or every problem.

Called by the CLI (`wargame validate`, `wargame run`), by saves (which embed the
campaign text) and by the TUI's campaign picker. Problems name the file, the line
where it is truly known, the dotted field path and what is wrong; the whole file
is checked, so an author sees every problem at once. No text, however broken,
makes this module raise anything but `CampaignError`.
"""

from __future__ import annotations

import datetime
import difflib
import enum
import hashlib
import json
import math
import re
import tomllib
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError

from wargame.campaign.catalogue import MergedCatalogue, merge_catalogue
from wargame.campaign.locate import MAX_KEY_PARTS, LineFinder, PathKey
from wargame.campaign.schema import Campaign, ThreatClass
from wargame.errors import CampaignError, Problem

MAX_FILE_BYTES = 5_000_000
MAX_PROBLEMS = 100
"""Problems listed for one file; one last line says when there are more."""
MAX_ITEMS = 10_000
"""An array longer than this is refused whole (no campaign needs one)."""
MAX_NESTING = 16
"""Values nested deeper than this are cut before validation; no field is that deep."""
_BIG_INT = 2**63
_DESCRIBED = MAX_PROBLEMS * 4
"""Problems worked out in full (a near-match search each) before the cut."""


@dataclass(frozen=True)
class LoadedCampaign:
    """A validated campaign with its source text, digest and merged catalogue."""

    campaign: Campaign
    catalogue: MergedCatalogue
    source: str
    """The TOML text it was read from (saves embed it)."""
    name: str
    """The file name it came from, for messages."""

    @property
    def digest(self) -> str:
        return campaign_digest(self.source)

    def place(self, position: tuple[float, float] | str) -> tuple[float, float]:
        """A position as km on the map; names were checked by the loader."""
        if isinstance(position, str):
            for place in self.campaign.map.places:
                if place.name == position:
                    return place.position
            raise KeyError(position)
        return position


def note_about(loaded: LoadedCampaign, file: str, path: PathKey, message: str) -> Problem:
    """A note on a campaign that loaded from `file`, placed as a problem is: the file, the
    line of the field (if it can be found), the field's path."""
    lines = LineFinder(loaded.source.removeprefix("\ufeff"))  # as the loader reads it
    return Problem(file, message, _dotted(path), lines.line_of(path))


def campaign_digest(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def load_campaign(path: str | Path) -> LoadedCampaign:
    """Read and validate one campaign file; raise `CampaignError` with every problem."""
    name = str(path)
    return parse_campaign(read_text(Path(path), CampaignError), name)


def read_text(path: Path, error: type[CampaignError] | Any) -> str:
    """The UTF-8 text of a file, or `error` naming the file and what stops reading it."""
    name = str(path)
    try:
        if path.is_dir():
            raise error(Problem(name, "is a directory, not a file"))
        # Read one byte past the limit rather than trust st_size: devices and
        # pipes report 0 and may never end.
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise error(Problem(name, "no such file")) from None
    except PermissionError:
        raise error(Problem(name, "permission denied")) from None
    except OSError as exc:
        raise error(Problem(name, f"cannot read: {exc.strerror or exc}")) from None
    except ValueError as exc:  # e.g. a NUL byte in the name
        raise error(Problem(name, f"cannot read: {exc}")) from None
    if len(data) > MAX_FILE_BYTES:
        raise error(Problem(name, f"file is too large (more than {MAX_FILE_BYTES} bytes)"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - data.rfind(b"\n", 0, exc.start)
        message = f"not UTF-8 text (byte 0x{data[exc.start]:02x} in column {column})"
        raise error(Problem(name, message, line=line)) from None


def parse_campaign(text: str, name: str) -> LoadedCampaign:
    """Validate campaign TOML text; `name` is what messages call the file."""
    try:
        return _parse(text, name)
    except RecursionError:
        raise CampaignError(Problem(name, "nested too deeply")) from None


def _parse(text: str, name: str) -> LoadedCampaign:
    body = text.removeprefix("\ufeff")  # a byte order mark, as some editors write
    if not body.strip():
        raise CampaignError(Problem(name, "the file is empty"))
    try:  # text handed in by a caller (a save, say) rather than read from a file
        body.encode("utf-8")
    except UnicodeEncodeError as exc:
        line = body.count("\n", 0, exc.start) + 1
        message = f"not UTF-8 text (a lone surrogate U+{ord(body[exc.start]):04X})"
        raise CampaignError(Problem(name, message, line=line)) from None
    lines = LineFinder(body)
    if lines.too_deep is not None:
        line, message = lines.too_deep
        raise CampaignError(Problem(name, message, line=line))
    if not lines.complete:
        # The scanner gave up where the text stops being TOML: tomllib will stop
        # there too, or (if the scanner was wrong) go on; look for a deep key
        # after that point the rough way, before tomllib meets it.
        deep = _DEEP_KEY.search(body, max(0, lines.stopped_at - 1000))
        if deep is not None:
            message = f"a dotted key of more than {MAX_KEY_PARTS} parts is nested too deeply"
            line = body.count("\n", 0, deep.start()) + 1
            raise CampaignError(Problem(name, message, line=line))
    try:
        document = tomllib.loads(body)
    except tomllib.TOMLDecodeError as exc:
        raise CampaignError(_toml_problem(name, exc)) from None
    except RecursionError:
        raise CampaignError(Problem(name, "arrays or inline tables nested too deeply")) from None
    except ValueError:  # an integer of more digits than Python converts
        raise CampaignError(
            Problem(name, "a number has too many digits", line=_long_number_line(body))
        ) from None
    prepared = _prepare(document)
    found: list[tuple[PathKey, str, int | None]] = []
    cut_short = len(prepared.notes) > _DESCRIBED
    campaign: Campaign | None = None
    try:
        # Validate as JSON, strictly: TOML's types then mean what they say (no
        # "4" for 4, no true for 1.0), as in the JSON Schema editors check with.
        campaign = Campaign.model_validate_json(json.dumps(prepared.data), strict=True)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        # Each error costs a near-match search: describe only as many as can be shown.
        found.extend(_schema_problems(errors[:_DESCRIBED], lines, document))
        cut_short = cut_short or len(errors) > _DESCRIBED
    told = [path for path, _, _ in found]
    for path, what in prepared.notes[:_DESCRIBED]:
        if what == "unknown":
            key = str(path[-1])
            message = f"unknown key {_string(key)}{suggest(key, _keys_at(path[:-1]))}"
        elif what == "date":  # a date where a field is optional passed as "not given"
            message = f"expected {_expected(path)}, got {_kind(_value_at(document, path))}"
        else:
            message = f"an array of {what} values is too long (at most {MAX_ITEMS})"
        if not any(path[: len(other)] == other for other in told):
            found.append((path, message, lines.line_of(path)))
    if campaign is not None and not found:
        catalogue = merge_catalogue(campaign.catalogue)
        found = [
            (path, message, _line(lines, document, path))
            for path, message in check_references(campaign, catalogue, lines)
        ]
        if not found:
            return LoadedCampaign(campaign, catalogue, text, name)
    problems = [Problem(name, message, _dotted(path), line) for path, message, line in found]
    raise CampaignError(_in_order(name, problems, cut_short))


def _line(lines: LineFinder, document: Any, path: PathKey) -> int | None:
    """The line of a path; for a field the file leaves out, that of its table."""
    if _value_at(document, path) is _MISSING:
        return lines.line_of(path, missing=True)
    return lines.line_of(path)


def _in_order(name: str, problems: list[Problem], cut_short: bool) -> list[Problem]:
    """Problems in file order (those without a line last), at most MAX_PROBLEMS of them."""
    ordered = sorted(problems, key=lambda p: (p.line is None, p.line or 0))
    if len(ordered) > MAX_PROBLEMS or cut_short:
        ordered = ordered[:MAX_PROBLEMS]
        listed = len(ordered)
        ordered.append(Problem(name, f"too many problems; only the first {listed} are listed"))
    return ordered


_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"[^"\n]{0,200}"|'[^'\n]{0,200}')"""
_DEEP_KEY = re.compile(
    rf"""(?<![A-Za-z0-9_"'-]){_KEY_PART}(?:[ \t]*\.[ \t]*{_KEY_PART}){{{MAX_KEY_PARTS}}}"""
)
_LONG_NUMBER = re.compile(r"[0-9][0-9_]{4000,}")


def _long_number_line(text: str) -> int | None:
    found = _LONG_NUMBER.search(text)
    return None if found is None else text.count("\n", 0, found.start()) + 1


_TOML_WORDS = [
    (re.compile(r"^Cannot declare (.+) twice$"), "table [{0}] is defined twice"),
    (re.compile(r"^Cannot overwrite a value$"), "a value is given twice (a repeated key?)"),
    (
        re.compile(r"^Cannot mutate immutable namespace (.+)$"),
        "cannot add to {0}: it was written as an inline table or array",
    ),
    (re.compile(r"^Cannot redefine namespace (.+)$"), "cannot define table [{0}] again"),
    (re.compile(r"^Duplicate inline table key (.+)$"), "key {0} is repeated in an inline table"),
    (re.compile(r"^Illegal character '\\n'$"), "a string is not closed on its line"),
    (re.compile(r"^Unterminated string$"), "a string is never closed"),
]


def _toml_problem(name: str, exc: tomllib.TOMLDecodeError) -> Problem:
    # tomllib's message ends with "(at line L, column C)": move the line to the front.
    message = str(exc)
    line: int | None = getattr(exc, "lineno", None)
    if " (at line " in message:
        message, _, where = message.partition(" (at line ")
        if line is None:
            try:
                line = int(where.split(",")[0])
            except ValueError:
                line = None
    elif " (at end of document)" in message:
        message = message.replace(" (at end of document)", " at the end of the file")
    for pattern, words in _TOML_WORDS:
        found = pattern.match(message)
        if found:
            message = words.format(*(_key_words(g) for g in found.groups()))
            break
    message = message.replace("\n", " ")
    return Problem(name, f"not valid TOML: {message[:1].lower()}{message[1:]}", line=line)


def _key_words(text: str) -> str:
    # tomllib names keys as Python tuples: ('blue', 'assets') -> blue.assets
    parts = re.findall(r"""'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)\"""", text)
    if not text.startswith("(") or not parts:
        return text
    return _dotted([single or double for single, double in parts])


def _dotted(path: Iterable[str | int]) -> str:
    """A field path as a TOML author writes it: `red.raids[2].target`, `loadout."9M96 x"`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            key = part if re.fullmatch(r"[A-Za-z0-9_-]+", part) else _string(part, quote='"')
            out += f".{key}" if out else key
    return out


def _string(text: str, quote: str = "'", limit: int = 60) -> str:
    """A string shown on one line: quoted, control characters escaped, cut if long."""
    shown = "".join(ch if ch.isprintable() or ch == " " else json.dumps(ch)[1:-1] for ch in text)
    if len(shown) > limit:
        shown = shown[: limit - 3] + "..."
    return f"{quote}{shown}{quote}"


# ------------------------------------------------------------- the document


@dataclass
class _Prepared:
    data: Any
    """The document as JSON-ready data for validation."""
    notes: list[tuple[PathKey, str]]
    """What was taken out or changed, by path: 'unknown' (a key no field has),
    'date' (a date or time) or the size of an array too long to check."""


def _prepare(document: dict[str, Any]) -> _Prepared:
    """The document made ready for validation, walking it alongside the schema.

    Unknown keys are taken out and noted (with their values, however large or
    deep, so validation never sees them); dates and times (which no field
    takes) become a value of a type the field refuses; arrays of more than
    MAX_ITEMS values are emptied and noted; values nested deeper than
    MAX_NESTING are cut (validation stops far above them); integers too large
    for JSON's parser are clamped (every integer field has a far smaller maximum)."""
    notes: list[tuple[PathKey, str]] = []

    def walk(value: Any, path: PathKey, annotation: Any) -> Any:
        if isinstance(value, dict | list) and len(path) >= MAX_NESTING:
            return None
        if isinstance(value, dict):
            model = _unwrap(annotation)
            out = {}
            for key, item in value.items():
                inner = _step(annotation, key) if annotation is not None else None
                if _is_model(model) and inner is None:
                    notes.append(((*path, key), "unknown"))
                else:
                    out[key] = walk(item, (*path, key), inner)
            return out
        if isinstance(value, list):
            if len(value) > MAX_ITEMS:
                notes.append((path, str(len(value))))
                return []
            return [
                walk(item, (*path, i), _step(annotation, i) if annotation is not None else None)
                for i, item in enumerate(value)
            ]
        if isinstance(value, datetime.date | datetime.time):
            notes.append((path, "date"))
            return 0 if _takes_string(annotation) else None
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _BIG_INT:
            return _BIG_INT if value > 0 else -_BIG_INT
        return value

    return _Prepared(walk(document, (), Campaign), notes)


def _value_at(document: Any, path: PathKey) -> Any:
    value = document
    for part in path:
        if isinstance(value, dict) and isinstance(part, str):
            if part not in value:
                return _MISSING
        elif not (isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value)):
            return _MISSING
        value = value[part]
    return value


_MISSING = object()


def _kind(value: Any) -> str:
    """What a TOML value is, for 'got ...'."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, int):
        try:
            text = str(value)
        except ValueError:
            return "a huge integer"
        return text if len(text) <= 40 else f"{text[:20]}... ({len(text)} digits)"
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, datetime.datetime):
        return "a date-time"
    if isinstance(value, datetime.date):
        return "a date"
    if isinstance(value, datetime.time):
        return "a time"
    return "nothing"


# ------------------------------------------------------- the schema, by path


def _unwrap(annotation: Any) -> Any:
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


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _is_union(annotation: Any) -> bool:
    return get_origin(annotation) in (typing.Union, types.UnionType)


def _field(model: Any, key: str) -> Any:
    for field_name, info in model.model_fields.items():
        if (info.alias or field_name) == key:
            return info.annotation
    return None


def _step(annotation: Any, part: str | int) -> Any:
    """The type one step down a path, or None if the schema has nothing there."""
    annotation = _unwrap(annotation)
    if _is_union(annotation):  # a position: [x, y] or a place name
        if not isinstance(part, int):
            return None
        annotation = next(
            (a for a in get_args(annotation) if get_origin(_unwrap(a)) is tuple), None
        )
        annotation = _unwrap(annotation)
    if _is_model(annotation):
        return _field(annotation, part) if isinstance(part, str) else None
    origin, args = get_origin(annotation), get_args(annotation)
    if origin in (list, tuple) and isinstance(part, int) and args:
        return args[min(part, len(args) - 1)] if origin is tuple else args[0]
    if origin is dict and isinstance(part, str) and len(args) == 2:
        return args[1]
    return None


def _type_at(path: PathKey) -> Any:
    annotation: Any = Campaign
    for part in path:
        annotation = _step(annotation, part)
        if annotation is None:
            return None
    return annotation


def _takes_string(annotation: Any) -> bool:
    annotation = _unwrap(annotation)
    if _is_union(annotation):
        return any(_unwrap(a) is str for a in get_args(annotation))
    return annotation is str


def _expected(path: PathKey) -> str:
    annotation = _unwrap(_type_at(path))
    if _is_union(annotation):
        return "[x_km, y_km] or a place name"
    words = {str: "a string", int: "an integer", float: "a number", bool: "true or false"}
    if annotation in words:
        return words[annotation]
    if _is_model(annotation) or get_origin(annotation) is dict:
        return "a table"
    if get_origin(annotation) in (list, tuple):
        return "an array"
    return "a string, number, boolean, array or table (not a date or time)"


def _keys_at(path: PathKey) -> list[str]:
    annotation = _unwrap(_type_at(path))
    if _is_model(annotation):
        return [info.alias or field_name for field_name, info in annotation.model_fields.items()]
    return []


def _choices(annotation: Any) -> list[Any]:
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return [member.value for member in annotation]
    if get_origin(annotation) is typing.Literal:
        return list(get_args(annotation))
    return []


@dataclass(frozen=True)
class _Loc:
    path: PathKey
    """The path in the document (pydantic's union tags and '[key]' removed)."""
    union: PathKey | None = None
    """For an error inside one member of a union: the path of the union's value."""
    branch: str = ""
    """Which member of the union ('tuple...' or 'str...')."""
    dict_key: bool = False
    """The error is about a table key, not its value."""


def _read_loc(loc: tuple[int | str, ...]) -> _Loc:
    """Walk pydantic's error location alongside the schema, telling keys from tags."""
    annotation: Any = Campaign
    path: list[str | int] = []
    union: PathKey | None = None
    branch = ""
    i = 0
    while i < len(loc):
        part = loc[i]
        current = _unwrap(annotation) if annotation is not None else None
        if current is not None and _is_union(current) and isinstance(part, str):
            union, branch = tuple(path), part
            member = "tuple" if part.startswith("tuple") else "str"
            annotation = next(
                (
                    a
                    for a in get_args(current)
                    if (get_origin(_unwrap(a)) is tuple) == (member == "tuple")
                ),
                None,
            )
            i += 1
            continue
        path.append(part)
        if (
            current is not None
            and get_origin(current) is dict
            and i + 1 < len(loc)
            and loc[i + 1] == "[key]"
        ):
            return _Loc(tuple(path), union, branch, dict_key=True)
        annotation = _step(current, part) if current is not None else None
        i += 1
    return _Loc(tuple(path), union, branch)


# -------------------------------------------------------------- schema errors


def _schema_problems(
    errors: list[Any], lines: LineFinder, document: Any
) -> Iterator[tuple[PathKey, str, int | None]]:
    seen: set[tuple[PathKey, str]] = set()
    for error in errors:
        where = _read_loc(error["loc"])
        path = where.path
        if where.union is not None:
            value = _value_at(document, where.union)
            if isinstance(value, list) and not where.branch.startswith("tuple"):
                continue
            if isinstance(value, str) and where.branch.startswith("tuple"):
                continue
            if not isinstance(value, list | str):
                # Neither member fits: say so once, for the whole value.
                path = where.union
                message = f"expected [x_km, y_km] or a place name, got {_kind(value)}"
                if (path, message) not in seen:
                    seen.add((path, message))
                    yield path, message, lines.line_of(path)
                continue
        if error["type"] == "missing":
            message = f"missing required {_what_is_missing(_type_at(path))}"
            line = lines.line_of(path, missing=True)
        else:
            message = _message(error, where, _value_at(document, path))
            line = lines.line_of(path)
        if (path, message) not in seen:
            seen.add((path, message))
            yield path, message, line


def _what_is_missing(annotation: Any) -> str:
    annotation = _unwrap(annotation)
    if _is_model(annotation):
        return "table"
    if get_origin(annotation) is list and _is_model(_unwrap(get_args(annotation)[0])):
        return "array of tables"
    return "key"


def _message(error: Any, where: _Loc, given: Any) -> str:
    kind: str = error["type"]
    ctx: dict[str, Any] = error.get("ctx") or {}
    path = where.path
    got = "" if given is _MISSING else f", got {_kind(given)}"
    if kind == "extra_forbidden":
        key = str(path[-1])
        return f"unknown key {_string(key)}{suggest(key, _keys_at(path[:-1]))}"
    if where.dict_key:
        key = str(path[-1])
        key_types = get_args(_unwrap(_type_at(path[:-1])))
        choices = _choices(key_types[0]) if key_types else []
        if kind in {"enum", "literal_error"} and choices:
            hint = suggest(key, map(str, choices)) or f" (expected {_one_of(choices)})"
            return f"unknown key {_string(key)}{hint}"
        if kind == "string_too_short":
            return "a key here must not be empty"
        if kind == "string_too_long":
            return f"key {_string(key)} is too long (at most {ctx.get('max_length')} characters)"
    simple = {
        "int_type": "expected an integer",
        "int_parsing": "expected an integer",
        "int_from_float": "expected an integer",
        "float_type": "expected a number",
        "float_parsing": "expected a number",
        "string_type": "expected a string",
        "bool_type": "expected true or false",
        "bool_parsing": "expected true or false",
        "model_type": "expected a table",
        "model_attributes_type": "expected a table",
        "dict_type": "expected a table",
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
        return "must not be empty" if least == 1 else f"must be at least {least} characters long"
    if kind == "string_too_long":
        length = f" (it has {len(given)})" if isinstance(given, str) else ""
        return f"is too long: at most {ctx.get('max_length')} characters{length}"
    if kind in {"too_long", "too_short"}:
        size = f"an array of {len(given)} values" if isinstance(given, list) else _kind(given)
        return f"expected [x_km, y_km], got {size}"
    if kind in {"enum", "literal_error"}:
        choices = _choices(_type_at(path))
        if len(choices) == 1:
            return f"must be {_kind(choices[0])}{got}"
        near = suggest(given, map(str, choices)) if isinstance(given, str) else ""
        return f"expected {_one_of(choices)}{got}{near}"
    if kind == "value_error":
        text = str(error["msg"]).removeprefix("Value error, ")
        return text[:1].lower() + text[1:]
    text = str(error["msg"]).replace("\n", " ")
    return text[:1].lower() + text[1:] + got


def _one_of(choices: list[Any]) -> str:
    shown = [_kind(c) for c in choices]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def suggest(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the nearest choice, or ''."""
    options = [c for c in choices if c != word]
    if len(word) > 200 or not options:
        return ""
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close:  # a difference of case only ("depot 2") is a near match too
        close = [c for c in options if c.casefold() == word.casefold()][:1]
    return f" (did you mean {_string(close[0])}?)" if close else ""


def _unknown(what: str, name: str, choices: Iterable[str]) -> str:
    return f"unknown {what} {_string(name)}{suggest(name, choices)}"


# ---------------------------------------------------------------- cross-references


def check_references(
    campaign: Campaign, catalogue: MergedCatalogue, lines: LineFinder | None = None
) -> Iterator[tuple[PathKey, str]]:
    """Every reference between parts of a valid-shaped campaign, checked; yields (path, why)."""
    places = {p.name: p.position for p in campaign.map.places}
    width, height = campaign.map.width_km, campaign.map.height_km

    yield from _unique_names(campaign, lines)
    yield from _catalogue_problems(catalogue)

    def position(path: PathKey, pos: tuple[float, float] | str) -> Iterator[tuple[PathKey, str]]:
        if isinstance(pos, str):
            if pos not in places:
                yield path, _unknown("place", pos, places)
            return
        x, y = pos
        if not (0.0 <= x <= width and 0.0 <= y <= height):
            yield path, f"[{x:g}, {y:g}] is off the map (0..{width:g} x 0..{height:g} km)"

    for i, place in enumerate(campaign.map.places):
        yield from position(("map", "places", i, "position"), place.position)

    blue = campaign.blue
    cps = [cp.name for cp in blue.command_posts]
    if not cps:
        yield ("blue", "command_posts"), "at least one command post is needed"
    if not blue.fire_units:
        yield ("blue", "fire_units"), "at least one fire unit is needed"
    if not blue.assets:
        yield ("blue", "assets"), "at least one defended asset is needed"
    for i, cp in enumerate(blue.command_posts):
        yield from position(("blue", "command_posts", i, "position"), cp.position)
    for i, radar in enumerate(blue.radars):
        base: PathKey = ("blue", "radars", i)
        yield from position((*base, "position"), radar.position)
        if radar.type not in catalogue.radars:
            yield (*base, "type"), _unknown("radar type", radar.type, catalogue.radars)
        if radar.command_post not in cps:
            yield (*base, "command_post"), _unknown("command post", radar.command_post, cps)
    for i, unit in enumerate(blue.fire_units):
        base = ("blue", "fire_units", i)
        yield from position((*base, "position"), unit.position)
        radar_type = catalogue.radars.get(unit.radar)
        if radar_type is None:
            yield (*base, "radar"), _unknown("radar type", unit.radar, catalogue.radars)
        elif radar_type.guidance_channels < 1:
            guiding = [n for n, r in catalogue.radars.items() if r.guidance_channels > 0]
            yield (
                (*base, "radar"),
                (
                    f"radar type {_string(unit.radar)} cannot guide missiles "
                    "(its guidance_channels is 0); an engagement radar such as "
                    f"{_string(guiding[0], limit=80)} can"
                    if guiding
                    else f"radar type {_string(unit.radar)} cannot guide missiles "
                    "(its guidance_channels is 0)"
                ),
            )
        if unit.command_post not in cps:
            yield (*base, "command_post"), _unknown("command post", unit.command_post, cps)
        launcher = catalogue.launchers.get(unit.launcher)
        if launcher is None:
            yield (*base, "launcher"), _unknown("launcher type", unit.launcher, catalogue.launchers)
        tubes_needed = 0
        for table in ("loadout", "reloads"):
            for missile, count in getattr(unit, table).items():
                if missile not in catalogue.missiles:
                    yield (
                        (*base, table, missile),
                        _unknown("missile type", missile, catalogue.missiles),
                    )
                elif table == "loadout":
                    tubes_needed += -(-count // catalogue.missiles[missile].per_tube)
        if not any(unit.loadout.values()):
            yield (*base, "loadout"), "a fire unit needs at least one missile on its launchers"
        if launcher is not None and tubes_needed > unit.launchers * launcher.tubes:
            have = unit.launchers * launcher.tubes
            yield (
                (*base, "loadout"),
                (
                    f"needs {tubes_needed} tubes but {_plural(unit.launchers, 'launcher')} of "
                    f"{_plural(launcher.tubes, 'tube')} "
                    f"{'holds' if unit.launchers == 1 else 'hold'} {have}"
                ),
            )
    for i, asset in enumerate(blue.assets):
        yield from position(("blue", "assets", i, "position"), asset.position)

    targets = (
        [a.name for a in blue.assets]
        + cps
        + [r.name for r in blue.radars]
        + [u.name for u in blue.fire_units]
    )
    red = campaign.red
    if not red.raids:
        yield ("red", "raids"), "at least one raid is needed"
    limit = campaign.clock.turn_limit

    def in_time(path: PathKey, turn: int) -> Iterator[tuple[PathKey, str]]:
        if turn > limit:
            yield (*path, "turn"), f"turn {turn} is after the turn limit {limit} (clock.turn_limit)"

    for i, raid in enumerate(red.raids):
        base = ("red", "raids", i)
        yield from in_time(base, raid.turn)
        threat = catalogue.threats.get(raid.threat)
        if threat is None:
            yield (*base, "threat"), _unknown("threat type", raid.threat, catalogue.threats)
        elif threat.threat_class == ThreatClass.ARM:
            yield (
                (*base, "threat"),
                ("anti-radiation missiles are launched by sead flights, not raids"),
            )
        yield from position((*base, "origin"), raid.origin)
        for k, point in enumerate(raid.waypoints):
            yield from _position_known((*base, "waypoints", k), point, places)
        if raid.target not in targets:
            yield (*base, "target"), _unknown("target", raid.target, targets)
    for i, flight in enumerate(red.sead):
        base = ("red", "sead", i)
        yield from in_time(base, flight.turn)
        aircraft = catalogue.threats.get(flight.aircraft)
        if aircraft is None:
            yield (*base, "aircraft"), _unknown("threat type", flight.aircraft, catalogue.threats)
        arm = catalogue.threats.get(flight.arm)
        if arm is None:
            yield (*base, "arm"), _unknown("threat type", flight.arm, catalogue.threats)
        elif arm.threat_class != ThreatClass.ARM:
            yield (
                (*base, "arm"),
                (f"threat type {_string(flight.arm)} is not an anti-radiation missile (class arm)"),
            )
        yield from position((*base, "origin"), flight.origin)
        yield from position((*base, "station"), flight.station)
    for i, jammer in enumerate(red.jammers):
        base = ("red", "jammers", i)
        yield from in_time(base, jammer.turn)
        aircraft = catalogue.threats.get(jammer.aircraft)
        if aircraft is None:
            yield (*base, "aircraft"), _unknown("threat type", jammer.aircraft, catalogue.threats)
        elif aircraft.jammer_jnr_db is None:
            yield (
                (*base, "aircraft"),
                (
                    f"threat type {_string(jammer.aircraft)} carries no jammer "
                    "(it has no jammer_jnr_db)"
                ),
            )
        yield from position((*base, "origin"), jammer.origin)
        yield from position((*base, "station"), jammer.station)
        if jammer.until_turn is not None and jammer.until_turn < jammer.turn:
            yield (
                (*base, "until_turn"),
                (f"until_turn {jammer.until_turn} is before its turn {jammer.turn}"),
            )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _position_known(
    path: PathKey, pos: tuple[float, float] | str, places: dict[str, tuple[float, float]]
) -> Iterator[tuple[PathKey, str]]:
    # Waypoints may lie off the map (a raid may route around it), but names must exist.
    if isinstance(pos, str) and pos not in places:
        yield path, _unknown("place", pos, places)


def _unique_names(campaign: Campaign, lines: LineFinder | None) -> Iterator[tuple[PathKey, str]]:
    def used(name: str, first: PathKey) -> str:
        line = lines.line_of((*first, "name")) if lines is not None else None
        where = _dotted(first) if line is None else f"{_dotted(first)} (line {line})"
        return f"name {_string(name)} is already used by {where}"

    groups: list[tuple[PathKey, list[str]]] = [
        (("map", "places"), [p.name for p in campaign.map.places]),
        (("red", "raids"), [r.name for r in campaign.red.raids]),
        (("red", "sead"), [s.name for s in campaign.red.sead]),
        (("red", "jammers"), [j.name for j in campaign.red.jammers]),
        (("catalogue", "radars"), [t.name for t in campaign.catalogue.radars]),
        (("catalogue", "missiles"), [t.name for t in campaign.catalogue.missiles]),
        (("catalogue", "launchers"), [t.name for t in campaign.catalogue.launchers]),
        (("catalogue", "threats"), [t.name for t in campaign.catalogue.threats]),
    ]
    blue = campaign.blue
    seen: dict[str, PathKey] = {}
    for table, names in (
        (("blue", "command_posts"), [c.name for c in blue.command_posts]),
        (("blue", "radars"), [r.name for r in blue.radars]),
        (("blue", "fire_units"), [u.name for u in blue.fire_units]),
        (("blue", "assets"), [a.name for a in blue.assets]),
    ):
        # Blue names share one space: a raid's target names any of them.
        for i, unit_name in enumerate(names):
            if unit_name in seen:
                yield (*table, i, "name"), used(unit_name, seen[unit_name])
            else:
                seen[unit_name] = (*table, i)
    for group, names in groups:
        first: dict[str, int] = {}
        for i, item_name in enumerate(names):
            if item_name in first:
                yield (*group, i, "name"), used(item_name, (*group, first[item_name]))
            else:
                first[item_name] = i


def _catalogue_problems(catalogue: MergedCatalogue) -> Iterator[tuple[PathKey, str]]:
    for name, threat in catalogue.threats.items():
        where = catalogue.where(("threats", name))
        if threat.threat_class == ThreatClass.DECOY:
            if threat.mimics is None:
                yield (*where, "mimics"), "a decoy must name the threat type it mimics"
            elif threat.mimics not in catalogue.threats:
                yield (*where, "mimics"), _unknown("threat type", threat.mimics, catalogue.threats)
            elif threat.mimics == name:
                yield (*where, "mimics"), "a decoy cannot mimic itself"
        elif threat.mimics is not None:
            yield (*where, "mimics"), "only decoys (class decoy) mimic another type"
        if threat.threat_class == ThreatClass.BALLISTIC_MISSILE and threat.altitude_m <= 0.0:
            yield (
                (*where, "altitude_m"),
                (
                    f"a ballistic missile's apogee must be above 0 (its flight time follows from "
                    f"it), got {threat.altitude_m:g}"
                ),
            )
        if threat.threat_class == ThreatClass.ARM and threat.arm_range_km is None:
            yield (*where, "arm_range_km"), "an anti-radiation missile needs its launch range"
        if threat.threat_class != ThreatClass.ARM and threat.arm_range_km is not None:
            yield (
                (*where, "arm_range_km"),
                ("only anti-radiation missiles (class arm) have arm_range_km"),
            )
