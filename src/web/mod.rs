//! The browser edge: [`Widget`], the one `#[wasm_bindgen]` type the page talks
//! to.
//!
//! The page hands it the dataset's text once; the widget owns the validated
//! dataset in wasm memory and answers small questions: draw this chart on this
//! canvas at this width, what is under this pointer, what is the summary. It
//! converts arguments, calls the core and the charts, and converts results:
//! nothing is computed here.

pub mod backend;

use plotters::prelude::{IntoDrawingArea, SVGBackend};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use crate::analysis::evaluation::EvaluationSettings;
use crate::charts::style::{self, Palette};
use crate::charts::{self, Layout};
use crate::claims::{self, ClaimResult};
use crate::i18n::Lang;
use crate::model::Level;
use crate::model::{self, Dataset, Problem};
use crate::views::data;
use crate::views::evaluation::{
    self as evaluation, aggregation_id, method_label, normalisation_id, slider_weights,
    weighting_id, Evaluated,
};
use crate::views::overview::Overview;
use crate::views::ui::{self, UiText};
use crate::views::{ChartId, Context, View, ViewState};
use backend::{hidpi_canvas, Measured, Surface};

/// Pixels around a mark within which a pointer still hits it (a fingertip).
const HIT_TOLERANCE: i32 = 8;

/// The widget's state for one `<zone-monitor>` element.
#[wasm_bindgen]
pub struct Widget {
    dataset: Dataset,
    claims: Vec<ClaimResult>,
    warnings: Vec<Problem>,
    state: ViewState,
    /// Where each chart last drew its marks, for hit-testing.
    layouts: Vec<(ChartId, Layout)>,
    /// The evaluation under `state.evaluation`, recomputed only when the
    /// weights or the methods change (each year's sensitivity on first use).
    evaluated: Evaluated,
    /// Whether `draw` uses the dark palette: the page follows its colour
    /// scheme (`set_dark`).
    dark: bool,
}

/// A problem of the dataset as the page lists it.
#[derive(Serialize)]
struct ProblemOut<'a> {
    severity: &'a str,
    path: &'a str,
    kind: &'static str,
    message: String,
}

fn problems_out(problems: &[Problem], lang: Lang) -> Vec<ProblemOut<'_>> {
    problems
        .iter()
        .map(|p| ProblemOut {
            severity: p.severity.as_str(),
            path: &p.path,
            kind: p.kind.as_str(),
            message: p.message(lang),
        })
        .collect()
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

#[wasm_bindgen]
impl Widget {
    /// Validates and loads a dataset. On failure it throws an `Error` whose
    /// message lists the problems and whose `problems` property holds them as
    /// `{severity, path, kind, message}` in the language of `lang`.
    pub fn load(json: &str, lang: &str) -> Result<Widget, JsValue> {
        let lang = Lang::from_tag(lang);
        match model::load(json) {
            Ok(loaded) => {
                let claims = claims::evaluate(&loaded.dataset);
                let state = ViewState {
                    lang,
                    ..ViewState::initial(&loaded.dataset)
                };
                let evaluated = Evaluated::compute(&loaded.dataset, &state.evaluation);
                Ok(Widget {
                    evaluated,
                    dataset: loaded.dataset,
                    claims,
                    warnings: loaded.warnings,
                    state,
                    layouts: Vec::new(),
                    dark: false,
                })
            }
            Err(problems) => {
                let list = problems_out(&problems.0, lang);
                let text: Vec<&str> = list.iter().map(|p| p.message.as_str()).collect();
                let error = js_sys::Error::new(&text.join("\n"));
                let array = to_js(&list).map_err(JsValue::from)?;
                js_sys::Reflect::set(&error, &"problems".into(), &array)?;
                Err(error.into())
            }
        }
    }

    /// Draws the charts from now on in the dark palette (true) or the light
    /// one (false, the default), to match the page's colour scheme.
    pub fn set_dark(&mut self, dark: bool) {
        self.dark = dark;
    }

    pub fn set_lang(&mut self, lang: &str) {
        self.state.lang = Lang::from_tag(lang);
    }

