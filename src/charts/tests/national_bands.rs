//! The `national_bands` chart, national ranking bands: snapshots and hit-testing.

use super::{bundled_chart, layout_of, Case, LANGS_AND_WIDTHS};
use crate::i18n::Lang;
use crate::views::ChartId;

/// Wide and narrow; a selected zone.
pub(super) fn cases() -> Vec<Case> {
    let mut cases: Vec<Case> = LANGS_AND_WIDTHS
        .into_iter()
        .map(|(variant, lang, width)| {
            Case::light(variant, width, move || {
                bundled_chart(ChartId::NationalBands, lang, |_| {})
            })
            .check(|_, layout| assert_eq!(layout.marks.len(), 12, "a row per national zone"))
        })
        .collect();
    cases.push(Case::light("zh-narrow-selected", 360, || {
        bundled_chart(ChartId::NationalBands, Lang::Zh, |s| s.zone = Some(3))
    }));
    cases
}

#[test]
fn national_bands_hit_finds_the_row() {
    let view = bundled_chart(ChartId::NationalBands, Lang::En, |_| {});
    let layout = layout_of(&view, 720);
    // Rows of 26 px from y = 78, best first: row 0 is Zone A (12th), row 11
    // (y = 364..389) Zone L (169th) (tools/expected_values.py,
    // "views/national_bands").
    let hit = layout.hit(300, 90, 0).expect("row 0");
    assert_eq!(hit.datum, 0);
    assert!(
        hit.label.starts_with("Zone A: 12th of 169"),
        "{}",
        hit.label
    );
    let hit = layout.hit(300, 377, 0).expect("row 11");
    assert!(
        hit.label.starts_with("Zone L: 169th of 169"),
        "{}",
        hit.label
    );
    assert_eq!(layout.hit(300, 50, 0), None, "the legend is no row");
}
