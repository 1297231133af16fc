//! Claims on the minimal file (tests/datasets/good/minimal.json): two zones,
//! a (national, GDP 100.5, 50 high-tech enterprises, R&D share 0.03, mix
//! (10, 5)) and b (regional, county-level, 20, 0, 0.01, mix (2, 4)), one
//! sub-park of a. Expected figures are worked out by hand in each comment.

use super::*;
use crate::model::{load, Level, Measure, Op, ZoneFilter};

const MINIMAL: &str = include_str!("../../tests/datasets/good/minimal.json");

fn ds() -> Dataset {
    load(MINIMAL).expect("minimal loads").dataset
}

fn check(check: Check) -> CheckResult {
    evaluate_check(&ds(), &check)
}

fn close(x: Option<f64>, want: f64) -> bool {
    x.is_some_and(|x| (x - want).abs() < 1e-9)
}

const ALL: ZoneFilter = ZoneFilter {
    level: None,
    county_level: None,
    metro_area: None,
};

#[test]
fn claims_of_the_file() {
    let results = evaluate(&ds());
    // C1: 100.5 + 20 = 120.5 > 100.
    assert!(results[0].holds && close(results[0].checks[0].computed, 120.5));
    // C2: 120.5 / 500 = 0.241 ≈ 0.24 ± 0.01; flagged against C1.
    assert!(results[1].holds && close(results[1].checks[0].computed, 0.241));
    assert_eq!(results[1].contradicts, vec!["C1".to_string()]);
    assert_eq!(results[1].verdict(Lang::En), "holds; contradicts C1");
    assert_eq!(results[0].verdict(Lang::Zh), "成立");
}

#[test]
fn counts_and_sums() {
    let sub = ZoneFilter {
        level: Some(Level::SubPark),
        ..ALL
    };
    assert!(close(
        check(Check::CountZones {
            zones: sub.clone(),
            op: Op::Eq,
            value: 1.0
        })
        .computed,
        1.0
    ));
    assert!(close(
        check(Check::CountZones {
            zones: ALL,
            op: Op::Eq,
            value: 2.0
        })
        .computed,
        2.0
    ));
    let national = ZoneFilter {
        level: Some(Level::National),
        ..ALL
    };
    let r = check(Check::Sum {
        indicator: 1,
        year: 2022,
        zones: national,
        op: Op::Eq,
        value: 50.0,
    });
    assert!(r.holds && close(r.computed, 50.0));
    // The sub-parks' sum: they have no values of their own, so 0 of none,
    // and +0 (std's f64 `Sum` of no value is -0.0, which prints "-0";
    // == cannot tell the two apart).
    let r = check(Check::Sum {
        indicator: 1,
        year: 2022,
        zones: sub,
        op: Op::Eq,
        value: 0.0,
    });
    assert!(
        r.computed.is_some_and(|x| x == 0.0 && x.is_sign_positive()),
        "{:?}",
        r.computed
    );
    // Zones whose high-tech enterprises = 0: only b.
    let r = check(Check::CountWhere {
        indicator: 1,
        year: 2022,
        zones: ALL,
        value_op: Op::Eq,
        threshold: 0.0,
        op: Op::Ge,
        value: 1.0,
    });
    assert!(r.holds && close(r.computed, 1.0));
}

#[test]
fn shares_use_the_region_total() {
    // Land: (100 + 20) / 10,000 = 0.012; the sub-park's 5 km² is inside its
    // parent and not added again.
    let r = check(Check::Share {
        measure: Measure::Land,
        year: 2022,
        zones: ALL,
        variant: None,
        op: Op::Lt,
        value: 0.03,
    });
    assert!(r.holds && close(r.computed, 0.012));
    // No region total for 2021: no figure, the check fails and says why.
    let r = check(Check::Share {
        measure: Measure::Indicator(0),
        year: 2021,
        zones: ALL,
        variant: None,
        op: Op::Gt,
        value: 0.0,
    });
    assert!(!r.holds && r.computed.is_none() && r.note.is_some());
    // An unknown variant is a missing total, not a panic.
    let r = check(Check::Share {
        measure: Measure::Indicator(0),
        year: 2022,
        zones: ALL,
        variant: Some("X".into()),
        op: Op::Gt,
        value: 0.0,
    });
    assert!(!r.holds && r.computed.is_none());
}

#[test]
fn ranks_benchmarks_context_reference() {
    let r = check(Check::RankCount {
        year: 2022,
        from: 1,
        to: 50,
        op: Op::Eq,
        value: 1.0,
    });
    assert!(r.holds);
    let r = check(Check::Benchmark {
        benchmark: 0,
        measure: Measure::Indicator(1),
        year: 2022,
        op: Op::Eq,
        value: 360.0,
    });
    assert!(r.holds);
    assert!(
        check(Check::Context {
            figure: 0,
            op: Op::Eq,
            value: 4.0
        })
        .holds
    );
    // Mean R&D share (0.03 + 0.01) / 2 = 0.02 < the province's 0.04.
    let r = check(Check::MeanVsReference {
        indicator: 2,
        year: 2022,
        zones: ALL,
        op: Op::Lt,
    });
    assert!(r.holds && close(r.computed, 0.02) && close(r.stated, 0.04));
    // No reference for 2021.
    assert!(
        !check(Check::MeanVsReference {
            indicator: 2,
            year: 2021,
            zones: ALL,
            op: Op::Lt
        })
        .holds
    );
}

