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
    # due after the last turn or after an aircraft's weapons release.)
    1: "6663a48d640a3eeca4010f367113b054db4d0b1addf2ee18e39de1a749bd0fe7",
    2: "93a8f050e53bee17b3548e09c8abd669c68f7a2e4534825d4d7435bb4bdcd234",
    3: "5ea706da91f226e0c3a49b856f4ea1652d9093db4ead629cf38a551a400ccd62",
}
GOLDEN_NORTHERN_SCREEN = {
    # Games with ballistic missiles met in their dive (rules 1.1: within the
    # interceptor's longest flight), and drones left to the cheaper rounds (rules 1.2:
    # economy of fire); the dive met just under the ceiling, and a hit on the Harrow site
    # destroying the radar on it (rules 1.3); ARMs fired only in line of sight, from a
    # nearer station (rules 1.4).
    4: "e81150063936fc96a9ffeb9de5fb1b66a414485385f721870d8e9ecf7ae7f5d0",
    5: "6f9b464bad0a020f2925e69b0356555fea0f92a8acb32074735ec19d1a794c37",
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
