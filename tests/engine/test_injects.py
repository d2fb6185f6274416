"""Injects, kind by kind, in a hand-built campaign: each does what its numbers say.

The campaign: one acquisition radar (Big Bird) and one fire unit (FU Alpha, 16 tubes,
8 rounds of 48N6 ready) under one command post; an AEW aircraft (50 m², seen at
Pd near 1 from the first turn) flies at the asset 150 km away at 12 km a turn. The
fire unit holds its fire, so nothing is shot down and every turn sees the aircraft.
Injects fire at the end of their turn; their effect holds from the next turn.
"""

from __future__ import annotations

import numpy as np
import pytest

from wargame.campaign import LoadedCampaign, parse_campaign
from wargame.engine import Game, Order
from wargame.engine import game as game_module
from wargame.engine.events import (
    Event,
    LinkCut,
    OrderRefused,
    RadarFailed,
    RaidEntered,
    RaidPoppedUp,
    Resupplied,
    TurnEnded,
)
from wargame.engine.fire_control.readiness import picture
from wargame.engine.state import ACTIVE, PENDING, SPENT
from wargame.record import Recorder
from wargame.record.format import canonical_json, dumps_record, parse_save
from wargame.record.verify import replay_game, verify_record

BASE = """
[meta]
title = "Injects"

[clock]
turn_limit = 12

[map]
width_km = 400
height_km = 200

[[blue.command_posts]]
name = "HQ"
position = [320, 110]

[[blue.radars]]
name = "Big Bird"
type = "91N6E-class acquisition radar"
position = [320, 100]
command_post = "HQ"

[[blue.fire_units]]
name = "FU Alpha"
radar = "92N6E-class engagement radar"
position = [300, 100]
command_post = "HQ"
launchers = 4
loadout = { "48N6-class" = 8 }

[[blue.assets]]
name = "Port"
position = [310, 90]
value = 100

[[red.raids]]
name = "Watcher"
turn = 1
threat = "Airborne early warning aircraft"
count = 1
origin = [170, 100]
target = "Port"

[[red.raids]]
name = "Second wave"
turn = 2
threat = "Subsonic cruise missile"
count = 2
origin = [100, 150]
target = "Port"
"""

HOLD = [Order(turn=1, unit="FU Alpha", action="weapons", setting="hold")]


def campaign(injects: str) -> LoadedCampaign:
    return parse_campaign(BASE + injects, "injects.toml")


def play(loaded: LoadedCampaign, turns: int, orders: dict[int, list[Order]] | None = None):  # type: ignore[no-untyped-def]
    """The game after `turns` turns, and each turn's events."""
    game = Game.new(loaded, 7)
    played: list[list[Event]] = []
    for turn in range(1, turns + 1):
        given = (HOLD if turn == 1 else []) + (orders or {}).get(turn, [])
        played.append(game.step(given))
    return game, played


def of(kind: type[Event], played: list[list[Event]]) -> list[Event]:
    return [e for turn in played for e in turn if isinstance(e, kind)]


class TestRadarFailure:
    FAILS = """
[[injects]]
name = "Big Bird breaks down"
when = { turn = 2 }
kind = "radar_failure"
unit = "Big Bird"
turns = 3
message = "Generator fault at Big Bird."
"""

    def test_a_radar_failed_for_3_turns_detects_nothing_for_exactly_those_turns(self) -> None:
        loaded = campaign(self.FAILS)
        game = Game.new(loaded, 7)
        radar = game.scenario.r_name.index("Big Bird")
        watcher = 0  # the AEW aircraft's slot
        detected, emitting = [], []
        for turn in range(1, 9):
            events = game.step(HOLD if turn == 1 else [])
            if game.state.seen_by[radar, watcher] == turn:
                detected.append(turn)
            ended = next(e for e in events if isinstance(e, TurnEnded))
            if "Big Bird" in ended.emitting:
                emitting.append(turn)
        # It fails at the end of turn 2: out in turns 3, 4 and 5, back on turn 6.
        assert detected == [1, 2, 6, 7, 8]
        assert emitting == [1, 6, 7, 8]  # turn 2's end already finds it failed

    def test_the_failure_is_logged_with_the_turn_it_is_back(self) -> None:
        _, played = play(campaign(self.FAILS), 3)
        failed = of(RadarFailed, played)
        assert failed == [
            RadarFailed(
                turn=2,
                inject="Big Bird breaks down",
                unit="Big Bird",
                until_turn=6,
                message="Generator fault at Big Bird.",
            )
        ]

    def test_a_failed_radar_cannot_be_switched_on(self) -> None:
        on = Order(turn=4, unit="Big Bird", action="emission", setting="on")
        _, played = play(campaign(self.FAILS), 4, {4: [on]})
        refused = of(OrderRefused, played)
        assert [(e.turn, e.unit) for e in refused] == [(4, "Big Bird")]  # type: ignore[attr-defined]


