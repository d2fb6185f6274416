"""Manual shots: what the fire dialog offers is what the engine does with the order.

The dialog asks the engine (`manual_shots` on `turn_ahead`, the next turn as far as it
can be foreseen) and the orders phase judges an `engage` order with the same checks
(`judge_order`). Over many game states, every shot the dialog offers at a shown track,
given as the order the dialog sends, is fired the next turn (that unit, that track,
that missile, its salvo), and every refusal it shows is the reason the engine logs when
the order is given anyway.

Some of the next turn cannot be foreseen: intercepts may end the track, the next
detection may drop it, bring it into a unit's picture or take it out, or correct its
altitude (an anti-radiation missile diving on its radar). Those cases are left out, and
counted, so that the test still judges most of what the dialog says.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from wargame.campaign import LoadedCampaign, load_campaign
from wargame.engine import Game, Order
from wargame.engine.events import Event, MissileLaunched, OrderRefused
from wargame.engine.fire_control import (
    ManualShot,
    TurnAhead,
    free_channels,
    manual_shots,
    picture,
)
from wargame.engine.game import turn_ahead
from wargame.engine.scenario import CLASSES, Scenario
from wargame.engine.state import ACTIVE, State

ROOT = Path(__file__).resolve().parents[2]
CAMPAIGNS = [
    ROOT / "campaigns" / "first-contact.toml",
    ROOT / "campaigns" / "northern-screen.toml",
    *sorted((ROOT / "tests" / "engine" / "campaigns").glob("*.toml")),
]


@dataclass
class Tally:
    """The cases judged, and those left out for what the next turn told."""

    offered: int = 0
    refused: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    unforeseeable: Counter[str] = field(default_factory=Counter)


def _pending(sc: Scenario, st: State, rng: random.Random) -> list[Order]:
    """A few orders for the next turn, as a player might have given before opening the
    dialog: settings that change what a unit can fire, and an engagement elsewhere."""
    turn = st.turn + 1
    orders = []
    for name in sc.f_name:
        roll = rng.random()
        f = sc.f_name.index(name)
        if roll < 0.1:
            orders.append(Order(turn, name, "emission", setting="off"))
        elif roll < 0.2:
            orders.append(Order(turn, name, "salvo", salvo=rng.randint(1, 4)))
        elif roll < 0.25:
            radar = sc.f_radar[f]
            x, y = float(st.r_x[radar]), float(st.r_y[radar])
            orders.append(Order(turn, name, "relocate", position=(x + 5.0, y)))
        elif roll < 0.35:
            m = int(np.argmax(st.ready[f]))
            cls = str(CLASSES[rng.randrange(len(CLASSES))])
            count = int(st.ready[f, m] + st.stock[f, m])
            orders.append(
                Order(turn, name, "reserve", missile=sc.m_name[m], count=count, threat_class=cls)
            )
    tracks = st.track_id[(st.track_id >= 0) & (st.status == ACTIVE)].tolist()
    if tracks:
        name = rng.choice(sc.f_name)
        orders.append(Order(turn, name, "engage", track=int(rng.choice(tracks))))
    return orders


def _order_sent(sc: Scenario, shot: ManualShot, track: int, turn: int, salvo: int | None) -> Order:
    """The order the fire dialog sends for a shot: the missile named for another type than
    the unit's own choice, the salvo named where the player set one."""
    missile = sc.m_name[shot.missile] if shot.alternative else None
    unit = sc.f_name[shot.fire_unit]
    return Order(turn, unit, "engage", track=track, missile=missile, salvo=salvo)


def _given(pending: list[Order], order: Order) -> list[Order]:
    """The next turn's orders once this one is given: it takes the place of an earlier
    order of its key, or goes last (as the orders given in play are kept)."""
    if any(o.key == order.key for o in pending):
        return [order if o.key == order.key else o for o in pending]
    return [*pending, order]


def _rounds_to_fire(sc: Scenario, st: State, shot: ManualShot) -> int:
    """The salvo as the launch phase fires it: no more than the rounds ready and not held
    in reserve for another class."""
    f, m, threat = shot.fire_unit, shot.missile, shot.threat
    held = st.reserve_count[f, m]
    if st.reserve_class[f, m] == sc.t_apparent_class[threat]:
        held = 0
    return min(shot.salvo, int(st.ready[f, m] - held))


def _ended(now: State, after: State, track: int | None) -> bool:
    """Whether the threat of a track shown now ended, or its track was dropped, by then."""
    (threat,) = np.flatnonzero(now.track_id == track)
    return bool(after.track_id[threat] != track or after.status[threat] != ACTIVE)


def _unforeseeable(
    sc: Scenario, now: State, after: State, threat: int, unit: int, pending: list[Order]
) -> str:
    """What the next turn told that the dialog could not know ('' if nothing)."""
    track = int(now.track_id[threat])
    if _ended(now, after, track):
        return "the track ended or was dropped"
    earlier = [o for o in pending if o.action == "engage" and o.unit == sc.f_name[unit]]
    if any(_ended(now, after, o.track) for o in earlier if o.track != track):
        return "the track of an engagement ordered earlier ended: its channel is free"
    radar = sc.f_radar[unit]
    if after.radar_alive[radar] != now.radar_alive[radar]:
        return "the unit was destroyed"
    seen_now = threat in set(picture(sc, now, unit).tolist())
    seen_then = threat in set(picture(sc, after, unit).tolist())
    if seen_now != seen_then:
        return "the track came into or left the unit's picture"
    if after.track_alt[threat] != now.track_alt[threat]:
        return "the track's altitude was corrected"
    return ""


