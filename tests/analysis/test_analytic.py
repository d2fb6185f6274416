"""The analytic expectation of kills, by hand and against the Monte Carlo mean."""

from __future__ import annotations

import pytest

from wargame.analysis.analytic import expectation, kill_probability
from wargame.analysis.monte_carlo import analyze
from wargame.analysis.plans import default_plan
from wargame.campaign import LoadedCampaign
from wargame.engine.events import InterceptResolved, MissileLaunched, RaidEntered, ThreatDestroyed


def test_two_rounds_of_seven_tenths_kill_with_probability_0_91() -> None:
    assert kill_probability([0.7, 0.7]) == pytest.approx(0.91)
    assert kill_probability([0.3, 0.3, 0.3]) == pytest.approx(1 - 0.7**3)
    assert kill_probability([]) == 0.0


def _salvo(turn: int, threat: int, killed: tuple[bool, bool]) -> list[object]:
    launched = [
        MissileLaunched(
            turn=turn,
            fire_unit="FU",
            missile="M",
            track=threat + 1,
            threat=threat,
            threat_class="cruise_missile",
            pk=0.7,
            range_km=50.0,
            intercept_turn=turn + 1,
            cost=1.0,
        )
    ] * 2
    resolved = [
        InterceptResolved(
            turn=turn + 1,
            fire_unit="FU",
            missile="M",
            track=threat + 1,
            threat=threat,
            threat_class="cruise_missile",
            killed=k,
            pk=0.7,
            roll=0.5,
            reason="" if not (killed[0] and i == 1) else "target already destroyed",
            pk_true=0.7,
        )
        for i, k in enumerate(killed)
    ]
    return [*launched, *resolved]


def test_four_threats_under_two_rounds_each_expect_3_64_kills_whatever_the_dice() -> None:
    entered = RaidEntered(
        turn=1,
        raid="R",
        threat_type="T",
        threat_class="cruise_missile",
        count=4,
        target="A",
        threats=(0, 1, 2, 3),
    )
    events: list[object] = [entered]
    for threat in range(4):
        events += _salvo(5, threat, (threat % 2 == 0, False))
        if threat % 2 == 0:
            events.append(
                ThreatDestroyed(
                    turn=6,
                    threat=threat,
                    threat_class="cruise_missile",
                    threat_type="T",
                    cost=1.0,
                    fire_unit="FU",
                )
            )
    e = expectation(events)  # type: ignore[arg-type]
    # 4 × (1 - 0.3²): the dice (two kills here) do not enter.
    assert e.kills == pytest.approx(3.64)
    assert e.leakers == pytest.approx(0.36)
    assert not e.exact  # two threats were neither killed nor leaked


def test_the_expected_kills_of_one_unit_against_a_raid_fall_in_the_monte_carlo_interval(
    one_unit_raid: LoadedCampaign,
) -> None:
    plan = analyze(one_unit_raid, default_plan(), range(1, 201)).first
    # Rounds fired together at threats flying together: no round waits on another.
    assert plan.exact_share >= 0.95
    assert plan.expected_kills == pytest.approx(3.64, abs=0.05)
    low, high = plan.kills.ci95
    assert low <= plan.expected_kills <= high
    low, high = plan.all_leakers.ci95
    assert low <= plan.expected_leakers <= high
