"""Load and validate campaign files: TOML text in, a `Campaign` out, or every problem.

Called by the CLI (`wargame validate`, `wargame run`), by saves (which embed the
campaign text) and by the TUI's campaign picker. Problems name the file, the line
where it is truly known, the dotted field path and what is wrong; the whole file
is checked, so an author sees every problem at once.
"""

from __future__ import annotations

import difflib
import hashlib
import math
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError

from wargame.campaign.catalogue import MergedCatalogue, merge_catalogue
from wargame.campaign.locate import LineFinder, PathKey
from wargame.campaign.schema import Campaign, ThreatClass
from wargame.errors import CampaignError, Problem

MAX_FILE_BYTES = 5_000_000


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
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise error(Problem(name, f"file is too large ({size} bytes; at most {MAX_FILE_BYTES})"))
        data = path.read_bytes()
    except FileNotFoundError:
        raise error(Problem(name, "no such file")) from None
    except PermissionError:
        raise error(Problem(name, "permission denied")) from None
    except OSError as exc:
        raise error(Problem(name, f"cannot read: {exc.strerror or exc}")) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(
            Problem(name, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})")
        ) from None


def parse_campaign(text: str, name: str) -> LoadedCampaign:
    """Validate campaign TOML text; `name` is what messages call the file."""
    if not text.strip():
        raise CampaignError(Problem(name, "the file is empty"))
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CampaignError(_toml_problem(name, exc)) from None
    except RecursionError:
        raise CampaignError(Problem(name, "not valid TOML: nested too deeply")) from None
    lines = LineFinder(text)
    try:
        campaign = Campaign.model_validate(document)
    except ValidationError as exc:
        raise CampaignError(list(_schema_problems(name, exc, lines))) from None
    except RecursionError:
        raise CampaignError(Problem(name, "nested too deeply")) from None
    catalogue = merge_catalogue(campaign.catalogue)
    problems = [
        Problem(name, message, _dotted(path), lines.line_of(path))
        for path, message in check_references(campaign, catalogue)
    ]
    if problems:
        raise CampaignError(problems)
    return LoadedCampaign(campaign, catalogue, text, name)


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
    return Problem(name, f"not valid TOML: {message[:1].lower()}{message[1:]}", line=line)


def _dotted(path: Iterable[str | int]) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


# Pydantic speaks JSON; campaign authors read TOML.
_WORDS = {
    "Input should be a valid dictionary": "expected a table",
    "Input should be a valid list": "expected an array",
    "Input should be a valid tuple": "expected an array",
    "Input should be a valid string": "expected a string",
    "Input should be a valid number": "expected a number",
    "Input should be a valid integer": "expected an integer",
    "Input should be a valid boolean": "expected true or false",
    "Input should be a finite number": "expected a finite number (not nan or inf)",
}


def _schema_problems(name: str, exc: ValidationError, lines: LineFinder) -> Iterator[Problem]:
    seen: set[tuple[PathKey, str]] = set()
    for error in exc.errors(include_url=False):
        loc = _clean_loc(error["loc"])
        kind = error["type"]
        if kind == "missing":
            message = "missing required field"
            line = lines.line_of(loc, missing=True)
        elif kind == "extra_forbidden":
            message = _unknown_key(loc)
            line = lines.line_of(loc)
        else:
            message = _message(error)
            line = lines.line_of(loc)
        key = (loc, message)
        if key in seen:
            continue
        seen.add(key)
        yield Problem(name, message, _dotted(loc), line)


def _clean_loc(loc: tuple[int | str, ...]) -> PathKey:
    # Union members show up as extra loc parts ("tuple[...]", "str"); drop them.
    out: list[str | int] = []
    for part in loc:
        if isinstance(part, str) and ("[" in part and "]" in part or part in {"str", "float"}):
            continue
        if isinstance(part, str) and part.startswith("function-after"):
            continue
        out.append(part)
    return tuple(out)


def _message(error: Any) -> str:
    text = str(error["msg"])
    for pydantic_words, toml_words in _WORDS.items():
        if text.startswith(pydantic_words):
            text = toml_words + text[len(pydantic_words):]
            break
    if text.startswith("Value error, "):
        text = text[len("Value error, "):]
    text = text[:1].lower() + text[1:]
    given = error.get("input")
    if error["type"] not in {"value_error", "union_tag_invalid"} and _is_scalar(given):
        text += f", got {_show(given)}"
    return text


