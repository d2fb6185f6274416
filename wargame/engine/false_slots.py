"""The pool of phantom slots false tracks live in, at the end of the threat arrays.

A radar's detector crosses its threshold on noise alone with probability Pfa in each
resolution cell it looks at, so each look raises on average

    Pfa × cells,   cells = (R / ΔR) × (360° / θ_B)

false alarms, R the radar's detection range (`detection_range_km`), ΔR its range cell
(`range_resolution_m`), θ_B its beamwidth. Each forms a tentative track
(`false_alarms`), which lives in a phantom slot: a row of the threat arrays with role
`ROLE_FALSE`, its apparent type that of a real threat of the campaign (so that nothing
blue sees tells it apart), no true class (`NO_CLASS`), no speed, no path, no target, no
cost and no warhead; it cannot be a decoy (`t_may_be_decoy` False), though its track
starts as doubted as the real tracks of its apparent class (`false_alarms`). The
phantom slots come after every real one (`false_slots`), are never spawned, and are
left out of every count of real threats (the role-based slot lists, the objectives'
truth, the report). `scenario.build_scenario` calls `with_false_slots`.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.typing import NDArray

from wargame.engine.codes import ROLE_FALSE, TARGET_NONE

F64 = NDArray[np.float64]

CONFIRM_HITS = 3
"""M: detections a tentative track needs within its first `CONFIRM_LOOKS` looks."""
CONFIRM_LOOKS = 4
"""N: the looks of the radar that formed a tentative track (the forming one first) within
which it must be detected `CONFIRM_HITS` times, or be dropped."""

POOL_SPARE = 8
"""Phantom slots beyond the expected number of false tracks alive at once (and six
standard deviations of it): room for confirmed false tracks coasting, and for slots held
by rounds on their way."""


STC_FRACTION = 0.1
"""Sensitivity time control: a radar's gain is held down over the nearest tenth of its
range (a game value), where the echoes of the ground and of close targets are strong,
so no false alarm is raised there."""


def resolution_cells(range_km: F64, range_cell_km: F64, beamwidth_rad: F64) -> F64:
    """Resolution cells a radar looks at in one look, beyond its sensitivity time
    control: ((1 − s) R / ΔR) × (2π / θ_B)."""
    beyond = (1.0 - STC_FRACTION) * range_km
    return np.asarray(beyond / range_cell_km * (2.0 * math.pi / beamwidth_rad))


def alarms_per_look(pfa: F64, range_km: F64, range_cell_km: F64, beamwidth_rad: F64) -> F64:
    """Expected false alarms in one look of each radar: Pfa × cells."""
    return np.asarray(pfa * resolution_cells(range_km, range_cell_km, beamwidth_rad))


def pool_size(per_look: F64) -> int:
    """Phantom slots for radars raising `per_look` false alarms a look: a tentative false
    track lives until its window of `CONFIRM_LOOKS` looks closes, so those alive at a
    turn's end are those of each radar's last N − 1 looks, λ (N − 1) on average (a
    Poisson count); six standard deviations and `POOL_SPARE` more."""
    alive = float(np.sum(per_look)) * (CONFIRM_LOOKS - 1)
    if alive <= 0.0:
        return 0
    return math.ceil(alive + 6.0 * math.sqrt(alive)) + POOL_SPARE


_APPARENT = (
    "t_apparent_class",
    "t_apparent_cost",
    "t_apparent_release_km",
    "t_apparent_warhead",
    "t_apparent_fraction",
    "t_apparent_armed",
)
"""Fields a phantom slot copies from the real slot it seems to be: what blue can see."""
NO_CLASS = -1
"""A phantom slot's true class: none, nothing is there (a round's true kill probability
at it is nil: `launch`)."""
_FILL = {
    "t_role": ROLE_FALSE,
    "t_class": NO_CLASS,
    "t_group": -1,
    "t_spawn_turn": -1,
    "t_target_kind": TARGET_NONE,
    "t_target_index": -1,
    "t_parent": -1,
    "t_until_turn": 1 << 30,
    "t_n_points": 1,
    "t_dive_km": -np.inf,
    "t_targets": TARGET_NONE,
}
"""Fields a phantom slot holds other than zero (or False)."""


def with_false_slots(threats: dict[str, Any], pool: int) -> dict[str, Any]:
    """The threat fields of `Scenario` (`threat_slots`) with `pool` phantom slots appended,
    and `false_slots` naming them. Every per-slot array gains `pool` rows (zeros, or
    `_FILL`'s value), the apparent fields copied from the real strike slots in turn (any
    real slot if there is no strike; no phantom at all if there is no threat). The slot
    lists (`*_slots`) and the maps by slot are left as they are: no phantom is in them."""
    n = len(threats["threat_type"])
    if n == 0 or pool <= 0:
        return {
            **threats,
            "false_slots": np.zeros(0, dtype=np.int64),
            "false_doubted": np.zeros(0, dtype=bool),
        }
    strike = np.asarray(threats["strike_slots"])
    models = strike if strike.size else np.arange(n)
    like = models[np.arange(pool) % models.size]
    out = dict(threats)
    for key, value in threats.items():
        if key.endswith("_slots") or not isinstance(value, np.ndarray | list):
            continue
        if isinstance(value, list):
            if len(value) == n:
                out[key] = value + [value[i] for i in like.tolist()]
            continue
        if value.ndim == 0 or value.shape[0] != n:
            continue
        if key in _APPARENT:
            extra = value[like]
        else:
            extra = np.zeros((pool, *value.shape[1:]), dtype=value.dtype)
            if key in _FILL:
                extra[...] = _FILL[key]
        out[key] = np.concatenate([value, extra])
    out["false_slots"] = np.arange(n, n + pool, dtype=np.int64)
    # Computed once here rather than at each false alarm (`false_alarms`).
    real_class = np.asarray(threats["t_apparent_class"])
    doubted = np.unique(real_class[np.asarray(threats["t_may_be_decoy"], dtype=bool)])
    out["false_doubted"] = np.isin(out["t_apparent_class"][n:], doubted)
    return out
