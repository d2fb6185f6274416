"""The luck section of the after-action report, in each format and from the command line."""

from __future__ import annotations

import dataclasses
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.record.helpers import FIRST_CONTACT, cli_app
from wargame.campaign import load_campaign
from wargame.record import Record, Recorder, write_save
from wargame.report.aar import Aar, build_aar
from wargame.report.formats import render
from wargame.report.luck import Luck, svg_luck_chart

runner = CliRunner()

# Four other seeds. Orders: 100 200 300 400; this game 250 (two below: the 50th
# percentile). Doctrine: 50 250 250 350; differences +50 -50 +50 +50: better on 3 of 4,
# mean +25, sd 50, 95 % interval 25 ± t(0.975, 3) 50 / 2 = 25 ± 79.56.
HAND = Luck(
    seeds=(8, 9, 10, 11),
    score=250.0,
    grade="B",
    scores=(100.0, 200.0, 300.0, 400.0),
    doctrine_scores=(50.0, 250.0, 250.0, 350.0),
    below=2,
    ties=0,
    grades={"A": 0.5, "B": 0.25, "C": 0.25},
    better_share=0.75,
    worse_share=0.25,
    tie_share=0.0,
    mean_difference=25.0,
    ci95=(25.0 - 79.56, 25.0 + 79.56),
)


@pytest.fixture(scope="module")
def aar(real_game: Record) -> Aar:
    return dataclasses.replace(build_aar(real_game.events()), luck=HAND)


def test_the_text_report_says_how_kind_the_dice_were_and_how_the_plan_did(aar: Aar) -> None:
    text = " ".join(render(aar, "text").split())
    assert "Luck and skill" in text
    assert "Luck: the dice were kinder than on 50 % of seeds" in text
    assert "Grade B in this game; on the other seeds A on 50 %, B on 25 %, C on 25 %." in text
    assert "your plan beat the doctrine on 75 % of seeds (lost on 25 %), by +25.0 ± 79.6" in text
    assert "(the doctrine's mean +225.0)" in text
    assert "on 4 other seeds (8 to 11)" in text


def test_a_plan_worse_than_the_doctrine_is_told_so(aar: Aar) -> None:
    worse = dataclasses.replace(HAND, better_share=0.25, worse_share=0.75, mean_difference=-25.0)
    text = " ".join(render(dataclasses.replace(aar, luck=worse), "text").split())
    assert "the doctrine beat your plan on 75 % of seeds (lost on 25 %)" in text
    low = dataclasses.replace(HAND, below=1)  # 25th percentile: harsher than on 75 %
    text = " ".join(render(dataclasses.replace(aar, luck=low), "text").split())
    assert "the dice were harsher than on 75 % of seeds" in text


def test_the_markdown_report_ends_with_the_luck_section(aar: Aar) -> None:
    text = render(aar, "md")
    section = text[text.index("## Luck and skill") :]
    assert "## " not in section[3:]  # the last section
    assert "kinder than on 50 % of seeds" in section
    assert "```text" in section and "▲ this game (+250.0)" in section


def test_the_json_report_carries_a_luck_object(aar: Aar) -> None:
    luck = json.loads(render(aar, "json"))["luck"]
    assert luck["runs"] == 4 and luck["seeds"] == [8, 11]
    assert (luck["score"], luck["grade"], luck["percentile"]) == (250.0, "B", 50.0)
    assert luck["orders"]["mean"] == 250.0 and luck["orders"]["p50"] == 250.0
    assert luck["doctrine"]["scores"] == [50.0, 250.0, 250.0, 350.0]
    assert luck["paired"]["better_share"] == 0.75
    assert luck["paired"]["mean_difference"] == 25.0
    assert luck["paired"]["ci95"] == pytest.approx([-54.56, 104.56])


def test_the_html_report_draws_both_distributions_with_this_game_marked(aar: Aar) -> None:
    page = render(aar, "html")
    assert page.index('<section id="luck">') < page.index("</main>")
    svg = svg_luck_chart(HAND)
    ET.fromstring(svg)  # well-formed
    assert svg in page
    # 12 bins over 50..400: each of the orders' scores in a bin of its own (4 bars), the
    # doctrine's two 250s share one (3 outlines).
    assert svg.count("<title>your orders: 1 of 4 games</title>") == 4
    assert svg.count("<title>the doctrine: ") == 3
    # The game's line at 250: 44 + (250 - 50) / 350 * 700 px.
    assert '<line x1="444.0"' in svg


def test_a_report_without_luck_has_no_luck_section(real_game: Record) -> None:
    plain = build_aar(real_game.events())
    assert plain.luck is None
    for fmt in ("text", "md", "html"):
        assert "Luck and skill" not in render(plain, fmt)
    assert "luck" not in json.loads(render(plain, "json"))


def test_report_luck_plays_the_saves_orders_on_the_seeds_after_its_own(
    real_save: Path,
) -> None:
    args = ["report", str(real_save), "--luck", "--runs", "5", "-f", "json"]
    result = runner.invoke(cli_app(), args)
    assert result.exit_code == 0, result.output
    luck = json.loads(result.stdout)["luck"]
    assert luck["runs"] == 5 and luck["seeds"] == [12, 16]  # the save's seed is 11
    assert luck["paired"]["tie_share"] == 1.0  # no orders given: the doctrine itself


def test_report_luck_refuses_an_unfinished_game(tmp_path: Path) -> None:
    recorder = Recorder.new(load_campaign(FIRST_CONTACT), 7)
    recorder.step([])
    write_save(recorder.record, tmp_path / "early.json")
    result = runner.invoke(cli_app(), ["report", str(tmp_path / "early.json"), "--luck"])
    assert result.exit_code == 2
    assert "luck needs a finished game: this one stops at turn 1" in result.stderr


def test_report_runs_needs_luck(real_save: Path) -> None:
    result = runner.invoke(cli_app(), ["report", str(real_save), "--runs", "5"])
    assert result.exit_code == 2
    assert "--runs: only with --luck" in result.stderr


def test_seeds_that_scored_the_same_are_not_counted_as_kinder_or_harsher() -> None:
    from wargame.report.luck import luck_sentences

    # Ten other seeds: this game's -652.1 also on two of them, worse on seven, better on
    # one. The percentile counts ties half (80 %), but kinder than only on 7 of 10.
    tied = dataclasses.replace(
        HAND,
        seeds=tuple(range(8, 18)),
        score=-652.1,
        scores=(-700.0,) * 7 + (-652.1,) * 2 + (-600.0,),
        below=7,
        ties=2,
    )
    assert tied.percentile == 80.0
    luck = luck_sentences(tied)[1]
    assert luck.startswith(
        "Luck: the dice were kinder than on 70 % of seeds, and as kind as on 20 %."
    )
    harsh = dataclasses.replace(tied, scores=(-600.0,) * 7 + (-652.1,) * 2 + (-700.0,), below=1)
    assert luck_sentences(harsh)[1].startswith(
        "Luck: the dice were harsher than on 70 % of seeds, and as harsh as on 20 %."
    )
