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
use zone_monitor::web::backend::{hidpi_canvas, Measured};

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
    let context = hidpi_canvas(&canvas, (360, 200), 2.0).unwrap();
    assert_eq!((canvas.width(), canvas.height()), (720, 400));
    // The context is scaled so that drawing code works in CSS pixels.
    let transform = context.get_transform().unwrap();
    assert_eq!((transform.a(), transform.d()), (2.0, 2.0));
    // A nonsense ratio falls back to 1; a huge one is capped at 4.
    hidpi_canvas(&canvas, (100, 50), f64::NAN).unwrap();
    assert_eq!(canvas.width(), 100);
    hidpi_canvas(&canvas, (100, 50), 10.0).unwrap();
    assert_eq!(canvas.width(), 400);
}

#[wasm_bindgen_test]
fn measured_backend_reports_css_size_and_draws_in_css_pixels() {
    let canvas = new_canvas();
    let context = hidpi_canvas(&canvas, (200, 100), 2.0).unwrap();
    let inner = CanvasBackend::with_canvas_object(canvas.clone()).unwrap();
    let backend = Measured::new(inner, (200, 100), context.clone());
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
    let context = hidpi_canvas(&canvas, (300, 100), 1.0).unwrap();
    let backend = Measured::new(
        CanvasBackend::with_canvas_object(canvas).unwrap(),
        (300, 100),
        context,
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
