"""Terrain: the ground's heights and the masks of radar sites, and the line of sight they
leave each radar over the 4/3-radius Earth.

Ground heights are in m above the datum (sea level); a radar's antenna stands its
type's height above the ground of its site; a threat's altitude (the catalogue's and a
waypoint's `altitude_m`) is its height above the ground beneath it, so a low flyer
follows the terrain, and the line of sight lifts it by the ground at its position,
z(x, y) (one gather a threat). Seen from the antenna, the ground at distance s (km) and
height z lies (s / 4.12)² m lower than it is, by the Earth's curve (the drop that gives
the horizon d = 4.12 √h); a point at that distance blocks the view beyond it below the
straight line from the antenna over its top. So a threat at ground range r (km) and
altitude a (m) above the ground at its position is in sight of a radar whose antenna
top is T m above the datum when

    a + z(x, y) > T + m·r + (r / 4.12)²,

m being the steepest slope (m per km) from the antenna to a point of the ground nearer
than r, less its curve, in the threat's bearing: max over s < r of (z(s) − (s/4.12)² − T)/s.
A site's mask of elevation angle e in a sector gives m = 1000·tan e there at every range.
The smooth-Earth horizon takes the same heights over the datum: 4.12 (√T + √(a + z)).

`Terrain.sight` works out, for each radar on its site, a table of m by bearing sector
(`SECTORS` of them, clockwise from north) and range bin, by marching rays over the
grid (`cell_km / 2` apart or closer): one gather a pair then tests a turn's pairs
(`Sight.clear`, heights over the datum). Tables are kept by site, so a radar that
relocates costs one new table. `Sight.sees` is the whole test for a point given by
its altitude above the ground (horizon, ground beneath it, ground between); callers
that test many pairs lift each threat once (`Sight.ground_at`) and test the horizon
themselves with `Sight.sqrt_top`.

Built by `scenario.build_scenario` from the campaign's `terrain` and the radars'
`mask_deg`; read by detection (the looks, the jammers' noise), fire control (the
intercept point above the horizon), SEAD (an ARM's seeker) and the map view (relief,
and the coverage terrain masks).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from wargame.engine.geometry import HORIZON_KM_PER_SQRT_M, SAME_SITE_KM

F64 = NDArray[np.float64]
F32 = NDArray[np.float32]
I64 = NDArray[np.int64]
B = NDArray[np.bool_]

SECTORS = 360
"""Bearing sectors of a line-of-sight table: a degree each, clockwise from north."""
MAX_BINS = 512
"""Range bins of a table at most: a grid wider than this many cells gets coarser bins."""
NO_BLOCK = -1.0e7
"""Slope (m per km) of a sector and range with nothing in the way."""
NEAREST_KM = 1e-3
"""A threat nearer than this to a radar is taken at this range (no division by 0)."""


def curve_drop_m(range_km: F64 | float) -> F64:
    """How far the ground at this range lies below the antenna's level line over the
    4/3-radius Earth, m: (r / 4.12)², the drop that gives the horizon d = 4.12 √h."""
    r = np.asarray(range_km, dtype=np.float64)
    return np.asarray((r / HORIZON_KM_PER_SQRT_M) ** 2, dtype=np.float64)


@dataclass(frozen=True)
class Ground:
    """A height grid: square cells of `cell_km`, row 0 the southern edge (y from 0 to
    `cell_km`), column 0 the western (x from 0); the ground off the grid is at 0."""

    heights_m: F64
    """(rows, columns), m above the datum."""
    cell_km: float
    _padded: F64 = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # A border of zeros, so that a point off the grid reads 0 by clipping its index.
        object.__setattr__(self, "_padded", np.pad(self.heights_m, 1))

    @property
    def extent_km(self) -> tuple[float, float]:
        """(east-west, north-south) size of the grid, km."""
        rows, cols = self.heights_m.shape
        return cols * self.cell_km, rows * self.cell_km

    def at(self, x: F64 | float, y: F64 | float) -> F64:
        """The ground's height at points (x, y) km, m: its cell's."""
        rows, cols = self.heights_m.shape
        i = np.clip(np.floor(np.asarray(x) / self.cell_km), -1, cols).astype(np.int64) + 1
        j = np.clip(np.floor(np.asarray(y) / self.cell_km), -1, rows).astype(np.int64) + 1
        return np.asarray(self._padded[j, i], dtype=np.float64)


@dataclass(frozen=True)
class Sight:
    """The line of sight of every radar from given sites."""

    sites: F64
    """(R, 2) the sites it was worked out for, km."""
    top_m: F64
    """(R,) each antenna's height above the datum: its site's ground and its mast."""
    sqrt_top: F64
    """(R,) its square root, for the smooth-Earth horizon 4.12 (√T + √h)."""
    slope: F32
    """(R, SECTORS, bins): per radar, bearing sector and range bin, the steepest slope
    (m per km) from its antenna to the ground nearer than the bin, less the Earth's
    curve; `NO_BLOCK` where none."""
    bin_km: float
    ground: Ground | None = None
    """The height grid: what lifts a threat's altitude above the ground to the datum."""

    def ground_at(self, x: F64 | float, y: F64 | float) -> F64:
        """The ground's height at points (x, y) km, m (0 with no grid)."""
        if self.ground is None:
            return np.zeros(np.shape(x))
        return self.ground.at(x, y)

    def sees(self, radars: I64 | int, dx: F64, dy: F64, alt: F64 | float) -> B:
        """Whether radar `radars` has in its line of sight a point at offsets (dx east, dy
        north, km) from it, flying `alt` m above the ground beneath it: within the
        smooth-Earth horizon 4.12 (√T + √(alt + z)) and above what the ground between
        hides (`clear`), z being the ground's height at the point. Every argument
        broadcasts against the others."""
        height = np.asarray(alt, dtype=np.float64)
        if self.ground is not None:
            at = self.sites[radars]
            height = height + self.ground.at(at[..., 0] + dx, at[..., 1] + dy)
        reach = HORIZON_KM_PER_SQRT_M * (self.sqrt_top[radars] + np.sqrt(np.maximum(height, 0.0)))
        return np.asarray((dx * dx + dy * dy <= reach * reach) & self.clear(radars, dx, dy, height))

    def floor_m(self, radars: I64 | int, dx: F64 | F32, dy: F64 | F32) -> F64 | F32:
        """The lowest height (m above the datum) the ground leaves in sight of radar
        `radars` at the offsets (dx east, dy north, km) from it; every argument
        broadcasts against the others."""
        r = np.sqrt(dx * dx + dy * dy)
        bins = self.slope.shape[2]
        # Compass bearing (arctan2 of east over north), its sector; and the range's bin.
        sector = np.floor(np.arctan2(dx, dy) * (SECTORS / (2.0 * math.pi))).astype(np.int64)
        sector %= SECTORS
        step = np.minimum((r * (1.0 / self.bin_km)).astype(np.int64), bins - 1)
        at = (np.asarray(radars) * SECTORS + sector) * bins + step
        m = self.slope.ravel()[at]
        r = np.maximum(r, NEAREST_KM)
        top = self.top_m[radars].astype(r.dtype)
        return np.asarray(top + m * r + r * r * (1.0 / HORIZON_KM_PER_SQRT_M**2))

    def clear(self, radars: I64 | int, dx: F64 | F32, dy: F64 | F32, alt: F64 | F32 | float) -> B:
        """Whether the ground leaves a point at offsets (dx, dy) km from radar `radars`,
        `alt` m above the datum (a threat's altitude plus the ground beneath it), in its
        sight (the smooth-Earth horizon aside): one gather a point. Every argument
        broadcasts against the others."""
        return np.asarray(alt > self.floor_m(radars, dx, dy))


