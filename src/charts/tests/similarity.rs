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

/// Wide and narrow, Zone C (index 2) selected: its row and column outlined.
pub(super) fn cases() -> Vec<Case> {
    LANGS_AND_WIDTHS
        .into_iter()
        .map(|(variant, lang, width)| {
            Case::light(variant, width, move || {
                View::Similarity(view(lang, Some(2)))
            })
            .check(|_, layout| assert_eq!(layout.marks.len(), 36 * 36, "one mark per cell"))
        })
        .collect()
}

#[test]
fn similarity_hit_finds_the_cell_under_the_pointer() {
    for width in [360, 720] {
        let v = view(Lang::En, None);
        let layout = layout_of(&View::Similarity(v.clone()), width);
        let first = &layout.marks[0];
        let cell = first.x1 - first.x0 + 1;
        assert!(cell >= 8, "cells of at least 8 px at {width}: {cell}");
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
