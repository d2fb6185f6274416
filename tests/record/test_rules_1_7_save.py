"""A save of rules 1.7 (First Contact, seed 3: the last rules before stand-off weapons,
SEAD that shares its ARMs, terrain, point defence and false alarms) still checks out
under today's rules: its digests hold, it replays from its own events, and it reports."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.record.helpers import cli_app
from wargame.record import load_save, read_save

SAVE = Path(__file__).parent / "saves" / "rules-1.7-first-contact-seed3.json"
runner = CliRunner()


def test_its_digests_hold_and_today_s_rules_first_differ_on_its_first_turn() -> None:
    record = read_save(SAVE)  # the digests, checked
    assert record.rules_version == "1.7"
    loaded = load_save(SAVE)
    assert not loaded.verification.same_rules
    # From rules 1.8 every radar raises false alarms from its first look, so today's
    # rules first play it differently on turn 1.
    assert loaded.verification.first_difference == 1


def test_it_replays_and_reports_from_its_own_events() -> None:
    record = read_save(SAVE)
    replay = runner.invoke(cli_app(), ["replay", str(SAVE), "--text"])
    assert replay.exit_code == 0, replay.output
    report = runner.invoke(cli_app(), ["report", str(SAVE), "-f", "json"])
    assert report.exit_code == 0, report.output
    facts = json.loads(report.stdout)["facts"]
    over = record.events()[-1]
    # The report's score and turns are the save's own, not a game replayed under 1.8.
    assert facts["score"] == over.to_dict()["score"]
    assert facts["turns"] == 64
