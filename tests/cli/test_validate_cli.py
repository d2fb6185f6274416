"""The command line: `--version`, `--help` everywhere, and `wargame validate`'s exit
codes and lines (one a problem, on stderr, never a traceback)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from tests.campaign.test_broken_campaigns import EXPECTED
from wargame import __version__
from wargame.cli import app

ROOT = Path(__file__).resolve().parents[2]
BROKEN = "tests/campaign/broken"
SHIPPED = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "campaigns").glob("*.toml"))
MINIMAL = "tests/campaign/minimal.toml"
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(ROOT)  # file names in the lines are as passed, relative to here
    return CliRunner()


def _wargame(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wargame", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _expected_lines(*file_names: str) -> list[str]:
    return [f"{BROKEN}/{name}{rest}" for name in file_names for rest in EXPECTED[name]]


def test_version_prints_the_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"wargame {__version__}\n")


def test_version_works_from_a_real_process() -> None:
    result = _wargame("--version")
    assert (result.returncode, result.stdout, result.stderr) == (0, f"wargame {__version__}\n", "")


def test_help_lists_validate_and_schema(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "validate" in result.stdout and "schema" in result.stdout


def test_validate_and_schema_are_registered_commands() -> None:
    assert {"validate", "schema"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(runner: CliRunner, command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.stdout and command in result.stdout


def test_validate_says_ok_once_for_each_good_file_and_exits_0(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", *SHIPPED, MINIMAL])
    ok = "".join(f"{name}: OK\n" for name in [*SHIPPED, MINIMAL])
    assert (result.exit_code, result.stdout, result.stderr) == (0, ok, "")


@pytest.mark.parametrize("file_name", ["unknown_target.toml", "nan.toml", "not_toml.toml"])
def test_validate_prints_a_broken_files_lines_on_stderr_and_exits_2(
    runner: CliRunner, file_name: str
) -> None:
    result = runner.invoke(app, ["validate", f"{BROKEN}/{file_name}"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == _expected_lines(file_name)


def test_validate_reads_every_file_and_names_only_the_bad_ones_in_order(runner: CliRunner) -> None:
    files = [f"{BROKEN}/unknown_target.toml", *SHIPPED, f"{BROKEN}/misspelt_key.toml", MINIMAL]
    result = runner.invoke(app, ["validate", *files])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == _expected_lines("unknown_target.toml", "misspelt_key.toml")
    assert result.stdout.splitlines() == [f"{name}: OK" for name in [*SHIPPED, MINIMAL]]


def test_validate_gives_every_broken_file_its_lines_in_one_run() -> None:
    names = sorted(EXPECTED)
    result = _wargame("validate", *(f"{BROKEN}/{name}" for name in names))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == _expected_lines(*names)


def test_validate_names_a_missing_file_and_a_directory(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", "campaigns/nowhere.toml", "campaigns"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "campaigns/nowhere.toml: no such file",
        "campaigns: is a directory, not a file",
    ]


def test_validate_without_files_is_a_usage_error_not_a_traceback() -> None:
    result = _wargame("validate")
    assert result.returncode == 2
    assert "Missing argument" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_real_process_exits_0_on_good_files_and_2_on_bad_ones() -> None:
    good = _wargame("validate", *SHIPPED)
    bad = _wargame("validate", f"{BROKEN}/unknown_place.toml")
    ok = "".join(f"{name}: OK\n" for name in SHIPPED)
    assert (good.returncode, good.stdout, good.stderr) == (0, ok, "")
    assert (bad.returncode, bad.stdout) == (2, "")
    assert bad.stderr.splitlines() == _expected_lines("unknown_place.toml")


def test_validate_never_shows_a_traceback_for_bytes_that_are_not_text(tmp_path: Path) -> None:
    junk = tmp_path / "junk.toml"
    junk.write_bytes(bytes(range(256)) * 4)
    result = _wargame("validate", str(junk))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"{junk}:2: not UTF-8 text (byte 0x80 in column 118)"]


def test_schema_prints_one_json_document(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["type"] == "object"
    assert {"meta", "map", "blue", "red"} <= set(schema["required"])
