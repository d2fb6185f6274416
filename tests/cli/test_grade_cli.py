"""`wargame grade`: each save verified by re-simulation, then graded beside the default
doctrine on the same seed; a save that fails is marked, not graded; exit 0, 1 or 2."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.record.helpers import FIRST_CONTACT, play, read_doc, rehash, write_doc
from wargame import RULES_VERSION
from wargame.campaign import load_campaign
from wargame.cli import app
from wargame.engine import Order
from wargame.engine.events import GameOver
from wargame.record import Record, write_save

runner = CliRunner()
SILENT_ALPHA = {1: [Order(turn=1, unit="FU Alpha", action="emission", setting="off")]}
"""FU Alpha silent from turn 1: blind, it fires nothing of its own."""


@pytest.fixture(scope="module")
def games() -> tuple[Record, Record]:
    """First Contact, seed 11: with no orders (Ada) a ballistic missile hits Brenna, one
    objective missed, 8 of the 10 weight met (a B)."""
    loaded = load_campaign(FIRST_CONTACT)
    return play(loaded, 11, player="Ada"), play(loaded, 11, SILENT_ALPHA, player="Bo")


@pytest.fixture
def saves(tmp_path: Path, games: tuple[Record, Record]) -> tuple[Path, Path]:
    ada, bo = tmp_path / "ada.json", tmp_path / "bo.json"
    write_save(games[0], ada)
    write_save(games[1], bo)
    return ada, bo


def row_of(output: str, save: Path) -> list[str]:
    line = next(line for line in output.splitlines() if line.startswith(str(save)))
    return line.split()


def test_every_save_verified_is_graded_beside_the_default_doctrine(
    saves: tuple[Path, Path], games: tuple[Record, Record], tmp_path: Path
) -> None:
    ada, bo = saves
    table = tmp_path / "class.csv"
    result = runner.invoke(app, ["grade", str(ada), str(bo), "-o", str(table)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
    assert [r["player"] for r in rows] == ["Ada", "Bo"]
    ada_over, bo_over = (g.turns[-1].events[-1] for g in games)
    assert isinstance(ada_over, GameOver) and isinstance(bo_over, GameOver)
    # Ada gave no orders: her game is the default doctrine's, score for score.
    assert rows[0]["score"] == rows[0]["default doctrine"] == f"{ada_over.score:g}"
    assert rows[0]["grade"] == "B" and rows[0]["objectives met"] == "6/7"
    assert rows[1]["score"] == f"{bo_over.score:g}"
    assert rows[1]["default doctrine"] == rows[0]["default doctrine"]  # the same seed
    assert {r["seed"] for r in rows} == {"11"} and rows[1]["status"] == "graded"
    assert row_of(result.output, ada)[1:4] == ["Ada", "first-contact.toml", "11"]


def test_the_table_is_written_as_markdown(saves: tuple[Path, Path], tmp_path: Path) -> None:
    table = tmp_path / "class.md"
    result = runner.invoke(app, ["grade", str(saves[0]), "-o", str(table)])
    assert result.exit_code == 0, result.output
    lines = table.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("| save | player | campaign | seed | score | grade |")
    assert lines[2].startswith(f"| {saves[0]} | Ada | first-contact.toml | 11 |")


def test_a_relabelled_save_with_renewed_digests_is_not_graded_and_report_warns(
    saves: tuple[Path, Path],
) -> None:
    """A forger raises the score and grade, labels the save as of rules 1.5 (so that a
    difference looks like old rules) and renews every digest: grading re-simulates it
    under today's rules, finds the last turn differs, and will not grade it."""
    ada, bo = saves
    doc = read_doc(ada)
    last = doc["turns"][-1]
    over = next(e for e in last["events"] if e["kind"] == "game_over")
    over["grade"], over["score"] = "A", over["score"] + 500
    doc["rules_version"] = "1.5"
    rehash(doc)
    write_doc(ada, doc)
    result = runner.invoke(app, ["grade", str(ada), str(bo)])
    assert result.exit_code == 1
    line = next(line for line in result.output.splitlines() if line.startswith(str(ada)))
    assert (
        f"not verified: recorded under other rules (1.5); today's rules {RULES_VERSION} do "
        f"not play it as recorded (turn {last['turn']}:" in line
    )
    assert " A " not in line  # no grade given
    assert row_of(result.output, bo)[-1] == "graded"
    # The report still renders the events it holds, with only a warning.
    report = runner.invoke(app, ["report", str(ada), "-f", "md"])
    assert report.exit_code == 0
    assert f"recorded under rules 1.5; today's rules {RULES_VERSION} first differ" in (
        report.stderr
    )
    assert "**Grade:** A" in report.stdout


