#!/usr/bin/env python3
"""Independent expected values for the tests that read the bundled dataset.

Reads www/data/zones.json directly with plain Python and NumPy (never the
crate) and prints each figure with what it is and the test that uses it.
Tests quote these numbers in a comment naming this script; CI never runs
Python, so the numbers are committed in the tests and this script is only for
re-deriving them after the dataset changes.

"The 36 zones" are the zones whose level is national (12) or regional (24);
sub-parks are left out, as the views do. Formulas are written from their
textbook definitions, not from the Rust code:

  * Gini: mean absolute difference over all ordered pairs / (2 mean).
  * Land-weighted Gini: 1 − Σ (X_k − X_{k−1})(Y_k + Y_{k−1}) over the zones
    sorted by GDP per km² (the trapezoid rule on the Lorenz curve).
  * Theil T = mean(x/μ · ln(x/μ)); L = mean(ln(μ/x)); between-group parts
    Σ s_g ln(s_g / p_g) (T) and Σ p_g ln(p_g / s_g) (L), with s_g the group's
    value share and p_g its share of zones.
  * Cosine similarity of two zones' 2022 industry mixes (an industry a zone
    does not list counts 0).
  * The framework's composite score: each framework indicator min-max
    normalised over the zones that have it (reversed where lower is better),
    weighted by its dimension's weight × its coefficient / the dimension's
    coefficient sum, averaged over the indicators a zone has, × 100.
  * CAGR = (last / first)^(1 / years) − 1.

Run (from the repository root):
    python3 -m pip install numpy
    python3 tools/expected_values.py [FILE]     # FILE: www/data/zones.json by default
"""

import json
import sys
from itertools import combinations
from pathlib import Path

import numpy as np

DATA = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "www" / "data" / "zones.json"
YEAR = 2022


def show(test, what, value):
    print(f"{test}: {what} = {value}")


