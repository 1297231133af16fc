//! The analysis on the bundled dataset and `zone-monitor report`.
//!
//! Expected figures come from the report (docs/CLAIMS.md, C3–C19) and from
//! tools/expected_values.py (NumPy over www/data/zones.json, not the crate).
//! `zone-monitor claims` computes the same figures on its own path
//! (src/claims.rs); where the two should agree the test also compares them,
//! a consistency check beside the independent values, not instead of them.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;
use zone_monitor::analysis::evaluation::{self, EvaluationSettings};
use zone_monitor::analysis::{analyse, Analysis, AnalysisSettings};
use zone_monitor::claims;
use zone_monitor::metrics::dynamic::Tier;
use zone_monitor::metrics::sensitivity::SensitivitySpec;
use zone_monitor::model::{self, Dataset};

use crate::data::bundled;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn analysis_2022(ds: &Dataset) -> Analysis {
    analyse(ds, &AnalysisSettings::report()).expect("the bundled data analyses")
}

/// The figure `claims` computed for a claim's check.
fn claimed(ds: &Dataset, claim: &str, check: usize) -> f64 {
    claims::evaluate(ds)
        .into_iter()
        .find(|c| c.id == claim)
        .and_then(|c| c.checks.get(check).and_then(|k| k.computed))
        .unwrap_or_else(|| panic!("{claim} check {check} has a figure"))
}

fn share(a: &Analysis, measure: &str, variant: Option<&str>) -> Option<f64> {
    a.headline
        .shares
        .iter()
        .find(|s| s.measure == measure && s.variant.as_deref() == variant)
        .and_then(|s| s.share)
}

#[test]
fn headline_shares_reproduce_the_report() {
    let ds = bundled();
    let a = analysis_2022(&ds);
    assert_eq!(a.year, 2022, "the latest year by default");
    // C5: under 3% of the land; C6: over 32% of GDP; C10: over 54% of the
    // high-tech value added; C7: 40% of the technology contracts.
    assert!(a.headline.land_share.is_some_and(|s| s < 0.03));
    assert!(share(&a, "gdp", None).is_some_and(|s| s > 0.32));
    assert!(share(&a, "high_tech_va", None).is_some_and(|s| s > 0.54));
    assert!(share(&a, "tech_contracts", None).is_some_and(|s| (s - 0.40).abs() <= 0.005));
    // C8 and C9 disagree: both totals are there, 50% and 56%.
    let c8 = share(&a, "high_tech_enterprises", Some("C8")).expect("C8 total");
    let c9 = share(&a, "high_tech_enterprises", None).expect("default total");
    assert!(
        (c8 - 0.50).abs() <= 0.005 && (c9 - 0.56).abs() <= 0.005,
        "{c8} {c9}"
    );
    // Land leverage of GDP: over 32% on under 3%, so over 10.7.
    let gdp = a
        .headline
        .shares
        .iter()
        .find(|s| s.measure == "gdp")
        .expect("gdp");
    assert!(gdp.land_leverage.is_some_and(|l| l > 0.32 / 0.03));
    assert_eq!(gdp.zones.sum, claimed(&ds, "C3", 0));
    // tools/expected_values.py: Σ 2022 GDP over the 36 zones = 17,386.4 亿元
    // (C3: over 17,300).
    assert!((gdp.zones.sum - 17386.4).abs() < 1e-6);

    let sum = |id: &str| {
        a.headline
            .sums
            .iter()
            .find(|s| s.indicator == id)
            .expect(id)
    };
    assert_eq!(sum("high_tech_va").all.sum, 6425.0); // C4
    assert_eq!(sum("high_tech_enterprises").all.sum, 11196.0); // C9
    assert!(sum("innovation_platforms").all.sum > 2000.0); // C11
    assert!((sum("invention_patents").national.sum - 19000.0).abs() <= 500.0); // C16
    assert_eq!(sum("listed_companies").all.sum, 60.0); // C17
}

