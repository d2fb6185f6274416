"""One frame of the tactical map: the layers painted on a `map_canvas.Canvas`.

The map widget asks `draw_frame` for a frame and turns each row into a Strip;
this module knows what the map shows and nothing of Textual. Layers are painted
in order, later ones on top: graticule, coverage and range rings, engagement
lines, places (and red's entry points once they may be shown), labels, blue
symbols, salvos in flight, heading marks, track glyphs, the selection, the pick
cursor. Tracks and entry points come from the blue view (`blue.shown_tracks`,
`blue.entry_points`): what the radars report, never truth, before the end.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from wargame.campaign import ThreatClass
from wargame.engine.detection import jam_strobes, jammed_reach
from wargame.engine.scenario import CLASS_CODE, Scenario
from wargame.engine.state import ACTIVE, State
from wargame.view.blue import entry_points, shown_tracks
from wargame.view.map_canvas import (
    Canvas,
    Geometry,
    Ink,
    View,
    contour,
    dotted_line,
    nice_step,
    ring,
    scale_bar,
    strokes,
)
from wargame.view.picture import (
    GLYPH_CODES,
    HEADING_ARROWS,
    HEADING_STEPS,
    SalvoInFlight,
    estimated_positions,
    heading_sector,
    salvos_in_flight,
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
_ARM_CLASS = CLASS_CODE[ThreatClass.ARM]


@dataclass
class Marks:
    """What was drawn where, for clicks: cells of units and tracks."""

    unit_cells: list[tuple[int, int, int]] = field(default_factory=list)
    """(col, row, radar index)."""
    track_cols: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    track_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    track_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))


@dataclass
class Layers:
    """What to draw on top of the fixed map."""

    coverage: bool = False
    rings: bool = False
    selected_unit: int = -1
    """Radar index of the selected unit (-1 none)."""
    selected_track: int = -1
    """Track id of the selected track (-1 none)."""
    pick: tuple[float, float] | None = None
    """The point being picked (relocation), km."""
    pick_from: tuple[float, float] | None = None
    pick_label: Callable[[float], str] | None = None
    """Words beside the pick cursor for a distance from `pick_from` in km (default: 'N km')."""
    reveal: bool = False
    """The truth may be told (the game is over, or a replay): red's entry points show."""


def draw_frame(
    sc: Scenario, st: State, width: int, height: int, view: View, layers: Layers
) -> tuple[Canvas, Geometry, Marks]:
    """Draw the whole map for this state into a new canvas."""
    size = sc.loaded.campaign.map
    geo = Geometry.of(width, height, view, size.width_km, size.height_km)
    canvas = Canvas(width, height)
    marks = Marks()
    _ground(canvas, geo, size.width_km, size.height_km)
    if layers.coverage:
        _coverage(canvas, geo, sc, st)
    if layers.rings:
        _range_rings(canvas, geo, sc, st, layers.selected_unit)
    _jam_strobes(canvas, geo, sc, st)
    slots = shown_tracks(st)
    tx, ty = estimated_positions(sc, st, slots)
    t_cols, t_rows = geo.cols(tx), geo.rows(ty)
    # Labels go only where nothing else is: tracks (glyph, heading mark, id) and every
    # symbol are marked first, then blue labels, then place names, fit around them.
    taken = np.zeros((canvas.height, canvas.width), dtype=bool)
    _mark_tracks(taken, st, slots, t_cols, t_rows)
    salvos = SalvoCells.of(geo, salvos_in_flight(sc, st))
    _mark_missiles(taken, salvos)
    _engagement_lines(canvas, salvos)
    places = _place_symbols(canvas, geo, sc, taken, layers.reveal)
    _blue(canvas, geo, sc, st, layers.selected_unit, marks, taken)
    for col, row, name in places:
        _place_label(canvas, taken, col, row, name, Ink.PLACE)
    _missiles(canvas, salvos, layers.selected_track)
    _tracks(canvas, sc, st, slots, t_cols, t_rows, layers.selected_track)
    _track_labels(canvas, st, slots, t_cols, t_rows, layers.selected_track)
    marks.track_cols, marks.track_rows = t_cols, t_rows
    marks.track_ids = st.track_id[slots]
    if layers.pick is not None:
        _pick(canvas, geo, layers.pick, layers.pick_from, layers.pick_label)
    scale_bar(canvas, geo)
    return canvas, geo, marks


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


