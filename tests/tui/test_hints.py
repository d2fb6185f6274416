"""The hint panel, its keys, and "advance to the next contact", driven headless.

First Contact is a tutorial: its hints show from the start, above the event log.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from tests.tui.conftest import FIRST_CONTACT, begin, settle
from wargame.engine.events import TrackInitiated
from wargame.engine.state import NEVER
from wargame.tui.screens.help import HelpScreen
from wargame.tui.widgets.hint_panel import HintPanel

WELCOME = "Press n to end a turn (> makes n play longer), N to skip quiet turns"


def panel(pilot: Pilot[None]) -> HintPanel:
    return pilot.app.screen.query_one(HintPanel)


class TestHintPanel:
    async def test_the_tutorial_shows_its_first_prompt_from_the_start(self, make_app) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            await begin(pilot)
            hints = panel(pilot)
            assert hints.display
            assert WELCOME in str(hints.render())

    async def test_h_hides_the_hints_and_shows_them_again(self, make_app) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            await begin(pilot)
            await pilot.press("h")
            assert not panel(pilot).display
            await pilot.press("h")
            assert panel(pilot).display

    async def test_shift_h_dismisses_the_hint_for_good(self, make_app) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)
            await pilot.press("H")
            assert not panel(pilot).display
            await pilot.press("n")
            await settle(pilot)
            assert screen.state.turn == 1
            assert not panel(pilot).display  # turn 1's hint stays dismissed on turn 2

    async def test_help_lists_the_hint_and_skip_keys(self, make_app) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            await begin(pilot)
            await pilot.press("question_mark")
            await pilot.pause()
            help_screen = pilot.app.screen
            assert isinstance(help_screen, HelpScreen)
            keys = {row.keys for row in help_screen.rows}
            assert {"N", "h", "H"} <= keys


class TestNextContact:
    async def test_shift_n_ends_turns_until_the_first_track_and_no_further(self, make_app) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)
            await pilot.press("N")
            await settle(pilot)
            events = screen.session.events()
            st = screen.state
            # It stops on the turn of the first confirmed track: the tentative tracks of
            # the radars' false alarms before it were no news.
            confirmed_on = st.track_confirmed_turn[st.track_confirmed_turn != NEVER]
            assert st.tracks_confirmed > 0 and (confirmed_on == st.turn).all()
            assert min(e.turn for e in events if isinstance(e, TrackInitiated)) < st.turn
            # ... where the tutorial's prompt for a first track is waiting.
            assert "select it with t" in str(panel(pilot).render())

    async def test_the_skip_stops_after_its_cap_on_quiet_turns(self, make_app) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)
            result = screen.session.advance_to_contact([], cap=2, hints=False)
            assert screen.session.turn == 2
            assert {e.turn for e in result.events} == {1, 2}


class TestTutorialPicture:
    """The tutorial's first prompt, as a new player sees it at 80x24."""

    @pytest.mark.parametrize("size", [(80, 24)])
    def test_the_first_prompt_of_the_tutorial(self, snap_compare, make_app, size) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            await begin(pilot)
            await settle(pilot)
            pilot.app.clear_notifications()
            await pilot.pause()

        app = make_app(campaign=FIRST_CONTACT)
        assert snap_compare(app, terminal_size=size, run_before=run_before)


async def test_dismissing_the_newest_hint_does_not_bring_back_earlier_ones(make_app) -> None:  # type: ignore[no-untyped-def]
    from wargame.view.hints import DueHint

    app = make_app(campaign=FIRST_CONTACT)
    async with app.run_test(size=(120, 40)) as pilot:
        await begin(pilot)
        hints = panel(pilot)
        hints.hints = [DueHint(2, "newest", 5, None), DueHint(0, "older", 1, None)]
        assert hints.command("dismiss") == "2 hints dismissed."
        assert hints.dismissed >= {0, 2}
        assert hints.command("dismiss") == "No hint to dismiss."
