"""Detection and tracking phase: what the radars see, and the tracks they make.

For each emitting radar and each threat in the air, once a turn:
  - the target must be above the radar horizon, d <= 4.12 (sqrt(h_radar) + sqrt(h_target));
  - signal-to-noise is the radar's reference SNR (1 m² at its reference range)
    scaled by σ/R⁴;
  - noise jamming adds to the noise: SNR_eff = SNR / (1 + Σ J/N), each jammer's
    J/N falling as 1/R² (one-way) and by the sidelobe level when it is off the
    target's bearing, so a burn-through range emerges;
  - Swerling 1: Pd = Pfa^(1/(1+SNR_eff)). The roll draws U ~ U(0,1) per (radar,
    threat) slot and detects when U < Pd.
A radar holds at most `tracking_channels` detections a turn (the nearest). A
detection makes or refreshes a track; a track not refreshed for more than
`track_coast_turns` turns is dropped. A silent radar sees nothing.
"""

from __future__ import annotations

import numpy as np

from wargame.engine.dice import Phase, generator
from wargame.engine.events import Event, TrackDropped, TrackInitiated, r3
from wargame.engine.geometry import HORIZON_KM_PER_SQRT_M, JAMMER_REFERENCE_KM
from wargame.engine.scenario import CLASSES, Scenario
from wargame.engine.state import ACTIVE, State


def detect_and_track(sc: Scenario, st: State, seed: int, events: list[Event]) -> None:
    active = np.flatnonzero(st.status == ACTIVE)
    radars = np.flatnonzero(st.emitting & st.radar_alive & (st.ready_turn <= st.turn))
    if active.size and radars.size:
        detected = _detections(sc, st, seed, radars, active)
        _update_tracks(sc, st, radars, active, detected, events)
    _drop_tracks(sc, st, events)


def detection_probability(sc: Scenario, st: State, radars: np.ndarray, active: np.ndarray) -> np.ndarray:
    """Pd of each (radar, threat) pair this turn, horizon and jamming included."""
    rx, ry = st.r_x[radars, None], st.r_y[radars, None]
    h_r = sc.r_height[radars, None]
    dx = st.x[active][None, :] - rx
    dy = st.y[active][None, :] - ry
    ground = np.hypot(dx, dy)
    alt = st.alt[active][None, :]
    horizon = HORIZON_KM_PER_SQRT_M * (np.sqrt(h_r) + np.sqrt(alt))
    slant = np.sqrt(ground * ground + ((alt - h_r) / 1000.0) ** 2)
    ratio = sc.r_range_ref[radars, None] / np.maximum(slant, 1e-3)
    ratio2 = ratio * ratio
    signal = sc.r_snr_ref[radars, None] * sc.t_rcs[active][None, :] * ratio2 * ratio2
    jnr = _jamming(sc, st, radars, active, dx, dy, ground, slant)
    if jnr is not None:
        signal = signal / (1.0 + jnr)
    pd = np.exp(-sc.r_log_pfa[radars, None] / (1.0 + signal))
    return np.where(ground <= horizon, pd, 0.0)


def _detections(
    sc: Scenario, st: State, seed: int, radars: np.ndarray, active: np.ndarray
) -> np.ndarray:
    pd = detection_probability(sc, st, radars, active)
    # Fixed shape: one draw per (radar, threat) slot of the whole game.
    roll = generator(seed, st.turn, Phase.DETECTION).random(
        (len(sc.r_name), sc.n_threats), dtype=np.float32
    )
    detected: np.ndarray = roll[np.ix_(radars, active)] < pd
    over = detected.sum(axis=1) > sc.r_tracking_channels[radars]
    for row in np.flatnonzero(over).tolist():
        r = radars[row]
        hits = np.flatnonzero(detected[row])
        d = np.hypot(st.x[active[hits]] - st.r_x[r], st.y[active[hits]] - st.r_y[r])
        keep = hits[np.argsort(d, kind="stable")[: sc.r_tracking_channels[r]]]
        detected[row] = False
        detected[row, keep] = True
    return detected


def _jamming(
    sc: Scenario,
    st: State,
    radars: np.ndarray,
    active: np.ndarray,
    dx: np.ndarray,
    dy: np.ndarray,
    ground: np.ndarray,
    slant: np.ndarray,
) -> np.ndarray | None:
    jammers = np.flatnonzero(sc.t_jnr[active] > 0.0)
    if jammers.size == 0:
        return None
    total = np.zeros_like(ground)
    h_r = sc.r_height[radars]
    target_bearing = np.arctan2(dy, dx)
    for k in jammers.tolist():
        jx, jy = dx[:, k], dy[:, k]
        visible = ground[:, k] <= HORIZON_KM_PER_SQRT_M * (np.sqrt(h_r) + np.sqrt(st.alt[active[k]]))
        power = sc.t_jnr[active[k]] * (JAMMER_REFERENCE_KM / np.maximum(slant[:, k], 1e-3)) ** 2
        power = np.where(visible, power, 0.0)
        off = np.abs(np.angle(np.exp(1j * (target_bearing - np.arctan2(jy, jx)[:, None]))))
        gain = np.where(off <= sc.r_half_beam[radars, None], 1.0, sc.r_sidelobe[radars, None])
        total += power[:, None] * gain
    return total


def _update_tracks(
    sc: Scenario,
    st: State,
    radars: np.ndarray,
    active: np.ndarray,
    detected: np.ndarray,
    events: list[Event],
) -> None:
    turn = st.turn
    rows, cols = np.nonzero(detected)
    st.seen_by[radars[rows], active[cols]] = turn
    seen = detected.any(axis=0)
    hit = active[seen]
    if hit.size == 0:
        return
    new = hit[st.track_id[hit] < 0]
    if new.size:
        first_radar = radars[np.argmax(detected[:, seen][:, st.track_id[hit] < 0], axis=0)]
        for slot, radar in zip(new.tolist(), first_radar.tolist(), strict=True):
            st.track_id[slot] = st.next_track
            st.track_hits[slot] = 0
            events.append(
                TrackInitiated(
                    turn=turn,
                    track=st.next_track,
                    threat=slot,
                    threat_class=str(CLASSES[sc.t_apparent_class[slot]]),
                    radar=sc.r_name[radar],
                    range_km=r3(np.hypot(st.x[slot] - st.r_x[radar], st.y[slot] - st.r_y[radar])),
                )
            )
            st.next_track += 1
    st.track_hits[hit] += 1
    st.track_last[hit] = turn
    st.track_x[hit], st.track_y[hit], st.track_alt[hit] = st.x[hit], st.y[hit], st.alt[hit]
    st.track_vx[hit], st.track_vy[hit] = st.vx[hit], st.vy[hit]


def _drop_tracks(sc: Scenario, st: State, events: list[Event]) -> None:
    tracked = st.track_id >= 0
    if not tracked.any():
        return
    gone = tracked & (st.status != ACTIVE)
    st.track_id[gone] = -1  # destroyed or arrived: the track ends with its event
    stale = (st.track_id >= 0) & (st.turn - st.track_last > sc.loaded.campaign.rules.track_coast_turns)
    for slot in np.flatnonzero(stale).tolist():
        events.append(TrackDropped(turn=st.turn, track=int(st.track_id[slot]), threat=slot))
    st.track_id[stale] = -1
    st.track_hits[stale] = 0
