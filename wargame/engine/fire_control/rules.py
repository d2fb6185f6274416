"""The standing orders fire control obeys: fire held at a class far from the assets, the
only missile type and the salvo for a class.

`FireRules.of(sc, rules)` turns the standing orders in force into (fire unit, class)
tables once a turn; planning asks `holds` which pairs hold their fire, the envelope
(`pair_options`) asks `allowed` which types a pair may use, and `salvo_size` takes the
salvo for a class from here. Automatic fire alone obeys them: an engagement the player
orders is an explicit order, and overrides the doctrine a standing order sets.
All of it reads the track, never the threat: its apparent class and its estimated
position.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from wargame.engine.orders import StandingOrder
from wargame.engine.scenario import CLASS_NAMES, Scenario
from wargame.engine.state import State


@dataclass(frozen=True)
class FireRules:
    """Per (fire unit, class as the radars take it) what the standing orders in force say."""

    hold_km: np.ndarray
    """(F, C) fire only at a track this near a defended asset (inf: no such rule)."""
    missile: np.ndarray
    """(F, C) the only missile type to fire (-1: any)."""
    salvo: np.ndarray
    """(F, C) rounds per engagement (0: the unit's setting)."""

    @classmethod
    def of(cls, sc: Scenario, rules: Sequence[StandingOrder]) -> FireRules | None:
        """The tables of the fire rules among `rules` (None if there are none). Where two
        rules speak of the same unit and class, the nearer hold and the later weapon win."""
        fire = [r for r in rules if r.kind in ("hold_fire", "weapon")]
        if not fire:
            return None
        shape = (len(sc.f_name), len(CLASS_NAMES))
        hold_km = np.full(shape, np.inf)
        missile = np.full(shape, -1, dtype=np.int64)
        salvo = np.zeros(shape, dtype=np.int64)
        for rule in fire:
            if rule.threat_class not in CLASS_NAMES:
                continue
            c = CLASS_NAMES.index(rule.threat_class)
            units = [f for f, name in enumerate(sc.f_name) if rule.applies_to(name)]
            if rule.kind == "hold_fire":
                hold_km[units, c] = np.minimum(hold_km[units, c], float(rule.range_km or 0.0))
                continue
            if rule.missile in sc.m_name:
                missile[units, c] = sc.m_name.index(str(rule.missile))
            if rule.salvo:
                salvo[units, c] = rule.salvo
        return cls(hold_km, missile, salvo)

    def holds(
        self, sc: Scenario, st: State, pair_unit: np.ndarray, pair_slot: np.ndarray
    ) -> np.ndarray:
        """(P,) whether each (unit, track) pair holds its fire: a hold rule for the class its
        track shows, and the track's estimated position farther than its range from
        every defended asset."""
        limit = self.hold_km[pair_unit, st.track_class[pair_slot]]
        ruled: np.ndarray = np.isfinite(limit)
        if not np.count_nonzero(ruled) or not len(sc.a_name):
            return ruled
        since = (st.turn - st.track_last[pair_slot]) * sc.dt
        x = st.track_x[pair_slot] + st.track_vx[pair_slot] * since
        y = st.track_y[pair_slot] + st.track_vy[pair_slot] * since
        assets = sc.a_position
        nearest = np.hypot(x[:, None] - assets[:, 0], y[:, None] - assets[:, 1]).min(axis=1)
        return np.asarray(ruled & (nearest > limit))

    def allowed(self, units: np.ndarray, cls: np.ndarray, n_missiles: int) -> np.ndarray:
        """(P, M) the missile types each pair may fire by the rules."""
        only: np.ndarray = self.missile[units, cls]
        types = np.arange(n_missiles)
        return np.asarray((only[:, None] < 0) | (only[:, None] == types[None, :]))
