"""Launch: the planned salvos fired, and what each round carries to its intercept.

`Engagement` is a salvo as planning (automatic or ordered) hands it on; `launch` fires
those whose target still flies, from the rounds ready and not held in reserve, no more
rounds from a unit than its launch interval lets leave in the turn (`launch_slots`), and
logs one `MissileLaunched` per round. Called by the turn (`game.advance`) after planning.
`rounds_to_fire` is the one rule for how many rounds a salvo fires: launch applies it,
and the fire dialog's answers (`manual.manual_shots`) show it.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from wargame.engine.events import Event, MissileLaunched, r3
from wargame.engine.fire_control.readiness import launch_slots, usable_rounds
from wargame.engine.fire_control.timing import arrival_turn
from wargame.engine.geometry import edge_factor
from wargame.engine.kill_assessment import held_tracks
from wargame.engine.scenario import CLASS_NAMES, Scenario
from wargame.engine.state import Shot, State
from wargame.engine.tracking import intercept_aim


class Engagement(NamedTuple):
    """A planned salvo: launched in the launch phase if the target is still flying.
    (A named tuple: a turn may plan hundreds, and they are cheap to make.)"""

    fire_unit: int
    missile: int
    threat: int
    rounds: int
    pk: float
    range_km: float
    time_of_flight: float
    manual: bool


def rounds_to_fire(
    sc: Scenario,
    st: State,
    unit: int,
    missile: int,
    threat: int,
    asked: int,
    spent: int = 0,
    slots_left: int | None = None,
) -> int:
    """The rounds a salvo of `asked` fires from `unit` at `threat` now: no more than the
    unit's rounds of the type ready and not held in reserve for another class than the
    track's, less `spent` (those that salvos fired before it this turn will take), and no
    more than it can still launch this turn: `slots_left`, or if not given all of its
    `launch_slots`."""
    cls = st.track_class[threat : threat + 1]
    usable = int(usable_rounds(sc, st, np.array([unit]), cls)[0, missile]) - spent
    if slots_left is None:
        slots_left = int(launch_slots(sc, st)[unit])
    return max(0, min(asked, usable, slots_left))


def launch(sc: Scenario, st: State, plan: list[Engagement], events: list[Event]) -> None:
    """Fire the planned salvos whose tracks blue still holds (a threat destroyed
    unseen by the kill assessment draws its rounds: they find nothing)."""
    if not plan:
        return
    now = st.turn * sc.dt
    missiles = np.array([e.missile for e in plan])
    threats = np.array([e.threat for e in plan])
    ranges = np.array([e.range_km for e in plan])
    # What each round really achieves, against what the threat truly is (a decoy differs).
    true_pks = sc.m_pk[missiles, sc.t_class[threats]] * edge_factor(
        ranges / sc.m_max_range[missiles]
    )
    # From where the track put the intercept point, as planned (`tracking`).
    true_pks *= intercept_aim(sc, st, threats, np.array([e.time_of_flight for e in plan]))
    if sc.false_slots.size:  # a false track (`false_alarms`): nothing there to kill
        true_pks[threats >= sc.false_slots[0]] = 0.0
    apparent = st.track_class[threats]  # the class its track shows
    slots = launch_slots(sc, st)  # rounds each unit can still launch this turn
    for e, flying, true_pk, cls, track, cost in zip(
        plan,
        held_tracks(st)[threats].tolist(),  # a track blue holds, dead or not
        true_pks.tolist(),
        apparent.tolist(),
        st.track_id[threats].tolist(),
        sc.m_cost[missiles].tolist(),
        strict=True,
    ):
        f, m, j = e.fire_unit, e.missile, e.threat
        if not flying:
            continue
        rounds = rounds_to_fire(sc, st, f, m, j, e.rounds, slots_left=int(slots[f]))
        if rounds <= 0:
            continue
        slots[f] -= rounds
        hit_time = now + e.time_of_flight
        st.ready[f, m] -= rounds
        st.fired[f, m] += rounds
        st.shots_at[j] += rounds
        # One event per round; the rounds of a salvo are alike, so they share it.
        launched = MissileLaunched(
            turn=st.turn,
            fire_unit=sc.f_name[f],
            missile=sc.m_name[m],
            track=track,
            threat=j,
            threat_class=CLASS_NAMES[cls],
            pk=r3(e.pk),
            range_km=r3(e.range_km),
            intercept_turn=arrival_turn(sc, st, e.time_of_flight),
            cost=cost,
            ordered=e.manual,
        )
        for _ in range(rounds):
            st.interceptor_cost += cost
            st.shots.append(Shot(f, m, j, track, hit_time, e.pk, true_pk, st.turn))
            events.append(launched)
