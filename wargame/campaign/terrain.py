"""The campaign's `[terrain]` table: a grid of ground heights over the map.

A campaign gives the ground's heights either inline (`heights_m`, a coarse grid) or
in a file beside it (`file`, comma-separated values that the loader reads and writes
into the campaign's text, so that a save or a worker keeps them:
`campaign.terrain_file`). The first row is the northern edge, as the map is drawn;
the last row starts at y = 0 and the first column at x = 0, each value the height of a
square of `cell_km`, m above sea level. Threats' altitudes (a threat type's and a
waypoint's `altitude_m`) are heights above the ground beneath them, so a low flyer
follows the terrain. The engine draws the line of sight over it
(`wargame.engine.terrain`); a radar's own `mask_deg` is in the schema beside it.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator, model_validator

from wargame.campaign.schema import _Model

MAX_SIDE = 1000
"""Rows, or columns, of a grid at most."""
MAX_CELLS = 250_000
"""Cells of a grid at most: 500 by 500."""

Height = Annotated[float, Field(ge=0.0, le=9000.0)]
Row = Annotated[list[Height], Field(min_length=1, max_length=MAX_SIDE)]


class Terrain(_Model):
    """The ground's heights, m above sea level, on square cells from the map's south-west
    corner; the ground off the grid is at sea level. Threats' altitudes are above the
    ground beneath them: a cruise missile at 50 m over a 350 m valley floor flies at
    400 m above sea level, and ridges hide it from the radars behind them. Exactly one
    of `heights_m` and `file`."""

    cell_km: Annotated[float, Field(gt=0.0, le=100.0)]
    """Side of a cell, km."""
    heights_m: Annotated[list[Row], Field(min_length=1, max_length=MAX_SIDE)] | None = None
    """Rows of heights, m, each the same length: the FIRST row is the NORTHERN edge (as
    the map is drawn), the last row runs from y = 0 to cell_km; each row runs west to
    east from x = 0."""
    file: Annotated[str, Field(min_length=1, max_length=260)] | None = None
    """A file beside the campaign's holding the heights as comma-separated rows, in the
    order of heights_m (first row north); lines starting with # are comments. The loader
    writes its heights into the campaign, so a save keeps them."""

    @field_validator("heights_m")
    @classmethod
    def _rows_are_even(cls, rows: list[list[float]] | None) -> list[list[float]] | None:
        if rows is None:
            return rows
        width = len(rows[0])
        for i, row in enumerate(rows):
            if len(row) != width:
                raise ValueError(
                    f"row {i + 1} has {len(row)} heights and row 1 has {width}: "
                    "every row needs as many"
                )
        if width * len(rows) > MAX_CELLS:
            raise ValueError(
                f"{len(rows)} rows of {width} cells is more than {MAX_CELLS} cells: "
                "use larger cells"
            )
        return rows

    @model_validator(mode="after")
    def _one_source(self) -> Terrain:
        if (self.heights_m is None) == (self.file is None):
            raise ValueError("give either heights_m or file (one of them)")
        return self

    def south_first(self) -> list[list[float]] | None:
        """The heights with the southern row first (row k from y = k·cell_km)."""
        return None if self.heights_m is None else self.heights_m[::-1]