def main():
    d = json.loads(DATA.read_text())
    zones = [z for z in d["zones"] if z["level"] in ("national", "regional")]
    ids = [z["id"] for z in zones]
    # The values come as rows (`observations`), as `series` (an array over
    # the entry's years per zone), or both (docs/DATA.md); the bundled file
    # writes series.
    obs = {(o["zone"], o["indicator"], o["year"]): o["value"] for o in d.get("observations", [])}
    for s in d.get("series", []):
        for zone, values in s["values"].items():
            for year, value in zip(s["years"], values, strict=True):
                obs[(zone, s["indicator"], year)] = value
    ref = {(r["indicator"], r["year"]): r["value"] for r in d["reference_averages"]}

    def column(indicator, year=YEAR, of=ids):
        return np.array([obs[(z, indicator, year)] for z in of], dtype=float)

    name_en = {z["id"]: z["name"]["en"] for z in zones}
    name_zh = {z["id"]: z["name"]["zh"] for z in zones}

    # ---- innovation view (src/views/innovation/tests.rs) ----
    t = "views/innovation"
    college = column("college_staff_share")
    show(t, "zones", len(ids))
    show(t, "mean 2022 college_staff_share over the 36 zones", round(college.mean(), 6))
    show(t, "province's 2022 college_staff_share (reference_averages)", ref[("college_staff_share", YEAR)])
    show(t, "zones with college_staff_share < 0.44", int((college < ref[("college_staff_share", YEAR)]).sum()))
    show(t, "Zone K (z11) college_staff_share", obs[("z11", "college_staff_share", YEAR)])
    st = column("st_staff")
    show(t, "mean 2022 st_staff", round(st.mean(), 3))
    show(t, "zones with st_staff < province's " + str(ref[("st_staff", YEAR)]), int((st < ref[("st_staff", YEAR)]).sum()))
    rd = column("rd_spending_internal")
    show(t, "mean 2022 rd_spending_internal (100 million CNY)", round(rd.mean(), 4))
    gdp = column("gdp")
    ratio = 100 * rd.sum() / gdp.sum()
    show(t, "100 · Σ rd_spending_internal / Σ gdp (%)", round(ratio, 4))
    show(t, "zones with 100 · rd / gdp below that", int((100 * rd / gdp < ratio).sum()))
    inc = column("national_incubators")
    show(t, "zones with 0 national incubators", int((inc == 0).sum()))
    county = [name_zh[z["id"]] for z in zones
              if z["level"] == "national" and z["county_level"] and obs[(z["id"], "national_incubators", YEAR)] == 0]
    show(t, "county-level national zones with 0 incubators", "、".join(county))
    regional = [z["id"] for z in zones if z["level"] == "regional"]
    show(t, "regional zones with 0 national incubators",
         f"{int((column('national_incubators', of=regional) == 0).sum())} of {len(regional)}")
    national = [z["id"] for z in zones if z["level"] == "national"]
    show(t, "Σ 2022 invention_patents over the 12 national zones", column("invention_patents", of=national).sum())

    # ---- Lorenz view (src/views/lorenz/tests.rs) ----
    t = "views/lorenz"
    n = len(gdp)
    gini = np.abs(gdp[:, None] - gdp[None, :]).sum() / (2 * n * n * gdp.mean())
    show(t, "Gini of 2022 GDP over the 36 zones", round(gini, 6))
    land = np.array([z["land_km2"] for z in zones], dtype=float)
    order = np.argsort(gdp / land, kind="stable")
    x = np.concatenate([[0.0], np.cumsum(land[order]) / land.sum()])
    y = np.concatenate([[0.0], np.cumsum(gdp[order]) / gdp.sum()])
    show(t, "land-weighted Gini of 2022 GDP", round(1 - np.sum((x[1:] - x[:-1]) * (y[1:] + y[:-1])), 6))
    show(t, "Σ 2022 GDP (100 million CNY)", round(gdp.sum(), 1))
    k = round(n / 10)
    top = order[-k:]
    show(t, f"densest {k} zones by GDP/km²: share of GDP", round(gdp[top].sum() / gdp.sum(), 6))
    show(t, f"densest {k} zones by GDP/km²: share of land", round(land[top].sum() / land.sum(), 6))

    # ---- Theil view (src/views/theil/tests.rs) ----
    t = "views/theil"
    mu = gdp.mean()
    theil_t = np.mean(gdp / mu * np.log(gdp / mu))
    theil_l = np.mean(np.log(mu / gdp))
    show(t, "Theil T of 2022 GDP over the 36 zones", round(theil_t, 6))
    show(t, "Theil L of 2022 GDP over the 36 zones", round(theil_l, 6))
    for key in ("level", "metro_area"):
        groups = sorted({z[key] for z in zones})
        bt = bl = 0.0
        for g in groups:
            mask = np.array([z[key] == g for z in zones])
            s, p = gdp[mask].sum() / gdp.sum(), mask.sum() / n
            bt += s * np.log(s / p)
            bl += p * np.log(p / s)
            show(t, f"by {key}: {g}: zones, GDP share", f"{int(mask.sum())}, {s:.6f}")
        show(t, f"by {key}: Theil T between groups", round(bt, 6))
        show(t, f"by {key}: Theil T between share of total", round(bt / theil_t, 6))
        show(t, f"by {key}: Theil L between groups", round(bl, 6))

    # ---- similarity view (src/views/similarity/tests.rs) ----
    t = "views/similarity"
    industries = [i["id"] for i in d["industries"]]
    mixes = np.array([[z["industry_mix"]["values"].get(i, 0.0) for i in industries] for z in zones], dtype=float)
    cos = []
    for a, b in combinations(range(len(zones)), 2):
        u, v = mixes[a], mixes[b]
        cos.append(u @ v / (np.linalg.norm(u) * np.linalg.norm(v)))
    cos = np.array(cos)
    above = int((cos >= 0.8).sum())
    show(t, "pairs of zones", len(cos))
    show(t, "pairs with cosine ≥ 0.8", above)
    show(t, "share of pairs with cosine ≥ 0.8 (%)", round(100 * above / len(cos), 4))
    show(t, "mean cosine over the pairs", round(cos.mean(), 6))
    show(t, "least cosine over the pairs", round(cos.min(), 6))

    # ---- benchmarks view (src/views/benchmarks/tests.rs) ----
    t = "views/benchmarks"
    listed = column("listed_companies")
    show(t, "Σ 2022 listed_companies over the 36 zones", listed.sum())
    show(t, "zones with 0 listed companies", int((listed == 0).sum()))
    top = int(np.argmax(listed))
    show(t, "zone with the most listed companies", f"{name_en[ids[top]]} / {name_zh[ids[top]]}: {listed[top]}")
    show(t, "Σ land_km2 over the 36 zones", round(land.sum(), 3))
    show(t, "listed companies per km² (Σ listed / Σ land)", round(listed.sum() / land.sum(), 6))

    # ---- scatter view (src/views/scatter/tests.rs) ----
    t = "views/scatter"
    hte = column("high_tech_enterprises")
    small, large = int(np.argmin(land)), int(np.argmax(land))
    show(t, "smallest land", f"{name_en[ids[small]]}: {land[small]} km²")
    show(t, "largest land", f"{name_en[ids[large]]}: {land[large]} km², GDP {gdp[large]}, "
         f"high_tech_enterprises {hte[large]}, GDP per km² {gdp[large] / land[large]:.4f}")
    lo = int(np.argmin(gdp))
    show(t, "smallest 2022 GDP", f"{name_en[ids[lo]]} / {name_zh[ids[lo]]}: {gdp[lo]}")
    density = gdp / land
    hi_d, lo_d = int(np.argmax(density)), int(np.argmin(density))
    show(t, "highest GDP per km²", f"{name_en[ids[hi_d]]} / {name_zh[ids[hi_d]]}: "
         f"{gdp[hi_d]} / {land[hi_d]} = {density[hi_d]:.4f}")
    show(t, "lowest GDP per km²", f"{name_en[ids[lo_d]]} / {name_zh[ids[lo_d]]}: "
         f"{gdp[lo_d]} / {land[lo_d]} = {density[lo_d]:.4f}")
    nat = np.array([z["level"] == "national" for z in zones])
    show(t, "national zones' land / all", f"{land[nat].sum():.1f} / {land.sum():.1f} = {land[nat].sum() / land.sum():.4f}")
    show(t, "national zones' GDP / all", f"{gdp[nat].sum():.1f} / {gdp.sum():.1f} = {gdp[nat].sum() / gdp.sum():.4f}")
    most = int(np.argmax(hte))
    show(t, "most high-tech enterprises", f"{name_en[ids[most]]}: {hte[most]}")

    # ---- trends view (src/views/trends/tests.rs) ----
    t = "views/trends"
    years = d["meta"]["years"]
    show(t, "Zone A's GDP by year", [obs.get(("z01", "gdp", y)) for y in years])
    show(t, "Zone B's 2019 GDP", obs.get(("z02", "gdp", 2019)))
    show(t, "three largest 2022 GDP", ", ".join(name_en[ids[k]] for k in np.argsort(-gdp, kind="stable")[:3]))
    first = np.array([obs.get((z, "gdp", years[0])) for z in ids], dtype=object)
    show(t, f"Σ GDP {years[0]} (zones with a value)", round(sum(v for v in first if v is not None), 1))
    show(t, f"Σ GDP {years[-1]}", round(gdp.sum(), 1))
    total_first = sum(v for v in first if v is not None)
    show(t, "CAGR of the total", round((gdp.sum() / total_first) ** (1 / (len(years) - 1)) - 1, 6))
    cagr = {}
    for z in ids:
        series = [(y, obs.get((z, "gdp", y))) for y in years]
        series = [(y, v) for y, v in series if v is not None]
        (y0, v0), (y1, v1) = series[0], series[-1]
        cagr[z] = (v1 / v0) ** (1 / (y1 - y0)) - 1
    fast, slow = max(cagr, key=cagr.get), min(cagr, key=cagr.get)
    show(t, "fastest CAGR", f"{name_en[fast]}: {cagr[fast]:.6f}")
    show(t, "slowest CAGR", f"{name_en[slow]}: {cagr[slow]:.6f}")
    show(t, "Zone A's CAGR 2018–2022", round(cagr["z01"], 6))
    rank_n = sorted(gdp, reverse=True).index(obs[("z14", "gdp", YEAR)]) + 1
    show(t, "Zone N (z14): 2022 GDP and its place", f"{obs[('z14', 'gdp', YEAR)]}, {rank_n} of {n}")
    for indicator in ("gdp", "water_per_va"):
        nulls = [(z, y) for z in ids for y in years if obs.get((z, indicator, y)) is None]
        show(t, f"null {indicator} values / all", f"{len(nulls)} / {len(ids) * len(years)}, "
             f"{len({z for z, _ in nulls})} zones, years {sorted({y for _, y in nulls})}")
        gap_zones = sorted({z for z, _ in nulls}, key=lambda z: -obs[(z, indicator, YEAR)])
        show(t, f"zones with null {indicator}, largest 2022 value first", "、".join(name_zh[z] for z in gap_zones))

    # ---- ranking view (src/views/ranking/tests.rs) ----
    t = "views/ranking"
    weight = {dim["id"]: dim["weight"] for dim in d["framework"]["dimensions"]}
    framework = [i for i in d["indicators"] if i["dimension"] and i["direction"] != "neutral"]
    coef_sum = {}
    for i in framework:
        coef_sum[i["dimension"]] = coef_sum.get(i["dimension"], 0) + i["coefficient"]

    def scores(year):
        total = np.zeros(n)
        wsum = np.zeros(n)
        for i in framework:
            col = np.array([obs.get((z, i["id"], year)) for z in ids], dtype=object)
            have = np.array([v is not None for v in col])
            x = np.array([v if v is not None else np.nan for v in col], dtype=float)
            lo_, hi_ = np.nanmin(x), np.nanmax(x)
            y = (x - lo_) / (hi_ - lo_) if hi_ > lo_ else np.ones(n)
            if i["direction"] == "lower":
                y = 1 - y
            w = weight[i["dimension"]] * i["coefficient"] / coef_sum[i["dimension"]]
            total[have] += w * y[have]
            wsum[have] += w
        return 100 * total / wsum

    def ranks(sc):
        order = sorted(range(n), key=lambda k: -sc[k])
        r = np.empty(n, dtype=int)
        r[order] = np.arange(1, n + 1)
        return r

    s22, s21 = scores(YEAR), scores(YEAR - 1)
    r22, r21 = ranks(s22), ranks(s21)
    order = np.argsort(r22)
    show(t, "2022 framework scores, best first",
         ", ".join(f"{name_en[ids[k]]} {s22[k]:.4f}" for k in order[:3]) + " … " +
         ", ".join(f"{name_en[ids[k]]} {s22[k]:.4f}" for k in order[-3:]))
    show(t, "2022 ranks 1–5", ", ".join(f"{r22[k]} {name_en[ids[k]]} {s22[k]:.4f}" for k in order[:5]))
    s18 = scores(years[0])
    first18 = int(np.argmax(s18))
    show(t, f"first in {years[0]}", f"{name_en[ids[first18]]} / {name_zh[ids[first18]]} {s18[first18]:.4f}")
    rise = r21 - r22
    up = int(np.argmax(rise))
    show(t, "largest rise in rank 2021 → 2022", f"{name_en[ids[up]]}: {r21[up]} → {r22[up]} (up {rise[up]})")
    tiers = d["framework"]["tiers"]

    def warned(sc, r):
        return {ids[k] for k in range(n) if r[k] > n - tiers["warning_bottom"] or sc[k] < tiers["warning_score_below"]}

    w22, w21 = warned(s22, r22), warned(s21, r21)
    show(t, "warned 2022 (bottom 3 or score < 5)", sorted(w22))
    show(t, "warned in both 2021 and 2022", sorted(w22 & w21))

    # The rules with exit modelled (docs/METRICS.md, "Dynamic management"),
    # in one pass over the years: a zone named for exit in year y is out of
    # the ranks of every later year, so each year ranks the zones still in.
    every = [scores(y) for y in years]
    keep_n = tiers["exit_after_warned_years"]
    out = {}
    history = {k: [] for k in range(n)}  # (warned, rank) per year while ranked

    def competition(live, key):
        order_ = sorted(live, key=key)
        place = {}
        for pos, k in enumerate(order_):
            tie = pos > 0 and key(k) == key(order_[pos - 1])
            place[k] = place[order_[pos - 1]] if tie else pos + 1
        return place

    for t, y in enumerate(years):
        live = [k for k in range(n) if not (ids[k] in out and out[ids[k]] < y)]
        rank = competition(live, lambda k: -every[t][k])
        bottom = competition(live, lambda k: every[t][k])
        for k in range(n):
            if k not in rank:
                history[k].append(None)
                continue
            warned_now = bottom[k] <= tiers["warning_bottom"] or every[t][k] < tiers["warning_score_below"]
            history[k].append((warned_now, rank[k]))
            last = history[k][-keep_n:]
            if len(last) == keep_n and all(h and h[0] for h in last) and rank[k] >= last[0][1]:
                out.setdefault(ids[k], y)
    show(t_ := "views/ranking", "exits (zone: first year named for exit)", out)

    # ---- national bands view (src/views/national_bands/tests.rs) ----
    t = "views/national_bands"
    ranking = {(r["zone"], r["year"]): (r["rank"], r["of"]) for r in d["national_rankings"]}
    ranked = sorted((ranking[(z, YEAR)][0], z) for z in national)
    show(t, "national zones' 2022 places, best first",
         ", ".join(f"{name_en[z]} {r}" for r, z in ranked) + f" (of {ranking[(national[0], YEAR)][1]})")
    places = [r for r, _ in ranked]
    for lo_, hi_ in ((1, 50), (51, 100), (101, 159), (160, 169)):
        show(t, f"zones placed {lo_}–{hi_}", sum(lo_ <= r <= hi_ for r in places))
    show(t, "Zone A's (z01) place by year", [ranking[("z01", y)][0] for y in years])
    show(t, "Zone L's (z12) place by year", [ranking[("z12", y)][0] for y in years])


if __name__ == "__main__":
    main()
