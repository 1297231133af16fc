//! The `benchmarks` chart, benchmarks: snapshots and hit-testing.

use super::{bundled_chart, layout_of, Case};
use crate::i18n::Lang;
use crate::views::ChartId;

/// Linear and log, wide and narrow; a selected zone.
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
            bundled_chart(ChartId::Benchmarks, lang, |s| s.log_scale = log)
        })
        .check(|_, layout| {
            assert_eq!(
                layout.marks.len(),
                3 + 36,
                "three bars, then a square per zone"
            );
        })
    })
    .collect();
    cases.push(Case::light("zh-narrow-selected", 360, || {
        bundled_chart(ChartId::Benchmarks, Lang::Zh, |s| s.zone = Some(0))
    }));
    cases
}

#[test]
fn benchmarks_hit_finds_bars_and_squares() {
    let view = bundled_chart(ChartId::Benchmarks, Lang::En, |_| {});
    let layout = layout_of(&view, 720);
    // By hand at 720 px: rows of 30 px from y = 36, bars 18 px high centred:
    // Zhangjiang (row 1) from y = 72 to 90; the label column ends at x = 217.
    let hit = layout.hit(300, 80, 0).expect("the Zhangjiang bar");
    assert_eq!(hit.datum, 1);
    assert!(hit.label.contains("360"), "{}", hit.label);
    // The zone grid starts at y = 36 + 90 (bars) + 44 (axis) + 46 (heading):
    // the first square (most listed companies: Zone A, 19, by
    // tools/expected_values.py) spans 8..28 × 216..236.
    let hit = layout.hit(18, 226, 0).expect("the first zone square");
    assert_eq!(hit.datum, 3);
    assert_eq!(
        hit.label,
        "Zone A: 19; 4 innovative clusters; emerging and digital 49.2% of output"
    );
}

#[test]
fn benchmark_names_too_long_for_the_label_column_go_above_their_bars() {
    // At 540 px the label column may take 2/5 of the width (216 px), less
    // than "Shanghai Zhangjiang high-tech zone" needs: the labels go above
    // the bars, whole, and the bars start at the left edge.
    let view = bundled_chart(ChartId::Benchmarks, Lang::En, |_| {});
    let crate::views::View::Benchmarks(bars) = &view else {
        panic!("a benchmarks view");
    };
    let svg = super::svg_of(&view, 540);
    let texts = super::svg_texts(&svg);
    for bar in &bars.bars {
        assert!(
            texts.contains(&bar.name),
            "{} drawn whole: {texts:?}",
            bar.name
        );
    }
    assert!(texts.iter().all(|t| !t.contains('…')), "{texts:?}");
    let layout = layout_of(&view, 540);
    assert_eq!(layout.marks[0].x0, 8);
}
