"""The report counts an aircraft's stand-off weapons as threats that entered, tells the
release and a raid's new target in true words, and marks the salvos fired at false
tracks: a small hand-built game, counted by hand."""

from __future__ import annotations

from wargame.engine.events import (
    Event,
    FalseTrack,
    InterceptResolved,
    Leaker,
    MissileLaunched,
    RaidEntered,
    RaidRetargeted,
    ThreatDestroyed,
    TrackInitiated,
    WeaponsReleased,
)
from wargame.report.aar import FALSE_TRACK, build_aar
from wargame.report.describe import describe
from wargame.report.engagements import NOTHING_THERE, engagements
from wargame.report.summary import summarise

RELEASE = WeaponsReleased(
    3,
    raid="Strike",
    aircraft=0,
    weapon="Glide bomb",
    threat_class="cruise_missile",
    target="Port",
    threats=(4, 5, 6),
    x_km=120.0,
    y_km=80.0,
)
RETARGET = RaidRetargeted(5, raid="Strike", target="Base", was="Port", threats=(6,))


def _game() -> list[Event]:
    """Two strike fighters (threats 0 and 1) enter; fighter 0 releases three glide bombs
    (threats 4, 5, 6, cruise-missile class) on turn 3. One is shot down, two reach the
    port. A false alarm forms track 9 in phantom slot 20, tracked as a fighter: a salvo of
    two rounds is fired at it, and the engine's rolls (against a nil true Pk) read one as
    a kill. Then the port is destroyed and the last bomb turns on the base."""
    return [
        RaidEntered(1, "Strike", "Strike fighter", "fighter", 2, "Port", (0, 1)),
        RELEASE,
        TrackInitiated(3, 1, 4, "cruise_missile", "Eye", 60.0),
        MissileLaunched(3, "FU A", "9M96-class", 1, 4, "cruise_missile", 0.8, 30.0, 4, 0.6),
        FalseTrack(3, track=9, threat=20, radar="Eye", x_km=150.0, y_km=90.0, alt_m=5000.0),
        TrackInitiated(3, 9, 20, "fighter", "Eye", 80.0),
        MissileLaunched(3, "FU A", "48N6-class", 9, 20, "fighter", 0.7, 70.0, 5, 1.5),
        MissileLaunched(3, "FU A", "48N6-class", 9, 20, "fighter", 0.7, 70.0, 5, 1.5),
        InterceptResolved(4, "FU A", "9M96-class", 1, 4, "cruise_missile", True, 0.8, 0.1, ""),
        ThreatDestroyed(4, 4, "cruise_missile", "Glide bomb", 0.2, "FU A"),
        Leaker(4, 5, "cruise_missile", "Port", True, 100.0),
        InterceptResolved(
            5, "FU A", "48N6-class", 9, 20, "fighter", False, 0.7, 0.2, "", 0.0, "kill"
        ),
        InterceptResolved(
            5, "FU A", "48N6-class", 9, 20, "fighter", False, 0.7, 0.9, "", 0.0, "miss"
        ),
        RETARGET,
        Leaker(6, 6, "cruise_missile", "Base", True, 50.0),
    ]


def test_weapons_released_count_as_spawned_beside_their_kills_and_leaks() -> None:
    rows = {r.threat_class: r for r in build_aar(_game()).threats}
    bombs = rows["cruise_missile"]
    assert (bombs.spawned, bombs.killed, bombs.leaked) == (3, 1, 2)
    assert (bombs.detected, bombs.engaged) == (1, 1)
    assert rows["fighter"].spawned == 2  # the false track is no fighter
    assert set(rows) == {"fighter", "cruise_missile"}


def test_the_run_summary_counts_them_as_the_report_does() -> None:
    summary = summarise("drill.toml", 1, _game())
    assert summary["threats"]["cruise_missile"]["spawned"] == 3
    assert summary["threats"]["fighter"]["spawned"] == 2


def test_a_salvo_at_a_false_track_is_marked_and_met_nothing() -> None:
    bomb, noise = engagements(_game())
    assert (bomb.true_class, bomb.result, bomb.at_false_track) == ("cruise_missile", "kill", False)
    assert noise.at_false_track and noise.true_class == "false_track"
    assert (noise.rounds, noise.rolled, noise.killed, noise.resolved) == (2, 0, 0, 2)
    assert (noise.result, noise.unmet, noise.misread) == ("met nothing", NOTHING_THERE, "")
    aar = build_aar(_game())
    assert (aar.false_tracks, aar.rounds_at_false_tracks) == ((9,), 2)
    assert FALSE_TRACK in {r.reason for r in aar.unmet}


def test_the_release_and_the_new_target_read_as_what_happened() -> None:
    assert describe(RELEASE) == (
        "raid Strike: aircraft 0 released 3 × Glide bomb (cruise missile) at [120, 80] "
        "for Port, threats 4-6"
    )
    assert describe(RETARGET) == "raid Strike: Port destroyed, threat 6 turn on Base"
    notes = {turn.turn: turn.notes for turn in build_aar(_game()).timeline}
    assert describe(RELEASE) in notes[3] and describe(RETARGET) in notes[5]


def test_a_turn_s_false_tracks_share_one_timeline_note_and_one_key_moment() -> None:
    """Tracks 1 and 2 made of noise on turn 1, track 5 on turn 2, no round at them."""
    events: list[Event] = [
        FalseTrack(turn, track=track, threat=20 + track, radar="Eye", x_km=0, y_km=0, alt_m=0)
        for turn, track in ((1, 1), (1, 2), (2, 5))
    ]
    aar = build_aar(events)
    notes = {turn.turn: turn.notes for turn in aar.timeline}
    assert notes == {
        1: ("false alarms: 2 made of noise (tracks 1, 2)",),
        2: ("false alarms: 1 made of noise (tracks 5)",),
    }
    (moment,) = [m for m in aar.key_moments if m.kind == "false_tracks"]
    assert (moment.turn, moment.text) == (
        1,
        "false alarms: 3 tracks made of noise (1, 2, 5), 0 rounds fired at them",
    )
