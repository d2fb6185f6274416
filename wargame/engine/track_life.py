"""How long a track lives and when it counts as identified: the two timing rules of
the blue picture, in seconds of game time so that they do not hang on the turn length.

The detection phase drops a track once it has gone `coast_turns` turns without a
detection; fire control reads the same figure for the tracks a command post still
holds, and asks `identified` before a unit on weapons tight engages.
"""

from __future__ import annotations

import math

import numpy as np

from wargame.engine.scenario import Scenario
from wargame.engine.state import State


def coast_turns(sc: Scenario) -> int:
    """Whole turns a track is kept without a detection: the campaign's coasting time
    (`rules.track_coast_s`, or its turns at its own turn length) in this game's turns."""
    return math.floor(sc.coast_s / sc.dt + 1e-9)


def identified(sc: Scenario, st: State, slots: np.ndarray) -> np.ndarray:
    """(T,) whether each tracked threat has been held long enough to count as hostile:
    from its first detection to its latest at least `identification_s`."""
    held = (st.track_last[slots] - st.track_born[slots]) * sc.dt
    found: np.ndarray = (st.track_id[slots] >= 0) & (held >= sc.identification_s - 1e-9)
    return found
