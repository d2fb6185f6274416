"""A game resumed from a save folds its history's tentative tracks exactly as the turns
were folded when they were played."""

from __future__ import annotations

from pathlib import Path

from wargame.campaign import load_campaign
from wargame.play.session import Session

FIRST_CONTACT = Path(__file__).resolve().parents[2] / "campaigns" / "first-contact.toml"


def test_a_resumed_game_folds_each_turn_of_its_history_as_play_did(tmp_path: Path) -> None:
    session = Session.new(load_campaign(FIRST_CONTACT), 4, tmp_path)
    played = [session.step([]).tentative[0] for _ in range(12)]
    # Twelve turns of four radars raise false alarms: the history has some to fold.
    assert sum(len(t.dropped) for t in played) > 0
    path = tmp_path / "game.json"
    session.save_as(path)
    resumed = Session.from_save(path, tmp_path)
    assert resumed.history_tentative() == tuple(played)
    assert Session.new(load_campaign(FIRST_CONTACT), 4, tmp_path).history_tentative() == ()