def _coverage(canvas: Canvas, geo: Geometry, sc: Scenario, st: State) -> None:
    """Each radar on the air: where it sees 1 m² at its stated Pd. Jamming pulls the line
    in, most towards the jammer, where its main lobe takes the noise."""
    on_air = st.radar_alive & st.emitting & (st.ready_turn <= st.turn)
    jammed = bool(np.count_nonzero(st.status[sc.noise_slots] == ACTIVE))
    looks = np.linspace(-math.pi, math.pi, LOOKS, endpoint=False)
    for r in np.flatnonzero(on_air).tolist():
        x, y = float(st.r_x[r]), float(st.r_y[r])
        if jammed:
            contour(canvas, geo, x, y, jammed_reach(sc, st, r, looks), Ink.COVERAGE, COVERAGE_GLYPH)
        else:
            ring(canvas, geo, x, y, float(sc.r_range_ref[r]), Ink.COVERAGE, COVERAGE_GLYPH)


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


def _mark_tracks(
    taken: np.ndarray, st: State, slots: np.ndarray, cols: np.ndarray, rows: np.ndarray
) -> None:
    """The cells a track's glyph, heading mark and id will cover."""
    if slots.size == 0:
        return
    height, width = taken.shape
    marks, start, digits = _track_cells(st, slots, cols, rows)
    spans = [*marks, *((start + k, rows) for k in range(int(digits.max())))]
    for c, r in spans:
        ok = (c >= 0) & (c < width) & (r >= 0) & (r < height)
        taken[r[ok], c[ok]] = True


def _track_cells(
    st: State, slots: np.ndarray, cols: np.ndarray, rows: np.ndarray
) -> tuple[list[tuple[np.ndarray, np.ndarray]], np.ndarray, np.ndarray]:
    """(the (cols, rows) of the tracks' glyphs and of the heading marks of those that move,
    the column each id starts in, its digits): right of the glyph, or of the heading mark
    when that stands there (heading east)."""
    sector = heading_sector(st.track_vx[slots], st.track_vy[slots])
    moving = sector >= 0
    steps = np.array(HEADING_STEPS, dtype=np.int64)[np.maximum(sector, 0)]
    marks = [(cols, rows), (cols[moving] + steps[moving, 0], rows[moving] + steps[moving, 1])]
    digits = np.floor(np.log10(np.maximum(st.track_id[slots], 1))).astype(np.int64) + 1
    return marks, cols + 1 + (sector == 2), digits


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


def _place_symbols(
    canvas: Canvas, geo: Geometry, sc: Scenario, taken: np.ndarray, reveal: bool
) -> list[tuple[int, int, str]]:
    """Draw the named places' symbols (red's entry points marked, once they may be
    shown); their labels come later."""
    loaded = sc.loaded
    assets = {loaded.place(a.position) for a in loaded.campaign.blue.assets}
    entries = {(round(x, 3), round(y, 3)): name for name, x, y in entry_points(sc, revealed=reveal)}
    labels = []
    for place in loaded.campaign.map.places:
        x, y = place.position
        if (x, y) in assets:
            continue  # the asset there carries the name
        col, row = geo.cell(x, y)
        entry = (round(x, 3), round(y, 3)) in entries
        canvas.text(
            col, row, ENTRY_GLYPH if entry else PLACE_GLYPH, Ink.ENTRY if entry else Ink.PLACE
        )
        if 0 <= row < canvas.height and 0 <= col < canvas.width:
            taken[row, col] = True
        labels.append((col, row, place.name))
    for (x, y), name in entries.items():
        if not name:
            col, row = geo.cell(x, y)
            canvas.text(col, row, ENTRY_GLYPH, Ink.ENTRY)
            if 0 <= row < canvas.height and 0 <= col < canvas.width:
                taken[row, col] = True
    return labels


