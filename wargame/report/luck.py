"""Luck versus skill in the after-action report: the figures, and their section in each
format.

`Luck` holds what `wargame.analysis.luck.luck_of` finds when a game's orders are played
on other seeds and the default doctrine on the same seeds: where this game's score sits
among its orders' scores (luck), and how those orders compare with the doctrine seed by
seed (skill). It lives here, beside its renderers, so that the report can carry it
(`Aar.luck`) without importing the analysis. One function per format, each called by
one line of its renderer: `print_luck` (Rich, also drawn by the TUI's report screen
through `luck_renderable`), `luck_markdown`, `luck_json` and `with_luck_html` (a small
inline-SVG distribution with this game marked). Each gives nothing when the report was
made without luck.

The JSON report's `luck` object: `runs`, `seeds` (first, last), `score` and `grade` of
this game, `percentile` (0-100: the share of the other seeds on which the same orders
scored less, ties counted half), `below`, `ties`, `orders` and `doctrine` (each `mean`,
`p5`, `p50`, `p95`, `scores` in the order of the seeds), `grades` (share per grade of the
orders on the other seeds), and `paired` (the orders less the doctrine, seed by seed:
`better_share`, `worse_share`, `tie_share`, `mean_difference`, `ci95`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any

from wargame.report.order_statistics import percentile
from wargame.report.safety import md_text, plain
from wargame.view.words import score_text

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

TITLE = "Luck and skill"
BARS = " ▁▂▃▄▅▆▇█"
BINS = 12


@dataclass(frozen=True)
class Luck:
    """A game's orders on other seeds, and the default doctrine on the same seeds."""

    seeds: tuple[int, ...]
    """The other seeds, in order (never the game's own)."""
    score: float
    """This game's score."""
    grade: str
    """This game's grade ('' if the campaign sets no objectives)."""
    scores: tuple[float, ...]
    """The same orders' score on each other seed."""
    doctrine_scores: tuple[float, ...]
    """The default doctrine's score on each of those seeds (the same dice)."""
    below: int
    """Other seeds on which the orders scored less than in this game."""
    ties: int
    """Other seeds on which they scored the same."""
    grades: dict[str, float] = field(default_factory=dict)
    """Share of the other seeds per grade the orders got, A to F."""
    better_share: float = math.nan
    """Share of seeds on which the orders scored more than the doctrine."""
    worse_share: float = math.nan
    tie_share: float = math.nan
    mean_difference: float = math.nan
    """Mean over the seeds of the orders' score less the doctrine's."""
    ci95: tuple[float, float] = (math.nan, math.nan)
    """95 % interval of that mean (Student's t)."""

    @property
    def runs(self) -> int:
        return len(self.seeds)

    @property
    def percentile(self) -> float:
        """Where this game sits among its orders' scores, 0-100: the share of the other
        seeds on which the dice were less kind (ties count half)."""
        return 100.0 * (self.below + self.ties / 2) / self.runs if self.runs else math.nan

    @property
    def margin(self) -> float:
        """Half the width of the 95 % interval of the mean difference."""
        return (self.ci95[1] - self.ci95[0]) / 2


# ------------------------------------------------------------------ sentences


def _pct(share: float) -> str:
    return f"{share:.0%}".replace("%", " %")


def luck_sentences(luck: Luck) -> list[str]:
    """The section's words: what was played, luck, the grade, skill."""
    first, last = luck.seeds[0], luck.seeds[-1]
    low, high = min(luck.scores), max(luck.scores)
    played = (
        f"Your orders were played again on {luck.runs} other seeds ({first} to {last}), "
        "and the default doctrine on the same seeds, with the same dice."
    )
    # Strictly kinder or harsher, with the seeds that scored the same apart: ties count
    # half in the percentile, but "kinder than" must not claim them.
    below, ties = luck.below / luck.runs, luck.ties / luck.runs
    if luck.percentile >= 50:
        kind = f"the dice were kinder than on {_pct(below)} of seeds"
        same = "as kind as"
    else:
        kind = f"the dice were harsher than on {_pct(1 - below - ties)} of seeds"
        same = "as harsh as"
    if luck.ties:
        kind += f", and {same} on {_pct(ties)}"
    said = [
        played,
        f"Luck: {kind}. Your orders scored {score_text(luck.score)} in this game, and from "
        f"{score_text(low)} to {score_text(high)} on the others "
        f"(median {score_text(_median(luck.scores))}).",
    ]
    if luck.grade and luck.grades:
        shares = ", ".join(f"{g} on {_pct(s)}" for g, s in sorted(luck.grades.items()))
        said.append(f"Grade {luck.grade} in this game; on the other seeds {shares}.")
    said.append(_skill(luck))
    return said


