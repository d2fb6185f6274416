"""The decisions that mattered: each order beside the events it answered, and the turns
that decided each objective."""

from __future__ import annotations

import json

from wargame.engine.events import (
    ArmLaunched,
    Event,
    Leaker,
    OrderAccepted,
    OrderRefused,
    RaidEntered,
)
from wargame.record import Record
from wargame.report.aar import build_aar
from wargame.report.decisions import deciding_turns, decisions
from wargame.report.formats import render


def test_an_emission_order_sits_beside_the_arm_launch_it_answered() -> None:
    events: list[Event] = [
        RaidEntered(1, "Wave", "Subsonic cruise missile", "cruise_missile", 2, "Port", (0, 1)),
        ArmLaunched(4, "Hunters", 9, "FU A"),
        OrderAccepted(5, "FU A", "emission off"),
        OrderRefused(9, "FU B", "move to [1, 2]", "no such place"),
    ]
    silent, refused = decisions(events)
    assert (silent.turn, silent.unit, silent.order, silent.outcome) == (
        5,
        "FU A",
        "emission off",
        "accepted",
    )
    # The raid of turn 1 is more than two turns back; the ARM of turn 4 is not.
    assert len(silent.answered) == 1 and silent.answered[0].startswith("turn 4:")
    assert refused.outcome == "refused: no such place" and refused.answered == ()


def test_an_objective_is_decided_on_the_turns_its_site_was_struck() -> None:
    events: list[Event] = [
        Leaker(7, 3, "ballistic_missile", "Brenna Air Base", True, 125.0),
        Leaker(9, 4, "cruise_missile", "Port", True, 50.0),
    ]
    (brenna, budget) = deciding_turns(
        events,
        [
            ("Keep Brenna Air Base", False, "kept 75.0% of its value"),
            ("Spend under 80 M$", True, "spent 31 M$"),
        ],
    )
    assert brenna.turns == (7,) and not brenna.met
    assert budget.turns == ()


def test_the_reports_carry_the_decisions_of_a_played_game(real_game: Record) -> None:
    aar = build_aar(real_game.events())
    brenna = next(d for d in aar.deciding if "Brenna" in d.objective)
    leaked = [
        e.turn
        for e in real_game.events()
        if isinstance(e, Leaker) and e.target == "Brenna Air Base"
    ]
    assert brenna.turns == tuple(sorted(set(leaked))) and not brenna.met
    document = json.loads(render(aar, "json"))
    assert len(document["decisions"]) == len(aar.decisions)
    assert len(document["deciding_turns"]) == len(aar.score.objectives)
    assert "## Decisions that mattered" in render(aar, "md")
