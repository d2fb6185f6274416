"""Imperfect tracks against their closed forms: the radars' measurement errors
(Skolnik), the filter's steady state (Kalata; Benedict and Bordner), a new track's
growing knowledge, the kill probability a poor track costs, and the dice behind them."""

from __future__ import annotations

import dataclasses
import math
from types import SimpleNamespace

import numpy as np
import pytest

from wargame.campaign import LoadedCampaign
from wargame.engine import Game, Order
from wargame.engine import tracking as trk
from wargame.engine.codes import ROLE_FALSE
from wargame.engine.detection import detect_and_track
from wargame.engine.events import Event, MissileLaunched
from wargame.engine.fire_control import Engagement, launch, options_of_missile
from wargame.engine.fire_control.planning import FIRM_TRACK_AIM, plan_engagements
from wargame.engine.geometry import edge_factor
from wargame.engine.scenario import CLASS_CODE, reference_snr
from wargame.engine.state import ACTIVE, State
from wargame.view.picture import track_rows

BIG_BIRD_CELL_KM = 0.150  # the 91N6E's range cell
BEAM_RAD = math.radians(2.0)  # every catalogue radar's beamwidth
FIGHTER_ALT_M = 10_000.0


# ------------------------------------------------------------ measurements


def _lone_fighter(loaded: LoadedCampaign, snr: float) -> tuple[Game, int, int, float]:
    """First Contact with Big Bird alone on the air and one fighter due west of it, 10 km
    up, at the ground range where its mean signal-to-noise is `snr`."""
    game = Game.new(loaded, 1)
    sc, st = game.scenario, game.state
    radar = sc.r_name.index("Big Bird")
    threat = int(np.flatnonzero(sc.t_class == CLASS_CODE["fighter"])[0])
    st.status[:] = 0
    st.status[threat] = ACTIVE
    st.emitting[:] = False
    st.emitting[radar] = True
    height_km = (FIGHTER_ALT_M - 10.0) / 1000.0
    slant = 240.0 * (reference_snr(0.5, 1e-6) * float(sc.t_rcs[threat]) / snr) ** 0.25
    ground = math.sqrt(slant**2 - height_km**2)
    st.x[threat], st.y[threat] = st.r_x[radar] - ground, st.r_y[radar]
    st.alt[threat] = FIGHTER_ALT_M
    return game, radar, threat, ground


def _first_looks(game: Game, radar: int, threat: int, turns: int) -> tuple[np.ndarray, np.ndarray]:
    """(range errors in km, bearing errors in radians) of the track each detection starts,
    turn after turn, the track forgotten before each turn."""
    sc, st = game.scenario, game.state
    truth_range = math.hypot(st.x[threat] - st.r_x[radar], st.y[threat] - st.r_y[radar])
    truth_bearing = math.atan2(st.y[threat] - st.r_y[radar], st.x[threat] - st.r_x[radar])
    ranges, bearings = [], []
    for turn in range(1, turns + 1):
        st.turn = turn
        st.track_id[threat] = -1
        detect_and_track(sc, st, seed=5, events=[])
        if st.track_last[threat] == turn:
            dx, dy = st.track_x[threat] - st.r_x[radar], st.track_y[threat] - st.r_y[radar]
            ranges.append(math.hypot(dx, dy) - truth_range)
            bearings.append(math.remainder(math.atan2(dy, dx) - truth_bearing, math.tau))
    return np.array(ranges), np.array(bearings)


def _spread_within_four_standard_errors(errors: np.ndarray, sigma: float) -> None:
    n = errors.size
    assert n > 400
    assert abs(errors.mean()) <= 4 * sigma / math.sqrt(n)
    assert abs(errors.std() - sigma) <= 4 * sigma / math.sqrt(2 * n)


def test_a_detection_measures_range_and_bearing_with_skolnik_s_errors(
    first_contact: LoadedCampaign,
) -> None:
    # SNR 8: σ_R = 150 m / √16 = 37.5 m, σ_θ = 2° / (1.6 · 4) = 0.3125°.
    game, radar, threat, _ = _lone_fighter(first_contact, snr=8.0)
    ranges, bearings = _first_looks(game, radar, threat, turns=3000)
    _spread_within_four_standard_errors(ranges, BIG_BIRD_CELL_KM / 4.0)
    _spread_within_four_standard_errors(bearings, BEAM_RAD / 6.4)


