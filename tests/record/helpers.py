"""Helpers for the record and report tests: play games, edit saves as JSON."""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path
from typing import Any

import typer

from wargame.campaign import LoadedCampaign
from wargame.cli_records import register
from wargame.engine import Order
from wargame.record import Record, Recorder

ROOT = Path(__file__).resolve().parents[2]
FIRST_CONTACT = ROOT / "campaigns" / "first-contact.toml"
TWO_SECTORS = Path(__file__).parent / "campaigns" / "two-sectors.toml"


def play(
    loaded: LoadedCampaign,
    seed: int,
    orders: dict[int, list[Order]] | None = None,
    player: str = "Tester",
) -> Record:
    """A whole game played headless, recorded."""
    recorder = Recorder.new(loaded, seed, player)
    while not recorder.game.over:
        recorder.step((orders or {}).get(recorder.game.turn + 1, []))
    return recorder.record


def event_lines(record: Record) -> list[str]:
    """Each event as its canonical JSON line: what 'byte for byte' compares."""
    return [json.dumps(e.to_dict(), sort_keys=True, separators=(",", ":")) for e in record.events()]


def read_doc(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def write_doc(path: Path, doc: dict[str, Any]) -> None:
    path.write_text(json.dumps(doc), encoding="utf-8")


def rehash(doc: dict[str, Any], campaign_too: bool = False) -> None:
    """Recompute the digest chain as the save format documents it (what a careful forger does)."""
    if campaign_too:
        doc["campaign"]["sha256"] = hashlib.sha256(
            doc["campaign"]["source"].encode("utf-8")
        ).hexdigest()
    previous = doc["campaign"]["sha256"]
    for turn in doc["turns"]:
        canonical = json.dumps(turn["events"], sort_keys=True, separators=(",", ":"))
        previous = hashlib.sha256((previous + canonical).encode("utf-8")).hexdigest()
        turn["digest"] = previous


def first_turn_with(doc: dict[str, Any], kind: str, after: int = 0) -> int:
    """The first turn (after `after`) whose events include one of this kind."""
    for turn in doc["turns"]:
        if turn["turn"] > after and any(e["kind"] == kind for e in turn["events"]):
            return int(turn["turn"])
    raise AssertionError(f"no {kind} event after turn {after}")


def cli_app() -> typer.Typer:
    """A Typer app with the record commands, as `wargame` has them."""
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)

    @app.callback()
    def _root() -> None:
        """wargame"""

    register(app)
    return app


class PipeReader:
    """Reads a named pipe to its end in a thread, as the other end of a shell pipeline."""

    def __init__(self, pipe: Path) -> None:
        self.data = b""
        self.thread = threading.Thread(target=self._read, args=(pipe,), daemon=True)
        self.thread.start()

    def _read(self, pipe: Path) -> None:
        with pipe.open("rb") as stream:
            self.data = stream.read()

    def text(self) -> str:
        self.thread.join(timeout=60)
        assert not self.thread.is_alive()
        return self.data.decode("utf-8")
