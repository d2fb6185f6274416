"""The blue view: one rule per kind of event, read alike by the play log and the mid-game
report; the score as assessed; red's entry points kept off the map until the end."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import ClassVar, Literal, get_args, get_origin, get_type_hints

import numpy as np
import pytest

from wargame.campaign import LoadedCampaign
from wargame.engine import Game
from wargame.engine.events import (
    KINDS,
    ArmLaunched,
    Event,
    FalseTrack,
    InterceptResolved,
    MissileLaunched,
    RaidEntered,
    ReloadComplete,
    ThreatDestroyed,
    ThreatLeft,
    TurnEnded,
)
from wargame.engine.game import score_of
from wargame.engine.scenario import CLASS_CODE
from wargame.engine.state import KILLED, NEVER
from wargame.play.aar_view import report_for
from wargame.report.describe import describe
from wargame.report.false_tracks import false_track_notes
from wargame.view.blue import (
    NO_TARGET,
    SIGHT,
    AnyEvent,
    assessed_score,
    blue_events,
    blue_text,
    entry_points,
    sight,
)
from wargame.view.log_lines import OWN, TONES, TURN, WARN, line_for, log_lines, tone_of
from wargame.view.map_canvas import Ink, View
from wargame.view.map_frame import ENTRY_GLYPH, PLACE_GLYPH, Layers, draw_frame


def _play(loaded: LoadedCampaign, turns: int, seed: int = 1) -> tuple[Game, list[Event]]:
    game = Game.new(loaded, seed)
    events: list[Event] = [game.started_event()]
    while game.turn < turns and not game.over:
        events += game.step([])
    return game, events


def _sample(cls: type[Event]) -> Event:
    """An event of this kind with a made-up value in every field (a Literal's first)."""
    hints = get_type_hints(cls)
    made_up = {bool: True, int: 2, float: 1.5, str: "x"}
    values: dict[str, object] = {}
    for f in fields(cls):
        hint = hints[f.name]
        if get_origin(hint) is Literal:
            values[f.name] = get_args(hint)[0]
        elif get_origin(hint) is tuple:
            values[f.name] = ()
        else:
            values[f.name] = made_up[hint]
    return cls(**values)  # type: ignore[arg-type]


class TestEveryKindHasARule:
    def test_the_kinds_blue_has_rules_for_are_the_engine_s_kinds(self) -> None:
        """A kind the engine gains fails here until the blue view says what blue sees of
        it; once it is in `AnyEvent`, type checking asks for its words and its tone."""
        assert set(SIGHT) == set(KINDS.values())
        assert set(get_args(AnyEvent)) == set(KINDS.values())

    @pytest.mark.parametrize("kind", sorted(KINDS))
    def test_each_kind_reads_as_its_rule_says(self, kind: str) -> None:
        event = _sample(KINDS[kind])
        seen = sight(event)
        assert tone_of(event) in TONES
        if seen == "secret":
            assert blue_events([event]) == []
            assert blue_text(event) is None and line_for(event) is None
            # A replay tells it, in the report's words.
            assert line_for(event, describe) == (tone_of(event), describe(event))
            return
        assert len(blue_events([event])) == 1
        if not isinstance(event, ThreatDestroyed):  # the intercept's line tells it
            assert blue_text(event) is not None and line_for(event) is not None
        if seen == "shown":
            # One wording: the report's is blue's, with missiles by their full names.
            assert describe(event) == blue_text(event, full_names=True)

    def test_a_kind_with_no_rule_stops_the_log_and_the_report_alike(self) -> None:
        """Neither hides it while the other shows it: both refuse it."""

        @dataclass(frozen=True, slots=True)
        class Rendezvous(Event):
            kind: ClassVar[str] = "rendezvous"
            flight: str

        new = Rendezvous(3, "Tanker")
        with pytest.raises(TypeError, match="rendezvous"):
            log_lines([new])
        with pytest.raises(TypeError, match="rendezvous"):
            report_for([new])


class TestRedSecrets:
    def test_a_red_only_event_is_hidden_in_the_play_log_and_the_mid_game_report(
        self, first_contact: LoadedCampaign
    ) -> None:
        """By turn 40 of First Contact (20 minutes in) raids have entered and ARMs flown:
        neither the log nor the interim report knows of a threat before its track."""
        game, events = _play(first_contact, 40)
        secret = [e for e in events if sight(e) == "secret"]
        assert {e.kind for e in secret} >= {RaidEntered.kind, ArmLaunched.kind}
        assert log_lines(secret) == []
        report = report_for(events, scenario=game.scenario)
        assert report.interim
        notes = {note for turn in report.aar.timeline for note in turn.notes}
        assert not notes & {describe(e) for e in secret}
        assert sum(row.spawned for row in report.aar.threats) == 0
        # The report at the end tells them.
        final = report_for(_play(first_contact, 80)[1])
        assert not final.interim and sum(row.spawned for row in final.aar.threats) > 0
        notes = {note for turn in final.aar.timeline for note in turn.notes}
        told = [e for e in secret if not isinstance(e, FalseTrack)]
        assert {describe(e) for e in told} <= notes
        # The false tracks, several a turn, share one note of their turn.
        noise = {e.track: e.turn for e in secret if isinstance(e, FalseTrack)}
        assert noise and set(false_track_notes(noise).values()) <= notes

    def test_the_play_log_keeps_red_side_out(self, first_contact: LoadedCampaign) -> None:
        _, events = _play(first_contact, 32)
        secret = [
            e
            for e in events
            if isinstance(e, RaidEntered | ArmLaunched | ThreatLeft | ThreatDestroyed)
        ]
        assert secret
        assert all(line_for(e) is None for e in secret)
        assert all(line_for(e, describe) is not None for e in secret)
        assert not any("decoy" in text for _, _, text in log_lines(events))

    def test_the_interim_report_cannot_tell_a_decoy(self, first_contact: LoadedCampaign) -> None:
        # Turn 62 (31 minutes in): the decoy screen of turn 27 has flown and been fought;
        # the game ends on turn 80.
        _, events = _play(first_contact, 62)
        assert not any(isinstance(e, RaidEntered) for e in blue_events(events))
        report = report_for(events)
        assert report.interim
        assert "decoy" not in {row.threat_class for row in report.aar.threats}
        assert "decoy" in {
            row.threat_class for row in report_for(_play(first_contact, 80)[1]).aar.threats
        }


class TestAssessedScore:
    def test_the_score_in_play_counts_a_decoy_killed_as_what_it_seemed(
        self, first_contact: LoadedCampaign
    ) -> None:
        """Decoys mimic cruise missiles: killing one moves the score shown in play as
        killing a cruise missile would, so the score gives none away; the true score
        differs by what the decoys really cost."""
        game = Game.new(first_contact, 1)
        sc = game.scenario
        decoys = np.flatnonzero(sc.t_class == CLASS_CODE["decoy"])
        while not (game.state.status[decoys] == KILLED).any():
            game.step([])
        st = game.state
        killed = decoys[st.status[decoys] == KILLED]
        seemed = float(sc.t_apparent_cost[killed].sum())
        cost = float(sc.t_cost[killed].sum())
        assert seemed > cost
        true = score_of(sc, st).total
        weight = first_contact.campaign.scoring.threat_cost_destroyed  # points per M$
        # Blue counts the threats its radars read as killed, each as what it seemed.
        read = st.track_assessed_turn != NEVER
        dead = st.status == KILLED
        shown = float(sc.t_apparent_cost[read].sum() - sc.t_cost[dead].sum())
        assert assessed_score(sc, st) == pytest.approx(true + weight * shown)

    def test_the_interim_report_scores_as_the_status_bar_does(
        self, first_contact: LoadedCampaign
    ) -> None:
        """Its threat cost destroyed and its score are those the status bar shows, on
        turn 62 (31 minutes in), decoys of the screen of turn 27 among the kills."""
        game, events = _play(first_contact, 62)
        sc, st = game.scenario, game.state
        killed = st.status == KILLED
        assert (sc.t_cost[killed] != sc.t_apparent_cost[killed]).any()  # decoys among them
        report = report_for(events, scenario=sc)
        read = st.track_assessed_turn != NEVER  # the kills its radars read
        assert report.aar.exchange.threat_cost_destroyed == pytest.approx(
            float(sc.t_apparent_cost[read].sum())
        )
        assert report.aar.score.total == pytest.approx(assessed_score(sc, st), abs=0.01)


class TestWording:
    def test_an_event_blue_sees_whole_reads_alike_in_the_log_and_the_report(self) -> None:
        reloaded = ReloadComplete(7, "FU A", "48N6-class", 4)
        assert line_for(reloaded) == (OWN, "FU A reloaded 4 × 48N6")
        assert describe(reloaded) == "FU A reloaded 4 × 48N6-class"

    def test_a_replay_tells_red_side_in_the_report_s_words(self) -> None:
        raid = RaidEntered(1, "Wave", "Subsonic cruise missile", "cruise_missile", 2, "Port", (0,))
        assert line_for(raid) is None
        assert line_for(raid, describe) == (
            WARN,
            "raid Wave entered: 2 × Subsonic cruise missile (cruise missile), heading for Port",
        )

    def test_the_line_between_turns_gives_the_score_only_in_a_replay(self) -> None:
        ended = TurnEnded(3, 180.0, ("Eye",), 2, -121.2)
        assert line_for(ended) == (TURN, "── end of turn 3 · 0:03:00 ──")
        assert line_for(ended, describe) == (TURN, "── end of turn 3 · 0:03:00 · score -121.2 ──")

    def test_a_salvo_reads_as_one_line_in_play_and_in_a_replay(self) -> None:
        launched = MissileLaunched(5, "FU A", "9M96-class", 4, 2, "drone", 0.6, 40.0, 6, 0.6)
        text = "FU A fired 2 × 9M96 at track 4: 40 km, Pk 0.60 each, due T6"
        assert log_lines([launched] * 2) == [(5, OWN, text)]
        assert log_lines([launched] * 2, describe) == [(5, OWN, text)]


class TestEntryPoints:
    def test_the_map_draws_red_s_entry_points_only_once_the_truth_may_be_told(
        self, first_contact: LoadedCampaign
    ) -> None:
        """First Contact's raids enter at three named places and a ballistic launch point
        at [20, 100] that no place names: in play the map shows the places as places and
        no launch point; after the end (or in a replay) all four as entry points."""
        game, _ = _play(first_contact, 0)
        sc, st = game.scenario, game.state
        assert entry_points(sc, revealed=False) == []
        assert sorted(entry_points(sc, revealed=True)) == [
            ("", 20.0, 100.0),
            ("Northern Approach", 20.0, 260.0),
            ("Southern Sea Lane", 30.0, 30.0),
            ("Western Gap", 20.0, 180.0),
        ]
        view = View.fit(400, 300)
        in_play, geo, _ = draw_frame(sc, st, 120, 38, view, Layers())
        after, _, _ = draw_frame(sc, st, 120, 38, view, Layers(reveal=True))
        assert not (in_play.ink == Ink.ENTRY).any()
        assert int((after.ink == Ink.ENTRY).sum()) == 4
        col, row = geo.cell(20.0, 100.0)  # the ballistic launch point
        assert in_play.ink[row, col] != Ink.ENTRY and chr(after.chars[row, col]) == ENTRY_GLYPH
        col, row = geo.cell(20.0, 180.0)  # the Western Gap, a place on the map
        assert chr(in_play.chars[row, col]) == PLACE_GLYPH
        assert chr(after.chars[row, col]) == ENTRY_GLYPH


class TestKillAssessment:
    """Blue is told what its radar read of an intercept, never the truth (rules 1.7)."""

    @staticmethod
    def _intercept(threat: int, killed: bool, told: str, reason: str = "") -> InterceptResolved:
        return InterceptResolved(
            4,
            "FU A",
            "9M96-class",
            7,
            threat,
            "fighter",
            killed,
            0.5,
            0.3,
            reason,
            pk_true=0.6,
            assessed=told,
            kill_confidence=0.95 if told == "kill" else 0.1,
        )

    def test_a_kill_read_as_a_miss_is_a_miss_to_blue_and_its_destruction_is_secret(
        self,
    ) -> None:
        destroyed = ThreatDestroyed(4, 2, "fighter", "Strike fighter", 60.0, "FU A")
        late = self._intercept(2, False, "", reason="target already destroyed")
        seen = blue_events([self._intercept(2, True, "miss"), destroyed, late])
        assert [type(e) for e in seen] == [InterceptResolved, InterceptResolved]
        first, second = seen
        assert isinstance(first, InterceptResolved) and isinstance(second, InterceptResolved)
        assert (first.killed, first.pk_true) == (False, 0.5)
        assert blue_text(first) == "FU A's 9M96 missed track 7"
        assert second.reason == NO_TARGET  # not that it was destroyed

    def test_a_miss_read_as_a_kill_is_a_kill_to_blue_with_its_confidence(self) -> None:
        seen = blue_events([self._intercept(3, False, "kill")])
        told, destroyed = seen
        assert isinstance(told, InterceptResolved) and told.killed
        assert blue_text(told) == "track 7 destroyed by FU A's 9M96 (assessed 95%)"
        assert isinstance(destroyed, ThreatDestroyed) and destroyed.threat == 3

    def test_an_intercept_of_older_rules_reads_as_it_did(self) -> None:
        (told,) = blue_events([self._intercept(2, False, "")])
        assert blue_text(told) == "FU A's 9M96 missed track 7"
