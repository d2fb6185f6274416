"""Label placement on the map: names never overlap one another nor cover a glyph."""

from __future__ import annotations

import numpy as np

from wargame.view.map_labels import (
    legend_corner,
    legend_lines,
    place_labels,
    place_symbols,
    short_forms,
)


def cells_of(placement_labels: list, height: int, width: int) -> list[set[tuple[int, int]]]:
    return [{(lab.row, lab.col + k) for k in range(len(lab.text))} for lab in placement_labels]


def test_a_symbol_landing_on_another_moves_to_the_free_cell_beside_it() -> None:
    # Harrow radar site and the Harrow radar share a cell: the asset, given first, keeps it.
    assert place_symbols([(5, 5), (5, 5), (5, 5)], 20, 10) == [(5, 5), (6, 5), (4, 5)]


def test_a_symbol_at_the_edge_moves_inside_the_map() -> None:
    assert place_symbols([(0, 0), (0, 0)], 5, 5) == [(0, 0), (1, 0)]


def test_a_name_goes_right_of_its_symbol_when_that_is_free() -> None:
    blocked = np.zeros((5, 30), dtype=bool)
    blocked[2, 10] = True  # the symbol itself
    placed = place_labels([(10, 2)], ["Aldmouth"], blocked)
    assert [(lab.col, lab.row, lab.text) for lab in placed.labels] == [(11, 2, "Aldmouth")]
    assert blocked[2, 11:19].all() and not blocked[2, 19]


def test_a_name_blocked_on_the_right_goes_left_then_above() -> None:
    blocked = np.zeros((5, 30), dtype=bool)
    blocked[2, 10:12] = True  # symbol, and a track's letter right of it
    placed = place_labels([(10, 2)], ["Aldmouth"], blocked)
    assert (placed.labels[0].col, placed.labels[0].row) == (2, 2)  # 10 - 8 letters
    blocked = np.zeros((5, 30), dtype=bool)
    blocked[2, :] = True  # the whole row taken
    placed = place_labels([(10, 2)], ["Aldmouth"], blocked)
    assert (placed.labels[0].col, placed.labels[0].row) == (10, 1)


def test_a_long_name_is_shortened_to_its_first_words_where_only_that_fits() -> None:
    assert short_forms("Brenna Air Base") == ["Brenna Air Base", "Brenna Air", "Brenna"]
    blocked = np.zeros((3, 8), dtype=bool)
    blocked[1, 0] = True
    blocked[[0, 2], :] = True
    placed = place_labels([(0, 1)], ["Brenna Air Base"], blocked)
    assert [lab.text for lab in placed.labels] == ["Brenna"]


def test_a_name_with_no_room_is_left_to_the_legend_with_a_key_beside_its_symbol() -> None:
    blocked = np.ones((5, 5), dtype=bool)
    blocked[2, 3] = False  # one free cell, right of the symbol at (2, 2)
    placed = place_labels([(2, 2)], ["Aldmouth port"], blocked)
    assert placed.labels == []
    (entry,) = placed.legend
    assert (entry.key, entry.col, entry.row, entry.name) == ("1", 3, 2, "Aldmouth port")
    assert legend_lines(placed.legend, 40, 3) == ["1 Aldmouth port"]


def test_names_in_a_crowd_never_overlap_and_never_cover_a_glyph() -> None:
    rng = np.random.default_rng(7)
    height, width = 24, 80
    glyphs = rng.random((height, width)) < 0.25  # a quarter of the map under tracks
    symbols = [
        (int(c), int(r))
        for c, r in zip(rng.integers(0, width, 40), rng.integers(0, height, 40), strict=True)
    ]
    symbols = place_symbols(symbols, width, height)
    for c, r in symbols:
        glyphs[r, c] = True
    names = [f"Site number {k}" for k in range(len(symbols))]
    blocked = glyphs.copy()
    placed = place_labels(symbols, names, blocked)
    spans = cells_of(placed.labels, height, width)
    seen: set[tuple[int, int]] = set()
    for span in spans:
        assert not span & seen, "two names overlap"
        seen |= span
        assert not any(glyphs[r, c] for r, c in span), "a name covers a glyph"
    keys = {(e.row, e.col) for e in placed.legend if e.col >= 0}
    assert not keys & seen and not any(glyphs[r, c] for r, c in keys)
    # Every symbol is named on the map or in the legend, none twice.
    named = sorted([lab.index for lab in placed.labels] + [e.index for e in placed.legend])
    assert named == list(range(len(symbols)))


def test_the_legend_goes_in_the_corner_it_hides_least_of() -> None:
    cost = np.zeros((10, 20), dtype=np.int64)
    cost[:5, :10] = 1  # top left busy
    cost[5:, 10:] = 100  # bottom right holds names
    assert legend_corner(cost, 6, 3) == (14, 0)  # top right


def test_a_legend_too_long_for_its_rows_says_how_many_more() -> None:
    from wargame.view.map_labels import LegendEntry

    entries = [LegendEntry(k, str(k + 1), 0, 0, f"Place {k}") for k in range(5)]
    assert legend_lines(entries, 40, 3) == ["1 Place 0", "2 Place 1", "+3 more"]
