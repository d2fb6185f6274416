"""Intercepts, leakers and damage.

Missiles due this turn are resolved in the order they arrive. A missile rolls
for a kill only if its target is still flying (an aircraft that reached its release
point earlier in the turn is: it flies on home) and its fire unit still guides it
(radar alive, emitting, in place); a target killed by an earlier missile of the
salvo makes the later ones miss. The roll for the k-th missile resolved against
threat j this turn is U[j, k] from the turn's intercept generator. The radar that
guided it then reads the result with the draw V[j, k] of the assessment generator
(`kill_assessment`): the event carries what blue was told (`assessed`) beside the truth
(`killed`), and the track keeps the reading.

A threat that reaches its target delivers its warhead: against an asset it
damages with probability 1 - hardness and destroys min(1, warhead / 2000 kg) of
the asset's value; a command post or a radar is destroyed with probability 1 - its
hardness (a radar's is 0 unless the campaign gives one). An aircraft carrying stand-off
weapons does no harm by reaching its release point: its weapons, once they arrive, do.
An anti-radiation missile that finds its radar where it was aimed destroys it with the
type's arm_pk if it still emits, or its lower arm_memory_pk if it fell silent
(`arm_arrives`); a radar that moved escapes.
"""

from __future__ import annotations

import numpy as np

from wargame.engine.dice import Phase, generator
from wargame.engine.events import (
    CommandPostDestroyed,
    Event,
    InterceptResolved,
    Leaker,
    RadarDestroyed,
    ThreatDestroyed,
    r3,
)
from wargame.engine.geometry import SAME_SITE_KM
from wargame.engine.kill_assessment import assess_intercept
from wargame.engine.scenario import (
    CLASS_NAMES,
    CLASSES,
    REFERENCE_WARHEAD_KG,
    ROLE_ARM,
    TARGET_ASSET,
    TARGET_CP,
    TARGET_RADAR,
    Scenario,
)
from wargame.engine.state import ACTIVE, DELIVERED, KILLED, SPENT, Shot, State

ROLL_SLOTS = 8
"""Intercept rolls drawn per threat per turn; more missiles than this on one threat in one
turn take further draws from the same generator, in order."""


def arriving(sc: Scenario, st: State) -> tuple[list[Shot], list[Shot]]:
    """The missiles in the air that arrive by the end of this turn, and the others."""
    end = st.turn * sc.dt + 1e-9
    return [s for s in st.shots if s.intercept_time <= end], [
        s for s in st.shots if s.intercept_time > end
    ]


def resolve_intercepts(sc: Scenario, st: State, seed: int, events: list[Event]) -> None:
    due, flying = arriving(sc, st)
    if not due:
        return
    st.shots = flying
    due.sort(key=lambda s: (s.intercept_time, s.fire_unit, s.threat))
    gen = generator(seed, st.turn, Phase.INTERCEPT)
    rolls = gen.random((sc.n_threats, ROLL_SLOTS))
    # How the engagement radar reads each intercept: a draw in the same (threat, slot).
    reading_gen = generator(seed, st.turn, Phase.ASSESSMENT)
    readings = reading_gen.random((sc.n_threats, ROLL_SLOTS))
    # What each due missile needs, gathered once rather than looked up missile by missile.
    threats = np.fromiter((s.threat for s in due), np.int64, len(due))
    radars = sc.f_radar[np.fromiter((s.fire_unit for s in due), np.int64, len(due))]
    guided = (
        st.radar_alive[radars] & st.emitting[radars] & (st.ready_turn[radars] <= st.turn)
    ).tolist()
    # The radar that guided a missile reads its intercept (as it guides, it is on the air).
    missed_rate = sc.r_assess_missed[radars].tolist()
    false_rate = sc.r_assess_false[radars].tolist()
    status = st.status[threats].tolist()
    arrives = st.arrival_time[threats].tolist()
    # An aircraft at its release point flies on home (`release`): arriving there ends
    # nothing, so a missile due later in the turn still finds it in the air.
    ends_there = (sc.t_release_km[threats] <= 0.0).tolist()
    apparent = st.track_class[threats].tolist()  # the class its track shows
    killed_now: set[int] = set()
    slot_used: dict[int, int] = {}
    for shot, j, code, arrival, ends, is_guided, cls, m, f in zip(
        due,
        threats.tolist(),
        status,
        arrives,
        ends_there,
        guided,
        apparent,
        missed_rate,
        false_rate,
        strict=True,
    ):
        reason = ""
        if code == KILLED or j in killed_now:
            reason = "target already destroyed"
        elif code != ACTIVE or (ends and arrival < shot.intercept_time):
            reason = "target no longer in the air"
        elif not is_guided:
            reason = "guidance lost: the fire unit's radar stopped"
        roll = 1.0
        killed = False
        told, confidence = "", 0.0
        if not reason:
            k = slot_used.get(j, 0)
            slot_used[j] = k + 1
            roll = float(rolls[j, k]) if k < ROLL_SLOTS else float(gen.random())
            killed = roll < shot.pk_true
            reading = float(readings[j, k]) if k < ROLL_SLOTS else float(reading_gen.random())
            told, confidence = assess_intercept(
                st, j, shot.pk_planned, killed, reading, m, f, radar_on=is_guided
            )
        events.append(
            InterceptResolved(
                turn=st.turn,
                fire_unit=sc.f_name[shot.fire_unit],
                missile=sc.m_name[shot.missile],
                track=shot.track,
                threat=j,
                threat_class=CLASS_NAMES[cls],
                killed=killed,
                pk=r3(shot.pk_planned),
                pk_true=r3(shot.pk_true),
                roll=r3(roll),
                reason=reason,
                assessed=told,
                kill_confidence=r3(confidence),
            )
        )
        if killed:
            killed_now.add(j)
            st.status[j] = KILLED
            if not arrival < shot.intercept_time:
                st.arrival_time[j] = np.inf  # it never got there
            cost = float(sc.t_cost[j])
            st.threat_cost_destroyed += cost
            events.append(
                ThreatDestroyed(
                    turn=st.turn,
                    threat=j,
                    threat_class=CLASS_NAMES[sc.t_class[j]],
                    threat_type=sc.threat_type[j].name,
                    cost=cost,
                    fire_unit=sc.f_name[shot.fire_unit],
                )
            )


