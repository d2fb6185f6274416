"""The after-action report the AAR screen shows: `wargame.report.build_aar`, and its
interim form during play.

At the end of a game the report tells everything, red's side included. Asked
for mid-game it must not: `blue_events` keeps only what blue knows (red's
raids entering, ARM launches and aircraft going home are dropped, and what was
shot down or leaked is counted by the class the track appeared to be, and, given
the scenario, at the cost of what it appeared to be, in the threat cost destroyed and
the score), so the interim report cannot tell a decoy from a cruise missile before the
game ends. Imports no Textual.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from wargame.engine.events import (
    ArmLaunched,
    Event,
    GameOver,
    Leaker,
    RaidEntered,
    ThreatDestroyed,
    ThreatLeft,
    TrackInitiated,
    TurnEnded,
    r3,
)
from wargame.engine.scenario import Scenario
from wargame.report.aar import Aar, build_aar

UNKNOWN = "unidentified"


def blue_events(events: Iterable[Event], scenario: Scenario | None = None) -> list[Event]:
    """The events with red's secrets taken out, for a report during play; with the
    `scenario`, each threat destroyed is costed as what it seemed, in the event and in
    the score at each turn's end."""
    apparent: dict[int, str] = {}
    out: list[Event] = []
    hidden = 0.0  # true cost less seeming cost of the threats destroyed so far
    weight = scenario.loaded.campaign.scoring.threat_cost_destroyed if scenario else 0.0
    for event in events:
        match event:
            case RaidEntered() | ArmLaunched() | ThreatLeft():
                continue
            case TrackInitiated():
                apparent.setdefault(event.threat, event.threat_class)
                out.append(event)
            case ThreatDestroyed():
                seemed = event.cost
                if scenario is not None:
                    seemed = r3(scenario.t_apparent_cost[event.threat])
                    hidden += event.cost - seemed
                cls = apparent.get(event.threat, UNKNOWN)
                out.append(replace(event, threat_class=cls, threat_type="", cost=seemed))
            case TurnEnded() if hidden:
                out.append(replace(event, score=r3(event.score - weight * hidden)))
            case Leaker():
                out.append(replace(event, threat_class=apparent.get(event.threat, UNKNOWN)))
            case _:
                out.append(event)
    return out


@dataclass(frozen=True)
class Report:
    aar: Aar
    interim: bool
    """True during play: blue's view only."""
    threats_by_turn: list[float]
    """Final: threats in the air at each turn's end; interim: tracks held."""
    launches_by_turn: list[float]
    leakers_by_turn: list[float]
    kills_by_turn: list[float]


def report_for(
    events: list[Event],
    *,
    campaign: str = "",
    player: str = "",
    scenario: Scenario | None = None,
    score_weights: tuple[float, ...] = (),
) -> Report:
    """The report of a game so far: the full one if it is over, else the interim one
    (with the `scenario`, costed as the radars saw it). `score_weights` stand in for a
    game of rules that did not record them."""
    over = any(isinstance(e, GameOver) for e in events)
    aar = build_aar(
        events if over else blue_events(events, scenario),
        campaign=campaign,
        player=player,
        score_weights=score_weights,
    )
    if over:
        threats = [float(t.in_air) for t in aar.timeline]
    else:
        held = {e.turn: e.tracks for e in events if isinstance(e, TurnEnded)}
        threats = [float(held.get(t.turn, 0)) for t in aar.timeline]
    return Report(
        aar=aar,
        interim=not over,
        threats_by_turn=threats,
        launches_by_turn=[float(t.launches) for t in aar.timeline],
        leakers_by_turn=[float(t.leakers) for t in aar.timeline],
        kills_by_turn=[float(t.kills) for t in aar.timeline],
    )
