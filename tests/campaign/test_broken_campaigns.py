"""Every kind of broken campaign gets its exact line(s): file, true line, path, what is wrong.

Each file in `broken/` is `minimal.toml` with one fault (its first line says which).
The expected lines below were checked by eye against the files: each line number
points at the faulty key, or at the table that lacks a field.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wargame.campaign import load_campaign, parse_campaign
from wargame.campaign import loader as loader_module
from wargame.errors import CampaignError

HERE = Path(__file__).parent
BROKEN = HERE / "broken"
MINIMAL = HERE / "minimal.toml"

# File name -> what follows the file name in each line the loader prints.
EXPECTED: dict[str, list[str]] = {
    "misspelt_key.toml": [
        ":6: clock.turn_limt: unknown key 'turn_limt' (did you mean 'turn_limit'?)",
    ],
    "missing_required_field.toml": [
        ":20: blue.fire_units[0].command_post: missing required key",
    ],
    "missing_table.toml": [
        ": red: missing required table",
    ],
    "wrong_type.toml": [
        ":37: red.raids[0].count: expected an integer, got 'four'",
    ],
    "boolean_for_number.toml": [
        ":31: blue.assets[0].value: expected a number, got true",
    ],
    "date_for_string.toml": [
        ":3: meta.title: expected a string, got a date",
    ],
    "negative_count.toml": [
        ":37: red.raids[0].count: must be at least 1, got -3",
    ],
    "zero_count.toml": [
        ":37: red.raids[0].count: must be at least 1, got 0",
    ],
    "huge_count.toml": [
        ":37: red.raids[0].count: must be at most 100000, got 1000000",
    ],
    "huge_integer.toml": [
        ":37: red.raids[0].count: must be at most 100000, got 1000000000000000000000000000000",
    ],
    "nan.toml": [
        ":31: blue.assets[0].value: expected a finite number, got nan",
    ],
    "inf.toml": [
        ":9: map.width_km: expected a finite number, got inf",
    ],
    "empty_name.toml": [
        ":34: red.raids[0].name: must not be empty",
    ],
    "unknown_choice.toml": [
        ":4: meta.difficulty: expected 'tutorial', 'easy', 'normal', 'hard' or 'expert', "
        "got 'hrad' (did you mean 'hard'?)",
    ],
    "wrong_format_version.toml": [
        ":2: format_version: must be 1, got 2",
    ],
    "position_of_three_numbers.toml": [
        ":38: red.raids[0].origin: expected [x_km, y_km], got an array of 3 values",
    ],
    "table_is_a_number.toml": [
        ":2: meta: expected a table, got 3",
    ],
    "table_is_an_array.toml": [
        ":2: meta: expected a table, got an array",
    ],
    "min_range_above_max_range.toml": [
        ":19: catalogue.missiles[0].max_range_km: min_range_km 300 is not below max_range_km 250",
    ],
    "unknown_threat_class_in_pk.toml": [
        ":21: catalogue.missiles[0].pk.cruise_missiles: unknown key 'cruise_missiles' "
        "(did you mean 'cruise_missile'?)",
    ],
    "decoy_without_mimics.toml": [
        ":16: catalogue.threats[0].mimics: a decoy must name the threat type it mimics",
    ],
    "ballistic_without_apogee.toml": [
        ":20: catalogue.threats[0].altitude_m: a ballistic missile's apogee must be above 0 "
        "(its flight time follows from it), got 0",
    ],
    "unknown_threat_type.toml": [
        ":36: red.raids[0].threat: unknown threat type 'Subsonic cruise misile' "
        "(did you mean 'Subsonic cruise missile'?)",
    ],
    "unknown_target.toml": [
        ":39: red.raids[0].target: unknown target 'Depot 9' (did you mean 'Depot 2'?)",
    ],
    "protects_itself.toml": [
        ":27: blue.fire_units[0].protects: a unit guards itself without saying so: name "
        "another site, or leave it out",
    ],
    "unknown_protected_site.toml": [
        ":27: blue.fire_units[0].protects: unknown site 'Depot 9' (did you mean 'Depot 2'?)",
    ],
    "unknown_place.toml": [
        ":23: blue.fire_units[0].position: unknown place 'Harbor' (did you mean 'Harbour'?)",
    ],
    "unknown_command_post.toml": [
        ":24: blue.fire_units[0].command_post: unknown command post 'HQ2' (did you mean 'HQ'?)",
    ],
    "unknown_radar_type.toml": [
        ":22: blue.radars[0].type: unknown radar type '91N6-class acquisition radar' "
        "(did you mean '91N6E-class acquisition radar'?)",
    ],
    "radar_cannot_guide.toml": [
        ":22: blue.fire_units[0].radar: radar type '91N6E-class acquisition radar' cannot guide "
        "missiles (its guidance_channels is 0); an engagement radar such as "
        "'92N6E-class engagement radar' can",
    ],
    "unknown_launcher_type.toml": [
        ":25: blue.fire_units[0].launcher: unknown launcher type '5P58-class launcher' "
        "(did you mean '5P85-class launcher'?)",
    ],
    "unknown_missile.toml": [
        ":26: blue.fire_units[0].loadout.\"48N6 class\": unknown missile type '48N6 class' "
        "(did you mean '48N6-class'?)",
    ],
    "loadout_too_large.toml": [
        ":26: blue.fire_units[0].loadout: needs 8 tubes but 1 launcher of 4 tubes holds 4",
    ],
    "raid_off_the_map.toml": [
        ":38: red.raids[0].origin: [-50, 50] is off the map (0..200 x 0..100 km)",
    ],
    "duplicate_names.toml": [
        ":34: blue.assets[1].name: name 'Depot 2' is already used by blue.assets[0] (line 29)",
    ],
    "sead_arm_not_class_arm.toml": [
        ":48: red.sead[0].arm: threat type 'Subsonic cruise missile' is not an anti-radiation "
        "missile (class arm)",
    ],
    "jammer_without_jammer.toml": [
        ":44: red.jammers[0].aircraft: threat type 'Strike fighter' carries no jammer "
        "(it has no jammer_jnr_db)",
    ],
    "jammer_leaves_before_it_comes.toml": [
        ":44: red.jammers[0].until_turn: until_turn 3 is before its turn 5",
    ],
    "raid_after_turn_limit.toml": [
        ":35: red.raids[0].turn: turn 30 is after the turn limit 20 (clock.turn_limit)",
    ],
    "not_toml.toml": [
        ":36: not valid TOML: a string is not closed on its line",
    ],
    "repeated_key.toml": [
        ":38: not valid TOML: a value is given twice (a repeated key?)",
    ],
    "table_twice.toml": [
        ":8: not valid TOML: table [clock] is defined twice",
    ],
    "not_utf8.toml": [
        ":3: not UTF-8 text (byte 0xe9 in column 13)",
    ],
    "empty.toml": [
        ": the file is empty",
    ],
    "deep_nesting.toml": [
        ":39: arrays or inline tables nested more than 64 deep",
    ],
    "deep_dotted_key.toml": [
        ":6: a dotted key of more than 16 parts is nested too deeply",
    ],
}


def _lines_for(path: Path | str) -> list[str]:
    with pytest.raises(CampaignError) as caught:
        load_campaign(path)
    return [str(problem) for problem in caught.value.problems]


def test_the_minimal_campaign_the_broken_files_are_made_from_is_good() -> None:
    loaded = load_campaign(MINIMAL)
    assert loaded.campaign.meta.title == "Minimal"


def test_every_broken_file_has_its_expected_lines_and_every_expectation_has_its_file() -> None:
    assert sorted(p.name for p in BROKEN.glob("*.toml")) == sorted(EXPECTED)


@pytest.mark.parametrize("file_name", sorted(EXPECTED))
def test_a_broken_file_gets_exactly_its_lines(file_name: str) -> None:
    path = str(BROKEN / file_name)
    assert _lines_for(path) == [f"{path}{rest}" for rest in EXPECTED[file_name]]


@pytest.mark.parametrize("file_name", sorted(EXPECTED))
def test_each_broken_file_differs_from_the_minimal_one_in_one_place(file_name: str) -> None:
    """Each file has one fault: apart from its first comment line it is minimal.toml
    with a few lines changed in one place (or, for the degenerate ones, nothing like it)."""
    data = (BROKEN / file_name).read_bytes()
    if file_name in {"empty.toml", "not_utf8.toml"}:
        return
    first, _, rest = data.decode("utf-8").partition("\n")
    assert first.startswith("# Broken: ")
    base = MINIMAL.read_text("utf-8").partition("\n")[2].split("\n")
    lines = rest.split("\n")
    start = next(
        (i for i, (a, b) in enumerate(zip(base, lines, strict=False)) if a != b),
        min(len(base), len(lines)),
    )
    end_base, end_lines = len(base), len(lines)
    while end_base > start and end_lines > start and base[end_base - 1] == lines[end_lines - 1]:
        end_base -= 1
        end_lines -= 1
    assert end_lines - start <= 9, "the fault should be small and in one place"


def test_a_missing_file_gets_one_line_naming_it(tmp_path: Path) -> None:
    path = str(tmp_path / "nowhere.toml")
    assert _lines_for(path) == [f"{path}: no such file"]


def test_a_directory_gets_one_line_naming_it(tmp_path: Path) -> None:
    assert _lines_for(tmp_path) == [f"{tmp_path}: is a directory, not a file"]


def test_a_path_through_a_file_gets_one_line_naming_it(tmp_path: Path) -> None:
    path = str(tmp_path / "minimal.toml" / "x.toml")
    (tmp_path / "minimal.toml").write_text("")
    assert _lines_for(path) == [f"{path}: cannot read: Not a directory"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads everything")
def test_an_unreadable_file_gets_one_line_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "locked.toml"
    path.write_text(MINIMAL.read_text())
    path.chmod(0)
    assert _lines_for(path) == [f"{path}: permission denied"]


def test_a_file_over_the_size_limit_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader_module, "MAX_FILE_BYTES", 100)
    path = tmp_path / "big.toml"
    path.write_text(MINIMAL.read_text())
    assert _lines_for(path) == [f"{path}: file is too large (more than 100 bytes)"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_that_never_ends_is_refused_rather_than_read_forever(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(loader_module, "MAX_FILE_BYTES", 1000)
    assert _lines_for("/dev/zero") == ["/dev/zero: file is too large (more than 1000 bytes)"]


def test_bytes_that_are_not_utf8_are_named_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(b'[meta]\ntitle = "Stra\xdfe"\n')
    assert _lines_for(path) == [f"{path}:2: not UTF-8 text (byte 0xdf in column 14)"]


def test_text_with_a_lone_surrogate_is_refused_with_its_line() -> None:
    # Only a caller can hand in such text (a file is decoded strictly); it would not encode.
    text = MINIMAL.read_text().replace('title = "Minimal"', 'title = "Min\udc80imal"')
    with pytest.raises(CampaignError) as caught:
        parse_campaign(text, "handed.toml")
    assert [str(p) for p in caught.value.problems] == [
        "handed.toml:3: not UTF-8 text (a lone surrogate U+DC80)"
    ]


def test_a_byte_order_mark_is_accepted() -> None:
    text = "\ufeff" + MINIMAL.read_text()
    assert parse_campaign(text, "bom.toml").campaign.meta.title == "Minimal"


def test_windows_line_ends_are_accepted_and_lines_still_true() -> None:
    text = MINIMAL.read_text().replace('target = "Depot 2"', 'target = "Depot 9"')
    with pytest.raises(CampaignError) as caught:
        parse_campaign(text.replace("\n", "\r\n"), "crlf.toml")
    assert [str(p) for p in caught.value.problems] == [
        "crlf.toml:39: red.raids[0].target: unknown target 'Depot 9' (did you mean 'Depot 2'?)"
    ]


def test_a_file_of_only_whitespace_is_empty() -> None:
    with pytest.raises(CampaignError) as caught:
        parse_campaign(" \n\t\n", "blank.toml")
    assert [str(p) for p in caught.value.problems] == ["blank.toml: the file is empty"]


def test_a_file_of_only_comments_names_every_missing_table() -> None:
    with pytest.raises(CampaignError) as caught:
        parse_campaign("# nothing here yet\n", "comments.toml")
    assert [str(p) for p in caught.value.problems] == [
        "comments.toml: meta: missing required table",
        "comments.toml: map: missing required table",
        "comments.toml: blue: missing required table",
        "comments.toml: red: missing required table",
    ]


def test_a_misspelt_key_names_its_line_and_suggests_the_right_one() -> None:
    path = str(BROKEN / "misspelt_key.toml")
    assert _lines_for(path) == [
        f"{path}:6: clock.turn_limt: unknown key 'turn_limt' (did you mean 'turn_limit'?)"
    ]


def test_a_file_with_several_faults_of_shape_gets_every_one_in_file_order() -> None:
    path = str(HERE / "several_faults.toml")
    assert _lines_for(path) == [
        f"{path}:2: meta.title: missing required key",
        f"{path}:3: meta.titel: unknown key 'titel' (did you mean 'title'?)",
        f"{path}:9: map.width_km: must be more than 0, got -200",
        f"{path}:31: blue.assets[0].value: expected a finite number, got nan",
        f"{path}:37: red.raids[0].count: expected an integer, got '4'",
    ]


def test_a_file_with_several_faults_of_reference_gets_every_one_in_file_order() -> None:
    path = str(HERE / "several_reference_faults.toml")
    assert _lines_for(path) == [
        f"{path}:23: blue.fire_units[0].position: unknown place 'Harbor' (did you mean 'Harbour'?)",
        f"{path}:24: blue.fire_units[0].command_post: unknown command post 'HQ 1' "
        "(did you mean 'HQ'?)",
        f"{path}:36: red.raids[0].threat: unknown threat type 'Cruise missile' "
        "(did you mean 'Subsonic cruise missile'?)",
        f"{path}:38: red.raids[0].origin: [0, 500] is off the map (0..200 x 0..100 km)",
        f"{path}:39: red.raids[0].target: unknown target 'depot 2' (did you mean 'Depot 2'?)",
    ]


def test_the_order_of_several_problems_is_the_same_every_time() -> None:
    path = str(HERE / "several_faults.toml")
    assert _lines_for(path) == _lines_for(path)


def test_a_flood_of_problems_is_cut_to_a_hundred_and_says_so() -> None:
    text = MINIMAL.read_text() + "".join(f"[extra_{i}]\n" for i in range(500))
    with pytest.raises(CampaignError) as caught:
        parse_campaign(text, "flood.toml")
    shown = [str(p) for p in caught.value.problems]
    assert len(shown) == 101
    assert shown[0] == "flood.toml:40: extra_0: unknown key 'extra_0'"
    assert shown[-1] == "flood.toml: too many problems; only the first 100 are listed"


def test_names_with_control_characters_stay_on_one_line() -> None:
    text = MINIMAL.read_text().replace('target = "Depot 2"', 'target = "Depot\\n9\\u2028"')
    with pytest.raises(CampaignError) as caught:
        parse_campaign(text, "ctl.toml")
    assert [str(p) for p in caught.value.problems] == [
        "ctl.toml:39: red.raids[0].target: unknown target 'Depot\\n9\\u2028' "
        "(did you mean 'Depot 2'?)"
    ]


def test_a_value_of_no_fitting_type_for_a_position_gets_one_line_not_one_per_alternative() -> None:
    text = MINIMAL.read_text().replace("origin = [0, 50]", "origin = { x = 0, y = 50 }")
    with pytest.raises(CampaignError) as caught:
        parse_campaign(text, "pos.toml")
    assert [str(p) for p in caught.value.problems] == [
        "pos.toml:38: red.raids[0].origin: expected [x_km, y_km] or a place name, got a table"
    ]


def test_a_date_where_an_optional_number_goes_is_refused() -> None:
    text = (
        MINIMAL.read_text()
        + '\n[[red.jammers]]\nname = "J"\nturn = 1\n'
        + (
            'aircraft = "Stand-off jammer aircraft"\norigin = [0, 1]\nstation = [1, 1]\n'
            "until_turn = 1979-05-27\n"
        )
    )
    with pytest.raises(CampaignError) as caught:
        parse_campaign(text, "date.toml")
    assert [str(p) for p in caught.value.problems] == [
        "date.toml:47: red.jammers[0].until_turn: expected an integer, got a date"
    ]


def test_strings_are_not_numbers_and_numbers_are_not_booleans() -> None:
    text = (
        MINIMAL.read_text()
        .replace("count = 4", 'count = "4"')
        .replace("launchers = 2", "launchers = 2\nemitting = 1")
    )
    with pytest.raises(CampaignError) as caught:
        parse_campaign(text, "lax.toml")
    assert [str(p) for p in caught.value.problems] == [
        "lax.toml:26: blue.fire_units[0].emitting: expected true or false, got 1",
        "lax.toml:38: red.raids[0].count: expected an integer, got '4'",
    ]


def test_a_missile_whose_min_altitude_is_above_its_max_altitude_is_named_at_the_max() -> None:
    block = (
        '\n[[catalogue.missiles]]\nname = "High"\nmin_range_km = 1\nmax_range_km = 50\n'
        "min_altitude_m = 30000\nmax_altitude_m = 20000\nspeed_mps = 900\npk = { drone = 0.5 }\n"
    )
    with pytest.raises(CampaignError) as caught:
        parse_campaign(MINIMAL.read_text() + block, "alt.toml")
    assert [str(p) for p in caught.value.problems] == [
        "alt.toml:46: catalogue.missiles[0].max_altitude_m: min_altitude_m 30000 is not below "
        "max_altitude_m 20000"
    ]
