"""The play log folds tentative tracks: no line for a tentative track's start nor for its
drop unconfirmed; the track is announced when confirmed, and a turn's drops make one
line. Hand-built turns, then a played game against its own states."""

from __future__ import annotations

import pytest

from wargame.campaign import LoadedCampaign
from wargame.engine import Game
from wargame.engine.events import Event, TrackDropped, TrackInitiated, TurnEnded
from wargame.engine.scenario import Scenario, build_scenario
from wargame.engine.state import ACTIVE, State, initial_state
from wargame.view.alerts import step_log
from wargame.view.hints import contact, hints_due
from wargame.view.log_lines import TentativeTracks, log_lines, tentative_tracks


@pytest.fixture(scope="module")
def scenario(first_contact: LoadedCampaign) -> Scenario:
    return build_scenario(first_contact)


def _ended(turn: int) -> TurnEnded:
    return TurnEnded(turn, time_s=30.0 * turn, emitting=(), tracks=0, score=0.0)


def _begun(turn: int, track: int, slot: int) -> TrackInitiated:
    return TrackInitiated(turn, track, slot, "fighter", "Big Bird", 250.0)


def _hold(st: State, track: int, slot: int, confirmed: bool) -> None:
    """`st` holds the track in `slot`, formed by radar 0 (First Contact's Big Bird)."""
    st.track_id[slot], st.track_last[slot], st.track_radar[slot] = track, st.turn, 0
    st.status[slot], st.track_confirmed[slot] = ACTIVE, confirmed


def test_a_tentative_start_has_no_line_and_its_confirmation_has_one(
    scenario: Scenario,
) -> None:
    """Turn 5: tracks 7 (slot 3) and 8 (slot 4) begin, 8 confirmed at once, 7 tentative.
    Turn 6: 7 is confirmed."""
    assert scenario.r_name[0] == "Big Bird"
    before = initial_state(scenario)
    before.turn = 4
    after = before.copy()
    after.turn = 5
    _hold(after, 7, 3, confirmed=False)
    _hold(after, 8, 4, confirmed=True)
    turn5: list[Event] = [_begun(5, 7, 3), _begun(5, 8, 4), _ended(5)]
    fold5 = tentative_tracks(scenario, before, after, turn5)
    assert fold5 == TentativeTracks(5, held=frozenset({7}))
    later = after.copy()
    later.turn = 6
    _hold(later, 7, 3, confirmed=True)
    fold6 = tentative_tracks(scenario, after, later, [_ended(6)])
    assert [e.track for e in fold6.confirmed] == [7] and not fold6.held and not fold6.dropped
    lines = log_lines([*turn5, _ended(6)], tentative=[fold5, fold6])
    assert [(turn, text.split(":")[0]) for turn, _, text in lines] == [
        (5, "new track 8"),
        (5, "── end of turn 5 · 0"),
        (6, "track 7 confirmed"),
        (6, "── end of turn 6 · 0"),
    ]
    assert lines[2][2] == "track 7 confirmed: fighter, held by Big Bird"
    # What "advance to the next contact" makes of the two turns.
    assert contact(turn5, fold5) == turn5[1]
    assert contact([_ended(6)], fold6) == fold6.confirmed[0]


def test_a_turn_s_drops_unconfirmed_make_one_line_and_a_confirmed_track_s_drop_its_own(
    scenario: Scenario,
) -> None:
    """Tracks 1, 2, 3 (slots 35-37, tentative) and 9 (slot 3, confirmed) all drop on
    turn 6: one line for the three, and 'track 9 lost'."""
    before = initial_state(scenario)
    before.turn = 5
    for track, slot in ((1, 35), (2, 36), (3, 37)):
        _hold(before, track, slot, confirmed=False)
    _hold(before, 9, 3, confirmed=True)
    after = initial_state(scenario)
    after.turn = 6
    drops: list[Event] = [TrackDropped(6, t, s) for t, s in ((1, 35), (2, 36), (9, 3), (3, 37))]
    events = [*drops, _ended(6)]
    fold = tentative_tracks(scenario, before, after, events)
    assert fold.dropped == {1, 2, 3}
    texts = [text for _, _, text in log_lines(events, tentative=[fold])]
    assert texts[:2] == ["track 9 lost", "3 tentative tracks dropped unconfirmed"]
    assert len(texts) == 3  # and the turn's end
    # Without the states (a save's whole history, a replay) every event keeps its line.
    assert len(log_lines(events)) == 5


