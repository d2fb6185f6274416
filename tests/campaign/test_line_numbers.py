"""Line numbers are true or absent: however a campaign is laid out, a problem's line
is the line of the faulty key, array value or table, and never a guess.

Each text below marks the line the problem must name with a `# <-` comment.
"""

# ruff: noqa: E501  (TOML 1.0 inline tables must stand on one line, however long)

from __future__ import annotations

import pytest

from wargame.campaign import parse_campaign
from wargame.campaign.locate import LineFinder
from wargame.errors import CampaignError

# The minimal campaign, laid out with inline tables and arrays.
INLINE = """\
meta = { title = "Inline" }
map = { width_km = 200, height_km = 100, places = [{ name = "Harbour", position = [150, 50] }] }

[blue]
command_posts = [{ name = "HQ", position = [160, 50] }]
fire_units = [
  { name = "FU", radar = "92N6E-class engagement radar", position = "Harbour", command_post = "HQ", loadout = { "48N6-class" = 8 } },
]
assets = [
  # a comment with [brackets] and {braces} and "quotes"
  { name = "Depot 2", position = [155, 55], value = 100 },
]

[red]
raids = [
  { name = "Probe", turn = 1, threat = "Subsonic cruise missile", count = 4, origin = [0, 50], target = "Depot 2", waypoints = [
    [10, 10],
    "Harbour",
  ] },
]
"""


def _problem_lines(text: str) -> list[tuple[int | None, str]]:
    with pytest.raises(CampaignError) as caught:
        parse_campaign(text, "t.toml")
    return [(p.line, f"{p.path}: {p.message}") for p in caught.value.problems]


def _marked(text: str) -> int:
    lines = [i for i, line in enumerate(text.split("\n"), start=1) if "# <-" in line]
    assert len(lines) == 1
    return lines[0]


