"""Standing orders in play: the rules in force and what the engine orders itself by them.

A standing order (`orders.StandingOrder`) reaches the engine as an order of action
"standing", on or before the turn it takes effect; `Standing` keeps the rules given
(a rule given again with its last turn takes the place of the one in force) and what
they remember from turn to turn: how long a radar stays silent, the salvos a unit has
fired from its site. The game (`game.open_turn`) calls `open_standing` at the start of
each turn, before the player's orders of the turn, so that an order given explicitly
has the last word (emission on ends a silence; a reserve replaces a kept number), and
`count_salvos` after the launches. Hold fire and the missile and salvo for a class act
inside fire control (`fire_control.rules`), on the rules `Standing.in_force` gives.

Everything here reads the blue picture only: tracks, their apparent class and the
position last reported, never a threat's truth. No dice are drawn, and with no rule
given nothing here changes the game.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from wargame.campaign import ThreatClass
from wargame.engine.assessment import heads_towards
from wargame.engine.command import carry_out, order_refusal
from wargame.engine.events import Event, OrderRefused, StandingAction
from wargame.engine.geometry import SAME_SITE_KM
from wargame.engine.kill_assessment import held_tracks
from wargame.engine.orders import Order, StandingOrder
from wargame.engine.scenario import CLASS_CODE, Scenario
from wargame.engine.state import State

ARM_CODE = CLASS_CODE[ThreatClass.ARM]


@dataclass
class Standing:
    """The standing orders given so far in a game, and what they remember."""

    rules: list[StandingOrder] = field(default_factory=list)
    silent_until: dict[int, int] = field(default_factory=dict)
    """Radar index: the last turn an emcon rule keeps it silent."""
    salvos: dict[int, int] = field(default_factory=dict)
    """Fire unit index: salvos fired since it last set up (counted under a scoot rule)."""
    kept: dict[StandingOrder, list[tuple[int, int]]] = field(default_factory=dict)
    """Keep rule (by key): the (fire unit, missile) reserves it set, to release at its end."""

    def copy(self) -> Standing:
        return Standing(
            list(self.rules),
            dict(self.silent_until),
            dict(self.salvos),
            {k: list(v) for k, v in self.kept.items()},
        )

    def give(self, rule: StandingOrder) -> None:
        """Take a rule; one with the same key (ended, or given again) takes the old one's place."""
        for i, old in enumerate(self.rules):
            if old.key == rule.key:
                self.rules[i] = rule
                return
        self.rules.append(rule)

    def in_force(self, turn: int) -> list[StandingOrder]:
        return [r for r in self.rules if r.in_force(turn)]


def split_orders(orders: list[Order]) -> tuple[list[StandingOrder], list[Order]]:
    """(the standing orders given, the other orders) of a turn's orders."""
    rules = [o.rule for o in orders if o.action == "standing" and o.rule is not None]
    return rules, [o for o in orders if o.action != "standing"]


def open_standing(sc: Scenario, st: State, standing: Standing, events: list[Event]) -> None:
    """The orders the standing rules give at the start of turn `st.turn`, from the picture
    the previous turn left: silences begun and ended, rounds kept and released, units
    moved on after their salvos."""
    if not standing.rules and not standing.silent_until:
        return
    in_force = standing.in_force(st.turn)
    _end_silences(sc, st, standing, events)
    _release_kept(sc, st, standing, events)
    for rule in in_force:
        match rule.kind:
            case "emcon":
                _emcon(sc, st, standing, rule, events)
            case "keep":
                _keep(sc, st, standing, rule, events)
            case "scoot":
                _scoot(sc, st, standing, rule, events)


def count_salvos(sc: Scenario, st: State, standing: Standing, events: list[Event]) -> None:
    """Count this turn's salvos of the units a scoot rule in force moves."""
    scooting = [r for r in standing.in_force(st.turn) if r.kind == "scoot"]
    if not scooting:
        return
    salvos = {
        (e.fire_unit, e.track)  # type: ignore[attr-defined]
        for e in events
        if e.kind == "missile_launched"
    }
    for unit, _ in sorted(salvos):
        if any(r.applies_to(unit) for r in scooting):
            f = sc.f_name.index(unit)
            standing.salvos[f] = standing.salvos.get(f, 0) + 1


def _radars(sc: Scenario, rule: StandingOrder) -> list[int]:
    return [r for r, name in enumerate(sc.r_name) if rule.applies_to(name)]


def _fire_units(sc: Scenario, rule: StandingOrder) -> list[int]:
    return [f for f, name in enumerate(sc.f_name) if rule.applies_to(name)]


