"""The changing part of a game: a structure of numpy arrays, one row per entity.

`resolve_turn` copies the state once and the phases update the copy, so a
state handed to the engine is never modified: a game can be branched by
keeping an old state.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from wargame.engine.discrimination import PRIOR_DECOY
from wargame.engine.scenario import Scenario

F64 = NDArray[np.float64]
I64 = NDArray[np.int64]
B = NDArray[np.bool_]

# Threat status.
PENDING, ACTIVE, KILLED, DELIVERED, LEFT, SPENT = 0, 1, 2, 3, 4, 5
"""SPENT: an ARM that missed or a threat whose target was gone."""

# Fire-unit settings.
HOLD, TIGHT, FREE = 0, 1, 2
AUTO, SLS, SS = 0, 1, 2

NEVER = -(1 << 30)


@dataclass(slots=True)
class Shot:
    """A missile in flight."""

    fire_unit: int
    missile: int
    threat: int
    track: int
    intercept_time: float
    """Seconds of game time at which it reaches the intercept point."""
    pk_planned: float
    """Kill probability as planned against the track's apparent class."""
    pk_true: float
    """Kill probability against what the threat really is (decoys differ)."""
    launch_turn: int
    """Turn it was fired; with the unit and the threat, it names its salvo."""


@dataclass(slots=True)
class State:
    turn: int
    """The last turn resolved (0 before the first)."""

    # Threats (N).
    status: NDArray[np.int8]
    x: F64
    y: F64
    alt: F64
    vx: F64
    vy: F64
    """Velocity over the ground, km/s."""
    flown: F64
    target_kind: I64
    target_index: I64
    path_end: F64
    """(N, 2) where an ARM flies (its radar at launch); for others, unused."""
    arms_left: I64
    arm_fired_turn: I64
    """SEAD aircraft: turn of its latest ARM launch (NEVER if none)."""
    arrival_time: F64
    """Within the turn being resolved: when it reached its target (inf if not)."""

    # Tracks: the blue picture, one possible track per threat.
    track_id: I64
    """-1 if no track."""
    track_hits: I64
    track_last: I64
    """Turn of the last detection by any radar."""
    track_born: I64
    """Turn the track was initiated (its first detection)."""
    track_x: F64
    track_y: F64
    track_alt: F64
    track_vx: F64
    track_vy: F64
    track_flown: F64
    """Distance flown at the last detection: with the ballistic profile, the
    trajectory estimate of a tracked ballistic missile."""
    # The track filter's uncertainty (`tracking`), per axis, the same for x and y: as of
    # the last update; `tracking.position_variance` carries it forward.
    track_pos_var: F64
    """Variance of the estimated position, km²."""
    track_pos_vel_cov: F64
    """Covariance of the estimated position and velocity, km²/s."""
    track_vel_var: F64
    """Variance of the estimated velocity, km²/s²."""
    seen_by: NDArray[np.int32]
    """(R, N) turn each radar last detected each threat."""
    next_track: int

    # Radars (R).
    r_x: F64
    r_y: F64
    emitting: B
    wanted_emitting: B
    """What the player last ordered; a unit that sets up again goes back to it."""
    radar_alive: B
    ready_turn: I64
    """A relocating unit is out of action until this turn."""

    # Fire units (F) and command posts (C).
    weapons: I64
    salvo: I64
    """0 = the default by threat class."""
    doctrine: I64
    reserve_count: I64
    """(F, M) rounds kept back."""
    reserve_class: I64
    """(F, M) the class they are kept for (-1 none)."""
    ready: I64
    """(F, M) rounds on the launchers."""
    stock: I64
    """(F, M) rounds for reloading."""
    reload_missile: I64
    reload_done: I64
    fired: I64
    """(F, M) rounds fired so far."""
    cp_alive: B

    asset_lost: F64
    """Value destroyed per asset."""
    shots: list[Shot] = field(default_factory=list)
    """Missiles in flight."""
    shots_at: I64 = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    """(N,) rounds ever fired at each threat."""
    asset_priority: F64 = field(default_factory=lambda: np.zeros(0))
    """(A,) each defended asset's priority now: the campaign's, until an inject changes it."""

    # What blue believes of each track (`kill_assessment`, `discrimination`), per slot.
    track_assessed_turn: I64 = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    """(N,) turn of the last reading of its intercepts if that said killed; NEVER if it
    said missed or there was none."""
    track_read_turn: I64 = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    """(N,) turn of the last reading of its intercepts, whatever it said; NEVER if none."""
    track_kill_confidence: F64 = field(default_factory=lambda: np.zeros(0))
    """(N,) P(dead | the last reading of its intercepts); 0 before any."""
    track_class: I64 = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    """(N,) the class its track shows: its apparent class until judged a decoy."""
    track_decoy_evidence: F64 = field(default_factory=lambda: np.zeros(0))
    """(N,) log-likelihood ratio, decoy against real, of the looks so far."""
    track_confidence: F64 = field(default_factory=lambda: np.zeros(0))
    """(N,) probability that the class its track shows is right."""

    # Confirmation of tentative tracks (`track_life.confirm`, `false_alarms`), per slot.
    track_radar: I64 = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    """(N,) the radar that formed its track, whose looks confirm it (-1: none)."""
    track_window: I64 = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    """(N,) looks of that radar counted so far in the track's confirmation window."""
    track_window_hits: I64 = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    """(N,) of them, the looks that detected it."""
    track_confirmed: B = field(default_factory=lambda: np.zeros(0, dtype=bool))
    """(N,) whether its track is confirmed (M of N looks, or a second radar); else it is
    tentative."""
    track_confirmed_turn: I64 = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    """(N,) the turn its latest track was confirmed (NEVER: none yet), kept past its end."""
    tracks_confirmed: int = 0
    """Tracks confirmed so far in the game (the `tracks` inject counts them)."""

    threat_cost_destroyed: float = 0.0
    interceptor_cost: float = 0.0
    radar_value_lost: float = 0.0
    over: bool = False

    def confirm(self, slots: np.ndarray) -> None:
        """Confirm the tracks in `slots` on this turn; each one not yet confirmed counts
        once in `tracks_confirmed`."""
        fresh = slots[~self.track_confirmed[slots]]
        self.track_confirmed[fresh] = True
        self.track_confirmed_turn[fresh] = self.turn
        self.tracks_confirmed += int(fresh.size)

    def copy(self) -> State:
        new = copy.copy(self)
        for name in self.__slots__:
            value = getattr(self, name)
            if isinstance(value, np.ndarray):
                setattr(new, name, value.copy())
        new.shots = list(self.shots)
        return new

    @property
    def asset_value_lost(self) -> float:
        return float(self.asset_lost.sum())


