"""`wargame report` from the command line, in each format, to a file or to the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.record.helpers import cli_app, read_doc, write_doc

runner = CliRunner()

STARTS = {
    "text": "─",
    "md": "# After-action report: First Contact",
    "json": "{",
    "html": "<!DOCTYPE html>",
}


@pytest.mark.parametrize("fmt", sorted(STARTS))
def test_report_writes_each_format_to_a_file(tmp_path: Path, real_save: Path, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    result = runner.invoke(cli_app(), ["report", str(real_save), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{out}: {fmt} report of {real_save}\n"
    text = out.read_text(encoding="utf-8")
    assert text.startswith(STARTS[fmt])
    if fmt == "json":
        assert json.loads(text)["facts"]["player"] == "Ada"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("r.html", "html"),
        ("r.HTM", "html"),
        ("r.md", "md"),
        ("r.json", "json"),
        ("r.txt", "text"),
        ("r.out", "text"),
        ("report", "text"),
    ],
)
def test_without_format_the_file_ending_chooses_it(
    tmp_path: Path, real_save: Path, name: str, fmt: str
) -> None:
    out = tmp_path / name
    result = runner.invoke(cli_app(), ["report", str(real_save), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{out}: {fmt} report of {real_save}\n"
    assert out.read_text(encoding="utf-8").startswith(STARTS[fmt])


def test_an_explicit_format_wins_over_the_file_ending(tmp_path: Path, real_save: Path) -> None:
    out = tmp_path / "r.html"
    result = runner.invoke(cli_app(), ["report", str(real_save), "-f", "md", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith(STARTS["md"])


def test_report_prints_markdown_on_the_terminal(real_save: Path) -> None:
    result = runner.invoke(cli_app(), ["report", str(real_save), "-f", "md"])
    assert result.exit_code == 0
    assert result.stdout.startswith(STARTS["md"])


def test_report_prints_text_on_the_terminal_by_default(real_save: Path) -> None:
    result = runner.invoke(cli_app(), ["report", str(real_save)])
    assert result.exit_code == 0
    assert "Threats by class" in result.stdout


def test_report_refuses_an_unknown_format(real_save: Path) -> None:
    result = runner.invoke(cli_app(), ["report", str(real_save), "-f", "pdf"])
    assert result.exit_code == 2
    assert result.stderr == (
        "wargame report: --format: unknown format 'pdf'; one of text, md, json, html\n"
    )


def test_report_of_a_missing_save_names_it(tmp_path: Path) -> None:
    path = tmp_path / "gone.json"
    result = runner.invoke(cli_app(), ["report", str(path)])
    assert result.exit_code == 2
    assert result.stderr == f"{path}: no such file\n"


def test_report_into_a_missing_folder_names_it(tmp_path: Path, real_save: Path) -> None:
    out = tmp_path / "nowhere" / "r.html"
    result = runner.invoke(cli_app(), ["report", str(real_save), "-f", "html", "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr == f"{out}: --output: cannot write: no such folder '{out.parent}'\n"


def test_report_of_a_tampered_save_refuses_and_writes_nothing(
    tmp_path: Path, real_save: Path
) -> None:
    path = tmp_path / "game.json"
    doc = read_doc(real_save)
    doc["seed"] = 99
    write_doc(path, doc)
    out = tmp_path / "r.md"
    result = runner.invoke(cli_app(), ["report", str(path), "-f", "md", "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{path}: turn 0: the start of the game differs")
    assert not out.exists()
