"""The after-action report the AAR screen shows: `wargame.report.build_aar`, and its
interim form during play.

At the end of a game the report tells everything, red's side included. Asked
for mid-game it must not: it is built from the events as blue knows them
(`wargame.view.blue.blue_events`, which the play log reads too), so the interim
report cannot tell a decoy from a cruise missile before the game ends, and its
score is the status bar's. Imports no Textual.
"""

from __future__ import annotations

from dataclasses import dataclass

from wargame.engine import Scenario
from wargame.engine.events import Event, GameOver, TurnEnded
from wargame.report.aar import Aar, build_aar
from wargame.report.describe import describe
from wargame.view.blue import blue_events, blue_text


def _as_blue_reads_it(event: Event) -> str:
    """A note of the interim report: the play log's words (tracks, never red's threat
    numbers), or the report's where the log has no line of its own."""
    return blue_text(event, full_names=True) or describe(event)


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
        wording=describe if over else _as_blue_reads_it,
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
