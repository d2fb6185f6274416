"""The engagement map in text, for the TUI's report screen: the truth and the radars'
picture, drawn on the view's map canvas (`wargame.view.map_canvas`).

`map_text(aar, width, height, radars=False)` gives a Rich `Text`: the sites (assets
■, command posts ◆, radars ▲, fire units ●, places ·), every threat's path as dots in
its class's colour (the tracks', with `radars=True`), and over them each intercept
(* a kill, o a miss) and each leaker or radar lost to an ARM (✕). A legend line
follows. The screen draws it; the HTML has `svg_map.py`.
"""

from __future__ import annotations

import itertools

import numpy as np
from rich.text import Text

from wargame.campaign.schema import class_words
from wargame.report.aar import Aar
from wargame.report.svg_map import CLASS_COLOURS, SITE_MARKS
from wargame.report.theatre import Path, Theatre
from wargame.view.map_canvas import Canvas, Geometry, Ink, View

SITE_STYLE = "bold #0969da"
KILL, MISS, LEAK = "bold green", "bright_black", "bold red"


def _path_cells(geo: Geometry, path: Path) -> tuple[np.ndarray, np.ndarray]:
    """The cells a path crosses: its points, with each leg filled in."""
    pts = np.array(path.points, dtype=float)
    if len(pts) > 1:
        legs = []
        for a, b in itertools.pairwise(pts):
            steps = max(2, int(np.hypot(*(b - a)) / geo.kpc) + 1)
            legs.append(a + (b - a) * np.linspace(0.0, 1.0, steps)[:, None])
        pts = np.concatenate(legs)
    return geo.cols(pts[:, 0]), geo.rows(pts[:, 1])


def map_text(aar: Aar, width: int, height: int, radars: bool = False) -> Text:
    """The map of `aar.theatre` in `width` x `height` cells (and a legend line)."""
    theatre = aar.theatre
    if theatre is None:
        return Text("No map: the game was not played again for its paths.")
    geo = Geometry.of(
        width, height, View.fit(theatre.width_km, theatre.height_km), theatre.width_km,
        theatre.height_km,
    )  # fmt: skip
    canvas = Canvas(width, height)
    styles: dict[tuple[int, int], str] = {}
    lines = theatre.tracks if radars else theatre.paths
    for path in lines:
        cols, rows = _path_cells(geo, path)
        canvas.put(cols, rows, ord("·"), Ink.PATH)
        colour = CLASS_COLOURS.get(path.threat_class, "white")
        for c, r in zip(cols.tolist(), rows.tolist(), strict=True):
            styles[(c, r)] = colour
    for site in theatre.sites:
        c, r = geo.cell(site.x, site.y)
        canvas.text(c, r, SITE_MARKS.get(site.kind, "·"), Ink.ASSET)
        styles[(c, r)] = SITE_STYLE if site.kind != "place" else "bright_black"
    if not radars:
        _marks(aar, theatre, geo, canvas, styles)
    return _as_text(canvas, styles, _legend(lines, radars))


def _marks(
    aar: Aar, theatre: Theatre, geo: Geometry, canvas: Canvas, styles: dict[tuple[int, int], str]
) -> None:
    by_id = {p.ident: p for p in theatre.paths}
    for e in aar.engagements:
        path = by_id.get(e.threat)
        if path is None or not e.rolled:
            continue
        c, r = geo.cell(*path.at(e.intercept_turn))
        canvas.text(c, r, "*" if e.killed else "o", Ink.INTERCEPT)
        styles[(c, r)] = KILL if e.killed else MISS
    struck = [t for _, t, _ in theatre.strikes] + [r for _, r in theatre.arm_hits]
    for target in struck:
        site = theatre.site(target)
        if site is not None:
            c, r = geo.cell(site.x, site.y)
            canvas.text(c, r, "✕", Ink.INTERCEPT)
            styles[(c, r)] = LEAK


def _legend(lines: tuple[Path, ...], radars: bool) -> Text:
    legend = Text("tracks: " if radars else "paths: ")
    for cls in sorted({p.threat_class for p in lines}):
        legend.append("·· ", style=CLASS_COLOURS.get(cls, "white"))
        legend.append(f"{class_words(cls)}  ")
    if not radars:
        legend.append("* ", style=KILL)
        legend.append("kill  ")
        legend.append("o ", style=MISS)
        legend.append("miss  ")
        legend.append("✕ ", style=LEAK)
        legend.append("leaker or radar lost")
    return legend


def _as_text(canvas: Canvas, styles: dict[tuple[int, int], str], legend: Text) -> Text:
    out = Text(no_wrap=True, overflow="crop")
    for r in range(canvas.height):
        row = "".join(chr(c) for c in canvas.chars[r].tolist())
        line = Text(row)
        for c in range(canvas.width):
            style = styles.get((c, r))
            if style and row[c] != " ":
                line.stylize(style, c, c + 1)
        out.append_text(line)
        out.append("\n")
    out.append_text(legend)
    return out
