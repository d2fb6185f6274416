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
    1: "01156cff91d99282098db7620bd5e1e4e011d2643986231dd71851637b2f9934",
    2: "662e7b5bed8f37dff08dd566bf743accf27c8c1b0aa16b4e9fb6aaf8c7d2a0c9",
    3: "fb19bac7540784897708b597f4582fc616dc9ff5d889e23ffc147f8ce50287fb",
}
GOLDEN_NORTHERN_SCREEN = {
    # Games with ballistic missiles met in their dive (rules 1.1: within the
    # interceptor's longest flight).
    4: "239734c4e935e387432e91d7c332d27b86d75c02e9553fbe4b2d757e32394494",
    5: "74b68c472c5301cb45d76552fc17f4bcf0955926ddcf68fe1d8143ac1063bbb2",
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
