"""What the commands write: a save or a report into a named pipe or a device goes into it
(the pipe stays a pipe); a save another program wrote while the game was played is not
written over; a report is not written under an ending of a format it is not."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.record.helpers import PipeReader
from wargame.cli import app
from wargame.record import Recorder, parse_save

ROOT = Path(__file__).resolve().parents[2]
FIRST = str(ROOT / "campaigns" / "first-contact.toml")
runner = CliRunner()
linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux pipes, devices")


@pytest.fixture(scope="module")
def save(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("saves") / "game.json"
    result = runner.invoke(app, ["run", FIRST, "--seed", "7", "--save", str(path)])
    assert result.exit_code == 0, result.output
    return path


@linux
def test_run_writes_its_save_into_a_named_pipe(tmp_path: Path) -> None:
    pipe = tmp_path / "save-pipe"
    os.mkfifo(pipe)
    reader = PipeReader(pipe)
    result = runner.invoke(app, ["run", FIRST, "--seed", "7", "--save", str(pipe)])
    assert result.exit_code == 0, result.output
    record = parse_save(reader.text(), "the pipe")
    assert (record.seed, record.campaign_name, record.over) == (7, "first-contact.toml", True)
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["save-pipe"]


@linux
def test_report_writes_into_a_named_pipe(tmp_path: Path, save: Path) -> None:
    pipe = tmp_path / "report-pipe"
    os.mkfifo(pipe)
    reader = PipeReader(pipe)
    result = runner.invoke(app, ["report", str(save), "-f", "json", "-o", str(pipe)])
    assert (result.exit_code, result.stdout) == (0, f"{pipe}: json report of {save}\n")
    assert json.loads(reader.text())["facts"]["seed"] == 7
    assert stat.S_ISFIFO(pipe.stat().st_mode)


@linux
@pytest.mark.parametrize("command", ["run", "report"])
def test_a_device_is_written_into_and_stays_a_device(command: str, save: Path) -> None:
    args = {
        "run": ["run", FIRST, "--save", "/dev/null"],
        "report": ["report", str(save), "-o", "/dev/null"],
    }[command]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_save_written_by_another_program_during_the_game_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another `wargame run --save` to the same file finishes first: this one, finishing
    later, writes nothing over it and says so, exit 2."""
    path = tmp_path / "shared.json"
    step = Recorder.step

    def step_while_another_writes(recorder: Recorder, orders: list[object]) -> object:
        if recorder.game.turn == 5:
            path.write_text("the other game\n", encoding="utf-8")
        return step(recorder, orders)  # type: ignore[arg-type]

    monkeypatch.setattr(Recorder, "step", step_while_another_writes)
    result = runner.invoke(app, ["run", FIRST, "--save", str(path)])
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"{path}: --save: not written: another program has made a file of this name "
        "meanwhile, and it is kept as it is; give another --save (the same command plays "
        "the same game)\n",
    )
    assert path.read_text(encoding="utf-8") == "the other game\n"
    assert [p.name for p in tmp_path.iterdir()] == ["shared.json"]


def test_a_branch_written_by_another_program_while_it_was_played_on_is_kept(
    tmp_path: Path, save: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "what-if.json"
    out.write_text("an old branch\n", encoding="utf-8")
    orders = tmp_path / "hold.toml"
    orders.write_text(
        '[[orders]]\nturn = 6\nunit = "FU Alpha"\naction = "weapons"\nsetting = "hold"\n',
        encoding="utf-8",
    )
    step = Recorder.step

    def step_while_another_writes(recorder: Recorder, given: list[object]) -> object:
        if recorder.game.turn == 5:
            out.write_text("another branch\n", encoding="utf-8")
        return step(recorder, given)  # type: ignore[arg-type]

    monkeypatch.setattr(Recorder, "step", step_while_another_writes)
    args = ["branch", str(save), "--turn", "5", "-o", str(out), "--orders", str(orders)]
    result = runner.invoke(app, args)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"{out}: --output: not written: another program has written this file meanwhile, "
        "and it is kept as it is; give another --output (the same command plays the same "
        "game)\n",
    )
    assert out.read_text(encoding="utf-8") == "another branch\n"


def test_a_save_there_before_the_game_is_written_over_as_asked(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text("an old save\n", encoding="utf-8")
    result = runner.invoke(app, ["run", FIRST, "--seed", "3", "--save", str(path)])
    assert result.exit_code == 0, result.output
    assert parse_save(path.read_text(encoding="utf-8"), str(path)).seed == 3


@pytest.mark.parametrize("name", ["r.pdf", "r.PNG", "r.docx", "r.csv", "r.txt.gz"])
def test_report_refuses_an_ending_of_a_format_it_does_not_write(
    tmp_path: Path, save: Path, name: str
) -> None:
    out = tmp_path / name
    result = runner.invoke(app, ["report", str(save), "-o", str(out)])
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"{out}: --output: no report is written as {out.suffix}; "
        "use .txt, .md, .json or .html (or --format)\n",
    )
    assert not out.exists()


def test_report_writes_an_ending_no_format_claims_as_text_and_any_with_format(
    tmp_path: Path, save: Path
) -> None:
    log = tmp_path / "r.log"
    result = runner.invoke(app, ["report", str(save), "-o", str(log)])
    assert (result.exit_code, result.stdout) == (0, f"{log}: text report of {save}\n")
    pdf = tmp_path / "r.pdf"
    result = runner.invoke(app, ["report", str(save), "-f", "md", "-o", str(pdf)])
    assert (result.exit_code, result.stdout) == (0, f"{pdf}: md report of {save}\n")
