"""Pilot tests: the app played headless with the keys a player presses."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Input, OptionList, Select, Static

from tests.tui.conftest import (
    FIRST_CONTACT,
    SEED,
    begin,
    end_turns,
    settle,
    until_firm_track,
    until_tracks,
)
from wargame.campaign import load_campaign
from wargame.engine import Game
from wargame.engine.events import MissileLaunched, OrderRefused, RelocationStarted
from wargame.engine.fire_control import manual_shots, salvo_size
from wargame.engine.game import turn_ahead
from wargame.engine.state import ACTIVE
from wargame.record import Recorder, read_save, write_save
from wargame.tui.screens.aar import AarScreen
from wargame.tui.screens.briefing import BriefingScreen
from wargame.tui.screens.confirm import ConfirmScreen
from wargame.tui.screens.engage import EngageScreen
from wargame.tui.screens.help import HelpScreen
from wargame.tui.screens.load_save import LoadSaveScreen
from wargame.tui.screens.picker import CampaignPickerScreen
from wargame.tui.screens.replay import ReplayScreen
from wargame.tui.screens.reserve import ReserveScreen
from wargame.tui.screens.save_as import SaveAsScreen
from wargame.tui.screens.tactical import TacticalScreen
from wargame.tui.widgets.event_log import EventLog
from wargame.tui.widgets.map_view import MapView
from wargame.tui.widgets.side_panel import TrackTable
from wargame.tui.widgets.status_bar import StatusBar
from wargame.view.blue import track_slot
from wargame.view.map_canvas import Ink
from wargame.view.map_frame import draw_frame
from wargame.view.words import short_missile


def plain(widget: Static) -> str:
    visual = widget.visual
    return str(getattr(visual, "plain", visual))


def prompt_text(options: OptionList, index: int) -> str:
    return Content.from_markup(str(options.get_option_at_index(index).prompt)).plain


def log_text(screen: TacticalScreen | ReplayScreen) -> str:
    return "\n".join(strip.text for strip in screen.query_one("#log").lines)  # type: ignore[attr-defined]


def notices(app: object) -> str:
    """Every piece of news: toasts (dialogs) and the status bars' news (picture screens)."""
    toasts = [str(n.message) for n in app._notifications]  # type: ignore[attr-defined]
    news = [
        text for screen in app.screen_stack for bar in screen.query(StatusBar) for text in bar.told
    ]  # type: ignore[attr-defined]
    return "\n".join(toasts + news)


def _km_at(view: MapView, col: int, row: int) -> tuple[float, float]:
    geo = view._geometry_now()
    assert geo is not None
    return geo.km(col, row)


async def _reserve_dialog(pilot) -> tuple[TacticalScreen, ReserveScreen]:  # type: ignore[no-untyped-def]
    """Into the game, and `r` on the first unit: the game's screen and the dialog."""
    screen = await begin(pilot)
    await pilot.press("r")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, ReserveScreen)
    return screen, dialog


class TestAWholeGame:
    async def test_first_contact_is_played_to_the_end_with_keys_only(
        self, make_app, tmp_path: Path
    ) -> None:
        """Picker, briefing, the longest time step, then n until the game ends; one more n
        opens the report."""
        headless = Game.new(load_campaign(FIRST_CONTACT), SEED)
        while not headless.over:
            headless.step([])
        assert headless.outcome is not None
        # Seed 1 spends its raids at turn 75 of the 80 allowed. Each n plays at least one
        # turn (a pause stops a step after the turn of its news), so 80 presses end the
        # game at worst; the time step makes it far fewer.
        assert headless.state.turn == 75 and headless.scenario.turn_limit == 80
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, CampaignPickerScreen)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, BriefingScreen)
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("greater_than_sign", "greater_than_sign")  # 5 min: 10 turns
            presses = 0
            while presses <= 80 and not isinstance(app.screen, AarScreen):
                await pilot.press("n")
                await settle(pilot)
                presses += 1
            assert isinstance(app.screen, AarScreen)
            assert presses < 75  # the step played several turns at some presses
            report = app.screen.report
            assert not report.interim
            assert report.aar.score.total == headless.outcome.score.total
            assert report.aar.score.result == headless.outcome.result
            assert (tmp_path / "saves" / f"autosave-first-contact-seed{SEED}.json").is_file()
            # More keys on the report open no second one; escape goes back to the map.
            await pilot.press("n", "n")
            await settle(pilot)
            assert sum(isinstance(s, AarScreen) for s in app.screen_stack) == 1
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, TacticalScreen)


