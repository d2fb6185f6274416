"""The TUI's pure parts: what the picture shows comes from the tracks, never from truth."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from wargame.campaign import LoadedCampaign
from wargame.engine import Game
from wargame.engine.detection import jam_strobes
from wargame.engine.events import Event
from wargame.engine.fire_control import TOO_LATE
from wargame.engine.scenario import CLASS_CODE, Scenario
from wargame.engine.state import ACTIVE, KILLED, Shot, State
from wargame.tui.widgets.charts import bar_rows
from wargame.view.blue import shown_tracks
from wargame.view.fire_options import shot_options, with_salvo
from wargame.view.map_canvas import Canvas, Geometry, Ink, View, strokes
from wargame.view.map_frame import MISSILE_GLYPH, Layers, draw_frame
from wargame.view.picture import (
    altitude_text,
    in_flight,
    magazines,
    salvos_in_flight,
    time_to_go,
    track_rows,
    unit_status,
)
from wargame.view.words import score_text


def _play(loaded: LoadedCampaign, turns: int, seed: int = 1) -> tuple[Game, list[Event]]:
    game = Game.new(loaded, seed)
    events: list[Event] = [game.started_event()]
    while game.turn < turns and not game.over:
        events += game.step([])
    return game, events


def _without_false_tracks(sc: Scenario, st: State) -> State:
    """The same state with the tracks the radars made of noise (phantom slots) ended."""
    other = st.copy()
    other.track_id[sc.false_slots] = -1
    return other


def _scramble_truth(st: State, slots: np.ndarray) -> State:
    """The same picture with the threats' true kinematics moved far away."""
    other = st.copy()
    rng = np.random.default_rng(5)
    for name in ("x", "y"):
        getattr(other, name)[slots] = rng.uniform(0, 400, slots.size)
    other.alt[slots] = rng.uniform(10, 20_000, slots.size)
    other.vx[slots] = rng.uniform(-1, 1, slots.size)
    other.vy[slots] = rng.uniform(-1, 1, slots.size)
    return other


