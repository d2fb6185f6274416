"""The statistics of a sample and of a paired comparison, against figures worked by hand."""

from __future__ import annotations

import math

import pytest

from wargame.analysis.stats import describe, histogram, paired, percentile, t_quantile


@pytest.mark.parametrize(
    ("df", "quantile"),
    [(1, 12.706205), (2, 4.302653), (4, 2.776445), (9, 2.262157), (30, 2.042272), (1000, 1.962339)],
)
def test_the_t_quantile_matches_the_printed_tables(df: int, quantile: float) -> None:
    assert t_quantile(0.975, df) == pytest.approx(quantile, abs=1e-6)


def test_the_95_percent_interval_of_one_to_five_is_three_plus_or_minus_1_963() -> None:
    # mean 3, sd √2.5, standard error √2.5/√5 = 0.70711, t(0.975, 4) = 2.77645.
    d = describe([1, 2, 3, 4, 5])
    assert d.mean == 3.0
    assert d.sd == pytest.approx(math.sqrt(2.5))
    assert d.ci95 == pytest.approx((3 - 1.963243, 3 + 1.963243), abs=1e-6)
    assert (d.low, d.high) == (1, 5)


def test_percentiles_interpolate_between_order_statistics() -> None:
    values = list(range(1, 102))  # 1..101: rank q/100 * 100 lands on a value
    d = describe(values)
    assert (d.p5, d.p50, d.p95) == (6, 51, 96)
    assert percentile([10.0, 20.0], 25) == 12.5


def test_one_value_has_no_spread() -> None:
    d = describe([7.0])
    assert (d.mean, d.sd, d.ci95, d.p5, d.p95) == (7.0, 0.0, (7.0, 7.0), 7.0, 7.0)


def test_a_histogram_of_zero_to_ten_in_five_bins_puts_ten_in_the_last() -> None:
    h = histogram(list(range(11)), bins=5)
    assert h.counts == (2, 2, 2, 2, 3)
    assert h.edges == (0, 2, 4, 6, 8, 10)


def test_a_paired_comparison_counts_seeds_and_measures_the_mean_difference() -> None:
    # Differences 2, 0, -1, 3: mean 1, sd √(10/3), t(0.975, 3) = 3.182446.
    p = paired([3, 5, 5, 7], [1, 5, 6, 4])
    assert (p.better_share, p.worse_share, p.tie_share) == (0.5, 0.25, 0.25)
    assert p.mean_difference == 1.0
    half = 3.182446 * math.sqrt(10 / 3) / 2
    assert p.ci95 == pytest.approx((1 - half, 1 + half), abs=1e-5)


def test_a_paired_comparison_needs_the_same_seeds() -> None:
    with pytest.raises(ValueError, match="same seeds"):
        paired([1.0, 2.0], [1.0])