#[test]
fn imbalance_specialisation_innovation_and_benchmarks_reproduce_the_report() {
    let ds = bundled();
    let a = analysis_2022(&ds);
    // C19: Gini of GDP over 0.4, the same figure as the claims check, and
    // 0.54038 by tools/expected_values.py (NumPy over zones.json, the mean
    // absolute difference over 2μ).
    let gdp = a
        .imbalance
        .iter()
        .find(|i| i.indicator == "gdp")
        .expect("gdp");
    assert_eq!(gdp.gini, Some(claimed(&ds, "C19", 0)));
    assert!(gdp.gini.is_some_and(|g| g > 0.4));
    assert!(gdp.gini.is_some_and(|g| (g - 0.54038).abs() < 1e-5));
    let t = gdp.by_level.theil_t.as_ref().expect("Theil T by level");
    assert!((t.between + t.within - t.total).abs() < 1e-12);
    assert_eq!(gdp.lorenz.as_ref().map(|l| l.points.len()), Some(36));

    // C18: most pairs alike (cosine ≥ 0.8): 587 of the 630 pairs by
    // tools/expected_values.py (NumPy cosines of the industry mixes), and
    // the same share as the claims check.
    let s = &a.specialisation;
    assert_eq!((s.pairs, s.pairs_above), (630, 587));
    assert_eq!(s.share_above, Some(claimed(&ds, "C18", 0)));
    assert_eq!(s.heatmap_order.len(), 36);
    assert!(s.missing_zones.is_empty());

    // C14: the zones' means of college-educated staff, S&T staff and R&D
    // spending are below the level above's average.
    for (k, id) in ["college_staff_share", "st_staff", "rd_spending_internal"]
        .into_iter()
        .enumerate()
    {
        let level = a
            .innovation
            .levels
            .iter()
            .find(|l| l.indicator == id)
            .expect(id);
        assert_eq!(level.mean_below_reference, Some(true), "{id}");
        let mean = level.mean.expect("mean");
        assert!((mean - claimed(&ds, "C14", k)).abs() < 1e-9, "{id}");
    }
    assert!(
        a.innovation.unavailable.is_empty(),
        "{:?}",
        a.innovation.unavailable
    );
    assert_eq!(a.innovation.intensities.len(), 4);
    // C15: some national zones in counties have no national incubator.
    let incubators = a.innovation.incubators.as_ref().expect("C15");
    assert_eq!(
        incubators.national_county_zones_with_zero.len() as f64,
        claimed(&ds, "C15", 0)
    );
    assert!(!incubators.national_county_zones_with_zero.is_empty());

    // C17: 360 in Zhangjiang, 189 in Shenzhen against 60; most zones none.
    let b: Vec<(&str, Option<f64>)> = a
        .benchmarks
        .rows
        .iter()
        .map(|r| (r.benchmark.as_str(), r.value))
        .collect();
    assert_eq!(b, [("zhangjiang", Some(360.0)), ("shenzhen", Some(189.0))]);
    let zhangjiang = &a.benchmarks.rows[0];
    // By hand: 360 / 60 = 6; tools/expected_values.py: 21 zones have none.
    assert_eq!(zhangjiang.benchmark_to_zones, Some(6.0));
    assert!(zhangjiang.zones_with_zero.zero > 18);
    assert_eq!(
        zhangjiang.per_km2, None,
        "the data gives no land for Zhangjiang"
    );
    assert!(zhangjiang.zones_per_km2.is_some());
}

#[test]
fn dynamic_management_over_2018_to_2022_rewards_warns_and_exits_with_reasons() {
    let ds = bundled();
    let e = evaluation::evaluate(&ds, &EvaluationSettings::default()).expect("evaluates");
    assert_eq!(e.years.len(), 5);
    let tiers: Vec<Tier> = e
        .verdicts
        .iter()
        .flat_map(|v| v.verdict.tiers.iter().copied())
        .collect();
    for tier in [Tier::Reward, Tier::Warning, Tier::Exit] {
        assert!(tiers.contains(&tier), "no {tier:?} over 2018-2022");
    }
    // Top 3 are rewarded every year.
    assert!(e.tiers.iter().all(|t| t.reward.len() >= 3));
    // Every tier comes with the rule that earned it and its numbers.
    let json = serde_json::to_value(&e.verdicts).expect("serialises");
    for verdict in json.as_array().expect("array") {
        let tiers = verdict["tiers"].as_array().expect("tiers");
        let rules: Vec<&str> = verdict["reasons"]
            .as_array()
            .expect("reasons")
            .iter()
            .filter_map(|r| r["rule"].as_str())
            .collect();
        for tier in tiers {
            let allowed: &[&str] = match tier.as_str() {
                Some("reward") => &["top_k", "rise"],
                Some("warning") => &["bottom_k", "below_score"],
                _ => &["exit"],
            };
            assert!(
                rules.iter().any(|r| allowed.contains(r)),
                "{verdict} has no rule for {tier}"
            );
        }
    }
    let exit = json
        .as_array()
        .and_then(|v| v.iter().find(|v| v["tiers"].to_string().contains("exit")))
        .expect("an exit");
    let reason = exit["reasons"]
        .as_array()
        .and_then(|r| r.iter().find(|r| r["rule"] == "exit"))
        .expect("exit reason");
    assert_eq!(reason["warned_years"], 2);
    assert!(reason["rank_now"].as_u64() >= reason["rank_then"].as_u64());
    // Rank changes are against the previous year; none in the first.
    assert!(e.years[0].zones.iter().all(|z| z.rank_change.is_none()));
    assert!(e.years[4].zones.iter().any(|z| z.rank_change != Some(0)));
}

