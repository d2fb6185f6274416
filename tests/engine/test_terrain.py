"""Terrain against hand geometry: a ridge, a plateau, a site's mask, the Earth's curve.

A threat's altitude a is its height above the ground beneath it, z(x, y); the ground's
heights and an antenna's top T are over the datum. Over the 4/3-radius Earth the ground
at s km lies (s / 4.12)² m below an antenna's level line (the drop behind d = 4.12 √h),
so a flyer at height a above the ground at its position is seen when

    a + z(x, y) > T + m·r + (r / 4.12)²,

m being the steepest slope (m per km) of the ground nearer than r, less its curve:
max over s < r of (z(s) − (s / 4.12)² − T) / s. A ridge of height H at distance D
hides, at range r beyond it, everything below the straight line over its crest, raised
by the curve at r:

    h(r) = T + r (H − (D / 4.12)² − T) / D + (r / 4.12)².

The engine finds the ridge's near edge by rays sampled half a cell apart, so at some
distance between D and D + half a cell: the flyer is hidden below h(r) with D + half a
cell and in sight above h(r) with D. A mask of e degrees hides, at range r, everything
below T + 1000 r tan e + (r / 4.12)² (m, r in km).
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import numpy as np
import pytest

from wargame.campaign import LoadedCampaign, load_campaign, parse_campaign
from wargame.engine import Game, build_scenario
from wargame.engine.detection import detection_probability, jam_strobes
from wargame.engine.fire_control.envelope import options
from wargame.engine.sead import in_line_of_sight
from wargame.engine.state import ACTIVE
from wargame.engine.terrain import Terrain, curve_drop_m
from wargame.errors import CampaignError

CAMPAIGNS = Path(__file__).resolve().parent / "campaigns"
RIDGE = CAMPAIGNS / "ridge.toml"


def _crest_line(top: float, ridge_m: float, ridge_km: float, range_km: float) -> float:
    """h(r) of the module docstring: the lowest altitude in sight beyond the crest."""
    slope = (ridge_m - (ridge_km / 4.12) ** 2 - top) / ridge_km
    return top + slope * range_km + (range_km / 4.12) ** 2


def _one_ridge(height_m: float = 300.0) -> Terrain:
    """60 x 60 cells of 1 km at sea level but one row, y from 30 to 31 km, at height_m; a
    radar with a 10 m mast at (30.5, 10.5): the ridge's near edge 19.5 km due north."""
    heights = np.zeros((60, 60))
    heights[30] = height_m
    terrain = Terrain.of(heights, 1.0, np.array([10.0]), [[]], np.array([[30.5, 10.5]]), (60, 60))
    assert terrain is not None
    return terrain


@pytest.fixture(scope="module")
def ridge() -> LoadedCampaign:
    return load_campaign(RIDGE)


def test_the_curve_drop_is_the_horizon_rule_turned_round() -> None:
    # d = 4.12 sqrt(h): 41.2 km for 100 m.
    assert float(curve_drop_m(41.2)) == pytest.approx(100.0)


@pytest.mark.parametrize("range_km", [25.0, 40.0, 49.0])
def test_a_ridge_hides_a_flyer_beyond_it_below_the_altitude_worked_by_hand(
    range_km: float,
) -> None:
    sight = _one_ridge().sight(np.array([30.5]), np.array([10.5]))
    # The ground beneath the flyer is at sea level, z = 0: a + 0 > h(r) is the test.
    assert float(sight.ground_at(30.5, 10.5 + range_km)) == 0.0
    hidden_below = _crest_line(10.0, 300.0, 19.5 + 0.5, range_km)
    seen_above = _crest_line(10.0, 300.0, 19.5, range_km)
    # At 40 km: 637.1 m and 653.2 m (the smooth Earth alone would hide only below 42.9 m).
    assert seen_above - hidden_below < 20.0
    north = np.array([0.0]), np.array([range_km])
    for alt, seen in ((hidden_below - 1.0, False), (seen_above + 1.0, True)):
        assert bool(sight.clear(0, *north, alt)[0]) is seen
        assert bool(sight.sees(0, *north, alt)[0]) is seen


def test_a_flyer_in_front_of_the_ridge_is_not_hidden_by_it() -> None:
    sight = _one_ridge().sight(np.array([30.5]), np.array([10.5]))
    # 15 km north, 10 m up: the smooth horizon is 4.12 (sqrt 10 + sqrt 10) = 26 km.
    assert sight.clear(0, np.array([0.0]), np.array([15.0]), 10.0)[0]


