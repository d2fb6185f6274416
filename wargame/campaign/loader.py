"""Load and validate campaign files: TOML text in, a `Campaign` out, or every problem.

Called by the CLI (`wargame validate`, `wargame run`), by saves (which embed the
campaign text) and by the TUI's campaign picker. Problems name the file, the line
where it is truly known, the dotted field path and what is wrong; the whole file
is checked, so an author sees every problem at once. No text, however broken,
makes this module raise anything but `CampaignError`.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from pydantic import ValidationError

from wargame.campaign.catalogue import MergedCatalogue, merge_catalogue
from wargame.campaign.locate import MAX_KEY_PARTS, LineFinder, PathKey
from wargame.campaign.problems import (
    MISSING,
    TOML,
    describe,
    expected,
    is_model,
    is_union,
    keys_at,
    schema_problems,
    step,
    type_at,
    unwrap,
    value_at,
)
from wargame.campaign.reading import dotted, read_text, shown, suggest
from wargame.campaign.references import check_references
from wargame.campaign.schema import Campaign
from wargame.campaign.terrain_file import embed_terrain_file
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
    """The TOML text it was read from (saves embed it), a terrain file's heights
    written in (`terrain_file`)."""
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
    return Problem(file, message, dotted(path), lines.line_of(path))


def campaign_digest(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def load_campaign(path: str | Path) -> LoadedCampaign:
    """Read and validate one campaign file; raise `CampaignError` with every problem."""
    name = str(path)
    text = read_text(Path(path), CampaignError, MAX_FILE_BYTES)
    return parse_campaign(text, name, Path(path).parent)


def parse_campaign(text: str, name: str, folder: Path | None = None) -> LoadedCampaign:
    """Validate campaign TOML text; `name` is what messages call the file, `folder`
    where a terrain file it names lies (by default, the folder of `name`)."""
    try:
        return _parse(text, name, Path(name).parent if folder is None else folder)
    except RecursionError:
        raise CampaignError(Problem(name, "nested too deeply")) from None


def _parse(text: str, name: str, folder: Path) -> LoadedCampaign:
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
    # A terrain file's heights go into the text: a save of the game then holds them.
    document, written = embed_terrain_file(document, body, name, folder, lines)
    if written is not body:
        text = body = written
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
        for problem in schema_problems(errors[:_DESCRIBED], Campaign, document, TOML):
            at = lines.line_of(problem.path, missing=problem.missing)
            found.append((problem.path, problem.message, at))
        cut_short = cut_short or len(errors) > _DESCRIBED
    told = [path for path, _, _ in found]
    for path, what in prepared.notes[:_DESCRIBED]:
        if what == "unknown":
            key = str(path[-1])
            near = suggest(key, keys_at(Campaign, document, path[:-1]))
            message = f"unknown key {shown(key)}{near}"
        elif what == "date":  # a date where a field is optional passed as "not given"
            wanted = expected(type_at(Campaign, document, path))
            message = f"expected {wanted}, got {describe(value_at(document, path))}"
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
    problems = [Problem(name, message, dotted(path), line) for path, message, line in found]
    raise CampaignError(_in_order(name, problems, cut_short))


def _line(lines: LineFinder, document: Any, path: PathKey) -> int | None:
    """The line of a path; for a field the file leaves out, that of its table."""
    if value_at(document, path) is MISSING:
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
    return dotted([single or double for single, double in parts])


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
            model = unwrap(annotation)
            out = {}
            for key, item in value.items():
                inner = step(annotation, key) if annotation is not None else None
                if is_model(model) and inner is None:
                    notes.append(((*path, key), "unknown"))
                else:
                    out[key] = walk(item, (*path, key), inner)
            return out
        if isinstance(value, list):
            if len(value) > MAX_ITEMS:
                notes.append((path, str(len(value))))
                return []
            return [
                walk(item, (*path, i), step(annotation, i) if annotation is not None else None)
                for i, item in enumerate(value)
            ]
        if isinstance(value, datetime.date | datetime.time):
            notes.append((path, "date"))
            return 0 if _takes_string(annotation) else None
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _BIG_INT:
            return _BIG_INT if value > 0 else -_BIG_INT
        return value

    return _Prepared(walk(document, (), Campaign), notes)


def _takes_string(annotation: Any) -> bool:
    annotation = unwrap(annotation)
    if is_union(annotation):
        return any(unwrap(a) is str for a in get_args(annotation))
    return annotation is str
