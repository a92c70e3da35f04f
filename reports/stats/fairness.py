"""Adverse impact of a selection step: four-fifths rule, its interval and significance tests."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
from scipy import stats

from ._util import Z975, quiet

SMALL_SAMPLE = 30
FOUR_FIFTHS = 0.8
SIGNIFICANCE = 0.05

REFERENCE = "reference"
ADVERSE = "adverse impact"
BELOW_NOT_SIGNIFICANT = "below four-fifths, not significant"
SIGNIFICANT_ABOVE = "significant, above four-fifths"
NO_INDICATION = "no indication"
INSUFFICIENT = "insufficient data"
JUDGEMENTS = (REFERENCE, ADVERSE, BELOW_NOT_SIGNIFICANT, SIGNIFICANT_ABOVE, NO_INDICATION,
              INSUFFICIENT)


@dataclass(frozen=True)
class ImpactRatio:
    """One group's selection rate against the group with the highest rate.

    ``fisher_p``, ``z`` and ``z_p`` are NaN for the reference (highest-rate) group itself,
    and whenever either group has no applicants; ``ci_low`` / ``ci_high`` (95 % interval of
    the impact ratio) are NaN for the reference and whenever either rate is 0 or undefined.
    ``shortfall`` is how many more selections the group needed for its ratio to reach 0.8
    (0 for the reference). ``judgement`` is one of :data:`JUDGEMENTS`.
    """

    group: str
    rate: float
    impact_ratio: float
    below_four_fifths: bool
    fisher_p: float
    small_sample: bool
    ci_low: float
    ci_high: float
    z: float
    z_p: float
    shortfall: int
    judgement: str


def _count(value: object, label: str) -> int:
    """A validated non-negative whole count."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"{label} must be a number, got {value!r}.") from None
    if not np.isfinite(number) or number < 0 or number != int(number):
        raise ValueError(f"{label} must be a non-negative whole number, got {value!r}.")
    return int(number)


def _validate(
    selected: Mapping[str, object], applicants: Mapping[str, object]
) -> dict[str, tuple[int, int]]:
    """(selected, applicants) per group, raising ValueError on impossible counts."""
    extra = sorted(str(g) for g in set(selected) - set(applicants))
    if extra:
        raise ValueError(f"Selected counts given for groups with no applicant count: {extra}.")
    counts = {}
    for group, applied in applicants.items():
        n_app = _count(applied, f"Applicants for {group!r}")
        n_sel = _count(selected.get(group, 0), f"Selected for {group!r}")
        if n_sel > n_app:
            raise ValueError(f"Group {group!r} has {n_sel} selected but only {n_app} applicants.")
        counts[str(group)] = (n_sel, n_app)
    return counts


def ratio_interval(s1: int, n1: int, s2: int, n2: int) -> tuple[float, float]:
    """95 % interval of the ratio of rates s1/n1 over s2/n2 (Morris & Lobsenz 2000).

    exp(ln IR +- 1.959964 sqrt((1 - p1) / (n1 p1) + (1 - p2) / (n2 p2))), the delta-method
    interval of a risk ratio on the log scale; NaN when either rate is 0 or undefined.
    """
    if n1 <= 0 or n2 <= 0 or s1 <= 0 or s2 <= 0:
        return float("nan"), float("nan")
    p1, p2 = s1 / n1, s2 / n2
    centre = math.log(p1 / p2)
    half = Z975 * math.sqrt((1.0 - p1) / (n1 * p1) + (1.0 - p2) / (n2 * p2))
    return math.exp(centre - half), math.exp(centre + half)


def pooled_z(s1: int, n1: int, s2: int, n2: int) -> tuple[float, float]:
    """Pooled two-proportion Z of s1/n1 against s2/n2 and its two-sided normal p.

    z = (p1 - p2) / sqrt(P (1 - P) (1/n1 + 1/n2)) with P = (s1 + s2) / (n1 + n2); NaN when
    a group has no applicants or the pooled rate is 0 or 1 (no variation to test).
    """
    if n1 <= 0 or n2 <= 0:
        return float("nan"), float("nan")
    pooled = (s1 + s2) / (n1 + n2)
    variance = pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2)
    if variance <= 0:
        return float("nan"), float("nan")
    z = (s1 / n1 - s2 / n2) / math.sqrt(variance)
    return z, float(2.0 * stats.norm.sf(abs(z)))


