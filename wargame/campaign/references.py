"""Cross-references within a campaign: the checks a schema cannot make.

A name must name something (a radar type, a command post, a place, a target), names
must be unique, a fire unit's loadout must fit its launchers, a decoy must mimic a
known type. The loader runs `check_references` on a campaign whose shape is valid
and places each (path, why) it yields on its line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from wargame.campaign.catalogue import MergedCatalogue
from wargame.campaign.hints import check_hints
from wargame.campaign.injects import check_injects
from wargame.campaign.locate import LineFinder, PathKey
from wargame.campaign.objectives import NEEDS, OPTIONAL_FIELDS
from wargame.campaign.reading import dotted, shown, suggest
from wargame.campaign.schema import Campaign, Raid, ThreatClass, ThreatType, Waypoint


def _unknown(what: str, name: str, choices: Iterable[str]) -> str:
    return f"unknown {what} {shown(name)}{suggest(name, choices)}"


# ---------------------------------------------------------------- cross-references


def check_references(
    campaign: Campaign, catalogue: MergedCatalogue, lines: LineFinder | None = None
) -> Iterator[tuple[PathKey, str]]:
    """Every reference between parts of a valid-shaped campaign, checked; yields (path, why)."""
    places = {p.name: p.position for p in campaign.map.places}
    width, height = campaign.map.width_km, campaign.map.height_km

    yield from _unique_names(campaign, lines)
    yield from _catalogue_problems(catalogue)
    yield from _weapon_problems(catalogue)

    def position(path: PathKey, pos: tuple[float, float] | str) -> Iterator[tuple[PathKey, str]]:
        if isinstance(pos, str):
            if pos not in places:
                yield path, _unknown("place", pos, places)
            return
        x, y = pos
        if not (0.0 <= x <= width and 0.0 <= y <= height):
            yield path, f"[{x:g}, {y:g}] is off the map (0..{width:g} x 0..{height:g} km)"

    for i, place in enumerate(campaign.map.places):
        yield from position(("map", "places", i, "position"), place.position)

    blue = campaign.blue
    cps = [cp.name for cp in blue.command_posts]
    if not cps:
        yield ("blue", "command_posts"), "at least one command post is needed"
    if not blue.fire_units:
        yield ("blue", "fire_units"), "at least one fire unit is needed"
    if not blue.assets:
        yield ("blue", "assets"), "at least one defended asset is needed"
    for i, cp in enumerate(blue.command_posts):
        yield from position(("blue", "command_posts", i, "position"), cp.position)
    for i, radar in enumerate(blue.radars):
        base: PathKey = ("blue", "radars", i)
        yield from position((*base, "position"), radar.position)
        if radar.type not in catalogue.radars:
            yield (*base, "type"), _unknown("radar type", radar.type, catalogue.radars)
        if radar.command_post not in cps:
            yield (*base, "command_post"), _unknown("command post", radar.command_post, cps)
    for i, unit in enumerate(blue.fire_units):
        base = ("blue", "fire_units", i)
        yield from position((*base, "position"), unit.position)
        radar_type = catalogue.radars.get(unit.radar)
        if radar_type is None:
            yield (*base, "radar"), _unknown("radar type", unit.radar, catalogue.radars)
        elif radar_type.guidance_channels < 1:
            guiding = [n for n, r in catalogue.radars.items() if r.guidance_channels > 0]
            yield (
                (*base, "radar"),
                (
                    f"radar type {shown(unit.radar)} cannot guide missiles "
                    "(its guidance_channels is 0); an engagement radar such as "
                    f"{shown(guiding[0], limit=80)} can"
                    if guiding
                    else f"radar type {shown(unit.radar)} cannot guide missiles "
                    "(its guidance_channels is 0)"
                ),
            )
        if unit.command_post not in cps:
            yield (*base, "command_post"), _unknown("command post", unit.command_post, cps)
        launcher = catalogue.launchers.get(unit.launcher)
        if launcher is None:
            yield (*base, "launcher"), _unknown("launcher type", unit.launcher, catalogue.launchers)
        tubes_needed = 0
        for table in ("loadout", "reloads"):
            for missile, count in getattr(unit, table).items():
                if missile not in catalogue.missiles:
                    yield (
                        (*base, table, missile),
                        _unknown("missile type", missile, catalogue.missiles),
                    )
                elif table == "loadout":
                    tubes_needed += -(-count // catalogue.missiles[missile].per_tube)
        if not any(unit.loadout.values()):
            yield (*base, "loadout"), "a fire unit needs at least one missile on its launchers"
        if launcher is not None and tubes_needed > unit.launchers * launcher.tubes:
            have = unit.launchers * launcher.tubes
            yield (
                (*base, "loadout"),
                (
                    f"needs {tubes_needed} tubes but {_plural(unit.launchers, 'launcher')} of "
                    f"{_plural(launcher.tubes, 'tube')} "
                    f"{'holds' if unit.launchers == 1 else 'hold'} {have}"
                ),
            )
    for i, asset in enumerate(blue.assets):
        yield from position(("blue", "assets", i, "position"), asset.position)

    targets = (
        [a.name for a in blue.assets]
        + cps
        + [r.name for r in blue.radars]
        + [u.name for u in blue.fire_units]
    )
    for i, unit in enumerate(blue.fire_units):
        # Point defence guards a blue site: any name a raid could aim at, but itself.
        if unit.protects is not None and unit.protects not in targets:
            yield (
                ("blue", "fire_units", i, "protects"),
                _unknown("site", unit.protects, targets),
            )
        elif unit.protects == unit.name:
            yield (
                ("blue", "fire_units", i, "protects"),
                "a unit guards itself without saying so: name another site, or leave it out",
            )
    red = campaign.red
    if not red.raids:
        yield ("red", "raids"), "at least one raid is needed"
    limit = campaign.clock.turn_limit

    def in_time(path: PathKey, turn: int) -> Iterator[tuple[PathKey, str]]:
        if turn > limit:
            yield (*path, "turn"), f"turn {turn} is after the turn limit {limit} (clock.turn_limit)"

    for i, raid in enumerate(red.raids):
        base = ("red", "raids", i)
        yield from in_time(base, raid.turn)
        threat = catalogue.threats.get(raid.threat)
        if threat is None:
            yield (*base, "threat"), _unknown("threat type", raid.threat, catalogue.threats)
        elif threat.threat_class == ThreatClass.ARM:
            yield (
                (*base, "threat"),
                ("anti-radiation missiles are launched by sead flights, not raids"),
            )
        yield from position((*base, "origin"), raid.origin)
        for k, point in enumerate(raid.waypoints):
            if isinstance(point, Waypoint):
                yield from _position_known((*base, "waypoints", k, "at"), point.at, places)
            else:
                yield from _position_known((*base, "waypoints", k), point, places)
        yield from _flight_profile(base, raid, threat)
        if raid.target not in targets:
            yield (*base, "target"), _unknown("target", raid.target, targets)
        yield from _raid_release(base, raid, threat, catalogue, targets)
        for k, point in enumerate(raid.home):
            yield from _position_known((*base, "home", k), point, places)
    for i, flight in enumerate(red.sead):
        base = ("red", "sead", i)
        yield from in_time(base, flight.turn)
        aircraft = catalogue.threats.get(flight.aircraft)
        if aircraft is None:
            yield (*base, "aircraft"), _unknown("threat type", flight.aircraft, catalogue.threats)
        arm = catalogue.threats.get(flight.arm)
        if arm is None:
            yield (*base, "arm"), _unknown("threat type", flight.arm, catalogue.threats)
        elif arm.threat_class != ThreatClass.ARM:
            yield (
                (*base, "arm"),
                (f"threat type {shown(flight.arm)} is not an anti-radiation missile (class arm)"),
            )
        yield from position((*base, "origin"), flight.origin)
        yield from position((*base, "station"), flight.station)
    for i, jammer in enumerate(red.jammers):
        base = ("red", "jammers", i)
        yield from in_time(base, jammer.turn)
        aircraft = catalogue.threats.get(jammer.aircraft)
        if aircraft is None:
            yield (*base, "aircraft"), _unknown("threat type", jammer.aircraft, catalogue.threats)
        elif aircraft.jammer_jnr_db is None:
            yield (
                (*base, "aircraft"),
                (
                    f"threat type {shown(jammer.aircraft)} carries no jammer "
                    "(it has no jammer_jnr_db)"
                ),
            )
        yield from position((*base, "origin"), jammer.origin)
        yield from position((*base, "station"), jammer.station)
        if jammer.until_turn is not None and jammer.until_turn < jammer.turn:
            yield (
                (*base, "until_turn"),
                (f"until_turn {jammer.until_turn} is before its turn {jammer.turn}"),
            )
    yield from check_objectives(campaign, catalogue)
    yield from check_injects(campaign, list(catalogue.missiles))
    yield from check_hints(campaign, list(catalogue.missiles))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _position_known(
    path: PathKey, pos: tuple[float, float] | str, places: dict[str, tuple[float, float]]
) -> Iterator[tuple[PathKey, str]]:
    # Waypoints may lie off the map (a raid may route around it), but names must exist.
    if isinstance(pos, str) and pos not in places:
        yield path, _unknown("place", pos, places)


def _flight_profile(
    base: PathKey, raid: Raid, threat: ThreatType | None
) -> Iterator[tuple[PathKey, str]]:
    """A raid's flight profile and provocation fit its threat type."""
    if threat is None:
        return
    cls = threat.threat_class
    if raid.provoke and cls != ThreatClass.DRONE:
        yield (
            (*base, "provoke"),
            f"only a raid of drones (class drone) may provoke; {shown(raid.threat)} is {cls}",
        )
    elif raid.provoke and raid.waypoints:
        yield (
            (*base, "waypoints"),
            "a provoking raid flies straight at the defence and back: it flies no waypoints",
        )
    if cls != ThreatClass.BALLISTIC_MISSILE:
        return
    # A ballistic missile's flight follows from its apogee alone (and skips waypoints).
    given: list[PathKey] = [
        (*base, key)
        for key in ("attack_altitude_m", "attack_speed_mps")
        if getattr(raid, key) is not None
    ]
    for k, point in enumerate(raid.waypoints):
        if isinstance(point, Waypoint):
            given += [
                (*base, "waypoints", k, key)
                for key in ("altitude_m", "speed_mps")
                if getattr(point, key) is not None
            ]
    for path in given:
        yield path, "a ballistic missile flies its own profile: it takes no altitude or speed"


