"""One frame of the tactical map: the layers painted on a `map_canvas.Canvas`.

The map widget asks `draw_frame` for a frame and turns each row into a Strip;
this module knows what the map shows and nothing of Textual. Layers are painted
in order, later ones on top: graticule and relief (`map_relief`), coverage (over
terrain, with the ground's shadow) and range rings, jam strobes,
track trails, the selected track's predicted path, engagement lines, the names
(placed by `map_labels` where they cover nothing), salvos in flight, the tracks
(`map_tracks`: stacks, altitude cues, heading marks), the symbols of places and
blue units, intercept points, track numbers, the legend of names that did not fit,
the pick cursor. Tracks and entry points come from the blue view
(`blue.shown_tracks`, `blue.entry_points`): what the radars report, never truth,
before the end; trails from the reports of past turns (`map_trails`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from wargame.engine.detection import jam_strobes, jammed_reach
from wargame.engine.geometry import radar_horizon_km
from wargame.engine.scenario import Scenario
from wargame.engine.state import ACTIVE, State
from wargame.view.blue import entry_points, shown_tracks
from wargame.view.map_canvas import (
    COVERAGE_INKS,
    Canvas,
    Geometry,
    Ink,
    View,
    circles,
    contour,
    dotted_line,
    nice_step,
    ring,
    scale_bar,
    scale_bar_text,
    strokes,
)
from wargame.view.map_labels import (
    LegendEntry,
    legend_corner,
    legend_lines,
    place_labels,
    place_symbols,
)
from wargame.view.map_relief import RELIEF_INKS, draw_masked_coverage, draw_relief
from wargame.view.map_tracks import TrackSymbols
from wargame.view.map_trails import TrackTrails, draw_trails
from wargame.view.picture import (
    SalvoInFlight,
    estimated_positions,
    heading_sector,
    salvos_in_flight,
    time_to_go,
    unit_label,
)
from wargame.view.words import short_missile

ASSET_GLYPH = "■"
CP_GLYPH = "⌂"
RADAR_GLYPH = "◎"
FIRE_UNIT_GLYPH = "▲"
MOVING_GLYPH = "△"
DEAD_GLYPH = "✕"
PLACE_GLYPH = "+"
ENTRY_GLYPH = "◇"
COVERAGE_GLYPH = "·"
RING_GLYPH = "∙"
MISSILE_GLYPH = "•"
JAM_GLYPH = "⁚"
PICK_GLYPH = "╋"
PATH_GLYPH = "∙"
INTERCEPT_GLYPH = "⊗"
COVERAGE_ALTITUDES_M = (50.0, 500.0, 10_000.0)
"""The target altitudes coverage is shown for, in the order the key cycles them."""
PATH_AHEAD_S = 600.0
"""How far ahead the selected track's path is drawn when it points at no site."""

CoverageMode = Literal["all", "selected"]
"""Coverage of every radar on the air, each in its colour, or of the selected unit's."""


@dataclass
class Marks:
    """What was drawn where, for clicks: cells of units and tracks."""

    unit_cells: list[tuple[int, int, int]] = field(default_factory=list)
    """(col, row, radar index)."""
    track_cols: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    track_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    track_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    legend: list[str] = field(default_factory=list)
    """The names left to the legend, 'key name'."""


@dataclass
class Layers:
    """What to draw on top of the fixed map."""

    coverage: bool = False
    coverage_mode: CoverageMode = "all"
    coverage_alt_m: float = COVERAGE_ALTITUDES_M[-1]
    """The target altitude coverage is drawn for: the radar horizon depends on it."""
    rings: bool = False
    selected_unit: int = -1
    """Radar index of the selected unit (-1 none)."""
    selected_track: int = -1
    """Track id of the selected track (-1 none)."""
    intercept: tuple[float, float] | None = None
    """Where the best shot open now would meet the selected track, km (None: none)."""
    trails: TrackTrails | None = None
    """The tracks' past reports; None draws no trails."""
    pick: tuple[float, float] | None = None
    """The point being picked (relocation), km."""
    pick_from: tuple[float, float] | None = None
    pick_label: Callable[[float], str] | None = None
    """Words beside the pick cursor for a distance from `pick_from` in km (default: 'N km')."""
    reveal: bool = False
    """The truth may be told (the game is over, or a replay): red's entry points show."""


