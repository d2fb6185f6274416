"""Percentiles of a sorted sample: the one definition the reports (luck and skill) and
the analysis (`wargame.analysis.stats`) share."""

from __future__ import annotations

import math
from collections.abc import Sequence


def percentile(ordered: Sequence[float], q: float) -> float:
    """The q-th percentile of sorted values, interpolated linearly between the order
    statistics at rank q/100 (n - 1) (numpy's default); nan for no values."""
    if not ordered:
        return math.nan
    rank = q / 100 * (len(ordered) - 1)
    below = math.floor(rank)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (rank - below)
