"""The map over terrain: relief by height band, and the ground's shadow in coverage."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from wargame.campaign import load_campaign
from wargame.engine import Game
from wargame.view.map_canvas import Geometry, Ink, View
from wargame.view.map_frame import Layers, draw_frame
from wargame.view.map_relief import RELIEF_GLYPHS, SHADOW_GLYPH

RIDGE = Path(__file__).resolve().parent.parent / "engine" / "campaigns" / "ridge.toml"


def _frame(alt_m: float) -> tuple[np.ndarray, np.ndarray, Geometry]:
    game = Game.new(load_campaign(RIDGE), 1)
    view = View.fit(60.0, 60.0)
    layers = Layers(coverage=True, coverage_mode="selected", coverage_alt_m=alt_m)
    layers.selected_unit = game.scenario.r_name.index("Ridge FU")
    canvas, geo, _ = draw_frame(game.scenario, game.state, 62, 32, view, layers)
    return canvas.chars, canvas.ink, geo


def test_the_ridge_and_the_hills_show_as_relief_and_the_valley_plain() -> None:
    game = Game.new(load_campaign(RIDGE), 1)
    canvas, geo, _ = draw_frame(game.scenario, game.state, 62, 32, View.fit(60, 60), Layers())
    col, row = geo.cell(40.0, 30.5)  # on the 300 m ridge (the highest hill is 800 m)
    assert chr(canvas.chars[row, col]) == RELIEF_GLYPHS[0]
    assert canvas.ink[row, col] == Ink.RELIEF_1
    col, row = geo.cell(10.0, 46.0)  # the top of the 800 m hill
    assert chr(canvas.chars[row, col]) == RELIEF_GLYPHS[2]
    for x, y in ((40.0, 20.0), (20.0, 25.0)):  # the valley, at sea level
        col, row = geo.cell(x, y)
        assert chr(canvas.chars[row, col]) not in RELIEF_GLYPHS


def test_coverage_at_50_m_shows_the_ground_s_shadow_behind_the_ridge_only() -> None:
    chars, _, geo = _frame(50.0)
    # North of the ridge, 20 to 30 km beyond the fire unit: the ridge hides 50 m there.
    (c0, r0), (c1, r1) = geo.cell(26.0, 45.0), geo.cell(34.0, 42.0)
    north = chars[r0 : r1 + 1, c0 : c1 + 1] == ord(SHADOW_GLYPH)
    assert north.mean() > 0.4  # (every other cell, as a check)
    # In the valley between the unit and the ridge, nothing is in shadow.
    (c0, r0), (c1, r1) = geo.cell(26.0, 27.0), geo.cell(34.0, 15.0)
    assert not (chars[r0 : r1 + 1, c0 : c1 + 1] == ord(SHADOW_GLYPH)).any()
    # High up, the ground hides nothing: no shadow anywhere.
    high, _, _ = _frame(10_000.0)
    assert not (high == ord(SHADOW_GLYPH)).any()
