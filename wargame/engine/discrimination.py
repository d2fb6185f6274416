"""Discrimination: the class each track shows, and the confidence in it, growing with looks.

A decoy first looks like what it mimics. Each turn a radar detects a track, its looks
add evidence from the track's features (speed decay, RCS fluctuation, altitude
behaviour), as a log-likelihood ratio λ of "decoy" against "real". In the textbook
Gaussian shift model a look's LLR is normal with variance twice its mean, so over a turn
of weight w

    λ ~ N(+w, 2w) for a decoy,  λ ~ N(-w, 2w) for a real threat,
    w = r · n · g,

r the type's `discrimination_per_look` (small for a good decoy), n the radar's looks in
the turn that detected it (of its one look a scan period: detection counts them),
g = `ENGAGEMENT_FACTOR` under an engagement (fire-control) radar, 1 under an
acquisition radar; of the radars that detect it in a turn, the one with the largest
weight counts. After looks of total
weight W the evidence L is N(±W, 2W). With the prior `PRIOR_DECOY`,

    P(decoy) = 1 / (1 + exp(-(logit(PRIOR_DECOY) + L))),

and the track shows "decoy" while P(decoy) >= `DECOY_THRESHOLD`, else the class it
appears to be; its confidence is the probability of the class shown. Since the
likelihood ratio of a real track is a martingale, a real track is ever shown as a decoy
with probability at most exp(-A), A = logit(DECOY_THRESHOLD) - logit(PRIOR_DECOY)
(Ville's inequality: 1/81 with the values below); at a given weight W, with probability
Φ((-W - A) / √(2W)).

Dice: one standard normal per threat slot from `generator(seed, turn, CLASSIFICATION)`.
Called once a turn by the detection phase with the turn's detected pairs.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from wargame.campaign import ThreatClass
from wargame.engine.dice import Phase, generator
from wargame.engine.scenario import CLASS_CODE, Scenario

if TYPE_CHECKING:
    from wargame.engine.state import State

PRIOR_DECOY = 0.1
"""The chance a new track is a decoy, before any look, if its class is one a decoy of
the catalogue passes for (a track of another class is not doubted): a game value."""
DECOY_THRESHOLD = 0.9
"""A track shows 'decoy' while the chance it is one is at least this."""
ENGAGEMENT_FACTOR = 3.0
"""How much more a look of an engagement radar tells than an acquisition radar's: its
finer range cells and measured velocity show speed decay and RCS fluctuation sooner.
A game value."""
DECOY = CLASS_CODE[ThreatClass.DECOY]


def logit(p: float) -> float:
    return math.log(p / (1.0 - p))


DECOY_EVIDENCE = logit(DECOY_THRESHOLD) - logit(PRIOR_DECOY)
"""The evidence (log-likelihood ratio) at which a track shows 'decoy': ln 81."""


def decoy_probability(evidence: np.ndarray) -> np.ndarray:
    """P(decoy) given the evidence L of the looks so far: the prior's log-odds plus L."""
    return np.asarray(1.0 / (1.0 + np.exp(-(logit(PRIOR_DECOY) + evidence))))


def look_evidence(is_decoy: np.ndarray, weight: np.ndarray, noise: np.ndarray) -> np.ndarray:
    """The evidence of a turn's looks of total `weight` w: ±w + √(2w)·z, + for a decoy."""
    sign = np.where(is_decoy, 1.0, -1.0)
    return np.asarray(sign * weight + np.sqrt(2.0 * weight) * noise)


def look_weight(
    sc: Scenario, r_idx: np.ndarray, t_idx: np.ndarray, looks: np.ndarray
) -> np.ndarray:
    """(N,) the weight w = r·n·g of each threat's best detection this turn (0 if none):
    `looks` per detected pair (P,), the looks of its radar that saw it (a look that
    saw nothing tells nothing)."""
    per_look = sc.t_discrimination[t_idx]
    gain = np.where(sc.r_fire_unit[r_idx] >= 0, ENGAGEMENT_FACTOR, 1.0)
    weight = np.zeros(sc.n_threats)
    np.maximum.at(weight, t_idx, per_look * looks * gain)
    return weight


def classify(
    sc: Scenario,
    st: State,
    seed: int,
    r_idx: np.ndarray,
    t_idx: np.ndarray,
    looks: np.ndarray,
) -> None:
    """The turn's detected (radar, threat) pairs add their evidence to each track, and
    each track seen shows the class its evidence now favours. A track seen for the first
    time starts from the prior (a new track: blue cannot know it is an old threat)."""
    if t_idx.size == 0:
        return
    weight = look_weight(sc, r_idx, t_idx, looks)
    seen = np.flatnonzero((weight > 0.0) & sc.t_may_be_decoy)
    noise = generator(seed, st.turn, Phase.CLASSIFICATION).standard_normal(sc.n_threats)
    fresh = seen[st.track_hits[seen] <= 1]
    st.track_decoy_evidence[fresh] = 0.0
    decoy = sc.t_class[seen] == DECOY
    st.track_decoy_evidence[seen] += look_evidence(decoy, weight[seen], noise[seen])
    p_decoy = decoy_probability(st.track_decoy_evidence[seen])
    judged = p_decoy >= DECOY_THRESHOLD
    st.track_class[seen] = np.where(judged, DECOY, sc.t_apparent_class[seen])
    st.track_confidence[seen] = np.where(judged, p_decoy, 1.0 - p_decoy)


def shown_decoy(st: State, slots: np.ndarray) -> np.ndarray:
    """Per slot: its track shows 'decoy' (whatever it appeared to be)."""
    return np.asarray(st.track_class[slots] == DECOY)
