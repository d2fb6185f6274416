"""The report asked for mid-game reads as the play log does: tracks and sites, never the
numbers red's threats carry in the engine (they would count red's order of battle)."""

from __future__ import annotations

import re

from wargame.campaign import LoadedCampaign
from wargame.engine import Game
from wargame.engine.events import Event, Leaker
from wargame.play.aar_view import report_for


def test_a_leaker_in_the_interim_report_names_the_site_hit_and_no_threat_number(
    northern_screen: LoadedCampaign,
) -> None:
    # The first game (by seed) with a leaker that does damage while it goes on (a hit
    # may do none: the site's hardness).
    for seed in range(20):
        game = Game.new(northern_screen, seed)
        events: list[Event] = [game.started_event()]
        while not game.over and not any(isinstance(e, Leaker) and e.damaged for e in events):
            events += game.step([])
        if not game.over:
            break
    assert not game.over
    hit = next(e for e in events if isinstance(e, Leaker) and e.damaged)
    report = report_for(events, scenario=game.scenario)
    notes = [note for line in report.aar.timeline for note in line.notes]
    assert report.interim
    assert f"{hit.target} hit: {hit.value_lost:g} M$ lost" in notes
    assert not [note for note in notes if re.search(r"(threat|missile) \d", note)]
