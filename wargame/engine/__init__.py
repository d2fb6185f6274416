"""The rules of wargame: a pure, deterministic turn engine.

Takes a validated campaign and a seed; `Game.step(orders)` resolves one turn
and returns its typed events. No I/O, no printing, no clock, no global random
state: the same seed and orders give the same events on any machine.

Names are imported on first use (PEP 562), so that a command which only reads a
campaign or a report does not pay for numpy's and scipy's import.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wargame.engine.allocation import assign
    from wargame.engine.game import Game, GameOverError, Outcome, Score, resolve_turn
    from wargame.engine.orders import Order

_HOMES = {
    "assign": "allocation",
    "Game": "game",
    "GameOverError": "game",
    "Outcome": "game",
    "Score": "game",
    "resolve_turn": "game",
    "Order": "orders",
}

__all__ = ["Game", "GameOverError", "Order", "Outcome", "Score", "assign", "resolve_turn"]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'wargame.engine' has no attribute '{name}'")
    return getattr(importlib.import_module(f"wargame.engine.{home}"), name)
