//! The innovation chart: snapshots and hit-testing.

use super::{bundled, layout_of, snapshot_view};
use crate::i18n::Lang;
use crate::views::innovation::InnovationView;
use crate::views::View;

fn view(lang: Lang, selected: Option<usize>) -> InnovationView {
    let (dataset, claims) = bundled();
    InnovationView::build(&dataset, &claims, 2022, None, selected, lang)
}

#[test]
fn innovation_snapshots_wide_and_narrow() {
    for (name, lang, width) in [
        ("innovation-zh-wide", Lang::Zh, 720),
        ("innovation-zh-narrow", Lang::Zh, 360),
        ("innovation-en-wide", Lang::En, 720),
        ("innovation-en-narrow", Lang::En, 360),
    ] {
        // Zone K (index 10), a national zone in a county, selected.
        let v = view(lang, Some(10));
        let dots: usize = v.rows.iter().map(|r| r.points.len()).sum();
        let layout = snapshot_view(name, &View::Innovation(v), width);
        assert_eq!(layout.marks.len(), dots, "one mark per dot");
    }
}

#[test]
fn innovation_every_dot_is_under_its_own_centre() {
    for width in [360, 720] {
        let v = view(Lang::En, None);
        let layout = layout_of(&View::Innovation(v.clone()), width);
        // Marks in reading order: row by row, lowest value first.
        let labels: Vec<String> = v
            .rows
            .iter()
            .flat_map(|r| r.points.iter().map(move |p| r.tooltip(p, Lang::En)))
            .collect();
        for (k, mark) in layout.marks.iter().enumerate() {
            assert_eq!(mark.label, labels[k]);
            let hit = layout
                .hit((mark.x0 + mark.x1) / 2, (mark.y0 + mark.y1) / 2, 0)
                .expect("a dot");
            assert_eq!(hit.label, mark.label, "dot {k} at {width} px is hidden");
        }
    }
}