def _blue(
    canvas: Canvas,
    geo: Geometry,
    sc: Scenario,
    st: State,
    selected: int,
    marks: Marks,
    taken: np.ndarray,
) -> None:
    symbols: list[tuple[int, int, str, str, Ink, int]] = []
    for i, name in enumerate(sc.a_name):
        col, row = geo.cell(float(sc.a_position[i, 0]), float(sc.a_position[i, 1]))
        symbols.append((col, row, ASSET_GLYPH, name, Ink.ASSET, -1))
    for i, name in enumerate(sc.c_name):
        col, row = geo.cell(float(sc.c_position[i, 0]), float(sc.c_position[i, 1]))
        glyph, ink = (CP_GLYPH, Ink.CP) if st.cp_alive[i] else (DEAD_GLYPH, Ink.RADAR_DEAD)
        symbols.append((col, row, glyph, name, ink, -1))
    for r, name in enumerate(sc.r_name):
        col, row = geo.cell(float(st.r_x[r]), float(st.r_y[r]))
        fire_unit = sc.r_fire_unit[r] >= 0
        if not st.radar_alive[r]:
            glyph, ink = DEAD_GLYPH, Ink.RADAR_DEAD
        elif st.ready_turn[r] > st.turn:
            glyph, ink = MOVING_GLYPH, Ink.RADAR_SILENT
        else:
            glyph = FIRE_UNIT_GLYPH if fire_unit else RADAR_GLYPH
            ink = Ink.RADAR if st.emitting[r] else Ink.RADAR_SILENT
        symbols.append((col, row, glyph, unit_label(name), ink, r))
    # Symbols first, then labels where they fit: right of the symbol, else left, else
    # cut short; the selected unit's label, then fire units and radars, win a contest.
    for col, row, *_ in symbols:
        if 0 <= row < canvas.height and 0 <= col < canvas.width:
            taken[row, col] = True
    order = sorted(
        range(len(symbols)), key=lambda i: (symbols[i][5] != selected, symbols[i][5] < 0)
    )
    for i in order:
        col, row, _, label, _, r = symbols[i]
        ink = Ink.SELECTED if r == selected and r >= 0 else Ink.LABEL
        _place_label(canvas, taken, col, row, label, ink)
    for col, row, glyph, _, ink, r in symbols:
        canvas.text(col, row, glyph, Ink.SELECTED if r == selected and r >= 0 else ink)
        if r >= 0:
            marks.unit_cells.append((col, row, r))


def _place_label(
    canvas: Canvas, taken: np.ndarray, col: int, row: int, label: str, ink: Ink
) -> None:
    if not 0 <= row < canvas.height:
        return
    line = taken[row]

    def free(start: int, length: int) -> bool:
        lo, hi = max(start, 0), min(start + length, canvas.width)
        return hi - lo == length and not line[lo:hi].any()

    n = len(label)
    if free(col + 1, n):
        start = col + 1
    elif free(col - n, n):
        start = col - n
    else:
        # As much of it as fits on the right, at least three letters (none for a symbol
        # off the left edge: a negative index would read the row from its other end).
        room = 0
        while 0 <= col + 1 + room < canvas.width and not line[col + 1 + room] and room < n:
            room += 1
        if room < 3:
            return
        label, start = label[:room], col + 1
    canvas.text(start, row, label, ink)
    line[max(start, 0) : min(start + len(label), canvas.width)] = True


