"""The system catalogue: built-in radar, missile, launcher and threat types, merged
with the ones a campaign adds or replaces.

The built-in types live in `builtin_catalogue.toml` beside this module, so an
author can read them as they would read a campaign.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TypeVar

from wargame.campaign.schema import Catalogue, LauncherType, MissileType, RadarType, ThreatType

PathKey = tuple[str | int, ...]
_T = TypeVar("_T", RadarType, MissileType, LauncherType, ThreatType)


@dataclass(frozen=True)
class MergedCatalogue:
    """Every type a campaign may name, by name; campaign entries win over built-in ones."""

    radars: dict[str, RadarType]
    missiles: dict[str, MissileType]
    launchers: dict[str, LauncherType]
    threats: dict[str, ThreatType]
    _origin: dict[tuple[str, str], PathKey] = field(default_factory=dict, repr=False)

    def where(self, key: tuple[str, str]) -> PathKey:
        """The field path of a type in the campaign file (or in the built-in catalogue)."""
        return self._origin.get(key, ("catalogue", key[0], key[1]))


@cache
def builtin_catalogue() -> Catalogue:
    text = resources.files("wargame.campaign").joinpath("builtin_catalogue.toml").read_text("utf-8")
    return Catalogue.model_validate(tomllib.loads(text))


def merge_catalogue(extra: Catalogue) -> MergedCatalogue:
    base = builtin_catalogue()
    origin: dict[tuple[str, str], PathKey] = {}

    def merged(kind: str, built_in: list[_T], added: list[_T]) -> dict[str, _T]:
        out = {item.name: item for item in built_in}
        for i, item in enumerate(added):
            out[item.name] = item
            origin[(kind, item.name)] = ("catalogue", kind, i)
        return out

    return MergedCatalogue(
        radars=merged("radars", base.radars, extra.radars),
        missiles=merged("missiles", base.missiles, extra.missiles),
        launchers=merged("launchers", base.launchers, extra.launchers),
        threats=merged("threats", base.threats, extra.threats),
        _origin=origin,
    )
