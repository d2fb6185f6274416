"""The radar models against their closed forms: horizon, R⁴, Swerling 1, burn-through."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from wargame.campaign import LoadedCampaign
from wargame.engine import Game
from wargame.engine.detection import (
    detect_and_track,
    detection_probability,
    jam_strobes,
    jammed_reach,
    looks_in_turn,
)
from wargame.engine.geometry import radar_horizon_km, snr, swerling1_pd
from wargame.engine.scenario import Scenario, reference_snr
from wargame.engine.state import ACTIVE


def test_radar_horizon_matches_the_four_thirds_earth_rule_by_hand() -> None:
    # 25 m mast, 50 m cruise missile: 4.12 * (5 + 7.0711) = 49.733 km.
    assert float(radar_horizon_km(25.0, 50.0)) == pytest.approx(49.733, abs=1e-3)
    # 10 m antenna, 10 km fighter: 4.12 * (3.1623 + 100) = 425.03 km.
    assert float(radar_horizon_km(10.0, 10_000.0)) == pytest.approx(425.03, abs=1e-2)


def test_signal_to_noise_falls_as_the_fourth_power_of_range_and_grows_with_rcs() -> None:
    assert float(snr(20.0, 1.0, 100.0, 100.0)) == pytest.approx(20.0)
    assert float(snr(20.0, 1.0, 100.0, 200.0)) == pytest.approx(20.0 / 16.0)
    assert float(snr(20.0, 0.1, 100.0, 50.0)) == pytest.approx(20.0 * 0.1 * 16.0)


def test_reference_snr_gives_back_the_stated_pd_at_the_stated_range() -> None:
    # Pfa 1e-6, Pd 0.5: SNR = ln(1e-6)/ln(0.5) - 1 = 18.93 (12.8 dB).
    s = reference_snr(0.5, 1e-6)
    assert s == pytest.approx(math.log(1e-6) / math.log(0.5) - 1.0)
    assert s == pytest.approx(18.93, abs=0.01)
    assert float(swerling1_pd(1e-6, s)) == pytest.approx(0.5)


def _one_radar_one_threat(
    loaded: LoadedCampaign, range_km: float, rcs: float | None = None
) -> tuple[Game, int, int]:
    """The first-contact game with one fighter put at `range_km` east of Big Bird, high up."""
    game = Game.new(loaded, 1)
    st = game.state
    radar = game.scenario.r_name.index("Big Bird")
    threat = int(np.flatnonzero(game.scenario.t_class == 0)[0])  # a fighter slot
    st.status[:] = 0
    st.status[threat] = ACTIVE
    st.x[threat] = st.r_x[radar] - range_km
    st.y[threat] = st.r_y[radar]
    st.alt[threat] = 10_000.0
    st.emitting[:] = False
    st.emitting[radar] = True
    if rcs is not None:
        game.scenario.t_rcs[threat] = rcs
    return game, radar, threat


@pytest.mark.parametrize("range_km", [150.0, 240.0, 300.0, 340.0])
def test_detection_frequency_matches_swerling_one_at_several_ranges(
    first_contact: LoadedCampaign, range_km: float
) -> None:
    game, radar, threat = _one_radar_one_threat(first_contact, range_km)
    sc, st = game.scenario, game.state
    rcs = float(sc.t_rcs[threat])
    slant = math.hypot(range_km, (10_000.0 - 10.0) / 1000.0)
    s = reference_snr(0.5, 1e-6) * rcs * (240.0 / slant) ** 4
    expected = (1e-6) ** (1.0 / (1.0 + s))
    computed = detection_probability(sc, st, np.array([radar]), np.array([threat]))[0, 0]
    assert computed == pytest.approx(expected, rel=1e-9)
    # A 30 s turn holds three looks of the 91N6E's 10 s scan, each an independent
    # Swerling-1 draw: at least one detects with 1 - (1 - Pd)^3.
    assert looks_in_turn(sc, 1)[radar] == 3
    per_turn = 1.0 - (1.0 - expected) ** 3
    runs = 4000
    hits = 0
    for turn in range(1, runs + 1):
        st.turn = turn
        st.seen_by[:] = -1
        detect_and_track(sc, st, seed=11, events=[])
        hits += int(st.seen_by[radar, threat] == turn)
    se = math.sqrt(per_turn * (1 - per_turn) / runs)
    assert abs(hits / runs - per_turn) <= 4 * se + 1e-12


def test_a_target_below_the_horizon_is_never_detected(first_contact: LoadedCampaign) -> None:
    game, radar, threat = _one_radar_one_threat(first_contact, 60.0)
    game.state.alt[threat] = 50.0  # horizon 4.12*(sqrt(10)+sqrt(50)) = 42.2 km < 60 km
    pd = detection_probability(game.scenario, game.state, np.array([radar]), np.array([threat]))
    assert pd[0, 0] == 0.0


def test_self_screening_jammer_burns_through_at_the_closed_form_range(
    first_contact: LoadedCampaign,
) -> None:
    game, radar, threat = _one_radar_one_threat(first_contact, 100.0)
    jnr_db = 30.0
    sc, st = _make_jammer(game, threat, jnr_db), game.state
    rcs = float(sc.t_rcs[threat])

    # Pd = 0.5 needs SNR_eff = s0. With x = R²: s0·σ·R0⁴/x² = s0·(1 + J0·100²/x)
    #   => x² + J0·1e4·x − σ·R0⁴ = 0.
    j0 = 10 ** (jnr_db / 10)
    a, b, c = 1.0, j0 * 1e4, -rcs * 240.0**4
    burn_through = math.sqrt((-b + math.sqrt(b * b - 4 * a * c)) / (2 * a))
    # The closed form is in slant range; the target flies at 10 km, the antenna at 10 m.
    height_km = (10_000.0 - 10.0) / 1000.0
    for factor, compare in ((1.0, "equal"), (0.8, "above"), (1.25, "below")):
        ground = math.sqrt((burn_through * factor) ** 2 - height_km**2)
        st.x[threat] = st.r_x[radar] - ground
        pd = detection_probability(sc, st, np.array([radar]), np.array([threat]))[0, 0]
        if compare == "equal":
            assert pd == pytest.approx(0.5, abs=1e-9)
        elif compare == "above":
            assert pd > 0.5
        else:
            assert pd < 0.5
    # Unjammed, the same target is seen at Pd 0.5 much farther out.
    assert burn_through < 240.0 * rcs**0.25 / 2


def test_a_silent_radar_detects_nothing(first_contact: LoadedCampaign) -> None:
    game, radar, threat = _one_radar_one_threat(first_contact, 50.0)
    game.state.emitting[radar] = False
    game.state.turn = 1
    events: list[object] = []
    detect_and_track(game.scenario, game.state, seed=3, events=events)  # type: ignore[arg-type]
    assert game.state.track_id[threat] == -1
    assert events == []


def test_a_stand_off_jammer_masks_targets_in_its_main_lobe_and_less_in_the_sidelobes(
    first_contact: LoadedCampaign,
) -> None:
    game, radar, threat = _one_radar_one_threat(first_contact, 200.0)
    sc, st = game.scenario, game.state
    jammer = int(np.flatnonzero(sc.t_class == 1)[0]) if (sc.t_class == 1).any() else threat + 1
    sc = _make_jammer(game, jammer, 30.0)  # 30 dB J/N at 100 km
    st.status[jammer] = ACTIVE
    st.alt[jammer] = 8000.0
    clear = detection_probability(sc, st, np.array([radar]), np.array([threat]))[0, 0]
    # Behind the target on the same bearing, 300 km out: main lobe.
    st.x[jammer], st.y[jammer] = st.r_x[radar] - 300.0, st.r_y[radar]
    main = detection_probability(sc, st, np.array([radar]), np.array([threat]))[0, 0]
    # Same range, 90 degrees off: sidelobe, 30 dB down.
    st.x[jammer], st.y[jammer] = st.r_x[radar], st.r_y[radar] + 300.0
    side = detection_probability(sc, st, np.array([radar]), np.array([threat]))[0, 0]
    assert main < side < clear
    # By hand: J/N = 1000·(100/300)² = 111.1 in the main lobe, 0.111 in a -30 dB sidelobe.
    slant = math.hypot(200.0, (10_000.0 - 10.0) / 1000.0)
    s = reference_snr(0.5, 1e-6) * float(sc.t_rcs[threat]) * (240.0 / slant) ** 4
    j_slant2 = 300.0**2 + ((8000.0 - 10.0) / 1000.0) ** 2
    j_main = 1000.0 * 100.0**2 / j_slant2
    assert main == pytest.approx(1e-6 ** (1 / (1 + s / (1 + j_main))), rel=1e-9)
    assert side == pytest.approx(1e-6 ** (1 / (1 + s / (1 + j_main / 1000.0))), rel=1e-9)


def _make_jammer(game: Game, slot: int, jnr_db: float) -> Scenario:
    """The game's scenario with this threat jamming at `jnr_db` J/N at 100 km."""
    jnr = game.scenario.t_jnr.copy()
    jnr[slot] = 10 ** (jnr_db / 10)
    game.scenario = dataclasses.replace(
        game.scenario, t_jnr=jnr, noise_slots=np.flatnonzero(jnr > 0.0)
    )
    return game.scenario