def initial_state(sc: Scenario) -> State:
    n = sc.n_threats
    n_r = len(sc.r_name)
    n_f = len(sc.f_name)
    n_m = len(sc.m_name)
    loaded = sc.loaded
    emitting = [r.emitting for r in loaded.campaign.blue.radars] + [
        u.emitting for u in loaded.campaign.blue.fire_units
    ]
    stock = np.zeros((n_f, n_m), dtype=np.int64)
    m_index = {name: i for i, name in enumerate(sc.m_name)}
    for f, unit in enumerate(loaded.campaign.blue.fire_units):
        for missile, count in unit.reloads.items():
            stock[f, m_index[missile]] = count
    return State(
        turn=0,
        status=np.zeros(n, dtype=np.int8),
        x=sc.t_start[:, 0].copy(),
        y=sc.t_start[:, 1].copy(),
        alt=sc.t_cruise_alt.copy(),
        vx=np.zeros(n),
        vy=np.zeros(n),
        flown=np.zeros(n),
        target_kind=sc.t_target_kind.copy(),
        target_index=sc.t_target_index.copy(),
        path_end=sc.t_start.copy(),
        arms_left=np.bincount(sc.t_parent[sc.t_parent >= 0], minlength=n).astype(np.int64),
        arm_fired_turn=np.full(n, NEVER, dtype=np.int64),
        arrival_time=np.full(n, np.inf),
        track_id=np.full(n, -1, dtype=np.int64),
        track_hits=np.zeros(n, dtype=np.int64),
        track_last=np.full(n, NEVER, dtype=np.int64),
        track_born=np.full(n, NEVER, dtype=np.int64),
        track_x=np.zeros(n),
        track_y=np.zeros(n),
        track_alt=np.zeros(n),
        track_vx=np.zeros(n),
        track_vy=np.zeros(n),
        track_flown=np.zeros(n),
        track_pos_var=np.zeros(n),
        track_pos_vel_cov=np.zeros(n),
        track_vel_var=np.zeros(n),
        seen_by=np.full((n_r, n), NEVER, dtype=np.int32),
        next_track=1,
        r_x=sc.r_position0[:, 0].copy(),
        r_y=sc.r_position0[:, 1].copy(),
        emitting=np.array(emitting, dtype=bool).reshape(-1),
        wanted_emitting=np.array(emitting, dtype=bool).reshape(-1),
        radar_alive=np.ones(n_r, dtype=bool),
        ready_turn=np.zeros(n_r, dtype=np.int64),
        weapons=np.full(n_f, FREE, dtype=np.int64),
        salvo=np.zeros(n_f, dtype=np.int64),
        # Shoot-look-shoot until ordered otherwise: the default doctrine.
        doctrine=np.full(n_f, SLS, dtype=np.int64),
        reserve_count=np.zeros((n_f, n_m), dtype=np.int64),
        reserve_class=np.full((n_f, n_m), -1, dtype=np.int64),
        ready=sc.f_initial_ready.copy(),
        stock=stock,
        reload_missile=np.full(n_f, -1, dtype=np.int64),
        reload_done=np.zeros(n_f, dtype=np.int64),
        fired=np.zeros((n_f, n_m), dtype=np.int64),
        cp_alive=np.ones(len(sc.c_name), dtype=bool),
        asset_lost=np.zeros(len(sc.a_name)),
        shots_at=np.zeros(n, dtype=np.int64),
        asset_priority=np.array(
            [a.priority for a in sc.loaded.campaign.blue.assets], dtype=np.float64
        ),
        # What blue believes before any look: no assessment, each track the class it
        # appears to be, at the prior confidence.
        track_assessed_turn=np.full(n, NEVER, dtype=np.int64),
        track_read_turn=np.full(n, NEVER, dtype=np.int64),
        track_kill_confidence=np.zeros(n),
        track_class=sc.t_apparent_class.copy(),
        track_decoy_evidence=np.zeros(n),
        track_confidence=np.where(sc.t_may_be_decoy, 1.0 - PRIOR_DECOY, 1.0),
        track_radar=np.full(n, -1, dtype=np.int64),
        track_window=np.zeros(n, dtype=np.int64),
        track_window_hits=np.zeros(n, dtype=np.int64),
        track_confirmed=np.zeros(n, dtype=bool),
        track_confirmed_turn=np.full(n, NEVER, dtype=np.int64),
    )
