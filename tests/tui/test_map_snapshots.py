"""Snapshot tests of the tactical map at 80x24 and 120x40 (seed 1, cursor blink off).

Each starts from a save played headless with no orders, then presses only the keys
that make the picture. `pytest tests/tui/test_map_snapshots.py --snapshot-update`
rewrites them after a change that is meant.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.tui.conftest import FIRST_CONTACT, ROOT, SEED, settle
from tests.tui.test_snapshots import quiet
from wargame.campaign import load_campaign
from wargame.record import Recorder, write_save

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
NORTHERN_SCREEN = ROOT / "campaigns" / "northern-screen.toml"
MASS_RAID = Path(__file__).parent / "campaigns" / "mass-raid.toml"


def saved(folder: Path, campaign: Path, turns: int) -> Path:
    """A campaign played with no orders for `turns` turns (seed 1), saved."""
    recorder = Recorder.new(load_campaign(campaign), SEED)
    for _ in range(turns):
        recorder.step([])
    save = folder / f"{campaign.stem}-{turns}.json"
    write_save(recorder.record, save)
    return save


def pressing(*keys: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        await quiet(pilot)

    return run_before


class TestMassRaid:
    """Mass Raid after three turns: over 200 tracks in stacks (F×18, D×33), each letter
    styled by its altitude (cruise missiles low, fighters high), trails of the two turns
    before, and every asset, unit and place still named."""

    @pytest.mark.parametrize("size", SIZES)
    def test_a_mass_raid_reads_as_stacks_with_trails_and_names_kept(
        self, snap_compare, make_app, tmp_path: Path, size
    ) -> None:
        save = saved(tmp_path, MASS_RAID, 1)
        app = make_app(load=save)
        assert snap_compare(app, terminal_size=size, run_before=pressing("n", "n"))


class TestLabelsKept:
    """Names beside, above or below their symbols, shortened, or keyed to the legend:
    never hidden under a track or a salvo's line, and a symbol on another's cell moved
    beside it."""

    @pytest.mark.parametrize("size", SIZES)
    def test_first_contact_names_its_assets_and_command_post(
        self, snap_compare, make_app, tmp_path: Path, size
    ) -> None:
        save = saved(tmp_path, FIRST_CONTACT, 9)
        assert snap_compare(make_app(load=save), terminal_size=size, run_before=pressing())

    @pytest.mark.parametrize("size", SIZES)
    def test_northern_screen_draws_harrow_radar_site_beside_its_radar(
        self, snap_compare, make_app, tmp_path: Path, size
    ) -> None:
        save = saved(tmp_path, NORTHERN_SCREEN, 4)
        assert snap_compare(make_app(load=save), terminal_size=size, run_before=pressing())


class TestCoverage:
    """Northern Screen's radars, each in its colour: for a target at 10 km (c), and at
    50 m (c then v), where the horizon draws them in to a few tens of km."""

    @pytest.mark.parametrize("size", SIZES)
    @pytest.mark.parametrize(
        "keys", [pytest.param(("c",), id="10km"), pytest.param(("c", "v"), id="50m")]
    )
    def test_coverage_per_radar_at_the_altitude_chosen(
        self, snap_compare, make_app, tmp_path: Path, size, keys
    ) -> None:
        save = saved(tmp_path, NORTHERN_SCREEN, 4)
        app = make_app(load=save)
        assert snap_compare(app, terminal_size=size, run_before=pressing(*keys))


class TestSelectedTrack:
    """First Contact, turn 12 (30 s turns): the selected track's path ahead to the site it
    heads for, and its intercept point where FU Alpha's salvo will meet it."""

    @pytest.mark.parametrize("size", SIZES)
    def test_the_selected_track_shows_its_path_and_intercept_point(
        self, snap_compare, make_app, tmp_path: Path, size
    ) -> None:
        save = saved(tmp_path, FIRST_CONTACT, 12)
        assert snap_compare(make_app(load=save), terminal_size=size, run_before=pressing("t"))