    /// The page's strings around the charts, in the current language.
    pub fn texts(&self) -> Result<JsValue, JsError> {
        to_js(&UiText::build(&self.dataset, self.state.lang))
    }

    /// The dataset's warnings (usable but suspicious values), as problems.
    pub fn warnings(&self) -> Result<JsValue, JsError> {
        to_js(&problems_out(&self.warnings, self.state.lang))
    }

    /// The height a chart wants at `width` CSS pixels.
    pub fn chart_height(&self, chart: &str, width: u32) -> Result<u32, JsError> {
        Ok(charts::preferred_height(
            &self.view(parse_chart(chart)?),
            width,
        ))
    }

    /// Draws a chart on `canvas`, `width` CSS pixels wide at `dpr` device
    /// pixels per CSS pixel, in the colour scheme of `set_dark`; the height
    /// is the chart's own.
    pub fn draw(
        &mut self,
        chart: &str,
        canvas: &HtmlCanvasElement,
        width: u32,
        dpr: f64,
    ) -> Result<(), JsError> {
        let id = parse_chart(chart)?;
        let palette = if self.dark {
            &style::DARK
        } else {
            &style::LIGHT
        };
        let layout = draw_on_canvas(&self.view(id), canvas, width, dpr, palette)?;
        self.layouts.retain(|(c, _)| *c != id);
        self.layouts.push((id, layout));
        Ok(())
    }

    /// Draws a chart on `canvas` for the PNG download, like `draw` but
    /// always light and leaving hit-testing alone: exports go into documents
    /// and print, whatever the screen's colour scheme.
    pub fn export_png(
        &self,
        chart: &str,
        canvas: &HtmlCanvasElement,
        width: u32,
        dpr: f64,
    ) -> Result<(), JsError> {
        let view = self.view(parse_chart(chart)?);
        draw_on_canvas(&view, canvas, width, dpr, &style::LIGHT).map(|_| ())
    }

    /// The mark under `(x, y)` (CSS pixels from the canvas's top left) or
    /// nearby, as `{datum, x0, y0, x1, y1, label}`, or `null`.
    pub fn hit(&self, chart: &str, x: f64, y: f64) -> Result<JsValue, JsError> {
        let id = parse_chart(chart)?;
        let mark = self
            .layout(id)
            .and_then(|layout| layout.hit(x.round() as i32, y.round() as i32, HIT_TOLERANCE));
        match mark {
            Some(mark) => to_js(mark),
            None => Ok(JsValue::NULL),
        }
    }

    /// Every mark of a chart in reading order, for keyboard navigation.
    pub fn marks(&self, chart: &str) -> Result<JsValue, JsError> {
        let id = parse_chart(chart)?;
        to_js(&self.layout(id).map_or(&[][..], |layout| &layout.marks[..]))
    }

    /// The chart's title, in the current language.
    pub fn chart_title(&self, chart: &str) -> Result<String, JsError> {
        Ok(self.view(parse_chart(chart)?).title().to_string())
    }

    /// The chart's one-paragraph description, in the current language.
    pub fn summary(&self, chart: &str) -> Result<String, JsError> {
        Ok(self.view(parse_chart(chart)?).summary().to_string())
    }

    /// Every chart the widget can draw, by id.
    pub fn charts(&self) -> Vec<String> {
        ChartId::ALL
            .iter()
            .map(|c| c.as_str().to_string())
            .collect()
    }

    /// The tabs and their charts: `[{id, label, charts}]`.
    pub fn tabs(&self) -> Result<JsValue, JsError> {
        to_js(&ui::tabs(self.lang()))
    }

    /// The report's claims checked against the data (see `views::overview`).
    pub fn overview(&self) -> Result<JsValue, JsError> {
        to_js(&Overview::build(&self.dataset, &self.claims, self.lang()))
    }

    /// The years of the data, ascending.
    pub fn years(&self) -> Vec<i32> {
        self.dataset.years.clone()
    }

    pub fn year(&self) -> i32 {
        self.state.year
    }