#[test]
fn entropy_topsis_and_user_weights_evaluate_the_bundled_data() {
    let ds = bundled();
    let topsis =
        evaluation::evaluate(&ds, &EvaluationSettings::entropy_topsis()).expect("evaluates");
    let base = evaluation::evaluate(&ds, &EvaluationSettings::default()).expect("evaluates");
    for e in [&topsis, &base] {
        let ranked = e
            .focus()
            .expect("2022")
            .zones
            .iter()
            .filter(|z| z.rank.is_some())
            .count();
        let exited = e
            .focus()
            .expect("2022")
            .zones
            .iter()
            .filter(|z| z.exited_in.is_some())
            .count();
        // Every zone is scored; those named for exit before 2022 are not ranked.
        assert_eq!(ranked + exited, 36);
        assert!(exited > 0);
    }
    // The framework: 20/20/15/15/30 over the five dimensions.
    let dims = &base.focus().expect("2022").dimension_weights;
    for (got, want) in dims.iter().zip([0.2, 0.2, 0.15, 0.15, 0.3]) {
        assert!((got - want).abs() < 1e-12, "{dims:?}");
    }
    let innovation_only = EvaluationSettings {
        weighting: evaluation::EvaluationWeighting::Dimensions {
            weights: vec![1.0, 0.0, 0.0, 0.0, 0.0],
        },
        ..EvaluationSettings::default()
    };
    let e = evaluation::evaluate(&ds, &innovation_only).expect("evaluates");
    let y = e.focus().expect("2022");
    // The score is then the innovation sub-score.
    for z in &y.zones {
        let (Some(score), Some(sub)) = (z.score, y.dimension_score(z.zone, 0)) else {
            panic!("{} unscored", z.zone_id);
        };
        assert!((score - sub).abs() < 1e-9);
    }
}

#[test]
fn zero_perturbation_returns_the_base_ranking_of_the_bundled_data() {
    let ds = bundled();
    let settings = EvaluationSettings::default();
    let base = evaluation::evaluate(&ds, &settings).expect("evaluates");
    let spec = SensitivitySpec {
        delta: 0.0,
        draws: 100,
        seed: 1,
    };
    let s = evaluation::sensitivity(&ds, &settings, &spec).expect("runs");
    for (z, b) in s.zones.iter().zip(&base.focus().expect("2022").zones) {
        assert_eq!(z.zone.base_rank, b.rank);
        assert_eq!((z.zone.rank_p05, z.zone.rank_p95), (b.rank, b.rank));
    }
    assert_eq!(s.mean_abs_shift, Some(0.0));
    // The default perturbation moves some zones, and is reproducible.
    let a = analysis_2022(&ds)
        .sensitivity
        .expect("report settings run it");
    assert_eq!(a.spec, evaluation::DEFAULT_SENSITIVITY);
    assert!(a.mean_abs_shift.is_some_and(|m| m > 0.0));
    assert_eq!(Some(a), analysis_2022(&ds).sensitivity);
}

/// The bundled file with some values set to null: three zones' 2022 GDP,
/// one zone's whole 2022 row, one zone's industry mix.
fn with_gaps() -> String {
    let mut json = crate::data::bundled_as_rows();
    for o in json["observations"].as_array_mut().expect("observations") {
        let gdp_gap = o["indicator"] == "gdp"
            && ["z03", "z20", "z30"].contains(&o["zone"].as_str().unwrap_or(""));
        if (gdp_gap || o["zone"] == "z36") && o["year"] == 2022 {
            o["value"] = Value::Null;
        }
    }
    for z in json["zones"].as_array_mut().expect("zones") {
        if z["id"] == "z10" {
            z["industry_mix"] = Value::Null;
        }
    }
    json.to_string()
}

