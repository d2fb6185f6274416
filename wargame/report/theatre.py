"""The ground truth and the radars' picture of a finished game, turn by turn, for the
engagement map.

`theatre_of(campaign, seed, orders)` plays the game again from its campaign, seed and
orders (what a save holds: the same seed and orders give the same game) and keeps,
per turn, where every threat truly was and where each track put it. It keeps nothing
else of the states, so a game of 10,000 threats costs a few arrays per turn.

The CLI's `report` and the TUI's report screen pass the result to `build_aar`
(`theatre=`); `svg_map.py` and `map_text.py` draw it. A save of other rules may play
differently from some turn on: the paths stop there (`diverged_at`). It also keeps each
radar's jam strobes, turn by turn, and what the game started from, so that the rounds
left and the score's parts over time (`over_time.py`) can be read from the events.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from wargame.campaign import LoadedCampaign
from wargame.campaign.schema import ThreatClass
from wargame.engine import ACTIVE, Game, Order, Scenario, State
from wargame.engine.events import Event, Leaker, RadarDestroyed, TrackInitiated
from wargame.report.over_time import Basis, OverTime, over_time
from wargame.view.picture import unit_status

Point = tuple[float, float]
CLASS_NAMES = tuple(str(c) for c in ThreatClass)
"""The class of each code the engine's arrays hold (its codes follow `ThreatClass`'s order)."""


@dataclass(frozen=True)
class Site:
    """Something on the ground: a place, an asset, a command post, a radar or a fire unit."""

    name: str
    kind: str
    """place, asset, command_post, radar or fire_unit."""
    x: float
    y: float


@dataclass(frozen=True)
class Reach:
    """How far a fire unit's missile of one type reaches, from where it stood at the start."""

    fire_unit: str
    missile: str
    x: float
    y: float
    km: float


@dataclass(frozen=True)
class Path:
    """One threat's flight (or one track's), a point at the end of each turn from `first_turn`."""

    ident: int
    """The threat's id (or the track's number)."""
    threat_class: str
    """Its true class (for a track: the class it appeared to be)."""
    first_turn: int
    points: tuple[Point, ...]

    def at(self, turn: int) -> Point:
        """Where it was at the end of `turn` (its first or last point outside its flight)."""
        i = min(max(turn - self.first_turn, 0), len(self.points) - 1)
        return self.points[i]


@dataclass(frozen=True)
class Strobe:
    """A radar hears a noise jammer: the bearing its noise comes from, on one turn."""

    turn: int
    radar: str
    jammer: int
    """The jammer's threat id (the radar measures no range: the map knows it from the truth)."""
    bearing_deg: float
    """Compass bearing from the radar, 0 north, clockwise."""
    jnr_db: float
    x: float
    """Where the radar stood, km."""
    y: float


@dataclass(frozen=True)
class Theatre:
    """The map of a game: its extent, what stood on it, and what flew over it."""

    width_km: float
    height_km: float
    sites: tuple[Site, ...]
    reaches: tuple[Reach, ...]
    paths: tuple[Path, ...]
    """Every threat that entered, by the truth."""
    tracks: tuple[Path, ...]
    """Every track, as the radars reported it."""
    strikes: tuple[tuple[int, str, bool], ...] = ()
    """(threat, target, damaged) of every leaker."""
    arm_hits: tuple[tuple[int, str], ...] = ()
    """(threat, radar) of every radar an anti-radiation missile destroyed."""
    diverged_at: int | None = None
    """The first turn today's rules played differently from the recorded game (None: none)."""
    jammers: tuple[int, ...] = ()
    """Threat ids of the noise jammers that flew (their paths are among `paths`)."""
    strobes: tuple[Strobe, ...] = ()
    """Every jam strobe of every turn, by turn, radar and bearing."""
    over_time: OverTime | None = None
    """Rounds left by type and the score's parts, turn by turn, from the events."""

    def last_strobes(self) -> list[Strobe]:
        """Each (radar, jammer) pair's strobe on the last turn the radar heard that jammer."""
        last = {(s.radar, s.jammer): s for s in self.strobes}
        return sorted(last.values(), key=lambda s: (s.radar, s.jammer))

    def site(self, name: str) -> Site | None:
        return next((s for s in self.sites if s.name == name and s.kind != "place"), None)