def shortfall(s1: int, n1: int, s2: int, n2: int) -> int:
    """Selections group 1 lacked for its ratio to the reference (s2/n2) to reach 0.8.

    max(0, ceil(0.8 p2 n1 - s1)), in exact rational arithmetic so that a quota landing on a
    whole number (0.8 x 0.5 x 30 = 12) is not pushed up by a rounding error.
    """
    if n1 <= 0 or n2 <= 0:
        return 0
    need = Fraction(4, 5) * Fraction(s2, n2) * n1 - s1
    return max(0, math.ceil(need))


def judge(ratio: float, fisher_p: float) -> str:
    """The judgement of a non-reference group from its impact ratio and Fisher p."""
    if math.isnan(ratio) or math.isnan(fisher_p):
        return INSUFFICIENT
    below, significant = ratio < FOUR_FIFTHS, fisher_p < SIGNIFICANCE
    if below:
        return ADVERSE if significant else BELOW_NOT_SIGNIFICANT
    return SIGNIFICANT_ABOVE if significant else NO_INDICATION


def adverse_impact(
    selected: Mapping[str, object], applicants: Mapping[str, object]
) -> list[ImpactRatio]:
    """Selection-rate ratios against the highest-rate group (EEOC 1978 four-fifths rule).

    Uniform Guidelines on Employee Selection Procedures, 29 CFR 1607.4(D): a ratio below 0.8
    indicates adverse impact; each group is also tested against the highest-rate group with
    a two-sided Fisher (1922) exact test (scipy.stats.fisher_exact) and a pooled
    two-proportion Z test, and the ratio gets its Morris & Lobsenz (2000) 95 % interval. The
    judgement combines the ratio with Fisher's p, as 1607.4(D) asks: a ratio below 0.8 is
    "adverse impact" only when the difference is significant (p < .05); a significant
    difference above 0.8 is reported too. "insufficient data" where the ratio or p is
    undefined (no applicants, or nobody selected in the reference group). Groups keep the
    order of ``applicants``; a group missing from ``selected`` counts as 0 selected. Ties
    for the highest rate: the first such group is the reference.
    """
    counts = _validate(selected, applicants)
    rates = {g: (s / a if a else float("nan")) for g, (s, a) in counts.items()}
    finite = [g for g, r in rates.items() if not np.isnan(r)]
    reference = max(finite, key=lambda g: rates[g]) if finite else None
    best = rates[reference] if reference is not None else float("nan")
    out = []
    for group, (n_sel, n_app) in counts.items():
        ratio = rates[group] / best if best > 0 else float("nan")
        p = low = high = z = z_p = float("nan")
        short = 0
        ref_sel, ref_app = counts[reference] if reference is not None else (n_sel, n_app)
        is_reference = group == reference
        if reference is not None and not is_reference and n_app > 0:
            table = [[n_sel, n_app - n_sel], [ref_sel, ref_app - ref_sel]]
            with quiet():
                p = float(stats.fisher_exact(table, alternative="two-sided").pvalue)
            low, high = ratio_interval(n_sel, n_app, ref_sel, ref_app)
            z, z_p = pooled_z(n_sel, n_app, ref_sel, ref_app)
            short = shortfall(n_sel, n_app, ref_sel, ref_app)
        out.append(
            ImpactRatio(
                group=group,
                rate=rates[group],
                impact_ratio=ratio,
                below_four_fifths=bool(ratio < 0.8),
                fisher_p=p,
                small_sample=bool(min(n_app, ref_app) < SMALL_SAMPLE),
                ci_low=low,
                ci_high=high,
                z=z,
                z_p=z_p,
                shortfall=short,
                judgement=REFERENCE if is_reference else judge(ratio, p),
            )
        )
    return out
