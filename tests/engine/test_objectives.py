"""Objectives judged, the rubric's boundaries and the collapse limits, on figures that can
be checked by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from wargame.campaign import LoadedCampaign, parse_campaign
from wargame.campaign.objectives import Objective, Rubric
from wargame.engine import Game
from wargame.engine.events import GameOver
from wargame.engine.game import collapse_reason
from wargame.engine.objectives import ObjectiveResult, Tally, grade, judge_one
from wargame.engine.state import DELIVERED, KILLED

MINIMAL = (Path(__file__).parents[1] / "campaign" / "minimal.toml").read_text(encoding="utf-8")


def figures(**given: object) -> Tally:
    """A tally of nothing lost, fired or flown, but for what is `given`."""
    base: dict[str, object] = {
        "asset_value": {"Depot": 500.0},
        "asset_lost": {"Depot": 0.0},
        "rounds_fired": 0,
        "money_spent": 0.0,
        "radars_lost": 0,
        "fire_units_lost": 0,
        "ballistic_flown": 0,
        "ballistic_engaged": 0,
        "raid_destroyed": {},
        "leakers": {},
    }
    return Tally(**(base | given))  # type: ignore[arg-type]


CASES = [
    # (objective, figures, met, reason)
    (
        {"kind": "asset_kept", "asset": "Depot", "share": 0.8},
        figures(asset_lost={"Depot": 100.0}),
        True,
        "Depot kept 80.0% of its value, needs 80.0%",
    ),
    (
        {"kind": "asset_kept", "asset": "Depot", "share": 0.8},
        figures(asset_lost={"Depot": 112.5}),  # a 450 kg warhead's 22.5 %
        False,
        "Depot kept 77.5% of its value, needs 80.0%",
    ),
    (
        {"kind": "rounds_fired", "at_most": 12},
        figures(rounds_fired=12),
        True,
        "interceptors fired 12, at most 12 allowed",
    ),
    (
        {"kind": "rounds_fired", "at_most": 12},
        figures(rounds_fired=13),
        False,
        "interceptors fired 13, at most 12 allowed",
    ),
    (
        {"kind": "money_spent", "at_most_musd": 45},
        figures(money_spent=45.0),
        True,
        "45 M$ of interceptors fired, at most 45 M$",
    ),
    (
        {"kind": "money_spent", "at_most_musd": 45},
        figures(money_spent=45.5),
        False,
        "45.5 M$ of interceptors fired, at most 45 M$",
    ),
    (
        {"kind": "radars_lost", "at_most": 0},
        figures(radars_lost=1),
        False,
        "radars lost 1, at most 0 allowed",
    ),
    (
        {"kind": "fire_units_lost", "at_most": 1},
        figures(fire_units_lost=1),
        True,
        "fire units lost 1, at most 1 allowed",
    ),
    (
        {"kind": "ballistic_engaged"},
        figures(ballistic_flown=2, ballistic_engaged=1),
        False,
        "1 of 2 ballistic missiles engaged",
    ),
    (
        {"kind": "ballistic_engaged"},
        figures(),
        True,
        "0 of 0 ballistic missiles engaged",
    ),
    (
        {"kind": "aircraft_destroyed", "raid": "Sentry"},
        figures(raid_destroyed={"Sentry": (1, 1)}),
        True,
        "1 of the 1 aircraft of Sentry destroyed",
    ),
    (
        {"kind": "aircraft_destroyed", "raid": "Sentry"},
        figures(raid_destroyed={"Sentry": (1, 2)}),
        False,
        "1 of the 2 aircraft of Sentry destroyed",
    ),
    (
        {"kind": "leakers", "threat_class": "cruise_missile", "at_most": 1},
        figures(leakers={"cruise_missile": 2, "drone": 5}),
        False,
        "cruise missile leakers 2, at most 1 allowed",
    ),
    (
        {"kind": "leakers", "threat_class": "drone", "at_most": 5},
        figures(leakers={"cruise_missile": 2, "drone": 5}),
        True,
        "drone leakers 5, at most 5 allowed",
    ),
]


@pytest.mark.parametrize(("given", "tally", "met", "reason"), CASES)
def test_each_kind_of_objective_is_met_or_not_with_its_reason(
    given: dict[str, object], tally: Tally, met: bool, reason: str
) -> None:
    assert judge_one(Objective.model_validate(given), tally) == (met, reason)


def results(*weights_met: tuple[float, bool]) -> list[ObjectiveResult]:
    return [ObjectiveResult(f"o{i}", w, met, "") for i, (w, met) in enumerate(weights_met)]


@pytest.mark.parametrize(
    ("met_weight", "letter", "outcome"),
    [
        (10, "A", "victory"),
        (9, "A", "victory"),  # 0.9 = a
        (8, "B", "victory"),  # 0.8: b 0.75, victory 0.75
        (7, "C", "marginal"),  # 0.7: c 0.6; marginal 0.5
        (6, "C", "marginal"),  # 0.6 = c
        (5, "D", "marginal"),  # 0.5 = marginal
        (4, "D", "defeat"),  # 0.4 = d
        (3, "F", "defeat"),
        (0, "F", "defeat"),
    ],
)
def test_the_rubric_grades_the_share_of_weight_met_at_its_boundaries(
    met_weight: int, letter: str, outcome: str
) -> None:
    # Ten objectives of weight 1: the share met is met_weight / 10.
    judged = results(*[(1.0, i < met_weight) for i in range(10)])
    graded = grade(Rubric(), judged)
    assert graded is not None
    assert (graded.share, graded.grade, graded.outcome) == (met_weight / 10, letter, outcome)


def test_weights_count_in_the_share_and_the_reason_names_what_was_missed() -> None:
    # 3 + 1 of 3 + 1 + 1 met: 80 %, a B; the missed one is named.
    judged = [
        ObjectiveResult("keep the port", 3.0, True, ""),
        ObjectiveResult("no fire unit lost", 1.0, True, ""),
        ObjectiveResult("every ballistic missile engaged", 1.0, False, ""),
    ]
    graded = grade(Rubric(), judged)
    assert graded is not None
    assert graded.grade == "B"
    assert graded.reason == (
        "80% of the objectives' weight met (B needs 75%); missed: every ballistic missile engaged"
    )


def test_no_objectives_give_no_grade() -> None:
    assert grade(Rubric(), []) is None


# ------------------------------------------------------------------ collapse

TWO_UNITS = (
    MINIMAL
    + """