def _jammer_west(loaded: LoadedCampaign) -> tuple[Game, int, int]:
    """Big Bird on the air alone, a 30 dB (at 100 km) stand-off jammer 300 km due west of
    it at 8 km; the fighter of `_one_radar_one_threat` stays where it is put."""
    game, radar, threat = _one_radar_one_threat(loaded, 200.0)
    jammer = threat + 1
    _make_jammer(game, jammer, 30.0)
    st = game.state
    st.status[jammer] = ACTIVE
    st.alt[jammer] = 8000.0
    st.x[jammer], st.y[jammer] = st.r_x[radar] - 300.0, st.r_y[radar]
    return game, radar, jammer


def test_a_radar_on_the_air_shows_a_strobe_on_the_jammer_s_bearing(
    first_contact: LoadedCampaign,
) -> None:
    game, radar, _ = _jammer_west(first_contact)
    (strobe,) = jam_strobes(game.scenario, game.state)
    # Due west; J/N = 1000 (100/R)², R the slant range: 111.1, 20.46 dB.
    j_slant2 = 300.0**2 + ((8000.0 - 10.0) / 1000.0) ** 2
    assert strobe.radar == radar
    assert strobe.bearing_deg == pytest.approx(270.0)
    assert strobe.jnr_db == pytest.approx(10 * math.log10(1000.0 * 100.0**2 / j_slant2))
    # A silent radar hears nothing here; nor does one below the jammer's horizon.
    game.state.emitting[radar] = False
    assert jam_strobes(game.scenario, game.state) == []
    game.state.emitting[radar] = True
    jammer = int(np.flatnonzero(game.scenario.t_jnr)[0])
    game.state.alt[jammer] = 1.0  # 300 km out at 1 m: far below the horizon
    assert jam_strobes(game.scenario, game.state) == []


