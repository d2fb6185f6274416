"""The engagement map as inline SVG: the truth and the radars' picture, side by side.

`engagement_maps(aar)` draws the report's `Theatre` twice. The truth: the map's
places and the defended assets, blue units with a ring for each missile type's
reach, every threat's true path coloured by its true class, a mark where each
round met its target (filled: a kill; open: a miss), leakers and the site each
struck, ARMs and the radars they destroyed. As the radars saw it: the same ground
with the tracks alone, coloured by the class each track appeared to be. Each has a
legend and a scale bar. Noise jammers: their true tracks, dashed, in the truth; in the
radars' view, each radar's jam strobe towards each jammer it heard, a bearing line as it
stood on the last turn that radar heard that jammer (a strobe gives no range: the line
runs to the map's edge). Above `PATH_LIMIT` threats the paths are thinned (the
leakers and ARMs always kept, the rest evenly sampled), and so are the tracks above
as many (those held over more than one turn always kept: the one-turn tracks sampled
are mostly false alarms); the legend says how many are drawn; a path keeps at most
`POINT_LIMIT` points.

No script, no fetch: plain markup, every text and attribute escaped (campaign
names are untrusted). `render_html.py` places it before the engagements table.
"""

from __future__ import annotations

import math
from html import escape

from wargame.campaign.schema import class_words
from wargame.report.aar import Aar
from wargame.report.theatre import Path, Site, Strobe, Theatre

WIDTH = 470
"""Each view's width in px; its height follows the map's proportions."""
LEGEND_H = 116
PATH_LIMIT = 600
"""Threat paths drawn in full above which the rest are sampled."""
POINT_LIMIT = 40
CLASS_COLOURS = {
    "fighter": "#1f6feb",
    "bomber": "#0a3069",
    "awacs": "#6e7781",
    "cruise_missile": "#bc4c00",
    "ballistic_missile": "#cf222e",
    "drone": "#8250df",
    "decoy": "#9a6700",
    "arm": "#bf3989",
}
BLUE = "#0969da"
HIT, MISS, LEAK = "#1a7f37", "#57606a", "#cf222e"
JAM = "#953800"
"""Jammers' tracks and their strobes."""
SITE_MARKS = {"asset": "■", "command_post": "◆", "radar": "▲", "fire_unit": "●", "place": "·"}


def _colour(threat_class: str) -> str:
    return CLASS_COLOURS.get(threat_class, "#57606a")