[[blue.fire_units]]
name = "FU Bravo"
radar = "92N6E-class engagement radar"
position = [140, 40]
command_post = "HQ"
launchers = 2
loadout = { "48N6-class" = 8 }

[[blue.radars]]
name = "Big Bird"
type = "91N6E-class acquisition radar"
position = [160, 60]
command_post = "HQ"
"""
)


def campaign(text: str, scoring: str = "", objectives: str = "") -> LoadedCampaign:
    return parse_campaign(text + "\n[scoring]\n" + scoring + "\n" + objectives, "test.toml")


def test_the_defence_stands_until_a_collapse_limit_is_reached() -> None:
    game = Game.new(campaign(TWO_UNITS, "collapse_fire_units_lost = 1.0"), 1)
    sc, st = game.scenario, game.state
    st.radar_alive[sc.f_radar[0]] = False  # one of two fire units: 50 % < 100 %
    assert collapse_reason(sc, st) == ""


@pytest.mark.parametrize(
    ("scoring", "lose", "reason"),
    [
        ("collapse_fire_units_lost = 0.5", "FU Alpha", "1 of 2 fire units lost (limit 50%)"),
        # Three radars, the fire units' included: one lost is 33 %.
        ("collapse_radars_lost = 0.3", "Big Bird", "1 of 3 radars lost (limit 30%)"),
    ],
)
def test_the_defence_collapses_once_a_share_of_its_units_is_lost(
    scoring: str, lose: str, reason: str
) -> None:
    game = Game.new(campaign(TWO_UNITS, scoring), 1)
    sc, st = game.scenario, game.state
    st.radar_alive[sc.r_name.index(lose)] = False
    assert collapse_reason(sc, st) == reason


def test_a_collapse_ends_the_game_in_defeat_graded_f() -> None:
    objectives = '[[objectives]]\nkind = "asset_kept"\nasset = "Depot 2"\nshare = 0.5\n'
    game = Game.new(campaign(TWO_UNITS, "collapse_fire_units_lost = 1.0", objectives), 1)
    sc = game.scenario
    for f in sc.f_radar:
        game.state.radar_alive[f] = False
    events = game.step([])
    over = events[-1]
    assert isinstance(over, GameOver)
    assert game.outcome is not None
    assert (game.outcome.termination, game.outcome.result, game.outcome.grade) == (
        "defence_collapsed",
        "defeat",
        "F",
    )
    assert over.collapse == "2 of 2 fire units lost (limit 100%)"
    assert over.grade_reason == ("the defence collapsed: 2 of 2 fire units lost (limit 100%)")
    # The objective itself was met: the depot stands.
    assert over.objectives == (
        ("Keep 50% of Depot 2", 1.0, True, "Depot 2 kept 100.0% of its value, needs 50.0%"),
    )


def test_the_truth_counts_a_threat_by_what_it_is() -> None:
    """Two threats of the Probe raid (cruise missiles): one destroyed, one delivered; the
    tally counts one cruise missile leaker."""
    from wargame.engine.objectives import tally_truth

    game = Game.new(campaign(MINIMAL), 1)
    st = game.state
    st.status[0], st.status[1] = KILLED, DELIVERED
    assert tally_truth(game.scenario, st).leakers == {"cruise_missile": 1}
