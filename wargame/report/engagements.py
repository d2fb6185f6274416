"""Engagements, one row each: every salvo a fire unit fired, and what became of it.

`engagements(events)` walks a game's events once. A salvo is the rounds one fire
unit fired of one missile type at one threat on one turn (the engine writes one
`MissileLaunched` per round, alike for the rounds of a salvo); its rounds are
matched to their `InterceptResolved` by unit, missile and threat, first fired
first resolved. The target is named twice: as the radars tracked it (the class
the track appeared to be) and as it truly was (from `RaidEntered`, or `arm` for
an `ArmLaunched`, or a `WeaponsReleased` for an aircraft's stand-off weapons), so a
salvo spent on a decoy shows as such. A salvo at a track a radar made of noise (its
`FalseTrack`) is marked as fired at a false track: its rounds met nothing, whatever the
engine's roll against a nil kill probability said.

`build_aar` (`aar.py`) calls it; the renderers lay the rows out as a table (HTML,
Markdown), a list (JSON) and a filterable table (the TUI's report screen).
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, replace

from wargame.engine.events import (
    ArmLaunched,
    Event,
    FalseTrack,
    InterceptResolved,
    MissileLaunched,
    RaidEntered,
    WeaponsReleased,
)

FALSE_TRACK = "false_track"
"""The true class of a salvo's target where the track was a false alarm: nothing."""
NOTHING_THERE = "a false track: nothing there"
"""Why the rounds of a salvo at a false track met nothing."""

RESULTS = ("kill", "miss", "met nothing", "in flight")
"""What a salvo came to: a kill (some round killed), a miss (rounds rolled and none
killed), met nothing (no round rolled: its target was already destroyed or gone, or
guidance was lost), or still in flight when the game ended."""


@dataclass(frozen=True)
class Engagement:
    """One salvo: the rounds a fire unit fired of one type at one threat on one turn."""

    turn: int
    fire_unit: str
    missile: str
    rounds: int
    track: int
    tracked_as: str
    """The class the track appeared to be when it was fired at."""
    threat: int
    true_class: str
    """What the threat really was."""
    range_km: float
    intercept_turn: int
    """The turn its rounds were due at the intercept point."""
    pk: float
    """Kill probability of one round as planned against the track."""
    cost: float
    """M$ for all its rounds."""
    ordered: bool
    """Fired on the player's order to engage (else by fire control)."""
    killed: int = 0
    """Rounds that killed (0 or 1)."""
    rolled: int = 0
    """Rounds that met their target and rolled."""
    unmet: str = ""
    """Why its rounds met nothing, if none rolled ('' otherwise)."""
    resolved: int = 0
    """Rounds resolved by the end of the game."""
    assessed: str = ""
    """What the engagement radar read of it: 'kill' if it read any round as a kill, else
    'miss' if it read any, '' if it read none (or under rules before 1.7)."""

    @property
    def at_false_track(self) -> bool:
        """Fired at a track a radar made of noise: no threat was there."""
        return self.true_class == FALSE_TRACK

    @property
    def flight_turns(self) -> int:
        """Turns from launch to the intercept."""
        return self.intercept_turn - self.turn

    @property
    def salvo_pk(self) -> float:
        """Kill probability of the salvo: n independent rounds kill with 1 - (1 - p)^n."""
        return round(1.0 - (1.0 - self.pk) ** self.rounds, 3)

    @property
    def result(self) -> str:
        """One of `RESULTS`."""
        if self.killed:
            return "kill"
        if self.rolled:
            return "miss"
        if self.resolved:
            return "met nothing"
        return "in flight"

    @property
    def misread(self) -> str:
        """Where the reading was not the truth: 'assessed killed - in truth survived', or
        'assessed missed - in truth killed'; '' otherwise."""
        if self.assessed == "kill" and not self.killed:
            return "assessed killed - in truth survived"
        if self.assessed == "miss" and self.killed:
            return "assessed missed - in truth killed"
        return ""


