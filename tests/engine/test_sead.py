"""SEAD as flown: a flight fires from its station and shares its ARMs over the emitters
it hears by the campaign's priority; an ARM kills with its type's kill probability, a
lower one flying on memory to a radar fallen silent, and misses a radar that moved; a
radar that starts silent draws no ARM until it is ordered on the air.

The geometry of the SEAD valley is worked in its file (campaigns/sead-valley.toml)."""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import pytest

from wargame.campaign import LoadedCampaign, load_campaign
from wargame.campaign.loader import parse_campaign
from wargame.engine import Game, Order
from wargame.engine.dice import Phase, generator
from wargame.engine.events import (
    ArmLaunched,
    ArmMissed,
    Event,
    RadarDestroyed,
    TurnEnded,
)
from wargame.engine.intercept import resolve_leakers
from wargame.engine.scenario import TARGET_RADAR, Scenario
from wargame.engine.sead import fire_arms
from wargame.engine.state import ACTIVE, Shot, State
from wargame.errors import CampaignError

VALLEY = Path(__file__).parent / "campaigns" / "sead-valley.toml"
UNITS = ("FU 1", "FU 2", "FU 3", "FU 4")
HOLD = [Order(1, unit, "weapons", setting="hold") for unit in UNITS]


@pytest.fixture(scope="module")
def valley() -> LoadedCampaign:
    return load_campaign(VALLEY)


def _variant(old: str, new: str) -> LoadedCampaign:
    text = VALLEY.read_text()
    assert text.count(old) == 1
    return parse_campaign(text.replace(old, new), str(VALLEY))


def _play(loaded: LoadedCampaign, orders: dict[int, list[Order]]) -> list[Event]:
    """A whole game, the fire units holding fire (no ARM is shot down)."""
    game = Game.new(loaded, 1)
    log: list[Event] = []
    while not game.over:
        turn = game.turn + 1
        log.extend(game.step((HOLD if turn == 1 else []) + orders.get(turn, [])))
    return log


def _launched(log: list[Event]) -> list[ArmLaunched]:
    return [e for e in log if isinstance(e, ArmLaunched)]


def _on_station(loaded: LoadedCampaign) -> Game:
    """The valley after turn 7, the flight a turn short of its station, every fire unit
    holding fire; Long Look emitting too."""
    game = Game.new(loaded, 1)
    game.step(HOLD)
    while game.turn < 7:
        game.step([])
    return game


def _fire(sc: Scenario, st: State) -> list[tuple[str, str]]:
    """(radar, aim) of the ARMs the flight fires this turn, at station."""
    events: list[Event] = []
    fire_arms(sc, st, events)
    return [(e.radar, e.aim) for e in events if isinstance(e, ArmLaunched)]


def _at_station(sc: Scenario, st: State, turn: int) -> None:
    aircraft = sc.sead_slots
    st.turn = turn
    st.flown[aircraft] = sc.t_total[aircraft]
    st.x[aircraft], st.y[aircraft] = 220.0, 150.0
    st.emitting[:] = True


# ------------------------------------------------------------------ sharing out


def test_four_aircraft_with_four_arms_put_four_on_each_of_four_batteries(
    valley: LoadedCampaign,
) -> None:
    """Each minute on station every aircraft fires one ARM at the emitter with the fewest
    ARMs in the air at it, the nearest first among equals: FU 2 and FU 3 (80.62 km) then
    FU 1 and FU 4 (85.44 km), one each, four minutes running (the first arrives after
    403 s, on turn 15)."""
    launched = _launched(_play(valley, {}))
    by_turn = [(e.turn, e.radar) for e in launched]
    volley = ["FU 2", "FU 3", "FU 1", "FU 4"]
    assert by_turn == [(turn, radar) for turn in (8, 9, 10, 11) for radar in volley]
    assert Counter(e.radar for e in launched) == dict.fromkeys(UNITS, 4)
    assert {e.aim for e in launched} == {"engagement"}


