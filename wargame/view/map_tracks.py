"""The tracks on the map: stacks, altitude cues, heading marks and numbers.

`map_frame` calls `TrackSymbols.of` once a frame with the tracks the blue view shows
(`blue.shown_tracks`) at their estimated cells, then `glyph_cells` (the cells the
names must keep off), `draw` and, once the names are down, `draw_numbers`.

Tracks in one row of cells within `STACK_REACH` columns of each other would run
together ('FFFF→1'): they are drawn as one stack, its class letter and how many
('F×4'; 'FC×5' for fighters and cruise missiles together), its heading the lead
track's. A lone track is its letter, its heading mark in the cell it heads for, and
its number. The letter's style tells the altitude the radars report: underlined
low, plain medium, bold high; a tentative track (not yet confirmed) is faint. All in
numpy; a loop runs over the stacks of more than one track only.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from wargame.campaign import ThreatClass
from wargame.engine.scenario import CLASS_CODE
from wargame.view.map_canvas import Canvas, Ink
from wargame.view.picture import CLASS_GLYPH, GLYPH_CODES, HEADING_ARROWS, HEADING_STEPS, class_name

STACK_REACH = 2
"""Tracks in one row this many columns apart or closer are drawn as one stack."""
STACK_MARK = "×"
LOW_BELOW_M = 1_000.0
"""A track reported below this altitude is low (under most radars' horizon far out)."""
HIGH_FROM_M = 8_000.0
"""A track reported at or above this altitude is high."""
ALTITUDE_INKS = np.array([Ink.TRACK_LOW, Ink.TRACK, Ink.TRACK_HIGH], dtype=np.uint8)
"""The ink of a track's letter by altitude band: low, medium, high."""
_ARM_CLASS = CLASS_CODE[ThreatClass.ARM]
_ARROWS = np.array([ord(a) for a in HEADING_ARROWS], dtype="<u4")
_STEPS = np.array(HEADING_STEPS, dtype=np.int64)


def altitude_band(alt_m: np.ndarray) -> np.ndarray:
    """0 low, 1 medium, 2 high, for each altitude in metres."""
    return np.asarray((alt_m >= LOW_BELOW_M).astype(np.int64) + (alt_m >= HIGH_FROM_M))


@dataclass(frozen=True)
class Stacks:
    """Tracks grouped where they would run together on the map. Per track: `stack`, the
    stack it is in. Per stack: its first cell (`col`, `row`), how many tracks (`size`)
    and its lead track (`lead`: the selected one if it is there, else the lowest id)."""

    stack: np.ndarray
    col: np.ndarray
    row: np.ndarray
    size: np.ndarray
    lead: np.ndarray


def stack_tracks(cols: np.ndarray, rows: np.ndarray, ids: np.ndarray, selected: int = -1) -> Stacks:
    """Group tracks at these cells: in one row, each within `STACK_REACH` columns of the
    next makes one stack (a chain of them, one stack)."""
    n = cols.size
    if n == 0:
        empty = np.zeros(0, dtype=np.int64)
        return Stacks(empty, empty, empty, empty, empty)
    order = np.lexsort((cols, rows))
    c, r = cols[order], rows[order]
    new = np.ones(n, dtype=bool)
    new[1:] = (r[1:] != r[:-1]) | (c[1:] - c[:-1] > STACK_REACH)
    starts = np.flatnonzero(new)
    stack = np.empty(n, dtype=np.int64)
    stack[order] = np.cumsum(new) - 1
    size = np.diff(np.append(starts, n))
    # The lead: the selected track, else the lowest id; found as the least key per stack.
    key = np.where(ids == selected, -1, ids)[order]
    first_least = np.minimum.reduceat(key, starts)
    is_lead = key == first_least[stack[order]]
    lead = np.empty(starts.size, dtype=np.int64)
    # Where keys tie (a track id shown twice cannot happen), the last write wins: any is fine.
    lead[stack[order][is_lead]] = order[is_lead]
    return Stacks(stack, c[starts], r[starts], size, lead)


@dataclass(frozen=True)
class TrackSymbols:
    """One frame's tracks as drawn: per track its cell, id and stack; per stack its text,
    ink and heading mark."""

    cols: np.ndarray
    rows: np.ndarray
    ids: np.ndarray
    stacks: Stacks
    text: list[str]
    """Each stack of more than one track: its letters and count, by stack ('' for one)."""
    length: np.ndarray
    """Cells each stack's letters take."""
    codes: np.ndarray
    """Each stack's first letter."""
    ink: np.ndarray
    sector: np.ndarray
    """Heading sector of each stack's lead, -1 not moving."""
    selected_stack: int

    @classmethod
    def of(
        cls,
        cols: np.ndarray,
        rows: np.ndarray,
        ids: np.ndarray,
        classes: np.ndarray,
        alt_m: np.ndarray,
        sector: np.ndarray,
        selected: int,
        tentative: np.ndarray | None = None,
    ) -> TrackSymbols:
        """`classes` the apparent class codes, `alt_m` the reported altitudes, `sector`
        each track's heading sector (`picture.heading_sector`), `tentative` whether each
        track is still tentative (a stack of tentative tracks only is drawn faint)."""
        stacks = stack_tracks(cols, rows, ids, selected)
        lead = stacks.lead
        n = lead.size
        codes = GLYPH_CODES[classes[lead]].astype("<u4")
        # Per stack: how many of each class, and its lowest altitude band.
        kinds = GLYPH_CODES.size
        counts = np.bincount(stacks.stack * kinds + classes, minlength=n * kinds).reshape(n, kinds)
        band = np.full(n, 2, dtype=np.int64)
        np.minimum.at(band, stacks.stack, altitude_band(alt_m))
        ink = ALTITUDE_INKS[band]
        arm = counts[:, _ARM_CLASS] > 0
        ink[arm] = Ink.TRACK_ARM
        if tentative is not None and np.count_nonzero(tentative):
            firm = np.bincount(stacks.stack, weights=(~tentative).astype(float), minlength=n) > 0
            ink[~firm] = Ink.TRAIL
        text = [""] * n
        length = np.ones(n, dtype=np.int64)
        many = np.flatnonzero(stacks.size > 1)
        if many.size:
            # The two commonest classes (ties: in class order), then the count.
            ranked = np.argsort(-counts[many], axis=1, kind="stable")[:, :2]
            second = counts[many, ranked[:, 1]] > 0
            glyphs = [CLASS_GLYPH[class_name(k)] for k in range(kinds)]
            for s, (top, nxt), two, size in zip(
                many.tolist(),
                ranked.tolist(),
                second.tolist(),
                stacks.size[many].tolist(),
                strict=True,
            ):
                text[s] = f"{glyphs[top]}{glyphs[nxt] if two else ''}{STACK_MARK}{size}"
                length[s] = len(text[s])
            codes[many] = GLYPH_CODES[ranked[:, 0]]
        chosen = np.flatnonzero(ids == selected)
        selected_stack = int(stacks.stack[chosen[0]]) if selected >= 0 and chosen.size else -1
        return cls(cols, rows, ids, stacks, text, length, codes, ink, sector[lead], selected_stack)

    def heading_cells(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(stack indices, columns, rows) of the heading marks of the stacks that move:
        in the cell the lead heads for, past the stack's letters going east."""
        moving = np.flatnonzero(self.sector >= 0)
        step = _STEPS[self.sector[moving]]
        east = step[:, 0] > 0
        col = self.stacks.col[moving] + np.where(east, self.length[moving], step[:, 0])
        return moving, col, self.stacks.row[moving] + step[:, 1]

    def glyph_cells(self, height: int, width: int) -> np.ndarray:
        """(rows, columns) True on every cell a stack's letters or heading mark takes."""
        taken = np.zeros((height, width), dtype=bool)
        st = self.stacks
        for k in range(int(self.length.max()) if self.length.size else 0):
            has = self.length > k
            _mark(taken, st.col[has] + k, st.row[has])
        _, c, r = self.heading_cells()
        _mark(taken, c, r)
        return taken

    def draw(self, canvas: Canvas) -> None:
        """Heading marks, then each stack's letters in its altitude's ink."""
        moving, c, r = self.heading_cells()
        canvas.put(c, r, _ARROWS[self.sector[moving]], Ink.HEADING)
        st = self.stacks
        single = self.length == 1
        for ink in np.unique(self.ink[single]).tolist():
            mine = single & (self.ink == ink)
            canvas.put(st.col[mine], st.row[mine], self.codes[mine], Ink(ink))
        many = np.flatnonzero(~single)
        if many.size:
            # Every stack's letters and count in one pass: letters in the stack's ink,
            # the count in the plain track ink (the altitude cue is the letters').
            joined = "".join(self.text[k] for k in many.tolist())
            chars = np.frombuffer(joined.encode("utf-32-le"), dtype="<u4")
            lengths = self.length[many]
            owner = np.repeat(np.arange(many.size), lengths)
            offset = np.arange(chars.size) - (np.cumsum(lengths) - lengths)[owner]
            mark = np.flatnonzero(chars == ord(STACK_MARK))
            letters = (mark - (np.cumsum(lengths) - lengths))[np.arange(many.size)]
            inks = np.where(offset < letters[owner], self.ink[many][owner], np.uint8(Ink.TRACK))
            canvas.put_inked(
                st.col[many][owner] + offset, st.row[many][owner], chars, inks.astype(np.uint8)
            )
        s = self.selected_stack
        if s >= 0:
            east = self.sector[s] == 2
            canvas.restyle(int(st.col[s]), int(st.row[s]), int(self.length[s]) + east, Ink.SELECTED)

    def draw_numbers(self, canvas: Canvas, blocked: np.ndarray) -> None:
        """Each lone track's number right of its letter (or of its heading mark, heading
        east), where it covers no cell of `blocked` (glyphs, names) and no other number:
        in a tight raid numbers would run together into ones no track has. Where numbers
        would overlap, the selected track's comes first, then the oldest track's."""
        st = self.stacks
        lone = np.flatnonzero(st.size == 1)
        if lone.size == 0:
            return
        height, width = canvas.height, canvas.width
        ids = self.ids[st.lead[lone]]
        rows = st.row[lone]
        start = st.col[lone] + 1 + (self.sector[lone] == 2)
        digits = np.floor(np.log10(np.maximum(ids, 1))).astype(np.int64) + 1
        clear = (rows >= 0) & (rows < height) & (st.col[lone] >= 0) & (start + digits <= width)
        cells = []
        for k in range(int(digits.max())):
            c = start + k
            ok = clear & (digits > k)
            cells.append((ok, rows[ok], c[ok]))
            clear[ok] &= ~blocked[rows[ok], c[ok]]
        # Of numbers that overlap, the first in claim order keeps its cells.
        selected = self.ids[st.lead[self.selected_stack]] if self.selected_stack >= 0 else -2
        rank = np.empty(ids.size, dtype=np.int64)
        rank[np.argsort(np.where(ids == selected, -1, ids), kind="stable")] = np.arange(ids.size)
        claimed = np.full((height, width), ids.size, dtype=np.int64)
        for ok, r, c in cells:
            mine = clear[ok]
            np.minimum.at(claimed, (r[mine], c[mine]), rank[ok][mine])
        for ok, r, c in cells:
            clear[ok] &= claimed[r, c] == rank[ok]
        for k in range(int(digits.max())):
            has = clear & (digits > k)
            power = 10 ** np.maximum(digits - 1 - k, 0)
            code = (ord("0") + (ids // np.maximum(power, 1)) % 10).astype("<u4")
            canvas.put(start[has] + k, rows[has], code[has], Ink.TRACK_LABEL)
        hit = np.flatnonzero(clear & (ids == selected))
        if hit.size:
            i = int(hit[0])
            canvas.restyle(int(start[i]), int(rows[i]), int(digits[i]), Ink.SELECTED)


def _mark(taken: np.ndarray, cols: np.ndarray, rows: np.ndarray) -> None:
    height, width = taken.shape
    ok = (cols >= 0) & (cols < width) & (rows >= 0) & (rows < height)
    taken[rows[ok], cols[ok]] = True
