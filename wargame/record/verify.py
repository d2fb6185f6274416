"""Verify a save: check its digests and play it again from its orders.

`load_save(path)` reads a save and verifies it. A save altered by hand stops
with `SaveMismatch` naming the first turn that no longer matches: its digest
(an edited event or digest), or a re-simulation (an edited order, seed or
campaign). A save recorded under other rules (`rules_version` differs) is not
refused: its events are kept, so it still replays and reports as it was
played, and the `Verification` says which rules recorded it and the first
turn where today's rules play it differently.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path

from wargame import RULES_VERSION
from wargame.campaign import LoadedCampaign, campaign_digest, parse_campaign
from wargame.engine import Game, GameOverError
from wargame.engine.events import Event
from wargame.errors import CampaignError, Problem, SaveError
from wargame.record.format import (
    Record,
    SaveMismatch,
    TurnRecord,
    canonical,
    parse_save,
    read_save_text,
    turn_digest,
)

ALTERED = "the save was altered, or recorded under other rules"


@dataclass(frozen=True)
class Verification:
    """What re-simulating a save found."""

    turns: int
    """Turns in the save (not counting turn 0)."""
    recorded_rules: str
    current_rules: str
    first_difference: int | None = None
    """The first turn today's rules play differently (only for saves of other rules)."""
    detail: str = ""

    @property
    def same_rules(self) -> bool:
        return self.recorded_rules == self.current_rules

    @property
    def ok(self) -> bool:
        """Today's rules play the whole save exactly as recorded."""
        return self.first_difference is None

    def describe(self, name: str) -> str:
        """One line for the terminal."""
        if self.ok and self.same_rules:
            return (
                f"{name}: OK: {self.turns} turns re-simulated, every digest matches "
                f"(rules {self.current_rules})"
            )
        recorded = f"recorded under rules {self.recorded_rules}"
        if self.ok:
            return (
                f"{name}: OK: {recorded}; today's rules {self.current_rules} "
                f"play all {self.turns} turns alike"
            )
        why = f" ({self.detail})" if self.detail else ""
        return (
            f"{name}: turn {self.first_difference}: {recorded}; today's rules {self.current_rules} "
            f"first differ here{why}; the save replays from its own events"
        )


@dataclass(frozen=True)
class LoadedSave:
    """A save read from a file and verified."""

    name: str
    record: Record
    verification: Verification


def load_save(path: str | Path) -> LoadedSave:
    """Read and verify a save: `SaveError` if it cannot be read, `SaveMismatch` if it was
    altered."""
    name = str(path)
    record = parse_save(read_save_text(path), name)
    return LoadedSave(name, record, verify_record(record, name))


def read_save(path: str | Path) -> Record:
    """Read a save and check its digests, without re-simulating (fast; trusts the rules)."""
    name = str(path)
    record = parse_save(read_save_text(path), name)
    check_digests(record, name)
    return record


def check_digests(record: Record, name: str) -> None:
    """The campaign's SHA-256 and every turn's digest; `SaveMismatch` at the first that fails."""
    _check_campaign(record, name)
    previous = record.campaign_sha256
    for turn in record.turns:
        previous = _check_turn_digest(record, name, turn.turn, previous)


def verify_record(record: Record, name: str) -> Verification:
    """Check digests and re-simulate, turn by turn; raise at the first turn altered."""
    return _replay(record, name)[0]


def replay_game(record: Record, name: str) -> Game:
    """The game re-simulated to the end of the record, to play on from there."""
    verification, game = _replay(record, name)
    if game is None or not verification.ok:
        raise SaveMismatch(
            Problem(
                name,
                f"cannot play on: recorded under rules {record.rules_version}, and today's rules "
                f"{RULES_VERSION} play it differently from turn {verification.first_difference}",
            )
        )
    return game


def _replay(record: Record, name: str) -> tuple[Verification, Game | None]:
    _check_campaign(record, name)
    same_rules = record.rules_version == RULES_VERSION

    def verdict(turn: int | None = None, detail: str = "") -> Verification:
        return Verification(record.last_turn, record.rules_version, RULES_VERSION, turn, detail)

    def differs(turn: int, detail: str = "") -> Verification:
        if same_rules:
            what = "the start of the game differs" if turn == 0 else "events differ"
            why = f"; {detail}" if detail else ""
            raise SaveMismatch(
                Problem(name, f"{what} from a re-simulation ({ALTERED}{why})", f"turn {turn}")
            )
        return verdict(turn, detail)

    previous = _check_turn_digest(record, name, 0, record.campaign_sha256)
    result = verdict()
    game: Game | None = None
    try:
        game = Game.new(embedded_campaign(record, name), record.seed)
    except CampaignError as error:
        result = differs(0, f"the campaign does not load: {error.problems[0].message}")
    if game is not None and not same_events([game.started_event()], record.turns[0]):
        result = differs(0)
    for turn in record.turns[1:]:
        previous = _check_turn_digest(record, name, turn.turn, previous)
        if game is None or not result.ok:
            continue  # today's rules went their own way; the digests still vouch for the events
        try:
            events = game.step(list(turn.orders))
        except GameOverError:
            result = differs(turn.turn, "the game was already over")
            continue
        except Exception as exc:  # an order the engine cannot digest: report it, never a traceback
            result = differs(
                turn.turn, f"the engine failed on the turn's orders: {type(exc).__name__}: {exc}"
            )
            continue
        if not same_events(events, turn):
            result = differs(turn.turn)
    return result, (game if result.ok else None)


def embedded_campaign(record: Record, name: str) -> LoadedCampaign:
    """The campaign a save embeds (`CampaignError` if today's rules cannot load it): what
    an orders file for a branch of the save is checked against."""
    return parse_campaign(record.campaign_source, f"{name}: campaign {record.campaign_name}")


def _check_campaign(record: Record, name: str) -> None:
    if campaign_digest(record.campaign_source) != record.campaign_sha256:
        raise SaveMismatch(
            Problem(
                name,
                f"digest mismatch: the embedded campaign '{record.campaign_name}' does not match "
                "its SHA-256 (the save was altered)",
                "campaign",
            )
        )


def _check_turn_digest(record: Record, name: str, turn: int, previous: str) -> str:
    stored = record.turns[turn]
    digest = turn_digest(previous, stored.events_json())
    if digest != stored.digest:
        raise SaveMismatch(
            Problem(
                name,
                "digest mismatch: the turn's events do not match its digest (the save was altered)",
                f"turn {turn}",
            )
        )
    return digest


def same_events(played: list[Event], turn: TurnRecord) -> bool:
    """Whether a turn played today gave the events the save holds. A field an event has
    gained since the save was written, which the save's event lacks, is not compared
    (rules that did not record it cannot have differed in it); one the save writes out
    at its default, as some saves did, is compared as the default."""
    held = json.loads(turn.events_json())
    if len(held) != len(played):
        return False
    for event, stored in zip(played, held, strict=True):
        mine = event.to_dict()
        for f in dataclasses.fields(event):
            if not f.metadata.get("added"):
                continue
            if f.name not in stored:
                mine.pop(f.name, None)
            elif f.name not in mine:
                default = f.default
                mine[f.name] = list(default) if isinstance(default, tuple) else default
        if canonical(mine) != canonical(stored):
            return False
    return True


__all__ = [
    "LoadedSave",
    "SaveError",
    "SaveMismatch",
    "Verification",
    "check_digests",
    "embedded_campaign",
    "load_save",
    "read_save",
    "replay_game",
    "same_events",
    "verify_record",
]
