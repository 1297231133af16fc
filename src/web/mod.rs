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

use crate::charts::style::{self, Palette, SystemColors, ELDER_SCALE};
use crate::charts::{self, Layout, Mark};
use crate::i18n::Lang;
use crate::model::{self, Problem};
use crate::views::evaluation::{self as evaluation, preset_id, slider_weights, weight_shares};
use crate::views::overview::Overview;
use crate::views::session::Session;
use crate::views::tones::Tones;
use crate::views::ui::{self, UiText, Words};
use crate::views::{data, glossary, integration, rules};
use crate::views::{ChartId, Rows, View};
use backend::{hidpi_canvas, Context2d, Measured, Surface};

/// CSS pixels around a mark within which a mouse pointer still hits it.
const HIT_TOLERANCE: i32 = 8;

/// The same for a finger or a pen: 22 px on each side, so that every mark,
/// however small its dot, answers a tap anywhere in a 44 × 44 px square around
/// it (WCAG 2.5.5) unless a nearer mark takes it (the nearest mark wins).
const TOUCH_HIT_TOLERANCE: i32 = 22;

/// The widget for one `<zone-monitor>` element: the reader's session and
/// where each chart last drew its marks.
#[wasm_bindgen]
pub struct Widget {
    session: Session,
    /// Where each chart last drew its marks, for hit-testing (CSS pixels).
    layouts: Vec<(ChartId, Layout)>,
    /// The palette of the reader's system colours while the page is in
    /// forced-colours mode (`set_system_colors`).
    system: Option<&'static Palette>,
    /// Each set of system colours seen, with its palette: the charts draw
    /// with a `'static` palette, so each is leaked once, not once a call.
    system_palettes: Vec<(Vec<u8>, &'static Palette)>,
    /// How much larger than standard the reader's text is (`set_text_size`).
    text: f64,
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

/// A file parsed and not yet validated (`Widget.parse`, then `Widget.validate`).
#[wasm_bindgen]
pub struct Parsed(model::Parsed);

/// The `Error` a bad dataset throws: its message lists the problems, its
/// `problems` property holds them.
fn problems_error(problems: &[Problem], lang: Lang) -> JsValue {
    let list = problems_out(problems, lang);
    let text: Vec<&str> = list.iter().map(|p| p.message.as_str()).collect();
    let error = js_sys::Error::new(&text.join("\n"));
    let set = to_js(&list)
        .map_err(JsValue::from)
        .and_then(|array| js_sys::Reflect::set(&error, &"problems".into(), &array));
    match set {
        Ok(_) => error.into(),
        Err(failed) => failed,
    }
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The widget's own words in `lang` (`views::ui::Words`), for what the page
/// says before a dataset has loaded (its problems, for one).
#[wasm_bindgen]
pub fn words(lang: &str) -> Result<JsValue, JsError> {
    to_js(&Words::of(Lang::from_tag(lang)))
}

impl Widget {
    /// `Widget.validate(Widget.parse(bytes, lang), lang)` in one call, for
    /// Rust (the page runs the two steps in tasks of their own).
    pub fn load(bytes: &[u8], lang: &str) -> Result<Widget, JsValue> {
        Widget::validate(&Widget::parse(bytes, lang)?, lang)
    }
}

#[wasm_bindgen]
impl Widget {
    /// Loading a dataset from the file's bytes (UTF-8, a byte-order mark
    /// allowed: `model::load_bytes`), first step: the bytes' encoding and
    /// JSON syntax (`model::parse_bytes`). On failure, here or in
    /// `validate`, it throws an `Error` whose message lists the problems and
    /// whose `problems` property holds them as `{severity, path, kind,
    /// message}` in the language of `lang`.
    pub fn parse(bytes: &[u8], lang: &str) -> Result<Parsed, JsValue> {
        model::parse_bytes(bytes)
            .map(Parsed)
            .map_err(|problems| problems_error(&problems.0, Lang::from_tag(lang)))
    }

    /// The second step: the parsed file validated into the widget. The
    /// page frees `parsed` once the first chart is drawn, not in this task.
    pub fn validate(parsed: &Parsed, lang: &str) -> Result<Widget, JsValue> {
        let lang = Lang::from_tag(lang);
        match model::validate(&parsed.0) {
            Ok(loaded) => Ok(Widget {
                session: Session::new(loaded, lang),
                layouts: Vec::new(),
                system: None,
                system_palettes: Vec::new(),
                text: 1.0,
            }),
            Err(problems) => Err(problems_error(&problems.0, lang)),
        }
    }

    /// Draws the charts from now on in the dark palette (true) or the light
    /// one (false, the default), to match the page's colour scheme.
    pub fn set_dark(&mut self, dark: bool) {
        self.session.set_dark(dark);
    }

    /// Draws the charts from now on in the reader's system colours (forced
    /// colours, Windows High Contrast), given as 15 bytes: the RGB of CSS's
    /// `Canvas`, `CanvasText`, `GrayText`, `LinkText` and `Highlight`, as
    /// the page computed them; an empty array goes back to `set_dark`'s
    /// palette. Throws for another length.
    pub fn set_system_colors(&mut self, rgb: Vec<u8>) -> Result<(), JsError> {
        let color = |i: usize| plotters::style::RGBColor(rgb[i], rgb[i + 1], rgb[i + 2]);
        self.system = match rgb.len() {
            0 => None,
            15 => match self.system_palettes.iter().find(|(seen, _)| *seen == rgb) {
                Some((_, palette)) => Some(*palette),
                None => {
                    let palette: &'static Palette =
                        Box::leak(Box::new(style::system_palette(&SystemColors {
                            canvas: color(0),
                            text: color(3),
                            gray: color(6),
                            link: color(9),
                            highlight: color(12),
                        })));
                    self.system_palettes.push((rgb, palette));
                    Some(palette)
                }
            },
            n => return Err(JsError::new(&format!("expected 15 colour bytes, got {n}"))),
        };
        Ok(())
    }

    /// Elder mode (长辈模式) on or off: the charts drawn `ELDER_SCALE` times
    /// larger from the next draw, and written in the share link.
    pub fn set_elder(&mut self, on: bool) {
        self.session.set_elder(on);
    }

    /// The reader's text size, the CSS pixels of the page's root font (which
    /// the widget's own text follows, in rem): the charts drawn as much
    /// larger than at the standard 16 px, from the next draw, up to
    /// `ELDER_SCALE` (the largest the charts are laid out for); never
    /// smaller, whatever a portal sets its root to.
    pub fn set_text_size(&mut self, px: f64) {
        self.text = if px > 16.0 {
            (px / 16.0).min(ELDER_SCALE)
        } else {
            1.0
        };
    }

    /// Whether the reader points with a finger (`pointer: coarse`): charts
    /// then keep tapped marks at least 44 px (`style::set_touch`).
    pub fn set_touch(&mut self, on: bool) {
        style::set_touch(on);
    }

    /// A series chart's values as the page plays them as tones, and what the
    /// pitch means: `{values, meaning}` (`views::tones`), or `null` for a
    /// chart that is not a series.
    pub fn tones(&self, chart: &str) -> Result<JsValue, JsError> {
        match Tones::of(self.view(chart)?) {
            Some(tones) => to_js(&tones),
            None => Ok(JsValue::NULL),
        }
    }

    pub fn set_lang(&mut self, lang: &str) {
        self.session.set_lang(Lang::from_tag(lang));
    }

    /// The page's strings around the charts, in the current language.
    pub fn texts(&self) -> Result<JsValue, JsError> {
        to_js(&UiText::build(&self.session.dataset, self.session.lang()))
    }

    /// The dataset's warnings (usable but suspicious values), as problems.
    pub fn warnings(&self) -> Result<JsValue, JsError> {
        to_js(&problems_out(&self.session.warnings, self.session.lang()))
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
        let state = self.session.state();
        let palette = match self.system {
            Some(system) => system,
            None if state.dark => &style::DARK,
            None => &style::LIGHT,
        };
        let layout = draw_on_canvas(
            self.session.view(id),
            canvas,
            (width, dpr, self.scale()),
            palette,
            "",
        )?;
        self.layouts.retain(|(c, _)| *c != id);
        self.layouts.push((id, layout));
        Ok(())
    }

    /// Draws a chart on `canvas` for the PNG download, like `draw` but
    /// always light and leaving hit-testing alone: exports go into documents
    /// and print, whatever the screen's colour scheme; with the export's
    /// notice under it when the data are illustrative (`notice`).
    pub fn export_png(
        &self,
        chart: &str,
        canvas: &HtmlCanvasElement,
        width: u32,
        dpr: f64,
    ) -> Result<(), JsError> {
        draw_on_canvas(
            self.view(chart)?,
            canvas,
            (width, dpr, self.scale()),
            &style::LIGHT,
            &self.notice(),
        )
        .map(|_| ())
    }

    /// The mark under `(x, y)` (CSS pixels from the canvas's top left) or
    /// nearby (a wider margin for a `touch`), as `{datum, x0, y0, x1, y1,
    /// label}`, or `null`; the label names every mark drawn at that very
    /// place (`charts::hover_label`).
    pub fn hit(&self, chart: &str, x: f64, y: f64, touch: bool) -> Result<JsValue, JsError> {
        let id = parse_chart(chart)?;
        let tolerance = if touch {
            TOUCH_HIT_TOLERANCE
        } else {
            HIT_TOLERANCE
        };
        let Some(layout) = self.layout(id) else {
            return Ok(JsValue::NULL);
        };
        let Some(mark) = layout.hit(x.round() as i32, y.round() as i32, tolerance) else {
            return Ok(JsValue::NULL);
        };
        // Every mark at that place named, not only the first.
        let view = self.session.view(id);
        labelled(
            mark,
            charts::hover_label(view, layout, mark, self.session.lang()),
        )
    }

    /// How many marks a chart's drawing has, and the `index`th of them in
    /// reading order (`{datum, x0, y0, x1, y1, label}`, or `null` past the
    /// last), for keyboard navigation: one mark over the boundary per key
    /// rather than all of them (some 16,000 on the innovation strips at
    /// national scale).
    pub fn mark_count(&self, chart: &str) -> Result<u32, JsError> {
        let id = parse_chart(chart)?;
        Ok(self
            .layout(id)
            .map_or(0, |layout| layout.marks.len() as u32))
    }

    pub fn mark(&self, chart: &str, index: u32) -> Result<JsValue, JsError> {
        let id = parse_chart(chart)?;
        self.mark_js(
            id,
            self.layout(id).and_then(|l| l.marks.get(index as usize)),
        )
    }

    /// How many marks make a row of a chart drawn as a grid (the keyboard's
    /// up and down move by it), or 0.
    pub fn columns(&self, chart: &str) -> Result<u32, JsError> {
        let id = parse_chart(chart)?;
        Ok(self.layout(id).map_or(0, |layout| layout.columns as u32))
    }

    /// What a chart's card shows besides the drawing, from one view:
    /// `{title, summary, about: [{term, line, reading, report}]}`, `about`
    /// the measures it shows, explained. Its table comes a page at a time
    /// from `table_page` (thousands of rows at national scale).
    pub fn card(&self, chart: &str) -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        struct Card<'a> {
            title: &'a str,
            summary: &'a str,
            about: Vec<glossary::Explained>,
        }
        let view = self.view(chart)?;
        let (dataset, lang) = (&self.session.dataset, self.session.lang());
        to_js(&Card {
            title: view.title(),
            summary: view.summary(),
            about: glossary::explain(dataset, Some(chart), lang),
        })
    }

    /// The generation of a chart's view (`Session::generation`): the page
    /// writes a card's texts and draws its chart again only when it moved
    /// (or the width, the pixel ratio or the colours changed); 0 for an id
    /// that is no chart's.
    pub fn generation(&self, chart: &str) -> u32 {
        ChartId::parse(chart).map_or(0, |id| self.session.generation(id))
    }

    /// Every measure explained, for the glossary: as `card`'s `about`.
    pub fn glossary(&self) -> Result<JsValue, JsError> {
        to_js(&glossary::explain(
            &self.session.dataset,
            None,
            self.session.lang(),
        ))
    }

    /// Every chart the widget can draw, by id.
    pub fn charts(&self) -> Vec<String> {
        ChartId::ALL
            .iter()
            .map(|c| c.as_str().to_string())
            .collect()
    }

    /// The tabs with their charts and controls: `[{id, label, charts,
    /// controls}]`.
    pub fn tabs(&self) -> Result<JsValue, JsError> {
        to_js(&ui::tabs(self.session.lang()))
    }

    /// Opens a tab; false (and no change) for an unknown id.
    pub fn set_tab(&mut self, id: &str) -> bool {
        self.session.set_tab(id)
    }

    /// The report's claims checked against the data (see `views::overview`).
    pub fn overview(&self) -> Result<JsValue, JsError> {
        let session = &self.session;
        to_js(&Overview::build(
            &session.dataset,
            session.claims(),
            session.lang(),
        ))
    }

    /// The years of the data, ascending.
    pub fn years(&self) -> Vec<i32> {
        self.session.dataset.years.clone()
    }

    /// Selects a year; false (and no change) when the data have no such year.
    pub fn set_year(&mut self, year: i32) -> bool {
        self.session.set_year(year)
    }

    /// The zones for the search: `[{id, name, other, level_label, parent}]`,
    /// `name` in the reader's language and `other` in the other one; the
    /// sub-parks follow, each with its core zone's id as `parent` (the
    /// charts show core zones, so finding a sub-park selects its parent).
    pub fn zones(&self) -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        struct ZoneOut<'a> {
            id: &'a str,
            name: &'a str,
            other: &'a str,
            level_label: &'static str,
            parent: Option<&'a str>,
        }
        let lang = self.session.lang();
        let other = match lang {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        };
        let dataset = &self.session.dataset;
        let zones: Vec<ZoneOut> = dataset
            .zones
            .iter()
            .chain(&dataset.sub_parks)
            .map(|z| ZoneOut {
                id: &z.id,
                name: z.name.get(lang),
                other: z.name.get(other),
                level_label: z.level.label(lang),
                parent: z
                    .parent
                    .and_then(|p| dataset.zones.get(p))
                    .map(|p| p.id.as_str()),
            })
            .collect();
        to_js(&zones)
    }

    /// Selects a zone by id ("" clears); false (and no change) for an unknown id.
    pub fn set_zone(&mut self, id: &str) -> bool {
        self.session.set_zone(id)
    }

    /// Shows only zones of a level ("national", "regional"; "" for all).
    pub fn set_level(&mut self, level: &str) -> bool {
        self.session.set_level(level)
    }

    /// Shows only zones of a metro area, by id ("" for all); false (and no
    /// change) for an unknown id.
    pub fn set_area(&mut self, id: &str) -> bool {
        self.session.set_area(id)
    }

    /// The metro areas for the area filter: `[[id, name]]`.
    pub fn areas(&self) -> Result<JsValue, JsError> {
        let lang = self.session.lang();
        // Names isolated: an <option> cannot hold a <bdi>.
        let areas: Vec<(&str, String)> = self
            .session
            .dataset
            .metro_areas
            .iter()
            .map(|a| (a.id.as_str(), a.name.shown(lang)))
            .collect();
        to_js(&areas)
    }

    /// The indicators, for the trends chart's selector: `[{id, name, unit}]`.
    pub fn indicators(&self) -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        struct IndicatorOut<'a> {
            id: &'a str,
            /// Isolated: an <option> cannot hold a <bdi>.
            name: String,
            unit: String,
        }
        let lang = self.session.lang();
        let dataset = &self.session.dataset;
        let list: Vec<IndicatorOut> = dataset
            .indicators
            .iter()
            .enumerate()
            .map(|(i, indicator)| IndicatorOut {
                id: &indicator.id,
                name: indicator.name.shown(lang),
                unit: crate::views::figures::unit_label(dataset, i, lang),
            })
            .collect();
        to_js(&list)
    }

    /// The indicator the trends chart follows, by id ("" for the default);
    /// false (and no change) for an unknown id.
    pub fn set_indicator(&mut self, id: &str) -> bool {
        self.session.set_indicator(id)
    }

    /// The reader's choices the page shows: `{tab, lang, year, zone,
    /// level, indicator, log_scale, elder}`; `zone` is an id or null, `indicator`
    /// the id the trends follow (the chosen one or the default), `level`
    /// "national", "regional" or "" for all, `lang` "zh" or "en". One
    /// object, read once per update, rather than a getter each.
    pub fn state(&self) -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        struct State<'a> {
            tab: &'a str,
            lang: &'a str,
            year: i32,
            zone: Option<&'a str>,
            level: &'a str,
            area: &'a str,
            indicator: Option<&'a str>,
            log_scale: bool,
            elder: bool,
        }
        let session = &self.session;
        let state = session.state();
        to_js(&State {
            tab: state.tab.as_str(),
            lang: state.lang.tag(),
            year: state.year,
            zone: session.zone_id(),
            level: session.level_id(),
            area: session.area_id(),
            indicator: session.shown_indicator_id(),
            log_scale: state.log_scale,
            elder: state.elder,
        })
    }

    pub fn set_log_scale(&mut self, on: bool) {
        self.session.set_log_scale(on);
    }

    /// The state as the share link's settings: `[[key, value], ...]`, for
    /// the page to put in the URL's hash.
    pub fn state_params(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.params())
    }

    /// Restores the state from the share link's settings, given flat as
    /// `[key, value, key, value, ...]`; returns the settings the data cannot
    /// use, as `key=value`.
    pub fn restore_params(&mut self, params: Vec<String>) -> Vec<String> {
        let pairs: Vec<(String, String)> = params
            .chunks_exact(2)
            .map(|pair| (pair[0].clone(), pair[1].clone()))
            .collect();
        self.session.restore(&pairs)
    }

    /// The sources of the dataset: `[{id, title, date, kind}]`.
    pub fn sources(&self) -> Result<JsValue, JsError> {
        to_js(&data::sources(&self.session.dataset, self.session.lang()))
    }

    /// Rows `from..from + count` of a table (fewer at the end; the last
    /// page when `from` is past it), `{table: {caption, columns, rows},
    /// from, total}` (`TablePage`): only those rows are written (at national scale a chart's
    /// table has a row per zone and the page shows a hundred; the data
    /// tab's, 2,000 rows of 63 cells, fifty). `table` is a chart's id, or
    /// "data" for the data tab's table.
    pub fn table_page(&self, table: &str, from: u32, count: u32) -> Result<JsValue, JsError> {
        to_js(&self.rows(table)?.page(from as usize, count as usize))
    }

    /// A table as CSV (UTF-8 with a byte-order mark): a chart's, or the
    /// data tab's ("data", for the year shown).
    pub fn export_csv(&self, table: &str) -> Result<String, JsError> {
        Ok(self.rows(table)?.table().to_csv(&self.notice()))
    }

    /// The chart drawn as an SVG document, `width` CSS pixels wide. Text is
    /// measured with a detached canvas, as on screen. Always light, like the
    /// PNG: exports go into documents and print. In elder mode, or at a
    /// larger text size of the reader (`set_text_size`), it is laid out like
    /// the canvas, for `width / scale`, and its width and height are the
    /// scaled ones (its viewBox the laid-out size).
    pub fn export_svg(&self, chart: &str, width: u32) -> Result<String, JsError> {
        let view = self.view(chart)?;
        let scale = self.scale();
        let width = scaled(width, 1.0 / scale).clamp(200, 4096);
        let notice = charts::notice_lines(&self.notice(), width);
        let height = charts::noted_height(view, width, &notice);
        let measurer = detached_context().map_err(|e| JsError::new(&e))?;
        let mut svg = String::new();
        {
            let backend = Surface::Svg(SVGBackend::with_string(&mut svg, (width, height)));
            let area = Measured::new(backend, (width, height), Context2d::new(measurer))
                .into_drawing_area();
            charts::draw_noted(&area, view, &style::LIGHT, &notice)
                .map_err(|e| JsError::new(&e.to_string()))?;
            area.present().map_err(|e| JsError::new(&e.to_string()))?;
        }
        if scale != 1.0 {
            let size = format!("<svg width=\"{width}\" height=\"{height}\"");
            let (w, h) = (scaled(width, scale), scaled(height, scale));
            if let Some(at) = crate::format::find(&svg, &size) {
                let scaled = format!("<svg width=\"{w}\" height=\"{h}\"");
                svg.replace_range(at..at + size.len(), &scaled);
            }
        }
        Ok(svg)
    }

    /// The evaluation framework and the controls' state:
    /// `{name, dimensions: [{id, name, weight, share, framework_weight}],
    /// presets: [{id, label}], preset, sliders, weights_line}`. `weight`
    /// is the slider's value: the reader's weight if set, else the
    /// framework's (percent); `share` the weight applied, as shown ("25%":
    /// the slider's share, or the method's weight of the dimension in the
    /// year shown); `preset` the id of the preset the settings follow;
    /// `sliders` whether the sliders set the weights (not under entropy
    /// weights); `weights_line` whose weights are on screen.
    pub fn framework(&self) -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        struct Dimension<'a> {
            id: &'a str,
            name: &'a str,
            weight: f64,
            share: String,
            framework_weight: f64,
        }
        #[derive(Serialize)]
        struct Preset<'a> {
            id: &'a str,
            label: &'a str,
        }
        #[derive(Serialize)]
        struct Framework<'a> {
            name: &'a str,
            dimensions: Vec<Dimension<'a>>,
            presets: Vec<Preset<'a>>,
            preset: &'a str,
            sliders: bool,
            weights_line: String,
            rules: Rules<'a>,
        }
        /// The dynamic-management rules: a label and a value per stepper,
        /// the rules in words, their effect against the file's.
        #[derive(Serialize)]
        struct Rules<'a> {
            labels: Vec<&'a str>,
            values: [f64; 5],
            line: String,
            effect: String,
            keep_exited: bool,
            promotion: String,
        }
        let lang = self.session.lang();
        let dataset = &self.session.dataset;
        let settings = &self.session.state().evaluation;
        let weights = slider_weights(dataset, settings);
        let evaluated = self.session.evaluated().evaluation.as_ref().ok();
        let year = self.session.state().year;
        let (shares, weights_line) = evaluation::weights_shown(dataset, evaluated, year, lang);
        let rules_in_use = settings
            .rules
            .clone()
            .unwrap_or_else(|| crate::analysis::evaluation::tier_rules(dataset));
        let rules = Rules {
            labels: rules::LABELS
                .iter()
                .map(|(zh, en)| lang.pick(zh, en))
                .collect(),
            values: rules::values(&rules_in_use),
            line: rules::line(
                &rules_in_use,
                evaluated.map(|e| (year, rules::caught(e, year))),
                lang,
            ),
            effect: evaluated.map_or_else(String::new, |e| rules::effect(dataset, e, year, lang)),
            keep_exited: settings.keep_exited,
            promotion: evaluated.map_or_else(String::new, |e| rules::promotion(dataset, e, lang)),
        };
        let framework = Framework {
            name: dataset.framework.name.get(lang),
            dimensions: dataset
                .framework
                .dimensions
                .iter()
                .zip(weights)
                .zip(shares)
                .map(|((d, weight), share)| Dimension {
                    id: &d.id,
                    name: d.name.get(lang),
                    weight,
                    share,
                    framework_weight: d.weight,
                })
                .collect(),
            presets: evaluation::PRESETS
                .iter()
                .map(|preset| Preset {
                    id: preset.id,
                    label: lang.pick(preset.zh, preset.en),
                })
                .collect(),
            preset: preset_id(settings),
            sliders: evaluation::sliders_set_weights(settings),
            weights_line,
            rules,
        };
        to_js(&framework)
    }

    /// Each slider's share of all of them as the sliders show it ("25%",
    /// or "—" when all are 0), for the sliders' live text while dragging.
    pub fn weight_shares(&self, weights: Vec<f64>) -> Vec<String> {
        weight_shares(&weights)
    }

    /// Sets the reader's weight of each framework dimension (in the order of
    /// `framework().dimensions`, any scale: they are renormalised) and
    /// recomputes the evaluation. Throws, changing nothing, for a wrong
    /// count, a negative or non-numeric weight, or all weights zero.
    pub fn set_weights(&mut self, weights: Vec<f64>) -> Result<(), JsError> {
        self.session
            .set_weights(&weights)
            .map_err(|e| JsError::new(&e))
    }

    /// A weight change rehearsed on `canvas`, one off the page
    /// (`Session::rehearse`): the open tab's charts that respond to the
    /// weights computed and drawn again, `width` CSS pixels wide. Nothing
    /// the page shows or the widget keeps changes.
    pub fn rehearse(&self, canvas: &HtmlCanvasElement, width: u32) {
        self.session.rehearse(|view| {
            // Not shown: a failure is the page's own drawing's to report.
            let _ = draw_on_canvas(view, canvas, (width, 1.0, self.scale()), &style::LIGHT, "");
        });
    }

    /// Chooses one of the presets of `framework().presets` by id.
    pub fn set_preset(&mut self, id: &str) -> Result<(), JsError> {
        let preset = evaluation::PRESETS
            .iter()
            .find(|preset| preset.id == id)
            .ok_or_else(|| JsError::new(&format!("unknown preset \"{id}\"")))?;
        self.session
            .set_methods(preset.methods)
            .map_err(|e| JsError::new(&e))
    }

    /// Sets the dynamic-management rules: five numbers in the order of
    /// `framework().rules.labels` (0 switches a rule off); none: the
    /// file's. Throws, changing nothing, for numbers that cannot be rules.
    pub fn set_rules(&mut self, values: Option<Vec<f64>>) -> Result<(), JsError> {
        self.session
            .set_rules(values.as_deref())
            .map_err(|e| JsError::new(&e))
    }

    /// Keeps zones named for exit in later years' rankings (for comparison)
    /// or takes them out from the year after (the default).
    pub fn set_keep_exited(&mut self, keep: bool) -> Result<(), JsError> {
        self.session
            .set_keep_exited(keep)
            .map_err(|e| JsError::new(&e))
    }

    /// The integration controls (整合、托管): `{national, choices: [{id,
    /// label}], partner, summary, table}`. `national` is the selected zone
    /// when it is national (else null) and `choices` the region-level zones
    /// it could take over, each labelled with the criterion; `partner` the
    /// partner of the integration tried when its national zone is the
    /// selected one; `summary` and `table` its result ("" and null when
    /// none is tried for the selected zone; kept until the pair, year,
    /// indicator or settings change).
    pub fn integration(&mut self) -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        struct Choice {
            id: String,
            label: String,
        }
        #[derive(Serialize)]
        struct Integration<'a> {
            national: Option<&'a str>,
            choices: Vec<Choice>,
            partner: Option<&'a str>,
            /// What the control says while it offers no partner.
            hint: String,
            summary: String,
            table: Option<crate::views::Table>,
        }
        let result = self.session.integration();
        let out = self.session.out_of_ranking();
        let lang = self.session.lang();
        let dataset = &self.session.dataset;
        let state = self.session.state();
        let national = state.zone.filter(|z| {
            dataset
                .zones
                .get(*z)
                .is_some_and(|z| z.level == crate::model::Level::National)
        });
        let id = |z: usize| dataset.zones.get(z).map(|z| z.id.as_str());
        to_js(&Integration {
            national: national.and_then(id),
            choices: national.map_or_else(Vec::new, |n| {
                integration::choices(dataset, n, &out, lang)
                    .into_iter()
                    .map(|(id, label)| Choice { id, label })
                    .collect()
            }),
            partner: state
                .integration
                .filter(|(n, _)| Some(*n) == national)
                .and_then(|(_, p)| id(p)),
            hint: integration::hint(dataset, state.zone, lang),
            summary: result
                .as_ref()
                .map_or_else(String::new, |r| integration::summary(dataset, r, lang)),
            table: result
                .as_ref()
                .map(|r| integration::table(dataset, r, lang)),
        })
    }

    /// Tries the integration of region-level zone `partner` into national
    /// zone `national` (ids; an empty partner: none). Throws, changing
    /// nothing, for a pair the data do not offer.
    pub fn set_integration(&mut self, national: &str, partner: &str) -> Result<(), JsError> {
        self.session
            .set_integration(national, partner)
            .map_err(|e| JsError::new(&e))
    }

    /// Back to the framework: min-max, the framework's weights, weighted sum.
    pub fn reset_evaluation(&mut self) -> Result<(), JsError> {
        self.session
            .reset_evaluation()
            .map_err(|e| JsError::new(&e))
    }

    /// The evaluation in a sentence, for the controls' live text:
    /// `{leader, summary, compact}`: `leader` the first zone's name (or
    /// null), `summary` the ranking's summary, `compact` the leader and the
    /// selected zone's rank in one line.
    pub fn evaluation_summary(&self) -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        struct Summary<'a> {
            leader: Option<String>,
            summary: &'a str,
            compact: String,
        }
        let session = &self.session;
        session
            .evaluated()
            .evaluation
            .as_ref()
            .map_err(|e| JsError::new(&e.message))?;
        let ranking = session.view(ChartId::Ranking);
        let (leader, compact) = match ranking {
            View::Ranking(view) => (
                view.rows
                    .first()
                    .filter(|r| r.rank.is_some())
                    .map(|r| r.name.clone()),
                view.compact(),
            ),
            _ => (None, String::new()),
        };
        to_js(&Summary {
            leader,
            summary: ranking.summary(),
            compact,
        })
    }
}

