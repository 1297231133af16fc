//! One file through everything the widget and the command-line tool do with
//! it, natively: [`exercise`] loads it (bytes, as both read it), and when it
//! is valid runs every year's analysis, report and claims, then a
//! [`Session`] through the reader's controls (every year, log and linear
//! axes, a zone selected, each level, each indicator, each method preset,
//! extreme weights, a share link with `log=1`) in both languages, building
//! every chart's view, its table as CSV, and its drawing as SVG at several
//! widths in the light and the dark palette.
//!
//! What it checks, beyond "no panic and no hang" (left to the caller to
//! catch and time, as `examples/fuzz.rs` and the tests do): every SVG is
//! well-formed XML (quick-xml, an independent parser), every CSV parses
//! back (the csv crate) to the table's cells, every refused file's problems
//! each have a path or say the whole file, and a message in both languages.
//! Native only: the widget's wasm never carries it.

use plotters::prelude::{IntoDrawingArea, SVGBackend};

use crate::analysis::{self, AnalysisSettings};
use crate::charts::{self, style};
use crate::i18n::Lang;
use crate::model::{self, Problem};
use crate::views::evaluation::PRESETS;
use crate::views::session::Session;
use crate::views::{ChartId, Table};

/// The widths drawn: the narrowest the widget allows, a phone, a desktop.
pub const WIDTHS: [u32; 3] = [200, 360, 1024];

/// What one run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Exercised {
    /// The file loaded (no errors).
    pub loaded: bool,
    /// Problems reported (errors and warnings).
    pub problems: usize,
    /// Charts drawn to SVG.
    pub drawings: usize,
}

/// Runs `bytes` through load, analysis, views, drawing and exports; `Err`
/// names the first broken promise.
pub fn exercise(bytes: &[u8]) -> Result<Exercised, String> {
    let loaded = match model::load_bytes(bytes) {
        Ok(loaded) => loaded,
        Err(problems) => {
            problems.0.iter().try_for_each(check_problem)?;
            return Ok(Exercised {
                problems: problems.0.len(),
                ..Exercised::default()
            });
        }
    };
    loaded.warnings.iter().try_for_each(check_problem)?;
    let mut done = Exercised {
        loaded: true,
        problems: loaded.warnings.len(),
        drawings: 0,
    };
    let dataset = &loaded.dataset;
    for &year in &dataset.years {
        let settings = AnalysisSettings {
            year: Some(year),
            ..AnalysisSettings::report()
        };
        // A valid dataset may still not be analysable (too few zones for
        // a method): that is an `Err` with its message, not a finding.
        if let Ok(analysis) = analysis::analyse(dataset, &settings) {
            let report = analysis::report::report(dataset, &analysis);
            serde_json::to_string(&report).map_err(|e| format!("report as JSON: {e}"))?;
            for lang in [Lang::Zh, Lang::En] {
                analysis::report::summary(dataset, &analysis, lang);
            }
        }
    }
    let mut session = Session::new(loaded, Lang::Zh);
    for lang in [Lang::Zh, Lang::En] {
        session.set_lang(lang);
        every_chart(&session, &mut done, "initial", true)?;
        for state in states(&session) {
            apply(&mut session, &state);
            every_chart(&session, &mut done, &state.join(" "), false)?;
        }
        session.restore(&[("log".into(), "1".into()), ("zone".into(), String::new())]);
        every_chart(&session, &mut done, "link log=1", true)?;
    }
    Ok(done)
}

/// The control changes to walk through, each as the steps that make it
/// (`year=2021`, `log=1` …), applied one after the other.
fn states(session: &Session) -> Vec<Vec<String>> {
    let dataset = &session.dataset;
    let mut states: Vec<Vec<String>> = Vec::new();
    for log in ["1", "0"] {
        for year in &dataset.years {
            states.push(vec![format!("year={year}"), format!("log={log}")]);
        }
    }
    if let Some(zone) = dataset.zones.first() {
        states.push(vec![format!("zone={}", zone.id)]);
    }
    for level in ["national", "regional", ""] {
        states.push(vec![format!("level={level}")]);
    }
    for indicator in dataset.indicators.iter().take(8) {
        states.push(vec![format!("indicator={}", indicator.id)]);
    }
    for preset in PRESETS {
        states.push(vec![format!("preset={}", preset.id)]);
    }
    let n = dataset.framework.dimensions.len();
    for weight in ["0", "5e-324", "1e308"] {
        states.push(vec![format!("weights={}", vec![weight; n].join(","))]);
    }
    states.push(vec!["weights=reset".into(), "zone=".into()]);
    states
}

fn apply(session: &mut Session, steps: &[String]) {
    for step in steps {
        let (key, value) = step.split_once('=').unwrap_or((step, ""));
        // Refusals (an unknown id, weights the data cannot use) are the
        // session's answer, as the page would get it: not findings.
        match key {
            "year" => drop(value.parse().map(|y| session.set_year(y))),
            "log" => session.set_log_scale(value == "1"),
            "zone" => drop(session.set_zone(value)),
            "level" => drop(session.set_level(value)),
            "indicator" => drop(session.set_indicator(value)),
            "preset" => {
                if let Some(p) = PRESETS.iter().find(|p| p.id == value) {
                    drop(session.set_methods(p.methods));
                }
            }
            "weights" if value == "reset" => drop(session.reset_evaluation()),
            "weights" => {
                let weights: Vec<f64> = value.split(',').filter_map(|w| w.parse().ok()).collect();
                drop(session.set_weights(&weights));
            }
            _ => {}
        }
    }
}

