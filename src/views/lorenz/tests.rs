//! The Lorenz view on the bundled dataset and on hand-made curves.

use crate::analysis::imbalance::imbalance;
use crate::i18n::Lang;
use crate::model::{Dataset, Level};
use crate::views::testing::{build_in, bundled, state};

use super::{densest_tenth, LorenzRow, LorenzView};

fn build(dataset: &Dataset, year: i32, level: Option<Level>, lang: Lang) -> LorenzView {
    build_in(
        dataset,
        &state(dataset, year, level, Some(0), lang),
        LorenzView::build,
    )
}

#[test]
fn the_curve_is_the_analysis_curve_with_names() {
    let dataset = bundled();
    let view = build(&dataset, 2022, None, Lang::En);
    let gdp = dataset.indicator_index("gdp").unwrap();
    let analysis = imbalance(&dataset, gdp, 2022).unwrap();
    let curve = analysis.lorenz.unwrap();
    assert_eq!(view.points.len(), 36);
    // Same order and vertices as the analysis (cross-checked in NumPy,
    // docs/METRICS.md); the curve ends at (1, 1).
    for (row, point) in view.points.iter().zip(&curve.points) {
        assert_eq!(row.zone, point.zone);
        assert!((row.cum_land_share - point.cum_land_share).abs() < 1e-12);
        assert!((row.cum_value_share - point.cum_value_share).abs() < 1e-12);
    }
    let last = view.points.last().unwrap();
    assert!((last.cum_land_share - 1.0).abs() < 1e-9 && (last.cum_value_share - 1.0).abs() < 1e-9);
    assert_eq!(view.land_gini, Some(curve.gini));
    // C19's figure: tools/expected_values.py: Gini of 2022 GDP over the 36
    // zones (mean absolute difference / 2μ) = 0.54038, above the 0.4 the
    // claim uses; land-weighted Gini (trapezoids under the Lorenz curve
    // sorted by GDP per km²) = 0.274903.
    assert!((view.zone_gini.unwrap() - 0.54038).abs() < 1e-5);
    assert!((view.land_gini.unwrap() - 0.274903).abs() < 1e-5);
    assert_eq!(view.gini_text, "Land-weighted Gini 0.27");
    assert_eq!(view.zone_gini_text, "Gini of GDP over zones 0.54");
    // Only zone 0 is selected.
    assert_eq!(view.points.iter().filter(|p| p.selected).count(), 1);
    assert!(view.points.iter().any(|p| p.selected && p.zone == 0));
}

#[test]
fn summary_names_the_extremes_and_the_claim() {
    // tools/expected_values.py: Σ 2022 GDP = 17,386.4 (CNY 100 million) =
    // CNY 1.74 trillion; k = round(36 / 10) = 4; the 4 zones with the most
    // GDP per km² hold 0.086936 of the GDP on 0.031605 of the land.
    let dataset = bundled();
    let en = build(&dataset, 2022, None, Lang::En);
    assert!(
        en.summary
            .starts_with("In 2022 the 36 zones produced CNY 1.74 trillion of GDP."),
        "{}",
        en.summary
    );
    assert!(en
        .summary
        .contains("the densest 4 hold 8.7% of the GDP on 3.2% of the land"));
    assert!(en.summary.contains("Gini of GDP over zones 0.54"));
    // Zone O, the densest: 469.4 亿元 on 12.7 km² (tools/expected_values.py)
    // = 36.96 亿元 = CNY 3.696 billion per km²; the least dense is under a
    // billion, so in millions, with its currency too (not a bare "0.09").
    assert!(
        en.summary
            .contains("Zone O produces CNY 3.7 billion per km², Zone AH only CNY "),
        "{}",
        en.summary
    );
    assert!(en.summary.contains(" million."), "{}", en.summary);
    assert!(
        en.summary
            .contains("C19 (consistent with the illustrative data)"),
        "{}",
        en.summary
    );
    let zh = build(&dataset, 2022, None, Lang::Zh);
    assert!(
        zh.summary
            .contains("密度最高的4家以3.2%的土地贡献了8.7%的GDP"),
        "{}",
        zh.summary
    );
    assert!(zh.summary.contains("C19（与示意数据一致）"));
}

