"""A file that is not a whole, well-formed save gets one clear line naming the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wargame.errors import SaveError
from wargame.record import load_save, write_save
from wargame.record.format import SaveMismatch

BROKEN = Path(__file__).parent / "broken"

CASES = {  # a message starting with ':' carries the line the JSON parser knows
    "empty.json": "the file is empty",
    "blank.json": "the file is empty",
    "not-json.json": ":1: not valid JSON: Expecting value (column 1)",
    "campaign.toml.json": (
        "not a save: a TOML file (a campaign? 'wargame play' or 'wargame run' plays one); "
        "saves are JSON"
    ),
    "bad-comma.json": (
        ":3: not valid JSON: Expecting property name enclosed in double quotes (column 12)"
    ),
    "not-utf8.json": ":1: not UTF-8 text (byte 0xff in column 1)",
    "array.json": "not a wargame save: the file holds a JSON array, not an object",
    "not-a-save.json": 'not a wargame save: no "format": "wargame-save"',
    "future-format.json": (
        "format_version: save format 2 is newer than this wargame reads (up to 1); "
        "update wargame to open it"
    ),
    "version-not-a-number.json": "format_version: missing, or not a whole number",
}


def _message(path: Path) -> str:
    with pytest.raises(SaveError) as caught:
        load_save(path)
    assert not isinstance(caught.value, SaveMismatch)
    assert caught.value.exit_code == 2
    return str(caught.value)


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_broken_file_gets_its_exact_message(name: str) -> None:
    path = BROKEN / name
    expected = CASES[name] if CASES[name].startswith(":") else f": {CASES[name]}"
    assert _message(path) == f"{path}{expected}"


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.json"
    assert _message(path) == f"{path}: no such file"


def test_a_directory_is_not_a_save(tmp_path: Path) -> None:
    assert _message(tmp_path) == f"{tmp_path}: is a directory, not a save file"


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.999])
def test_a_truncated_save_says_it_was_cut_short(tmp_path: Path, game, keep: float) -> None:
    path = tmp_path / "cut.json"
    write_save(game, path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: int(len(text) * keep)], encoding="utf-8")
    assert (
        _message(path)
        == f"{path}: truncated: the file ends before the save does (an interrupted write?)"
    )


def _edited(tmp_path: Path, game, edit) -> Path:
    path = tmp_path / "shape.json"
    write_save(game, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    edit(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


APPENDED = 17
"""Where an event appended to turn 2 of seed 7 lands: that turn already holds 17 events
(the 4 false tracks of turn 1 dropped, 6 new ones, each a `false_track` and its
`track_initiated`, and `turn_ended`), so the new one is `events[17]`."""

SHAPES = [
    (lambda d: d.pop("seed"), "seed: missing required key"),
    (lambda d: d.update(seed="7"), 'seed: expected an integer, got "7"'),
    (lambda d: d.update(seed=-1), "seed: must be at least 0, got -1"),
    (lambda d: d.update(colour="red"), "colour: unknown key 'colour'"),
    (
        lambda d: d.update(turns=[]),
        "turns: expected at least 1 value, got an array of 0 values",
    ),
    (lambda d: d["campaign"].pop("source"), "campaign.source: missing required key"),
    (lambda d: d["turns"][3].update(turn=4), "turns[3].turn: expected turn 3, found turn 4"),
    (
        lambda d: d["turns"][2]["events"].append({"turn": 2, "kind": "alien_landing"}),
        f"turns[2].events[{APPENDED}].kind: unknown event kind 'alien_landing'",
    ),
    (
        lambda d: d["turns"][2]["events"].append({"turn": 2}),
        f"turns[2].events[{APPENDED}].kind: missing required key",
    ),
    (
        lambda d: d["turns"][2]["orders"].append({"turn": 2, "unit": "FU Alpha"}),
        "turns[2].orders[0].action: missing required key",
    ),
    (
        lambda d: d["turns"][2]["orders"].append(
            {"turn": 2, "unit": "FU Alpha", "action": "launch_all"}
        ),
        "turns[2].orders[0].action: unknown action 'launch_all'; one of emission, weapons, "
        "salvo, doctrine, reserve, engage, relocate",
    ),
    (
        lambda d: d["turns"][2]["orders"].append(
            {"turn": "2", "unit": "FU Alpha", "action": "emission", "setting": "off"}
        ),
        'turns[2].orders[0].turn: expected an integer, got "2"',
    ),
    (
        lambda d: d["turns"][2]["orders"].append(
            {"turn": 2, "unit": "FU Alpha", "action": "salvo", "salvo": 9}
        ),
        "turns[2].orders[0].salvo: must be at most 4, got 9",
    ),
    (
        lambda d: d["turns"][0]["events"].clear(),
        "turns[0]: turn 0 must hold the game_started event alone, and no orders",
    ),
]


def test_turn_2_of_the_game_holds_the_events_an_appended_one_is_counted_after(game) -> None:
    kinds = [e.kind for e in game.turns[2].events]
    assert kinds == ["track_dropped"] * 4 + ["false_track", "track_initiated"] * 6 + ["turn_ended"]
    assert len(kinds) == APPENDED


@pytest.mark.parametrize(("edit", "message"), SHAPES, ids=[m for _, m in SHAPES])
def test_a_save_of_the_wrong_shape_names_the_field(
    tmp_path: Path, game, edit, message: str
) -> None:
    path = _edited(tmp_path, game, edit)
    assert _message(path) == f"{path}: {message}"


def test_an_event_with_a_missing_field_names_the_event(tmp_path: Path, game) -> None:
    def edit(doc: dict) -> None:
        doc["turns"][1]["events"][0].pop("raid")

    path = _edited(tmp_path, game, edit)
    assert _message(path) == f"{path}: turns[1].events[0].raid: a raid_entered event needs 'raid'"


def test_a_save_cut_anywhere_says_it_was_cut_short(tmp_path: Path, game) -> None:
    from wargame.record import parse_save

    path = tmp_path / "whole.json"
    write_save(game, path)
    text = path.read_text(encoding="utf-8")
    for cut in range(1, len(text) - 2, 61):
        with pytest.raises(SaveError, match=r"^cut: truncated: the file ends before the save does"):
            parse_save(text[:cut], "cut")
