//! A drawing backend that makes plotters right in the browser: crisp on HiDPI
//! screens and safe under a strict Content-Security-Policy.
//!
//! plotters-canvas draws in backing-store pixels and ignores
//! `devicePixelRatio`, and plotters measures text on wasm32 by inserting a
//! `<span style=...>` into the page (refused under `style-src 'self'`, and a
//! forced layout per label). [`Measured`] wraps any backend and fixes both:
//!
//! - it reports the size in CSS pixels, while the canvas's backing store is
//!   CSS size × DPR and its context is scaled once by DPR ([`hidpi_canvas`]);
//! - it measures text with the canvas's own `measureText`.

use std::cell::RefCell;
use std::rc::Rc;

use plotters::prelude::DrawingBackend;
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontTransform,
};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A 2D context and the font it holds: plotters measures every label before
/// drawing it, and setting a font makes the browser parse the CSS shorthand
/// each time; the font is set only when it changes. The page's canvas is
/// measured and drawn through one `Context2d`, so both see the same font.
pub struct Context2d {
    pub context: CanvasRenderingContext2d,
    font: RefCell<(f64, String, String)>,
}

impl Context2d {
    pub fn new(context: CanvasRenderingContext2d) -> Rc<Context2d> {
        Rc::new(Context2d {
            context,
            font: RefCell::default(),
        })
    }

    /// Sets the font `(size, weight, family)` as the CSS shorthand
    /// plotters-canvas writes (measured and drawn with the same), unless
    /// the context holds it already. Compared by its parts, the shorthand
    /// is formatted only when it changes (formatting it for every text and
    /// every measurement was 1.4 ms of a 36-zone redraw).
    fn set_font(&self, (size, weight, family): (f64, &str, &str)) {
        let mut held = self.font.borrow_mut();
        if (held.0, held.1.as_str(), held.2.as_str()) != (size, weight, family) {
            self.context
                .set_font(&format!("{weight} {size}px {family}"));
            *held = (size, weight.to_string(), family.to_string());
        }
    }
}

/// Wraps a backend so it reports `size` (CSS pixels) and measures text with
/// `measurer`.
pub struct Measured<B> {
    inner: B,
    size: (u32, u32),
    measurer: Rc<Context2d>,
}

impl<B> Measured<B> {
    pub fn new(inner: B, size: (u32, u32), measurer: Rc<Context2d>) -> Self {
        Measured {
            inner,
            size,
            measurer,
        }
    }

    pub fn into_inner(self) -> B {
        self.inner
    }
}

/// Sizes `canvas` for crisp drawing at `dpr` and returns its 2D context,
/// scaled so that one unit is `scale` CSS pixels (the reader's text size, or the elder mode's
/// `ELDER_SCALE`).
///
/// The backing store becomes `css_size × dpr` device pixels; the element's
/// displayed size is set by the stylesheet (width: 100%), never by a style
/// attribute, so this works under `style-src 'self'`.
pub fn hidpi_canvas(
    canvas: &HtmlCanvasElement,
    css_size: (u32, u32),
    dpr: f64,
    scale: f64,
) -> Result<CanvasRenderingContext2d, String> {
    let dpr = if dpr.is_finite() && dpr > 0.0 {
        dpr.min(4.0)
    } else {
        1.0
    };
    canvas.set_width((f64::from(css_size.0) * dpr).round() as u32);
    canvas.set_height((f64::from(css_size.1) * dpr).round() as u32);
    let context = context_2d(canvas)?;
    context
        .set_transform(dpr * scale, 0.0, 0.0, dpr * scale, 0.0, 0.0)
        .map_err(|_| "the canvas refused a transform".to_string())?;
    Ok(context)
}

/// The 2D context of a canvas, or a message saying why there is none.
pub fn context_2d(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, String> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|context| context.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or_else(|| "this browser gives no 2D canvas context".to_string())
}

