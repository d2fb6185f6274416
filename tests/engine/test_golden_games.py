"""Golden games, in the spirit of chess perft counts: fixed seeds of the shipped
campaigns, played with no orders, give exactly the event logs stored beside this
file (`__snapshots__/test_golden_games/*.jsonl`, one JSON event a line).

A change to them is a change of the rules. If it is meant: bump
`wargame.RULES_VERSION`, rewrite them with
`pytest tests/engine/test_golden_games.py --snapshot-update`, and let the diff
show what the new rules do; say why in the commit.

What the games hold, by the rules that first changed them: SEAD aircraft firing
only in line of sight of a radar, from a nearer station (rules 1.4); ballistic
missiles met in their dive, within the interceptor's longest flight (1.1), and
falling at g, a 60 km apogee being 221 s of flight at any range (1.5); drones
left to the cheaper rounds (1.2); a hit on the Harrow site destroying the radar
on it (1.3); interceptors flying the slant range to their target, met on its
profile, and new tracks at their slant range (1.5); the engine's turn a tick of 30 s,
radars looking at their own scan periods, tracks filtered from measurements with
errors, kill assessment that can err, decoys discriminated over looks, a launch every
3 s, automatic fire on firm tracks only (1.7).
"""

from __future__ import annotations

import json

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from wargame.campaign import LoadedCampaign
from wargame.engine import Game

FIRST_CONTACT_SEEDS = (1, 2, 3)
NORTHERN_SCREEN_SEEDS = (4, 5)


class JsonLines(SingleFileSnapshotExtension):
    """A game's events as a text file of JSON lines: a rules change reads as a diff."""

    _write_mode = WriteMode.TEXT
    _file_extension = "jsonl"


def _event_lines(loaded: LoadedCampaign, seed: int) -> str:
    game = Game.new(loaded, seed)
    lines = [json.dumps(game.started_event().to_dict(), sort_keys=True)]
    while not game.over:
        lines.extend(json.dumps(e.to_dict(), sort_keys=True) for e in game.step([]))
    return "\n".join(lines) + "\n"


@pytest.fixture
def golden(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(JsonLines)


@pytest.mark.parametrize("seed", FIRST_CONTACT_SEEDS)
def test_first_contact_plays_the_recorded_game_for_a_fixed_seed(
    first_contact: LoadedCampaign, seed: int, golden: SnapshotAssertion
) -> None:
    assert _event_lines(first_contact, seed) == golden


@pytest.mark.parametrize("seed", NORTHERN_SCREEN_SEEDS)
def test_northern_screen_plays_the_recorded_game_for_a_fixed_seed(
    northern_screen: LoadedCampaign, seed: int, golden: SnapshotAssertion
) -> None:
    assert _event_lines(northern_screen, seed) == golden
