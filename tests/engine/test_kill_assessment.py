"""Kill assessment against the model's formulas: kills read as misses and misses read as
kills at the radar's rates, the Bayes posterior of a reading, shoot-look-shoot on the
reading rather than the truth, and readings that belong to their threat's dice."""

from __future__ import annotations

import math

import numpy as np

from wargame.campaign import LoadedCampaign
from wargame.engine import Game
from wargame.engine.events import Event, InterceptResolved
from wargame.engine.fire_control import plan_engagements
from wargame.engine.intercept import resolve_intercepts
from wargame.engine.kill_assessment import (
    NOT_ASSESSED,
    READ_KILL,
    READ_MISS,
    assess_intercept,
    assessed_killed,
    ends_with_threat,
    engageable,
    held_tracks,
    posterior_dead,
)
from wargame.engine.state import ACTIVE, KILLED, NEVER, Shot, State
from wargame.record.event_schema import MODELS, event_of

SEEDS = 600
PK = 0.5
MISSED, FALSE = 0.1, 0.05
"""The 92N6E-class radar's rates in the built-in catalogue."""


def _readings(
    loaded: LoadedCampaign, seeds: range, threats: list[int], pk: float = PK
) -> list[list[InterceptResolved]]:
    """Per seed: the intercepts of one round of Pk `pk` at each of `threats`, all due on
    turn 5 and guided by the first fire unit."""
    game = Game.new(loaded, 0)
    sc = game.scenario
    out = []
    for seed in seeds:
        st = game.state.copy()
        st.turn = 5
        st.status[threats] = ACTIVE
        st.shots = [Shot(0, 1, j, j + 1, 5 * sc.dt - 10.0, pk, pk, 4) for j in threats]
        events: list[Event] = []
        resolve_intercepts(sc, st, seed, events)
        out.append([e for e in events if isinstance(e, InterceptResolved)])
    return out


def test_the_first_fire_unit_watches_with_the_catalogue_s_rates(
    first_contact: LoadedCampaign,
) -> None:
    sc = Game.new(first_contact, 0).scenario
    radar = sc.f_radar[0]
    assert (float(sc.r_assess_missed[radar]), float(sc.r_assess_false[radar])) == (MISSED, FALSE)


def test_kills_are_read_as_misses_and_misses_as_kills_at_the_radar_s_rates(
    first_contact: LoadedCampaign,
) -> None:
    n = Game.new(first_contact, 0).scenario.n_threats
    events = [e for run in _readings(first_contact, range(SEEDS), list(range(n))) for e in run]
    kills = [e for e in events if e.killed]
    misses = [e for e in events if not e.killed]
    missed = sum(e.assessed == READ_MISS for e in kills) / len(kills)
    false = sum(e.assessed == READ_KILL for e in misses) / len(misses)
    assert abs(missed - MISSED) <= 4 * math.sqrt(MISSED * (1 - MISSED) / len(kills))
    assert abs(false - FALSE) <= 4 * math.sqrt(FALSE * (1 - FALSE) / len(misses))
    assert all(e.assessed in (READ_KILL, READ_MISS) for e in events)


def test_the_confidence_is_the_bayes_posterior_of_the_reading() -> None:
    """pk 0.7, m 0.1, f 0.05: read kill 0.63 / (0.63 + 0.015); read miss 0.07 / (0.07 + 0.285)."""
    if_kill, if_miss = posterior_dead(0.7, MISSED, FALSE)
    assert math.isclose(float(if_kill), 0.63 / 0.645)
    assert math.isclose(float(if_miss), 0.07 / 0.355)
    # Error-free readings are certain; a certain kill read as a miss stays certain.
    assert tuple(map(float, posterior_dead(0.7, 0.0, 0.0))) == (1.0, 0.0)
    assert float(posterior_dead(1.0, MISSED, FALSE)[1]) == 1.0


def test_the_event_s_confidence_matches_how_often_a_reading_is_right(
    first_contact: LoadedCampaign,
) -> None:
    """Among readings of 'kill', the share truly dead is P(dead | read kill)."""
    n = Game.new(first_contact, 0).scenario.n_threats
    events = [e for run in _readings(first_contact, range(SEEDS), list(range(n))) for e in run]
    read_kill = [e for e in events if e.assessed == READ_KILL]
    expected = PK * (1 - MISSED) / (PK * (1 - MISSED) + (1 - PK) * FALSE)
    assert {e.kill_confidence for e in read_kill} == {round(expected, 3)}
    dead = sum(e.killed for e in read_kill) / len(read_kill)
    assert abs(dead - expected) <= 4 * math.sqrt(expected * (1 - expected) / len(read_kill))


def test_a_reading_belongs_to_its_threat_whatever_else_is_fired(
    first_contact: LoadedCampaign,
) -> None:
    """Common random numbers: a round at another threat moves no reading of threat 0."""
    alone = _readings(first_contact, range(200), [0])
    with_other = _readings(first_contact, range(200), [0, 3])
    first = [[(e.killed, e.assessed) for e in run if e.threat == 0] for run in alone]
    second = [[(e.killed, e.assessed) for e in run if e.threat == 0] for run in with_other]
    assert first == second
    assert _readings(first_contact, range(50), [0, 3]) == _readings(
        first_contact, range(50), [0, 3]
    )


