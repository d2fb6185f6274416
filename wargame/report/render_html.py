"""The after-action report as one self-contained HTML file.

It opens offline: the style is inline, the chart is inline SVG, and there is
no script, no font, no image and nothing else fetched. A Content-Security-
Policy forbids scripts and outside resources as a second line of defence.
Every piece of campaign text is escaped; the briefing's Markdown is rendered
with raw HTML off, images off and only http(s)/mailto links.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from wargame.report.aar import Aar
from wargame.report.debrief import walk_debrief
from wargame.report.luck import with_luck_html
from wargame.report.safety import briefing_html, plain
from wargame.report.svg_chart import svg_line_chart
from wargame.report.svg_map import engagement_maps
from wargame.report.walk import Cell, Chart, Column, Fact, Renderer, format_cell, walk

NUM = ' class="num"'
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "form-action 'none'; base-uri 'none'"
)

STYLE = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328;
       max-width: 980px; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid #d0d7de; padding-bottom: .2em; margin-top: 1.6em; }
dl.facts { display: flex; flex-wrap: wrap; gap: .3em 1.6em; margin: .5em 0 1em; }
dl.facts div { display: flex; gap: .4em; }
dl.facts dt { color: #59636e; } dl.facts dd { margin: 0; font-weight: 600; }
table { border-collapse: collapse; margin: .6em 0; }
caption { text-align: left; color: #59636e; font-size: .9em; padding-bottom: .2em; }
th, td { padding: .25em .7em; border-bottom: 1px solid #eaeef2; vertical-align: top;
         text-align: left; }
th { border-bottom: 2px solid #d0d7de; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td ul { margin: 0; padding-left: 1.1em; }
figure { margin: 1em 0; } figcaption { color: #59636e; font-size: .9em; }
svg .tick { font: 11px sans-serif; fill: #59636e; }
svg .legend { font: 12px sans-serif; fill: #1f2328; }
.briefing { border-left: 3px solid #d0d7de; padding-left: 1em; }
.maps { display: flex; flex-wrap: wrap; gap: 1em; }
.maps figure { margin: .5em 0; flex: 1 1 440px; min-width: 0; }
.maps svg { max-width: 100%; height: auto; }
svg .label { font: 10px sans-serif; fill: #1f2328; } svg .mark { font: 12px sans-serif; }
#table-engagements { font-size: .85em; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { font-size: 10pt; max-width: none; margin: 0; padding: 0; color: #000; }
  h2 { break-after: avoid; } figure, tr, dl.facts { break-inside: avoid; }
  thead { display: table-header-group; }
  .maps { display: block; } .maps figure { break-inside: avoid; }
  svg { max-width: 100%; height: auto; }
  table { width: 100%; } th, td { padding: .15em .4em; }
  a { color: inherit; text-decoration: none; }
}
"""


class HtmlRenderer(Renderer[str]):
    def __init__(self, debrief: Aar | None = None) -> None:
        self._out: list[str] = []
        self._columns: Sequence[Column] = ()
        self._debrief = debrief
        """The report whose debrief (map, engagements, decisions) goes before its timeline."""

    def _debrief_once(self) -> None:
        aar, self._debrief = self._debrief, None
        if aar is not None:
            maps = engagement_maps(aar)
            if maps:
                self.begin_section("map", "Engagement map")
                self._out.append(maps)
                self.end_section()
            walk_debrief(aar, self)

    def _text(self, text: str) -> str:
        return escape(plain(text), quote=True)

    def begin_report(self, title: str, facts: Sequence[Fact]) -> None:
        self._out += [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            '<meta name="referrer" content="no-referrer">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>After-action report: {self._text(title)}</title>",
            f"<style>{STYLE}</style>",
            "</head>",
            "<body>",
            "<main>",
            f"<h1>After-action report: {self._text(title)}</h1>",
            '<dl class="facts">',
        ]
        for fact in facts:
            if fact.value is not None:
                self._out.append(
                    f"<div><dt>{self._text(fact.label)}</dt>"
                    f"<dd>{self._text(format_cell(fact.value, fact.kind))}</dd></div>"
                )
        self._out.append("</dl>")

    def begin_section(self, key: str, title: str) -> None:
        if key in ("timeline", "briefing"):
            self._debrief_once()
        self._out.append(f'<section id="{escape(key)}">')
        self._out.append(f"<h2>{self._text(title)}</h2>")

    def paragraph(self, text: str) -> None:
        self._out.append(f"<p>{self._text(text)}</p>")

    def begin_table(self, key: str, title: str, columns: Sequence[Column]) -> None:
        self._columns = columns
        head = "".join(
            f'<th scope="col"{NUM if c.numeric else ""}>{self._text(c.title)}</th>' for c in columns
        )
        self._out += [
            f'<table id="table-{escape(key)}">',
            f"<caption>{self._text(title)}</caption>",
            f"<thead><tr>{head}</tr></thead>",
            "<tbody>",
        ]

    def row(self, cells: Sequence[Cell]) -> None:
        tds = []
        for cell, column in zip(cells, self._columns, strict=True):
            if column.kind == "notes" and isinstance(cell, tuple):
                items = "".join(f"<li>{self._text(note)}</li>" for note in cell)
                tds.append(f"<td><ul>{items}</ul></td>" if cell else "<td></td>")
            else:
                tds.append(
                    f"<td{NUM if column.numeric else ''}>"
                    f"{self._text(format_cell(cell, column.kind))}</td>"
                )
        self._out.append(f"<tr>{''.join(tds)}</tr>")

    def end_table(self) -> None:
        self._out.append("</tbody></table>")

    def chart(self, chart: Chart) -> None:
        if not chart.turns:
            return
        self._out += [
            f'<figure id="chart-{escape(chart.key)}">',
            svg_line_chart(chart),
            f"<figcaption>{self._text(chart.title)}</figcaption>",
            "</figure>",
        ]

    def markdown(self, text: str) -> None:
        self._out.append(f'<div class="briefing">{briefing_html(text)}</div>')

    def end_section(self) -> None:
        self._out.append("</section>")

    def end_report(self) -> None:
        self._debrief_once()
        self._out += ["</main>", "</body>", "</html>"]

    def result(self) -> str:
        return "\n".join(self._out) + "\n"


def render_html(aar: Aar) -> str:
    return with_luck_html(walk(aar, HtmlRenderer(aar)), aar.luck)