def _replace(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def test_the_inline_layout_is_a_good_campaign() -> None:
    assert parse_campaign(INLINE, "inline.toml").campaign.meta.title == "Inline"


def test_a_fault_in_an_inline_table_inside_a_multiline_array_names_the_element_line() -> None:
    text = _replace(
        INLINE, "position = [155, 55], value = 100 },", "position = [155, 55], value = -1 }, # <-"
    )
    assert _problem_lines(text) == [
        (_marked(text), "blue.assets[0].value: must be more than 0, got -1")
    ]


def test_a_waypoint_on_its_own_line_of_an_array_names_that_line() -> None:
    text = _replace(INLINE, '"Harbour",\n  ] },', '"Harbr", # <-\n  ] },')
    assert _problem_lines(text) == [
        (
            _marked(text),
            "red.raids[0].waypoints[1]: unknown place 'Harbr' (did you mean 'Harbour'?)",
        )
    ]


def test_a_key_on_the_line_that_opens_a_multiline_array_names_that_line() -> None:
    text = _replace(
        INLINE, 'target = "Depot 2", waypoints = [', 'target = "Depot 9", waypoints = [ # <-'
    )
    assert _problem_lines(text) == [
        (_marked(text), "red.raids[0].target: unknown target 'Depot 9' (did you mean 'Depot 2'?)")
    ]


def test_a_missing_key_of_an_inline_table_names_the_line_of_that_table() -> None:
    text = _replace(
        INLINE,
        'command_posts = [{ name = "HQ", position = [160, 50] }]',
        'command_posts = [{ name = "HQ" }] # <-',
    )
    assert _problem_lines(text) == [
        (_marked(text), "blue.command_posts[0].position: missing required key")
    ]


def test_a_table_made_only_by_headers_below_it_has_no_line_of_its_own() -> None:
    # `blue` is never written as [blue]: a field missing from it is placed nowhere.
    text = """\
meta.title = "Dotted"
map.width_km = 200
map.height_km = 100

[[blue.command_posts]]
name = "HQ"
position = [1, 1]

[[blue.assets]]
name = "A"
position = [1, 1]
value = 1

[[red.raids]]
name = "R"
turn = 1
threat = "Strike fighter"
count = 1
origin = [1, 1]
target = "A"
"""
    assert _problem_lines(text) == [(None, "blue.fire_units: missing required array of tables")]


def test_dotted_and_quoted_keys_name_their_own_lines() -> None:
    text = """\
meta.title = "Dotted"
map.width_km = 200
map.height_km = 100

[[blue.command_posts]]
name = "HQ"
position = [1, 1]

[[blue.fire_units]]
name = "FU"
radar = "92N6E-class engagement radar"
position = [1, 1]
command_post = "HQ"
loadout."48N6-class" = 8
loadout."9M96\\u0020class" = 8 # <-

[[blue.assets]]
name = "A"
position = [1, 1]
value = 1

[[red.raids]]
name = "R"
turn = 1
threat = "Strike fighter"
count = 1
origin = [1, 1]
target = "A"
"""
    assert _problem_lines(text) == [
        (
            _marked(text),
            "blue.fire_units[0].loadout.\"9M96 class\": unknown missile type '9M96 class' "
            "(did you mean '9M96-class'?)",
        )
    ]


def test_a_table_made_by_dotted_keys_on_several_lines_has_no_single_line() -> None:
    # loadout is written on two lines: "needs more tubes" cannot be pinned to one.
    text = """\
meta.title = "Dotted"
map.width_km = 200
map.height_km = 100

[[blue.command_posts]]
name = "HQ"
position = [1, 1]

[[blue.fire_units]]
name = "FU"
radar = "92N6E-class engagement radar"
position = [1, 1]
command_post = "HQ"
launchers = 1
loadout."48N6-class" = 8
loadout."9M96-class" = 8

[[blue.assets]]
name = "A"
position = [1, 1]
value = 1

[[red.raids]]
name = "R"
turn = 1
threat = "Strike fighter"
count = 1
origin = [1, 1]
target = "A"
"""
    assert _problem_lines(text) == [
        (None, "blue.fire_units[0].loadout: needs 10 tubes but 1 launcher of 4 tubes holds 4")
    ]


def test_text_in_multiline_strings_that_looks_like_toml_does_not_move_any_line() -> None:
    text = '''\
[meta]
title = "Strings"
briefing = """
[red]
target = "Nowhere"
[[red.raids]]
"""
summary = 'a [literal] with "quotes" and # no comment'
author = """two quotes "" then the end"""""

[map]
width_km = 200
height_km = 100

[[blue.command_posts]]
name = "HQ"
position = [160, 50]

[[blue.fire_units]]
name = "FU"
radar = "92N6E-class engagement radar"
position = [150, 50]
command_post = "HQ"
loadout = { "48N6-class" = 8 }

[[blue.assets]]
name = "Depot 2"
position = [155, 55]
value = 100

[[red.raids]]
name = "Probe"
turn = 1
threat = "Subsonic cruise missile"
count = 4
origin = [0, 50]
target = "Depot 9" # <-
'''
    assert _problem_lines(text) == [
        (_marked(text), "red.raids[0].target: unknown target 'Depot 9' (did you mean 'Depot 2'?)")
    ]


def test_line_separators_inside_comments_and_strings_do_not_count_as_lines() -> None:
    # str.splitlines() would split on these; TOML (and tomllib) do not.
    text = INLINE.replace("# a comment", "# a comment \u2028 \u2029 \x85").replace(
        'meta = { title = "Inline" }', 'meta = { title = "In\u2028line" }'
    )
    text = _replace(text, "value = 100 },", "value = -1 }, # <-")
    assert _problem_lines(text) == [
        (_marked(text), "blue.assets[0].value: must be more than 0, got -1")
    ]


def test_tables_of_nested_arrays_of_tables_are_counted_per_parent() -> None:
    text = """\
[meta]
title = "Nested"
[map]
width_km = 200
height_km = 100
[[blue.command_posts]]
name = "HQ"
position = [1, 1]
[[blue.fire_units]]
name = "FU"
radar = "92N6E-class engagement radar"
position = [1, 1]
command_post = "HQ"
loadout = { "48N6-class" = 8 }
[[blue.assets]]
name = "A"
position = [1, 1]
value = 1
[[red.raids]]
name = "R0"
turn = 1
threat = "Strike fighter"
count = 1
origin = [1, 1]
target = "A"
waypoints = [[5, 5]]
[[red.raids]]
name = "R1"
turn = 1
threat = "Strike fighter"
count = 1
origin = [1, 1]
target = "A"
[[red.raids.waypoints]]
x = 5
[[red.raids.waypoints]] # <-
y = 5
"""
    problems = _problem_lines(text)
    # (A waypoint may be a table: `{ at = .., altitude_m = .., speed_mps = .. }`.)
    assert (_marked(text), "red.raids[1].waypoints[1].at: missing required key") in problems
    assert (_marked(text) - 2, "red.raids[1].waypoints[0].at: missing required key") in problems
    assert (_marked(text) + 1, "red.raids[1].waypoints[1].y: unknown key 'y'") in problems


def test_the_line_finder_places_keys_headers_and_array_values() -> None:
    text = """\
a = 1
[t]
b = [1,
  2, # two
  [3, 4]]
c = { d = 5, e = { f = 6 } }
[[arr]]
g = 7
[[arr]]
g = 8
[arr.sub]
h = 9
"""
    finder = LineFinder(text)
    assert finder.complete
    assert finder.line_of(("a",)) == 1
    assert finder.line_of(("t",)) == 2
    assert finder.line_of(("t", "b")) == 3
    assert finder.line_of(("t", "b", 0)) == 3
    assert finder.line_of(("t", "b", 1)) == 4
    assert finder.line_of(("t", "b", 2, 1)) == 5
    assert finder.line_of(("t", "c", "e", "f")) == 6
    assert finder.line_of(("t", "c", "e", "missing")) == 6  # inside a one-line value
    assert finder.line_of(("t", "c", "e", "missing"), missing=True) == 6
    assert finder.line_of(("arr",)) == 7
    assert finder.line_of(("arr", 1, "g")) == 10
    assert finder.line_of(("arr", 1, "sub", "h")) == 12
    assert finder.line_of(("t", "b", "nope")) is None  # b spans lines 3 to 5
    assert finder.line_of(("nowhere",)) is None
    assert finder.line_of(("t", "x"), missing=True) == 2


def test_the_line_finder_trusts_nothing_in_text_it_does_not_understand() -> None:
    finder = LineFinder('a = 1\nb = "open\nc = 3\n')
    assert not finder.complete
    assert finder.line_of(("a",)) is None
