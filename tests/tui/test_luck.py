"""Luck and skill on the report screen: weighed in a worker while the screen stays live."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from textual.app import App
from textual.containers import VerticalScroll
from textual.widgets import Static

from tests.record.helpers import play
from tests.tui.conftest import FIRST_CONTACT, settle
from wargame.analysis.luck import luck_of
from wargame.campaign import load_campaign
from wargame.play.aar_view import report_for
from wargame.record import Record, Recorder
from wargame.report.luck import Luck
from wargame.tui.screens.aar import AarScreen


class ReportApp(App[None]):
    """Just the report screen, on a game's record."""

    def __init__(self, screen: AarScreen) -> None:
        super().__init__()
        self.report_screen = screen

    def on_mount(self) -> None:
        self.push_screen(self.report_screen)


@pytest.fixture(scope="module")
def game() -> Record:
    return play(load_campaign(FIRST_CONTACT), 7)


def _shown(screen: AarScreen) -> str:
    visual = screen.query_one("#aar-luck", Static).visual
    return " ".join(str(getattr(visual, "plain", visual)).split())


def _luck_text(screen: AarScreen) -> str:
    from rich.console import Console

    console = Console(width=200, color_system=None)
    with console.capture() as captured:
        console.print(screen.query_one("#aar-luck", Static).content)
    return " ".join(captured.get().split())


async def test_l_shows_the_luck_the_analysis_finds(game: Record) -> None:
    screen = AarScreen(report_for(game.events()), record=game)
    screen.LUCK_RUNS = 10
    async with ReportApp(screen).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "press l to play your orders on 10 other seeds" in _shown(screen)
        await pilot.press("l")
        await settle(pilot)
        assert screen.luck == luck_of(game, 10)
        text = _luck_text(screen)
        assert "Luck and skill" in text
        assert "other seeds (8 to 17)" in text
        assert "▲ this game" in text


async def test_the_screen_answers_keys_while_luck_is_weighed(
    game: Record, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker waits on the test: meanwhile the screen scrolls and shows progress."""
    release = threading.Event()
    answer = Luck(seeds=(8, 9), score=1.0, grade="", scores=(0.0, 2.0),
                  doctrine_scores=(0.0, 2.0), below=1, ties=0, better_share=0.0,
                  worse_share=0.0, tie_share=1.0, mean_difference=0.0, ci95=(0.0, 0.0))  # fmt: skip

    def slow_luck(record: Record, runs: int, **kwargs: Any) -> Luck:
        kwargs["progress"](1)
        assert release.wait(10), "the test never let the worker finish"
        return answer

    monkeypatch.setattr("wargame.analysis.luck.luck_of", slow_luck)
    screen = AarScreen(report_for(game.events()), record=game)
    async with ReportApp(screen).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("l")
        for _ in range(50):
            await pilot.pause(0.02)
            if "seeds played" in _shown(screen):
                break
        assert "1 of 100 seeds played" in _shown(screen)
        body = screen.query_one("#aar-body", VerticalScroll)
        assert body.scroll_y == 0
        await pilot.press("end")  # a key while the worker runs
        await pilot.pause()
        assert body.scroll_y > 0
        assert screen.luck is None and not release.is_set()
        release.set()
        await settle(pilot)
        assert screen.luck is answer
        assert "the dice were kinder than on 50 % of seeds" in _luck_text(screen)


async def test_an_unfinished_game_has_no_luck_yet() -> None:
    recorder = Recorder.new(load_campaign(FIRST_CONTACT), 7)
    recorder.step([])
    record = recorder.record
    report = report_for(record.events(), scenario=recorder.game.scenario)
    screen = AarScreen(report, can_replay=False, record=record)
    async with ReportApp(screen).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert _shown(screen) == "Luck and skill: at the end of the game."
        await pilot.press("l")
        await pilot.pause()
        messages = [str(n.message) for n in pilot.app._notifications]
        assert any("Luck and skill need a finished game" in m for m in messages)
        assert screen.luck is None


async def test_the_report_of_a_replayed_save_weighs_the_luck_of_that_save(
    make_app,  # type: ignore[no-untyped-def]
    tmp_path: Any,
    game: Record,
) -> None:
    from wargame.record import write_save

    save = tmp_path / "game.json"
    write_save(game, save)
    app = make_app(replay=save)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AarScreen)
        assert screen.record is not None and screen.record.seed == game.seed == 7
