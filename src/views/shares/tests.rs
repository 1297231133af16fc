//! The shares view on the bundled dataset: its figures against the report
//! (docs/CLAIMS.md, C5–C10) and the C8/C9 disagreement stated in words.

use crate::i18n::Lang;
use crate::views::testing::{build_in, bundled, state};

use super::SharesView;

#[test]
fn rows_follow_the_claims_with_land_first() {
    let dataset = bundled();
    let view = build_in(
        &dataset,
        &state(&dataset, 2022, None, None, Lang::Zh),
        SharesView::build,
    );
    let labels: Vec<&str> = view.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels[0], "国土面积");
    assert_eq!(
        labels.len(),
        5,
        "land, GDP, tech contracts, high-tech enterprises, high-tech VA: {labels:?}"
    );
    // The report's figures hold on the bundled data (docs/CLAIMS.md, C5, C6, C7, C9, C10).
    let share = |i: usize| view.rows[i].share.unwrap();
    assert!(share(0) < 0.03);
    assert!(share(1) > 0.32);
    assert!((share(2) - 0.40).abs() <= 0.005);
    assert!((share(3) - 0.56).abs() <= 0.005);
    assert!(share(4) > 0.54);
}

#[test]
fn the_c8_c9_disagreement_is_drawn_and_said() {
    let dataset = bundled();
    let zh = build_in(
        &dataset,
        &state(&dataset, 2022, None, None, Lang::Zh),
        SharesView::build,
    );
    let row = &zh.rows[3];
    let ids: Vec<&str> = row.stated.iter().map(|s| s.claim_id.as_str()).collect();
    assert_eq!(ids, ["C8", "C9"]);
    assert!(row.disagreement);
    assert_eq!(row.note, "报告前后不一致：50%（C8）与56%（C9）");
    assert!(zh.summary.contains("前后不一致"), "{}", zh.summary);
    let en = build_in(
        &dataset,
        &state(&dataset, 2022, None, None, Lang::En),
        SharesView::build,
    );
    assert_eq!(
        en.rows[3].note,
        "The report disagrees with itself: 50% (C8) vs 56% (C9)"
    );
    assert!(
        en.summary
            .starts_with("In 2022 the zones held 1.5% of the region's land"),
        "{}",
        en.summary
    );
}

#[test]
fn other_years_have_shares_but_no_stated_figures() {
    let dataset = bundled();
    let view = build_in(
        &dataset,
        &state(&dataset, 2020, None, None, Lang::En),
        SharesView::build,
    );
    assert!(view
        .rows
        .iter()
        .all(|r| r.stated.is_empty() && r.note.is_empty()));
}

#[test]
fn table_lists_every_row() {
    let dataset = bundled();
    let view = build_in(
        &dataset,
        &state(&dataset, 2022, None, None, Lang::En),
        SharesView::build,
    );
    let table = view.table();
    assert_eq!(table.columns.len(), 3);
    assert_eq!(table.rows.len(), view.rows.len());
    assert_eq!(table.rows[1][2], "over 32% (C6)");
}

/// A file whose region total is smaller than its zones' sum (a tester read
/// "1,780.7%" under a bar drawn to 100%, on a generated file): the row and
/// the summary say the data do not fit together; on the bundled data no
/// row does. By hand: the bundled zones hold about 32% of the region's GDP
/// (C6), so a total cut to a tenth gives a share of about 320%.
#[test]
fn a_share_over_the_whole_says_the_data_do_not_fit() {
    let mut dataset = bundled();
    let fine = build_in(
        &dataset,
        &state(&dataset, 2022, None, None, Lang::En),
        SharesView::build,
    );
    assert!(!fine.summary.contains("do not fit"), "{}", fine.summary);
    assert!(fine.rows.iter().all(|r| !r.note.contains("do not fit")));
    let gdp = fine.rows[1].share.unwrap();
    for total in dataset
        .region_totals
        .iter_mut()
        .filter(|t| t.year == 2022 && t.variant.is_none())
    {
        if let Some(value) = total.figure.value.as_mut() {
            *value /= 10.0;
        }
    }
    for lang in [Lang::Zh, Lang::En] {
        let view = build_in(
            &dataset,
            &state(&dataset, 2022, None, None, lang),
            SharesView::build,
        );
        let share = view.rows[1].share.unwrap();
        assert!((share - gdp * 10.0).abs() < 1e-9 && share > 3.2, "{share}");
        let (note, said) = match lang {
            Lang::Zh => (
                "超过全市总量：数据前后不符",
                "的高新区合计超过全市总量：数据前后不符",
            ),
            Lang::En => (
                "Over the region's total: the data do not fit together",
                "add up to more than the region's total: the data do not fit together",
            ),
        };
        assert!(view.rows[1].note.starts_with(note), "{}", view.rows[1].note);
        assert!(view.summary.contains(said), "{}", view.summary);
    }
}

/// The zones making up the whole region (a total equal to their sum, which
/// floating point may sum to a hair over 1) are not "over the whole".
#[test]
fn a_share_of_exactly_the_whole_is_not_over_it() {
    let mut dataset = bundled();
    let view = build_in(
        &dataset,
        &state(&dataset, 2022, None, None, Lang::En),
        SharesView::build,
    );
    let whole = 1.0 / view.rows[1].share.unwrap();
    for total in dataset
        .region_totals
        .iter_mut()
        .filter(|t| t.year == 2022 && t.variant.is_none())
    {
        if let Some(value) = total.figure.value.as_mut() {
            *value /= whole;
        }
    }
    let view = build_in(
        &dataset,
        &state(&dataset, 2022, None, None, Lang::En),
        SharesView::build,
    );
    assert!((view.rows[1].share.unwrap() - 1.0).abs() < 1e-12);
    assert!(
        !view.rows[1].note.contains("do not fit"),
        "{}",
        view.rows[1].note
    );
}
