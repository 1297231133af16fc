//! The `similarity` chart, the similarity heatmap: snapshots and hit-testing.

use super::{bundled, layout_of, Case, LANGS_AND_WIDTHS};
use crate::i18n::Lang;
use crate::views::similarity::SimilarityView;
use crate::views::testing::{build_in, latest, state};
use crate::views::View;

fn view(lang: Lang, selected: Option<usize>) -> SimilarityView {
    let dataset = bundled();
    build_in(
        &dataset,
        &state(&dataset, latest(&dataset), None, selected, lang),
        SimilarityView::build,
    )
}

/// Wide and narrow, Zone C (index 2) selected: its row and column outlined
/// on the heatmap (wide), its row outlined in the twins list (narrow: cells
/// would be under `MIN_CELL`).
pub(super) fn cases() -> Vec<Case> {
    LANGS_AND_WIDTHS
        .into_iter()
        .map(|(variant, lang, width)| {
            Case::light(variant, width, move || {
                View::Similarity(view(lang, Some(2)))
            })
            .check(move |_, layout| {
                if width < 500 {
                    assert_eq!(layout.marks.len(), 36, "one mark per zone's twins");
                } else {
                    assert_eq!(layout.marks.len(), 36 * 36, "one mark per cell");
                }
            })
        })
        .collect()
}

#[test]
fn narrow_the_twins_list_has_targets_of_44_px_and_says_what_zones_share() {
    let v = view(Lang::En, Some(2));
    let layout = layout_of(&View::Similarity(v.clone()), 360);
    for (mark, k) in layout.marks.iter().zip(&v.list) {
        assert!(mark.y1 - mark.y0 + 1 >= 44, "{mark:?}");
        assert!(mark.x1 - mark.x0 + 1 >= 44, "{mark:?}");
        assert_eq!(mark.label, v.zone_label(*k));
        assert!(mark.label.contains(", most similar: "), "{}", mark.label);
    }
    // Rows do not overlap.
    assert!(layout.marks.windows(2).all(|w| w[1].y0 > w[0].y1));
}

#[test]
fn on_touch_the_heatmap_gives_way_below_44_px_cells() {
    crate::charts::style::set_touch(true);
    let layout = layout_of(&View::Similarity(view(Lang::En, None)), 1280);
    crate::charts::style::set_touch(false);
    // 36 cells of 44 px need 1,584 px: at 1,280 px a finger gets the list.
    assert_eq!(layout.marks.len(), 36);
    let wide = layout_of(&View::Similarity(view(Lang::En, None)), 1280);
    assert_eq!(wide.marks.len(), 36 * 36);
    // A grid of 36 columns: the keyboard's up and down move a row; the list is none.
    assert_eq!((wide.columns, layout.columns), (36, 0));
}

#[test]
fn similarity_hit_finds_the_cell_under_the_pointer() {
    for width in [720, 1280] {
        let v = view(Lang::En, None);
        let layout = layout_of(&View::Similarity(v.clone()), width);
        let first = &layout.marks[0];
        let cell = first.x1 - first.x0 + 1;
        assert!(cell >= 16, "cells of at least 16 px at {width}: {cell}");
        // The centre of row 2, column 5: datum 2 · 36 + 5 = 77.
        let (x, y) = (
            first.x0 + 5 * cell + cell / 2,
            first.y0 + 2 * cell + cell / 2,
        );
        let hit = layout.hit(x, y, 0).expect("a cell");
        assert_eq!(hit.datum, 77);
        assert_eq!(hit.label, v.cell_label(2, 5));
        let a = &v.zones[2].name;
        let b = &v.zones[5].name;
        assert!(
            hit.label.starts_with(&format!("{a} × {b}: 0.")),
            "{}",
            hit.label
        );
    }
}
