"""A campaign by its name as well as its path: `wargame run first-contact` plays the
shipped campaign (./campaigns first, if there is one); a name that matches none lists
the names; a save given as a campaign is named a save, with the commands that read it;
and `play CAMPAIGN --load SAVE` refuses a save of another campaign."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from wargame.cli import app
from wargame.play.places import campaign_names, find_campaign, is_name

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "campaigns"
runner = CliRunner()
SHIPPED_NAMES = [
    "drone-tide",
    "far-shore",
    "first-contact",
    "ghost-fleet",
    "northern-screen",
    "short-warning",
    "thin-line",
    "twin-ridges",
    "weasel-hunt",
]
"""The shipped campaigns by name: the tutorial, Northern Screen and the exercises."""
NAMES = ", ".join(SHIPPED_NAMES)
"""The shipped campaigns, as the error lists them."""
SAVE_NOTE = (
    "not a campaign: a save ('wargame play --load' plays on from it; "
    "'wargame replay' and 'wargame report' read it)"
)


@pytest.fixture
def elsewhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A working folder with no campaigns of its own."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def screens(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """What `wargame play` hands the screens, instead of opening them."""
    calls: list[dict[str, Any]] = []

    def play(
        campaign: Path | None, load: Path | None, seed: int | None, player: str, saves_dir: Path
    ) -> None:
        calls.append({"campaign": campaign, "load": load})

    monkeypatch.setattr("wargame.tui.play", play)
    return calls


@pytest.fixture(scope="module")
def save_of_first_contact(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("saves") / "game.json"
    result = runner.invoke(app, ["run", str(SHIPPED / "first-contact.toml"), "--save", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize("name", ["first-contact", "first-contact.toml"])
def test_run_finds_a_shipped_campaign_by_its_name(elsewhere: Path, name: str) -> None:
    result = runner.invoke(app, ["run", name, "--seed", "7", "--json"])
    assert result.exit_code == 0, result.output
    by_path = runner.invoke(app, ["run", str(SHIPPED / "first-contact.toml"), "--seed", "7"])
    by_name = runner.invoke(app, ["run", name, "--seed", "7"])
    assert by_name.stdout == by_path.stdout
    assert json.loads(result.stdout)["seed"] == 7


def test_a_campaign_in_the_campaigns_folder_here_comes_before_the_shipped_one(
    elsewhere: Path,
) -> None:
    (elsewhere / "campaigns").mkdir()
    shutil.copy(SHIPPED / "northern-screen.toml", elsewhere / "campaigns" / "first-contact.toml")
    assert find_campaign(Path("first-contact")) == Path("campaigns/first-contact.toml")
    assert find_campaign(Path("northern-screen")) == SHIPPED / "northern-screen.toml"
    assert campaign_names() == SHIPPED_NAMES


def test_play_finds_a_shipped_campaign_by_its_name(
    elsewhere: Path, screens: list[dict[str, Any]]
) -> None:
    result = runner.invoke(app, ["play", "northern-screen"])
    assert result.exit_code == 0, result.output
    assert screens == [{"campaign": SHIPPED / "northern-screen.toml", "load": None}]


def test_validate_finds_a_campaign_by_its_name_and_says_which_file(elsewhere: Path) -> None:
    result = runner.invoke(app, ["validate", "first-contact"])
    assert (result.exit_code, result.stdout) == (0, f"{SHIPPED / 'first-contact.toml'}: OK\n")


@pytest.mark.parametrize(
    ("name", "line"),
    [
        (
            "first-contct",
            f"first-contct: no such file, nor a campaign of that name; did you mean "
            f"first-contact? (campaigns: {NAMES})",
        ),
        ("tutorial", f"tutorial: no such file, nor a campaign of that name (campaigns: {NAMES})"),
    ],
)
def test_a_name_that_matches_no_campaign_lists_the_names(
    elsewhere: Path, name: str, line: str
) -> None:
    result = runner.invoke(app, ["run", name])
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", line + "\n")


def test_a_file_a_name_shadows_is_the_one_played(elsewhere: Path) -> None:
    (elsewhere / "first-contact").write_text("not a campaign = [", encoding="utf-8")
    assert find_campaign(Path("first-contact")) == Path("first-contact")


@pytest.mark.parametrize(
    ("argument", "name"),
    [
        ("first-contact", True),
        ("first-contact.toml", True),
        ("campaigns/first-contact", False),
        ("game.json", False),
        ("..", False),
        ("", False),
    ],
)
def test_only_a_bare_word_or_toml_file_name_is_taken_for_a_name(argument: str, name: bool) -> None:
    assert is_name(argument) is name


@pytest.mark.parametrize("command", ["run", "validate", "play"])
def test_a_save_given_as_a_campaign_is_named_a_save_with_the_commands_that_read_it(
    save_of_first_contact: Path, command: str, screens: list[dict[str, Any]]
) -> None:
    result = runner.invoke(app, [command, str(save_of_first_contact)])
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"{save_of_first_contact}: {SAVE_NOTE}\n",
    )
    assert screens == []


def test_play_with_a_campaign_and_a_save_of_it_resumes_the_save(
    save_of_first_contact: Path, screens: list[dict[str, Any]], elsewhere: Path
) -> None:
    result = runner.invoke(app, ["play", "first-contact", "--load", str(save_of_first_contact)])
    assert result.exit_code == 0, result.output
    assert screens == [{"campaign": SHIPPED / "first-contact.toml", "load": save_of_first_contact}]


def test_play_refuses_a_save_of_another_campaign(
    save_of_first_contact: Path, screens: list[dict[str, Any]], elsewhere: Path
) -> None:
    save = save_of_first_contact
    result = runner.invoke(app, ["play", "northern-screen", "--load", str(save)])
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"{save}: a save of first-contact.toml, not of northern-screen.toml; "
        f"'wargame play --load {save}' plays on from it\n",
    )
    assert screens == []


def test_play_refuses_a_save_of_another_version_of_the_campaign(
    save_of_first_contact: Path, screens: list[dict[str, Any]], elsewhere: Path
) -> None:
    edited = elsewhere / "first-contact.toml"
    text = (SHIPPED / "first-contact.toml").read_text(encoding="utf-8")
    edited.write_text(text + "\n# edited\n", encoding="utf-8")
    save = save_of_first_contact
    result = runner.invoke(app, ["play", str(edited), "--load", str(save)])
    assert (result.exit_code, result.stderr) == (
        2,
        f"{save}: a save of another version of first-contact.toml (it keeps its own copy); "
        f"'wargame play --load {save}' plays on from it\n",
    )
    assert screens == []
