"""The rules of wargame: a pure, deterministic turn engine.

Takes a validated campaign and a seed; `Game.step(orders)` resolves one turn
and returns its typed events. No I/O, no printing, no clock, no global random
state: the same seed and orders give the same events on any machine.
"""

from wargame.engine.allocation import assign
from wargame.engine.game import Game, GameOverError, Outcome, Score, resolve_turn
from wargame.engine.orders import Order

__all__ = ["Game", "GameOverError", "Order", "Outcome", "Score", "assign", "resolve_turn"]
