"""The `tracks` inject counts confirmed tracks only: the radars' false alarms make
tentative tracks every turn, and an exercise's script does not wait on noise."""

from __future__ import annotations

from pathlib import Path

from wargame.campaign import parse_campaign
from wargame.engine import Game
from wargame.engine.events import Resupplied, TrackInitiated

FIRST_CONTACT = Path(__file__).parents[2] / "campaigns" / "first-contact.toml"

ON_FIRST_TRACK = """
[[injects]]
name = "First contact"
when = { tracks = 1 }
kind = "resupply"
fire_unit = "FU Alpha"
missile = "48N6-class"
rounds = 1
"""


def test_an_inject_on_the_first_track_waits_for_the_first_confirmed_one() -> None:
    """First Contact, seed 7: tentative false tracks from turn 1, all dropped
    unconfirmed; the first confirmed track is a fighter on turn 11. The count of
    confirmed tracks is the number of track ids seen confirmed at a turn's end."""
    source = FIRST_CONTACT.read_text(encoding="utf-8") + ON_FIRST_TRACK
    game = Game.new(parse_campaign(source, "first-contact.toml"), 7)
    begun: list[int] = []
    resupplied: list[int] = []
    first_confirmed = 0
    confirmed: set[int] = set()
    while game.turn < 30:
        events = game.step([])
        st = game.state
        begun += [e.turn for e in events if isinstance(e, TrackInitiated)]
        resupplied += [e.turn for e in events if isinstance(e, Resupplied)]
        confirmed |= set(st.track_id[st.track_confirmed & (st.track_id >= 0)].tolist())
        if confirmed and not first_confirmed:
            first_confirmed = st.turn
        assert st.tracks_confirmed == len(confirmed)
    assert min(begun) == 1
    assert resupplied == [first_confirmed] == [11]