def test_jamming_widens_the_errors_as_its_signal_to_noise_says(
    first_contact: LoadedCampaign,
) -> None:
    game, radar, threat, _ = _lone_fighter(first_contact, snr=16.0)
    # A stand-off jammer due west, 100 km out on the fighter's bearing (main lobe), as
    # strong as the receiver's noise: SNR_eff = 16 / (1 + 1) = 8, and the errors are
    # those of SNR 8 (unjammed, √2 narrower).
    jammer = threat + 1
    sc, st = game.scenario, game.state
    st.status[jammer] = ACTIVE
    st.alt[jammer] = 8000.0
    st.x[jammer], st.y[jammer] = st.r_x[radar] - 100.0, st.r_y[radar]
    j_slant2 = 100.0**2 + ((8000.0 - 10.0) / 1000.0) ** 2
    jnr = sc.t_jnr.copy()
    jnr[jammer] = j_slant2 / 100.0**2  # J/N = jnr · 100² / R² = 1
    game.scenario = dataclasses.replace(sc, t_jnr=jnr, noise_slots=np.array([jammer]))
    ranges, bearings = _first_looks(game, radar, threat, turns=3000)
    _spread_within_four_standard_errors(ranges, BIG_BIRD_CELL_KM / 4.0)
    _spread_within_four_standard_errors(bearings, BEAM_RAD / 6.4)


def test_errors_are_held_between_a_tenth_and_half_of_the_cell() -> None:
    snr = np.array([0.1, 8.0, 1e4])
    sigma_r, sigma_theta = trk.measurement_sigmas(np.full(3, 0.150), np.full(3, BEAM_RAD), snr)
    assert sigma_r == pytest.approx([0.075, 0.0375, 0.015])
    assert sigma_theta == pytest.approx([BEAM_RAD / 2, BEAM_RAD / 6.4, BEAM_RAD / 10])
    # The filter takes the larger of the two errors: across the line of sight, far out.
    var = trk.measurement_variance(np.array([200.0]), sigma_r[1:2], sigma_theta[1:2])
    assert var[0] == pytest.approx((200.0 * BEAM_RAD / 6.4) ** 2)


# ------------------------------------------------------------------ filter


def _tracks(n: int) -> SimpleNamespace:
    """The filter's arrays of n tracks, as the state holds them."""
    names = ("x", "y", "vx", "vy", "pos_var", "pos_vel_cov", "vel_var")
    return SimpleNamespace(**{f"track_{name}": np.zeros(n) for name in names})


def _fly_straight(
    n: int, looks: int, gap_s: float, sigma_m: float, seed: int
) -> tuple[SimpleNamespace, np.ndarray, np.ndarray]:
    """n tracks on targets flying straight at 250 m/s, measured `looks` times `gap_s`
    apart with per-axis error `sigma_m`; the tracks and the targets' last positions."""
    rng = np.random.default_rng(seed)
    tracks = _tracks(n)
    slots = np.arange(n)
    vx, vy = 0.25, -0.1
    x, y = np.full(n, 100.0), np.full(n, 50.0)
    var = np.full(n, sigma_m**2)
    for look in range(looks):
        zx = x + rng.normal(0.0, sigma_m, n)
        zy = y + rng.normal(0.0, sigma_m, n)
        if look == 0:
            first = trk.Measurements(
                slots, zx, zy, var, np.ones(n, dtype=np.int64), np.full(n, gap_s), np.zeros((2, n))
            )
            trk.initiate(tracks, first)  # type: ignore[arg-type]
        else:
            trk.kalman_step(tracks, slots, np.full(n, gap_s), zx, zy, var)  # type: ignore[arg-type]
        x, y = x + vx * gap_s, y + vy * gap_s
    return tracks, x - vx * gap_s, y - vy * gap_s


@pytest.mark.parametrize("gap_s", [5.0, 10.0, 60.0])
def test_the_filter_settles_on_kalata_s_gains_whatever_the_turn(gap_s: float) -> None:
    sigma_m = 0.5
    tracks, _, _ = _fly_straight(1, 400, gap_s, sigma_m, seed=1)
    alpha, beta = trk.kalata_gains(trk.MANOEUVRE_KMS2 * gap_s**2 / sigma_m)
    var = sigma_m**2
    # Steady state of the white-acceleration Kalman filter (Bar-Shalom, §6.5).
    assert tracks.track_pos_var[0] == pytest.approx(alpha * var, rel=1e-9)
    assert tracks.track_pos_vel_cov[0] == pytest.approx(beta / gap_s * var, rel=1e-9)
    assert tracks.track_vel_var[0] == pytest.approx(
        beta * (alpha - beta / 2) / ((1 - alpha) * gap_s**2) * var, rel=1e-9
    )


