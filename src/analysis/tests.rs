//! A tiny hand-made dataset every analysis unit test works on, small enough
//! to work each figure out by hand (each test says how).
//!
//! Four zones, two years (2021, 2022), two dimensions (a: 60, b: 40):
//!
//! | zone | level | metro | county | land | gdp 21/22 | hte 21/22 | mix |
//! |---|---|---|---|---|---|---|---|
//! | z1 | national | metro | no | 10 | 8 / 10 | 0 / 40 | [1, 0] |
//! | z2 | national | — | yes | 30 | 20 / 20 | 10 / 0 | [0, 1] |
//! | z3 | regional | metro | yes | 20 | 25 / 30 | 20 / 20 | [1, 1] |
//! | z4 | regional | metro | no | 40 | 50 / 50 | 40 / 10 | none |
//!
//! gdp is dimension a (coefficient 1), hte dimension b (coefficient 1);
//! employees is neutral context. Tier rules: top 1, rise 1, bottom 1,
//! below 40, exit after 2 warned years.

use serde_json::{json, Value};

use super::*;
use crate::model;

fn obs(zone: &str, indicator: &str, year: i32, value: Value) -> Value {
    json!({"zone": zone, "indicator": indicator, "year": year, "value": value, "status": "illustrative"})
}

fn indicator(id: &str, unit: &str, direction: &str, kind: &str, dimension: Option<&str>) -> Value {
    json!({
        "id": id, "name": {"zh": id, "en": id}, "unit": unit, "direction": direction,
        "kind": kind, "description": {"zh": id, "en": id},
        "dimension": dimension, "coefficient": dimension.map(|_| 1),
    })
}

fn zone(
    id: &str,
    level: &str,
    metro: Option<&str>,
    county: bool,
    land: f64,
    mix: Option<[f64; 2]>,
) -> Value {
    json!({
        "id": id, "name": {"zh": format!("{id}区"), "en": format!("Zone {id}")},
        "level": level, "parent": null, "metro_area": metro, "county_level": county,
        "land_km2": land, "leading_industries": [],
        "industry_mix": mix.map(|m| json!({"year": 2022, "unit": "yi_yuan",
            "values": {"ind_a": m[0], "ind_b": m[1]}})),
    })
}

/// The tiny dataset as JSON, for tests that edit it before loading.
pub(crate) fn tiny_json() -> Value {
    let zones = ["z1", "z2", "z3", "z4"];
    let series: [(&str, [[Option<f64>; 4]; 2]); 9] = [
        (
            "gdp",
            [
                [Some(8.0), Some(20.0), Some(25.0), Some(50.0)],
                [Some(10.0), Some(20.0), Some(30.0), Some(50.0)],
            ],
        ),
        (
            "hte",
            [
                [Some(0.0), Some(10.0), Some(20.0), Some(40.0)],
                [Some(40.0), Some(0.0), Some(20.0), Some(10.0)],
            ],
        ),
        (
            "employees",
            [[Some(1000.0), Some(2000.0), Some(1000.0), Some(4000.0)]; 2],
        ),
        (
            "rd_spending_internal",
            [[Some(1.0), Some(2.0), Some(3.0), Some(4.0)]; 2],
        ),
        (
            "invention_patents",
            [[Some(10.0), Some(2.0), Some(5.0), Some(0.0)]; 2],
        ),
        (
            "national_incubators",
            [[Some(1.0), Some(0.0), Some(0.0), Some(2.0)]; 2],
        ),
        (
            "listed_companies",
            [[Some(2.0), Some(0.0), Some(0.0), Some(1.0)]; 2],
        ),
        ("rd", [[Some(0.03), Some(0.05), Some(0.02), None]; 2]),
        (
            "st_staff",
            [[Some(100.0), Some(100.0), Some(100.0), Some(100.0)]; 2],
        ),
    ];
    let mut observations = Vec::new();
    for (id, by_year) in &series {
        for (t, year) in [2021, 2022].into_iter().enumerate() {
            for (z, zone) in zones.iter().enumerate() {
                let value = by_year[t][z].map_or(Value::Null, |v| json!(v));
                observations.push(obs(zone, id, year, value));
            }
        }
    }
    json!({
        "schema": "zone-monitor/1",
        "meta": {
            "title": {"zh": "测试", "en": "Test"},
            "region": {"zh": "全市", "en": "the region"},
            "parent_region": {"zh": "全省", "en": "the province"},
            "years": [2021, 2022],
            "units": [
                {"id": "yi_yuan", "label": {"zh": "亿元", "en": "100 million CNY"}},
                {"id": "count", "label": {"zh": "个", "en": "items"}},
                {"id": "share", "label": {"zh": "比例", "en": "share"}},
            ],
            "sources": [{"id": "s", "title": {"zh": "源", "en": "Source"}, "date": "2023", "kind": "report"}],
        },
        "framework": {
            "name": {"zh": "评价", "en": "Evaluation"},
            "dimensions": [
                {"id": "a", "name": {"zh": "甲", "en": "A"}, "weight": 60},
                {"id": "b", "name": {"zh": "乙", "en": "B"}, "weight": 40},
            ],
            "tiers": {"reward_top": 1, "reward_rise": 1, "warning_bottom": 1,
                      "warning_score_below": 40, "exit_after_warned_years": 2},
        },
        "indicators": [
            indicator("gdp", "yi_yuan", "higher", "amount", Some("a")),
            indicator("hte", "count", "higher", "count", Some("b")),
            indicator("employees", "count", "neutral", "count", None),
            indicator("rd_spending_internal", "yi_yuan", "higher", "amount", None),
            indicator("invention_patents", "count", "higher", "count", None),
            indicator("national_incubators", "count", "higher", "count", None),
            indicator("listed_companies", "count", "higher", "count", None),
            indicator("rd", "share", "higher", "share", None),
            indicator("st_staff", "count", "higher", "count", None),
        ],
        "industries": [
            {"id": "ind_a", "name": {"zh": "甲业", "en": "Industry A"}, "groups": ["leading"]},
            {"id": "ind_b", "name": {"zh": "乙业", "en": "Industry B"}, "groups": ["leading"]},
        ],
        "metro_areas": [{"id": "metro", "name": {"zh": "都市圈", "en": "Metro"}}],
        "zones": [
            zone("z1", "national", Some("metro"), false, 10.0, Some([1.0, 0.0])),
            zone("z2", "national", None, true, 30.0, Some([0.0, 1.0])),
            zone("z3", "regional", Some("metro"), true, 20.0, Some([1.0, 1.0])),
            zone("z4", "regional", Some("metro"), false, 40.0, None),
        ],
        "observations": observations,
        "region_totals": [
            {"indicator": "gdp", "year": 2022, "value": 400, "status": "reported", "source": "s"},
            {"indicator": "gdp", "year": 2022, "variant": "alt", "value": 200, "status": "derived", "source": "s"},
            {"indicator": "land_km2", "year": 2022, "value": 1000, "status": "illustrative"},
        ],
        "reference_averages": [
            {"indicator": "rd", "year": 2022, "value": 0.04, "status": "illustrative"},
            {"indicator": "gdp", "year": 2022, "value": 40, "status": "illustrative"},
            {"indicator": "rd_spending_internal", "year": 2022, "value": 5, "status": "illustrative"},
        ],
        "national_rankings": [],
        "benchmarks": [{"id": "bm", "name": {"zh": "标杆", "en": "Benchmark"}, "values": [
            {"indicator": "listed_companies", "year": 2022, "value": 30, "status": "reported", "source": "s"},
            {"indicator": "land_km2", "year": 2022, "value": 15, "status": "reported", "source": "s"},
        ]}],
        "context": [],
        "claims": [],
    })
}

