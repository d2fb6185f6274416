"""Pilot tests of the player's time: > and < set the time step, n plays it, the status
bar says why play paused, P chooses the pause conditions, the palette offers each step."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, SelectionList

from tests.tui.conftest import FIRST_CONTACT, SEED, begin, settle
from tests.tui.test_snapshots import quiet
from wargame.campaign import load_campaign
from wargame.play.session import Session
from wargame.tui.screens.pause_rules import PauseRulesScreen
from wargame.tui.widgets.status_bar import StatusBar
from wargame.view.alerts import CONDITIONS, PauseRules, step_words, time_steps


def bar_text(screen: object) -> str:
    bar = screen.query_one(StatusBar)  # type: ignore[attr-defined]
    visual = bar.visual
    return str(getattr(visual, "plain", visual))


async def test_greater_and_less_than_lengthen_and_shorten_the_step(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(campaign=FIRST_CONTACT)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await begin(pilot)
        steps, dt = screen.time_steps, screen.scenario.dt
        assert steps == time_steps(dt) and steps[0] == 1 and len(steps) > 1
        # One turn a press, as the briefing tells it: the bar says nothing of a step.
        assert screen.time_step == 1 and "step" not in bar_text(screen)
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert screen.time_step == steps[1]
        words = step_words(steps[1], dt)
        assert f"step {words}" in bar_text(screen)
        told = f"Time step {words}: n plays up to {steps[1]} turns"
        assert told in "\n".join(screen.status.told)
        await pilot.press(*["greater_than_sign"] * len(steps))
        assert screen.time_step == steps[-1]
        assert "the longest" in screen.status.told[-1]
        await pilot.press(*["less_than_sign"] * len(steps))
        assert screen.time_step == 1
        assert "the shortest" in screen.status.told[-1]
        screen.status.clear_news()
        await pilot.pause()
        limit = screen.scenario.turn_limit
        assert bar_text(screen).startswith(f"Turn 0/{limit} · 0:00:00 · Score")


async def test_the_narrow_status_bar_shows_the_step_short(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(campaign=FIRST_CONTACT)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await begin(pilot)
        await pilot.press(*["greater_than_sign"] * len(screen.time_steps))
        await pilot.pause()
        screen.status.clear_news()
        await pilot.pause()
        limit = screen.scenario.turn_limit
        assert bar_text(screen).startswith(f"T0/{limit} · ▸5m · Score")


async def test_an_end_turn_plays_the_step_and_the_bar_says_why_it_paused(  # type: ignore[no-untyped-def]
    make_app, tmp_path: Path
) -> None:
    # The same game played by the session alone: the end turns until a step of 5 min
    # stops early.
    loaded = load_campaign(FIRST_CONTACT)
    longest = time_steps(loaded.campaign.clock.seconds_per_turn)[-1]
    alone = Session.new(loaded, SEED, tmp_path / "alone")
    presses = 0
    while True:
        expected = alone.play([], longest, PauseRules(), hints=True)
        presses += 1
        if expected.turns < longest:
            break
    assert expected.stopped == "paused" and alone.turn < 40
    app = make_app(campaign=FIRST_CONTACT)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await begin(pilot)
        await pilot.press(*["greater_than_sign"] * len(screen.time_steps))
        assert screen.time_step == longest
        for _ in range(presses):
            await pilot.press("n")
            await settle(pilot)
        assert screen.state.turn == alone.turn
        reason = expected.alerts[0].text
        assert screen.paused.startswith(f"paused: {reason}")
        assert f"Paused: {reason}" in screen.status.told[-1]
        screen.status.clear_news()
        await pilot.pause()
        assert f"paused: {reason}" in bar_text(screen)
        # The next end turn takes it off the bar, news and note, while it plays on.
        await pilot.press("n")
        await settle(pilot)
        assert screen.state.turn > alone.turn
        for _ in range(10):  # on to the next pause, whose news is still on the bar
            if screen.paused:
                break
            await pilot.press("n")
            await settle(pilot)
        news = screen.status.news[-1].text
        assert news.startswith("Paused: ")
        await pilot.press("n")
        assert news not in [n.text for n in screen.status.news]
        assert "paused" not in bar_text(screen)
        await settle(pilot)


async def test_a_step_of_one_turn_is_never_said_to_pause(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(campaign=FIRST_CONTACT)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await begin(pilot)
        for _ in range(6):
            await pilot.press("n")
            await settle(pilot)
        assert screen.state.turn == 6
        assert screen.paused == ""
        assert not any(t.startswith("Paused") for t in screen.status.told)


async def test_with_every_condition_off_the_step_plays_whole(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(campaign=FIRST_CONTACT)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await begin(pilot)
        await pilot.press("P")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PauseRulesScreen)
        listed = dialog.query_one(SelectionList)
        assert listed.selected == list(CONDITIONS)  # all on by default
        await pilot.press("z", "escape")
        await pilot.pause()
        assert app.screen is screen
        assert screen.pause_rules.conditions == frozenset()
        assert "Play pauses on 0 conditions." in screen.status.told[-1]
        await pilot.press("greater_than_sign", "n")
        await settle(pilot)
        assert screen.state.turn == screen.time_steps[1] > 1 and screen.paused == ""
        # Quiet turns: the log ends the step with one line, not one a turn.
        log = "\n".join(strip.text for strip in screen.log_view.lines)
        assert f"end of turn {screen.state.turn} " in log
        assert "end of turn 1 " not in log


async def test_the_pause_dialog_turns_one_condition_off_and_sets_the_count(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(campaign=FIRST_CONTACT)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await begin(pilot)
        await pilot.press("P")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PauseRulesScreen)
        listed = dialog.query_one(SelectionList)
        # Down to "a new hostile track" (the fourth), off; then the count.
        listed.highlighted = CONDITIONS.index("new_track")
        await pilot.press("space")
        await pilot.pause()
        dialog.query_one(Input).value = "2"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert screen.pause_rules == PauseRules(frozenset(CONDITIONS) - {"new_track"}, 2)
        # Opened again, it shows what was chosen.
        await pilot.press("P")
        await pilot.pause()
        again = app.screen
        assert isinstance(again, PauseRulesScreen)
        assert "new_track" not in again.query_one(SelectionList).selected
        assert again.query_one(Input).value == "2"


async def test_a_count_below_one_keeps_the_dialog_open(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(campaign=FIRST_CONTACT)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await begin(pilot)
        await pilot.press("P")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one(Input).value = "0"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is dialog
        assert screen.pause_rules == PauseRules()


async def test_the_palette_offers_each_time_step_and_the_help_lists_the_keys(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(campaign=FIRST_CONTACT)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await begin(pilot)
        titles = [title for title, _, _ in screen.palette_commands()]
        steps, dt = screen.time_steps, screen.scenario.dt
        assert [t for t in titles if t.startswith("Time step")] == [
            f"Time step {step_words(s, dt)}" for s in steps
        ]
        assert "Time step 5 min" in titles
        assert "Weapons tight" in titles  # the orders' entries are still there
        await screen.run_action(f"set_time_step({steps[-1]})")
        assert screen.time_step == steps[-1]
        commands = [c.title for c in app.get_system_commands(screen)]
        assert "Pause conditions" not in commands  # the palette words it by its tooltip
        assert any(c.startswith("What pauses play within a time step") for c in commands)
        assert any(c.startswith("Lengthen the time step") for c in commands)


SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


class TestPauseDialogSnapshot:
    """First Contact before its first turn, the time step lengthened to 5 min (the top
    line says it, short at 80 columns), and the pause conditions open over the map: every
    condition on, the count at 4."""

    @pytest.mark.parametrize("size", SIZES)
    def test_the_pause_conditions_over_a_five_minute_step(  # type: ignore[no-untyped-def]
        self, snap_compare, make_app, size
    ) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            screen = await begin(pilot)
            await pilot.press(*["greater_than_sign"] * len(screen.time_steps))
            await quiet(pilot)
            await pilot.press("P")
            await quiet(pilot)

        app = make_app(campaign=FIRST_CONTACT)
        assert snap_compare(app, terminal_size=size, run_before=run_before)
