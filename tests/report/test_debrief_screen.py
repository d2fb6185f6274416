"""The TUI's report screen lists the engagements and filters them as the player types."""

from __future__ import annotations

import asyncio

from textual.app import App
from textual.widgets import Input, Static

from wargame.play.aar_view import report_for
from wargame.record import Record
from wargame.tui.screens.aar import AarScreen


class _ReportApp(App[None]):
    def __init__(self, screen: AarScreen) -> None:
        super().__init__()
        self.report_screen = screen

    def on_mount(self) -> None:
        self.push_screen(self.report_screen)


def test_slash_filters_the_engagements_as_the_player_types(real_game: Record) -> None:
    report = report_for(list(real_game.events()))
    rows = report.aar.engagements
    kills = sum(1 for e in rows if e.result == "kill")
    assert 0 < kills < len(rows)
    screen = AarScreen(report)

    async def drive() -> tuple[str, str, bool]:
        app = _ReportApp(screen)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            before = str(screen._engagements("").caption)
            await pilot.press("slash")
            focused = isinstance(app.focused, Input)
            await pilot.press(*"kill")
            await pilot.pause()
            after = str(screen._engagements(screen.query_one(Input).value).caption)
            return before, after, focused

    before, after, focused = asyncio.run(drive())
    assert focused
    assert before == f"{len(rows)} of {len(rows)} salvos"
    assert after == f"{kills} of {len(rows)} salvos"


def test_the_finished_game_s_report_draws_both_maps_from_its_record(real_game: Record) -> None:
    screen = AarScreen(report_for(list(real_game.events())), record=real_game)

    async def drive() -> str:
        app = _ReportApp(screen)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            return str(screen.query_one("#aar-map", Static).render())

    shown = asyncio.run(drive())
    assert "The engagement as it truly was" in shown and "As the radars saw it" in shown
    assert "✕" in shown  # the ballistic missile that struck Brenna Air Base
    assert "*" in shown  # a kill
