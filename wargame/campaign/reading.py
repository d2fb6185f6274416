"""Reading the files a player or an author hands in, and naming what is in them.

One way to read a campaign, an orders file or a save: `read_text` reads at most a
size limit (devices and pipes report no size and may never end), then decodes
UTF-8, and every failure is one `Problem` naming the file. `shown`, `dotted` and
`suggest` put a value, a field path and a near match into an error line the same
way for every kind of file. Called by the campaign loader, `record.orders_file`
and `record.format`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from pathlib import Path

from wargame.errors import Problem, WargameError, one_line


def read_text(path: Path, error: type[WargameError], limit: int, what: str = "a file") -> str:
    """The UTF-8 text of a file of at most `limit` bytes, or `error` naming the file and
    what stops reading it (`what` the file should be, for a directory)."""
    name = str(path)
    try:
        if path.is_dir():
            raise error(Problem(name, f"is a directory, not {what}"))
        # Read one byte past the limit rather than trust st_size: devices and
        # pipes report 0 and may never end.
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except FileNotFoundError:
        raise error(Problem(name, "no such file")) from None
    except PermissionError:
        raise error(Problem(name, "permission denied")) from None
    except OSError as exc:
        raise error(Problem(name, f"cannot read: {exc.strerror or exc}")) from None
    except ValueError as exc:  # e.g. a NUL byte in the name
        raise error(Problem(name, f"cannot read: {exc}")) from None
    if len(data) > limit:
        raise error(Problem(name, f"file is too large (more than {limit} bytes)"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - data.rfind(b"\n", 0, exc.start)
        message = f"not UTF-8 text (byte 0x{data[exc.start]:02x} in column {column})"
        raise error(Problem(name, message, line=line)) from None


def shown(text: str, quote: str = "'", limit: int = 60) -> str:
    """A string shown on one line: quoted, control characters escaped, cut if long."""
    text = one_line(text)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return f"{quote}{text}{quote}"


def dotted(path: Iterable[str | int]) -> str:
    """A field path as an author writes it: `red.raids[2].target`, `loadout."9M96 x"`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            key = part if re.fullmatch(r"[A-Za-z0-9_-]+", part) else shown(part, quote='"')
            out += f".{key}" if out else key
    return out


def suggest(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the nearest choice, or ''."""
    options = [c for c in choices if c != word]
    if len(word) > 200 or not options:
        return ""
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close:  # a difference of case only ("depot 2") is a near match too
        close = [c for c in options if c.casefold() == word.casefold()][:1]
    return f" (did you mean {shown(close[0])}?)" if close else ""
