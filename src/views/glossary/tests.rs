use super::*;
use crate::views::testing::bundled;
use crate::views::ChartId;

/// Every chart a measure names exists in the registry.
#[test]
fn measures_name_registered_charts() {
    for m in MEASURES {
        for chart in m.charts {
            assert!(ChartId::ALL.iter().any(|c| c.as_str() == *chart), "{chart}");
        }
    }
}

/// Each measure in both languages: Chinese with CJK characters, English without.
#[test]
fn every_measure_in_both_languages() {
    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for m in MEASURES {
        for (zh, en) in m.zh.iter().zip(m.en) {
            assert!(cjk(zh), "{zh}");
            assert!(!cjk(en), "{en}");
        }
    }
}

/// The Lorenz chart explains both Gini coefficients; the one C19 checks
/// quotes C19's sentence (its text in www/data/zones.json).
#[test]
fn lorenz_explains_both_ginis_with_the_report_sentence() {
    let dataset = bundled();
    let en = explain(&dataset, Some("lorenz"), Lang::En);
    let terms: Vec<&str> = en.iter().map(|e| e.term).collect();
    assert_eq!(
        terms,
        ["Gini coefficient, land-weighted", "Gini of GDP over zones"]
    );
    assert_eq!(en[0].report, "");
    assert_eq!(
        en[1].report,
        "Growth is unbalanced between zones (Gini of GDP over the 36 zones above 0.4). (C19)"
    );
    let zh = explain(&dataset, Some("similarity"), Lang::Zh);
    assert_eq!(zh[0].term, "余弦相似度");
    assert!(zh[0].report.ends_with("（C18）"), "{}", zh[0].report);
    // The glossary: all seven; a chart without a measure (shares): none.
    assert_eq!(explain(&dataset, None, Lang::Zh).len(), 7);
    assert!(explain(&dataset, Some("shares"), Lang::En).is_empty());
}
