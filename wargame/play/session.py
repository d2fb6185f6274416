"""A game in the app: the recorder, the orders given for the coming turn, the saves.

The tactical screen owns one `Session`. Orders given during a turn wait in
`pending` (one per unit and setting, the last word kept) until the turn ends;
`step` then resolves the turn through the recorder, autosaves, and returns a
copy of the state for the screen to show, so the widgets never read a state
the engine is moving on. `play` does the same for the player's time step: several
turns, the orders going with the first, ended early after a turn whose news meets the
player's pause conditions (`wargame.view.alerts`). `step` and `play` run in a worker
thread; everything else runs on the app's thread. Imports no Textual.

A session writes over a file only as it last read or wrote it: if another
program (another game resumed from the same save, say) has written it since,
the save is refused and the autosave moves to a free name, and both say so.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from wargame.campaign import LoadedCampaign, parse_campaign
from wargame.engine import Game, Order, Scenario, Standing, StandingOrder, State
from wargame.engine.events import Event
from wargame.errors import Problem, SaveError, WargameError
from wargame.record import Record, Recorder, free_autosave_path, read_save
from wargame.record.atomic import ABSENT, FileStamp, SaveConflict, atomic_write_text, stamp
from wargame.record.format import dumps_record
from wargame.view.alerts import Alert, PauseRules, pause_alerts
from wargame.view.hints import contact, hints_due, new_hints
from wargame.view.log_lines import TentativeTracks, tentative_tracks

CONTACT_CAP_S = 600.0
"""Game time "advance to the next contact" plays at most before it gives the player the
turn (in whole turns, at least one): ten minutes, whatever the campaign's turn."""


def contact_cap(seconds_per_turn: float) -> int:
    """The turns "advance to the next contact" plays at most: `CONTACT_CAP_S` of game time."""
    return max(1, round(CONTACT_CAP_S / seconds_per_turn))


Stop = Literal["step", "paused", "over", "save_error"]
"""Why turns played together stopped: the time step ran out, a turn's news met the
player's pause conditions, the game ended, or the autosave failed (the player must see it)."""


@dataclass(frozen=True)
class TurnResult:
    """What one resolved turn gives the screen."""

    events: list[Event]
    state: State
    """A copy, the screen's to keep."""
    autosaved: Path | None
    save_error: str
    """Why the autosave failed, or moved to another name ('' if neither)."""
    turns: int = 1
    """How many turns the result holds."""
    stopped: Stop = "step"
    tentative: tuple[TentativeTracks, ...] = ()
    """Each turn's tentative tracks, for the log to fold (`view.log_lines`)."""
    alerts: tuple[Alert, ...] = ()
    """What in the last turn's news met the pause conditions, most urgent first."""