class TestNothingButTracks:
    @pytest.mark.parametrize("turns", [1, 7, 16, 30])
    def test_the_map_is_the_same_whatever_the_threats_truly_do(
        self, first_contact: LoadedCampaign, turns: int
    ) -> None:
        """Every threat's true position, altitude and velocity scrambled: not a cell changes."""
        game, _ = _play(first_contact, turns)
        st = game.state
        everyone = np.arange(game.scenario.n_threats)
        layers = Layers(coverage=True, rings=True, selected_unit=1)
        view = View.fit(400, 300)
        a, _, _ = draw_frame(game.scenario, st, 120, 38, view, layers)
        b, _, _ = draw_frame(game.scenario, _scramble_truth(st, everyone), 120, 38, view, layers)
        assert (a.chars == b.chars).all() and (a.ink == b.ink).all()

    def test_an_untracked_threat_leaves_no_mark(self, first_contact: LoadedCampaign) -> None:
        """After turn 1 three threats fly untracked; the only tracks are the radars' false
        alarms, in phantom slots: taken off, nothing is left to draw."""
        game, _ = _play(first_contact, 1)
        st = game.state
        sc = game.scenario
        assert ((st.status == ACTIVE) & (st.track_id < 0)).sum() == 3
        tracked = np.flatnonzero(st.track_id >= 0)
        assert tracked.size and np.isin(tracked, sc.false_slots).all()
        _, _, marks = draw_frame(sc, st, 120, 38, View.fit(400, 300), Layers())
        assert sorted(marks.track_ids.tolist()) == sorted(st.track_id[tracked].tolist())
        st = _without_false_tracks(sc, st)
        canvas, _, marks = draw_frame(game.scenario, st, 120, 38, View.fit(400, 300), Layers())
        assert not np.isin(
            canvas.ink, [Ink.TRACK, Ink.TRACK_ARM, Ink.HEADING, Ink.TRACK_LABEL]
        ).any()
        assert marks.track_ids.size == 0
        assert track_rows(game.scenario, st) == []

    def test_the_track_table_reads_the_tracks_not_the_threats(
        self, first_contact: LoadedCampaign
    ) -> None:
        """Class, speed, altitude, heading and time to go come from the track estimate.
        (Pk is the engine's own fire-control figure; see the report on `options`.)"""
        game, _ = _play(first_contact, 16)
        st = game.state
        slots = shown_tracks(st)
        assert slots.size
        mine = [
            (r.track, r.cls, r.speed_mps, r.alt_m, r.heading, r.ttg_s)
            for r in track_rows(game.scenario, st)
        ]
        moved = _scramble_truth(st, slots)
        theirs = [
            (r.track, r.cls, r.speed_mps, r.alt_m, r.heading, r.ttg_s)
            for r in track_rows(game.scenario, moved)
        ]
        assert mine == theirs

    def test_a_decoy_shows_as_what_it_mimics(self, first_contact: LoadedCampaign) -> None:
        """Each decoy's track, the turn it is first shown, reads as the cruise missile the
        decoy mimics (later looks may tell it apart: `discrimination`). The decoy screen
        enters on turn 27; by turn 62, 31 minutes in, it has been tracked."""
        game = Game.new(first_contact, 1)
        sc = game.scenario
        first_shown: dict[int, str] = {}
        while game.turn < 62:
            game.step([])
            st = game.state
            rows = {r.slot: r for r in track_rows(sc, st)}
            for j in shown_tracks(st).tolist():
                if sc.threat_type[j].threat_class == "decoy":
                    first_shown.setdefault(j, rows[j].cls)
        assert len(first_shown) >= 3, "the decoy screen should be tracked by turn 62"
        assert set(first_shown.values()) == {"cruise_missile"}

    def test_time_to_go_is_the_track_course_to_the_site_ahead(
        self, first_contact: LoadedCampaign
    ) -> None:
        game, _ = _play(first_contact, 16)
        st, sc = game.state, game.scenario
        slots = shown_tracks(st)
        ttg, bound = time_to_go(sc, st, slots)
        for i, j in enumerate(slots.tolist()):
            if bound[i]:
                speed = float(np.hypot(st.track_vx[j], st.track_vy[j]))
                assert speed > 0 and ttg[i] > 0
        assert any(bound)


