"""The one walk over an after-action report, feeding any renderer.

In the manner of python-chess's PGN visitors: `walk(aar, renderer)` visits the
report once, in order, calling `begin_report`, then for each section
`begin_section`, `paragraph`, `begin_table` / `row` / `end_table`, `chart`,
`markdown` and `end_section`, then `end_report`, and returns
`renderer.result()`. Each output format (Rich text, Markdown, JSON, HTML) is a
`Renderer`; none of them decides what the report says, only how it looks.

Cells are raw values (str, int, float, None, or a tuple of strings for notes)
with the column's `kind` telling how to show them; `format_cell` is the one
place numbers become text. Every string may carry campaign text: renderers
escape it for their format.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from wargame.campaign.schema import class_words
from wargame.report.aar import Aar
from wargame.report.over_time import changed_turns
from wargame.report.score_card import MISSION_PARTS

T = TypeVar("T")

Cell = str | int | float | None | tuple[str, ...]

TERMINATIONS = {
    "raids_spent": "every raid spent",
    "defence_collapsed": "the defence collapsed",
    "turn_limit": "the turn limit",
}


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    kind: str = "text"
    """text, int, float, money (M$), rate (a fraction shown as a percentage), notes, or
    class (a threat class, shown in words; data formats keep its identifier)."""

    @property
    def numeric(self) -> bool:
        return self.kind in ("int", "float", "money", "rate")


@dataclass(frozen=True)
class Fact:
    key: str
    label: str
    value: Cell
    kind: str = "text"


@dataclass(frozen=True)
class Series:
    key: str
    name: str
    values: tuple[float, ...]
    level: bool = False
    """A level at each turn's end (drawn as a line), not a count in the turn (bars)."""


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    turns: tuple[int, ...]
    series: tuple[Series, ...]


class Renderer(ABC, Generic[T]):
    """Receives the walk; override what the format needs. `result()` is what `walk` returns."""

    def begin_report(self, title: str, facts: Sequence[Fact]) -> None:
        """The report's title and headline facts. Does nothing unless the format needs it."""

    def begin_section(self, key: str, title: str) -> None:
        """A section starts. Does nothing unless the format needs it."""

    def paragraph(self, text: str) -> None:
        """A paragraph of plain text. Does nothing unless the format needs it."""

    def begin_table(self, key: str, title: str, columns: Sequence[Column]) -> None:
        """A table starts. Does nothing unless the format needs it."""

    def row(self, cells: Sequence[Cell]) -> None:
        """One row of the current table. Does nothing unless the format needs it."""

    def end_table(self) -> None:
        """The current table ends. Does nothing unless the format needs it."""

    def chart(self, chart: Chart) -> None:
        """A chart by turn. Does nothing unless the format needs it."""

    def markdown(self, text: str) -> None:
        """Campaign-authored Markdown (the briefing): untrusted."""

    def end_section(self) -> None:
        """The current section ends. Does nothing unless the format needs it."""

    def end_report(self) -> None:
        """The walk is over. Does nothing unless the format needs it."""

    @abstractmethod
    def result(self) -> T:
        """What `walk` returns: every format says what it made."""


def format_cell(value: Cell, kind: str) -> str:
    """A cell as text: the one place numbers are formatted."""
    if value is None:
        return "—"
    if isinstance(value, tuple):
        return "; ".join(value)
    if isinstance(value, str):
        return class_words(value) if kind == "class" else value
    match kind:
        case "int":
            return str(int(value))
        case "money":
            return f"{value:,.1f}"
        case "rate":
            return f"{value * 100:.0f}%"
        case "float":
            return f"{value:g}"
    return str(value)