def _track_labels(
    canvas: Canvas,
    st: State,
    slots: np.ndarray,
    cols: np.ndarray,
    rows: np.ndarray,
    selected: int,
) -> None:
    """Each track's number right of its glyph (or of its heading mark, heading east),
    where it covers no track's glyph or heading mark and no other number: in a tight raid
    the numbers would run together into ones no track has. Where numbers would overlap,
    the selected track's comes first, then the oldest track's."""
    if slots.size == 0:
        return
    height, width = canvas.height, canvas.width
    ids = st.track_id[slots]
    marks, start, digits = _track_cells(st, slots, cols, rows)

    def on_canvas(c: np.ndarray, r: np.ndarray) -> np.ndarray:
        return np.asarray((c >= 0) & (c < width) & (r >= 0) & (r < height))

    # Cells no number may cover: tracks' glyphs and heading marks, the symbols of blue
    # units and assets, salvos in flight.
    glyphs = np.isin(canvas.ink, _SYMBOL_INKS) | (canvas.chars == ord(MISSILE_GLYPH))
    for c, r in marks:
        ok = on_canvas(c, r)
        glyphs[r[ok], c[ok]] = True
    # A number is shown whole, beside its track's glyph, or not at all.
    clear = on_canvas(cols, rows) & (start + digits <= width)
    # The cells of each number, and whether they are free of glyphs.
    cells = []
    for k in range(int(digits.max())):
        c = start + k
        ok = clear & (digits > k)
        cells.append((ok, rows[ok], c[ok]))
        clear[ok] &= ~glyphs[rows[ok], c[ok]]
    # Of numbers that overlap, the first in claim order keeps its cells.
    rank = np.empty(ids.size, dtype=np.int64)
    rank[np.argsort(np.where(ids == selected, -1, ids), kind="stable")] = np.arange(ids.size)
    claimed = np.full((height, width), ids.size, dtype=np.int64)
    for ok, r, c in cells:
        mine = clear[ok]
        np.minimum.at(claimed, (r[mine], c[mine]), rank[ok][mine])
    for ok, r, c in cells:
        clear[ok] &= claimed[r, c] == rank[ok]
    for k in range(int(digits.max())):
        has = clear & (digits > k)
        power = 10 ** np.maximum(digits - 1 - k, 0)
        code = (ord("0") + (ids // np.maximum(power, 1)) % 10).astype("<u4")
        canvas.put(start[has] + k, rows[has], code[has], Ink.TRACK_LABEL)
    if selected >= 0:
        hit = np.flatnonzero(clear & (ids == selected))
        if hit.size:
            i = int(hit[0])
            canvas.restyle(int(start[i]), int(rows[i]), int(digits[i]), Ink.SELECTED)


def _tracks(
    canvas: Canvas,
    sc: Scenario,
    st: State,
    slots: np.ndarray,
    cols: np.ndarray,
    rows: np.ndarray,
    selected: int,
) -> None:
    if slots.size == 0:
        return
    sector = heading_sector(st.track_vx[slots], st.track_vy[slots])
    moving = sector >= 0
    steps = np.array(HEADING_STEPS, dtype=np.int64)
    arrows = np.array([ord(a) for a in HEADING_ARROWS], dtype="<u4")
    s = np.maximum(sector, 0)
    canvas.put(
        cols[moving] + steps[s[moving], 0],
        rows[moving] + steps[s[moving], 1],
        arrows[s[moving]],
        Ink.HEADING,
    )
    codes = GLYPH_CODES[sc.t_apparent_class[slots]]
    arm = sc.t_apparent_class[slots] == _ARM_CLASS
    canvas.put(cols[~arm], rows[~arm], codes[~arm], Ink.TRACK)
    canvas.put(cols[arm], rows[arm], codes[arm], Ink.TRACK_ARM)
    if selected >= 0:
        hit = np.flatnonzero(st.track_id[slots] == selected)
        if hit.size:
            i = int(hit[0])
            # The glyph, and the heading mark where it stands in the line (east).
            canvas.restyle(int(cols[i]), int(rows[i]), 2 if sector[i] == 2 else 1, Ink.SELECTED)


def _pick(
    canvas: Canvas,
    geo: Geometry,
    pick: tuple[float, float],
    origin: tuple[float, float] | None,
    label: Callable[[float], str] | None,
) -> None:
    col, row = geo.cell(*pick)
    if origin is not None:
        # A dotted line from the unit to the point picked.
        dotted_line(canvas, geo.cell(*origin), (col, row), Ink.PICK)
        km = math.dist(origin, pick)
        canvas.text(col + 2, row, label(km) if label else f"{km:.0f} km", Ink.PICK)
    canvas.text(col, row, PICK_GLYPH, Ink.PICK)