#[test]
fn missing_values_are_analysed_and_reported_never_dropped_silently() {
    let ds = model::load(&with_gaps()).expect("nulls are valid").dataset;
    let a = analysis_2022(&ds);
    let gdp_share = a
        .headline
        .shares
        .iter()
        .find(|s| s.measure == "gdp")
        .expect("gdp");
    assert_eq!(gdp_share.missing_zones, ["z03", "z20", "z30", "z36"]);
    assert_eq!(gdp_share.zones.missing, 4);
    let gdp = a
        .imbalance
        .iter()
        .find(|i| i.indicator == "gdp")
        .expect("gdp");
    assert_eq!((gdp.zones_used, gdp.missing_zones.len()), (32, 4));
    assert_eq!(a.specialisation.missing_zones, ["z10"]);
    assert_eq!(a.specialisation.pairs, 35 * 34 / 2);
    let focus = a.evaluation.focus().expect("2022");
    assert_eq!(focus.unscored, ["z36"]);
    let z03 = &focus.zones[2];
    assert_eq!(z03.missing_indicators, ["gdp"]);
    assert!(z03.rank.is_some(), "scored on the indicators it has");
    let growth = a.growth.iter().find(|g| g.indicator == "gdp").expect("gdp");
    assert_eq!(growth.zones[2].yoy[4], None);
    assert_eq!(
        growth.total.yoy.as_ref().and_then(|y| y[4]),
        None,
        "a partial sum has no growth"
    );
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zone-monitor"))
        .args(args)
        .output()
        .expect("zone-monitor runs")
}

fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

