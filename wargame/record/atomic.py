"""Writing a file so that a reader sees the old file or the new one, never half of either.

A regular file (or one not there yet) is replaced: the bytes go to a temporary
`.<name>.<12 hex>.tmp` in the same folder, are flushed and fsynced, and the
temporary file is renamed over the target (`os.replace`, atomic on POSIX and
Windows); the folder itself is fsynced so the rename survives a power cut. A
pipe or a device (a FIFO, /dev/stdout, a process substitution) is written
into, as a shell redirection would: replacing it would leave its reader nothing.

A writer killed partway leaves its temporary file behind. Each writer holds a
lock on its temporary file while it writes (`flock`, which the system drops
when the process dies), so the next write of the same name removes the
temporary files of that name whose lock is free: those of dead writers, never
a live one's. Where there is no `flock` (Windows), only those an hour old go.

Two writers of one save: a writer that read a file, or saw that none was
there, passes what it saw (`stamp`) as `expect`; if another has written the
file since, `SaveConflict` is raised and the file is kept as the other left it
(a file removed since is written: no game is lost by that).
The check and the rename happen under a lock on the folder, so that of two
writers racing one always finds the other's file.

Standard library only, so that a writer process starts fast (the kill test).
Called by `wargame.record.saves`, the CLI and the game's session.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from wargame.errors import Problem, SaveError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

TEMP_SUFFIX = ".tmp"
STALE_UNLOCKED_SECONDS = 3600.0
"""Without `flock`, a temporary file this old is taken for a dead writer's."""
_ATTEMPTS = 3
"""Temporary names tried when a cleaner removed the first between its creation and lock."""


class SaveConflict(SaveError):
    """The file was written by another writer since this one read it (or saw none)."""


