"""Map speed: CPU time to render one full frame of the tactical map, headless.

Run: python bench/bench_map.py  (CPU time of this process: time.process_time)
The map widget, 200 columns by 60 rows, shows 1,000 tracks over the generated
campaign of bench/generated.py (16 radars, 24 fire units), and 200 salvos on their
way to them, each with its line to its intercept point, and each track's trail of
its last four reports. A frame is every line asked of the widget's render_line
after the picture changed, which is what Textual does after each turn: drawing the
frame and cutting it into Strips.
Target: <= 10 ms a frame on a 2-core machine with trails and coverage shown (each
radar in its colour); range rings on top are measured too.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generated import generated_campaign
from textual.app import App, ComposeResult

from wargame.engine import Game
from wargame.engine.state import ACTIVE, Shot, State
from wargame.tui.widgets.map_view import MapView
from wargame.view.blue import shown_tracks

WIDTH, HEIGHT = 200, 60
TRACKS = 1_000
SALVOS = 200
FRAMES = 60
TRAIL_TURNS = 4
TARGET_S = 0.010
CSS = Path(__file__).resolve().parent.parent / "wargame" / "tui" / "wargame.tcss"


class MapOnly(App[None]):
    """The map alone, exactly WIDTH x HEIGHT cells of content."""

    CSS_PATH = str(CSS)
    CSS = f"#map {{ border: none; width: {WIDTH}; height: {HEIGHT}; }}"

    def compose(self) -> ComposeResult:
        yield MapView(id="map")


def picture_with_tracks(n: int) -> tuple[Game, State]:
    """A game of the generated campaign a few turns in, its first n threats all tracked,
    spread over the map and flying every which way."""
    game = Game.new(generated_campaign(n), 1)
    for _ in range(3):
        game.step([])
    st = game.state.copy()
    size = game.scenario.loaded.campaign.map
    rng = np.random.default_rng(0)
    slots = np.arange(n)
    st.status[slots] = ACTIVE
    st.track_id[slots] = slots + 1
    st.track_x[slots] = rng.uniform(0, size.width_km, n)
    st.track_y[slots] = rng.uniform(0, size.height_km, n)
    st.track_alt[slots] = rng.uniform(30, 12_000, n)
    heading = rng.uniform(0, 2 * np.pi, n)
    speed = rng.uniform(0.05, 0.9, n)
    st.track_vx[slots] = speed * np.sin(heading)
    st.track_vy[slots] = speed * np.cos(heading)
    st.track_last[slots] = st.turn
    # Salvos of two rounds from every fire unit, launched this turn or the two before,
    # due within the next three minutes.
    sc, now = game.scenario, st.turn * game.scenario.dt
    units = rng.integers(0, len(sc.f_name), SALVOS)
    targets = rng.choice(slots, SALVOS, replace=False)
    launched = st.turn - rng.integers(0, 3, SALVOS)
    due = now + rng.uniform(5.0, 180.0, SALVOS)
    st.shots = [
        Shot(int(f), 0, int(j), int(st.track_id[j]), float(t), 0.7, 0.7, int(k))
        for f, j, t, k in zip(units, targets, due, launched, strict=True)
        for _ in range(2)
    ]
    return game, st


def past_reports(state: State, turns: int) -> list[State]:
    """The same picture on the turns before, each track reported where its velocity put
    it then: the states the map would have been shown, oldest first."""
    past = []
    for back in range(turns, 0, -1):
        st = state.copy()
        st.turn = state.turn - back
        st.track_last[:] = np.minimum(st.track_last, st.turn)
        seconds = back * 60.0
        st.track_x -= st.track_vx * seconds
        st.track_y -= st.track_vy * seconds
        past.append(st)
    return past


def frame_times(view: MapView, frames: int) -> list[float]:
    times = []
    for _ in range(frames):
        view.redraw()
        start = time.process_time()
        for y in range(HEIGHT):
            view.render_line(y)
        times.append(time.process_time() - start)
    return times


async def run() -> None:
    game, state = picture_with_tracks(TRACKS)
    app = MapOnly()
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        view = app.screen.query_one("#map", MapView)
        for past in past_reports(state, TRAIL_TURNS):
            view.show(game.scenario, past)
        view.show(game.scenario, state)
        view.set_layers(selected_unit=int(game.scenario.f_radar[0]), selected_track=1)
        await pilot.pause()
        assert tuple(view.size) == (WIDTH, HEIGHT), view.size
        shown = sum(
            line.count("↑")
            + line.count("→")
            + line.count("↓")
            + line.count("←")
            + sum(line.count(a) for a in "↗↘↙↖")
            for line in view.plain_lines()
        )
        frame_times(view, 5)  # warm up
        plain = frame_times(view, FRAMES)
        view.set_layers(coverage=True)
        frame_times(view, 5)
        coverage = frame_times(view, FRAMES)
        view.set_layers(rings=True)
        frame_times(view, 5)
        rings = frame_times(view, FRAMES)
        trail_points = view.trails.points(state, shown_tracks(state))[0].size
    print(
        f"map {WIDTH}x{HEIGHT}, {TRACKS} tracks ({shown} heading marks visible), "
        f"{SALVOS} salvos in flight, {trail_points} trail points, "
        f"{FRAMES} frames, CPU time per frame (process_time):"
    )
    runs = (
        ("tracks and trails", plain),
        ("+ coverage", coverage),
        ("+ coverage + range rings", rings),
    )
    for label, times in runs:
        p90 = statistics.quantiles(times, n=10)[-1]
        median = statistics.median(times)
        print(f"  {label:<25} median {1e3 * median:6.2f} ms   p90 {1e3 * p90:6.2f} ms")
    met = statistics.median(coverage) <= TARGET_S
    print(f"target <= {1e3 * TARGET_S:g} ms with trails and coverage:", "met" if met else "NOT met")


def main() -> None:
    asyncio.run(run())


if __name__ == "__main__":
    main()
