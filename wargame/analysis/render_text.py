"""An analysis in the terminal: Rich tables and a histogram of the score, in 80 columns.

Campaign text (the title, names of assets) passes through `report.safety.plain` and
Rich's markup escape, as in the after-action report.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from wargame.analysis.monte_carlo import Analysis, PlanResults
from wargame.analysis.stats import Distribution, Histogram, Paired
from wargame.campaign.schema import class_words
from wargame.report.safety import one_line

BAR_WIDTH = 40
EIGHTHS = " ▏▎▍▌▋▊▉"


def _safe(text: str) -> str:
    return escape(one_line(text))


def print_analysis(analysis: Analysis, console: Console | None = None) -> None:
    console = console or Console()
    last = analysis.seed + analysis.runs - 1
    console.print(f"[bold]{_safe(analysis.title)}[/bold] ({_safe(analysis.campaign)})")
    # A line of its own: a long campaign path must not break the seed range.
    console.print(f"{analysis.runs} games, seeds {analysis.seed} to {last}")
    _print_plan(console, analysis.first)
    if analysis.second is not None and analysis.paired is not None:
        console.print()
        _print_plan(console, analysis.second)
        console.print()
        _print_paired(console, analysis.first.plan, analysis.second.plan, analysis.paired)


def _print_plan(console: Console, plan: PlanResults) -> None:
    score = plan.score
    console.print(f"\n[bold]{_safe(plan.plan)}[/bold]")
    console.print(
        f"score: mean {score.mean:+.1f} (95 % interval {score.ci95[0]:+.1f} to "
        f"{score.ci95[1]:+.1f}), sd {score.sd:.1f}\n"
        f"       p5 {score.p5:+.1f}, median {score.p50:+.1f}, p95 {score.p95:+.1f}"
    )
    for line in histogram_lines(plan.score_histogram):
        console.print(line, highlight=False)
    outcomes = ", ".join(f"{k} {v:.0%}" for k, v in plan.outcomes.items())
    endings = ", ".join(f"{k.replace('_', ' ')} {v:.0%}" for k, v in plan.terminations.items())
    console.print(f"outcome: {outcomes}; ending: {endings}")
    if plan.grades:
        console.print("grade: " + ", ".join(f"{k} {v:.0%}" for k, v in plan.grades.items()))
    table = Table(title_justify="left", pad_edge=False)
    table.add_column("per game", no_wrap=True, overflow="ellipsis", max_width=22)
    for column in ("mean", "95 % interval", "p5", "p50", "p95"):
        table.add_column(column, justify="right", no_wrap=True)
    _section(table, "leakers", {class_words(k): v for k, v in plan.leakers.items()})
    _row(table, "all leakers", plan.all_leakers)
    _row(table, "kills", plan.kills)
    _section(table, "rounds fired", plan.rounds)
    _section(table, "damage", plan.damage, money=True)
    console.print(table)
    if plan.exact_share == 1.0:
        # Only then does 1-(1-p)^n per threat hold: no round waited on another's result.
        console.print(
            f"expected from the rounds fired, 1-(1-p)^n per threat: kills "
            f"{plan.expected_kills:.2f}, leakers {plan.expected_leakers:.2f}"
        )
    if plan.orders_refused.high > 0:
        console.print(f"orders refused per game: {plan.orders_refused.mean:.1f}")


def _section(table: Table, title: str, rows: dict[str, Distribution], money: bool = False) -> None:
    table.add_row(f"[bold]{title}[/bold]", *[""] * 5)
    for name, d in rows.items():
        _row(table, f"  {_safe(name)}", d, money)


def _row(table: Table, name: str, d: Distribution, money: bool = False) -> None:
    f = "{:.1f}" if money else "{:.2f}"
    table.add_row(
        name,
        f.format(d.mean),
        f"{f.format(d.ci95[0])} to {f.format(d.ci95[1])}",
        *(f.format(v) for v in (d.p5, d.p50, d.p95)),
    )


def histogram_lines(h: Histogram, width: int = BAR_WIDTH) -> list[str]:
    """One line per bin: its range, a bar in eighths of a character, and its count."""
    top = max(h.counts, default=0) or 1
    lines = []
    for i, count in enumerate(h.counts):
        eighths = round(count / top * width * 8)
        bar = "█" * (eighths // 8) + (EIGHTHS[eighths % 8] if eighths % 8 else "")
        lines.append(f"{h.edges[i]:>8.1f} to {h.edges[i + 1]:>7.1f} │{bar:<{width}} {count}")
    return lines


def _print_paired(console: Console, first: str, second: str, p: Paired) -> None:
    console.print(
        f"[bold]{_safe(first)}[/bold] against [bold]{_safe(second)}[/bold] on the same seeds:"
    )
    console.print(
        f"better on {p.better_share:.0%} of seeds, worse on {p.worse_share:.0%}, "
        f"the same on {p.tie_share:.0%}; mean difference {p.mean_difference:+.1f} "
        f"(95 % interval {p.ci95[0]:+.1f} to {p.ci95[1]:+.1f})"
    )