class Session:
    """One game being played in the app."""

    def __init__(
        self,
        recorder: Recorder,
        loaded: LoadedCampaign,
        saves_dir: Path,
        save_path: Path | None = None,
    ) -> None:
        self.recorder = recorder
        self.loaded = loaded
        self.saves_dir = saves_dir
        self.save_path = save_path
        """Where 'save' writes without asking (the last save-as, or the save loaded)."""
        self.pending: dict[tuple[str, str, str], Order] = {}
        """The orders for the coming turn, by `Order.key`."""
        self.saved_turn = recorder.game.turn
        """The last turn written by an explicit save (or loaded from one)."""
        self.saved_pending: tuple[Order, ...] = ()
        """The orders for the next turn that save holds."""
        self.autosaved_turn = -1
        """The last turn the autosave holds (-1: none yet)."""
        self.last_autosave: Path | None = None
        self.autosave_to: Path | None = None
        """Where this game autosaves: chosen at its first autosave, never another game's
        file (or, for a game resumed from an autosave, that file, which it extends)."""
        self.seen: dict[Path, FileStamp] = {}
        """The files this game read or wrote, as it left them (by absolute path)."""

    @classmethod
    def new(cls, loaded: LoadedCampaign, seed: int, saves_dir: Path, player: str = "") -> Session:
        return cls(Recorder.new(loaded, seed, player), loaded, saves_dir)

    @classmethod
    def from_save(cls, path: Path, saves_dir: Path) -> Session:
        """Resume a save; `WargameError` if it cannot be read or does not verify."""
        seen = stamp(path)  # before reading: a write after it is another's
        record = read_save(path)  # digests here; from_record plays it again and checks it
        loaded = parse_campaign(record.campaign_source, record.campaign_name)
        recorder = Recorder.from_record(record, str(path))
        session = cls(recorder, loaded, saves_dir, save_path=path)
        session.seen[path.absolute()] = seen
        for order in record.pending_orders:
            session.give(order)
        session.saved_pending = session.pending_orders()
        if path.parent.resolve() == saves_dir.resolve() and path.name.startswith("autosave-"):
            session.autosave_to = path  # the same game, played on: its autosave grows
        return session

    # ------------------------------------------------------------ reading

    @property
    def scenario(self) -> Scenario:
        return self.recorder.game.scenario

    @property
    def turn(self) -> int:
        return self.recorder.game.turn

    @property
    def over(self) -> bool:
        return self.recorder.game.over

    @property
    def seed(self) -> int:
        return self.recorder.game.seed

    @property
    def record(self) -> Record:
        return self.recorder.record

    def events(self) -> list[Event]:
        """Every event so far, GameStarted first."""
        return self.record.events()

    def history_tentative(self) -> tuple[TentativeTracks, ...]:
        """Each turn played so far, its tentative tracks, for the log to fold the history of
        a game resumed from a save as it folds a turn played now. The save was played again
        when it was loaded (it verified), so playing its orders once more from the start
        gives the states either side of each turn."""
        turns = self.record.turns[1:]
        if not turns:
            return ()
        game = Game.new(self.loaded, self.seed)
        folded: list[TentativeTracks] = []
        for turn in turns:
            before = game.state.copy()
            events = game.step(list(turn.orders))
            folded.append(tentative_tracks(game.scenario, before, game.state, events))
        return tuple(folded)

    def snapshot(self) -> State:
        return self.recorder.game.state.copy()

    @property
    def unsaved_turns(self) -> int:
        return self.turn - self.saved_turn

    @property
    def orders_unsaved(self) -> bool:
        """Whether the orders for the next turn differ from those the last save holds
        (given since, or cancelled since); a save of an earlier turn holds none of them."""
        if self.turn != self.saved_turn:
            return bool(self.pending)
        return set(self.pending_orders()) != set(self.saved_pending)

    @property
    def nothing_to_lose(self) -> bool:
        """Whether leaving needs no question: no orders but those saved, and every turn
        saved; or the game is over and its autosave holds all of it."""
        if self.orders_unsaved:
            return False
        return self.unsaved_turns <= 0 or (self.over and self.autosaved_turn == self.turn)

    # ------------------------------------------------------------ orders

    def give(self, order: Order) -> None:
        """Queue an order for the coming turn, replacing the same unit's earlier word on it."""
        self.pending[order.key] = order

    def cancel(self, order: Order) -> None:
        """Drop the order for the coming turn with the same key as `order`."""
        self.pending.pop(order.key, None)

    def pending_for(self, unit: str) -> list[Order]:
        return [o for (u, _, _), o in self.pending.items() if u == unit]

    def pending_orders(self) -> tuple[Order, ...]:
        """The orders for the coming turn, in the order they were given."""
        return tuple(self.pending.values())

    def take_orders(self) -> list[Order]:
        """The orders for the coming turn, in the order they were given; clears them."""
        orders = list(self.pending.values())
        self.pending.clear()
        return orders

    # ------------------------------------------------------------ standing orders

    def standing_in_force(self) -> Standing:
        """The game's standing orders as they stand after the last turn: the fire dialog
        foresees the next turn with them."""
        return self.recorder.game.standing

    def standing(self) -> list[tuple[StandingOrder, str]]:
        """The standing orders of the game, given and waiting for the next turn, each as it
        will stand then, with a word on it: 'in force', 'from turn 9', 'ends after turn 4'."""
        rules = {r.key: r for r in self.recorder.game.standing.rules}
        for order in self.pending.values():
            if order.action == "standing" and order.rule is not None:
                rules[order.rule.key] = order.rule
        following = self.turn + 1
        out = []
        for rule in rules.values():
            if rule.until_turn is not None and rule.until_turn < following:
                if rule.until_turn < rule.from_turn:
                    continue  # ended before it began: as good as never given
                status = f"ended after turn {rule.until_turn}"
            elif rule.from_turn > following:
                status = f"from turn {rule.from_turn}"
            else:
                status = "in force"
            out.append((rule, status))
        return out

    def add_standing(self, rule: StandingOrder) -> StandingOrder:
        """Give a standing order from the next turn on (its own later start kept)."""
        following = self.turn + 1
        rule = replace(rule, from_turn=max(rule.from_turn, following))
        self.give(Order.standing(rule, turn=following))
        return rule

    def end_standing(self, rule: StandingOrder) -> None:
        """End a standing order after this turn; one only waiting for the next is dropped."""
        given = any(r.key == rule.key for r in self.recorder.game.standing.rules)
        if not given:
            self.cancel(Order.standing(rule))
            return
        self.give(Order.standing(replace(rule, until_turn=self.turn), turn=self.turn + 1))

    def change_standing(self, old: StandingOrder, new: StandingOrder) -> StandingOrder:
        """End `old` after this turn and give `new` from the next."""
        self.end_standing(old)
        return self.add_standing(new)

    # ------------------------------------------------------------ playing

    def step(self, orders: list[Order]) -> TurnResult:
        """Resolve the next turn and autosave (worker thread)."""
        before = self.snapshot()
        events = self.recorder.step(orders)
        state = self.snapshot()
        tentative = (tentative_tracks(self.scenario, before, state, events),)
        autosaved, error = None, ""
        record = self.recorder.record
        try:
            if self.autosave_to is None:
                self.autosave_to = free_autosave_path(record, self.saves_dir)
            try:
                # A new autosave's file must still be free; a known one, as this game left it.
                seen = self.seen.get(self.autosave_to.absolute(), ABSENT)
                self._write(record, self.autosave_to, seen)
            except SaveConflict:
                # Another game took the file: it keeps it, and this game autosaves beside it.
                taken = self.autosave_to
                self.autosave_to = free_autosave_path(record, self.saves_dir)
                self._write(record, self.autosave_to, ABSENT)
                error = (
                    f"another game has written {taken.name} meanwhile; "
                    f"this game autosaves to {self.autosave_to.name} now"
                )
            autosaved = self.autosave_to
            self.last_autosave = autosaved
            self.autosaved_turn = self.turn
        except WargameError as exc:
            error = str(exc)
        return TurnResult(events, state, autosaved, error, tentative=tentative)

    def play(
        self,
        orders: list[Order],
        turns: int,
        rules: PauseRules | None = None,
        hints: bool = False,
    ) -> TurnResult:
        """Play up to `turns` turns, `orders` going with the first, each resolved and
        autosaved as `step` does (worker thread). Play stops after a turn whose news meets
        the pause conditions `rules` (None: never; with `hints`, a hint newly met is news
        too), when the game ends or when an autosave fails. The events of every turn
        played come back together, with the state after the last and why play stopped.
        The events and the save are those of `step` called once a turn: the time step
        never changes the game."""
        if turns < 1:
            raise ValueError(f"a time step of {turns} turns: at least one is played")
        hints = hints and rules is not None and "news" in rules.conditions
        before = self.snapshot()
        due = hints_due(self.scenario, before, self.events()) if hints else []
        events: list[Event] = []
        tentative: list[TentativeTracks] = []
        played = 0
        while True:
            result = self.step(orders if not played else [])
            played += 1
            events.extend(result.events)
            tentative.extend(result.tentative)
            alerts: list[Alert] = []
            if rules is not None:
                alerts = pause_alerts(self.scenario, before, result.state, result.events, rules)
            if hints:
                now = hints_due(self.scenario, result.state, self.events())
                if new_hints(due, now):
                    alerts.append(Alert("news", result.state.turn, "a new hint"))
                due = now
            stopped: Stop = "step"
            if self.over:
                stopped = "over"
            elif result.save_error:
                stopped = "save_error"
            elif alerts:
                stopped = "paused"
            if stopped != "step" or played == turns:
                return replace(
                    result,
                    events=events,
                    turns=played,
                    stopped=stopped,
                    alerts=tuple(alerts),
                    tentative=tuple(tentative),
                )
            before = result.state

    def advance_to_contact(
        self, orders: list[Order], cap: int | None = None, hints: bool = True
    ) -> TurnResult:
        """End turns until one holds something the player should see (`view.hints.contact`:
        a new track, a loss, a hit, a refused order, an inject, the end; with `hints`, a hint
        met), or `cap` turns have passed (None: `CONTACT_CAP_S` of game time); `orders` go
        with the first (worker thread). The events of every turn ended come back together,
        with the state after the last."""
        if cap is None:
            cap = contact_cap(self.scenario.dt)
        before = hints_due(self.scenario, self.recorder.game.state, self.events())
        events: list[Event] = []
        tentative: list[TentativeTracks] = []
        result = self.step(orders)
        for ended in range(1, cap + 1):
            events.extend(result.events)
            tentative.extend(result.tentative)
            news = contact(result.events, result.tentative[0] if result.tentative else None)
            stop = self.over or result.save_error or news is not None
            if not stop and hints:
                after = hints_due(self.scenario, result.state, self.events())
                stop = bool(new_hints(before, after))
            if stop or ended == cap:
                break
            result = self.step([])
        return replace(result, events=events, turns=ended, tentative=tuple(tentative))

    def save_as(self, path: Path) -> None:
        """Write the game so far, with the orders given for the next turn; `WargameError`
        naming the file if it cannot, `SaveConflict` if another program has written it
        since this game read or wrote it."""
        pending = self.pending_orders()
        record = replace(self.recorder.record, pending_orders=pending)
        try:
            self._write(record, path, self.seen.get(path.absolute(), None), folder=False)
        except SaveConflict as conflict:
            said = "; ".join(p.message for p in conflict.problems)
            raise SaveConflict(
                Problem(str(path), f"{said}; save this game under another name")
            ) from None
        self.save_path = path
        self.saved_turn = self.turn
        self.saved_pending = pending

    def _write(
        self, record: Record, path: Path, expect: FileStamp | None, folder: bool = True
    ) -> None:
        """Write a save, making its folder if `folder`; remember the file as written."""
        if folder:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise SaveError(
                    Problem(str(path.parent), f"cannot create the folder: {exc.strerror or exc}")
                ) from None
        self.seen[path.absolute()] = atomic_write_text(path, dumps_record(record), expect=expect)
