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


@pytest.fixture(scope="module")
def shot_at_nothing() -> Aar:
    """First Contact, seed 9, no orders: one salvo goes at a false track (seed 11 fires at
    none since a false track needs 3 of 4 looks to be confirmed)."""
    from tests.record.helpers import FIRST_CONTACT, play
    from wargame.campaign import load_campaign

    return _debrief(play(load_campaign(FIRST_CONTACT), 9))


def test_the_truth_draws_one_path_per_threat_and_a_mark_per_intercept(
    shot_at_nothing: Aar,
) -> None:
    """A salvo at a false track (a phantom slot: nothing flew there) has no path and no
    mark; every other salvo's threat has its path."""
    aar = shot_at_nothing
    assert aar.theatre is not None and aar.theatre.diverged_at is None
    svg = truth_svg(aar, aar.theatre)
    entered = {e.threat for e in aar.engagements if not e.at_false_track}
    phantoms = {e.threat for e in aar.engagements if e.at_false_track}
    paths = _all(svg, "polyline", "path")
    drawn = {int(p.get("data-threat", "-1")) for p in paths}
    assert len(paths) == len(aar.theatre.paths) == sum(r.spawned for r in aar.threats)
    assert entered <= drawn
    assert phantoms and not phantoms & drawn
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
    """Seed 11 holds 676 tracks: 26 of real threats, each held 3 turns or more, and 650
    false alarms' tracks of one turn each. Above `PATH_LIMIT` they are thinned: every
    track held over more than one turn is drawn, the one-turn tracks sampled."""
    assert aar.theatre is not None
    tracks = aar.theatre.tracks
    held = {t.ident for t in tracks if len(t.points) > 1}
    assert (len(tracks), len(held)) == (676, 26)
    svg = radar_svg(aar.theatre)
    drawn = _all(svg, "polyline", "track")
    assert len(drawn) == PATH_LIMIT
    assert held <= {int(p.get("data-threat", "-1")) for p in drawn}
    assert f"{PATH_LIMIT} of 676 tracks drawn" in svg
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


JAM_STROBES = Path(__file__).parent / "jam-strobes.toml"


@pytest.fixture(scope="module")
def jammed() -> Aar:
    from tests.record.helpers import play
    from wargame.campaign import load_campaign

    return _debrief(play(load_campaign(JAM_STROBES), 1))


def test_the_jammer_s_true_track_is_drawn_over_the_truth(jammed: Aar) -> None:
    theatre = jammed.theatre
    assert theatre is not None and theatre.jammers == (1,)  # the drone of turn 7 is threat 0
    root = ET.fromstring(truth_svg(jammed, theatre))
    marked = [g for g in root.iter(SVG + "g") if g.get("class") == "jammer"]
    assert [g.get("data-threat") for g in marked] == ["1"]
    line = next(marked[0].iter(SVG + "polyline"))
    # on station at (360, 180) km: 470 px for 400 km, north up on a 200 km map
    assert line.get("points", "").split()[-1] == f"{360 * 1.175:.1f},{20 * 1.175:.1f}"


def test_one_strobe_per_radar_and_jammer_on_the_last_turn_heard(jammed: Aar) -> None:
    theatre = jammed.theatre
    assert theatre is not None
    # Heard on turns 1 to 4 by both radars; it leaves on turn 5.
    assert sorted({s.turn for s in theatre.strobes}) == [1, 2, 3, 4]
    lines = _all(radar_svg(theatre), "line", "strobe")
    assert len(lines) == 2 == len({(s.radar, s.jammer) for s in theatre.strobes})
    by_radar = {line.get("data-radar"): line for line in lines}
    # Watch at (360, 100) hears it 80 km due north; Guard at (300, 100), 60 km west of
    # Watch, hears it along the 60-80-100 km triangle: atan(60 / 80) = 36.87° east of north.
    assert by_radar["Watch"].get("data-bearing") == "0"
    assert by_radar["Guard"].get("data-bearing") == "36.87"
    last = {s.radar: s for s in theatre.last_strobes()}
    assert {s.turn for s in last.values()} == {4}
    # J/N falls with the square of range: 30 dB at 100 km is 30 + 20 log10(100 / 80) at 80.
    assert last["Guard"].jnr_db == 30.0 and last["Watch"].jnr_db == 31.9
    # The line leaves the radar along its bearing: Guard's runs up and to the right, as
    # far right per px as 60 is to 80 up.
    guard = by_radar["Guard"]
    dx = float(guard.get("x2", "0")) - float(guard.get("x1", "0"))
    dy = float(guard.get("y1", "0")) - float(guard.get("y2", "0"))
    assert dx / dy == pytest.approx(60 / 80, rel=1e-3)


def test_a_game_without_jammers_draws_no_strobe(aar: Aar) -> None:
    assert aar.theatre is not None and aar.theatre.jammers == ()
    assert _all(radar_svg(aar.theatre), "line", "strobe") == []


def test_a_hostile_radar_name_stays_inert_on_its_strobe() -> None:
    from wargame.report.theatre import Strobe

    name = '"><script>alert(1)</script><x onload="'
    theatre = Theatre(
        100.0,
        100.0,
        (Site(name, "radar", 50.0, 50.0),),
        (),
        (Flight(0, "bomber", 1, ((50.0, 90.0),)),),
        (),
        jammers=(0,),
        strobes=(Strobe(1, name, 0, 0.0, 12.0, 50.0, 50.0),),
    )
    root = ET.fromstring(radar_svg(theatre))
    (line,) = _all(radar_svg(theatre), "line", "strobe")
    assert line.get("data-radar") == name  # held as text, escaped in the markup
    assert not any(e.tag.removeprefix(SVG) == "script" for e in root.iter())
    assert not any(k.startswith("on") for e in root.iter() for k in e.attrib)
