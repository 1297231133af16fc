//! Browser tests (wasm-bindgen-test in headless Chromium) of the browser edge:
//! the HiDPI, CSP-safe backend and the handle the page talks to.
//!
//! Run by `./build.sh test`; natively this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlCanvasElement;
use zone_monitor::web::backend::{hidpi_canvas, Context2d, Measured, Surface};

wasm_bindgen_test_configure!(run_in_browser);

fn new_canvas() -> HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    document
        .create_element("canvas")
        .unwrap()
        .dyn_into()
        .unwrap()
}

fn body_children() -> u32 {
    let document = web_sys::window().unwrap().document().unwrap();
    document.body().unwrap().child_element_count()
}

#[wasm_bindgen_test]
fn hidpi_canvas_has_a_backing_store_of_css_size_times_dpr() {
    let canvas = new_canvas();
    let context = hidpi_canvas(&canvas, (360, 200), 2.0, 1.0).unwrap();
    assert_eq!((canvas.width(), canvas.height()), (720, 400));
    // The context is scaled so that drawing code works in CSS pixels.
    let transform = context.get_transform().unwrap();
    assert_eq!((transform.a(), transform.d()), (2.0, 2.0));
    // A nonsense ratio falls back to 1; a huge one is capped at 4.
    hidpi_canvas(&canvas, (100, 50), f64::NAN, 1.0).unwrap();
    assert_eq!(canvas.width(), 100);
    hidpi_canvas(&canvas, (100, 50), 10.0, 1.0).unwrap();
    assert_eq!(canvas.width(), 400);
}

#[wasm_bindgen_test]
fn measured_backend_reports_css_size_and_draws_in_css_pixels() {
    let canvas = new_canvas();
    let context = hidpi_canvas(&canvas, (200, 100), 2.0, 1.0).unwrap();
    let inner = CanvasBackend::with_canvas_object(canvas.clone()).unwrap();
    let backend = Measured::new(inner, (200, 100), Context2d::new(context.clone()));
    let area = backend.into_drawing_area();
    assert_eq!(area.dim_in_pixel(), (200, 100));
    // Fill the right half (CSS x 100..200): device pixels 200..400 turn red.
    area.draw(&Rectangle::new([(100, 0), (200, 100)], RED.filled()))
        .unwrap();
    area.present().unwrap();
    let pixel = |x: f64| {
        context
            .get_image_data(x, 100.0, 1.0, 1.0)
            .unwrap()
            .data()
            .to_vec()
    };
    assert_eq!(pixel(300.0), vec![255, 0, 0, 255]);
    assert_eq!(pixel(150.0)[3], 0, "the left half stays empty");
}

#[wasm_bindgen_test]
fn text_is_measured_by_the_canvas_without_touching_the_page() {
    let canvas = new_canvas();
    let context = hidpi_canvas(&canvas, (300, 100), 1.0, 1.0).unwrap();
    let backend = Measured::new(
        CanvasBackend::with_canvas_object(canvas).unwrap(),
        (300, 100),
        Context2d::new(context),
    );
    let area = backend.into_drawing_area();
    let before = body_children();
    let style = TextStyle::from(("sans-serif", 20).into_font());
    let (short, height) = area.estimate_text_size("区", &style).unwrap();
    let (long, _) = area.estimate_text_size("高新区高新区", &style).unwrap();
    // Six ideographs measure about six times one; plotters' own web measurer
    // would have inserted a <span style=...> into the body (refused by CSP).
    assert!(
        short > 0 && long >= 5 * short && long <= 7 * short,
        "{short} vs {long}"
    );
    assert_eq!(height, 20);
    assert_eq!(
        body_children(),
        before,
        "measuring text added elements to the page"
    );
}

