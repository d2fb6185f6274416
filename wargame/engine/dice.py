"""The dice: one random generator per (seed, turn, phase), never a global one.

Each phase that rolls asks for its generator and draws arrays of a fixed shape
indexed by entity (threat, radar, shot slot), so that a draw belongs to an
entity and a slot rather than to the order of calls. An extra shot somewhere
then leaves every other entity's dice unchanged: these are common random
numbers, which what-if branches and luck-versus-skill analysis rest on.
"""

from __future__ import annotations

from enum import IntEnum

import numpy as np


class Phase(IntEnum):
    """The phases of a turn that roll dice; the value is part of the seed entropy."""

    DETECTION = 1
    INTERCEPT = 2
    DAMAGE = 3
    ASSESSMENT = 4
    """Kill assessment: how the engagement radar reads each intercept."""
    MEASUREMENT = 5
    """Measurement errors of the radars' looks."""
    CLASSIFICATION = 6
    """What a look tells of a track's class (decoy or not)."""
    FALSE_ALARM = 7
    """The radars' false alarms: how many, where, and what falls in their gates."""
    LOOK_ORDER = 8
    """Which of a turn's looks at a tentative track detected it (confirmation, M of N)."""


MAX_SEED = 2**63 - 1


def check_seed(seed: object) -> int:
    """A seed must be a non-negative integer (not a bool); returns it as int."""
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer):
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
    if not 0 <= int(seed) <= MAX_SEED:
        raise ValueError(f"seed must be between 0 and {MAX_SEED}, got {seed}")
    return int(seed)


def generator(seed: int, turn: int, phase: Phase) -> np.random.Generator:
    """The generator of one phase of one turn: PCG64 seeded by SeedSequence((seed, turn, phase))."""
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence((seed, turn, int(phase)))))