/// The keys documented in docs/METRICS.md, "The report command".
#[test]
fn report_json_has_the_documented_keys() {
    let bundled = root().join("www/data/zones.json");
    let out = run(&["report", bundled.to_str().expect("path"), "--json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Value = serde_json::from_slice(&out.stdout).expect("the report is JSON");
    let expect = |value: &Value, want: &[&str]| {
        let mut got = keys(value);
        got.sort_unstable();
        let mut want = want.to_vec();
        want.sort_unstable();
        assert_eq!(got, want);
    };
    expect(
        &r,
        &[
            "schema",
            "year",
            "years",
            "region",
            "zones",
            "industries",
            "areas",
            "indicators",
            "headline",
            "imbalance",
            "specialisation",
            "innovation",
            "benchmarks",
            "evaluation",
            "sensitivity",
            "growth",
            "warnings",
        ],
    );
    assert_eq!(r["schema"], "zone-monitor-report/1");
    assert_eq!(
        r["warnings"],
        Value::Array(Vec::new()),
        "the bundled file has none"
    );
    assert_eq!(r["year"], 2022);
    expect(
        &r["zones"][0],
        &[
            "index",
            "id",
            "name",
            "level",
            "metro_area",
            "county_level",
            "land_km2",
            "sub_parks",
        ],
    );
    assert_eq!(r["zones"][0]["id"], "z01");
    assert_eq!(r["zones"][0]["name"]["en"], "Zone A");
    expect(&r["industries"][0], &["index", "id", "name"]);
    expect(
        &r["indicators"][0],
        &[
            "index",
            "id",
            "name",
            "unit",
            "direction",
            "kind",
            "dimension",
        ],
    );
    expect(&r["headline"], &["year", "land_share", "shares", "sums"]);
    expect(
        &r["headline"]["shares"][0],
        &[
            "measure",
            "variant",
            "zones",
            "missing_zones",
            "region_total",
            "status",
            "share",
            "land_leverage",
        ],
    );
    expect(
        &r["headline"]["sums"][0],
        &["indicator", "all", "national", "regional", "missing_zones"],
    );
    expect(
        &r["imbalance"][0],
        &[
            "indicator",
            "year",
            "zones_used",
            "missing_zones",
            "gini",
            "cv",
            "lorenz",
            "by_level",
            "by_metro_area",
        ],
    );
    expect(
        &r["imbalance"][0]["by_level"],
        &["groups", "theil_t", "theil_l"],
    );
    expect(
        &r["imbalance"][0]["lorenz"]["points"][0],
        &["zone", "zone_id", "cum_land_share", "cum_value_share"],
    );
    expect(
        &r["specialisation"],
        &[
            "threshold",
            "zones",
            "zone_index",
            "industries",
            "mix_years",
            "mix_units",
            "missing_zones",
            "mean_similarity",
            "pairs",
            "pairs_above",
            "share_above",
            "similar_pairs",
            "heatmap_order",
            "similarity",
            "location_quotients",
            "per_zone",
        ],
    );
    expect(
        &r["specialisation"]["similar_pairs"][0],
        &["a", "b", "a_id", "b_id", "similarity"],
    );
    expect(
        &r["specialisation"]["per_zone"][0],
        &[
            "zone",
            "zone_id",
            "krugman_rest",
            "krugman_all",
            "herfindahl",
            "most_distinctive",
        ],
    );
    expect(
        &r["specialisation"]["per_zone"][0]["most_distinctive"],
        &["industry", "industry_id", "location_quotient"],
    );
    expect(
        &r["innovation"],
        &["year", "intensities", "levels", "incubators", "unavailable"],
    );
    expect(
        &r["innovation"]["intensities"][0],
        &[
            "id",
            "numerator",
            "denominator",
            "unit",
            "comparison",
            "below_region",
            "below_reference",
            "left_out",
        ],
    );
    expect(
        &r["innovation"]["levels"][0],
        &[
            "indicator",
            "zones_compared",
            "missing_zones",
            "mean",
            "reference",
            "reference_status",
            "mean_below_reference",
            "below_mean",
            "below_reference",
        ],
    );
    expect(
        &r["innovation"]["incubators"],
        &[
            "indicator",
            "counts",
            "zones_with_zero",
            "national_county_zones_with_zero",
        ],
    );
    expect(&r["benchmarks"], &["year", "rows"]);
    expect(
        &r["benchmarks"]["rows"][0],
        &[
            "benchmark",
            "name",
            "measure",
            "value",
            "status",
            "land_km2",
            "per_km2",
            "zones",
            "missing_zones",
            "zones_land_km2",
            "zones_per_km2",
            "benchmark_to_zones",
            "zones_with_zero",
            "zones_without",
        ],
    );
    let e = &r["evaluation"];
    expect(
        e,
        &[
            "settings",
            "year",
            "indicators",
            "excluded_indicators",
            "dimensions",
            "years",
            "rules",
            "tiers",
            "verdicts",
        ],
    );
    expect(
        &e["settings"],
        &[
            "normalisation",
            "weighting",
            "aggregation",
            "year",
            "rules",
            "keep_exited",
        ],
    );
    assert_eq!(e["settings"]["weighting"]["method"], "framework");
    expect(
        &e["indicators"][0],
        &[
            "indicator",
            "id",
            "dimension",
            "dimension_id",
            "direction",
            "coefficient",
        ],
    );
    expect(
        &e["dimensions"][0],
        &["dimension", "id", "name", "framework_weight"],
    );
    expect(
        &e["years"][0],
        &["year", "weights", "dimension_weights", "zones", "unscored"],
    );
    expect(
        &e["years"][0]["zones"][0],
        &[
            "zone",
            "zone_id",
            "score",
            "rank",
            "rank_change",
            "exited_in",
            "dimension_scores",
            "dimension_ranks",
            "missing_indicators",
        ],
    );
    expect(&e["tiers"][0], &["year", "reward", "warning", "exit"]);
    expect(
        &e["verdicts"][0],
        &[
            "zone_id",
            "zone",
            "year",
            "score",
            "rank",
            "rank_change",
            "tiers",
            "reasons",
        ],
    );
    expect(
        &e["rules"],
        &[
            "reward_top_k",
            "reward_rise",
            "warn_bottom_k",
            "warn_below",
            "exit_after",
        ],
    );
    expect(
        &r["sensitivity"],
        &["year", "aggregation", "spec", "zones", "mean_abs_shift"],
    );
    expect(
        &r["sensitivity"]["zones"][0],
        &[
            "zone_id",
            "zone",
            "base_rank",
            "median_rank",
            "rank_p05",
            "rank_p95",
            "mean_abs_shift",
        ],
    );
    expect(&r["growth"][0], &["indicator", "years", "zones", "total"]);
    expect(
        &r["growth"][0]["zones"][0],
        &["zone", "zone_id", "values", "yoy", "cagr"],
    );
    expect(&r["growth"][0]["total"], &["sums", "yoy", "cagr"]);
}

#[test]
fn report_exit_codes_and_year() {
    let bundled = root().join("www/data/zones.json");
    let path = bundled.to_str().expect("path");
    let out = run(&["report", path, "--year", "2019", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let r: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(r["year"], 2019);
    assert_eq!(r["headline"]["year"], 2019);

    let text = run(&["report", path, "--lang", "en"]);
    assert_eq!(text.status.code(), Some(0));
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("z01 Zone A"), "{text}");
    assert!(text.contains("Dynamic management"), "{text}");

    let unknown_year = run(&["report", path, "--year", "1999"]);
    assert_eq!(unknown_year.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown_year.stderr).contains("no year 1999"));
    assert_eq!(run(&["report", path, "--year"]).status.code(), Some(2));
    assert_eq!(
        run(&["report", "/nonexistent/zones.json"]).status.code(),
        Some(2)
    );

    let bad = root().join("tests/datasets/bad/approx_without_tolerance.json");
    let invalid = run(&["report", bad.to_str().expect("path"), "--json"]);
    assert_eq!(invalid.status.code(), Some(1));
    let printed = String::from_utf8_lossy(&invalid.stdout);
    assert!(
        printed.contains("tolerance"),
        "the problems are printed: {printed}"
    );
}

#[test]
fn report_of_a_dataset_with_gaps_names_what_it_left_out() {
    let dir = std::env::temp_dir().join(format!("zone-monitor-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("gaps.json");
    std::fs::write(&file, with_gaps()).expect("written");
    let path = file.to_str().expect("path");
    let out = run(&["report", path, "--json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        r["headline"]["shares"][0]["missing_zones"]
            .as_array()
            .map(Vec::len),
        Some(4)
    );
    assert_eq!(r["evaluation"]["years"][4]["unscored"][0], "z36");
    let text = run(&["report", path, "--lang", "en"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("left out, no value 4: z03, z20, z30, z36"),
        "{text}"
    );
    assert!(text.contains("no industry mix: z10"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

mod gaps {
    //! Random gaps in the bundled data: the analysis never fails or panics,
    //! and every gap shows up in the results as a named zone.

    use proptest::prelude::*;
    use serde_json::Value;
    use zone_monitor::analysis::{analyse, AnalysisSettings};
    use zone_monitor::model;

    use crate::data::bundled_text;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]
        #[test]
        fn every_gap_is_named(
            nulls in proptest::collection::vec(0usize..4860, 0..60),
            mixes in proptest::collection::vec(0usize..36, 0..4),
            rows in any::<bool>(),
        ) {
            // The values as rows or as the file's series: the gaps are made
            // in either form.
            let mut json = if rows {
                crate::data::bundled_as_rows()
            } else {
                serde_json::from_str(&bundled_text()).expect("JSON")
            };
            if rows {
                let observations = json["observations"].as_array_mut().expect("array");
                let n = observations.len();
                for i in &nulls {
                    observations[i % n]["value"] = Value::Null;
                }
            } else {
                // 27 entries × 36 zones × 5 years = 4,860 values.
                for i in &nulls {
                    let entry = &mut json["series"][i / 180]["values"];
                    let zone = entry.as_object().expect("values").keys().nth(i % 180 / 5).cloned();
                    entry[zone.expect("36 zones").as_str()][i % 5] = Value::Null;
                }
            }
            for z in &mixes {
                json["zones"][*z]["industry_mix"] = Value::Null;
            }
            let ds = model::load(&json.to_string()).expect("nulls are valid").dataset;
            let a = analyse(&ds, &AnalysisSettings::default()).expect("analyses");
            let year = ds.year_index(a.year).expect("year");
            for (i, im) in a.imbalance.iter().enumerate() {
                let missing: Vec<&str> = ds.columns[i][year]
                    .values
                    .iter()
                    .zip(&ds.zones)
                    .filter(|(v, _)| v.is_none())
                    .map(|(_, z)| z.id.as_str())
                    .collect();
                prop_assert_eq!(&im.missing_zones, &missing);
                prop_assert_eq!(im.zones_used + missing.len(), ds.zones.len());
            }
            let focus = a.evaluation.focus().expect("focus");
            for z in &focus.zones {
                prop_assert!(z.score.is_some() || focus.unscored.contains(&z.zone_id));
            }
            let mut without_mix: Vec<usize> = mixes.clone();
            without_mix.sort_unstable();
            without_mix.dedup();
            prop_assert_eq!(a.specialisation.missing_zones.len(), without_mix.len());
            prop_assert_eq!(a.specialisation.zones.len(), ds.zones.len() - without_mix.len());
        }
    }
}
