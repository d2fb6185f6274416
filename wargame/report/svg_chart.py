"""A chart by turn as inline SVG: the HTML report's picture of the fight by turn.

Counts per turn are drawn as bars, side by side within each turn; a level (a series
marked `level`, or keyed in `LEVELS`: threats in the air, rounds left, score parts at a
turn's end) as a line. The axis runs below zero when a series does (points lost).

No script, no external font or style: the SVG is plain markup inside the page,
its every text and attribute escaped.
"""

from __future__ import annotations

import math
from html import escape

from wargame.report.walk import Chart

WIDTH, HEIGHT = 760, 280
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 16, 56
COLOURS = ("#1f6feb", "#d29922", "#cf222e", "#2da44e", "#8250df", "#bf3989")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4")
LEGEND_PER_ROW, LEGEND_ROW = 3, 16
LEVELS = frozenset({"in_air"})
"""Series that are a level at each turn's end (a line), not a count in the turn (bars)."""


def element(name: str, text: str | None = None, /, **attrs: str | int | float) -> str:
    """One SVG element; attribute names use '_' for '-'."""
    shown = " ".join(
        f'{key.rstrip("_").replace("_", "-")}="{escape(str(value))}"'
        for key, value in attrs.items()
        if value != ""
    )
    return f"<{name} {shown}/>" if text is None else f"<{name} {shown}>{text}</{name}>"


def _nice_top(value: int) -> tuple[int, int]:
    """(top, step) of a count's axis."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if value <= step * 5:
            return step * max(1, -(-value // step)), step
    return value, max(1, value // 5)


def axis(low: float, high: float) -> tuple[float, float, float]:
    """(bottom, top, step) of the axis: from 0 (or a round step below the lowest value) to
    a round step at or above the highest, in at most five steps."""
    low, high = min(0.0, low), max(0.0, high)
    if low == 0.0 and float(high).is_integer() and high <= 5000:
        count_top, count_step = _nice_top(int(high) or 1)
        return 0.0, float(count_top), float(count_step)
    power = 10.0 ** math.floor(math.log10(((high - low) or 1.0) / 5))
    for m in (1, 2, 2.5, 5, 10, 20, 25, 50, 100):
        step = m * power
        if math.ceil(high / step) - math.floor(low / step) <= 5:
            break
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def svg_line_chart(chart: Chart) -> str:
    """The chart's series against turn, with axes, grid and a legend."""
    turns = chart.turns
    values = [v for s in chart.series for v in s.values]
    bottom, top, step = axis(min(values, default=0), max(values, default=0))
    span_y = top - bottom
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    first, last = (turns[0], turns[-1]) if turns else (0, 1)
    span = max(1, last - first)

    def x(turn: int) -> str:
        return f"{LEFT + (turn - first) / span * plot_w:.1f}"

    def y(value: float, nudge: float = 0.0) -> str:
        return f"{TOP + plot_h - (value - bottom) / span_y * plot_h + nudge:.1f}"

    title = escape(chart.title)
    height = HEIGHT + LEGEND_ROW * ((len(chart.series) - 1) // LEGEND_PER_ROW)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-label="{title}">',
        f"<title>{title}</title>",
        element("rect", x=LEFT, y=TOP, width=plot_w, height=plot_h, fill="none", stroke="#d0d7de"),
    ]
    for i in range(math.ceil(span_y / step - 1e-9) + 1):
        value = round(min(top, bottom + step * i), 6)
        parts.append(
            element("line", x1=LEFT, y1=y(value), x2=LEFT + plot_w, y2=y(value), stroke="#eaeef2")
        )
        parts.append(
            element(
                "text",
                f"{value:g}",
                x=LEFT - 6,
                y=y(value, 4),
                text_anchor="end",
                class_="tick",
            )
        )
    every = max(1, -(-len(turns) // 16))
    below = TOP + plot_h + 16
    for turn in turns[::every]:
        parts.append(
            element("text", str(turn), x=x(turn), y=below, text_anchor="middle", class_="tick")
        )
    middle = f"{LEFT + plot_w / 2:.1f}"
    parts.append(
        element("text", "turn", x=middle, y=below + 16, text_anchor="middle", class_="tick")
    )
    counts = [s for s in chart.series if not (s.level or s.key in LEVELS)]
    slot = plot_w / max(1, len(turns)) * 0.8 / max(1, len(counts))
    for i, series in enumerate(chart.series):
        colour, dash = COLOURS[i % len(COLOURS)], DASHES[i % len(DASHES)]
        name = escape(series.name)
        row, column = divmod(i, LEGEND_PER_ROW)
        lx, ly = LEFT + column * 230, HEIGHT - 8 + row * LEGEND_ROW
        if series in counts:
            k = counts.index(series)
            bars = []
            for t, v in zip(turns, series.values, strict=True):
                if v:
                    left = float(x(t)) + (k - len(counts) / 2) * slot
                    tip = f"<title>{name}, turn {t}: {v:g}</title>"
                    bars.append(
                        element("rect", tip, x=f"{left:.1f}", y=y(max(v, 0)),
                                width=f"{slot:.1f}", height=f"{abs(v) / span_y * plot_h:.1f}",
                                fill=colour)
                    )  # fmt: skip
            parts.append(f'<g class="bars">{"".join(bars)}</g>')
            parts.append(element("rect", x=lx, y=ly - 10, width=24, height=8, fill=colour))
        else:
            points = " ".join(f"{x(t)},{y(v)}" for t, v in zip(turns, series.values, strict=True))
            line: dict[str, str | int] = {
                "stroke": colour,
                "stroke_width": 2,
                "stroke_dasharray": dash,
            }
            parts.append(
                element("polyline", f"<title>{name}</title>", fill="none", points=points, **line)
            )
            parts.append(element("line", x1=lx, y1=ly - 4, x2=lx + 24, y2=ly - 4, **line))
        parts.append(element("text", name, x=lx + 30, y=ly, class_="legend"))
    parts.append("</svg>")
    return "\n".join(parts)
