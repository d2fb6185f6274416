"""The engagement map is well-formed SVG: a path per threat (thinned above a limit), a mark
per round that met its target, the tracks beside the truth, campaign text inert."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from wargame.campaign import parse_campaign
from wargame.record import Record, load_save
from wargame.report.aar import Aar, build_aar
from wargame.report.formats import render
from wargame.report.svg_map import PATH_LIMIT, radar_svg, thinned, truth_svg
from wargame.report.theatre import Path as Flight
from wargame.report.theatre import Site, Theatre, theatre_of

SVG = "{http://www.w3.org/2000/svg}"


def _debrief(record: Record) -> Aar:
    loaded = parse_campaign(record.campaign_source, record.campaign_name)
    theatre = theatre_of(
        loaded, record.seed, [t.orders for t in record.turns], [t.events for t in record.turns]
    )
    return build_aar(record.events(), theatre=theatre)


@pytest.fixture(scope="module")
def aar(real_game: Record) -> Aar:
    return _debrief(real_game)


def _all(svg: str, tag: str, cls: str) -> list[ET.Element]:
    root = ET.fromstring(svg)
    return [e for e in root.iter(SVG + tag) if e.get("class") == cls]


def test_the_truth_draws_one_path_per_threat_and_a_mark_per_intercept(aar: Aar) -> None:
    assert aar.theatre is not None and aar.theatre.diverged_at is None
    svg = truth_svg(aar, aar.theatre)
    entered = {e.threat for e in aar.engagements} | set()
    paths = _all(svg, "polyline", "path")
    assert len(paths) == len(aar.theatre.paths) == sum(r.spawned for r in aar.threats)
    assert entered <= {int(p.get("data-threat", "-1")) for p in paths}
    kills = _all(svg, "circle", "kill")
    misses = _all(svg, "circle", "miss")
    assert len(kills) == sum(e.killed for e in aar.engagements)
    assert len(kills) + len(misses) == sum(e.rolled for e in aar.engagements)


def test_the_leaker_is_marked_at_the_site_it_struck(aar: Aar) -> None:
    assert aar.theatre is not None
    svg = truth_svg(aar, aar.theatre)
    marks = _all(svg, "text", "leaker")
    assert len(marks) == sum(a.hits for a in aar.assets) == len(aar.theatre.strikes)
    brenna = aar.theatre.site("Brenna Air Base")
    assert brenna is not None
    assert marks[0].get("x") == f"{brenna.x * 470 / aar.theatre.width_km:.1f}"


def test_the_radars_view_draws_the_tracks_alone(aar: Aar) -> None:
    assert aar.theatre is not None
    svg = radar_svg(aar.theatre)
    assert len(_all(svg, "polyline", "track")) == len(aar.theatre.tracks) > 0
    assert _all(svg, "polyline", "path") == [] and _all(svg, "circle", "kill") == []


def test_the_html_report_holds_both_views_side_by_side(aar: Aar) -> None:
    html = render(aar, "html")
    assert html.count('<figure id="map-truth">') == 1
    assert html.count('<figure id="map-radars">') == 1
    assert html.index('id="map"') < html.index('id="engagements"') < html.index('id="timeline"')


def test_above_the_limit_paths_are_thinned_keeping_the_leakers() -> None:
    paths = tuple(
        Flight(j, "drone", 1, ((float(j % 100), 10.0), (50.0, 50.0))) for j in range(1000)
    )
    theatre = Theatre(
        100.0,
        100.0,
        (Site("Port", "asset", 50.0, 50.0),),
        (),
        paths,
        (),
        strikes=((999, "Port", True), (3, "Port", False)),
    )
    kept = thinned(paths, {999, 3})
    assert len(kept) == PATH_LIMIT
    assert {3, 999} <= {p.ident for p in kept}
    svg = truth_svg(build_aar([]), theatre)
    assert len(_all(svg, "polyline", "path")) == PATH_LIMIT
    assert f"{PATH_LIMIT} of 1000 threat paths drawn" in svg
    assert len(_all(svg, "text", "leaker")) == 2


def test_hostile_names_stay_inert_on_the_map(hostile_save: Path) -> None:
    record = load_save(hostile_save).record
    aar = _debrief(record)
    assert aar.theatre is not None
    for svg in (truth_svg(aar, aar.theatre), radar_svg(aar.theatre)):
        root = ET.fromstring(svg)  # well-formed: nothing the campaign wrote broke out
        for element in root.iter():
            assert element.tag.removeprefix(SVG) not in ("script", "foreignObject", "a", "image")
            assert not any(name.startswith("on") for name in element.attrib)