def _is_scalar(value: object) -> bool:
    return isinstance(value, str | int | float | bool)


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _unknown_key(loc: PathKey) -> str:
    key = str(loc[-1])
    allowed = _keys_at(loc[:-1])
    return f"unknown key '{key}'{suggest(key, allowed)}"


def suggest(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the nearest choice, or ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _keys_at(loc: PathKey) -> list[str]:
    model: Any = Campaign
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return []
        field = next(
            (f for n, f in model.model_fields.items() if (f.alias or n) == part), None
        )
        if field is None:
            return []
        model = _model_in(field.annotation)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return [f.alias or n for n, f in model.model_fields.items()]
    return []


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) is not None or get_args(annotation):
        for arg in get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None


# ---------------------------------------------------------------- cross-references


def check_references(
    campaign: Campaign, catalogue: MergedCatalogue
) -> Iterator[tuple[PathKey, str]]:
    """Every reference between parts of a valid-shaped campaign, checked; yields (path, why)."""
    places = {p.name: p.position for p in campaign.map.places}
    width, height = campaign.map.width_km, campaign.map.height_km

    yield from _unique_names(campaign)
    yield from _catalogue_problems(catalogue)

    def position(path: PathKey, pos: tuple[float, float] | str) -> Iterator[tuple[PathKey, str]]:
        if isinstance(pos, str):
            if pos not in places:
                yield path, f"unknown place '{pos}'{suggest(pos, places)}"
            return
        x, y = pos
        if not (0.0 <= x <= width and 0.0 <= y <= height):
            yield path, f"[{x:g}, {y:g}] is off the map (0..{width:g} x 0..{height:g} km)"

    def on_map(pos: tuple[float, float] | str) -> bool:
        x, y = places.get(pos, (-1.0, -1.0)) if isinstance(pos, str) else pos
        return 0.0 <= x <= width and 0.0 <= y <= height

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
            yield (*base, "type"), f"unknown radar type '{radar.type}'{suggest(radar.type, catalogue.radars)}"
        if radar.command_post not in cps:
            yield (*base, "command_post"), (
                f"unknown command post '{radar.command_post}'{suggest(radar.command_post, cps)}"
            )
    for i, unit in enumerate(blue.fire_units):
        base = ("blue", "fire_units", i)
        yield from position((*base, "position"), unit.position)
        radar_type = catalogue.radars.get(unit.radar)
        if radar_type is None:
            yield (*base, "radar"), f"unknown radar type '{unit.radar}'{suggest(unit.radar, catalogue.radars)}"
        elif radar_type.guidance_channels < 1:
            yield (*base, "radar"), f"radar type '{unit.radar}' cannot guide missiles (guidance_channels is 0)"
        if unit.command_post not in cps:
            yield (*base, "command_post"), (
                f"unknown command post '{unit.command_post}'{suggest(unit.command_post, cps)}"
            )
        launcher = catalogue.launchers.get(unit.launcher)
        if launcher is None:
            yield (*base, "launcher"), (
                f"unknown launcher type '{unit.launcher}'{suggest(unit.launcher, catalogue.launchers)}"
            )
        tubes_needed = 0
        for table in ("loadout", "reloads"):
            for missile, count in getattr(unit, table).items():
                if missile not in catalogue.missiles:
                    yield (*base, table, missile), (
                        f"unknown missile type '{missile}'{suggest(missile, catalogue.missiles)}"
                    )
                elif table == "loadout":
                    tubes_needed += -(-count // catalogue.missiles[missile].per_tube)
        if not any(unit.loadout.values()):
            yield (*base, "loadout"), "a fire unit needs at least one missile on its launchers"
        if launcher is not None and tubes_needed > unit.launchers * launcher.tubes:
            yield (*base, "loadout"), (
                f"needs {tubes_needed} tubes but {unit.launchers} launchers of "
                f"{launcher.tubes} tubes hold {unit.launchers * launcher.tubes}"
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
    for i, raid in enumerate(red.raids):
        base = ("red", "raids", i)
        threat = catalogue.threats.get(raid.threat)
        if threat is None:
            yield (*base, "threat"), f"unknown threat type '{raid.threat}'{suggest(raid.threat, catalogue.threats)}"
        elif threat.threat_class == ThreatClass.ARM:
            yield (*base, "threat"), "anti-radiation missiles are launched by sead flights, not raids"
        yield from position((*base, "origin"), raid.origin)
        if not isinstance(raid.origin, str) and not on_map(raid.origin):
            pass  # reported by position() as off the map
        for k, point in enumerate(raid.waypoints):
            yield from _position_known((*base, "waypoints", k), point, places)
        if raid.target not in targets:
            yield (*base, "target"), f"unknown target '{raid.target}'{suggest(raid.target, targets)}"
        if raid.turn > limit:
            yield (*base, "turn"), f"turn {raid.turn} is after the turn limit {limit}"
    for i, flight in enumerate(red.sead):
        base = ("red", "sead", i)
        aircraft = catalogue.threats.get(flight.aircraft)
        if aircraft is None:
            yield (*base, "aircraft"), (
                f"unknown threat type '{flight.aircraft}'{suggest(flight.aircraft, catalogue.threats)}"
            )
        arm = catalogue.threats.get(flight.arm)
        if arm is None:
            yield (*base, "arm"), f"unknown threat type '{flight.arm}'{suggest(flight.arm, catalogue.threats)}"
        elif arm.threat_class != ThreatClass.ARM:
            yield (*base, "arm"), f"threat type '{flight.arm}' is not an anti-radiation missile (class arm)"
        yield from position((*base, "origin"), flight.origin)
        yield from position((*base, "station"), flight.station)
    for i, jammer in enumerate(red.jammers):
        base = ("red", "jammers", i)
        aircraft = catalogue.threats.get(jammer.aircraft)
        if aircraft is None:
            yield (*base, "aircraft"), (
                f"unknown threat type '{jammer.aircraft}'{suggest(jammer.aircraft, catalogue.threats)}"
            )
        elif aircraft.jammer_jnr_db is None:
            yield (*base, "aircraft"), f"threat type '{jammer.aircraft}' carries no jammer (jammer_jnr_db)"
        yield from position((*base, "origin"), jammer.origin)
        yield from position((*base, "station"), jammer.station)
        if jammer.until_turn is not None and jammer.until_turn < jammer.turn:
            yield (*base, "until_turn"), f"{jammer.until_turn} is before its turn {jammer.turn}"


def _position_known(
    path: PathKey, pos: tuple[float, float] | str, places: dict[str, tuple[float, float]]
) -> Iterator[tuple[PathKey, str]]:
    # Waypoints may lie off the map (a raid may route around it), but names must exist.
    if isinstance(pos, str) and pos not in places:
        yield path, f"unknown place '{pos}'{suggest(pos, places)}"


def _unique_names(campaign: Campaign) -> Iterator[tuple[PathKey, str]]:
    groups: list[tuple[PathKey, list[str]]] = [
        (("map", "places"), [p.name for p in campaign.map.places]),
        (("red", "raids"), [r.name for r in campaign.red.raids]),
        (("red", "sead"), [s.name for s in campaign.red.sead]),
        (("red", "jammers"), [j.name for j in campaign.red.jammers]),
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
            path = (*table, i, "name")
            if unit_name in seen:
                yield path, f"name '{unit_name}' is already used at {_dotted(seen[unit_name][:-1])}"
            else:
                seen[unit_name] = path
    for table, names in groups:
        first: dict[str, int] = {}
        for i, item_name in enumerate(names):
            if item_name in first:
                yield (*table, i, "name"), (
                    f"name '{item_name}' is already used at {_dotted((*table, first[item_name]))}"
                )
            else:
                first[item_name] = i


def _catalogue_problems(catalogue: MergedCatalogue) -> Iterator[tuple[PathKey, str]]:
    for name, threat in catalogue.threats.items():
        where = catalogue.where(("threats", name))
        if threat.threat_class == ThreatClass.DECOY:
            if threat.mimics is None:
                yield (*where, "mimics"), "a decoy must name the threat type it mimics"
            elif threat.mimics not in catalogue.threats:
                yield (*where, "mimics"), (
                    f"unknown threat type '{threat.mimics}'{suggest(threat.mimics, catalogue.threats)}"
                )
        elif threat.mimics is not None:
            yield (*where, "mimics"), "only decoys (class decoy) mimic another type"
        if threat.threat_class == ThreatClass.ARM and threat.arm_range_km is None:
            yield (*where, "arm_range_km"), "an anti-radiation missile needs its launch range"
        if threat.threat_class != ThreatClass.ARM and threat.arm_range_km is not None:
            yield (*where, "arm_range_km"), "only anti-radiation missiles (class arm) have arm_range_km"
