"""The summary of a headless game as Rich tables in the terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from wargame.campaign.schema import class_words
from wargame.report.aar import THREAT_COUNTS


def print_summary(summary: dict[str, Any], console: Console | None = None) -> None:
    console = console or Console()
    result = summary.get("result", "unfinished")
    # Two short lines rather than one that wraps in an 80-column terminal.
    player = summary.get("player")
    played_by = f", played by {escape(player)}" if player else ""
    console.print(f"[bold]{summary['campaign']}[/bold], seed {summary['seed']}{played_by}")
    how = summary.get("termination", "").replace("_", " ")
    console.print(
        f"[bold]{result.upper()}[/bold]{f' ({how})' if how else ''} after {summary['turns']} "
        f"turns, score [bold]{summary['score']:+.1f}[/bold]"
        + (f", grade [bold]{summary['grade']}[/bold]" if summary.get("grade") else "")
    )
    if summary.get("objectives"):
        goals = Table(title="Objectives", title_justify="left")
        for column in ("objective", "weight", "met", "why"):
            goals.add_column(column, justify="right" if column == "weight" else "left")
        for goal in summary["objectives"]:
            met = "[green]met[/green]" if goal["met"] else "[red]not met[/red]"
            goals.add_row(escape(goal["label"]), f"{goal['weight']:g}", met, escape(goal["reason"]))
        console.print(goals)
    threats = Table(title="Threats", title_justify="left")
    counts = THREAT_COUNTS
    for column in ("class", *counts):
        threats.add_column(column, justify="left" if column == "class" else "right")
    for cls, row in summary["threats"].items():
        threats.add_row(class_words(cls), *(str(row[k]) for k in counts))
    console.print(threats)
    weapons = Table(title="Interceptors", title_justify="left")
    for column in ("missile", "fired", "kills", "cost M$"):
        weapons.add_column(column, justify="left" if column == "missile" else "right")
    for name, row in summary["interceptors"].items():
        weapons.add_row(name, str(row["fired"]), str(row["kills"]), f"{row['cost']:.1f}")
    console.print(weapons)
    assets = Table(title="Assets", title_justify="left")
    for column in ("asset", "value M$", "damage M$"):
        assets.add_column(column, justify="left" if column == "asset" else "right")
    for name, row in summary["assets"].items():
        assets.add_row(name, f"{row['value']:.0f}", f"{row['damage']:.1f}")
    console.print(assets)
    lost = ", ".join(summary["radars_lost"]) or "none"
    console.print(f"Radars lost: {lost}")
    refused = summary.get("orders_refused", [])
    if refused:
        # An instructor's orders file with a typo must not pass unnoticed.
        console.print(f"[bold]Orders refused: {len(refused)}[/bold]")
        for r in refused:
            console.print(
                f"  turn {r['turn']}, {r['unit']}: {r['order']}: {r['reason']}",
                markup=False,
                highlight=False,
            )
