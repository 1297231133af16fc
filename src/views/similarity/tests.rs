//! The similarity view on the bundled dataset: C18's figures and the order.
//! Expected figures are computed independently by tools/expected_values.py
//! (plain NumPy cosines of the 2022 industry mixes in www/data/zones.json,
//! section "views/similarity"): 587 of 630 pairs ≥ 0.8 (93.17%), mean
//! 0.882707, least 0.670365.

use crate::analysis::specialisation::{specialisation, DEFAULT_SIMILARITY_THRESHOLD};
use crate::i18n::Lang;
use crate::metrics::similarity::{average_linkage, leaf_order};
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
        "93.2% of zone pairs are very similar (0.8 or more): 587 of 630"
    );
    let zh = build(&dataset, None, Lang::Zh);
    assert_eq!(
        zh.headline,
        "630对高新区中587对（93.2%）非常相似（相似度0.8及以上）"
    );
    assert!((view.mean.unwrap() - 0.8827).abs() < 1e-4);
    // tools/expected_values.py: the least alike pair has cosine 0.670365, so
    // the ramp starts at 0.6.
    assert_eq!(view.scale_min, 0.6);
}

/// The threshold is the similarity chart's check's, else 0.8; the pairs
/// the tab shares are compared at it whatever asks for them first (they
/// were kept at the threshold of the first caller). Expected: the pairs of
/// the bundled zones with cosine ≥ 0.9, counted from `cosine_matrix`, not
/// from the pass under test.
#[test]
fn the_shared_pairs_are_compared_at_the_checks_threshold() {
    use crate::analysis::specialisation::mixed_zones_mixes;
    use crate::metrics::similarity::cosine_matrix;
    use crate::model::Check;
    use crate::views::similarity::{threshold, Kept};
    let mut dataset = bundled();
    assert_eq!(threshold(&dataset), 0.8, "C18's check");
    for check in dataset.claims.iter_mut().flat_map(|c| &mut c.checks) {
        if let Check::SimilarPairs { threshold, .. } = check {
            *threshold = 0.9;
        }
    }
    assert_eq!(threshold(&dataset), 0.9);
    let mixes: Vec<Vec<f64>> = mixed_zones_mixes(&dataset)
        .into_iter()
        .map(<[f64]>::to_vec)
        .collect();
    let matrix = cosine_matrix(&mixes);
    let above = (0..mixes.len())
        .flat_map(|a| (a + 1..mixes.len()).map(move |b| (a, b)))
        .filter(|(a, b)| matrix[*a][*b].is_some_and(|c| c >= 0.9))
        .count();
    assert!(above < 587, "fewer than at 0.8: {above}");
    assert_eq!(Kept::default().all_pairs(&dataset).above, above);
    let view = build(&dataset, None, Lang::En);
    assert_eq!((view.threshold, view.pairs_above), (0.9, above));
    dataset.claims.clear();
    assert_eq!(
        threshold(&dataset),
        DEFAULT_SIMILARITY_THRESHOLD,
        "no check"
    );
}

#[test]
fn zones_follow_the_clustering_and_the_matrix_follows_them() {
    let dataset = bundled();
    let view = build(&dataset, None, Lang::En);
    let analysis = specialisation(&dataset, 0.8);
    // The matrix is the analysis's cosines, rows and columns in view order.
    for (r, row) in view.cells.iter().enumerate() {
        assert_eq!(row[r], Some(1.0), "diagonal");
        for (c, value) in row.iter().enumerate() {
            assert_eq!(*value, view.cells[c][r], "symmetric");
            let (a, b) = (view.zones[r].zone, view.zones[c].zone);
            assert_eq!(*value, analysis.similarity[a][b]);
        }
    }
    // The order is the average-linkage tree's leaves over the view's own
    // matrix in view order: clustering the matrix again leaves it as it is
    // (the tree is the same, its leaves already in order) — checked by
    // metrics::similarity's tests against SciPy.
    let merges = average_linkage(&view.cells);
    assert_eq!(leaf_order(&merges, 36), (0..36).collect::<Vec<_>>());
    // Groups are contiguous blocks of that order, two zones or more, and
    // every zone of a group says so.
    for (g, group) in view.groups.iter().enumerate() {
        assert!(group.members.len() >= 2);
        assert!(
            group.members.windows(2).all(|w| w[1] == w[0] + 1),
            "{group:?}"
        );
        assert!(group
            .members
            .iter()
            .all(|k| view.zones[*k].group == Some(g + 1)));
        assert!(group.mean >= 0.8, "{group:?}");
    }
    assert_eq!(view.zones[0].number, 1);
    assert!(view.zones.iter().any(|z| z.selected && z.zone == 2));
    // A cell names the two zones, the value and the industries they share.
    let label = view.cell_label(0, 1);
    assert!(
        label.starts_with(&format!(
            "{} × {}: 0.",
            view.zones[0].name, view.zones[1].name
        )),
        "{label}"
    );
    assert!(label.contains("; sharing "), "{label}");
}

