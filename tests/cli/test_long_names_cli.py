"""An output whose name the system refuses (too long) is one line and exit 2, never a
traceback, and nothing is played first."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from wargame.cli import app

runner = CliRunner()


def test_a_save_name_too_long_for_the_system_is_one_line_and_exit_2(tmp_path: Path) -> None:
    save = tmp_path / ("a" * 300 + ".json")
    result = runner.invoke(app, ["run", "first-contact", "--seed", "1", "--save", str(save)])
    assert result.exit_code == 2
    assert result.stderr == f"{save}: --save: cannot write: File name too long\n"
    assert result.stdout == ""
