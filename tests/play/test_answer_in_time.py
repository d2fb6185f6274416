"""A ballistic missile can be answered: play pauses on its track, an engagement ordered
at the pause goes out the next turn, and meets the missile before it lands."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CAMPAIGNS
from wargame.campaign import load_campaign
from wargame.engine import Order
from wargame.engine.events import InterceptResolved, Leaker, MissileLaunched, TrackInitiated
from wargame.play.session import Session
from wargame.record.orders_file import load_orders
from wargame.view.alerts import PauseRules
from wargame.view.blue import track_slot
from wargame.view.fire_options import shot_options


@pytest.mark.parametrize("seed", [3, 5])
def test_a_ballistic_missile_track_pauses_play_and_an_order_given_then_meets_it(
    tmp_path: Path, seed: int
) -> None:
    loaded = load_campaign(CAMPAIGNS / "short-warning.toml")
    session = Session.new(loaded, seed, tmp_path)
    rules = PauseRules(conditions=frozenset({"ballistic"}))
    # The school solution's plan (its orders are all for turn 1), then five minutes a
    # step: the defence fights on its own until a ballistic missile's track stops the
    # clock.
    plan = load_orders(CAMPAIGNS / "solutions" / "short-warning.toml", loaded)
    assert {o.turn for o in plan} == {1}
    result = session.play(plan, 10, rules)
    while result.stopped == "step":
        result = session.play([], 10, rules)
    assert result.stopped == "paused" and result.alerts[0].condition == "ballistic"
    paused = session.turn
    ballistic = {
        e.track
        for e in result.events
        if isinstance(e, TrackInitiated) and e.threat_class == "ballistic_missile"
    }

    def answer() -> tuple[int, Order] | None:
        """The first new ballistic track a unit can fire at now, and the order."""
        st, sc = session.snapshot(), session.scenario
        for track in sorted(ballistic):
            slot = track_slot(st, track)
            if slot < 0:
                continue
            shots = [s for s in shot_options(sc, st, slot) if s.possible]
            if shots:
                unit = sc.f_name[shots[0].fire_unit]
                return slot, Order(session.turn + 1, unit, "engage", track=track)
        return None

    # A track of one look has no velocity yet, and no shot; one more look gives one.
    found = answer()
    if found is None:
        session.play([], 1)
        found = answer()
    assert found is not None, "a unit can fire at a ballistic track within a turn of the pause"
    assert session.turn <= paused + 1
    slot, order = found
    answered = session.play([order], 1)
    fired = [
        e
        for e in answered.events
        if isinstance(e, MissileLaunched) and e.track == order.track and e.ordered
    ]
    assert fired
    # It meets the missile before the missile lands: the intercept comes, no leaker first.
    while not session.over:
        later = session.play([], 10).events
        met = [e for e in later if isinstance(e, InterceptResolved) and e.threat == slot]
        landed = [e for e in later if isinstance(e, Leaker) and e.threat == slot]
        if met or landed:
            assert met and (not landed or landed[0].turn >= met[0].turn)
            break
    else:
        pytest.fail("the missile neither met nor landed")
