#!/usr/bin/env python3
"""Writes the cross-check fixtures of the metrics engine (tests/fixtures/metrics/).

Each fixture holds seeded random inputs and what independent implementations
compute from them: PySAL `inequality` (Gini, Theil T and its between/within
split), `pymcdm` (entropy weights, TOPSIS), SciPy (ranks, cosine distances,
coefficient of variation) and plain NumPy formulas written differently from
the Rust code (pairwise weighted Gini, Theil L split, Krugman, location
quotients, Herfindahl, CAGR). `tests/it/metrics.rs` compares the Rust results
with them; CI never runs Python, the fixtures are committed.

Run (from the repository root):
    python3 -m venv /tmp/mfx && /tmp/mfx/bin/pip install \
        inequality==1.1.2 pymcdm==1.4.0 numpy==2.4.6 scipy==1.17.1
    /tmp/mfx/bin/python tools/metrics_fixtures.py
"""

import json
import math
import platform
from importlib.metadata import version
from pathlib import Path

import numpy as np
from inequality.gini import Gini
from inequality.theil import Theil, TheilD
from pymcdm import normalizations
from pymcdm.methods import TOPSIS
from pymcdm.weights import entropy_weights
from scipy.spatial.distance import cdist
from scipy.stats import rankdata, variation

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "metrics"
SEED = 20221231
PACKAGES = ["inequality", "pymcdm", "numpy", "scipy"]


def header(what):
    return {
        "generator": "tools/metrics_fixtures.py",
        "seed": SEED,
        "versions": {"python": platform.python_version(), **{p: version(p) for p in PACKAGES}},
        "what": what,
    }


def floats(a):
    return [None if (x is None or (isinstance(x, float) and math.isnan(x))) else float(x) for x in a]


def write(name, payload):
    path = OUT / f"{name}.json"
    path.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {path.relative_to(OUT.parent.parent.parent)}")


def skewed(rng, n):
    """Zone-like values: log-normal, a few zeros in some cases."""
    return rng.lognormal(mean=3.0, sigma=1.2, size=n)


def inequality_fixture(rng):
    cases = []
    for n, zeros in [(2, 0), (5, 0), (12, 1), (36, 0), (36, 4)]:
        x = skewed(rng, n)
        x[:zeros] = 0.0
        groups = rng.integers(0, 3 if n > 4 else 2, size=n)
        groups[0], groups[-1] = 0, 1  # at least two groups
        land = rng.uniform(2.0, 120.0, size=n)
        case = {
            "values": floats(x),
            "groups": [int(g) for g in groups],
            "land": floats(land),
            "gini": float(Gini(x).g),  # PySAL
            "theil_t": float(Theil(x).T),  # PySAL
            "cv": float(variation(x)),  # SciPy, ddof = 0
        }
        td = TheilD(x, groups)  # PySAL between/within
        case["theil_t_between"] = float(np.ravel(td.bg)[0])
        case["theil_t_within"] = float(np.ravel(td.wg)[0])
        # Theil L and its split, written straight from the definition.
        if zeros == 0:
            mu = x.mean()
            case["theil_l"] = float(np.mean(np.log(mu / x)))
            between = 0.0
            within = 0.0
            for g in np.unique(groups):
                xg = x[groups == g]
                pg = len(xg) / n
                sg = xg.sum() / x.sum()
                between += pg * np.log(pg / sg)
                within += pg * np.mean(np.log(xg.mean() / xg))
            case["theil_l_between"] = float(between)
            case["theil_l_within"] = float(within)
        else:
            case["theil_l"] = None
        # Land-weighted Gini of GDP density, pairwise form (not the Lorenz
        # area the Rust code uses): G = Σ_i Σ_j w_i w_j |d_i − d_j| / (2 W² d̄),
        # d_i = x_i / w_i, W = Σ w, d̄ = Σ x / W.
        if x.sum() > 0:
            d = x / land
            W = land.sum()
            dbar = x.sum() / W
            case["land_weighted_gini"] = float(
                np.sum(np.outer(land, land) * np.abs(d[:, None] - d[None, :])) / (2 * W * W * dbar)
            )
        cases.append(case)
    write("inequality", {**header("Gini, Theil T (PySAL), Theil L, land-weighted Gini, CV (SciPy)"), "cases": cases})


