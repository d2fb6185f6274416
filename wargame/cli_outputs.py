"""Checks a command makes of what it is given, before it does any work.

A player's name must fit a save and a one-line output.

A command never writes over a file it reads (the save it branches from, the
campaign it plays), never writes two outputs to one file, and finds out that
an output cannot be written before it plays a game, not after; and a save
another program wrote while the game was played is not written over.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from wargame.errors import Problem, WargameError

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from wargame.record.atomic import FileStamp
    from wargame.record.format import Record


def _same_file(a: Path, b: Path) -> bool:
    if a.exists() and b.exists():
        return os.path.samefile(a, b)
    return a.resolve() == b.resolve()


def check_outputs(
    reads: Iterable[tuple[str, Path | None]], writes: Iterable[tuple[str, Path | None]]
) -> None:
    """`reads` and `writes` are (what it is, path) pairs, None where not given: each
    output's folder exists and the output is not a folder, and no output is an input or
    another output. `WargameError` (exit 2) naming the file and what is wrong."""
    inputs = [(what, path) for what, path in reads if path is not None]
    outputs = [(what, path) for what, path in writes if path is not None]
    for what, path in outputs:
        try:
            os.stat(path)
        except (FileNotFoundError, NotADirectoryError):
            pass
        except OSError as exc:  # a name too long, a loop of links: said, not raised
            raise WargameError(
                Problem(str(path), f"{what}: cannot write: {exc.strerror or exc}")
            ) from None
    for k, (what, path) in enumerate(outputs):
        if path.is_dir():
            raise WargameError(Problem(str(path), f"{what}: is a directory, not a file"))
        folder = path.parent
        if not folder.is_dir():
            raise WargameError(
                Problem(str(path), f"{what}: cannot write: no such folder '{folder}'")
            )
        # A file is replaced through a new file in its folder; a pipe or a device is written.
        special = path.exists() and not path.is_file()
        if not os.access(path if special else folder, os.W_OK):
            raise WargameError(Problem(str(path), f"{what}: cannot write: permission denied"))
        for source, read in inputs:
            if _same_file(path, read):
                raise WargameError(
                    Problem(
                        str(path),
                        f"{what} is {source}: it would be written over; choose another file",
                    )
                )
        for other, earlier in outputs[:k]:
            if _same_file(path, earlier):
                raise WargameError(Problem(str(path), f"{other} and {what} name the same file"))


def write_save_checked(record: Record, path: Path, seen: FileStamp, what: str) -> None:
    """Write a save to `path` unless another program has written it since the command saw
    it (`seen`): then `SaveConflict` (exit 2) saying so, the other's file kept."""
    from wargame.record.atomic import SaveConflict, atomic_write_text
    from wargame.record.format import dumps_record

    try:
        atomic_write_text(path, dumps_record(record), expect=seen)
    except SaveConflict as conflict:
        said = "; ".join(p.message for p in conflict.problems)
        raise SaveConflict(
            Problem(
                str(path),
                f"{what}: {said}; give another {what} (the same command plays the same game)",
            )
        ) from None


def check_player(name: str) -> str:
    """A player's name as given, trimmed; `WargameError` if it is too long or has a
    character that is not printable (a line break would break one-line outputs)."""
    from wargame.record.format import PLAYER_MAX

    name = name.strip()
    if len(name) > PLAYER_MAX or not name.isprintable():
        raise WargameError(
            Problem("--player", f"a name of at most {PLAYER_MAX} printable characters, please")
        )
    return name


class ProgressBar:
    """A Rich progress bar on stderr counting `label` (games, seeds) up to `total`, started
    at the first news of progress: after the worker processes exist, so that none is
    forked while its thread runs."""

    def __init__(self, label: str, total: int, enabled: bool) -> None:
        self.label = label
        self.total = total
        self.enabled = enabled
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> ProgressBar:
        return self

    def update(self, played: int) -> None:
        if not self.enabled:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        if self._progress is None or self._task is None:
            self._progress = Progress(
                self.label,
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task(self.label, total=self.total)
        self._progress.update(self._task, completed=played)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()
