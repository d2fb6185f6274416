"""The engine's codes: threat classes, what a threat slot is for, what it flies at.

Shared by the scenario that numbers every threat and by the phases that read the
numbers; the figures here are fixed by the rules, not by a campaign.
"""

from __future__ import annotations

import numpy as np

from wargame.campaign import ThreatClass

CLASSES: tuple[ThreatClass, ...] = tuple(ThreatClass)
CLASS_CODE = {c: i for i, c in enumerate(CLASSES)}
CLASS_NAMES: tuple[str, ...] = tuple(str(c) for c in CLASSES)
"""Lookup by class code: the class as events name it."""
AIRCRAFT_CLASSES = frozenset(
    CLASS_CODE[c] for c in (ThreatClass.FIGHTER, ThreatClass.BOMBER, ThreatClass.AWACS)
)
IS_AIRCRAFT = np.array([i in AIRCRAFT_CLASSES for i in range(len(CLASSES))], dtype=bool)
"""Lookup by class code: is it a crewed aircraft (shoot-look-shoot by default)?"""

# What a threat slot is for.
ROLE_STRIKE, ROLE_SEAD, ROLE_JAMMER, ROLE_ARM = 0, 1, 2, 3
ROLE_FALSE = 5
"""A phantom slot: a false track's, at the end of the threat arrays (`false_slots`)."""
ROLE_WEAPON = 4
"""A stand-off weapon a strike aircraft carries to its release point (`release`)."""
# What a threat is flying at.
TARGET_NONE, TARGET_ASSET, TARGET_CP, TARGET_RADAR = -1, 0, 1, 2

BALLISTIC = ThreatClass.BALLISTIC_MISSILE

REFERENCE_WARHEAD_KG = 2000.0
"""A damaging hit of this much explosive destroys an asset outright; lighter
warheads destroy the fraction warhead / this (a 450 kg cruise missile: 22.5 %).
A game value."""
