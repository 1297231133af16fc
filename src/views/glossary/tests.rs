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
    assert_eq!(en[1].report, "Growth is unbalanced overall. (C19)");
    let zh = explain(&dataset, Some("similarity"), Lang::Zh);
    assert_eq!(zh[0].term, "余弦相似度");
    assert!(zh[0].report.ends_with("（C18）"), "{}", zh[0].report);
    // The glossary: all seven; a chart without a measure (shares): none.
    assert_eq!(explain(&dataset, None, Lang::Zh).len(), 7);
    assert!(explain(&dataset, Some("shares"), Lang::En).is_empty());
}

/// A threshold the project chose is never put in the report's mouth: the
/// claims' `ours` notes (C18, C19) say the report names no measure, so the
/// measures that read a threshold say whose it is (a tester found "the
/// report reads above 0.4" beside C19's "the report names no measure").
#[test]
fn thresholds_are_said_to_be_ours_not_the_reports() {
    for m in MEASURES {
        for reading in [m.zh[2], m.en[2]] {
            for said in ["报告以", "报告把", "the report reads", "the report takes"] {
                assert!(!reading.contains(said), "{reading}");
            }
        }
    }
    let reading = |chart, lang, i: usize| explain(&bundled(), Some(chart), lang)[i].reading;
    assert!(reading("lorenz", Lang::Zh, 1).contains("本项目以高于0.4"));
    assert!(reading("lorenz", Lang::En, 1).contains("above 0.4 we read as unbalanced"));
    assert!(reading("similarity", Lang::Zh, 0).contains("本项目把0.8及以上视为相似"));
    assert!(reading("similarity", Lang::En, 0).contains("0.8 or more we count as alike"));
}