class TestResupply:
    def resupply(self, rounds: int) -> str:
        return f"""
[[injects]]
name = "Convoy"
when = {{ turn = 1 }}
kind = "resupply"
fire_unit = "FU Alpha"
missile = "48N6-class"
rounds = {rounds}
"""

    def test_a_resupply_of_4_rounds_gives_4_more_ready_rounds(self) -> None:
        game, played = play(campaign(self.resupply(4)), 1)
        m = game.scenario.m_name.index("48N6-class")
        assert int(game.state.ready[0, m]) == 8 + 4
        assert int(game.state.stock[0, m]) == 0
        assert of(Resupplied, played) == [
            Resupplied(
                turn=1,
                inject="Convoy",
                fire_unit="FU Alpha",
                missile="48N6-class",
                rounds=4,
                ready=4,
            )
        ]

    def test_rounds_beyond_the_free_tubes_go_into_stock(self) -> None:
        # 16 tubes, 8 full: 8 of the 12 go on the launchers, 4 into stock.
        game, played = play(campaign(self.resupply(12)), 1)
        m = game.scenario.m_name.index("48N6-class")
        assert (int(game.state.ready[0, m]), int(game.state.stock[0, m])) == (16, 4)
        assert [(e.rounds, e.ready) for e in of(Resupplied, played)] == [(12, 8)]  # type: ignore[attr-defined]


class TestLinkCut:
    CUT = """
[[injects]]
name = "Cable cut"
when = { turn = 2 }
kind = "link_cut"
command_post = "HQ"
"""

    def test_a_cut_link_leaves_the_fire_unit_its_own_radar_only(self) -> None:
        game, _ = play(campaign(self.CUT), 1)
        sc = game.scenario
        assert bool(game.state.cp_alive[0])
        game.step([])
        assert not bool(game.state.cp_alive[0])
        own = sc.f_radar[0]
        fresh = game.state.turn - sc.loaded.campaign.rules.track_coast_turns
        seen_by_own = set(np.flatnonzero(game.state.seen_by[own] >= fresh).tolist())
        assert set(picture(sc, game.state, 0).tolist()) <= seen_by_own

    def test_the_cut_is_logged_with_the_units_it_leaves_alone(self) -> None:
        _, played = play(campaign(self.CUT), 2)
        assert of(LinkCut, played) == [
            LinkCut(turn=2, inject="Cable cut", command_post="HQ", cut_off=("FU Alpha",))
        ]


