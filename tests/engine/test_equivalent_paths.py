"""Shortcuts the engine takes only in large battles change no game: forced on in small
ones, they give the same event log, byte for byte.

- fire control sets aside the pairs no missile reaches in time (`PRUNE_AT`);
- a command post drops the tracks out of every unit's reach before weighing them
  (`REACH_FILTER_PAIRS`), a bound that holds because no interceptor flies longer than
  its maximum range over its speed;
- detection takes the radars a few at a time (`BLOCK_PAIRS`, `MIN_BLOCK_RADARS`);
- fire control searches a ballistic missile's profile for the meeting point only within
  each missile's longest flight (`PROFILE_WITHIN_FLIGHT`): turned off, the search runs
  to the landing, and the same shots are taken.
"""

from __future__ import annotations

import hashlib
import json

import pytest

from wargame.campaign import LoadedCampaign
from wargame.engine import Game, detection
from wargame.engine.fire_control import envelope, planning


def _digest(loaded: LoadedCampaign, seed: int) -> str:
    game = Game.new(loaded, seed)
    lines: list[str] = []
    while not game.over:
        lines.extend(json.dumps(e.to_dict(), sort_keys=True) for e in game.step([]))
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


SHORTCUTS = {
    "prune pairs": [(envelope, "PRUNE_AT", 1)],
    "reach filter": [(planning, "REACH_FILTER_PAIRS", 0)],
    "one radar a block": [(detection, "BLOCK_PAIRS", 1), (detection, "MIN_BLOCK_RADARS", 1)],
    "profile search to the landing": [(envelope, "PROFILE_WITHIN_FLIGHT", False)],
}


@pytest.mark.parametrize("shortcut", sorted(SHORTCUTS))
@pytest.mark.parametrize(("campaign", "seed"), [("first_contact", 1), ("northern_screen", 4)])
def test_a_shortcut_forced_on_changes_no_game(
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    shortcut: str,
    campaign: str,
    seed: int,
) -> None:
    loaded = request.getfixturevalue(campaign)
    expected = _digest(loaded, seed)
    for module, name, value in SHORTCUTS[shortcut]:
        monkeypatch.setattr(module, name, value)
    assert _digest(loaded, seed) == expected
