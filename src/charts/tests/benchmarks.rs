//! The `benchmarks` chart, benchmarks: snapshots and hit-testing.

use super::{bundled_chart, layout_of, Case};
use crate::i18n::Lang;
use crate::views::{ChartId, View};

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

/// National scale (issue 15): 4,978 squares of 20 px were some 10,000 px on
/// a phone. Over `SMALL_SQUARES_OVER` zones the squares are 6 px with a 2 px
/// gap, without their counts, and the view's note says so; every zone keeps
/// its square (a mark with its tooltip). The bundled zones repeated to 5,000.
#[test]
fn benchmarks_draws_small_squares_at_national_scale() {
    let View::Benchmarks(mut view) = bundled_chart(ChartId::Benchmarks, Lang::En, |_| {}) else {
        panic!("a benchmarks view");
    };
    assert_eq!(
        view.squares_note, "",
        "36 zones: squares of 20 px with counts"
    );
    let zones = view.zones.clone();
    view.zones = zones.iter().cycle().take(5_000).cloned().collect();
    view.squares_note = "Many zones: small squares.".into();
    let view = View::Benchmarks(view);
    let layout = layout_of(&view, 720);
    assert_eq!(
        layout.marks.len(),
        3 + 5_000,
        "three bars, then a square per zone"
    );
    // By hand at 720 px: (720 - 2 × 8 + 2) / 8 = 88 squares a row, from
    // x = 8 and (as in the test above) y = 216; the 89th starts the second row.
    let square = |i: usize| {
        let m = &layout.marks[3 + i];
        (m.x0, m.y0, m.x1, m.y1)
    };
    assert_eq!(square(0), (8, 216, 14, 222));
    assert_eq!(square(1), (16, 216, 22, 222));
    assert_eq!(square(88), (8, 224, 14, 230));
    // 5,000 / 88 → 57 rows of 8 px: 456 px of squares, where 20 px squares
    // would have taken 5,000 / 29 → 173 rows of 24 px, 4,152 px.
    let height = crate::charts::preferred_height(&view, 720);
    assert!((700..1_000).contains(&height), "{height} px");
    let texts = super::svg_texts(&super::svg_of(&view, 720));
    assert!(
        texts.iter().any(|t| t == "Many zones: small squares."),
        "{texts:?}"
    );
    assert!(
        !texts.iter().any(|t| t == "19"),
        "no counts in the squares: {texts:?}"
    );
}