@dataclass(frozen=True, eq=False)
class Terrain:
    """The ground and the sites' masks of a game, and the line of sight they leave."""

    ground: Ground | None
    antenna_m: F64
    """(R,) each radar's antenna height above its ground."""
    mask_slope: F64
    """(R, SECTORS) 1000·tan of each radar's mask in each sector (`NO_BLOCK` where it
    has none): it holds at the radar's first site only, the site it was surveyed at."""
    mask_site: F64
    """(R, 2) the first sites, km."""
    bin_km: float
    """Width of a table's range bins: the grid's cell, or more on a very wide map."""
    bins: int
    """Range bins of a table: enough for the farthest point of the map or the grid."""
    _tables: dict[tuple[int, float, float], tuple[float, F32]] = field(
        default_factory=dict, repr=False
    )
    """Per (radar, site): its antenna top and table, kept while the game lasts."""
    _last: list[Sight] = field(default_factory=list, repr=False)

    @classmethod
    def of(
        cls,
        heights_m: F64 | None,
        cell_km: float,
        antenna_m: F64,
        masks_deg: list[list[float]],
        sites: F64,
        map_km: tuple[float, float],
    ) -> Terrain | None:
        """The terrain of a game on a map of `map_km` (east-west, north-south): a height
        grid (row 0 south; None for none) and each radar's mask (elevation angles,
        degrees, in equal sectors clockwise from north; empty for none). None when there
        is neither: the Earth's curve alone."""
        if heights_m is None and not any(masks_deg):
            return None
        mask = np.full((len(masks_deg), SECTORS), NO_BLOCK)
        for r, angles in enumerate(masks_deg):
            if angles:
                mask[r] = _mask_sectors(angles)
        antenna, first = np.asarray(antenna_m, float), np.asarray(sites, float).reshape(-1, 2)
        if heights_m is None:
            return cls(None, antenna, mask, first, 1.0, 1)
        ground = Ground(np.asarray(heights_m, dtype=np.float64), cell_km)
        width, height = ground.extent_km
        span = math.hypot(max(width, map_km[0]), max(height, map_km[1]))
        bin_km = max(cell_km, span / MAX_BINS)
        return cls(ground, antenna, mask, first, bin_km, math.ceil(span / bin_km) + 1)

    def ground_at(self, x: F64 | float, y: F64 | float) -> F64:
        """The ground's height at points (x, y) km, m (0 with no grid)."""
        if self.ground is None:
            return np.zeros(np.shape(x))
        return self.ground.at(x, y)

    def sight(self, r_x: F64, r_y: F64) -> Sight:
        """The line of sight of every radar from its site (r_x, r_y), km: the same
        object while no radar moves."""
        if self._last:
            last = self._last[0]
            if np.array_equal(last.sites[:, 0], r_x) and np.array_equal(last.sites[:, 1], r_y):
                return last
        slope = np.empty((r_x.size, SECTORS, self.bins), dtype=np.float32)
        top_m = np.empty(r_x.size)
        for r, (x, y) in enumerate(zip(r_x.tolist(), r_y.tolist(), strict=True)):
            key = (r, x, y)
            if key not in self._tables:
                self._tables[key] = self._table(r, x, y)
            top_m[r], slope[r] = self._tables[key]
        sites = np.stack([r_x, r_y], axis=1).astype(np.float64)
        sight = Sight(sites, top_m, np.sqrt(top_m), slope, self.bin_km, self.ground)
        self._last[:] = [sight]
        return sight

    def _table(self, radar: int, x: float, y: float) -> tuple[float, F32]:
        """(antenna top, m; (SECTORS, bins) slope table) of one radar at (x, y)."""
        top = float(self.ground_at(x, y)) + float(self.antenna_m[radar])
        if self.ground is None:
            table = np.full((SECTORS, self.bins), NO_BLOCK)
        else:
            table = _march(self.ground, x, y, top, self.bin_km, self.bins)
        if math.dist((x, y), self.mask_site[radar].tolist()) <= SAME_SITE_KM:
            table = np.maximum(table, self.mask_slope[radar][:, None])
        return top, table.astype(np.float32)


