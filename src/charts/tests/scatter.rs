//! The `scatter` chart, land against GDP: snapshots and hit-testing.

use super::{bundled_chart, layout_of, Case};
use crate::i18n::Lang;
use crate::views::{ChartId, View};

/// Linear and log, wide and narrow; a selected zone, ringed and labelled.
pub(super) fn cases() -> Vec<Case> {
    let mut cases: Vec<Case> = [
        ("zh-wide", Lang::Zh, 720, false),
        ("zh-narrow", Lang::Zh, 360, false),
        ("en-wide", Lang::En, 720, false),
        ("en-narrow", Lang::En, 360, false),
        ("zh-wide-log", Lang::Zh, 720, true),
        ("en-narrow-log", Lang::En, 360, true),
    ]
    .into_iter()
    .map(|(variant, lang, width, log)| {
        Case::light(variant, width, move || {
            bundled_chart(ChartId::Scatter, lang, |s| s.log_scale = log)
        })
        .check(|view, layout| {
            let View::Scatter(scatter) = view else {
                panic!("a scatter view")
            };
            assert_eq!(layout.marks.len(), 36, "a bubble per zone");
            assert_eq!(scatter.points.len(), 36);
        })
    })
    .collect();
    // Zone O (z15) is small and not among the five largest: selected, it is
    // labelled all the same.
    cases.push(Case::light("en-wide-selected", 720, || {
        bundled_chart(ChartId::Scatter, Lang::En, |s| s.zone = Some(14))
    }));
    cases
}

#[test]
fn scatter_hit_finds_the_bubble_under_the_pointer() {
    let view = bundled_chart(ChartId::Scatter, Lang::En, |_| {});
    let layout = layout_of(&view, 720);
    // Worked by hand from the layout rules at 720 px: x axis 0..500 km² over
    // 41..708 px (y labels "4,000" are 27 px wide under the native text
    // estimate), y axis 0..4,000 亿元 over 472..76 px. Zone A (420 km²,
    // 3,054 亿元, tools/expected_values.py "views/scatter") sits at (41 + 667·420/500, 472 − 396·3054/4000) = (601, 170).
    let hit = layout.hit(601, 170, 8).expect("a bubble at Zone A");
    assert!(hit.label.starts_with("Zone A (national)"), "{}", hit.label);
    assert!(hit.label.contains("CNY 305.4 billion"), "{}", hit.label);
    // Top right, far from every bubble.
    assert_eq!(layout.hit(700, 90, 8), None);
}

/// 10,000 zones (the benchmark size) draw as dots, every one still a
/// mark for hit-testing, and a mark's datum is the point under its centre.
#[test]
fn ten_thousand_points_draw_as_dots_and_stay_hittable() {
    use crate::views::scatter::ScatterView;
    let view = crate::views::View::Scatter(ScatterView::synthetic(10_000, Lang::En));
    let layout = layout_of(&view, 720);
    assert_eq!(layout.marks.len(), 10_000);
    let mark = &layout.marks[1234];
    let (cx, cy) = ((mark.x0 + mark.x1) / 2, (mark.y0 + mark.y1) / 2);
    let hit = layout.hit(cx, cy, 0).expect("a mark under its own centre");
    // Several dots may overlap there; the one hit has its centre exactly there.
    assert_eq!(((hit.x0 + hit.x1) / 2, (hit.y0 + hit.y1) / 2), (cx, cy));
}

/// Over `DENSE` points the legend shows the dots drawn (squares, no
/// circles) and says sizes are not drawn, in place of "Bubble area" (issue
/// 15: at 4,978 zones the legend promised bubbles over dots).
#[test]
fn dense_points_have_a_legend_of_dots() {
    use crate::views::scatter::{size_note, ScatterView, DENSE};
    assert_eq!(
        size_note(DENSE, Lang::En),
        "Bubble area: high-tech enterprises"
    );
    let dense = size_note(DENSE + 1, Lang::En);
    assert_eq!(
        dense,
        "Many zones: unsized dots; high-tech enterprises in tooltips and table"
    );
    let svg = super::svg_of(
        &crate::views::View::Scatter(ScatterView::synthetic(DENSE + 1, Lang::En)),
        720,
    );
    assert_eq!(svg.matches("<circle").count(), 0, "no circle in the legend");
    assert!(super::svg_texts(&svg).contains(&dense));
    let bundled = super::svg_of(
        &super::bundled_chart(ChartId::Scatter, Lang::En, |_| {}),
        720,
    );
    // The bundled 36 zones: bubbles, and the legend's four circles.
    assert!(bundled.matches("<circle").count() >= 4);
}