@dataclass(frozen=True)
class MapSymbol:
    """A place, asset, command post or unit: its glyph and name."""

    col: int
    row: int
    glyph: str
    ink: Ink
    name: str
    radar: int = -1
    """Radar index of a unit (-1: not a unit)."""
    place: bool = False


def draw_frame(
    sc: Scenario, st: State, width: int, height: int, view: View, layers: Layers
) -> tuple[Canvas, Geometry, Marks]:
    """Draw the whole map for this state into a new canvas."""
    size = sc.loaded.campaign.map
    geo = Geometry.of(width, height, view, size.width_km, size.height_km)
    canvas = Canvas(width, height)
    marks = Marks()
    _ground(canvas, geo, size.width_km, size.height_km)
    draw_relief(canvas, geo, sc)
    if layers.coverage:
        _coverage(canvas, geo, sc, st, layers)
    if layers.rings:
        _range_rings(canvas, geo, sc, st, layers.selected_unit)
    _jam_strobes(canvas, geo, sc, st)
    slots = shown_tracks(st)
    tx, ty = estimated_positions(sc, st, slots)
    t_cols, t_rows = geo.cols(tx), geo.rows(ty)
    draw_trails(canvas, geo, layers.trails, st, slots)
    salvos = SalvoCells.of(geo, salvos_in_flight(sc, st))
    chosen = np.flatnonzero(st.track_id[slots] == layers.selected_track)
    if layers.selected_track >= 0 and chosen.size:
        _predicted_path(canvas, geo, sc, st, int(slots[chosen[0]]))
    _engagement_lines(canvas, salvos)
    tracks = TrackSymbols.of(
        t_cols,
        t_rows,
        st.track_id[slots],
        st.track_class[slots],  # the class its track shows
        st.track_alt[slots],
        heading_sector(st.track_vx[slots], st.track_vy[slots]),
        layers.selected_track,
        ~st.track_confirmed[slots],
    )
    # Every glyph first; then the names, where they cover none of them; then the glyphs.
    glyphs = tracks.glyph_cells(height, width)
    _mark(glyphs, salvos.cols, salvos.rows)
    aims = _intercept_cells(geo, salvos, layers)
    inside = (aims[0] >= 0) & (aims[0] < width) & (aims[1] >= 0) & (aims[1] < height)
    inside[inside] = ~glyphs[aims[1][inside], aims[0][inside]]  # a track's letter stays
    aims = (aims[0][inside], aims[1][inside])
    _mark(glyphs, aims[0], aims[1])
    symbols = _symbols(geo, sc, st, layers.reveal)
    _mark(glyphs, np.array([s.col for s in symbols]), np.array([s.row for s in symbols]))
    blocked = glyphs.copy()
    blocked[height - 1, 1 : 1 + len(scale_bar_text(geo))] = True  # names keep off the scale
    order = sorted(
        range(len(symbols)),
        key=lambda i: symbols[i].radar != layers.selected_unit or symbols[i].radar < 0,
    )
    placed = place_labels(
        [(symbols[i].col, symbols[i].row) for i in order],
        [symbols[i].name for i in order],
        blocked,
    )
    for label in placed.labels:
        symbol = symbols[order[label.index]]
        canvas.text(label.col, label.row, label.text, _label_ink(symbol, layers.selected_unit))
    _missiles(canvas, salvos, layers.selected_track)
    # A place's mark is ground a track flies over: the track is drawn on it. Blue's own
    # sites are drawn over the tracks, as a unit's state matters at its own cell.
    for s in symbols:
        if s.ink in GROUND_MARKS:
            canvas.text(s.col, s.row, s.glyph, s.ink)
    tracks.draw(canvas)
    for s in symbols:
        if s.ink in GROUND_MARKS:
            continue
        selected = s.radar == layers.selected_unit and s.radar >= 0
        canvas.text(s.col, s.row, s.glyph, Ink.SELECTED if selected else s.ink)
        if s.radar >= 0:
            marks.unit_cells.append((s.col, s.row, s.radar))
    canvas.put(aims[0], aims[1], ord(INTERCEPT_GLYPH), Ink.INTERCEPT)
    tracks.draw_numbers(canvas, blocked)
    marks.track_cols, marks.track_rows = t_cols, t_rows
    marks.track_ids = st.track_id[slots]
    if placed.legend:
        for entry in placed.legend:
            if entry.col >= 0:
                canvas.text(entry.col, entry.row, entry.key, Ink.LABEL)
        marks.legend = _legend(canvas, glyphs, blocked & ~glyphs, placed.legend)
    if layers.pick is not None:
        _pick(canvas, geo, layers.pick, layers.pick_from, layers.pick_label)
    scale_bar(canvas, geo)
    return canvas, geo, marks