def _unique_names(campaign: Campaign, lines: LineFinder | None) -> Iterator[tuple[PathKey, str]]:
    def used(name: str, first: PathKey) -> str:
        line = lines.line_of((*first, "name")) if lines is not None else None
        where = dotted(first) if line is None else f"{dotted(first)} (line {line})"
        return f"name {shown(name)} is already used by {where}"

    groups: list[tuple[PathKey, list[str]]] = [
        (("map", "places"), [p.name for p in campaign.map.places]),
        (("red", "raids"), [r.name for r in campaign.red.raids]),
        (("red", "sead"), [s.name for s in campaign.red.sead]),
        (("red", "jammers"), [j.name for j in campaign.red.jammers]),
        (("catalogue", "radars"), [t.name for t in campaign.catalogue.radars]),
        (("catalogue", "missiles"), [t.name for t in campaign.catalogue.missiles]),
        (("catalogue", "launchers"), [t.name for t in campaign.catalogue.launchers]),
        (("catalogue", "threats"), [t.name for t in campaign.catalogue.threats]),
    ]
    blue = campaign.blue
    seen: dict[str, PathKey] = {}
    for table, names in (
        (("blue", "command_posts"), [c.name for c in blue.command_posts]),
        (("blue", "radars"), [r.name for r in blue.radars]),
        (("blue", "fire_units"), [u.name for u in blue.fire_units]),
        (("blue", "assets"), [a.name for a in blue.assets]),
    ):
        # Blue names share one space: a raid's target names any of them.
        for i, unit_name in enumerate(names):
            if unit_name in seen:
                yield (*table, i, "name"), used(unit_name, seen[unit_name])
            else:
                seen[unit_name] = (*table, i)
    for group, names in groups:
        first: dict[str, int] = {}
        for i, item_name in enumerate(names):
            if item_name in first:
                yield (*group, i, "name"), used(item_name, (*group, first[item_name]))
            else:
                first[item_name] = i


