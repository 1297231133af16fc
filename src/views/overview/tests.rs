//! The overview on the bundled dataset: every claim of the report (docs/CLAIMS.md,
//! C1–C19) is listed with its verdict; C8 and C9 are flagged as contradicting
//! each other, all others as supported.

use crate::claims::evaluate;
use crate::i18n::Lang;
use crate::model::load;

use super::{Overview, Verdict};

fn bundled_overview(lang: Lang) -> Overview {
    let dataset = load(include_str!("../../../www/data/zones.json"))
        .expect("valid")
        .dataset;
    Overview::build(&dataset, &evaluate(&dataset), lang)
}

#[test]
fn every_claim_is_listed_with_its_verdict() {
    let overview = bundled_overview(Lang::Zh);
    let ids: Vec<&str> = overview.claims.iter().map(|c| c.id.as_str()).collect();
    let expected: Vec<String> = (1..=19).map(|i| format!("C{i}")).collect();
    assert_eq!(ids, expected);
    for claim in &overview.claims {
        let want = if claim.id == "C8" || claim.id == "C9" {
            Verdict::Contradictory
        } else {
            Verdict::Supported
        };
        assert_eq!(claim.verdict, want, "{}", claim.id);
        assert!(!claim.checks.is_empty(), "{} has no check line", claim.id);
    }
    assert_eq!(overview.claims[7].contradicts, ["C9"]);
    assert_eq!(
        overview.tally,
        "报告的19项说法中，17项得到数据支持，0项不被支持，2项彼此矛盾。"
    );
}

#[test]
fn check_lines_read_as_figures() {
    let overview = bundled_overview(Lang::En);
    // C4: high-tech value added sums to 6,425 亿元 (docs/CLAIMS.md, C4), an exact match.
    let c4 = &overview.claims[3];
    assert!(
        c4.checks[0].contains("6,425") && c4.checks[0].ends_with('✓'),
        "{}",
        c4.checks[0]
    );
    // C6: the GDP share is a percentage compared with "> 32%".
    let c6 = &overview.claims[5];
    assert!(c6.checks[0].contains("> 32%"), "{}", c6.checks[0]);
    // The shares claims link to the shares chart.
    assert_eq!(c6.chart, Some("shares"));
}

#[test]
fn headline_claims_are_figures() {
    // docs/CLAIMS.md: C1–C4, C11 and C12 are figures, not charts (docs/DATA.md,
    // "Charts"). C3's figure is the zones' GDP, over 17,300 亿元.
    let overview = bundled_overview(Lang::Zh);
    let ids: Vec<&str> = overview
        .headline
        .iter()
        .map(|h| h.claim_id.as_str())
        .collect();
    assert_eq!(ids, ["C1", "C2", "C3", "C4", "C11", "C12"]);
    let c3 = &overview.headline[2];
    assert!(c3.value.ends_with("亿元"), "{}", c3.value);
    assert_eq!(c3.verdict, Verdict::Supported);
    // C4: 6,425 亿元 exactly, as the report states it.
    assert_eq!(overview.headline[3].value, "6,425 亿元");
}
