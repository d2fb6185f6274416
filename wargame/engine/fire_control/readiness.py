"""What a fire unit brings to any shot, whatever the track: whether it can fire now, its
free guidance channels, the rounds it can launch in the turn, the tracks in its picture,
its rounds per salvo, the rounds it may fire at a class.

Called by planning and manual shots, and by the blue view (the unit panel, the map's
engagement lines, the track table).
"""

from __future__ import annotations

import numpy as np

from wargame.engine.clock import instants_in_turn
from wargame.engine.fire_control.rules import FireRules
from wargame.engine.kill_assessment import engageable
from wargame.engine.scenario import IS_AIRCRAFT, Scenario
from wargame.engine.state import State
from wargame.engine.track_life import coast_turns

IS_AIRCRAFT_SALVO = np.where(IS_AIRCRAFT, 1, 2)
"""Default rounds per salvo by class code: 1 against aircraft, 2 against missiles."""


def able_fire_units(sc: Scenario, st: State) -> np.ndarray:
    """Fire units that can fire now: radar alive, emitting and set up."""
    r = sc.f_radar
    return np.asarray(st.radar_alive[r] & st.emitting[r] & (st.ready_turn[r] <= st.turn))


def channels_in_use(sc: Scenario, st: State) -> np.ndarray:
    """Targets each fire unit is guiding missiles to right now."""
    pairs = {(s.fire_unit, s.threat) for s in st.shots}
    units = np.fromiter((unit for unit, _ in pairs), np.int64, len(pairs))
    return np.bincount(units, minlength=len(sc.f_name))


def free_channels(sc: Scenario, st: State) -> np.ndarray:
    """Targets each fire unit could still guide missiles to, on top of those it guides."""
    return np.asarray(sc.r_guidance_channels[sc.f_radar] - channels_in_use(sc, st))


NO_LIMIT = 1 << 30
"""Launches in a turn of a fire unit whose radar sets no launch interval."""


def launch_slots(sc: Scenario, st: State) -> np.ndarray:
    """(F,) rounds each fire unit can launch in this turn: one per `launch_interval_s` of
    its radar type. The launches fall on a grid of that interval from the start of the
    game, and a turn holds those of the grid in it, floor(n T / i) - floor((n - 1) T / i)
    for turn n of T seconds: a minute holds as many whatever the turn's length, and a
    unit that did not fire earlier does not fire faster later."""
    interval = sc.f_launch_interval_s
    limited = interval > 0.0
    slots = instants_in_turn(st.turn, sc.dt, np.where(limited, interval, 1.0))
    return np.where(limited, slots, NO_LIMIT).astype(np.int64)


def picture(sc: Scenario, st: State, fire_unit: int, live: np.ndarray | None = None) -> np.ndarray:
    """Threat slots the fire unit's command post (or the unit alone, if cut off) tracks;
    `live`, if given, is the mask of tracked threats still in the air."""
    radar = sc.f_radar[fire_unit]
    cp = sc.r_cp[radar]
    if st.cp_alive[cp]:
        radars = sc.cp_radars[cp]
        radars = radars[st.radar_alive[radars]]
    else:
        radars = radar
    fresh = st.turn - coast_turns(sc)
    held = st.seen_by[radars] >= fresh
    if held.ndim == 2:
        held = held.any(axis=0)
    if live is None:
        live = engageable(st)
    return np.asarray((held & live).nonzero()[0])


def salvo_size(
    sc: Scenario,
    st: State,
    fire_unit: int | np.ndarray,
    apparent_class: np.ndarray,
    rules: FireRules | None = None,
) -> np.ndarray:
    """Rounds per engagement: a standing order's salvo for the class (automatic fire, given
    its `rules`), else the unit's setting, or by default 2 against missiles, 1 against
    aircraft. `fire_unit` is one unit, or one per entry of `apparent_class`."""
    setting = st.salvo[fire_unit]
    rounds = np.where(setting > 0, setting, IS_AIRCRAFT_SALVO[apparent_class])
    if rules is not None:
        by_class = rules.salvo[fire_unit, apparent_class]
        rounds = np.where(by_class > 0, by_class, rounds)
    return np.asarray(rounds)


def usable_rounds(sc: Scenario, st: State, units: np.ndarray, cls: np.ndarray) -> np.ndarray:
    """(P, M) rounds unit `units[p]` may fire at class `cls[p]`, reserves held back."""
    ready = st.ready[units]
    released = st.reserve_class[units] == cls[:, None]
    return np.asarray(np.where(released, ready, np.maximum(ready - st.reserve_count[units], 0)))
