"""`wargame run`: headless play with its summary, JSON, event log and orders file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wargame.cli import app

ROOT = Path(__file__).resolve().parents[2]
FIRST = str(ROOT / "campaigns" / "first-contact.toml")
runner = CliRunner()


def test_run_json_prints_the_summary_and_is_the_same_twice() -> None:
    first = runner.invoke(app, ["run", FIRST, "--seed", "7", "--json"])
    second = runner.invoke(app, ["run", FIRST, "--seed", "7", "--json"])
    assert first.exit_code == 0, first.output
    assert first.stdout == second.stdout
    summary = json.loads(first.stdout)
    for key in (
        "campaign",
        "seed",
        "turns",
        "threats",
        "interceptors",
        "assets",
        "radars_lost",
        "score",
    ):
        assert key in summary
    assert summary["seed"] == 7
    for row in summary["threats"].values():
        assert set(row) == {"spawned", "detected", "engaged", "killed", "leaked"}
        assert row["killed"] + row["leaked"] <= row["spawned"]
        assert row["engaged"] <= row["detected"] <= row["spawned"]
    for row in summary["interceptors"].values():
        assert set(row) == {"fired", "kills", "cost"}
    assert set(summary["assets"]) == {"Aldmouth port", "Brenna Air Base", "Corvin power station"}


def test_run_writes_every_event_as_a_json_line_with_turn_and_kind(tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["run", FIRST, "--seed", "3", "--events", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text().splitlines()
    events = [json.loads(line) for line in lines]
    assert events[0]["kind"] == "game_started"
    assert events[-1]["kind"] == "game_over"
    assert all({"turn", "kind"} <= set(e) for e in events)


def test_run_plays_an_orders_file(tmp_path: Path) -> None:
    orders = tmp_path / "hold.toml"
    orders.write_text(
        "".join(
            f'[[orders]]\nturn = 1\nunit = "{u}"\naction = "weapons"\nsetting = "hold"\n\n'
            for u in ("FU Alpha", "FU Bravo", "FU Charlie")
        )
    )
    result = runner.invoke(app, ["run", FIRST, "--seed", "7", "--orders", str(orders), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["result"] == "defeat"
    assert summary["interceptors"] == {}


def test_a_broken_orders_file_gets_one_line_per_problem_and_exit_2(tmp_path: Path) -> None:
    orders = tmp_path / "bad.toml"
    orders.write_text(
        '[[orders]]\nturn = 1\nunit = "FU Alpha"\naction = "emision"\nsetting = "off"\n'
    )
    result = runner.invoke(app, ["run", FIRST, "--orders", str(orders)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"{orders}:4: orders[0].action: unknown action 'emision' (did you mean 'emission'?); "
        "one of emission, weapons, salvo, doctrine, reserve, engage, relocate"
    )


def test_a_broken_campaign_gets_its_one_line_error_and_no_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("this is = not [toml\n")
    proc = subprocess.run(
        [sys.executable, "-m", "wargame", "run", str(broken)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"{broken}:1: not valid TOML")
    assert len(proc.stderr.strip().splitlines()) == 1


def test_run_prints_a_readable_summary_table() -> None:
    result = runner.invoke(app, ["run", FIRST, "--seed", "7"])
    assert result.exit_code == 0, result.output
    assert (
        "Threats" in result.stdout and "Interceptors" in result.stdout and "score" in result.stdout
    )
    headline = result.stdout.splitlines()[1]
    # Seed 7: the raids are spent when the last of the decoy screen reaches the port,
    # on turn 75 of 30 s.
    assert headline.startswith("VICTORY (raids spent) after 75 turns, score +")
    assert len(headline) <= 80
    assert "cruise missile" in result.stdout and "cruise_missile" not in result.stdout


def test_an_orders_file_names_the_fields_an_action_lacks(tmp_path: Path) -> None:
    orders = tmp_path / "thin.toml"
    orders.write_text(
        '[[orders]]\nturn = 2\nunit = "FU Alpha"\naction = "salvo"\nsetting = "3"\n\n'
        '[[orders]]\nturn = 3\nunit = "FU Alpha"\naction = "engage"\n'
    )
    result = runner.invoke(app, ["run", FIRST, "--orders", str(orders)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{orders}:1: orders[0].salvo: an order to salvo needs 'salvo'",
        f"{orders}:7: orders[1].track: an order to engage needs 'track'",
    ]


def test_run_lists_the_orders_the_engine_refused(tmp_path: Path) -> None:
    """An orders file that reads well may still hold an order the engine refuses (weapons
    for a radar): the game is played, and the summary names each refusal."""
    orders = tmp_path / "typo.toml"
    orders.write_text(
        '[[orders]]\nturn = 1\nunit = "Big Bird"\naction = "weapons"\nsetting = "free"\n\n'
        '[[orders]]\nturn = 2\nunit = "FU Bravo"\naction = "reserve"\nmissile = "40N6-class"\n'
        'count = 4\nthreat_class = "bomber"\n'
    )
    as_json = runner.invoke(app, ["run", FIRST, "--seed", "7", "--orders", str(orders), "--json"])
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.stdout)["orders_refused"] == [
        {
            "turn": 1,
            "unit": "Big Bird",
            "order": "weapons free",
            "reason": "only fire units have weapons",
        },
        {
            "turn": 2,
            "unit": "FU Bravo",
            "order": "reserve 4 40N6-class for bomber",
            "reason": "FU Bravo carries no 40N6-class missiles",
        },
    ]
    text = runner.invoke(app, ["run", FIRST, "--seed", "7", "--orders", str(orders)])
    assert text.exit_code == 0
    assert "Orders refused: 2" in text.stdout
    assert "turn 1, Big Bird: weapons free: only fire units have weapons" in text.stdout


def test_a_game_without_refusals_lists_none() -> None:
    result = runner.invoke(app, ["run", FIRST, "--seed", "7", "--json"])
    assert json.loads(result.stdout)["orders_refused"] == []
    assert "Orders refused" not in runner.invoke(app, ["run", FIRST, "--seed", "7"]).stdout


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["run", FIRST, "--seed", "-1"],
            "wargame run: Invalid value for '--seed': Input should be greater than or equal "
            "to 0 (see wargame run --help)",
        ),
        (
            ["run", FIRST, "--seed", str(2**63)],
            "wargame run: Invalid value for '--seed': Input should be less than or equal "
            f"to {2**63 - 1} (see wargame run --help)",
        ),
        (["run"], "wargame run: Missing argument 'campaign' (see wargame run --help)"),
        (["bogus"], "wargame: No such command 'bogus' (see wargame --help)"),
    ],
)
def test_a_command_line_mistake_gets_one_line_and_exit_2(args: list[str], line: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "wargame", *args], capture_output=True, text=True, check=False
    )
    assert (proc.returncode, proc.stderr, proc.stdout) == (2, line + "\n", "")


def test_no_arguments_at_all_print_the_help() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "wargame"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0 and proc.stdout.count("Usage: wargame") == 1 and not proc.stderr


def test_the_command_line_knows_the_dice_s_largest_seed() -> None:
    from wargame import cli
    from wargame.engine.dice import MAX_SEED

    assert cli.MAX_SEED == MAX_SEED


class TestOutputsAreCheckedBeforePlaying:
    """No output is written over an input or another output, and one that cannot be
    written is found out before the game is played: nothing there before is lost."""

    def test_a_save_written_over_the_campaign_is_refused(self, tmp_path: Path) -> None:
        campaign = tmp_path / "c.toml"
        campaign.write_bytes(Path(FIRST).read_bytes())
        result = runner.invoke(app, ["run", str(campaign), "--save", str(campaign)])
        assert result.exit_code == 2
        assert result.stderr == (
            f"{campaign}: --save is the campaign being played: it would be written over; "
            "choose another file\n"
        )
        assert campaign.read_bytes() == Path(FIRST).read_bytes()

    def test_the_events_and_the_save_in_one_file_are_refused(self, tmp_path: Path) -> None:
        both = tmp_path / "x.json"
        result = runner.invoke(app, ["run", FIRST, "--save", str(both), "--events", str(both)])
        assert (result.exit_code, result.stderr) == (
            2,
            f"{both}: --save and --events name the same file\n",
        )
        assert not both.exists()

    def test_a_save_that_cannot_be_written_leaves_the_events_file_as_it_was(
        self, tmp_path: Path
    ) -> None:
        events = tmp_path / "ev.jsonl"
        events.write_text("keep\n", encoding="utf-8")
        nowhere = tmp_path / "missing" / "s.json"
        result = runner.invoke(app, ["run", FIRST, "--events", str(events), "--save", str(nowhere)])
        assert (result.exit_code, result.stderr) == (
            2,
            f"{nowhere}: --save: cannot write: no such folder '{nowhere.parent}'\n",
        )
        assert events.read_text(encoding="utf-8") == "keep\n"
        result = runner.invoke(app, ["run", FIRST, "--events", str(tmp_path)])
        assert (result.exit_code, result.stderr) == (
            2,
            f"{tmp_path}: --events: is a directory, not a file\n",
        )


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        (
            "flag.toml",
            '[[orders]]\nturn = 3\nunit = "FU Alpha"\naction = "engage"\ntrack = true\n',
            ":5: orders[0].track: expected an integer, got true",
        ),
        (
            "quoted.json",
            '{"orders": [{"turn": 3, "unit": "FU Alpha", "action": "engage", "track": "7"}]}',
            ': orders[0].track: expected an integer, got "7"',
        ),
        (
            "place.toml",
            '[[orders]]\nturn = 3\nunit = "FU Alpha"\naction = "relocate"\nposition = true\n',
            ":5: orders[0].position: expected [x_km, y_km] or a place name, got true",
        ),
        ("word.json", '"hello"', ': expected an object with an "orders" list'),
    ],
)
def test_an_orders_file_is_read_for_what_it_says_not_what_it_could_be_made_to(
    tmp_path: Path, name: str, text: str, line: str
) -> None:
    orders = tmp_path / name
    orders.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["run", FIRST, "--orders", str(orders)])
    assert (result.exit_code, result.stderr) == (2, f"{orders}{line}\n")


def test_orders_for_turns_the_game_never_reached_are_listed_as_not_carried_out(
    tmp_path: Path,
) -> None:
    orders = tmp_path / "late.toml"
    orders.write_text(
        '[[orders]]\nturn = 900\nunit = "FU Alpha"\naction = "weapons"\nsetting = "hold"\n'
    )
    result = runner.invoke(app, ["run", FIRST, "--seed", "7", "--orders", str(orders), "--json"])
    summary = json.loads(result.stdout)
    assert summary["orders_refused"] == [
        {
            "turn": 900,
            "unit": "FU Alpha",
            "order": "weapons hold",
            "reason": f"not carried out: the game ended on turn {summary['turns']}",
        }
    ]


def test_events_written_to_a_pipe_leave_it_a_pipe(tmp_path: Path) -> None:
    import os
    import stat
    import threading

    pipe = tmp_path / "events"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")))
    reader.start()
    result = runner.invoke(app, ["run", FIRST, "--seed", "7", "--events", str(pipe)])
    reader.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    lines = received[0].splitlines()
    assert json.loads(lines[0])["kind"] == "game_started"
    assert json.loads(lines[-1])["kind"] == "game_over"


def test_the_player_named_is_in_the_save_and_the_summary(tmp_path: Path) -> None:
    from wargame.record import read_save

    save = tmp_path / "ada.json"
    result = runner.invoke(
        app, ["run", FIRST, "--seed", "3", "--player", " Cadet Ada ", "--save", str(save), "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["player"] == "Cadet Ada"
    assert read_save(save).player == "Cadet Ada"


@pytest.mark.parametrize("name", ["Ada\nLovelace", "x" * 81])
def test_a_player_name_that_would_break_a_line_or_run_on_is_refused(name: str) -> None:
    result = runner.invoke(app, ["run", FIRST, "--player", name])
    assert result.exit_code == 2
    assert result.stderr == "--player: a name of at most 80 printable characters, please\n"


def test_an_orders_file_naming_what_the_campaign_lacks_is_refused_before_the_first_turn(
    tmp_path: Path,
) -> None:
    orders = tmp_path / "names.toml"
    orders.write_text(
        '[[orders]]\nturn = 1\nunit = "FU Alpa"\naction = "emission"\nsetting = "off"\n\n'
        '[[orders]]\nturn = 2\nunit = "FU Bravo"\naction = "relocate"\nposition = "Atlantis"\n'
    )
    result = runner.invoke(app, ["run", FIRST, "--orders", str(orders)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        f"{orders}:3: orders[0].unit: unknown unit 'FU Alpa' (did you mean 'FU Alpha'?)",
        f"{orders}:11: orders[1].position: unknown place 'Atlantis'",
    ]


def test_an_order_may_name_a_place_as_a_campaign_does(tmp_path: Path) -> None:
    orders = tmp_path / "place.toml"
    orders.write_text(
        '[[orders]]\nturn = 1\nunit = "FU Charlie"\naction = "relocate"\nposition = "Aldmouth"\n'
    )
    result = runner.invoke(app, ["run", FIRST, "--seed", "7", "--orders", str(orders), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["orders_refused"] == []
