"""A save made ready for the replay screen: the picture and the events of every turn.

The save's orders are played again with `Game`, keeping a copy of the state
after each turn (`Game.step` moves its state on in place), and the events of
each turn are those the save recorded, so the log shows the game as it was. A
save of other rules may play differently from some turn on: from there the
picture stops and says so, while the recorded events go on. Imports no Textual.
"""

from __future__ import annotations

from dataclasses import dataclass

from wargame.campaign import LoadedCampaign, parse_campaign
from wargame.engine import Game, State
from wargame.engine.events import Event
from wargame.record import Record
from wargame.record.verify import same_events


@dataclass(frozen=True)
class ReplayData:
    record: Record
    name: str
    loaded: LoadedCampaign
    game: Game
    """The game as re-simulated (its scenario is the replay's)."""
    states: list[State]
    """states[t]: the picture at the end of turn t (0: the start)."""
    events: list[tuple[Event, ...]]
    """events[t]: what the save recorded for turn t."""
    diverged_at: int | None
    """First turn today's rules play differently (None: the whole save replays)."""

    @property
    def last_turn(self) -> int:
        return len(self.events) - 1

    def state_at(self, turn: int) -> State:
        """The picture at a turn, or the last one today's rules could rebuild."""
        return self.states[min(turn, len(self.states) - 1)]


def build_replay(record: Record, name: str) -> ReplayData:
    loaded = parse_campaign(record.campaign_source, f"{name}: campaign {record.campaign_name}")
    game = Game.new(loaded, record.seed)
    states = [game.state.copy()]
    diverged = None
    for turn in record.turns[1:]:
        try:
            events = game.step(list(turn.orders))
        except Exception:  # other rules may end the game sooner or reject an order
            diverged = turn.turn
            break
        if not same_events(events, turn):
            diverged = turn.turn
            break
        states.append(game.state.copy())
    return ReplayData(
        record=record,
        name=name,
        loaded=loaded,
        game=game,
        states=states,
        events=[t.events for t in record.turns],
        diverged_at=diverged,
    )