class TestOrders:
    async def test_emission_is_switched_off_and_on_by_a_key(self, make_app) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)
            alpha = screen.scenario.r_name.index("FU Alpha")
            assert screen.pane.selected_unit == alpha
            await pilot.press("e")
            assert "emission off" in plain(screen.pane.unit_panel)
            await end_turns(pilot, screen, 1)
            assert not screen.state.emitting[alpha]
            assert "SILENT" in plain(screen.pane.unit_panel)
            assert "FU Alpha: emission off" in log_text(screen)
            await pilot.press("e")
            assert "emission on" in plain(screen.pane.unit_panel)
            await pilot.press("e")  # back to silent: no order at all
            assert screen.session.pending == {}
            await pilot.press("e")
            await end_turns(pilot, screen, 1)
            assert screen.state.emitting[alpha]

    async def test_silencing_a_unit_with_missiles_in_flight_warns_of_them(self, make_app) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)
            alpha = screen.scenario.f_name.index("FU Alpha")
            for _ in range(20):
                if any(s.fire_unit == alpha for s in screen.state.shots):
                    break
                await end_turns(pilot, screen, 1)
            flying = sum(1 for s in screen.state.shots if s.fire_unit == alpha)
            assert flying
            await pilot.press("e")
            await pilot.pause()
            rounds, they = ("rounds", "they arrive") if flying > 1 else ("round", "it arrives")
            assert (
                f"FU Alpha: {flying} {rounds} in flight will lose guidance and miss, unless it "
                f"emits again before {they}." in notices(app)
            )

    async def test_a_reserve_is_chosen_top_to_bottom_and_given_from_the_rounds_box(
        self, make_app
    ) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen, dialog = await _reserve_dialog(pilot)
            # Enter opens the missile types (no order yet); the second one is picked.
            await pilot.press("enter", "down", "enter")
            await pilot.pause()
            assert app.screen is dialog and screen.session.pending == {}
            assert dialog.query_one("#reserve-missile", Select).value == "48N6-class"
            # The rounds box: what is typed replaces the 2 offered.
            await pilot.press("tab", "4", "enter")
            await pilot.pause()
            assert isinstance(app.screen, TacticalScreen)
            (order,) = screen.session.pending.values()
            assert (order.unit, order.missile, order.count, order.threat_class) == (
                "FU Alpha",
                "48N6-class",
                4,
                "ballistic_missile",
            )

    async def test_a_reserve_of_more_rounds_than_the_unit_has_is_not_given(self, make_app) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen, dialog = await _reserve_dialog(pilot)
            # The first type, 40N6: FU Alpha has 8, all ready.
            assert dialog.query_one("#reserve-missile", Select).value == "40N6-class"
            await pilot.press("tab", "9", "enter")
            await pilot.pause()
            assert app.screen is dialog and screen.session.pending == {}
            assert "Rounds: FU Alpha has 8 40N6-class in all." in notices(app)

    async def test_a_manual_engagement_shows_its_expected_kill_probability(self, make_app) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)
            await until_firm_track(pilot, screen)
            track = screen.pane.selected_track
            assert track > 0
            await pilot.press("f")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, EngageScreen)
            shooters = dialog.query_one("#shooters", OptionList)
            index = shooters.highlighted
            assert index is not None
            shot = dialog.shots[index]
            assert shot.possible, shot.reason
            # The figure shown is the engine's own: best missile, pk at the intercept point,
            # salvo; judged on the next turn as foreseen, when the order is carried out.
            sc, st = screen.scenario, screen.state
            slot = track_slot(st, track)
            ahead = turn_ahead(sc, st, list(screen.session.pending.values()))
            answer = manual_shots(sc, ahead, slot, unit=shot.fire_unit)[0]
            pk, salvo = answer.pk, answer.salvo
            assert salvo == int(salvo_size(sc, st, shot.fire_unit, sc.t_apparent_class[[slot]])[0])
            prompt = prompt_text(shooters, index)
            assert f"Pk {pk:.2f} × {salvo} → {1 - (1 - pk) ** salvo:.2f}" in prompt
            # Its price, per round and for the salvo, follows the salvo set with 1-4.
            cost = float(sc.m_cost[sc.m_name.index(shot.missile)])
            note = plain(dialog.query_one("#engage-note", Static))
            assert f"({cost:g} M$ a round, {salvo * cost:g} M$ the salvo)" in note
            await pilot.press("3")
            await pilot.pause()
            # The engine is asked again: three rounds, as many as the unit has ready.
            three = manual_shots(sc, ahead, slot, unit=shot.fire_unit, salvo=3)[0].salvo
            assert three == min(3, int(st.ready[shot.fire_unit, sc.m_name.index(shot.missile)]))
            prompt = prompt_text(shooters, index)
            assert f"Pk {pk:.2f} × {three} → {1 - (1 - pk) ** three:.2f}" in prompt
            note = plain(dialog.query_one("#engage-note", Static))
            assert f"({cost:g} M$ a round, {three * cost:g} M$ the salvo)" in note
            await pilot.press("enter")
            await pilot.pause()
            assert f"expected Pk {1 - (1 - pk) ** three:.2f}" in notices(app)
            assert isinstance(app.screen, TacticalScreen)
            unit = sc.f_name[shot.fire_unit]
            assert any(
                o.action == "engage" and o.track == track for o in screen.session.pending_for(unit)
            )
            await end_turns(pilot, screen, 1)
            last = screen.session.record.turns[-1].events
            assert f"{unit}: engage track {track}" in log_text(screen)
            assert any(
                isinstance(e, MissileLaunched) and e.track == track and e.fire_unit == unit
                for e in last
            )

    async def test_another_missile_type_can_be_chosen_and_is_fired(self, make_app) -> None:
        """Below each unit's shot, its other loaded types that can engage: choosing one sends
        an order naming it, and that type is fired."""
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)
            await until_firm_track(pilot, screen)
            track = screen.pane.selected_track
            await pilot.press("f")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, EngageScreen)
            others = [i for i, s in enumerate(dialog.shots) if s.alternative]
            assert others, [(s.fire_unit, s.missile, s.reason) for s in dialog.shots]
            index = others[0]
            shot = dialog.shots[index]
            main = next(s for s in dialog.shots if s.fire_unit == shot.fire_unit)
            assert shot.possible and shot.missile != main.missile
            # Each alternative follows its unit's own row.
            assert dialog.shots.index(main) < index
            assert all(
                s.fire_unit == shot.fire_unit
                for s in dialog.shots[dialog.shots.index(main) : index + 1]
            )
            shooters = dialog.query_one("#shooters", OptionList)
            shooters.highlighted = index
            await pilot.pause()
            assert short_missile(shot.missile) in prompt_text(shooters, index)
            await pilot.press("enter")
            await pilot.pause()
            unit = screen.scenario.f_name[shot.fire_unit]
            (order,) = [o for o in screen.session.pending_for(unit) if o.action == "engage"]
            assert order.missile == shot.missile and order.track == track
            await end_turns(pilot, screen, 1)
            assert any(
                isinstance(e, MissileLaunched)
                and e.track == track
                and e.fire_unit == unit
                and e.missile == shot.missile
                for e in screen.session.record.turns[-1].events
            )

    async def test_a_refused_order_shows_its_reason(self, make_app) -> None:
        """Emission on while relocating: the engine refuses it, and the screen says why."""
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)
            await pilot.press("m")
            assert screen.pane.map.picking
            await pilot.press("left", "left", "left", "enter")
            await pilot.pause()
            assert [o.action for o in screen.session.pending_for("FU Alpha")] == ["relocate"]
            await end_turns(pilot, screen, 1)
            started = [
                e
                for e in screen.session.record.turns[-1].events
                if isinstance(e, RelocationStarted)
            ]
            assert started and started[0].unit == "FU Alpha"
            await pilot.press("e")
            await end_turns(pilot, screen, 1)
            refused = [
                e for e in screen.session.record.turns[-1].events if isinstance(e, OrderRefused)
            ]
            assert refused and refused[0].reason.startswith("the unit is relocating until turn")
            assert f"refused: {refused[0].reason}" in log_text(screen)
            assert refused[0].reason in notices(app)

    async def test_zooming_while_picking_a_site_keeps_it_in_view(self, make_app) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)
            view = screen.pane.map
            view.reset_view()  # the whole map, centred on its middle, not on FU Alpha
            await pilot.press("m")
            await pilot.pause()
            # On its own site: no move. A few km off: FU Alpha's engagement radar stows in
            # 3 min and sets up in 5, 8 min or 16 turns of 30 s, and the march on top.
            assert view.picking and any("here: no move" in line for line in view.plain_lines())
            await pilot.press("left", "left")
            await pilot.pause()
            out = [re.search(r"(\d+) km: (\d+) turns out", line) for line in view.plain_lines()]
            assert any(m is not None and int(m.group(2)) >= 16 for m in out)
            await pilot.press("plus", "plus", "plus")
            await pilot.pause()
            assert view.view is not None and view.overlay.pick is not None
            assert (view.view.cx, view.view.cy) == view.overlay.pick
            await pilot.press("left", "g")
            await pilot.pause()
            assert (view.view.cx, view.view.cy) == view.overlay.pick
            await pilot.press("escape")

    @pytest.mark.parametrize("when", ["carried out", "still to be carried out"])
    async def test_the_engage_dialog_says_why_a_unit_cannot_fire(self, make_app, when) -> None:
        # FU Alpha's radar is ordered off, before the tracks come or just now: either way
        # it will be off when the shot would be planned (the end of the next turn).
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)
            if when == "carried out":
                await pilot.press("e")
            await until_tracks(pilot, screen)
            if when != "carried out":
                await pilot.press("e")
                await pilot.pause()
            await pilot.press("f")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, EngageScreen)
            alpha = next(s for s in dialog.shots if s.fire_unit == 0)
            assert alpha.reason == "the fire unit's radar is silent: engaging needs it emitting"
            prompts = [
                prompt_text(dialog.query_one("#shooters", OptionList), i)
                for i in range(len(dialog.shots))
            ]
            assert any(alpha.reason in p for p in prompts)
            await pilot.press("escape")

    async def test_settings_cycle_and_the_palette_gives_each_by_name(self, make_app) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)
            await pilot.press("w", "d", "s")
            texts = sorted(o.text() for o in screen.session.pending_for("FU Alpha"))
            assert texts == ["doctrine ss", "salvo 1", "weapons hold"]
            await pilot.press("x")
            assert screen.session.pending == {}
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*"Weapons tight")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert [o.text() for o in screen.session.pending_for("FU Alpha")] == ["weapons tight"]

    async def test_a_radar_has_no_weapons(self, make_app) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)
            await pilot.press("U")  # back from FU Alpha to Big Bird, the acquisition radar
            assert screen.scenario.r_name[screen.pane.selected_unit] == "Big Bird"
            await pilot.press("w")
            assert screen.session.pending == {}
            assert "Big Bird is a radar" in notices(app)


