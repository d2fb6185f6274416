"""Determinism: the same seed and orders give byte-identical events; dice belong to
entities, so an order to one unit leaves the rest of the game's dice alone."""

from __future__ import annotations

import json

from wargame.campaign import LoadedCampaign
from wargame.engine import Game, Order
from wargame.engine.events import Event


def _play(
    loaded: LoadedCampaign, seed: int, orders: dict[int, list[Order]] | None = None
) -> list[Event]:
    game = Game.new(loaded, seed)
    log: list[Event] = [game.started_event()]
    while not game.over:
        log.extend(game.step((orders or {}).get(game.turn + 1, [])))
    return log


def _lines(events: list[Event]) -> list[str]:
    return [json.dumps(e.to_dict(), sort_keys=True) for e in events]


def test_the_same_seed_gives_an_identical_event_log(first_contact: LoadedCampaign) -> None:
    assert _lines(_play(first_contact, 7)) == _lines(_play(first_contact, 7))


def test_another_seed_gives_a_different_event_log(first_contact: LoadedCampaign) -> None:
    assert _lines(_play(first_contact, 7)) != _lines(_play(first_contact, 8))


def test_a_game_state_is_not_changed_by_resolving_a_turn_from_it(
    first_contact: LoadedCampaign,
) -> None:
    from wargame.engine import resolve_turn

    game = Game.new(first_contact, 3)
    for _ in range(8):
        game.step([])
    before = game.state.copy()
    resolve_turn(game.scenario, game.state, [], game.seed)
    for name in ("x", "y", "status", "ready", "track_id", "seen_by"):
        assert (getattr(before, name) == getattr(game.state, name)).all(), name
    assert before.turn == game.state.turn


def _sector(events: list[Event], names: set[str], threats: set[int]) -> list[str]:
    """The events that concern one sector: its units by name, its threats by id."""
    out = []
    for e in events:
        d = e.to_dict()
        if d["kind"] in ("turn_ended", "game_over", "game_started"):
            continue
        if d.get("threat") in threats or names & {str(v) for v in d.values()}:
            d.pop("track", None)  # track numbers are handed out across both sectors
            out.append(json.dumps(d, sort_keys=True))
    return out


def test_an_order_to_one_unit_leaves_the_other_sector_byte_identical(
    two_sectors: LoadedCampaign,
) -> None:
    hold = [Order(turn=1, unit="North FU", action="weapons", setting="hold")]
    plain = _play(two_sectors, 21)
    changed = _play(two_sectors, 21, {1: hold})
    # Over the turns both games last: the north raid unopposed lengthens the game, and a
    # southern kill read as a miss may draw rounds in the extra turns.
    last = min(plain[-1].turn, changed[-1].turn)
    plain = [e for e in plain if e.turn <= last]
    changed = [e for e in changed if e.turn <= last]
    south_threats = {4, 5, 6, 7}
    south = {"South FU", "South town", "South CP", "South raid"}
    assert _sector(plain, south, south_threats) == _sector(changed, south, south_threats)
    north_threats = {0, 1, 2, 3}
    north = {"North FU", "North town", "North raid"}
    assert _sector(plain, north, north_threats) != _sector(changed, north, north_threats)
