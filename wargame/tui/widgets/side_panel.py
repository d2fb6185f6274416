"""The side panel of the tactical screen: the selected unit and the track table."""

from __future__ import annotations

from dataclasses import replace

from rich.markup import escape as rich_escape
from rich.text import Text
from textual.markup import escape
from textual.message import Message
from textual.widgets import DataTable, Static

from wargame.campaign.schema import class_words
from wargame.engine import Order
from wargame.view.picture import (
    CLASS_CODE,
    MissileLine,
    TrackRow,
    UnitState,
    UnitStatus,
    altitude_cell,
    duration,
    short_duration,
)

STATE_TONES: dict[UnitState, str] = {
    "emitting": "$text-success",
    "silent": "$text-warning",
    "relocating": "$text-warning",
    "destroyed": "$text-error",
}


class UnitPanel(Static):
    """The selected unit: emission, weapons, doctrine, channels, missiles, reloads, command post."""

    def show_unit(
        self,
        status: UnitStatus | None,
        pending: list[Order],
        turn: int,
        compact: bool = False,
        last_turn: int | None = None,
    ) -> None:
        """Show a unit; `compact` packs it into four lines or so for short terminals. A
        reload due after `last_turn` (the game's end) is not shown as a turn."""
        if status is None:
            self.border_title = "Unit"
            self.update("[$text-muted]No unit selected: press [b]u[/b] or click one on the map.[/]")
            return
        self.border_title = f"{status.kind.capitalize()} (u/U)"
        state = status.state.upper()
        if status.state == "relocating":
            state += f" until turn {status.ready_turn}"
        link = "[$text-success]linked[/]" if status.linked else "[$text-error]CUT OFF: alone[/]"
        head = f"[b]{escape(status.name)}[/b]  [{STATE_TONES[status.state]}][b]{state}[/b][/]"
        lines = [f"{head} · CP {link}" if compact else head]
        if status.fire_unit >= 0:
            salvo = str(status.salvo) if status.salvo else "by class"
            channels = f"[b]{status.channels_used}/{status.channels}[/b]"
            blind = status.unguided_rounds
            if compact:
                weapons = f"[b]{status.weapons.upper()}[/b]"
                guidance = f"[$text-warning]{blind} unguided[/]" if blind else f"ch {channels}"
                guards = f" · guards {escape(status.protects)}" if status.protects else ""
                lines.append(f"{weapons} · {status.doctrine} · salvo {salvo} · {guidance}{guards}")
                lines.append(
                    " · ".join(_missile(m, last_turn, compact=True) for m in status.missiles)
                )
            else:
                lines.append(
                    f"weapons [b]{status.weapons.upper()}[/b] · doctrine [b]{status.doctrine}[/b]"
                )
                if status.protects:
                    lines.append(f"point defence: guards [b]{escape(status.protects)}[/b]")
                guidance = (
                    f"[$text-warning]{blind} round{'s' if blind > 1 else ''} in flight unguided: "
                    "a miss unless it guides again on arrival[/]"
                    if blind
                    else f"guidance channels {channels} busy"
                )
                lines.append(f"salvo [b]{salvo}[/b] · {guidance}")
                lines.extend(_missile(m, last_turn) for m in status.missiles)
        else:
            lines.append(
                f"tracks refreshed this turn [b]{status.held}[/b]/{status.tracking_channels}"
            )
        if status.jamming:
            heard = ", ".join(f"{bearing:03.0f}° +{db:.0f} dB" for bearing, db in status.jamming)
            lines.append(f"[$text-warning]jammed from {heard}[/]")
        if not compact:
            lines.append(f"CP {escape(status.command_post)}: {link}")
        if pending:
            words = ", ".join(escape(o.text()) for o in pending)
            lines.append(f"[$text-accent]next turn: {words}[/]")
        self.update("\n".join(lines))


