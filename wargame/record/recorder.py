"""The recorder: a game in play that keeps its own save.

`Recorder.new(loaded, seed)` starts a game; `recorder.step(orders)` plays a
turn and records its orders, events and chained digest; `recorder.record` is
the save so far (write it with `write_save` or `autosave`).
`Recorder.from_record(record)` re-simulates a save to its last turn so play
can go on from there (a resumed game, or a what-if branch).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from wargame import RULES_VERSION, __version__
from wargame.campaign import LoadedCampaign
from wargame.engine import Game, Order
from wargame.engine.events import Event
from wargame.record.format import FORMAT_VERSION, Record, TurnRecord, turn_digest
from wargame.record.verify import replay_game


class Recorder:
    """A `Game` whose every turn goes into a `Record`."""

    def __init__(self, game: Game, record: Record) -> None:
        self._game = game
        self._head = record
        self._turns = list(record.turns)

    @classmethod
    def new(cls, loaded: LoadedCampaign, seed: int, player: str = "") -> Recorder:
        game = Game.new(loaded, seed)
        started = game.started_event()
        start = TurnRecord(0, (), (started,), turn_digest(loaded.digest, [started]))
        record = Record(
            player=player,
            seed=game.seed,
            campaign_name=Path(loaded.name).name,
            campaign_source=loaded.source,
            campaign_sha256=loaded.digest,
            turns=(start,),
        )
        return cls(game, record)

    @classmethod
    def from_record(cls, record: Record, name: str = "save") -> Recorder:
        """Play a save again to its last turn, to go on from there; `SaveMismatch` if it does not
        replay under today's rules (`name` is what messages call the save)."""
        game = replay_game(record, name)
        head = replace(
            record,
            pending_orders=(),  # the player's to give again (`Session.from_save` does)
            rules_version=RULES_VERSION,
            wargame_version=__version__,
            format_version=FORMAT_VERSION,
        )
        return cls(game, head)

    @property
    def game(self) -> Game:
        """The game in play (read it; play it through `step`, or the record misses turns)."""
        return self._game

    def step(self, orders: Sequence[Order] | None = None) -> list[Event]:
        """Play the next turn with these orders and record it; returns the turn's events."""
        given = tuple(orders or ())
        events = self._game.step(list(given))
        digest = turn_digest(self._turns[-1].digest, events)
        self._turns.append(TurnRecord(self._game.turn, given, tuple(events), digest))
        return events

    @property
    def record(self) -> Record:
        """The save of the game so far."""
        return replace(self._head, turns=tuple(self._turns))
