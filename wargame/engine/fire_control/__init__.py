"""Fire control: which fire unit fires what at which track, and when.

Split along its seams: `timing` (deadlines, intercept turns, the meeting point on a
ballistic profile), `envelope` (the best missile per unit and track, or why none),
`economy` (what a shot is worth against its price), `readiness` (what a unit brings to
any shot), `planning` (manual orders first, then each command post's assignment),
`manual` (the checks of an ordered shot, for the orders phase and the fire dialog
alike) and `launch` (the planned salvos fired). The turn (`game.advance`) calls
`plan_engagements` then `launch`; the blue view and the fire dialog use the names
below.
"""

from wargame.engine.fire_control.economy import assess
from wargame.engine.fire_control.envelope import (
    REASONS,
    Options,
    options,
    options_of_missile,
    pair_options,
)
from wargame.engine.fire_control.launch import Engagement, launch
from wargame.engine.fire_control.manual import (
    TOO_LATE,
    ManualShot,
    TurnAhead,
    judge_order,
    manual_shots,
)
from wargame.engine.fire_control.planning import plan_engagements
from wargame.engine.fire_control.point_defence import site_guarded
from wargame.engine.fire_control.readiness import (
    able_fire_units,
    channels_in_use,
    free_channels,
    picture,
    salvo_size,
)
from wargame.engine.fire_control.timing import time_to_go, time_to_harm

__all__ = [
    "REASONS",
    "TOO_LATE",
    "Engagement",
    "ManualShot",
    "Options",
    "TurnAhead",
    "able_fire_units",
    "assess",
    "channels_in_use",
    "free_channels",
    "judge_order",
    "launch",
    "manual_shots",
    "options",
    "options_of_missile",
    "pair_options",
    "picture",
    "plan_engagements",
    "salvo_size",
    "site_guarded",
    "time_to_go",
    "time_to_harm",
]