    /// Selects a year; false (and no change) when the data have no such year.
    pub fn set_year(&mut self, year: i32) -> bool {
        let known = self.dataset.years.contains(&year);
        if known {
            self.state.year = year;
        }
        known
    }

    /// The zones for the selector: `[{id, name, level, level_label}]`.
    pub fn zones(&self) -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        struct ZoneOut<'a> {
            id: &'a str,
            name: &'a str,
            level: &'static str,
            level_label: &'static str,
        }
        let lang = self.lang();
        let zones: Vec<ZoneOut> = self
            .dataset
            .zones
            .iter()
            .map(|z| ZoneOut {
                id: &z.id,
                name: z.name.get(lang),
                level: z.level.as_str(),
                level_label: z.level.label(lang),
            })
            .collect();
        to_js(&zones)
    }

    /// The selected zone's id, if any.
    pub fn zone(&self) -> Option<String> {
        self.state
            .zone
            .and_then(|z| self.dataset.zones.get(z))
            .map(|z| z.id.clone())
    }

    /// Selects a zone by id ("" clears); false (and no change) for an unknown id.
    pub fn set_zone(&mut self, id: &str) -> bool {
        if id.is_empty() {
            self.state.zone = None;
            return true;
        }
        match self.dataset.zone_index(id) {
            Some(index) => {
                self.state.zone = Some(index);
                true
            }
            None => false,
        }
    }

    /// Shows only zones of a level ("national", "regional"; "" for all).
    pub fn set_level(&mut self, level: &str) -> bool {
        self.state.level = match level {
            "" => None,
            "national" => Some(Level::National),
            "regional" => Some(Level::Regional),
            _ => return false,
        };
        true
    }

    /// The indicators, for the trends chart's selector: `[{id, name, unit}]`.
    pub fn indicators(&self) -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        struct IndicatorOut<'a> {
            id: &'a str,
            name: &'a str,
            unit: &'a str,
        }
        let lang = self.lang();
        let list: Vec<IndicatorOut> = self
            .dataset
            .indicators
            .iter()
            .enumerate()
            .map(|(i, indicator)| IndicatorOut {
                id: &indicator.id,
                name: indicator.name.get(lang),
                unit: self.dataset.unit_label(i, lang),
            })
            .collect();
        to_js(&list)
    }

    /// The indicator the trends chart follows, by id ("" for the default);
    /// false (and no change) for an unknown id.
    pub fn set_indicator(&mut self, id: &str) -> bool {
        if id.is_empty() {
            self.state.indicator = None;
            return true;
        }
        match self.dataset.indicator_index(id) {
            Some(index) => {
                self.state.indicator = Some(index);
                true
            }
            None => false,
        }
    }

    /// The id of the indicator the trends chart follows, if one is chosen.
    pub fn indicator(&self) -> Option<String> {
        self.state
            .indicator
            .and_then(|i| self.dataset.indicators.get(i))
            .map(|i| i.id.clone())
    }

    pub fn set_log_scale(&mut self, on: bool) {
        self.state.log_scale = on;
    }

    /// The zones × indicators table of the selected year, for the data tab.
    pub fn data_table(&self) -> Result<JsValue, JsError> {
        to_js(&data::zone_table(
            &self.dataset,
            self.state.year,
            self.lang(),
        ))
    }

    /// The data tab's table as CSV (UTF-8 with a byte-order mark).
    pub fn export_data_csv(&self) -> String {
        data::zone_table(&self.dataset, self.state.year, self.lang()).to_csv()
    }

    /// The sources of the dataset: `[{id, title, date, kind}]`.
    pub fn sources(&self) -> Result<JsValue, JsError> {
        to_js(&data::sources(&self.dataset, self.lang()))
    }

    /// The chart's table as CSV (UTF-8 with a byte-order mark).
    pub fn export_csv(&self, chart: &str) -> Result<String, JsError> {
        Ok(self.view(parse_chart(chart)?).table().to_csv())
    }

    /// The chart drawn as an SVG document, `width` CSS pixels wide. Text is
    /// measured with a detached canvas, as on screen. Always light, like the
    /// PNG: exports go into documents and print.
    pub fn export_svg(&self, chart: &str, width: u32) -> Result<String, JsError> {
        let view = self.view(parse_chart(chart)?);
        let width = width.clamp(200, 4096);
        let height = charts::preferred_height(&view, width);
        let measurer = detached_context().map_err(|e| JsError::new(&e))?;
        let mut svg = String::new();
        {
            let backend = Surface::Svg(SVGBackend::with_string(&mut svg, (width, height)));
            let area = Measured::new(backend, (width, height), measurer).into_drawing_area();
            charts::draw(&area, &view, &style::LIGHT).map_err(|e| JsError::new(&e.to_string()))?;
            area.present().map_err(|e| JsError::new(&e.to_string()))?;
        }
        Ok(svg)
    }

    /// The table behind "show as table": `{caption, columns, rows}`.
    pub fn table(&self, chart: &str) -> Result<JsValue, JsError> {
        to_js(&self.view(parse_chart(chart)?).table())
    }
    /// The evaluation framework and the choices of the controls:
    /// `{dimensions: [{id, name, weight, framework_weight}], normalisations,
    /// weightings, aggregations: [{id, label}], presets: [{id, label,
    /// normalisation, weighting, aggregation}], current: {normalisation,
    /// weighting, aggregation, method}}`. `weight` is the slider's value:
    /// the reader's weight if set, else the framework's (percent).
    pub fn framework(&self) -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        struct Dimension<'a> {
            id: &'a str,
            name: &'a str,
            weight: f64,
            framework_weight: f64,
        }
        #[derive(Serialize)]
        struct Choice<'a> {
            id: &'a str,
            label: &'a str,
        }
        #[derive(Serialize)]
        struct Preset<'a> {
            id: &'a str,
            label: &'a str,
            normalisation: &'a str,
            weighting: &'a str,
            aggregation: &'a str,
        }
        #[derive(Serialize)]
        struct Current<'a> {
            normalisation: &'a str,
            weighting: &'a str,
            aggregation: &'a str,
            method: String,
        }
        #[derive(Serialize)]
        struct Framework<'a> {
            name: &'a str,
            dimensions: Vec<Dimension<'a>>,
            normalisations: Vec<Choice<'a>>,
            weightings: Vec<Choice<'a>>,
            aggregations: Vec<Choice<'a>>,
            presets: Vec<Preset<'a>>,
            current: Current<'a>,
        }
        let lang = self.lang();
        let settings = &self.state.evaluation;
        let weights = slider_weights(&self.dataset, settings);
        let choices = |table: &'static [(&'static str, &'static str, &'static str)]| {
            table
                .iter()
                .map(|(id, zh, en)| Choice {
                    id,
                    label: lang.pick(zh, en),
                })
                .collect()
        };
        let framework = Framework {
            name: self.dataset.framework.name.get(lang),
            dimensions: self
                .dataset
                .framework
                .dimensions
                .iter()
                .zip(weights)
                .map(|(d, weight)| Dimension {
                    id: &d.id,
                    name: d.name.get(lang),
                    weight,
                    framework_weight: d.weight,
                })
                .collect(),
            normalisations: choices(evaluation::NORMALISATIONS),
            weightings: choices(evaluation::WEIGHTINGS),
            aggregations: choices(evaluation::AGGREGATIONS),
            presets: vec![
                Preset {
                    id: "framework",
                    label: lang.pick("指标体系（默认）", "the framework (default)"),
                    normalisation: "min_max",
                    weighting: "framework",
                    aggregation: "arithmetic",
                },
                Preset {
                    id: "entropy_topsis",
                    label: lang.pick("熵权TOPSIS", "entropy-weighted TOPSIS"),
                    normalisation: "min_max",
                    weighting: "entropy",
                    aggregation: "topsis",
                },
            ],
            current: Current {
                normalisation: normalisation_id(&settings.normalisation),
                weighting: weighting_id(&settings.weighting),
                aggregation: aggregation_id(&settings.aggregation),
                method: method_label(settings, lang),
            },
        };
        to_js(&framework)
    }

    /// Sets the reader's weight of each framework dimension (in the order of
    /// `framework().dimensions`, any scale: they are renormalised) and
    /// recomputes the evaluation. Throws, changing nothing, for a wrong
    /// count, a negative or non-numeric weight, or all weights zero.
    pub fn set_weights(&mut self, weights: Vec<f64>) -> Result<(), JsError> {
        let settings = evaluation::with_dimension_weights(
            &self.dataset,
            &self.state.evaluation,
            &weights,
            self.lang(),
        )
        .map_err(|e| JsError::new(&e))?;
        self.apply_evaluation(settings)
    }

    /// Chooses the methods by id (see `framework()`): normalisation
    /// `min_max` | `z_score` | `vector`, weighting `framework` |
    /// `dimensions` | `equal` | `entropy`, aggregation `arithmetic` |
    /// `geometric` | `topsis`; entropy-weighted TOPSIS is `("min_max",
    /// "entropy", "topsis")`. Throws, changing nothing, for an unknown id or
    /// a combination the data cannot be evaluated with (z-scores are
    /// negative: no geometric mean).
    pub fn set_evaluation(
        &mut self,
        normalisation: &str,
        weighting: &str,
        aggregation: &str,
    ) -> Result<(), JsError> {
        let settings = evaluation::with_methods(
            &self.dataset,
            &self.state.evaluation,
            (normalisation, weighting, aggregation),
            self.lang(),
        )
        .map_err(|e| JsError::new(&e))?;
        self.apply_evaluation(settings)
    }

    /// Back to the framework: min-max, the framework's weights, weighted sum.
    pub fn reset_evaluation(&mut self) -> Result<(), JsError> {
        self.apply_evaluation(EvaluationSettings::default())
    }

    /// The evaluation in a few figures, for the controls' live text:
    /// `{method, year, weights: [{id, name, weight}], leader, summary}`;
    /// `weight` is each dimension's share of the weights as applied in the
    /// selected year (0–1: the reader's, or the entropy weights summed by
    /// dimension), `leader` the first zone's name (or null).
    pub fn evaluation_summary(&self) -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        struct Weight<'a> {
            id: &'a str,
            name: &'a str,
            weight: Option<f64>,
        }
        #[derive(Serialize)]
        struct Summary<'a> {
            method: String,
            year: i32,
            weights: Vec<Weight<'a>>,
            leader: Option<String>,
            summary: String,
        }
        let lang = self.lang();
        let year = self.state.year;
        let evaluation = self
            .evaluated
            .evaluation
            .as_ref()
            .map_err(|e| JsError::new(&e.message))?;
        let year_eval = evaluation.year(year);
        let ranking = self.view(ChartId::Ranking);
        let leader = match &ranking {
            View::Ranking(view) => view
                .rows
                .first()
                .filter(|r| r.rank.is_some())
                .map(|r| r.name.clone()),
            _ => None,
        };
        to_js(&Summary {
            method: method_label(&self.state.evaluation, lang),
            year,
            weights: self
                .dataset
                .framework
                .dimensions
                .iter()
                .enumerate()
                .map(|(i, d)| Weight {
                    id: &d.id,
                    name: d.name.get(lang),
                    weight: year_eval.and_then(|y| y.dimension_weights.get(i).copied()),
                })
                .collect(),
            leader,
            summary: ranking.summary().to_string(),
        })
    }
}

