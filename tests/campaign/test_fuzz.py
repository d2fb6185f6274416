"""Random documents never get past the loader as anything but a campaign or a `CampaignError`.

Whatever is thrown at `parse_campaign` (TOML-ish noise, random bytes, the shipped
campaigns with lines deleted, doubled, swapped or given wrong values), it returns a
`LoadedCampaign` or raises `CampaignError`, and every problem is one printable line
that starts with the file name, with a line number inside the file when it has one,
and (for the mutated campaigns) a line that really holds the key it names.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wargame.campaign import LoadedCampaign, load_campaign, parse_campaign
from wargame.campaign.jsonschema import campaign_json_schema
from wargame.errors import CampaignError

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = [p.read_text("utf-8") for p in sorted((ROOT / "campaigns").glob("*.toml"))]
# Seeds for mutation: the shipped campaigns, the minimal one, and the broken files
# (small, and between them they use catalogue types, radars, SEAD and jammers).
SEEDS = [
    *SHIPPED,
    *(
        p.read_bytes().decode("utf-8", "replace")
        for p in sorted(Path(__file__).parent.glob("**/*.toml"))
    ),
]
NAME = "fuzz.toml"

FUZZ = settings(
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _schema_words() -> list[str]:
    words: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "properties" and isinstance(value, dict):
                    words.update(value)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(campaign_json_schema())
    return sorted(words)


KEYS = [*_schema_words(), "meta", "blue", "red", "fire_units", "raids", "x", "class"]
VALUES = [
    "0",
    "-1",
    "1",
    "4.5",
    "-0.0",
    "nan",
    "+nan",
    "inf",
    "-inf",
    "1e400",
    "-1e400",
    "1000000000000000000000000000000",
    "9223372036854775807",
    "0x7fffffff",
    "0b101",
    "0o17",
    "true",
    "false",
    '""',
    '"x"',
    "'literal'",
    '"Depot 9"',
    '"Harbour"',
    '"\\n\\t"',
    '"\\u2028"',
    "[]",
    "[1, 2]",
    "[1, 2, 3]",
    '["a", "b"]',
    "[[1, 2]]",
    "{}",
    "{ a = 1 }",
    '{ name = "x" }',
    "1979-05-27",
    "07:32:00",
    "1979-05-27T07:32:00Z",
    "1979-05-27 07:32:00",
    '"""\nmany\nlines\n"""',
    "'''\n[red]\n'''",
    "[\n1,\n2,\n]",
    "[" * 70 + "]" * 70,
    "{ a = " * 10 + "1" + " }" * 10,
    '"' + "x" * 300 + '"',
]
TOKENS = [
    *KEYS,
    *VALUES,
    " ",
    " = ",
    "=",
    "\n",
    "\r\n",
    "\t",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    ",",
    ".",
    "#",
    '"',
    "'",
    '"""',
    "'''",
    "\\",
    "[meta]\n",
    "[[red.raids]]\n",
    "[[blue.fire_units]]\n",
    "title = ",
    "\ufeff",
    "\x00",
    "\u2028",
    "é",
    "\ud800",
]

_KEY = r"""(?:[A-Za-z0-9_-]+|"[^"]*")"""
_KEY_LINE = re.compile(rf"^(\s*)({_KEY}(?:\.{_KEY})*)(\s*=\s*)(.*)$")
_PATH_KEY = re.compile(r'"((?:[^"\\]|\\.)*)"|([A-Za-z0-9_-]+)')


def _last_key(path: str) -> str | None:
    keys = [
        json.loads(f'"{quoted}"') if quoted else bare
        for quoted, bare in _PATH_KEY.findall(re.sub(r"\[\d+\]", "", path))
    ]
    return keys[-1] if keys else None


def _check(text: str, *, honest_lines: bool = False, name: str = NAME) -> None:
    try:
        result = parse_campaign(text, name)
    except CampaignError as error:
        assert error.problems
        lines = text.removeprefix("\ufeff").split("\n")
        for problem in error.problems:
            shown = str(problem)
            assert all(ch.isprintable() for ch in shown), shown
            assert shown.startswith(f"{name}:"), shown
            if problem.line is None:
                continue
            assert 1 <= problem.line <= len(lines), shown
            key = _last_key(problem.path)
            # A path ending in an array index names the value's own line, which
            # need not hold any key; a path ending in a key names that key's line.
            if honest_lines and key is not None and not problem.path.endswith("]"):
                there = lines[problem.line - 1]
                assert (
                    key in there
                    or there.lstrip().startswith("[")
                    or (problem.message.startswith("missing") and "{" in there)
                ), f"{shown}\n  line {problem.line} is: {there!r}"
    else:
        assert isinstance(result, LoadedCampaign)


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(SEEDS)).split("\n")
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["delete", "double", "value", "value", "swap", "insert", "cut"]))
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "double":
            lines.insert(i, lines[i])
        elif op == "insert":
            lines.insert(i, draw(st.sampled_from(KEYS)) + " = " + draw(st.sampled_from(VALUES)))
        elif op == "cut":
            lines = lines[: i + 1]
            lines[-1] = lines[-1][: draw(st.integers(0, len(lines[-1])))]
        else:
            keyed = [k for k, line in enumerate(lines) if _KEY_LINE.match(line)]
            if not keyed:
                continue
            k = draw(st.sampled_from(keyed))
            indent, key, eq, value = _KEY_LINE.match(lines[k]).groups()  # type: ignore[union-attr]
            if op == "value":
                lines[k] = indent + key + eq + draw(st.sampled_from(VALUES))
            else:  # swap the keys of two lines, keeping their values
                j = draw(st.sampled_from(keyed))
                indent2, key2, eq2, value2 = _KEY_LINE.match(lines[j]).groups()  # type: ignore[union-attr]
                lines[k] = indent + key2 + eq + value
                lines[j] = indent2 + key + eq2 + value2
        if not lines:
            lines = [""]
    return "\n".join(lines)


@FUZZ
@given(_mutated())
def test_a_mutated_shipped_campaign_loads_or_names_its_problems_on_true_lines(text: str) -> None:
    _check(text, honest_lines=True)


@FUZZ
@given(st.lists(st.sampled_from(TOKENS) | st.text(max_size=4), max_size=60).map("".join))
def test_toml_ish_noise_loads_or_names_its_problems(text: str) -> None:
    _check(text)


@FUZZ
@given(st.text(st.characters(exclude_categories=[]), max_size=400))  # surrogates too
def test_any_text_loads_or_names_its_problems(text: str) -> None:
    _check(text)


@FUZZ
@given(st.binary(max_size=600))
def test_random_bytes_in_a_file_load_or_name_their_problems(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random.toml"
        path.write_bytes(data)
        try:
            load_campaign(path)
        except CampaignError as error:
            for problem in error.problems:
                shown = str(problem)
                assert shown.startswith(f"{path}:") and all(ch.isprintable() for ch in shown)
    _check(data.decode("latin-1"))