#[test]
fn shared_industries_and_twins_by_hand_on_two_zones() {
    // Zone A's (z01) and Zone B's (z02) mixes made the only ones: one pair,
    // each the other's twin, and what they share is the industries ranked by
    // the smaller of their two shares (worked out from the file's values
    // here, by the rule of docs/METRICS.md).
    let mut dataset = bundled();
    for zone in dataset.zones.iter_mut().skip(2) {
        zone.industry_mix = None;
    }
    let mixes: Vec<Vec<f64>> = crate::analysis::specialisation::mixed_zones_mixes(&dataset)
        .into_iter()
        .map(<[f64]>::to_vec)
        .collect();
    assert_eq!(mixes.len(), 2, "zones 0 and 1 keep their mixes");
    let shares: Vec<Vec<f64>> = mixes
        .iter()
        .map(|m| m.iter().map(|v| v / m.iter().sum::<f64>()).collect())
        .collect();
    let mut least: Vec<(usize, f64)> = (0..shares[0].len())
        .map(|k| (k, shares[0][k].min(shares[1][k])))
        .filter(|(_, s)| *s > 0.0)
        .collect();
    least.sort_by(|x, y| y.1.partial_cmp(&x.1).unwrap());
    let expected: Vec<String> = least
        .iter()
        .take(2)
        // After "sharing " in lower case: "Electronic information" in the
        // data reads "electronic information".
        .map(|(k, _)| crate::format::in_sentence(&dataset.industries[*k].name.en))
        .collect();
    let view = build(&dataset, None, Lang::En);
    assert_eq!(view.pairs, 1);
    let cosine = crate::metrics::similarity::cosine(&mixes[0], &mixes[1]).unwrap();
    for (row, zone) in view.zones.iter().enumerate() {
        assert_eq!(zone.twins.len(), 1);
        assert!((zone.twins[0].similarity - cosine).abs() < 1e-12);
        assert_eq!(
            view.shared_between(row, zone.twins[0].row),
            expected.join(", ")
        );
    }
    assert!(view
        .cell_label(0, 1)
        .ends_with(&format!("; sharing {}", expected.join(", "))));
}

#[test]
fn above_the_heatmaps_size_no_matrix_but_each_zones_twins() {
    // The bundled zones twice over (72 > HEATMAP_ZONES): the copies are
    // each zone's exact twins (cosine 1), found without a matrix.
    let mut dataset = bundled();
    let copies: Vec<_> = dataset.zones.iter().take(36).cloned().collect();
    dataset.zones.extend(copies);
    let view = build(&dataset, None, Lang::En);
    assert_eq!(view.zones.len(), 72);
    assert!(view.cells.is_empty() && view.shared.is_empty() && view.groups.is_empty());
    // 72 · 71 / 2 pairs, by hand.
    assert_eq!(view.pairs, 2556);
    for zone in &view.zones {
        assert_eq!(zone.twins.len(), super::TWINS);
        assert_eq!(zone.twins[0].name, zone.name, "its copy first");
        assert!((zone.twins[0].similarity - 1.0).abs() < 1e-12);
    }
    assert_eq!(view.list.len(), super::LIST_ROWS);
    assert!(
        view.more_text.starts_with("Showing 50 of 72 zones"),
        "{}",
        view.more_text
    );
    assert!(view.summary.contains("no clustering"), "{}", view.summary);
    assert_eq!(view.table().rows.len(), 72);
}