def test_a_mask_hides_a_flyer_below_the_mask_line_plus_the_earth_curve() -> None:
    # 2 degrees in the first of 8 sectors (north to north-east), none elsewhere; 10 m mast.
    terrain = Terrain.of(None, 1.0, np.array([10.0]), [[2.0] + [0.0] * 7], np.zeros((1, 2)), (1, 1))
    assert terrain is not None
    sight = terrain.sight(np.array([0.0]), np.array([0.0]))
    r = 30.0
    bearing = math.radians(20.0)  # in the masked sector
    dx, dy = np.array([r * math.sin(bearing)]), np.array([r * math.cos(bearing)])
    line = 10.0 + 1000.0 * r * math.tan(math.radians(2.0)) + (r / 4.12) ** 2  # 1110.7 m
    assert line == pytest.approx(1110.7, abs=0.1)
    assert not sight.clear(0, dx, dy, line - 1.0)[0]
    assert sight.clear(0, dx, dy, line + 1.0)[0]
    # Due east, in an open sector: only the curve, (30 / 4.12)² + 10 = 63 m.
    east = 10.0 + (r / 4.12) ** 2
    assert not sight.clear(0, np.array([r]), np.array([0.0]), east - 1.0)[0]
    assert sight.clear(0, np.array([r]), np.array([0.0]), east + 1.0)[0]


def test_a_mask_holds_at_its_surveyed_site_only() -> None:
    terrain = Terrain.of(None, 1.0, np.array([10.0]), [[5.0]], np.zeros((1, 2)), (100, 100))
    assert terrain is not None
    moved = terrain.sight(np.array([50.0]), np.array([0.0]))
    assert moved.clear(0, np.array([0.0]), np.array([30.0]), 100.0)[0]
    home = terrain.sight(np.array([0.0]), np.array([0.0]))
    assert not home.clear(0, np.array([0.0]), np.array([30.0]), 100.0)[0]


def test_a_radar_on_a_hill_counts_the_hill_in_its_antenna_height() -> None:
    heights = np.zeros((10, 10))
    heights[5, 5] = 400.0
    terrain = Terrain.of(heights, 1.0, np.array([10.0]), [[]], np.array([[5.5, 5.5]]), (10, 10))
    assert terrain is not None
    sight = terrain.sight(np.array([5.5]), np.array([5.5]))
    assert sight.top_m[0] == 410.0
    assert sight.sqrt_top[0] == pytest.approx(math.sqrt(410.0))


def _fire_unit_and_flyer(ridge: LoadedCampaign, alt: float) -> tuple[Game, int, int]:
    """The ridge campaign's fire unit alone on the air, one fighter 40 km due north of it
    at `alt`: beyond the ridge, whose near edge is 19.5 km away."""
    game = Game.new(ridge, 1)
    sc, st = game.scenario, game.state
    radar = sc.r_name.index("Ridge FU")
    threat = int(sc.strike_slots[0])
    st.status[:] = 0
    st.status[threat] = ACTIVE
    st.x[threat], st.y[threat] = st.r_x[radar], st.r_y[radar] + 40.0
    st.alt[threat] = alt
    st.emitting[:] = False
    st.emitting[radar] = True
    return game, radar, threat


def test_the_ridge_hides_the_flyer_from_detection_in_a_game(ridge: LoadedCampaign) -> None:
    # The 92N6E's mast is 25 m: 652.9 m hides, 674.4 m shows (the file's ridge, 300 m).
    hidden_below = _crest_line(25.0, 300.0, 20.0, 40.0)
    seen_above = _crest_line(25.0, 300.0, 19.5, 40.0)
    for alt, seen in ((hidden_below - 1.0, False), (seen_above + 1.0, True)):
        game, radar, threat = _fire_unit_and_flyer(ridge, alt)
        pd = detection_probability(game.scenario, game.state, np.array([radar]), np.array([threat]))
        assert bool(pd[0, 0] > 0.0) is seen


def test_fire_control_gives_no_shot_at_a_point_the_ridge_hides(ridge: LoadedCampaign) -> None:
    game, radar, threat = _fire_unit_and_flyer(ridge, 200.0)
    sc, st = game.scenario, game.state
    # A held, still track there: the intercept point is where it is.
    st.track_id[threat] = 1
    st.track_last[threat] = st.turn
    st.track_born[threat] = st.turn - 10
    st.track_x[threat], st.track_y[threat] = st.x[threat], st.y[threat]
    st.track_alt[threat] = 200.0
    st.track_vx[threat] = st.track_vy[threat] = 0.0
    unit = int(sc.r_fire_unit[radar])
    hidden = options(sc, st, np.array([unit]), np.array([threat]))
    assert hidden.missile[0, 0] == -1
    assert "hidden from it by the ground" in hidden.why_not(0, 0)
    st.track_alt[threat] = st.alt[threat] = 2000.0
    seen = options(sc, st, np.array([unit]), np.array([threat]))
    assert seen.missile[0, 0] >= 0