impl Widget {
    /// How much larger than standard the charts are drawn: as the reader's
    /// text (`set_text_size`, at most `ELDER_SCALE`), and `ELDER_SCALE` in
    /// elder mode.
    fn scale(&self) -> f64 {
        if self.session.state().elder {
            ELDER_SCALE
        } else {
            self.text
        }
    }

    /// What an export says of its data: `views::ui::export_notice`.
    fn notice(&self) -> String {
        ui::export_notice(&self.session.dataset, self.session.lang())
    }

    fn view(&self, chart: &str) -> Result<&View, JsError> {
        Ok(self.session.view(parse_chart(chart)?))
    }

    /// A chart's table, or the data tab's ("data"), its rows written on demand.
    fn rows(&self, table: &str) -> Result<Rows<'_>, JsError> {
        if table != "data" {
            return Ok(self.view(table)?.rows());
        }
        let session = &self.session;
        let year = session.state().year;
        Ok(data::zone_rows(&session.dataset, year, session.lang()))
    }

    /// `{datum, x0, y0, x1, y1, label}` of a mark of chart `id`, or `null`.
    fn mark_js(&self, id: ChartId, mark: Option<&Mark>) -> Result<JsValue, JsError> {
        let Some(mark) = mark else {
            return Ok(JsValue::NULL);
        };
        labelled(mark, charts::mark_label(self.session.view(id), mark))
    }

    fn layout(&self, id: ChartId) -> Option<&Layout> {
        self.layouts
            .iter()
            .find(|(c, _)| *c == id)
            .map(|(_, layout)| layout)
    }
}