impl<B: DrawingBackend> DrawingBackend for Measured<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.fill_polygon(vert, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let (weight, family) = (style.style(), style.family());
        self.measurer
            .set_font((style.size(), weight.as_str(), family.as_str()));
        let width = self
            .measurer
            .context
            .measure_text(text)
            .map(|m| m.width())
            .unwrap_or_else(|_| {
                // A canvas that cannot measure still lays out: fall back to
                // plotters' own rule of thumb (0.6 em a character).
                0.6 * style.size() * text.chars().count() as f64
            });
        Ok((width.ceil() as u32, style.size().ceil() as u32))
    }
}

/// Where a chart is drawn in the browser: the page's canvas or an SVG
/// document (the export).
///
/// One backend type for both means every chart is compiled once into the wasm
/// instead of once per backend: charts are generic over `DrawingBackend`, and
/// each instantiation is a full copy of the chart's code.
pub enum Surface<'a> {
    Canvas(CanvasSurface),
    Svg(plotters::prelude::SVGBackend<'a>),
}

impl Surface<'_> {
    /// The surface of a canvas element whose context is `text`'s, or
    /// `None` when it has no 2D context.
    pub fn canvas(canvas: &HtmlCanvasElement, text: Rc<Context2d>) -> Option<Surface<'static>> {
        let backend = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone())?;
        Some(Surface::Canvas(CanvasSurface {
            backend,
            text,
            fill: None,
            anchor: None,
        }))
    }
}

/// plotters-canvas, plus fast paths for filled rectangles and text: it sets
/// the fill style (a colour string made and sent to the browser) before
/// every rectangle, and the font, alignment, baseline and fill style before
/// every text; here each is set only when it changes. A heatmap's 1,296
/// cells, every bar chart and the ranking's ~160 labels draw faster for it.
pub struct CanvasSurface {
    backend: plotters_canvas::CanvasBackend,
    /// The canvas's context and its font.
    text: Rc<Context2d>,
    /// The fill colour the context holds, if this surface set it last;
    /// `None` after any drawing plotters-canvas does itself.
    fill: Option<((u8, u8, u8), u64)>,
    /// The text alignment and baseline the context holds, if set here
    /// (plotters-canvas sets them only in its `draw_text`, never called).
    anchor: Option<(&'static str, &'static str)>,
}

impl CanvasSurface {
    fn set_fill(&mut self, color: BackendColor) {
        let key = (color.rgb, color.alpha.to_bits());
        if self.fill != Some(key) {
            let (r, g, b) = color.rgb;
            self.text
                .context
                .set_fill_style_str(&format!("rgba({r},{g},{b},{})", color.alpha));
            self.fill = Some(key);
        }
    }

    fn fill_rect(&mut self, (x0, y0): BackendCoord, (x1, y1): BackendCoord, color: BackendColor) {
        self.set_fill(color);
        self.text.context.fill_rect(
            f64::from(x0),
            f64::from(y0),
            f64::from(x1 - x0),
            f64::from(y1 - y0),
        );
    }

    /// plotters-canvas's `draw_text`, setting only what changed (not
    /// generic, so the wasm holds it once). A rotated text's state is set
    /// before `save`, so `restore` keeps it.
    fn draw_text(
        &mut self,
        text: &str,
        color: BackendColor,
        anchor: Pos,
        font: (f64, &str, &str),
        quarters: f64,
        (x, y): BackendCoord,
    ) -> Result<(), DrawingErrorKind<SurfaceError>> {
        let baseline = match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        let align = match anchor.h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if self.anchor != Some((align, baseline)) {
            self.text.context.set_text_baseline(baseline);
            self.text.context.set_text_align(align);
            self.anchor = Some((align, baseline));
        }
        self.set_fill(color);
        self.text.set_font(font);
        let context = &self.text.context;
        let drawn = if quarters == 0.0 {
            context.fill_text(text, f64::from(x), f64::from(y))
        } else {
            context.save();
            let drawn = context
                .translate(f64::from(x), f64::from(y))
                .and_then(|()| context.rotate(quarters * std::f64::consts::FRAC_PI_2))
                .and_then(|()| context.fill_text(text, 0.0, 0.0));
            context.restore();
            drawn
        };
        drawn.map_err(|_| {
            DrawingErrorKind::DrawingError(SurfaceError("the canvas refused a text".into()))
        })
    }
}

