"""Point defence: a Pantsir-class gun and missile unit beside a long-range battery, from
the catalogue's entries, weighed by fire control like any fire unit; a unit that
protects a site keeps its automatic fire for what heads for that site or for itself.

The campaign (`campaigns/point-defence.toml`): the battery at (200, 100) with 48N6
rounds only, the point-defence unit "Guard" 0.4 km east of it, protecting it; turns of
20 s. Variants are made from its text.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

import numpy as np
import pytest

import wargame.campaign.catalogue as catalogue_module
from wargame.campaign import LoadedCampaign, load_campaign, parse_campaign
from wargame.campaign.schema import Catalogue
from wargame.engine import Game, Order
from wargame.engine.events import Event, InterceptResolved, MissileLaunched
from wargame.engine.fire_control import options
from wargame.engine.geometry import edge_factor

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "campaigns" / "point-defence.toml"
CAMPAIGNS = HERE.parent.parent / "campaigns"

MISSILE = "57E6-class"
GUN = "30 mm burst"
POINT_DEFENCE_TYPES = {
    "radars": {"Pantsir-class fire-control radar"},
    "missiles": {MISSILE, GUN},
    "launchers": {"Pantsir-class combat vehicle"},
}
NO_SEAD = ('name = "Hunters"\nturn = 1', 'name = "Hunters"\nturn = 40')
"""The SEAD flight put off to the last turn."""
ARM_GAMES = 300
"""Games of the ARM duel: one salvo each, so a kill fraction good to about 0.03."""


def _variant(*edits: tuple[str, str]) -> LoadedCampaign:
    text = FIXTURE.read_text("utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return parse_campaign(text, "point-defence variant")


def _play(loaded: LoadedCampaign, seed: int, turns: int, hold_battery: bool = True) -> list[Event]:
    game = Game.new(loaded, seed)
    first = (
        [Order(turn=1, unit="Battery", action="weapons", setting="hold")] if hold_battery else []
    )
    events = list(game.step(first))
    while game.state.turn < turns and not game.state.over:
        events += game.step([])
    return events


@cache
def _arm_games() -> tuple[list[Event], ...]:
    """The fixture's first 19 turns on seeds 0 to ARM_GAMES - 1, the battery holding fire:
    the ARM arrives on turn 18."""
    loaded = load_campaign(FIXTURE)
    return tuple(_play(loaded, seed, turns=19) for seed in range(ARM_GAMES))


def _launches(events: list[Event], unit: str) -> list[MissileLaunched]:
    return [e for e in events if isinstance(e, MissileLaunched) and e.fire_unit == unit]


def test_an_arm_at_the_battery_is_engaged_inside_20_km_and_killed_at_the_catalogue_pk() -> None:
    """The ARM (catalogue pk of a 57E6 against it: 0.6) is met inside the 57E6's 20 km,
    and each round kills with 0.6 times the envelope's edge factor at its range (the
    catalogue's Pk as the envelope applies it to every round). Over the games, the kills
    lie within four standard deviations of the sum of those probabilities."""
    pk = load_campaign(FIXTURE).catalogue.missiles[MISSILE].pk["arm"]
    assert pk == 0.6
    kills = 0
    expected = variance = 0.0
    for seed, events in enumerate(_arm_games()):
        # (A false alarm heading for the battery may draw a salvo too.)
        fired = [e for e in _launches(events, "Guard") if e.threat_class == "arm"]
        assert fired, f"seed {seed}: no round at the ARM"
        assert all(e.missile == MISSILE for e in fired)
        assert all(1.2 <= e.range_km <= 20.0 for e in fired)
        for e in events:
            if not (isinstance(e, InterceptResolved) and e.threat_class == "arm" and not e.reason):
                continue
            launched = next(f for f in fired if f.track == e.track)
            by_hand = pk * float(edge_factor(launched.range_km / 20.0))
            # A firm track of the ARM leaves the round all but its full kill probability.
            assert by_hand * 0.99 <= e.pk_true <= by_hand + 1e-3
            expected += e.pk_true
            variance += e.pk_true * (1.0 - e.pk_true)
            kills += int(e.killed)
    assert abs(kills - expected) <= 4.0 * math.sqrt(variance)


def test_the_arm_dies_in_as_many_games_as_a_salvo_of_two_at_its_range_gives() -> None:
    """Every game meets the ARM once, with a salvo of two, at much the same range (its
    flight is the same; the dice move only the track, by metres). With the SEAD flight
    firing from its station, that is 18.95 km: edge factor 1 - 0.5 (0.9474 - 0.7) / 0.3
    = 0.588, a round kills with 0.6 x 0.588 = 0.353 and the salvo with 1 - 0.647^2 =
    0.581. The games whose ARM dies number within four standard deviations of the sum
    of each game's salvo kill probability at its range."""
    killed = 0
    expected = variance = 0.0
    ranges = []
    for events in _arm_games():
        first = [e for e in _launches(events, "Guard") if e.threat_class == "arm"][:2]
        assert [e.turn for e in first] == [first[0].turn] * 2
        ranges.append(first[0].range_km)
        salvo = 1.0 - (1.0 - 0.6 * float(edge_factor(first[0].range_km / 20.0))) ** 2
        expected += salvo
        variance += salvo * (1.0 - salvo)
        killed += any(e.kind == "threat_destroyed" and e.threat == first[0].threat for e in events)
    assert max(ranges) - min(ranges) < 0.1
    by_hand = 1.0 - (1.0 - 0.6 * float(edge_factor(18.95 / 20.0))) ** 2
    assert by_hand == pytest.approx(0.581, abs=1e-3)
    assert abs(killed - expected) <= 4.0 * math.sqrt(variance)