class TestSalvosInFlight:
    """A salvo is drawn along the line from its launcher to the intercept point its track's
    estimate predicts, the fraction of its flight time gone: numbers by hand."""

    def _one_salvo(
        self, loaded: LoadedCampaign, launched_turns_ago: int, rounds: int = 2
    ) -> tuple[Game, int, float, float]:
        game, _ = _play(loaded, 3)  # three threats in the air, none tracked yet
        sc = game.scenario
        # The radars' false alarms off the picture: the only track is the one set here.
        game.state = st = _without_false_tracks(sc, game.state)
        alpha = sc.f_name.index("FU Alpha")
        radar = int(sc.f_radar[alpha])
        x0, y0 = float(st.r_x[radar]), float(st.r_y[radar])
        slot = int(np.flatnonzero(st.status == ACTIVE)[0])
        # The track: reported this turn 100 km west of Alpha, heading west at 250 m/s,
        # an exact estimate held (and confirmed) since the first turn.
        st.track_id[slot], st.track_last[slot], st.track_born[slot] = 1, st.turn, 1
        st.track_confirmed[slot] = True
        st.track_x[slot], st.track_y[slot] = x0 - 100.0, y0
        st.track_vx[slot], st.track_vy[slot] = -0.25, 0.0
        st.track_pos_var[slot] = st.track_pos_vel_cov[slot] = st.track_vel_var[slot] = 0.0
        launch_turn = st.turn - launched_turns_ago
        # 120 s of flight (dt is 30 s): the intercept is due 60 s after this turn's end
        # when it was launched two turns ago.
        hit_time = launch_turn * sc.dt + 120.0
        st.shots = [Shot(alpha, 0, slot, 1, hit_time, 0.5, 0.5, launch_turn)] * rounds
        return game, radar, x0, y0

    def test_halfway_through_its_flight_it_is_halfway_to_the_intercept_point(
        self, first_contact: LoadedCampaign
    ) -> None:
        game, _, x0, y0 = self._one_salvo(first_contact, launched_turns_ago=2)
        (salvo,) = salvos_in_flight(game.scenario, game.state)
        # Aim: 100 km west, plus 60 s more at 0.25 km/s = 115 km west; half of it flown.
        assert (salvo.aim_x, salvo.aim_y) == pytest.approx((x0 - 115.0, y0))
        assert (salvo.x, salvo.y) == pytest.approx((x0 - 57.5, y0))
        assert salvo.rounds == 2 and salvo.track == 1
        assert salvo.time_to_go_s == pytest.approx(60.0)

    def test_a_salvo_whose_target_is_down_is_not_drawn(self, first_contact: LoadedCampaign) -> None:
        game, _, _, _ = self._one_salvo(first_contact, launched_turns_ago=1)
        st = game.state
        threat = st.shots[0].threat
        st.status[threat] = KILLED
        # Killed, but its kill not read yet: blue still holds the track, and the salvo.
        assert len(salvos_in_flight(game.scenario, st)) == 1
        st.track_assessed_turn[threat] = st.turn  # read as a kill: the track is down
        assert salvos_in_flight(game.scenario, st) == []

    def test_just_launched_it_is_at_its_launcher_under_the_unit_symbol(
        self, first_contact: LoadedCampaign
    ) -> None:
        game, radar, x0, y0 = self._one_salvo(first_contact, launched_turns_ago=0)
        (salvo,) = salvos_in_flight(game.scenario, game.state)
        assert (salvo.x, salvo.y) == pytest.approx((x0, y0))
        canvas, geo, marks = draw_frame(
            game.scenario, game.state, 120, 38, View.fit(400, 300), Layers()
        )
        col, row = geo.cell(x0, y0)
        assert (col, row, radar) in marks.unit_cells
        assert canvas.ink[row, col] == Ink.RADAR and chr(canvas.chars[row, col]) == "▲"
        assert not (canvas.chars == ord(MISSILE_GLYPH)).any()
        # Its line runs to the predicted intercept point: 100 km west plus 120 s at 250 m/s.
        aim_col, aim_row = geo.cell(x0 - 130.0, y0)
        assert chr(canvas.chars[aim_row, aim_col]) == "─"
        assert canvas.ink[aim_row, aim_col] == Ink.MISSILE
        # Every cell between, but where the track and the unit's label lie on top of it.
        between = canvas.ink[row, aim_col + 1 : col]
        on_top = [Ink.TRACK, Ink.TRACK_LOW, Ink.TRACK_HIGH, Ink.HEADING, Ink.TRACK_LABEL, Ink.LABEL]
        assert aim_row == row and np.isin(between, [Ink.MISSILE, *on_top]).all()
        assert (between == Ink.MISSILE).sum() >= between.size - 3 - len("Alpha")

    def test_a_line_takes_the_stroke_of_each_step(self) -> None:
        """Six across and two down: a diagonal stroke where the line steps down a row."""
        canvas = Canvas(10, 5)
        strokes(canvas, *np.array([[1], [1], [7], [3]]), Ink.MISSILE)
        # Cells (1,1) (2,1) (3,2) (4,2) (5,2) (6,3) (7,3): each stroke is its step out.
        assert "".join(chr(c) for c in canvas.chars[1]) == "  ╲       "
        assert "".join(chr(c) for c in canvas.chars[2]) == "   ──╲    "
        assert "".join(chr(c) for c in canvas.chars[3]) == "      ──  "
        # Straight up (the start is left alone), and a line of no length, drawn together.
        strokes(canvas, *np.array([[1, 8], [4, 2], [1, 8], [0, 2]]), Ink.MISSILE)
        assert [chr(c) for c in canvas.chars[:, 1]] == ["│", "│", "│", "│", " "]
        assert chr(canvas.chars[2, 8]) == " "

    def test_the_map_draws_one_dot_per_salvo_in_the_selected_tracks_colour_when_selected(
        self, first_contact: LoadedCampaign
    ) -> None:
        game, _, x0, y0 = self._one_salvo(first_contact, launched_turns_ago=2)
        view = View.fit(400, 300)
        geo = Geometry.of(120, 38, view, 400, 300)
        col, row = geo.cell(x0 - 57.5, y0)
        for selected, ink in ((-1, Ink.MISSILE), (1, Ink.SELECTED)):
            layers = Layers(selected_track=selected)
            canvas, _, _ = draw_frame(game.scenario, game.state, 120, 38, view, layers)
            assert chr(canvas.chars[row, col]) == MISSILE_GLYPH and canvas.ink[row, col] == ink
            assert (canvas.chars == ord(MISSILE_GLYPH)).sum() == 1


