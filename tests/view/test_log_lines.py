"""The event log's lines, word for word."""

from __future__ import annotations

import dataclasses
from dataclasses import replace

from wargame.engine.events import (
    InterceptResolved,
    Leaker,
    MissileLaunched,
    OrderAccepted,
    ThreatDestroyed,
    TrackInitiated,
)
from wargame.report.describe import describe
from wargame.view.log_lines import (
    GOOD,
    KILL,
    LEAKER,
    MINE,
    NOT_NEEDED,
    OTHER,
    RED,
    WARN,
    LogLine,
    line_for,
    log_entries,
    log_lines,
)


def test_a_launch_names_its_range_kill_probability_and_intercept_turn() -> None:
    launched = MissileLaunched(
        turn=23,
        fire_unit="FU Alpha",
        missile="9M96-class",
        track=12,
        threat=20,
        threat_class="ballistic_missile",
        pk=0.55,
        range_km=68.295,
        intercept_turn=25,
        cost=1.0,
    )
    line = line_for(launched)
    assert line is not None
    assert line[1] == "FU Alpha fired a 9M96 at track 12: 68 km, Pk 0.55, due T25"
    # A salvo's rounds, one event each, make one line, in play and in a replay.
    salvo = (23, line[0], "FU Alpha fired 2 × 9M96 at track 12: 68 km, Pk 0.55 each, due T25")
    assert log_lines([launched, launched]) == [salvo]
    assert log_lines([launched, launched], describe) == [salvo]


def test_the_longest_launch_line_fits_an_80_column_log() -> None:
    """The log's text is 75 columns wide at 80 (border, padding, scroll bar), less the
    4 of the turn: a salvo of a 9M96E from a ten-letter unit at a 3-digit track."""
    launched = MissileLaunched(
        turn=23,
        fire_unit="FU North-2",
        missile="9M96E-class",
        track=123,
        threat=20,
        threat_class="drone",
        pk=0.64,
        range_km=199.0,
        intercept_turn=25,
        cost=0.4,
    )
    ((_, _, text),) = log_lines([launched] * 4)
    assert len(text) <= 71, text


def _round(killed: bool, reason: str = "", roll: float = 0.5) -> InterceptResolved:
    return InterceptResolved(
        turn=9,
        fire_unit="FU Alpha",
        missile="9M96-class",
        track=12,
        threat=20,
        threat_class="fighter",
        killed=killed,
        pk=0.55,
        roll=roll,
        reason=reason,
    )


def test_a_salvo_that_kills_with_its_first_round_reads_as_one_line_live_and_in_replay() -> None:
    """The second round finds its target gone: it folds into the first's line instead of a
    line of its own, in play and in a replay alike."""
    hit, spare = _round(True, roll=0.2), _round(False, reason="target already destroyed")
    destroyed = ThreatDestroyed(
        turn=9,
        threat=20,
        threat_class="fighter",
        threat_type="Su-34",
        cost=50.0,
        fire_unit="FU Alpha",
    )
    line = LogLine(9, GOOD, "track 12 destroyed by FU Alpha's 2 × 9M96: 1 hit, 1 not needed", KILL)
    assert log_entries([hit, destroyed, spare]) == [line]
    # A replay tells what it was besides, in the report's words, after the same line.
    replay = log_entries([hit, destroyed, spare], describe)
    assert replay[0] == line
    assert [(r.topic, "Su-34" in r.text) for r in replay[1:]] == [(KILL, True)]


def test_a_salvo_whose_rounds_all_miss_is_one_warning() -> None:
    both = log_entries([_round(False), _round(False, roll=0.9)])
    assert both == [LogLine(9, WARN, "FU Alpha's 2 × 9M96 missed track 12", OTHER)]


def test_a_miss_then_a_kill_says_both() -> None:
    ((line,),) = [log_entries([_round(False, roll=0.9), _round(True, roll=0.1)])]
    assert line.text == "track 12 destroyed by FU Alpha's 2 × 9M96: 1 missed, 1 hit"


def test_rounds_of_another_unit_on_the_same_track_keep_their_own_line() -> None:
    other = replace(_round(False, roll=0.9), fire_unit="FU Bravo")
    lines = log_entries([_round(True), other])
    assert [line.text for line in lines] == [
        "track 12 destroyed by FU Alpha's 9M96",
        "FU Bravo's 9M96 missed track 12",
    ]


def test_each_line_carries_the_topic_its_filter_keeps() -> None:
    """Kills, leakers, the player's orders and red's activity, as the log's filters read them."""
    order = OrderAccepted(turn=3, unit="FU Alpha", order="weapons free")
    new_track = TrackInitiated(
        turn=3, track=5, threat=7, threat_class="fighter", radar="Big Bird", range_km=210.0
    )
    leaker = Leaker(
        turn=4,
        threat=7,
        threat_class="fighter",
        target="Aldmouth port",
        damaged=True,
        value_lost=120.0,
    )
    lines = log_entries([order, new_track, leaker, _round(True)])
    assert [line.topic for line in lines] == [MINE, RED, LEAKER, KILL]


def test_a_two_round_salvo_line_fits_an_80_column_log() -> None:
    rounds = [
        replace(_round(True), fire_unit="FU North-2", missile="9M96E-class", track=123),
        replace(
            _round(False, NOT_NEEDED), fire_unit="FU North-2", missile="9M96E-class", track=123
        ),
    ]
    ((line,),) = [log_entries(rounds)]
    assert len(line.text) <= 71, line.text


def test_a_salvo_s_kill_says_how_sure_the_radar_is_of_it() -> None:
    """The round that hit was read as a kill with P(dead | read kill) 0.977 (pk 0.7,
    m 0.1, f 0.05): the line says so, as a one-round kill's does."""
    hit = dataclasses.replace(_round(True, roll=0.2), assessed="kill", kill_confidence=0.977)
    spare = _round(False, reason="target already destroyed")
    ((line,),) = [log_entries([hit, spare])]
    assert line.text == (
        "track 12 destroyed by FU Alpha's 2 × 9M96 (assessed 98%): 1 hit, 1 not needed"
    )
