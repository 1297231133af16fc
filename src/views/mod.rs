//! Views: what each chart shows, in the reader's language.
//!
//! A view is plain data built from a [`Dataset`](crate::model::Dataset) and the
//! metrics: the rows a chart draws, the one-paragraph summary that becomes the
//! chart's accessible description, and the table behind "show as table". The
//! charts draw views; the browser edge hands their strings to the page.
//!
//! **Invariant:** this module never imports wasm-bindgen, web-sys, js-sys or
//! plotters, like the rest of the core.

pub mod areas;
pub mod benchmarks;
pub mod bump;
pub mod data;
pub mod evaluation;
pub mod figures;
pub mod glossary;
pub mod industries;
pub mod innovation;
pub mod integration;
pub mod lorenz;
pub mod national_bands;
pub mod overview;
pub mod profile;
pub mod ranking;
pub mod rules;
pub mod scatter;
pub mod session;
pub mod shares;
pub mod similarity;
pub mod stability;
#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
mod tests;
pub mod theil;
pub mod tones;
pub mod trends;
pub mod ui;

use std::cell::OnceCell;

use serde::Serialize;

use crate::analysis::evaluation::EvaluationSettings;
use crate::claims::ClaimResult;
use crate::i18n::Lang;
use crate::model::{Dataset, Level, Zone};
use evaluation::Evaluated;

/// The most rows (or ranks) a tall chart draws: one row per zone at 5,000
/// zones is 100,000 px, beyond what a browser's canvas holds (Chromium's
/// ends at 32,767 px and draws nothing past it). Beyond it the chart draws a
/// window of this many, around the selected zone (the top ones when none is
/// selected), says so in its note, and its table still lists every zone.
pub const WINDOW: usize = 100;

/// The window of `len` rows a tall chart draws, 0-based: all of them up to
/// [`WINDOW`], else [`WINDOW`] rows centred on `around` where it can be.
pub fn window(len: usize, around: Option<usize>) -> std::ops::Range<usize> {
    if len <= WINDOW {
        return 0..len;
    }
    let start = around.map_or(0, |a| a.saturating_sub(WINDOW / 2).min(len - WINDOW));
    start..start + WINDOW
}

/// The note of a windowed chart: which zones, in rank order among those the
/// filters keep, of how many it draws, how to
/// see others (the zone control, which the keyboard reaches) and where all
/// are (its table).
pub fn window_note(shown: &std::ops::Range<usize>, len: usize, lang: Lang) -> String {
    let (first, last, all) = (
        crate::format::grouped((shown.start + 1) as f64, 0),
        crate::format::grouped(shown.end as f64, 0),
        crate::format::grouped(len as f64, 0),
    );
    match lang {
        Lang::Zh => format!(
            "共{all}家园区，图中按名次只画第{first}–{last}家：选择园区可看其前后的园区；表格列出全部。"
        ),
        Lang::En => format!(
            "Zones {first}–{last} of {all} by rank drawn: choose a zone to see those around it; \
             the table lists all."
        ),
    }
}

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
    /// of the data and is left out. A `notice` ([`ui::export_notice`]: the
    /// data are illustrative, and their source) is the first record, one
    /// field, before the header row, so that the file says what its figures
    /// are wherever it goes (a spreadsheet shows it in cell A1); a program
    /// reading the table skips one record when the first holds one field and
    /// the header more (pandas `skiprows=1`). No notice, no such record.
    pub fn to_csv(&self, notice: &str) -> String {
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
        if !notice.is_empty() {
            csv.push_str(&field(notice));
            csv.push_str("\r\n");
        }
        for row in std::iter::once(&self.columns).chain(&self.rows) {
            let fields: Vec<String> = row.iter().map(|f| field(f)).collect();
            csv.push_str(&fields.join(","));
            csv.push_str("\r\n");
        }
        csv
    }
}

/// A chart's table with its rows written on demand: its caption, its
/// columns, how many rows it has and a function that writes row `i`. At
/// national scale a chart's table has a row per zone (thousands; the
/// innovation strips' one per zone and quantity), and the page shows
/// `TABLE_ROWS` (100) at a time: [`Rows::page`] writes only those
/// (`Widget.table_page`), [`Rows::table`] every row (the CSV, print). A
/// short table written whole becomes one with [`Rows::written`].
pub struct Rows<'a> {
    pub caption: String,
    pub columns: Vec<String>,
    pub len: usize,
    row: Box<dyn WriteRow + 'a>,
}

