"""Helpers for driving the app headless: one factory, fixed seed, no cursor blink."""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path

import pytest
from textual.pilot import Pilot

from wargame.tui.app import WargameApp, build_app
from wargame.tui.screens.tactical import TacticalScreen

ROOT = Path(__file__).resolve().parents[2]
FIRST_CONTACT = ROOT / "campaigns" / "first-contact.toml"
SEED = 1


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests in a fresh event loop (Pilot needs one; no plugin required)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


@pytest.fixture
def make_app(tmp_path: Path):  # type: ignore[no-untyped-def]
    """build_app as the CLI calls it, with saves in a temporary folder."""

    def make(**kwargs: object) -> WargameApp:
        kwargs.setdefault("seed", SEED)
        kwargs.setdefault("saves_dir", tmp_path / "saves")
        kwargs.setdefault("campaigns_dir", ROOT / "campaigns")
        kwargs.setdefault("cursor_blink", False)
        return build_app(**kwargs)  # type: ignore[arg-type]

    return make


async def settle(pilot: Pilot[None]) -> None:
    """Let workers finish and their messages land."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def begin(pilot: Pilot[None]) -> TacticalScreen:
    """From the briefing into the game."""
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, TacticalScreen), screen
    return screen


async def end_turns(pilot: Pilot[None], screen: TacticalScreen, turns: int) -> None:
    for _ in range(turns):
        if screen.session.over:
            return
        await pilot.press("n")
        await settle(pilot)


async def until_tracks(pilot: Pilot[None], screen: TacticalScreen, limit: int = 20) -> None:
    """End turns until the radars hold a track."""
    from wargame.view.blue import shown_tracks

    for _ in range(limit):
        if shown_tracks(screen.state).size:
            return
        await end_turns(pilot, screen, 1)
    raise AssertionError("no track after the turn limit")


async def until_firm_track(pilot: Pilot[None], screen: TacticalScreen, limit: int = 20) -> None:
    """End turns until the radars hold a track and the one selected has a heading (a
    track of one look has none, and cannot be engaged yet)."""
    import numpy as np

    from wargame.engine.tracking import has_heading
    from wargame.view.blue import track_slot

    await until_tracks(pilot, screen, limit)
    for _ in range(limit):
        slot = track_slot(screen.state, screen.pane.selected_track)
        if slot >= 0 and has_heading(screen.state, np.array([slot]))[0]:
            return
        await end_turns(pilot, screen, 1)
    raise AssertionError("no track with a heading after the turn limit")
