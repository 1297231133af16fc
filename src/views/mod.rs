//! Views: what each chart shows, in the reader's language.
//!
//! A view is plain data built from a [`Dataset`](crate::model::Dataset) and the
//! metrics: the rows a chart draws, the one-paragraph summary that becomes the
//! chart's accessible description, and the table behind "show as table". The
//! charts draw views; the browser edge hands their strings to the page.
//!
//! **Invariant:** this module never imports wasm-bindgen, web-sys, js-sys or
//! plotters, like the rest of the core.

pub mod benchmarks;
pub mod data;
pub mod figures;
pub mod innovation;
pub mod lorenz;
pub mod national_bands;
pub mod overview;
pub mod scatter;
pub mod shares;
pub mod similarity;
#[cfg(test)]
pub(crate) mod testing;
pub mod theil;
pub mod trends;
pub mod ui;

use serde::Serialize;

use crate::analysis::evaluation::EvaluationSettings;
use crate::claims::ClaimResult;
use crate::i18n::Lang;
use crate::model::{Dataset, Level};

/// The table behind a chart's "show as table": every figure the chart draws,
/// as text, first column the row header.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// The table as CSV (RFC 4180: fields with a comma, quote or line break
    /// are quoted, quotes doubled), preceded by a UTF-8 byte-order mark so
    /// spreadsheet programs read the Chinese right. The caption is not part
    /// of the data and is left out.
    pub fn to_csv(&self) -> String {
        fn field(text: &str) -> String {
            if text.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", text.replace('"', "\"\""))
            } else {
                text.to_string()
            }
        }
        let mut csv = String::from('\u{feff}');
        for row in std::iter::once(&self.columns).chain(&self.rows) {
            let fields: Vec<String> = row.iter().map(|f| field(f)).collect();
            csv.push_str(&fields.join(","));
            csv.push_str("\r\n");
        }
        csv
    }
}

/// The charts the widget knows, by the ids claims and the page use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartId {
    Shares,
    Scatter,
    Trends,
    Benchmarks,
    NationalBands,
    Lorenz,
    Similarity,
    Theil,
    Innovation,
}

impl ChartId {
    pub const ALL: &'static [ChartId] = &[
        ChartId::Shares,
        ChartId::Scatter,
        ChartId::Trends,
        ChartId::Benchmarks,
        ChartId::NationalBands,
        ChartId::Lorenz,
        ChartId::Similarity,
        ChartId::Theil,
        ChartId::Innovation,
    ];

    pub fn parse(id: &str) -> Option<ChartId> {
        ChartId::ALL.iter().copied().find(|c| c.as_str() == id)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ChartId::Shares => "shares",
            ChartId::Scatter => scatter::CHART,
            ChartId::Trends => trends::CHART,
            ChartId::Benchmarks => benchmarks::CHART,
            ChartId::NationalBands => national_bands::CHART,
            ChartId::Lorenz => lorenz::CHART,
            ChartId::Similarity => similarity::CHART,
            ChartId::Theil => theil::CHART,
            ChartId::Innovation => innovation::CHART,
        }
    }
}

/// What the reader has chosen: the language, the year, the selected zone.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewState {
    pub lang: Lang,
    pub year: i32,
    /// The selected zone, highlighted in every chart: an index into
    /// `Dataset::zones`.
    pub zone: Option<usize>,
    /// Logarithmic value axes where a chart offers them (scatter, benchmarks).
    pub log_scale: bool,
    /// Only zones of this level, where a chart lists zones; `None`: all.
    pub level: Option<Level>,
    /// The indicator the trends chart follows: an index into
    /// `Dataset::indicators`; `None` picks the chart's default (GDP).
    pub indicator: Option<usize>,
    /// How the composite index is computed (weights, normalisation,
    /// aggregation); the default is the dataset's framework.
    pub evaluation: EvaluationSettings,
}

