"""An analysis as one JSON object (`wargame analyze --json`).

Its keys: `campaign`, `title`, `runs`, `seed` (the first; the runs play seed,
seed + 1, ...), `plan`, `score` (`mean`, `sd`, `ci95`, `p5`, `p50`, `p95`, `min`,
`max`, `histogram`), `outcomes`, `grades` (shares A to F), `terminations`, `leakers`,
`rounds`, `damage` (each a distribution per class, missile type or asset), `kills`
with its analytic `expected`, `orders_refused`; with a second plan, `against` (the same for it) and
`paired` (`better_share`, `worse_share`, `tie_share`, `mean_difference`, `sd`,
`ci95`: the first plan's score minus the second's, seed by seed).
"""

from __future__ import annotations

import math
from typing import Any

from wargame.analysis.monte_carlo import Analysis, PlanResults
from wargame.analysis.stats import Distribution, Histogram, Paired

DIGITS = 4


def _num(value: float) -> float | None:
    """Rounded for reading; NaN (no games) as null, which JSON has."""
    return None if math.isnan(value) else round(value, DIGITS)


def distribution_dict(d: Distribution) -> dict[str, Any]:
    return {
        "mean": _num(d.mean),
        "sd": _num(d.sd),
        "ci95": [_num(d.ci95[0]), _num(d.ci95[1])],
        "p5": _num(d.p5),
        "p50": _num(d.p50),
        "p95": _num(d.p95),
        "min": _num(d.low),
        "max": _num(d.high),
    }


def histogram_dict(h: Histogram) -> dict[str, Any]:
    return {"edges": [_num(e) for e in h.edges], "counts": list(h.counts)}


def paired_dict(p: Paired) -> dict[str, Any]:
    return {
        "better_share": _num(p.better_share),
        "worse_share": _num(p.worse_share),
        "tie_share": _num(p.tie_share),
        "mean_difference": _num(p.mean_difference),
        "sd": _num(p.sd),
        "ci95": [_num(p.ci95[0]), _num(p.ci95[1])],
    }


def plan_dict(plan: PlanResults) -> dict[str, Any]:
    return {
        "plan": plan.plan,
        "score": distribution_dict(plan.score)
        | {"histogram": histogram_dict(plan.score_histogram)},
        "outcomes": {k: _num(v) for k, v in plan.outcomes.items()},
        "grades": {k: _num(v) for k, v in plan.grades.items()},
        "terminations": {k: _num(v) for k, v in plan.terminations.items()},
        "leakers": {k: distribution_dict(v) for k, v in plan.leakers.items()},
        "rounds": {k: distribution_dict(v) for k, v in plan.rounds.items()},
        "damage": {k: distribution_dict(v) for k, v in plan.damage.items()},
        "kills": distribution_dict(plan.kills)
        | {
            "expected": _num(plan.expected_kills),
            "expected_leakers": _num(plan.expected_leakers),
            "exact_share": _num(plan.exact_share),
        },
        "orders_refused": distribution_dict(plan.orders_refused),
    }


def analysis_dict(analysis: Analysis) -> dict[str, Any]:
    out: dict[str, Any] = {
        "campaign": analysis.campaign,
        "title": analysis.title,
        "runs": analysis.runs,
        "seed": analysis.seed,
        **plan_dict(analysis.first),
    }
    if analysis.second is not None and analysis.paired is not None:
        out["against"] = plan_dict(analysis.second)
        out["paired"] = paired_dict(analysis.paired)
    return out
