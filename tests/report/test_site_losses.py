"""A command post standing on a defended asset's site falls with it: the report counts
its value as the score does."""

from __future__ import annotations

from pathlib import Path

from wargame.campaign import parse_campaign
from wargame.engine import Game, Order
from wargame.engine.events import CommandPostDestroyed, Event, GameOver, Leaker
from wargame.report.aar import build_aar

ROOT = Path(__file__).resolve().parents[2]


def test_a_post_lost_with_the_site_it_stood_on_is_counted_once() -> None:
    text = (ROOT / "campaigns" / "first-contact.toml").read_text(encoding="utf-8")
    # The battalion's command post moved onto the port (Aldmouth, [310, 180]).
    text = text.replace("position = [318, 172]", "position = [310.2, 180]", 1)
    loaded = parse_campaign(text, "post-on-port.toml")
    hold = [
        Order(1, unit, "weapons", setting="hold") for unit in ("FU Alpha", "FU Bravo", "FU Charlie")
    ]
    for seed in range(1, 30):
        game = Game.new(loaded, seed)
        log: list[Event] = [game.started_event()]
        log += game.step(hold)
        while not game.over:
            log += game.step([])
        posts = [e for e in log if isinstance(e, CommandPostDestroyed)]
        if posts:
            break
    else:
        raise AssertionError("no seed lost the post with the port")
    (post,) = posts
    assert post.value > 0
    # No leaker aimed at the post itself: it fell with the port.
    assert not any(isinstance(e, Leaker) and e.target == post.command_post for e in log)
    over = log[-1]
    assert isinstance(over, GameOver)
    aar = build_aar(log)
    assert {name: m for name, m, _, _ in aar.score.parts}["radar value lost"] == (
        over.radar_value_lost
    )
    assert aar.exchange.radar_value_lost == over.radar_value_lost