class TestUnitsAndMagazines:
    def test_the_unit_panel_reads_blue_state(self, first_contact: LoadedCampaign) -> None:
        game = Game.new(first_contact, 1)
        sc = game.scenario
        unit = sc.f_name.index("FU Alpha")
        while not any(s.fire_unit == unit for s in game.state.shots):
            game.step([])
        st = game.state
        alpha = unit_status(sc, st, sc.r_name.index("FU Alpha"))
        assert alpha.state == "emitting" and alpha.weapons == "free" and alpha.linked
        assert {m.missile for m in alpha.missiles} == {"40N6", "48N6", "9M96"}
        # A guidance channel per target it has missiles on their way to.
        assert alpha.channels_used == len({s.threat for s in st.shots if s.fire_unit == unit})
        radar = unit_status(sc, st, sc.r_name.index("Big Bird"))
        assert radar.fire_unit == -1 and radar.missiles == ()

    def test_a_silent_unit_s_missiles_in_flight_show_as_unguided(
        self, first_contact: LoadedCampaign
    ) -> None:
        game = Game.new(first_contact, 1)
        sc = game.scenario
        unit = sc.f_name.index("FU Alpha")
        radar = sc.r_name.index("FU Alpha")
        while not any(s.fire_unit == unit for s in game.state.shots):
            game.step([])
        st = game.state.copy()
        rounds = sum(1 for s in st.shots if s.fire_unit == unit)
        targets = {s.threat for s in st.shots if s.fire_unit == unit}
        assert any(unit in [u for u, _ in v] for v in in_flight(sc, st).values())
        st.emitting[radar] = False
        alpha = unit_status(sc, st, radar)
        assert (alpha.state, alpha.unguided_rounds, alpha.channels_used) == ("silent", rounds, 0)
        # Neither the table's salvos nor the map's show them: they cannot hit as things are.
        assert not any(unit in [u for u, _ in v] for v in in_flight(sc, st).values())
        assert all(s.fire_unit != unit for s in salvos_in_flight(sc, st))
        assert targets
        st.emitting[radar] = True
        assert unit_status(sc, st, radar).unguided_rounds == 0

    def test_magazines_sum_the_live_fire_units(self, first_contact: LoadedCampaign) -> None:
        game, _ = _play(first_contact, 0)
        assert dict((m, (r, s)) for m, r, s in magazines(game.scenario, game.state)) == {
            "40N6": (8, 0),
            "48N6": (48, 8),
            "9M96": (128, 16),
            "9M96E": (32, 0),
        }