@pytest.mark.parametrize("gap_s", [5.0, 10.0, 60.0])
def test_against_a_straight_flier_the_error_left_is_benedict_and_bordner_s(
    gap_s: float,
) -> None:
    sigma_m = 0.5
    tracks, x, y = _fly_straight(4000, 300, gap_s, sigma_m, seed=2)
    errors = np.concatenate([tracks.track_x - x, tracks.track_y - y])
    alpha, beta = trk.kalata_gains(trk.MANOEUVRE_KMS2 * gap_s**2 / sigma_m)
    expected = float(trk.noise_only_variance_ratio(alpha, beta)) * sigma_m**2
    n = errors.size
    assert abs(errors.mean()) <= 4 * math.sqrt(expected / n)
    # The variance of n normal errors has a standard error of σ² √(2/n).
    assert abs(errors.var() - expected) <= 4 * expected * math.sqrt(2 / n)


def test_a_new_track_knows_no_velocity_and_two_looks_give_it_by_differencing() -> None:
    sigma_m, gap_s = 0.5, 10.0
    one, _, _ = _fly_straight(1, 1, gap_s, sigma_m, seed=3)
    assert one.track_vx[0] == one.track_vy[0] == 0.0
    assert one.track_pos_var[0] == sigma_m**2
    assert one.track_vel_var[0] == trk.UNKNOWN_SPEED_KMS**2
    two, _, _ = _fly_straight(1, 2, gap_s, sigma_m, seed=3)
    # Two points T apart: velocity (z2 − z1) / T, of variance 2 σ² / T² (to the prior's
    # and the manoeuvre's small part).
    assert two.track_vel_var[0] == pytest.approx(2 * sigma_m**2 / gap_s**2, rel=0.01)
    assert two.track_pos_var[0] == pytest.approx(sigma_m**2, rel=0.01)


def test_with_no_manoeuvre_expected_k_looks_give_the_least_squares_line_s_errors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(trk, "MANOEUVRE_KMS2", 0.0)
    sigma_m, gap_s = 0.5, 10.0
    before = math.inf
    for k in range(2, 8):
        tracks, _, _ = _fly_straight(1, k, gap_s, sigma_m, seed=4)
        # A straight line fitted to k points: at the last, 2(2k−1)/(k(k+1)) σ²; its
        # slope 12 σ² / (T² k (k²−1)).
        assert tracks.track_pos_var[0] == pytest.approx(
            2 * (2 * k - 1) / (k * (k + 1)) * sigma_m**2, rel=0.01
        )
        assert tracks.track_vel_var[0] == pytest.approx(
            12 * sigma_m**2 / (gap_s**2 * k * (k * k - 1)), rel=0.01
        )
        ahead = tracks.track_pos_var[0] + 120.0 * (
            2 * tracks.track_pos_vel_cov[0] + 120.0 * tracks.track_vel_var[0]
        )
        assert ahead < before  # two minutes ahead, every look helps
        before = ahead


def test_a_new_track_s_prediction_improves_look_by_look_in_play(
    first_contact: LoadedCampaign,
) -> None:
    game = Game.new(first_contact, 2)
    sc = game.scenario
    followed, seen = -1, []
    while not game.over and len(seen) < 4:
        game.step([])
        st = game.state
        if followed < 0:
            # A real threat's: a false track's estimate has nothing to converge on.
            real = sc.t_role != ROLE_FALSE
            new = np.flatnonzero((st.track_id >= 0) & (st.track_hits == 1) & real)
            followed = int(new[0]) if new.size else -1
        if followed >= 0 and st.track_last[followed] == st.turn:
            seen.append(float(trk.position_variance(sc, st, np.array([followed]), 60.0)[0]))
    assert len(seen) == 4
    # A track made in one turn already has a heading from that turn's several looks
    # (the line through them); later turns refine it, by more than the measurements'
    # own ups and downs from turn to turn.
    assert seen[0] == max(seen)
    assert seen[0] > 4 * seen[-1]


# ---------------------------------------------------------- kill probability


