"""`wargame --help` lists each command with its one-sentence summary, wrapped only where
the next word would not fit: no summary breaks where its docstring's line did."""

from __future__ import annotations

import inspect
import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from wargame.cli import app

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = typer.main.get_command(app).commands  # type: ignore[attr-defined]


def _commands_panel(columns: int) -> dict[str, list[str]]:
    """The commands panel of `wargame --help` in a terminal of `columns`: each command's
    summary, line by line, and (under the key '') the width the summaries may fill."""
    result = subprocess.run(
        [sys.executable, "-m", "wargame", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": str(columns), "NO_COLOR": "1"},
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if "Commands" in line)
    rows = []
    for line in lines[start + 1 :]:
        if not line.startswith("│"):
            break
        rows.append(line[2:-2])  # the frame and its padding off
    first = rows[0]
    column = len(first) - len(first.split(maxsplit=1)[1])
    panel: dict[str, list[str]] = {"": ["x" * (len(first) - column)]}
    name = ""
    for row in rows:
        if row[:column].strip():
            name = row[:column].strip()
            panel[name] = []
        panel[name].append(row[column:].rstrip())
    return panel


@pytest.mark.parametrize("columns", [80, 100])
def test_each_command_summary_wraps_only_where_the_next_word_would_not_fit(
    columns: int,
) -> None:
    panel = _commands_panel(columns)
    width = len(panel.pop("")[0])
    assert sorted(panel) == sorted(COMMANDS)
    for name, lines in panel.items():
        summary = inspect.cleandoc(COMMANDS[name].help).split("\n\n")[0]
        assert " ".join(lines) == summary, name
        for line, following in itertools.pairwise(lines):
            assert len(line) + 1 + len(following.split()[0]) > width, (name, line)


def test_every_command_summary_is_one_line_of_its_docstring() -> None:
    """Typer keeps the line breaks of a summary in the list: one line never has any."""
    for name, command in COMMANDS.items():
        assert "\n" not in inspect.cleandoc(command.help).split("\n\n")[0], name
