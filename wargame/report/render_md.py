"""The after-action report as Markdown (GitHub-flavoured tables).

Campaign text is escaped so that it shows literally: it cannot make a link,
an image or raw HTML in any Markdown viewer. The briefing keeps its emphasis,
lists and headings (demoted under the report's own), but not links or HTML.
"""

from __future__ import annotations

from collections.abc import Sequence

from wargame.report.aar import Aar
from wargame.report.debrief import walk_debrief
from wargame.report.luck import luck_markdown
from wargame.report.render_text import sparkline, value_range
from wargame.report.safety import md_markup, md_text
from wargame.report.walk import Cell, Chart, Column, Fact, Renderer, format_cell, walk


class MarkdownRenderer(Renderer[str]):
    def __init__(self, debrief: Aar | None = None) -> None:
        self._lines: list[str] = []
        self._columns: Sequence[Column] = ()
        self._debrief = debrief
        """The report whose debrief (engagements, decisions) goes before its timeline."""

    def _debrief_once(self) -> None:
        aar, self._debrief = self._debrief, None
        if aar is not None:
            walk_debrief(aar, self)

    def begin_report(self, title: str, facts: Sequence[Fact]) -> None:
        self._lines += [f"# After-action report: {md_text(title)}", ""]
        for fact in facts:
            if fact.value is not None:
                self._lines.append(
                    f"- **{md_text(fact.label)}:** {md_text(format_cell(fact.value, fact.kind))}"
                )
        self._lines.append("")

    def begin_section(self, key: str, title: str) -> None:
        if key in ("timeline", "briefing"):
            self._debrief_once()
        self._lines += [f"## {md_text(title)}", ""]

    def paragraph(self, text: str) -> None:
        self._lines += [md_text(text), ""]

    def begin_table(self, key: str, title: str, columns: Sequence[Column]) -> None:
        self._columns = columns
        self._lines.append("| " + " | ".join(md_text(c.title) for c in columns) + " |")
        self._lines.append("|" + "|".join("---:" if c.numeric else "---" for c in columns) + "|")

    def row(self, cells: Sequence[Cell]) -> None:
        texts = [
            md_text(format_cell(cell, c.kind)) for cell, c in zip(cells, self._columns, strict=True)
        ]
        self._lines.append("| " + " | ".join(t or " " for t in texts) + " |")

    def end_table(self) -> None:
        self._lines.append("")

    def chart(self, chart: Chart) -> None:
        if not chart.turns:
            return
        width = max(len(s.name) for s in chart.series)
        self._lines += [
            f"*{md_text(chart.title)}, turns {chart.turns[0]} to {chart.turns[-1]}:*",
            "",
            "```text",
        ]
        for series in chart.series:
            self._lines.append(
                f"{series.name:>{width}} {sparkline(series.values)}  {value_range(series.values)}"
            )
        self._lines += ["```", ""]

    def markdown(self, text: str) -> None:
        for line in md_markup(text).splitlines():
            # the briefing's headings sit under the report's section heading
            self._lines.append("###" + line if line.startswith("#") else line)
        self._lines.append("")

    def end_report(self) -> None:
        self._debrief_once()

    def result(self) -> str:
        return "\n".join(self._lines).rstrip("\n") + "\n"


def render_markdown(aar: Aar) -> str:
    return walk(aar, MarkdownRenderer(aar)) + luck_markdown(aar.luck)
