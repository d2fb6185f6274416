"""The relocation cursor on the map: its label stays whole at the map's edge, and its
dotted path passes under names rather than over them."""

from __future__ import annotations

import re

import numpy as np

from wargame.campaign import LoadedCampaign
from wargame.engine import Game
from wargame.engine.state import State
from wargame.view.map_canvas import Geometry, Ink, View
from wargame.view.map_frame import PICK_GLYPH, Layers, draw_frame

W, H = 120, 38


def _frame(game: Game, pick: tuple[float, float], origin: tuple[float, float]):  # type: ignore[no-untyped-def]
    layers = Layers(pick=pick, pick_from=origin, pick_label=lambda km: f"{km:.0f} km: go")
    return draw_frame(game.scenario, game.state, W, H, View.fit(400, 300), layers)


def _row_text(canvas, row: int) -> str:  # type: ignore[no-untyped-def]
    return "".join(chr(c) for c in canvas.chars[row])


def test_the_label_goes_left_of_the_cursor_where_the_right_edge_would_cut_it(
    first_contact: LoadedCampaign,
) -> None:
    game = Game.new(first_contact, 1)
    geo = Geometry.of(W, H, View.fit(400, 300), 400, 300)
    pick = geo.km(W - 3, 20)  # two columns from the right edge
    canvas, _, _ = _frame(game, pick, geo.km(W - 30, 20))
    text = _row_text(canvas, 20)
    at = text.index(PICK_GLYPH)
    assert at == W - 3
    # Whole, ending a cell short of the cursor (the cell between may hold the path's dot).
    assert re.search(r"(?<!\d)\d+ km: go.$", text[:at])
    assert text[at + 1 :].strip() == ""


def test_the_dotted_path_leaves_names_and_symbols_as_they_were(
    first_contact: LoadedCampaign,
) -> None:
    game = Game.new(first_contact, 1)
    plain, geo, _ = draw_frame(game.scenario, game.state, W, H, View.fit(400, 300), Layers())
    named = (plain.ink != Ink.LAND) & (plain.ink != Ink.GRID) & (plain.ink != Ink.OFFMAP)
    # A path from the map's top-left corner to its bottom-right crosses the whole map.
    canvas, _, _ = _frame(game, geo.km(W - 2, H - 3), geo.km(1, 1))
    dots = (canvas.chars == ord("∙")) & (canvas.ink == Ink.PICK)
    assert dots.sum() > 20
    assert not (dots & named).any()  # no dot on a name or a symbol


def test_a_track_over_a_named_place_is_drawn_on_the_place_s_mark(
    first_contact: LoadedCampaign,
) -> None:
    """A place's mark is ground: a track flying over it keeps its letter (a drone stack
    over 'Drone Lane' read '+×4'). The track is a confirmed one: a tentative track is
    drawn faint (`Ink.TRAIL`)."""
    from wargame.view.blue import shown_tracks

    def confirmed(st: State) -> np.ndarray:
        shown = shown_tracks(st)
        return shown[st.track_confirmed[shown]]

    game = Game.new(first_contact, 1)
    while not confirmed(game.state).size:
        game.step([])
    st = game.state.copy()
    slot = int(confirmed(st)[0])
    geo = Geometry.of(W, H, View.fit(400, 300), 400, 300)
    col, row = geo.cell(20.0, 180.0)  # Western Gap's mark
    st.track_x[slot], st.track_y[slot] = geo.km(col, row)
    st.track_vx[slot] = st.track_vy[slot] = 0.0
    st.track_last[slot] = st.turn
    plain, _, _ = draw_frame(game.scenario, game.state, W, H, View.fit(400, 300), Layers())
    assert chr(plain.chars[row, col]) == "+"
    canvas, _, _ = draw_frame(game.scenario, st, W, H, View.fit(400, 300), Layers())
    assert chr(canvas.chars[row, col]) != "+"
    assert canvas.ink[row, col] in (Ink.TRACK, Ink.TRACK_LOW, Ink.TRACK_HIGH, Ink.TRACK_ARM)
