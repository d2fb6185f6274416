"""Hints as blue may know them, and which turns are worth the player's look.

A campaign's hints (`campaign.hints`) wait on conditions; here they are judged on the
events as blue sees them (`blue.blue_events`), on the count of its confirmed tracks (a
tentative track, most likely a false alarm, is not counted) and on blue's own
magazines, never on
the truth: a hint waiting for the first decoy waits for a track the radars call a
decoy, which they never do. `hints_due` says which hints have been met and since when;
`hints_shown` which of them a player sees now. `contact` says whether a turn's events
hold something the player should see before the next turn ends: what the tactical
screen's "advance to the next contact" and the session's `advance_to_contact` stop on.

Read by the session and the TUI's hint panel; imports the engine, the campaign and the
blue view (`contact` reads the log's `TentativeTracks`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np

from wargame.campaign.injects import When
from wargame.campaign.schema import Difficulty
from wargame.engine.events import (
    CommandPostDestroyed,
    Event,
    GameOver,
    Leaker,
    LinkCut,
    MagazineEmpty,
    MissileLaunched,
    OrderRefused,
    RadarDestroyed,
    RadarFailed,
    Resupplied,
    TrackInitiated,
)
from wargame.engine.scenario import Scenario
from wargame.engine.state import NEVER, State
from wargame.view.blue import blue_events
from wargame.view.log_lines import TentativeTracks


@dataclass(frozen=True)
class DueHint:
    """A hint whose condition has been met."""

    index: int
    """Its place in the campaign's `hints`: what a dismissal names."""
    text: str
    since: int
    """The last turn resolved when it was met: it shows from the orders for the next."""
    until: int | None
    """The last turn resolved while it still shows (None: until dismissed)."""


def hints_on_at_start(sc: Scenario) -> bool:
    """Whether hints show without the player asking: in a tutorial."""
    return sc.loaded.campaign.meta.difficulty == Difficulty.TUTORIAL


def hints_due(sc: Scenario, st: State, events: Sequence[Event]) -> list[DueHint]:
    """Every hint met so far (`events`: the game's, as recorded; only blue's part of them
    is read), in the campaign's order."""
    seen = blue_events(events, sc)
    out = []
    for i, hint in enumerate(sc.loaded.campaign.hints):
        since = met_since(sc, st, hint.when, seen)
        if since is not None:
            until = None if hint.turns is None else since + hint.turns - 1
            out.append(DueHint(i, hint.text, since, until))
    return out


def hints_shown(
    sc: Scenario, st: State, events: Sequence[Event], dismissed: Collection[int] = ()
) -> list[DueHint]:
    """The hints the player sees now: met, not dismissed, and not yet run their turns."""
    return [
        h
        for h in hints_due(sc, st, events)
        if h.index not in dismissed and (h.until is None or st.turn <= h.until)
    ]


def met_since(sc: Scenario, st: State, when: When, seen: Sequence[Event]) -> int | None:
    """The last turn resolved when blue could first know the condition met, or None.
    `seen` is blue's events (`blue_events`): a track's class is what the radars made it."""
    match when.condition:
        case "turn":
            # On turn N: as the player gives the orders for it, once N - 1 has resolved.
            at = int(when.turn or 1) - 1
            return at if st.turn >= at else None
        case "tracks":
            return _confirmed_since(st, int(when.tracks or 1))
        case "first_track":
            # The class the radars gave it when it began (a class judged later, a decoy
            # found out, moves no hint).
            return next(
                (
                    e.turn
                    for e in seen
                    if isinstance(e, TrackInitiated) and e.threat_class == when.first_track
                ),
                None,
            )
        case "units_lost":
            lost = [e.turn for e in seen if isinstance(e, RadarDestroyed)]
            k = int(when.units_lost or 1)
            return lost[k - 1] if len(lost) >= k else None
        case "asset_hit":
            return next(
                (
                    e.turn
                    for e in seen
                    if isinstance(e, Leaker) and e.damaged and e.target == when.asset_hit
                ),
                None,
            )
        case _:
            return _rounds_below_since(sc, st, when, seen)


def _confirmed_since(st: State, k: int) -> int | None:
    """The turn the `k`-th track was confirmed, or None: a tentative track is no news
    (most are false alarms). The state's count says whether `k` were; a slot keeps only
    its latest confirmation's turn, so where slots were confirmed again the turn may
    read late (at worst this one), never early."""
    if st.tracks_confirmed < k:
        return None
    turns = np.sort(st.track_confirmed_turn[st.track_confirmed_turn != NEVER])
    return int(turns[k - 1]) if turns.size >= k else st.turn


def _rounds_below_since(sc: Scenario, st: State, when: When, seen: Sequence[Event]) -> int | None:
    """Blue counts its own rounds: those now, and back through its launches and resupplies
    to the first turn they stood below the count."""
    units = [when.fire_unit] if when.fire_unit else sc.f_name
    missiles = [when.missile] if when.missile else sc.m_name
    f = [sc.f_name.index(u) for u in units]
    m = [sc.m_name.index(x) for x in missiles]
    rounds = int(sum(int(st.ready[i, j] + st.stock[i, j]) for i in f for j in m))
    below = int(when.rounds_below or 0)
    if rounds >= below:
        return None
    change: dict[int, int] = {}  # turn -> rounds gone in it
    for e in seen:
        if isinstance(e, MissileLaunched) and e.fire_unit in units and e.missile in missiles:
            change[e.turn] = change.get(e.turn, 0) + 1
        elif isinstance(e, Resupplied) and e.fire_unit in units and e.missile in missiles:
            change[e.turn] = change.get(e.turn, 0) - e.rounds
    since = st.turn
    for turn in range(st.turn, 0, -1):
        rounds += change.get(turn, 0)  # the rounds at the end of turn - 1
        if rounds >= below:
            break
        since = turn - 1
    return since


# ------------------------------------------------------------------ contact

CONTACT = (
    TrackInitiated,
    RadarDestroyed,
    CommandPostDestroyed,
    Leaker,
    OrderRefused,
    GameOver,
    RadarFailed,
    LinkCut,
    Resupplied,
    MagazineEmpty,
)
"""Events blue sees that the player should see before another turn ends: a new track,
a loss, a hit, a refused order, an inject, an empty magazine, the end."""


def contact(events: Sequence[Event], tentative: TentativeTracks | None = None) -> Event | None:
    """The first event of a turn worth stopping for, as blue sees it, or None: a quiet turn.
    With the turn's `tentative` tracks, a track still tentative at its end is no news yet
    (most are false alarms), and one confirmed in it is."""
    held = tentative.held if tentative is not None else frozenset()
    for e in blue_events(events):
        if isinstance(e, TrackInitiated) and e.track in held:
            continue
        if isinstance(e, CONTACT):
            return e
    if tentative is not None and tentative.confirmed:
        return tentative.confirmed[0]
    return None


def new_hints(before: Sequence[DueHint], after: Sequence[DueHint]) -> list[DueHint]:
    """Hints met in `after` that `before` did not hold."""
    known = {h.index for h in before}
    return [h for h in after if h.index not in known]
