//! The similarity view on the bundled dataset: C18's figures and the order.
//! Expected figures are computed independently by tools/expected_values.py
//! (plain NumPy cosines of the 2022 industry mixes in www/data/zones.json,
//! section "views/similarity"): 587 of 630 pairs ≥ 0.8 (93.17%), mean
//! 0.882707, least 0.670365.

use crate::analysis::specialisation::{specialisation, DEFAULT_SIMILARITY_THRESHOLD};
use crate::i18n::Lang;
use crate::model::{Dataset, Level};
use crate::views::testing::{build_in, bundled, latest, state};

use super::SimilarityView;

fn build(dataset: &Dataset, level: Option<Level>, lang: Lang) -> SimilarityView {
    build_in(
        dataset,
        &state(dataset, latest(dataset), level, Some(2), lang),
        SimilarityView::build,
    )
}

#[test]
fn pairs_above_the_threshold_back_c18() {
    let dataset = bundled();
    let view = build(&dataset, None, Lang::En);
    assert_eq!(view.threshold, DEFAULT_SIMILARITY_THRESHOLD);
    assert_eq!(view.zones.len(), 36);
    // 36 · 35 / 2 = 630 pairs, by hand; tools/expected_values.py: 587 with
    // cosine ≥ 0.8 (93.17%), mean cosine 0.882707.
    assert_eq!(view.pairs, 630);
    assert_eq!(view.pairs_above, 587);
    assert_eq!(
        view.headline,
        "93.2% of zone pairs have cosine ≥ 0.8 (587 of 630)"
    );
    assert!((view.mean.unwrap() - 0.8827).abs() < 1e-4);
    // tools/expected_values.py: the least alike pair has cosine 0.670365, so
    // the ramp starts at 0.6.
    assert_eq!(view.scale_min, 0.6);
}

#[test]
fn zones_follow_the_heatmap_order_and_the_matrix_follows_them() {
    let dataset = bundled();
    let view = build(&dataset, None, Lang::En);
    let analysis = specialisation(&dataset, 0.8);
    let ids: Vec<&str> = view
        .zones
        .iter()
        .map(|z| dataset.zones[z.zone].id.as_str())
        .collect();
    let order: Vec<&str> = analysis
        .heatmap_order
        .iter()
        .map(|id| id.as_str())
        .collect();
    assert_eq!(ids, order);
    for (r, row) in view.cells.iter().enumerate() {
        assert_eq!(row[r], Some(1.0), "diagonal");
        for (c, value) in row.iter().enumerate() {
            assert_eq!(*value, view.cells[c][r], "symmetric");
            let (a, b) = (view.zones[r].zone, view.zones[c].zone);
            assert_eq!(*value, analysis.similarity[a][b]);
        }
    }
    assert_eq!(view.zones[0].number, 1);
    assert!(view.zones.iter().any(|z| z.selected && z.zone == 2));
    let label = view.cell_label(0, 1);
    assert!(
        label.starts_with(&format!(
            "{} × {}: 0.",
            view.zones[0].name, view.zones[1].name
        )),
        "{label}"
    );
}

#[test]
fn summary_says_one_park_one_specialty_is_not_achieved() {
    let dataset = bundled();
    let en = build(&dataset, None, Lang::En);
    assert!(
        en.summary
            .starts_with("Of the 630 pairs of the 36 zones, 587 (93.2%) have industry structures"),
        "{}",
        en.summary
    );
    assert!(en
        .summary
        .contains("one park, one specialty (一园一特色) is not achieved"));
    assert!(en
        .summary
        .contains("C18 (consistent with the illustrative data)"));
    let zh = build(&dataset, None, Lang::Zh);
    // tools/expected_values.py: 587 of 630 pairs ≥ 0.8 = 93.17%.
    assert!(zh.summary.contains("其中587对（93.2%）"), "{}", zh.summary);
    assert!(zh.summary.contains("“一园一特色”尚未实现"));
}

#[test]
fn a_level_keeps_its_zones_and_counts_its_pairs() {
    let dataset = bundled();
    let view = build(&dataset, Some(Level::National), Lang::Zh);
    assert_eq!(view.zones.len(), 12);
    // 12 · 11 / 2 = 66 pairs.
    assert_eq!(view.pairs, 66);
    assert!(view.cells.iter().all(|r| r.len() == 12));
    assert!(view.title.starts_with("国家级高新区"), "{}", view.title);
}

#[test]
fn no_mixes_no_matrix_and_a_message() {
    let mut dataset = bundled();
    for zone in &mut dataset.zones {
        zone.industry_mix = None;
    }
    let view = build(&dataset, None, Lang::En);
    assert!(view.zones.is_empty() && view.cells.is_empty());
    assert_eq!(view.pairs, 0);
    assert_eq!(view.share_above(), None);
    assert!(
        view.summary.starts_with("No industry mixes to compare."),
        "{}",
        view.summary
    );
    assert!(view
        .missing_text
        .starts_with("No industry mix, left out: Zone A, Zone B"));
}

#[test]
fn table_has_the_matrix() {
    let dataset = bundled();
    let view = build(&dataset, None, Lang::En);
    let table = view.table();
    assert_eq!(table.columns.len(), 3 + 36);
    assert_eq!(table.rows.len(), 36);
    assert_eq!(table.rows[0][3], "1.00");
    assert_eq!(table.rows[0][1], view.zones[0].name);
}

#[test]
fn cell_labels_are_every_cell_label() {
    // The chart takes its tooltips from `cell_labels` (made faster); they
    // must be exactly `cell_label`'s, with and without undefined cells.
    let dataset = bundled();
    for lang in [Lang::Zh, Lang::En] {
        let mut view = build(&dataset, None, lang);
        let expected = |view: &SimilarityView| -> Vec<Vec<String>> {
            (0..view.cells.len())
                .map(|r| {
                    (0..view.cells[r].len())
                        .map(|c| view.cell_label(r, c))
                        .collect()
                })
                .collect()
        };
        assert_eq!(view.cell_labels(), expected(&view));
        // An undefined pair, and an asymmetric one.
        view.cells[3][5] = None;
        view.cells[7][2] = Some(0.123);
        assert_eq!(view.cell_labels(), expected(&view));
    }
}
