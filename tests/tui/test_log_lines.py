"""The event log's lines, word for word."""

from __future__ import annotations

from wargame.engine.events import MissileLaunched
from wargame.tui.log_lines import line_for


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
    assert line[1] == "FU Alpha fired a 9M96 at track 12: 68 km, Pk 0.55, intercept on turn 25"
