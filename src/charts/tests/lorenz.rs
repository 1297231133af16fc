//! The `lorenz` chart, the Lorenz curve: snapshots and hit-testing.

use super::{bundled_chart, layout_of, Case, LANGS_AND_WIDTHS};
use crate::i18n::Lang;
use crate::views::{ChartId, View};

fn view(lang: Lang, selected: Option<usize>) -> View {
    bundled_chart(ChartId::Lorenz, lang, |s| s.zone = selected)
}

/// Wide and narrow, Zone A (index 0), the largest by GDP (not the densest:
/// that is Zone O, tools/expected_values.py), selected.
pub(super) fn cases() -> Vec<Case> {
    LANGS_AND_WIDTHS
        .into_iter()
        .map(|(variant, lang, width)| {
            Case::light(variant, width, move || view(lang, Some(0)))
                .check(|_, layout| assert_eq!(layout.marks.len(), 36, "one dot per zone"))
        })
        .collect()
}

#[test]
fn lorenz_hit_finds_the_densest_zone_at_the_top_right_corner() {
    let layout = layout_of(&view(Lang::En, None), 720);
    // By hand, at 720 px: the plot's left edge is PAD + Y_TICKS = 48, its
    // side min(720 − 64, 460) = 460, so x = 1 is at 508; the title is one
    // line, so the legend is at 8 + 20 + 4 = 32, the y label at 54 and the
    // plot's top (y = 1) at 54 + 16 + 6 = 76. The last vertex (1, 1) is the
    // densest zone: Zone O, 469.4 亿元 on 12.7 km² (tools/expected_values.py,
    // "views/scatter": highest GDP per km²).
    let hit = layout.hit(508, 76, 0).expect("a dot at (1, 1)");
    assert_eq!(hit.datum, 35);
    assert!(hit.label.starts_with("Zone O"), "{}", hit.label);
    assert!(
        hit.label.contains("cumulative land 100.0%, GDP 100.0%"),
        "{}",
        hit.label
    );
    // The middle of the empty upper-left triangle: nothing within 4 px.
    assert_eq!(layout.hit(100, 120, 4), None);
}

#[test]
fn the_gini_lines_leave_the_plot_where_they_would_reach_the_equality_line() {
    // By hand: "Land-weighted Gini 0.27" (23 characters at 0.6 em of 13 px,
    // 180 px estimated) needs 8 + 180 + 8 + 2 × 16 + 2 + 8 = 238 px of side.
    // At 720 px the side is 460: inside. At 240 px (a 360 px phone in elder
    // mode, laid out at 360 ÷ 1.5) it is 240 − 64 = 176: under the plot.
    let view = match view(Lang::En, None) {
        View::Lorenz(v) => v,
        _ => unreachable!(),
    };
    assert!(super::super::lorenz::frame(&view, 720).gini.is_none());
    let narrow = super::super::lorenz::frame(&view, 240);
    let (gini, zone_gini) = narrow.gini.expect("under the plot at 240 px");
    assert_eq!(gini.join(" "), view.gini_text, "every word drawn");
    assert!(!zone_gini.is_empty());
    assert!(
        narrow.gini_y > narrow.plot.1 + narrow.plot.2,
        "below the plot"
    );
}