class TestFaults:
    async def test_an_engine_fault_stops_the_game_but_not_the_app(self, make_app) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)

            def broken(orders: object) -> None:
                raise RuntimeError("boom")

            screen.session.step = broken  # type: ignore[method-assign,assignment]
            await pilot.press("n")
            await settle(pilot)
            assert screen.failure == "RuntimeError: boom"
            assert "The turn could not be resolved: RuntimeError: boom" in notices(app)
            await pilot.press("e")
            assert screen.session.pending == {}
            assert app.screen is screen and app.return_code is None


class TestThePicture:
    async def test_an_undetected_threat_is_not_drawn(self, make_app) -> None:
        """The probe is in the air from turn 1, low, beyond the horizon: nothing shows."""
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)
            await end_turns(pilot, screen, 1)
            st = screen.state
            hidden = np.flatnonzero((st.status == ACTIVE) & (st.track_id < 0))
            assert hidden.size == 3
            view = screen.pane.map
            assert view.view is not None
            # The only tracks are the radars' false alarms, in phantom slots: drawn without
            # them, the map shows nothing of the probe.
            sc = screen.scenario
            assert np.isin(np.flatnonzero(st.track_id >= 0), sc.false_slots).all()
            assert screen.pane.tracks.row_count == np.count_nonzero(st.track_id >= 0)
            st = st.copy()
            st.track_id[sc.false_slots] = -1
            canvas, _, marks = draw_frame(sc, st, *view.size, view.view, view.overlay)
            track_inks = [Ink.TRACK, Ink.TRACK_ARM, Ink.HEADING, Ink.TRACK_LABEL]
            assert not np.isin(canvas.ink, track_inks).any()
            for j in hidden.tolist():
                col, row = view.cell_of(float(st.x[j]), float(st.y[j]))
                if 0 <= row < canvas.height and 0 <= col < canvas.width:
                    assert canvas.ink[row, col] not in track_inks
            assert marks.track_ids.size == 0
            # And once the radars report it, it is drawn where the track says.
            await until_tracks(pilot, screen)
            st = screen.state
            canvas, _, marks = draw_frame(screen.scenario, st, *view.size, view.view, view.overlay)
            assert marks.track_ids.size > 0
            assert (canvas.ink == Ink.TRACK).any() or (canvas.ink == Ink.SELECTED).any()

    async def test_a_click_selects_a_unit_and_keys_zoom(self, make_app) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)
            view = screen.pane.map
            bravo = screen.scenario.r_name.index("FU Bravo")
            col, row = view.cell_of(float(screen.state.r_x[bravo]), float(screen.state.r_y[bravo]))
            await pilot.click(MapView, offset=(col + 1, row + 1))
            await pilot.pause()
            assert screen.pane.selected_unit == bravo
            assert "FU Bravo" in plain(screen.pane.unit_panel)
            zoom = view.view.zoom if view.view else 0
            await pilot.press("+")
            assert view.view is not None and view.view.zoom > zoom
            await pilot.press("0")
            assert view.view.zoom == 1.0

    async def test_a_click_on_the_table_selects_a_track(self, make_app) -> None:
        """One click is enough (a DataTable's click only selects a row already highlighted:
        the table follows the highlight instead)."""
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)
            await until_tracks(pilot, screen)  # turn 11: the four fighters of the strike package
            table = screen.pane.tracks
            assert table.row_count >= 2
            first = screen.pane.selected_track
            await pilot.click(TrackTable, offset=(3, 3))  # border, header, then the second row
            await pilot.pause()
            second = screen.pane.selected_track
            assert second != first
            assert screen.pane.map.overlay.selected_track == second

    async def test_the_mouse_wheel_zooms_about_the_pointer(self, make_app) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)
            view = screen.pane.map
            assert view.view is not None
            col, row = 10, 5
            under = _km_at(view, col, row)
            view.post_message(
                events.MouseScrollUp(view, col + 1, row + 1, 0, -1, 0, False, False, False)
            )
            await pilot.pause()
            assert view.view.zoom > 1.0
            assert view.cell_of(*under) == (col, row)  # the point under the pointer stays put
            view.post_message(
                events.MouseScrollDown(view, col + 1, row + 1, 0, 1, 0, False, False, False)
            )
            await pilot.pause()
            assert abs(view.view.zoom - 1.0) < 1e-9

    async def test_moving_a_unit_that_guides_missiles_warns_they_will_be_lost(
        self, make_app
    ) -> None:
        from wargame.engine.fire_control import channels_in_use

        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)
            for _ in range(20):
                if channels_in_use(screen.scenario, screen.state)[0]:
                    break
                await end_turns(pilot, screen, 1)
            guiding = int(channels_in_use(screen.scenario, screen.state)[0])
            assert guiding  # FU Alpha (the unit selected) has fired by now
            await pilot.press("m", "left", "left", "enter")
            await pilot.pause()
            plural = "s" if guiding != 1 else ""
            assert f"Its missiles on their way to {guiding} target{plural} will lose guidance" in (
                notices(app)
            )

    async def test_a_relocation_is_picked_with_the_mouse(self, make_app) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)
            await pilot.press("m")
            view = screen.pane.map
            col, row = view.cell_of(240.0, 170.0)
            await pilot.click(MapView, offset=(col + 1, row + 1))
            await pilot.pause()
            orders = screen.session.pending_for("FU Alpha")
            assert (
                len(orders) == 1
                and orders[0].action == "relocate"
                and orders[0].position is not None
            )
            x, y = orders[0].position
            assert abs(x - 240.0) < 10 and abs(y - 170.0) < 10
            assert not view.picking

    async def test_resizing_never_crashes(self, make_app) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await begin(pilot)
            await until_tracks(pilot, screen)  # a table of tracks to lay out again
            for size in ((40, 12), (12, 5), (200, 60), (81, 25), (80, 24)):
                await pilot.resize_terminal(*size)
                await pilot.pause()
            await pilot.press("a")
            await pilot.pause()
            for size in ((30, 10), (120, 40)):
                await pilot.resize_terminal(*size)
                await pilot.pause()
            assert isinstance(app.screen, AarScreen)