impl ViewState {
    /// Chinese, the latest year of the data, no zone selected.
    pub fn initial(dataset: &Dataset) -> ViewState {
        ViewState {
            lang: Lang::Zh,
            year: dataset.years.last().copied().unwrap_or_default(),
            zone: None,
            log_scale: false,
            level: None,
            indicator: None,
            evaluation: EvaluationSettings::default(),
        }
    }
}

/// What a view is built from.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub dataset: &'a Dataset,
    pub claims: &'a [ClaimResult],
    pub state: &'a ViewState,
}

/// A chart's view, whichever chart it is.
#[derive(Debug, Clone, PartialEq)]
pub enum View {
    Shares(shares::SharesView),
    Scatter(scatter::ScatterView),
    Trends(trends::TrendsView),
    Benchmarks(benchmarks::BenchmarksView),
    NationalBands(national_bands::NationalBandsView),
    Lorenz(lorenz::LorenzView),
    Similarity(similarity::SimilarityView),
    Theil(theil::TheilView),
    Innovation(innovation::InnovationView),
}

impl View {
    /// Builds the view of chart `id` for the reader's current choices.
    pub fn build(id: ChartId, context: &Context) -> View {
        match id {
            ChartId::Shares => View::Shares(shares::SharesView::build(
                context.dataset,
                context.claims,
                context.state.year,
                context.state.lang,
            )),
            ChartId::Scatter => View::Scatter(scatter::ScatterView::build(context)),
            ChartId::Trends => View::Trends(trends::TrendsView::build(context)),
            ChartId::Benchmarks => View::Benchmarks(benchmarks::BenchmarksView::build(context)),
            ChartId::NationalBands => {
                View::NationalBands(national_bands::NationalBandsView::build(context))
            }
            ChartId::Lorenz => View::Lorenz(lorenz::LorenzView::build(
                context.dataset,
                context.claims,
                context.state.year,
                context.state.level,
                context.state.zone,
                context.state.lang,
            )),
            ChartId::Similarity => View::Similarity(similarity::SimilarityView::build(
                context.dataset,
                context.claims,
                context.state.level,
                context.state.zone,
                context.state.lang,
            )),
            ChartId::Theil => View::Theil(theil::TheilView::build(
                context.dataset,
                context.state.year,
                context.state.level,
                context.state.lang,
            )),
            ChartId::Innovation => View::Innovation(innovation::InnovationView::build(
                context.dataset,
                context.claims,
                context.state.year,
                context.state.level,
                context.state.zone,
                context.state.lang,
            )),
        }
    }

    /// The chart's title: its accessible name.
    pub fn title(&self) -> &str {
        match self {
            View::Shares(view) => &view.title,
            View::Scatter(view) => &view.title,
            View::Trends(view) => &view.title,
            View::Benchmarks(view) => &view.title,
            View::NationalBands(view) => &view.title,
            View::Lorenz(view) => &view.title,
            View::Similarity(view) => &view.title,
            View::Theil(view) => &view.title,
            View::Innovation(view) => &view.title,
        }
    }

    /// The chart's one-paragraph description: its accessible description.
    pub fn summary(&self) -> &str {
        match self {
            View::Shares(view) => &view.summary,
            View::Scatter(view) => &view.summary,
            View::Trends(view) => &view.summary,
            View::Benchmarks(view) => &view.summary,
            View::NationalBands(view) => &view.summary,
            View::Lorenz(view) => &view.summary,
            View::Similarity(view) => &view.summary,
            View::Theil(view) => &view.summary,
            View::Innovation(view) => &view.summary,
        }
    }

    /// Every figure the chart draws, as a table.
    pub fn table(&self) -> Table {
        match self {
            View::Shares(view) => view.table(),
            View::Scatter(view) => view.table(),
            View::Trends(view) => view.table(),
            View::Benchmarks(view) => view.table(),
            View::NationalBands(view) => view.table(),
            View::Lorenz(view) => view.table(),
            View::Similarity(view) => view.table(),
            View::Theil(view) => view.table(),
            View::Innovation(view) => view.table(),
        }
    }
}
