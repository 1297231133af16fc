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
pub mod bump;
pub mod data;
pub mod evaluation;
pub mod figures;
pub mod innovation;
pub mod lorenz;
pub mod national_bands;
pub mod overview;
pub mod profile;
pub mod ranking;
pub mod scatter;
pub mod shares;
pub mod similarity;
pub mod stability;
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
use evaluation::Evaluated;

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
    /// are quoted, quotes doubled; text that would start a formula gets a
    /// leading apostrophe), preceded by a UTF-8 byte-order mark so
    /// spreadsheet programs read the Chinese right. The caption is not part
    /// of the data and is left out.
    pub fn to_csv(&self) -> String {
        fn field(text: &str) -> String {
            // A name from the data that starts like a formula is not run by
            // a spreadsheet: it gets a leading apostrophe (OWASP's advice on
            // CSV injection). Negative numbers stay numbers.
            let formula = match text.chars().next() {
                Some('=' | '+' | '@' | '\t' | '\r') => true,
                // A negative number as the tables write it ("-12.5", "-1,234");
                // no float parsing here: it would add ~15 KB to the wasm.
                Some('-') => {
                    let rest = &text[1..];
                    !(rest.starts_with(|c: char| c.is_ascii_digit())
                        && rest
                            .chars()
                            .all(|c| c.is_ascii_digit() || c == '.' || c == ','))
                }
                _ => false,
            };
            let text = if formula {
                format!("'{text}")
            } else {
                text.to_string()
            };
            if text.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", text.replace('"', "\"\""))
            } else {
                text
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
    Ranking,
    Profile,
    Bump,
    Stability,
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
        ChartId::Ranking,
        ChartId::Profile,
        ChartId::Bump,
        ChartId::Stability,
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
            ChartId::Ranking => "ranking",
            ChartId::Profile => "profile",
            ChartId::Bump => "bump",
            ChartId::Stability => "stability",
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
    Ranking(ranking::RankingView),
    Profile(profile::ProfileView),
    Bump(bump::BumpView),
    Stability(stability::StabilityView),
}

impl View {
    /// Builds the view of chart `id` for the reader's current choices. The
    /// evaluation charts compute the evaluation for the occasion; the widget,
    /// which caches it, calls [`View::build_with`].
    pub fn build(id: ChartId, context: &Context) -> View {
        View::build_with(id, context, None)
    }

    /// Builds the view of chart `id`, the evaluation charts from `evaluated`
    /// when it is given (it must be for `context.state.evaluation`), else
    /// from an evaluation computed here.
    pub fn build_with(id: ChartId, context: &Context, evaluated: Option<&Evaluated>) -> View {
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
            ChartId::Ranking | ChartId::Profile | ChartId::Bump | ChartId::Stability => {
                let computed;
                let evaluated = match evaluated {
                    Some(evaluated) => evaluated,
                    None => {
                        computed = Evaluated::compute(context.dataset, &context.state.evaluation);
                        &computed
                    }
                };
                let (dataset, state) = (context.dataset, context.state);
                match id {
                    ChartId::Profile => View::Profile(profile::ProfileView::build(
                        dataset,
                        evaluated,
                        state.year,
                        state.level,
                        state.zone,
                        state.lang,
                    )),
                    ChartId::Bump => View::Bump(bump::BumpView::build(
                        dataset,
                        evaluated,
                        state.level,
                        state.zone,
                        state.lang,
                    )),
                    ChartId::Stability => View::Stability(stability::StabilityView::build(
                        dataset,
                        evaluated,
                        state.year,
                        state.level,
                        state.zone,
                        state.lang,
                    )),
                    // The ranking (the arm above admits only these four).
                    _ => View::Ranking(ranking::RankingView::build(
                        dataset,
                        evaluated,
                        state.year,
                        state.level,
                        state.zone,
                        state.lang,
                    )),
                }
            }
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
            View::Ranking(view) => &view.title,
            View::Profile(view) => &view.title,
            View::Bump(view) => &view.title,
            View::Stability(view) => &view.title,
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
            View::Ranking(view) => &view.summary,
            View::Profile(view) => &view.summary,
            View::Bump(view) => &view.summary,
            View::Stability(view) => &view.summary,
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
            View::Ranking(view) => view.table(),
            View::Profile(view) => view.table(),
            View::Bump(view) => view.table(),
            View::Stability(view) => view.table(),
        }
    }
}
