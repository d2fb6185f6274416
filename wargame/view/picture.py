"""The blue picture as the screens show it: pure functions that read the engine's state.

Everything here reads what the engine reports: the tracks the blue view shows
(`blue.shown_tracks`: estimated position, velocity, altitude, apparent class),
blue's own units, and the public engagement helpers. No function reads a
threat's true position, class, route or target. Used by the map, the unit
panel, the track table, the status bar, and the map benchmark; imports no Textual.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np

from wargame.engine.assessment import aimed_site, site_names
from wargame.engine.detection import jam_strobes
from wargame.engine.fire_control import (
    able_fire_units,
    channels_in_use,
    options,
    picture,
    salvo_size,
    site_guarded,
)
from wargame.engine.kill_assessment import held_tracks
from wargame.engine.scenario import CLASSES, Scenario
from wargame.engine.state import AUTO, FREE, HOLD, SLS, SS, TIGHT, State
from wargame.view.blue import shown_tracks, track_error_km
from wargame.view.words import short_missile

CLASS_GLYPH = {
    "fighter": "F",
    "bomber": "B",
    "awacs": "W",
    "cruise_missile": "C",
    "ballistic_missile": "M",
    "drone": "D",
    "decoy": "?",
    "arm": "A",
}
"""One letter per apparent class: the track's symbol on the map."""
CLASS_CODE = {
    "fighter": "FTR",
    "bomber": "BMR",
    "awacs": "AEW",
    "cruise_missile": "CM",
    "ballistic_missile": "BM",
    "drone": "UAV",
    "decoy": "DCY",
    "arm": "ARM",
}
"""The class in three letters, for the track table."""
GLYPH_CODES = np.array([ord(CLASS_GLYPH[str(c)]) for c in CLASSES], dtype=np.uint32)
"""Map glyph codepoint by class code."""

HEADING_ARROWS = "↑↗→↘↓↙←↖"
"""Heading marks by 45° sector, north first, clockwise."""
HEADING_STEPS = ((0, -1), (1, -1), (1, 0), (1, 1), (0, 1), (-1, 1), (-1, 0), (-1, -1))
"""(column, row) step of each sector on the screen (rows grow southwards)."""

WEAPONS_NAMES = {HOLD: "hold", TIGHT: "tight", FREE: "free"}
DOCTRINE_NAMES = {AUTO: "auto", SLS: "sls", SS: "ss"}


def class_name(code: int) -> str:
    return str(CLASSES[code])


# ------------------------------------------------------------------ tracks


