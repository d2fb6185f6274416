"""The time step and the pause conditions: each condition against hand-built events and
states, and what blue has not seen never pausing play."""

from __future__ import annotations

import pytest

from wargame.campaign import LoadedCampaign
from wargame.engine import Game
from wargame.engine.events import (
    ArmLaunched,
    CommandPostDestroyed,
    Event,
    Leaker,
    MissileLaunched,
    OrderRefused,
    RadarDestroyed,
    RaidEntered,
    RaidPoppedUp,
    ThreatDestroyed,
    ThreatLeft,
    TrackInitiated,
    TurnEnded,
)
from wargame.engine.scenario import CLASS_NAMES, Scenario, build_scenario
from wargame.engine.state import ACTIVE, State, initial_state
from wargame.view.alerts import (
    CONDITIONS,
    Alert,
    PauseRules,
    pause_alerts,
    pause_text,
    step_log,
    step_words,
    time_steps,
)

# ------------------------------------------------------------------ time step


@pytest.mark.parametrize(
    ("seconds_per_turn", "steps"),
    [(10, (1, 6, 30)), (20, (1, 3, 15)), (30, (1, 2, 10)), (60, (1, 5)), (45, (1, 7)), (600, (1,))],
)
def test_the_steps_offered_are_whole_turns_of_one_turn_a_minute_and_five_minutes(
    seconds_per_turn: float, steps: tuple[int, ...]
) -> None:
    # 45 s turns: a minute rounds to one turn (offered once), 5 min to 300/45 = 6.7 → 7.
    assert time_steps(seconds_per_turn) == steps


def test_a_step_reads_in_game_time() -> None:
    assert step_words(1, 10) == "10 s"
    assert step_words(6, 10) == "1 min"
    assert step_words(7, 45) == "5 min 15 s"
    assert step_words(30, 10, short=True) == "5m"
    assert step_words(7, 45, short=True) == "5m15"
    assert step_words(1, 20, short=True) == "20s"


def _ended(turn: int) -> TurnEnded:
    return TurnEnded(turn, time_s=30.0 * turn, emitting=(), tracks=0, score=100.0)


def test_a_step_s_log_leaves_out_the_ends_of_quiet_turns_but_the_last() -> None:
    seen = TrackInitiated(
        2, track=4, threat=0, threat_class="fighter", radar="Big Bird", range_km=250.0
    )
    arm = ArmLaunched(3, flight="Weasel 1", threat=7, radar="FU Alpha")  # red's: not news
    events: list[Event] = [_ended(1), seen, _ended(2), arm, _ended(3), _ended(4), _ended(5)]
    kept = step_log(events)
    assert [(e.kind, e.turn) for e in kept] == [
        ("track_initiated", 2),
        ("turn_ended", 2),
        ("arm_launched", 3),  # (the log leaves red's side out itself)
        ("turn_ended", 5),
    ]
    assert step_log([]) == []


# ------------------------------------------------------------------ the conditions


@pytest.fixture(scope="module")
def scenario(first_contact: LoadedCampaign) -> Scenario:
    return build_scenario(first_contact)


def _turn(sc: Scenario, turn: int = 5) -> tuple[State, State]:
    """The states either side of a quiet turn: nothing fired, nothing lost."""
    before = initial_state(sc)
    before.turn = turn - 1
    after = before.copy()
    after.turn = turn
    return before, after


def _track(track: int, cls: str, threat: int | None = None) -> TrackInitiated:
    """A new track, in the slot of its own number unless `threat` gives one."""
    return TrackInitiated(
        5,
        track=track,
        threat=track if threat is None else threat,
        threat_class=cls,
        radar="Big Bird",
        range_km=250.0,
    )


def _hold(after: State, new: TrackInitiated, *, confirmed: bool = True) -> None:
    """`after` holds the track `new` began, in flight, confirmed (or still tentative)."""
    slot = new.threat
    after.track_id[slot], after.track_last[slot] = new.track, after.turn
    after.status[slot], after.track_confirmed[slot] = ACTIVE, confirmed


