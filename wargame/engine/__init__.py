"""The rules of wargame: a pure, deterministic turn engine.

Takes a validated campaign and a seed; `Game.step(orders)` resolves one turn
and returns its typed events. No I/O, no printing, no clock, no global random
state: the same seed and orders give the same events on any machine.

This package is the engine's public face: the front ends, records, reports and
analysis import what they need from here (and the event vocabulary from
`wargame.engine.events`); only the blue view (`wargame.view`) reads the engine's
modules directly, to build the player's picture. Names are imported on first
use (PEP 562), so a command that only reads a campaign or a report does not pay
for numpy's and scipy's import.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wargame.engine.advice import advisories
    from wargame.engine.allocation import assign
    from wargame.engine.command import Relocation, march_turns, relocation
    from wargame.engine.dice import MAX_SEED, check_seed
    from wargame.engine.fire_control import channels_in_use
    from wargame.engine.game import (
        Game,
        GameOverError,
        Outcome,
        Score,
        resolve_turn,
        score_of,
        turn_ahead,
    )
    from wargame.engine.geometry import SAME_SITE_KM
    from wargame.engine.objectives import ObjectiveResult
    from wargame.engine.orders import (
        ACTIONS,
        DOCTRINES,
        EMISSION,
        MAX_SALVO,
        STANDING_KINDS,
        WEAPONS,
        Action,
        Doctrine,
        Emission,
        Order,
        StandingKind,
        StandingOrder,
        Weapons,
    )
    from wargame.engine.scenario import Scenario, build_scenario
    from wargame.engine.standing import Standing
    from wargame.engine.state import ACTIVE, State, initial_state

_HOMES = {
    "advisories": "advice",
    "assign": "allocation",
    "march_turns": "command",
    "relocation": "command",
    "Relocation": "command",
    "channels_in_use": "fire_control",
    "SAME_SITE_KM": "geometry",
    "ObjectiveResult": "objectives",
    "ACTIVE": "state",
    "MAX_SEED": "dice",
    "check_seed": "dice",
    "Game": "game",
    "GameOverError": "game",
    "Outcome": "game",
    "Score": "game",
    "resolve_turn": "game",
    "score_of": "game",
    "turn_ahead": "game",
    "ACTIONS": "orders",
    "DOCTRINES": "orders",
    "EMISSION": "orders",
    "MAX_SALVO": "orders",
    "WEAPONS": "orders",
    "Action": "orders",
    "Doctrine": "orders",
    "Emission": "orders",
    "Order": "orders",
    "Weapons": "orders",
    "STANDING_KINDS": "orders",
    "StandingKind": "orders",
    "StandingOrder": "orders",
    "Scenario": "scenario",
    "build_scenario": "scenario",
    "Standing": "standing",
    "State": "state",
    "initial_state": "state",
}

__all__ = [
    "ACTIONS",
    "ACTIVE",
    "DOCTRINES",
    "EMISSION",
    "MAX_SALVO",
    "MAX_SEED",
    "SAME_SITE_KM",
    "STANDING_KINDS",
    "WEAPONS",
    "Action",
    "Doctrine",
    "Emission",
    "Game",
    "GameOverError",
    "ObjectiveResult",
    "Order",
    "Outcome",
    "Relocation",
    "Scenario",
    "Score",
    "Standing",
    "StandingKind",
    "StandingOrder",
    "State",
    "Weapons",
    "advisories",
    "assign",
    "build_scenario",
    "channels_in_use",
    "check_seed",
    "initial_state",
    "march_turns",
    "relocation",
    "resolve_turn",
    "score_of",
    "turn_ahead",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'wargame.engine' has no attribute '{name}'")
    return getattr(importlib.import_module(f"wargame.engine.{home}"), name)
