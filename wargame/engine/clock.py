"""The engine's clock: a turn is a tick of `sc.dt` seconds, turn n ending at n·dt.

A rule that acts every so many seconds (a radar's scan, a fire unit's launch interval)
acts on a grid of that period from the start of the game; a turn holds the grid's
instants in it, floor(n T / p) − floor((n − 1) T / p) for turn n of T seconds, so that
any span of game time holds as many whatever the turn's length. Read by detection (the
looks of a turn) and fire control (the launches of a turn).
"""

from __future__ import annotations

import numpy as np


def instants_in_turn(turn: int, seconds_per_turn: float, period_s: np.ndarray) -> np.ndarray:
    """How many instants of a grid of `period_s` (> 0) seconds fall in `turn` (its end
    included: a hair over, so that an instant on the turn's end counts in that turn)."""
    end = np.floor(turn * seconds_per_turn / period_s + 1e-9)
    start = np.floor((turn - 1) * seconds_per_turn / period_s + 1e-9)
    count: np.ndarray = (end - start).astype(np.int64)
    return count