def walk(aar: Aar, renderer: Renderer[T]) -> T:
    """Visit the report once, in order; return the renderer's result."""
    score = aar.score
    facts = [
        Fact("campaign", "Campaign", aar.campaign or None),
        Fact("player", "Player", aar.player or None),
        Fact("seed", "Seed", aar.seed, "int"),
        Fact("turns", "Turns", aar.turns, "int"),
        Fact("minutes", "Minutes", round(aar.turns * aar.seconds_per_turn / 60.0, 1), "float"),
        Fact("result", "Result", score.result),
        Fact(
            "termination",
            "Ended by",
            TERMINATIONS.get(score.termination, score.termination) or None,
        ),
        Fact("score", "Score", score.total, "float"),
        Fact("grade", "Grade", score.grade or None),
    ]
    renderer.begin_report(aar.title or "After-action report", facts)
    _score(aar, renderer)
    _objectives(aar, renderer)
    _moments(aar, renderer)
    _timeline(aar, renderer)
    _over_time(aar, renderer)
    _threats(aar, renderer)
    _interceptors(aar, renderer)
    _exchange(aar, renderer)
    _radars(aar, renderer)
    _assets(aar, renderer)
    if aar.briefing.strip():
        renderer.begin_section("briefing", "Briefing")
        renderer.markdown(aar.briefing)
        renderer.end_section()
    renderer.end_report()
    return renderer.result()


def _table(
    renderer: Renderer[T],
    key: str,
    title: str,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell]],
) -> None:
    renderer.begin_table(key, title, columns)
    for cells in rows:
        renderer.row(cells)
    renderer.end_table()


def _score(aar: Aar, renderer: Renderer[T]) -> None:
    score = aar.score
    renderer.begin_section("score", "Score")
    if score.result == "unfinished":
        renderer.paragraph(
            f"The game was not finished: score {score.total:g} after turn {aar.turns}."
        )
    else:
        ended = TERMINATIONS.get(score.termination, score.termination)
        renderer.paragraph(
            f"{score.result.capitalize()} after {aar.turns} turns, ended by {ended}: "
            f"score {score.total:g}."
        )
        _table(
            renderer,
            "score_parts",
            "Score parts",
            [
                Column("part", "part"),
                Column("value", "M$", "money"),
                Column("weight", "points per M$", "float"),
                Column("points", "points", "money"),
            ],
            list(score.parts),
        )
    renderer.end_section()


def _objectives(aar: Aar, renderer: Renderer[T]) -> None:
    """The grade, and each objective met or not and why (games of rules 1.6 on, whose
    campaign sets objectives)."""
    score = aar.score
    if not (score.objectives or score.grade or score.collapse):
        return
    renderer.begin_section("objectives", "Objectives")
    if score.grade:
        renderer.paragraph(f"Grade {score.grade}: {score.grade_reason}.")
    elif score.collapse:
        renderer.paragraph(f"The defence collapsed: {score.collapse}.")
    if score.objectives:
        _table(
            renderer,
            "objectives",
            "Objectives",
            [
                Column("objective", "objective"),
                Column("weight", "weight", "float"),
                Column("met", "met"),
                Column("reason", "why"),
            ],
            [
                (o.label, o.weight, "met" if o.met else "not met", o.reason)
                for o in score.objectives
            ],
        )
    renderer.end_section()


def _moments(aar: Aar, renderer: Renderer[T]) -> None:
    renderer.begin_section("key_moments", "Key moments")
    if not aar.key_moments:
        renderer.paragraph("Nothing happened.")
    else:
        _table(
            renderer,
            "key_moments",
            "Key moments",
            [Column("turn", "turn", "int"), Column("kind", "moment"), Column("text", "what")],
            [(m.turn, m.kind.replace("_", " "), m.text) for m in aar.key_moments],
        )
    renderer.end_section()


