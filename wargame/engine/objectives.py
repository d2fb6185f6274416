"""Objectives judged: what a campaign's `[[objectives]]` ask, met or not, and the grade.

`tally_truth(sc, st)` gathers the figures the objectives are judged on from the state
as it truly is; the blue view builds the same `Tally` with `tally_over` from what its
radars saw (`wargame.view.blue.live_objectives`). `judge(objectives, tally)` says of each
objective whether it is met and why, and `grade(rubric, results)` turns the share of
the weight met into a grade and an outcome. `game._end_checks` calls them when a game
ends and writes the result into `GameOver`. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from wargame.campaign.objectives import Objective, ObjectiveKind, Rubric
from wargame.campaign.schema import class_words
from wargame.engine.scenario import CLASS_NAMES, ROLE_STRIKE, Scenario
from wargame.engine.state import DELIVERED, KILLED, NEVER, PENDING, State

GRADES = ("A", "B", "C", "D", "F")


@dataclass(frozen=True)
class Tally:
    """The figures objectives are judged on, at one moment of a game."""

    asset_value: Mapping[str, float]
    """Each defended asset's value, M$."""
    asset_lost: Mapping[str, float]
    """Value destroyed, per asset, M$."""
    rounds_fired: int
    money_spent: float
    """M$ of interceptors fired."""
    radars_lost: int
    """Radars of `blue.radars` lost (not the fire units')."""
    fire_units_lost: int
    ballistic_flown: int
    """Ballistic missiles launched (as seen: tracked)."""
    ballistic_engaged: int
    """Of those, the ones fired at at least once."""
    raid_destroyed: Mapping[str, tuple[int, int]]
    """Per raid: (aircraft destroyed, aircraft in the raid; as seen: of its class seen)."""
    leakers: Mapping[str, int]
    """Threats that reached their target, per class."""
    as_seen: bool = False
    """Figures of the radars' picture: a raid's size is the aircraft of its class seen."""


@dataclass(frozen=True)
class ObjectiveResult:
    """One objective judged."""

    label: str
    weight: float
    met: bool
    reason: str
    """What was measured against what was asked, e.g. 'kept 78 % of its value, needs 80 %'."""

    def as_tuple(self) -> tuple[str, float, bool, str]:
        return (self.label, self.weight, self.met, self.reason)


@dataclass(frozen=True)
class Grade:
    """The rubric applied: the share of the weight met, the grade, the outcome, and why."""

    share: float
    grade: str
    outcome: str
    """victory, marginal or defeat (before any collapse, which is always a defeat)."""
    reason: str


def label_of(objective: Objective) -> str:
    """How an objective reads when the campaign gives it no label."""
    if objective.label:
        return objective.label
    o, kind = objective, objective.kind
    match kind:
        case ObjectiveKind.ASSET_KEPT:
            return f"Keep {o.share or 0:.0%} of {o.asset}"
        case ObjectiveKind.ROUNDS_FIRED:
            return f"Fire at most {o.at_most} interceptors"
        case ObjectiveKind.MONEY_SPENT:
            return f"Spend at most {o.at_most_musd or 0:g} M$ of interceptors"
        case ObjectiveKind.RADARS_LOST:
            return "Lose no radar" if not o.at_most else f"Lose at most {o.at_most} radars"
        case ObjectiveKind.FIRE_UNITS_LOST:
            return "Lose no fire unit" if not o.at_most else f"Lose at most {o.at_most} fire units"
        case ObjectiveKind.BALLISTIC_ENGAGED:
            return "Engage every ballistic missile"
        case ObjectiveKind.AIRCRAFT_DESTROYED:
            return f"Destroy the aircraft of {o.raid}"
        case ObjectiveKind.LEAKERS:
            words = class_words(str(o.threat_class))
            if not o.at_most:
                return f"Let no {words} through"
            return f"Let at most {o.at_most} {words} leakers through"
    return str(kind)  # pragma: no cover (every kind is matched above)


def _at_most(what: str, value: float, limit: float) -> tuple[bool, str]:
    return value <= limit, f"{what} {value:g}, at most {limit:g} allowed"


def judge_one(objective: Objective, tally: Tally) -> tuple[bool, str]:
    """Whether one objective is met on these figures, and the reason."""
    o = objective
    match o.kind:
        case ObjectiveKind.ASSET_KEPT:
            asset = o.asset or ""
            value = tally.asset_value.get(asset, 0.0)
            kept = 1.0 - tally.asset_lost.get(asset, 0.0) / value if value > 0 else 1.0
            need = o.share or 0.0
            # Shares compared in whole tenths of a per cent, as the reason shows them.
            met = round(kept, 3) >= round(need, 3)
            return met, f"{asset} kept {kept:.1%} of its value, needs {need:.1%}"
        case ObjectiveKind.ROUNDS_FIRED:
            return _at_most("interceptors fired", tally.rounds_fired, o.at_most or 0)
        case ObjectiveKind.MONEY_SPENT:
            spent = round(tally.money_spent, 3)
            limit = o.at_most_musd or 0.0
            return spent <= limit, f"{spent:g} M$ of interceptors fired, at most {limit:g} M$"
        case ObjectiveKind.RADARS_LOST:
            return _at_most("radars lost", tally.radars_lost, o.at_most or 0)
        case ObjectiveKind.FIRE_UNITS_LOST:
            return _at_most("fire units lost", tally.fire_units_lost, o.at_most or 0)
        case ObjectiveKind.BALLISTIC_ENGAGED:
            flown, engaged = tally.ballistic_flown, tally.ballistic_engaged
            return engaged >= flown, f"{engaged} of {flown} ballistic missiles engaged"
        case ObjectiveKind.AIRCRAFT_DESTROYED:
            destroyed, count = tally.raid_destroyed.get(o.raid or "", (0, 0))
            seen = " seen so far" if tally.as_seen else ""
            return (
                count > 0 and destroyed >= count,
                f"{destroyed} of the {count} aircraft of {o.raid}{seen} destroyed",
            )
        case ObjectiveKind.LEAKERS:
            cls = str(o.threat_class)
            return _at_most(
                f"{class_words(cls)} leakers", tally.leakers.get(cls, 0), o.at_most or 0
            )
    raise ValueError(f"no rule for objectives of kind {o.kind}")  # pragma: no cover


