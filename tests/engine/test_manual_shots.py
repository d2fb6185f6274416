"""Manual shots: what the fire dialog offers is what the engine does with the order.

The dialog asks the engine (`manual_shots` on `turn_ahead`, the next turn as far as it
can be foreseen) and the orders phase judges an `engage` order with the same checks
(`judge_order`). Over many game states, every shot the dialog offers at a shown track,
given as the order the dialog sends, is fired the next turn (that unit, that track,
that missile, exactly the rounds it shows), with the kill probability, range and
intercept turn it shows; and every refusal it shows is the reason the engine logs when
the order is given anyway.

The dialog dead-reckons each track a turn on its estimate. The next turn's detection
refreshes the estimate with a new measurement (its errors are the dice of that turn),
and the threat may have turned at a waypoint, dived (an anti-radiation missile on its
radar) or changed speed: where the track is refreshed, the order is judged against the
dialog's answer on the track as the detection left it (estimate and filter), everything
else as foreseen. Where it is not refreshed, fire control dead-reckons it as the dialog
did, and the figures must agree exactly.

Some of the next turn cannot be foreseen at all: intercepts may end the threat (or be
read so), the next detection may drop its track, bring it into a unit's picture or take
it out, a
unit's radar or the site the track heads for may be destroyed, an engagement ordered
earlier may be judged otherwise on its own refreshed track (and leave other channels).
A track that seems to strike its site within the turn is too late for the dialog, as
one aimed at that site would be; but a false track, or a real threat whose line of
flight crosses a site short of its own target, strikes nothing there and flies on past
the site, where the next turn's picture may engage it. Those cases, judged on the
events before the orders are planned (and, for a track that flew on, on the truth the
record keeps of its target), are left out, and counted, so that the test still judges
most of what the dialog says. One more is counted apart because the dialog could know
it and does not: the deadline of a track that strikes within the turn is taken from
where the site it heads for stands now even when an order given for the turn
relocates it.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest

from wargame.campaign import LoadedCampaign, load_campaign
from wargame.engine import Game, Order
from wargame.engine.assessment import aimed_site, site_names
from wargame.engine.codes import ROLE_FALSE
from wargame.engine.events import (
    Event,
    InterceptResolved,
    MissileLaunched,
    OrderAccepted,
    OrderRefused,
    RadarDestroyed,
    r3,
)
from wargame.engine.fire_control import (
    ManualShot,
    TurnAhead,
    free_channels,
    manual_shots,
    picture,
)
from wargame.engine.fire_control.manual import TOO_LATE
from wargame.engine.fire_control.timing import arrival_turn, time_to_go, time_to_harm
from wargame.engine.game import turn_ahead
from wargame.engine.kill_assessment import held_tracks
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
    track_turned: int = 0
    """Orders at a track the next turn's detection refreshed (a new measurement, and
    perhaps a turn of the threat): judged against the dialog's answer on the track as
    detected then."""
    verdict_turned: int = 0
    """Of those, the orders whose missile, or whether it fires, the detection changed."""


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


ENDING_BEFORE_PLANNING = {"track_dropped", "threat_destroyed", "leaker", "arm_missed"}
"""The events of the phases before planning (detection, intercepts, leakers) that end a
threat or drop its track; a radar destroyed names the threat that struck it."""


def _ended(now: State, events: list[Event], track: int | None) -> bool:
    """Whether the threat of a track shown now ended, or its track was dropped, before the
    next turn's planning judged the orders (a threat leaving later, in red's phase, was
    still there to be engaged)."""
    (threat,) = np.flatnonzero(now.track_id == track)
    return any(
        getattr(e, "threat", -1) == threat
        and (e.kind in ENDING_BEFORE_PLANNING or isinstance(e, RadarDestroyed))
        for e in events
    )


def _read(events: list[Event], threat: int) -> bool:
    """Whether an intercept at the threat was read in the turn: its track then waits for
    a look before it is engaged again (shoot-look-shoot)."""
    return any(
        isinstance(e, InterceptResolved) and e.threat == threat and e.assessed for e in events
    )


def _judged_otherwise(
    sc: Scenario, ahead: TurnAhead, events: list[Event], unit: int, earlier: list[Order]
) -> Order | None:
    """The first engagement ordered earlier for the unit that the orders phase accepted
    where the dialog refused it, or the reverse (None if none): the channels left for the
    order judged then differ from the dialog's."""
    for order in earlier:
        (threat,) = np.flatnonzero(ahead.now.track_id == order.track)
        shown = manual_shots(sc, ahead, int(threat), unit, order.missile, order.salvo)[0]
        accepted = any(
            isinstance(e, OrderAccepted) and (e.unit, e.order) == (order.unit, order.text())
            for e in events
        )
        if accepted != shown.possible:
            return order
    return None


