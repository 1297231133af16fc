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

/// An exit after one warned year says that year and its rank (the ranks
/// then and now are the same year's: "rank 7 → 7" said nothing), not "1
/// years running"; two or more say the run and the two ranks. Expected:
/// the CLI's output on the bundled file with `--rules 3.5.6.0.1` read by
/// hand (a zone warned in 2022 at rank 7 — the rule's own numbers here).
#[test]
fn an_exit_after_one_year_says_that_year() {
    use crate::metrics::dynamic::Reason;
    let exit = |warned_years, rank_then| Reason::Exit {
        warned_years,
        since_year: 2022,
        rank_then,
        rank_now: 7,
    };
    assert_eq!(
        reason(&exit(1, 7), Lang::En),
        "exit: warned in 2022 (rank 7)"
    );
    assert_eq!(reason(&exit(1, 7), Lang::Zh), "退出：2022年预警（第7名）");
    assert_eq!(
        reason(&exit(2, 6), Lang::En),
        "exit: warned 2 years running since 2022 without improving (rank 6 → 7)"
    );
    assert_eq!(
        reason(&exit(2, 6), Lang::Zh),
        "退出：自2022年起连续2年预警，排名未改善（第6→第7）"
    );
}