def test_an_altered_save_of_todays_rules_is_marked(saves: tuple[Path, Path]) -> None:
    ada = saves[0]
    doc = read_doc(ada)
    doc["turns"][3]["orders"].append(
        {"turn": 3, "unit": "FU Alpha", "action": "weapons", "setting": "hold"}
    )
    write_doc(ada, doc)
    result = runner.invoke(app, ["grade", str(ada)])
    assert result.exit_code == 1
    assert "not verified: turn 3: events differ from a re-simulation" in result.output


def test_an_unfinished_game_is_not_graded(tmp_path: Path) -> None:
    from wargame.record import Recorder

    recorder = Recorder.new(load_campaign(FIRST_CONTACT), 7, "Cy")
    for _ in range(3):
        recorder.step([])
    save = tmp_path / "cy.json"
    write_save(recorder.record, save)
    result = runner.invoke(app, ["grade", str(save)])
    assert result.exit_code == 1
    assert "unfinished: the game stops at turn 3 of 80" in result.output


def test_unreadable_input_exits_2(saves: tuple[Path, Path], tmp_path: Path) -> None:
    junk = tmp_path / "junk.json"
    junk.write_text("{not json", encoding="utf-8")
    result = runner.invoke(app, ["grade", str(saves[0]), str(junk)])
    assert result.exit_code == 2
    assert row_of(result.output, junk)[1].startswith("unreadable")
    assert row_of(result.output, saves[0])[-1] == "graded"


def test_a_table_file_of_another_ending_is_refused(
    saves: tuple[Path, Path], tmp_path: Path
) -> None:
    result = runner.invoke(app, ["grade", str(saves[0]), "-o", str(tmp_path / "class.txt")])
    assert result.exit_code == 2
    assert "the table is written as .csv or .md" in result.stderr


def test_a_save_of_a_changed_copy_of_the_exercise_is_not_graded(tmp_path: Path) -> None:
    """A student who edits the exercise under its own file name is marked, whatever the
    edit (here one line of comment): the default doctrine, played on the same copy, would
    otherwise agree with a score earned on an easier game."""
    shipped = FIRST_CONTACT.read_text(encoding="utf-8")
    easier = tmp_path / "first-contact.toml"
    easier.write_text(shipped + "\n# edited\n", encoding="utf-8")
    changed = tmp_path / "changed.json"
    write_save(play(load_campaign(easier), 7, player="Cy"), changed)
    fair = tmp_path / "fair.json"
    write_save(play(load_campaign(FIRST_CONTACT), 7, player="Di"), fair)

    result = runner.invoke(app, ["grade", str(changed), str(fair)])
    assert result.exit_code == 1
    assert row_of(result.stdout, fair)[-1] == "graded"
    line = next(x for x in result.stdout.splitlines() if x.startswith(str(changed)))
    assert "its campaign is not the one handed out" in line

    # Handed out as the changed copy, the changed game is graded and the other is not.
    result = runner.invoke(app, ["grade", str(changed), str(fair), "--campaign", str(easier)])
    assert result.exit_code == 1
    assert row_of(result.stdout, changed)[-1] == "graded"
