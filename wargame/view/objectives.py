"""The objectives as the player may judge them during play: each met or not so far, and
the grade the game would have if it ended now, all on what the radars saw
(`blue.live_objectives`). The objectives screen and the status bar read it; the report
at the end judges the objectives on the truth.
"""

from __future__ import annotations

from dataclasses import dataclass

from wargame.engine import ObjectiveResult, Scenario, State
from wargame.engine.objectives import grade
from wargame.view.blue import live_objectives


@dataclass(frozen=True)
class ObjectivesNow:
    """The campaign's objectives as they stand in the player's picture."""

    aim: str
    """The exercise's learning aim, if the campaign gives one."""
    results: tuple[ObjectiveResult, ...]
    share: float
    """The share of the objectives' weight met so far (0 to 1)."""
    grade: str
    """The grade if the game ended now ('' without objectives)."""
    outcome: str
    """victory, marginal or defeat if the game ended now ('' without objectives)."""
    reason: str


def objectives_now(sc: Scenario, st: State) -> ObjectivesNow:
    """The objectives as blue can judge them now."""
    campaign = sc.loaded.campaign
    results = live_objectives(sc, st)
    judged = grade(campaign.rubric, results)
    return ObjectivesNow(
        aim=campaign.meta.learning_aim,
        results=results,
        share=judged.share if judged else 0.0,
        grade=judged.grade if judged else "",
        outcome=judged.outcome if judged else "",
        reason=judged.reason if judged else "",
    )
