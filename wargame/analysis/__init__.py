"""Analysis over many games: Monte Carlo over seeds, plans compared on the same
seeds (common random numbers), and analytic expectations beside the simulated means.

`analyze(campaign, plan, seeds, against=...)` returns a typed `Analysis`;
`render_text`, `render_json` and `render_html` show it. Plans come from `plans`
(default doctrine, an orders file, a player's save). Names are imported on first
use, so that importing the package loads neither numpy nor the engine.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wargame.analysis.monte_carlo import Analysis, PlanResults, analyze
    from wargame.analysis.plans import Plan, default_plan, orders_plan, save_plan

_HOMES = {
    "Analysis": "monte_carlo",
    "PlanResults": "monte_carlo",
    "analyze": "monte_carlo",
    "Plan": "plans",
    "default_plan": "plans",
    "orders_plan": "plans",
    "save_plan": "plans",
}

__all__ = ["Analysis", "Plan", "PlanResults", "analyze", "default_plan", "orders_plan", "save_plan"]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'wargame.analysis' has no attribute '{name}'")
    return getattr(importlib.import_module(f"wargame.analysis.{home}"), name)