/// What writes a table's row `i`: a closure `|i: usize| -> Vec<String>`.
/// (A trait of its own rather than `dyn Fn`, whose vtables carry the
/// `FnOnce` and `FnMut` shims too: some 500 bytes of wasm for a dozen tables.)
pub trait WriteRow {
    fn row(&self, i: usize) -> Vec<String>;
}

impl<F: Fn(usize) -> Vec<String>> WriteRow for F {
    fn row(&self, i: usize) -> Vec<String> {
        self(i)
    }
}

impl<'a> Rows<'a> {
    /// `len` rows, row `i` written by `row` for `i < len` only.
    pub fn new(
        caption: &str,
        columns: Vec<String>,
        len: usize,
        row: Box<dyn WriteRow + 'a>,
    ) -> Rows<'a> {
        Rows {
            caption: caption.to_string(),
            columns,
            len,
            row,
        }
    }

    /// A table already written, as rows.
    pub fn written(table: Table) -> Rows<'a> {
        let Table {
            caption,
            columns,
            rows,
        } = table;
        Rows {
            caption,
            columns,
            len: rows.len(),
            row: Box::new(move |i: usize| rows[i].clone()),
        }
    }

    /// Rows `from..from + count` (fewer at the end), only those written; a
    /// `from` past the end gives the last page ([`page_start`]).
    pub fn page(self, from: usize, count: usize) -> TablePage {
        let from = page_start(from, count, self.len);
        let end = self.len.min(from.saturating_add(count));
        TablePage {
            table: Table {
                rows: (from..end).map(|i| self.row.row(i)).collect(),
                caption: self.caption,
                columns: self.columns,
            },
            from,
            total: self.len,
        }
    }

    /// Every row.
    pub fn table(self) -> Table {
        self.page(0, usize::MAX).table
    }
}

/// Some rows of a table: `table` holds only them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TablePage {
    pub table: Table,
    /// The first row's index in the whole table.
    pub from: usize,
    /// How many rows the whole table has.
    pub total: usize,
}

/// Where a page of `count` rows asked `from` a table of `total` rows starts:
/// at `from`, or past the end at the last page's start (aligned to
/// `count`, as the page turns its pages), so a table that shrank under a
/// kept page (a filter chosen) shows its last rows.
pub fn page_start(from: usize, count: usize, total: usize) -> usize {
    if from < total {
        from
    } else {
        let count = count.max(1);
        total.saturating_sub(1) / count * count
    }
}

/// Column headings as the tables hold them.
pub fn headings(columns: &[&str]) -> Vec<String> {
    columns.iter().map(|c| c.to_string()).collect()
}

/// A control of the reader's: what a chart responds to. A change of one
/// rebuilds the views of the charts that respond to it, and the page shows
/// it on a tab where one of the tab's charts does (the registry says which).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    Year,
    Zone,
    Level,
    /// The metro-area filter.
    Area,
    LogScale,
    Indicator,
    /// The evaluation's weights and methods (sliders, method, reset).
    Weights,
}

impl Control {
    pub const ALL: &'static [Control] = &[
        Control::Year,
        Control::Zone,
        Control::Level,
        Control::Area,
        Control::LogScale,
        Control::Indicator,
        Control::Weights,
    ];

    /// The control's name for the page.
    pub fn as_str(self) -> &'static str {
        match self {
            Control::Year => "year",
            Control::Zone => "zone",
            Control::Level => "level",
            Control::Area => "area",
            Control::LogScale => "log_scale",
            Control::Indicator => "indicator",
            Control::Weights => "weights",
        }
    }
}

/// A set of [`Control`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Controls(u8);

impl Controls {
    pub const fn of(controls: &[Control]) -> Controls {
        let mut bits = 0;
        let mut i = 0;
        while i < controls.len() {
            bits |= 1 << controls[i] as u8;
            i += 1;
        }
        Controls(bits)
    }

    pub fn contains(self, control: Control) -> bool {
        self.0 & (1 << control as u8) != 0
    }

    pub fn union(self, other: Controls) -> Controls {
        Controls(self.0 | other.0)
    }

    /// The controls' names, in [`Control::ALL`]'s order.
    pub fn names(self) -> Vec<&'static str> {
        Control::ALL
            .iter()
            .filter(|c| self.contains(**c))
            .map(|c| c.as_str())
            .collect()
    }
}