def _plateau(ridge_m: float | None = None) -> LoadedCampaign:
    """The minimal campaign over a plateau at 350 m: 5 km cells, 20 rows of 40. Its fire
    unit's 92N6E (25 m mast) stands at (150, 50) km, its antenna's top T = 375 m. With
    `ridge_m`, the column of cells from x = 140 to 145 km rises to that height."""
    rows = [[350.0] * 40 for _ in range(20)]
    if ridge_m is not None:
        for row in rows:
            row[28] = ridge_m
    grid = ", ".join("[" + ", ".join(f"{z:g}" for z in row) + "]" for row in rows)
    return parse_campaign(MINIMAL + f"\n[terrain]\ncell_km = 5\nheights_m = [{grid}]\n", "p.toml")


def _cruise_missile_west(loaded: LoadedCampaign, alt: float) -> tuple[Game, int, int]:
    """A subsonic cruise missile `alt` m above the ground 12.5 km due west of the fire
    unit, at (137.5, 50) km, held still as a firm track; its radar alone on the air."""
    game = Game.new(loaded, 1)
    sc, st = game.scenario, game.state
    radar = sc.r_name.index("FU Alpha")
    threat = int(sc.strike_slots[0])
    st.status[:] = 0
    st.status[threat] = ACTIVE
    st.x[threat], st.y[threat] = st.r_x[radar] - 12.5, st.r_y[radar]
    st.alt[threat] = st.track_alt[threat] = alt
    st.emitting[:] = False
    st.emitting[radar] = True
    st.track_id[threat] = 1
    st.track_last[threat] = st.turn
    st.track_born[threat] = st.turn - 10
    st.track_x[threat], st.track_y[threat] = st.x[threat], st.y[threat]
    st.track_vx[threat] = st.track_vy[threat] = 0.0
    return game, radar, threat


def _seen_and_engageable(game: Game, radar: int, threat: int) -> tuple[bool, bool]:
    sc, st = game.scenario, game.state
    pd = detection_probability(sc, st, np.array([radar]), np.array([threat]))
    unit = int(sc.r_fire_unit[radar])
    shot = options(sc, st, np.array([unit]), np.array([threat]))
    return bool(pd[0, 0] > 0.0), bool(shot.missile[0, 0] >= 0)


def test_a_cruise_missile_at_50_m_over_a_350_m_plateau_is_seen_and_engaged() -> None:
    # Its catalogue altitude is above the ground: 50 + 350 = 400 m over the datum. Over
    # the flat plateau m = max over s < r of (350 - (s/4.12)² - 375)/s = -25/s - s/16.97,
    # which rises until s = 4.12 √25 = 20.6 km: at r = 12.5 km its steepest sample is the
    # farthest, and the line through it lies at most 350 m (the plateau) at r: 400 > 350.
    # The smooth horizon: 4.12 (√375 + √400) = 162 km.
    game, radar, threat = _cruise_missile_west(_plateau(), 50.0)
    assert game.scenario.t_cruise_alt[threat] == 50.0  # the catalogue's, as it flies
    assert _seen_and_engageable(game, radar, threat) == (True, True)


def test_a_ridge_between_hides_the_cruise_missile_over_the_plateau() -> None:
    # A 450 m ridge from 5 to 10 km west of the radar. Wherever the rays sample it, its
    # slope is at least that of its far edge, (450 - (10/4.12)² - 375)/10 = 6.91 m/km, so
    # the ground hides at 12.5 km everything below 375 + 6.91·12.5 + (12.5/4.12)² = 470.6 m
    # over the datum: the missile's 400 m is hidden, from the looks and from fire control.
    floor = 375.0 + (450.0 - (10 / 4.12) ** 2 - 375.0) / 10.0 * 12.5 + (12.5 / 4.12) ** 2
    assert floor == pytest.approx(470.6, abs=0.1)
    game, radar, threat = _cruise_missile_west(_plateau(450.0), 50.0)
    assert _seen_and_engageable(game, radar, threat) == (False, False)
    # Over the ridge's crest line from its near edge, 5 km: 375 + 14.7·12.5 + 9.2 = 568.0 m,
    # so 230 m above the plateau is in sight of both.
    game, radar, threat = _cruise_missile_west(_plateau(450.0), 230.0)
    assert _seen_and_engageable(game, radar, threat) == (True, True)


