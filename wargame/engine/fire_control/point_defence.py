"""Point defence: a fire unit that protects a site keeps its automatic fire for what
comes at that site and at itself.

A campaign's fire unit may name the site it `protects` (an asset, command post, radar
or fire unit). Its automatic fire then takes only the tracks that seem to head
(threat evaluation: `assessment.aimed_site`) for a site standing within `SAME_SITE_KM`
of the protected site or of the unit itself: a short-range unit with a dozen rounds
spends them on what comes at what it guards, not on what passes by on its way
elsewhere. Once the protected site is destroyed, the unit guards itself (and what
stands with it). A shot the player orders is his call, as with the standing orders.

Called by planning (`_salvos`) beside the standing orders' holds. Everything else a
point-defence unit is (its radar, rounds, gun bursts) is catalogue data, weighed by
fire control like any other unit's.
"""

from __future__ import annotations

import numpy as np

from wargame.engine.assessment import aimed_site, site_names
from wargame.engine.geometry import SAME_SITE_KM
from wargame.engine.scenario import Scenario
from wargame.engine.state import State


def protected_sites(sc: Scenario) -> np.ndarray:
    """(F,) the site each fire unit protects, as `assessment.site_names` counts them
    (assets, command posts, radars); -1 for a unit that protects none."""
    units = sc.loaded.campaign.blue.fire_units
    named = [u.protects for u in units]
    if not any(named):
        return np.full(len(units), -1, dtype=np.int64)
    index = {name: i for i, name in enumerate(site_names(sc))}
    # (The loader has checked each name; an unknown one guards the unit alone.)
    return np.array([-1 if n is None else index.get(n, -2) for n in named], dtype=np.int64)


def site_guarded(sc: Scenario, st: State, fire_unit: int) -> tuple[str, bool]:
    """The site a fire unit protects ('' for none) and whether it still stands: once it
    is destroyed the unit guards only itself (`guards`), as the unit panel says."""
    site = int(protected_sites(sc)[fire_unit])
    if site < 0:
        return "", False
    standing = np.concatenate((sc.asset_standing, st.cp_alive, st.radar_alive))
    return site_names(sc)[site], bool(standing[site])


def guards(sc: Scenario, st: State, pair_unit: np.ndarray, pair_slot: np.ndarray) -> np.ndarray:
    """(P,) whether each unit's automatic fire may take its pair's track: always for a
    unit that protects no site; for one that does, only where the track seems to head
    for a site within `SAME_SITE_KM` of the protected site or of the unit itself."""
    protected = protected_sites(sc)
    may = np.ones(pair_unit.size, dtype=bool)
    limited = (protected[pair_unit] != -1).nonzero()[0]
    if limited.size == 0:
        return may
    slots, at = np.unique(pair_slot[limited], return_inverse=True)
    site, _ = aimed_site(sc, st, slots)
    site = site[at]
    aimed = site >= 0
    sx = np.concatenate((sc.fixed_site_x, st.r_x))
    sy = np.concatenate((sc.fixed_site_y, st.r_y))
    units = pair_unit[limited]
    own = sc.f_radar[units] + len(sc.fixed_site_x)  # the unit's own radar, as a site
    guarded = protected[units]
    near_self = np.hypot(sx[site] - sx[own], sy[site] - sy[own]) <= SAME_SITE_KM
    known = guarded >= 0
    near_site = np.hypot(sx[site] - sx[guarded], sy[site] - sy[guarded]) <= SAME_SITE_KM
    may[limited] = aimed & (near_self | (known & near_site))
    return may