def _alerts(sc: Scenario, events: list[Event], **rules: object) -> list[Alert]:
    """The alerts of a turn whose new tracks (`TrackInitiated` in `events`) were all
    confirmed in it: a tentative track is no news (the pause comes on confirmation)."""
    before, after = _turn(sc)
    for e in events:
        if isinstance(e, TrackInitiated):
            _hold(after, e)
    return pause_alerts(sc, before, after, events, PauseRules(**rules))  # type: ignore[arg-type]


def test_a_quiet_turn_pauses_nothing(scenario: Scenario) -> None:
    assert _alerts(scenario, []) == []


def test_a_new_track_pauses_with_its_number_and_class(scenario: Scenario) -> None:
    alerts = _alerts(scenario, [_track(3, "fighter"), _track(4, "fighter"), _track(5, "bomber")])
    assert alerts == [Alert("new_track", 5, "new track 3, fighter, and 2 more")]
    assert pause_text(alerts) == "paused: new track 3, fighter, and 2 more"


def test_a_tentative_track_pauses_only_on_the_turn_it_is_confirmed(scenario: Scenario) -> None:
    """First Contact's slot 3 is a fighter: its track begun tentative is no news; a turn
    later its confirmation (no new event of its own) pauses, named as the state shows it."""
    new = _track(3, "fighter")
    before, after = _turn(scenario)
    _hold(after, new, confirmed=False)
    assert pause_alerts(scenario, before, after, [new]) == []
    later = after.copy()
    later.turn, later.track_last[3], later.track_confirmed[3] = 6, 6, True
    assert pause_alerts(scenario, after, later, []) == [
        Alert("new_track", 6, "new track 3, fighter")
    ]


def test_a_ballistic_missile_track_is_named_as_such_and_not_again_as_a_new_track(
    scenario: Scenario,
) -> None:
    alerts = _alerts(scenario, [_track(11, "fighter"), _track(12, "ballistic_missile")])
    assert [a.condition for a in alerts] == ["ballistic", "new_track"]
    assert alerts[0].text == "ballistic missile track 12"
    assert alerts[1].text == "new track 11, fighter"
    assert pause_text(alerts) == "paused: ballistic missile track 12 (+1)"


def test_with_its_own_condition_off_a_ballistic_track_still_pauses_as_a_new_track(
    scenario: Scenario,
) -> None:
    off = frozenset(CONDITIONS) - {"ballistic"}
    alerts = _alerts(scenario, [_track(12, "ballistic_missile")], conditions=off)
    assert alerts == [Alert("new_track", 5, "new track 12, ballistic missile")]


def test_an_anti_radiation_missile_pauses_when_its_track_appears_not_at_its_launch(
    scenario: Scenario,
) -> None:
    launch = ArmLaunched(5, flight="Weasel 1", threat=7, radar="FU Alpha")
    assert _alerts(scenario, [launch]) == []
    alerts = _alerts(scenario, [_track(9, "arm", threat=7)])
    assert alerts == [Alert("arm", 5, "anti-radiation missile track 9")]


def test_a_radar_or_a_command_post_lost_pauses_first(scenario: Scenario) -> None:
    events: list[Event] = [
        _track(2, "fighter"),
        RadarDestroyed(5, radar="FU Bravo", by="arm", value=120.0, threat=7),
        CommandPostDestroyed(5, command_post="1st Battalion CP", cut_off=("FU Alpha",)),
    ]
    alerts = _alerts(scenario, events)
    assert [a.text for a in alerts] == [
        "FU Bravo destroyed",
        "command post 1st Battalion CP destroyed",
        "new track 2, fighter",
    ]


