"""What-ifs: a save cut after turn N plays on with the same dice for everything new orders
do not touch."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.record.helpers import event_lines, play
from wargame.campaign import LoadedCampaign
from wargame.engine import Order
from wargame.engine.events import Event, InterceptResolved, MissileLaunched, RaidEntered
from wargame.errors import SaveError
from wargame.record import Record, branch, load_save, play_on, write_save


def test_a_branch_keeps_the_orders_and_events_of_turns_up_to_n(
    tmp_path: Path, ordered_game: Record
) -> None:
    cut = branch(ordered_game, 9)
    path = tmp_path / "branch.json"
    write_save(cut, path)
    loaded = load_save(path)
    assert loaded.record.last_turn == 9 and not loaded.record.over
    assert loaded.record.turns == ordered_game.turns[:10]
    assert loaded.verification.ok


def test_a_branch_played_on_with_no_new_orders_replays_the_original(game: Record) -> None:
    again = play_on(branch(game, 10), {})
    assert event_lines(again) == event_lines(game)
    assert again.digest == game.digest


def test_a_branch_outside_the_save_is_refused(game: Record) -> None:
    with pytest.raises(
        SaveError, match=f"cannot branch at turn 99: the save holds turns 0 to {game.last_turn}"
    ):
        branch(game, 99)


def _rolls(events: list[Event]) -> dict[tuple[int, int, int], float]:
    """Intercept rolls by (turn, threat, k): the k-th roll against that threat that turn."""
    seen: Counter[tuple[int, int]] = Counter()
    out = {}
    for e in events:
        if isinstance(e, InterceptResolved) and not e.reason:
            k = seen[(e.turn, e.threat)]
            seen[(e.turn, e.threat)] += 1
            out[(e.turn, e.threat, k)] = e.roll
    return out


def test_a_what_if_order_leaves_every_other_intercept_roll_alone(game: Record) -> None:
    biggest = max((e for e in game.events() if isinstance(e, RaidEntered)), key=lambda e: e.count)
    n = biggest.turn - 1
    hold = {n + 1: [Order(n + 1, "FU Alpha", "weapons", "hold")]}
    what_if = play_on(branch(game, n), hold)
    assert event_lines(what_if) != event_lines(game)
    assert not [
        e
        for e in what_if.events()
        if isinstance(e, MissileLaunched) and e.turn > n and e.fire_unit == "FU Alpha"
    ]
    before, after = _rolls(game.events()), _rolls(what_if.events())
    shared = before.keys() & after.keys()
    assert any(turn > n for turn, _, _ in shared)
    assert {key: before[key] for key in shared} == {key: after[key] for key in shared}


def _sector(record: Record, names: set[str], threats: set[int], last_turn: int) -> list[str]:
    out = []
    for event in record.events():
        if event.turn > last_turn:
            break
        d = event.to_dict()
        if d["kind"] in ("turn_ended", "game_over", "game_started"):
            continue
        if d.get("threat") in threats or names & {str(v) for v in d.values()}:
            d.pop("track", None)  # track numbers are shared by both sectors
            out.append(json.dumps(d, sort_keys=True))
    return out


def test_a_what_if_in_one_sector_leaves_the_other_sector_byte_identical(
    two_sectors: LoadedCampaign,
) -> None:
    original = play(two_sectors, 21)
    what_if = play_on(branch(original, 1), {2: [Order(2, "North FU", "weapons", "hold")]})
    south = ({"South FU", "South town", "South CP", "South raid"}, {4, 5, 6, 7})
    north = ({"North FU", "North town", "North raid"}, {0, 1, 2, 3})
    # Up to the end of the shorter game: held, the north raid lives on, and a kill in the
    # south read as a miss may then coast out (its track dropped) after the original ended.
    last = min(original.last_turn, what_if.last_turn)
    assert _sector(what_if, *south, last) == _sector(original, *south, last)
    assert _sector(what_if, *north, last) != _sector(original, *north, last)
