"""The map's canvas: two numpy grids (a character and an ink per cell), the geometry
from km to cells, and the drawing primitives the map's layers are painted with.

Cells are twice as tall as wide; north is up. `map_frame` paints the layers of a
frame with these; the map widget turns the grids into Strips and each ink into a
component class (`INK_NAMES`). Knows nothing of the game.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import IntEnum

import numpy as np


class Ink(IntEnum):
    """Style slots of a frame; the widget maps each to a component class."""

    LAND = 0
    OFFMAP = 1
    GRID = 2
    COVERAGE = 3
    RING = 4
    PLACE = 5
    ENTRY = 6
    LABEL = 7
    ASSET = 8
    CP = 9
    RADAR = 10
    RADAR_SILENT = 11
    RADAR_DEAD = 12
    TRACK = 13
    TRACK_ARM = 14
    HEADING = 15
    TRACK_LABEL = 16
    SELECTED = 17
    PICK = 18
    SCALE = 19
    MISSILE = 20
    JAM = 21
    COVERAGE_1 = 22
    COVERAGE_2 = 23
    COVERAGE_3 = 24
    COVERAGE_4 = 25
    COVERAGE_5 = 26
    TRAIL = 27
    TRACK_LOW = 28
    TRACK_HIGH = 29
    PATH = 30
    INTERCEPT = 31
    LEGEND = 32
    RELIEF_1 = 33
    RELIEF_2 = 34
    RELIEF_3 = 35
    SHADOW = 36


COVERAGE_INKS = (
    Ink.COVERAGE,
    Ink.COVERAGE_1,
    Ink.COVERAGE_2,
    Ink.COVERAGE_3,
    Ink.COVERAGE_4,
    Ink.COVERAGE_5,
)
"""One colour per radar's coverage, in turn by radar index."""


INK_NAMES = tuple(f"map--{ink.name.lower().replace('_', '-')}" for ink in Ink)
"""Component class of each ink, in Ink order."""


NICE_STEPS_KM = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000)


@dataclass
class View:
    """What part of the map the widget shows: centre in km and zoom (1 = whole map)."""

    cx: float
    cy: float
    zoom: float = 1.0

    @classmethod
    def fit(cls, width_km: float, height_km: float) -> View:
        return cls(width_km / 2.0, height_km / 2.0, 1.0)


@dataclass(frozen=True)
class Geometry:
    """Cell <-> km for one size and view."""

    width: int
    height: int
    cx: float
    cy: float
    kpc: float
    """km per column; a row is twice as tall."""

    @classmethod
    def of(cls, width: int, height: int, view: View, map_w: float, map_h: float) -> Geometry:
        fit = max(map_w / max(width - 2, 1), map_h / max((height - 1) * 2, 1))
        return cls(width, height, view.cx, view.cy, fit / view.zoom)

    @property
    def kpr(self) -> float:
        return 2.0 * self.kpc

    def cols(self, x: np.ndarray) -> np.ndarray:
        return np.floor((x - self.cx) / self.kpc + self.width / 2.0).astype(np.int64)

    def rows(self, y: np.ndarray) -> np.ndarray:
        return np.floor((self.cy - y) / self.kpr + self.height / 2.0).astype(np.int64)

    def cell(self, x: float, y: float) -> tuple[int, int]:
        return int(self.cols(np.array([x]))[0]), int(self.rows(np.array([y]))[0])

    def km(self, col: float, row: float) -> tuple[float, float]:
        """The centre of a cell, in km."""
        return (
            self.cx + (col + 0.5 - self.width / 2.0) * self.kpc,
            self.cy - (row + 0.5 - self.height / 2.0) * self.kpr,
        )