def _skill(luck: Luck) -> str:
    doctrine = f"the doctrine's mean {score_text(_mean(luck.doctrine_scores))}"
    if luck.tie_share == 1:
        return (
            "Skill: your orders and the default doctrine scored the same on every seed "
            f"({doctrine}): on these dice, your orders made no difference."
        )
    by = f"{score_text(luck.mean_difference)} ± {luck.margin:.1f}"
    if luck.mean_difference >= 0:
        return (
            f"Skill: your plan beat the doctrine on {_pct(luck.better_share)} of seeds "
            f"(lost on {_pct(luck.worse_share)}), by {by} on average ({doctrine})."
        )
    return (
        f"Skill: the doctrine beat your plan on {_pct(luck.worse_share)} of seeds "
        f"(lost on {_pct(luck.better_share)}); your plan scored {by} on average "
        f"beside it ({doctrine})."
    )


def _mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values) if values else math.nan


def _median(values: Sequence[float]) -> float:
    return percentile(sorted(values), 50)


def bins(luck: Luck, count: int = BINS) -> tuple[tuple[float, ...], list[int], list[int]]:
    """Equal bins over every score (both plans' and this game's): their edges, and the
    orders' and the doctrine's games per bin (the last bin holds its upper edge)."""
    everything = [*luck.scores, *luck.doctrine_scores, luck.score]
    low, high = min(everything), max(everything)
    if high == low:
        return (low, high), [len(luck.scores)], [len(luck.doctrine_scores)]
    width = (high - low) / count
    edges = (*(low + i * width for i in range(count)), high)

    def counts(values: Sequence[float]) -> list[int]:
        out = [0] * count
        for v in values:
            out[min(int((v - low) / width), count - 1)] += 1
        return out

    return edges, counts(luck.scores), counts(luck.doctrine_scores)


def _bin_of(edges: Sequence[float], value: float) -> int:
    count = len(edges) - 1
    if count <= 1:
        return 0
    width = (edges[-1] - edges[0]) / count
    return min(int((value - edges[0]) / width), count - 1)


