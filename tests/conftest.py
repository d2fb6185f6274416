"""Shared fixtures: the shipped campaigns and the test campaigns, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from wargame.campaign import LoadedCampaign, load_campaign

ROOT = Path(__file__).resolve().parent.parent
CAMPAIGNS = ROOT / "campaigns"
TEST_CAMPAIGNS = Path(__file__).resolve().parent / "engine" / "campaigns"


@pytest.fixture(scope="session")
def first_contact() -> LoadedCampaign:
    return load_campaign(CAMPAIGNS / "first-contact.toml")


@pytest.fixture(scope="session")
def northern_screen() -> LoadedCampaign:
    return load_campaign(CAMPAIGNS / "northern-screen.toml")


@pytest.fixture(scope="session")
def two_sectors() -> LoadedCampaign:
    return load_campaign(TEST_CAMPAIGNS / "two-sectors.toml")


@pytest.fixture(scope="session")
def arm_duel() -> LoadedCampaign:
    return load_campaign(TEST_CAMPAIGNS / "arm-duel.toml")
