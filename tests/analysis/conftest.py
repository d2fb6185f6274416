from __future__ import annotations

from pathlib import Path

import pytest

from wargame.campaign import LoadedCampaign, load_campaign

HERE = Path(__file__).parent
ROOT = HERE.parent.parent


@pytest.fixture(scope="session")
def one_unit_raid() -> LoadedCampaign:
    """One fire unit with 8 rounds against 4 cruise missiles flying together."""
    return load_campaign(HERE / "campaigns" / "one-unit-raid.toml")


@pytest.fixture(scope="session")
def first_contact() -> LoadedCampaign:
    return load_campaign(ROOT / "campaigns" / "first-contact.toml")
