"""The ground on the map: relief by height band, and where the ground masks coverage.

`draw_relief` shades each blank cell of the map by the height band of the highest
ground in it (`RELIEF_GLYPHS`, in the inks `RELIEF_INKS`), under every other layer.
`draw_masked_coverage` draws the coverage of radars over terrain: the line around
what each radar sees at the altitude chosen (its reach, the horizon from its
antenna's height over the datum, and what the ground leaves in sight), and the
terrain's shadow (`SHADOW_GLYPH`): cells within a radar's reach that the ground hides
from it and no other radar drawn sees. Called by `map_frame`; the line of sight is
the engine's (`wargame.engine.terrain`), the test detection makes.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from wargame.engine.geometry import HORIZON_KM_PER_SQRT_M
from wargame.engine.scenario import Scenario
from wargame.engine.state import State
from wargame.engine.terrain import sight_now
from wargame.view.map_canvas import Canvas, Geometry, Ink

RELIEF_GLYPHS = "░▒▓"
"""Cells of the three upper height bands; the lowest band is left plain."""
RELIEF_INKS = (Ink.RELIEF_1, Ink.RELIEF_2, Ink.RELIEF_3)
RELIEF_BANDS = (0.2, 0.45, 0.7)
"""Where each band starts, as a share of the grid's highest ground."""
MIN_RELIEF_M = 50.0
"""Ground lower than this everywhere shows no relief: a flat grid is no landscape."""
RELIEF_SAMPLES = 3
"""Points across a cell, each way, whose highest ground gives the cell's band."""
SHADOW_GLYPH = "×"
"""A cell within a radar's reach that the ground hides from every radar drawn (on every
other cell, as a check)."""


def relief_bands(sc: Scenario, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Band of the ground at points (x, y) km: 0 (lowest, plain) to 3 (highest)."""
    terrain = sc.terrain
    if terrain is None or terrain.ground is None:
        return np.zeros(np.shape(x), dtype=np.int64)
    top = max(float(terrain.ground.heights_m.max()), MIN_RELIEF_M)
    edges = np.array(RELIEF_BANDS) * top
    return np.asarray(np.searchsorted(edges, terrain.ground_at(x, y), side="right"))


def draw_relief(canvas: Canvas, geo: Geometry, sc: Scenario) -> None:
    """Shade the map's blank cells by the height band of the highest ground in them."""
    terrain = sc.terrain
    if terrain is None or terrain.ground is None:
        return
    # The highest of a few points across each cell: a ridge narrower than a cell shows.
    band = np.zeros((geo.height, geo.width), dtype=np.int64)
    for k in (np.arange(RELIEF_SAMPLES) + 0.5) / RELIEF_SAMPLES:
        xs = geo.cx + (np.arange(geo.width) + k - geo.width / 2.0) * geo.kpc
        for j in (np.arange(RELIEF_SAMPLES) + 0.5) / RELIEF_SAMPLES:
            ys = geo.cy - (np.arange(geo.height) + j - geo.height / 2.0) * geo.kpr
            np.maximum(band, relief_bands(sc, xs[None, :], ys[:, None]), out=band)
    # On blank cells only: the graticule's marks stay.
    rows, cols = np.nonzero((band > 0) & (canvas.chars == ord(" ")))
    glyphs = np.array([ord(g) for g in RELIEF_GLYPHS], dtype="<u4")
    inks = np.array(RELIEF_INKS, dtype=np.uint8)
    canvas.put_inked(cols, rows, glyphs[band[rows, cols] - 1], inks[band[rows, cols] - 1])


def draw_masked_coverage(
    canvas: Canvas,
    geo: Geometry,
    sc: Scenario,
    st: State,
    radars: np.ndarray,
    inks: np.ndarray,
    alt_m: float,
    reach_of: Callable[[int, np.ndarray], np.ndarray],
    glyph: str,
) -> None:
    """Each radar's coverage at `alt_m` over terrain, in its ink: a line around the
    cells it sees, then the terrain's shadow. `reach_of(radar, looks)` is its reach
    along bearings (arctan2 convention) before the horizon and the ground."""
    sight = sight_now(sc.terrain, st.r_x, st.r_y)
    if sight is None:
        return
    xs = geo.cx + (np.arange(geo.width) + 0.5 - geo.width / 2.0) * geo.kpc
    ys = geo.cy - (np.arange(geo.height) + 0.5 - geo.height / 2.0) * geo.kpr
    seen_any = np.zeros((geo.height, geo.width), dtype=bool)
    hidden_any = np.zeros_like(seen_any)
    lines = []
    # The altitude asked is above the ground beneath each cell, as threats fly.
    cells_x = np.asarray(xs[None, :], dtype=np.float64)
    cells_y = np.asarray(ys[:, None], dtype=np.float64)
    height = max(alt_m, 0.0) + sight.ground_at(cells_x, cells_y)
    for r in radars.tolist():
        dx = xs[None, :] - float(st.r_x[r])
        dy = ys[:, None] - float(st.r_y[r])
        looks = np.linspace(-math.pi, math.pi, 720, endpoint=False)
        reach = reach_of(r, looks)
        horizon = HORIZON_KM_PER_SQRT_M * (sight.sqrt_top[r] + np.sqrt(height))
        look = np.floor((np.arctan2(dy, dx) + math.pi) / (2 * math.pi) * looks.size)
        within = np.hypot(dx, dy) <= np.minimum(reach[look.astype(np.int64) % looks.size], horizon)
        seen = within & sight.clear(r, dx, dy, height)
        seen_any |= seen
        hidden_any |= within & ~seen
        lines.append(seen)
    # Every other cell, as a check: the shadow shows, the ground and tracks still read.
    checks = (np.arange(geo.height)[:, None] + np.arange(geo.width)[None, :]) % 2 == 0
    shadow = hidden_any & ~seen_any & checks
    rows, cols = np.nonzero(shadow)
    canvas.put(cols, rows, ord(SHADOW_GLYPH), Ink.SHADOW)
    for seen, ink in zip(lines, inks.tolist(), strict=True):
        rows, cols = np.nonzero(seen & ~_interior(seen))
        canvas.put(cols, rows, ord(glyph), Ink(ink))


def _interior(inside: np.ndarray) -> np.ndarray:
    """Cells whose four neighbours are all inside too (the map's edge counts as inside)."""
    padded = np.pad(inside, 1, mode="edge")
    return np.asarray(padded[:-2, 1:-1] & padded[2:, 1:-1] & padded[1:-1, :-2] & padded[1:-1, 2:])
