"""An intercept must come before the threat does its harm and before the game ends.

An aircraft does its harm where it releases its weapons, short of its target: at its
time to go to the target less release range / speed. A missile that would arrive after
the last turn is never fired: it would be charged to the score for nothing.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from wargame.campaign import LoadedCampaign
from wargame.engine import Game, Order
from wargame.engine.events import MissileLaunched, OrderRefused
from wargame.engine.fire_control import Options, options
from wargame.engine.scenario import CLASS_CODE
from wargame.engine.state import ACTIVE

RELEASES = "the threat reaches its target, or releases its weapons, before any intercept"
GAME_ENDS = "the game ends before any intercept"


@pytest.fixture(scope="module")
def fighter_in_reach(first_contact: LoadedCampaign) -> tuple[Game, int, int]:
    """First Contact, seed 1: the first turn a fighter track with a heading (a new track
    has no velocity until its second look, and so no release point) is engageable more
    than a turn away, with the unit that can engage it, judged as if it headed for
    nothing."""
    game = Game.new(first_contact, 1)
    sc = game.scenario
    units = np.arange(len(sc.f_name))
    while not game.over:
        game.step([])
        st = game.state
        live = (st.track_id >= 0) & (st.status == ACTIVE) & (np.hypot(st.track_vx, st.track_vy) > 0)
        for slot in np.flatnonzero(live & (sc.t_apparent_class == CLASS_CODE["fighter"])):
            opt = options(sc, st, units, np.array([slot]), np.array([100.0]), np.array([np.inf]))
            able = np.flatnonzero((opt.missile[:, 0] >= 0) & (opt.tof[:, 0] > sc.dt))
            if able.size:
                return game, int(able[0]), int(slot)
    raise AssertionError("no fighter came within reach")


def _option(game: Game, unit: int, slot: int, ttg: float, turn_limit: int = 0) -> Options:
    sc = game.scenario
    if turn_limit:
        sc = dataclasses.replace(sc, turn_limit=turn_limit)
    units, threats = np.array([unit]), np.array([slot])
    return options(sc, game.state, units, threats, np.array([100.0]), np.array([ttg]))


def test_an_aircraft_is_engaged_only_before_it_releases_its_weapons(
    fighter_in_reach: tuple[Game, int, int],
) -> None:
    """Its release range takes `release` s to fly. Judged with its target `ttg` s away, a
    missile is chosen only if it meets the track within ttg - release; and the missile
    chosen with no time to go is chosen again once ttg - release exceeds its flight."""
    game, unit, slot = fighter_in_reach
    sc, st = game.scenario, game.state
    release = float(sc.t_apparent_release_km[slot] / np.hypot(st.track_vx[slot], st.track_vy[slot]))
    assert release > 0.0
    free = _option(game, unit, slot, np.inf)
    tof = float(free.tof[0, 0])
    again = _option(game, unit, slot, tof + release + 0.5)
    assert again.missile[0, 0] == free.missile[0, 0]
    # Before the target, but after the release: that missile no longer.
    late = _option(game, unit, slot, tof + release - 0.5)
    assert late.missile[0, 0] != free.missile[0, 0]
    for ttg in np.linspace(release, tof + release + 10.0, 41):
        opt = _option(game, unit, slot, float(ttg))
        if opt.missile[0, 0] >= 0:
            assert opt.tof[0, 0] < ttg - release
    none = _option(game, unit, slot, release + 0.1)
    assert none.missile[0, 0] == -1 and none.why_not(0, 0) == RELEASES


def test_no_intercept_is_planned_after_the_last_turn(
    fighter_in_reach: tuple[Game, int, int],
) -> None:
    """The intercept `tof` s away needs the game to last ceil(tof / 60 s) more turns: it is
    planned if the game has them, and not if it ends a turn sooner."""
    game, unit, slot = fighter_in_reach
    sc, st = game.scenario, game.state
    tof = float(_option(game, unit, slot, np.inf).tof[0, 0])
    turns = int(np.ceil(tof / sc.dt))
    assert _option(game, unit, slot, np.inf, st.turn + turns).missile[0, 0] >= 0
    for limit in range(st.turn + 1, st.turn + turns):
        opt = _option(game, unit, slot, np.inf, limit)
        if opt.missile[0, 0] >= 0:
            assert opt.tof[0, 0] <= (limit - st.turn) * sc.dt
    ends = _option(game, unit, slot, np.inf, st.turn + 1)
    assert ends.missile[0, 0] == -1 and ends.why_not(0, 0) == GAME_ENDS


def _cut_short(loaded: LoadedCampaign, seed: int, turn_limit: int) -> Game:
    game = Game.new(loaded, seed)
    return Game(dataclasses.replace(game.scenario, turn_limit=turn_limit), game.state, seed)


def test_a_game_fires_nothing_that_lands_after_its_last_turn(
    first_contact: LoadedCampaign,
) -> None:
    """First Contact cut to 16 turns: the raids are in full flight when it ends."""
    game = _cut_short(first_contact, 1, 16)
    launched = []
    while not game.over:
        launched += [e for e in game.step([]) if isinstance(e, MissileLaunched)]
    assert launched
    assert max(e.intercept_turn for e in launched) <= 16


def test_an_engagement_ordered_for_the_last_turn_is_refused_with_its_reason(
    fighter_in_reach: tuple[Game, int, int],
) -> None:
    """Fired at the end of the last turn, no missile could land before the game ends."""
    game, unit, slot = fighter_in_reach
    last = game.turn + 1
    played = Game(dataclasses.replace(game.scenario, turn_limit=last), game.state.copy(), 1)
    track = int(game.state.track_id[slot])
    order = Order(last, game.scenario.f_name[unit], "engage", track=track)
    refused = [e for e in played.step([order]) if isinstance(e, OrderRefused)]
    assert len(refused) == 1
    assert refused[0].reason.endswith(GAME_ENDS)