def _unforeseeable(
    sc: Scenario,
    ahead: TurnAhead,
    after: State,
    events: list[Event],
    threat: int,
    unit: int,
    pending: list[Order],
    shown: str,
) -> str:
    """What the next turn told that the dialog could not know ('' if nothing); `shown` is
    the dialog's reason for refusing the order ('' if it offered the shot)."""
    now = ahead.now
    track = int(now.track_id[threat])
    if _ended(now, events, track):
        return "the track ended or was dropped"
    earlier = [
        o
        for o in pending
        if o.action == "engage" and o.unit == sc.f_name[unit] and o.track != track
    ]
    if any(_ended(now, events, o.track) for o in earlier):
        return "the track of an engagement ordered earlier ended: its channel is free"
    radar = sc.f_radar[unit]
    if after.radar_alive[radar] != now.radar_alive[radar]:
        return "the unit was destroyed"
    other = _judged_otherwise(sc, ahead, events, unit, earlier)
    if other is not None:
        (other_threat,) = np.flatnonzero(now.track_id == other.track)
        if _read(events, int(other_threat)):
            return "an intercept at the track of an engagement ordered earlier was read"
        return "an engagement ordered earlier was judged on its refreshed track"
    if _read(events, threat):
        # Its intercept's reading (and whether a round is still needed) is the dice's.
        return "an intercept at the track was read in the turn"
    # The picture an order is judged on: every track blue holds (`picture_refusal`).
    seen_now = threat in set(picture(sc, now, unit, held_tracks(now)).tolist())
    seen_then = threat in set(picture(sc, after, unit, held_tracks(after)).tolist())
    if seen_now != seen_then:
        return "the track came into or left the unit's picture"
    (site,), _ = aimed_site(sc, now, np.array([threat]))
    struck = {e.radar for e in events if isinstance(e, RadarDestroyed)}
    if site >= 0 and site_names(sc)[site] in struck:
        return "the site the track heads for was destroyed: it heads for nothing"
    moving = {o.unit for o in pending if o.action == "relocate"}
    if site >= 0 and site_names(sc)[site] in moving and shown.endswith(TOO_LATE):
        # A gap of the dialog, not of the dice: it takes a missile's deadline from the
        # site where it stands now, the engine from where the order moves it.
        return "too late for the site the track heads for, which an order relocates"
    this = np.array([threat])
    strikes_in_the_turn = time_to_harm(sc, now, this, time_to_go(sc, now, this))[0] <= sc.dt
    aimed_at_site = site >= 0 and sc.t_role[threat] != ROLE_FALSE
    if aimed_at_site:
        target = sc.target_name(int(sc.t_target_kind[threat]), int(sc.t_target_index[threat]))
        aimed_at_site = target == site_names(sc)[site]
    if shown.endswith(TOO_LATE) and strikes_in_the_turn and not aimed_at_site:
        # Blue reads a track's target off its heading. A false track, or a real threat
        # whose line of flight crosses a site short of its own target (Ridge's cruise
        # missiles pass over the fire unit on their way to the depot behind it), seems
        # to strike that site within the turn, as one aimed at it would (and then ends);
        # but it flies on past the site, where the next turn's picture may engage it.
        return "a track seemed to strike a site in the turn and flew on past it"
    return ""


