"""Snapshot tests: the screens as pictures at 80x24 and 120x40 (seed 1, cursor blink off).

`pytest tests/tui --snapshot-update` rewrites them after a change that is meant;
look at the report it writes before accepting.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.tui.conftest import FIRST_CONTACT, SEED, begin, end_turns, settle
from wargame.campaign import load_campaign
from wargame.record import Recorder, write_save
from wargame.tui.screens.tactical import TacticalScreen

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


async def quiet(pilot: Pilot[None]) -> None:
    """No toasts in the picture: they time out, so a snapshot would depend on timing."""
    await settle(pilot)
    pilot.app.clear_notifications()
    await pilot.pause()


class TestTacticalScreen:
    """Turn 9 of first-contact: four fighters tracked, FU Alpha's salvos on their way (drawn
    with their lines to the intercept points), FU Alpha selected, range rings on, the log
    of the turn."""

    @pytest.mark.parametrize("size", SIZES)
    def test_tactical_screen_in_the_first_engagement(self, snap_compare, make_app, size) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            screen = await begin(pilot)
            await end_turns(pilot, screen, 9)
            await pilot.press("o", "t")
            await quiet(pilot)

        assert snap_compare(
            make_app(campaign=FIRST_CONTACT), terminal_size=size, run_before=run_before
        )


class TestAarScreen:
    """The report at the end of first-contact played with no orders: score, charts by turn."""

    @pytest.mark.parametrize("size", SIZES)
    def test_aar_screen_at_the_end_of_the_game(self, snap_compare, make_app, size) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            screen = await begin(pilot)
            assert isinstance(screen, TacticalScreen)
            await end_turns(pilot, screen, 60)
            await pilot.press("a")
            await quiet(pilot)

        assert snap_compare(
            make_app(campaign=FIRST_CONTACT), terminal_size=size, run_before=run_before
        )


class TestReplayScreen:
    """A save replayed at turn 15: the ARMs after FU Alpha, the turn's events in full."""

    @pytest.mark.parametrize("size", SIZES)
    def test_replay_screen_at_turn_15(self, snap_compare, make_app, tmp_path: Path, size) -> None:
        recorder = Recorder.new(load_campaign(FIRST_CONTACT), SEED)
        for _ in range(20):
            recorder.step([])
        save = tmp_path / "replay.json"
        write_save(recorder.record, save)

        async def run_before(pilot: Pilot[None]) -> None:
            await settle(pilot)
            await pilot.press("j")
            await pilot.pause()
            await pilot.press("1", "5", "enter")
            await quiet(pilot)

        assert snap_compare(make_app(replay=save), terminal_size=size, run_before=run_before)