class TestReports:
    async def test_the_player_named_on_the_command_line_is_in_the_autosave(
        self, make_app, tmp_path: Path
    ) -> None:
        app = make_app(campaign=FIRST_CONTACT, player="Cadet Ada")
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)
            await end_turns(pilot, screen, 1)
            await settle(pilot)
            await pilot.press("a")
            await pilot.pause()
            assert isinstance(app.screen, AarScreen)
            assert "Interim report: First Contact, turn 1, played by Cadet Ada." in plain(
                app.screen.query_one("#aar-title", Static)
            )
        autosave = tmp_path / "saves" / f"autosave-first-contact-seed{SEED}.json"
        assert read_save(autosave).player == "Cadet Ada"

    async def test_the_game_over_news_is_on_the_status_bar_not_over_the_report(
        self, make_app
    ) -> None:
        """A toast would sit over the report's charts for the rest of its 15 s."""
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            screen = await begin(pilot)
            await end_turns(pilot, screen, 80)  # the turn limit; seed 1 ends at turn 75
            assert screen.session.over
            await pilot.pause()
            assert "│ Game over: " in plain(screen.status)
            assert not app.screen.query("Toast")
            await pilot.press("a")
            await pilot.pause()
            assert isinstance(app.screen, AarScreen)
            assert not app.screen.query("Toast")

    async def test_the_report_opens_on_demand_and_keeps_red_secrets(self, make_app) -> None:
        """Mid-game the report counts what the radars saw: decoys pass for cruise missiles."""
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)
            # The decoy screen is tracked from turn 58 and five of its decoys are shot down
            # by turn 64; the game goes on to turn 75.
            await end_turns(pilot, screen, 64)
            assert not screen.session.over
            await pilot.press("a")
            await pilot.pause()
            assert isinstance(app.screen, AarScreen)
            report = app.screen.report
            assert report.interim
            classes = {row.threat_class for row in report.aar.threats}
            assert "cruise_missile" in classes and "decoy" not in classes
            assert "Interim report" in plain(app.screen.query_one("#aar-title", Static))
            # No replay mid-game (it would show the red side): the footer offers none.
            shown = app.screen.active_bindings
            assert "r" not in shown and "escape" in shown
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen


