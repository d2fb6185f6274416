"""Where the map's symbols and their names go, so that none hides another.

`map_frame` hands over the cells already drawn on (tracks, heading marks, salvos)
and the symbols of assets, command posts, units and places in the order they
matter. `place_symbols` keeps each symbol on its own cell (one that would land on
another's moves to the nearest free cell beside it); `place_labels` puts each name
where it covers no glyph and no other name: beside the symbol, above or below it,
shortened, or, failing all of those, as a one-letter key beside the symbol and the
full name in the map's legend. A name is never drawn over anything and never drawn
over. Knows nothing of the game: cells and strings only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

LEGEND_KEYS = "123456789abcdefghijkmnpqrstuvwxyz"
"""The keys that stand for a name left to the legend, in the order they are given."""

NEIGHBOURS = ((1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (1, 1), (-1, -1), (-1, 1))
"""(column, row) steps to the cells around a cell: beside it first, then above and below."""

MIN_LABEL = 3
"""A shortened name keeps at least this many letters."""


@dataclass(frozen=True)
class PlacedLabel:
    """A name and the cell its first letter is drawn in."""

    index: int
    """Which symbol it names (its place in the list given)."""
    col: int
    row: int
    text: str


@dataclass(frozen=True)
class LegendEntry:
    """A name left to the legend: its key, drawn beside the symbol, and the full name."""

    index: int
    key: str
    col: int
    """The key's cell (-1 where no cell around the symbol was free)."""
    row: int
    name: str


@dataclass(frozen=True)
class Placement:
    labels: list[PlacedLabel]
    legend: list[LegendEntry]


def place_symbols(
    cells: Sequence[tuple[int, int]], width: int, height: int
) -> list[tuple[int, int]]:
    """Each symbol's cell, in the order given (the first keeps its own): one whose cell an
    earlier symbol holds moves to the nearest free cell around it, beside it first."""
    held: set[tuple[int, int]] = set()
    out = []
    for col, row in cells:
        cell = (col, row)
        if cell in held:
            for ring in (1, 2):
                free = [
                    (col + dc * ring, row + dr * ring)
                    for dc, dr in NEIGHBOURS
                    if (col + dc * ring, row + dr * ring) not in held
                    and 0 <= col + dc * ring < width
                    and 0 <= row + dr * ring < height
                ]
                if free:
                    cell = free[0]
                    break
        held.add(cell)
        out.append(cell)
    return out


def short_forms(name: str) -> list[str]:
    """The name, then shorter forms of it that still read: its first two words, its first
    word ('Brenna Air Base' -> 'Brenna Air', 'Brenna'), none shorter than MIN_LABEL."""
    words = name.split()
    forms = [name]
    for n in (2, 1):
        if len(words) > n:
            form = " ".join(words[:n])
            if len(form) >= MIN_LABEL and form not in forms:
                forms.append(form)
    return forms


def candidate_starts(col: int, row: int, length: int) -> list[tuple[int, int]]:
    """Where a name of `length` letters may start around a symbol at (col, row), best
    first: right of it, left of it, then above and below it (starting over the symbol,
    then ending over it)."""
    return [
        (col + 1, row),
        (col - length, row),
        (col, row - 1),
        (col, row + 1),
        (col - length + 1, row - 1),
        (col - length + 1, row + 1),
    ]


def place_labels(
    symbols: Sequence[tuple[int, int]],
    names: Sequence[str],
    blocked: np.ndarray,
) -> Placement:
    """Names for the symbols at `symbols` (cells), in the order given, which is the order
    they win a contest in. `blocked` (rows, columns) marks the cells no name may cover
    (every glyph, the symbols' own included); it is updated with the names and keys
    placed. A symbol off the map gets no name."""
    height, width = blocked.shape
    labels: list[PlacedLabel] = []
    left_out: list[int] = []
    for i, ((col, row), name) in enumerate(zip(symbols, names, strict=True)):
        if not (0 <= col < width and 0 <= row < height) or not name:
            continue
        spot = _first_free(blocked, col, row, name)
        if spot is None:
            left_out.append(i)
            continue
        start, r, text = spot
        blocked[r, start : start + len(text)] = True
        labels.append(PlacedLabel(i, start, r, text))
    legend = []
    for n, i in enumerate(left_out):
        col, row = symbols[i]
        key = LEGEND_KEYS[n % len(LEGEND_KEYS)]
        cell = next(
            (
                (col + dc, row + dr)
                for dc, dr in NEIGHBOURS
                if 0 <= col + dc < width
                and 0 <= row + dr < height
                and not blocked[row + dr, col + dc]
            ),
            (-1, -1),
        )
        if cell[0] >= 0:
            blocked[cell[1], cell[0]] = True
        legend.append(LegendEntry(i, key, cell[0], cell[1], names[i]))
    return Placement(labels, legend)


def _first_free(blocked: np.ndarray, col: int, row: int, name: str) -> tuple[int, int, str] | None:
    height, width = blocked.shape
    for text in short_forms(name):
        n = len(text)
        for start, r in candidate_starts(col, row, n):
            inside = 0 <= r < height and start >= 0 and start + n <= width
            if inside and not blocked[r, start : start + n].any():
                return start, r, text
    return None


def legend_lines(legend: Sequence[LegendEntry], width: int, rows: int) -> list[str]:
    """The legend's lines, 'key name', cut to `width` cells, at most `rows` of them (the
    last saying how many more there are when they do not all fit)."""
    lines = [f"{e.key} {e.name}"[:width] for e in legend]
    if len(lines) > rows >= 1:
        more = len(lines) - rows + 1
        lines = [*lines[: rows - 1], f"+{more} more"[:width]]
    return lines[: max(rows, 0)]


def legend_corner(cost: np.ndarray, width: int, height: int) -> tuple[int, int]:
    """The top-left cell of a legend box of `width` x `height` cells in whichever corner
    of the map covers least of `cost` (rows, columns; e.g. 1 a glyph, many a name),
    keeping off the bottom row, where the scale bar is."""
    rows, cols = cost.shape
    width, height = min(width, cols), min(height, max(rows - 1, 0))
    corners = [
        (0, 0),
        (cols - width, 0),
        (0, rows - 1 - height),
        (cols - width, rows - 1 - height),
    ]
    return min(corners, key=lambda c: int(cost[c[1] : c[1] + height, c[0] : c[0] + width].sum()))
