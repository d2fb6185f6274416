"""Discrimination against the model's closed forms: a decoy's evidence after looks of
total weight W is N(W, 2W), W = r·n·g, so it shows as a decoy with probability
Φ((W - A) / √(2W)), A = ln 81; a real threat's evidence is N(-W, 2W), so it is shown as a
decoy at weight W with probability Φ((-W - A) / √(2W)), and ever with at most e^-A.
Threat evaluation and the track table read the class shown."""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np
import pytest

from wargame.campaign import LoadedCampaign
from wargame.engine import Game
from wargame.engine.discrimination import (
    DECOY,
    DECOY_EVIDENCE,
    DECOY_THRESHOLD,
    ENGAGEMENT_FACTOR,
    PRIOR_DECOY,
    classify,
    decoy_probability,
)
from wargame.engine.fire_control import assess, options
from wargame.engine.scenario import CLASS_CODE, Scenario
from wargame.engine.state import State
from wargame.view.picture import track_rows

PHI = NormalDist().cdf
RATE = 0.05
"""The built-in catalogue's figure per look, for the decoy and for real threats alike."""
ACQUISITION, ENGAGEMENT = 0, 1
"""First Contact's radars: Big Bird, then FU Alpha's engagement radar."""


def _start(loaded: LoadedCampaign) -> tuple[Scenario, State]:
    game = Game.new(loaded, 0)
    st = game.state.copy()
    st.track_hits[:] = 5  # every track held for a while: none is new
    return game.scenario, st


def _look(sc: Scenario, st: State, seed: int, radar: int, looks: float, slots: np.ndarray) -> None:
    """One turn in which `radar` detects `slots`, each in `looks` looks."""
    st.turn += 1
    classify(sc, st, seed, np.full(slots.size, radar), slots, np.full(slots.size, looks))


def _evidence_after(
    loaded: LoadedCampaign, seeds: int, turns: int, radar: int
) -> tuple[Scenario, np.ndarray]:
    """(S, N) evidence of every threat after `turns` turns of one look by `radar`."""
    sc, st0 = _start(loaded)
    every = np.arange(sc.n_threats)
    out = np.empty((seeds, sc.n_threats))
    for seed in range(seeds):
        st = st0.copy()
        for _ in range(turns):
            _look(sc, st, seed, radar, 1.0, every)
        out[seed] = st.track_decoy_evidence
    return sc, out


def test_the_threshold_is_ln_81_of_evidence() -> None:
    assert math.isclose(DECOY_EVIDENCE, math.log(81.0))
    assert float(decoy_probability(np.array(DECOY_EVIDENCE))) == pytest.approx(DECOY_THRESHOLD)
    assert float(decoy_probability(np.array(0.0))) == pytest.approx(PRIOR_DECOY)


@pytest.mark.parametrize(("radar", "gain"), [(ACQUISITION, 1.0), (ENGAGEMENT, ENGAGEMENT_FACTOR)])
def test_a_decoy_s_evidence_after_k_looks_is_normal_with_mean_k_r_g(
    first_contact: LoadedCampaign, radar: int, gain: float
) -> None:
    seeds, turns = 400, 20
    sc, evidence = _evidence_after(first_contact, seeds, turns, radar)
    decoys = np.flatnonzero(sc.t_class == DECOY)
    weight = turns * RATE * gain
    sample = evidence[:, decoys].ravel()
    assert abs(sample.mean() - weight) <= 4 * math.sqrt(2 * weight / sample.size)
    assert abs(sample.var() - 2 * weight) <= 4 * 2 * weight * math.sqrt(2 / sample.size)
    # Shown as a decoy where the evidence passes A: Φ((W - A) / √(2W)).
    shown = (sample >= DECOY_EVIDENCE).mean()
    p = PHI((weight - DECOY_EVIDENCE) / math.sqrt(2 * weight))
    assert abs(shown - p) <= 4 * math.sqrt(p * (1 - p) / sample.size) + 1e-9


def test_an_engagement_radar_unmasks_a_decoy_sooner(first_contact: LoadedCampaign) -> None:
    """Twenty looks: weight 1 under Big Bird (Φ(-2.4) = 0.8 %), 3 under a fire unit's
    radar (Φ(-0.57) = 28 %)."""
    sc, slow = _evidence_after(first_contact, 200, 20, ACQUISITION)
    _, fast = _evidence_after(first_contact, 200, 20, ENGAGEMENT)
    decoys = np.flatnonzero(sc.t_class == DECOY)
    assert (fast[:, decoys] >= DECOY_EVIDENCE).mean() > 10 * (
        slow[:, decoys] >= DECOY_EVIDENCE
    ).mean()


def test_a_track_shows_decoy_with_its_confidence_once_the_evidence_passes(
    first_contact: LoadedCampaign,
) -> None:
    sc, st = _start(first_contact)
    decoy = int(np.flatnonzero(sc.t_class == DECOY)[0])
    assert st.track_class[decoy] == CLASS_CODE["cruise_missile"]  # what it mimics
    assert st.track_confidence[decoy] == pytest.approx(1 - PRIOR_DECOY)
    seed = 0
    while st.track_class[decoy] != DECOY:
        _look(sc, st, seed, ENGAGEMENT, 10.0, np.array([decoy]))
    p = float(decoy_probability(st.track_decoy_evidence[decoy : decoy + 1])[0])
    assert p >= DECOY_THRESHOLD and st.track_confidence[decoy] == pytest.approx(p)