class TestReplay:
    async def test_a_replay_steps_back_and_forth_and_jumps(self, make_app, tmp_path: Path) -> None:
        recorder = Recorder.new(load_campaign(FIRST_CONTACT), SEED)
        for _ in range(12):
            recorder.step([])
        save = tmp_path / "twelve.json"
        write_save(recorder.record, save)
        app = make_app(replay=save)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, ReplayScreen)
            assert screen.data is not None and screen.data.last_turn == 12
            await pilot.press("right", "right", "right")
            assert screen.turn == 3 and screen.pane.state.turn == 3
            await pilot.press("left")
            assert screen.turn == 2 and screen.pane.state.turn == 2
            await pilot.press("j")
            await pilot.pause()
            await pilot.press("7", "enter")
            await pilot.pause()
            assert screen.turn == 7
            assert "end of turn 7" in log_text(screen)
            assert (
                screen.pane.tracks.row_count
                == len([t for t in screen.data.states[7].track_id if t >= 0])
                or screen.pane.tracks.row_count > 0
            )
            await pilot.press("end")
            assert screen.turn == 12
            await pilot.press("home")
            assert screen.turn == 0
            await pilot.press("space")
            await pilot.pause(1.3)
            await pilot.press("space")
            assert 1 <= screen.turn <= 3