@pytest.fixture(scope="module")
def fighter_track(first_contact: LoadedCampaign) -> tuple[Game, int]:
    """First Contact, seed 1, at the first fighter track."""
    game = Game.new(first_contact, 1)
    while not game.over:
        game.step([])
        st = game.state
        live = (st.track_id >= 0) & (st.status == ACTIVE)
        fighters = np.flatnonzero(live & (game.scenario.t_class == CLASS_CODE["fighter"]))
        if fighters.size:
            return game, int(fighters[0])
    raise AssertionError("no fighter track")


def _still_track(game: Game, slot: int, pos_var: float, vel_var: float, coast: int) -> State:
    """The track held still 60 km east of fire unit 0's radar, 12 km up, last updated
    `coast` turns ago with these variances; the unit given rounds of every type."""
    sc, st = game.scenario, game.state.copy()
    radar = sc.f_radar[0]
    st.track_x[slot], st.track_y[slot] = st.r_x[radar] + 60.0, st.r_y[radar]
    st.track_vx[slot] = st.track_vy[slot] = 0.0
    st.track_alt[slot] = 12_000.0
    st.track_last[slot] = st.turn - coast
    st.track_pos_var[slot], st.track_pos_vel_cov[slot] = pos_var, 0.0
    st.track_vel_var[slot] = vel_var
    st.ready[0] = np.maximum(st.ready[0], 4)
    return st


@pytest.mark.parametrize(
    ("pos_var", "vel_var", "coast"), [(4.0, 0.0, 0), (0.25, 4e-4, 0), (0.25, 4e-4, 2)]
)
def test_a_poorer_track_costs_kill_probability_by_the_basket_factor(
    fighter_track: tuple[Game, int], pos_var: float, vel_var: float, coast: int
) -> None:
    game, slot = fighter_track
    sc = game.scenario
    m = sc.m_name.index("9M96-class")
    exact = options_of_missile(sc, _still_track(game, slot, 0.0, 0.0, 0), 0, slot, m)
    poor_state = _still_track(game, slot, pos_var, vel_var, coast)
    poor = options_of_missile(sc, poor_state, 0, slot, m)
    assert exact.missile[0, 0] == poor.missile[0, 0] == m
    # σ² at the intercept: P_xx + 2t P_xv + t² P_vv over the coasting time and one
    # guidance update (the missile is steered on the track in flight), t = coast +
    # min(tof, 5 s), and σ_a² coast⁴ / 4 of manoeuvre while it coasted.
    coast_s = coast * sc.dt
    t = coast_s + min(float(poor.tof[0, 0]), trk.GUIDANCE_UPDATE_S)
    sigma2 = pos_var + t * t * vel_var + trk.MANOEUVRE_KMS2**2 * coast_s**4 / 4
    factor = math.exp(-sigma2 / (2 * trk.SEEKER_BASKET_KM**2))
    assert poor.pk[0, 0] == pytest.approx(exact.pk[0, 0] * factor, rel=1e-9)
    assert poor.pk[0, 0] < exact.pk[0, 0]


def test_the_kill_roll_is_against_the_kill_probability_the_track_leaves(
    fighter_track: tuple[Game, int],
) -> None:
    game, slot = fighter_track
    sc = game.scenario
    m = sc.m_name.index("9M96-class")
    st = _still_track(game, slot, 4.0, 4e-4, 0)
    opt = options_of_missile(sc, st, 0, slot, m)
    salvo = Engagement(
        0, m, slot, 1, float(opt.pk[0, 0]), float(opt.range_km[0, 0]), float(opt.tof[0, 0]), True
    )
    launch(sc, st, [salvo], [])
    shot = st.shots[-1]
    ahead = min(float(opt.tof[0, 0]), trk.GUIDANCE_UPDATE_S)
    factor = math.exp(-(4.0 + ahead**2 * 4e-4) / (2 * trk.SEEKER_BASKET_KM**2))
    nominal = sc.m_pk[m, sc.t_class[slot]] * edge_factor(opt.range_km[0, 0] / sc.m_max_range[m])
    assert shot.pk_true == pytest.approx(nominal * factor, rel=1e-9)
    assert shot.pk_true == pytest.approx(shot.pk_planned, rel=1e-9)  # a real fighter


# -------------------------------------------------------------------- dice


def test_the_same_seed_gives_the_same_tracks_and_another_seed_others(
    first_contact: LoadedCampaign,
) -> None:
    def tracks(seed: int) -> np.ndarray:
        game = Game.new(first_contact, seed)
        for _ in range(16):
            game.step([])
        st = game.state
        return np.stack([st.track_x, st.track_y, st.track_vx, st.track_vy, st.track_pos_var])

    assert np.array_equal(tracks(7), tracks(7))
    assert not np.array_equal(tracks(7), tracks(8))