def test_a_gun_engages_a_drone_only_inside_its_4_km() -> None:
    """The unit with its guns alone; a drone (1,000 m up, 50 m/s) flies at the battery
    from 30 km. Until its intercept point comes within the gun's 4 km (slant), the
    envelope says it is beyond maximum range and no burst goes; the bursts fired meet it
    between 0.2 and 4 km."""
    loaded = _variant(
        (f'loadout = {{ "{MISSILE}" = 12, "{GUN}" = 14 }}', f'loadout = {{ "{GUN}" = 14 }}'),
        ('threat = "Subsonic cruise missile"', 'threat = "Loitering munition"'),
        ('origin = [40, 85]\ntarget = "Airbase"', 'origin = [170, 100]\ntarget = "Battery"'),
        NO_SEAD,
    )
    game = Game.new(loaded, 3)
    game.step([Order(turn=1, unit="Battery", action="weapons", setting="hold")])
    sc = game.scenario
    guard, drone = np.array([1]), np.array([0])
    reasons: list[str] = []
    fired: list[MissileLaunched] = []
    while not fired:
        assert game.state.turn < 40, "the gun never fired"
        fired = _launches(game.step([]), "Guard")
        # As fire control saw it at the end of the turn (a burst fired or not).
        if game.state.track_id[drone[0]] >= 0:
            reasons.append(options(sc, game.state, guard, drone).why_not(0, 0))
    assert all(e.missile == GUN for e in fired)
    assert all(0.2 <= e.range_km <= 4.0 for e in fired)
    # Tracked from far out, it was beyond the gun's reach at every turn's end before.
    assert len(reasons) > 5
    assert set(reasons[:-1]) == {"beyond maximum range"}
    assert reasons[-1] == ""


