"""Find the line of a field in TOML text, for error messages.

`tomllib` gives values without positions, so this scans the text once more,
the way a TOML parser does (strings, comments, arrays and inline tables
included), and notes the line of every table header, key and array element.
It answers only when it is sure: a guessed line number is worse than none, so
anything it cannot place exactly gives `None`, and text it does not understand
gives `None` throughout. Its answers are meant for text that `tomllib` accepts;
the loader runs it first all the same, to refuse keys and arrays nested too deep
for `tomllib` to read in reasonable time and memory.
"""

from __future__ import annotations

import bisect
import re
import tomllib

PathKey = tuple[str | int, ...]

MAX_DEPTH = 32
"""Values nested deeper than this are skipped, not indexed (no campaign field is)."""
MAX_KEY_PARTS = 16
"""A dotted key of more parts is reported rather than read: `tomllib` spends time
and memory quadratic in the number of parts of one key."""
MAX_NESTED = 64
"""Arrays and inline tables nested deeper are reported rather than read: `tomllib`
reads them by recursion, and no campaign field is nested a tenth as deep."""

_BLANK = re.compile(r"(?:[ \t\r\n]|#[^\n]*)*")
_SPACE = re.compile(r"[ \t]*")
_END_OF_STATEMENT = re.compile(r"[ \t]*(?:#[^\n]*)?(?:\r?\n|\Z)")
_BARE = re.compile(r"[A-Za-z0-9_-]+")
_BASIC = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_LITERAL = re.compile(r"'[^'\n]*'")
_ML_BASIC = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""', re.DOTALL)
_ML_LITERAL = re.compile(r"'''.*?'''", re.DOTALL)
_SCALAR = re.compile(r"""[^,\[\]{}#\n\r"']+""")


class _GiveUp(Exception):
    """The text is not what the scanner expects; no line is trusted."""


class _TooDeep(Exception):
    """The text nests deeper than `tomllib` should be asked to read."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(line, message)
        self.line = line
        self.message = message


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.newlines = [m.start() for m in re.finditer("\n", text)]
        self.lines: dict[PathKey, int] = {}
        """Path -> 1-based line where its key, header or array element starts."""
        self.one_line: set[PathKey] = set()
        """Paths whose whole value stands on one line."""
        self.ambiguous: set[PathKey] = set()
        """Paths (tables made by dotted keys) that stand on more than one line."""
        self.arrays_of_tables: dict[PathKey, int] = {}
        """Path of each `[[array]]` (with the indices of its parents) -> tables so far."""
        self.nesting = 0
        """Arrays and inline tables open around the scanner."""

    # ------------------------------------------------------------ helpers

    def line_at(self, pos: int) -> int:
        return bisect.bisect_left(self.newlines, pos) + 1

    def match(self, pattern: re.Pattern[str]) -> str:
        found = pattern.match(self.text, self.pos)
        if found is None:
            raise _GiveUp
        self.pos = found.end()
        return found.group()

    def peek(self, count: int = 1) -> str:
        return self.text[self.pos : self.pos + count]

    def expect(self, token: str) -> None:
        if not self.text.startswith(token, self.pos):
            raise _GiveUp
        self.pos += len(token)

    def note(self, path: PathKey, start: int, end: int | None) -> None:
        if path in self.lines:
            raise _GiveUp  # valid TOML defines a path once; something is off
        self.lines[path] = start
        if end == start:
            self.one_line.add(path)

    def note_implicit(self, path: PathKey, line: int) -> None:
        # A table made by a dotted key (`a.b = 1` makes `a`) may be continued on
        # other lines; only a table written on one line alone is placed.
        if path in self.lines:
            if self.lines[path] != line:
                self.ambiguous.add(path)
            return
        self.lines[path] = line

    # ------------------------------------------------------------ grammar

    def document(self) -> None:
        table: PathKey = ()
        while True:
            self.match(_BLANK)
            if self.pos >= len(self.text):
                return
            line = self.line_at(self.pos)
            if self.peek() == "[":
                table = self.header(line)
            else:
                self.key_value(table, line)
            self.match(_END_OF_STATEMENT)

    def header(self, line: int) -> PathKey:
        many = self.peek(2) == "[["
        self.pos += 2 if many else 1
        parts = self.key()
        self.match(_SPACE)
        self.expect("]]" if many else "]")
        path: list[str | int] = []
        for i, part in enumerate(parts):
            path.append(part)
            here = tuple(path)
            if many and i == len(parts) - 1:
                count = self.arrays_of_tables.get(here, 0)
                self.arrays_of_tables[here] = count + 1
                if count == 0:  # the array itself starts at its first table
                    self.note(here, line, None)
                path.append(count)
            elif here in self.arrays_of_tables:
                path.append(self.arrays_of_tables[here] - 1)
        self.note(tuple(path), line, None)
        return tuple(path)

    def key_value(self, table: PathKey, line: int) -> None:
        parts = self.key()
        self.match(_SPACE)
        self.expect("=")
        self.match(_SPACE)
        for cut in range(1, min(len(parts), MAX_DEPTH)):
            self.note_implicit(table + tuple(parts[:cut]), line)
        self.value((*table, *parts))

    def key(self) -> list[str]:
        parts: list[str] = []
        while True:
            self.match(_SPACE)
            char = self.peek()
            if char == '"':
                raw = self.match(_BASIC)
                parts.append(_decode_basic(raw))
            elif char == "'":
                parts.append(self.match(_LITERAL)[1:-1])
            else:
                parts.append(self.match(_BARE))
            self.match(_SPACE)
            if self.peek() != ".":
                return parts
            if len(parts) >= MAX_KEY_PARTS:
                raise _TooDeep(
                    self.line_at(self.pos),
                    f"a dotted key of more than {MAX_KEY_PARTS} parts is nested too deeply",
                )
            self.pos += 1

    def value(self, path: PathKey) -> None:
        if len(path) > MAX_DEPTH:
            self.skip_value()
            return
        start = self.line_at(self.pos)
        if self.peek(3) == '"""':
            self.match(_ML_BASIC)
            self.closing_quotes('"')
        elif self.peek(3) == "'''":
            self.match(_ML_LITERAL)
            self.closing_quotes("'")
        elif self.peek() == '"':
            self.match(_BASIC)
        elif self.peek() == "'":
            self.match(_LITERAL)
        elif self.peek() == "[":
            self.array(path)
        elif self.peek() == "{":
            self.inline_table(path)
        else:
            self.match(_SCALAR)
        self.note(path, start, self.line_at(self.pos - 1))

    def closing_quotes(self, quote: str) -> None:
        # A multi-line string may end in up to two quotes before its delimiter.
        for _ in range(2):
            if self.peek() == quote:
                self.pos += 1

    def open_bracket(self, extra: int = 0) -> None:
        if self.nesting + extra >= MAX_NESTED:
            raise _TooDeep(
                self.line_at(self.pos),
                f"arrays or inline tables nested more than {MAX_NESTED} deep",
            )

    def array(self, path: PathKey) -> None:
        self.open_bracket()
        self.nesting += 1
        self.expect("[")
        index = 0
        while True:
            self.match(_BLANK)
            if self.peek() == "]":
                break
            self.value((*path, index))
            index += 1
            self.match(_BLANK)
            if self.peek() == ",":
                self.pos += 1
            elif self.peek() != "]":
                raise _GiveUp
        self.pos += 1
        self.nesting -= 1

    def inline_table(self, path: PathKey) -> None:
        self.open_bracket()
        self.nesting += 1
        self.expect("{")
        self.match(_SPACE)
        while self.peek() != "}":
            line = self.line_at(self.pos)
            self.key_value(path, line)
            self.match(_SPACE)
            if self.peek() == ",":
                self.pos += 1
            elif self.peek() != "}":
                raise _GiveUp
        self.pos += 1
        self.nesting -= 1

    def skip_value(self) -> None:
        """Step over one value without noting anything, however deep (no recursion)."""
        depth = 0
        while True:
            if depth:
                self.match(_BLANK)
            char = self.peek()
            if not char:
                raise _GiveUp
            if self.peek(3) in ('"""', "'''"):
                self.match(_ML_BASIC if char == '"' else _ML_LITERAL)
                self.closing_quotes(char)
            elif char == '"':
                self.match(_BASIC)
            elif char == "'":
                self.match(_LITERAL)
            elif char in "[{":
                self.open_bracket(depth)
                depth += 1
                self.pos += 1
            elif char in "]}":
                depth -= 1
                self.pos += 1
            elif char == "," and depth:
                self.pos += 1
            else:
                self.match(_SCALAR)
            if depth <= 0:
                return


