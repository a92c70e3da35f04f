"""Benchmark reports.stats.candidate_fit against a straightforward per-candidate scipy loop.

Run by hand:  .venv/bin/python benchmarks/calibration.py [--loop-subset 200] [--repeats 5]

50 dimensions, 10,000 producers (top 25 %, middle 50 %, bottom 25 %, slightly different
means) and 10,000 candidates. The loop (scipy.stats.percentileofscore per dimension and
cohort, scipy.spatial.distance.mahalanobis per cohort, shrinkage-LDA scores, the top share
against leave-one-out distances) is timed on a subset of candidates and scaled linearly to
all of them; its one-off preparation (covariances, and the leave-one-out distances of the
top producers refitted one producer at a time, timed on a subset and scaled) is added once.
Also times validate_fit on the 10,000 producers. Prints figures only; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from scipy import stats
from scipy.spatial import distance
from scipy.special import softmax

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reports.stats import candidate_fit, validate_fit  # noqa: E402
from reports.stats._util import ledoit_wolf_covariance, standardised_ledoit_wolf  # noqa: E402

TIERS = ("top", "middle", "bottom")


def make_data(n_producers: int, n_candidates: int, p: int, seed: int = 0):
    """Correlated producer scores in three cohorts, plus candidates drawn around them."""
    rng = np.random.default_rng(seed)
    sizes = (n_producers // 4, n_producers // 2, n_producers - n_producers // 4 * 3)
    mixing = rng.normal(scale=0.3, size=(p, p)) + np.eye(p)
    shifts = (0.3, 0.0, -0.3)
    blocks = [rng.normal(size=(n, p)) @ mixing + s for n, s in zip(sizes, shifts, strict=True)]
    tiers = np.repeat(np.array(TIERS, dtype=object), sizes)
    candidates = rng.normal(size=(n_candidates, p)) @ mixing
    return np.vstack(blocks), tiers, candidates, [f"dim_{j:02d}" for j in range(p)]


def prepare(scores, tiers):
    """What any loop computes once: cohort centres, inverse covariances, LDA coefficients."""
    cohorts = {t: scores[tiers == t] for t in TIERS}
    centres = {t: c.mean(axis=0) for t, c in cohorts.items()}
    inverses = {t: np.linalg.inv(ledoit_wolf_covariance(c)) for t, c in cohorts.items()}
    priors = {t: c.shape[0] / scores.shape[0] for t, c in cohorts.items()}
    shared = sum(priors[t] * standardised_ledoit_wolf(c) for t, c in cohorts.items())
    shared_inv = np.linalg.inv(shared)
    return cohorts, centres, inverses, priors, shared_inv


def loo_loop(top, rows):
    """Leave-one-out distance of each listed top producer, refitting without it."""
    out = []
    for i in rows:
        others = np.delete(top, i, axis=0)
        vi = np.linalg.inv(ledoit_wolf_covariance(others))
        out.append(distance.mahalanobis(top[i], others.mean(axis=0), vi))
    return np.array(out)


def reference_loop(candidates, prepared, own, dims):
    """One candidate at a time with scipy."""
    cohorts, centres, inverses, priors, shared_inv = prepared
    out = []
    for x in candidates:
        pct = {
            t: {d: stats.percentileofscore(c[:, j], x[j], kind="mean") for j, d in enumerate(dims)}
            for t, c in cohorts.items()
        }
        dist = {t: distance.mahalanobis(x, centres[t], inverses[t]) for t in TIERS}
        lda = [
            x @ shared_inv @ centres[t]
            - 0.5 * centres[t] @ shared_inv @ centres[t]
            + np.log(priors[t])
            for t in TIERS
        ]
        share = float(np.mean(own > dist["top"]))
        out.append((pct, dist, dict(zip(TIERS, softmax(lda), strict=True)), share))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--producers", type=int, default=10_000)
    parser.add_argument("--candidates", type=int, default=10_000)
    parser.add_argument("--dimensions", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--loop-subset", type=int, default=200)
    args = parser.parse_args()

    scores, tiers, cands, dims = make_data(args.producers, args.candidates, args.dimensions)
    print(
        f"{args.dimensions} dimensions, {args.producers:,} producers "
        f"(top/middle/bottom {', '.join(str(int((tiers == t).sum())) for t in TIERS)}), "
        f"{args.candidates:,} candidates"
    )

    timings, fits = [], None
    for _ in range(args.repeats):
        fits = None  # free the previous result outside the timed region
        start = time.perf_counter()
        fits = candidate_fit(cands, scores, tiers, dims)
        timings.append(time.perf_counter() - start)
    fast = statistics.median(timings)
    print(
        f"candidate_fit: median {fast:.3f} s over {args.repeats} repeats "
        f"(min {min(timings):.3f}, max {max(timings):.3f})"
    )

    subset = min(args.loop_subset, args.candidates)
    start = time.perf_counter()
    prepared = prepare(scores, tiers)
    prep = time.perf_counter() - start
    top = prepared[0]["top"]
    loo_rows = np.arange(min(subset, top.shape[0]))
    start = time.perf_counter()
    own_subset = loo_loop(top, loo_rows)
    loo_subset = time.perf_counter() - start
    loo = loo_subset * top.shape[0] / loo_rows.size
    from reports.stats.fit import leave_one_out_distances

    own = leave_one_out_distances(top)
    loo_diff = float(np.max(np.abs(own[loo_rows] - own_subset)))
    start = time.perf_counter()
    ref = reference_loop(cands[:subset], prepared, own, dims)
    loop_subset = time.perf_counter() - start
    loop = prep + loo + loop_subset * args.candidates / subset
    print(
        f"scipy loop: preparation {prep:.3f} s; leave-one-out refits {loo_subset:.3f} s for "
        f"{loo_rows.size} top producers, scaled to {top.shape[0]:,}: {loo:.1f} s; "
        f"{loop_subset:.3f} s for {subset} candidates; total scaled to {args.candidates:,} "
        f"candidates: {loop:.1f} s (estimate)"
    )
    print(f"speed-up: {loop / fast:.0f}x")

    worst = loo_diff
    for fit, (pct, dist, post, share) in zip(fits[:subset], ref, strict=True):
        worst = max(worst, abs(fit.closer_than_top_share - share))
        for t in TIERS:
            worst = max(worst, abs(fit.mahalanobis[t] - dist[t]), abs(fit.posterior[t] - post[t]))
            worst = max(worst, max(abs(fit.percentiles[t][d] - pct[t][d]) for d in dims))
    print(f"largest absolute difference from the loop on the subset: {worst:.2e}")
    target_met = fast < 0.5 and loop / fast >= 50
    print(f"target (< 0.5 s and >= 50x): {'met' if target_met else 'NOT met'}")

    timings = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        validation = validate_fit(scores, tiers, dims)
        timings.append(time.perf_counter() - start)
    print(
        f"validate_fit ({args.producers:,} producers x {args.dimensions} dimensions, "
        f"{validation.folds} folds): median {statistics.median(timings):.3f} s "
        f"(min {min(timings):.3f}, max {max(timings):.3f}); Brier {validation.brier:.3f} "
        f"against {validation.baseline_brier:.3f}, AUC {validation.auc_top:.3f}"
    )


if __name__ == "__main__":
    main()
