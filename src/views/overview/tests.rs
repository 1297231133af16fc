//! The overview on the bundled dataset: every claim of the report (docs/CLAIMS.md,
//! C1–C19) is listed with its verdict; C8 and C9 are flagged as contradicting
//! each other; with its illustrative values no other is "supported".

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

/// The bundled file with every status `reported`: a portal's official file.
fn all_reported_overview(lang: Lang) -> Overview {
    let text = include_str!("../../../www/data/zones.json")
        .replace(r#""status":"illustrative""#, r#""status":"reported""#)
        .replace(r#""status":"derived""#, r#""status":"reported""#);
    assert!(!text.contains(r#""illustrative""#) && !text.contains(r#""derived""#));
    let dataset = load(&text).expect("valid").dataset;
    Overview::build(&dataset, &evaluate(&dataset), lang)
}

fn badges(overview: &Overview) -> Vec<(&str, Verdict, &str)> {
    overview
        .claims
        .iter()
        .map(|c| (c.id.as_str(), c.verdict, c.verdict_label.as_str()))
        .collect()
}

#[test]
fn every_claim_is_listed_with_what_it_was_checked_against() {
    // docs/CLAIMS.md, "Data status": on the bundled file every zone value is
    // illustrative, so C3–C7 and C10–C19 are consistent with illustrative
    // values, never "supported"; C2 is a context figure the file restates
    // from the report (source of kind "report"), which cannot support the
    // report's own sentence (a tester saw it badged "数据支持"); C1 counts
    // the zones in the data (no value); C8 and C9 contradict each other.
    let overview = bundled_overview(Lang::Zh);
    let ids: Vec<&str> = overview.claims.iter().map(|c| c.id.as_str()).collect();
    let expected: Vec<String> = (1..=19).map(|i| format!("C{i}")).collect();
    assert_eq!(ids, expected);
    for (id, verdict, label) in badges(&overview) {
        let want = match id {
            "C1" => (Verdict::Consistent, "与数据所列园区一致"),
            "C2" => (Verdict::Consistent, "与报告自述的数字一致"),
            "C8" | "C9" => (Verdict::Contradictory, "报告前后矛盾"),
            _ => (Verdict::Consistent, "与示意数据一致"),
        };
        assert_eq!((verdict, label), want, "{id}");
    }
    assert!(overview.claims.iter().all(|c| !c.checks.is_empty()));
    assert_eq!(overview.claims[7].contradicts, ["C9"]);
    assert_eq!(
        overview.tally,
        "报告的19项说法：与数据所列园区一致 1 项，与报告自述的数字一致 1 项，与示意数据一致 15 项，报告前后矛盾 2 项。"
    );
    // C4 sums 36 illustrative values of 2022 and says agreeing with them
    // confirms nothing.
    let c4 = &overview.claims[3];
    assert_eq!(
        c4.basis,
        "核对：由数据中的数值算出的数字，对照报告所述。所用数值：示意 36 项。\
         示意数值不是官方统计，与之一致不等于独立印证。"
    );
}

#[test]
fn a_file_of_reported_values_supports_the_claims() {
    let overview = all_reported_overview(Lang::En);
    for (id, verdict, label) in badges(&overview) {
        let want = match id {
            "C1" => (Verdict::Consistent, "consistent with the zones in the data"),
            "C2" => (
                Verdict::Consistent,
                "consistent with the report's own figure",
            ),
            "C8" | "C9" => (Verdict::Contradictory, "contradictory"),
            _ => (Verdict::Supported, "supported by the data"),
        };
        assert_eq!((verdict, label), want, "{id}");
    }
    // C9: Σ over 36 zones, the share's 36 zones and its total (derived in the
    // bundled file, reported here, from the report itself: restated).
    assert_eq!(
        overview.claims[8].basis,
        "Checked: figures computed from the values in the data against the report's. \
         Values used: 72 reported, 1 restated from the report."
    );
}

#[test]
fn no_mark_inside_a_contradiction_and_thresholds_ours_say_so() {
    let overview = bundled_overview(Lang::En);
    for claim in &overview.claims {
        let marked = claim
            .checks
            .iter()
            .any(|l| l.contains('✓') || l.contains('✗'));
        assert_eq!(
            marked,
            claim.verdict != Verdict::Contradictory,
            "{}",
            claim.id
        );
    }
    // docs/CLAIMS.md's table: C18's 0.8 and C19's 0.4 are ours, with the reason.
    let ours = |i: usize| overview.claims[i].ours.clone().unwrap_or_default();
    assert!(ours(17).starts_with("Ours, not the report's: ") && ours(17).contains("0.8"));
    assert!(ours(18).contains("0.4") && ours(18).contains("inequality"));
    // C2, C3, C4, C5, C6, C10, C11 and C12 use the report's thresholds only.
    for i in [1, 2, 3, 4, 5, 9, 10, 11] {
        assert_eq!(overview.claims[i].ours, None, "{}", overview.claims[i].id);
    }
}

#[test]
fn check_lines_read_as_figures() {
    let overview = bundled_overview(Lang::En);
    // C4: high-tech value added sums to 6,425 亿元 (docs/CLAIMS.md, C4), an
    // exact match; in English 亿元 read as billions (1 亿 = 0.1 billion, by
    // hand): CNY 642.5 billion, the report's figure alike. The indicator's
    // name ("High-tech industry value added" in the data) reads in lower
    // case after "sum of".
    let c4 = &overview.claims[3];
    assert_eq!(
        c4.checks[0],
        "sum of high-tech industry value added, 2022, all zones: CNY 642.5 billion = CNY 642.5 billion ✓"
    );
    let zh = bundled_overview(Lang::Zh);
    assert!(
        zh.claims[3].checks[0].ends_with("：6,425 亿元 = 6,425 亿元 ✓"),
        "{}",
        zh.claims[3].checks[0]
    );
    // C3 and C11 as headline figures: GDP 17,386.4 亿元 (docs/CLAIMS.md, C3)
    // is CNY 1,738.6 billion; the 2,046 platforms (C11) are counted as platforms.
    let values: Vec<&str> = overview.headline.iter().map(|h| h.value.as_str()).collect();
    assert!(values.contains(&"CNY 1,738.6 billion"), "{values:?}");
    assert!(values.contains(&"2,046 platforms"), "{values:?}");
    // C2: the region's count of national zones is 4th in the province (the
    // context figure, unit "place"): a place, not a bare 4.
    assert!(values.contains(&"4th"), "{values:?}");
    let zh_values: Vec<&str> = zh.headline.iter().map(|h| h.value.as_str()).collect();
    assert!(zh_values.contains(&"第4位"), "{zh_values:?}");
    // C14: the zones' mean share of college-educated staff, 0.38644 (the
    // mean of the bundled file's 36 values for 2022, by Python from
    // www/data/zones.json), against the province's 0.44: percentages as
    // the other lines' shares, not "0.386 share (0–1)".
    let c14 = &overview.claims[13];
    assert!(
        c14.checks[0].ends_with(": 38.6% < 44% ✓"),
        "{}",
        c14.checks[0]
    );
    // C6: the GDP share is a percentage compared with "> 32%".
    let c6 = &overview.claims[5];
    assert!(c6.checks[0].contains("> 32%"), "{}", c6.checks[0]);
    // The shares claims link to the shares chart.
    assert_eq!(c6.chart, Some("shares"));
}

#[test]
fn a_failed_check_says_what_is_not_what_is_claimed() {
    // C4 made to claim 6,000 亿元 where the data sum to 6,425 (docs/CLAIMS.md,
    // C4): the line says the figures differ ("≠"), with its ✗, rather than
    // "6,425 = 6,000 ✗", which reads aloud as "equals" (a tester).
    let text = include_str!("../../../www/data/zones.json")
        .replace(r#""op":"=","value":6425}"#, r#""op":"=","value":6000}"#);
    let dataset = load(&text).expect("valid").dataset;
    let zh = Overview::build(&dataset, &evaluate(&dataset), Lang::Zh);
    assert!(
        zh.claims[3].checks[0].ends_with("：6,425 亿元 ≠ 6,000 亿元 ✗"),
        "{}",
        zh.claims[3].checks[0]
    );
    let en = Overview::build(&dataset, &evaluate(&dataset), Lang::En);
    assert!(
        en.claims[3].checks[0].ends_with(": CNY 642.5 billion ≠ CNY 600 billion ✗"),
        "{}",
        en.claims[3].checks[0]
    );
}

#[test]
fn a_share_over_the_whole_fails_and_says_why() {
    // The region's GDP made 1,000 亿元 where the zones sum to 17,386.4
    // (docs/CLAIMS.md, C3): a share of 1,738.6%, "over 32%" yet meaningless.
    // C6 fails, its line says why with a ✗ instead of a comparison (a tester
    // saw "1,780.7% > 32% ✓" on a national-scale file, then read
    // "1,780.7% > 32% ✗" as if "> 32%" were what failed), and its note what
    // that means.
    let text = include_str!("../../../www/data/zones.json").replace(
        r#"{"indicator":"gdp","year":2022,"value":53694.9,"#,
        r#"{"indicator":"gdp","year":2022,"value":1000,"#,
    );
    let dataset = load(&text).expect("valid").dataset;
    let en = Overview::build(&dataset, &evaluate(&dataset), Lang::En);
    let zh = Overview::build(&dataset, &evaluate(&dataset), Lang::Zh);
    let line = &zh.claims[5].checks[0];
    assert!(
        line.ends_with("：1,738.6%（各园区合计超过总量） ✗"),
        "{line}"
    );
    let c6 = &en.claims[5];
    assert_eq!(c6.verdict, Verdict::AtOdds);
    assert!(
        c6.checks[0].ends_with(": 1,738.6% (the zones add up to more than the total) ✗"),
        "{}",
        c6.checks[0]
    );
    assert!(
        c6.notes
            .iter()
            .any(|l| l.contains("add up to more than the region's total")),
        "{:?}",
        c6.notes
    );
    // A claim that fails is not told that agreeing confirms nothing.
    assert!(
        !c6.basis.contains("no independent confirmation"),
        "{}",
        c6.basis
    );
}

#[test]
fn a_contradictory_claim_never_states_a_false_comparison() {
    // C8's total made 10,000 where it implies 22,392 (docs/CLAIMS.md, C8):
    // 11,196 / 10,000 = 112.0%, far from 50%. C8 contradicts C9, so its line
    // has no ✓ or ✗, and must still not read "112.0% ≈ 50%" (a review): as
    // a share over the whole, it says so instead of a comparison; the
    // note that the zones exceed the total keeps the note on which total
    // was used.
    let text = include_str!("../../../www/data/zones.json").replace(
        r#""variant":"C8","value":22392,"#,
        r#""variant":"C8","value":10000,"#,
    );
    let dataset = load(&text).expect("valid").dataset;
    let en = Overview::build(&dataset, &evaluate(&dataset), Lang::En);
    let c8 = &en.claims[7];
    assert_eq!(c8.verdict, Verdict::Contradictory);
    assert!(
        c8.checks[0].ends_with(": 112.0% (the zones add up to more than the total)"),
        "{}",
        c8.checks[0]
    );
    let note = c8.notes.join(" ");
    assert!(
        note.contains("add up to more than the region's total") && note.contains("10,000"),
        "{note}"
    );
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
    assert_eq!(c3.verdict, Verdict::Consistent);
    // C4: 6,425 亿元 exactly, as the report states it.
    assert_eq!(overview.headline[3].value, "6,425 亿元");
    assert_eq!(overview.claims[3].text, "高技术产业增加值6425亿元。");
}

#[test]
fn english_claims_state_amounts_as_the_widget_does() {
    // The report's 1.73万亿元 and 6425亿元 in English: 1 亿 = 10⁸, so
    // 17,300 亿 = 1.73 × 10¹² (a trillion) and 6,425 亿 = 642.5 × 10⁹ (by
    // hand), written "CNY … trillion/billion" like the check lines, no 亿元.
    let overview = bundled_overview(Lang::En);
    assert_eq!(
        overview.claims[2].text,
        "In 2022 the zones' GDP exceeded CNY 1.73 trillion."
    );
    assert_eq!(
        overview.claims[3].text,
        "High-tech industry value added was CNY 642.5 billion."
    );
    // The same words as the widget's own amounts give the stated figures.
    assert!(overview.claims[2]
        .text
        .contains(&crate::format::yi_yuan(17_300.0, Lang::En)));
    assert!(overview.claims[3]
        .text
        .contains(&crate::format::yi_yuan(6_425.0, Lang::En)));
    for claim in &overview.claims {
        assert!(
            !claim.text.contains('亿') && !claim.text.contains("万元"),
            "{}: {}",
            claim.id,
            claim.text
        );
    }
}
