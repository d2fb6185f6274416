"""A game in the app autosaves every turn, and never over another game's autosave."""

from __future__ import annotations

from pathlib import Path

from wargame.campaign import LoadedCampaign
from wargame.record import read_save
from wargame.tui.session import Session


def test_a_second_game_of_the_same_seed_autosaves_beside_the_first(
    tmp_path: Path, first_contact: LoadedCampaign
) -> None:
    first = Session.new(first_contact, 7, tmp_path)
    first.step([])
    first.step([])
    second = Session.new(first_contact, 7, tmp_path)
    second.step([])
    assert first.last_autosave == tmp_path / "autosave-first-contact-seed7.json"
    assert second.last_autosave == tmp_path / "autosave-first-contact-seed7-2.json"
    assert read_save(first.last_autosave).last_turn == 2
    assert read_save(second.last_autosave).last_turn == 1


def test_a_game_resumed_from_its_autosave_goes_on_autosaving_there(
    tmp_path: Path, first_contact: LoadedCampaign
) -> None:
    first = Session.new(first_contact, 7, tmp_path)
    first.step([])
    path = first.last_autosave
    assert path is not None
    resumed = Session.from_save(path, tmp_path)
    resumed.step([])
    assert resumed.last_autosave == path
    assert read_save(path).last_turn == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
