"""The event log's lines, word for word."""

from __future__ import annotations

from wargame.engine.events import MissileLaunched
from wargame.report.describe import describe
from wargame.view.log_lines import line_for, log_lines


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
