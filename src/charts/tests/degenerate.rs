//! Charts 4, 7, 8 and 11 on data that is small, odd or missing: every one
//! draws (a message when there is nothing to draw) and never panics, at the
//! narrowest width the widget allows (200) up to a wide desktop.

use crate::views::testing::build_in;
use plotters::prelude::{IntoDrawingArea, SVGBackend};

use crate::i18n::Lang;
use crate::model::{load, Dataset};
use crate::views::testing::bundled;
use crate::views::{ChartId, View, ViewState};

const CHARTS: [ChartId; 4] = [
    ChartId::Scatter,
    ChartId::Trends,
    ChartId::Benchmarks,
    ChartId::NationalBands,
];

fn file(text: &str) -> Dataset {
    load(text).expect("a valid dataset").dataset
}

/// Draws every chart of `dataset` in both languages, linear and log, with
/// and without a selection, at several widths; returns how many marks each
/// drew at 360 px in Chinese.
fn draw_all(dataset: &Dataset) -> Vec<usize> {
    let mut marks = Vec::new();
    for id in CHARTS {
        for lang in [Lang::Zh, Lang::En] {
            for (log, zone) in [(false, None), (true, Some(0)), (false, Some(9999))] {
                let state = ViewState {
                    lang,
                    log_scale: log,
                    zone,
                    ..ViewState::initial(dataset)
                };
                let view = build_in(dataset, &state, |context| View::build(id, context));
                assert!(!view.summary().is_empty(), "{id:?} says something");
                let _ = view.table();
                for width in [200, 360, 1400] {
                    let height = super::super::preferred_height(&view, width);
                    assert!(height > 0 && height < 4000, "{id:?} at {width}: {height}");
                    let mut svg = String::new();
                    let area =
                        SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
                    let layout = super::super::draw(&area, &view, &super::super::style::LIGHT)
                        .expect("draws");
                    if lang == Lang::Zh && !log && zone.is_none() && width == 360 {
                        marks.push(layout.marks.len());
                    }
                }
            }
        }
    }
    marks
}

#[test]
fn the_test_datasets_draw() {
    let minimal = file(include_str!("../../../tests/datasets/good/minimal.json"));
    draw_all(&minimal);
    let html = file(include_str!(
        "../../../tests/datasets/good/html_in_names_is_text.json"
    ));
    draw_all(&html);
}

#[test]
fn no_zones_no_years_no_values_draw_a_message() {
    let mut no_zones = bundled();
    no_zones.zones.clear();
    no_zones.rankings.clear();
    // The benchmarks keep their own figures: three bars, one saying "no data".
    assert_eq!(draw_all(&no_zones), [0, 0, 3, 0]);

    let mut no_years = bundled();
    no_years.years.clear();
    no_years.columns.iter_mut().for_each(Vec::clear);
    assert_eq!(draw_all(&no_years), [0, 0, 0, 0]);

    let mut no_values = bundled();
    for column in no_values.columns.iter_mut().flatten() {
        column.values.iter_mut().for_each(|v| *v = None);
    }
    // Benchmarks still have their own figures; nothing else has data.
    assert_eq!(draw_all(&no_values), [0, 0, 3 + 36, 12]);
}
