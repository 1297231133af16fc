//! The scatter view on the bundled dataset. Expected values were computed
//! from www/data/zones.json by tools/expected_values.py (section
//! "views/scatter": sums, ratios and extremes over the 36 zones' 2022 rows),
//! or by hand where said.

use crate::i18n::Lang;
use crate::views::testing::{build_with, bundled};
use crate::views::ViewState;

use super::ScatterView;

fn build(lang: Lang, tweak: impl FnOnce(&mut ViewState)) -> ScatterView {
    build_with(&bundled(), lang, tweak, ScatterView::build)
}

#[test]
fn points_run_left_to_right_with_gdp_ranks() {
    let view = build(Lang::En, |_| {});
    assert_eq!(view.points.len(), 36);
    assert!(view.missing.is_empty());
    // tools/expected_values.py: smallest land Zone O, 12.7 km²; largest Zone
    // A, 420 km², GDP 3,054 亿元, 1,626 high-tech enterprises, 7.2714 亿元/km².
    assert_eq!(view.points[0].name, "Zone O");
    assert_eq!(view.points[35].name, "Zone A");
    assert!(view.points.windows(2).all(|w| w[0].land <= w[1].land));
    let largest = view.points.iter().find(|p| p.gdp_rank == 0).unwrap();
    assert_eq!((largest.name.as_str(), largest.gdp), ("Zone A", 3054.0));
    assert_eq!(view.points.iter().filter(|p| p.national).count(), 12, "C1");
    assert_eq!(
        view.points[35].label,
        "Zone A (national): land 420 km², GDP CNY 305.4 billion, 1,626 high-tech enterprises"
    );
}

#[test]
fn summary_names_the_extremes_and_the_national_part() {
    let zh = build(Lang::Zh, |_| {});
    // tools/expected_values.py: GDP per km² highest in Zone O (469.4 / 12.7 = 36.96 亿元),
    // lowest in Zone AH (58.4 / 64.1 = 0.9111 亿元 = 9,111万元); national
    // zones hold 1,397 of 2,436.3 km² (57%) and 11,949.1 of 17,386.4 亿元 (69%).
    assert_eq!(
        zh.summary,
        "2022年，36家高新区中GDP最高的是甲高新区（3,054亿元，国土面积420平方千米），\
         最低的是寒高新区（51.7亿元）。每平方千米GDP最高的是辰高新区（37.0亿元/平方千米），\
         最低的是昃高新区（9,111万元/平方千米）。12家国家级高新区占图中高新区国土面积的57%、GDP的69%。\
         气泡面积表示高技术企业数，最多的是甲高新区（1,626家）。"
    );
    let en = build(Lang::En, |_| {});
    assert!(
        en.summary.starts_with(
            "In 2022, of 36 zones, Zone A has the largest GDP (CNY 305.4 billion, on 420 km²) \
             and Zone AJ the smallest (CNY 5.2 billion)."
        ),
        "{}",
        en.summary
    );
    assert!(en
        .summary
        .contains("hold 57% of the land and 69% of the GDP"));
}

#[test]
fn log_scale_and_selection_reach_the_view() {
    let view = build(Lang::Zh, |s| {
        s.log_scale = true;
        s.zone = Some(14);
    });
    assert!(view.log_scale);
    assert_eq!(view.x_title, "国土面积（平方千米），对数刻度");
    let selected: Vec<&str> = view
        .points
        .iter()
        .filter(|p| p.selected)
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(selected, ["辰高新区"]);
}

#[test]
fn missing_gdp_is_left_out_and_said() {
    let mut dataset = bundled();
    let gdp = dataset.indicator_index("gdp").unwrap();
    let year = dataset.year_index(2022).unwrap();
    dataset.columns[gdp][year].values[0] = None;
    let enterprises = dataset.indicator_index("high_tech_enterprises").unwrap();
    dataset.columns[enterprises][year].values[1] = None;
    let view = build_with(&dataset, Lang::En, |_| {}, ScatterView::build);
    assert_eq!(view.points.len(), 35);
    assert_eq!(
        view.missing,
        "Not drawn, no GDP: Zone A. No count of high-tech enterprises, drawn smallest: Zone B."
    );
    assert!(view.summary.ends_with(&view.missing));
    // Now Zone B is the largest.
    assert!(view.summary.contains("Zone B has the largest GDP"));
}

#[test]
fn no_data_gives_an_empty_view_that_says_so() {
    let view = build_with(&bundled(), Lang::Zh, |s| s.year = 1999, ScatterView::build);
    assert!(view.points.is_empty());
    assert!(view
        .summary
        .starts_with("1999年没有可画的国土面积与GDP数据。"));
    assert_eq!(view.table().rows.len(), 0);
}

#[test]
fn table_has_a_row_per_point() {
    let table = build(Lang::En, |_| {}).table();
    assert_eq!(table.columns.len(), 6);
    assert_eq!(table.rows.len(), 36);
    assert_eq!(
        table.rows[35],
        ["Zone A", "national", "420", "3,054.0", "1,626", "7.27"]
    );
}
