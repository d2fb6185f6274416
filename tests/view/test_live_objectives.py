"""The objectives' live status, as the radars see it: it never tells the player what only
the truth knows. The report at the end judges them on the truth."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from wargame.campaign import parse_campaign
from wargame.engine import Game
from wargame.engine.objectives import judge, tally_truth
from wargame.engine.scenario import ROLE_STRIKE
from wargame.engine.state import DELIVERED, KILLED, State
from wargame.view.blue import live_objectives

MINIMAL = (Path(__file__).parents[1] / "campaign" / "minimal.toml").read_text(encoding="utf-8")

SENTRY = (
    MINIMAL
    + """
[[catalogue.threats]]
name = "Fighter decoy"
class = "decoy"
speed_mps = 250
altitude_m = 8000
rcs_m2 = 3
cost = 0.5
mimics = "Strike fighter"

[[red.raids]]
name = "Sentry"
turn = 1
threat = "Strike fighter"
count = 1
origin = [0, 80]
target = "Depot 2"

[[red.raids]]
name = "Ghosts"
turn = 1
threat = "Fighter decoy"
count = 1
origin = [0, 20]
target = "Depot 2"

[[objectives]]
kind = "aircraft_destroyed"
raid = "Sentry"

[[objectives]]
kind = "leakers"
threat_class = "cruise_missile"
at_most = 0
"""
)


def game() -> Game:
    return Game.new(parse_campaign(SENTRY, "sentry.toml"), 1)


def slot(g: Game, raid: str) -> int:
    sc = g.scenario
    group = sc.raid_names.index(raid)
    return int(np.flatnonzero((sc.t_role == ROLE_STRIKE) & (sc.t_group == group))[0])


def seen(st: State, threat: int) -> None:
    st.seen_by[0, threat] = 1  # detected on turn 1


def test_a_decoy_shot_down_counts_in_play_as_the_aircraft_it_seemed() -> None:
    g = game()
    st, sc = g.state, g.scenario
    decoy = slot(g, "Ghosts")
    seen(st, decoy)
    st.status[decoy] = KILLED
    st.track_assessed_turn[decoy] = 1  # its intercept read as a kill
    live = live_objectives(sc, st)[0]
    assert (live.met, live.reason) == (True, "1 of the 1 aircraft of Sentry seen so far destroyed")
    true = judge(sc.loaded.campaign.objectives, tally_truth(sc, st))[0]
    assert (true.met, true.reason) == (False, "0 of the 1 aircraft of Sentry destroyed")


def test_in_play_a_raid_is_the_aircraft_of_its_class_seen_never_its_true_size() -> None:
    """Before the radars see it, the raid's size is not known: nothing to count yet."""
    g = game()
    st, sc = g.state, g.scenario
    live = live_objectives(sc, st)[0]
    assert (live.met, live.reason) == (False, "0 of the 0 aircraft of Sentry seen so far destroyed")
    true = judge(sc.loaded.campaign.objectives, tally_truth(sc, st))[0]
    assert true.reason == "0 of the 1 aircraft of Sentry destroyed"
    for raid in ("Sentry", "Ghosts"):  # the aircraft, and a decoy that looks like it
        seen(st, slot(g, raid))
    live = live_objectives(sc, st)[0]
    assert live.reason == "0 of the 2 aircraft of Sentry seen so far destroyed"


def test_the_live_status_is_the_same_whichever_of_two_alike_tracks_fell() -> None:
    """Nothing shown in play tells the decoy from the aircraft it mimics."""
    statuses = []
    for raid in ("Sentry", "Ghosts"):
        g = game()
        st = g.state
        for other in ("Sentry", "Ghosts"):
            seen(st, slot(g, other))
        st.status[slot(g, raid)] = KILLED
        statuses.append(live_objectives(g.scenario, st))
    assert statuses[0] == statuses[1]


def test_a_leaker_no_radar_saw_is_not_counted_in_play() -> None:
    g = game()
    st, sc = g.state, g.scenario
    cruise = slot(g, "Probe")
    st.status[cruise] = DELIVERED  # never detected
    live = live_objectives(sc, st)[1]
    assert (live.met, live.reason) == (True, "cruise missile leakers 0, at most 0 allowed")
    true = judge(sc.loaded.campaign.objectives, tally_truth(sc, st))[1]
    assert (true.met, true.reason) == (False, "cruise missile leakers 1, at most 0 allowed")


def test_in_play_a_kill_counts_as_the_assessment_read_it_not_as_it_was() -> None:
    g = game()
    st, sc = g.state, g.scenario
    decoy = slot(g, "Ghosts")
    seen(st, decoy)
    st.status[decoy] = KILLED  # destroyed, but its intercept read as a miss
    live = live_objectives(sc, st)[0]
    assert (live.met, live.reason) == (False, "0 of the 1 aircraft of Sentry seen so far destroyed")