/// Loads a dataset from JSON, panicking with the problems (test data only).
pub(crate) fn load(json: &Value) -> Dataset {
    match model::load(&json.to_string()) {
        Ok(loaded) => loaded.dataset,
        Err(problems) => panic!("the test dataset is invalid:\n{problems}"),
    }
}

pub(crate) fn tiny() -> Dataset {
    load(&tiny_json())
}

/// |a − b| ≤ 1e-12, with a message naming what was compared.
#[track_caller]
pub(crate) fn close(what: &str, got: Option<f64>, want: f64) {
    match got {
        Some(g) => assert!((g - want).abs() <= 1e-12, "{what}: got {g}, want {want}"),
        None => panic!("{what}: got None, want {want}"),
    }
}

#[test]
fn the_tiny_dataset_loads() {
    let ds = tiny();
    assert_eq!(ds.zones.len(), 4);
    assert_eq!(ds.years, [2021, 2022]);
}

#[test]
fn analyse_defaults_to_the_latest_year_and_rejects_an_unknown_one() {
    let ds = tiny();
    let analysis = analyse(&ds, &AnalysisSettings::default()).expect("analyses");
    assert_eq!(analysis.year, 2022);
    assert_eq!(analysis.evaluation.year, 2022);
    assert!(analysis.sensitivity.is_none());
    let err = analyse(
        &ds,
        &AnalysisSettings {
            year: Some(2019),
            ..AnalysisSettings::default()
        },
    )
    .expect_err("2019 is not in the data");
    assert_eq!(err.kind, AnalysisErrorKind::UnknownYear);
    assert!(err.message.contains("2021, 2022"), "{}", err.message);
}

#[test]
fn analyse_an_earlier_year() {
    let ds = tiny();
    let analysis = analyse(
        &ds,
        &AnalysisSettings {
            year: Some(2021),
            ..AnalysisSettings::report()
        },
    )
    .expect("analyses");
    assert_eq!(analysis.year, 2021);
    assert_eq!(analysis.headline.year, 2021);
    // No region total in 2021: no shares, but the sums are there.
    assert!(analysis.headline.shares.is_empty());
    assert_eq!(analysis.sensitivity.map(|s| s.year), Some(2021));
}

#[test]
fn unknown_indicator_is_an_error_not_a_panic() {
    let ds = tiny();
    assert!(imbalance::imbalance(&ds, 99, 2022).is_err());
    assert!(growth::growth(&ds, 99).is_err());
    assert_eq!(
        indicator_index(&ds, "nope").map_err(|e| e.kind),
        Err(AnalysisErrorKind::UnknownIndicator)
    );
}
