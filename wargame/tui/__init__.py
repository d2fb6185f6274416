"""The Textual TUI of wargame: `play` and `replay`, called by the CLI.

Only these two functions live here, and they import Textual when called, so a
headless command that imports `wargame.tui` still never loads Textual. A file
that cannot be read raises `WargameError` before the terminal is taken over.
"""

from __future__ import annotations

from pathlib import Path

from wargame.play.places import DEFAULT_SAVES


def play(
    campaign_path: Path | None,
    load: Path | None,
    seed: int | None = None,
    player: str = "",
    saves_dir: Path = DEFAULT_SAVES,
) -> None:
    """`wargame play [CAMPAIGN] [--load SAVE] [--seed N] [--player NAME] [--saves DIR]`: the
    picker without a campaign, its briefing with one, or the saved game with --load;
    autosaves and the save and load dialogs use `saves_dir`."""
    from wargame.tui.app import build_app

    build_app(
        campaign=campaign_path, load=load, seed=seed, player=player, saves_dir=saves_dir
    ).run()


def replay(save: Path) -> None:
    """`wargame replay SAVE`: the save read-only, turn by turn."""
    from wargame.tui.app import build_app

    build_app(replay=save).run()


__all__ = ["play", "replay"]