def _missile(m: MissileLine, last_turn: int | None, compact: bool = False) -> str:
    """'48N6   13 ready +8 stock  reload T46', or '48N6 13+8 ⟳T46' when compact; a reload
    past `last_turn` is 'no reload before the end' (nothing when compact)."""
    if m.reload_turn is not None and last_turn is not None and m.reload_turn > last_turn:
        if compact:
            m = replace(m, reload_turn=None)
        else:
            line = _missile(replace(m, reload_turn=None), None)
            return line + "  [$text-muted]no reload before the end[/]"
    ready = f"[$text-error]{m.ready}[/]" if m.ready == 0 else str(m.ready)
    if compact:
        line = f"{escape(m.missile)} [b]{ready}[/b]" + (f"+{m.stock}" if m.stock else "")
        return line + (f" ⟳T{m.reload_turn}" if m.reload_turn is not None else "")
    line = f" {escape(m.missile):<6}{' ' * (3 - len(str(m.ready)))}{ready} ready"
    if m.stock:
        line += f" +{m.stock} stock"
    if m.reload_turn is not None:
        line += f"  reload T{m.reload_turn}"
    if m.reserved:
        line += f"  [$text-muted]{m.reserved} kept for {class_words(m.reserved_for)}[/]"
    return line


class TrackTable(DataTable[str]):
    """The tracks the radars hold, one row each; the highlighted row is the selected track."""

    COLUMNS = ("Trk", "Cls", "TTG", "Pk", "Err", "Alt", "m/s", "Hdg", "By")
    """Most urgent first, so a narrow panel still shows what a decision needs (the
    class with its confidence, the track's position error, the altitude before the
    speed: it decides which missile's envelope holds the track); "By" last, as the one
    that can run long (three units' salvos): it is cut to the width left."""

    class TrackChosen(Message):
        """The player moved the highlight to another track."""

        def __init__(self, track: int) -> None:
            self.track = track
            super().__init__()

    NARROW = 40
    """Below this width the table leaves out the speed and "By" (the map draws the
    salvos), and writes Pk as ".62": every other column a decision needs, whole."""
    NARROW_COLUMNS = ("Trk", "Cls", "TTG", "Pk", "Err", "Alt", "Hdg")
    """The columns a narrow table keeps: the class's confidence and the position error
    leave no room for the speed, which the class and the time to go tell roughly."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=id)
        self._selected = -1
        self._rows: list[TrackRow] = []
        self._width = 0
        # One blank before each cell instead of one each side: nine columns in 50.
        self.cell_padding = 0

    def on_mount(self) -> None:
        self.add_columns(*self.COLUMNS)
        self.border_title = "Tracks (t/T)"

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self.show_rows(self._rows, self._selected)

    def _room(self, rows: int) -> int:
        """Columns the cells may take: the width less the scrollbar when rows overflow."""
        overflow = rows + 1 > self.size.height  # the header is one line
        return self.size.width - (self.styles.scrollbar_size_vertical if overflow else 0)

    def show_rows(self, rows: list[TrackRow], selected: int) -> None:
        """Refill the table; the cursor lands on the selected track."""
        self._selected, self._rows = selected, rows
        self._width = self.size.width
        narrow = 0 < self._width < self.NARROW
        shown = self.NARROW_COLUMNS if narrow else self.COLUMNS
        keep = [self.COLUMNS.index(label) for label in shown]
        table = [[track_cells(row, narrow=narrow)[i] for i in keep] for row in rows]
        if not narrow and rows and self._width:
            _cut_last_column(shown, table, self._room(len(rows)))
        # Columns too, so that each fits what it holds now: a width once widened (a long
        # "By" a few turns ago) would push the altitude off a narrow panel for good.
        self.clear(columns=True)
        self.add_columns(*(" " + label for label in shown))
        cursor = 0
        for i, (row, cells) in enumerate(zip(rows, table, strict=True)):
            self.add_row(*(" " + cell for cell in cells), key=str(row.track))
            if row.track == selected:
                cursor = i
        if rows:
            self.move_cursor(row=cursor, animate=False)
        chosen = next((r for r in rows if r.track == selected), None)
        if chosen is None:
            self.border_subtitle = "" if rows else "no tracks"
        elif chosen.heading_for:
            # Read off the track's heading: an estimate, and the subtitle says so. Shorter
            # forms where the long one would be cut (the corners and a dash each side).
            track, site, ttg = chosen.track, chosen.heading_for, chosen.ttg_s
            forms = (
                f"{track} heading for {site}? {duration(ttg)}",
                f"{track} → {site}? {duration(ttg)}",
                f"{track} → {site}? {short_duration(ttg)}",
            )
            fits = [said for said in forms if len(said) <= self._width - 4]
            self.border_subtitle = fits[0] if fits else forms[-1]
        else:
            self.border_subtitle = f"{chosen.track}: no site ahead"

    def select_track(self, track: int) -> None:
        """Move the highlight to a track (from the map or the keys) without echoing it back."""
        self._selected = track
        try:
            index = self.get_row_index(str(track))
        except Exception:  # the row is gone (track dropped): leave the highlight
            return
        self.move_cursor(row=index, animate=False)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        # Refilling the table highlights row 0 on the way: only the row the cursor is on now counts.
        if event.cursor_row != self.cursor_row or event.row_key.value is None:
            return
        track = int(event.row_key.value)
        if track != self._selected:
            self._selected = track
            self.post_message(self.TrackChosen(track))


CONFIDENT = 0.995
"""A class shown with less confidence than this shows it beside the class ("CM 90%")."""
NARROW_BY = 9
"""Characters of "By" a narrow cell shows: one unit ("Charlie×2"), then an ellipsis."""


def _cut_last_column(labels: tuple[str, ...], table: list[list[str]], room: int) -> None:
    """Cut the last column's cells (plain text: "By") to what `room` columns leave it,
    each column taking its widest cell or label and one blank before it."""
    widths = [
        max([len(label)] + [Text.from_markup(cells[i]).cell_len for cells in table]) + 1
        for i, label in enumerate(labels[:-1])
    ]
    left = max(len(labels[-1]), room - sum(widths) - 1)
    for cells in table:
        text = Text.from_markup(cells[-1]).plain
        if len(text) > left:
            cells[-1] = rich_escape(text[: left - 1] + "…")


def error_cell(km: float) -> str:
    """The position error in km as the table writes it, three characters at most:
    '.04' below 0.1 (a fire-control radar's track is never '0.0'), '0.4', '9.9', '12'."""
    if round(km, 1) < 0.1:
        return f"{max(km, 0.01):.2f}"[1:]
    return f"{km:.1f}" if round(km, 1) < 10 else f"{km:.0f}"


def track_cells(row: TrackRow, narrow: bool = False) -> tuple[str, ...]:
    """The row's cells; DataTable reads strings as Rich markup. `narrow`: Pk written
    ".62" and "By" cut to `NARROW_BY` characters (a narrow table leaves it out:
    TrackTable.NARROW_COLUMNS). A track whose velocity is not yet known (one look) has
    no heading and no speed: "—", not a speed of 0. A tentative track (not yet
    confirmed) is written faint, its number followed by "~" (not by a wider class
    cell, which the narrow table has no room for)."""
    by = row.engaged
    if narrow and len(by) > NARROW_BY:
        by = by[: NARROW_BY - 1] + "…"
    alt = altitude_cell(row.alt_m)
    heading = f"{row.heading:03.0f}" if row.heading is not None else "—"
    speed = f"{row.speed_mps:.0f}" if row.heading is not None else "—"
    if row.pk is None:
        pk = "—"
    else:
        figure = f"{row.pk:.2f}"
        if narrow and figure.startswith("0"):
            figure = figure[1:]
        pk = f"[b]{figure}[/b]" if row.pk_planned else f"[dim]{figure}[/dim]"
    track = f"{row.track}" + ("?" if row.coasting else "")  # "?": no detection this turn
    cls = CLASS_CODE.get(row.cls, row.cls)
    if row.confidence < CONFIDENT:
        cls += f" [dim]{row.confidence:.0%}[/dim]"
    if row.tentative:  # not yet confirmed, perhaps a false alarm: faint, and "~"
        track, cls = f"[dim]{track}~[/dim]", f"[dim]{cls}[/dim]"
    return (
        track,
        cls,
        short_duration(row.ttg_s),
        pk,
        error_cell(row.error_km),
        alt,
        speed,
        heading,
        rich_escape(by) or "—",
    )