def test_an_extra_radar_moves_no_other_track_s_measurements(
    first_contact: LoadedCampaign,
) -> None:
    game = Game.new(first_contact, 3)
    sc = game.scenario
    big_bird, engagement = sc.r_name.index("Big Bird"), int(sc.f_radar[0])
    near, low = np.flatnonzero(sc.t_class == CLASS_CODE["fighter"])[:2]

    def after_five_turns(with_engagement: bool) -> State:
        st = game.state.copy()
        st.status[:] = 0
        st.status[[near, low]] = ACTIVE
        st.emitting[:] = False
        st.emitting[big_bird] = True
        st.emitting[engagement] = with_engagement
        st.r_x[big_bird], st.r_y[big_bird] = 500.0, 500.0
        # The engagement radar 50 km from the high fighter; the low one, 100 m up, 40 km
        # from Big Bird, is below its horizon 190 km away (4.12 (√25 + √100) = 62 km).
        st.r_x[engagement], st.r_y[engagement] = 650.0, 500.0
        st.x[near], st.y[near], st.alt[near] = 600.0, 500.0, 8000.0
        st.x[low], st.y[low], st.alt[low] = 460.0, 500.0, 100.0
        for turn in range(1, 6):
            st.turn = turn
            detect_and_track(sc, st, seed=9, events=[])
        return st

    alone, both = after_five_turns(False), after_five_turns(True)
    assert alone.track_last[low] == both.track_last[low] == 5
    assert both.seen_by[engagement, near] == 5 and both.seen_by[engagement, low] < 0
    for name in ("track_x", "track_y", "track_vx", "track_vy", "track_pos_var"):
        assert getattr(alone, name)[low] == getattr(both, name)[low]
    # The nearer radar measures the high fighter better: its track is another.
    assert alone.track_x[near] != both.track_x[near]
    assert both.track_pos_var[near] < alone.track_pos_var[near]


# -------------------------------------------------------------- blue view


def test_the_track_table_shows_each_track_s_error_growing_as_it_coasts(
    fighter_track: tuple[Game, int],
) -> None:
    game, slot = fighter_track
    sc = game.scenario
    st = _still_track(game, slot, 0.25, 4e-4, 0)
    (row,) = [r for r in track_rows(sc, st) if r.slot == slot]
    assert row.error_km == pytest.approx(0.5)  # √0.25, updated this turn
    # Two turns later, unseen: P_xx + t² P_vv + σ_a² t⁴ / 4, t = 2 turns.
    t = 2 * sc.dt
    st.track_last[slot] = st.turn - 2
    (row,) = [r for r in track_rows(sc, st) if r.slot == slot]
    coasted = 0.25 + t * t * 4e-4 + trk.MANOEUVRE_KMS2**2 * t**4 / 4
    assert row.error_km == pytest.approx(math.sqrt(coasted))


def test_a_track_made_from_several_looks_of_one_turn_has_the_line_fit_s_errors() -> None:
    """Seven 4 s looks in one 30 s turn: the track starts as the least-squares line
    through them, position variance 2(2n-1)/(n(n+1)) σ², velocity 12/(s² n(n²-1)) σ²,
    their covariance 6/(s n(n+1)) σ²; its drawn errors have that spread."""
    n, sigma2, s = 20_000, 0.25, 4.0
    pp, pv, vv = trk.line_fit_covariance(np.array([sigma2]), np.array([7]), np.array([s]))
    assert (pp[0], pv[0], vv[0]) == pytest.approx(
        (sigma2 * 26 / 56, sigma2 * 6 / (4 * 56), sigma2 * 12 / (16 * 7 * 48))
    )
    two = trk.line_fit_covariance(np.array([sigma2]), np.array([2]), np.array([s]))
    assert [float(v[0]) for v in two] == pytest.approx([sigma2, sigma2 / s, 2 * sigma2 / s**2])
    rng = np.random.default_rng(5)
    state = _tracks(n)
    state.x, state.y = np.zeros(n), np.zeros(n)
    state.vx, state.vy = np.full(n, 0.25), np.zeros(n)
    slots = np.arange(n)
    # The turn's measurement is the seven looks' average: variance σ²/7 per axis.
    looks = trk.Measurements(
        slots,
        rng.normal(0.0, (sigma2 / 7) ** 0.5, n),
        rng.normal(0.0, (sigma2 / 7) ** 0.5, n),
        np.full(n, sigma2),
        np.full(n, 7, dtype=np.int64),
        np.full(n, s),
        rng.standard_normal((2, n)),
    )
    trk.initiate(state, looks)  # type: ignore[arg-type]
    ex, ev = state.track_x, state.track_vx - 0.25
    for value, expected in ((ex.var(), pp[0]), (ev.var(), vv[0]), ((ex * ev).mean(), pv[0])):
        assert value == pytest.approx(expected, rel=0.05)
    assert state.track_vel_var == pytest.approx(vv[0])