def test_a_sead_seeker_hears_a_radar_over_the_plateau_but_not_behind_a_ridge() -> None:
    # The line of sight works both ways: an aircraft 50 m above the plateau 12.5 km west
    # of the radar (400 m over the datum) is seen as the cruise missile is, and hears it;
    # behind the ridge of the test above (hiding all below 470.6 m there), it does not.
    for ridge_m, heard in ((None, True), (450.0, False)):
        game, radar, aircraft = _cruise_missile_west(_plateau(ridge_m), 50.0)
        sc, st = game.scenario, game.state
        assert bool(in_line_of_sight(sc, st, aircraft, np.array([radar]))[0]) is heard


def test_a_jammer_behind_the_ridge_is_not_heard(ridge: LoadedCampaign) -> None:
    game, radar, threat = _fire_unit_and_flyer(ridge, 300.0)
    sc = dataclasses.replace(game.scenario, t_jnr=game.scenario.t_jnr.copy())
    sc.t_jnr[threat] = 1000.0
    sc = dataclasses.replace(sc, noise_slots=np.array([threat]))
    assert jam_strobes(sc, game.state) == []
    game.state.alt[threat] = 3000.0
    assert [s.radar for s in jam_strobes(sc, game.state)] == [radar]


def test_a_campaign_without_terrain_builds_none(first_contact: LoadedCampaign) -> None:
    assert build_scenario(first_contact).terrain is None


def test_a_flat_grid_at_sea_level_plays_as_no_terrain(first_contact: LoadedCampaign) -> None:
    flat = first_contact.source + "\n[terrain]\ncell_km = 20\nheights_m = [[0, 0], [0, 0]]\n"
    with_grid = parse_campaign(flat, "flat.toml")
    for seed in (1, 2):
        games = [Game.new(loaded, seed) for loaded in (first_contact, with_grid)]
        assert games[1].scenario.terrain is not None
        while not games[0].over:
            assert games[0].step([]) == games[1].step([])


def test_a_terrain_file_is_written_into_the_text_a_save_keeps(ridge: LoadedCampaign) -> None:
    assert "ridge.csv" not in ridge.source.split("[terrain]")[1].split("[[")[0]
    again = parse_campaign(ridge.source, "elsewhere/ridge.toml")  # no file beside it
    assert again.digest == ridge.digest
    assert again.campaign.terrain == ridge.campaign.terrain
    # The file's first row is the north edge: the 300 m ridge is row 30 from the south.
    heights = ridge.campaign.terrain.south_first() if ridge.campaign.terrain else None
    assert heights is not None and heights[30][30] == 300.0 and heights[29][30] == 0.0


MINIMAL = (Path(__file__).resolve().parent.parent / "campaign" / "minimal.toml").read_text()


@pytest.mark.parametrize(
    ("terrain", "words"),
    [
        (
            "[terrain]\ncell_km = 10\nheights_m = [[0, 1, 2], [0, 1]]\n",
            "t.toml:43: terrain.heights_m: row 2 has 2 heights and row 1 has 3",
        ),
        (
            "[terrain]\ncell_km = -1\nheights_m = [[0]]\n",
            "t.toml:42: terrain.cell_km: must be more than 0, got -1",
        ),
        (
            '[terrain]\ncell_km = 1\nfile = "nowhere.csv"\n',
            "t.toml:43: terrain.file: 'nowhere.csv': no such file",
        ),
        ("[terrain]\ncell_km = 1\n", "t.toml:41: terrain: give either heights_m or file"),
        (
            '[[blue.radars]]\nname = "R"\ntype = "91N6E-class acquisition radar"\n'
            'position = [10, 10]\ncommand_post = "HQ"\nmask_deg = [1, 50]\n',
            "t.toml:46: blue.radars[0].mask_deg[1]: must be at most 45, got 50",
        ),
    ],
)
def test_terrain_faults_are_one_line_naming_the_file_and_field(
    tmp_path: Path, terrain: str, words: str
) -> None:
    path = tmp_path / "t.toml"
    path.write_text(MINIMAL + "\n" + terrain)
    with pytest.raises(CampaignError) as caught:
        load_campaign(path)
    lines = str(caught.value).splitlines()
    assert len(lines) == 1
    assert words in lines[0]


def test_a_ragged_terrain_file_is_one_line_naming_the_file_its_line_and_the_field(
    tmp_path: Path,
) -> None:
    (tmp_path / "t.csv").write_text("# north first\n0,1,2\n0,1\n")
    path = tmp_path / "t.toml"
    path.write_text(MINIMAL + '\n[terrain]\ncell_km = 1\nfile = "t.csv"\n')
    with pytest.raises(CampaignError) as caught:
        load_campaign(path)
    lines = str(caught.value).splitlines()
    assert len(lines) == 1
    assert "t.csv:3: terrain.file: the row has 2 heights and the first row 3" in lines[0]