#[test]
fn similarity_and_gini_by_hand() {
    // cos((10,5),(2,4)) = (20 + 20) / (√125 · √20) = 40 / 50 = 0.8: the one
    // pair is similar at threshold 0.79, not at 0.81 (0.8 itself sits on the
    // floating-point edge).
    let r = check(Check::SimilarPairs {
        zones: ALL,
        threshold: 0.79,
        op: Op::Eq,
        value: 1.0,
    });
    assert!(r.holds && close(r.computed, 1.0), "{r:?}");
    let r = check(Check::SimilarPairs {
        zones: ALL,
        threshold: 0.81,
        op: Op::Eq,
        value: 0.0,
    });
    assert!(r.holds);
    // Gini of GDP (100.5, 20): Σ|xi − xj| = 2 · 80.5 = 161; 2n²μ = 2 · 4 · 60.25
    // = 482; G = 161 / 482.
    let r = check(Check::Gini {
        indicator: 0,
        year: 2022,
        zones: ALL,
        op: Op::Gt,
        value: 0.3,
    });
    assert!(r.holds && close(r.computed, 161.0 / 482.0));
}

#[test]
fn statuses_of_the_values_each_check_used() {
    let mix = |reported, derived, illustrative, unstated| StatusMix {
        reported,
        restated: 0,
        derived,
        illustrative,
        unstated,
    };
    // The minimal file's one source is of kind "report": its reported
    // figures are the report's own, restated.
    let restated = |n, illustrative| StatusMix {
        restated: n,
        illustrative,
        ..StatusMix::default()
    };
    let gdp = || Measure::Indicator(ds().indicator_index("gdp").expect("gdp"));
    // Σ GDP 2022 over a and b: two illustrative observations.
    let sum = check(Check::Sum {
        indicator: 0,
        year: 2022,
        zones: ALL,
        op: Op::Gt,
        value: 0.0,
    });
    assert_eq!(sum.used, mix(0, 0, 2, 0));
    assert_eq!(sum.used.basis(), Basis::Illustrative);
    // GDP share: the two observations and the region total (500), reported
    // by the report itself.
    let share = check(Check::Share {
        measure: gdp(),
        year: 2022,
        zones: ALL,
        variant: None,
        op: Op::Gt,
        value: 0.0,
    });
    assert_eq!(share.used, restated(1, 2));
    // Land share: zones' land is not counted; the region's land is illustrative.
    let land = check(Check::Share {
        measure: Measure::Land,
        year: 2022,
        zones: ALL,
        variant: None,
        op: Op::Gt,
        value: 0.0,
    });
    assert_eq!(land.used, mix(0, 0, 1, 0));
    // A count of zones uses no value: checked against the file's zone list.
    let count = check(Check::CountZones {
        zones: ALL,
        op: Op::Eq,
        value: 2.0,
    });
    assert_eq!(count.used.basis(), Basis::ZoneList);
    // The benchmark (Zhangjiang 360) is reported by the report itself: the
    // claim is checked against its own figure, which supports nothing.
    let bench = check(Check::Benchmark {
        benchmark: 0,
        measure: Measure::Indicator(1),
        year: 2022,
        op: Op::Eq,
        value: 360.0,
    });
    assert_eq!(bench.used, restated(1, 0));
    assert_eq!(bench.used.basis(), Basis::Restated);
    // One illustrative ranking (a, 10th of 169).
    let ranks = check(Check::RankCount {
        year: 2022,
        from: 1,
        to: 50,
        op: Op::Eq,
        value: 1.0,
    });
    assert_eq!(ranks.used, mix(0, 0, 1, 0));
    // The minimal file's mixes give no status: two unstated values.
    let similar = check(Check::SimilarPairs {
        zones: ALL,
        threshold: 0.5,
        op: Op::Gt,
        value: 0.0,
    });
    assert_eq!(similar.used, mix(0, 0, 0, 2));
    assert_eq!(similar.used.basis(), Basis::Unstated);
    // A claim's mix is the sum of its checks': C2 is the GDP share above.
    assert_eq!(evaluate(&ds())[1].used(), restated(1, 2));
}

#[test]
fn the_weakest_status_decides() {
    let basis = |r, d, i, u| {
        StatusMix {
            reported: r,
            restated: 0,
            derived: d,
            illustrative: i,
            unstated: u,
        }
        .basis()
    };
    assert_eq!(basis(5, 0, 0, 0), Basis::Reported);
    assert_eq!(basis(5, 1, 0, 0), Basis::Derived);
    assert_eq!(basis(5, 1, 1, 1), Basis::Illustrative);
    assert_eq!(basis(5, 0, 0, 1), Basis::Unstated);
    assert_eq!(basis(0, 0, 0, 0), Basis::ZoneList);
    // The report's own figures: restated alone; beside values reported
    // elsewhere they count as reported, beside weaker ones the weaker decide.
    let with_restated = |reported, illustrative| {
        StatusMix {
            reported,
            restated: 1,
            illustrative,
            ..StatusMix::default()
        }
        .basis()
    };
    assert_eq!(with_restated(0, 0), Basis::Restated);
    assert_eq!(with_restated(5, 0), Basis::Reported);
    assert_eq!(with_restated(5, 1), Basis::Illustrative);
}

/// A count agrees with its words in English (it read "1 zone(s) have"): by
/// hand.
#[test]
fn the_missing_note_agrees_with_its_count() {
    let en = |n: usize| missing_note(n).map(|t| t.en);
    assert_eq!(en(0), None);
    assert_eq!(
        en(1).as_deref(),
        Some("1 zone has no value and is left out.")
    );
    assert_eq!(
        en(1_200).as_deref(),
        Some("1,200 zones have no value and are left out.")
    );
}