def test_the_flight_fires_nothing_before_its_station(valley: LoadedCampaign) -> None:
    """FU 2 is within the ARMs' 150 km from turn 4 (x = 160 > 150.34), in line of sight
    all the way: the flight holds its fire until it reaches its station on turn 8."""
    game = Game.new(valley, 1)
    sc = game.scenario
    aircraft = int(sc.sead_slots[0])
    fu2 = sc.r_name.index("FU 2")
    events = game.step(HOLD)
    while game.turn < 8:
        st = game.state
        in_reach = math.hypot(st.r_x[fu2] - st.x[aircraft], st.r_y[fu2] - st.y[aircraft]) <= 150
        assert in_reach == (game.turn >= 4)
        assert not _launched(events)
        events = game.step([])
    assert game.state.flown[aircraft] == sc.t_total[aircraft] == 120.0
    assert len(_launched(events)) == 4


def test_a_flight_may_fire_within_its_fire_within_km_of_the_station() -> None:
    """With fire_within_km = 30 it fires once it has 30 km to go: 90 km flown, on turn 6."""
    loaded = _variant("arms_per_aircraft = 4\n", "arms_per_aircraft = 4\nfire_within_km = 30\n")
    launched = _launched(_play(loaded, {}))
    assert launched[0].turn == 6
    assert [e.turn for e in launched[:4]] == [6] * 4


def test_the_default_priority_puts_the_engagement_radars_before_the_acquisition_radar(
    valley: LoadedCampaign,
) -> None:
    """Long Look (75 km) is nearer than any battery, but the first round goes to the four
    engagement radars; the second minute's first ARM goes to it, the only emitter with
    none in the air, then the second round begins with the nearest batteries."""
    game = _on_station(valley)
    sc, st = game.scenario, game.state.copy()
    _at_station(sc, st, 8)
    first = _fire(sc, st)
    st.turn = 9
    second = _fire(sc, st)
    assert [r for r, _ in first] == ["FU 2", "FU 3", "FU 1", "FU 4"]
    assert second == [
        ("Long Look", "nearest"),
        ("FU 2", "engagement"),
        ("FU 3", "engagement"),
        ("FU 1", "engagement"),
    ]


def test_a_flight_may_rank_the_acquisition_radar_first() -> None:
    loaded = _variant(
        "arms_per_aircraft = 4\n", 'arms_per_aircraft = 4\npriority = ["acquisition"]\n'
    )
    game = _on_station(loaded)
    sc, st = game.scenario, game.state.copy()
    _at_station(sc, st, 8)
    # No other criterion: the rest by distance, Long Look's 75 km first anyway.
    assert _fire(sc, st) == [
        ("Long Look", "acquisition"),
        ("FU 2", "nearest"),
        ("FU 3", "nearest"),
        ("FU 1", "nearest"),
    ]


def test_a_radar_guiding_a_missile_at_the_flight_draws_the_first_arm(
    valley: LoadedCampaign,
) -> None:
    """FU 4, the farthest battery with FU 1, has a round in the air at one of the
    aircraft: among the engagement radars it comes first."""
    game = _on_station(valley)
    sc, st = game.scenario, game.state.copy()
    _at_station(sc, st, 8)
    fu4 = sc.f_name.index("FU 4")
    st.shots = [Shot(fu4, 0, int(sc.sead_slots[2]), 1, 600.0, 0.5, 0.5, 8)]
    assert _fire(sc, st)[:2] == [("FU 4", "engagement, fired_at_us"), ("FU 2", "engagement")]


def test_arms_per_emitter_concentrates_a_round_on_the_first_in_priority() -> None:
    """Four ARMs to an emitter before the next: the first minute's four all go to FU 2,
    the second minute's to FU 3."""
    loaded = _variant("arms_per_aircraft = 4\n", "arms_per_aircraft = 4\narms_per_emitter = 4\n")
    launched = _launched(_play(loaded, {}))
    assert [(e.turn, e.radar) for e in launched[:8]] == [(8, "FU 2")] * 4 + [(9, "FU 3")] * 4


