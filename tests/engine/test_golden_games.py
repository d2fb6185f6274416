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
    # (rules 1.4).
    1: "f739130ba6683bb9274cdd82070ba1c172102b6c349b40cea90c2b2b435c8ac9",
    2: "081488a5f022109577c1311505d1f996ce0c25249cecc26770564609a31b2e17",
    3: "b8413d99b0dc641a7778bc78ed452b6217aa19d1c316928271f16d82a943d1c4",
}
GOLDEN_NORTHERN_SCREEN = {
    # Games with ballistic missiles met in their dive (rules 1.1: within the
    # interceptor's longest flight), and drones left to the cheaper rounds (rules 1.2:
    # economy of fire); the dive met just under the ceiling, and a hit on the Harrow site
    # destroying the radar on it (rules 1.3); ARMs fired only in line of sight, from a
    # nearer station (rules 1.4).
    4: "2090177284b4b98fe37911e5bc070345e1a5003021d1c53945fe1bde262ed116",
    5: "9f20a0c8ee09f4da3fd3b77c66c07a6cab7bf0c98ef135298785c319686115b0",
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
