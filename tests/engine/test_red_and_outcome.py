"""Red behaviour and how games end: ARMs against emitters, and orders that win or lose."""

from __future__ import annotations

import numpy as np
import pytest

from wargame.campaign import LoadedCampaign
from wargame.engine import Game, Order
from wargame.engine.events import ArmLaunched, ArmMissed, Event, RadarDestroyed
from wargame.engine.intercept import standing_on_sites, strike_arrives
from wargame.engine.red import fire_arms
from wargame.engine.scenario import CLASS_CODE, TARGET_ASSET
from wargame.engine.state import ACTIVE, NEVER


def _play(
    loaded: LoadedCampaign, seed: int, orders: dict[int, list[Order]]
) -> tuple[Game, list[Event]]:
    game = Game.new(loaded, seed)
    log: list[Event] = []
    while not game.over:
        log.extend(game.step(orders.get(game.turn + 1, [])))
    return game, log


HOLD = Order(1, "Target FU", "weapons", setting="hold")


def test_an_arm_destroys_a_radar_that_keeps_emitting(arm_duel: LoadedCampaign) -> None:
    _, log = _play(arm_duel, 5, {1: [HOLD]})
    launched = [e for e in log if isinstance(e, ArmLaunched)]
    assert launched and launched[0].radar == "Target FU"
    destroyed = [e for e in log if isinstance(e, RadarDestroyed)]
    assert [(e.radar, e.by) for e in destroyed] == [("Target FU", "arm")]


def test_an_arm_misses_a_radar_that_goes_silent_before_it_arrives(arm_duel: LoadedCampaign) -> None:
    game = Game.new(arm_duel, 5)
    log = game.step([HOLD])
    while not any(isinstance(e, ArmLaunched) for e in log):
        log = game.step([])
    log = game.step([Order(game.turn + 1, "Target FU", "emission", setting="off")])
    while not game.over:
        log.extend(game.step([]))
    assert [(e.radar, e.reason) for e in log if isinstance(e, ArmMissed)] == [
        ("Target FU", "radar silent")
    ]
    assert not [e for e in log if isinstance(e, RadarDestroyed)]


@pytest.mark.parametrize(("distance_km", "fires"), [(91.9, True), (92.0, False), (110.0, False)])
def test_an_arm_is_fired_only_in_line_of_sight(
    arm_duel: LoadedCampaign, distance_km: float, fires: bool
) -> None:
    """The SEAD fighter flies at 300 m, the radar's antenna stands 25 m up: they see each
    other within 4.12 (sqrt 25 + sqrt 300) = 91.96 km, well inside the ARM's 120 km."""
    game = Game.new(arm_duel, 5)
    sc = game.scenario
    while game.state.status[sc.sead_slots[0]] != ACTIVE:
        game.step([HOLD] if game.turn == 0 else [])
    st = game.state.copy()
    aircraft, radar = int(sc.sead_slots[0]), sc.r_name.index("Target FU")
    assert st.alt[aircraft] == 300.0 and st.emitting[radar]
    st.flown[aircraft] = sc.t_total[aircraft]  # on its station, where it may fire
    st.x[aircraft], st.y[aircraft] = st.r_x[radar] - distance_km, st.r_y[radar]
    events: list[Event] = []
    fire_arms(sc, st, events)
    assert [isinstance(e, ArmLaunched) for e in events] == ([True] if fires else [])


def test_a_radar_silent_from_the_start_draws_no_arm(arm_duel: LoadedCampaign) -> None:
    _, log = _play(arm_duel, 5, {1: [HOLD, Order(1, "Target FU", "emission", setting="off")]})
    assert not [e for e in log if isinstance(e, ArmLaunched)]


def test_first_contact_is_won_on_default_doctrine(first_contact: LoadedCampaign) -> None:
    game, _ = _play(first_contact, 7, {})
    assert game.outcome is not None
    assert (game.outcome.termination, game.outcome.result) == ("raids_spent", "victory")


def test_first_contact_is_lost_when_every_fire_unit_holds_fire(
    first_contact: LoadedCampaign,
) -> None:
    hold = [Order(1, u, "weapons", setting="hold") for u in ("FU Alpha", "FU Bravo", "FU Charlie")]
    game, _ = _play(first_contact, 7, {1: hold})
    assert game.outcome is not None
    assert (game.outcome.termination, game.outcome.result) == ("defence_collapsed", "defeat")
    assert game.outcome.score.asset_value_lost >= 0.5 * 1400


