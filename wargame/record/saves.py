"""Saves on disk and what-if branches.

`write_save(record, path)` writes a save atomically; `autosave(record)` keeps
`saves/autosave-<campaign>-seed<N>.json` (the TUI calls it every turn: a crash or a
kill leaves the previous autosave whole). A new game picks a name no earlier game's
autosave holds (`free_autosave_path`), so it never writes over one.
`branch(record, turn)` cuts a save after a turn, to play on with other orders;
`play_on` does that headless. The dice belong to (seed, turn, phase) and are
indexed by entity, so a branch played on with the same orders replays the
original exactly, and other orders change only what they touch.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from wargame.engine import Order
from wargame.errors import Problem, SaveError
from wargame.record.atomic import atomic_write_text
from wargame.record.format import Record, dumps_record
from wargame.record.recorder import Recorder

AUTOSAVE_FOLDER = "saves"


def write_save(record: Record, path: str | Path) -> None:
    """Write a save atomically: the file is the old one or the new one, never half of either."""
    atomic_write_text(path, dumps_record(record))


def autosave_path(record: Record, folder: str | Path = AUTOSAVE_FOLDER) -> Path:
    """The autosave's usual name: one per campaign and seed."""
    return Path(folder) / f"autosave-{Path(record.campaign_name).stem}-seed{record.seed}.json"


def free_autosave_path(record: Record, folder: str | Path = AUTOSAVE_FOLDER) -> Path:
    """The usual name if no file has it, else the first free one of `...-seed<N>-2.json`,
    `-3`, ...: another game of the same campaign and seed keeps its autosave."""
    usual = path = autosave_path(record, folder)
    copy = 2
    while path.exists():
        path = usual.with_name(f"{usual.stem}-{copy}.json")
        copy += 1
    return path


def autosave(
    record: Record, folder: str | Path = AUTOSAVE_FOLDER, path: Path | None = None
) -> Path:
    """Write the autosave atomically, creating the folder: to `path`, or by default to
    `<folder>/autosave-<campaign stem>-seed<N>.json`; its path."""
    path = autosave_path(record, folder) if path is None else path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SaveError(
            Problem(str(path.parent), f"cannot create the folder: {exc.strerror or exc}")
        ) from None
    write_save(record, path)
    return path


def branch(record: Record, turn: int, name: str = "save") -> Record:
    """The save cut after `turn` (its orders and events of turns 1..turn), to play on from there;
    the orders waiting for the next turn stay only if it is cut after its last turn."""
    if not 0 <= turn <= record.last_turn:
        raise SaveError(
            Problem(
                name, f"cannot branch at turn {turn}: the save holds turns 0 to {record.last_turn}"
            )
        )
    pending = record.pending_orders if turn == record.last_turn else ()
    return replace(record, turns=record.turns[: turn + 1], pending_orders=pending)


def play_on(
    record: Record,
    orders: Mapping[int, Sequence[Order]],
    name: str = "save",
    last_turn: int | None = None,
) -> Record:
    """Play a save on with these orders (by turn) to the end of the game, or to `last_turn`.
    The orders the save holds for its next turn are given first, then that turn's own,
    which take the place of a waiting one for the same thing (`Order.key`). If no turn is
    played, the save keeps its waiting orders."""
    recorder = Recorder.from_record(record, name)
    waiting = list(record.pending_orders)
    if recorder.game.over or (last_turn is not None and recorder.game.turn >= last_turn):
        return replace(recorder.record, pending_orders=record.pending_orders)
    while not recorder.game.over and (last_turn is None or recorder.game.turn < last_turn):
        given = list(orders.get(recorder.game.turn + 1, ()))
        settled = {o.key for o in given}
        recorder.step([*(o for o in waiting if o.key not in settled), *given])
        waiting = []
    return recorder.record