def resolve_leakers(sc: Scenario, st: State, seed: int, events: list[Event]) -> None:
    # An aircraft shot down after it reached its release point in the turn (its arrival
    # time kept: `resolve_intercepts`) struck, or released, first.
    flying = (st.status == ACTIVE) | ((st.status == KILLED) & (sc.t_release_km > 0.0))
    arrived = (flying & np.isfinite(st.arrival_time)).nonzero()[0]
    if arrived.size == 0:
        return
    order = arrived[np.argsort(st.arrival_time[arrived], kind="stable")]
    rolls = generator(seed, st.turn, Phase.DAMAGE).random(sc.n_threats)
    sites = standing_on_sites(sc, st)
    for j in order.tolist():
        if sc.t_role[j] == ROLE_ARM:
            arm_arrives(sc, st, j, float(rolls[j]), events)
        else:
            strike_arrives(sc, st, j, float(rolls[j]), events, sites)


def standing_on_sites(sc: Scenario, st: State) -> dict[int, tuple[list[int], list[int]]]:
    """Per asset with blue units on its site: (radars, command posts) within
    `SAME_SITE_KM` of it; most campaigns have none."""
    ax, ay = sc.a_position[:, 0][:, None], sc.a_position[:, 1][:, None]
    radars = np.hypot(st.r_x[None, :] - ax, st.r_y[None, :] - ay) <= SAME_SITE_KM
    cx, cy = sc.c_position[:, 0][None, :], sc.c_position[:, 1][None, :]
    posts = np.hypot(cx - ax, cy - ay) <= SAME_SITE_KM
    occupied = np.flatnonzero(radars.any(axis=1) | posts.any(axis=1))
    return {
        a: (np.flatnonzero(radars[a]).tolist(), np.flatnonzero(posts[a]).tolist())
        for a in occupied.tolist()
    }


def arm_arrives(sc: Scenario, st: State, j: int, roll: float, events: list[Event]) -> None:
    """ARM `j` reaches where it was aimed. Its radar escapes if destroyed already or moved
    from that point (beyond `SAME_SITE_KM`); else it is destroyed if the ARM's die `roll`
    (its slot's in the leakers phase) is below the type's `arm_pk`, the radar still
    emitting, or `arm_memory_pk`, the radar fallen silent (the ARM flew on to the last
    position it heard). A zero memory pk is no roll: the silent radar escapes."""
    from wargame.engine.events import ArmMissed

    radar = int(st.target_index[j])
    name = sc.r_name[radar]
    moved = (
        np.hypot(st.r_x[radar] - st.path_end[j, 0], st.r_y[radar] - st.path_end[j, 1])
        > SAME_SITE_KM
    )
    ttype = sc.threat_type[j]
    emitting = bool(st.emitting[radar])
    pk = ttype.arm_pk if emitting else ttype.arm_memory_pk
    rolled = True
    if not st.radar_alive[radar]:
        reason, rolled = "radar already destroyed", False
    elif moved:
        reason, rolled = "radar has moved", False
    elif not emitting and pk <= 0.0:
        reason, rolled = "radar silent", False  # no memory: the ARM is lost at once
    elif roll >= pk:
        reason = "missed its roll" if emitting else "radar silent"
    else:
        reason = ""
    if reason:
        st.status[j] = SPENT
        no_roll = -1.0  # the fields' defaults: left out of the event's record
        events.append(
            ArmMissed(
                turn=st.turn,
                threat=j,
                radar=name,
                reason=reason,
                pk=r3(pk) if rolled else no_roll,
                roll=r3(roll) if rolled else no_roll,
            )
        )
        return
    st.status[j] = DELIVERED
    _destroy_radar(sc, st, radar, "arm", j, events)