def _emcon(
    sc: Scenario, st: State, standing: Standing, rule: StandingOrder, events: list[Event]
) -> None:
    """A radar goes silent for `turns` turns when a fresh report (last turn's) places an
    anti-radiation missile track within `range_km` of it, heading for it (within the
    cone threat evaluation judges by): an ARM flies at the one radar it was fired at, so
    the battalion's other radars in reach stay on the air."""
    fresh = (
        held_tracks(st) & (st.track_last == st.turn - 1) & (st.track_class == ARM_CODE)
    ).nonzero()[0]
    if fresh.size == 0:
        return
    reach = float(rule.range_km or 0.0)
    turns = int(rule.turns or 1)
    for r in _radars(sc, rule):
        if not st.radar_alive[r] or st.ready_turn[r] > st.turn:
            continue
        distance = np.hypot(st.track_x[fresh] - st.r_x[r], st.track_y[fresh] - st.r_y[r])
        near = (distance <= reach) & heads_towards(st, fresh, float(st.r_x[r]), float(st.r_y[r]))
        if not near.any():
            continue
        nearest = int(np.argmin(np.where(near, distance, np.inf)))
        until = st.turn + turns - 1
        was_silenced = r in standing.silent_until
        standing.silent_until[r] = max(until, standing.silent_until.get(r, until))
        if not st.emitting[r] and not was_silenced:
            continue  # silent already, by the player's order: nothing to do or undo
        st.emitting[r] = False
        events.append(
            StandingAction(
                turn=st.turn,
                unit=sc.r_name[r],
                action=f"silent for {standing.silent_until[r] - st.turn + 1} turns",
                because=(
                    f"ARM track {int(st.track_id[fresh[nearest]])} "
                    f"at {float(distance[nearest]):.0f} km"
                ),
            )
        )


def _end_silences(sc: Scenario, st: State, standing: Standing, events: list[Event]) -> None:
    """Radars whose silence is over take up the player's emission order again."""
    for r, until in sorted(standing.silent_until.items()):
        if until >= st.turn:
            continue
        del standing.silent_until[r]
        if not st.radar_alive[r] or st.ready_turn[r] > st.turn or st.emitting[r]:
            continue
        if st.wanted_emitting[r]:
            st.emitting[r] = True
            events.append(
                StandingAction(
                    turn=st.turn, unit=sc.r_name[r], action="emits again", because="silence over"
                )
            )


def _keep(
    sc: Scenario, st: State, standing: Standing, rule: StandingOrder, events: list[Event]
) -> None:
    """When the rule first is in force, each unit's reserve of the type is set for the
    class: the reserve order's own check in fire control then holds the rounds."""
    if rule.key in standing.kept or rule.missile not in sc.m_name:
        return
    m = sc.m_name.index(str(rule.missile))
    set_here: list[tuple[int, int]] = []
    for f in _fire_units(sc, rule):
        radar = int(sc.f_radar[f])
        held = int(st.ready[f, m] + st.stock[f, m])
        if not st.radar_alive[radar] or held == 0:
            continue
        count = min(int(rule.count or 0), held)
        order = Order(
            turn=st.turn,
            unit=sc.f_name[f],
            action="reserve",
            missile=rule.missile,
            count=count,
            threat_class=rule.threat_class,
        )
        cls = str(rule.threat_class).replace("_", " ")
        did = (f"keeps {count} {rule.missile} for {cls}", "standing order")
        if _given(sc, st, order, did, events):
            set_here.append((f, m))
    standing.kept[rule.key] = set_here


def _release_kept(sc: Scenario, st: State, standing: Standing, events: list[Event]) -> None:
    """A keep rule past its last turn releases the reserves it set."""
    for key in list(standing.kept):
        rule = next((r for r in standing.rules if r.key == key), None)
        if rule is not None and (rule.until_turn is None or rule.until_turn >= st.turn):
            continue
        for f, m in standing.kept.pop(key):
            if st.radar_alive[sc.f_radar[f]] and st.reserve_count[f, m]:
                st.reserve_count[f, m] = 0
                st.reserve_class[f, m] = -1
                events.append(
                    StandingAction(
                        turn=st.turn,
                        unit=sc.f_name[f],
                        action=f"releases its kept {sc.m_name[m]}",
                        because="keep order ended",
                    )
                )


def _scoot(
    sc: Scenario, st: State, standing: Standing, rule: StandingOrder, events: list[Event]
) -> None:
    """Shoot and scoot: a unit that has fired `salvos` salvos from its site moves to the
    next of the rule's sites (after the one it is at, or the first it is not at)."""
    need = int(rule.salvos or 1)
    for f in _fire_units(sc, rule):
        if standing.salvos.get(f, 0) < need or not rule.sites:
            continue
        radar = int(sc.f_radar[f])
        x, y = float(st.r_x[radar]), float(st.r_y[radar])
        at = [math.hypot(x - sx, y - sy) <= SAME_SITE_KM for sx, sy in rule.sites]
        start = at.index(True) + 1 if any(at) else 0
        site = next(
            (
                rule.sites[(start + k) % len(rule.sites)]
                for k in range(len(rule.sites))
                if not at[(start + k) % len(rule.sites)]
            ),
            None,
        )
        if site is None:
            continue
        to = (float(site[0]), float(site[1]))
        order = Order(turn=st.turn, unit=sc.f_name[f], action="relocate", position=to)
        fired = standing.salvos[f]
        salvos = "1 salvo" if fired == 1 else f"{fired} salvos"
        did = (f"moves to [{to[0]:g}, {to[1]:g}]", f"{salvos} fired from its site")
        # Counted afresh either way: a move refused (the unit already on the march, say)
        # is not asked for again every turn.
        _given(sc, st, order, did, events)
        standing.salvos[f] = 0


def _given(
    sc: Scenario, st: State, order: Order, did: tuple[str, str], events: list[Event]
) -> bool:
    """An order the engine gives itself by a standing rule: checked as the player's are,
    refused with its reason, or carried out and logged with the reason it was given."""
    reason = order_refusal(sc, st, order)
    if reason:
        events.append(
            OrderRefused(turn=st.turn, unit=order.unit, order=order.text(), reason=reason)
        )
        return False
    carry_out(sc, st, order, events, by_rule=did)
    return True