def test_a_close_in_cruise_missile_draws_the_cheap_round_not_the_long_range_one() -> None:
    """A cruise missile appears 15 km west of the battery and flies at it. Both units
    can meet it with the same catalogue pk against a cruise missile, 0.7 (the 48N6 at a
    few per cent of its 250 km, the 57E6 inside 70 % of its 20 km: no edge loss), so a
    salvo of two of either kills with 1 - 0.3^2 = 0.91 and saves the same value v;
    the assignment's gain v x 0.91 - price then differs only by the price: 2 x 1.5 = 3
    for the 48N6 salvo, 2 x 0.1 = 0.2 for the 57E6 one. The 57E6 goes, and with one
    salvo at a target in the air (shoot-look-shoot), the 48N6 does not."""
    loaded = _variant(
        ('origin = [40, 85]\ntarget = "Airbase"', 'origin = [185, 100]\ntarget = "Battery"'),
        NO_SEAD,
    )
    assert loaded.catalogue.missiles["48N6-class"].pk["cruise_missile"] == 0.7
    assert loaded.catalogue.missiles[MISSILE].pk["cruise_missile"] == 0.7
    game = Game.new(loaded, 5)
    events: list[Event] = []
    while not _launches(events, "Guard") and not _launches(events, "Battery"):
        events += game.step([])
        assert game.state.turn < 10
    sc, st = game.scenario, game.state
    first = _launches(events, "Guard") + _launches(events, "Battery")
    assert {e.fire_unit for e in first} == {"Guard"}
    assert {e.missile for e in first} == {MISSILE}
    # Both could have fired, at the same pk within a per cent.
    both = options(sc, st, np.array([0, 1]), np.array([0]))
    assert both.missile[0, 0] == sc.m_name.index("48N6-class")
    assert first[0].pk == pytest.approx(0.7, rel=0.01)
    assert both.pk[0, 0] == pytest.approx(0.7, rel=0.01)


def test_a_unit_that_protects_the_battery_leaves_a_cruise_missile_bound_elsewhere() -> None:
    """The cruise missile flies along y = 85 to the airbase, passing 15 km from the
    unit: inside the 57E6's reach. Protecting the battery, the unit lets it go; with no
    site to protect, it engages it like any fire unit."""
    guarding = _play(load_campaign(FIXTURE), 2, turns=36)
    assert not [e for e in _launches(guarding, "Guard") if e.threat_class == "cruise_missile"]
    free = _play(_variant(('protects = "Battery"\n', "")), 2, turns=36)
    at_cruise = [e for e in _launches(free, "Guard") if e.threat_class == "cruise_missile"]
    assert at_cruise
    assert all(e.range_km <= 20.0 for e in at_cruise)


def test_a_unit_that_protects_a_site_still_defends_itself() -> None:
    """With the battery silent, the unit is the only emitter: the ARM goes at it, and it
    engages the ARM though the site it protects is the battery."""
    loaded = _variant(
        ('loadout = { "48N6-class" = 8 }\n', 'loadout = { "48N6-class" = 8 }\nemitting = false\n'),
    )
    events = _play(loaded, 1, turns=19, hold_battery=False)
    arm = next(e for e in events if e.kind == "arm_launched")
    assert arm.radar == "Guard"  # type: ignore[attr-defined]
    assert [e for e in _launches(events, "Guard") if e.threat_class == "arm"]


@pytest.mark.parametrize("name", ["first-contact", "northern-screen"])
def test_a_campaign_without_point_defence_plays_as_with_a_catalogue_without_it(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The point-defence types in the built-in catalogue change nothing in a campaign
    that does not use them: the same game, event for event, as under the catalogue
    without them."""
    path = CAMPAIGNS / f"{name}.toml"
    with_them = load_campaign(path)
    full = catalogue_module.builtin_catalogue()

    def without_them() -> Catalogue:
        kept = {
            kind: [t for t in getattr(full, kind) if t.name not in names]
            for kind, names in POINT_DEFENCE_TYPES.items()
        }
        return full.model_copy(update=kept)

    monkeypatch.setattr(catalogue_module, "builtin_catalogue", without_them)
    without = load_campaign(path)
    assert MISSILE in with_them.catalogue.missiles
    assert MISSILE not in without.catalogue.missiles
    games = [Game.new(loaded, 7) for loaded in (with_them, without)]
    for _ in range(with_them.campaign.clock.turn_limit):
        a, b = (game.step([]) for game in games)
        assert a == b
        if games[0].state.over:
            break
    assert games[1].state.over == games[0].state.over