def test_a_radar_off_the_air_reads_nothing_and_the_track_stays(
    first_contact: LoadedCampaign,
) -> None:
    st = Game.new(first_contact, 0).state.copy()
    told = assess_intercept(st, 2, 0.7, True, 0.5, MISSED, FALSE, radar_on=False)
    assert told == (NOT_ASSESSED, 0.0)
    assert st.track_assessed_turn[2] == NEVER


def test_an_older_save_s_intercept_loads_without_the_reading() -> None:
    old = {
        "turn": 3,
        "kind": "intercept_resolved",
        "fire_unit": "FU",
        "missile": "48N6-class",
        "track": 1,
        "threat": 0,
        "threat_class": "fighter",
        "killed": True,
        "pk": 0.75,
        "roll": 0.2,
        "reason": "",
    }
    event = event_of(MODELS["intercept_resolved"].model_validate(old))
    assert isinstance(event, InterceptResolved)
    assert (event.assessed, event.kill_confidence) == ("", 0.0)
    assert event.to_dict() == {**old, "pk_true": -1.0}


# ------------------------------------------------------- shoot-look-shoot


def _engaged_at(loaded: LoadedCampaign) -> tuple[Game, State, int]:
    """First Contact with no orders, on the turn of its first launch: the state then, with
    the salvo taken as arrived, and the threat it was fired at."""
    game = Game.new(loaded, 1)
    while True:
        before = game.state.copy()
        launched = [e for e in game.step([]) if e.kind == "missile_launched"]
        if launched:
            break
    threat = launched[0].threat  # type: ignore[attr-defined]
    st = game.state.copy()
    st.shots = [s for s in st.shots if s.threat != threat]
    # The launches undone: the same picture and rounds as fire control had.
    st.ready, st.fired, st.shots_at = before.ready.copy(), before.fired.copy(), before.shots_at
    return game, st, threat


def _fires_at(game: Game, st: State, threat: int) -> bool:
    plan = plan_engagements(game.scenario, st, [], [])
    return any(e.threat == threat for e in plan)


def test_shoot_look_shoot_shoots_again_at_a_survivor_after_a_new_look(
    first_contact: LoadedCampaign,
) -> None:
    game, st, threat = _engaged_at(first_contact)
    assert _fires_at(game, st, threat)  # the picture fire control fired on
    assess_intercept(st, threat, 0.7, False, 0.5, MISSED, FALSE, radar_on=True)  # read: miss
    assert held_tracks(st)[threat] and not engageable(st)[threat]  # no look since
    assert not _fires_at(game, st, threat)
    # The next turn's look still shows it flying: fire again.
    st.turn += 1
    st.track_last[threat] = st.turn
    st.seen_by[:, threat] = np.where(st.seen_by[:, threat] >= st.turn - 1, st.turn, NEVER)
    assert engageable(st)[threat]
    assert _fires_at(game, st, threat)


def test_a_kill_read_as_a_miss_draws_no_round_once_its_track_goes_quiet(
    first_contact: LoadedCampaign,
) -> None:
    game, st, threat = _engaged_at(first_contact)
    st.status[threat] = KILLED
    assess_intercept(st, threat, 0.7, True, 0.05, MISSED, FALSE, radar_on=True)  # U < m
    assert held_tracks(st)[threat] and not engageable(st)[threat]
    st.turn += 1  # no detection: the dead threat gives no echo
    assert held_tracks(st)[threat] and not engageable(st)[threat]
    assert not _fires_at(game, st, threat)


def test_a_kill_read_as_a_kill_ends_the_track(first_contact: LoadedCampaign) -> None:
    game, st, threat = _engaged_at(first_contact)
    st.status[threat] = KILLED
    assess_intercept(st, threat, 0.7, True, 0.5, MISSED, FALSE, radar_on=True)
    assert ends_with_threat(st, np.array([threat]))[0]
    assert not _fires_at(game, st, threat)


def test_a_miss_read_as_a_kill_is_left_alone_until_the_track_is_seen_again(
    first_contact: LoadedCampaign,
) -> None:
    game, st, threat = _engaged_at(first_contact)
    assess_intercept(st, threat, 0.7, False, 0.01, MISSED, FALSE, radar_on=True)  # U < f
    # Off blue's picture, as a right reading would be; the track is kept, unseen.
    assert assessed_killed(st)[threat] and not held_tracks(st)[threat]
    assert not ends_with_threat(st, np.array([threat]))[0]  # still flying: the track stays
    assert not _fires_at(game, st, threat)
    # A detection later than the reading re-opens it.
    st.turn += 1
    st.track_last[threat] = st.turn
    st.seen_by[:, threat] = np.where(st.seen_by[:, threat] >= st.turn - 1, st.turn, NEVER)
    assert not assessed_killed(st)[threat]
    assert _fires_at(game, st, threat)


def test_a_kill_read_as_a_miss_keeps_its_track_until_it_coasts_out(
    first_contact: LoadedCampaign,
) -> None:
    _, st, threat = _engaged_at(first_contact)
    st.status[threat] = KILLED
    assess_intercept(st, threat, 0.7, True, 0.05, MISSED, FALSE, radar_on=True)
    assert not ends_with_threat(st, np.array([threat]))[0]