TRACK_ESTIMATE = (
    "track_x",
    "track_y",
    "track_alt",
    "track_vx",
    "track_vy",
    "track_flown",
    "track_pos_var",
    "track_pos_vel_cov",
    "track_vel_var",
    "track_hits",
    "track_class",
    "track_confidence",
    "track_decoy_evidence",
)
"""What a detection sets of a track: the filtered estimate of the threat's position,
height, velocity and, for a ballistic missile, the distance it has flown; the filter's
uncertainty (which sets a round's kill probability); and the class the looks show."""


def _flew_as_foreseen(ahead: TurnAhead, planned: State, threat: int) -> bool:
    """Whether the track fire control planned on is the one the dialog dead-reckoned: it
    was not seen again, so both dead-reckon the same estimate. (A detection refreshes it
    with a measurement the dialog cannot know.)"""
    return bool(planned.track_last[threat] == ahead.state.track_last[threat])


def _as_detected(
    sc: Scenario, ahead: TurnAhead, planned: State, threat: int, order: Order
) -> ManualShot:
    """The dialog's answer to the order had it known the track as the next turn's
    detection set it, everything else as foreseen. (The dialog takes a missile's deadline
    from the track as it stands now: here, the refreshed track dead-reckoned back a turn.)"""
    state = ahead.state.copy()
    now = ahead.now.copy()
    for name in (*TRACK_ESTIMATE, "track_last"):
        getattr(state, name)[threat] = getattr(planned, name)[threat]
        getattr(now, name)[threat] = getattr(planned, name)[threat]
    back = (planned.turn - now.turn) * sc.dt
    now.track_x[threat] -= now.track_vx[threat] * back
    now.track_y[threat] -= now.track_vy[threat] * back
    now.track_flown[threat] -= float(np.hypot(now.track_vx[threat], now.track_vy[threat])) * back
    now.track_last[threat] = now.turn
    again = TurnAhead(now, state, ahead.engagements)
    unit = sc.f_name.index(order.unit)
    return manual_shots(sc, again, threat, unit, order.missile, order.salvo)[0]


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
            news = _unforeseeable(
                sc, ahead, branch.state, events, threat, shot.fire_unit, pending, shot.reason
            )
            if news:
                tally.unforeseeable[news] += 1
                continue
            problem = _compare(sc, ahead, branch.state, shot, order, events, tally)
            if problem:
                problems.append(f"{sc.loaded.campaign.meta.title}, turn {st.turn}: {problem}")
            elif shot.possible:
                tally.offered += 1
            else:
                tally.refused += 1
                tally.reasons[re.sub(r"\d+", "N", shot.reason)] += 1
    return problems


def _compare(
    sc: Scenario,
    ahead: TurnAhead,
    planned: State,
    shot: ManualShot,
    order: Order,
    events: list[Event],
    tally: Tally,
) -> str:
    """'' if the engine did with the order what the dialog said, else what differs: the
    missile and the rounds, then the kill probability, range and intercept turn shown,
    which are the launch's where the threat flew straight and level through the turn.
    Where it did not (`planned`, the state after the turn, holds the track fire control
    planned on), they are those the dialog gives on that track."""
    unit, text = order.unit, order.text()
    refused = [
        e.reason
        for e in events
        if isinstance(e, OrderRefused) and (e.unit, e.order) == (unit, text)
    ]
    launches = [
        e
        for e in events
        if isinstance(e, MissileLaunched)
        and e.ordered
        and (e.fire_unit, e.track) == (unit, order.track)
    ]
    fired = [e.missile for e in launches]
    shown = shot
    if not _flew_as_foreseen(ahead, planned, shot.threat):
        shown = _as_detected(sc, ahead, planned, shot.threat, order)
        tally.track_turned += 1
        tally.verdict_turned += (shown.possible, shown.missile) != (shot.possible, shot.missile)
    if not shown.possible:
        if refused != [shown.reason]:
            return f"{unit}, {order.text()}: the dialog said {shown.reason!r}, the engine {refused}"
        return ""
    wanted = [sc.m_name[shown.missile]] * shown.salvo
    if refused or fired != wanted:
        return f"{unit}, {order.text()}: offered {wanted}, the engine fired {fired} {refused}"
    if not launches:
        return ""
    st = ahead.state
    figures = (r3(shown.pk), r3(shown.range_km), arrival_turn(sc, st, shown.time_of_flight_s))
    launch = launches[0]
    if (launch.pk, launch.range_km, launch.intercept_turn) != figures:
        return f"{unit}, {order.text()}: the dialog showed {figures}, the launch {launch}"
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
    assert tally.track_turned >= 20, tally


