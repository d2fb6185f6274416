"""The fire dialog's model: what each fire unit could fire at one track now, or why not.

Called by the TUI's fire dialog. The answers are the engine's (`manual_shots` on the
next turn as `turn_ahead` foresees it), asked again when the player changes a salvo
(`with_salvo`): this module only names the missiles and puts the best shots first.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from wargame.engine.fire_control import ManualShot, manual_shots
from wargame.engine.game import turn_ahead
from wargame.engine.orders import Order
from wargame.engine.scenario import Scenario
from wargame.engine.standing import Standing
from wargame.engine.state import State


@dataclass(frozen=True)
class Shot:
    """What one fire unit could fire at one track now, or why it cannot."""

    fire_unit: int
    missile: str
    """The type fired, '' where the order would be refused."""
    pk: float
    """Single-round kill probability at the predicted intercept point."""
    salvo: int
    """Rounds it will fire: those ordered, no more than the unit may fire."""
    pk_salvo: float
    range_km: float
    time_of_flight_s: float
    reason: str
    """Why it cannot ('' if it can), as the engine will refuse the order."""
    alternative: bool = False
    """Another missile type than the one fire control would choose: the order names it."""
    round_cost: float = 0.0
    """Price of one round, M$."""
    salvo_ordered: int = 0
    """Rounds the order asks for (more than `salvo` where the unit has fewer to fire)."""

    @property
    def possible(self) -> bool:
        return not self.reason


def shot_options(
    sc: Scenario,
    st: State,
    slot: int,
    orders: Sequence[Order] = (),
    standing: Standing | None = None,
) -> list[Shot]:
    """Per fire unit, the manual shot at the track of threat `slot` that an order given
    now would fire at the end of the next turn, with the next turn's `orders` given so
    far and the game's `standing` orders (a silence or a move they order next turn), or
    the reason it would be refused; best first. After each unit's shot, its other loaded
    types that could engage too (`alternative`), best first."""
    answers = manual_shots(sc, turn_ahead(sc, st, orders, standing), slot)
    mains: list[Shot] = []
    others: dict[int, list[Shot]] = {}
    for answer in answers:
        shot = _shot(sc, answer)
        if answer.alternative:
            others.setdefault(shot.fire_unit, []).append(shot)
        else:
            mains.append(shot)
    mains.sort(key=lambda s: (not s.possible, -s.pk_salvo, s.fire_unit))
    for shots in others.values():
        shots.sort(key=lambda s: -s.pk_salvo)
    return [shot for main in mains for shot in (main, *others.get(main.fire_unit, []))]


def with_salvo(
    sc: Scenario,
    st: State,
    slot: int,
    shot: Shot,
    salvo: int,
    orders: Sequence[Order] = (),
    standing: Standing | None = None,
) -> Shot:
    """The engine's answer for `shot` (its unit, and its missile where the order names one)
    with a salvo of `salvo` rounds ordered."""
    missile = shot.missile if shot.alternative else None
    ahead = turn_ahead(sc, st, orders, standing)
    answer = manual_shots(sc, ahead, slot, unit=shot.fire_unit, missile=missile, salvo=salvo)[0]
    return _shot(sc, dataclasses.replace(answer, alternative=shot.alternative))


def _shot(sc: Scenario, answer: ManualShot) -> Shot:
    return Shot(
        fire_unit=answer.fire_unit,
        missile=sc.m_name[answer.missile] if answer.possible else "",
        pk=answer.pk,
        salvo=answer.salvo,
        pk_salvo=answer.pk_salvo,
        range_km=answer.range_km,
        time_of_flight_s=answer.time_of_flight_s,
        reason=answer.reason,
        alternative=answer.alternative,
        round_cost=answer.round_cost,
        salvo_ordered=answer.salvo_ordered,
    )