class TestPopUpRaid:
    def popup(self, when: str) -> str:
        return f"""
[[injects]]
name = "Second wave launches"
when = {when}
kind = "popup_raid"
raid = "Second wave"
"""

    def test_a_raid_held_for_its_inject_enters_when_it_fires_not_on_its_own_turn(self) -> None:
        game, played = play(campaign(self.popup("{ turn = 4 }")), 5)
        slots = np.array([1, 2])  # the second raid's two cruise missiles
        entered = [(e.turn, e.raid) for e in of(RaidEntered, played)]  # type: ignore[attr-defined]
        assert entered == [(1, "Watcher"), (4, "Second wave")]
        assert [e.turn for e in of(RaidPoppedUp, played)] == [4]
        # It enters at the end of turn 4 and flies from turn 5: one turn's flight, 14.4 km.
        assert game.state.status[slots].tolist() == [ACTIVE, ACTIVE]
        assert game.state.flown[slots].tolist() == pytest.approx([14.4, 14.4])

    def test_a_held_raid_waits_while_its_condition_is_not_met(self) -> None:
        game, _ = play(campaign(self.popup('{ asset_hit = "Port" }')), 3)
        assert game.state.status[[1, 2]].tolist() == [SPENT, SPENT]

    def test_without_the_inject_the_raid_enters_on_its_own_turn(self) -> None:
        game, played = play(campaign(""), 2)
        assert [e.turn for e in of(RaidEntered, played)] == [1, 2]
        assert PENDING not in game.state.status[[1, 2]].tolist()


class TestConditions:
    def test_an_inject_on_the_first_track_of_a_class_fires_the_turn_it_is_made(self) -> None:
        loaded = campaign("""
[[injects]]
name = "Early warning"
when = { first_track = "awacs" }
kind = "resupply"
fire_unit = "FU Alpha"
missile = "48N6-class"
rounds = 1
""")
        _, played = play(loaded, 4)
        # The AEW aircraft is tracked on turn 1, and tracked on after: one firing.
        assert [e.turn for e in of(Resupplied, played)] == [1]

    def test_an_inject_on_rounds_below_a_count_fires_once_as_they_fall_below(self) -> None:
        loaded = campaign("""
[[injects]]
name = "Low"
when = { rounds_below = 7, fire_unit = "FU Alpha" }
kind = "radar_failure"
unit = "Big Bird"
turns = 1
""")
        # Two ordered shots of one round: 8 -> 7 on turn 2 (not below 7), 6 on turn 3.
        shots = {
            turn: [Order(turn=turn, unit="FU Alpha", action="engage", track=1, salvo=1)]
            for turn in (2, 3)
        }
        _, played = play(loaded, 5, shots)
        launched = sum(1 for e in played[1] + played[2] if e.kind == "missile_launched")
        assert launched == 2
        assert [e.turn for e in of(RadarFailed, played)] == [3]


def test_a_save_with_injects_replays_byte_for_byte() -> None:
    loaded = campaign(TestRadarFailure.FAILS + TestPopUpRaid().popup("{ turn = 3 }"))
    recorder = Recorder.new(loaded, 11, "Tester")
    while not recorder.game.over:
        recorder.step(HOLD if recorder.game.turn == 0 else [])
    saved = parse_save(dumps_record(recorder.record), "save.json")
    assert verify_record(saved, "save.json").first_difference is None
    replayed = replay_game(saved, "save.json")
    assert replayed.turn == recorder.game.turn
    kinds = {e.kind for e in saved.events()}
    assert {"radar_failed", "raid_popped_up", "raid_entered"} <= kinds
    again = Recorder.new(loaded, 11, "Tester")
    while not again.game.over:
        again.step(HOLD if again.game.turn == 0 else [])
    assert canonical_json(again.record.events()) == canonical_json(saved.events())


def test_a_campaign_without_injects_plays_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without injects the phase touches nothing: the same events as the same game with
    the phase taken out of the turn."""
    loaded = campaign("")
    _, with_phase = play(loaded, 12)
    monkeypatch.setattr(game_module, "run_injects", lambda *args: None)
    _, without = play(loaded, 12)
    assert [e.to_dict() for t in with_phase for e in t] == [e.to_dict() for t in without for e in t]


class TestMoreConditions:
    """Conditions judged on tracks made and on hits, each firing once, on the turn it is met."""

    def test_an_inject_on_the_first_track_of_the_game_fires_once(self) -> None:
        loaded = campaign("""
