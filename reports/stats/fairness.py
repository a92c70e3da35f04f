"""Adverse impact of a selection step: four-fifths rule and Fisher's exact test."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from scipy import stats

from ._util import quiet

SMALL_SAMPLE = 30


@dataclass(frozen=True)
class ImpactRatio:
    """One group's selection rate against the group with the highest rate.

    ``fisher_p`` is NaN for the reference (highest-rate) group itself, and whenever
    either group has no applicants.
    """

    group: str
    rate: float
    impact_ratio: float
    below_four_fifths: bool
    fisher_p: float
    small_sample: bool


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


def adverse_impact(
    selected: Mapping[str, object], applicants: Mapping[str, object]
) -> list[ImpactRatio]:
    """Selection-rate ratios against the highest-rate group (EEOC 1978 four-fifths rule).

    Uniform Guidelines on Employee Selection Procedures, 29 CFR 1607.4(D): a ratio below 0.8
    indicates adverse impact; each group is also tested against the highest-rate group with
    a two-sided Fisher (1922) exact test (scipy.stats.fisher_exact). Groups keep the order of
    ``applicants``; a group missing from ``selected`` counts as 0 selected. Ties for the
    highest rate: the first such group is the reference.
    """
    counts = _validate(selected, applicants)
    rates = {g: (s / a if a else float("nan")) for g, (s, a) in counts.items()}
    finite = [g for g, r in rates.items() if not np.isnan(r)]
    reference = max(finite, key=lambda g: rates[g]) if finite else None
    best = rates[reference] if reference is not None else float("nan")
    out = []
    for group, (n_sel, n_app) in counts.items():
        ratio = rates[group] / best if best > 0 else float("nan")
        p = float("nan")
        ref_sel, ref_app = counts[reference] if reference is not None else (n_sel, n_app)
        if reference is not None and group != reference and n_app > 0:
            table = [[n_sel, n_app - n_sel], [ref_sel, ref_app - ref_sel]]
            with quiet():
                p = float(stats.fisher_exact(table, alternative="two-sided").pvalue)
        out.append(
            ImpactRatio(
                group=group,
                rate=rates[group],
                impact_ratio=ratio,
                below_four_fifths=bool(ratio < 0.8),
                fisher_p=p,
                small_sample=bool(min(n_app, ref_app) < SMALL_SAMPLE),
            )
        )
    return out
