"""The after-action report in the terminal: Rich tables, a sparkline chart.

`TextRenderer(console)` prints as the walk goes; `render_text(aar)` returns
plain text (no colour), for `wargame report --format text -o FILE`. Campaign
text is shown as text: never parsed as Rich markup, control codes removed.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.markdown import Markdown
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from wargame.report.aar import Aar
from wargame.report.luck import print_luck
from wargame.report.safety import plain
from wargame.report.walk import Cell, Chart, Column, Fact, Renderer, format_cell, walk

BARS = " ▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float]) -> str:
    """Values as a row of block characters, from the lowest (or 0) to the largest."""
    low, top = min(0, *values) if values else 0, max(values, default=0)
    if top <= low:
        return BARS[0] * len(values)
    steps = len(BARS) - 1
    return "".join(BARS[min(steps, math.ceil((v - low) * steps / (top - low)))] for v in values)


def value_range(values: Sequence[float]) -> str:
    """'max 12', or 'from -40 to 12' when the values run below zero."""
    top = max(values, default=0)
    low = min(values, default=0)
    return f"from {low:g} to {top:g}" if low < 0 else f"max {top:g}"


class TextRenderer(Renderer[None]):
    """Prints the report on a Rich console."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self._table: Table | None = None
        self._columns: Sequence[Column] = ()

    def begin_report(self, title: str, facts: Sequence[Fact]) -> None:
        self.console.print(Rule(Text(plain(title), style="bold")))
        line = Text()
        for fact in facts:
            if fact.value is None:
                continue
            if line:
                line.append("   ")
            line.append(f"{fact.label}: ", style="dim")
            line.append(plain(format_cell(fact.value, fact.kind)), style="bold")
        self.console.print(line)

    def begin_section(self, key: str, title: str) -> None:
        self.console.print()
        self.console.print(Text(plain(title), style="bold underline"))

    def paragraph(self, text: str) -> None:
        self.console.print(Text(plain(text)))

    def begin_table(self, key: str, title: str, columns: Sequence[Column]) -> None:
        self._columns = columns
        self._table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        for column in columns:
            self._table.add_column(
                Text(plain(column.title)),
                justify="right" if column.numeric else "left",
                overflow="fold",
                ratio=3 if column.kind == "notes" else None,
            )

    def row(self, cells: Sequence[Cell]) -> None:
        assert self._table is not None
        texts = []
        for cell, column in zip(cells, self._columns, strict=True):
            if column.kind == "notes" and isinstance(cell, tuple):
                texts.append(Text("\n".join(plain(n) for n in cell)))
            else:
                texts.append(Text(plain(format_cell(cell, column.kind))))
        self._table.add_row(*texts)

    def end_table(self) -> None:
        if self._table is not None:
            self.console.print(self._table)
        self._table = None

    def chart(self, chart: Chart) -> None:
        if not chart.turns:
            return
        self.console.print(Text(plain(chart.title), style="dim"))
        width = max(len(s.name) for s in chart.series)
        for series in chart.series:
            line = Text(f"{series.name:>{width}} ")
            line.append(sparkline(series.values), style="cyan")
            line.append(f"  {value_range(series.values)}", style="dim")
            self.console.print(line, overflow="fold")
        self.console.print(
            Text(f"{'turn':>{width}} {chart.turns[0]}…{chart.turns[-1]}", style="dim")
        )

    def markdown(self, text: str) -> None:
        self.console.print(Markdown(plain(text), hyperlinks=False))

    def result(self) -> None:
        return None


def print_report(aar: Aar, console: Console | None = None) -> None:
    console = console or Console()
    walk(aar, TextRenderer(console))
    print_luck(aar.luck, console)


def render_text(aar: Aar, width: int = 100) -> str:
    """The report as plain text, no colour or escape codes."""
    out = io.StringIO()
    console = Console(
        file=out, width=width, color_system=None, force_terminal=False, legacy_windows=False
    )
    print_report(aar, console)
    return out.getvalue()