def similarity_fixture(rng):
    n, k = 8, 6
    m = rng.gamma(shape=0.8, scale=10.0, size=(n, k))
    m[rng.random((n, k)) < 0.2] = 0.0
    m[0] = m[1] * 2.0  # one exact pair (cosine 1)
    cos = 1.0 - cdist(m, m, metric="cosine")  # SciPy
    shares = m / m.sum(axis=1, keepdims=True)
    total = m.sum(axis=0)
    krugman_all = np.abs(shares - total / total.sum()).sum(axis=1)
    krugman_rest = []
    for i in range(n):
        rest = total - m[i]
        krugman_rest.append(float(np.abs(shares[i] - rest / rest.sum()).sum()))
    lq = (m / m.sum(axis=1, keepdims=True)) / (total / total.sum())
    herf = (shares**2).sum(axis=1)
    write(
        "similarity",
        {
            **header("cosine matrix (SciPy cdist), Krugman, location quotients, Herfindahl (NumPy)"),
            "zones": [floats(r) for r in m],
            "cosine": [floats(r) for r in cos],
            "krugman_all": floats(krugman_all),
            "krugman_rest": krugman_rest,
            "location_quotients": [floats(r) for r in lq],
            "most_distinctive": [int(np.argmax(r)) for r in lq],
            "herfindahl": floats(herf),
        },
    )


def ranking_fixture(rng):
    cases = []
    for n in [1, 5, 36]:
        scores = np.round(rng.uniform(0, 10, size=n))  # integers: many ties
        cases.append(
            {
                "scores": floats(scores),
                "ranks_highest_first": [int(r) for r in rankdata(-scores, method="min")],
                "ranks_lowest_first": [int(r) for r in rankdata(scores, method="min")],
            }
        )
    write("ranking", {**header("competition ranks: scipy.stats.rankdata(method='min')"), "cases": cases})


def composite_fixture(rng):
    """Entropy weights and TOPSIS from pymcdm on strictly positive matrices."""
    cases = []
    for n, m in [(5, 3), (12, 6), (36, 20)]:
        x = rng.lognormal(mean=2.0, sigma=0.8, size=(n, m)) + 0.01
        types = np.where(rng.random(m) < 0.3, -1, 1)
        types[0] = 1
        ew = entropy_weights(x)  # pymcdm: p = x / Σx, e = −Σ p ln p / ln n
        topsis_minmax = TOPSIS()(x, ew, types)  # default: min-max normalisation
        topsis_vector = TOPSIS(normalizations.vector_normalization)(x, ew, types)
        # The pipeline the widget runs (entropy-weighted TOPSIS as Chinese
        # evaluations write it): min-max normalise with the directions,
        # entropy weights of the normalised matrix with 0·ln 0 = 0 (written
        # here in NumPy: pymcdm's entropy_weights rejects zeros), then pymcdm's
        # TOPSIS() with those weights.
        y = np.column_stack([normalizations.minmax_normalization(x[:, j], types[j] == -1) for j in range(m)])
        p = y / y.sum(axis=0)
        with np.errstate(divide="ignore", invalid="ignore"):
            plogp = np.where(p > 0, p * np.log(p), 0.0)
        d = 1.0 - (-plogp.sum(axis=0) / np.log(n))
        pipeline_weights = d / d.sum()
        pipeline_scores = TOPSIS()(x, pipeline_weights, types)
        cases.append(
            {
                "columns": [floats(x[:, j]) for j in range(m)],
                "lower_is_better": [bool(t == -1) for t in types],
                "entropy_weights": floats(ew),
                "topsis_minmax": floats(topsis_minmax),
                "topsis_vector": floats(topsis_vector),
                "topsis_minmax_ranks": [int(r) for r in rankdata(-topsis_minmax, method="min")],
                "pipeline_entropy_weights": floats(pipeline_weights),
                "pipeline_scores": floats(pipeline_scores),
                "pipeline_ranks": [int(r) for r in rankdata(-pipeline_scores, method="min")],
            }
        )
    write(
        "composite",
        {
            **header(
                "pymcdm entropy_weights on the raw positive matrix; pymcdm TOPSIS() (min-max) and "
                "TOPSIS(vector_normalization) with those weights and the criteria types"
            ),
            "cases": cases,
        },
    )