@dataclass(frozen=True)
class FileStamp:
    """What a file was when a writer saw it: a rename puts a new file (inode) in its place,
    so another writer's save changes the stamp. The stamp of no file is `ABSENT`."""

    device: int
    inode: int
    size: int
    mtime_ns: int

    @property
    def absent(self) -> bool:
        return self == ABSENT

    @classmethod
    def of(cls, status: os.stat_result) -> FileStamp:
        return cls(status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


ABSENT = FileStamp(0, 0, -1, 0)
"""The stamp of a path with no file."""


def stamp(path: str | Path) -> FileStamp:
    """The file at `path` as it is now (`ABSENT` if there is none)."""
    try:
        return FileStamp.of(os.stat(path))
    except OSError:
        # No file there (or none that could be: a name too long); writing it will say why.
        return ABSENT


def is_special(path: str | Path) -> bool:
    """Whether `path` names a pipe, a device or a socket: written into, never replaced."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def atomic_write_bytes(
    path: str | Path,
    data: bytes,
    error: type[SaveError] = SaveError,
    *,
    expect: FileStamp | None = None,
) -> FileStamp:
    """Write `data` to `path`: a regular file atomically, a pipe or device by writing into it.
    With `expect`, a regular file is replaced only if it is still what `expect` saw,
    else `SaveConflict`. Raise `error` naming the file if it cannot be written; return the
    stamp of the file written (`ABSENT` for a pipe or device)."""
    path = Path(path)
    descriptor = own_descriptor(path)
    if descriptor is not None:
        _write_all(descriptor, data, path, error)
        return ABSENT
    if path.is_symlink():
        # The file the link names is what is written (replaced in its own folder); the
        # link stays a link, as a shell's redirection through it would leave it.
        path = Path(os.path.realpath(path))
    folder = path.parent
    if is_special(path):
        _write_into(path, data, error)
        return ABSENT
    try:
        if path.is_dir():
            raise error(Problem(str(path), "is a directory, not a file"))
        clear_stale_temporaries(path)
        temp, fd = locked_temporary(path)
    except FileNotFoundError:
        raise error(Problem(str(path), f"cannot write: no such folder '{folder}'")) from None
    except OSError as exc:
        raise error(Problem(str(path), f"cannot write: {exc.strerror or exc}")) from None
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
            written = FileStamp.of(os.fstat(fd))
            with _folder_locked(folder) as folder_fd:
                if expect is not None:
                    _check_unchanged(path, expect)
                os.replace(temp, path)
                if folder_fd is not None:
                    with contextlib.suppress(OSError):
                        os.fsync(folder_fd)
        finally:
            os.close(fd)  # the temporary file's lock goes with it
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise error(Problem(str(path), f"cannot write: {exc.strerror or exc}")) from None
        raise
    return written


def atomic_write_text(
    path: str | Path,
    text: str,
    error: type[SaveError] = SaveError,
    *,
    expect: FileStamp | None = None,
) -> FileStamp:
    """`atomic_write_bytes` of UTF-8 text."""
    return atomic_write_bytes(path, text.encode("utf-8"), error, expect=expect)


def temporary_name_pattern(name: str) -> re.Pattern[str]:
    """The names of the temporary files a write of `name` makes, and only those."""
    return re.compile(re.escape(f".{name}.") + r"[0-9a-f]{12}" + re.escape(TEMP_SUFFIX))


def clear_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporary files a killed write of `path` left beside it (not those of
    other names, nor a live writer's); the paths removed."""
    pattern = temporary_name_pattern(path.name)
    removed = []
    try:
        entries = [e.name for e in os.scandir(path.parent) if pattern.fullmatch(e.name)]
    except OSError:
        return []
    for name in entries:
        candidate = path.parent / name
        if _remove_if_abandoned(candidate):
            removed.append(candidate)
    return removed


def _remove_if_abandoned(candidate: Path) -> bool:
    try:
        fd = os.open(candidate, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        if fcntl is None:
            if time.time() - os.fstat(fd).st_mtime < STALE_UNLOCKED_SECONDS:
                return False
        else:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return False  # a live writer holds it
        # Still the file this lock is on (its writer may have renamed it into place since).
        if not _same_inode(candidate, fd):
            return False
        os.unlink(candidate)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def _same_inode(path: Path, fd: int) -> bool:
    try:
        here = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    mine = os.fstat(fd)
    return (here.st_dev, here.st_ino) == (mine.st_dev, mine.st_ino)


def locked_temporary(path: Path) -> tuple[Path, int]:
    """A new temporary file for `path`, open for writing and locked."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for attempt in range(_ATTEMPTS):
        temp = path.parent / f".{path.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}"
        # os.open, not mkstemp: the file gets the usual permissions (0666 less the umask)
        fd = os.open(temp, flags, 0o666)
        if fcntl is None:
            return temp, fd
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:
            return temp, fd  # a file system without locks: the age rule alone, as on Windows
        # Another write's cleaning may have taken it for a dead writer's between the
        # creation and the lock: then it is gone, and a new one is made.
        if _same_inode(temp, fd) or attempt == _ATTEMPTS - 1:
            return temp, fd
        os.close(fd)
    raise AssertionError("unreachable")


@contextlib.contextmanager
def _folder_locked(folder: Path) -> Iterator[int | None]:
    """The folder open (to fsync it after the rename), and locked if it can be, so that
    another writer's check and rename never fall between ours. Windows cannot open a
    folder this way; there the rename is durable on its own."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(folder, flags)
    except OSError:
        yield None
        return
    try:
        if fcntl is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(fd, fcntl.LOCK_EX)
        yield fd
    finally:
        os.close(fd)


def _check_unchanged(path: Path, expect: FileStamp) -> None:
    # A file removed since loses no game by being written; one written since would.
    now = stamp(path)
    if now == expect or now.absent:
        return
    if expect.absent:
        what = "another program has made a file of this name meanwhile"
    else:
        what = "another program has written this file meanwhile"
    raise SaveConflict(Problem(str(path), f"not written: {what}, and it is kept as it is"))


def _write_into(path: Path, data: bytes, error: type[SaveError]) -> None:
    """A pipe or a device gets the bytes in order; there is nothing to replace."""
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise error(Problem(str(path), f"cannot write: {exc.strerror or exc}")) from None
    try:
        _write_all(fd, data, path, error)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes, path: Path, error: type[SaveError]) -> None:
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as exc:
        raise error(Problem(str(path), f"cannot write: {exc.strerror or exc}")) from None


_STANDARD = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}
_FD_PATH = re.compile(r"/(?:dev/fd|proc/self/fd)/(\d+)")


def own_descriptor(path: Path) -> int | None:
    """The descriptor of this process that `path` names (/dev/stdout, /dev/fd/3,
    /proc/self/fd/1), if any. It is written through as it stands: opened afresh it would
    start at its beginning (or, redirected to a file, be replaced), where what the
    process writes there later must follow."""
    text = os.path.abspath(path)
    if text in _STANDARD:
        return _STANDARD[text]
    match = _FD_PATH.fullmatch(text)
    return int(match.group(1)) if match else None