def _fired(
    sc: Scenario, unit: str, missile: str, before_rounds: int, after_rounds: int, below: int = 4
) -> list[Alert]:
    """A turn in which `unit`'s rounds of `missile` (all ready, none in stock) go from
    `before_rounds` to `after_rounds`."""
    before, after = _turn(sc)
    f, m = sc.f_name.index(unit), sc.m_name.index(missile)
    for st, rounds in ((before, before_rounds), (after, after_rounds)):
        st.ready[f, m], st.stock[f, m] = rounds, 0
    return pause_alerts(sc, before, after, [], PauseRules(magazine_below=below))


def test_a_magazine_pauses_as_it_falls_below_the_count_and_only_then(scenario: Scenario) -> None:
    # First Contact: FU Alpha carries 8 × 40N6.
    assert _fired(scenario, "FU Alpha", "40N6-class", 5, 3) == [
        Alert("magazine", 5, "FU Alpha down to 3 × 40N6")
    ]
    assert _fired(scenario, "FU Alpha", "40N6-class", 4, 3)[0].text == "FU Alpha down to 3 × 40N6"
    assert _fired(scenario, "FU Alpha", "40N6-class", 5, 4) == []  # 4 is not below 4
    assert _fired(scenario, "FU Alpha", "40N6-class", 3, 2) == []  # already below: said once
    assert _fired(scenario, "FU Alpha", "40N6-class", 8, 6, below=7)[0].text.endswith("6 × 40N6")


def test_rounds_in_stock_count_with_those_ready(scenario: Scenario) -> None:
    before, after = _turn(scenario)
    f, m = scenario.f_name.index("FU Alpha"), scenario.m_name.index("40N6-class")
    before.ready[f, m], before.stock[f, m] = 4, 0
    after.ready[f, m], after.stock[f, m] = 0, 3  # 4 fired, 3 come from stock: 3 left
    assert [a.text for a in pause_alerts(scenario, before, after, [])] == [
        "FU Alpha down to 3 × 40N6"
    ]


def test_a_fire_unit_destroyed_does_not_also_run_out_of_rounds(scenario: Scenario) -> None:
    before, after = _turn(scenario)
    f = scenario.f_name.index("FU Alpha")
    after.ready[f] = 0
    after.radar_alive[scenario.f_radar[f]] = False
    assert pause_alerts(scenario, before, after, []) == []


def test_other_news_pauses_on_a_hit_and_a_refused_order(scenario: Scenario) -> None:
    events: list[Event] = [
        Leaker(
            5,
            threat=3,
            threat_class="cruise_missile",
            target="Aldmouth",
            damaged=True,
            value_lost=50.0,
        ),
        OrderRefused(5, unit="FU Alpha", order="engage track 4", reason="out of range"),
    ]
    alerts = _alerts(scenario, events)
    assert [a.condition for a in alerts] == ["news", "news"]
    # Blue knows its asset was hit, not what hit it: the threat was never tracked.
    assert alerts[0].text == "Aldmouth hit: 50 M$ lost"
    assert alerts[1].text.startswith("FU Alpha: 'engage track 4' refused")


def test_conditions_turned_off_never_pause(scenario: Scenario) -> None:
    events: list[Event] = [
        _track(12, "ballistic_missile"),
        RadarDestroyed(5, radar="FU Bravo", by="arm", value=120.0, threat=7),
    ]
    assert _alerts(scenario, events, conditions=frozenset()) == []
    only = _alerts(scenario, events, conditions=frozenset({"unit_lost"}))
    assert [a.condition for a in only] == ["unit_lost"]


def test_red_s_side_of_a_turn_never_pauses(scenario: Scenario) -> None:
    """A raid entering, an anti-radiation missile fired, a threat turning home, a raid
    popping up, a threat shot down that no track showed: none of it is blue's to see."""
    events: list[Event] = [
        RaidEntered(
            5,
            raid="Strike 1",
            threat_type="Su-34-class",
            threat_class="bomber",
            count=4,
            target="Aldmouth",
            threats=(0, 1, 2, 3),
        ),
        ArmLaunched(5, flight="Weasel 1", threat=7, radar="FU Alpha"),
        ThreatLeft(5, threat=2, threat_class="ballistic_missile"),
        RaidPoppedUp(5, inject="popup", raid="Strike 2", count=6),
        ThreatDestroyed(
            5,
            threat=9,
            threat_class="ballistic_missile",
            threat_type="Iskander",
            cost=3.0,
            fire_unit="FU Alpha",
        ),
    ]
    assert _alerts(scenario, events) == []