def _timeline(aar: Aar, renderer: Renderer[T]) -> None:
    renderer.begin_section("timeline", "Timeline")
    turns = tuple(t.turn for t in aar.timeline)
    renderer.chart(
        Chart(
            "by_turn",
            "Threats in the air, interceptors launched and leakers, by turn",
            turns,
            (
                Series("in_air", "threats in the air", tuple(t.in_air for t in aar.timeline), True),
                Series(
                    "launches", "interceptors launched", tuple(t.launches for t in aar.timeline)
                ),
                Series("leakers", "leakers", tuple(t.leakers for t in aar.timeline)),
            ),
        )
    )
    _table(
        renderer,
        "timeline",
        "Turn by turn",
        [
            Column("turn", "turn", "int"),
            Column("entered", "new", "int"),
            Column("in_air", "in air", "int"),
            Column("launches", "fired", "int"),
            Column("kills", "kills", "int"),
            Column("leakers", "leaked", "int"),
            Column("notes", "notes", "notes"),
        ],
        [
            (t.turn, t.entered, t.in_air, t.launches, t.kills, t.leakers, t.notes)
            for t in aar.timeline
        ],
    )
    renderer.end_section()


def _over_time(aar: Aar, renderer: Renderer[T]) -> None:
    """Rounds left by type and the score's parts, turn by turn (when the game was played
    again for its map: the start is the campaign's)."""
    ot = aar.theatre.over_time if aar.theatre is not None else None
    if ot is None or not ot.turns:
        return
    renderer.begin_section("rounds", "Rounds remaining by type")
    start = ", ".join(f"{n} {m}" for m, n in ot.start) or "none"
    renderer.paragraph(
        f"The regiment's rounds, ready on the launchers and in stock, at the end of each "
        f"turn: each round fired takes one, a resupply adds its rounds. At the start: {start}. "
        "The table gives the first turn, each turn a count changed, and the last."
    )
    rounds = tuple(Series(m, m, v, True) for m, v in ot.rounds)
    renderer.chart(Chart("rounds_remaining", "Rounds remaining by type", ot.turns, rounds))
    _changes(renderer, "rounds_remaining", "Rounds remaining", ot.turns, rounds, "int")
    renderer.end_section()
    renderer.begin_section("score_over_time", "Score parts by turn")
    renderer.paragraph(
        "Each part of the score, in points, as it stood at the end of each turn (points "
        "lost below zero): they add up to the turn's score. The table gives the first turn, "
        "each turn a part changed, and the last."
    )
    parts = tuple(Series(k, MISSION_PARTS.get(k, k), v, True) for k, v in ot.parts)
    renderer.chart(Chart("score_parts", "Score parts by turn, points", ot.turns, parts))
    _changes(renderer, "score_parts_by_turn", "Score parts by turn", ot.turns, parts, "money")
    renderer.end_section()


def _changes(
    renderer: Renderer[T],
    key: str,
    title: str,
    turns: tuple[int, ...],
    series: tuple[Series, ...],
    kind: str,
) -> None:
    columns = [Column("turn", "turn", "int"), *(Column(s.key, s.name, kind) for s in series)]
    rows = [
        (turns[i], *(s.values[i] for s in series))
        for i in changed_turns(turns, [s.values for s in series])
    ]
    _table(renderer, key, title, columns, rows)


def _threats(aar: Aar, renderer: Renderer[T]) -> None:
    renderer.begin_section("threats", "Threats by class")
    renderer.paragraph(
        "Counted by true class: a decoy counts as a decoy, whatever the radars took it for."
    )
    _table(
        renderer,
        "threats",
        "Threats by class",
        [
            Column("threat_class", "class", "class"),
            Column("spawned", "spawned", "int"),
            Column("detected", "detected", "int"),
            Column("engaged", "engaged", "int"),
            Column("killed", "killed", "int"),
            Column("leaked", "leaked", "int"),
        ],
        [
            (r.threat_class, r.spawned, r.detected, r.engaged, r.killed, r.leaked)
            for r in aar.threats
        ],
    )
    renderer.end_section()


