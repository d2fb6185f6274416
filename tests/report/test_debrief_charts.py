"""Per-turn counts read as bars: a bar for each turn with launches or leakers, and the
threats in the air (a level) as a line over them."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from wargame.record import Record
from wargame.report.aar import build_aar
from wargame.report.svg_chart import svg_line_chart
from wargame.report.walk import Chart, Series

SVG = "{http://www.w3.org/2000/svg}"


def test_counts_are_bars_and_the_level_a_line() -> None:
    chart = Chart(
        "by_turn",
        "by turn",
        (1, 2, 3),
        (
            Series("in_air", "threats in the air", (2, 3, 1)),
            Series("launches", "interceptors launched", (0, 4, 2)),
            Series("leakers", "leakers", (0, 0, 1)),
        ),
    )
    root = ET.fromstring(svg_line_chart(chart))
    bars = [r for g in root.iter(SVG + "g") if g.get("class") == "bars" for r in g]
    assert len(bars) == 3  # launches on turns 2 and 3, a leaker on turn 3
    assert len(list(root.iter(SVG + "polyline"))) == 1
    heights = sorted(float(b.get("height", "0")) for b in bars)
    # the axis tops at the largest value, 4; the plot is 208 px tall: 1/4, 2/4 and 4/4 of it
    assert heights == [52.0, 104.0, 208.0]


def test_the_played_game_s_chart_has_a_bar_per_turn_that_fired(real_game: Record) -> None:
    from wargame.report.formats import render

    aar = build_aar(real_game.events())
    html = render(aar, "html")
    firing = sum(1 for t in aar.timeline if t.launches) + sum(1 for t in aar.timeline if t.leakers)
    assert (
        html.count("<title>interceptors launched, turn") + html.count("<title>leakers, turn")
        == firing
    )


def test_the_axis_runs_below_zero_in_round_steps() -> None:
    from wargame.report.svg_chart import axis

    assert axis(0, 4) == (0.0, 4.0, 1.0)  # counts: up to the largest, in round steps
    # -60 to 200: steps of 10, 20, 25 and 50 need more than five; 100 needs three
    assert axis(-60, 200) == (-100.0, 200.0, 100.0)
    # -12.5 to 0: steps of 1 and 2 need 13 and 7; 2.5 needs five
    assert axis(-12.5, 0.0) == (-12.5, 0.0, 2.5)


def test_levels_below_zero_are_lines_within_the_plot() -> None:
    chart = Chart(
        "score_parts",
        "score parts",
        (1, 2, 3),
        (
            Series("kept", "asset value kept", (200.0, 140.0, 140.0), True),
            Series("spent", "interceptor cost", (-12.0, -36.0, -36.0), True),
        ),
    )
    root = ET.fromstring(svg_line_chart(chart))
    lines = list(root.iter(SVG + "polyline"))
    assert len(lines) == 2 and not [g for g in root.iter(SVG + "g") if g.get("class") == "bars"]
    # -36 to 200: steps of 10, 20 and 25 need more than five; 50 needs five: -50..200.
    # Over the 208 px plot from y=16: 140 is at 16 + 208 * 60 / 250 = 65.9, -36 at
    # 16 + 208 * 236 / 250 = 212.4
    assert lines[0].get("points", "").split()[-1].endswith(",65.9")
    assert lines[1].get("points", "").split()[-1].endswith(",212.4")
    ticks = [t.text for t in root.iter(SVG + "text") if t.get("class") == "tick"]
    assert ticks[:6] == ["-50", "0", "50", "100", "150", "200"]


def test_six_score_parts_get_six_different_lines() -> None:
    series = tuple(Series(f"part{i}", f"part {i}", (float(i), float(i)), True) for i in range(6))
    root = ET.fromstring(svg_line_chart(Chart("score_parts", "parts", (1, 2), series)))
    styles = {(p.get("stroke"), p.get("stroke-dasharray")) for p in root.iter(SVG + "polyline")}
    assert len(styles) == 6
