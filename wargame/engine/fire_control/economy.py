"""Economy of fire: what a shot is worth against its price.

A track's value is the damage it would do where it seems to head plus its own cost,
with urgency; a missile type is chosen for its expected gain net of the round's price,
and automatic fire holds a costly round where a cheaper type of the same unit will
have as good a shot later (`cheaper_later`, on the track's path to what it seems to
head for: `path_velocity`). Called by the envelope (`pair_options`, the best type per
pair) and by planning (the values the assignment weighs).
"""

from __future__ import annotations

import numpy as np

from wargame.campaign import ThreatClass
from wargame.engine.assessment import aimed_site, heading_for
from wargame.engine.discrimination import shown_decoy
from wargame.engine.geometry import HORIZON_KM_PER_SQRT_M
from wargame.engine.scenario import CLASS_CODE, CLASSES, Scenario
from wargame.engine.state import State
from wargame.engine.terrain import Sight

URGENCY_S = 300.0
"""A threat this many seconds from its target is worth 1.5 times one far away."""
HELD_FOR_CHEAPER = np.isin(
    np.arange(len(CLASSES)),
    [CLASS_CODE[c] for c in (ThreatClass.DRONE, ThreatClass.CRUISE_MISSILE, ThreatClass.DECOY)],
)
"""Classes (as the radars take them) whose costly round may wait for a cheaper one:
expendable threats flying straight on to their target, so that the later shot comes.
Not aircraft (they turn, release their weapons short of their target, or loiter), nor
anti-radiation or ballistic missiles (no time, no straight course)."""


