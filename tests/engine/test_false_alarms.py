"""False alarms and the confirmation of tracks against their closed forms: counts at
Pfa × cells × looks, M-of-N confirmation at the binomial's rate, false tracks dropped
when their window closes, rounds at them wasted, the same dice giving the same events,
and weapons tight leaving tentative tracks alone."""

from __future__ import annotations

import math

import numpy as np
import pytest

from wargame.campaign import LoadedCampaign
from wargame.engine import Game
from wargame.engine.detection import looks_in_turn
from wargame.engine.events import (
    Event,
    FalseTrack,
    InterceptResolved,
    MissileLaunched,
    TrackDropped,
)
from wargame.engine.false_alarms import (
    binomial_counts,
    draw,
    gate_probability,
    p_false_confirmed,
    poisson_counts,
)
from wargame.engine.false_slots import CONFIRM_HITS, CONFIRM_LOOKS, NO_CLASS
from wargame.engine.fire_control import launch
from wargame.engine.fire_control.launch import Engagement
from wargame.engine.orders import Order
from wargame.engine.state import TIGHT
from wargame.engine.track_life import CONFIRMED, identified, p_confirmed, run_window
from wargame.report.aar import FALSE_TRACK, build_aar

RADARS = ("91N6E", "92N6E")


def test_a_radar_raises_pfa_times_its_cells_false_alarms_a_look(
    first_contact: LoadedCampaign,
) -> None:
    """By hand: the 91N6E-class radar, 240 km over 150 m cells and 2° beams, beyond the
    nearest tenth held down by sensitivity time control, has 0.9 × 1,600 × 180 = 259,200
    cells: 0.2592 false alarms a look at Pfa 1e-6; the 92N6E-class, 170 km over 30 m
    cells, 0.9 × 5,667 × 180: 0.918."""
    sc = Game.new(first_contact, 1).scenario
    by_type = {
        name: float(sc.r_false_alarms[i])
        for i, name in enumerate(sc.r_name)
        if sc.r_fire_unit[i] >= 0 or i == 0
    }
    rates = sorted(set(round(v, 6) for v in by_type.values()))
    assert rates == [0.2592, round(1e-6 * 0.9 * 170 / 0.03 * 180, 6)]


def test_false_alarm_counts_match_pfa_times_cells_times_looks_over_many_radar_turns(
    first_contact: LoadedCampaign,
) -> None:
    """Over 3,000 turns of every radar the count of false alarms is within 4 standard
    errors (Poisson: the square root of the mean) of Σ Pfa × cells × looks."""
    sc = Game.new(first_contact, 1).scenario
    counted = np.zeros(len(sc.r_name))
    expected = np.zeros(len(sc.r_name))
    for turn in range(1, 3001):
        looks = looks_in_turn(sc, turn)
        dice = draw(sc, 7, turn)
        counted += poisson_counts(sc.r_false_alarms, dice.counts, looks).sum(axis=1)
        expected += sc.r_false_alarms * looks
    assert np.all(expected > 1000)
    assert np.all(np.abs(counted - expected) <= 4 * np.sqrt(expected))


def test_a_real_track_is_confirmed_at_the_binomial_rate_of_its_single_look_pd() -> None:
    """A track opened by a detection is confirmed with P(Bin(N − 1, p) ≥ M − 1): for 3 of 4,
    3p² − 2p³, 0.5 at p = 0.5 (by hand); over 40,000 windows of looks drawn at p the
    share confirmed is within 4 standard errors of it."""
    assert (CONFIRM_HITS, CONFIRM_LOOKS) == (3, 4)
    assert float(p_confirmed(0.5)) == 0.5
    rng = np.random.default_rng(3)
    for p in (0.2, 0.5, 0.8):
        n = 40_000
        later = rng.random((n, CONFIRM_LOOKS - 1)) < p
        detected = np.column_stack([np.ones(n, dtype=bool), later])
        state, _, _ = run_window(
            np.zeros(n, dtype=np.int64),
            np.zeros(n, dtype=np.int64),
            detected,
            np.full(n, CONFIRM_LOOKS),
        )
        share = float(np.mean(state == CONFIRMED))
        expected = float(p_confirmed(p))
        assert expected == pytest.approx(3 * p**2 - 2 * p**3, abs=1e-12)
        assert abs(share - expected) <= 4 * math.sqrt(expected * (1 - expected) / n)


def test_a_window_spread_over_turns_counts_each_look_once() -> None:
    """A track opened in one turn's last look, missed by the next turn's first, confirmed
    by its second and third: one turn, then the next, give the same as the four looks
    in one."""
    once, _, _ = run_window(
        np.zeros(1, dtype=np.int64),
        np.zeros(1, dtype=np.int64),
        np.array([[True, False, True, True]]),
        np.array([4]),
    )
    _, used, hits = run_window(
        np.zeros(1, dtype=np.int64),
        np.zeros(1, dtype=np.int64),
        np.array([[False, True]]),
        np.array([2]),
    )
    later, _, _ = run_window(used, hits, np.array([[False, True, True]]), np.array([3]))
    assert once.tolist() == later.tolist() == [CONFIRMED]


def test_a_false_track_is_confirmed_at_the_gate_s_closed_form() -> None:
    """Per look a false alarm falls in the gate with q; the track is confirmed with
    3q² − 2q³ for 3 of 4 (by hand at q = 0.1: 0.028), and the binomial draws give it."""
    assert float(p_false_confirmed(0.1)) == pytest.approx(0.028, abs=1e-12)
    n = 200_000
    u = np.random.default_rng(5).random(n)
    found = binomial_counts(np.full(n, CONFIRM_LOOKS - 1), np.full(n, 0.1), u)
    share = float(np.mean(found >= CONFIRM_HITS - 1))
    assert abs(share - 0.028) <= 4 * math.sqrt(0.028 * 0.972 / n)


