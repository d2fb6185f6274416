"""The objectives screen (b): each objective met or not so far, and the grade if the game
ended now, as the radars see them."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.tui.conftest import FIRST_CONTACT, SEED, settle
from wargame.campaign import load_campaign
from wargame.engine.objectives import grade
from wargame.record import Recorder, write_save
from wargame.tui.screens.objectives import ObjectivesScreen
from wargame.view.blue import live_objectives
from wargame.view.objectives import objectives_now


def _save(folder: Path, turns: int) -> tuple[Path, Recorder]:
    recorder = Recorder.new(load_campaign(FIRST_CONTACT), SEED)
    for _ in range(turns):
        recorder.step([])
    path = folder / f"turn-{turns}.json"
    write_save(recorder.record, path)
    return path, recorder


def test_the_grade_now_is_the_rubric_applied_to_the_live_objectives(tmp_path: Path) -> None:
    _, recorder = _save(tmp_path, 18)
    game = recorder.game
    now = objectives_now(game.scenario, game.state)
    results = live_objectives(game.scenario, game.state)
    judged = grade(game.scenario.loaded.campaign.rubric, results)
    assert judged is not None
    assert now.results == results
    assert (now.share, now.grade, now.outcome) == (judged.share, judged.grade, judged.outcome)
    assert now.aim == game.scenario.loaded.campaign.meta.learning_aim


async def test_b_opens_the_objectives_and_escape_closes_them(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    save, recorder = _save(tmp_path, 18)
    game = recorder.game
    now = objectives_now(game.scenario, game.state)
    app = make_app(load=save)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ObjectivesScreen)
        verdict = str(screen.query_one("#objectives-verdict", Static).render())
        assert verdict == (
            f"{now.share:.0%} of the weight met: grade {now.grade}, {now.outcome}, "
            "if the game ended now."
        )
        assert len(now.results) == len(game.scenario.loaded.campaign.objectives) > 0
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ObjectivesScreen)
