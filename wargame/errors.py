"""The one error family of wargame: every expected failure is a `WargameError`.

The CLI prints `str(problem)` for each problem (always one line: see `one_line`)
and exits with the error's code; nothing the user can cause reaches them as a
traceback.
"""

from __future__ import annotations

import json
from dataclasses import dataclass


def one_line(text: str) -> str:
    """Text kept to one line: line breaks and other control characters escaped as JSON
    writes them ('\\n', '\\u2028'), so a name that holds one cannot break an error line."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else json.dumps(ch)[1:-1] for ch in text)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one file: where (file, line if truly known, field path) and what."""

    file: str
    message: str
    path: str = ""
    line: int | None = None

    def __str__(self) -> str:
        """One line, whatever the file name, path or message hold."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        text = f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"
        return one_line(text)


class WargameError(Exception):
    """Base class of every error the user can cause; carries one or more problems."""

    exit_code = 2

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = problems if isinstance(problems, list) else [problems]
        super().__init__("\n".join(str(p) for p in self.problems))


class CampaignError(WargameError):
    """A campaign file cannot be read or does not validate."""


class OrdersError(WargameError):
    """An orders file cannot be read or does not validate."""


class SaveError(WargameError):
    """A save cannot be read, is damaged, or does not verify."""