def _catalogue_problems(catalogue: MergedCatalogue) -> Iterator[tuple[PathKey, str]]:
    for name, threat in catalogue.threats.items():
        where = catalogue.where(("threats", name))
        if threat.threat_class == ThreatClass.DECOY:
            if threat.mimics is None:
                yield (*where, "mimics"), "a decoy must name the threat type it mimics"
            elif threat.mimics not in catalogue.threats:
                yield (*where, "mimics"), _unknown("threat type", threat.mimics, catalogue.threats)
            elif threat.mimics == name:
                yield (*where, "mimics"), "a decoy cannot mimic itself"
        elif threat.mimics is not None:
            yield (*where, "mimics"), "only decoys (class decoy) mimic another type"
        if threat.threat_class == ThreatClass.BALLISTIC_MISSILE and threat.altitude_m <= 0.0:
            yield (
                (*where, "altitude_m"),
                (
                    f"a ballistic missile's apogee must be above 0 (its flight time follows from "
                    f"it), got {threat.altitude_m:g}"
                ),
            )
        if threat.threat_class == ThreatClass.ARM and threat.arm_range_km is None:
            yield (*where, "arm_range_km"), "an anti-radiation missile needs its launch range"
        if threat.threat_class != ThreatClass.ARM and threat.arm_range_km is not None:
            yield (
                (*where, "arm_range_km"),
                ("only anti-radiation missiles (class arm) have arm_range_km"),
            )


