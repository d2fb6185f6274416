"""Injects phase: the exercise's script (`campaign.injects`), carried out at a turn's end.

Called by `game.advance` once a turn, after red's decisions and before the end
checks. Each inject's condition is judged on the truth, on the state and the turn's
events: it fires at the end of the turn it is first met (`When.turn`: that turn), so
its effect holds from the next turn. Every condition is an edge the turn's events
or the state show (confirmed tracks reaching a count, counted by the state as they
are confirmed; a track of a class made where none was before, a unit destroyed, an asset
first damaged, a magazine falling below a count), so the phase keeps no memory of
its own and a branch or a replay does exactly what the game did.

The effects use the engine's own state: a failed radar is out of action until a
turn, as a relocating one is (silent, it cannot be switched on, and takes up its
emission orders again when it is back); a cut command post leaves its fire units to
fight alone, as a destroyed one does; a pop-up raid's threats are held (spent) from
the first turn's end until their inject lets them in; a resupply puts rounds on the
launchers' free tubes, the rest in stock. A campaign without injects meets none of it.
"""

from __future__ import annotations

import numpy as np

from wargame.campaign import ThreatClass
from wargame.campaign.injects import Inject, When
from wargame.engine.events import (
    AssetPriorityChanged,
    Event,
    Leaker,
    LinkCut,
    MissileLaunched,
    RadarDestroyed,
    RadarFailed,
    RaidEntered,
    RaidPoppedUp,
    Resupplied,
    TrackInitiated,
    r3,
)
from wargame.engine.scenario import CLASS_CODE, ROLE_STRIKE, Scenario
from wargame.engine.state import ACTIVE, NEVER, PENDING, SPENT, State

ROUNDING = 5e-4
"""The most an event's figure differs from the state's (events round to 0.001)."""


def run_injects(sc: Scenario, st: State, events: list[Event]) -> None:
    """Fire the injects whose condition this turn meets (all judged before any acts)."""
    injects = sc.loaded.campaign.injects
    if not injects:
        return
    held = _hold_popup_raids(sc, st, injects)
    firing = [inject for inject in injects if condition_met(sc, st, inject.when, events)]
    for inject in firing:
        _carry_out(sc, st, inject, events, held)


def condition_met(sc: Scenario, st: State, when: When, events: list[Event]) -> bool:
    """Whether this turn first meets the condition (the truth: injects are the script)."""
    match when.condition:
        case "turn":
            return st.turn == when.turn
        case "tracks":
            # Confirmed tracks: a tentative one is most likely a false alarm.
            total = st.tracks_confirmed
            now = int(np.count_nonzero(st.track_confirmed_turn == st.turn))
            return total >= int(when.tracks or 1) > total - now
        case "first_track":
            code = CLASS_CODE[ThreatClass(str(when.first_track))]
            made = {e.threat for e in events if isinstance(e, TrackInitiated)}
            if not any(sc.t_class[t] == code for t in made):
                return False
            # None of the class held before: every one ever detected was seen first now.
            of_class = np.flatnonzero((sc.t_class == code) & (st.track_last != NEVER))
            return all(t in made for t in of_class.tolist())
        case "units_lost":
            lost = int(np.count_nonzero(~st.radar_alive))
            now = sum(1 for e in events if isinstance(e, RadarDestroyed))
            return lost >= int(when.units_lost or 0) > lost - now
        case "asset_hit":
            hits = [
                e.value_lost
                for e in events
                if isinstance(e, Leaker) and e.damaged and e.target == when.asset_hit
            ]
            # Untouched before: the damage now is this turn's (its events round to 0.001).
            before = float(st.asset_lost[sc.a_name.index(str(when.asset_hit))]) - sum(hits)
            return bool(hits) and before <= ROUNDING * len(hits) + 1e-9
        case _:
            units = _fire_units(sc, when.fire_unit)
            missiles = _missiles(sc, when.missile)
            rounds = int(
                (st.ready[np.ix_(units, missiles)] + st.stock[np.ix_(units, missiles)]).sum()
            )
            fired = sum(
                1
                for e in events
                if isinstance(e, MissileLaunched)
                and sc.f_name.index(e.fire_unit) in units
                and sc.m_name.index(e.missile) in missiles
            )
            below = int(when.rounds_below or 0)
            return rounds < below <= rounds + fired


def _fire_units(sc: Scenario, name: str | None) -> list[int]:
    return list(range(len(sc.f_name))) if name is None else [sc.f_name.index(name)]


