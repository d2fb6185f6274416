"""`wargame replay` and `wargame branch` from the command line."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tests.record.helpers import cli_app, event_lines, read_doc, rehash, write_doc
from wargame.record import load_save

runner = CliRunner()


def test_replay_verify_prints_ok_and_exits_0_for_a_good_save(save_file: Path) -> None:
    result = runner.invoke(cli_app(), ["replay", str(save_file), "--verify"])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{save_file}: OK: ")


def test_replay_verify_names_the_first_diverging_turn_and_exits_1(save_file: Path) -> None:
    doc = read_doc(save_file)
    doc["turns"][7]["orders"][0]["setting"] = "free"
    write_doc(save_file, doc)
    result = runner.invoke(cli_app(), ["replay", str(save_file), "--verify"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"{save_file}: turn 7: events differ from a re-simulation "
        "(the save was altered, or recorded under other rules)\n"
    )


def test_replay_verify_of_other_rules_says_which_rules_and_exits_1(save_file: Path) -> None:
    doc = read_doc(save_file)
    doc["rules_version"] = "0.1"
    doc["turns"][5]["events"][-1]["score"] = 12345.0
    rehash(doc)
    write_doc(save_file, doc)
    result = runner.invoke(cli_app(), ["replay", str(save_file), "--verify"])
    assert result.exit_code == 1
    assert "turn 5: recorded under rules 0.1; today's rules" in result.stderr


def test_replay_of_a_file_that_is_not_json_says_so_and_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "junk.json"
    path.write_text("junk", encoding="utf-8")
    result = runner.invoke(cli_app(), ["replay", str(path), "--verify"])
    assert result.exit_code == 2
    assert result.stderr == f"{path}:1: not valid JSON: Expecting value (column 1)\n"


def test_replay_prints_the_game_turn_by_turn(save_file: Path) -> None:
    result = runner.invoke(cli_app(), ["replay", str(save_file), "--text"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("First Contact: first-contact.toml, seed 7, player Tester")
    assert "turn 7  (0:03:30)" in lines  # the end of turn 7 of 30 s
    assert "    order  FU Charlie: weapons tight" in lines
    assert any(line.startswith("    game over: ") for line in lines)


def test_branch_writes_a_save_that_stops_after_turn_n(tmp_path: Path, save_file: Path) -> None:
    out = tmp_path / "what-if.json"
    result = runner.invoke(cli_app(), ["branch", str(save_file), "--turn", "8", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{out}: branch of {save_file} after turn 8, to turn 8\n"
    branch = load_save(out).record
    assert branch.last_turn == 8
    assert (
        event_lines(branch) == event_lines(load_save(save_file).record)[: len(event_lines(branch))]
    )


def test_branch_with_an_orders_file_plays_on_to_the_end(tmp_path: Path, save_file: Path) -> None:
    orders = tmp_path / "orders.toml"
    orders.write_text(
        '[[orders]]\nturn = 9\nunit = "FU Alpha"\naction = "weapons"\nsetting = "hold"\n'
    )
    out = tmp_path / "what-if.json"
    result = runner.invoke(
        cli_app(),
        ["branch", str(save_file), "--turn", "8", "-o", str(out), "--orders", str(orders)],
    )
    assert result.exit_code == 0, result.output
    record = load_save(out).record
    assert record.over
    assert [o.text() for o in record.turns[9].orders] == ["weapons hold"]


def test_branch_beyond_the_end_of_the_save_is_an_error(tmp_path: Path, save_file: Path) -> None:
    out = tmp_path / "what-if.json"
    result = runner.invoke(cli_app(), ["branch", str(save_file), "--turn", "500", "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"{save_file}: cannot branch at turn 500: the save holds turns 0 to "
    )
    assert not out.exists()


def test_branch_of_a_tampered_save_writes_nothing(tmp_path: Path, save_file: Path) -> None:
    doc = read_doc(save_file)
    doc["turns"][3]["digest"] = "0" * 64
    write_doc(save_file, doc)
    out = tmp_path / "what-if.json"
    result = runner.invoke(cli_app(), ["branch", str(save_file), "--turn", "2", "-o", str(out)])
    assert result.exit_code == 1
    assert "turn 3: digest mismatch" in result.stderr
    assert not out.exists()


def test_branch_over_its_own_save_is_refused_and_the_save_kept(save_file: Path) -> None:
    before = save_file.read_bytes()
    result = runner.invoke(
        cli_app(), ["branch", str(save_file), "--turn", "5", "-o", str(save_file)]
    )
    assert (result.exit_code, result.stderr) == (
        2,
        f"{save_file}: --output is the save being branched from: it would be written over; "
        "choose another file\n",
    )
    assert save_file.read_bytes() == before


def test_report_over_its_own_save_is_refused_and_the_save_kept(save_file: Path) -> None:
    before = save_file.read_bytes()
    result = runner.invoke(
        cli_app(), ["report", str(save_file), "-f", "json", "-o", str(save_file)]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{save_file}: --output is the save being reported")
    assert save_file.read_bytes() == before


def test_branch_says_which_orders_of_its_file_it_left_out(tmp_path: Path, save_file: Path) -> None:
    orders = tmp_path / "orders.toml"
    orders.write_text(
        '[[orders]]\nturn = 3\nunit = "FU Alpha"\naction = "salvo"\nsalvo = 1\n'
        '[[orders]]\nturn = 900\nunit = "FU Alpha"\naction = "weapons"\nsetting = "hold"\n'
    )
    out = tmp_path / "what-if.json"
    result = runner.invoke(
        cli_app(),
        ["branch", str(save_file), "--turn", "8", "-o", str(out), "--orders", str(orders)],
    )
    assert result.exit_code == 0, result.output
    last = load_save(out).record.last_turn
    assert result.stderr.splitlines() == [
        f"{orders}: 1 order for turn 8 or before left out: the branch plays on from turn 9",
        f"{orders}: 1 order not carried out: the game ended on turn {last}",
    ]


def test_branch_refuses_an_orders_file_naming_a_unit_the_campaign_lacks_before_writing(
    tmp_path: Path, save_file: Path
) -> None:
    orders = tmp_path / "orders.toml"
    orders.write_text(
        '[[orders]]\nturn = 9\nunit = "FU Alpa"\naction = "weapons"\nsetting = "hold"\n'
    )
    out = tmp_path / "what-if.json"
    result = runner.invoke(
        cli_app(),
        ["branch", str(save_file), "--turn", "8", "-o", str(out), "--orders", str(orders)],
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{orders}:3: orders[0].unit: unknown unit 'FU Alpa'")
    assert "FU Alpha" in result.stderr
    assert not out.exists()
