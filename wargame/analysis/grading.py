"""Grading a class: each save verified, then graded beside the default doctrine.

`grade_save(path)` reads a save, re-simulates it under today's rules and, if every
turn plays as recorded, takes its score, grade and objectives from that re-simulation
(never from the events the file holds), and plays the default doctrine (no orders) on
the same campaign and seed for comparison. A save that cannot be read, that was
altered, or that today's rules play differently (a save of other rules, or one whose
`rules_version` was relabelled) is marked, and not graded; so is one whose campaign
is not the one handed out (`handed_out`: a student could otherwise make an exercise
easy, and the default doctrine, played on the same copy, would agree with the student's
score). `render_rows` lays the
rows out as a terminal table, CSV or Markdown. Called by `wargame grade`
(`wargame.cli_grade`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from wargame import RULES_VERSION
from wargame.engine import Game
from wargame.errors import SaveError
from wargame.record.format import Record, SaveMismatch, parse_save, read_save_text
from wargame.record.verify import embedded_campaign, replay_game, verify_record

GRADED, NOT_VERIFIED, UNFINISHED, UNREADABLE = "graded", "not verified", "unfinished", "unreadable"


@dataclass(frozen=True)
class GradeRow:
    """One save of a class."""

    save: str
    status: str
    """graded, not verified, unfinished or unreadable."""
    why: str = ""
    """What stopped it being graded."""
    player: str = ""
    campaign: str = ""
    seed: int | None = None
    score: float | None = None
    grade: str = ""
    outcome: str = ""
    objectives_met: int | None = None
    objectives: int | None = None
    default_score: float | None = None
    """The default doctrine's score on the same campaign and seed."""


HandedOut = Callable[[str], "tuple[str, str] | None"]
"""For a campaign's file name as a save records it, the digest of the campaign handed out
under that name and where it is (None if there is none to check against)."""


def grade_save(path: str | Path, handed_out: HandedOut | None = None) -> GradeRow:
    """Verify one save and grade it (see the module's docstring); with `handed_out`, its
    campaign must also be the one handed out, byte for byte."""
    name = str(path)
    try:
        record = parse_save(read_save_text(path), name)
    except SaveError as error:
        return GradeRow(name, UNREADABLE, error.problems[0].message)
    player, campaign, seed = record.player, record.campaign_name, record.seed
    if handed_out is not None:
        expected = handed_out(campaign)
        if expected is None:
            why = f"no campaign named {campaign} to check it against: give it with --campaign"
            return GradeRow(name, NOT_VERIFIED, why, player, campaign, seed)
        digest, where = expected
        if digest != record.campaign_sha256:
            why = f"its campaign is not the one handed out ({where}): it was changed"
            return GradeRow(name, NOT_VERIFIED, why, player, campaign, seed)
    try:
        game = replay_game(record, name)
    except SaveMismatch as error:
        return GradeRow(name, NOT_VERIFIED, _why_not(record, error, name), player, campaign, seed)
    outcome = game.outcome
    if outcome is None:
        why = f"the game stops at turn {game.turn} of {game.scenario.turn_limit}"
        return GradeRow(name, UNFINISHED, why, player, campaign, seed)
    return GradeRow(
        name,
        GRADED,
        player=record.player,
        campaign=record.campaign_name,
        seed=record.seed,
        score=outcome.score.total,
        grade=outcome.grade,
        outcome=outcome.result,
        objectives_met=sum(1 for o in outcome.objectives if o.met),
        objectives=len(outcome.objectives),
        default_score=default_score(record, name),
    )


def _why_not(record: Record, error: SaveMismatch, name: str) -> str:
    problem = error.problems[0]
    if record.rules_version != RULES_VERSION:
        # Its digests may have been renewed by whoever changed its label: only a
        # re-simulation under today's rules vouches for a save that is graded.
        turn = verify_record(record, name).first_difference
        return (
            f"recorded under other rules ({record.rules_version}); today's rules "
            f"{RULES_VERSION} do not play it as recorded (turn {turn}: they first differ there)"
        )
    return f"{problem.path}: {problem.message}" if problem.path else problem.message


def default_score(record: Record, name: str) -> float:
    """The default doctrine's score, no orders given, on the save's campaign and seed."""
    game = Game.new(embedded_campaign(record, name), record.seed)
    while not game.over:
        game.step([])
    assert game.outcome is not None
    return game.outcome.score.total


COLUMNS = (
    "save",
    "player",
    "campaign",
    "seed",
    "score",
    "grade",
    "outcome",
    "objectives met",
    "default doctrine",
    "status",
)
"""The table's columns, in order."""


def cells(row: GradeRow) -> list[str]:
    """A row's cells as text; a save not graded has its status and why in the last."""

    def number(value: float | None) -> str:
        return "" if value is None else f"{value:g}"

    met = (
        f"{row.objectives_met}/{row.objectives}"
        if row.objectives_met is not None and row.objectives
        else ""
    )
    status = row.status if not row.why else f"{row.status}: {row.why}"
    return [
        row.save,
        row.player,
        row.campaign,
        "" if row.seed is None else str(row.seed),
        number(row.score),
        row.grade or ("—" if row.status == GRADED else ""),
        row.outcome,
        met,
        number(row.default_score),
        status,
    ]


def render_rows(rows: Sequence[GradeRow], fmt: str) -> str:
    """The table as 'text' (aligned columns), 'csv' or 'md'."""
    table = [cells(r) for r in rows]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(table)
        return out.getvalue()
    if fmt == "md":

        def md(text: str) -> str:
            return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")

        lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
        lines += ["| " + " | ".join(md(c) for c in r) + " |" for r in table]
        return "\n".join(lines) + "\n"
    widths = [max(len(c) for c in column) for column in zip(COLUMNS, *table, strict=True)]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
        for r in (list(COLUMNS), *table)
    ]
    return "\n".join(lines) + "\n"
