"""A save recorded under other rules still loads, replays and reports from its own events;
verification says which rules recorded it and where today's rules first differ."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.record.helpers import first_turn_with, read_doc, rehash, write_doc
from wargame import RULES_VERSION
from wargame.errors import SaveError
from wargame.record import Recorder, SaveMismatch, load_save
from wargame.report.aar import build_aar

OLD = "0.9-test"


def _launch_cost_raised(save_file: Path) -> int:
    """Pretend older rules priced one launch differently; returns the turn."""
    doc = read_doc(save_file)
    doc["rules_version"] = OLD
    turn = first_turn_with(doc, "missile_launched")
    launch = next(e for e in doc["turns"][turn]["events"] if e["kind"] == "missile_launched")
    launch["cost"] = 1000.0
    rehash(doc)
    write_doc(save_file, doc)
    return turn


def test_a_save_of_other_rules_that_today_plays_alike_verifies_ok(save_file: Path) -> None:
    doc = read_doc(save_file)
    doc["rules_version"] = OLD
    write_doc(save_file, doc)
    loaded = load_save(save_file)
    assert loaded.verification.ok and not loaded.verification.same_rules
    assert loaded.verification.describe("g.json") == (
        f"g.json: OK: recorded under rules {OLD}; today's rules {RULES_VERSION} "
        f"play all {loaded.record.last_turn} turns alike"
    )


def test_a_save_of_other_rules_loads_and_names_the_first_turn_today_differs(
    save_file: Path,
) -> None:
    turn = _launch_cost_raised(save_file)
    loaded = load_save(save_file)
    assert loaded.verification.first_difference == turn
    assert loaded.verification.describe("g.json") == (
        f"g.json: turn {turn}: recorded under rules {OLD}; "
        f"today's rules {RULES_VERSION} first differ here; "
        "the save replays from its own events"
    )


def test_a_save_of_other_rules_reports_from_its_own_events(save_file: Path) -> None:
    _launch_cost_raised(save_file)
    aar = build_aar(load_save(save_file).record.events())
    assert aar.exchange.interceptor_cost > 1000.0


def test_a_save_of_other_rules_that_differs_cannot_be_played_on(save_file: Path) -> None:
    turn = _launch_cost_raised(save_file)
    record = load_save(save_file).record
    with pytest.raises(SaveMismatch, match=f"play it differently from turn {turn}"):
        Recorder.from_record(record, str(save_file))


def test_a_save_whose_campaign_todays_rules_reject_still_loads(save_file: Path) -> None:
    doc = read_doc(save_file)
    doc["rules_version"] = OLD
    doc["campaign"]["source"] += "\n[ancient_table]\nkey = 1\n"
    rehash(doc, campaign_too=True)
    write_doc(save_file, doc)
    loaded = load_save(save_file)
    assert loaded.verification.first_difference == 0
    assert "the campaign does not load" in loaded.verification.detail
    assert build_aar(loaded.record.events()).turns == loaded.record.last_turn


def test_tampering_is_still_caught_in_a_save_of_other_rules(save_file: Path) -> None:
    doc = read_doc(save_file)
    doc["rules_version"] = OLD
    doc["turns"][4]["digest"] = "0" * 64
    write_doc(save_file, doc)
    with pytest.raises(SaveMismatch, match="turn 4: digest mismatch"):
        load_save(save_file)


def test_tampering_is_caught_even_when_todays_rules_cannot_load_the_campaign(
    save_file: Path,
) -> None:
    doc = read_doc(save_file)
    doc["rules_version"] = OLD
    doc["campaign"]["source"] += "\n[ancient_table]\nkey = 1\n"
    rehash(doc, campaign_too=True)
    doc["turns"][6]["digest"] = "0" * 64
    write_doc(save_file, doc)
    with pytest.raises(SaveMismatch, match="turn 6: digest mismatch"):
        load_save(save_file)


@pytest.mark.parametrize(
    ("kind", "field", "value", "expected"),
    [
        ("game_started", "seconds_per_turn", "x", 'expected a number, got "x"'),
        ("game_started", "seconds_per_turn", float("nan"), "expected a finite number, got NaN"),
        (
            "turn_ended",
            "score",
            10**400,
            "expected a number, got 10000000000000000000... (401 digits)",
        ),
        ("turn_ended", "score", 2e300, "must be at most 1e+300, got 2e+300"),
        (
            "game_started",
            "radars",
            [["Big Bird", 1]],
            "expected [a string, a number, true or false], got an array of 2 values",
        ),
        ("missile_launched", "intercept_turn", 1.5, "expected an integer, got 1.5"),
        ("missile_launched", "intercept_turn", 2**63, f"must be at most {2**63 - 1}, got {2**63}"),
        ("intercept_resolved", "killed", 1, "expected true or false, got 1"),
        ("turn_ended", "emitting", "Big Bird", 'expected an array, got "Big Bird"'),
        (
            "game_over",
            "result",
            "draw",
            'expected "victory", "marginal" or "defeat", got "draw"',
        ),
    ],
)
def test_an_event_field_of_the_wrong_type_is_one_line_even_in_a_save_of_other_rules(
    save_file: Path, kind: str, field: str, value: object, expected: str
) -> None:
    # A careful forger: other rules (so today's replay is not compared), digests redone.
    doc = read_doc(save_file)
    doc["rules_version"] = OLD
    turn = 0 if kind == "game_started" else first_turn_with(doc, kind)
    k = next(i for i, e in enumerate(doc["turns"][turn]["events"]) if e["kind"] == kind)
    doc["turns"][turn]["events"][k][field] = value
    rehash(doc)
    write_doc(save_file, doc)
    with pytest.raises(SaveError) as caught:
        load_save(save_file)
    # A value inside an array is named by its place there: radars[0], not radars.
    at = f"{field}[0]" if field == "radars" else field
    assert str(caught.value) == f"{save_file}: turns[{turn}].events[{k}].{at}: {expected}"
