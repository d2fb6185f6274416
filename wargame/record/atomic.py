"""Atomic file writes: a reader sees the old file or the new one, never half of either.

The text goes to a temporary file in the same folder, is flushed and fsynced,
then renamed over the target (`os.replace`, atomic on POSIX and Windows), and
the folder itself is fsynced so the rename survives a power cut. A process
killed at any moment leaves the previous file intact; at worst a stray
`.<name>.*.tmp` file stays behind.

Standard library only, so that a writer process starts fast (the kill test).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from wargame.errors import Problem, SaveError

TEMP_SUFFIX = ".tmp"


def atomic_write_bytes(path: str | Path, data: bytes, error: type[SaveError] = SaveError) -> None:
    """Write `data` to `path` atomically; raise `error` naming the file if it cannot be written."""
    path = Path(path)
    folder = path.parent
    try:
        if path.is_dir():
            raise error(Problem(str(path), "is a directory, not a file"))
        temp = folder / f".{path.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}"
        # os.open, not mkstemp: the file gets the usual permissions (0666 less the umask)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except FileNotFoundError:
        raise error(Problem(str(path), f"cannot write: no such folder '{folder}'")) from None
    except OSError as exc:
        raise error(Problem(str(path), f"cannot write: {exc.strerror or exc}")) from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise error(Problem(str(path), f"cannot write: {exc.strerror or exc}")) from None
        raise
    _fsync_folder(folder)


def atomic_write_text(path: str | Path, text: str, error: type[SaveError] = SaveError) -> None:
    """`atomic_write_bytes` of UTF-8 text."""
    atomic_write_bytes(path, text.encode("utf-8"), error)


def _fsync_folder(folder: Path) -> None:
    # The rename is only durable once the folder's entry is on disk. Windows cannot
    # open a folder this way; there the rename is durable on its own.
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(folder, flags)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
