"""The unit panel says what a point-defence unit guards, from the campaign's `protects`."""

from __future__ import annotations

from pathlib import Path

from wargame.campaign import load_campaign
from wargame.engine import Game
from wargame.view.picture import unit_status

TWIN_RIDGES = Path(__file__).resolve().parents[2] / "campaigns" / "twin-ridges.toml"


def test_a_point_defence_unit_shows_the_site_it_guards_and_a_battery_none() -> None:
    game = Game.new(load_campaign(TWIN_RIDGES), 1)
    sc, st = game.scenario, game.state
    guard = unit_status(sc, st, sc.r_name.index("Guard Base"))
    battery = unit_status(sc, st, sc.r_name.index("FU North"))
    crest = unit_status(sc, st, sc.r_name.index("Crest"))
    assert (guard.protects, battery.protects, crest.protects) == ("Valley Air Base", "", "")


def test_a_point_defence_unit_whose_site_is_lost_says_it_guards_itself() -> None:
    game = Game.new(load_campaign(TWIN_RIDGES), 1)
    sc, st = game.scenario, game.state.copy()
    st.radar_alive[sc.r_name.index("FU North")] = False
    guard = unit_status(sc, st, sc.r_name.index("Guard North"))
    assert guard.protects == "itself (FU North lost)"
