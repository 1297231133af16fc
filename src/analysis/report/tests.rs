//! The report of the tiny dataset: its top-level keys, zones named, and a
//! summary that names zones and rules.

use super::*;
use crate::analysis::tests::tiny;
use crate::analysis::{analyse, AnalysisSettings};

#[test]
fn report_keys_and_zone_table() {
    let ds = tiny();
    let a = analyse(&ds, &AnalysisSettings::report()).expect("analyses");
    let value = serde_json::to_value(report(&ds, &a)).expect("serialises");
    let keys: Vec<&str> = value
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    for key in [
        "schema",
        "year",
        "years",
        "region",
        "zones",
        "industries",
        "indicators",
        "headline",
        "imbalance",
        "specialisation",
        "innovation",
        "benchmarks",
        "evaluation",
        "sensitivity",
        "growth",
    ] {
        assert!(keys.contains(&key), "missing {key} in {keys:?}");
    }
    assert_eq!(value["schema"], REPORT_SCHEMA);
    assert_eq!(value["zones"][1]["id"], "z2");
    assert_eq!(value["zones"][1]["name"]["en"], "Zone z2");
    assert_eq!(value["zones"][1]["metro_area"], serde_json::Value::Null);
    assert_eq!(value["indicators"][0]["dimension"], "a");
}

#[test]
fn summary_names_zones_and_reasons_in_both_languages() {
    let ds = tiny();
    let a = analyse(&ds, &AnalysisSettings::report()).expect("analyses");
    let en = summary(&ds, &a, Lang::En);
    assert!(en.contains("z2 Zone z2"), "{en}");
    assert!(
        en.contains("exit: warned 2 years running since 2021"),
        "{en}"
    );
    assert!(en.contains("left out, no value 1: z4"), "{en}");
    let zh = summary(&ds, &a, Lang::Zh);
    assert!(zh.contains("退出"), "{zh}");
    assert!(zh.contains("z2 z2区"), "{zh}");
}

/// An exit after one warned year says "1 year", not "1 years running"
/// (a reader set "exit after" to 1 on the rules panel); two say "running".
#[test]
fn an_exit_after_one_year_is_singular() {
    use crate::metrics::dynamic::Reason;
    let exit = |warned_years| Reason::Exit {
        warned_years,
        since_year: 2022,
        rank_then: 30,
        rank_now: 31,
    };
    assert_eq!(
        reason(&exit(1), Lang::En),
        "exit: warned 1 year since 2022 without improving (rank 30 → 31)"
    );
    assert_eq!(
        reason(&exit(2), Lang::En),
        "exit: warned 2 years running since 2022 without improving (rank 30 → 31)"
    );
    assert_eq!(
        reason(&exit(1), Lang::Zh),
        "退出：自2022年起连续1年预警，排名未改善（第30→第31）"
    );
}