def test_an_engagement_ordered_earlier_takes_the_unit_s_last_free_channel(
    first_contact: LoadedCampaign,
) -> None:
    """FU Alpha left one free guidance channel and ordered to engage one track: the dialog
    offers it nothing at a second track, for the reason the engine gives when both orders
    go; the first order's own track is still offered (a new order there replaces it).
    The tracks are confirmed tracks of real threats, so that the next turn's detection
    drops neither (a false track's is soon dropped, and then the order finds no track)."""
    game = Game.new(first_contact, 0)
    sc = game.scenario
    alpha = sc.f_name.index("FU Alpha")
    offered: list[int] = []
    while len(offered) < 2:
        game.step([])
        st = game.state
        ahead = turn_ahead(sc, st, [])
        real = (sc.t_role != ROLE_FALSE) & st.track_confirmed
        shown = np.flatnonzero((st.track_id >= 0) & (st.status == ACTIVE) & real).tolist()
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


def test_a_salvo_of_four_from_a_unit_with_one_round_to_spare_shows_and_fires_one(
    first_contact: LoadedCampaign,
) -> None:
    """FU Alpha with 3 rounds of its first choice ready, 2 of them held in reserve for
    another class than the track's: ordered a salvo of 4 of that type, the dialog says it
    fires 1 with the single round's kill probability, and the engine fires exactly 1.
    (The order names the type: First Contact's seed 0 offers first a fighter 203 km out,
    where the 40N6 and the cheaper 48N6 are close, and on the track the next turn's
    detection refreshes, the unit's own choice is a salvo of the 48N6, not capped.)"""
    game = Game.new(first_contact, 0)
    sc = game.scenario
    alpha = sc.f_name.index("FU Alpha")
    shot = None
    while shot is None or not shot.possible:
        game.step([])
        st = game.state
        shown = np.flatnonzero((st.track_id >= 0) & (st.status == ACTIVE)).tolist()
        ahead = turn_ahead(sc, st, [])
        shots = [manual_shots(sc, ahead, j, unit=alpha, salvo=4)[0] for j in shown]
        shot = next((s for s in shots if s.possible), None)
    other = next(c for c in range(len(CLASSES)) if c != sc.t_apparent_class[shot.threat])
    st.ready[alpha, shot.missile] = 3
    st.reserve_count[alpha, shot.missile] = 2
    st.reserve_class[alpha, shot.missile] = other
    missile = sc.m_name[shot.missile]
    ahead = turn_ahead(sc, st, [])
    capped = manual_shots(sc, ahead, shot.threat, unit=alpha, missile=missile, salvo=4)[0]
    assert (capped.missile, capped.salvo_ordered, capped.salvo) == (shot.missile, 4, 1)
    # One round: 1 - (1 - p)^1, p again up to the rounding of the subtractions.
    assert capped.pk_salvo == pytest.approx(capped.pk, rel=1e-12) and capped.pk > 0.0
    track = int(st.track_id[shot.threat])
    order = Order(st.turn + 1, "FU Alpha", "engage", track=track, missile=missile, salvo=4)
    events = game.step([order])
    launched = [e for e in events if isinstance(e, MissileLaunched) and e.ordered]
    if not _flew_as_foreseen(ahead, game.state, shot.threat):
        # The turn's detection refreshed the track: its kill probability is the dialog's
        # on the refreshed estimate (one round still).
        capped = _as_detected(sc, ahead, game.state, shot.threat, order)
        assert capped.salvo == 1
    assert [(e.missile, e.track, e.pk) for e in launched] == [
        (sc.m_name[shot.missile], track, r3(capped.pk))
    ]