macro_rules! define_tabs {
    ($($tab:ident $id:literal ($zh:literal, $en:literal) [$($control:ident),*];)*) => {
        /// The widget's tabs, from [`crate::registry::for_each_tab!`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum TabId {
            $($tab),*
        }

        impl TabId {
            pub const ALL: &'static [TabId] = &[$(TabId::$tab),*];

            /// The tab's id in the share link.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(TabId::$tab => $id),*
                }
            }

            pub fn parse(id: &str) -> Option<TabId> {
                TabId::ALL.iter().copied().find(|t| t.as_str() == id)
            }

            pub fn label(self, lang: Lang) -> &'static str {
                match self {
                    $(TabId::$tab => lang.pick($zh, $en)),*
                }
            }

            /// The controls the tab responds to itself, besides its charts'.
            fn own_controls(self) -> Controls {
                match self {
                    $(TabId::$tab => Controls::of(&[$(Control::$control),*])),*
                }
            }
        }
    };
}
crate::registry::for_each_tab!(define_tabs);

impl TabId {
    /// The tab's charts, in the registry's order.
    pub fn charts(self) -> impl Iterator<Item = ChartId> {
        ChartId::ALL
            .iter()
            .copied()
            .filter(move |c| c.tab() == self)
    }

    /// The controls the page shows on the tab: its own and its charts'.
    pub fn controls(self) -> Controls {
        self.charts()
            .fold(self.own_controls(), |all, c| all.union(c.controls()))
    }
}

macro_rules! define_charts {
    ($($chart:ident($module:ident::$view:ident) in $tab:ident [$($control:ident),*];)*) => {
        /// The charts the widget knows, from [`crate::registry::for_each_chart!`]:
        /// the ids claims and the page use are their modules' names.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ChartId {
            $($chart),*
        }

        impl ChartId {
            pub const ALL: &'static [ChartId] = &[$(ChartId::$chart),*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(ChartId::$chart => stringify!($module)),*
                }
            }

            /// The tab that shows the chart.
            pub fn tab(self) -> TabId {
                match self {
                    $(ChartId::$chart => TabId::$tab),*
                }
            }

            /// The controls whose change rebuilds the chart's view.
            pub fn controls(self) -> Controls {
                match self {
                    $(ChartId::$chart => Controls::of(&[$(Control::$control),*])),*
                }
            }
        }

        /// A chart's view, whichever chart it is.
        #[derive(Debug, Clone, PartialEq)]
        pub enum View {
            $($chart($module::$view)),*
        }

        impl View {
            /// Builds the view of chart `id` for the reader's current choices.
            pub fn build(id: ChartId, context: &Context) -> View {
                match id {
                    $(ChartId::$chart => View::$chart($module::$view::build(context))),*
                }
            }

            pub fn id(&self) -> ChartId {
                match self {
                    $(View::$chart(_) => ChartId::$chart),*
                }
            }

            /// The chart's title: its accessible name.
            pub fn title(&self) -> &str {
                match self {
                    $(View::$chart(view) => &view.title),*
                }
            }

            /// The chart's one-paragraph description: its accessible description.
            pub fn summary(&self) -> &str {
                match self {
                    $(View::$chart(view) => &view.summary),*
                }
            }

            /// Every figure the chart draws, as a table written on demand.
            pub fn rows(&self) -> Rows<'_> {
                match self {
                    $(View::$chart(view) => view.rows()),*
                }
            }

            /// Every figure the chart draws, as a table: every row.
            pub fn table(&self) -> Table {
                self.rows().table()
            }
        }
    };
}
crate::registry::for_each_chart!(define_charts);

impl ChartId {
    pub fn parse(id: &str) -> Option<ChartId> {
        ChartId::ALL.iter().copied().find(|c| c.as_str() == id)
    }
}

