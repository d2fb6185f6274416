"""The AAR of a small hand-built game has the counts worked out by hand."""

from __future__ import annotations

import pytest

from wargame.engine.events import (
    ArmLaunched,
    Event,
    GameOver,
    GameStarted,
    InterceptResolved,
    Leaker,
    MagazineEmpty,
    MissileLaunched,
    RadarDestroyed,
    RaidEntered,
    ThreatDestroyed,
    ThreatLeft,
    TrackInitiated,
    TurnEnded,
)
from wargame.report.aar import (
    Aar,
    AssetRow,
    Exchange,
    InterceptorRow,
    RadarRow,
    ThreatRow,
    UnmetRow,
    build_aar,
)

BOTH = ("Eye", "FU A")


def _events() -> list[Event]:
    """Four turns: two cruise missiles (one killed, one leaks), a decoy that looks like a
    cruise missile (killed on the second shot), a SEAD fighter whose ARM kills FU A's radar."""
    return [
        GameStarted(
            0,
            "Drill",
            1,
            60.0,
            (("Eye", 80.0, True), ("FU A", 60.0, True)),
            ("FU A",),
            (("Port", 600.0), ("Base", 500.0)),
            4,
        ),
        # turn 1: everything comes in
        RaidEntered(1, "Wave", "Subsonic cruise missile", "cruise_missile", 2, "Port", (0, 1)),
        RaidEntered(1, "Ghosts", "Air-launched decoy", "decoy", 1, "Port", (2,)),
        RaidEntered(1, "Hunters", "SEAD fighter", "fighter", 1, "", (3,)),
        TurnEnded(1, 60.0, BOTH, 0, 0.0),
        # turn 2: two tracks (the decoy looks like a cruise missile), two shots, an ARM
        TrackInitiated(2, 1, 0, "cruise_missile", "Eye", 100.0),
        TrackInitiated(2, 2, 2, "cruise_missile", "Eye", 101.0),
        MissileLaunched(2, "FU A", "9M96-class", 1, 0, "cruise_missile", 0.8, 40.0, 3, 0.6),
        MissileLaunched(2, "FU A", "9M96-class", 2, 2, "cruise_missile", 0.6, 40.0, 3, 0.6),
        ArmLaunched(2, "Hunters", 4, "FU A"),
        TurnEnded(2, 120.0, BOTH, 2, -1.2),
        # turn 3: one kill, one miss and a second shot, the last 48N6, a leaker
        InterceptResolved(3, "FU A", "9M96-class", 1, 0, "cruise_missile", True, 0.8, 0.1, ""),
        ThreatDestroyed(3, 0, "cruise_missile", "Subsonic cruise missile", 1.5, "FU A"),
        InterceptResolved(3, "FU A", "9M96-class", 2, 2, "cruise_missile", False, 0.6, 0.9, ""),
        # (On the player's order to engage.)
        MissileLaunched(3, "FU A", "48N6-class", 2, 2, "cruise_missile", 0.7, 60.0, 4, 1.5, True),
        MagazineEmpty(3, "FU A", "48N6-class"),
        Leaker(3, 1, "cruise_missile", "Port", True, 120.0),
        TurnEnded(3, 180.0, BOTH, 2, -121.2),
        # turn 4: the decoy dies, the ARM kills FU A's radar, the fighter goes home
        InterceptResolved(4, "FU A", "48N6-class", 2, 2, "cruise_missile", True, 0.7, 0.2, ""),
        ThreatDestroyed(4, 2, "decoy", "Air-launched decoy", 0.1, "FU A"),
        RadarDestroyed(4, "FU A", "arm", 60.0),
        ThreatLeft(4, 3, "fighter"),
        TurnEnded(4, 240.0, ("Eye",), 0, -181.1),
        GameOver(4, "raids_spent", "victory", -181.1, 1.6, 2.7, 120.0, 60.0),
    ]


@pytest.fixture(scope="module")
def aar() -> Aar:
    return build_aar(_events())


def test_threats_are_counted_by_their_true_class(aar: Aar) -> None:
    assert {r.threat_class: r for r in aar.threats} == {
        "cruise_missile": ThreatRow(
            "cruise_missile", spawned=2, detected=1, engaged=1, killed=1, leaked=1
        ),
        "decoy": ThreatRow("decoy", spawned=1, detected=1, engaged=1, killed=1, leaked=0),
        "fighter": ThreatRow("fighter", spawned=1),
        "arm": ThreatRow("arm", spawned=1, leaked=1),
    }


def test_the_timeline_counts_threats_in_the_air_launches_kills_and_leakers(aar: Aar) -> None:
    rows = [(t.turn, t.entered, t.in_air, t.launches, t.kills, t.leakers) for t in aar.timeline]
    assert rows == [(1, 4, 4, 0, 0, 0), (2, 1, 5, 2, 0, 0), (3, 0, 3, 1, 1, 1), (4, 0, 0, 0, 1, 0)]


def test_the_timeline_notes_say_what_happened(aar: Aar) -> None:
    assert aar.timeline[1].notes == ("Hunters fired an anti-radiation missile (threat 4) at FU A",)
    assert aar.timeline[2].notes == (
        "FU A fired its last 48N6-class",
        "leaker: threat 1 (cruise missile) reached Port, 120 M$ lost",
    )


