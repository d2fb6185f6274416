from __future__ import annotations

from pathlib import Path

import pytest

from tests.record.helpers import FIRST_CONTACT, play
from wargame.campaign import load_campaign
from wargame.record import Record, write_save

HOSTILE = Path(__file__).parent / "hostile.toml"


@pytest.fixture(scope="session")
def real_game() -> Record:
    """First Contact, seed 11, no orders: a game that misses an objective (a ballistic
    missile hits Brenna; 35.7 M$ of interceptors fired, of 45, meets the budget),
    graded B."""
    return play(load_campaign(FIRST_CONTACT), 11, player="Ada")


@pytest.fixture(scope="session")
def real_save(tmp_path_factory: pytest.TempPathFactory, real_game: Record) -> Path:
    path = tmp_path_factory.mktemp("saves") / "game.json"
    write_save(real_game, path)
    return path


@pytest.fixture(scope="session")
def hostile_save(tmp_path_factory: pytest.TempPathFactory) -> Path:
    record = play(load_campaign(HOSTILE), 7, player='<b onclick="alert(12)">Mallory</b>')
    path = tmp_path_factory.mktemp("saves") / "hostile.json"
    write_save(record, path)
    return path