def assess(
    sc: Scenario, st: State, threats: np.ndarray, ttg: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """(value, seconds to go) per track, from one reading of the tracks' headings. What
    killing a threat is worth, as the command post judges it from the track: the damage
    it would do where it seems to head (a decoy is valued as what it mimics until it is
    judged a decoy, then at nothing), plus its own cost, with urgency."""
    damage, heading_ttg = heading_for(sc, st, threats)
    if ttg is None:
        ttg = heading_ttg
    own = sc.t_apparent_cost[threats] * sc.loaded.campaign.scoring.threat_cost_destroyed
    urgency = 1.0 + URGENCY_S / (URGENCY_S + np.minimum(ttg, 1e9))
    # A track judged a decoy (`discrimination`) is worth no round.
    real = ~shown_decoy(st, threats)
    return np.asarray((damage + own) * urgency * real), ttg


def path_velocity(
    sc: Scenario,
    st: State,
    threats: np.ndarray,
    x: np.ndarray,
    y: np.ndarray,
    vx: np.ndarray,
    vy: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """(vx, vy) per track of `threats` (at x, y now, estimated velocity vx, vy) as the
    economy of fire takes it to fly on: an expendable threat of `HELD_FOR_CHEAPER` that
    seems to head for a blue site (`aimed_site`) flies at its speed straight to that
    site, the damage there being what it is valued for; any other keeps its estimate.
    The estimate's heading is off by its error, drawn afresh with each update: judged
    on it, whether a cheaper round gets its shot would come out differently from turn to
    turn, and the costly round would go on whichever turn's heading points wide, the
    more often the more turns a minute holds. The site does not move."""
    vx, vy = vx.copy(), vy.copy()
    expendable = HELD_FOR_CHEAPER[st.track_class[threats]].nonzero()[0]
    if expendable.size == 0:
        return vx, vy
    site, _ = aimed_site(sc, st, threats[expendable])
    aimed = site >= 0
    rows, site = expendable[aimed], site[aimed]
    sx = np.concatenate((sc.fixed_site_x, st.r_x))[site]
    sy = np.concatenate((sc.fixed_site_y, st.r_y))[site]
    dx, dy = sx - x[rows], sy - y[rows]
    scale = np.hypot(vx[rows], vy[rows]) / np.maximum(np.hypot(dx, dy), 1e-9)
    vx[rows], vy[rows] = dx * scale, dy * scale
    return vx, vy


def cheaper_later(
    sc: Scenario,
    turn: int,
    slots: np.ndarray,
    best: np.ndarray,
    best_net: np.ndarray,
    has: np.ndarray,
    px: np.ndarray,
    py: np.ndarray,
    vx: np.ndarray,
    vy: np.ndarray,
    alt: np.ndarray,
    radars: np.ndarray,
    usable: np.ndarray,
    nominal: np.ndarray,
    value: np.ndarray,
    ttg: np.ndarray,
    sight: Sight | None = None,
) -> np.ndarray:
    """Economy of fire: per pair, whether a cheaper missile type of the same unit will get
    a shot as good later, so that this turn's costly round is held: a drone is left to
    the 9M96 that will meet it, not given a 48N6. Only for the classes of
    `HELD_FOR_CHEAPER` as the radars take them: expendable threats flying straight on to
    their target. The track is taken to fly on at v, as the caller gives it (fire
    control: `path_velocity`), p + v t from the unit's radar, at its altitude. The later
    shot judged is the first at full kill probability: an intercept where the track
    comes within 70 % of the cheaper missile's maximum (slant) range (and the radar
    horizon, and with terrain, `sight`, in the radar's sight over the ground, the
    track's altitude taken above the ground beneath it; a turn's
    flight further on, still outside its minimum range, as the launch waits for a
    turn's end), whose launch is a turn or more away, and which falls more
    than a turn before the track does its harm (reaches its target, or its weapons'
    release range short of it) and before the game's last turn. It is as good if its
    expected gain net of its price, pk x value - price, is at least that of the best
    round now. `px` ... `vy` and `alt` are (P, 1); `usable` and `nominal` (P, M); the
    rest (P,)."""
    cost = sc.m_cost
    # (P, M): the types cheaper than each pair's best, loaded, whose altitude band holds
    # the track's, and whose shot at full kill probability would gain as much.
    gain = nominal * value[:, None] - cost
    better = (cost < cost[best][:, None]) & (usable > 0) & (gain >= best_net[:, None])
    better &= HELD_FOR_CHEAPER[sc.t_apparent_class[slots]][:, None]
    better &= (alt >= sc.m_min_alt) & (alt <= sc.m_max_alt)
    better &= has[:, None]
    candidates: np.ndarray = better.any(axis=1)
    if not np.count_nonzero(candidates):
        return candidates
    rows = candidates.nonzero()[0]
    # (Small plans: every row is a candidate, and gathering them would cost more.)
    at: slice | np.ndarray = slice(None) if rows.size == best.size else rows
    px, py, vx, vy, alt = px[at], py[at], vx[at], vy[at], alt[at]
    if sight is None:
        horizon = HORIZON_KM_PER_SQRT_M * (
            sc.r_sqrt_height[radars[at]][:, None] + np.sqrt(np.maximum(alt, 0.0))
        )
    else:  # its altitude is above the ground beneath it: where it is now, for the reach
        now = sight.sites[radars[at]]
        height = alt + sight.ground_at(now[:, :1] + px, now[:, 1:] + py)
        horizon = HORIZON_KM_PER_SQRT_M * (
            sight.sqrt_top[radars[at]][:, None] + np.sqrt(np.maximum(height, 0.0))
        )
    # 70 % of the range is a slant range: over the ground, less at the track's height.
    height2 = alt * 1e-3
    height2 *= height2
    slant = 0.7 * sc.m_max_range
    full = np.minimum(np.sqrt(np.maximum(slant * slant - height2, 0.0)), horizon)
    # When the track comes within `full`: |p + v s| = full, the smaller root (if ahead).
    a = vx * vx + vy * vy
    b = px * vx + py * vy
    disc = b * b - a * (px * px + py * py - full * full)
    meets = (a > 1e-12) & (disc >= 0.0) & (full > 0.0)
    enter = (-b - np.sqrt(np.where(meets, disc, 0.0))) / np.where(meets, a, 1.0)
    if sight is not None:  # the later intercept point, lifted by the ground there, in sight
        meets &= sight.sees(radars[at][:, None], px + vx * enter, py + vy * enter, alt)
    # The missile meets it there if launched at enter - flight: a turn or more away.
    meets &= enter - np.sqrt(full * full + height2) / sc.m_speed >= sc.dt
    # And more than a turn before the track does its harm (a threat that releases its
    # weapons does so short of its target, as far as the type it is taken for does), and
    # before the game ends.
    speed = np.sqrt(a)
    release = sc.t_apparent_release_km[slots[at]][:, None] / np.maximum(speed, 1e-9)
    deadline = np.minimum(ttg[at][:, None] - release, (sc.turn_limit - turn) * sc.dt)
    meets &= enter + sc.dt < deadline
    # A turn's flight further on (head-on), it is still outside the minimum range.
    further = full - speed * sc.dt
    meets &= further >= 0.0
    further *= further
    meets &= further + height2 >= sc.m_min_range * sc.m_min_range
    hold = np.zeros(best.size, dtype=bool)
    hold[at] = (meets & better[at]).any(axis=1)
    return hold
