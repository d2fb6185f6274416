"""`wargame run`'s summary counts threats as the after-action report does."""

from __future__ import annotations

import pytest

from wargame.campaign import LoadedCampaign
from wargame.engine import Game
from wargame.report.aar import build_aar
from wargame.report.summary import summarise


@pytest.mark.parametrize(("campaign", "seed"), [("first_contact", 7), ("northern_screen", 4)])
def test_the_summary_and_the_report_count_each_class_alike(
    request: pytest.FixtureRequest, campaign: str, seed: int
) -> None:
    loaded: LoadedCampaign = request.getfixturevalue(campaign)
    game = Game.new(loaded, seed)
    events = [game.started_event()]
    while not game.over:
        events.extend(game.step([]))
    summary = summarise(campaign, seed, events)
    report = build_aar(events)
    counts = ("spawned", "detected", "engaged", "killed", "leaked")
    from_report = {row.threat_class: {k: getattr(row, k) for k in counts} for row in report.threats}
    assert summary["threats"] == from_report
    assert any(row["engaged"] for row in summary["threats"].values())
