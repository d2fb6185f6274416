"""Saves go to one folder: --saves, else WARGAME_SAVES, else ./saves; `wargame play` prints
it before the game starts, hands it to the screens, and refuses a folder that is not
there; the save dialog refuses one too."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input
from typer.testing import CliRunner

from wargame.cli import app
from wargame.tui.app import build_app
from wargame.tui.screens.save_as import SaveAsScreen, cannot_save_to
from wargame.tui.screens.tactical import TacticalScreen

ROOT = Path(__file__).resolve().parents[2]
FIRST = ROOT / "campaigns" / "first-contact.toml"
runner = CliRunner()


@pytest.fixture
def screens(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[dict[str, Any]]:
    """What `wargame play` hands the screens, instead of opening them; run in an empty
    folder, with no WARGAME_SAVES."""
    calls: list[dict[str, Any]] = []

    def play(
        campaign: Path | None, load: Path | None, seed: int | None, player: str, saves_dir: Path
    ) -> None:
        calls.append({"campaign": campaign, "load": load, "saves_dir": saves_dir})

    monkeypatch.setattr("wargame.tui.play", play)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WARGAME_SAVES", raising=False)
    return calls


def test_the_saves_folder_is_saves_here_by_default_and_printed(
    screens: list[dict[str, Any]], tmp_path: Path
) -> None:
    result = runner.invoke(app, ["play", str(FIRST)])
    assert (result.exit_code, result.stdout) == (0, f"Saves go to {tmp_path / 'saves'}\n")
    assert screens == [{"campaign": FIRST, "load": None, "saves_dir": tmp_path / "saves"}]
    assert not (tmp_path / "saves").exists()  # made by the first save that needs it


def test_the_environment_names_the_folder_and_the_option_wins_over_it(
    screens: list[dict[str, Any]], tmp_path: Path
) -> None:
    (tmp_path / "from-env").mkdir()
    (tmp_path / "from-option").mkdir()
    env = {"WARGAME_SAVES": "from-env"}
    result = runner.invoke(app, ["play", str(FIRST)], env=env)
    assert result.stdout == f"Saves go to {tmp_path / 'from-env'}\n"
    result = runner.invoke(app, ["play", str(FIRST), "--saves", "from-option"], env=env)
    assert result.stdout == f"Saves go to {tmp_path / 'from-option'}\n"
    assert [call["saves_dir"] for call in screens] == [
        tmp_path / "from-env",
        tmp_path / "from-option",
    ]


@pytest.mark.parametrize(
    ("args", "env", "line"),
    [
        (["--saves", "nowhere"], {}, "--saves: no such folder 'nowhere'"),
        ([], {"WARGAME_SAVES": "nowhere"}, "WARGAME_SAVES: no such folder 'nowhere'"),
        (["--saves", "a-file"], {}, "--saves: is not a folder 'a-file'"),
    ],
)
def test_a_saves_folder_that_is_not_there_is_refused_before_the_game(
    screens: list[dict[str, Any]],
    tmp_path: Path,
    args: list[str],
    env: dict[str, str],
    line: str,
) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["play", str(FIRST), *args], env=env)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", line + "\n")
    assert screens == [] and not (tmp_path / "nowhere").exists()


def test_the_save_dialog_says_why_a_folder_will_not_do(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    assert cannot_save_to(saves / "game.json", saves) == ""  # made when needed
    assert cannot_save_to(tmp_path / "game.json", saves) == ""
    nowhere = tmp_path / "nonexistent" / "dir"
    assert cannot_save_to(nowhere / "game.json", saves) == (
        f"No such folder '{nowhere}': make it first, or save into {saves}."
    )
    assert cannot_save_to(tmp_path, saves) == f"{tmp_path} is a folder; give a file name."


def test_the_save_dialog_refuses_a_folder_that_is_not_there_and_makes_none(
    tmp_path: Path,
) -> None:
    game = build_app(campaign=FIRST, seed=1, saves_dir=tmp_path / "saves", cursor_blink=False)
    nowhere = tmp_path / "nonexistent" / "dir"

    async def drive() -> None:
        async with game.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("enter")  # the briefing: begin
            await pilot.pause()
            assert isinstance(game.screen, TacticalScreen)
            await pilot.press("ctrl+s")
            await pilot.pause()
            game.screen.query_one("#save-name", Input).value = str(nowhere / "game.json")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(game.screen, SaveAsScreen)  # still asking
            messages = [n.message for n in game._notifications]
            assert f"No such folder '{nowhere}': make it first, or save into " in messages[-1]
            await pilot.press("escape")
            await pilot.pause()

    asyncio.run(drive())
    assert not (tmp_path / "nonexistent").exists()
