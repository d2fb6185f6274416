"""Report speed: the debrief of a 10,000-threat game, from its events to each format.

Run: python bench/bench_report.py  (wall-clock time, time.perf_counter)
Plays the generated campaign of bench/generated.py (10,000 threats, 16 radars,
24 fire units) with no orders to its end, then times: building the report from
the events (`build_aar`), playing the game again for the map's paths
(`theatre_of`, with the jam strobes and the rounds and score parts by turn), and
rendering Markdown, JSON and HTML (the HTML with both views of
the engagement map). Target: the report, theatre and HTML together in under 2 s
on a 2-core machine (the playing of the game itself is not counted).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generated import generated_campaign

from wargame.engine import Game
from wargame.engine.events import Event
from wargame.report.aar import build_aar
from wargame.report.formats import render
from wargame.report.theatre import theatre_of

THREATS = 10_000
TARGET_S = 2.0


def main() -> int:
    campaign = generated_campaign(THREATS)
    game = Game.new(campaign, 1)
    events: list[Event] = [game.started_event()]
    turns = 0
    while not game.over:
        events += game.step([])
        turns += 1
    orders: list[list[object]] = [[] for _ in range(turns + 1)]

    start = time.perf_counter()
    aar = build_aar(events)
    built = time.perf_counter()
    theatre = theatre_of(campaign, 1, orders)  # type: ignore[arg-type]
    played = time.perf_counter()
    aar = build_aar(events, theatre=theatre)
    html = render(aar, "html")
    rendered = time.perf_counter()
    markdown = render(aar, "md")
    json_text = render(aar, "json")
    others = time.perf_counter()

    total = rendered - start
    print(
        f"{THREATS:,} threats, {turns} turns, {len(events):,} events, "
        f"{len(aar.engagements):,} engagements, {len(theatre.paths):,} threat paths, "
        f"{len(theatre.tracks):,} tracks, {len(theatre.strobes):,} jam strobes; "
        f"ended by {aar.score.termination}"
    )
    print(f"build_aar            {built - start:6.2f} s")
    print(f"theatre (replayed)   {played - built:6.2f} s")
    print(f"html ({len(html) / 1e6:.1f} MB)       {rendered - played:6.2f} s")
    print(
        f"markdown and json    {others - rendered:6.2f} s  "
        f"({len(markdown) + len(json_text):,} chars)"
    )
    verdict = "within" if total < TARGET_S else "OVER"
    print(f"report + map + html  {total:6.2f} s  ({verdict} the {TARGET_S:g} s target)")
    return 0 if total < TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
