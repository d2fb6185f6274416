"""Each kind of standing order in a situation built by hand, with the turn it acts on
read off the geometry: the rules act on the blue picture, draw no dice, and change
nothing before they are in force."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from wargame.analysis.plans import default_plan, orders_plan
from wargame.analysis.play import Job, play_seeds
from wargame.campaign import LoadedCampaign, load_campaign
from wargame.engine import Game, Order, StandingOrder
from wargame.engine.events import (
    ArmMissed,
    Event,
    MissileLaunched,
    RelocationStarted,
    StandingAction,
    TrackInitiated,
    TurnEnded,
)
from wargame.view.blue import blue_text

DRILL = Path(__file__).parent / "campaigns" / "standing-drill.toml"


@pytest.fixture(scope="module")
def drill() -> LoadedCampaign:
    # One fire unit at [200, 100], the Depot at [220, 100] and the Ridge at [100, 120];
    # two fighters fly east along y = 100 at 15 km a turn, 10 km apart, from x = 0; two
    # cruise missiles come south along x = 220 to the Depot.
    return load_campaign(DRILL)


def play(campaign: LoadedCampaign, *rules: StandingOrder, seed: int = 1) -> list[Event]:
    """A whole game with no orders but these standing orders, given on turn 1."""
    game = Game.new(campaign, seed)
    events: list[Event] = []
    while not game.over:
        given = [Order.standing(r, turn=1) for r in rules] if game.turn == 0 else []
        events.extend(game.step(given))
    return events


def launches(events: list[Event]) -> list[MissileLaunched]:
    return [e for e in events if isinstance(e, MissileLaunched)]


def test_an_arm_track_within_range_silences_the_radar_for_exactly_its_turns_and_the_arm_misses(
    arm_duel: LoadedCampaign,
) -> None:
    # The ARM is first reported on turn 5, 47.9 km from the radar: inside 50 km, so the
    # radar is silent from turn 6 through turn 8 and emits again on turn 9. (Its track's
    # number is read off its initiation: false tracks take numbers before it.)
    events = play(arm_duel, StandingOrder("emcon", range_km=50.0, turns=3))
    on_air = {e.turn: "Target FU" in e.emitting for e in events if isinstance(e, TurnEnded)}
    assert [t for t in range(1, 12) if not on_air[t]] == [6, 7, 8]
    missed = [e for e in events if isinstance(e, ArmMissed)]
    assert [(e.turn, e.reason) for e in missed] == [(7, "radar silent")]
    (arm_track,) = [
        (e.turn, e.track)
        for e in events
        if isinstance(e, TrackInitiated) and e.threat == missed[0].threat
    ]
    assert arm_track[0] == 5
    acted = [e for e in events if isinstance(e, StandingAction)]
    assert [(e.turn, blue_text(e)) for e in acted] == [
        (6, f"Target FU silent for 3 turns: ARM track {arm_track[1]} at 47 km"),
        (9, "Target FU emits again: silence over"),
    ]


def test_an_arm_track_reported_beyond_the_range_leaves_the_radar_on(
    arm_duel: LoadedCampaign,
) -> None:
    events = play(arm_duel, StandingOrder("emcon", range_km=40.0, turns=3))
    turn_6 = next(e for e in events if isinstance(e, TurnEnded) and e.turn == 6)
    assert "Target FU" in turn_6.emitting
    assert not [e for e in events if isinstance(e, StandingAction) and e.turn == 6]


def test_a_standing_order_not_yet_in_force_changes_no_event(arm_duel: LoadedCampaign) -> None:
    later = StandingOrder("emcon", from_turn=21, range_km=400.0, turns=3)
    assert play(arm_duel, later) == play(arm_duel)


def test_fire_is_held_at_a_class_until_its_track_comes_within_range_of_an_asset(
    drill: LoadedCampaign,
) -> None:
    # Without the rule the first fighter draws a 48N6 as soon as it is tracked (turn 1).
    # With it, both wait for turn 6: at x = 90 and 80 they are 22.4 and 28.3 km from the
    # Ridge, inside 30 km; on turn 5 (x = 75 and 65) they were 32.0 and 40.3 km away.
    # (A false track that looks like a fighter, 22 km from the Depot on turn 16, draws
    # a round by the same rule: only the real fighters, slots 0 and 1, are counted.)
    assert launches(play(drill))[0].turn == 1
    held = launches(play(drill, StandingOrder("hold_fire", threat_class="fighter", range_km=30.0)))
    at_fighters = [(e.turn, e.track) for e in held if e.threat_class == "fighter" and e.threat < 2]
    assert at_fighters == [(6, 1), (6, 2)]
    assert math.hypot(90 - 100, 100 - 120) <= 30 < math.hypot(75 - 100, 100 - 120)


def test_a_hold_until_a_turn_ends_after_it(drill: LoadedCampaign) -> None:
    rule = StandingOrder("hold_fire", threat_class="fighter", range_km=30.0, until_turn=3)
    first = launches(play(drill, rule))[0]
    assert (first.turn, first.track) == (4, 1)


def test_a_weapon_order_sets_the_only_missile_and_the_salvo_at_its_class(
    drill: LoadedCampaign,
) -> None:
    # By default each cruise missile draws a salvo of two 9M96 rounds.
    default = [e for e in launches(play(drill)) if e.threat_class == "cruise_missile"]
    assert {e.missile for e in default} == {"9M96-class"} and len(default) == 4
    rule = StandingOrder("weapon", threat_class="cruise_missile", missile="48N6-class", salvo=1)
    fired = launches(play(drill, rule))
    at_missiles = [e for e in fired if e.threat_class == "cruise_missile"]
    assert {e.missile for e in at_missiles} == {"48N6-class"}
    salvos = [(e.turn, e.track) for e in at_missiles]
    assert len(salvos) == len(set(salvos))  # one round a salvo
    # The fighters (slots 0 and 1; a false track looks like a third), of another class,
    # are fired at as before.
    fighters = [e.missile for e in fired if e.threat_class == "fighter" and e.threat < 2]
    assert fighters == ["48N6-class"] * 2


def test_rounds_kept_for_a_class_are_not_fired_at_another(drill: LoadedCampaign) -> None:
    # 8 rounds of 9M96, 7 kept for drones: one is left for the cruise missiles.
    rule = StandingOrder("keep", threat_class="drone", missile="9M96-class", count=7)
    events = play(drill, rule)
    fired = [e.missile for e in launches(events) if e.threat_class == "cruise_missile"]
    assert fired.count("9M96-class") == 1
    acted = [blue_text(e) for e in events if isinstance(e, StandingAction)]
    assert acted == ["FU keeps 7 9M96-class for drone: standing order"]


def test_shoot_and_scoot_moves_the_unit_to_the_next_site_after_its_salvos(
    drill: LoadedCampaign,
) -> None:
    rule = StandingOrder("scoot", salvos=1, sites=((150.0, 150.0), (250.0, 150.0)))
    events = play(drill, rule)
    assert launches(events)[0].turn == 1
    moved = [e for e in events if isinstance(e, RelocationStarted)]
    assert (moved[0].turn, moved[0].x_km, moved[0].y_km) == (2, 150.0, 150.0)
    acted = [blue_text(e) for e in events if isinstance(e, StandingAction)]
    # Every salvo of the turn counts: the drill's two raids are both in the first picture.
    salvos = len({(e.threat, e.turn) for e in launches(events) if e.turn == 1})
    assert acted[0] == f"FU moves to [150, 150]: {salvos} salvos fired from its site"
    assert salvos == 2


def test_an_engagement_ordered_overrides_a_standing_hold(drill: LoadedCampaign) -> None:
    game = Game.new(drill, 1)
    hold = StandingOrder("hold_fire", threat_class="fighter", range_km=30.0)
    game.step([Order.standing(hold)])
    events = game.step([Order(2, "FU", "engage", track=1)])
    fired = launches(events)
    assert [(e.track, e.ordered) for e in fired] == [(1, True)]


def test_the_analysis_plays_the_standing_orders_of_an_orders_file(
    drill: LoadedCampaign, tmp_path: Path
) -> None:
    plan_file = tmp_path / "plan.toml"
    plan_file.write_text(
        '[[standing]]\nkind = "weapon"\nthreat_class = "cruise_missile"\n'
        'missile = "48N6-class"\nsalvo = 1\n'
    )
    plan = orders_plan(plan_file, drill)
    job = Job.of(drill, [default_plan(), plan])
    (default, ordered), *_ = play_seeds(job, [1])
    # By default the two cruise missiles draw two salvos of two 9M96; by the plan, 48N6
    # rounds one at a time: 2 at the fighters (both killed) and 3 at the cruise missiles:
    # the first at one misses, the engagement radar reads it as a kill, and the track
    # draws its second round on turn 20, once a later look shows it still flying. (No
    # false track draws a round under either, now that one needs 3 of 4 looks to be
    # confirmed.) The same rounds as the game played with the rule given on turn 1.
    assert default.rounds == {"48N6-class": 2, "9M96-class": 4}
    assert ordered.rounds == {"48N6-class": 5}
    rule = StandingOrder("weapon", threat_class="cruise_missile", missile="48N6-class", salvo=1)
    assert len(launches(play(drill, rule))) == 5


def test_emcon_silences_only_the_radar_an_arm_track_heads_for(
    first_contact: LoadedCampaign,
) -> None:
    """First Contact, seed 2: the radar hunters' ARMs fly at FU Alpha; Big Bird, FU Bravo and
    FU Charlie are within 80 km of them too, but not in their path, and stay on the air.
    The first two ARMs are fired on turn 29, from the flight's station; FU Alpha's own
    radar starts a track on one of them on turn 30, 65.9 km out (65.1 km at the turn's
    end), and the rule acts at the opening of turn 31. (The track's number is read off
    its initiation: false tracks take numbers before it.)"""
    events = play(first_contact, StandingOrder("emcon", range_km=80.0, turns=2), seed=2)
    acted = [e for e in events if isinstance(e, StandingAction)]
    assert {e.unit for e in acted} == {"FU Alpha"}
    first_arm = next(e for e in events if isinstance(e, TrackInitiated) and e.threat_class == "arm")
    assert (first_arm.turn, first_arm.radar, round(first_arm.range_km, 1)) == (30, "FU Alpha", 65.9)
    first = acted[0]
    assert (first.turn, blue_text(first)) == (
        31,
        f"FU Alpha silent for 2 turns: ARM track {first_arm.track} at 65 km",
    )
