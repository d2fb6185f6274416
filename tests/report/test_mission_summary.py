"""`wargame run --json` gives the outcome, the grade and each objective of a game of
rules 1.6; a game of earlier rules gives none of them."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tests.record.helpers import FIRST_CONTACT
from wargame.cli import app
from wargame.engine.events import GameOver
from wargame.report.summary import summarise

runner = CliRunner()


def test_run_json_gives_grade_outcome_and_objectives() -> None:
    """First Contact, seed 11: a ballistic missile hits Brenna (75 % of it kept, 80 %
    asked); the defence fires 35.7 M$ of interceptors (45 allowed): 8 of the 10 weight
    met, a B (the tutorial's rubric asks 75 %), a victory (60 %)."""
    result = runner.invoke(app, ["run", str(FIRST_CONTACT), "--seed", "11", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["outcome"], summary["grade"]) == ("victory", "B")
    missed = [o["label"] for o in summary["objectives"] if not o["met"]]
    assert missed == ["Keep 80% of Brenna Air Base"]
    assert len(summary["objectives"]) == 7
    assert summary["score_parts"]["asset_priority_lost"] == 250.0  # 125 M$ lost x priority 2


def test_a_game_of_earlier_rules_has_no_grade() -> None:
    over = GameOver(10, "raids_spent", "victory", 12.0, 20.0, 8.0, 0.0, 0.0)
    summary = summarise("old.toml", 1, [over])
    assert "grade" not in summary and "objectives" not in summary
    assert summary["result"] == "victory" and summary["score"] == 12.0