class TestCharts:
    def test_bars_fill_to_the_top_at_the_largest_value(self) -> None:
        rows, per, top = bar_rows([0, 2, 4], width=9, rows=2)
        assert per == 1 and top == 4
        assert rows == ["      ███", "   ██████"]

    def test_many_turns_share_a_column(self) -> None:
        rows, per, top = bar_rows([1.0] * 10, width=5, rows=1)
        assert per == 2 and top == 2 and rows == ["█████"]
        _, _, level = bar_rows([1.0, 3.0] * 5, width=5, rows=1, level=True)
        assert level == 3


class TestJamming:
    """Northern Screen, turn 10: the stand-off jammer on station north-west of the radars."""

    def test_each_radar_on_the_air_hears_it_and_its_panel_says_from_where(
        self, northern_screen: LoadedCampaign
    ) -> None:
        game, _ = _play(northern_screen, 10, seed=3)
        sc, st = game.scenario, game.state
        strobes = jam_strobes(sc, st)
        on_air = np.flatnonzero(st.emitting & st.radar_alive & (st.ready_turn <= st.turn))
        assert sorted({s.radar for s in strobes}) == on_air.tolist()
        big_bird = sc.r_name.index("North Big Bird")
        status = unit_status(sc, st, big_bird)
        (strobe,) = [s for s in strobes if s.radar == big_bird]
        assert status.jamming == ((strobe.bearing_deg, strobe.jnr_db),)
        assert 270.0 < strobe.bearing_deg < 360.0  # north-west

    def test_the_map_draws_the_strobes_and_pulls_coverage_in_towards_the_jammer(
        self, northern_screen: LoadedCampaign
    ) -> None:
        game, _ = _play(northern_screen, 10, seed=3)
        sc, st = game.scenario, game.state
        w, h = sc.loaded.campaign.map.width_km, sc.loaded.campaign.map.height_km
        canvas, _, _ = draw_frame(sc, st, 110, 40, View.fit(w, h), Layers(coverage=True))
        assert (canvas.ink == Ink.JAM).sum() > 20
        quiet = st.copy()
        quiet.status[sc.noise_slots] = KILLED
        plain, _, _ = draw_frame(sc, quiet, 110, 40, View.fit(w, h), Layers(coverage=True))
        assert not (plain.ink == Ink.JAM).any()
        # Jammed, the coverage lines lie nearer their radars on the whole.
        geo = Geometry.of(110, 40, View.fit(w, h), w, h)

        def mean_reach(frame: Canvas) -> float:
            rows, cols = np.nonzero(frame.ink == Ink.COVERAGE)
            x, y = geo.km(cols + 0.0, rows + 0.0)
            on_air = np.flatnonzero(st.emitting & st.radar_alive)
            d = np.hypot(x[:, None] - st.r_x[on_air], y[:, None] - st.r_y[on_air]).min(axis=1)
            return float(d.mean())

        assert mean_reach(canvas) < mean_reach(plain)


class TestTrackNumbers:
    """A track's number beside its glyph, whole or not at all (tracks side by side are one
    stack: `tests/view/test_map_tracks.py`)."""

    @pytest.mark.parametrize("col", [-1, 118])
    def test_a_number_is_shown_whole_beside_its_glyph_or_not_at_all(
        self, first_contact: LoadedCampaign, col: int
    ) -> None:
        # Track 123 one column off the left edge (its number would start at column 0), or
        # at column 118 of 120 (room for one digit of three).
        game, _ = _play(first_contact, 16)
        st = game.state.copy()
        (slot,) = shown_tracks(st)[:1].tolist()
        geo = Geometry.of(120, 38, View.fit(400, 300), 400, 300)
        _, row = geo.cell(100.0, 150.0)
        st.track_id[slot] = 123
        st.track_x[slot], st.track_y[slot] = geo.km(col, row)
        st.track_vx[slot] = st.track_vy[slot] = 0.0
        st.track_last[slot] = st.turn
        canvas, _, _ = draw_frame(game.scenario, st, 120, 38, View.fit(400, 300), Layers())
        assert not (canvas.ink[row] == Ink.TRACK_LABEL).any()