def test_automatic_fire_waits_for_a_track_with_a_heading(first_contact: LoadedCampaign) -> None:
    """The first launch of First Contact, undone: fire control fires at that track as it
    is; made a one-look track (its velocity unknown, σ_v = 1 km/s), a round would keep
    exp(-(σ² + 25 s² · 1 km²/s²) / 50 km²) ≈ 0.6 of its kill probability, under the 0.8 a
    fire solution needs, and fire control holds; nor may an order aim at it. A poor track
    with a heading is left by automatic fire and taken by an order."""
    game = Game.new(first_contact, 1)
    while True:
        before = game.state.copy()
        launched = [e for e in game.step([]) if isinstance(e, MissileLaunched)]
        if launched:
            break
    threat = launched[0].threat
    st = game.state.copy()
    st.shots = [shot for shot in st.shots if shot.threat != threat]
    st.ready, st.fired, st.shots_at = before.ready.copy(), before.fired.copy(), before.shots_at
    sc = game.scenario
    assert any(e.threat == threat for e in plan_engagements(sc, st.copy(), [], []))
    one_look = st.copy()
    one_look.track_vel_var[threat] = trk.UNKNOWN_SPEED_KMS**2
    one_look.track_pos_vel_cov[threat] = 0.0
    aim = float(trk.intercept_aim(sc, one_look, np.array([threat]), np.array([60.0]))[0])
    assert aim == pytest.approx(math.exp(-(one_look.track_pos_var[threat] + 25.0) / 50.0))
    assert aim < FIRM_TRACK_AIM
    assert not any(e.threat == threat for e in plan_engagements(sc, one_look.copy(), [], []))
    # Nor can an order aim at it: it has no heading, so no intercept point.
    order = Order(
        one_look.turn, launched[0].fire_unit, "engage", track=int(one_look.track_id[threat])
    )
    refused: list[Event] = []
    assert not any(e.threat == threat for e in plan_engagements(sc, one_look, [order], refused))
    assert "one look, no heading yet" in str(refused)
    # A poor track that has a heading (σ_v² = 0.5 km²/s²: 12.5 km² over one update, so
    # a round keeps about 0.75) is left by automatic fire and taken by an order.
    poor = st.copy()
    poor.track_vel_var[threat] = 0.5
    poor.track_pos_vel_cov[threat] = 0.0
    aim = float(trk.intercept_aim(sc, poor, np.array([threat]), np.array([60.0]))[0])
    assert 0.6 < aim < FIRM_TRACK_AIM
    assert not any(e.threat == threat for e in plan_engagements(sc, poor.copy(), [], []))
    ordered = plan_engagements(sc, poor.copy(), [order], [])
    assert any(e.threat == threat and e.manual for e in ordered)


def test_in_play_the_filter_never_claims_more_accuracy_than_it_has(
    first_contact: LoadedCampaign,
) -> None:
    """Five games of First Contact: at every update of a track with a heading, the
    squared distance from its estimate to the truth against the filter's own variance
    (both axes). Taking each measurement as the circle of its larger error, the filter
    is cautious: the errors come out at about half its variance, and never above it."""
    errors, variances = [], []
    for seed in range(1, 6):
        game = Game.new(first_contact, seed)
        while not game.over:
            game.step([])
            st = game.state
            fresh = np.flatnonzero((st.track_id >= 0) & (st.track_last == st.turn))
            fresh = fresh[(st.status[fresh] == ACTIVE) & trk.has_heading(st, fresh)]
            dx, dy = st.track_x[fresh] - st.x[fresh], st.track_y[fresh] - st.y[fresh]
            errors += (dx * dx + dy * dy).tolist()
            variances += (2.0 * st.track_pos_var[fresh]).tolist()
    assert len(errors) > 300
    ratio = float(np.mean(errors) / np.mean(variances))
    assert 0.3 < ratio < 1.0