def _sites(game: Game) -> list[Site]:
    sc, st = game.scenario, game.state
    spec = sc.loaded.campaign.map
    sites = [Site(p.name, "place", float(p.position[0]), float(p.position[1])) for p in spec.places]
    for name, (x, y) in zip(sc.a_name, sc.a_position.tolist(), strict=True):
        sites.append(Site(name, "asset", x, y))
    for name, (x, y) in zip(sc.c_name, sc.c_position.tolist(), strict=True):
        sites.append(Site(name, "command_post", x, y))
    fire_unit_radars = {int(r) for r in sc.f_radar.tolist()}
    for r, name in enumerate(sc.r_name):
        kind = "fire_unit" if r in fire_unit_radars else "radar"
        sites.append(Site(name, kind, float(st.r_x[r]), float(st.r_y[r])))
    return sites


def _reaches(game: Game) -> list[Reach]:
    sc, st = game.scenario, game.state
    carried = sc.f_initial_ready + st.stock
    reaches = []
    for f, name in enumerate(sc.f_name):
        r = int(sc.f_radar[f])
        for m, missile in enumerate(sc.m_name):
            if carried[f, m] > 0:
                reaches.append(
                    Reach(
                        name, missile, float(st.r_x[r]), float(st.r_y[r]), float(sc.m_max_range[m])
                    )
                )
    return reaches


def _basis(game: Game) -> Basis:
    sc, st = game.scenario, game.state
    carried = (st.ready + st.stock).sum(axis=0).tolist()
    scoring = sc.loaded.campaign.scoring
    weights = (  # the campaign's scoring, in `SCORE_PARTS` order
        scoring.asset_value_kept,
        scoring.threat_cost_destroyed,
        scoring.interceptor_cost,
        scoring.over_budget,
        scoring.asset_value_lost,
        scoring.radar_lost,
    )
    return Basis(
        rounds={m: int(n) for m, n in zip(sc.m_name, carried, strict=True) if n > 0},
        asset_values=dict(zip(sc.a_name, sc.a_value.tolist(), strict=True)),
        asset_priorities=dict(zip(sc.a_name, st.asset_priority.tolist(), strict=True)),
        weights=weights,
        interceptor_budget=scoring.interceptor_budget,
    )


def compass(dx: float, dy: float) -> float:
    """Compass bearing of (dx, dy) km, 0 north, clockwise, in degrees."""
    return math.degrees(math.atan2(dx, dy)) % 360.0


def _strobes(sc: Scenario, st: State) -> list[Strobe]:
    """This turn's strobes, as each radar on the air hears them (the blue view's
    `jamming`), each put to the jammer it points at: a strobe says the bearing, not who."""
    jammers = [int(j) for j in sc.noise_slots.tolist() if st.status[j] == ACTIVE]
    on_air = st.emitting & st.radar_alive & (st.ready_turn <= st.turn)
    out = []
    for r in on_air.nonzero()[0].tolist() if jammers else ():
        rx, ry = float(st.r_x[r]), float(st.r_y[r])
        free = list(jammers)
        for bearing, jnr in sorted(unit_status(sc, st, r).jamming):

            def off(j: int, rx: float = rx, ry: float = ry, b: float = bearing) -> float:
                d = abs(compass(float(st.x[j]) - rx, float(st.y[j]) - ry) - b) % 360.0
                return min(d, 360.0 - d)

            jammer = min(free or jammers, key=off)
            if jammer in free:
                free.remove(jammer)
            out.append(
                Strobe(st.turn, sc.r_name[r], jammer, round(bearing, 2), round(jnr, 1), rx, ry)
            )
    return out