/// The canvas surface sets the font, alignment, baseline and fill only when
/// they change (and measures through the same font): the pixels must be the
/// ones plotters-canvas draws setting them before every text. Labels in
/// changing fonts, anchors and colours, rotated ones, bars between them.
#[wasm_bindgen_test]
fn text_fast_path_draws_the_pixels_plotters_canvas_draws() {
    fn scene<B: DrawingBackend>(area: &DrawingArea<B, plotters::coord::Shift>) {
        use plotters::style::text_anchor::{HPos, Pos, VPos};
        let fonts = [("sans-serif", 14.0), ("serif", 20.0), ("sans-serif", 14.0)];
        let anchors = [
            Pos::new(HPos::Left, VPos::Top),
            Pos::new(HPos::Right, VPos::Center),
            Pos::new(HPos::Center, VPos::Bottom),
        ];
        let colours = [BLACK, RED, BLACK, BLUE];
        for i in 0..12 {
            let (family, size) = fonts[i % 3];
            let mut style = TextStyle::from((family, size).into_font())
                .color(&colours[i % 4])
                .pos(anchors[i % 3]);
            if i % 5 == 4 {
                style = style.transform(FontTransform::Rotate90);
            }
            let at = (20 + 30 * (i as i32 % 6), 20 + 60 * (i as i32 / 6));
            area.estimate_text_size("高新区 12", &style).unwrap();
            area.draw_text("高新区 12", &style, at).unwrap();
            area.draw(&Rectangle::new([at, (at.0 + 8, at.1 + 4)], GREEN.filled()))
                .unwrap();
        }
        area.present().unwrap();
    }
    let pixels = |fast: bool| {
        let canvas = new_canvas();
        let context = hidpi_canvas(&canvas, (240, 160), 2.0, 1.0).unwrap();
        let text = Context2d::new(context.clone());
        if fast {
            let surface = Surface::canvas(&canvas, text.clone()).unwrap();
            scene(&Measured::new(surface, (240, 160), text).into_drawing_area());
        } else {
            let inner = CanvasBackend::with_canvas_object(canvas).unwrap();
            scene(&Measured::new(inner, (240, 160), text).into_drawing_area());
        }
        let data = context
            .get_image_data(0.0, 0.0, 480.0, 320.0)
            .unwrap()
            .data()
            .to_vec();
        assert!(
            data.chunks(4).filter(|p| p[3] > 0).count() > 2_000,
            "the scene drew"
        );
        data
    };
    assert!(
        pixels(true) == pixels(false),
        "the fast path drew other pixels"
    );
}

// The evaluation controls of the widget (the Rust side of the weight
// sliders and method choices): what the page calls, and what it gets.

fn bundled_widget(lang: &str) -> zone_monitor::web::Widget {
    zone_monitor::web::Widget::load(include_bytes!("../www/data/zones.json"), lang)
        .unwrap_or_else(|_| panic!("the bundled dataset loads"))
}

fn json(value: wasm_bindgen::JsValue) -> serde_json::Value {
    serde_wasm_bindgen::from_value(value).unwrap()
}