class TestSavesAndQuitting:
    async def test_save_as_then_load_it_back(self, make_app, tmp_path: Path) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)
            await end_turns(pilot, screen, 2)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, SaveAsScreen)
            await pilot.press("enter")
            await pilot.pause()
            saved = tmp_path / "saves" / "first-contact-turn2.json"
            assert saved.is_file()
            assert screen.session.unsaved_turns == 0
            await end_turns(pilot, screen, 1)
            await pilot.press("ctrl+o")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, LoadSaveScreen)
            names = [p.name for p in dialog.saves]
            assert set(names) == {
                f"autosave-first-contact-seed{SEED}.json",
                "first-contact-turn2.json",
            }
            await pilot.press(*["down"] * names.index("first-contact-turn2.json"), "enter")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)  # one turn not saved
            await pilot.press("y")
            await settle(pilot)
            resumed = app.screen
            assert isinstance(resumed, TacticalScreen) and resumed is not screen
            assert resumed.session.turn == 2 and resumed.state.turn == 2

    async def test_save_as_offers_this_turn_and_asks_before_writing_over(
        self, make_app, tmp_path: Path
    ) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)
            await end_turns(pilot, screen, 2)
            await pilot.press("ctrl+s", "enter")
            await pilot.pause()
            turn2 = tmp_path / "saves" / "first-contact-turn2.json"
            kept = turn2.read_bytes()
            await end_turns(pilot, screen, 1)
            await pilot.press("ctrl+s")
            await pilot.pause()
            field = app.screen.query_one("#save-name", Input)
            assert field.value == "first-contact-turn3.json"
            field.value = "first-contact-turn2.json"
            await pilot.press("enter")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, ConfirmScreen)
            assert dialog.question == f"{turn2} is there already. Write this game over it?"
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(app.screen, SaveAsScreen)
            assert turn2.read_bytes() == kept
            await pilot.press("enter", "y")
            await pilot.pause()
            assert isinstance(app.screen, TacticalScreen)
            assert read_save(turn2).turns[-1].turn == 3

    async def test_quitting_asks_only_when_turns_are_unsaved(self, make_app) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)
            await end_turns(pilot, screen, 1)
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("n")
            await pilot.pause()
            assert app.screen is screen
            await pilot.press("ctrl+q")
            await pilot.pause()
            await pilot.press("y")
            await pilot.pause()
            assert app.return_code == 0

    async def test_quitting_a_fresh_game_needs_no_question(self, make_app) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            await begin(pilot)
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert app.return_code == 0

    async def test_quitting_with_an_order_given_asks_and_says_so(self, make_app) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)
            await pilot.press("w")  # the selected fire unit's weapons, for next turn
            await pilot.pause()
            assert len(screen.session.pending) == 1
            await pilot.press("ctrl+q")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, ConfirmScreen)
            assert dialog.question == (
                "The orders for next turn are not those of your last save. Leave this game?"
            )
            await pilot.press("n")
            await pilot.pause()
            # Saved, the order is in the save: nothing to lose, no question.
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert app.return_code == 0