def test_a_decoy_pauses_as_what_it_mimics(scenario: Scenario) -> None:
    # The track's class is what the radars made of it; the threat behind it (First
    # Contact's slot 13, a decoy) is not read.
    assert scenario.t_class[13] == CLASS_NAMES.index("decoy")
    alerts = _alerts(scenario, [_track(6, "ballistic_missile", threat=13)])
    assert alerts[0].text == "ballistic missile track 6"


def _alerts_by_turn(
    loaded: LoadedCampaign, turns: int, seed: int = 1
) -> tuple[list[list[Event]], list[list[Alert]]]:
    game = Game.new(loaded, seed)
    events_by_turn, alerts_by_turn = [], []
    while game.turn < turns and not game.over:
        before = game.state.copy()
        events = game.step([])
        events_by_turn.append(events)
        alerts_by_turn.append(pause_alerts(game.scenario, before, game.state, events))
    return events_by_turn, alerts_by_turn


def test_in_play_an_arm_pauses_only_from_the_turn_its_track_appears(
    arm_duel: LoadedCampaign,
) -> None:
    events_by_turn, alerts_by_turn = _alerts_by_turn(arm_duel, 30)
    launched = [
        i for i, ev in enumerate(events_by_turn) if any(isinstance(e, ArmLaunched) for e in ev)
    ]
    tracked = [
        i
        for i, ev in enumerate(events_by_turn)
        if any(isinstance(e, TrackInitiated) and e.threat_class == "arm" for e in ev)
    ]
    paused = [i for i, al in enumerate(alerts_by_turn) if any(a.condition == "arm" for a in al)]
    assert launched, "the campaign launches anti-radiation missiles"
    assert paused == tracked
    assert set(launched) - set(tracked), "some launch turns show no track: they must not pause"


def test_in_play_every_alert_of_a_turn_names_what_blue_saw_in_it(
    first_contact: LoadedCampaign,
) -> None:
    events_by_turn, alerts_by_turn = _alerts_by_turn(first_contact, 40)
    assert any(alerts_by_turn)
    for events, alerts in zip(events_by_turn, alerts_by_turn, strict=True):
        tracks = {e.track for e in events if isinstance(e, TrackInitiated)}
        fired = {e.fire_unit for e in events if isinstance(e, MissileLaunched)}
        for alert in alerts:
            if alert.condition == "new_track":
                assert int(alert.text.split()[2].rstrip(",")) in tracks
            if alert.condition == "magazine":
                assert alert.text.split(" down to ")[0] in fired


def test_a_new_track_near_one_held_is_more_of_a_raid_and_does_not_pause(
    scenario: Scenario,
) -> None:
    """A track held at (100, 100); new tracks at 39 km (the stream's next member) and at
    50 km (a new contact) from it, by the radars' estimates."""
    before, after = _turn(scenario)
    before.track_id[0], before.track_x[0], before.track_y[0] = 1, 100.0, 100.0
    before.track_last[0], before.status[0] = before.turn, ACTIVE
    before.track_confirmed[0] = True
    after.track_x[1], after.track_y[1] = 100.0, 139.0
    after.track_x[2], after.track_y[2] = 130.0, 140.0
    near, far = _track(2, "cruise_missile", threat=1), _track(3, "cruise_missile", threat=2)
    rules = PauseRules(conditions=frozenset({"new_track"}))
    _hold(after, near)
    assert pause_alerts(scenario, before, after, [near], rules) == []
    _hold(after, far)
    assert pause_alerts(scenario, before, after, [near, far], rules) == [
        Alert("new_track", 5, "new track 3, cruise missile")
    ]