def _interceptors(aar: Aar, renderer: Renderer[T]) -> None:
    renderer.begin_section("interceptors", "Interceptors by type")
    renderer.paragraph(
        "Ordered: rounds fired on the player's orders to engage; the others were fire "
        "control's. Met: rounds that reached their target and rolled (a round whose target "
        "an earlier one had destroyed, or that lost guidance, did not). Observed kill rate is "
        "kills per round met; nominal is the mean kill probability the fire control expected "
        "of those rounds at launch."
    )
    _table(
        renderer,
        "interceptors",
        "Interceptors by type",
        [
            Column("missile", "missile"),
            Column("fired", "fired", "int"),
            Column("ordered", "ordered", "int"),
            Column("met", "met", "int"),
            Column("kills", "kills", "int"),
            Column("cost", "cost M$", "money"),
            Column("observed_kill_rate", "observed", "rate"),
            Column("nominal_kill_rate", "nominal", "rate"),
        ],
        [
            (
                r.missile,
                r.fired,
                r.ordered,
                r.met,
                r.kills,
                r.cost,
                r.observed_kill_rate,
                r.nominal_kill_rate,
            )
            for r in aar.interceptors
        ],
    )
    if aar.unmet:
        renderer.paragraph(
            "Rounds that met nothing, and what they cost: a round whose target an earlier "
            "one destroyed is overkill, the price of firing salvos and of shoot-shoot."
        )
        _table(
            renderer,
            "unmet",
            "Rounds that met nothing",
            [
                Column("reason", "why"),
                Column("rounds", "rounds", "int"),
                Column("cost", "cost M$", "money"),
            ],
            [(r.reason, r.rounds, r.cost) for r in aar.unmet],
        )
    renderer.end_section()


def _exchange(aar: Aar, renderer: Renderer[T]) -> None:
    x = aar.exchange
    renderer.begin_section("exchange", "Cost exchange")
    _table(
        renderer,
        "exchange",
        "Cost exchange",
        [Column("item", "item"), Column("value", "M$", "money")],
        [
            ("interceptors spent", x.interceptor_cost),
            ("threats destroyed", x.threat_cost_destroyed),
            ("asset value lost", x.asset_value_lost),
            ("radar and command post value lost", x.radar_value_lost),
        ],
    )
    if x.exchange_ratio is not None:
        renderer.paragraph(f"Each M$ of interceptors destroyed {x.exchange_ratio:g} M$ of threats.")
    renderer.end_section()


def _radars(aar: Aar, renderer: Renderer[T]) -> None:
    renderer.begin_section("radars", "Radars")
    _table(
        renderer,
        "radars",
        "Radar emission and losses",
        [
            Column("radar", "radar"),
            Column("value", "value M$", "money"),
            Column("turns_emitting", "turns emitting", "int"),
            Column("emitting_share", "share", "rate"),
            Column("lost_turn", "lost on turn", "int"),
            Column("lost_by", "lost to"),
        ],
        [
            (r.radar, r.value, r.turns_emitting, r.emitting_share, r.lost_turn, r.lost_by or None)
            for r in aar.radars
        ],
    )
    lost = ", ".join(aar.radars_lost_to_arms) or "none"
    renderer.paragraph(f"Radars lost to anti-radiation missiles: {lost}.")
    renderer.end_section()


def _assets(aar: Aar, renderer: Renderer[T]) -> None:
    renderer.begin_section("assets", "Damage by asset")
    _table(
        renderer,
        "assets",
        "Damage by asset",
        [
            Column("asset", "asset"),
            Column("value", "value M$", "money"),
            Column("hits", "hits", "int"),
            Column("damaging_hits", "damaging", "int"),
            Column("value_lost", "lost M$", "money"),
            Column("share_lost", "share lost", "rate"),
        ],
        [
            (a.asset, a.value, a.hits, a.damaging_hits, a.value_lost, a.share_lost)
            for a in aar.assets
        ],
    )
    renderer.end_section()