def estimated_positions(
    sc: Scenario, st: State, slots: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Where the tracks are now: the last report dead-reckoned to the end of this turn."""
    since = (st.turn - st.track_last[slots]) * sc.dt
    return (
        st.track_x[slots] + st.track_vx[slots] * since,
        st.track_y[slots] + st.track_vy[slots] * since,
    )


def headings(vx: np.ndarray, vy: np.ndarray) -> np.ndarray:
    """Course in degrees, 0 north, clockwise."""
    return np.asarray(np.degrees(np.arctan2(vx, vy)) % 360.0)


def heading_sector(vx: np.ndarray, vy: np.ndarray) -> np.ndarray:
    """0..7 sector of each course; -1 for a track not moving."""
    sector = np.round(headings(vx, vy) / 45.0).astype(np.int64) % 8
    return np.where(np.hypot(vx, vy) > 1e-6, sector, -1)


@dataclass(frozen=True)
class TrackRow:
    """One line of the track table."""

    track: int
    slot: int
    cls: str
    speed_mps: float
    alt_m: float
    heading: float | None
    ttg_s: float | None
    """Time to go to the site its course points at (None if none)."""
    heading_for: str
    engaged: str
    """Fire units with missiles on their way to it, e.g. 'Alpha×2'."""
    pk: float | None
    """Planned kill probability of the missiles in flight, else of the best shot open now."""
    pk_planned: bool
    """True if pk is of missiles in flight; False if it is what the best unit could do."""
    coasting: bool
    error_km: float = 0.0
    """The track's quality: how far off its estimated position may be now, km (1 σ)."""

    # What blue makes of the track (discrimination, kill assessment).
    confidence: float = 1.0
    """Probability that the class shown is right, e.g. 0.9 for a fresh track."""
    tentative: bool = False
    """Not yet confirmed (M of N looks): automatic fire on weapons tight leaves it, and it
    may be a false alarm."""


def time_to_go(sc: Scenario, st: State, slots: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """Seconds until each track reaches the blue site it seems to head for, and that site's
    name ('' and inf if none): the engine's own threat evaluation, read off the track alone."""
    site, ttg = aimed_site(sc, st, slots)
    names = site_names(sc)
    return ttg, [names[k] if k >= 0 else "" for k in site.tolist()]


def in_flight(sc: Scenario, st: State) -> dict[int, list[tuple[int, float]]]:
    """Per threat slot: (fire unit, planned pk) of each blue missile on its way to it that
    its fire unit guides now. (One whose unit is silent, moving or destroyed misses
    unless the unit guides it again by the time it arrives.)"""
    guiding = able_fire_units(sc, st)
    out: dict[int, list[tuple[int, float]]] = {}
    for shot in st.shots:
        if guiding[shot.fire_unit]:
            out.setdefault(shot.threat, []).append((shot.fire_unit, shot.pk_planned))
    return out


def rounds_in_flight(sc: Scenario, st: State) -> np.ndarray:
    """Per fire unit: its missiles on their way to a track blue still holds."""
    held = held_tracks(st)
    units = [s.fire_unit for s in st.shots if held[s.threat]]
    return np.bincount(np.array(units, dtype=np.int64), minlength=len(sc.f_name))


def unguided_rounds(sc: Scenario, st: State) -> np.ndarray:
    """Per fire unit: its missiles in flight (at threats still in the air) that it does not
    guide now."""
    return np.where(able_fire_units(sc, st), 0, rounds_in_flight(sc, st))


@dataclass(frozen=True)
class SalvoInFlight:
    """One salvo on its way, where the map draws it."""

    fire_unit: int
    track: int
    rounds: int
    x: float
    y: float
    """Where it is at the end of this turn, km."""
    aim_x: float
    aim_y: float
    """The intercept point fire control predicts now, km."""
    time_to_go_s: float


def salvos_in_flight(sc: Scenario, st: State) -> list[SalvoInFlight]:
    """Blue's salvos on their way, in launch order. A salvo flies from its launcher
    towards the point where its track's estimate says the target will be at the
    intercept time, at constant speed, so it is drawn that fraction of the way
    along: the launcher, the track estimate and the fire-control times only, never
    the threat's true position. (The missiles are guided: as the estimate moves,
    so does the point they fly to.) Salvos whose target is down or gone, as the tracks
    shown are, and those their unit does not guide now, are left out."""
    now = st.turn * sc.dt
    guiding = able_fire_units(sc, st)
    salvos: dict[tuple[int, int, int], list[float]] = {}
    held = held_tracks(st)
    for shot in st.shots:
        if not held[shot.threat]:
            continue  # its track is down (as the log said) or gone: nothing to fly to
        if not guiding[shot.fire_unit]:
            continue  # flying blind: it misses unless its unit guides it again in time
        key = (shot.fire_unit, shot.threat, shot.launch_turn)
        if key in salvos:
            salvos[key][0] += 1
        else:
            salvos[key] = [1, shot.intercept_time, shot.track]
    out = []
    for (f, slot, launch_turn), (rounds, hit_time, track) in salvos.items():
        radar = int(sc.f_radar[f])
        x0, y0 = float(st.r_x[radar]), float(st.r_y[radar])
        # The track's last report dead-reckoned to the intercept time.
        ahead = hit_time - float(st.track_last[slot]) * sc.dt
        aim_x = float(st.track_x[slot] + st.track_vx[slot] * ahead)
        aim_y = float(st.track_y[slot] + st.track_vy[slot] * ahead)
        launched = launch_turn * sc.dt
        flight = hit_time - launched
        done = min(max((now - launched) / flight, 0.0), 1.0) if flight > 0 else 1.0
        out.append(
            SalvoInFlight(
                fire_unit=f,
                track=int(track),
                rounds=int(rounds),
                x=x0 + (aim_x - x0) * done,
                y=y0 + (aim_y - y0) * done,
                aim_x=aim_x,
                aim_y=aim_y,
                time_to_go_s=max(hit_time - now, 0.0),
            )
        )
    return out


def track_rows(sc: Scenario, st: State) -> list[TrackRow]:
    """The track table, in track-id order."""
    slots = shown_tracks(st)
    if slots.size == 0:
        return []
    ttg, bound = time_to_go(sc, st, slots)
    flying = in_flight(sc, st)
    best = _best_pk(sc, st, slots)
    error = track_error_km(sc, st, slots)
    rows = []
    for i, slot in enumerate(slots.tolist()):
        vx, vy = float(st.track_vx[slot]), float(st.track_vy[slot])
        speed = math.hypot(vx, vy) * 1000.0
        shots = flying.get(slot, [])
        if shots:
            by: dict[str, int] = {}
            survive = 1.0
            for unit, pk in shots:
                name = unit_label(sc.f_name[unit])
                by[name] = by.get(name, 0) + 1
                survive *= 1.0 - pk
            engaged = " ".join(f"{n}×{k}" for n, k in by.items())
            pk_value: float | None = 1.0 - survive
        else:
            engaged = ""
            pk_value = best[i] if best[i] > 0 else None
        rows.append(
            TrackRow(
                track=int(st.track_id[slot]),
                slot=slot,
                cls=class_name(int(st.track_class[slot])),
                speed_mps=speed,
                alt_m=float(st.track_alt[slot]),
                heading=float(headings(np.array(vx), np.array(vy))) if speed > 0 else None,
                ttg_s=float(ttg[i]) if math.isfinite(ttg[i]) else None,
                heading_for=bound[i],
                engaged=engaged,
                pk=pk_value,
                pk_planned=bool(shots),
                coasting=bool(st.track_last[slot] < st.turn),
                error_km=float(error[i]),
                confidence=float(st.track_confidence[slot]),
                tentative=not bool(st.track_confirmed[slot]),
            )
        )
    return rows


def _best_pk(sc: Scenario, st: State, slots: np.ndarray) -> np.ndarray:
    """Per track, the best salvo kill probability any able fire unit has on it now."""
    best = np.zeros(slots.size)
    able = able_fire_units(sc, st)
    free = sc.r_guidance_channels[sc.f_radar] - channels_in_use(sc, st)
    units = np.flatnonzero(able & (free > 0))
    if units.size == 0:
        return best
    opt = options(sc, st, units, slots)
    cls = st.track_class[slots]
    for wi, f in enumerate(units.tolist()):
        seen = np.isin(slots, picture(sc, st, f))
        salvo = salvo_size(sc, st, f, cls)
        pk = np.where((opt.missile[wi] >= 0) & seen, 1.0 - (1.0 - opt.pk[wi]) ** salvo, 0.0)
        best = np.maximum(best, pk)
    return best


# ------------------------------------------------------------------- units


def unit_label(name: str) -> str:
    """A unit's name for tight places: 'FU Alpha' -> 'Alpha'."""
    return name.removeprefix("FU ").strip() or name


@dataclass(frozen=True)
class MissileLine:
    missile: str
    ready: int
    stock: int
    reserved: int
    reserved_for: str
    reload_turn: int | None
    """Turn a launcher reload of this type completes, if one is under way."""


UnitKind = Literal["fire unit", "radar"]
UnitState = Literal["emitting", "silent", "relocating", "destroyed"]
"""A radar on the air, off it, packed up and on the move, or gone."""


@dataclass(frozen=True)
class UnitStatus:
    """What the unit panel shows of one radar or fire unit."""

    radar: int
    name: str
    fire_unit: int
    """-1 for a radar that is not part of a fire unit."""
    kind: UnitKind
    """'fire unit' or 'radar'."""
    state: UnitState
    """'emitting', 'silent', 'relocating' or 'destroyed'."""
    ready_turn: int
    weapons: str
    doctrine: str
    salvo: int
    """0: the default by class."""
    channels_used: int
    channels: int
    unguided_rounds: int
    """Its missiles in flight that it does not guide now (silent, moving or destroyed)."""
    jamming: tuple[tuple[float, float], ...]
    """(compass bearing, J/N in dB) of each jammer it hears, strongest first."""
    tracking_channels: int
    held: int
    """Tracks this radar refreshed this turn."""
    missiles: tuple[MissileLine, ...]
    command_post: str
    linked: bool
    """False if its command post is destroyed: it fights alone."""
    position: tuple[float, float]
    protects: str = ""
    """Point defence: the site it guards ('' for none)."""


def _guarding(sc: Scenario, st: State, fire_unit: int) -> str:
    """What a point-defence unit guards now, in words ('' for a unit that guards none)."""
    if fire_unit < 0:
        return ""
    site, standing = site_guarded(sc, st, fire_unit)
    if not site or standing:
        return site
    return f"itself ({site} lost)"


def unit_status(sc: Scenario, st: State, radar: int) -> UnitStatus:
    f = int(sc.r_fire_unit[radar])
    state: UnitState
    if not st.radar_alive[radar]:
        state = "destroyed"
    elif st.ready_turn[radar] > st.turn:
        state = "relocating"
    else:
        state = "emitting" if st.emitting[radar] else "silent"
    cp = int(sc.r_cp[radar])
    missiles: list[MissileLine] = []
    weapons = doctrine = ""
    salvo = used = channels = unguided = 0
    if f >= 0:
        weapons = WEAPONS_NAMES[int(st.weapons[f])]
        doctrine = DOCTRINE_NAMES[int(st.doctrine[f])]
        salvo = int(st.salvo[f])
        unguided = int(unguided_rounds(sc, st)[f])
        used = 0 if unguided else int(channels_in_use(sc, st)[f])
        channels = int(sc.r_guidance_channels[radar])
        for m, name in enumerate(sc.m_name):
            ready, stock = int(st.ready[f, m]), int(st.stock[f, m])
            if ready == 0 and stock == 0 and sc.f_initial_ready[f, m] == 0:
                continue
            kept_for = int(st.reserve_class[f, m])
            missiles.append(
                MissileLine(
                    missile=short_missile(name),
                    ready=ready,
                    stock=stock,
                    reserved=int(st.reserve_count[f, m]),
                    reserved_for=class_name(kept_for) if kept_for >= 0 else "",
                    reload_turn=int(st.reload_done[f])
                    if int(st.reload_missile[f]) == m and st.radar_alive[radar]
                    else None,
                )
            )
    return UnitStatus(
        radar=radar,
        name=sc.r_name[radar],
        fire_unit=f,
        kind="fire unit" if f >= 0 else "radar",
        state=state,
        ready_turn=int(st.ready_turn[radar]),
        weapons=weapons,
        doctrine=doctrine,
        salvo=salvo,
        channels_used=used,
        channels=channels,
        unguided_rounds=unguided,
        jamming=tuple(
            (s.bearing_deg, s.jnr_db)
            for s in sorted(jam_strobes(sc, st), key=lambda s: -s.jnr_db)
            if s.radar == radar
        ),
        tracking_channels=int(sc.r_tracking_channels[radar]),
        held=int((st.seen_by[radar] == st.turn).sum()) if st.turn > 0 else 0,
        missiles=tuple(missiles),
        command_post=sc.c_name[cp],
        linked=bool(st.cp_alive[cp]),
        position=(float(st.r_x[radar]), float(st.r_y[radar])),
        protects=_guarding(sc, st, f),
    )


def magazines(sc: Scenario, st: State) -> list[tuple[str, int, int]]:
    """(missile, rounds ready, rounds in stock) over all live fire units, by type."""
    alive = st.radar_alive[sc.f_radar]
    ready = st.ready[alive].sum(axis=0)
    stock = st.stock[alive].sum(axis=0)
    issued = sc.f_initial_ready.sum(axis=0) + st.stock.sum(axis=0) + st.fired.sum(axis=0)
    return [
        (short_missile(name), int(ready[m]), int(stock[m]))
        for m, name in enumerate(sc.m_name)
        if issued[m] > 0
    ]


def altitude_text(metres: float) -> str:
    """'50 m', '8000 m'; from 10 km up in km to 100 m ('60.0 km', not '59999 m')."""
    return f"{metres:.0f} m" if metres < 10_000 else f"{metres / 1000:.1f} km"


def altitude_cell(metres: float) -> str:
    """The track table's short form: metres below 1 km, km to 100 m below 10 km, then km
    ('999', '7.5k', '60k'); decided on the figure as written, so 999.6 m is '1.0k'."""
    if round(metres) < 1_000:
        return f"{metres:.0f}"
    return f"{metres / 1000:.1f}k" if round(metres / 100) < 100 else f"{metres / 1000:.0f}k"


def duration(seconds: float | None) -> str:
    """'4m05s', '45s', or '—'."""
    if seconds is None or not math.isfinite(seconds):
        return "—"
    total = round(seconds)
    return f"{total // 60}m{total % 60:02d}s" if total >= 60 else f"{total}s"


def short_duration(seconds: float | None) -> str:
    """'4m05', '17m', '45s', or '—': five cells at most."""
    if seconds is None or not math.isfinite(seconds):
        return "—"
    total = round(seconds)
    if total >= 600:
        return f"{total // 60}m"
    return f"{total // 60}m{total % 60:02d}" if total >= 60 else f"{total}s"
