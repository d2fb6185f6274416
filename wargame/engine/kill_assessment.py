"""Kill assessment: what the engagement radar reads of each intercept, and what blue
then believes of the track.

The radar that guided a missile watches the intercept. A kill is read as a miss with
probability m (`kill_assessment_missed` of its type), a miss as a kill with probability
f (`kill_assessment_false`). A radar off the air or lost reads nothing: the result is
unknown and the track stays as it was. The last reading of a track stands:

- read as a kill: the track is "assessed killed", with the confidence
  P(dead | read kill) = pk (1 - m) / (pk (1 - m) + (1 - pk) f), pk the kill probability
  blue planned on, and leaves blue's picture (`held_tracks`), right or wrong: if the
  threat is dead the track ends; if it flies on, a detection later than the reading
  brings its track back, and fire control may engage it again.
- read as a miss: the track stays open, P(dead | read miss) = pk m / (pk m + (1 - pk)(1 - f));
  if the threat is in truth dead, its track coasts and drops as any unrefreshed track
  does. Fire control engages a track whose intercept it has read again only after a
  new look (a detection in a later turn than the reading): a survivor is shot at again,
  a track gone quiet is not, so a kill read as a miss wastes no round of fire control's
  (a player may still order one at the ghost).

Called by `intercept.resolve_intercepts` (the readings), by detection (a track's end),
by fire control and the blue view (the tracks blue holds and may engage).
"""

from __future__ import annotations

import numpy as np

from wargame.engine.state import ACTIVE, KILLED, NEVER, State

READ_KILL, READ_MISS, NOT_ASSESSED = "kill", "miss", "not assessed"
"""What an intercept's event says blue was told."""


def posterior_dead(
    pk: np.ndarray | float, missed: np.ndarray | float, false: np.ndarray | float
) -> tuple[np.ndarray, np.ndarray]:
    """(P(dead | read kill), P(dead | read miss)) by Bayes, from the kill probability `pk`
    and the radar's error rates: `missed` (a kill read as a miss), `false` (a miss read
    as a kill)."""
    pk, m, f = np.asarray(pk, float), np.asarray(missed, float), np.asarray(false, float)
    read_kill_dead, read_kill_alive = pk * (1.0 - m), (1.0 - pk) * f
    read_miss_dead, read_miss_alive = pk * m, (1.0 - pk) * (1.0 - f)
    with np.errstate(invalid="ignore", divide="ignore"):
        if_kill = np.where(
            read_kill_dead + read_kill_alive > 0.0,
            read_kill_dead / (read_kill_dead + read_kill_alive),
            0.0,
        )
        if_miss = np.where(
            read_miss_dead + read_miss_alive > 0.0,
            read_miss_dead / (read_miss_dead + read_miss_alive),
            0.0,
        )
    return if_kill, if_miss


def read_as_kill(
    killed: np.ndarray | bool,
    roll: np.ndarray | float,
    missed: np.ndarray | float,
    false: np.ndarray | float,
) -> np.ndarray:
    """Whether each intercept is read as a kill, from its assessment roll U ~ U(0, 1): a
    kill when U >= m (read as a miss when U < m), a miss when U < f."""
    return np.asarray(np.where(killed, roll >= missed, roll < false))


def record_reading(st: State, threat: int, read_kill: bool, confidence: float) -> None:
    """The track of `threat` takes this reading as its assessment (the last one stands)."""
    st.track_assessed_turn[threat] = st.turn if read_kill else NEVER
    st.track_read_turn[threat] = st.turn
    st.track_kill_confidence[threat] = confidence


def assess_intercept(
    st: State,
    threat: int,
    pk: float,
    killed: bool,
    reading: float,
    missed: float,
    false: float,
    *,
    radar_on: bool,
) -> tuple[str, float]:
    """What blue is told of one intercept at `threat`, and P(dead | that): the reading
    by `reading` ~ U(0, 1), kept as the track's assessment. A radar off the air
    (`radar_on` false) reads nothing: 'not assessed', and the track stays as it was."""
    if not radar_on:
        return NOT_ASSESSED, 0.0
    kill = bool(read_as_kill(killed, reading, missed, false))
    if_kill, if_miss = posterior_dead(pk, missed, false)
    confidence = float(if_kill if kill else if_miss)
    record_reading(st, threat, kill, confidence)
    return (READ_KILL if kill else READ_MISS), confidence


def assessed_killed(st: State) -> np.ndarray:
    """(N,) tracks blue takes as destroyed: read as killed, and not seen since."""
    return np.asarray((st.track_assessed_turn != NEVER) & (st.track_last <= st.track_assessed_turn))


def ends_with_threat(st: State, slots: np.ndarray) -> np.ndarray:
    """Per slot: whether its track ends at once because its threat is gone and blue
    knows it: a threat that arrived, left or was spent; one destroyed only if the last
    reading of its intercepts said so (otherwise its track coasts on)."""
    status = st.status[slots]
    known = (status != KILLED) | (st.track_assessed_turn[slots] != NEVER)
    return np.asarray((status != ACTIVE) & known)


def held_tracks(st: State) -> np.ndarray:
    """(N,) the tracks blue holds: a track, whose end it has not been told (a threat
    destroyed unseen by the assessment is still held, coasting), and not read as killed
    since it was last seen: a kill reading takes the track off blue's picture whether it
    is right or not, so that nothing on the screen tells a right reading from a wrong
    one; a miss read as a kill comes back with its next detection."""
    every = np.arange(st.track_id.size)
    return np.asarray((st.track_id >= 0) & ~ends_with_threat(st, every) & ~assessed_killed(st))


def engageable(st: State) -> np.ndarray:
    """(N,) the tracks fire control may engage: held, not assessed killed, and, once an
    intercept on it has been read, seen again in a later turn: shoot-look-shoot shoots
    again at what the next look still shows flying, never at a track gone quiet since."""
    looked = (st.track_read_turn == NEVER) | (st.track_last > st.track_read_turn)
    return np.asarray(held_tracks(st) & looked)