#[test]
fn the_twins_list_starts_at_the_chosen_zone_and_names_no_group_of_nearly_all() {
    let dataset = bundled();
    // Zone C (index 2) chosen: it heads the list, the other 35 follow in the
    // view's order, each once.
    let view = build(&dataset, None, Lang::En);
    let first = view.list[0];
    assert_eq!(view.zones[first].zone, 2);
    assert_eq!(view.zones[first].name, "Zone C");
    let rest: Vec<usize> = (0..36).filter(|k| *k != first).collect();
    assert_eq!(view.list[1..], rest[..]);
    // The clustering puts 35 of the 36 zones in one group (the summary's
    // "group 1: … and 27 more", 8 named + 27), more than half of 36 (18):
    // "(group 1)" on 35 rows would say nothing, so no row names a group.
    assert_eq!(view.groups.len(), 1);
    assert_eq!(view.groups[0].members.len(), 35);
    for (row, zone) in view.zones.iter().enumerate() {
        assert_eq!(zone.group_note, "", "{}", zone.name);
        assert!(!view.zone_label(row).contains("group"), "{}", zone.name);
    }
    assert!(
        view.zone_label(first).starts_with("Zone C, most similar: "),
        "{}",
        view.zone_label(first)
    );
    // Five zones by hand: Zones A, B, C make only industry 0 and Zones D, E
    // only industry 1 (cosine 1 within, 0 across): a group of 3, more than
    // half of 5, goes unnamed; the group of 2 is named.
    let mut five = bundled();
    for (z, zone) in five.zones.iter_mut().enumerate() {
        match zone.industry_mix.as_mut() {
            Some(mix) if z < 5 => {
                mix.values.iter_mut().for_each(|v| *v = 0.0);
                mix.values[usize::from(z >= 3)] = 10.0;
            }
            _ => zone.industry_mix = None,
        }
    }
    let view = build(&five, None, Lang::En);
    assert_eq!(view.zones.len(), 5);
    let notes: Vec<(&str, &str)> = view
        .zones
        .iter()
        .map(|z| (z.name.as_str(), z.group_note.as_str()))
        .collect();
    let small = view
        .groups
        .iter()
        .position(|g| g.members.len() == 2)
        .expect("the group of Zones D and E")
        + 1;
    for (name, note) in notes {
        let want = if ["Zone D", "Zone E"].contains(&name) {
            format!(" (group {small})")
        } else {
            String::new()
        };
        assert_eq!(note, want, "{name}");
    }
    // No zone chosen: the view's order from the top.
    let none = build_in(
        &dataset,
        &state(&dataset, latest(&dataset), None, None, Lang::En),
        SimilarityView::build,
    );
    assert_eq!(none.list, (0..36).collect::<Vec<_>>());
    // Why a list, in plain words.
    assert_eq!(
        none.narrow_text,
        "On a narrow screen each zone's most similar zones are listed"
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
fn table_has_the_groups_the_twins_and_the_matrix() {
    let dataset = bundled();
    let view = build(&dataset, None, Lang::En);
    let table = view.table();
    assert_eq!(table.columns.len(), 4 + 36);
    assert_eq!(table.columns[4], view.zones[0].name);
    assert_eq!(table.rows.len(), 36);
    assert_eq!(table.rows[0][4], "1.00");
    assert_eq!(table.rows[0][1], view.zones[0].name);
    assert!(table.rows[0][2].starts_with(&view.zones[0].twins[0].name));
}

#[test]
fn each_twin_points_at_its_zone_in_the_view_order() {
    // The view's order is the clustering's, not the file's: a twin's `row`
    // (which its shared industries are made from) must be the place of the
    // zone it names. Every twin of the 36 bundled zones; and the order is
    // not the file's (else the test could not tell them apart).
    let dataset = bundled();
    let view = build(&dataset, None, Lang::En);
    let twins: Vec<&super::TwinZone> = view.zones.iter().flat_map(|z| &z.twins).collect();
    assert!(twins.len() >= 36, "twins listed: {}", twins.len());
    for twin in twins {
        assert_eq!(view.zones[twin.row].name, twin.name);
    }
    let in_file: Vec<String> = dataset
        .zones
        .iter()
        .take(36)
        .map(|z| z.name.shown(Lang::En))
        .collect();
    let in_view: Vec<String> = view.zones.iter().map(|z| z.name.clone()).collect();
    assert_ne!(in_view, in_file, "the view's order is the clustering's");
}
