"""Plans to judge over many seeds: the default doctrine, an orders file, or the orders
a player gave in a saved game.

A plan is the orders of every turn. A player's orders name tracks, and track numbers
belong to one game's dice; on other seeds an order aimed at a track is aimed at the
threat that track held in the saved game (the truth the save's `TrackInitiated`
events record), through whichever track holds that threat on the new seed, and is
refused when none does. Called by the `analyze` command and by `play`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from wargame.campaign import LoadedCampaign
from wargame.engine import ACTIVE, Order, State
from wargame.engine.events import Event, OrderRefused, TrackInitiated
from wargame.errors import OrdersError, Problem

DEFAULT_DOCTRINE = "default doctrine"


@dataclass(frozen=True)
class Plan:
    """Orders by turn; units without orders follow the default doctrine."""

    name: str
    """What the reports call it: 'default doctrine', the orders file, the save."""
    orders: tuple[Order, ...] = ()
    track_threats: tuple[tuple[int, int], ...] | None = None
    """For a player's saved orders: (track, threat) for each track of the saved game,
    so that orders aimed at a track follow its threat onto other seeds. None for a
    plan whose track numbers are meant as written."""

    def by_turn(self) -> dict[int, list[Order]]:
        out: dict[int, list[Order]] = {}
        for order in self.orders:
            out.setdefault(order.turn, []).append(order)
        return out


def default_plan() -> Plan:
    return Plan(DEFAULT_DOCTRINE)


def orders_plan(path: str | Path, campaign: LoadedCampaign | None = None) -> Plan:
    """The orders of an orders file (TOML or JSON), its standing orders among them;
    `OrdersError` naming every problem. Given the campaign, its names are checked against
    it and places named become positions, as for `wargame run`."""
    from wargame.record.orders_file import load_orders

    return Plan(str(path), tuple(load_orders(path, campaign)))


def save_plan(path: str | Path, campaign: LoadedCampaign) -> Plan:
    """The orders a player gave in a saved game of this campaign, to play on other seeds."""
    from wargame.record import read_save

    record = read_save(path)
    if record.campaign_sha256 != campaign.digest:
        raise OrdersError(
            Problem(
                str(path),
                f"the save was played on another campaign ('{record.campaign_name}', or "
                f"another version of it) than {campaign.name}: its threats are not the same",
            )
        )
    return Plan(f"the orders of {path}", tuple(record.orders()), track_threats(record.events()))


def track_threats(events: Iterable[Event]) -> tuple[tuple[int, int], ...]:
    """(track, threat) for every track a game started: the threat behind each track."""
    return tuple((e.track, e.threat) for e in events if isinstance(e, TrackInitiated))


def orders_for_turn(
    plan: Plan, orders: list[Order], state: State
) -> tuple[list[Order], list[OrderRefused]]:
    """This turn's orders of the plan as they apply to this game's picture (`state`
    before the turn), and those refused because no track holds their threat."""
    if plan.track_threats is None:
        return orders, []
    threat_of = dict(plan.track_threats)
    given: list[Order] = []
    refused: list[OrderRefused] = []
    for order in orders:
        aimed = order.action == "engage" and order.track is not None
        threat = threat_of.get(order.track or 0) if aimed else None
        if threat is None:
            given.append(order)  # not aimed at a track of the saved game: as written
            continue
        track = int(state.track_id[threat])
        if track >= 0 and state.status[threat] == ACTIVE:
            given.append(dataclasses.replace(order, track=track))
            continue
        refused.append(
            OrderRefused(
                turn=order.turn,
                unit=order.unit,
                order=order.text(),
                reason=f"no track holds the threat track {order.track} held in the saved game",
            )
        )
    return given, refused