def _destroy_radar(
    sc: Scenario, st: State, radar: int, by: str, threat: int, events: list[Event]
) -> None:
    st.radar_alive[radar] = False
    st.emitting[radar] = False
    st.radar_value_lost += float(sc.r_value[radar])
    events.append(
        RadarDestroyed(
            turn=st.turn,
            radar=sc.r_name[radar],
            by=by,
            value=float(sc.r_value[radar]),
            threat=threat,
        )
    )


def _moved(sc: Scenario, st: State, j: int, radar: int) -> bool:
    """The radar is no longer where the threat was sent (it relocated)."""
    aim_x, aim_y = sc.r_position0[radar]  # raids are routed at the site the campaign gives
    return bool(np.hypot(st.r_x[radar] - aim_x, st.r_y[radar] - aim_y) > SAME_SITE_KM)


def strike_arrives(
    sc: Scenario,
    st: State,
    j: int,
    roll: float,
    events: list[Event],
    sites: dict[int, tuple[list[int], list[int]]],
) -> None:
    """Threat `j` reaches its target (an aircraft: its release point) and strikes with the
    die `roll` (its slot's in the leakers phase) against the site's hardness. An aircraft
    carrying stand-off weapons does no harm by arriving: it releases them at the turn's end
    (`release`); one without strikes with its own warhead, and both turn home."""
    if not sc.t_delivers[j]:
        return
    if st.status[j] == ACTIVE:  # (one shot down after it struck stays down)
        st.status[j] = ACTIVE if sc.t_release_km[j] > 0.0 else DELIVERED
    kind, index = int(st.target_kind[j]), int(st.target_index[j])
    warhead = float(sc.t_warhead[j])
    cls = str(CLASSES[sc.t_class[j]])
    target = sc.target_name(kind, index)
    damaged = False
    lost = 0.0
    if warhead > 0.0:
        if kind == TARGET_ASSET:
            if roll < 1.0 - sc.a_hardness[index]:
                damaged = True
                value = float(sc.a_value[index])
                lost = min(
                    value - float(st.asset_lost[index]),
                    value * min(1.0, warhead / REFERENCE_WARHEAD_KG),
                )
                st.asset_lost[index] += lost
        elif kind == TARGET_CP:
            if st.cp_alive[index] and roll < 1.0 - sc.c_hardness[index]:
                damaged = True
                lost = float(sc.c_value[index])
        elif (
            kind == TARGET_RADAR
            and st.radar_alive[index]
            and not _moved(sc, st, j, index)
            and roll < 1.0 - sc.r_hardness[index]
        ):
            damaged = True
            lost = float(sc.r_value[index])
    events.append(
        Leaker(
            turn=st.turn,
            threat=j,
            threat_class=cls,
            target=target,
            damaged=damaged,
            value_lost=r3(lost),
        )
    )
    if kind == TARGET_RADAR and damaged:
        _destroy_radar(sc, st, index, "strike", j, events)
    elif kind == TARGET_CP and damaged:
        _destroy_cp(sc, st, index, events)
    elif kind == TARGET_ASSET and damaged and index in sites:
        # What stands on the site is hit with it: its radars and command posts, by the
        # same roll against their own hardness.
        radars, posts = sites[index]
        for radar in radars:
            if st.radar_alive[radar] and roll < 1.0 - sc.r_hardness[radar]:
                _destroy_radar(sc, st, radar, "strike", j, events)
        for cp in posts:
            if st.cp_alive[cp] and roll < 1.0 - sc.c_hardness[cp]:
                _destroy_cp(sc, st, cp, events)


def _destroy_cp(sc: Scenario, st: State, cp: int, events: list[Event]) -> None:
    st.cp_alive[cp] = False
    st.radar_value_lost += float(sc.c_value[cp])
    cut_off = tuple(sc.f_name[f] for f in range(len(sc.f_name)) if sc.r_cp[sc.f_radar[f]] == cp)
    events.append(
        CommandPostDestroyed(
            turn=st.turn,
            command_post=sc.c_name[cp],
            cut_off=cut_off,
            value=float(sc.c_value[cp]),
        )
    )