impl Widget {
    fn lang(&self) -> Lang {
        self.state.lang
    }

    fn view(&self, id: ChartId) -> View {
        let context = Context {
            dataset: &self.dataset,
            claims: &self.claims,
            state: &self.state,
        };
        View::build_with(id, &context, Some(&self.evaluated))
    }

    /// Recomputes the evaluation with `settings` and keeps them, or leaves
    /// everything as it was and says why they cannot be used.
    fn apply_evaluation(&mut self, settings: EvaluationSettings) -> Result<(), JsError> {
        if self.evaluated.is_for(&settings) {
            self.state.evaluation = settings;
            return Ok(());
        }
        let evaluated = Evaluated::compute(&self.dataset, &settings);
        if let Err(error) = &evaluated.evaluation {
            return Err(JsError::new(&error.message));
        }
        self.state.evaluation = settings;
        self.evaluated = evaluated;
        Ok(())
    }

    fn layout(&self, id: ChartId) -> Option<&Layout> {
        self.layouts
            .iter()
            .find(|(c, _)| *c == id)
            .map(|(_, layout)| layout)
    }
}

/// Draws `view` on `canvas` in `palette`, `width` CSS pixels wide at its
/// preferred height, crisp at `dpr`.
fn draw_on_canvas(
    view: &View,
    canvas: &HtmlCanvasElement,
    width: u32,
    dpr: f64,
    palette: &'static Palette,
) -> Result<Layout, JsError> {
    let width = width.clamp(200, 4096);
    let height = charts::preferred_height(view, width);
    let context = hidpi_canvas(canvas, (width, height), dpr).map_err(|e| JsError::new(&e))?;
    let surface = Surface::canvas(canvas)
        .ok_or_else(|| JsError::new("this browser gives no 2D canvas context"))?;
    let area = Measured::new(surface, (width, height), context).into_drawing_area();
    let layout = charts::draw(&area, view, palette).map_err(|e| JsError::new(&e.to_string()))?;
    area.present().map_err(|e| JsError::new(&e.to_string()))?;
    Ok(layout)
}

