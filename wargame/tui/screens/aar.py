"""The after-action report: the score, charts by turn, the tables of `build_aar`, and
the engagements, one row per salvo, filtered as the player types ('/' to filter)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich import box
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from wargame.campaign.schema import class_words
from wargame.errors import WargameError
from wargame.play.aar_view import Report
from wargame.report.engagements import Engagement, matching
from wargame.report.luck import Luck, luck_renderable
from wargame.report.map_text import map_text
from wargame.tui.widgets.charts import TurnChart
from wargame.view.words import score_text, short_missile

if TYPE_CHECKING:
    from wargame.record import Record


class _Cancelled(Exception):
    """The luck worker was cancelled (the screen closed, or l pressed again)."""


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


SHOWN_ENGAGEMENTS = 200
"""Rows of the engagements table drawn at once; the filter narrows the rest."""


def _table(title: str, *columns: str) -> Table:
    table = Table(
        title=title,
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        expand=False,
    )
    for i, column in enumerate(columns):
        table.add_column(column, justify="left" if i == 0 else "right")
    return table


class AarScreen(Screen[None]):
    """The report of a game (interim during play); escape goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,a", "close", "Back"),
        Binding("r", "replay", "Replay this game"),
        Binding("l", "luck", "Luck and skill"),
        Binding("slash", "filter_engagements", "Filter engagements"),
    ]
    """escape (or q, a) goes back; r replays the game turn by turn; / filters the
    engagements."""

    LUCK_RUNS = 100
    """Other seeds `l` plays the game's orders on (and the default doctrine)."""

    class LuckPlayed(Message):
        """Seeds played so far by the luck worker."""

        def __init__(self, played: int, runs: int) -> None:
            super().__init__()
            self.played = played
            self.runs = runs

    class LuckFound(Message):
        """The luck worker's result: the figures, or why there are none."""

        def __init__(self, luck: Luck | None, problem: str = "") -> None:
            super().__init__()
            self.luck = luck
            self.problem = problem

    def __init__(
        self, report: Report, can_replay: bool = True, record: Record | None = None
    ) -> None:
        super().__init__()
        self.report = report
        self.can_replay = can_replay
        self.record = record
        """The game's record, for luck and skill (else the app's game in play, if it is
        this one)."""
        self.luck: Luck | None = None

    def compose(self) -> ComposeResult:
        aar, report = self.report.aar, self.report
        by = f", played by {aar.player}" if aar.player else ""
        if report.interim:
            head = (
                f"Interim report: {aar.title}, turn {aar.turns}{by}. What your radars have "
                "seen; the full report comes at the end."
            )
        else:
            card = aar.score
            head = (
                f"After-action report: {aar.title}{by}: {card.result.upper()} "
                f"({card.termination.replace('_', ' ')}), score {score_text(card.total)}, "
                f"{aar.turns} turns" + (f", grade {card.grade}" if card.grade else "")
            )
        yield Static(head, id="aar-title", markup=False)
        with VerticalScroll(id="aar-body"):
            yield Static(self._score())
            if aar.score.objectives or aar.score.collapse:
                yield Static(self._objectives())
            yield Static(self._luck_hint(), id="aar-luck", markup=False)
            if not report.interim:
                yield Static("The engagement map is being drawn…", id="aar-map")
            yield TurnChart(
                "Threats in the air" if not report.interim else "Tracks held",
                report.threats_by_turn,
                "text-error",
                level=True,
            )
            yield TurnChart("Interceptors fired", report.launches_by_turn, "text-accent")
            yield TurnChart("Kills", report.kills_by_turn, "text-success")
            yield TurnChart("Leakers", report.leakers_by_turn, "text-warning")
            yield Static(self._threats())
            yield Static(self._interceptors())
            yield Static(self._assets())
            yield Static(self._radars())
            yield Static(self._moments())
            yield Input(
                placeholder="filter engagements: unit, missile, class or result",
                id="engagement-filter",
            )
            yield Static(self._engagements(""), id="engagements")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#aar-body", VerticalScroll).focus()
        record = None if self.report.interim else self._game_record()
        if record is not None:
            self._draw_map(record)
        elif not self.report.interim:
            self.query_one("#aar-map", Static).update(
                "No engagement map: the game's save is not at hand."
            )

    @work(thread=True, exclusive=True, group="map")
    def _draw_map(self, record: Record) -> None:
        """Play the game again for its paths (a thread: a large raid takes a moment)."""
        from dataclasses import replace

        from wargame.campaign import parse_campaign
        from wargame.report.theatre import theatre_of

        loaded = parse_campaign(record.campaign_source, record.campaign_name)
        theatre = theatre_of(
            loaded, record.seed, [t.orders for t in record.turns], [t.events for t in record.turns]
        )
        aar = replace(self.report.aar, theatre=theatre)
        width = max(40, self.app.size.width - 6)
        height = max(10, min(24, width * 3 // 8))
        shown = Text("The engagement as it truly was\n", style="bold")
        shown.append_text(map_text(aar, width, height))
        shown.append("\n\nAs the radars saw it\n", style="bold")
        shown.append_text(map_text(aar, width, height, radars=True))
        self.app.call_from_thread(self.query_one("#aar-map", Static).update, shown)

    def _score(self) -> Table:
        aar = self.report.aar
        ex = aar.exchange
        ratio = "—" if ex.exchange_ratio is None else f"{ex.exchange_ratio:.2f}"
        if not aar.score.parts:
            table = _table("Score and exchange", "", "M$")
            table.add_row("threat cost destroyed", f"{ex.threat_cost_destroyed:,.1f}")
            table.add_row("interceptor cost", f"{ex.interceptor_cost:,.1f}")
            table.add_row("asset value lost", f"{ex.asset_value_lost:,.1f}")
            table.add_row("radar value lost", f"{ex.radar_value_lost:,.1f}")
            table.add_row("exchange ratio (destroyed per M$ fired)", ratio)
            table.add_row("[b]score[/b]", f"[b]{aar.score.total:+,.1f}[/b]")
            return table
        # The campaign's weights turn each part's M$ into points; the points add up.
        table = _table("Score and exchange", "", "M$", "× weight", "points")
        for name, value, weight, points in aar.score.parts:
            shown = f"{points:+,.1f}" if points else "0.0"
            table.add_row(name, f"{value:,.1f}", f"{weight:g}", shown)
        table.add_row("exchange ratio (destroyed per M$ fired)", ratio, "", "")
        table.add_row("[b]score[/b]", "", "", f"[b]{aar.score.total:+,.1f}[/b]")
        return table

    def _objectives(self) -> Table:
        """The grade, and each objective met or not and why, judged on the truth."""
        card = self.report.aar.score
        table = _table("Objectives", "objective", "weight", "met", "why")
        table.columns[2].justify = table.columns[3].justify = "left"
        why = f"Grade {card.grade}: {card.grade_reason}" if card.grade else card.grade_reason
        why = why or (f"The defence collapsed: {card.collapse}" if card.collapse else "")
        table.caption = Text(why) if why else None
        for o in card.objectives:
            met = Text("met", style="green") if o.met else Text("not met", style="red")
            # (Text, not markup: labels and reasons carry campaign text.)
            table.add_row(Text(o.label), f"{o.weight:g}", met, Text(o.reason))
        return table

    def _threats(self) -> Table:
        interim = self.report.interim
        columns = ("class", "detected", "engaged", "killed", "leaked")
        table = _table(
            "Threats by class" + (" (as the tracks appeared)" if interim else ""),
            *(columns if interim else ("class", "spawned", *columns[1:])),
        )
        for row in self.report.aar.threats:
            cells = [str(row.detected), str(row.engaged), str(row.killed), str(row.leaked)]
            label = class_words(row.threat_class)
            table.add_row(label, *(cells if interim else [str(row.spawned), *cells]))
        return table

    def _interceptors(self) -> Table:
        table = _table(
            "Interceptors",
            "missile",
            "fired",
            "ordered",
            "met",
            "kills",
            "cost M$",
            "kill rate",
            "expected",
        )
        unmet = "; ".join(
            f"{r.reason}: {r.rounds} ({r.cost:,.1f} M$)" for r in self.report.aar.unmet
        )
        table.caption = (
            "ordered: fired on your orders to engage; met: rounds that reached their target "
            "and rolled (not those whose target was destroyed or gone first, that lost "
            "guidance, or still in flight); kill rate: kills per round met; expected: the "
            "mean Pk planned of the rounds met" + (f"\nMet nothing: {unmet}" if unmet else "")
        )
        table.caption_justify = "left"
        for row in self.report.aar.interceptors:
            table.add_row(
                short_missile(row.missile),
                str(row.fired),
                str(row.ordered),
                str(row.met),
                str(row.kills),
                f"{row.cost:,.1f}",
                _pct(row.observed_kill_rate),
                _pct(row.nominal_kill_rate),
            )
        if not self.report.aar.interceptors:
            table.add_row("none fired", "", "", "", "", "", "", "")
        return table

    def _assets(self) -> Table:
        table = _table(
            "Defended assets", "asset", "value M$", "hits", "damaging", "lost M$", "lost"
        )
        for row in self.report.aar.assets:
            table.add_row(
                row.asset,
                f"{row.value:,.0f}",
                str(row.hits),
                str(row.damaging_hits),
                f"{row.value_lost:,.1f}",
                _pct(row.share_lost),
            )
        return table

    def _radars(self) -> Table:
        table = _table("Radars", "radar", "turns emitting", "share", "lost")
        for row in self.report.aar.radars:
            lost = "" if row.lost_turn is None else f"turn {row.lost_turn} ({row.lost_by})"
            table.add_row(row.radar, str(row.turns_emitting), _pct(row.emitting_share), lost)
        return table

    def _moments(self) -> Table:
        table = _table("Key moments", "turn", "what happened")
        table.columns[0].justify = "right"
        table.columns[1].justify = "left"
        for moment in self.report.aar.key_moments:
            table.add_row(str(moment.turn), moment.text)
        return table

    def _engagements(self, text: str) -> Table:
        """The salvos whose unit, missile, classes or result hold `text`."""
        rows: list[Engagement] = matching(self.report.aar.engagements, text=text)
        table = _table(
            "Engagements",
            "turn",
            "unit",
            "missile",
            "rds",
            "tracked as",
            "truly",
            "km",
            "Pk",
            "result",
            "M$",
        )
        table.columns[0].justify = "right"
        shown = rows[:SHOWN_ENGAGEMENTS]
        total = len(self.report.aar.engagements)
        more = f"; the first {len(shown)} shown" if len(rows) > len(shown) else ""
        table.caption = f"{len(rows)} of {total} salvos{more}"
        table.caption_justify = "left"
        for e in shown:
            result = Text(e.result, style="green" if e.result == "kill" else "")
            table.add_row(
                str(e.turn),
                Text(e.fire_unit),
                short_missile(e.missile),
                str(e.rounds),
                class_words(e.tracked_as),
                class_words(e.true_class),
                f"{e.range_km:.0f}",
                _pct(e.pk),
                result,
                f"{e.cost:,.1f}",
            )
        return table

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "engagement-filter":
            self.query_one("#engagements", Static).update(self._engagements(event.value))

    def action_filter_engagements(self) -> None:
        field = self.query_one("#engagement-filter", Input)
        field.focus()
        field.scroll_visible()

    # ------------------------------------------------------------ luck

    def _luck_hint(self) -> str:
        if self.report.interim:
            return "Luck and skill: at the end of the game."
        return (
            f"Luck and skill: press l to play your orders on {self.LUCK_RUNS} other seeds, "
            "and the default doctrine on the same seeds."
        )

    def _game_record(self) -> Record | None:
        """The game this report is of, as its caller (the game in play, a replay) gave it."""
        return self.record

    def action_luck(self) -> None:
        """Weigh luck against skill in a worker: the screen stays live meanwhile."""
        shown = self.query_one("#aar-luck", Static)
        record = self._game_record()
        if self.report.interim or (record is not None and not record.over):
            self.notify(
                "Luck and skill need a finished game: only then is its score a result "
                "to set beside other seeds.",
                title="Not yet",
            )
            return
        if record is None:
            self.notify("This report has no game record to play again.", title="No luck")
            return
        if self.luck is not None:
            return  # already weighed: the same seeds would give the same figures
        shown.update(f"Luck and skill: playing your orders on {self.LUCK_RUNS} other seeds…")
        self._weigh_luck(record, self.LUCK_RUNS)

    @work(thread=True, exclusive=True, group="luck")
    def _weigh_luck(self, record: Record, runs: int) -> None:
        from textual.worker import get_current_worker

        from wargame.analysis.luck import luck_of

        worker = get_current_worker()

        def played(seeds: int) -> None:
            if worker.is_cancelled:
                raise _Cancelled
            self.post_message(self.LuckPlayed(seeds, runs))

        try:
            luck = luck_of(record, runs, name=record.campaign_name, progress=played)
        except _Cancelled:
            return
        except WargameError as error:
            self.post_message(self.LuckFound(None, "; ".join(p.message for p in error.problems)))
            return
        self.post_message(self.LuckFound(luck))

    def on_aar_screen_luck_played(self, message: LuckPlayed) -> None:
        width = 30
        done = width * message.played // message.runs
        bar = "━" * done + "╺" + "━" * (width - done - 1) if done < width else "━" * width
        self.query_one("#aar-luck", Static).update(
            f"Luck and skill: {bar} {message.played} of {message.runs} seeds played"
        )

    def on_aar_screen_luck_found(self, message: LuckFound) -> None:
        shown = self.query_one("#aar-luck", Static)
        if message.luck is None:
            shown.update(f"Luck and skill: {message.problem}")
            return
        self.luck = message.luck
        shown.update(luck_renderable(message.luck))

    def action_close(self) -> None:
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # An interim report offers no replay (the replay shows both sides): no key for it.
        return self.can_replay if action == "replay" else True

    async def action_replay(self) -> None:
        if self.can_replay:
            await self.app.run_action("replay_current")
