"""A save written under earlier rules, before some events gained fields, still checks out:
its digests hold, it replays from its own events, and it reports with its campaign's
scoring. The save here was written by rules 1.3 (First Contact, seed 2)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tests.record.helpers import cli_app
from wargame.cli_records import _score_weights
from wargame.engine.events import GameStarted, MissileLaunched, RelocationComplete
from wargame.record import load_save, read_save
from wargame.report.aar import build_aar

OLD_SAVE = Path(__file__).parent / "saves" / "rules-1.3-first-contact-seed2.json"
runner = CliRunner()


def test_its_digests_hold_and_it_replays_from_its_own_events() -> None:
    record = read_save(OLD_SAVE)  # the digests, checked
    assert record.rules_version == "1.3"
    loaded = load_save(OLD_SAVE)
    assert not loaded.verification.same_rules
    assert loaded.verification.describe("s.json").startswith("s.json: turn 0: recorded under")


def test_it_reports_in_every_format() -> None:
    for fmt in ("text", "md", "json", "html"):
        result = runner.invoke(cli_app(), ["report", str(OLD_SAVE), "-f", fmt])
        assert result.exit_code == 0, result.output


def test_its_score_adds_up_with_its_campaigns_weights() -> None:
    record = read_save(OLD_SAVE)
    started = record.events()[0]
    assert isinstance(started, GameStarted) and started.score_weights == ()
    aar = build_aar(record.events(), score_weights=(1.0, 2.0, 1.0, 1.0))
    assert [w for _, _, w, _ in aar.score.parts] == [1.0, 2.0, 1.0, 1.0]


def test_the_weights_are_read_from_the_campaign_it_embeds() -> None:
    assert _score_weights("[scoring]\ninterceptor_cost = 2\nradar_lost = 0.5\n") == (
        1.0,
        2.0,
        1.0,
        0.5,
    )
    assert _score_weights("[scoring]\ninterceptor_cost = 'two'\n") == (1.0, 1.0, 1.0, 1.0)
    assert _score_weights("not toml [") == (1.0, 1.0, 1.0, 1.0)


def test_a_field_added_later_is_left_out_while_it_holds_its_default() -> None:
    launch = MissileLaunched(1, "FU A", "9M96-class", 1, 0, "cruise_missile", 0.8, 40.0, 2, 0.6)
    assert "ordered" not in launch.to_dict()
    ordered = MissileLaunched(
        1, "FU A", "9M96-class", 1, 0, "cruise_missile", 0.8, 40.0, 2, 0.6, True
    )
    assert ordered.to_dict()["ordered"] is True
    assert "emitting" not in RelocationComplete(3, "FU A").to_dict()
    assert RelocationComplete(3, "FU A", emitting=False).to_dict()["emitting"] is False
