"""The campaigns that ship with wargame validate, through the library and the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from wargame.campaign import LoadedCampaign, load_campaign, parse_campaign

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "campaigns").glob("*.toml"))


def test_there_is_at_least_one_shipped_campaign() -> None:
    assert SHIPPED


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_a_shipped_campaign_loads(path: Path) -> None:
    loaded = load_campaign(path)
    assert isinstance(loaded, LoadedCampaign)
    assert loaded.name == str(path)
    text = path.read_text("utf-8")
    terrain = loaded.campaign.terrain
    if terrain is not None and path.with_suffix(".csv").exists():
        # A terrain file's heights are written into the text a save keeps, on its line.
        assert loaded.source != text
        assert len(loaded.source.splitlines()) == len(text.splitlines())
    else:
        assert loaded.source == text
    assert len(loaded.digest) == 64


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_a_shipped_campaign_parses_the_same_from_its_text(path: Path) -> None:
    text = path.read_text("utf-8")
    parsed = parse_campaign(text, path.name, folder=path.parent)
    assert parsed.campaign == load_campaign(path).campaign


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_position_in_a_shipped_campaign_resolves_to_the_map(path: Path) -> None:
    loaded = load_campaign(path)
    width, height = loaded.campaign.map.width_km, loaded.campaign.map.height_km
    blue = loaded.campaign.blue
    positions = [
        *(u.position for u in blue.command_posts),
        *(u.position for u in blue.radars),
        *(u.position for u in blue.fire_units),
        *(u.position for u in blue.assets),
    ]
    for position in positions:
        x, y = loaded.place(position)
        assert 0 <= x <= width and 0 <= y <= height


def test_the_cli_validates_every_shipped_campaign_with_one_ok_line_each() -> None:
    names = [str(p.relative_to(ROOT)) for p in SHIPPED]
    result = subprocess.run(
        [sys.executable, "-m", "wargame", "validate", *names],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    ok = "".join(f"{name}: OK\n" for name in names)
    assert (result.returncode, result.stdout, result.stderr) == (0, ok, "")