class Canvas:
    """The two grids and the primitive drawing operations."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.chars = np.full((height, width), ord(" "), dtype="<u4")
        self.ink = np.zeros((height, width), dtype=np.uint8)

    def put(self, cols: np.ndarray, rows: np.ndarray, code: np.ndarray | int, ink: Ink) -> None:
        inside = (cols >= 0) & (cols < self.width) & (rows >= 0) & (rows < self.height)
        if not inside.any():
            return
        r, c = rows[inside], cols[inside]
        self.chars[r, c] = code[inside] if isinstance(code, np.ndarray) else code
        self.ink[r, c] = ink

    def put_inked(
        self, cols: np.ndarray, rows: np.ndarray, codes: np.ndarray, inks: np.ndarray
    ) -> None:
        """Like `put`, each cell with its own ink."""
        inside = (cols >= 0) & (cols < self.width) & (rows >= 0) & (rows < self.height)
        r, c = rows[inside], cols[inside]
        self.chars[r, c] = codes[inside]
        self.ink[r, c] = inks[inside]

    def text(self, col: int, row: int, text: str, ink: Ink) -> None:
        if not 0 <= row < self.height:
            return
        for i, ch in enumerate(text):
            c = col + i
            if 0 <= c < self.width:
                self.chars[row, c] = ord(ch)
                self.ink[row, c] = ink

    def restyle(self, col: int, row: int, length: int, ink: Ink) -> None:
        if 0 <= row < self.height:
            lo, hi = max(col, 0), min(col + length, self.width)
            if lo < hi:
                self.ink[row, lo:hi] = ink


def nice_step(km: float) -> float:
    for step in NICE_STEPS_KM:
        if step >= km:
            return float(step)
    return float(NICE_STEPS_KM[-1])


def ring(
    canvas: Canvas, geo: Geometry, x: float, y: float, radius: float, ink: Ink, glyph: str
) -> tuple[int, int]:
    """A circle of `radius` km to scale; returns the cell of its northernmost point."""
    c0, r0 = geo.cell(x, y)
    half_w = int(radius / geo.kpc) + 2
    half_h = int(radius / geo.kpr) + 2
    c_lo, c_hi = max(c0 - half_w, 0), min(c0 + half_w + 1, geo.width)
    r_lo, r_hi = max(r0 - half_h, 0), min(r0 + half_h + 1, geo.height)
    if c_lo >= c_hi or r_lo >= r_hi:
        return c0, geo.rows(np.array([y + radius]))[0]
    cols = np.arange(c_lo, c_hi)
    rows = np.arange(r_lo, r_hi)
    dx = (geo.cx + (cols + 0.5 - geo.width / 2.0) * geo.kpc - x)[None, :]
    dy = (geo.cy - (rows + 0.5 - geo.height / 2.0) * geo.kpr - y)[:, None]
    d = np.hypot(dx, dy)
    safe = np.maximum(d, 1e-9)
    # A cell is on the circle if the circle passes within half a cell of its centre,
    # measured along the radius (cells are twice as tall as wide).
    tolerance = 0.5 * (np.abs(dx) / safe * geo.kpc + np.abs(dy) / safe * geo.kpr)
    on = np.abs(d - radius) <= tolerance
    rr, cc = np.nonzero(on)
    sub_chars = canvas.chars[r_lo:r_hi, c_lo:c_hi]
    sub_ink = canvas.ink[r_lo:r_hi, c_lo:c_hi]
    sub_chars[rr, cc] = ord(glyph)
    sub_ink[rr, cc] = ink
    return c0, int(geo.rows(np.array([y + radius]))[0])


def circles(
    canvas: Canvas,
    geo: Geometry,
    x: np.ndarray,
    y: np.ndarray,
    radius: np.ndarray,
    inks: np.ndarray,
    glyph: str,
) -> None:
    """Circles of `radius` km around (x, y), each in its ink, all in one pass: points
    along each circle close enough that no cell of its line is skipped."""
    cells = radius / min(geo.kpc, geo.kpr)
    count = np.maximum(np.ceil(4.0 * math.pi * cells), 8).astype(np.int64)
    circle = np.repeat(np.arange(radius.size), count)
    first = np.cumsum(count) - count
    angle = (np.arange(circle.size) - first[circle]) * (2.0 * math.pi / count[circle])
    px = x[circle] + radius[circle] * np.cos(angle)
    py = y[circle] + radius[circle] * np.sin(angle)
    canvas.put_inked(
        geo.cols(px), geo.rows(py), np.full(circle.size, ord(glyph), "<u4"), inks[circle]
    )


def contour(
    canvas: Canvas, geo: Geometry, x: float, y: float, reach: np.ndarray, ink: Ink, glyph: str
) -> None:
    """The line around (x, y) at `reach` km along each of `reach.size` bearings, evenly
    spaced from -pi as arctan2 gives them: a cell is on it where its corners lie some
    inside, some outside."""
    c0, r0 = geo.cell(x, y)
    far = float(reach.max())
    half_w, half_h = int(far / geo.kpc) + 2, int(far / geo.kpr) + 2
    c_lo, c_hi = max(c0 - half_w, 0), min(c0 + half_w + 1, geo.width)
    r_lo, r_hi = max(r0 - half_h, 0), min(r0 + half_h + 1, geo.height)
    if c_lo >= c_hi or r_lo >= r_hi:
        return
    # Corner (i, j) is the top-left corner of cell (r_lo + i, c_lo + j).
    dx = (geo.cx + (np.arange(c_lo, c_hi + 1) - geo.width / 2.0) * geo.kpc - x)[None, :]
    dy = (geo.cy - (np.arange(r_lo, r_hi + 1) - geo.height / 2.0) * geo.kpr - y)[:, None]
    look = np.floor((np.arctan2(dy, dx) + math.pi) / (2 * math.pi) * reach.size).astype(np.int64)
    inside = np.hypot(dx, dy) <= reach[look % reach.size]
    corners = inside[:-1, :-1].astype(np.int8) + inside[1:, :-1] + inside[:-1, 1:] + inside[1:, 1:]
    rr, cc = np.nonzero((corners > 0) & (corners < 4))
    canvas.put(cc + c_lo, rr + r_lo, ord(glyph), ink)


def dotted_line(
    canvas: Canvas, start: tuple[int, int], end: tuple[int, int], ink: Ink, glyph: str = "∙"
) -> None:
    """Dots on the cells between two cells (not on either end)."""
    (c0, r0), (c1, r1) = start, end
    n = max(abs(c1 - c0), abs(r1 - r0))
    if n > 1:
        t = np.linspace(0.0, 1.0, n + 1)[1:-1]
        canvas.put(
            np.round(c0 + (c1 - c0) * t).astype(np.int64),
            np.round(r0 + (r1 - r0) * t).astype(np.int64),
            ord(glyph),
            ink,
        )


def strokes(
    canvas: Canvas,
    c0: np.ndarray,
    r0: np.ndarray,
    c1: np.ndarray,
    r1: np.ndarray,
    ink: Ink,
) -> None:
    """Lines drawn with box-drawing strokes, each from the cell after (c0, r0) to (c1, r1):
    each cell takes the stroke of its step to the next (─ │ ╲ ╱), so that a shallow line
    reads as ──╲──╲── rather than a staircase of one glyph. All the lines in one pass."""
    steps = np.maximum(np.abs(c1 - c0), np.abs(r1 - r0))
    # Only the points within a cell of the canvas are made (a line zoomed far past its
    # edges would make thousands): from k_lo to k_hi, with one more at each end for the
    # strokes' steps.
    t_lo, t_hi = _inside(c0, c1 - c0, canvas.width), _inside(r0, r1 - r0, canvas.height)
    first_t, last_t = np.maximum(t_lo[0], t_hi[0]), np.minimum(t_lo[1], t_hi[1])
    shown = (steps > 0) & (first_t <= last_t)
    first_t, last_t = np.where(shown, first_t, 0.0), np.where(shown, last_t, 0.0)
    k_lo = np.maximum(np.floor(first_t * steps) - 1, 0).astype(np.int64)
    k_hi = np.minimum(np.ceil(last_t * steps) + 1, steps).astype(np.int64)
    keep = shown & (k_hi > k_lo)
    c0, r0, c1, r1, steps = c0[keep], r0[keep], c1[keep], r1[keep], steps[keep]
    k_lo, k_hi = k_lo[keep], k_hi[keep]
    if steps.size == 0:
        return
    # Every line's points k = k_lo..k_hi, one line after another.
    count = k_hi - k_lo + 1
    line = np.repeat(np.arange(steps.size), count)
    first = np.cumsum(count) - count
    k = np.arange(line.size) - first[line] + k_lo[line]
    t = k / steps[line]
    cols = np.round(c0[line] + (c1 - c0)[line] * t).astype(np.int64)
    rows = np.round(r0[line] + (r1 - r0)[line] * t).astype(np.int64)
    # The step out of each point; a line's last point keeps the step into it.
    d_col = np.empty_like(cols)
    d_row = np.empty_like(rows)
    d_col[:-1], d_row[:-1] = np.diff(cols), np.diff(rows)
    last = first + count - 1
    d_col[last], d_row[last] = d_col[last - 1], d_row[last - 1]
    kind = np.where(d_row == 0, 0, np.where(d_col == 0, 1, np.where(d_col == d_row, 2, 3)))
    strokes = np.array([ord(g) for g in "─│╲╱"], dtype="<u4")
    drawn = k > 0  # not the start
    canvas.put(cols[drawn], rows[drawn], strokes[kind[drawn]], ink)


def _inside(start: np.ndarray, delta: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """The parameters t in [0, 1] where start + delta t lies within a cell of 0..size - 1:
    (from, to), empty where from > to."""
    moving = delta != 0
    safe = np.where(moving, delta, 1)
    a = (-1.0 - start) / safe
    b = (size - start) / safe
    inside = (start >= -1) & (start <= size)
    low = np.where(moving, np.minimum(a, b), np.where(inside, 0.0, np.inf))
    high = np.where(moving, np.maximum(a, b), np.where(inside, 1.0, -np.inf))
    return np.maximum(low, 0.0), np.minimum(high, 1.0)


def scale_bar_text(geo: Geometry) -> str:
    """The scale bar drawn from column 1 of the bottom row ('' where it does not fit)."""
    if geo.height < 3 or geo.width < 16:
        return ""
    step = nice_step(geo.width * geo.kpc / 6.0)
    cells = max(round(step / geo.kpc), 2)
    label = f" {step:g} km"
    if cells + len(label) + 1 > geo.width:
        return ""
    return "├" + "─" * (cells - 2) + "┤" + label


def scale_bar(canvas: Canvas, geo: Geometry) -> None:
    bar = scale_bar_text(geo)
    if bar:
        canvas.text(1, geo.height - 1, bar, Ink.SCALE)
