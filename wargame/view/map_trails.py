"""Track trails: where the radars reported each track on the turns before.

The engine's state keeps one report per track (its latest), so the trail is kept
here, from the states shown turn after turn: the map widget calls `record` with each
state it is given, and `map_frame` asks `points` for the trail of the tracks it
draws. A point is a track's reported position (`track_x`, `track_y` at the turn of
the report, `track_last`): what the radars said, never where the threat truly was.
Stepping back in a replay shows only the reports older than the state shown.
"""

from __future__ import annotations

import numpy as np

from wargame.engine.state import State
from wargame.view.blue import shown_tracks
from wargame.view.map_canvas import Canvas, Geometry, Ink

TRAIL_POINTS = 4
"""Past reports drawn behind each track."""
KEEP_TURNS = 30
"""A track not reported for this many turns is forgotten (it was dropped long ago)."""
TRAIL_GLYPH = "∘"


class TrackTrails:
    """The last reports of each track, by track id, from the states recorded."""

    def __init__(self, points: int = TRAIL_POINTS) -> None:
        self.keep = points + 1  # the latest report is the track itself
        self._by_id: dict[int, list[tuple[int, float, float]]] = {}
        self._arrays: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None

    def record(self, st: State) -> None:
        """Keep this state's reports (each once, however often the state is shown)."""
        slots = shown_tracks(st)
        ids = st.track_id[slots].tolist()
        last = st.track_last[slots].tolist()
        xs, ys = st.track_x[slots].tolist(), st.track_y[slots].tolist()
        changed = False
        for track, turn, x, y in zip(ids, last, xs, ys, strict=True):
            points = self._by_id.setdefault(track, [])
            if points and points[-1][0] == turn:
                continue
            if points and points[-1][0] > turn:  # an earlier state: a replay stepped back
                points[:] = [p for p in points if p[0] < turn]
            points.append((turn, x, y))
            del points[: -self.keep]
            changed = True
        stale = [k for k, p in self._by_id.items() if p[-1][0] < st.turn - KEEP_TURNS]
        for k in stale:
            del self._by_id[k]
        if changed or stale:
            self._arrays = None

    def clear(self) -> None:
        self._by_id.clear()
        self._arrays = None

    def _flat(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(track id, report turn, x, y) of every point kept, by track id."""
        if self._arrays is None:
            rows = [(k, t, x, y) for k in sorted(self._by_id) for t, x, y in self._by_id[k]]
            flat = np.array(rows, dtype=float).reshape(-1, 4)
            self._arrays = (
                flat[:, 0].astype(np.int64),
                flat[:, 1].astype(np.int64),
                flat[:, 2],
                flat[:, 3],
            )
        return self._arrays

    def points(self, st: State, slots: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(x, y, track's index in `slots`) of the trail points of these tracks: their
        reports before the latest one in this state, the last `TRAIL_POINTS` of them."""
        ids, turns, x, y = self._flat()
        if ids.size == 0 or slots.size == 0:
            empty = np.zeros(0)
            return empty, empty, np.zeros(0, dtype=np.int64)
        shown = st.track_id[slots]
        order = np.argsort(shown)
        at = np.searchsorted(shown[order], ids)
        found = at < shown.size
        found[found] = shown[order][at[found]] == ids[found]
        owner = np.where(found, order[np.minimum(at, shown.size - 1)], -1)
        keep = found & (turns < st.track_last[slots][np.maximum(owner, 0)])
        # The newest TRAIL_POINTS of each track's older reports: count back from its last.
        idx = np.flatnonzero(keep)
        own = owner[idx]
        later = np.zeros(idx.size, dtype=np.int64)
        if idx.size:
            # Points are grouped by id in turn order: rank from the end of each group.
            ends = np.flatnonzero(np.append(own[1:] != own[:-1], True))
            group = np.cumsum(np.append(0, own[1:] != own[:-1]))
            later = ends[group] - np.arange(idx.size)
        idx = idx[later < self.keep - 1]
        return x[idx], y[idx], owner[idx]


def draw_trails(
    canvas: Canvas, geo: Geometry, trails: TrackTrails | None, st: State, slots: np.ndarray
) -> None:
    """A small ring at each earlier report of the tracks drawn."""
    if trails is None:
        return
    x, y, _ = trails.points(st, slots)
    if x.size:
        canvas.put(geo.cols(x), geo.rows(y), ord(TRAIL_GLYPH), Ink.TRAIL)