def test_importing_the_tui_package_does_not_load_textual() -> None:
    """The CLI imports play/replay lazily: headless commands never pay for Textual."""
    code = "import sys, wargame.tui; assert 'textual' not in sys.modules, 'textual loaded'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_altitudes_and_scores_read_alike_everywhere() -> None:
    assert [altitude_text(m) for m in (50.0, 8000.0, 9999.4, 59999.0)] == [
        "50 m",
        "8000 m",
        "9999 m",
        "60.0 km",
    ]
    assert [score_text(s) for s in (-6.5, 225.0, 0.0)] == ["-6.5", "+225.0", "+0.0"]


@pytest.mark.parametrize("zoom", [1.0, 2.0, 4.0, 8.0, 16.0, 64.0])
def test_the_map_draws_at_any_zoom_and_centre(first_contact: LoadedCampaign, zoom: float) -> None:
    """Symbols off the edges, labels cut short: no view fails to draw (a label of a symbol
    off the left edge once read the row from its other end)."""
    game, _ = _play(first_contact, 16)
    for cx in np.linspace(-50.0, 450.0, 11):
        for cy in np.linspace(-50.0, 350.0, 9):
            for width, height in ((66, 28), (40, 14), (120, 38)):
                view = View(float(cx), float(cy), zoom)
                layers = Layers(coverage=True, rings=True, selected_unit=1, selected_track=3)
                canvas, _, _ = draw_frame(game.scenario, game.state, width, height, view, layers)
                assert canvas.chars.shape == (height, width)


def test_lines_far_past_the_edges_draw_as_on_a_canvas_that_holds_them() -> None:
    """Only the points near the canvas are made: what shows is what a canvas large enough
    for the whole line shows in the same window, for lines from far outside."""
    rng = np.random.default_rng(3)
    ends = rng.integers(-400, 440, size=(4, 300))
    small = Canvas(40, 20)
    strokes(small, *ends, Ink.MISSILE)
    margin = 500
    large = Canvas(40 + 2 * margin, 20 + 2 * margin)
    strokes(large, *(ends + margin), Ink.MISSILE)
    window = large.chars[margin : margin + 20, margin : margin + 40]
    assert (window == small.chars).all()


@pytest.mark.parametrize(
    ("metres", "shown"),
    [
        (50.0, "50"),
        (999.0, "999"),
        (999.6, "1.0k"),
        (7477.0, "7.5k"),
        (9_960.0, "10k"),
        (60_000.0, "60k"),
    ],
)
def test_the_track_table_writes_every_altitude_one_way(metres: float, shown: str) -> None:
    from wargame.tui.widgets.side_panel import TrackTable, track_cells
    from wargame.view.picture import TrackRow

    row = TrackRow(7, 0, "ARM", 680.0, metres, 149.0, 22.0, "", "", None, False, False)
    assert track_cells(row)[TrackTable.COLUMNS.index("Alt")] == shown


def test_a_narrow_track_table_cuts_a_long_by_to_keep_the_altitude_in_sight() -> None:
    from wargame.tui.widgets.side_panel import TrackTable, track_cells
    from wargame.view.picture import TrackRow

    row = TrackRow(
        12, 0, "BM", 1224.0, 36_400.0, 85.0, 41.0, "", "Alpha×2 Charlie×2", 0.8, True, False
    )
    by = TrackTable.COLUMNS.index("By")
    assert track_cells(row)[by] == "Alpha×2 Charlie×2"
    assert track_cells(row, narrow=True)[by] == "Alpha×2 …"
    assert track_cells(row, narrow=True)[TrackTable.COLUMNS.index("Alt")] == "36k"