def _mark(taken: np.ndarray, cols: np.ndarray, rows: np.ndarray) -> None:
    height, width = taken.shape
    ok = (cols >= 0) & (cols < width) & (rows >= 0) & (rows < height)
    taken[rows[ok], cols[ok]] = True


def _label_ink(symbol: MapSymbol, selected_unit: int) -> Ink:
    if symbol.radar >= 0 and symbol.radar == selected_unit:
        return Ink.SELECTED
    return Ink.PLACE if symbol.place else Ink.LABEL


def _legend(
    canvas: Canvas, glyphs: np.ndarray, names: np.ndarray, entries: list[LegendEntry]
) -> list[str]:
    """The names that found no room, keyed, in the corner where they hide least: a box
    over the map (a track under it is in the track table). Returns its lines."""
    lines = legend_lines(entries, max(canvas.width - 2, 1), max(canvas.height // 3, 1))
    box_w = min(max(len(line) for line in lines) + 2, canvas.width)
    cost = glyphs.astype(np.int64) + 100 * names
    col, row = legend_corner(cost, box_w, len(lines))
    for k, line in enumerate(lines):
        canvas.text(col, row + k, f" {line}".ljust(box_w)[:box_w], Ink.LEGEND)
    return lines


def _symbols(geo: Geometry, sc: Scenario, st: State, reveal: bool) -> list[MapSymbol]:
    """Assets, command posts, units, then places and red's entry points (once they may be
    shown): each on a cell of its own, an earlier one keeping its cell."""
    wanted: list[tuple[float, float, str, Ink, str, int, bool]] = []
    for i, name in enumerate(sc.a_name):
        wanted.append((*sc.a_position[i].tolist(), ASSET_GLYPH, Ink.ASSET, name, -1, False))
    for i, name in enumerate(sc.c_name):
        glyph, ink = (CP_GLYPH, Ink.CP) if st.cp_alive[i] else (DEAD_GLYPH, Ink.RADAR_DEAD)
        wanted.append((*sc.c_position[i].tolist(), glyph, ink, name, -1, False))
    for r, name in enumerate(sc.r_name):
        if not st.radar_alive[r]:
            glyph, ink = DEAD_GLYPH, Ink.RADAR_DEAD
        elif st.ready_turn[r] > st.turn:
            glyph, ink = MOVING_GLYPH, Ink.RADAR_SILENT
        else:
            glyph = FIRE_UNIT_GLYPH if sc.r_fire_unit[r] >= 0 else RADAR_GLYPH
            ink = Ink.RADAR if st.emitting[r] else Ink.RADAR_SILENT
        wanted.append((float(st.r_x[r]), float(st.r_y[r]), glyph, ink, unit_label(name), r, False))
    loaded = sc.loaded
    assets = {loaded.place(a.position) for a in loaded.campaign.blue.assets}
    entries = {(round(x, 3), round(y, 3)): name for name, x, y in entry_points(sc, revealed=reveal)}
    for place in loaded.campaign.map.places:
        x, y = place.position
        if (x, y) in assets:
            continue  # the asset there carries the name
        entry = (round(x, 3), round(y, 3)) in entries
        glyph, ink = (ENTRY_GLYPH, Ink.ENTRY) if entry else (PLACE_GLYPH, Ink.PLACE)
        wanted.append((x, y, glyph, ink, place.name, -1, True))
    for (x, y), name in entries.items():
        if not name:
            wanted.append((x, y, ENTRY_GLYPH, Ink.ENTRY, "", -1, True))
    cells = place_symbols([geo.cell(w[0], w[1]) for w in wanted], geo.width, geo.height)
    return [
        MapSymbol(col, row, glyph, ink, name, radar, place)
        for (col, row), (_, _, glyph, ink, name, radar, place) in zip(cells, wanted, strict=True)
    ]


def _ground(canvas: Canvas, geo: Geometry, map_w: float, map_h: float) -> None:
    # Off-map cells: those whose centre lies outside the campaign's map.
    xs = geo.cx + (np.arange(geo.width) + 0.5 - geo.width / 2.0) * geo.kpc
    ys = geo.cy - (np.arange(geo.height) + 0.5 - geo.height / 2.0) * geo.kpr
    off = ((ys < 0) | (ys > map_h))[:, None] | ((xs < 0) | (xs > map_w))[None, :]
    canvas.ink[off] = Ink.OFFMAP
    # Graticule: a dot at each grid intersection, some 6 to 12 across.
    step = nice_step(geo.width * geo.kpc / 8.0)
    gx = np.arange(0.0, map_w + 1e-9, step)
    gy = np.arange(0.0, map_h + 1e-9, step)
    cols = np.repeat(geo.cols(gx)[None, :], gy.size, axis=0).ravel()
    rows = np.repeat(geo.rows(gy)[:, None], gx.size, axis=1).ravel()
    canvas.put(cols, rows, ord("+"), Ink.GRID)


LOOKS = 720
"""Bearings at which a jammed radar's coverage is worked out (half a degree apart)."""


def coverage_reach(
    sc: Scenario, st: State, radar: int, alt_m: float, looks: np.ndarray
) -> np.ndarray:
    """How far, in km along each bearing `looks`, a radar sees a 1 m² target flying at
    `alt_m`: the engine's reach (its stated Pd, jamming included), cut at the radar
    horizon for that altitude."""
    horizon = float(radar_horizon_km(float(sc.r_height[radar]), alt_m))
    return np.asarray(np.minimum(jammed_reach(sc, st, radar, looks), horizon))


def _coverage(canvas: Canvas, geo: Geometry, sc: Scenario, st: State, layers: Layers) -> None:
    """Each radar on the air (or the selected one), in its own colour: where it sees 1 m²
    at its stated Pd at the altitude chosen. Jamming pulls the line in, most towards the
    jammer, where its main lobe takes the noise; the horizon pulls it in for low targets."""
    on_air = st.radar_alive & st.emitting & (st.ready_turn <= st.turn)
    radars = np.flatnonzero(on_air)
    if layers.coverage_mode == "selected":
        radars = radars[radars == layers.selected_unit]
    jammed = bool(np.count_nonzero(st.status[sc.noise_slots] == ACTIVE))
    looks = np.linspace(-math.pi, math.pi, LOOKS, endpoint=False)
    inks = np.array(COVERAGE_INKS, dtype=np.uint8)[radars % len(COVERAGE_INKS)]
    if sc.terrain is not None:
        # Over terrain coverage is no circle: the ground's line of sight, cell by cell.
        def reach_of(radar: int, bearings: np.ndarray) -> np.ndarray:
            return jammed_reach(sc, st, radar, bearings)

        alt = layers.coverage_alt_m
        draw_masked_coverage(canvas, geo, sc, st, radars, inks, alt, reach_of, COVERAGE_GLYPH)
        return
    if not jammed:
        # The same reach all round: every radar's circle in one pass.
        reach = [
            float(coverage_reach(sc, st, r, layers.coverage_alt_m, looks[:1])[0])
            for r in radars.tolist()
        ]
        circles(canvas, geo, st.r_x[radars], st.r_y[radars], np.array(reach), inks, COVERAGE_GLYPH)
        return
    for r, ink in zip(radars.tolist(), inks.tolist(), strict=True):
        reach_all = coverage_reach(sc, st, r, layers.coverage_alt_m, looks)
        contour(
            canvas, geo, float(st.r_x[r]), float(st.r_y[r]), reach_all, Ink(ink), COVERAGE_GLYPH
        )


def _predicted_path(canvas: Canvas, geo: Geometry, sc: Scenario, st: State, slot: int) -> None:
    """The selected track's course ahead, as its estimate dead-reckons it: to the site it
    points at, else `PATH_AHEAD_S` on."""
    one = np.array([slot])
    x, y = estimated_positions(sc, st, one)
    ttg, _ = time_to_go(sc, st, one)
    ahead = float(ttg[0]) if math.isfinite(ttg[0]) else PATH_AHEAD_S
    end = (float(x[0] + st.track_vx[slot] * ahead), float(y[0] + st.track_vy[slot] * ahead))
    dotted_line(canvas, geo.cell(float(x[0]), float(y[0])), geo.cell(*end), Ink.PATH, PATH_GLYPH)


def _intercept_cells(
    geo: Geometry, salvos: SalvoCells, layers: Layers
) -> tuple[np.ndarray, np.ndarray]:
    """The cells of the selected track's intercept points: where fire control predicts
    each salvo on its way will meet it, else where the best shot open now would."""
    mine = salvos.tracks == layers.selected_track
    if layers.selected_track < 0:
        mine &= False
    cols, rows = salvos.aim_cols[mine], salvos.aim_rows[mine]
    if cols.size == 0 and layers.intercept is not None:
        col, row = geo.cell(*layers.intercept)
        cols, rows = np.array([col]), np.array([row])
    return cols, rows


def _jam_strobes(canvas: Canvas, geo: Geometry, sc: Scenario, st: State) -> None:
    """A dotted line from each radar towards each jammer it hears, as long as its
    coverage: the radar knows the bearing, not the range."""
    for strobe in jam_strobes(sc, st):
        r = strobe.radar
        x, y = float(st.r_x[r]), float(st.r_y[r])
        length = float(sc.r_range_ref[r])
        angle = math.radians(strobe.bearing_deg)
        end = (x + length * math.sin(angle), y + length * math.cos(angle))
        dotted_line(canvas, geo.cell(x, y), geo.cell(*end), Ink.JAM, JAM_GLYPH)


def _range_rings(
    canvas: Canvas, geo: Geometry, sc: Scenario, st: State, selected_radar: int
) -> None:
    selected_fu = int(sc.r_fire_unit[selected_radar]) if selected_radar >= 0 else -1
    for f in range(len(sc.f_name)):
        radar = int(sc.f_radar[f])
        if not st.radar_alive[radar]:
            continue
        loaded = np.flatnonzero(st.ready[f] > 0)
        if loaded.size == 0:
            continue
        reach = sc.m_max_range[loaded]
        # The selected unit shows every missile's reach; the others their longest.
        chosen = loaded if f == selected_fu else loaded[[int(np.argmax(reach))]]
        x, y = float(st.r_x[radar]), float(st.r_y[radar])
        for m in sorted(chosen.tolist(), key=lambda m: -sc.m_max_range[m]):
            col, row = ring(canvas, geo, x, y, float(sc.m_max_range[m]), Ink.RING, RING_GLYPH)
            label = short_missile(sc.m_name[m])
            canvas.text(col - len(label) // 2, row, label, Ink.RING)


@dataclass(frozen=True)
class SalvoCells:
    """Where the salvos in flight are drawn: their cells, their intercept points' cells,
    and the tracks they are on their way to."""

    cols: np.ndarray
    rows: np.ndarray
    aim_cols: np.ndarray
    aim_rows: np.ndarray
    tracks: np.ndarray

    @classmethod
    def of(cls, geo: Geometry, salvos: list[SalvoInFlight]) -> SalvoCells:
        xy = np.array([(s.x, s.y, s.aim_x, s.aim_y) for s in salvos], dtype=float).reshape(-1, 4)
        return cls(
            geo.cols(xy[:, 0]),
            geo.rows(xy[:, 1]),
            geo.cols(xy[:, 2]),
            geo.rows(xy[:, 3]),
            np.array([s.track for s in salvos], dtype=np.int64),
        )


def _mark_missiles(taken: np.ndarray, cells: SalvoCells) -> None:
    """Keep the salvos' cells free of labels."""
    height, width = taken.shape
    cols, rows = cells.cols, cells.rows
    inside = (cols >= 0) & (cols < width) & (rows >= 0) & (rows < height)
    taken[rows[inside], cols[inside]] = True


def _engagement_lines(canvas: Canvas, cells: SalvoCells) -> None:
    """A stroke from each salvo to the intercept point predicted for it: where, and
    against which track, the engagement will be decided. Labels and symbols go on top."""
    strokes(canvas, cells.cols, cells.rows, cells.aim_cols, cells.aim_rows, Ink.MISSILE)


_SYMBOL_INKS = np.array(
    [Ink.ASSET, Ink.CP, Ink.RADAR, Ink.RADAR_SILENT, Ink.RADAR_DEAD, Ink.SELECTED]
)


def _missiles(canvas: Canvas, cells: SalvoCells, selected_track: int) -> None:
    """A dot per salvo; those on their way to the selected track in its colour. A salvo
    just launched sits under its unit's symbol, which stays on top."""
    cols, rows = cells.cols, cells.rows
    show = (cols >= 0) & (cols < canvas.width) & (rows >= 0) & (rows < canvas.height)
    show[show] = ~np.isin(canvas.ink[rows[show], cols[show]], _SYMBOL_INKS)
    chosen = show & (cells.tracks == selected_track) if selected_track >= 0 else show & False
    canvas.put(cols[show & ~chosen], rows[show & ~chosen], ord(MISSILE_GLYPH), Ink.MISSILE)
    canvas.put(cols[chosen], rows[chosen], ord(MISSILE_GLYPH), Ink.SELECTED)


GROUND_MARKS = (Ink.PLACE, Ink.ENTRY)
"""Symbols that mark the ground (named places, red's entry points), not blue's sites."""

GROUND_INKS = (
    Ink.LAND,
    Ink.OFFMAP,
    Ink.GRID,
    Ink.RING,
    Ink.JAM,
    Ink.TRAIL,
    *COVERAGE_INKS,
    *RELIEF_INKS,
    Ink.SHADOW,
)
"""What the map shows under its symbols and names: a relocation's path may dot over it."""


def _pick(
    canvas: Canvas,
    geo: Geometry,
    pick: tuple[float, float],
    origin: tuple[float, float] | None,
    label: Callable[[float], str] | None,
) -> None:
    col, row = geo.cell(*pick)
    if origin is not None:
        # A dotted line from the unit to the point picked, under names and symbols.
        chars, inks = canvas.chars.copy(), canvas.ink.copy()
        dotted_line(canvas, geo.cell(*origin), (col, row), Ink.PICK)
        kept = ~np.isin(inks, GROUND_INKS)
        canvas.chars[kept], canvas.ink[kept] = chars[kept], inks[kept]
        km = math.dist(origin, pick)
        text = label(km) if label else f"{km:.0f} km"
        # Right of the cursor, or left of it where the map's edge would cut it.
        at = col + 2 if col + 2 + len(text) <= canvas.width else col - 1 - len(text)
        canvas.text(max(at, 0), row, text, Ink.PICK)
    canvas.text(col, row, PICK_GLYPH, Ink.PICK)
