"""Statistics of a plan's results over seeds: a distribution and a paired comparison.

Pure functions of plain lists of numbers, so that a reader can check them by hand:
the mean with its 95 % interval (Student's t), percentiles by linear interpolation
between order statistics, a histogram of equal bins, and, for two plans played on
the same seeds, the per-seed differences. Called by `monte_carlo` and the tests.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

from wargame.report.order_statistics import percentile


@dataclass(frozen=True)
class Distribution:
    """A sample summarised: the mean with its 95 % interval, and where its values lie."""

    n: int
    mean: float
    sd: float
    """Sample standard deviation (n - 1 in the denominator); 0 for one value."""
    ci95: tuple[float, float]
    """95 % confidence interval of the mean: mean ± t(0.975, n-1) sd / √n."""
    p5: float
    p50: float
    p95: float
    low: float
    high: float


@dataclass(frozen=True)
class Histogram:
    """Counts of values in equal bins: bin i holds edges[i] <= v < edges[i+1] (the last
    bin also its upper edge)."""

    edges: tuple[float, ...]
    counts: tuple[int, ...]


@dataclass(frozen=True)
class Paired:
    """Plan A against plan B on the same seeds: the differences A - B per seed."""

    n: int
    better_share: float
    """Share of seeds on which A scored more than B."""
    worse_share: float
    tie_share: float
    mean_difference: float
    sd: float
    ci95: tuple[float, float]


def t_quantile(p: float, df: int) -> float:
    """The p-quantile of Student's t with df degrees of freedom (0.5 < p < 1): exact
    inversion of the distribution for up to 100 degrees, the Cornish-Fisher expansion
    (Abramowitz and Stegun 26.7.5, good to 1e-8 there) above."""
    if not 0.5 < p < 1.0 or df < 1:
        raise ValueError("t_quantile needs 0.5 < p < 1 and df >= 1")
    if df > 100:
        z = NormalDist().inv_cdf(p)
        g1 = (z**3 + z) / 4
        g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
        g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
        g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
        return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4
    low, high = 0.0, 1.0
    while _t_cdf(high, df) < p:
        high *= 2.0
    for _ in range(100):
        middle = (low + high) / 2
        if _t_cdf(middle, df) < p:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def _t_cdf(t: float, df: int) -> float:
    """P(T <= t) for t >= 0, by the finite series of Abramowitz and Stegun 26.7.3-4."""
    theta = math.atan(t / math.sqrt(df))
    c2 = math.cos(theta) ** 2
    if df % 2 == 1:
        term, total = math.cos(theta), 0.0
        if df > 1:
            total = term
            for k in range(3, df, 2):
                term *= c2 * (k - 1) / k
                total += term
        inside = 2 / math.pi * (theta + math.sin(theta) * total)
    else:
        term = total = 1.0
        for k in range(2, df, 2):
            term *= c2 * (k - 1) / k
            total += term
        inside = math.sin(theta) * total
    return 0.5 + inside / 2


def mean_interval(values: Sequence[float]) -> tuple[float, float, tuple[float, float]]:
    """(mean, sd, 95 % interval of the mean); one value has sd 0 and no width."""
    n = len(values)
    if n == 0:
        return math.nan, math.nan, (math.nan, math.nan)
    mean = math.fsum(values) / n
    if n == 1:
        return mean, 0.0, (mean, mean)
    sd = math.sqrt(math.fsum((v - mean) ** 2 for v in values) / (n - 1))
    half = t_quantile(0.975, n - 1) * sd / math.sqrt(n)
    return mean, sd, (mean - half, mean + half)


def describe(values: Sequence[float]) -> Distribution:
    """The distribution of a sample (in the order given: the order of the seeds)."""
    ordered = sorted(values)
    mean, sd, ci95 = mean_interval(values)
    return Distribution(
        n=len(values),
        mean=mean,
        sd=sd,
        ci95=ci95,
        p5=percentile(ordered, 5),
        p50=percentile(ordered, 50),
        p95=percentile(ordered, 95),
        low=ordered[0] if ordered else math.nan,
        high=ordered[-1] if ordered else math.nan,
    )


def histogram(values: Sequence[float], bins: int = 12) -> Histogram:
    """Equal bins from the lowest value to the highest (one bin if they are all equal)."""
    if not values:
        return Histogram((), ())
    low, high = min(values), max(values)
    if high == low:
        return Histogram((low, high), (len(values),))
    width = (high - low) / bins
    counts = [0] * bins
    for v in values:
        counts[min(int((v - low) / width), bins - 1)] += 1
    edges = (*(low + i * width for i in range(bins)), high)
    return Histogram(edges, tuple(counts))


def paired(first: Sequence[float], second: Sequence[float]) -> Paired:
    """Plan A's values against plan B's, seed by seed (the same seeds, in the same order)."""
    if len(first) != len(second):
        raise ValueError("a paired comparison needs the same seeds for both plans")
    differences = [a - b for a, b in zip(first, second, strict=True)]
    n = len(differences)
    mean, sd, ci95 = mean_interval(differences)
    better = sum(d > 0 for d in differences)
    worse = sum(d < 0 for d in differences)
    return Paired(
        n=n,
        better_share=better / n if n else math.nan,
        worse_share=worse / n if n else math.nan,
        tie_share=(n - better - worse) / n if n else math.nan,
        mean_difference=mean,
        sd=sd,
        ci95=ci95,
    )
