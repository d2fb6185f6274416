"""The debrief's sections, walked for any renderer: the engagements, one row each, and
the decisions that mattered.

`walk_debrief(aar, renderer)` calls the same `Renderer` methods as `walk.walk`
(`begin_section`, `paragraph`, `begin_table` / `row` / `end_table`,
`end_section`), so the Markdown, JSON and HTML renderers lay these sections out
as they do the rest; each renderer calls it once, before its briefing or at the
end of the report. The engagement map is HTML's own (`svg_map.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from wargame.report.aar import Aar
from wargame.report.engagements import Engagement
from wargame.report.walk import Cell, Column, Renderer

T = TypeVar("T")

ENGAGEMENT_COLUMNS = (
    Column("turn", "turn", "int"),
    Column("fire_unit", "fire unit"),
    Column("missile", "missile"),
    Column("rounds", "rounds", "int"),
    Column("track", "track", "int"),
    Column("tracked_as", "tracked as", "class"),
    Column("threat", "threat", "int"),
    Column("true_class", "truly", "class"),
    Column("range_km", "range km", "float"),
    Column("flight_turns", "flight turns", "int"),
    Column("pk", "Pk", "rate"),
    Column("salvo_pk", "salvo Pk", "rate"),
    Column("result", "result"),
    Column("cost", "cost M$", "money"),
)
"""The engagements table, and the keys of each item of the JSON report's `engagements`."""


def engagement_cells(aar: Aar) -> list[tuple[Cell, ...]]:
    """The engagements table's rows, in `ENGAGEMENT_COLUMNS` order."""
    return [
        (
            e.turn,
            e.fire_unit,
            e.missile,
            e.rounds,
            e.track,
            e.tracked_as,
            e.threat,
            e.true_class,
            round(e.range_km, 1),  # as the log gives it: to 0.1 km
            e.flight_turns,
            e.pk,
            e.salvo_pk,
            _result(e),
            e.cost,
        )
        for e in aar.engagements
    ]


def _result(e: Engagement) -> str:
    """A salvo's result, why it met nothing, and where the radar misread it."""
    said = e.result if not e.unmet or e.rolled else f"{e.result}: {e.unmet}"
    return f"{said} ({e.misread})" if e.misread else said


def walk_debrief(aar: Aar, renderer: Renderer[T]) -> None:
    """The debrief's sections, in order, for `renderer`."""
    renderer.begin_section("engagements", "Engagements")
    if not aar.engagements:
        renderer.paragraph("No interceptor was fired.")
    else:
        kills = sum(1 for e in aar.engagements if e.result == "kill")
        wasted = sum(1 for e in aar.engagements if e.at_false_track)
        at_noise = (
            f" {wasted} of them at false tracks (truly: false track), which a radar made of "
            "noise: their rounds met nothing."
            if wasted
            else ""
        )
        renderer.paragraph(
            f"{len(aar.engagements)} salvos, {kills} of them kills. A salvo is the rounds one "
            "fire unit fired of one type at one target on one turn. Tracked as: what the "
            "radars took the target for; truly: what it was. Pk is one round's planned kill "
            f"probability; a salvo of n rounds kills with 1 − (1 − Pk)ⁿ.{at_noise}"
        )
        renderer.begin_table("engagements", "Engagements, one row per salvo", ENGAGEMENT_COLUMNS)
        for cells in engagement_cells(aar):
            renderer.row(cells)
        renderer.end_table()
    renderer.end_section()
    _decisions(aar, renderer)


DECISION_COLUMNS = (
    Column("turn", "turn", "int"),
    Column("unit", "unit"),
    Column("order", "order"),
    Column("outcome", "outcome"),
    Column("answered", "after", "notes"),
)
DECIDING_COLUMNS = (
    Column("objective", "objective"),
    Column("met", "met"),
    Column("turns", "deciding turns"),
    Column("events", "what happened", "notes"),
)


def _decisions(aar: Aar, renderer: Renderer[T]) -> None:
    renderer.begin_section("decisions", "Decisions that mattered")
    if not aar.decisions:
        renderer.paragraph("No order was given: fire control fought the game on its doctrine.")
    else:
        renderer.paragraph(
            "Each order beside what had happened on its turn and the two before: the events "
            "it may have answered."
        )
        renderer.begin_table("decisions", "Orders on the timeline", DECISION_COLUMNS)
        for cells in decision_cells(aar):
            renderer.row(cells)
        renderer.end_table()
    if aar.deciding:
        renderer.begin_table(
            "deciding_turns", "The turns that decided each objective", DECIDING_COLUMNS
        )
        for cells in deciding_cells(aar):
            renderer.row(cells)
        renderer.end_table()
    renderer.end_section()


def decision_cells(aar: Aar) -> list[tuple[Cell, ...]]:
    return [(d.turn, d.unit, d.order, d.outcome, d.answered) for d in aar.decisions]


def deciding_cells(aar: Aar) -> list[tuple[Cell, ...]]:
    return [
        (
            d.objective,
            "met" if d.met else "not met",
            ", ".join(str(t) for t in d.turns) or None,
            d.events,
        )
        for d in aar.deciding
    ]


def debrief_document(aar: Aar) -> dict[str, Any]:
    """The debrief as data, for the JSON report: `engagements`, `decisions` and
    `deciding_turns`, lists of dicts keyed as their tables' columns."""

    def listed(columns: Sequence[Column], rows: list[tuple[Cell, ...]]) -> list[dict[str, Any]]:
        keys = [c.key for c in columns]
        return [
            {k: list(v) if isinstance(v, tuple) else v for k, v in zip(keys, cells, strict=True)}
            for cells in rows
        ]

    return {
        "engagements": listed(ENGAGEMENT_COLUMNS, engagement_cells(aar)),
        "decisions": listed(DECISION_COLUMNS, decision_cells(aar)),
        "deciding_turns": listed(DECIDING_COLUMNS, deciding_cells(aar)),
    }
