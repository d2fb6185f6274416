"""Bar charts by turn for the after-action report, drawn with block characters."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

BLOCKS = " ▁▂▃▄▅▆▇█"
CHART_ROWS = 4


def bar_rows(
    values: list[float], width: int, rows: int = CHART_ROWS, level: bool = False
) -> tuple[list[str], int, float]:
    """The chart as `rows` strings (top first) of at most `width` cells, the turns per
    column, and the value of a full column. With more turns than cells, turns share a
    column: counts are summed, levels take their highest."""
    if not values or width <= 0:
        return [""] * rows, 1, 0.0
    per = max(1, -(-len(values) // width))
    group = max if level else sum
    columns = [float(group(values[i : i + per])) for i in range(0, len(values), per)]
    repeat = max(1, min(3, width // len(columns)))
    top = max(columns) or 1.0
    out = []
    for r in range(rows - 1, -1, -1):
        line = []
        for v in columns:
            eighths = round(v / top * rows * 8) - r * 8
            line.append(BLOCKS[max(0, min(8, eighths))] * repeat)
        out.append("".join(line))
    return out, per, top


class TurnChart(Widget):
    """One series by turn: a title, the bars, and the turn axis."""

    DEFAULT_CSS = """
    TurnChart { height: auto; width: 1fr; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"chart--bar", "chart--axis", "chart--title"}
    """Bars take the colour of the chart's tone class (e.g. `-text-error`); see wargame.tcss."""

    def __init__(
        self,
        title: str,
        values: list[float],
        tone: str,
        *,
        level: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=f"-{tone}")
        self.title = title
        self.values = values
        self.level = level
        """A level (how many at a time: the peak matters), not a count (the total does)."""
        self.tone = tone
        """Tone of the bars: one of text-error, text-accent, text-success, text-warning."""

    def _ink(self, name: str) -> Style:
        full = self.get_component_rich_style(name)  # resolved against the background
        return Style(color=full.color, bold=full.bold)

    def render(self) -> Text:
        bar_style = self._ink("chart--bar")
        muted = self._ink("chart--axis")
        top = max(self.values, default=0)
        total = sum(self.values)
        text = Text()
        text.append(self.title, style=self._ink("chart--title"))
        if top <= 0:
            text.append("  none", style=muted)
            return text
        label_w = len(f"{total:g}") + 1
        width = max(self.size.width - label_w - 1, 1)
        rows, per, full = bar_rows(self.values, width, level=self.level)
        summary = (
            f"  at most {top:g} at once"
            if self.level
            else f"  {total:g} in all, at most {top:g} in a turn"
        )
        text.append(summary, style=muted)
        for i, row in enumerate(rows):
            label = f"{full:g}" if i == 0 else ""
            text.append("\n" + label.rjust(label_w) + " ", style=muted)
            text.append(row, style=bar_style)
        n = len(self.values)
        span = len(rows[0]) if rows else 0
        axis = f"turn 1{'':>{max(span - 7 - len(str(n)), 1)}}{n}" if n > 1 else "turn 1"
        if per > 1:
            axis += f"  ({per} turns a column)"
        text.append("\n" + " " * (label_w + 1) + axis, style=muted)
        return text