/// Every chart's view, table and drawing in the session's state: at every
/// width in both palettes (`all`), else at one width in one palette, taken
/// in turn.
fn every_chart(
    session: &Session,
    done: &mut Exercised,
    state: &str,
    all: bool,
) -> Result<(), String> {
    let notice = crate::views::ui::export_notice(&session.dataset, session.lang());
    for &id in ChartId::ALL {
        let view = session.view(id);
        let _ = (view.title(), view.summary());
        let table = view.table();
        check_csv(&table, &notice).map_err(|e| format!("{} in {state}: {e}", id.as_str()))?;
        // A page from the middle, as the widget writes one: those rows.
        let from = table.rows.len() / 2;
        let page = view.rows().page(from, 5);
        if page.table.rows[..] != table.rows[from..table.rows.len().min(from + 5)] {
            return Err(format!("{} in {state}: page from row {from}", id.as_str()));
        }
        for (i, width) in WIDTHS.into_iter().enumerate() {
            for (p, palette) in [&style::LIGHT, &style::DARK].into_iter().enumerate() {
                if !all && (done.drawings + i + p) % (WIDTHS.len() * 2) != 0 {
                    continue;
                }
                let svg = svg(view, width, palette)?;
                check_xml(&svg)
                    .map_err(|e| format!("{} at {width} px in {state}: SVG {e}", id.as_str()))?;
                done.drawings += 1;
            }
        }
    }
    Ok(())
}

/// A chart drawn as the SVG export draws it, without the export's notice
/// of illustrative data under it (`Widget::export_svg` adds it with
/// `charts::draw_noted`; not exercised here).
pub fn svg(
    view: &crate::views::View,
    width: u32,
    palette: &'static style::Palette,
) -> Result<String, String> {
    let height = charts::preferred_height(view, width);
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        charts::draw(&area, view, palette).map_err(|e| e.to_string())?;
        area.present().map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

/// `Err` unless `text` is well-formed XML.
pub fn check_xml(text: &str) -> Result<(), String> {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut depth = 0usize;
    loop {
        match reader.read_event() {
            Err(e) => {
                return Err(format!(
                    "is not XML at byte {}: {e}",
                    reader.error_position()
                ))
            }
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(quick_xml::events::Event::Text(t)) => {
                let text = t.unescape().map_err(|e| format!("has a bad escape: {e}"))?;
                if let Some(c) = text.chars().find(|c| !is_xml_char(*c)) {
                    return Err(format!(
                        "holds U+{:04X}, not an XML character",
                        u32::from(c)
                    ));
                }
            }
            Ok(_) => {}
        }
    }
    if depth != 0 {
        return Err("has unclosed elements".into());
    }
    Ok(())
}

/// XML 1.0's `Char`: tab, line feed, carriage return and U+0020 up, less
/// the surrogates (impossible in a `str`), U+FFFE and U+FFFF.
fn is_xml_char(c: char) -> bool {
    matches!(u32::from(c), 0x9 | 0xA | 0xD | 0x20..=0xFFFD | 0x10000..)
}

/// `Err` unless the table's CSV with `notice` parses back to the notice,
/// a record of one field (none when it is empty), and then the table's
/// cells (a cell that starts like a formula comes back with the apostrophe
/// the export puts before it).
pub fn check_csv(table: &Table, notice: &str) -> Result<(), String> {
    let csv = table.to_csv(notice);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.as_bytes());
    let notice = vec![notice.to_string()];
    let rows: Vec<&Vec<String>> = (!notice[0].is_empty())
        .then_some(&notice)
        .into_iter()
        .chain(std::iter::once(&table.columns))
        .chain(&table.rows)
        .collect();
    let mut read = 0;
    for (record, row) in reader.records().zip(&rows) {
        let record = record.map_err(|e| format!("CSV does not parse: {e}"))?;
        let cells: Vec<&str> = record.iter().collect();
        let same = cells.len() == row.len()
            && cells
                .iter()
                .zip(row.iter())
                .all(|(got, cell)| got == cell || got.strip_prefix('\'') == Some(cell));
        if !same {
            return Err(format!("CSV row {read} reads {cells:?}, not {row:?}"));
        }
        read += 1;
    }
    if read != rows.len() {
        return Err(format!("CSV has {read} rows, the table {}", rows.len()));
    }
    Ok(())
}

/// A problem reads: a message in each language that names its path.
fn check_problem(problem: &Problem) -> Result<(), String> {
    for lang in [Lang::Zh, Lang::En] {
        let message = problem.message(lang);
        if !message.contains(&problem.path) || !message.contains(problem.kind.fix(lang)) {
            return Err(format!("a message without its path or fix: {message}"));
        }
    }
    Ok(())
}
