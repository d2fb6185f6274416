"""The plan screen: standing orders listed, added, changed and ended from the tactical
screen (p), each change waiting for the next turn like any order."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from tests.tui.conftest import FIRST_CONTACT, SEED, begin, settle
from wargame.campaign import load_campaign
from wargame.engine import Order, StandingOrder
from wargame.record import Recorder, write_save
from wargame.tui.screens.plan import PlanScreen, StandingForm
from wargame.tui.screens.tactical import TacticalScreen

EMCON = StandingOrder("emcon", units=("FU Alpha",), range_km=60.0, turns=3)


def saved_with_plan(folder: Path, turns: int) -> Path:
    """First Contact, seed 1, with one emcon order given on turn 1, played `turns` turns."""
    recorder = Recorder.new(load_campaign(FIRST_CONTACT), SEED)
    for turn in range(1, turns + 1):
        recorder.step([Order.standing(EMCON)] if turn == 1 else [])
    save = folder / "planned.json"
    write_save(recorder.record, save)
    return save


async def fill(pilot: Pilot[None], **values: str) -> None:
    for name, value in values.items():
        pilot.app.screen.query_one(f"#plan-{name}", Input).value = value
    await pilot.pause()


def listed(pilot: Pilot[None]) -> list[str]:
    options = pilot.app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


class TestPlanScreen:
    async def test_an_order_added_in_the_form_waits_for_the_next_turn_then_acts(
        self, make_app
    ) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(80, 24)) as pilot:
            tactical = await begin(pilot)
            await pilot.press("p")
            await pilot.pause()
            assert listed(pilot) == ["No standing orders: a adds one."]
            await pilot.press("a")
            await pilot.pause()
            assert isinstance(app.screen, StandingForm)
            await fill(pilot, units="FU Alpha", range_km="60", turns="3")
            await pilot.press("tab", "tab", "enter")  # from the turns box: give it
            await pilot.pause()
            assert isinstance(app.screen, PlanScreen)
            assert listed(pilot) == [
                "emcon: silent 3 turns if an ARM heads for it within 60 km (FU Alpha; from turn 1)"
                " · in force"
            ]
            await pilot.press("escape", "n")
            await settle(pilot)
            assert tactical.session.recorder.game.standing.rules == [EMCON]
            assert tactical.session.record.standing() == [EMCON]

    async def test_a_mistake_in_the_form_is_named_and_gives_no_order(self, make_app) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(80, 24)) as pilot:
            tactical = await begin(pilot)
            await pilot.press("p", "a")
            await pilot.pause()
            await fill(pilot, units="FU Alpa", turns="3", range_km="40")
            app.screen.query_one("#plan-turns", Input).focus()
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, StandingForm)
            shown = [n.message for n in app._notifications]
            assert shown == ["units[0]: unknown unit 'FU Alpa' (did you mean 'FU Alpha'?)"]
            assert not tactical.session.pending

    async def test_ending_an_order_in_force_gives_it_this_turn_as_its_last(
        self, make_app, tmp_path: Path
    ) -> None:
        app = make_app(load=saved_with_plan(tmp_path, 2))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            tactical = app.screen
            assert isinstance(tactical, TacticalScreen)
            await pilot.press("p")
            await pilot.pause()
            assert listed(pilot)[0].endswith("· in force")
            await pilot.press("d")
            await pilot.pause()
            assert listed(pilot)[0].endswith("(FU Alpha; turns 1 to 2) · ended after turn 2")
            (waiting,) = tactical.session.pending_orders()
            assert (waiting.turn, waiting.rule) == (
                3,
                StandingOrder(**{**_fields(EMCON), "until_turn": 2}),
            )

    async def test_changing_an_order_ends_the_old_one_and_gives_the_new_from_next_turn(
        self, make_app, tmp_path: Path
    ) -> None:
        app = make_app(load=saved_with_plan(tmp_path, 2))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("p", "enter")
            await pilot.pause()
            assert isinstance(app.screen, StandingForm)
            assert app.screen.query_one("#plan-range_km", Input).value == "60"
            await fill(pilot, turns="5")
            await pilot.click("#plan-give")
            await pilot.pause()
            assert [line.rsplit(" · ", 1)[1] for line in listed(pilot)] == [
                "ended after turn 2",
                "in force",
            ]
            assert "silent 5 turns" in listed(pilot)[1] and "from turn 3" in listed(pilot)[1]


def _fields(rule: StandingOrder) -> dict[str, object]:
    return {name: getattr(rule, name) for name in rule.__slots__}


SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


class TestPlanSnapshot:
    """Turn 2 of First Contact with an emcon order for FU Alpha in force: the plan lists it."""

    @pytest.mark.parametrize("size", SIZES)
    def test_plan_screen_with_an_order_in_force(
        self, snap_compare, make_app, tmp_path: Path, size
    ) -> None:
        save = saved_with_plan(tmp_path, 2)

        async def run_before(pilot: Pilot[None]) -> None:
            await settle(pilot)
            await pilot.press("p")
            await settle(pilot)
            pilot.app.clear_notifications()
            await pilot.pause()

        assert snap_compare(make_app(load=save), terminal_size=size, run_before=run_before)


async def test_a_weapon_order_for_any_missile_is_given_with_no_missile(make_app) -> None:  # type: ignore[no-untyped-def]
    """The missile left at "any missile" (the default) is a salvo rule for every type."""
    from textual.widgets import Select

    app = make_app(campaign=FIRST_CONTACT)
    async with app.run_test(size=(120, 40)) as pilot:
        await begin(pilot)
        await pilot.press("p", "a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, StandingForm)
        form.query_one("#plan-kind", Select).value = "weapon"
        await pilot.pause()
        assert form.query_one("#plan-missile", Select).is_blank()
        form.query_one("#plan-salvo", Input).value = "1"
        fields = form.fields()
        assert fields == {"kind": "weapon", "threat_class": "drone", "salvo": 1}
        form._submit()
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert listed(pilot)[0].startswith("weapon: at drone")
