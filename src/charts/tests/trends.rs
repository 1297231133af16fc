//! The `trends` chart, trends: snapshots and hit-testing.

use super::{bundled_chart, layout_of, Case, LANGS_AND_WIDTHS};
use crate::i18n::Lang;
use crate::views::ChartId;

/// Wide and narrow; a selected zone, on another indicator with gaps.
pub(super) fn cases() -> Vec<Case> {
    let mut cases: Vec<Case> = LANGS_AND_WIDTHS
        .into_iter()
        .map(|(variant, lang, width)| {
            Case::light(variant, width, move || {
                bundled_chart(ChartId::Trends, lang, |_| {})
            })
            .check(|_, layout| assert_eq!(layout.marks.len(), 36 * 5, "a point per zone and year"))
        })
        .collect();
    // Water use per value added has gaps in 2018: the lines break there.
    let water = Case::light("zh-wide-water-selected", 720, || {
        let dataset = crate::views::testing::bundled();
        let water = dataset.indicator_index("water_per_va").unwrap();
        bundled_chart(ChartId::Trends, Lang::Zh, |s| {
            s.indicator = Some(water);
            s.zone = Some(13);
        })
    });
    cases.push(water.check(|_, layout| {
        assert!(layout.marks.len() < 36 * 5, "missing values have no mark");
    }));
    cases.push(Case::light("en-narrow-selected", 360, || {
        bundled_chart(ChartId::Trends, Lang::En, |s| s.zone = Some(20))
    }));
    cases
}

#[test]
fn trends_hit_finds_the_point_under_the_pointer() {
    let view = bundled_chart(ChartId::Trends, Lang::En, |_| {});
    let layout = layout_of(&view, 720);
    // Worked by hand at 720 px: y axis 0..4,000 over 436..76 px, labels 27
    // px wide so the plot starts at x = 41; the end labels ("Zone A", 36 px,
    // + 22) leave the plot ending at 654; 2022 is the last year, at
    // 41 + 10 + (654 − 41 − 20) = 644. Zone A's 3,054 亿元
    // (tools/expected_values.py, "views/trends") is at
    // y = 436 − 360·3054/4000 = 161. Zone A is series 0 (largest in 2022),
    // 2022 is year 4: datum 4.
    let hit = layout.hit(644, 161, 8).expect("a point at Zone A, 2022");
    assert_eq!(hit.datum, 4);
    assert_eq!(
        crate::charts::mark_label(&view, hit),
        "Zone A, 2022: CNY 305.4 billion"
    );
    // 6 px lower is still Zone A's point, the nearest within the tolerance.
    assert_eq!(layout.hit(644, 167, 8).map(|m| m.datum), Some(4));
}