def test_the_jammed_reach_is_where_the_stated_pd_is_kept(first_contact: LoadedCampaign) -> None:
    # R = R_ref (1 + J/N)^(-1/4): main lobe towards the jammer, sidelobe (-30 dB) elsewhere.
    game, radar, _ = _jammer_west(first_contact)
    sc, st = game.scenario, game.state
    j_main = 1000.0 * 100.0**2 / (300.0**2 + ((8000.0 - 10.0) / 1000.0) ** 2)
    west, north = math.pi, math.pi / 2
    reach = jammed_reach(sc, st, radar, np.array([west, north]))
    ref = float(sc.r_range_ref[radar])
    assert reach[0] == pytest.approx(ref * (1 + j_main) ** -0.25)
    assert reach[1] == pytest.approx(ref * (1 + j_main / 1000.0) ** -0.25)
    # A 1 m² target that far (slant range), 10 km up, is seen at the stated Pd (0.5).
    target = int(np.flatnonzero(sc.t_class == 0)[0])
    sc.t_rcs[target] = 1.0
    for bearing, km in zip((west, north), reach.tolist(), strict=True):
        ground = math.sqrt(km**2 - ((10_000.0 - float(sc.r_height[radar])) / 1000.0) ** 2)
        st.x[target] = st.r_x[radar] + ground * math.cos(bearing)
        st.y[target] = st.r_y[radar] + ground * math.sin(bearing)
        st.alt[target] = 10_000.0
        pd = detection_probability(sc, st, np.array([radar]), np.array([target]))[0, 0]
        assert pd == pytest.approx(0.5, rel=1e-9)
