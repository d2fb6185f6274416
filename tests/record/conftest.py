from __future__ import annotations

from pathlib import Path

import pytest

from tests.record.helpers import FIRST_CONTACT, TWO_SECTORS, play
from wargame.campaign import LoadedCampaign, load_campaign
from wargame.engine import Order
from wargame.record import Record, write_save

ORDERED_TURN = 7
"""The turn of the game with orders on which an order is given (and tampered with)."""


@pytest.fixture(scope="session")
def first_contact() -> LoadedCampaign:
    return load_campaign(FIRST_CONTACT)


@pytest.fixture(scope="session")
def two_sectors() -> LoadedCampaign:
    return load_campaign(TWO_SECTORS)


@pytest.fixture(scope="session")
def game(first_contact: LoadedCampaign) -> Record:
    """First Contact, seed 7, no orders, played to the end."""
    return play(first_contact, 7)


@pytest.fixture(scope="session")
def ordered_game(first_contact: LoadedCampaign) -> Record:
    """First Contact, seed 7, with orders on turns 3 and 7."""
    orders = {
        3: [Order(3, "FU Bravo", "doctrine", "sls")],
        ORDERED_TURN: [Order(ORDERED_TURN, "FU Charlie", "weapons", "tight")],
    }
    return play(first_contact, 7, orders)


@pytest.fixture
def save_file(tmp_path: Path, ordered_game: Record) -> Path:
    path = tmp_path / "game.json"
    write_save(ordered_game, path)
    return path