def missing_fixture(rng):
    """Framework weights and the missing-value policy, in NumPy: a zone is
    scored on the indicators it has, weights renormalised per zone."""
    n, m = 10, 6
    x = rng.lognormal(mean=1.0, sigma=0.7, size=(n, m))
    x[rng.random((n, m)) < 0.15] = np.nan
    x[3, :] = np.nan  # a zone with nothing
    lower = np.array([False, True, False, False, True, False])
    dimension = np.array([0, 0, 1, 1, 1, 2])
    coefficient = np.array([0.8, 1.2, 1.0, 0.8, 1.2, 1.0])
    dimension_weights = np.array([0.3, 0.5, 0.2])
    w = np.array([dimension_weights[d] * c / coefficient[dimension == d].sum() for d, c in zip(dimension, coefficient)])
    w = w / w.sum()
    lo, hi = np.nanmin(x, axis=0), np.nanmax(x, axis=0)
    y = np.where(lower, (hi - x) / (hi - lo), (x - lo) / (hi - lo))
    have = ~np.isnan(y)
    wy = np.where(have, y * w, 0.0)
    wsum = np.where(have, w, 0.0).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        arithmetic = wy.sum(axis=1) / wsum
        geometric = np.exp(np.where(have, w * np.log(np.where(have, y, 1.0) + 0.01), 0.0).sum(axis=1) / wsum)
    write(
        "composite_missing",
        {
            **header("framework weights, min-max, arithmetic and geometric (eps 0.01) with missing values (NumPy)"),
            "columns": [floats(x[:, j]) for j in range(m)],
            "lower_is_better": [bool(b) for b in lower],
            "dimension": [int(d) for d in dimension],
            "coefficient": floats(coefficient),
            "dimension_weights": floats(dimension_weights),
            "weights": floats(w),
            "arithmetic": floats(arithmetic),
            "geometric": floats(geometric),
            "missing_indicators": [[int(j) for j in np.flatnonzero(~have[i])] for i in range(n)],
        },
    )


MASK = (1 << 64) - 1


def splitmix64(seed):
    state = seed & MASK
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def sensitivity_fixture(rng):
    """The documented Monte Carlo, re-implemented: SplitMix64 uniforms,
    w_j·U(1−δ, 1+δ), arithmetic scores, rankdata(min); median with
    np.median and 5/95% nearest-rank percentiles with
    np.percentile(method="inverted_cdf")."""
    n, m, draws, delta, seed = 36, 20, 203, 0.3, 99  # 203: p·N not whole, odd N
    y = rng.random((n, m))
    w = rng.uniform(0.5, 1.5, size=m)
    w = w / w.sum()

    def ranks(weights):
        return rankdata(-(y @ weights) / weights.sum(), method="min")

    base = ranks(w)
    stream = splitmix64(seed)
    all_ranks = np.empty((draws, n))
    for d in range(draws):
        u = np.array([(next(stream) >> 11) * 2.0**-53 for _ in range(m)])
        all_ranks[d] = ranks(w * (1.0 + delta * (2.0 * u - 1.0)))
    write(
        "sensitivity",
        {
            **header("Monte Carlo rank sensitivity re-implemented in NumPy/SciPy from docs/METRICS.md"),
            "columns": [floats(y[:, j]) for j in range(m)],
            "weights": floats(w),
            "delta": delta,
            "draws": draws,
            "seed": seed,
            "splitmix64_seed0": [str(v) for v in [next(g) for g in [splitmix64(0)] for _ in range(3)]],
            "base_ranks": [int(r) for r in base],
            "median_rank": floats(np.median(all_ranks, axis=0)),
            "rank_p05": [int(v) for v in np.percentile(all_ranks, 5, axis=0, method="inverted_cdf")],
            "rank_p95": [int(v) for v in np.percentile(all_ranks, 95, axis=0, method="inverted_cdf")],
            "mean_abs_shift": floats(np.abs(all_ranks - base).mean(axis=0)),
        },
    )


def growth_fixture(rng):
    series = rng.lognormal(mean=4.0, sigma=0.3, size=5)
    write(
        "growth",
        {
            **header("year-on-year growth and CAGR (NumPy)"),
            "series": floats(series),
            "year_on_year": [None] + floats(series[1:] / series[:-1] - 1.0),
            "cagr": float((series[-1] / series[0]) ** (1 / 4) - 1.0),
        },
    )


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    inequality_fixture(rng)
    similarity_fixture(rng)
    ranking_fixture(rng)
    composite_fixture(rng)
    growth_fixture(rng)
    missing_fixture(rng)
    sensitivity_fixture(rng)


if __name__ == "__main__":
    main()