/// A drawing error of either surface, as text.
#[derive(Debug)]
pub struct SurfaceError(String);

impl std::fmt::Display for SurfaceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SurfaceError {}

fn surface_error<E: std::error::Error + Send + Sync>(
    error: DrawingErrorKind<E>,
) -> DrawingErrorKind<SurfaceError> {
    match error {
        DrawingErrorKind::DrawingError(e) => {
            DrawingErrorKind::DrawingError(SurfaceError(e.to_string()))
        }
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

/// Calls the same method on whichever surface this is.
macro_rules! on_surface {
    ($self:ident, $backend:ident => $call:expr) => {
        match $self {
            Surface::Canvas(canvas) => {
                // plotters-canvas may set its own fill style.
                canvas.fill = None;
                let $backend = &mut canvas.backend;
                $call.map_err(surface_error)
            }
            Surface::Svg($backend) => $call.map_err(surface_error),
        }
    };
}

impl DrawingBackend for Surface<'_> {
    type ErrorType = SurfaceError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            Surface::Canvas(c) => c.backend.get_size(),
            Surface::Svg(b) => b.get_size(),
        }
    }

    // plotters calls this before every element it draws; plotters-canvas
    // does nothing in it, so the colours set are kept (the fast paths).
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<SurfaceError>> {
        match self {
            Surface::Canvas(c) => c.backend.ensure_prepared().map_err(surface_error),
            Surface::Svg(b) => b.ensure_prepared().map_err(surface_error),
        }
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<SurfaceError>> {
        on_surface!(self, b => b.present())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<SurfaceError>> {
        on_surface!(self, b => b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<SurfaceError>> {
        on_surface!(self, b => b.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<SurfaceError>> {
        match self {
            Surface::Canvas(canvas) if fill => {
                if style.color().alpha > 0.0 {
                    canvas.fill_rect(upper_left, bottom_right, style.color());
                }
                Ok(())
            }
            _ => on_surface!(self, b => b.draw_rect(upper_left, bottom_right, style, fill)),
        }
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<SurfaceError>> {
        on_surface!(self, b => b.draw_path(path, style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<SurfaceError>> {
        on_surface!(self, b => b.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<SurfaceError>> {
        on_surface!(self, b => b.fill_polygon(vert, style))
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<SurfaceError>> {
        match self {
            Surface::Canvas(_) if style.color().alpha == 0.0 => Ok(()),
            Surface::Canvas(c) => {
                let quarters = match style.transform() {
                    FontTransform::None => 0.0,
                    FontTransform::Rotate90 => 1.0,
                    FontTransform::Rotate180 => 2.0,
                    FontTransform::Rotate270 => 3.0,
                };
                let (color, anchor) = (style.color(), style.anchor());
                let (weight, family) = (style.style(), style.family());
                let font = (style.size(), weight.as_str(), family.as_str());
                c.draw_text(text, color, anchor, font, quarters, pos)
            }
            Surface::Svg(b) => b
                .draw_text(text, &SvgSized(style), pos)
                .map_err(surface_error),
        }
    }
}

/// plotters-svg writes `font-size` as the style's size ÷ 1.24 (its own
/// convention); a text style 1.24 times larger makes the exported SVG's text
/// the size it is on the canvas.
struct SvgSized<'s, S>(&'s S);

impl<S: BackendTextStyle> BackendTextStyle for SvgSized<'_, S> {
    type FontError = S::FontError;

    fn color(&self) -> BackendColor {
        self.0.color()
    }

    fn size(&self) -> f64 {
        self.0.size() * 1.24
    }

    fn transform(&self) -> plotters_backend::FontTransform {
        self.0.transform()
    }

    fn style(&self) -> plotters_backend::FontStyle {
        self.0.style()
    }

    fn anchor(&self) -> plotters_backend::text_anchor::Pos {
        self.0.anchor()
    }

    fn family(&self) -> plotters_backend::FontFamily<'_> {
        self.0.family()
    }

    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        self.0.layout_box(text)
    }

    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        text: &str,
        pos: BackendCoord,
        draw: F,
    ) -> Result<Result<(), E>, Self::FontError> {
        self.0.draw(text, pos, draw)
    }
}