def _decode_basic(raw: str) -> str:
    if "\\" not in raw:
        return raw[1:-1]
    try:
        value = tomllib.loads(f"k = {raw}")["k"]
    except tomllib.TOMLDecodeError:
        raise _GiveUp from None
    if not isinstance(value, str):
        raise _GiveUp
    return value


class LineFinder:
    """Answers `line_of(path)` for one TOML text.

    Built from text that `tomllib` has not read yet, it also tells whether the
    text nests too deep to give `tomllib` (`too_deep`, a line and what) and
    whether it understood the text at all (`complete`); for text it does not
    understand, every answer is None."""

    def __init__(self, text: str) -> None:
        scanner = _Scanner(text)
        self.complete = False
        self.too_deep: tuple[int, str] | None = None
        self.stopped_at = 0
        """Where in the text the scanner stopped: past the end if it read it all."""
        try:
            scanner.document()
            self.complete = True
            self.stopped_at = len(text)
        except _TooDeep as exc:
            self.too_deep = (exc.line, exc.message)
            scanner = _Scanner("")
        except (_GiveUp, RecursionError, IndexError):
            self.stopped_at = scanner.pos
            scanner = _Scanner("")
        self._lines = scanner.lines
        self._one_line = scanner.one_line
        self._ambiguous = scanner.ambiguous

    def line_of(self, path: PathKey, *, missing: bool = False) -> int | None:
        """The line of `path`; for a missing field, the line of the table that lacks it.

        A path inside a value written on one line gives that line; a path
        nobody wrote down, or a table spread over several places, gives None."""
        if missing:
            path = path[:-1]
            if not path:
                return None
            return None if path in self._ambiguous else self._lines.get(path)
        for cut in range(len(path), 0, -1):
            prefix = path[:cut]
            if prefix in self._ambiguous:
                return None
            if prefix in self._lines:
                if cut == len(path) or prefix in self._one_line:
                    return self._lines[prefix]
                return None
        return None