def test_a_real_cruise_missile_is_misread_as_a_decoy_at_the_closed_form_frequency(
    first_contact: LoadedCampaign,
) -> None:
    """At weight W = A the chance is largest: Φ(-√(2A)) = 0.15 %."""
    sc, st0 = _start(first_contact)
    real = np.flatnonzero((sc.t_class != DECOY) & sc.t_may_be_decoy)
    assert set(sc.t_class[real].tolist()) == {CLASS_CODE["cruise_missile"]}
    looks = DECOY_EVIDENCE / (RATE * ENGAGEMENT_FACTOR)  # one turn of weight A
    seeds = 1500
    misread = 0
    for seed in range(seeds):
        st = st0.copy()
        _look(sc, st, seed, ENGAGEMENT, looks, real)
        misread += int(np.count_nonzero(st.track_class[real] == DECOY))
    p = PHI(-math.sqrt(2 * DECOY_EVIDENCE))
    n = seeds * real.size
    assert abs(misread / n - p) <= 4 * math.sqrt(p * (1 - p) / n)


def test_a_real_track_is_ever_misread_at_most_one_time_in_81(
    first_contact: LoadedCampaign,
) -> None:
    """Its likelihood ratio is a martingale: Ville's inequality bounds the chance that
    it ever reaches 81 by 1/81, however many looks."""
    sc, st0 = _start(first_contact)
    real = np.flatnonzero((sc.t_class != DECOY) & sc.t_may_be_decoy)
    seeds, turns = 300, 40
    ever = np.zeros((seeds, real.size), dtype=bool)
    for seed in range(seeds):
        st = st0.copy()
        for _ in range(turns):
            _look(sc, st, seed, ENGAGEMENT, 1.0, real)
            ever[seed] |= st.track_class[real] == DECOY
    bound = math.exp(-DECOY_EVIDENCE)
    assert ever.mean() <= bound + 4 * math.sqrt(bound * (1 - bound) / ever.size)


def test_the_looks_are_the_threat_s_own_dice(first_contact: LoadedCampaign) -> None:
    """Common random numbers: whether other tracks are seen moves no track's evidence,
    and the same seed gives the same evidence."""
    sc, st0 = _start(first_contact)
    decoy = int(np.flatnonzero(sc.t_class == DECOY)[0])
    alone, crowd, again = st0.copy(), st0.copy(), st0.copy()
    for seed in range(5):
        _look(sc, alone, seed, ACQUISITION, 1.0, np.array([decoy]))
        _look(sc, crowd, seed, ACQUISITION, 1.0, np.arange(sc.n_threats))
        _look(sc, again, seed, ACQUISITION, 1.0, np.arange(sc.n_threats))
    assert alone.track_decoy_evidence[decoy] == crowd.track_decoy_evidence[decoy]
    assert (crowd.track_decoy_evidence == again.track_decoy_evidence).all()


def test_a_new_track_starts_from_the_prior(first_contact: LoadedCampaign) -> None:
    sc, st = _start(first_contact)
    st.track_decoy_evidence[:] = 9.0  # an old track's evidence on the same slot
    st.track_hits[0] = 1  # its first detection: a new track
    _look(sc, st, 0, ACQUISITION, 1.0, np.array([0, 1]))
    assert abs(st.track_decoy_evidence[0]) < 3.0 and st.track_decoy_evidence[1] > 6.0


def test_fire_control_and_the_track_table_read_the_class_shown(
    first_contact: LoadedCampaign,
) -> None:
    """A cruise missile's track shown as a decoy is planned at the decoy's Pk and worth no
    round, and the track table shows 'decoy' with its confidence."""
    game = Game.new(first_contact, 1)
    while not (game.state.track_id >= 0).any():
        game.step([])
    sc, st = game.scenario, game.state.copy()
    slot = int(np.flatnonzero(st.track_id >= 0)[0])
    units = np.arange(len(sc.f_name))
    before = options(sc, st, units, np.array([slot]))
    assert assess(sc, st, np.array([slot]))[0][0] > 0.0
    st.track_class[slot] = DECOY
    st.track_confidence[slot] = 0.93
    after = options(sc, st, units, np.array([slot]))
    shown = int(sc.t_apparent_class[slot])
    for f in range(units.size):
        m = int(before.missile[f, 0])
        if m >= 0 and int(after.missile[f, 0]) == m:
            ratio = sc.m_pk[m, DECOY] / sc.m_pk[m, shown]
            assert after.pk[f, 0] == pytest.approx(before.pk[f, 0] * ratio)
    assert assess(sc, st, np.array([slot]))[0][0] == 0.0  # a decoy is worth no round
    row = next(r for r in track_rows(sc, st) if r.slot == slot)
    assert (row.cls, row.confidence) == ("decoy", 0.93)


def test_a_track_of_a_class_no_decoy_fakes_is_never_doubted(
    first_contact: LoadedCampaign,
) -> None:
    """The catalogue's only decoy passes for a cruise missile: a fighter's track starts
    certain and stays so, whatever the looks say."""
    sc, st = _start(first_contact)
    fighters = np.flatnonzero(sc.t_class == CLASS_CODE["fighter"])
    assert fighters.size and not sc.t_may_be_decoy[fighters].any()
    assert (st.track_confidence[fighters] == 1.0).all()
    for seed in range(50):
        _look(sc, st, seed, ENGAGEMENT, 10.0, fighters)
    assert (st.track_class[fighters] == CLASS_CODE["fighter"]).all()
    assert (st.track_confidence[fighters] == 1.0).all()