def _judge_state(game: Game, pending: list[Order], rng: random.Random, tally: Tally) -> list[str]:
    """Every shown track, every fire unit: the dialog's answers against the engine's."""
    sc, st = game.scenario, game.state
    problems = []
    shown = np.flatnonzero((st.track_id >= 0) & (st.status == ACTIVE)).tolist()
    ahead = turn_ahead(sc, st, pending)
    for threat in shown:
        track = int(st.track_id[threat])
        salvo = rng.choice([None, None, rng.randint(1, 4)])
        for shot in manual_shots(sc, ahead, threat, salvo=salvo):
            order = _order_sent(sc, shot, track, st.turn + 1, salvo)
            branch = Game(sc, st.copy(), game.seed)
            events = branch.step(_given(pending, order))
            news = _unforeseeable(sc, st, branch.state, threat, shot.fire_unit, pending)
            if news:
                tally.unforeseeable[news] += 1
                continue
            problem = _compare(sc, ahead, shot, order, events)
            if problem:
                problems.append(f"{sc.loaded.campaign.meta.title}, turn {st.turn}: {problem}")
            elif shot.possible:
                tally.offered += 1
            else:
                tally.refused += 1
                tally.reasons[re.sub(r"\d+", "N", shot.reason)] += 1
    return problems


def _compare(
    sc: Scenario, ahead: TurnAhead, shot: ManualShot, order: Order, events: list[Event]
) -> str:
    """'' if the engine did with the order what the dialog said, else what differs."""
    unit, text = order.unit, order.text()
    refused = [
        e.reason
        for e in events
        if isinstance(e, OrderRefused) and (e.unit, e.order) == (unit, text)
    ]
    fired = [
        e.missile
        for e in events
        if isinstance(e, MissileLaunched)
        and e.ordered
        and (e.fire_unit, e.track) == (unit, order.track)
    ]
    if not shot.possible:
        if refused != [shot.reason]:
            return f"{unit}, {order.text()}: the dialog said {shot.reason!r}, the engine {refused}"
        return ""
    wanted = [sc.m_name[shot.missile]] * _rounds_to_fire(sc, ahead.state, shot)
    if refused or fired != wanted:
        return f"{unit}, {order.text()}: offered {wanted}, the engine fired {fired} {refused}"
    return ""


def _play(
    loaded: LoadedCampaign, seed: int, hold: bool, channels: int | None, tally: Tally
) -> list[str]:
    """A game on no orders, judged on about half its turns; with `hold`, every unit holds
    its fire, so that fewer tracks end before the order is carried out; with `channels`,
    each unit guides that many targets at once, so that it runs out of them."""
    rng = random.Random(seed)
    game = Game.new(loaded, seed)
    if channels is not None:
        game.scenario.r_guidance_channels[game.scenario.f_radar] = channels
    problems = []
    if hold:
        game.step([Order(1, name, "weapons", setting="hold") for name in game.scenario.f_name])
    while not game.over:
        game.step([])
        if game.over or rng.random() < 0.5:
            continue
        problems += _judge_state(game, _pending(game.scenario, game.state, rng), rng, tally)
    return problems


def test_every_shot_the_dialog_offers_is_fired_and_every_refusal_is_the_engine_s() -> None:
    tally = Tally()
    problems = [
        problem
        for path in CAMPAIGNS
        for seed, hold, channels in ((0, False, None), (1, False, 2), (2, True, None))
        for problem in _play(load_campaign(path), seed, hold, channels, tally)
    ]
    assert problems == []
    # Enough of what the dialog says was judged to mean something.
    assert tally.offered >= 500 and tally.refused >= 200, tally
    assert len(tally.reasons) >= 6, tally


def test_an_engagement_ordered_earlier_takes_the_unit_s_last_free_channel(
    first_contact: LoadedCampaign,
) -> None:
    """FU Alpha left one free guidance channel and ordered to engage one track: the dialog
    offers it nothing at a second track, for the reason the engine gives when both orders
    go; the first order's own track is still offered (a new order there replaces it)."""
    game = Game.new(first_contact, 0)
    sc = game.scenario
    alpha = sc.f_name.index("FU Alpha")
    offered: list[int] = []
    while len(offered) < 2:
        game.step([])
        st = game.state
        ahead = turn_ahead(sc, st, [])
        shown = np.flatnonzero((st.track_id >= 0) & (st.status == ACTIVE)).tolist()
        offered = [j for j in shown if manual_shots(sc, ahead, j, unit=alpha)[0].possible]
    first, second = (int(st.track_id[j]) for j in offered[:2])
    # (The channels of the missiles that land in the next turn are free by its planning.)
    radar = sc.f_radar[alpha]
    sc.r_guidance_channels[radar] -= free_channels(sc, ahead.state)[alpha] - 1
    assert free_channels(sc, turn_ahead(sc, st, []).state)[alpha] == 1
    pending = [Order(st.turn + 1, "FU Alpha", "engage", track=first)]
    ahead = turn_ahead(sc, st, pending)
    (refused,) = manual_shots(sc, ahead, offered[1], unit=alpha)
    assert refused.reason == "no free guidance channel"
    assert manual_shots(sc, ahead, offered[0], unit=alpha)[0].possible
    events = game.step([*pending, Order(st.turn + 1, "FU Alpha", "engage", track=second)])
    assert [(e.order, e.reason) for e in events if isinstance(e, OrderRefused)] == [
        (f"engage track {second}", "no free guidance channel")
    ]