def _missiles(sc: Scenario, name: str | None) -> list[int]:
    return list(range(len(sc.m_name))) if name is None else [sc.m_name.index(name)]


def _raid_slots(sc: Scenario, raid: str) -> np.ndarray:
    g = sc.raid_names.index(raid)
    return np.flatnonzero((sc.t_role == ROLE_STRIKE) & (sc.t_group == g))


def _hold_popup_raids(sc: Scenario, st: State, injects: list[Inject]) -> dict[str, np.ndarray]:
    """The slots of each raid an inject pops up; those not yet in are held (spent) until
    it fires. A held slot has never flown; one spent in flight has."""
    held: dict[str, np.ndarray] = {}
    for inject in injects:
        if inject.kind == "popup_raid" and inject.raid is not None:
            slots = _raid_slots(sc, inject.raid)
            st.status[slots[st.status[slots] == PENDING]] = SPENT
            held[inject.raid] = slots[(st.status[slots] == SPENT) & (st.flown[slots] == 0.0)]
    return held


def _carry_out(
    sc: Scenario, st: State, inject: Inject, events: list[Event], held: dict[str, np.ndarray]
) -> None:
    turn = st.turn
    match inject.kind:
        case "radar_failure":
            r = sc.r_name.index(str(inject.unit))
            if not st.radar_alive[r]:
                return
            back = turn + int(inject.turns or 1) + 1
            st.emitting[r] = False
            st.ready_turn[r] = max(int(st.ready_turn[r]), back)
            events.append(
                RadarFailed(
                    turn=turn,
                    inject=inject.name,
                    unit=sc.r_name[r],
                    until_turn=int(st.ready_turn[r]),
                    message=inject.message,
                )
            )
        case "link_cut":
            cp = sc.c_name.index(str(inject.command_post))
            if not st.cp_alive[cp]:
                return
            st.cp_alive[cp] = False
            alone = sc.cp_fire_units[cp]
            alone = alone[st.radar_alive[sc.f_radar[alone]]]
            events.append(
                LinkCut(
                    turn=turn,
                    inject=inject.name,
                    command_post=sc.c_name[cp],
                    cut_off=tuple(sc.f_name[f] for f in alone.tolist()),
                    message=inject.message,
                )
            )
        case "popup_raid":
            slots = held.get(str(inject.raid), np.zeros(0, dtype=np.int64))
            slots = slots[st.status[slots] == SPENT]
            if slots.size == 0:
                return
            st.status[slots] = ACTIVE
            first = int(slots[0])
            ttype = sc.threat_type[first]
            events.append(
                RaidPoppedUp(
                    turn=turn,
                    inject=inject.name,
                    raid=str(inject.raid),
                    count=int(slots.size),
                    message=inject.message,
                )
            )
            events.append(
                RaidEntered(
                    turn=turn,
                    raid=str(inject.raid),
                    threat_type=ttype.name,
                    threat_class=str(ttype.threat_class),
                    count=int(slots.size),
                    target=sc.target_name(
                        int(sc.t_target_kind[first]), int(sc.t_target_index[first])
                    ),
                    threats=tuple(slots.tolist()),
                )
            )
        case "asset_priority":
            a = sc.a_name.index(str(inject.asset))
            was = float(st.asset_priority[a])
            st.asset_priority[a] = float(inject.priority or was)
            events.append(
                AssetPriorityChanged(
                    turn=turn,
                    inject=inject.name,
                    asset=sc.a_name[a],
                    priority=r3(float(st.asset_priority[a])),
                    was=r3(was),
                    message=inject.message,
                )
            )
        case "resupply":
            f = sc.f_name.index(str(inject.fire_unit))
            if not st.radar_alive[sc.f_radar[f]]:
                return
            m = sc.m_name.index(str(inject.missile))
            rounds = int(inject.rounds or 0)
            per_tube = sc.m_per_tube
            used = int(np.sum(-(-st.ready[f] // per_tube)))
            free_tubes = max(0, int(sc.f_tubes[f]) - used)
            # Its own type's last tube may have room too (four small rounds to a tube).
            have = int(st.ready[f, m])
            room = (-(-have // int(per_tube[m])) + free_tubes) * int(per_tube[m]) - have
            ready = min(rounds, room)
            st.ready[f, m] += ready
            st.stock[f, m] += rounds - ready
            events.append(
                Resupplied(
                    turn=turn,
                    inject=inject.name,
                    fire_unit=sc.f_name[f],
                    missile=sc.m_name[m],
                    rounds=rounds,
                    ready=ready,
                    message=inject.message,
                )
            )
