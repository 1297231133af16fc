//! The `theil` chart, the Theil split: snapshots and hit-testing.

use super::{bundled_chart, layout_of, Case, LANGS_AND_WIDTHS};
use crate::i18n::Lang;
use crate::views::{ChartId, View};

fn view(lang: Lang) -> View {
    bundled_chart(ChartId::Theil, lang, |_| {})
}

/// Wide and narrow.
pub(super) fn cases() -> Vec<Case> {
    LANGS_AND_WIDTHS
        .into_iter()
        .map(|(variant, lang, width)| {
            Case::light(variant, width, move || view(lang)).check(|_, layout| {
                // By level: between + 2 levels, twice (T, L); by area: between +
                // 3 areas, twice.
                assert_eq!(layout.marks.len(), 2 * 3 + 2 * 4);
            })
        })
        .collect()
}

#[test]
fn theil_hit_finds_the_between_part_of_the_first_bar() {
    let layout = layout_of(&view(Lang::Zh), 720);
    // By hand: a one-line title, so the bars start at 8 + 20 + 4 + 24 = 56;
    // the first bar is one label line (16) and 4 px below: y 76 to 100,
    // from x = 8. Its first segment is Theil T between the levels: 0.260572,
    // 49.7% of the total 0.524446 (tools/expected_values.py, "views/theil").
    let hit = layout.hit(12, 88, 0).expect("the first segment");
    assert_eq!(hit.datum, 0);
    assert!(hit.label.contains("组间差距0.261，占50%"), "{}", hit.label);
}

#[test]
fn theil_names_every_part_whole_at_phone_and_desktop_widths() {
    // Each segment's name and share ("北部产业走廊 14%") is drawn whole:
    // inside its segment where it fits, else in the key under the bar.
    for lang in [Lang::Zh, Lang::En] {
        let view = view(lang);
        let View::Theil(theil) = &view else {
            panic!("a Theil view");
        };
        for width in [360, 720] {
            let texts = super::svg_texts(&super::svg_of(&view, width));
            assert!(texts.iter().all(|t| !t.contains('…')), "{texts:?}");
            for row in &theil.rows {
                for segment in row.segments(lang) {
                    let share = format!("{:.0}%", segment.share * 100.0);
                    let text = match segment.group {
                        Some(g) => format!("{} {share}", row.groups[g].name),
                        None => share,
                    };
                    assert!(
                        texts.contains(&text),
                        "{lang:?} {width} px: {text} in {texts:?}"
                    );
                }
            }
        }
    }
}