def test_the_flight_takes_the_arms_of_other_flights_in_the_air_into_account(
    valley: LoadedCampaign,
) -> None:
    """ARMs already flying at FU 2 and FU 3 (whoever fired them) push them to the end."""
    game = _on_station(valley)
    sc, st = game.scenario, game.state.copy()
    _at_station(sc, st, 8)
    st.emitting[sc.r_name.index("Long Look")] = False
    busy = sc.arms_of[int(sc.sead_slots[3])][:2]
    st.status[busy] = ACTIVE
    st.target_index[busy] = [sc.r_name.index("FU 2"), sc.r_name.index("FU 3")]
    assert [r for r, _ in _fire(sc, st)] == ["FU 1", "FU 4", "FU 2", "FU 3"]


# ------------------------------------------------------------------ kill probability


def _arriving_arm(loaded: LoadedCampaign, radar_name: str) -> tuple[Scenario, State, int, int]:
    """First Contact with its first ARM arriving this turn (turn 1) at the radar."""
    game = Game.new(loaded, 1)
    sc, st = game.scenario, game.state.copy()
    st.turn = 1
    j, radar = int(sc.arm_slots[0]), sc.r_name.index(radar_name)
    st.status[j] = ACTIVE
    st.target_kind[j], st.target_index[j] = TARGET_RADAR, radar
    st.path_end[j] = (st.r_x[radar], st.r_y[radar])
    st.x[j], st.y[j] = st.path_end[j]
    st.arrival_time[j] = 30.0
    return sc, st, j, radar


SEEDS = range(2000)


def _kills(sc: Scenario, st: State, j: int) -> tuple[int, list[Event]]:
    """Over SEEDS, how often the arriving ARM destroys its radar in the leakers phase; and
    checks each outcome against its slot's die in that phase."""
    kills, log = 0, []
    arm = sc.threat_type[j]
    pk = arm.arm_pk if st.emitting[st.target_index[j]] else arm.arm_memory_pk
    for seed in SEEDS:
        trial = st.copy()
        events: list[Event] = []
        resolve_leakers(sc, trial, seed, events)
        killed = any(isinstance(e, RadarDestroyed) for e in events)
        die = generator(seed, 1, Phase.DAMAGE).random(sc.n_threats)[j]
        assert killed == (die < pk)
        kills += killed
        log.extend(events)
    return kills, log


def test_an_arm_kills_an_emitting_radar_at_its_catalogue_pk(first_contact: LoadedCampaign) -> None:
    """The built-in ARM's arm_pk is 0.7: over 2,000 seeds the kills fall within 4 sigma,
    4 √(0.7 × 0.3 / 2000) = 0.041, of it."""
    sc, st, j, _ = _arriving_arm(first_contact, "FU Alpha")
    pk = sc.threat_type[j].arm_pk
    assert pk == 0.7
    kills, log = _kills(sc, st, j)
    assert abs(kills / len(SEEDS) - pk) <= 4 * math.sqrt(pk * (1 - pk) / len(SEEDS))
    missed = [e for e in log if isinstance(e, ArmMissed)]
    assert {e.reason for e in missed} == {"missed its roll"}
    assert all(e.pk == 0.7 and e.roll >= 0.7 for e in missed)


def test_an_arm_on_memory_kills_a_silent_radar_at_its_lower_pk(
    first_contact: LoadedCampaign,
) -> None:
    """FU Alpha fell silent before the ARM arrived: it flies on to where it heard it and
    kills with arm_memory_pk 0.2; 4 sigma over 2,000 seeds is 4 √(0.2 × 0.8 / 2000) =
    0.036."""
    sc, st, j, radar = _arriving_arm(first_contact, "FU Alpha")
    st.emitting[radar] = False
    pk = sc.threat_type[j].arm_memory_pk
    assert pk == 0.2
    kills, log = _kills(sc, st, j)
    assert abs(kills / len(SEEDS) - pk) <= 4 * math.sqrt(pk * (1 - pk) / len(SEEDS))
    assert {e.reason for e in log if isinstance(e, ArmMissed)} == {"radar silent"}