def test_a_round_whose_target_is_already_destroyed_is_fired_but_not_met() -> None:
    """A salvo of two: the first round kills, the second finds nothing to hit. The kill
    rate is kills per round met, 1 of 1, not per round fired."""
    start = GameStarted(0, "Drill", 1, 60.0, (("FU A", 60.0, True),), ("FU A",), (), 2)
    raid = RaidEntered(1, "Wave", "Subsonic cruise missile", "cruise_missile", 1, "Port", (0,))
    launch = MissileLaunched(1, "FU A", "9M96-class", 1, 0, "cruise_missile", 0.8, 40.0, 2, 0.6)
    events: list[Event] = [
        start,
        raid,
        TrackInitiated(1, 1, 0, "cruise_missile", "FU A", 90.0),
        launch,
        launch,
        TurnEnded(1, 60.0, ("FU A",), 1, -1.2),
        InterceptResolved(2, "FU A", "9M96-class", 1, 0, "cruise_missile", True, 0.8, 0.1, ""),
        ThreatDestroyed(2, 0, "cruise_missile", "Subsonic cruise missile", 1.5, "FU A"),
        InterceptResolved(
            2,
            "FU A",
            "9M96-class",
            1,
            0,
            "cruise_missile",
            False,
            0.8,
            1.0,
            "target already destroyed",
        ),
        TurnEnded(2, 120.0, ("FU A",), 0, 0.3),
    ]
    aar = build_aar(events)
    (row,) = aar.interceptors
    assert (row.fired, row.met, row.kills) == (2, 1, 1)
    assert row.observed_kill_rate == 1.0 and row.nominal_kill_rate == 0.8
    # The second round is the game's waste: what it cost, and why.
    assert aar.unmet == (UnmetRow("target already destroyed", 1, 0.6),)


def test_interceptors_compare_observed_kill_rate_with_the_nominal_pk(aar: Aar) -> None:
    assert aar.interceptors == (
        InterceptorRow(
            "9M96-class",
            fired=2,
            ordered=0,
            met=2,
            kills=1,
            cost=1.2,
            observed_kill_rate=0.5,
            nominal_kill_rate=0.7,
        ),
        InterceptorRow(
            "48N6-class",
            fired=1,
            ordered=1,
            met=1,
            kills=1,
            cost=1.5,
            observed_kill_rate=1.0,
            nominal_kill_rate=0.7,
        ),
    )


def test_the_cost_exchange_adds_up(aar: Aar) -> None:
    assert aar.exchange == Exchange(
        interceptor_cost=2.7,
        threat_cost_destroyed=1.6,
        asset_value_lost=120.0,
        radar_value_lost=60.0,
        exchange_ratio=0.593,
    )


def test_radar_emission_time_and_losses_to_arms(aar: Aar) -> None:
    assert aar.radars == (
        RadarRow("Eye", 80.0, turns_emitting=4, emitting_share=1.0),
        RadarRow("FU A", 60.0, turns_emitting=3, emitting_share=0.75, lost_turn=4, lost_by="arm"),
    )
    assert aar.radars_lost_to_arms == ("FU A",)


def test_damage_by_asset(aar: Aar) -> None:
    assert aar.assets == (
        AssetRow("Port", 600.0, hits=1, damaging_hits=1, value_lost=120.0, share_lost=0.2),
        AssetRow("Base", 500.0, hits=0, damaging_hits=0, value_lost=0.0, share_lost=0.0),
    )


def test_key_moments_in_the_order_they_happened(aar: Aar) -> None:
    assert [(m.turn, m.kind) for m in aar.key_moments] == [
        (2, "first_detection"),
        (3, "magazine_empty"),
        (3, "first_leaker"),
        (3, "largest_loss"),
        (4, "radar_lost"),
        (4, "game_over"),
    ]
    assert aar.key_moments[0].text == "first detection: Eye saw a cruise missile at 100 km"
    assert aar.key_moments[3].text == "largest loss: Port lost 120 M$ to a cruise missile"


def test_the_score_and_its_parts_come_from_game_over(aar: Aar) -> None:
    assert aar.score.total == -181.1
    assert (aar.score.result, aar.score.termination) == ("victory", "raids_spent")
    # (name, M$, points per M$, points): the campaign's weights are all 1 here.
    assert aar.score.parts == (
        ("threat cost destroyed", 1.6, 1.0, 1.6),
        ("interceptor cost", 2.7, 1.0, -2.7),
        ("asset value lost", 120.0, 1.0, -120.0),
        ("radar value lost", 60.0, 1.0, -60.0),
    )
    assert (aar.title, aar.seed, aar.turns) == ("Drill", 1, 4)


def test_an_unfinished_game_reports_its_last_score(aar: Aar) -> None:
    partial = build_aar(_events()[:11])  # up to the end of turn 2
    assert partial.score.result == "unfinished" and partial.score.total == -1.2
    assert partial.turns == 2


def test_an_intercept_that_never_happened_is_worded_as_in_the_play_log() -> None:
    from wargame.report.describe import describe

    event = InterceptResolved(
        5, "FU A", "48N6-class", 2, 2, "cruise_missile", False, 0.7, 1.0, "target already destroyed"
    )
    assert describe(event) == (
        "FU A's 48N6-class on track 2: no intercept (target already destroyed)"
    )