def histogram_lines(luck: Luck) -> list[str]:
    """The two distributions as rows of block characters, this game's bin marked."""
    edges, mine, doctrine = bins(luck)
    top = max(*mine, *doctrine, 1)

    def bars(counts: Sequence[int]) -> str:
        return "".join(BARS[-(-c * (len(BARS) - 1) // top)] for c in counts)

    mark = " " * _bin_of(edges, luck.score) + "▲"
    return [
        f"your orders  {bars(mine)}",
        f"doctrine     {bars(doctrine)}",
        f"             {mark} this game ({score_text(luck.score)})",
        f"             score {score_text(edges[0])} to {score_text(edges[-1])}",
    ]


# ------------------------------------------------------------------ formats


def luck_renderable(luck: Luck) -> RenderableType:
    """The section as Rich text (no markup parsed): the terminal's and the TUI's."""
    from rich.console import Group
    from rich.text import Text

    parts: list[RenderableType] = [Text(TITLE, style="bold underline")]
    parts += [Text(plain(sentence)) for sentence in luck_sentences(luck)]
    parts.append(Text("\n".join(histogram_lines(luck)), style="cyan"))
    return Group(*parts)


def print_luck(luck: Luck | None, console: Console) -> None:
    """The text report's luck section, after the rest; nothing without luck."""
    if luck is None:
        return
    console.print()
    console.print(luck_renderable(luck))


def luck_markdown(luck: Luck | None) -> str:
    """The Markdown report's luck section, to append; '' without luck."""
    if luck is None:
        return ""
    lines = ["", f"## {TITLE}", ""]
    lines += [f"{md_text(sentence)}\n" for sentence in luck_sentences(luck)]
    lines += ["```text", *histogram_lines(luck), "```"]
    return "\n".join(lines) + "\n"


def luck_json(luck: Luck | None) -> dict[str, Any]:
    """`{"luck": {...}}` to merge into the JSON report; {} without luck."""
    if luck is None:
        return {}

    def summary(values: Sequence[float]) -> dict[str, Any]:
        ordered = sorted(values)
        return {
            "mean": _mean(values),
            "p5": percentile(ordered, 5),
            "p50": percentile(ordered, 50),
            "p95": percentile(ordered, 95),
            "scores": list(values),
        }

    return {
        "luck": {
            "runs": luck.runs,
            "seeds": [luck.seeds[0], luck.seeds[-1]],
            "score": luck.score,
            "grade": luck.grade or None,
            "percentile": luck.percentile,
            "below": luck.below,
            "ties": luck.ties,
            "orders": summary(luck.scores),
            "doctrine": summary(luck.doctrine_scores),
            "grades": dict(luck.grades),
            "paired": {
                "better_share": luck.better_share,
                "worse_share": luck.worse_share,
                "tie_share": luck.tie_share,
                "mean_difference": luck.mean_difference,
                "ci95": list(luck.ci95),
            },
        }
    }


def with_luck_html(page: str, luck: Luck | None) -> str:
    """The HTML report with the luck section as the last of its main part; the page
    unchanged without luck."""
    if luck is None:
        return page
    head, end, tail = page.rpartition("</main>")
    if not end:
        return page
    paragraphs = [f"<p>{escape(plain(sentence))}</p>" for sentence in luck_sentences(luck)]
    section = [
        f'<section id="luck">\n<h2>{TITLE}</h2>',
        *paragraphs,
        '<figure id="chart-luck">',
        svg_luck_chart(luck),
        "<figcaption>Scores on the other seeds: your orders (bars) and the default "
        "doctrine (outline), this game marked</figcaption>",
        "</figure>\n</section>\n",
    ]
    return head + "\n".join(section) + end + tail


WIDTH, HEIGHT = 760, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 24, 48


def svg_luck_chart(luck: Luck) -> str:
    """The two distributions as bars per score bin, with a line at this game's score."""
    # (Here, not above: the chart module reads the report's model, which imports this.)
    from wargame.report.svg_chart import COLOURS
    from wargame.report.svg_chart import element as _el

    edges, mine, doctrine = bins(luck)
    top = max(*mine, *doctrine, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    low, high = edges[0], edges[-1]
    span = (high - low) or 1.0
    step = plot_w / len(mine)

    def x(score: float) -> float:
        return LEFT + (score - low) / span * plot_w if high > low else LEFT + plot_w / 2

    def y(count: int) -> float:
        return TOP + plot_h - count / top * plot_h

    label = escape(f"{TITLE}: this game scored {score_text(luck.score)}")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{label}">',
        f"<title>{label}</title>",
        _el("rect", x=LEFT, y=TOP, width=plot_w, height=plot_h, fill="none", stroke="#d0d7de"),
    ]
    for i, (ours, theirs) in enumerate(zip(mine, doctrine, strict=True)):
        left = LEFT + i * step
        if ours:
            parts.append(
                _el(
                    "rect",
                    f"<title>your orders: {ours} of {luck.runs} games</title>",
                    x=f"{left + 1:.1f}",
                    y=f"{y(ours):.1f}",
                    width=f"{step - 2:.1f}",
                    height=f"{TOP + plot_h - y(ours):.1f}",
                    fill=COLOURS[0],
                    fill_opacity="0.6",
                )
            )
        if theirs:
            parts.append(
                _el(
                    "rect",
                    f"<title>the doctrine: {theirs} of {luck.runs} games</title>",
                    x=f"{left + 1:.1f}",
                    y=f"{y(theirs):.1f}",
                    width=f"{step - 2:.1f}",
                    height=f"{TOP + plot_h - y(theirs):.1f}",
                    fill="none",
                    stroke=COLOURS[1],
                    stroke_width=2,
                )
            )
    below = TOP + plot_h + 16
    for value, anchor in ((low, "start"), (high, "end")):
        parts.append(
            _el("text", score_text(value), x=f"{x(value):.1f}", y=below, text_anchor=anchor)
        )
    parts.append(
        _el("text", "score", x=f"{LEFT + plot_w / 2:.1f}", y=below + 16, text_anchor="middle")
    )
    here = f"{x(luck.score):.1f}"
    parts.append(
        _el(
            "line", x1=here, y1=TOP - 4, x2=here, y2=TOP + plot_h, stroke=COLOURS[2], stroke_width=2
        )
    )
    parts.append(
        _el(
            "text",
            f"this game {escape(score_text(luck.score))}",
            x=here,
            y=TOP - 8,
            text_anchor="middle",
            fill=COLOURS[2],
        )
    )
    parts.append("</svg>")
    return "\n".join(parts)
