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
    # flying the slant range to their target (rules 1.5).
    1: "df63acc28928062d9ad908860c61611a7d52e8695618a327b431a613491ef065",
    2: "198095a4d0dc9653f5154656051f7ad000efaa2a2380945abd0b12142d1bd230",
    3: "4384b9651525aff766bbf2190c6196e53ce7e477497f4c5d74e3f180ccdba3bc",
}
GOLDEN_NORTHERN_SCREEN = {
    # Games with ballistic missiles met in their dive (rules 1.1: within the
    # interceptor's longest flight), and drones left to the cheaper rounds (rules 1.2:
    # economy of fire); the dive met just under the ceiling, and a hit on the Harrow site
    # destroying the radar on it (rules 1.3); ARMs fired only in line of sight, from a
    # nearer station (rules 1.4); ballistic missiles falling at g, and interceptors
    # flying the slant range (rules 1.5).
    4: "32bdd7758d8d8ba7bbc596223e628f13f962847eef6ae0c267f7493b3c0ecde2",
    5: "7543457a33593b1d8e264133d974bcf467afa906c11574c22548916fb3b46194",
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