def test_a_false_track_s_gate_leaves_about_one_chance_in_a_million(
    first_contact: LoadedCampaign,
) -> None:
    """By hand, the 92N6E-class at 100 km: π (1 km/s × 4 s)² / (0.03 km × 100 km × 2°) =
    480 cells, q = 4.8e-4 a look; a false track is confirmed with 3q² − 2q³ = 6.9e-7."""
    sc = Game.new(first_contact, 1).scenario
    fu = int(sc.f_radar[0])
    q = float(gate_probability(sc, np.array([fu]), np.array([100.0]))[0])
    by_hand = 1e-6 * math.pi * 16.0 / (0.03 * 100.0 * math.radians(2.0))
    assert q == pytest.approx(by_hand, rel=1e-9)
    assert float(p_false_confirmed(q)) == pytest.approx(3 * q**2 - 2 * q**3, rel=1e-9)
    assert 6.8e-7 < float(p_false_confirmed(q)) < 7.0e-7


def _play(loaded: LoadedCampaign, seed: int, orders: list[Order] | None = None) -> list[Event]:
    game = Game.new(loaded, seed)
    events: list[Event] = []
    first = orders or []
    while not game.over:
        events += game.step(first)
        first = []
    return events


def test_a_false_track_is_dropped_when_its_radar_has_looked_n_times(
    first_contact: LoadedCampaign,
) -> None:
    """Each tentative false track is dropped in the turn its radar's looks, counted from
    the false alarm's own, reach N (its radar stays on the air in First Contact), unless
    a false alarm in its gate confirmed it first."""
    game = Game.new(first_contact, 4)
    sc = game.scenario
    watching: dict[int, tuple[int, int, int]] = {}  # track -> (slot, radar, looks so far)
    dropped = 0
    while not game.over:
        events = game.step([])
        st = game.state
        looks = looks_in_turn(sc, st.turn)
        gone = {e.track for e in events if isinstance(e, TrackDropped)}
        for track, (slot, radar, used) in list(watching.items()):
            used += int(looks[radar])
            if st.track_id[slot] == track and st.track_confirmed[slot]:
                del watching[track]  # (rare: found again in its gate)
            elif used >= CONFIRM_LOOKS:
                assert track in gone
                dropped += 1
                del watching[track]
            else:
                assert track not in gone
                watching[track] = (slot, radar, used)
        for e in events:
            if isinstance(e, FalseTrack):
                slot = e.threat
                assert sc.t_class[slot] == NO_CLASS
                if not st.track_confirmed[slot] and st.track_id[slot] == e.track:
                    radar = sc.r_name.index(e.radar)
                    watching[e.track] = (slot, radar, int(st.track_window[slot]))
    assert dropped > 100


def test_a_round_at_a_false_track_never_kills_and_the_report_says_so(
    first_contact: LoadedCampaign,
) -> None:
    """A round fired at a false track carries no kill probability and meets nothing, on
    every seed; the report counts it among the rounds wasted, and names the false tracks."""
    for seed in range(20):
        game = Game.new(first_contact, seed)
        events: list[Event] = []
        while not any(isinstance(e, FalseTrack) for e in events):
            events += game.step([])
        false = next(e for e in events if isinstance(e, FalseTrack))
        sc, st = game.scenario, game.state
        m = sc.m_name.index("48N6-class")
        plan = [Engagement(0, m, false.threat, 1, 0.9, 50.0, 1.0, True)]
        launch(sc, st, plan, events)
        assert st.shots[-1].pk_true == 0.0
        events += game.step([])
        met = [e for e in events if isinstance(e, InterceptResolved) and e.track == false.track]
        assert met and not any(e.killed for e in met)
        aar = build_aar(events)
        assert false.track in aar.false_tracks
        assert aar.rounds_at_false_tracks >= 1
        assert any(r.reason == FALSE_TRACK for r in aar.unmet) or met[0].reason
        assert any(m.kind == "false_tracks" for m in aar.key_moments)


def test_the_same_seed_raises_the_same_false_alarms(first_contact: LoadedCampaign) -> None:
    """Same seed, same events, false tracks included, byte for byte; another seed differs."""
    one = [e.to_dict() for e in _play(first_contact, 11)]
    two = [e.to_dict() for e in _play(first_contact, 11)]
    assert one == two
    assert sum(e["kind"] == "false_track" for e in one) > 100
    other = [e.to_dict() for e in _play(first_contact, 12)]
    assert [e for e in one if e["kind"] == "false_track"] != [
        e for e in other if e["kind"] == "false_track"
    ]


def test_weapons_tight_never_engages_a_tentative_track(first_contact: LoadedCampaign) -> None:
    """With every unit on weapons tight, each round fire control fires goes at a track
    confirmed when it is fired, never at a false track; and a tentative track is never
    identified, however long held."""
    for seed in range(6):
        game = Game.new(first_contact, seed)
        sc = game.scenario
        tight = [Order(1, name, "weapons", setting="tight") for name in sc.f_name]
        first = tight
        fired = 0
        while not game.over:
            events = game.step(first)
            first = []
            st = game.state
            assert np.all(st.weapons == TIGHT)
            for e in events:
                if isinstance(e, MissileLaunched) and not e.ordered:
                    fired += 1
                    assert st.track_confirmed[e.threat]
                    assert e.threat < sc.false_slots[0]
            held = np.flatnonzero(st.track_id >= 0)
            tentative = held[~st.track_confirmed[held]]
            st.track_born[tentative] -= 1000  # held long enough, still tentative
            assert not identified(sc, st, tentative).any()
            st.track_born[tentative] += 1000
        assert fired > 0