class TestHelp:
    async def test_help_lists_every_binding_of_the_screen(self, make_app) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            await begin(pilot)
            await pilot.press("question_mark")
            await pilot.pause()
            help_screen = app.screen
            assert isinstance(help_screen, HelpScreen)
            listed = {row.description for row in help_screen.rows}
            wanted = {
                b.tooltip or b.description
                for cls in (TacticalScreen, MapView, type(app))
                for b in Binding.make_bindings(cls.BINDINGS)
            }
            assert wanted <= listed
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, TacticalScreen)


class TestEventLog:
    async def test_l_makes_the_log_tall_and_short_again(self, make_app) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await begin(pilot)
            log = screen.query_one(EventLog)
            short = log.size.height
            await pilot.press("l")
            await pilot.pause()
            assert log.size.height > 2 * short
            await pilot.press("l")
            await pilot.pause()
            assert log.size.height == short

    async def test_the_event_log_scrolls_back_and_on_by_keys(self, make_app) -> None:
        app = make_app(campaign=FIRST_CONTACT)
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await begin(pilot)
            await end_turns(pilot, screen, 8)
            log = screen.query_one(EventLog)
            await pilot.pause()
            assert log.max_scroll_y > 0
            bottom = log.scroll_y
            await pilot.press("pageup")
            await pilot.pause()
            assert log.scroll_y < bottom
            await pilot.press("]")
            await pilot.pause()
            assert log.scroll_y == bottom
