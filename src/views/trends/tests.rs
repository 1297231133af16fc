//! The trends view on the bundled dataset. Expected values were computed
//! from www/data/zones.json by tools/expected_values.py (section
//! "views/trends": sums and compound growth over 2018–2022), or by hand
//! where said.

use crate::i18n::Lang;
use crate::views::testing::{build_with, bundled};
use crate::views::ViewState;

use super::TrendsView;

fn build(lang: Lang, tweak: impl FnOnce(&mut ViewState)) -> TrendsView {
    build_with(&bundled(), lang, tweak, TrendsView::build)
}

#[test]
fn gdp_by_default_largest_first_top_three_labelled() {
    let view = build(Lang::En, |_| {});
    assert_eq!(view.years, [2018, 2019, 2020, 2021, 2022]);
    assert_eq!(view.series.len(), 36);
    assert_eq!(view.y_title, "GDP (CNY 100 million)");
    let first = &view.series[0];
    assert_eq!(first.name, "Zone A");
    // tools/expected_values.py: Zone A's GDP by year; Zone B's 2019 GDP is
    // 1,463.1 亿元 = CNY 146.3 billion.
    assert_eq!(
        first.values,
        [2144.1, 2364.5, 2530.0, 2731.4, 3054.0].map(Some)
    );
    // tools/expected_values.py: the three largest 2022 GDPs are Zones A, B, C.
    assert_eq!(view.labelled, [0, 1, 2]);
    assert_eq!(view.selected, None);
    assert!(view.missing.is_empty());
    // Datum numbers run zone by zone: Zone B (series 1) in 2019 (year 1) is 6.
    assert_eq!(view.datum(1, 1), 6);
    assert_eq!(view.point(6), Some((1, 1)));
    assert_eq!(view.point(36 * 5), None);
    assert_eq!(view.point_label(1, 1), "Zone B, 2019: CNY 146.3 billion");
}

#[test]
fn summary_gives_extremes_total_growth_and_fastest() {
    // tools/expected_values.py: total 12,041.2 → 17,386.4 亿元, CAGR 9.62%; fastest Zone T
    // (20.7%), slowest Zone U (−2.6%).
    let en = build(Lang::En, |_| {});
    assert_eq!(
        en.summary,
        "GDP of 36 zones, 2018–2022. In 2022 Zone A has the highest (CNY 305.4 billion) \
         and Zone AJ the lowest (CNY 5.2 billion). Together they went from CNY 1.2 trillion \
         to CNY 1.74 trillion, +9.6% a year. Annual growth is fastest in Zone T (+20.7%) \
         and slowest in Zone U (-2.6%)."
    );
    let zh = build(Lang::Zh, |_| {});
    assert!(
        zh.summary
            .contains("合计由1.2万亿元变为1.74万亿元，年均增长9.6%。"),
        "{}",
        zh.summary
    );
}

#[test]
fn selected_zone_is_the_one_labelled_and_placed() {
    // Zone N is zones[13]; its 2022 GDP 473 亿元 is the 10th largest
    // (tools/expected_values.py: 2022 GDP sorted, descending).
    let view = build(Lang::En, |s| s.zone = Some(13));
    let selected = view.selected.expect("Zone N selected");
    assert_eq!(view.series[selected].name, "Zone N");
    assert_eq!(view.labelled, [selected]);
    assert!(
        view.summary
            .contains("Zone N stands at CNY 47.3 billion in 2022, 10th of 36."),
        "{}",
        view.summary
    );
}

#[test]
fn another_indicator_with_gaps_says_what_is_missing() {
    let water = bundled().indicator_index("water_per_va");
    let view = build(Lang::Zh, |s| s.indicator = water);
    // tools/expected_values.py: 16 of the 180 values are null, for 8 zones (2018 and 2019);
    // the first five named in series order, largest 2022 value first.
    assert_eq!(
        view.missing,
        "180个数值中缺少16个（卯高新区、午高新区、月高新区、黄高新区和酉高新区等8家），线在缺失处断开。"
    );
    assert!(view.summary.ends_with(&view.missing));
    assert!(!view.summary.contains("合计"), "no total of a ratio");
    assert_eq!(view.y_title, "单位增加值用水量（立方米/万元）");
}

#[test]
fn an_indicator_out_of_range_falls_back_to_gdp() {
    let view = build(Lang::En, |s| s.indicator = Some(10_000));
    assert_eq!(view.y_title, "GDP (CNY 100 million)");
}

#[test]
fn table_has_years_and_growth() {
    let table = build(Lang::En, |_| {}).table();
    assert_eq!(
        table.columns,
        [
            "Zone",
            "2018",
            "2019",
            "2020",
            "2021",
            "2022",
            "Annual growth"
        ]
    );
    assert_eq!(table.rows.len(), 36);
    assert_eq!(table.rows[0][0], "Zone A");
    // tools/expected_values.py: Zone A's CAGR 2018–2022 = 9.25%.
    assert_eq!(table.rows[0][6], "9.2%");
}