# ------------------------------------------------------------ stand-off weapons

UNRELEASABLE = (
    ThreatClass.FIGHTER,
    ThreatClass.BOMBER,
    ThreatClass.AWACS,
    ThreatClass.BALLISTIC_MISSILE,
    ThreatClass.ARM,
)
"""Classes no aircraft releases as a stand-off weapon. (An anti-radiation missile flies
with a SEAD flight, which aims each at an emitter it hears.)"""


def _weapon_problems(catalogue: MergedCatalogue) -> Iterator[tuple[PathKey, str]]:
    """A threat type's weapon is a catalogue type an aircraft can release."""
    for name, threat in catalogue.threats.items():
        where = catalogue.where(("threats", name))
        if threat.weapon is not None:
            yield from _weapon_known((*where, "weapon"), threat.weapon, catalogue)
            if threat.release_range_km <= 0.0:
                yield (
                    (*where, "weapon"),
                    "only a type with a release range (release_range_km > 0) releases weapons",
                )
        elif threat.weapons > 0:
            yield (*where, "weapons"), f"{threat.weapons} weapons of no type: give its weapon"


def _weapon_known(
    path: PathKey, name: str, catalogue: MergedCatalogue
) -> Iterator[tuple[PathKey, str]]:
    weapon = catalogue.threats.get(name)
    if weapon is None:
        yield path, _unknown("threat type", name, catalogue.threats)
    elif weapon.threat_class == ThreatClass.ARM:
        yield path, f"threat type {shown(name)} is an ARM: give it to a SEAD flight (red.sead)"
    elif weapon.threat_class in UNRELEASABLE:
        yield path, f"threat type {shown(name)} is {weapon.threat_class}: not a weapon to release"


def _raid_release(
    base: PathKey,
    raid: Raid,
    threat: ThreatType | None,
    catalogue: MergedCatalogue,
    targets: list[str],
) -> Iterator[tuple[PathKey, str]]:
    """A raid's later targets exist, and its weapons, load and route home suit its type."""
    for k, name in enumerate(raid.targets):
        if name not in targets:
            yield (*base, "targets", k), _unknown("target", name, targets)
    if raid.weapon is not None:
        yield from _weapon_known((*base, "weapon"), raid.weapon, catalogue)
    releases = threat is not None and threat.release_range_km > 0.0
    if threat is None or releases:
        return
    for key in ("weapon", "weapons_each", "home"):
        if getattr(raid, key):
            yield (
                (*base, key),
                f"{shown(raid.threat)} has no release range: it releases nothing and flies "
                "no route home",
            )


# ---------------------------------------------------------------- objectives

AIRCRAFT = (ThreatClass.FIGHTER, ThreatClass.BOMBER, ThreatClass.AWACS)


def check_objectives(
    campaign: Campaign, catalogue: MergedCatalogue
) -> Iterator[tuple[PathKey, str]]:
    """Each objective has the fields its kind needs and no others, and names an asset or
    a raid of aircraft that the campaign has."""
    assets = [a.name for a in campaign.blue.assets]
    raids = {r.name: r for r in campaign.red.raids}
    for i, objective in enumerate(campaign.objectives):
        base: PathKey = ("objectives", i)
        needed = NEEDS[objective.kind]
        for key in OPTIONAL_FIELDS:
            given = getattr(objective, key) is not None
            if key in needed and not given:
                yield (*base, key), f"missing required key (kind {objective.kind} needs it)"
            elif given and key not in needed:
                yield (*base, key), f"kind {objective.kind} takes no {key}"
        if "asset" in needed and objective.asset is not None and objective.asset not in assets:
            yield (*base, "asset"), _unknown("asset", objective.asset, assets)
        if "raid" in needed and objective.raid is not None:
            raid = raids.get(objective.raid)
            threat = catalogue.threats.get(raid.threat) if raid is not None else None
            if raid is None:
                yield (*base, "raid"), _unknown("raid", objective.raid, raids)
            elif threat is not None and threat.threat_class not in AIRCRAFT:
                yield (
                    (*base, "raid"),
                    f"raid {shown(objective.raid)} flies no aircraft (its threats are of class "
                    f"{threat.threat_class})",
                )
