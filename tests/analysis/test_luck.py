"""Luck versus skill of one game: its orders on other seeds, the doctrine on the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.record.helpers import play
from wargame.analysis.luck import luck_of, other_seeds, standing_of
from wargame.analysis.monte_carlo import analyze
from wargame.analysis.plans import default_plan, save_plan
from wargame.campaign import LoadedCampaign
from wargame.engine import MAX_SEED, Order
from wargame.engine.events import GameOver
from wargame.errors import WargameError
from wargame.record import Record, Recorder, write_save
from wargame.report.luck import Luck


def test_a_score_sits_above_the_values_below_it_with_ties_counted_half() -> None:
    sample = [1.0, 5.0, 7.0, 5.0, 3.0]
    assert standing_of(5.0, sample) == (2, 2)  # 1 and 3 below; two fives equal
    luck = Luck(
        seeds=(8, 9, 10, 11, 12),
        score=5.0,
        grade="",
        scores=tuple(sample),
        doctrine_scores=tuple(sample),
        below=2,
        ties=2,
    )
    assert luck.percentile == pytest.approx(100 * (2 + 2 / 2) / 5)  # 60
    assert standing_of(0.0, sample) == (0, 0)
    assert standing_of(9.0, sample) == (5, 0)


def test_the_other_seeds_follow_the_games_own_and_never_include_it() -> None:
    assert other_seeds(7, 3) == [8, 9, 10]
    assert other_seeds(0, 1) == [1]
    # Past the largest seed, the seeds below it.
    assert other_seeds(MAX_SEED - 1, 3) == [MAX_SEED - 4, MAX_SEED - 3, MAX_SEED - 2]
    with pytest.raises(ValueError):
        other_seeds(7, 0)


def test_the_doctrine_against_itself_ties_on_every_seed(one_unit_raid: LoadedCampaign) -> None:
    record = play(one_unit_raid, 3)  # no orders: the default doctrine
    luck = luck_of(record, 12)
    assert luck.seeds == tuple(range(4, 16))
    assert luck.scores == luck.doctrine_scores
    assert (luck.better_share, luck.worse_share, luck.tie_share) == (0.0, 0.0, 1.0)
    assert luck.mean_difference == 0.0 and luck.ci95 == (0.0, 0.0)


def _engaging_save(campaign: LoadedCampaign, seed: int, path: Path) -> Record:
    """A game with one order: FU Alpha fires a single round at the first track seen."""
    recorder = Recorder.new(campaign, seed)
    given = False
    while not recorder.game.over:
        st = recorder.game.state
        orders = []
        if not given and (st.track_id >= 0).any():
            track = int(st.track_id[(st.track_id >= 0).argmax()])
            orders = [
                Order(turn=st.turn + 1, unit="FU Alpha", action="engage", track=track, salvo=1)
            ]
            given = True
        recorder.step(orders)
    write_save(recorder.record, path)
    return recorder.record


def test_luck_gives_the_figures_analyze_gives_for_the_same_seeds(
    one_unit_raid: LoadedCampaign, tmp_path: Path
) -> None:
    record = _engaging_save(one_unit_raid, 5, tmp_path / "game.json")
    assert record.orders()
    luck = luck_of(record, 20)
    seeds = list(range(6, 26))
    analysis = analyze(
        one_unit_raid, save_plan(tmp_path / "game.json", one_unit_raid), seeds, default_plan()
    )
    assert analysis.second is not None and analysis.paired is not None
    assert luck.seeds == tuple(seeds)
    assert luck.scores == tuple(g.score for g in analysis.first.games)
    assert luck.doctrine_scores == tuple(g.score for g in analysis.second.games)
    paired = analysis.paired
    assert (luck.better_share, luck.worse_share, luck.tie_share) == (
        paired.better_share,
        paired.worse_share,
        paired.tie_share,
    )
    assert luck.mean_difference == paired.mean_difference and luck.ci95 == paired.ci95
    # This game's place, counted by hand among the scores.
    over = next(e for e in record.events() if isinstance(e, GameOver))
    assert luck.score == over.score
    below = sum(s < luck.score for s in luck.scores)
    ties = sum(s == luck.score for s in luck.scores)
    assert luck.percentile == pytest.approx(100 * (below + ties / 2) / 20)


def test_luck_is_the_same_every_time_and_for_any_number_of_workers(
    one_unit_raid: LoadedCampaign,
) -> None:
    record = play(one_unit_raid, 9)
    once = luck_of(record, 30)
    assert luck_of(record, 30) == once
    assert luck_of(record, 30, workers=2) == once


def test_progress_is_told_the_seeds_played(one_unit_raid: LoadedCampaign) -> None:
    told: list[int] = []
    luck_of(play(one_unit_raid, 2), 30, progress=told.append)
    assert told == [25, 30]  # chunks of 25 seeds


def test_an_unfinished_game_has_no_luck_to_weigh(one_unit_raid: LoadedCampaign) -> None:
    recorder = Recorder.new(one_unit_raid, 4)
    recorder.step([])
    with pytest.raises(WargameError, match="luck needs a finished game: this one stops at turn 1"):
        luck_of(recorder.record, 10, name="game.json")