/// A chart of made-up data at a given size, for the drawing benchmark page
/// (`www/bench.html`) only: the widget never shows one, and its wasm is built
/// without it (feature `bench`).
#[cfg(feature = "bench")]
#[wasm_bindgen]
pub struct SyntheticChart {
    view: View,
}

#[cfg(feature = "bench")]
#[wasm_bindgen]
impl SyntheticChart {
    /// The charts and sizes the benchmark measures: `[[chart, n], ...]`.
    pub fn sizes() -> Result<JsValue, JsError> {
        to_js(&[("ranking", 1_000), ("scatter", 10_000)])
    }

    #[wasm_bindgen(constructor)]
    pub fn new(chart: &str, n: usize) -> Result<SyntheticChart, JsError> {
        use crate::views::{ranking::RankingView, scatter::ScatterView};
        let view = match parse_chart(chart)? {
            ChartId::Scatter => View::Scatter(ScatterView::synthetic(n, Lang::Zh)),
            ChartId::Ranking => View::Ranking(RankingView::synthetic(n, Lang::Zh)),
            _ => return Err(JsError::new(&format!("no synthetic data for \"{chart}\""))),
        };
        Ok(SyntheticChart { view })
    }

    pub fn draw(&self, canvas: &HtmlCanvasElement, width: u32, dpr: f64) -> Result<(), JsError> {
        draw_on_canvas(&self.view, canvas, width, dpr, &style::LIGHT).map(|_| ())
    }

    /// Draws like `draw` and says how many marks the chart drew (for tests).
    pub fn draw_marks(
        &self,
        canvas: &HtmlCanvasElement,
        width: u32,
        dpr: f64,
    ) -> Result<usize, JsError> {
        draw_on_canvas(&self.view, canvas, width, dpr, &style::LIGHT)
            .map(|layout| layout.marks.len())
    }
}

/// A 2D context of a canvas that is not in the page: for measuring text.
fn detached_context() -> Result<web_sys::CanvasRenderingContext2d, String> {
    let canvas = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
        .ok_or_else(|| "no document to create a canvas in".to_string())?;
    backend::context_2d(&canvas)
}

fn parse_chart(chart: &str) -> Result<ChartId, JsError> {
    ChartId::parse(chart).ok_or_else(|| JsError::new(&format!("unknown chart \"{chart}\"")))
}

/// The wasm's memory allocator: talc instead of the standard library's
/// dlmalloc, 2.3 KB gzip smaller and no slower (`node tests/e2e/bench.mjs`:
/// first chart 303 vs 308 ms, slider to redraw 16 vs 19 ms). Its
/// `disable-realloc-in-place` feature saves 150 B more but made the slider
/// redraw 28 ms: growing vectors were copied.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