/// `mark` for the page, with `label` as its words.
fn labelled(mark: &Mark, label: String) -> Result<JsValue, JsError> {
    to_js(&Mark {
        label,
        ..mark.clone()
    })
}

/// Draws `view` on `canvas` in `palette`, `width` CSS pixels wide at its
/// preferred height, crisp at `dpr`, and `scale` times larger: laid out for
/// `width / scale` and drawn through a scaled context. The layout it returns
/// is in CSS pixels.
fn draw_on_canvas(
    view: &View,
    canvas: &HtmlCanvasElement,
    (width, dpr, scale): (u32, f64, f64),
    palette: &'static Palette,
    notice: &str,
) -> Result<Layout, JsError> {
    let width = scaled(width, 1.0 / scale).clamp(200, 4096);
    let notice = charts::notice_lines(notice, width);
    let height = charts::noted_height(view, width, &notice);
    let css_size = (scaled(width, scale), scaled(height, scale));
    let context = hidpi_canvas(canvas, css_size, dpr, scale).map_err(|e| JsError::new(&e))?;
    let text = Context2d::new(context);
    let surface = Surface::canvas(canvas, text.clone())
        .ok_or_else(|| JsError::new("this browser gives no 2D canvas context"))?;
    let area = Measured::new(surface, (width, height), text).into_drawing_area();
    let mut layout = charts::draw_noted(&area, view, palette, &notice)
        .map_err(|e| JsError::new(&e.to_string()))?;
    area.present().map_err(|e| JsError::new(&e.to_string()))?;
    if scale != 1.0 {
        for mark in &mut layout.marks {
            for at in [&mut mark.x0, &mut mark.y0, &mut mark.x1, &mut mark.y1] {
                *at = (f64::from(*at) * scale).round() as i32;
            }
        }
    }
    Ok(layout)
}

/// `length` CSS pixels times `factor`, rounded.
fn scaled(length: u32, factor: f64) -> u32 {
    (f64::from(length) * factor).round() as u32
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
        draw_on_canvas(&self.view, canvas, (width, dpr, 1.0), &style::LIGHT, "").map(|_| ())
    }

    /// Draws like `draw` and says how many marks the chart drew (for tests).
    pub fn draw_marks(
        &self,
        canvas: &HtmlCanvasElement,
        width: u32,
        dpr: f64,
    ) -> Result<usize, JsError> {
        draw_on_canvas(&self.view, canvas, (width, dpr, 1.0), &style::LIGHT, "")
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