@pytest.mark.parametrize(("moved_km", "escapes"), [(0.6, True), (0.4, False)])
def test_a_radar_that_relocated_beyond_its_site_escapes(
    first_contact: LoadedCampaign, moved_km: float, escapes: bool
) -> None:
    """Moved 0.6 km from the ARM's aim point (beyond the 0.5 km of a site) it escapes on
    every seed, with no roll; 0.4 km is the same site, and the ARM rolls."""
    sc, st, _, radar = _arriving_arm(first_contact, "FU Alpha")
    st.r_x[radar] += moved_km
    kills = 0
    for seed in range(200):
        events: list[Event] = []
        resolve_leakers(sc, st.copy(), seed, events)
        kills += any(isinstance(e, RadarDestroyed) for e in events)
        if escapes:
            assert [(e.reason, e.to_dict().get("roll")) for e in events] == [
                ("radar has moved", None)
            ]
    assert (kills == 0) == escapes


def test_an_arm_with_no_memory_misses_a_silent_radar_without_a_roll(
    arm_duel: LoadedCampaign,
) -> None:
    """The duel's ARM has the defaults arm_pk 1 and arm_memory_pk 0 (the rule before kill
    probabilities): its miss is recorded as it always was."""
    sc, st, j, radar = _arriving_arm(arm_duel, "Target FU")
    st.emitting[radar] = False
    events: list[Event] = []
    resolve_leakers(sc, st, 1, events)
    assert [e.to_dict() for e in events] == [
        {
            "turn": 1,
            "kind": "arm_missed",
            "threat": j,
            "radar": "Target FU",
            "reason": "radar silent",
        }
    ]


# ------------------------------------------------------------------ silent from the start


def test_a_radar_silent_from_the_start_draws_no_arm(valley: LoadedCampaign) -> None:
    """Long Look starts silent (emitting = false) and is never ordered on: no ARM flies
    at it, nor is it on the air in any turn; the game's start records it silent."""
    started = Game.new(valley, 1).started_event()
    assert ("Long Look", 80.0, False) in started.radars
    log = _play(valley, {})
    assert "Long Look" not in {e.radar for e in _launched(log)}
    assert not any("Long Look" in e.emitting for e in log if isinstance(e, TurnEnded))


def test_a_valley_silent_from_the_start_draws_nothing_until_a_unit_is_ordered_on() -> None:
    """Every radar silent from the start: the flight holds on station with nothing to fire
    at, until FU 3 is ordered on the air on turn 12; its four aircraft then fire at it,
    the only emitter, one ARM each a minute."""
    text = VALLEY.read_text().replace(
        'command_post = "CP"\nloadout', 'command_post = "CP"\nemitting = false\nloadout'
    )
    loaded = parse_campaign(text, str(VALLEY))
    assert not any(u.emitting for u in loaded.campaign.blue.fire_units)
    log = _play(loaded, {12: [Order(12, "FU 3", "emission", setting="on")]})
    launched = _launched(log)
    assert [(e.turn, e.radar) for e in launched] == [(12, "FU 3")] * 4 + [(13, "FU 3")] * 4 + [
        (14, "FU 3")
    ] * 4 + [(15, "FU 3")] * 4
    on_air = {e.turn: e.emitting for e in log if isinstance(e, TurnEnded)}
    assert all(on_air[t] == () for t in range(1, 12))
    assert on_air[12] == ("FU 3",)


# ------------------------------------------------------------------ the campaign's words


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        (
            "arm_memory_pk = 0.2",
            "arm_memory_pk = 0.8",
            ":42: catalogue.threats[1].arm_memory_pk: arm_memory_pk 0.8 is above arm_pk 0.7",
        ),
        (
            "arms_per_aircraft = 4\n",
            'arms_per_aircraft = 4\npriority = ["nearest", "engagement", "nearest"]\n',
            "red.sead[0].priority: nearest given more than once",
        ),
        (
            "arms_per_aircraft = 4\n",
            'arms_per_aircraft = 4\npriority = ["fire_control"]\n',
            "red.sead[0].priority[0]: expected 'engagement', 'acquisition', 'all_altitude', "
            "'fired_at_us' or 'nearest', got 'fire_control'",
        ),
    ],
)
def test_a_campaign_is_told_what_is_wrong_with_its_arms_and_priorities(
    old: str, new: str, words: str
) -> None:
    with pytest.raises(CampaignError) as caught:
        _variant(old, new)
    assert words in str(caught.value)
