"""A game: the campaign, the seed, the state, and the turn that moves it on.

`resolve_turn(scenario, state, orders, seed)` is the pure heart: it copies the
state and runs the phases in order (relocated units set up, orders, raids entering,
movement, detection and tracking, the intercepts due, leakers and damage, then
allocation and launches on the picture that leaves, magazines and reloads, red
decisions, end checks), returning the new state and the turn's events. `Game` wraps it for
callers that play forward: `Game.new(campaign, seed)`, `game.step(orders)`,
`game.outcome`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from wargame.campaign import LoadedCampaign
from wargame.engine.codes import ROLE_FALSE
from wargame.engine.command import apply_orders
from wargame.engine.detection import detect_and_track
from wargame.engine.dice import check_seed
from wargame.engine.events import (
    Event,
    GameOver,
    GameStarted,
    MagazineEmpty,
    ReloadComplete,
    RelocationComplete,
    Result,
    Termination,
    TurnEnded,
    r3,
)
from wargame.engine.fire_control import TurnAhead, launch, plan_engagements
from wargame.engine.injects import run_injects
from wargame.engine.intercept import arriving, resolve_intercepts, resolve_leakers
from wargame.engine.kill_assessment import held_tracks
from wargame.engine.movement import move_threats
from wargame.engine.objectives import ObjectiveResult, grade, judge, tally_truth
from wargame.engine.orders import Order
from wargame.engine.red import red_decisions, spawn_raids, strike_over
from wargame.engine.scenario import ROLE_ARM, ROLE_WEAPON, Scenario, build_scenario
from wargame.engine.standing import Standing, count_salvos, open_standing, split_orders
from wargame.engine.state import State, initial_state

RAIDS_SPENT: Termination = "raids_spent"
DEFENCE_COLLAPSED: Termination = "defence_collapsed"
TURN_LIMIT: Termination = "turn_limit"


@dataclass(frozen=True)
class Score:
    """The score and its parts, M$ (the total in points, from the campaign's weights).

    Mission first: the asset value kept and lost, each asset's times its priority,
    interceptors spent (and beyond the budget), radars lost; the threats destroyed count
    at a small weight."""

    total: float
    threat_cost_destroyed: float
    interceptor_cost: float
    asset_value_lost: float
    radar_value_lost: float
    asset_value_kept: float = 0.0
    """Priority-weighted asset value kept (not destroyed)."""
    asset_priority_lost: float = 0.0
    """Priority-weighted asset value destroyed."""
    over_budget: float = 0.0
    """Interceptors fired beyond the budget."""


@dataclass(frozen=True)
class Outcome:
    """How a game ended: the rules (raids spent, defence collapsed) or the clock (turn limit)."""

    termination: Termination
    result: Result
    score: Score
    turn: int
    grade: str = ""
    """A to F from the campaign's objectives ('' if it has none)."""
    objectives: tuple[ObjectiveResult, ...] = ()


class GameOverError(ValueError):
    """A turn was asked of a game that has ended."""


def score_of(sc: Scenario, st: State, asset_value_lost: float | None = None) -> Score:
    """The score now; `asset_value_lost` if the caller has summed it already."""
    w = sc.loaded.campaign.scoring
    lost = st.asset_value_lost if asset_value_lost is None else asset_value_lost
    priority = st.asset_priority  # an inject may have changed it
    kept = float(np.dot(priority, sc.a_value - st.asset_lost))
    priority_lost = float(np.dot(priority, st.asset_lost))
    budget = w.interceptor_budget
    over = max(0.0, st.interceptor_cost - budget) if budget is not None else 0.0
    total = (
        w.asset_value_kept * kept
        + w.threat_cost_destroyed * st.threat_cost_destroyed
        - w.interceptor_cost * st.interceptor_cost
        - w.over_budget * over
        - w.asset_value_lost * priority_lost
        - w.radar_lost * st.radar_value_lost
    )
    return Score(
        total=r3(total),
        threat_cost_destroyed=r3(st.threat_cost_destroyed),
        interceptor_cost=r3(st.interceptor_cost),
        asset_value_lost=r3(lost),
        radar_value_lost=r3(st.radar_value_lost),
        asset_value_kept=r3(kept),
        asset_priority_lost=r3(priority_lost),
        over_budget=r3(over),
    )


def resolve_turn(
    sc: Scenario, state: State, orders: list[Order], seed: int, standing: Standing | None = None
) -> tuple[State, list[Event]]:
    """Resolve the next turn; `state` is left as it was, and so are the standing orders
    given before it (`standing`, as a `Game` keeps them)."""
    st = state.copy()
    return st, advance(sc, st, orders, seed, None if standing is None else standing.copy())


def advance(
    sc: Scenario, st: State, orders: list[Order], seed: int, standing: Standing | None = None
) -> list[Event]:
    """Resolve the next turn by updating `st` in place (what `resolve_turn` does to a copy),
    and `standing`, the standing orders given so far, if given."""
    if st.over:
        raise GameOverError("the game is over")
    events: list[Event] = []
    standing = Standing() if standing is None else standing
    manual = open_turn(sc, st, orders, events, standing)
    spawn_raids(sc, st, events)
    move_threats(sc, st)
    detect_and_track(sc, st, seed, events)
    # Everything that happens inside the turn is settled before the fire units decide,
    # so that they act at its end on a known picture: the kill assessment of the
    # intercepts, and radars lost to arrivals, come before the next launches.
    resolve_intercepts(sc, st, seed, events)
    resolve_leakers(sc, st, seed, events)
    plan = plan_engagements(sc, st, manual, events, standing.in_force(st.turn))
    launch(sc, st, plan, events)
    count_salvos(sc, st, standing, events)
    _magazines(sc, st, events)
    _reload(sc, st, events)
    red_decisions(sc, st, events)
    run_injects(sc, st, events)
    _end_checks(sc, st, events)
    return events


def open_turn(
    sc: Scenario,
    st: State,
    orders: list[Order],
    events: list[Event],
    standing: Standing | None = None,
) -> list[Order]:
    """The turn's opening phases: the clock moves on a turn, relocated units set up, the
    standing orders act (those given now taken first), the player's orders are applied.
    Returns the engagements ordered, for fire control to judge."""
    st.turn += 1
    units_set_up(sc, st, events)
    given, orders = split_orders(orders)
    if given or standing is not None:
        standing = Standing() if standing is None else standing
        for rule in given:
            standing.give(rule)
        open_standing(sc, st, standing, events)
    return apply_orders(sc, st, orders, events)


def turn_ahead(
    sc: Scenario, st: State, orders: Sequence[Order], standing: Standing | None = None
) -> TurnAhead:
    """The next turn as far as it can be foreseen from `st`: its opening phases run on a
    copy with the `orders` given for it so far, its events dropped, and the missiles due
    in it landed (their channels are free when fire control plans). The fire dialog
    judges a shot ordered now on it (`fire_control.manual_shots`)."""
    ahead = st.copy()
    rules = None if standing is None else standing.copy()
    engagements = open_turn(sc, ahead, list(orders), [], rules)
    ahead.shots = arriving(sc, ahead)[1]
    return TurnAhead(now=st, state=ahead, engagements=tuple(engagements))


def units_set_up(sc: Scenario, st: State, events: list[Event]) -> None:
    """Relocated units whose set-up ends this turn take up their emission orders again."""
    back = ((st.ready_turn == st.turn) & st.radar_alive).nonzero()[0]
    for radar in back.tolist():
        st.emitting[radar] = st.wanted_emitting[radar]
        events.append(
            RelocationComplete(
                turn=st.turn, unit=sc.r_name[radar], emitting=bool(st.emitting[radar])
            )
        )


def _magazines(sc: Scenario, st: State, events: list[Event]) -> None:
    fired_now = {(e.fire_unit, e.missile) for e in events if e.kind == "missile_launched"}  # type: ignore[attr-defined]
    for unit_name, missile_name in sorted(fired_now):
        f, m = sc.f_name.index(unit_name), sc.m_name.index(missile_name)
        if st.ready[f, m] == 0 and st.stock[f, m] == 0:
            events.append(MagazineEmpty(turn=st.turn, fire_unit=unit_name, missile=missile_name))


def _reload(sc: Scenario, st: State, events: list[Event]) -> None:
    """One launcher at a time per fire unit is reloaded from its stock. A reload begun in
    turn n (at its end, n T seconds, when the launches that emptied the launcher went)
    takes the launcher type's reload_s: its rounds are ready for the first launches at
    or after n T + reload_s, those of turn n + ceil(reload_s / T) (`f_reload_turns`), so
    it is done in the turn before, after that turn's launches. A reload no longer than
    a turn is done in the turn it begins."""
    busy = st.reload_missile >= 0
    short = ((st.stock > 0) & (st.ready < sc.f_initial_ready)).any(axis=1)
    # Work only for a reload that ends now, or a unit with stock and launchers short of
    # their first load (whether a launcher has room is `_room`'s to say).
    due = np.where(busy, st.reload_done <= st.turn, short) & st.radar_alive[sc.f_radar]
    for f in due.nonzero()[0].tolist():
        _reload_done(sc, st, f, events)
        if st.reload_missile[f] < 0:
            wanted = ((st.stock[f] > 0) & (st.ready[f] < sc.f_initial_ready[f])).nonzero()[0]
            for m in wanted.tolist():
                if _room(sc, st, f, m) > 0:
                    st.reload_missile[f] = m
                    st.reload_done[f] = st.turn + sc.f_reload_turns[f] - 1
                    _reload_done(sc, st, f, events)
                    break


def _reload_done(sc: Scenario, st: State, f: int, events: list[Event]) -> None:
    """Fire unit f's reload, if one ends by this turn: its launcher takes the rounds."""
    m = int(st.reload_missile[f])
    if m < 0 or st.reload_done[f] > st.turn:
        return
    rounds = min(int(st.stock[f, m]), _room(sc, st, f, m))
    st.stock[f, m] -= rounds
    st.ready[f, m] += rounds
    st.reload_missile[f] = -1
    if rounds:
        events.append(
            ReloadComplete(
                turn=st.turn, fire_unit=sc.f_name[f], missile=sc.m_name[m], rounds=rounds
            )
        )


def _room(sc: Scenario, st: State, f: int, m: int) -> int:
    """Rounds of type m that one launcher's worth of free tubes can take."""
    per_tube = sc.m_per_tube
    used = int(np.sum(-(-st.ready[f] // per_tube)))
    free_tubes = min(int(sc.f_tubes[f]) - used, int(sc.f_tubes_per_launcher[f]))
    return max(0, free_tubes) * int(per_tube[m])


def score_weights(sc: Scenario) -> tuple[float, ...]:
    """Points per M$ of each part of the score, in `SCORE_PARTS` order."""
    w = sc.loaded.campaign.scoring
    return (
        w.asset_value_kept,
        w.threat_cost_destroyed,
        w.interceptor_cost,
        w.over_budget,
        w.asset_value_lost,
        w.radar_lost,
    )


def collapse_reason(sc: Scenario, st: State) -> str:
    """Why the defence has collapsed ('' while it stands): too much of the defended value
    destroyed, or too large a share of its fire units or of its radars lost."""
    scoring = sc.loaded.campaign.scoring
    total_value = sc.total_asset_value
    lost = st.asset_value_lost
    if total_value > 0 and lost / total_value >= scoring.defeat_asset_loss:
        return (
            f"{lost / total_value:.0%} of the defended value destroyed "
            f"(limit {scoring.defeat_asset_loss:.0%})"
        )
    units_lost = int((~st.radar_alive[sc.f_radar]).sum())
    units = len(sc.f_name)
    if units and units_lost / units >= scoring.collapse_fire_units_lost:
        limit = scoring.collapse_fire_units_lost
        return f"{units_lost} of {units} fire units lost (limit {limit:.0%})"
    radars_lost = int((~st.radar_alive).sum())
    radars = len(sc.r_name)
    if radars and radars_lost / radars >= scoring.collapse_radars_lost:
        return f"{radars_lost} of {radars} radars lost (limit {scoring.collapse_radars_lost:.0%})"
    return ""


def judged(
    sc: Scenario, st: State, collapse: str
) -> tuple[Result, str, str, tuple[ObjectiveResult, ...]]:
    """The result, grade, the grade's reason and each objective, judged on the truth. A
    collapse is a defeat, graded F; without objectives, a game the defence survives is
    a victory and has no grade."""
    campaign = sc.loaded.campaign
    results = judge(campaign.objectives, tally_truth(sc, st))
    graded = grade(campaign.rubric, results)
    if collapse:
        return "defeat", ("F" if graded else ""), f"the defence collapsed: {collapse}", results
    if graded is None:
        return "victory", "", "", results
    outcome: Result = (
        "victory"
        if graded.outcome == "victory"
        else ("marginal" if graded.outcome == "marginal" else "defeat")
    )
    return outcome, graded.grade, graded.reason, results


def _end_checks(sc: Scenario, st: State, events: list[Event]) -> None:
    collapse = collapse_reason(sc, st)
    termination: Termination | None = None
    if collapse:
        termination = DEFENCE_COLLAPSED
    elif strike_over(sc, st):
        termination = RAIDS_SPENT
    elif st.turn >= sc.turn_limit:
        termination = TURN_LIMIT
    score = score_of(sc, st)
    tracks = int(np.count_nonzero(held_tracks(st)))  # blue's count, not the truth's
    on_air = st.emitting & st.radar_alive & (st.ready_turn <= st.turn)
    names = sc.r_name
    events.append(
        TurnEnded(
            turn=st.turn,
            time_s=st.turn * sc.dt,
            emitting=tuple([names[r] for r in on_air.nonzero()[0].tolist()]),
            tracks=tracks,
            score=score.total,
        )
    )
    if termination:
        st.over = True
        result, letter, why, results = judged(sc, st, collapse)
        events.append(
            GameOver(
                turn=st.turn,
                termination=termination,
                result=result,
                score=score.total,
                threat_cost_destroyed=score.threat_cost_destroyed,
                interceptor_cost=score.interceptor_cost,
                asset_value_lost=score.asset_value_lost,
                radar_value_lost=score.radar_value_lost,
                asset_value_kept=score.asset_value_kept,
                asset_priority_lost=score.asset_priority_lost,
                over_budget=score.over_budget,
                collapse=collapse,
                grade=letter,
                grade_reason=why,
                objectives=tuple(r.as_tuple() for r in results),
                score_weights=score_weights(sc),
            )
        )


class Game:
    """A game in play: `Game.new(campaign, seed)`, then `step(orders)` until `outcome`."""

    def __init__(
        self, scenario: Scenario, state: State, seed: int, outcome: Outcome | None = None
    ) -> None:
        self.scenario = scenario
        self.state = state
        self.seed = seed
        self._outcome = outcome
        self.standing = Standing()
        """The standing orders given so far, and what they remember."""

    @classmethod
    def new(cls, campaign: LoadedCampaign, seed: int) -> Game:
        seed = check_seed(seed)
        scenario = build_scenario(campaign)
        return cls(scenario, initial_state(scenario), seed)

    def started_event(self) -> GameStarted:
        """Turn 0: the starting forces, for the after-action report."""
        sc = self.scenario
        scoring = sc.loaded.campaign.scoring
        return GameStarted(
            turn=0,
            title=sc.loaded.campaign.meta.title,
            seed=self.seed,
            seconds_per_turn=sc.dt,
            radars=tuple(
                (name, float(sc.r_value[i]), bool(self.state.emitting[i]))
                for i, name in enumerate(sc.r_name)
            ),
            fire_units=tuple(sc.f_name),
            assets=tuple(
                (n, float(v)) for n, v in zip(sc.a_name, sc.a_value.tolist(), strict=True)
            ),
            # The threats it sends, as saves of earlier rules count them: not the weapons
            # its aircraft carry (ARMs among them), nor the phantom slots of false tracks.
            threats=int(np.isin(sc.t_role, (ROLE_ARM, ROLE_WEAPON, ROLE_FALSE), invert=True).sum()),
            score_weights=(
                scoring.threat_cost_destroyed,
                scoring.interceptor_cost,
                scoring.asset_value_lost,
                scoring.radar_lost,
            ),
        )

    @property
    def turn(self) -> int:
        return self.state.turn

    @property
    def over(self) -> bool:
        return self.state.over

    @property
    def outcome(self) -> Outcome | None:
        """How the game ended, or None while it goes on."""
        return self._outcome

    def step(self, orders: list[Order] | None = None) -> list[Event]:
        """Resolve the next turn with these orders (units without orders keep their settings)."""
        # The game owns its state and moves it on in place; keep `state.copy()` to branch.
        events = advance(self.scenario, self.state, list(orders or []), self.seed, self.standing)
        if self.state.over:
            over = next(e for e in events if isinstance(e, GameOver))
            self._outcome = Outcome(
                termination=over.termination,
                result=over.result,
                score=score_of(self.scenario, self.state),
                turn=self.state.turn,
                grade=over.grade,
                objectives=tuple(ObjectiveResult(*row) for row in over.objectives),
            )
        return events

    def score(self) -> Score:
        return score_of(self.scenario, self.state)
