"""Injects: the exercise's script, written in the campaign file as `[[injects]]`.

An inject is an event the instructor scripts: at a turn, or on a condition (`When`),
a radar fails for some turns, the link to a command post is cut, a raid held back
pops up, rounds arrive. The same `When` says when a
hint is shown (`wargame.campaign.hints`). The schema (`Campaign.injects`) takes
these models; `check_injects` holds the cross-references the schema cannot make,
and the loader runs it with the others. The engine's phase
(`wargame.engine.injects`) carries them out.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from wargame.campaign.reading import shown, suggest

if TYPE_CHECKING:
    from wargame.campaign.schema import Campaign

MAX_TURN = 10_000

ThreatClassName = Literal[
    "fighter",
    "bomber",
    "awacs",
    "cruise_missile",
    "ballistic_missile",
    "drone",
    "decoy",
    "arm",
]
"""A threat class, as `ThreatClass` names them (kept here so the schema imports this
module, not the other way)."""

InjectKind = Literal["radar_failure", "link_cut", "popup_raid", "resupply", "asset_priority"]
INJECT_KINDS: tuple[str, ...] = (
    "radar_failure",
    "link_cut",
    "popup_raid",
    "resupply",
    "asset_priority",
)


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, allow_inf_nan=False, use_attribute_docstrings=True
    )


class When(_Model):
    """When an inject fires or a hint shows: give exactly one of these keys."""

    turn: Annotated[int, Field(ge=1, le=MAX_TURN)] | None = None
    """On this turn."""
    tracks: Annotated[int, Field(ge=1, le=100_000)] | None = None
    """When the radars have made this many tracks (1: the first track of the game)."""
    first_track: ThreatClassName | None = None
    """When the radars first hold a track of this class (a hint judges it as the radars
    classify the track, so a decoy counts as what it mimics)."""
    units_lost: Annotated[int, Field(ge=1, le=10_000)] | None = None
    """When this many radars and fire units have been destroyed."""
    asset_hit: Annotated[str, Field(min_length=1, max_length=80)] | None = None
    """When the named asset first takes damage."""
    rounds_below: Annotated[int, Field(ge=1, le=100_000)] | None = None
    """When the rounds ready and in stock of `fire_unit` (all fire units if not given),
    of `missile` (every type if not given), fall below this many."""
    fire_unit: Annotated[str, Field(min_length=1, max_length=80)] | None = None
    """With rounds_below: the fire unit counted."""
    missile: Annotated[str, Field(min_length=1, max_length=80)] | None = None
    """With rounds_below: the missile type counted."""

    @model_validator(mode="after")
    def _one_condition(self) -> When:
        given = [key for key in CONDITIONS if getattr(self, key) is not None]
        if len(given) != 1:
            keys = ", ".join(CONDITIONS)
            said = f"got {', '.join(given)}" if given else "got none"
            raise ValueError(f"give exactly one of {keys} ({said})")
        if self.rounds_below is None and (self.fire_unit or self.missile):
            raise ValueError("fire_unit and missile go with rounds_below only")
        return self

    @property
    def condition(self) -> str:
        """The key given: 'turn', 'first_track', ..."""
        return next(key for key in CONDITIONS if getattr(self, key) is not None)


CONDITIONS = ("turn", "tracks", "first_track", "units_lost", "asset_hit", "rounds_below")
"""The keys of `When`, one of which is given."""


class Inject(_Model):
    name: Annotated[str, Field(min_length=1, max_length=80)]
    """Its name, as the log and the after-action report call it."""
    when: When
    """When it fires: `{ turn = 8 }`, `{ tracks = 1 }`, `{ first_track = "arm" }`,
    `{ units_lost = 1 }`, `{ asset_hit = "Aldmouth port" }` or
    `{ rounds_below = 10, fire_unit = "FU Alpha" }`.
    Judged on what truly happened (injects are the exercise's script); it fires at the end
    of the turn the condition is first met, and takes effect from the next turn."""
    kind: InjectKind
    """radar_failure, link_cut, popup_raid, resupply or asset_priority."""
    unit: Annotated[str, Field(min_length=1, max_length=80)] | None = None
    """radar_failure: the radar or fire unit that fails (silent, and cannot emit)."""
    turns: Annotated[int, Field(ge=1, le=MAX_TURN)] | None = None
    """radar_failure: how many turns it stays out of action."""
    command_post: Annotated[str, Field(min_length=1, max_length=80)] | None = None
    """link_cut: the command post whose links are cut: its fire units fight alone, each
    with its own radar, for the rest of the game."""
    raid: Annotated[str, Field(min_length=1, max_length=80)] | None = None
    """popup_raid: a raid of red.raids, held back until the inject fires (not entering on
    its own turn, which must be 2 or later). A held raid does not keep the game open: if
    every other raid is spent first, the game ends without it."""
    fire_unit: Annotated[str, Field(min_length=1, max_length=80)] | None = None
    """resupply: the fire unit the rounds go to."""
    missile: Annotated[str, Field(min_length=1, max_length=80)] | None = None
    """resupply: the missile type."""
    rounds: Annotated[int, Field(ge=1, le=100_000)] | None = None
    """resupply: how many rounds: onto the launchers' free tubes first, the rest into stock
    for reloading."""
    asset: Annotated[str, Field(min_length=1, max_length=80)] | None = None
    """asset_priority: the defended asset whose priority changes."""
    priority: Annotated[float, Field(gt=0.0, le=100.0)] | None = None
    """asset_priority: its new priority (as `blue.assets.priority`), in force from the
    next turn: the score counts the asset's value kept and lost at the priority it has
    at the end."""
    message: Annotated[str, Field(max_length=400)] = ""
    """What the log says when it fires, beside the effect (an order from higher command, a
    report from the field). Left empty, the log states the effect alone."""


NEEDS: dict[str, tuple[str, ...]] = {
    "radar_failure": ("unit", "turns"),
    "link_cut": ("command_post",),
    "popup_raid": ("raid",),
    "resupply": ("fire_unit", "missile", "rounds"),
    "asset_priority": ("asset", "priority"),
}
"""The keys each kind of inject needs; the others are refused."""

PathKey = tuple[str | int, ...]


def check_when(
    when: When, base: PathKey, campaign: Campaign, missiles: list[str]
) -> Iterator[tuple[PathKey, str]]:
    """The names a condition gives, checked against the campaign; yields (path, why)."""
    blue = campaign.blue
    limit = campaign.clock.turn_limit
    if when.turn is not None and when.turn > limit:
        yield (
            (*base, "turn"),
            f"turn {when.turn} is after the turn limit {limit} (clock.turn_limit)",
        )
    assets = [a.name for a in blue.assets]
    if when.asset_hit is not None and when.asset_hit not in assets:
        yield (*base, "asset_hit"), unknown("asset", when.asset_hit, assets)
    units = [u.name for u in blue.fire_units]
    if when.fire_unit is not None and when.fire_unit not in units:
        yield (*base, "fire_unit"), unknown("fire unit", when.fire_unit, units)
    if when.missile is not None and when.missile not in missiles:
        yield (*base, "missile"), unknown("missile type", when.missile, missiles)


def check_injects(campaign: Campaign, missiles: list[str]) -> Iterator[tuple[PathKey, str]]:
    """Every inject's names and keys, checked against the campaign; yields (path, why)."""
    blue, red = campaign.blue, campaign.red
    radars = [r.name for r in blue.radars] + [u.name for u in blue.fire_units]
    units = [u.name for u in blue.fire_units]
    posts = [c.name for c in blue.command_posts]
    raids = [r.name for r in red.raids]
    assets = [a.name for a in blue.assets]
    seen: dict[str, int] = {}
    for i, inject in enumerate(campaign.injects):
        base: PathKey = ("injects", i)
        if inject.name in seen:
            yield (
                (*base, "name"),
                f"name {shown(inject.name)} is already used by injects[{seen[inject.name]}]",
            )
        seen.setdefault(inject.name, i)
        yield from check_when(inject.when, (*base, "when"), campaign, missiles)
        needs = NEEDS[inject.kind]
        for key in needs:
            if getattr(inject, key) is None:
                yield (*base, key), f"missing required key (kind {inject.kind} needs it)"
        for key in sorted({k for ks in NEEDS.values() for k in ks} - set(needs)):
            if getattr(inject, key) is not None:
                yield (*base, key), f"kind {inject.kind} takes no {key}"
        named = {
            "unit": ("radar or fire unit", radars),
            "command_post": ("command post", posts),
            "raid": ("raid", raids),
            "fire_unit": ("fire unit", units),
            "missile": ("missile type", missiles),
            "asset": ("asset", assets),
        }
        for key, (what, choices) in named.items():
            value = getattr(inject, key)
            if key in needs and value is not None and value not in choices:
                yield (*base, key), unknown(what, value, choices)
        if inject.kind == "popup_raid" and inject.raid in raids:
            g = raids.index(inject.raid)
            if red.raids[g].turn < 2:
                yield (
                    ("red", "raids", g, "turn"),
                    f"raid {shown(inject.raid)} pops up by injects[{i}], so it cannot enter on "
                    "turn 1: give it turn 2 or later (it enters when the inject fires)",
                )

    popups = [i for i, j in enumerate(campaign.injects) if j.kind == "popup_raid"]
    if popups and raids and {campaign.injects[i].raid for i in popups} >= set(raids):
        yield (
            ("injects", popups[0], "raid"),
            "every raid would wait for an inject: at least one must enter on its own turn "
            "(the game ends once the raids that came are spent)",
        )


def unknown(what: str, name: str, choices: list[str]) -> str:
    return f"unknown {what} {shown(name)}{suggest(name, choices)}"
