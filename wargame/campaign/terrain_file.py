"""A campaign's terrain file: read beside the campaign, then written into its text.

`[terrain] file = "valley.csv"` names a file of comma-separated heights (m) in the
folder of the campaign file: one row of the grid a line, the first line the northern
edge, lines starting with # and blank lines skipped. The loader calls
`embed_terrain_file` on the parsed document: the file's rows take the place of the
`file` key as `heights_m`, in the document and on the same line of the text, so the
text a save or a Monte Carlo worker keeps (`LoadedCampaign.source`) holds the heights
and plays the same without the file, and its digest changes with them. Every problem
is one line naming the file (the campaign's for its key, the terrain file's for its
rows) and the field `terrain.file`.
"""

from __future__ import annotations

import math
import re
import tomllib
from pathlib import Path
from typing import Any

from wargame.campaign.locate import LineFinder
from wargame.campaign.reading import read_text, shown
from wargame.campaign.terrain import MAX_CELLS, MAX_SIDE
from wargame.errors import CampaignError, Problem

MAX_TERRAIN_BYTES = 4_000_000
FIELD = "terrain.file"
_FILE_KEY = re.compile(
    r"""(?<![A-Za-z0-9_-])(?:file|"file"|'file')[ \t]*=[ \t]*("(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
)


def embed_terrain_file(
    document: dict[str, Any], body: str, name: str, folder: Path, lines: LineFinder
) -> tuple[dict[str, Any], str]:
    """(document, text) with a terrain file's heights in place of its `file` key; both
    as given when the campaign names no terrain file."""
    terrain = document.get("terrain")
    if not isinstance(terrain, dict) or not isinstance(terrain.get("file"), str):
        return document, body  # (the schema judges any other shape)
    if "heights_m" in terrain:
        return document, body  # (both given: the schema says which to keep)
    file_name: str = terrain["file"]
    line = lines.line_of(("terrain", "file"))
    path = folder / file_name
    if "/" in file_name or "\\" in file_name or file_name.startswith("."):
        raise CampaignError(
            Problem(
                name, f"{shown(file_name)} must be a file name beside the campaign's", FIELD, line
            )
        )
    try:
        text = read_text(path, CampaignError, MAX_TERRAIN_BYTES, "a terrain file")
    except CampaignError as error:
        said = error.problems[0].message
        raise CampaignError(Problem(name, f"{shown(file_name)}: {said}", FIELD, line)) from None
    rows = read_heights(text, str(path))
    written = _written_in(body, line, file_name, rows)
    if written is None:
        message = "cannot write the file's heights in its place: give them as heights_m"
        raise CampaignError(Problem(name, message, FIELD, line))
    inline = {k: v for k, v in terrain.items() if k != "file"}
    inline["heights_m"] = rows
    return {**document, "terrain": inline}, written


def read_heights(text: str, name: str) -> list[list[float]]:
    """The rows of heights in a terrain file's text, first row north; `CampaignError`
    naming the file, its line and `terrain.file` at the first problem."""
    rows: list[list[float]] = []
    width = 0
    for number, raw in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        row = []
        for k, cell in enumerate(line.split(","), start=1):
            value = _height(cell.strip())
            if value is None:
                message = (
                    f"value {k} of the row, {shown(cell.strip())}, is not a height of 0 to 9000 m"
                )
                raise CampaignError(Problem(name, message, FIELD, number))
            row.append(value)
        if rows and len(row) != width:
            message = (
                f"the row has {len(row)} heights and the first row {width}: every row needs as many"
            )
            raise CampaignError(Problem(name, message, FIELD, number))
        width = len(row)
        rows.append(row)
        if len(rows) > MAX_SIDE or width > MAX_SIDE or len(rows) * width > MAX_CELLS:
            message = (
                f"more than {MAX_SIDE} rows or columns, or {MAX_CELLS} cells: use larger cells"
            )
            raise CampaignError(Problem(name, message, FIELD, number))
    if not rows:
        raise CampaignError(Problem(name, "holds no rows of heights", FIELD))
    return rows


def _height(cell: str) -> float | None:
    try:
        value = float(cell)
    except ValueError:
        return None
    return value if math.isfinite(value) and 0.0 <= value <= 9000.0 else None


def _written_in(body: str, line: int | None, file_name: str, rows: list[list[float]]) -> str | None:
    """The text with `file = "..."` on its line replaced by `heights_m = [[...], ...]`
    (on one line, so that it fits a table or an inline table alike); None unless the
    result reads back as the same document with the heights for the file."""
    if line is None:
        return None
    start = 0
    for _ in range(line - 1):
        start = body.index("\n", start) + 1
    end = body.find("\n", start)
    end = len(body) if end < 0 else end
    for found in _FILE_KEY.finditer(body, start, end):
        try:
            value = tomllib.loads(f"v = {found.group(1)}")["v"]
        except tomllib.TOMLDecodeError:
            continue
        if value != file_name:
            continue
        grid = ", ".join("[" + ", ".join(_number(v) for v in row) + "]" for row in rows)
        written = f"{body[: found.start()]}heights_m = [{grid}]{body[found.end() :]}"
        try:
            back = tomllib.loads(written)
        except tomllib.TOMLDecodeError:
            return None
        before = tomllib.loads(body)
        terrain = before["terrain"]
        del terrain["file"]
        terrain["heights_m"] = rows
        return written if back == before else None
    return None


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)
