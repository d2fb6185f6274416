"""Red behaviour: raids entering on schedule, SEAD flights firing anti-radiation
missiles at emitters, support aircraft going home. `game` calls it each turn.

Red plays by fixed rules so that a trainee can learn them: a SEAD aircraft fires
from its station, one ARM a minute, sharing its flight's ARMs over the emitters it
hears (`sead.fire_arms`), and leaves when its ARMs are spent; jammers hold station
until their time is up or the raids are over.
"""

from __future__ import annotations

import numpy as np

from wargame.engine.events import Event, RaidEntered, ThreatLeft
from wargame.engine.provocation import provoke
from wargame.engine.release import drop_orphans, release_weapons
from wargame.engine.scenario import CLASSES, Scenario
from wargame.engine.sead import fire_arms
from wargame.engine.state import ACTIVE, LEFT, PENDING, State

__all__ = ["fire_arms", "red_decisions", "spawn_raids", "strike_over"]


def spawn_raids(sc: Scenario, st: State, events: list[Event]) -> None:
    """Threats scheduled for this turn enter at their entry points."""
    scheduled = sc.spawn_schedule.get(st.turn)
    if scheduled is None:
        return
    entering = scheduled[st.status[scheduled] == PENDING]
    if entering.size == 0:
        return
    st.status[entering] = ACTIVE
    roles = sc.t_role[entering]
    groups = sc.t_group[entering]
    for role, group in sorted(set(zip(roles.tolist(), groups.tolist(), strict=True))):
        members = entering[(roles == role) & (groups == group)]
        first = int(members[0])
        ttype = sc.threat_type[first]
        target = sc.target_name(int(sc.t_target_kind[first]), int(sc.t_target_index[first]))
        events.append(
            RaidEntered(
                turn=st.turn,
                raid=sc.group_name(first),
                threat_type=ttype.name,
                threat_class=str(ttype.threat_class),
                count=int(members.size),
                target=target,
                threats=tuple(members.tolist()),
            )
        )


def red_decisions(sc: Scenario, st: State, events: list[Event]) -> None:
    release_weapons(sc, st, events)  # stand-off weapons released, egress, retargeting
    fire_arms(sc, st, events)
    provoke(sc, st, events)  # provoking drones engaged turn home
    _support_goes_home(sc, st, events)
    drop_orphans(sc, st, sc.arm_slots)


def strike_over(sc: Scenario, st: State) -> bool:
    """Every raid member, and every ARM or stand-off weapon in flight, has been spent one
    way or another. Weapons still on their aircraft do not hold the game open: the
    aircraft does while it flies, and one held for a pop-up inject that never fires
    never will."""
    # PENDING and ACTIVE are the two lowest codes: not yet spent. (The weapon slots are
    # among the strike slots; those still aboard are PENDING.)
    # (count_nonzero: a fraction of the cost of .any() on arrays this small)
    unspent = np.count_nonzero(st.status[sc.strike_slots] <= ACTIVE)
    aboard = np.count_nonzero(st.status[sc.weapon_slots] == PENDING)
    return not (unspent - aboard or np.count_nonzero(st.status[sc.arm_slots] == ACTIVE))


def _support_goes_home(sc: Scenario, st: State, events: list[Event]) -> None:
    sead, jammers = sc.sead_slots, sc.jammer_slots
    if sead.size:
        sead = sead[st.status[sead] == ACTIVE]
    if jammers.size:
        jammers = jammers[st.status[jammers] == ACTIVE]
    if sead.size + jammers.size == 0:
        return
    over = strike_over(sc, st)
    leaving = (
        sead[(st.arms_left[sead] == 0) | over].tolist()
        + jammers[(sc.t_until_turn[jammers] <= st.turn) | over].tolist()
    )
    for slot in sorted(leaving):
        st.status[slot] = LEFT
        events.append(
            ThreatLeft(turn=st.turn, threat=slot, threat_class=str(CLASSES[sc.t_class[slot]]))
        )