def sight_now(terrain: Terrain | None, r_x: F64, r_y: F64) -> Sight | None:
    """The radars' line of sight from where they stand; None with no terrain."""
    return None if terrain is None else terrain.sight(r_x, r_y)


def _mask_sectors(angles: list[float]) -> F64:
    """A mask of n equal sectors as `SECTORS` slopes (m per km): each table sector takes
    the highest mask sector it overlaps (exact when n divides `SECTORS`)."""
    n = len(angles)
    slopes = 1000.0 * np.tan(np.radians(np.asarray(angles, dtype=np.float64)))
    lo = np.floor(np.arange(SECTORS) * n / SECTORS + 1e-9).astype(np.int64)
    hi = np.maximum(np.ceil((np.arange(SECTORS) + 1) * n / SECTORS - 1e-9).astype(np.int64), lo + 1)
    return np.array([slopes[a:b].max() for a, b in zip(lo.tolist(), hi.tolist(), strict=True)])


def _march(ground: Ground, x: float, y: float, top: float, bin_km: float, bins: int) -> F64:
    """(SECTORS, bins) slope table of an antenna at (x, y) with its top `top` m: rays at
    each sector's middle bearing, sampled at most half a cell apart over the grid (off it
    the ground is the datum, which hides no more than the smooth-Earth horizon does); a
    bin holds the steepest sample nearer than its start (samples at (g·bin, (g+1)·bin]
    count from bin g + 1 on)."""
    width, height = ground.extent_km
    corners = ((0.0, 0.0), (width, 0.0), (0.0, height), (width, height))
    far = max(math.dist((x, y), corner) for corner in corners)
    near = math.hypot(max(0.0, -x, x - width), max(0.0, -y, y - height))
    per_bin = max(2, math.ceil(2.0 * bin_km / ground.cell_km))
    step = bin_km / per_bin
    first = min(int(near // bin_km), bins - 1)  # the first bin a sample of the grid is in
    last = min(math.ceil(far / bin_km), bins - 1)
    table = np.full((SECTORS, bins), NO_BLOCK)
    if last <= first:
        return table
    s = step * np.arange(first * per_bin + 1, last * per_bin + 1, dtype=np.float64)
    bearing = (np.arange(SECTORS) + 0.5) * (2.0 * math.pi / SECTORS)
    z = ground.at(x + np.sin(bearing)[:, None] * s, y + np.cos(bearing)[:, None] * s)
    slope = (z - curve_drop_m(s) - top) / s
    nearer = slope.reshape(SECTORS, last - first, per_bin).max(axis=2)
    np.maximum.accumulate(nearer, axis=1, out=nearer)
    table[:, first + 1 : last + 1] = np.maximum(nearer, NO_BLOCK)
    table[:, last + 1 :] = table[:, last : last + 1]
    return table
