"""Rounds remaining by type and the score's parts, turn by turn: read from the events, from
the start the campaign gives, checked by hand and against the engine's own state."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from tests.record.helpers import FIRST_CONTACT
from wargame.campaign import load_campaign, parse_campaign
from wargame.engine import Game
from wargame.engine.events import (
    Event,
    GameOver,
    Leaker,
    MissileLaunched,
    RadarDestroyed,
    Resupplied,
    ThreatDestroyed,
    TurnEnded,
)
from wargame.record import Record
from wargame.report.aar import Aar, build_aar
from wargame.report.formats import render
from wargame.report.over_time import Basis, changed_turns, over_time
from wargame.report.theatre import theatre_of

SVG = "{http://www.w3.org/2000/svg}"
WEIGHTS = (1.0, 0.25, 1.0, 1.0, 1.0, 1.0)
"""Points per M$ of asset value kept, threat cost destroyed, interceptor cost, over budget,
asset value lost and radar value lost."""


def _round(turn: int, missile: str = "9M96E-class", cost: float = 6.0) -> MissileLaunched:
    return MissileLaunched(turn, "Guard", missile, 1, 1, "fighter", 0.8, 30.0, turn + 1, cost)


def _basis() -> Basis:
    return Basis(
        rounds={"9M96E-class": 8 + 24, "48N6-class": 4},
        asset_values={"Depot": 100.0},
        asset_priorities={"Depot": 2.0},
        weights=WEIGHTS,
        interceptor_budget=10.0,
    )


def _hand_game() -> list[list[Event]]:
    return [
        [],
        [_round(1), _round(1), ThreatDestroyed(1, 1, "fighter", "Fighter", 40.0, "Guard")],
        [*(_round(2) for _ in range(4)), Leaker(2, 2, "drone", "Depot", True, 30.0)],
        [Resupplied(3, "convoy", "Guard", "9M96E-class", 6, 2), RadarDestroyed(3, "W", "arm", 50)],
    ]


def test_rounds_left_fall_by_each_round_fired_and_rise_by_each_resupply() -> None:
    ot = over_time(_basis(), _hand_game())
    assert ot.turns == (1, 2, 3)
    assert ot.start == (("9M96E-class", 32), ("48N6-class", 4))
    # 8 ready and 24 in stock; 2 fired, then 4, then 6 brought: 30, 26, 32
    assert dict(ot.rounds) == {"9M96E-class": (30, 26, 32), "48N6-class": (4, 4, 4)}


def test_score_parts_by_turn_checked_by_hand() -> None:
    parts = dict(over_time(_basis(), _hand_game()).parts)
    # Depot 100 M$ at priority 2 kept whole, then 30 lost: 200, 200, 140 kept; 60 lost.
    assert parts["asset_value_kept"] == (200.0, 140.0, 140.0)
    assert parts["asset_priority_lost"] == (0.0, -60.0, -60.0)
    # 40 M$ destroyed at 0.25 a M$; 2 then 6 rounds of 6 M$; a budget of 10 M$.
    assert parts["threat_cost_destroyed"] == (10.0, 10.0, 10.0)
    assert parts["interceptor_cost"] == (-12.0, -36.0, -36.0)
    assert parts["over_budget"] == (-2.0, -26.0, -26.0)
    assert parts["radar_value_lost"] == (0.0, 0.0, -50.0)


def test_a_table_of_changes_keeps_the_first_turn_each_change_and_the_last() -> None:
    assert changed_turns((1, 2, 3, 4, 5), [(4, 4, 3, 3, 3), (1, 1, 1, 1, 1)]) == [0, 2, 4]


@pytest.fixture(scope="module")
def aar(real_game: Record) -> Aar:
    loaded = parse_campaign(real_game.campaign_source, real_game.campaign_name)
    theatre = theatre_of(
        loaded,
        real_game.seed,
        [t.orders for t in real_game.turns],
        [t.events for t in real_game.turns],
    )
    return build_aar(real_game.events(), theatre=theatre)


def test_the_rounds_left_are_the_regiment_s_magazines_turn_by_turn(
    aar: Aar, real_game: Record
) -> None:
    assert aar.theatre is not None and aar.theatre.over_time is not None
    ot = aar.theatre.over_time
    game = Game.new(load_campaign(FIRST_CONTACT), real_game.seed)
    held = []
    for turn in real_game.turns[1:]:
        game.step(list(turn.orders))
        held.append((game.state.ready + game.state.stock).sum(axis=0).tolist())
    names = game.scenario.m_name
    assert len(ot.turns) == len(held) == aar.turns
    for missile, values in ot.rounds:
        assert list(values) == [h[names.index(missile)] for h in held]
    fired = {r.missile: r.fired for r in aar.interceptors}
    start = dict(ot.start)
    assert {m: start[m] - v[-1] for m, v in ot.rounds if start[m] != v[-1]} == fired


def test_the_parts_add_up_to_each_turn_s_score_and_end_on_the_score_card(
    aar: Aar, real_game: Record
) -> None:
    assert aar.theatre is not None and aar.theatre.over_time is not None
    ot = aar.theatre.over_time
    scores = [e.score for e in real_game.events() if isinstance(e, TurnEnded)]
    totals = [sum(values[i] for _, values in ot.parts) for i in range(len(ot.turns))]
    assert totals == pytest.approx(scores, abs=0.01)
    assert any(isinstance(e, GameOver) for e in real_game.events())
    last = {name: values[-1] for name, values in ot.parts}
    from wargame.report.score_card import MISSION_PARTS

    card = {name: points for name, _, _, points in aar.score.parts}
    assert {MISSION_PARTS[k]: v for k, v in last.items()} == pytest.approx(card, abs=0.01)


def test_every_format_carries_both_series(aar: Aar) -> None:
    assert aar.theatre is not None and aar.theatre.over_time is not None
    ot = aar.theatre.over_time
    doc = json.loads(render(aar, "json"))
    rounds = doc["charts"]["rounds_remaining"]
    assert rounds["turns"] == list(ot.turns)
    assert [s["values"] for s in rounds["series"]] == [list(v) for _, v in ot.rounds]
    parts = doc["charts"]["score_parts"]
    assert [s["key"] for s in parts["series"]] == [k for k, _ in ot.parts]
    assert doc["tables"]["rounds_remaining"]["rows"][0]["turn"] == 1
    html = render(aar, "html")
    for key, series in (("rounds_remaining", ot.rounds), ("score_parts", ot.parts)):
        start = html.index(f'<figure id="chart-{key}">')
        svg = html[html.index("<svg", start) : html.index("</svg>", start) + 6]
        assert len(list(ET.fromstring(svg).iter(SVG + "polyline"))) == len(series)
    markdown = render(aar, "md")
    assert "Rounds remaining by type" in markdown and "Score parts by turn" in markdown
    assert "| turn |" in markdown
    text = render(aar, "text")
    assert "Rounds remaining" in text


def test_a_report_without_its_replay_has_no_series(real_game: Record) -> None:
    doc = json.loads(render(build_aar(real_game.events()), "json"))
    assert "rounds_remaining" not in doc["charts"]
    assert "score_parts" not in doc["charts"]