/// What the reader has chosen: the tab, the language, the year, the selected
/// zone, the filters and the evaluation's settings. The widget keeps one
/// (`session::Session`) and writes it to the share link (`session::params`).
#[derive(Debug, Clone, PartialEq)]
pub struct ViewState {
    pub lang: Lang,
    pub tab: TabId,
    pub year: i32,
    /// The selected zone, highlighted in every chart: an index into
    /// `Dataset::zones`.
    pub zone: Option<usize>,
    /// Logarithmic value axes where a chart offers them (scatter, benchmarks).
    pub log_scale: bool,
    /// Only zones of this level, where a chart lists zones; `None`: all.
    pub level: Option<Level>,
    /// Only zones of this metro area (an index into `Dataset::metro_areas`),
    /// where a chart lists zones; `None`: all.
    pub area: Option<usize>,
    /// The indicator the trends chart follows: an index into
    /// `Dataset::indicators`; `None` picks the chart's default (GDP).
    pub indicator: Option<usize>,
    /// How the composite index is computed (weights, normalisation,
    /// aggregation); the default is the dataset's framework.
    pub evaluation: EvaluationSettings,
    /// The integration tried (整合、托管): a national zone and the
    /// region-level zone it takes over, indices into `Dataset::zones`
    /// (`views::integration`); no chart depends on it.
    pub integration: Option<(usize, usize)>,
    /// Whether the charts are drawn in the dark palette (the page's colour
    /// scheme); exports are light whatever it says.
    pub dark: bool,
    /// 长辈模式, elder mode: the charts drawn larger (`charts::style::
    /// ELDER_SCALE`) and the page's text and targets enlarged. The reader's,
    /// not the data's: views do not depend on it.
    pub elder: bool,
}

impl ViewState {
    /// Chinese, the overview, the latest year of the data, no zone selected.
    pub fn initial(dataset: &Dataset) -> ViewState {
        ViewState {
            lang: Lang::Zh,
            tab: TabId::Overview,
            year: dataset.years.last().copied().unwrap_or_default(),
            zone: None,
            log_scale: false,
            level: None,
            area: None,
            indicator: None,
            evaluation: EvaluationSettings::default(),
            integration: None,
            dark: false,
            elder: false,
        }
    }
}

impl ViewState {
    /// Whether the level and area filters show `zone`.
    pub fn shows(&self, zone: &Zone) -> bool {
        self.level.map_or(true, |l| l == zone.level)
            && self.area.map_or(true, |a| zone.metro_area == Some(a))
    }
}

/// What a view is built from: the dataset, its claims checked (on first use), the reader's
/// choices, the evaluation under those choices (computed on first use:
/// only the evaluation charts need it), the similarity view before a zone is
/// selected and the trends' series (kept for the filters, language and
/// indicator they were built for, so that selecting a zone does not compare
/// every pair of zones or format every value again).
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub dataset: &'a Dataset,
    claims: &'a OnceCell<Vec<ClaimResult>>,
    pub state: &'a ViewState,
    evaluated: &'a OnceCell<Evaluated>,
    similarity: &'a similarity::Kept,
    trends: &'a trends::Kept,
}

impl<'a> Context<'a> {
    /// `claims` and `evaluated` are the claims checked and the evaluation
    /// under `state.evaluation` if they have been computed, or empty cells
    /// they are computed into on first use.
    pub fn new(
        dataset: &'a Dataset,
        claims: &'a OnceCell<Vec<ClaimResult>>,
        state: &'a ViewState,
        evaluated: &'a OnceCell<Evaluated>,
        similarity: &'a similarity::Kept,
        trends: &'a trends::Kept,
    ) -> Context<'a> {
        Context {
            dataset,
            claims,
            state,
            evaluated,
            similarity,
            trends,
        }
    }

    /// Where the trends' series are kept.
    pub fn trends_kept(&self) -> &'a trends::Kept {
        self.trends
    }

    /// Where the similarity view before a selection is kept.
    pub fn similarity_kept(&self) -> &'a similarity::Kept {
        self.similarity
    }

    /// The name of the area the reader filters by, in the reader's language.
    pub fn area_name(&self) -> Option<&'a str> {
        let area = self.dataset.metro_areas.get(self.state.area?)?;
        Some(area.name.get(self.state.lang))
    }

    /// The dataset's claims checked (on first use: the evaluation tab's
    /// charts never need them, so its first load does not compute them).
    pub fn claims(&self) -> &'a [ClaimResult] {
        self.claims
            .get_or_init(|| crate::claims::evaluate(self.dataset))
    }

    /// The evaluation of every year under the reader's settings.
    pub fn evaluated(&self) -> &'a Evaluated {
        self.evaluated
            .get_or_init(|| Evaluated::compute(self.dataset, &self.state.evaluation))
    }
}