def test_no_shot_is_offered_at_a_threat_that_arrives_before_it_could_meet_it(
    first_contact: LoadedCampaign,
) -> None:
    """First Contact, seed 3, after turn 34: track 296, an anti-radiation missile, is
    35.7 s from FU Alpha, the radar it was fired at (24.3 km at 0.68 km/s). An order now
    fires at the end of the next turn, 30 s on, leaving 5.7 s: no shot can meet it
    first. (Track ids count the radars' false tracks too: hence 296. Dead-reckoned a turn
    on, it has flown past the radar and seems to head for nothing: judged there, it
    drew offers.)"""
    game = Game.new(first_contact, 3)
    while game.turn < 34:
        game.step([])
    sc, st = game.scenario, game.state
    slot = int(np.flatnonzero(st.track_id == 296)[0])
    assert sc.t_apparent_class[slot] == CLASS_CODE["arm"]
    shots = shot_options(sc, st, slot)
    assert not any(shot.possible for shot in shots)
    in_picture = [s for s in shots if "not in the fire unit's picture" not in s.reason]
    assert in_picture and all(s.reason == f"track 296: {TOO_LATE}" for s in in_picture)


def test_an_aircraft_flying_past_a_site_is_offered_the_shots_of_the_next_turn(
    first_contact: LoadedCampaign,
) -> None:
    """First Contact, seed 0, after turn 14: a fighter's track (held since turn 11) set
    flying east at 250 m/s, 3 km up, exactly, passing 5 km from Aldmouth port. Now it
    seems to head for the port and to release its weapons 25 km short of it, 20 s away;
    a turn (30 s) on, past it, for nothing. An aircraft flies on past a release point,
    and the order is judged on the next turn's picture, which engages it: so every unit
    is offered its shot."""
    game = Game.new(first_contact, 0)
    while game.turn < 14:
        game.step([])
    sc, st = game.scenario, game.state
    slot = 3
    assert sc.t_apparent_release_km[slot] > 0.0 and st.track_id[slot] >= 0
    st.track_x[slot], st.track_y[slot] = 280.0, 185.0
    st.track_vx[slot], st.track_vy[slot] = 0.25, 0.0
    st.track_pos_var[slot] = st.track_pos_vel_cov[slot] = st.track_vel_var[slot] = 0.0
    st.track_alt[slot] = 3000.0
    st.track_last[slot] = st.turn
    st.seen_by[:, slot] = st.turn
    shots = [s for s in shot_options(sc, st, slot) if not s.alternative]
    assert len(shots) == len(sc.f_name) and all(s.possible for s in shots)


def test_a_salvo_set_in_the_fire_dialog_is_asked_of_the_engine_and_capped_at_the_rounds(
    first_contact: LoadedCampaign,
) -> None:
    """First Contact, seed 0: FU Alpha's first shot offered, with 2 rounds of that type
    ready. A salvo of 4 set in the dialog is asked of the engine again: it fires 2 of the
    4, with the kill probability of 2 rounds; a salvo of 1, of one round."""
    game = Game.new(first_contact, 0)
    shot = None
    while shot is None:
        game.step([])
        sc, st = game.scenario, game.state
        shown = np.flatnonzero((st.track_id >= 0) & (st.status == ACTIVE)).tolist()
        offers = [(j, s) for j in shown for s in shot_options(sc, st, j) if s.fire_unit == 0]
        slot, shot = next(((j, s) for j, s in offers if s.possible), (-1, None))
    st.ready[0, sc.m_name.index(shot.missile)] = 2
    four = with_salvo(sc, st, slot, shot, 4)
    assert (four.missile, four.salvo_ordered, four.salvo) == (shot.missile, 4, 2)
    assert four.pk_salvo == pytest.approx(1 - (1 - four.pk) ** 2)
    one = with_salvo(sc, st, slot, shot, 1)
    # 1 - (1 - p)^1: p again, up to the rounding of the two subtractions.
    assert one.salvo == 1 and one.pk_salvo == pytest.approx(one.pk, rel=1e-12)