#[test]
fn densest_tenth_reads_the_last_vertices() {
    // By hand: ten zones, k = round(10 / 10) = 1; the densest holds
    // 1 − Y_9 = 1 − 0.6 = 40% of the value on 1 − X_9 = 1 − 0.9 = 10% of the land.
    let row = |x: f64, y: f64| LorenzRow {
        zone: 0,
        name: String::new(),
        land_share: 0.1,
        value_share: 0.0,
        cum_land_share: x,
        cum_value_share: y,
        density: 0.0,
        selected: false,
    };
    let mut points: Vec<LorenzRow> = (1..=8)
        .map(|k| row(k as f64 / 10.0, k as f64 / 20.0))
        .collect();
    points.push(row(0.9, 0.6));
    points.push(row(1.0, 1.0));
    let (k, value, land) = densest_tenth(&points).unwrap();
    assert_eq!(k, 1);
    assert!((value - 0.4).abs() < 1e-12 && (land - 0.1).abs() < 1e-12);
    // One zone: it is the densest tenth, all of the value on all of the land.
    assert_eq!(densest_tenth(&points[9..]), Some((1, 1.0, 1.0)));
    assert_eq!(densest_tenth(&[]), None);
}

#[test]
fn a_level_keeps_its_zones_only() {
    let dataset = bundled();
    let view = build(&dataset, 2022, Some(Level::National), Lang::Zh);
    assert_eq!(view.points.len(), 12);
    assert!(view.title.starts_with("国家级高新区"), "{}", view.title);
    assert!(
        view.summary.starts_with("2022年，12家国家级高新区"),
        "{}",
        view.summary
    );
}

#[test]
fn a_year_without_data_draws_nothing_and_says_so() {
    let dataset = bundled();
    let view = build(&dataset, 1999, None, Lang::En);
    assert!(view.points.is_empty());
    assert_eq!(view.land_gini, None);
    assert!(
        view.summary
            .starts_with("There are no GDP and land figures"),
        "{}",
        view.summary
    );
    assert!(view.table().rows.is_empty());
}

#[test]
fn table_has_a_row_per_zone() {
    let dataset = bundled();
    let view = build(&dataset, 2022, None, Lang::En);
    let table = view.table();
    assert_eq!(table.columns.len(), 6);
    assert_eq!(table.rows.len(), 36);
    let last = table.rows.last().unwrap();
    assert_eq!(last[4], "100.0%");
    assert_eq!(last[5], "100.0%");
    // The tooltip of a vertex says where it is.
    let tip = view.points[35].tooltip(Lang::En);
    assert!(
        tip.contains(": cumulative land 100.0%, GDP 100.0%"),
        "{tip}"
    );
}

#[test]
fn a_zone_without_gdp_is_left_out_and_named() {
    let mut dataset = bundled();
    let gdp = dataset.indicator_index("gdp").unwrap();
    let year = dataset.year_index(2022).unwrap();
    dataset.columns[gdp][year].values[1] = None;
    let view = build(&dataset, 2022, None, Lang::En);
    assert_eq!(view.points.len(), 35);
    assert!(view.points.iter().all(|p| p.zone != 1));
    assert_eq!(view.missing, ["Zone B"]);
    assert_eq!(view.missing_text, "No GDP, left out: Zone B");
    assert!(
        view.summary.ends_with("No GDP, left out: Zone B."),
        "{}",
        view.summary
    );
    // The curve still ends at (1, 1) over the zones that have GDP.
    let last = view.points.last().unwrap();
    assert!((last.cum_value_share - 1.0).abs() < 1e-9);
}
