"""The time the player controls: how much game time one "end turn" plays, and when play
pauses itself, judged on what blue may know.

A turn of the engine is its tick (the campaign's `seconds_per_turn`). The player sets
a time step (`time_steps`: one turn, 1 min, 5 min, each a whole number of turns) and
the session plays that many turns at once; it stops early, after the turn whose news
meets one of the conditions the player chose (`PauseRules`), so that they can answer.
`pause_alerts` decides that on the turn's events as blue sees them (`blue.blue_events`:
red's side taken out, a threat known only by the track the radars made of it) and on
blue's own units, never on the truth of a threat the radars have not seen.

Read by the session (`Session.play`) and the TUI (the status bar, the pause dialog).
Imports the engine and the campaign only, through the blue view.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Final, Literal

import numpy as np

from wargame.campaign.schema import class_words
from wargame.engine.events import (
    CommandPostDestroyed,
    Event,
    Leaker,
    LinkCut,
    MagazineEmpty,
    OrderRefused,
    RadarDestroyed,
    RadarFailed,
    Resupplied,
    TrackDropped,
    TrackInitiated,
    TurnEnded,
)
from wargame.engine.kill_assessment import held_tracks
from wargame.engine.scenario import Scenario
from wargame.engine.state import State
from wargame.view.blue import blue_events, blue_text, confirmed_news
from wargame.view.log_lines import TentativeTracks
from wargame.view.words import short_missile

# ---------------------------------------------------------------- time step

STEP_SECONDS: Final = (0.0, 60.0, 300.0)
"""The time steps offered, in game seconds (0: one turn, the engine's tick), as
Command's time compression offers a few fixed ones."""


def time_steps(seconds_per_turn: float) -> tuple[int, ...]:
    """The time steps offered, in turns: each of `STEP_SECONDS` rounded to a whole number
    of turns, never below one, those that come out alike offered once, shortest first."""
    turns = {max(1, round(s / seconds_per_turn)) for s in STEP_SECONDS}
    return tuple(sorted(turns))


def step_words(turns: int, seconds_per_turn: float, *, short: bool = False) -> str:
    """A time step as the player reads it: '10 s', '1 min', '5 min', '2 min 30 s';
    `short` for a narrow status bar: '10s', '1m', '2m30'."""
    total = round(turns * seconds_per_turn)
    minutes, seconds = divmod(total, 60)
    if short:
        if not minutes:
            return f"{seconds}s"
        return f"{minutes}m{seconds:02d}" if seconds else f"{minutes}m"
    if not minutes:
        return f"{seconds} s"
    return f"{minutes} min {seconds} s" if seconds else f"{minutes} min"


def step_log(events: Sequence[Event], tentative: Iterable[TentativeTracks] = ()) -> list[Event]:
    """A time step's events for the play log: the end of each turn in which blue saw
    nothing else is left out, but for the step's last turn (its line tells the clock), so
    that a quiet stretch of ten turns is one line, not ten. A tentative track begun or
    dropped unconfirmed (`tentative`, as the log folds them) is nothing new; one
    confirmed is."""
    if not events:
        return []
    folds = list(tentative)
    quiet = {(t.turn, track) for t in folds for track in t.held | t.dropped}
    news = {
        e.turn
        for e in blue_events(events)
        if not isinstance(e, TurnEnded)
        and not (isinstance(e, TrackInitiated | TrackDropped) and (e.turn, e.track) in quiet)
    } | {t.turn for t in folds if t.confirmed}
    last = max(e.turn for e in events)
    return [e for e in events if not isinstance(e, TurnEnded) or e.turn in news or e.turn == last]


# ---------------------------------------------------------------- conditions

Condition = Literal["unit_lost", "arm", "ballistic", "new_track", "magazine", "news"]
"""What may pause play (each a toggle of the player's)."""

CONDITIONS: Final[tuple[Condition, ...]] = (
    "unit_lost",
    "arm",
    "ballistic",
    "new_track",
    "magazine",
    "news",
)
"""Every condition, the most urgent first: a turn that meets several is named by the first."""

CONDITION_WORDS: Final[Mapping[Condition, str]] = MappingProxyType(
    {
        "unit_lost": "a unit lost (radar, fire unit, command post)",
        "arm": "an anti-radiation missile track",
        "ballistic": "a ballistic missile track",
        "new_track": "a new contact: a track 40 km or more from any held",
        "magazine": "a magazine low: a missile's rounds under the count",
        "news": "other news: a hit, a refused order, an inject",
    }
)
"""Each condition as the pause dialog lists it."""

MAGAZINE_BELOW: Final = 4
"""The default count: play pauses when a fire unit's rounds of a missile (ready and in
stock) fall below it."""

NEWS: Final = (Leaker, OrderRefused, RadarFailed, LinkCut, Resupplied, MagazineEmpty)
"""The events blue sees that "other news" pauses on: with new tracks and losses, what the
tactical screen's "next contact" stops on."""


@dataclass(frozen=True)
class PauseRules:
    """The conditions the player chose to pause on (all of them unless told otherwise)."""

    conditions: frozenset[Condition] = field(default_factory=lambda: frozenset(CONDITIONS))
    magazine_below: int = MAGAZINE_BELOW
    """Pause when a fire unit's rounds of a missile, ready and in stock, fall below this many."""

    def with_condition(self, condition: Condition, on: bool) -> PauseRules:
        chosen = self.conditions | {condition} if on else self.conditions - {condition}
        return replace(self, conditions=frozenset(chosen))


@dataclass(frozen=True)
class Alert:
    """Something in a turn's news that may pause play, as blue knows it."""

    condition: Condition
    turn: int
    text: str
    """Why play paused, in a few words: 'ballistic missile track 12'."""


def pause_alerts(
    sc: Scenario,
    before: State,
    after: State,
    events: Sequence[Event],
    rules: PauseRules | None = None,
) -> list[Alert]:
    """What in one turn's news meets the player's pause conditions (`rules`; without
    them, every condition at the default count), most urgent first: the turn pauses play
    if the list is not empty. `before` and `after` are the states on either side of the
    turn; of them only blue's own units are read. `events` are the turn's as recorded;
    only blue's part of them is read."""
    rules = rules or PauseRules()
    seen = blue_events(events)
    turn = after.turn
    found: dict[Condition, list[Alert]] = {c: [] for c in CONDITIONS}
    found["unit_lost"] = _losses(seen, turn)
    new = confirmed_news(sc, before, after, seen)  # a tentative track is no news yet
    found["arm"] = _tracks(new, "arm", turn)
    found["ballistic"] = _tracks(new, "ballistic", turn)
    # A track a more urgent condition names is not news twice.
    named = {TRACK_CLASSES[c] for c in TRACK_CLASSES if c in rules.conditions}
    others = [e for e in new if e.threat_class not in named]
    found["new_track"] = _tracks(_new_contacts(before, after, others), "new_track", turn)
    found["magazine"] = _magazines(sc, before, after, rules.magazine_below)
    found["news"] = [
        Alert("news", turn, blue_text(e) or e.kind) for e in seen if isinstance(e, NEWS)
    ]
    return [a for c in CONDITIONS if c in rules.conditions for a in found[c]]


NEW_CONTACT_KM = 40.0
"""A new track this far or farther from every track held before is a new contact; a
nearer one is more of a raid already seen (a stream's next member), and does not pause."""


def _new_contacts(
    before: State, after: State, new: Sequence[TrackInitiated]
) -> list[TrackInitiated]:
    """The new tracks farther than `NEW_CONTACT_KM` from every track blue held before the
    turn, by the radars' estimates (a raid's first track, not each of its members)."""
    held = np.flatnonzero(held_tracks(before) & before.track_confirmed)
    if not new or held.size == 0:
        return list(new)
    slots = np.array([e.threat for e in new])
    gap = np.hypot(
        before.track_x[held][None, :] - after.track_x[slots][:, None],
        before.track_y[held][None, :] - after.track_y[slots][:, None],
    )
    far = gap.min(axis=1) >= NEW_CONTACT_KM
    return [e for e, away in zip(new, far.tolist(), strict=True) if away]


def _losses(seen: Iterable[Event], turn: int) -> list[Alert]:
    out = []
    for e in seen:
        if isinstance(e, RadarDestroyed):
            out.append(Alert("unit_lost", turn, f"{e.radar} destroyed"))
        elif isinstance(e, CommandPostDestroyed):
            out.append(Alert("unit_lost", turn, f"command post {e.command_post} destroyed"))
    return out


TRACK_CLASSES: Final[Mapping[Condition, str]] = MappingProxyType(
    {"arm": "arm", "ballistic": "ballistic_missile"}
)
"""The class of the new tracks a condition pauses on (a new hostile track: any class)."""


def _tracks(new: Sequence[TrackInitiated], condition: Condition, turn: int) -> list[Alert]:
    """One alert for the new tracks of the condition's class: a raid's tracks appear
    together, and the player reads them as one piece of news."""
    cls = TRACK_CLASSES.get(condition)
    mine = [e for e in new if cls is None or e.threat_class == cls]
    if not mine:
        return []
    first = mine[0]
    if cls is None:
        text = f"new track {first.track}, {class_words(first.threat_class)}"
    else:
        text = f"{class_words(cls)} track {first.track}"
    if len(mine) > 1:
        text += f", and {len(mine) - 1} more"
    return [Alert(condition, turn, text)]


def rounds_left(sc: Scenario, st: State) -> np.ndarray:
    """Each fire unit's rounds of each missile, ready on its launchers and in stock for
    reloads (F, M); -1 for a fire unit destroyed."""
    rounds = (st.ready + st.stock).astype(np.int64)
    return np.where(st.radar_alive[sc.f_radar][:, None], rounds, -1)


def _magazines(sc: Scenario, before: State, after: State, below: int) -> list[Alert]:
    """A fire unit whose rounds of a missile fell below the count in the turn. It pauses
    once, not every turn it stays below (a resupply above the count and a fall again
    pause again); a missile it never had below the count never does."""
    was, now = rounds_left(sc, before), rounds_left(sc, after)
    fell = np.argwhere((was >= below) & (now >= 0) & (now < below))
    return [
        Alert(
            "magazine",
            after.turn,
            f"{sc.f_name[f]} down to {int(now[f, m])} × {short_missile(sc.m_name[m])}",
        )
        for f, m in fell.tolist()
    ]


def pause_text(alerts: Sequence[Alert]) -> str:
    """Why play paused, for the status bar: the most urgent, and how many more."""
    if not alerts:
        return ""
    more = f" (+{len(alerts) - 1})" if len(alerts) > 1 else ""
    return f"paused: {alerts[0].text}{more}"
