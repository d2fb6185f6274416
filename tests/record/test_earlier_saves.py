"""A save written under earlier rules, before some events gained fields, still checks out:
its digests hold, it replays from its own events, and it reports with its campaign's
scoring. The save here was written by rules 1.3 (First Contact, seed 2)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.record.helpers import cli_app, read_doc, rehash, write_doc
from wargame.engine.events import GameStarted, MissileLaunched, RelocationComplete
from wargame.errors import SaveError
from wargame.record import load_save, read_save

OLD_SAVE = Path(__file__).parent / "saves" / "rules-1.3-first-contact-seed2.json"
WEIGHTED = Path(__file__).parent / "saves" / "rules-1.3-interceptors-weighted-2.json"
runner = CliRunner()


def test_its_digests_hold_and_it_replays_from_its_own_events() -> None:
    record = read_save(OLD_SAVE)  # the digests, checked
    assert record.rules_version == "1.3"
    loaded = load_save(OLD_SAVE)
    assert not loaded.verification.same_rules
    # Today's rules first play it differently on turn 1, at the end of its first turn:
    # the score counts the asset value kept from rules 1.6, so its first TurnEnded's score
    # differs (before 1.6 the first difference was turn 6, at its first launches). Its
    # start does not differ: the scoring weights the start now records, which it did not,
    # are not a difference.
    assert loaded.verification.first_difference == 1


def test_it_reports_in_every_format() -> None:
    for fmt in ("text", "md", "json", "html"):
        result = runner.invoke(cli_app(), ["report", str(OLD_SAVE), "-f", fmt])
        assert result.exit_code == 0, result.output


def test_its_score_adds_up_with_the_weights_of_the_campaign_it_embeds() -> None:
    """A save of rules 1.3, whose campaign counts interceptors double: its start records
    no weights, so the report reads them from the campaign, and the points add up."""
    record = read_save(WEIGHTED)
    started = record.events()[0]
    assert isinstance(started, GameStarted) and started.score_weights == ()
    result = runner.invoke(cli_app(), ["report", str(WEIGHTED), "-f", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    parts = doc["tables"]["score_parts"]["rows"]
    assert [row["weight"] for row in parts] == [1.0, 2.0, 1.0, 1.0]
    assert sum(row["points"] for row in parts) == pytest.approx(doc["facts"]["score"], abs=0.1)


def test_the_weights_are_read_from_the_campaign_it_embeds() -> None:
    record = read_save(OLD_SAVE)

    def weights(source: str) -> tuple[float, ...]:
        return dataclasses.replace(record, campaign_source=source).campaign_score_weights()

    assert weights("[scoring]\ninterceptor_cost = 2\nradar_lost = 0.5\n") == (
        1.0,
        2.0,
        1.0,
        0.5,
    )
    assert weights("[scoring]\ninterceptor_cost = 'two'\n") == (1.0, 1.0, 1.0, 1.0)
    assert weights("not toml [") == (1.0, 1.0, 1.0, 1.0)


def test_a_field_added_later_is_left_out_while_it_holds_its_default() -> None:
    launch = MissileLaunched(1, "FU A", "9M96-class", 1, 0, "cruise_missile", 0.8, 40.0, 2, 0.6)
    assert "ordered" not in launch.to_dict()
    ordered = MissileLaunched(
        1, "FU A", "9M96-class", 1, 0, "cruise_missile", 0.8, 40.0, 2, 0.6, True
    )
    assert ordered.to_dict()["ordered"] is True
    assert "emitting" not in RelocationComplete(3, "FU A").to_dict()
    assert RelocationComplete(3, "FU A", emitting=False).to_dict()["emitting"] is False


def test_a_field_written_out_at_its_default_is_read_as_the_default(save_file: Path) -> None:
    """Some saves write an added field even at its default ("ordered": false): today's
    re-simulation, which leaves it out, still finds the save as played."""
    doc = read_doc(save_file)
    launches = [
        e for turn in doc["turns"] for e in turn["events"] if e["kind"] == "missile_launched"
    ]
    assert launches
    for event in launches:
        event["ordered"] = False
    rehash(doc)
    write_doc(save_file, doc)
    loaded = load_save(save_file)
    assert loaded.verification.ok and loaded.verification.same_rules


def test_a_save_keeps_the_events_as_it_held_them_when_written_again(
    tmp_path: Path,
) -> None:
    """Cut after turn 20 (a branch), the old save is written with its events as they were,
    so the new file's digests hold too."""
    out = tmp_path / "branch.json"
    result = runner.invoke(cli_app(), ["branch", str(OLD_SAVE), "--turn", "20", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert read_save(out).last_turn == 20


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("player", "Eve\nInjected", "player: at most 80 printable characters, on one line"),
        ("player", "x" * 81, "player: at most 80 printable characters, on one line"),
    ],
)
def test_a_save_with_a_player_name_that_breaks_lines_is_refused(
    save_file: Path, field: str, value: str, message: str
) -> None:
    doc = read_doc(save_file)
    doc[field] = value
    write_doc(save_file, doc)
    with pytest.raises(SaveError) as caught:
        read_save(save_file)
    assert str(caught.value.problems[0]).endswith(message)


def test_a_start_with_other_than_four_weights_is_refused(save_file: Path) -> None:
    doc = read_doc(save_file)
    doc["turns"][0]["events"][0]["score_weights"] = [1.0, 2.0]
    rehash(doc)
    write_doc(save_file, doc)
    with pytest.raises(SaveError) as caught:
        read_save(save_file)
    assert str(caught.value.problems[0]).endswith(
        "turns[0].events[0].score_weights: four weights, or none (threat cost destroyed, "
        "interceptor cost, asset value lost, radar value lost)"
    )


def test_the_replay_screen_rebuilds_it_up_to_where_todays_rules_differ() -> None:
    from wargame.play.replay_data import build_replay

    data = build_replay(read_save(OLD_SAVE), "s.json")
    # (turn 1: the score of rules 1.6 counts the asset value kept)
    assert data.diverged_at == 1 and data.last_turn == 33