def judge(objectives: Sequence[Objective], tally: Tally) -> tuple[ObjectiveResult, ...]:
    """Every objective judged on the same figures."""
    out = []
    for objective in objectives:
        met, reason = judge_one(objective, tally)
        out.append(ObjectiveResult(label_of(objective), objective.weight, met, reason))
    return tuple(out)


def grade(rubric: Rubric, results: Sequence[ObjectiveResult]) -> Grade | None:
    """The grade and outcome from the share of the weight met; None without objectives."""
    total = sum(r.weight for r in results)
    if not results or total <= 0:
        return None
    share = round(sum(r.weight for r in results if r.met) / total, 6)
    bounds = (rubric.a, rubric.b, rubric.c, rubric.d)
    letter = next((g for g, least in zip(GRADES, bounds, strict=False) if share >= least), "F")
    if share >= rubric.victory:
        outcome = "victory"
    elif share >= rubric.marginal:
        outcome = "marginal"
    else:
        outcome = "defeat"
    if letter == "F":
        why = f"{share:.0%} of the objectives' weight met, under the {rubric.d:.0%} a D needs"
    else:
        least = bounds[GRADES.index(letter)]
        why = f"{share:.0%} of the objectives' weight met ({letter} needs {least:.0%})"
    missed = [r.label for r in results if not r.met]
    if missed:
        why += "; missed: " + "; ".join(missed)
    return Grade(share=share, grade=letter, outcome=outcome, reason=why)


def tally_truth(sc: Scenario, st: State) -> Tally:
    """The figures as they truly are: the final word, in the after-action report."""
    flown = st.status != PENDING
    flown[sc.false_slots] = False  # a false track's phantom slot is no threat
    return tally_over(sc, st, sc.t_class, flown, raid_class=None)


def tally_over(
    sc: Scenario,
    st: State,
    classes: np.ndarray,
    counted: np.ndarray,
    raid_class: Mapping[str, int] | None,
    destroyed: np.ndarray | None = None,
) -> Tally:
    """The figures over the threats `counted`, each taken to be of `classes`. With
    `raid_class` (the class each raid appears to be), a raid's aircraft destroyed are the
    counted threats of that class destroyed, as far as the radars can tell them apart.
    `destroyed` is what counts as destroyed: the truth by default; blue's kill readings
    for the view in play."""
    killed = st.status == KILLED if destroyed is None else destroyed
    ballistic = CLASS_NAMES.index("ballistic_missile")
    ballistic_counted = counted & (classes == ballistic)
    raid_destroyed: dict[str, tuple[int, int]] = {}
    for g, raid in enumerate(sc.raid_names):
        slots = (sc.t_role == ROLE_STRIKE) & (sc.t_group == g)
        if raid_class is None:
            size = int(slots.sum())
            gone = int((slots & killed).sum())
        else:
            # The radars cannot tell one raid's aircraft from another's of the same class,
            # nor count those never seen: the raid is the aircraft of its class seen.
            looks = counted & (classes == raid_class[raid])
            size = int(looks.sum())
            gone = int((looks & killed).sum())
        raid_destroyed[raid] = (gone, size)
    leaked = counted & (st.status == DELIVERED)
    leakers = {
        CLASS_NAMES[c]: int(n)
        for c, n in enumerate(np.bincount(classes[leaked], minlength=len(CLASS_NAMES)))
        if n
    }
    n_radars = len(sc.loaded.campaign.blue.radars)
    return Tally(
        asset_value=dict(zip(sc.a_name, sc.a_value.tolist(), strict=True)),
        asset_lost=dict(zip(sc.a_name, st.asset_lost.tolist(), strict=True)),
        rounds_fired=int(st.fired.sum()),
        money_spent=float(st.interceptor_cost),
        radars_lost=int((~st.radar_alive[:n_radars]).sum()),
        fire_units_lost=int((~st.radar_alive[sc.f_radar]).sum()),
        ballistic_flown=int(ballistic_counted.sum()),
        ballistic_engaged=int((ballistic_counted & (st.shots_at > 0)).sum()),
        raid_destroyed=raid_destroyed,
        leakers=leakers,
        as_seen=raid_class is not None,
    )


def ever_seen(st: State) -> np.ndarray:
    """(N,) whether any radar has ever detected each threat."""
    return np.asarray((st.seen_by > NEVER).any(axis=0), dtype=bool)
