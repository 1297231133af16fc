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

Run (from the repository root):
    python3 -m pip install numpy
    python3 tools/expected_values.py
"""

import json
from itertools import combinations
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parent.parent / "www" / "data" / "zones.json"
YEAR = 2022


def show(test, what, value):
    print(f"{test}: {what} = {value}")


def main():
    d = json.loads(DATA.read_text())
    zones = [z for z in d["zones"] if z["level"] in ("national", "regional")]
    ids = [z["id"] for z in zones]
    obs = {(o["zone"], o["indicator"], o["year"]): o["value"] for o in d["observations"]}
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


if __name__ == "__main__":
    main()
