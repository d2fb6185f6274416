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
    # flying the slant range to their target, met on its profile; new tracks at their
    # slant range (rules 1.5).
    1: "a2577da7213914a57e619d65d97a2ea495cd54bcf12d0abfac85c19c2ea15082",
    2: "675ee15bd52afbb0c1471d817282818dbba43b4bb55a5d5f1e68988cab65b9d6",
    3: "12ca8e037e7524aba2064167cb2eaab99f487cced0f487cdb854d4bac8f97699",
}
GOLDEN_NORTHERN_SCREEN = {
    # Games with ballistic missiles met in their dive (rules 1.1: within the
    # interceptor's longest flight), and drones left to the cheaper rounds (rules 1.2:
    # economy of fire); the dive met just under the ceiling, and a hit on the Harrow site
    # destroying the radar on it (rules 1.3); ARMs fired only in line of sight, from a
    # nearer station (rules 1.4); ballistic missiles falling at g, and interceptors
    # flying the slant range (rules 1.5).
    4: "9997581443a6964c8db0b439aaa30054d4334a47e04009663fdf1d4ed2990682",
    5: "c3ea40be3507d9b885c146be0bdfc7bb37a76117bc8e03f2e685ce1c456ee1cc",
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