#[wasm_bindgen_test]
fn framework_lists_the_dimensions_and_the_methods() {
    let widget = bundled_widget("en");
    let framework = json(widget.framework().unwrap());
    let weights: Vec<f64> = framework["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["weight"].as_f64().unwrap())
        .collect();
    assert_eq!(weights, [20.0, 20.0, 15.0, 15.0, 30.0]);
    assert_eq!(framework["preset"], "framework");
    assert_eq!(framework["presets"][1]["id"], "entropy_topsis");
    assert_eq!(framework["presets"][1]["label"], "entropy-weighted TOPSIS");
    assert_eq!(framework["dimensions"][0]["share"], "20%");
}

/// Moving a weight re-ranks the zones as `analysis::evaluation::evaluate`
/// does with those weights, in the ranking's table.
#[wasm_bindgen_test]
fn moving_a_weight_reranks_as_the_analysis_computes() {
    use zone_monitor::analysis::evaluation::{evaluate, EvaluationSettings, EvaluationWeighting};
    let mut widget = bundled_widget("en");
    let weights = vec![0.0, 0.0, 0.0, 100.0, 0.0];
    widget.set_weights(weights.clone()).unwrap();
    let table = json(widget.table_page("ranking", 0, u32::MAX).unwrap())["table"].clone();
    let dataset = zone_monitor::model::load(include_str!("../www/data/zones.json"))
        .unwrap()
        .dataset;
    let settings = EvaluationSettings {
        weighting: EvaluationWeighting::Dimensions { weights },
        ..EvaluationSettings::default()
    };
    let expected = evaluate(&dataset, &settings).unwrap();
    let mut zones: Vec<_> = expected.year(2022).unwrap().zones.iter().collect();
    zones.sort_by_key(|z| (z.rank.is_none(), z.rank));
    for (row, zone) in table["rows"].as_array().unwrap().iter().zip(zones) {
        assert_eq!(row[0], dataset.zones[zone.zone].name.en.as_str());
        assert_eq!(row[1], zone.rank.unwrap().to_string());
    }
    let framework = json(widget.framework().unwrap());
    assert_eq!(framework["dimensions"][3]["weight"], 100.0);
    assert_eq!(framework["dimensions"][3]["share"], "100%");
    // The select says "custom" once the reader's weights are applied.
    assert_eq!(framework["preset"], "custom");
    assert_eq!(framework["sliders"], true);
}

/// Under entropy-weighted TOPSIS the sliders are off and show the entropy
/// weights of the year shown, summed by dimension, as the analysis computes
/// them; the line under them names the method.
#[wasm_bindgen_test]
fn entropy_weights_are_shown_and_the_sliders_are_off() {
    use zone_monitor::analysis::evaluation::{evaluate, EvaluationSettings};
    let mut widget = bundled_widget("en");
    widget.set_preset("entropy_topsis").unwrap();
    let framework = json(widget.framework().unwrap());
    assert_eq!(framework["preset"], "entropy_topsis");
    assert_eq!(framework["sliders"], false);
    let dataset = zone_monitor::model::load(include_str!("../www/data/zones.json"))
        .unwrap()
        .dataset;
    let expected = evaluate(&dataset, &EvaluationSettings::entropy_topsis()).unwrap();
    let shares: Vec<String> = expected
        .year(2022)
        .unwrap()
        .dimension_weights
        .iter()
        .map(|w| format!("{}%", (100.0 * w).round()))
        .collect();
    for (i, share) in shares.iter().enumerate() {
        assert_eq!(framework["dimensions"][i]["share"], share.as_str());
    }
    let line = framework["weights_line"].as_str().unwrap();
    assert!(
        line.starts_with("Weights: entropy weights, computed from 2022's data"),
        "{line}"
    );
}

/// The summary on chart `chart`'s card.
fn summary(widget: &zone_monitor::web::Widget, chart: &str) -> String {
    json(widget.card(chart).unwrap())["summary"]
        .as_str()
        .unwrap()
        .to_string()
}

#[wasm_bindgen_test]
fn bad_weights_and_methods_are_refused_and_change_nothing() {
    let mut widget = bundled_widget("en");
    let before = summary(&widget, "ranking");
    assert!(widget.set_weights(vec![1.0, -1.0, 1.0, 1.0, 1.0]).is_err());
    assert!(widget.set_weights(vec![0.0; 5]).is_err());
    assert!(widget
        .set_weights(vec![f64::NAN, 1.0, 1.0, 1.0, 1.0])
        .is_err());
    assert!(widget.set_weights(vec![1.0, 1.0]).is_err());
    assert!(widget.set_preset("median").is_err());
    assert_eq!(summary(&widget, "ranking"), before);

    widget.set_preset("entropy_topsis").unwrap();
    let entropy = summary(&widget, "ranking");
    assert!(entropy.contains("entropy-weighted TOPSIS"), "{entropy}");
    widget.reset_evaluation().unwrap();
    assert_eq!(summary(&widget, "ranking"), before);
}

#[wasm_bindgen_test]
fn the_ranking_draws_and_answers_the_pointer() {
    let mut widget = bundled_widget("zh");
    let canvas = new_canvas();
    for chart in ["ranking", "profile", "bump", "stability"] {
        widget.draw(chart, &canvas, 720, 2.0).unwrap();
        assert!(widget.mark_count(chart).unwrap() > 0, "{chart} has marks");
        assert!(
            widget.mark(chart, 0).unwrap().is_object(),
            "{chart}'s first mark"
        );
    }
    widget.draw("ranking", &canvas, 720, 1.0).unwrap();
    let first = json(widget.mark("ranking", 0).unwrap());
    let y = (first["y0"].as_f64().unwrap() + first["y1"].as_f64().unwrap()) / 2.0;
    let hit = json(widget.hit("ranking", 300.0, y, false).unwrap());
    // 甲高新区 (Zone A) leads 2022 with 92.5473 (tools/expected_values.py,
    // "views/ranking").
    assert!(
        hit["label"].as_str().unwrap().starts_with("第1名 甲高新区"),
        "{hit}"
    );
    let summary = json(widget.evaluation_summary().unwrap());
    assert_eq!(summary["leader"], "甲高新区");
}

/// The charts follow the reader's text size (the page's root font): at
/// 24 px, 1.5 times the standard 16, a chart is drawn as elder mode draws it
/// (ELDER_SCALE, 1.5: the same canvas); smaller than 16 px, or a root a
/// portal set to 10 px, draws it at the standard size; beyond 24 px, still
/// at 1.5 (the largest the charts are laid out for).
#[wasm_bindgen_test]
fn the_charts_follow_the_readers_text_size() {
    let mut widget = bundled_widget("zh");
    let canvas = new_canvas();
    let height = |widget: &mut zone_monitor::web::Widget| {
        widget.draw("shares", &canvas, 720, 1.0).unwrap();
        canvas.height()
    };
    let standard = height(&mut widget);
    widget.set_elder(true);
    let elder = height(&mut widget);
    widget.set_elder(false);
    assert!(elder > standard, "elder {elder} against {standard}");
    for (px, want) in [
        (24.0, elder),
        (10.0, standard),
        (40.0, elder),
        (f64::NAN, standard),
    ] {
        widget.set_text_size(px);
        assert_eq!(height(&mut widget), want, "root font {px} px");
    }
    widget.set_text_size(20.0);
    let larger = height(&mut widget);
    assert!(
        standard < larger && larger < elder,
        "{standard} < {larger} < {elder}"
    );
}

/// The ranking of 1,000 zones (the size the drawing benchmark times, in
/// `www/bench.html`) draws every zone as a mark on a real canvas. Needs the
/// `bench` feature, as `./build.sh test` builds these tests.
#[cfg(feature = "bench")]
#[wasm_bindgen_test]
fn a_thousand_zone_ranking_draws_every_zone() {
    let chart = zone_monitor::web::SyntheticChart::new("ranking", 1000).unwrap();
    let canvas = new_canvas();
    assert_eq!(chart.draw_marks(&canvas, 720, 2.0).unwrap(), 1000);
}

/// The SVG export writes text the size it is on the canvas: plotters-svg
/// divides every font size by 1.24, which the export undoes, so no text in
/// an exported chart is under the 12 px the charts use at the least.
#[wasm_bindgen_test]
fn exported_svg_text_is_the_size_drawn_on_screen() {
    let widget = bundled_widget("zh");
    for chart in ["shares", "ranking", "similarity"] {
        let svg = widget.export_svg(chart, 720).unwrap();
        let sizes: Vec<f64> = svg
            .split("font-size=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next()?.parse().ok())
            .collect();
        assert!(!sizes.is_empty(), "{chart}: no text in the SVG");
        let smallest = sizes.iter().copied().fold(f64::INFINITY, f64::min);
        assert!(smallest > 11.99, "{chart}: text at {smallest} px");
    }
}

/// The canvas surface sets a rectangle's fill colour only when it changes;
/// drawing a text in another colour between two rectangles must not leave a
/// stale colour behind. Expected pixels worked by hand:
/// red, then blue text elsewhere, then red again at (30, 5).
#[wasm_bindgen_test]
fn canvas_surface_fill_cache_never_goes_stale() {
    let canvas = new_canvas();
    let context = hidpi_canvas(&canvas, (60, 20), 1.0, 1.0).unwrap();
    let text = Context2d::new(context.clone());
    let surface = Surface::canvas(&canvas, text.clone()).unwrap();
    let area = Measured::new(surface, (60, 20), text).into_drawing_area();
    area.draw(&Rectangle::new([(0, 0), (10, 10)], RED.filled()))
        .unwrap();
    area.draw(&Text::new(
        "x",
        (12, 0),
        ("sans-serif", 10).into_font().color(&BLUE),
    ))
    .unwrap();
    area.draw(&Rectangle::new([(25, 0), (35, 10)], RED.filled()))
        .unwrap();
    area.draw(&Rectangle::new([(40, 0), (50, 10)], GREEN.filled()))
        .unwrap();
    area.present().unwrap();
    let pixel = |x: f64| {
        context
            .get_image_data(x, 5.0, 1.0, 1.0)
            .unwrap()
            .data()
            .to_vec()
    };
    assert_eq!(pixel(5.0), vec![255, 0, 0, 255]);
    assert_eq!(pixel(30.0), vec![255, 0, 0, 255]);
    assert_eq!(pixel(45.0), vec![0, 255, 0, 255]);
}