def test_a_fire_unit_cut_off_from_its_command_post_fights_on_its_own_radar_only(
    first_contact: LoadedCampaign,
) -> None:
    from wargame.engine.fire_control import picture

    game = Game.new(first_contact, 7)
    sc = game.scenario
    alpha = sc.f_name.index("FU Alpha")
    own_radar = sc.f_radar[alpha]
    others = np.setdiff1d(sc.cp_radars[sc.r_cp[own_radar]], [own_radar])

    def held_by_others() -> np.ndarray:
        # A false track is held by the radar that raised it alone, which may be FU
        # Alpha's own: the track taken is one another radar of its post holds.
        st = game.state
        return np.flatnonzero((st.track_id >= 0) & (st.seen_by[others] >= st.turn).any(axis=0))

    while not held_by_others().size:
        game.step([])
    st = game.state
    # One track that only the battalion's other radars hold.
    others_only = int(held_by_others()[0])
    st.seen_by[own_radar, others_only] = NEVER
    linked = set(picture(sc, st, alpha).tolist())
    st.cp_alive[:] = False
    alone = set(picture(sc, st, alpha).tolist())
    fresh = st.turn - first_contact.campaign.rules.track_coast_turns
    seen_by_own = {int(j) for j in range(sc.n_threats) if st.seen_by[own_radar, j] >= fresh}
    assert alone <= seen_by_own
    assert others_only in linked - alone  # the other radars' tracks are lost with the post


def _strike_on_aldmouth(loaded: LoadedCampaign, roll: float) -> tuple[Game, list[Event]]:
    """First Contact with Big Bird and the command post moved onto Aldmouth's site (the
    acquisition radar 0.4 km off), and a cruise missile arriving there with this roll."""
    game = Game.new(loaded, 1)
    sc, st = game.scenario, game.state
    port = sc.a_name.index("Aldmouth port")
    x, y = (float(v) for v in sc.a_position[port])
    radar, cp = sc.r_name.index("Big Bird"), sc.c_name.index("1st Battalion CP")
    st.r_x[radar], st.r_y[radar] = x + 0.4, y
    sc.c_position[cp] = (x, y)
    j = int(np.flatnonzero(sc.t_class == CLASS_CODE["cruise_missile"])[0])
    st.status[j] = ACTIVE
    st.target_kind[j], st.target_index[j] = TARGET_ASSET, port
    log: list[Event] = []
    strike_arrives(sc, st, j, roll, log, standing_on_sites(sc, st))
    return game, log


def test_a_hit_on_a_site_destroys_the_radars_standing_on_it(first_contact: LoadedCampaign) -> None:
    # Aldmouth port's hardness 0.2 and the post's 0.6: a roll of 0.3 hits both.
    game, log = _strike_on_aldmouth(first_contact, 0.3)
    sc = game.scenario
    assert sc.a_hardness[sc.a_name.index("Aldmouth port")] == 0.2
    assert sc.c_hardness[0] == 0.6
    assert [e.kind for e in log] == ["leaker", "radar_destroyed", "command_post_destroyed"]
    destroyed = log[1]
    assert isinstance(destroyed, RadarDestroyed)
    assert (destroyed.radar, destroyed.by) == ("Big Bird", "strike")
    assert not game.state.radar_alive[sc.r_name.index("Big Bird")]
    # The fire units' own radars, kilometres away, are untouched.
    assert game.state.radar_alive[[sc.r_name.index(f) for f in sc.f_name]].all()


def test_a_post_on_a_site_that_is_hit_rolls_against_its_own_hardness(
    first_contact: LoadedCampaign,
) -> None:
    # 0.6 < 1 - 0.2 hits the port (and so its radar) but not the post (0.6 >= 1 - 0.6).
    _, log = _strike_on_aldmouth(first_contact, 0.6)
    assert [e.kind for e in log] == ["leaker", "radar_destroyed"]


def test_a_miss_on_a_site_leaves_what_stands_on_it(first_contact: LoadedCampaign) -> None:
    game, log = _strike_on_aldmouth(first_contact, 0.9)
    assert [e.kind for e in log] == ["leaker"]
    assert game.state.radar_alive.all() and game.state.cp_alive.all()
