"""The TUI's pure parts: what the picture shows comes from the tracks, never from truth."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from wargame.campaign import LoadedCampaign
from wargame.engine import Game
from wargame.engine.events import ArmLaunched, Event, RaidEntered, ThreatDestroyed, ThreatLeft
from wargame.engine.state import ACTIVE, State
from wargame.tui.aar_view import blue_events, report_for
from wargame.tui.log_lines import line_for
from wargame.tui.picture import (
    magazines,
    shown_tracks,
    time_to_go,
    track_rows,
    unit_status,
)
from wargame.tui.widgets.charts import bar_rows
from wargame.tui.widgets.map_frame import Ink, Layers, View, draw_frame


def _play(loaded: LoadedCampaign, turns: int, seed: int = 1) -> tuple[Game, list[Event]]:
    game = Game.new(loaded, seed)
    events: list[Event] = [game.started_event()]
    while game.turn < turns and not game.over:
        events += game.step([])
    return game, events


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
        game, _ = _play(first_contact, 1)
        st = game.state
        assert ((st.status == ACTIVE) & (st.track_id < 0)).sum() == 3
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
        game, _ = _play(first_contact, 30)
        st, sc = game.state, game.scenario
        decoys = [j for j in shown_tracks(st).tolist() if sc.threat_type[j].threat_class == "decoy"]
        assert decoys, "the decoy screen should be tracked by turn 30"
        rows = {r.slot: r for r in track_rows(sc, st)}
        assert {rows[j].cls for j in decoys} == {"cruise_missile"}

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


class TestUnitsAndMagazines:
    def test_the_unit_panel_reads_blue_state(self, first_contact: LoadedCampaign) -> None:
        game, _ = _play(first_contact, 7)
        sc, st = game.scenario, game.state
        alpha = unit_status(sc, st, sc.r_name.index("FU Alpha"))
        assert alpha.state == "emitting" and alpha.weapons == "free" and alpha.linked
        assert {m.missile for m in alpha.missiles} == {"40N6", "48N6", "9M96"}
        assert alpha.channels_used > 0
        radar = unit_status(sc, st, sc.r_name.index("Big Bird"))
        assert radar.fire_unit == -1 and radar.missiles == ()

    def test_magazines_sum_the_live_fire_units(self, first_contact: LoadedCampaign) -> None:
        game, _ = _play(first_contact, 0)
        assert dict((m, (r, s)) for m, r, s in magazines(game.scenario, game.state)) == {
            "40N6": (8, 0),
            "48N6": (48, 8),
            "9M96": (128, 16),
            "9M96E": (32, 0),
        }


class TestRedSecrets:
    def test_the_play_log_keeps_red_side_out(self, first_contact: LoadedCampaign) -> None:
        _, events = _play(first_contact, 32)
        secret = [
            e
            for e in events
            if isinstance(e, RaidEntered | ArmLaunched | ThreatLeft | ThreatDestroyed)
        ]
        assert secret
        assert all(line_for(e, reveal=False) is None for e in secret)
        assert all(line_for(e, reveal=True) is not None for e in secret)
        lines = [line_for(e) for e in events]
        assert not any(text and "decoy" in text for _, text in filter(None, lines))

    def test_the_interim_report_cannot_tell_a_decoy(self, first_contact: LoadedCampaign) -> None:
        _, events = _play(first_contact, 31)
        assert not any(isinstance(e, RaidEntered) for e in blue_events(events))
        report = report_for(events)
        assert report.interim
        assert "decoy" not in {row.threat_class for row in report.aar.threats}
        assert "decoy" in {
            row.threat_class for row in report_for(_play(first_contact, 40)[1]).aar.threats
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


def test_importing_the_tui_package_does_not_load_textual() -> None:
    """The CLI imports play/replay lazily: headless commands never pay for Textual."""
    code = "import sys, wargame.tui; assert 'textual' not in sys.modules, 'textual loaded'"
    subprocess.run([sys.executable, "-c", code], check=True)