def theatre_of(
    campaign: LoadedCampaign,
    seed: int,
    orders: Sequence[Sequence[Order]],
    recorded: Sequence[Sequence[Event]] = (),
) -> Theatre:
    """Play the game again and keep its paths. `orders[t]` are the orders of turn t (turn 0's
    are ignored, as a save keeps none); `recorded[t]`, if given, the events the save holds
    for turn t: where today's rules first play otherwise, the paths stop."""
    game = Game.new(campaign, seed)
    sc = game.scenario
    sites, reaches = _sites(game), _reaches(game)
    basis = _basis(game)
    played: list[Sequence[Event]] = [()]
    strobes: list[Strobe] = []
    noisy = sc.noise_slots.size > 0
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    flying: list[np.ndarray] = []
    txs: list[np.ndarray] = []
    tys: list[np.ndarray] = []
    held: list[np.ndarray] = []
    track_class: dict[int, str] = {}
    strikes: list[tuple[int, str, bool]] = []
    arm_hits: list[tuple[int, str]] = []
    diverged = None
    for turn, turn_orders in enumerate(orders[1:], start=1):
        if game.over:
            break
        before = game.state.status == ACTIVE
        try:
            events = game.step(list(turn_orders))
        except Exception:  # a save of other rules may order what today's refuse
            diverged = turn
            break
        if turn < len(recorded) and [e.to_dict() for e in events] != [
            e.to_dict() for e in recorded[turn]
        ]:
            diverged = turn
            break
        played.append(events)
        st = game.state
        if noisy:
            strobes += _strobes(sc, st)
        xs.append(st.x.copy())
        ys.append(st.y.copy())
        # In the air at the end of the turn, or at the start of it (its last point: where it
        # was killed, struck or left).
        up = (st.status == ACTIVE) | before
        up[sc.false_slots] = False  # a false track's slot: nothing flew (its track is drawn)
        flying.append(up)
        txs.append(st.track_x.copy())
        tys.append(st.track_y.copy())
        held.append(st.track_id.copy())
        for e in events:
            if isinstance(e, TrackInitiated):
                track_class[e.track] = e.threat_class
            elif isinstance(e, Leaker):
                strikes.append((e.threat, e.target, e.damaged))
            elif isinstance(e, RadarDestroyed) and e.by == "arm":
                arm_hits.append((e.threat, e.radar))
    classes = [CLASS_NAMES[c] for c in sc.t_class.tolist()]
    paths = _paths(xs, ys, flying, classes)
    tracks = _track_paths(txs, tys, held, track_class)
    spec = sc.loaded.campaign.map
    flew = {p.ident for p in paths}
    # The recorded events run to the game's end even where today's rules play otherwise.
    turns = recorded if len(recorded) > 1 else played
    return Theatre(
        width_km=float(spec.width_km),
        height_km=float(spec.height_km),
        sites=tuple(sites),
        reaches=tuple(reaches),
        paths=paths,
        tracks=tracks,
        strikes=tuple(strikes),
        arm_hits=tuple(arm_hits),
        diverged_at=diverged,
        jammers=tuple(j for j in sc.noise_slots.tolist() if j in flew),
        strobes=tuple(strobes),
        over_time=over_time(basis, turns),
    )


def _paths(
    xs: list[np.ndarray], ys: list[np.ndarray], flying: list[np.ndarray], classes: list[str]
) -> tuple[Path, ...]:
    if not xs:
        return ()
    x, y, up = np.stack(xs), np.stack(ys), np.stack(flying)  # (turns, N)
    paths = []
    for j in np.flatnonzero(up.any(axis=0)).tolist():
        turns = np.flatnonzero(up[:, j])
        first, last = int(turns[0]), int(turns[-1])
        points = tuple(
            zip(
                np.round(x[first : last + 1, j], 2).tolist(),
                np.round(y[first : last + 1, j], 2).tolist(),
                strict=True,
            )
        )
        paths.append(Path(j, classes[j], first + 1, points))
    return tuple(paths)


def _track_paths(
    xs: list[np.ndarray], ys: list[np.ndarray], held: list[np.ndarray], classes: dict[int, str]
) -> tuple[Path, ...]:
    if not xs:
        return ()
    x, y, ids = np.stack(xs), np.stack(ys), np.stack(held)
    points: dict[int, list[Point]] = {}
    first: dict[int, int] = {}
    for t in range(ids.shape[0]):
        for j in np.flatnonzero(ids[t] >= 0).tolist():
            track = int(ids[t, j])
            first.setdefault(track, t + 1)
            points.setdefault(track, []).append(
                (round(float(x[t, j]), 2), round(float(y[t, j]), 2))
            )
    return tuple(
        Path(track, classes.get(track, "unknown"), first[track], tuple(pts))
        for track, pts in sorted(points.items())
    )
