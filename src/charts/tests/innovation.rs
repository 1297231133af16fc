//! The innovation chart: snapshots and hit-testing.

use super::{bundled, layout_of, Case, LANGS_AND_WIDTHS};
use crate::i18n::Lang;
use crate::views::innovation::InnovationView;
use crate::views::testing::{build_in, state};
use crate::views::View;

fn view(lang: Lang, selected: Option<usize>) -> InnovationView {
    let dataset = bundled();
    build_in(
        &dataset,
        &state(&dataset, 2022, None, selected, lang),
        InnovationView::build,
    )
}

/// Wide and narrow, Zone K (index 10), a national zone in a county,
/// selected.
pub(super) fn cases() -> Vec<Case> {
    LANGS_AND_WIDTHS
        .into_iter()
        .map(|(variant, lang, width)| {
            Case::light(variant, width, move || {
                View::Innovation(view(lang, Some(10)))
            })
            .check(|view, layout| {
                let View::Innovation(v) = view else {
                    panic!("an innovation view")
                };
                let dots: usize = v.rows.iter().map(|r| r.points.len()).sum();
                assert_eq!(layout.marks.len(), dots, "one mark per dot");
            })
        })
        .collect()
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
        let view = View::Innovation(v.clone());
        for (k, mark) in layout.marks.iter().enumerate() {
            assert_eq!(crate::charts::mark_label(&view, mark), labels[k]);
            let hit = layout
                .hit((mark.x0 + mark.x1) / 2, (mark.y0 + mark.y1) / 2, 0)
                .expect("a dot");
            assert_eq!(hit.datum, mark.datum, "dot {k} at {width} px is hidden");
        }
    }
}

#[test]
fn innovation_names_the_selected_zone_whole_on_a_phone() {
    // "◆ name value" goes on the strip's label line when it fits there, else
    // on a line of its own: never shortened, for any zone, at 360 px.
    let dataset = bundled();
    for lang in [Lang::Zh, Lang::En] {
        for zone in 0..dataset.zones.len() {
            let v = view(lang, Some(zone));
            let texts = super::svg_texts(&super::svg_of(&View::Innovation(v.clone()), 360));
            for row in &v.rows {
                if let Some(point) = row.points.iter().find(|p| p.selected) {
                    let text = format!("◆ {} {}", point.name, row.format.format(point.value, lang));
                    assert!(texts.contains(&text), "{text} in {texts:?}");
                }
            }
        }
    }
}
