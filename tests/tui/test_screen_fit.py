"""Small windows, the news on the status bar, and the event log's filters and wrapping."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from textual.widgets import Static

from tests.tui.conftest import FIRST_CONTACT, begin, end_turns, settle
from tests.tui.test_snapshots import saved_game
from wargame.engine.events import OrderRefused
from wargame.tui.screens.help import HelpScreen
from wargame.tui.widgets.event_log import EventLog
from wargame.tui.widgets.side_panel import TrackTable
from wargame.tui.widgets.status_bar import StatusBar


def plain(widget: Static) -> str:
    return str(widget.render())


def log_text(log: EventLog) -> list[str]:
    return [strip.text.rstrip() for strip in log.lines]


class TestSmallWindow:
    async def test_under_80x20_a_notice_replaces_the_picture_and_leaves_with_the_resize(
        self, make_app
    ) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(40, 12)) as pilot:
            screen = await begin(pilot)
            notice = screen.query_one("#too-small", Static)
            assert notice.display and "40×12: too small" in plain(notice)
            assert not screen.status.display and not screen.pane.display
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            assert not notice.display and screen.pane.display and screen.status.display
            # The keys work under the notice as above it: the turn ends.
            await pilot.resize_terminal(60, 20)
            await pilot.pause()
            await end_turns(pilot, screen, 1)
            assert screen.state.turn == 1 and notice.display


class TestNews:
    async def test_quick_orders_merge_into_one_line_of_the_status_bar_and_no_toast(
        self, make_app
    ) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            screen = await begin(pilot)
            await pilot.press("w", "d", "s")
            await pilot.pause()
            bar = screen.query_one(StatusBar)
            assert len(bar.news) == 3
            # The newest, and how many more came with it.
            assert "│ +2 FU Alpha: salvo of 1 round from next turn." in plain(bar)
            assert not app.screen.query("Toast")
            app.clear_notifications()
            await pilot.pause()
            assert "│ +2" not in plain(bar) and "3 orders for next turn" in plain(bar)


class TestEventLog:
    async def test_the_kill_filter_keeps_only_kills_and_1_shows_every_line_again(
        self, make_app, tmp_path: Path
    ) -> None:
        # FU Alpha shoots down the strike package's fighters from turn 18 (on 30 s turns).
        app = make_app(load=saved_game(tmp_path, 23))
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            log = app.screen.query_one(EventLog)
            every = log_text(log)
            await pilot.press("2")
            await pilot.pause()
            kills = log_text(log)
            assert kills and all(" destroyed by " in line for line in kills)
            assert len(kills) == sum(" destroyed by " in line for line in every)
            assert log.border_title == "Events: kills only (1 shows all)"
            await pilot.press("1")
            await pilot.pause()
            assert log_text(log) == every and log.border_title == "Events"

    async def test_the_log_wraps_its_lines_again_when_the_window_narrows(
        self, make_app, tmp_path: Path
    ) -> None:
        app = make_app(load=saved_game(tmp_path, 12))
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            log = app.screen.query_one(EventLog)
            reason = "the unit is relocating until turn 19, and cannot take this order now"
            log.add_events(
                [OrderRefused(turn=12, unit="FU Alpha", order="emission off", reason=reason)]
            )
            await pilot.pause()
            wide = log_text(log)
            assert wide[-1].startswith("T12 FU Alpha: 'emission off' refused")  # one line
            await pilot.resize_terminal(80, 24)
            await settle(pilot)
            narrow = log_text(log)
            # The text is 75 columns wide at 80: the long line takes two now, none is cut.
            assert all(len(line) <= 75 for line in narrow)
            assert len(narrow) == len(wide) + 1


class TestHelpTitle:
    async def test_the_pickers_help_names_the_screen_in_words(self, make_app) -> None:
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            title = plain(app.screen.query_one("#help-title", Static))
            assert title.startswith("Help: Choosing a campaign")


class TestTrackTable:
    """The track table at the two panel widths: 35 columns at 80x24, 50 at 120x40."""

    @pytest.mark.parametrize("size", [(80, 24), (120, 40)])
    async def test_the_columns_shown_fit_the_panel_and_keep_the_heading(
        self, make_app, tmp_path: Path, size: tuple[int, int]
    ) -> None:
        # Turn 60: the ten tracks of the saturation salvo, most of them with a class
        # confidence beside "CM", FU Alpha's salvos on their way to several; and the
        # radars' tentative false tracks of the turn, listed as tentative.
        app = make_app(load=saved_game(tmp_path, 60))
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            table = app.screen.query_one(TrackTable)
            st = app.screen.state
            held = st.track_id >= 0
            assert np.count_nonzero(held & st.track_confirmed) == 10
            assert table.row_count == np.count_nonzero(held) > 10
            columns = list(table.columns.values())
            labels = [str(column.label).strip() for column in columns]
            used = sum(column.get_render_width(table) for column in columns)
            assert used <= table.scrollable_content_region.width  # nothing scrolled off
            assert max(table.virtual_size.width, used) <= table.scrollable_content_region.width
            narrow = size[0] < 120
            expected = TrackTable.NARROW_COLUMNS if narrow else TrackTable.COLUMNS
            assert tuple(labels) == expected
            assert any("%" in str(table.get_row_at(i)[1]) for i in range(10))
            # Where the selected track heads, and when, whole on the border.
            subtitle = str(table.border_subtitle)
            assert "? " in subtitle and len(subtitle) <= table.size.width - 4
            if not narrow:
                # What a salvo needs ("Alpha×2") is whole in what the other columns leave.
                by = [str(table.get_row_at(i)[-1]).strip() for i in range(10)]
                assert "Alpha×2" in by and not any(cell.endswith("…") for cell in by)
