"""Tracks on the map: stacks drawn as counts, altitude cues, and trails of past reports."""

from __future__ import annotations

import numpy as np

from wargame.campaign import ThreatClass
from wargame.engine.scenario import CLASS_CODE
from wargame.view.map_canvas import Canvas, Ink
from wargame.view.map_tracks import TrackSymbols, altitude_band, stack_tracks

FIGHTER = CLASS_CODE[ThreatClass.FIGHTER]
DRONE = CLASS_CODE[ThreatClass.DRONE]
CRUISE = CLASS_CODE[ThreatClass.CRUISE_MISSILE]


def symbols(
    cols: list[int], rows: list[int], classes: list[int], alts: list[float], selected: int = -1
) -> TrackSymbols:
    n = len(cols)
    return TrackSymbols.of(
        np.array(cols),
        np.array(rows),
        np.arange(1, n + 1),
        np.array(classes),
        np.array(alts, dtype=float),
        np.full(n, 2),  # all heading east
        selected,
    )


def row_text(canvas: Canvas, row: int) -> str:
    return canvas.chars[row].tobytes().decode("utf-32-le")


def test_four_fighters_side_by_side_are_one_stack_of_four() -> None:
    stacks = stack_tracks(np.array([3, 4, 5, 6]), np.array([1, 1, 1, 1]), np.array([7, 2, 9, 4]))
    assert stacks.size.tolist() == [4]
    assert stacks.col.tolist() == [3] and stacks.row.tolist() == [1]
    assert stacks.lead.tolist() == [1]  # track 2, the lowest id


def test_tracks_three_columns_apart_or_in_other_rows_stay_apart() -> None:
    stacks = stack_tracks(np.array([0, 3, 3, 5]), np.array([0, 0, 1, 1]), np.array([1, 2, 3, 4]))
    # (0,0) and (3,0) are three apart: two stacks; (3,1) and (5,1) two apart: one.
    assert sorted(stacks.size.tolist()) == [1, 1, 2]
    assert stacks.stack[2] == stacks.stack[3] != stacks.stack[0]


def test_a_stack_leads_with_the_selected_track() -> None:
    stacks = stack_tracks(np.array([3, 4]), np.array([1, 1]), np.array([5, 8]), selected=8)
    assert stacks.lead.tolist() == [1]


def test_a_stack_is_drawn_as_its_letter_and_count_with_its_heading_mark() -> None:
    canvas = Canvas(20, 3)
    tracks = symbols([3, 4, 5, 6], [1] * 4, [FIGHTER] * 4, [5000.0] * 4)
    tracks.draw(canvas)
    assert row_text(canvas, 1) == "   F×4→" + " " * 13


def test_twelve_drones_in_two_rows_read_as_two_counts_summing_to_twelve() -> None:
    canvas = Canvas(20, 4)
    cols = [2, 3, 4, 5, 6, 7, 2, 4, 6, 8, 10, 12]
    rows = [1] * 6 + [2] * 6
    tracks = symbols(cols, rows, [DRONE] * 12, [300.0] * 12)
    tracks.draw(canvas)
    assert row_text(canvas, 1).strip() == "D×6→"
    assert row_text(canvas, 2).strip() == "D×6→"


def test_a_mixed_stack_names_its_two_commonest_classes_first() -> None:
    canvas = Canvas(20, 3)
    tracks = symbols(
        [1, 2, 3, 4, 5], [1] * 5, [CRUISE, FIGHTER, FIGHTER, CRUISE, FIGHTER], [50.0] * 5
    )
    tracks.draw(canvas)
    assert row_text(canvas, 1).strip() == "FC×5→"


def test_a_lone_track_keeps_its_letter_heading_mark_and_number() -> None:
    canvas = Canvas(20, 3)
    tracks = symbols([3], [1], [FIGHTER], [5000.0])
    tracks.draw(canvas)
    tracks.draw_numbers(canvas, tracks.glyph_cells(3, 20))
    assert row_text(canvas, 1).strip() == "F→1"


def test_altitude_bands_split_at_one_and_eight_kilometres() -> None:
    assert altitude_band(np.array([50.0, 999.0, 1000.0, 7999.0, 8000.0, 12000.0])).tolist() == [
        0,
        0,
        1,
        1,
        2,
        2,
    ]


def test_a_tracks_letter_takes_the_ink_of_its_altitude_and_a_stack_its_lowest() -> None:
    canvas = Canvas(30, 3)
    tracks = symbols(
        [2, 10, 20, 21], [1] * 4, [CRUISE, FIGHTER, FIGHTER, FIGHTER], [50.0, 9000.0, 9000.0, 600.0]
    )
    tracks.draw(canvas)
    assert canvas.ink[1, 2] == Ink.TRACK_LOW
    assert canvas.ink[1, 10] == Ink.TRACK_HIGH
    assert canvas.ink[1, 20] == Ink.TRACK_LOW  # the stack's lowest is at 600 m


def test_glyph_cells_cover_a_stacks_letters_and_heading_mark() -> None:
    tracks = symbols([3, 4], [1, 1], [FIGHTER, FIGHTER], [5000.0, 5000.0])
    taken = tracks.glyph_cells(3, 10)
    assert np.flatnonzero(taken[1]).tolist() == [3, 4, 5, 6]  # F × 2 →