[[injects]]
name = "First contact"
when = { tracks = 1 }
kind = "resupply"
fire_unit = "FU Alpha"
missile = "48N6-class"
rounds = 1
""")
        _, played = play(loaded, 6)
        first = min(e.turn for turn in played for e in turn if e.kind == "track_initiated")
        assert [e.turn for e in of(Resupplied, played)] == [first]

    def test_an_inject_on_an_asset_hit_fires_on_the_turn_of_the_first_hit(self) -> None:
        # Two cruise missiles fly 60 km at the port unopposed (weapons hold).
        loaded = campaign("""
[[injects]]
name = "Hit"
when = { asset_hit = "Port" }
kind = "link_cut"
command_post = "HQ"

[[red.raids]]
name = "Close shot"
turn = 1
threat = "Subsonic cruise missile"
count = 2
origin = [250, 90]
target = "Port"
spacing_km = 30
""")
        _, played = play(loaded, 12)
        hits = [e.turn for turn in played for e in turn if e.kind == "leaker" and e.damaged]  # type: ignore[attr-defined]
        assert hits, "the port is never hit: the test shows nothing"
        assert [e.turn for e in of(LinkCut, played)] == hits[:1]


def test_each_inject_gets_a_line_in_the_report_s_timeline_on_its_turn() -> None:
    from wargame.report.aar import build_aar

    loaded = campaign(
        """
[[injects]]
name = "Big Bird breaks down"
when = { turn = 2 }
kind = "radar_failure"
unit = "Big Bird"
turns = 3

[[injects]]
name = "Convoy"
when = { turn = 3 }
kind = "resupply"
fire_unit = "FU Alpha"
missile = "48N6-class"
rounds = 4
"""
    )
    game, played = play(loaded, 4)
    aar = build_aar([game.started_event(), *(e for turn in played for e in turn)])
    notes = {line.turn: line.notes for line in aar.timeline}
    assert any("Big Bird" in note for note in notes[2])
    assert any("FU Alpha" in note and "4" in note for note in notes[3])


class TestAssetPriority:
    RAISED = """
[[injects]]
name = "Port matters most"
when = { turn = 2 }
kind = "asset_priority"
asset = "Port"
priority = 3
message = "Higher command:"
"""

    def test_the_priority_changes_at_the_end_of_its_turn_and_is_logged(self) -> None:
        from wargame.engine.events import AssetPriorityChanged

        game, played = play(campaign(self.RAISED), 3)
        (changed,) = of(AssetPriorityChanged, played)
        assert (changed.turn, changed.asset, changed.priority, changed.was) == (2, "Port", 3, 1)
        assert game.state.asset_priority.tolist() == [3.0]

    def test_the_score_counts_the_asset_at_its_new_priority(self) -> None:
        from wargame.engine import score_of

        plain, _ = play(campaign(""), 3)
        raised, _ = play(campaign(self.RAISED), 3)
        # The same dice and no fire: the same damage; only the weight of the port moves.
        lost = float(raised.state.asset_lost[0])
        assert float(plain.state.asset_lost[0]) == lost
        before = score_of(plain.scenario, plain.state)
        after = score_of(raised.scenario, raised.state)
        assert before.asset_value_kept == pytest.approx(100.0 - lost)
        assert after.asset_value_kept == pytest.approx(3 * (100.0 - lost))
        assert after.asset_priority_lost == pytest.approx(3 * lost)

    def test_the_log_says_the_new_priority_and_the_old(self) -> None:
        from wargame.engine.events import AssetPriorityChanged
        from wargame.view.blue import blue_text

        _, played = play(campaign(self.RAISED), 2)
        (changed,) = of(AssetPriorityChanged, played)
        assert blue_text(changed) == "Higher command: Port's priority is now 3 (was 1)"

    def test_a_save_holding_the_change_verifies(self) -> None:
        recorder = Recorder.new(campaign(self.RAISED), 7)
        for _ in range(3):
            recorder.step([])
        record = parse_save(dumps_record(recorder.record), "priority.json")
        assert verify_record(record, "priority.json").first_difference is None
