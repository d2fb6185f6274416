"""Golden games, in the spirit of chess perft counts: fixed seeds of the tutorial give
these exact event logs. A change here is a change of the rules: if it is meant,
bump `wargame.RULES_VERSION` and record the new digests."""

from __future__ import annotations

import hashlib
import json

import pytest

from wargame.campaign import LoadedCampaign
from wargame.engine import Game

GOLDEN = {
    # SEAD aircraft firing only in line of sight of the radar, from a nearer station
    # (rules 1.4); the start of the log names the scoring weights. (No intercept here is
    # due after the last turn or after an aircraft's weapons release.) Ballistic
    # missiles falling at g: a 60 km apogee is 221 s of flight at any range; interceptors
    # flying the slant range to their target, met on its profile (rules 1.5).
    1: "babc1ec980a55273cc06dfa73b1363f746314be6cf558596a8a619d76cfd17ff",
    2: "f076b041924ad20c2e081d34c5a387052dee548dcd6add6c3d48bd18a4480310",
    3: "5b0ba22d0381e85ac6e807731e5ae16119e15762379e27064e31006b81659307",
}
GOLDEN_NORTHERN_SCREEN = {
    # Games with ballistic missiles met in their dive (rules 1.1: within the
    # interceptor's longest flight), and drones left to the cheaper rounds (rules 1.2:
    # economy of fire); the dive met just under the ceiling, and a hit on the Harrow site
    # destroying the radar on it (rules 1.3); ARMs fired only in line of sight, from a
    # nearer station (rules 1.4); ballistic missiles falling at g, and interceptors
    # flying the slant range (rules 1.5).
    4: "0db8699001e26c6e2f1d62ca5debe303047f6536a7afd9c0b27681ff2c696088",
    5: "24579b813b9159ab1d153eda00d8e53a965759725c3853ca2be2f4056e28f8b1",
}


def _digest(loaded: LoadedCampaign, seed: int) -> str:
    game = Game.new(loaded, seed)
    lines = [json.dumps(game.started_event().to_dict(), sort_keys=True)]
    while not game.over:
        lines.extend(json.dumps(e.to_dict(), sort_keys=True) for e in game.step([]))
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


@pytest.mark.parametrize("seed", sorted(GOLDEN))
def test_first_contact_plays_the_recorded_game_for_a_fixed_seed(
    first_contact: LoadedCampaign, seed: int
) -> None:
    assert _digest(first_contact, seed) == GOLDEN[seed]


@pytest.mark.parametrize("seed", sorted(GOLDEN_NORTHERN_SCREEN))
def test_northern_screen_plays_the_recorded_game_for_a_fixed_seed(
    northern_screen: LoadedCampaign, seed: int
) -> None:
    assert _digest(northern_screen, seed) == GOLDEN_NORTHERN_SCREEN[seed]
