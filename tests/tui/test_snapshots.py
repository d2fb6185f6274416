"""Snapshot tests: the screens as pictures at 80x24 and 120x40 (seed 1, cursor blink off).

Each starts from a save played headless to the turn it shows, then presses only
the keys that make the picture. `pytest tests/tui --snapshot-update` rewrites them
after a change that is meant; look at the report it writes before accepting.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.tui.conftest import FIRST_CONTACT, SEED, settle
from wargame.campaign import load_campaign
from wargame.record import Recorder, write_save

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


def saved_game(folder: Path, turns: int) -> Path:
    """First Contact, seed 1, played with no orders for `turns` turns (or to its end)."""
    recorder = Recorder.new(load_campaign(FIRST_CONTACT), SEED)
    for _ in range(turns):
        if recorder.game.over:
            break
        recorder.step([])
    save = folder / f"turn-{turns}.json"
    write_save(recorder.record, save)
    return save


async def quiet(pilot: Pilot[None]) -> None:
    """No toasts in the picture: they time out, so a snapshot would depend on timing."""
    await settle(pilot)
    pilot.app.clear_notifications()
    await pilot.pause()


class TestTacticalScreen:
    """Turn 12 of first-contact (30 s turns): four fighters tracked since turn 11, FU
    Alpha's salvos on their way (drawn with their lines to the intercept points), FU Alpha
    selected, range rings on, the log of the launches."""

    @pytest.mark.parametrize("size", SIZES)
    def test_tactical_screen_in_the_first_engagement(
        self, snap_compare, make_app, tmp_path: Path, size
    ) -> None:
        save = saved_game(tmp_path, 12)

        async def run_before(pilot: Pilot[None]) -> None:
            await settle(pilot)
            await pilot.press("o", "t")
            await quiet(pilot)

        assert snap_compare(make_app(load=save), terminal_size=size, run_before=run_before)


class TestAarScreen:
    """The report at the end of first-contact played with no orders: score, charts by turn."""

    @pytest.mark.parametrize("size", SIZES)
    def test_aar_screen_at_the_end_of_the_game(
        self, snap_compare, make_app, tmp_path: Path, size
    ) -> None:
        save = saved_game(tmp_path, 80)  # the turn limit: seed 1 spends its raids at 75

        async def run_before(pilot: Pilot[None]) -> None:
            await settle(pilot)
            await pilot.press("a")
            await quiet(pilot)

        assert snap_compare(make_app(load=save), terminal_size=size, run_before=run_before)


class TestReplayScreen:
    """A save replayed at turn 29: the ARMs after FU Alpha, the turn's events in full."""

    @pytest.mark.parametrize("size", SIZES)
    def test_replay_screen_at_turn_29(self, snap_compare, make_app, tmp_path: Path, size) -> None:
        save = saved_game(tmp_path, 39)

        async def run_before(pilot: Pilot[None]) -> None:
            await settle(pilot)
            await pilot.press("j")
            await pilot.pause()
            await pilot.press("2", "9", "enter")
            await quiet(pilot)

        assert snap_compare(make_app(replay=save), terminal_size=size, run_before=run_before)


class TestSmallWindow:
    """At 40x12 a notice takes the whole screen: the size needed, and how to quit."""

    def test_a_window_under_80x20_shows_the_notice(
        self, snap_compare, make_app, tmp_path: Path
    ) -> None:
        save = saved_game(tmp_path, 9)
        assert snap_compare(make_app(load=save), terminal_size=(40, 12), run_before=quiet)


class TestEventLogStory:
    """Turn 31 of first-contact with the log tall (l): each salvo fired on one line, each
    arriving on one (a round that found its target gone folded in), the ARMs shot down."""

    @pytest.mark.parametrize("size", SIZES)
    def test_the_log_reads_as_a_story(self, snap_compare, make_app, tmp_path: Path, size) -> None:
        save = saved_game(tmp_path, 31)

        async def run_before(pilot: Pilot[None]) -> None:
            await settle(pilot)
            await pilot.press("l")
            await quiet(pilot)

        assert snap_compare(make_app(load=save), terminal_size=size, run_before=run_before)