@dataclass
class _Open:
    """A salvo being filled in by the walk."""

    row: Engagement
    killed: int = 0
    rolled: int = 0
    unmet: str = ""
    resolved: int = 0
    assessed: str = ""


def engagements(events: Iterable[Event]) -> tuple[Engagement, ...]:
    """Every salvo of the game in the order fired, each with its result."""
    true_class: dict[int, str] = {}
    false_tracks: set[int] = set()
    salvos: list[_Open] = []
    by_key: dict[tuple[int, str, str, int], _Open] = {}
    # Rounds in flight per (unit, missile, threat), oldest first.
    flying: dict[tuple[str, str, int], deque[_Open]] = defaultdict(deque)
    for event in events:
        match event:
            case RaidEntered():
                true_class.update(dict.fromkeys(event.threats, event.threat_class))
            case ArmLaunched():
                true_class[event.threat] = "arm"
            case WeaponsReleased():
                true_class.update(dict.fromkeys(event.threats, event.threat_class))
            case FalseTrack():
                false_tracks.add(event.track)
            case MissileLaunched():
                key = (event.turn, event.fire_unit, event.missile, event.threat)
                salvo = by_key.get(key)
                if salvo is None:
                    row = _new_row(event, true_class)
                    if event.track in false_tracks:
                        row = replace(row, true_class=FALSE_TRACK)
                    salvo = by_key[key] = _Open(row)
                    salvos.append(salvo)
                else:
                    row = salvo.row
                    salvo.row = _with_round(row, event.cost)
                flying[(event.fire_unit, event.missile, event.threat)].append(salvo)
            case InterceptResolved():
                queue = flying.get((event.fire_unit, event.missile, event.threat))
                if not queue:
                    continue  # a round fired before these events began
                salvo = queue.popleft()
                salvo.resolved += 1
                if salvo.row.at_false_track:
                    salvo.unmet = salvo.unmet or event.reason or NOTHING_THERE
                elif event.reason:
                    salvo.unmet = salvo.unmet or event.reason
                else:
                    salvo.rolled += 1
                    salvo.killed += int(event.killed)
                    if event.assessed in ("kill", "miss") and salvo.assessed != "kill":
                        salvo.assessed = event.assessed
            case _:
                pass
    return tuple(_close(s) for s in salvos)


def _new_row(event: MissileLaunched, true_class: dict[int, str]) -> Engagement:
    return Engagement(
        turn=event.turn,
        fire_unit=event.fire_unit,
        missile=event.missile,
        rounds=1,
        track=event.track,
        tracked_as=event.threat_class,
        threat=event.threat,
        true_class=true_class.get(event.threat, event.threat_class),
        range_km=event.range_km,
        intercept_turn=event.intercept_turn,
        pk=event.pk,
        cost=event.cost,
        ordered=event.ordered,
    )


def _with_round(row: Engagement, cost: float) -> Engagement:
    return replace(row, rounds=row.rounds + 1, cost=round(row.cost + cost, 3))


def _close(salvo: _Open) -> Engagement:
    return replace(
        salvo.row,
        killed=salvo.killed,
        rolled=salvo.rolled,
        unmet="" if salvo.rolled else salvo.unmet,
        resolved=salvo.resolved,
        assessed=salvo.assessed,
    )


def matching(
    rows: Iterable[Engagement],
    *,
    fire_unit: str = "",
    missile: str = "",
    result: str = "",
    text: str = "",
) -> list[Engagement]:
    """The rows a filter keeps: each given field must match exactly; `text` must appear
    (case-insensitive) in the unit, missile, either class, result or reason. The TUI's
    report screen filters with it."""
    needle = text.strip().lower()
    kept = []
    for row in rows:
        if fire_unit and row.fire_unit != fire_unit:
            continue
        if missile and row.missile != missile:
            continue
        if result and row.result != result:
            continue
        if needle:
            hay = " ".join(
                (row.fire_unit, row.missile, row.tracked_as, row.true_class, row.result, row.unmet)
            ).lower()
            if needle not in hay.replace("_", " ") and needle not in hay:
                continue
        kept.append(row)
    return kept