def test_in_play_the_log_names_only_confirmed_tracks_and_is_shorter(
    first_contact: LoadedCampaign,
) -> None:
    """First Contact, seed 1, 20 turns: every 'new track' or 'confirmed' line names a track
    confirmed at its turn's end (or ended since); no tentative track's drop has a line."""
    game = Game.new(first_contact, 1)
    events: list[Event] = []
    folds: list[TentativeTracks] = []
    confirmed_at: dict[int, set[int]] = {}
    while game.turn < 20:
        before = game.state.copy()
        turn = game.step([])
        events += turn
        folds.append(tentative_tracks(game.scenario, before, game.state, turn))
        st = game.state
        confirmed_at[st.turn] = set(st.track_id[st.track_confirmed & (st.track_id >= 0)].tolist())
    folded = log_lines(events, tentative=folds)
    plain = log_lines(events)
    dropped = sum(len(f.dropped) for f in folds)
    assert dropped > 20  # false alarms by the score
    assert len(folded) < len(plain) - dropped
    for turn, _, text in folded:
        if text.startswith("new track ") or " confirmed: " in text:
            track = int(text.removeprefix("new track ").removeprefix("track ").split(":")[0])
            assert track in confirmed_at[turn]
    unconfirmed = {t for f in folds for t in f.dropped}
    assert not any(text == f"track {t} lost" for _, _, text in folded for t in unconfirmed)


def test_the_first_track_hint_waits_for_a_confirmed_track(first_contact: LoadedCampaign) -> None:
    """First Contact's `tracks = 1` prompt, seed 7: tentative false tracks from turn 1 meet
    it not; the first confirmed track (turn 11) does, from then on."""
    prompt = "A new track: select it with t"
    game = Game.new(first_contact, 7)
    due: dict[int, list[int]] = {}
    events: list[Event] = []
    while game.turn < 12:
        events += game.step([])
        due[game.turn] = [
            h.since for h in hints_due(game.scenario, game.state, events) if prompt in h.text
        ]
    assert any(isinstance(e, TrackInitiated) and e.turn == 1 for e in events)
    assert due == {turn: [] if turn < 11 else [11] for turn in range(1, 13)}


def test_a_step_s_log_takes_a_turn_of_tentative_tracks_only_for_a_quiet_one() -> None:
    """Turn 1: track 1 begins tentative; turn 2: it drops unconfirmed; turn 3: track 2
    (begun tentative on turn 2) is confirmed; turn 4 ends the step."""
    events: list[Event] = [
        _begun(1, 1, 35),
        _ended(1),
        TrackDropped(2, 1, 35),
        _begun(2, 2, 36),
        _ended(2),
        _ended(3),
        _ended(4),
    ]
    folds = [
        TentativeTracks(1, held=frozenset({1})),
        TentativeTracks(2, held=frozenset({2}), dropped=frozenset({1})),
        TentativeTracks(3, confirmed=(_begun(2, 2, 36),)),
    ]
    kept = step_log(events, folds)
    assert [(e.kind, e.turn) for e in kept] == [
        ("track_initiated", 1),
        ("track_dropped", 2),
        ("track_initiated", 2),
        ("turn_ended", 3),
        ("turn_ended", 4),
    ]
    assert [text for _, _, text in log_lines(kept, tentative=folds)] == [
        "1 tentative track dropped unconfirmed",
        "track 2 confirmed: fighter, held by Big Bird",
        "── end of turn 3 · 0:01:30 ──",
        "── end of turn 4 · 0:02:00 ──",
    ]