class _Frame:
    """km to px for one view: north up."""

    def __init__(self, theatre: Theatre) -> None:
        self.scale = WIDTH / max(theatre.width_km, 1.0)
        self.height_km = theatre.height_km
        self.map_h = round(theatre.height_km * self.scale)

    def x(self, km: float) -> str:
        return f"{km * self.scale:.1f}"

    def y(self, km: float) -> str:
        return f"{(self.height_km - km) * self.scale:.1f}"

    def points(self, points: tuple[tuple[float, float], ...]) -> str:
        step = max(1, -(-len(points) // POINT_LIMIT))
        kept = list(points[::step])
        if kept[-1] != points[-1]:
            kept.append(points[-1])
        return " ".join(f"{self.x(x)},{self.y(y)}" for x, y in kept)


def thinned(paths: tuple[Path, ...], keep: set[int], limit: int = PATH_LIMIT) -> list[Path]:
    """At most `limit` paths (more only if `keep` holds more): those in `keep` (threat ids),
    then the others evenly sampled by id."""
    if len(paths) <= limit:
        return list(paths)
    must = [p for p in paths if p.ident in keep]
    rest = [p for p in paths if p.ident not in keep]
    room = max(0, limit - len(must))
    step = len(rest) / room if room else 0.0
    sampled = [rest[int(i * step)] for i in range(room)] if room else []
    return sorted(must + sampled, key=lambda p: p.ident)


def _ground(theatre: Theatre, frame: _Frame, reach: bool) -> list[str]:
    out = [
        f'<rect x="0" y="0" width="{WIDTH}" height="{frame.map_h}" fill="#f6f8fa" '
        'stroke="#d0d7de"/>'
    ]
    if reach:
        for r in theatre.reaches:
            title = escape(f"{r.fire_unit}: {r.missile} reaches {r.km:g} km")
            out.append(
                f'<circle class="reach" cx="{frame.x(r.x)}" cy="{frame.y(r.y)}" '
                f'r="{r.km * frame.scale:.1f}" fill="none" stroke="{BLUE}" '
                f'stroke-opacity=".35" stroke-dasharray="4 3"><title>{title}</title></circle>'
            )
    for site in theatre.sites:
        out.append(_site(site, frame))
    return out


def _site(site: Site, frame: _Frame) -> str:
    name = escape(site.name)
    colour = "#59636e" if site.kind == "place" else BLUE
    mark = SITE_MARKS.get(site.kind, "·")
    kind = escape(site.kind.replace("_", " "))
    return (
        f'<g class="site {escape(site.kind)}"><title>{name} ({kind})</title>'
        f'<text x="{frame.x(site.x)}" y="{frame.y(site.y)}" fill="{colour}" '
        f'text-anchor="middle" dominant-baseline="central" class="mark">{mark}</text>'
        f'<text x="{frame.x(site.x)}" y="{frame.y(site.y)}" dx="6" dy="-6" '
        f'class="label">{name}</text></g>'
    )


def _polyline(path: Path, frame: _Frame, kind: str, title: str) -> str:
    return (
        f'<polyline class="{kind}" data-threat="{path.ident}" fill="none" '
        f'stroke="{_colour(path.threat_class)}" stroke-width="1.2" stroke-opacity=".7" '
        f'points="{frame.points(path.points)}"><title>{escape(title)}</title></polyline>'
    )


def _legend(
    frame: _Frame,
    classes: list[str],
    note: str,
    marks: bool,
    extra: tuple[tuple[str, str, str], ...] = (),
) -> list[str]:
    """Lines for each class (and each `extra` (colour, dash, words)), then the marks, the
    scale bar and the note."""
    top = frame.map_h + 14
    out = []
    entries = [(_colour(c), "", class_words(c)) for c in classes] + list(extra)
    for i, (colour, dash, words) in enumerate(entries):
        x, y = 8 + (i % 3) * 155, top + (i // 3) * 16
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<line x1="{x}" y1="{y - 4}" x2="{x + 18}" y2="{y - 4}" '
            f'stroke="{colour}" stroke-width="2"{dashed}/>'
            f'<text x="{x + 22}" y="{y}" class="legend">{escape(words)}</text>'
        )
    y = top + 16 * (-(-len(entries) // 3)) + 4
    if marks:
        out.append(
            f'<circle cx="12" cy="{y - 4}" r="3.5" fill="{HIT}"/>'
            f'<text x="20" y="{y}" class="legend">kill</text>'
            f'<circle cx="62" cy="{y - 4}" r="3.5" fill="none" stroke="{MISS}"/>'
            f'<text x="70" y="{y}" class="legend">miss</text>'
            f'<text x="112" y="{y}" fill="{LEAK}" class="legend">✕ leaker / radar lost</text>'
        )
    out.append(_scale_bar(frame, WIDTH - 8, y))
    out.append(f'<text x="8" y="{y + 18}" class="legend">{escape(note)}</text>')
    return out


def _scale_bar(frame: _Frame, right: float, y: float) -> str:
    km = next(
        (k for k in (500, 200, 100, 50, 20, 10, 5) if k * frame.scale <= 140),
        max(1.0, round(140 / frame.scale)),
    )
    px = km * frame.scale
    left = right - px
    return (
        f'<g class="scale"><line x1="{left:.1f}" y1="{y - 4}" x2="{right:.1f}" y2="{y - 4}" '
        f'stroke="#1f2328" stroke-width="2"/>'
        f'<text x="{left + px / 2:.1f}" y="{y - 8}" text-anchor="middle" class="legend">'
        f"{km:g} km</text></g>"
    )


def _open(frame: _Frame, title: str) -> str:
    height = frame.map_h + LEGEND_H
    label = escape(title)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-label="{label}">'
        f"<title>{label}</title>"
        # The map's own viewport clips the rings and paths that run past its edge.
        f'<svg class="ground" x="0" y="0" width="{WIDTH}" height="{frame.map_h}" '
        f'viewBox="0 0 {WIDTH} {frame.map_h}">'
    )


def truth_svg(aar: Aar, theatre: Theatre) -> str:
    """The truth: paths by true class, intercepts, leakers and the ARMs' radars."""
    frame = _Frame(theatre)
    struck = {t for t, _, _ in theatre.strikes} | {t for t, _ in theatre.arm_hits}
    drawn = thinned(theatre.paths, struck | set(theatre.jammers))
    by_id = {p.ident: p for p in theatre.paths}
    out = [_open(frame, "The engagement as it truly was"), *_ground(theatre, frame, True)]
    out.append('<g class="paths">')
    for path in drawn:
        title = (
            f"threat {path.ident}: {class_words(path.threat_class)}, from turn {path.first_turn}"
        )
        out.append(_polyline(path, frame, "path", title))
    out.append('</g><g class="jammers">')
    for j in theatre.jammers:
        if j in by_id:
            out.append(_jammer(by_id[j], frame))
    for e in aar.engagements:
        flown = by_id.get(e.threat)
        if flown is None or not e.rolled:
            continue
        x, y = flown.at(e.intercept_turn)
        title = escape(
            f"turn {e.intercept_turn}: {e.fire_unit} {e.missile} at "
            f"{class_words(e.true_class)} (threat {e.threat})"
        )
        for i in range(e.rolled):
            hit = i < e.killed
            style = f'fill="{HIT}"' if hit else f'fill="none" stroke="{MISS}"'
            out.append(
                f'<circle class="{"kill" if hit else "miss"}" cx="{frame.x(x)}" '
                f'cy="{frame.y(y)}" r="3" {style}><title>{title}: '
                f"{'kill' if hit else 'miss'}</title></circle>"
            )
    out.append('</g><g class="strikes">')
    for threat, target, damaged in theatre.strikes:
        _strike(out, frame, theatre, by_id.get(threat), target, "leaker", damaged)
    for threat, radar in theatre.arm_hits:
        _strike(out, frame, theatre, by_id.get(threat), radar, "arm-hit", True)
    out.append("</g>")
    classes = sorted({p.threat_class for p in theatre.paths})
    note = f"{len(drawn)} of {len(theatre.paths)} threat paths drawn" + (
        f"; paths stop at turn {theatre.diverged_at}, where today's rules play otherwise"
        if theatre.diverged_at
        else ""
    )
    out.append("</svg>")  # the map's viewport
    jammer = ((JAM, "5 3", "noise jammer"),) if theatre.jammers else ()
    out += _legend(frame, classes, note, True, jammer)
    out.append("</svg>")
    return "".join(out)


def _strike(
    out: list[str],
    frame: _Frame,
    theatre: Theatre,
    path: Path | None,
    target: str,
    kind: str,
    damaged: bool,
) -> None:
    site = theatre.site(target)
    if site is not None:
        x, y = site.x, site.y
    elif path is not None:
        x, y = path.points[-1]
    else:
        return
    what = class_words(path.threat_class) if path else "a threat"
    verb = "destroyed" if kind == "arm-hit" else ("struck" if damaged else "reached")
    title = escape(f"{what} {verb} {target}")
    out.append(
        f'<text class="{kind}" x="{frame.x(x)}" y="{frame.y(y)}" fill="{LEAK}" '
        f'text-anchor="middle" dominant-baseline="central" font-size="15">✕'
        f"<title>{title}</title></text>"
    )


def _jammer(path: Path, frame: _Frame) -> str:
    x, y = path.points[-1]
    title = escape(f"noise jammer (threat {path.ident}), from turn {path.first_turn}")
    return (
        f'<g class="jammer" data-threat="{path.ident}"><title>{title}</title>'
        f'<polyline fill="none" stroke="{JAM}" stroke-width="2.4" stroke-dasharray="5 3" '
        f'points="{frame.points(path.points)}"/>'
        f'<text x="{frame.x(x)}" y="{frame.y(y)}" fill="{JAM}" text-anchor="middle" '
        f'dominant-baseline="central" class="mark">⊛</text></g>'
    )


def strobe_end(strobe: Strobe, length_km: float) -> tuple[float, float]:
    """Where a strobe's line of `length_km` ends, km: along its compass bearing."""
    rad = math.radians(strobe.bearing_deg)
    return strobe.x + length_km * math.sin(rad), strobe.y + length_km * math.cos(rad)


def _strobe(strobe: Strobe, frame: _Frame, theatre: Theatre) -> str:
    # Long enough to leave the map from anywhere on it: the viewport clips the rest.
    ex, ey = strobe_end(strobe, math.hypot(theatre.width_km, theatre.height_km))
    title = escape(
        f"{strobe.radar} hears a jammer on bearing {strobe.bearing_deg:05.1f}° "
        f"(turn {strobe.turn}, J/N {strobe.jnr_db:g} dB)"
    )
    return (
        f'<line class="strobe" data-radar="{escape(strobe.radar)}" '
        f'data-jammer="{strobe.jammer}" data-bearing="{strobe.bearing_deg:g}" '
        f'x1="{frame.x(strobe.x)}" y1="{frame.y(strobe.y)}" x2="{frame.x(ex)}" '
        f'y2="{frame.y(ey)}" stroke="{JAM}" stroke-width="1.2" stroke-dasharray="1 3">'
        f"<title>{title}</title></line>"
    )


def radar_svg(theatre: Theatre) -> str:
    """As the radars saw it: the tracks alone, by the class each appeared to be."""
    frame = _Frame(theatre)
    # A false alarm's track mostly lives one turn: held tracks are kept, blips sampled.
    held = {t.ident for t in theatre.tracks if len(t.points) > 1}
    drawn = thinned(theatre.tracks, held)
    out = [_open(frame, "The engagement as the radars saw it"), *_ground(theatre, frame, False)]
    out.append('<g class="tracks">')
    for track in drawn:
        title = f"track {track.ident}: seen as {class_words(track.threat_class)}"
        out.append(_polyline(track, frame, "track", title))
    out.append('</g><g class="strobes">')
    strobes = theatre.last_strobes()
    for strobe in strobes:
        out.append(_strobe(strobe, frame, theatre))
    out.append("</g>")
    classes = sorted({t.threat_class for t in theatre.tracks})
    note = f"{len(drawn)} of {len(theatre.tracks)} tracks drawn"
    out.append("</svg>")  # the map's viewport
    heard = ((JAM, "1 3", "jam strobe (bearing only)"),) if strobes else ()
    out += _legend(frame, classes, note, False, heard)
    out.append("</svg>")
    return "".join(out)


def engagement_maps(aar: Aar) -> str:
    """Both views as an HTML fragment ('' if the report has no theatre)."""
    theatre = aar.theatre
    if theatre is None:
        return ""
    return (
        '<div class="maps">'
        f'<figure id="map-truth">{truth_svg(aar, theatre)}'
        "<figcaption>The truth, now that the game is over: every threat's path, where each "
        "round met its target, the leakers and what they struck, the jammers' tracks."
        "</figcaption></figure>"
        f'<figure id="map-radars">{radar_svg(theatre)}'
        "<figcaption>What the radars reported: the tracks, as they appeared, and the "
        "bearing of each jammer each radar heard.</figcaption>"
        "</figure></div>"
    )
