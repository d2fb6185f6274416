"""Engagements, one row per salvo, match the events: counted and judged by hand on a
small game, and against a played one."""

from __future__ import annotations

import json

import pytest

from tests.report.test_renderers import parse_html
from wargame.engine.events import (
    ArmLaunched,
    Event,
    InterceptResolved,
    MissileLaunched,
    RaidEntered,
)
from wargame.record import Record
from wargame.report.aar import build_aar
from wargame.report.describe import describe
from wargame.report.engagements import engagements, matching
from wargame.report.formats import render


def _small_game() -> list[Event]:
    """A cruise missile fired at twice (a miss, then a two-round salvo that kills with its
    first round, its second meeting nothing), a decoy taken for a cruise missile (killed),
    an ARM fired at on the last turn (still in flight)."""
    return [
        RaidEntered(1, "Wave", "Subsonic cruise missile", "cruise_missile", 1, "Port", (0,)),
        RaidEntered(1, "Ghosts", "Air-launched decoy", "decoy", 1, "Port", (1,)),
        ArmLaunched(2, "Hunters", 7, "FU A"),
        MissileLaunched(2, "FU A", "9M96-class", 1, 0, "cruise_missile", 0.5, 40.0, 3, 0.6),
        MissileLaunched(2, "FU A", "9M96-class", 2, 1, "cruise_missile", 0.6, 41.0, 3, 0.6),
        InterceptResolved(3, "FU A", "9M96-class", 1, 0, "cruise_missile", False, 0.5, 0.9, ""),
        InterceptResolved(3, "FU A", "9M96-class", 2, 1, "cruise_missile", True, 0.6, 0.1, ""),
        # a salvo of two rounds: one event per round
        MissileLaunched(3, "FU B", "48N6-class", 1, 0, "cruise_missile", 0.7, 90.0, 5, 1.5),
        MissileLaunched(3, "FU B", "48N6-class", 1, 0, "cruise_missile", 0.7, 90.0, 5, 1.5),
        InterceptResolved(5, "FU B", "48N6-class", 1, 0, "cruise_missile", True, 0.7, 0.2, ""),
        InterceptResolved(
            5,
            "FU B",
            "48N6-class",
            1,
            0,
            "cruise_missile",
            False,
            0.7,
            0.0,
            "target already destroyed",
        ),
        MissileLaunched(5, "FU B", "9M96-class", 3, 7, "arm", 0.4, 20.0, 6, 0.6, True),
    ]


def test_one_row_per_salvo_in_the_order_fired() -> None:
    rows = engagements(_small_game())
    assert [(r.turn, r.fire_unit, r.missile, r.rounds) for r in rows] == [
        (2, "FU A", "9M96-class", 1),
        (2, "FU A", "9M96-class", 1),
        (3, "FU B", "48N6-class", 2),
        (5, "FU B", "9M96-class", 1),
    ]
    # Five launch events, five rounds.
    assert sum(r.rounds for r in rows) == 5


def test_each_salvo_is_judged_by_its_own_rounds() -> None:
    miss, decoy, salvo, arm = engagements(_small_game())
    assert (miss.result, miss.rolled, miss.killed) == ("miss", 1, 0)
    assert (decoy.result, decoy.tracked_as, decoy.true_class) == ("kill", "cruise_missile", "decoy")
    # The salvo killed with its first round; the second met nothing but the salvo killed.
    assert (salvo.result, salvo.rolled, salvo.resolved, salvo.unmet) == ("kill", 1, 2, "")
    assert salvo.cost == 3.0
    assert salvo.salvo_pk == 0.91  # 1 - 0.3 ** 2
    assert salvo.flight_turns == 2
    assert (arm.result, arm.true_class, arm.ordered) == ("in flight", "arm", True)


def test_a_salvo_the_radar_misread_says_so_beside_the_truth() -> None:
    """A miss read as a kill, a kill read as a miss (rules 1.7): the rows and the report's
    line say where the reading was wrong; a right reading says nothing more."""
    events: list[Event] = [
        MissileLaunched(1, "FU A", "9M96-class", 1, 4, "fighter", 0.5, 30.0, 2, 0.6),
        MissileLaunched(1, "FU A", "9M96-class", 2, 5, "fighter", 0.5, 30.0, 2, 0.6),
        MissileLaunched(1, "FU A", "9M96-class", 3, 6, "fighter", 0.5, 30.0, 2, 0.6),
    ]
    readings = [(4, False, "kill", 0.9), (5, True, "miss", 0.1), (6, True, "kill", 0.95)]
    for threat, killed, told, sure in readings:
        events.append(
            InterceptResolved(
                2,
                "FU A",
                "9M96-class",
                threat - 3,
                threat,
                "fighter",
                killed,
                0.5,
                0.4,
                "",
                assessed=told,
                kill_confidence=sure,
            )
        )
    rows = engagements(events)
    assert [(r.result, r.assessed, r.misread) for r in rows] == [
        ("miss", "kill", "assessed killed - in truth survived"),
        ("kill", "miss", "assessed missed - in truth killed"),
        ("kill", "kill", ""),
    ]
    lines = [describe(e) for e in events if isinstance(e, InterceptResolved)]
    assert lines[0].endswith(" - assessed killed, in truth survived")
    assert lines[1].endswith(" - assessed missed, in truth killed")
    assert lines[2].endswith("Pk 0.50)")


def test_a_salvo_whose_every_round_met_nothing_says_why() -> None:
    events = [
        MissileLaunched(1, "FU A", "9M96-class", 1, 4, "fighter", 0.5, 30.0, 2, 0.6),
        InterceptResolved(
            2, "FU A", "9M96-class", 1, 4, "fighter", False, 0.5, 0.0, "target no longer in the air"
        ),
    ]
    (row,) = engagements(events)
    assert (row.result, row.unmet) == ("met nothing", "target no longer in the air")


def test_the_filter_keeps_rows_by_unit_result_and_words() -> None:
    rows = engagements(_small_game())
    assert len(matching(rows, fire_unit="FU B")) == 2
    assert len(matching(rows, result="kill")) == 2
    assert [r.threat for r in matching(rows, text="decoy")] == [1]
    assert [r.threat for r in matching(rows, text="cruise missile")] == [0, 1, 0]


def test_the_engagements_of_a_played_game_add_up_to_its_launches(real_game: Record) -> None:
    events = real_game.events()
    launched = sum(1 for e in events if isinstance(e, MissileLaunched))
    killed = sum(1 for e in events if isinstance(e, InterceptResolved) and e.killed)
    aar = build_aar(events)
    assert launched > 0
    assert sum(e.rounds for e in aar.engagements) == launched
    assert sum(e.killed for e in aar.engagements) == killed
    assert sum(e.cost for e in aar.engagements) == pytest.approx(
        sum(i.cost for i in aar.interceptors)
    )


def test_every_format_lists_the_engagements(real_game: Record) -> None:
    aar = build_aar(real_game.events())
    n = len(aar.engagements)
    document = json.loads(render(aar, "json"))
    assert len(document["engagements"]) == n
    assert document["engagements"][0]["turn"] == aar.engagements[0].turn
    markdown = render(aar, "md")
    assert "## Engagements" in markdown
    html = render(aar, "html")
    parse_html(html)
    table = html[html.index('id="table-engagements"') :]
    table = table[: table.index("</table>")]
    assert table.count("<tr>") == n + 1  # the head and a row per salvo
