"""A raid's stand-off weapons, later targets and route home are checked against the
catalogue and the campaign: each fault is one line naming the file and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from wargame.campaign import parse_campaign
from wargame.errors import CampaignError

MINIMAL = (Path(__file__).parent / "minimal.toml").read_text(encoding="utf-8")
BOMBERS = """
[[red.raids]]
name = "Bombers"
turn = 1
threat = "Heavy bomber"
count = 1
origin = [0, 50]
target = "Depot 2"
"""


def _problems(extra: str) -> list[str]:
    with pytest.raises(CampaignError) as caught:
        parse_campaign(MINIMAL + extra, "standoff.toml")
    return [str(p) for p in caught.value.problems]


def test_a_raid_of_bombers_with_weapons_and_later_targets_loads() -> None:
    loaded = parse_campaign(
        MINIMAL + BOMBERS + 'weapons_each = 3\ntargets = ["Depot 2", "FU Alpha"]\n'
        'home = [[0, 90], "Harbour"]\n',
        "standoff.toml",
    )
    assert loaded.campaign.red.raids[1].weapons_each == 3


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            BOMBERS + 'weapon = "Cruise misile"\n',
            "standoff.toml:47: red.raids[1].weapon: unknown threat type 'Cruise misile'",
        ),
        (
            BOMBERS + "weapons_each = -2\n",
            "standoff.toml:47: red.raids[1].weapons_each: must be at least 0, got -2",
        ),
        (
            BOMBERS + 'targets = ["Depot 2", "Depot 9"]\n',
            "standoff.toml:47: red.raids[1].targets[1]: unknown target 'Depot 9'",
        ),
        (
            BOMBERS + 'weapon = "Heavy bomber"\n',
            "standoff.toml:47: red.raids[1].weapon: threat type 'Heavy bomber' is bomber: "
            "not a weapon to release",
        ),
        (
            BOMBERS + 'weapon = "Anti-radiation missile"\n',
            "standoff.toml:47: red.raids[1].weapon: threat type 'Anti-radiation missile' is "
            "an ARM: give it to a SEAD flight (red.sead)",
        ),
        (
            BOMBERS + 'home = ["Nowhere"]\n',
            "standoff.toml:47: red.raids[1].home[0]: unknown place 'Nowhere'",
        ),
        (
            BOMBERS.replace("Heavy bomber", "Subsonic cruise missile") + "weapons_each = 2\n",
            "standoff.toml:47: red.raids[1].weapons_each: 'Subsonic cruise missile' has no "
            "release range",
        ),
        (
            '[[catalogue.threats]]\nname = "Gunship"\nclass = "bomber"\nspeed_mps = 200\n'
            'altitude_m = 5000\nrcs_m2 = 10\nrelease_range_km = 20\nweapon = "Rocket"\n'
            "weapons = 4\n",
            "standoff.toml:47: catalogue.threats[0].weapon: unknown threat type 'Rocket'",
        ),
    ],
)
def test_a_fault_in_the_stand_off_fields_is_one_line_naming_the_field(
    extra: str, expected: str
) -> None:
    problems = _problems(extra)
    assert len(problems) == 1
    # The line number is the loader's to know; the file, field and words are ours.
    file, _, rest = expected.partition(":47:")
    assert problems[0].startswith(file)
    assert rest.strip() in problems[0]
