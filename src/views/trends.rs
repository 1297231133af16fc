//! The view behind the `trends` chart, "trends": one indicator (`ViewState::indicator`,
//! GDP by default) over the years for every zone, the selected zone
//! highlighted; with no zone selected the top few are labelled.
//!
//! Series are in reading order, largest latest value first. A point is
//! `(series, year)`; its datum number, for hit-testing and keyboard
//! navigation, is `series × years + year` ([`TrendsView::datum`]). A missing
//! value breaks the line and the view says how many are missing.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::format;
use crate::i18n::Lang;
use crate::metrics::growth::{cagr, series_cagr};
use crate::model::{Dataset, Level, ValueKind};

use super::figures::{axis_title, name_list, ordinal, push_sentence, ValueWriter};
use super::{Context, Rows, Table};

/// The chart id claims and the page use for this chart.
pub const CHART: &str = "trends";

/// Series labelled at their end when no zone is selected.
pub const LABELLED_TOP: usize = 3;

/// Everything the `trends` chart shows, strings already in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendsView {
    pub lang: Lang,
    pub title: String,
    /// The indicator followed, an index into `Dataset::indicators`; `None`
    /// when the dataset has none.
    pub indicator: Option<usize>,
    pub y_title: String,
    /// The values are shares: the axis shows percentages.
    pub percent: bool,
    pub years: Vec<i32>,
    /// Largest latest value first.
    pub series: Rc<Vec<TrendSeries>>,
    /// Writes a value with its unit, when a tooltip or the table asks.
    pub writer: ValueWriter,
    /// Series labelled at their end: the selected one, or the top few.
    pub labelled: Vec<usize>,
    /// The selected zone's series.
    pub selected: Option<usize>,
    /// Legend of the thin lines: the zones not labelled.
    pub legend_others: String,
    /// How many values are missing and where; empty when none is.
    pub missing: String,
    /// Drawn in the chart area when there is nothing to draw.
    pub empty_text: String,
    pub summary: String,
}

/// One zone's values, one per year of the view.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendSeries {
    /// Index into `Dataset::zones`.
    pub zone: usize,
    pub name: String,
    pub national: bool,
    pub values: Vec<Option<f64>>,
    /// Compound annual growth from the first to the last year.
    pub cagr: Option<f64>,
}

/// What kept series were built for: the language and the indicator.
type SeriesKey = (Lang, Option<usize>);

/// Every zone's series of an indicator, kept with the language and the
/// indicator they were built for: the values (40,000 at 2,000 zones and 20
/// years) are read once per language and indicator, not once per zone
/// selection (the selection, the labels and the summary are made again); a
/// value is written as text only when a tooltip or the table asks
/// ([`ValueWriter`]).
#[derive(Debug, Default)]
pub struct Kept {
    series: RefCell<Option<(SeriesKey, Rc<Vec<TrendSeries>>)>>,
    /// How many times the series were built from the data (for tests).
    built: Cell<usize>,
}

impl Kept {
    /// How many times the series were built from the data.
    pub fn built(&self) -> usize {
        self.built.get()
    }
}

impl TrendsView {
    /// The view of the reader's indicator, the reader's zone selected; the
    /// series are the kept ones when the language and indicator are those
    /// they were built for.
    pub fn build(context: &Context) -> TrendsView {
        let (dataset, state) = (context.dataset, context.state);
        let lang = state.lang;
        let indicator = state
            .indicator
            .filter(|i| *i < dataset.indicators.len())
            .or_else(|| default_indicator(dataset));
        let years = dataset.years.clone();
        let key = (lang, indicator);
        let kept = context.trends_kept();
        let mut cell = kept.series.borrow_mut();
        let series = match cell.as_ref() {
            Some((built_for, series)) if *built_for == key => series.clone(),
            _ => {
                kept.built.set(kept.built.get() + 1);
                let series = all_series(dataset, indicator, lang);
                *cell = Some((key, series.clone()));
                series
            }
        };
        let selected = state
            .zone
            .and_then(|z| series.iter().position(|s| s.zone == z));
        let labelled = match selected {
            Some(s) => vec![s],
            None => (0..series.len().min(LABELLED_TOP)).collect(),
        };

        let name = indicator
            .and_then(|i| dataset.indicators.get(i))
            .map_or_else(String::new, |d| d.name.shown(lang));
        let span = match (years.first(), years.last()) {
            (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
            (Some(a), _) => a.to_string(),
            _ => String::new(),
        };
        let title = match lang {
            Lang::Zh => format!("{name}的变化（{span}年）"),
            Lang::En => format!("{name} over the years ({span})"),
        };
        let missing = missing_text(&series, &years, lang);
        let percent = indicator
            .and_then(|i| dataset.indicators.get(i))
            .is_some_and(|d| d.kind == ValueKind::Share);
        let mut view = TrendsView {
            lang,
            title,
            indicator,
            y_title: indicator.map_or_else(String::new, |i| axis_title(dataset, i, lang)),
            percent,
            years,
            series,
            writer: ValueWriter::new(dataset, indicator.unwrap_or(usize::MAX), lang),
            labelled,
            selected,
            legend_others: lang.pick("其他高新区", "other zones").into(),
            missing,
            empty_text: lang.pick("没有可画的数据", "No data to draw").into(),
            summary: String::new(),
        };
        view.summary = summary(dataset, &view);
        view
    }

    /// The datum number of `(series, year index)`.
    pub fn datum(&self, series: usize, year: usize) -> usize {
        series * self.years.len() + year
    }

    /// The `(series, year index)` of a datum number.
    pub fn point(&self, datum: usize) -> Option<(usize, usize)> {
        let n = self.years.len();
        (n > 0 && datum < n * self.series.len()).then(|| (datum / n, datum % n))
    }

    /// What a tooltip says about a point: "甲高新区，2022年：3,054亿元".
    pub fn point_label(&self, series: usize, year: usize) -> String {
        let (Some(s), Some(y)) = (self.series.get(series), self.years.get(year)) else {
            return String::new();
        };
        let value = self
            .writer
            .text_or_none(s.values.get(year).copied().flatten());
        match self.lang {
            Lang::Zh => format!("{}，{y}年：{value}", s.name),
            Lang::En => format!("{}, {y}: {value}", s.name),
        }
    }

    /// One row per zone, one column per year, then the annual growth.
    pub fn rows(&self) -> Rows<'_> {
        let lang = self.lang;
        let mut columns = vec![lang.pick("高新区", "Zone").to_string()];
        columns.extend(self.years.iter().map(|y| y.to_string()));
        columns.push(lang.pick("年均增长", "Annual growth").to_string());
        Rows::new(
            &self.title,
            columns,
            self.series.len(),
            Box::new(move |i: usize| {
                let s = &self.series[i];
                let mut row = vec![s.name.clone()];
                row.extend(s.values.iter().map(|v| self.writer.text_or_none(*v)));
                row.push(s.cagr.map_or_else(String::new, |g| format::percent(g, 1)));
                row
            }),
        )
    }

    /// Every row of [`Self::rows`].
    pub fn table(&self) -> Table {
        self.rows().table()
    }
}

/// Every zone with a value of `indicator`, largest latest value first.
fn all_series(dataset: &Dataset, indicator: Option<usize>, lang: Lang) -> Rc<Vec<TrendSeries>> {
    let mut series: Vec<TrendSeries> = match indicator {
        Some(ind) => dataset
            .zones
            .iter()
            .enumerate()
            .map(|(z, zone)| {
                let values: Vec<Option<f64>> = dataset
                    .series(ind, z)
                    .into_iter()
                    .map(|v| v.filter(|v| v.is_finite()))
                    .collect();
                TrendSeries {
                    zone: z,
                    name: zone.name.shown(lang),
                    national: zone.level == Level::National,
                    cagr: series_cagr(&values),
                    values,
                }
            })
            .filter(|s| s.values.iter().any(Option::is_some))
            .collect(),
        None => Vec::new(),
    };
    crate::order::sort_by(&mut series, |a, b| {
        let latest = |s: &TrendSeries| s.values.iter().rev().flatten().next().copied();
        latest(b)
            .unwrap_or(f64::NEG_INFINITY)
            .total_cmp(&latest(a).unwrap_or(f64::NEG_INFINITY))
    });

    Rc::new(series)
}

fn missing_text(series: &[TrendSeries], years: &[i32], lang: Lang) -> String {
    let count: usize = series
        .iter()
        .map(|s| s.values.iter().filter(|v| v.is_none()).count())
        .sum();
    if count == 0 {
        return String::new();
    }
    let zones: Vec<&str> = series
        .iter()
        .filter(|s| s.values.iter().any(Option::is_none))
        .map(|s| s.name.as_str())
        .collect();
    let shown: Vec<&str> = zones.iter().take(5).copied().collect();
    let more = zones.len().saturating_sub(shown.len());
    let names = name_list(&shown, lang);
    let total = series.len() * years.len();
    let is = format::en_agree(count, "is", "are");
    let (count, total) = (
        format::grouped(count as f64, 0),
        format::grouped(total as f64, 0),
    );
    match (lang, more) {
        (Lang::Zh, 0) => format!("{total}个数值中缺少{count}个（{names}），线在缺失处断开。"),
        (Lang::Zh, _) => {
            format!(
                "{total}个数值中缺少{count}个（{names}等{}家），线在缺失处断开。",
                zones.len()
            )
        }
        (Lang::En, 0) => format!(
            "{count} of {total} values {} missing ({names}); lines break there.",
            is
        ),
        (Lang::En, _) => format!(
            "{count} of {total} values {} missing ({names} and {more} more); lines break there.",
            is
        ),
    }
}

/// Highest and lowest in the latest year, the total's growth (for amounts
/// and counts), fastest and slowest growth, the selected zone, what is missing.
fn summary(dataset: &Dataset, view: &TrendsView) -> String {
    let lang = view.lang;
    let (Some(ind), Some(first), Some(last)) =
        (view.indicator, view.years.first(), view.years.last())
    else {
        return view.empty_text.clone();
    };
    let last_index = view.years.len() - 1;
    let value = |v: f64| view.writer.text(v);
    let name = dataset
        .indicators
        .get(ind)
        .map_or_else(String::new, |d| d.name.shown(lang));
    let latest: Vec<(&TrendSeries, f64)> = view
        .series
        .iter()
        .filter_map(|s| s.values.get(last_index).copied().flatten().map(|v| (s, v)))
        .collect();
    let (Some(top), Some(bottom)) = (
        latest.iter().max_by(|a, b| a.1.total_cmp(&b.1)),
        latest.iter().min_by(|a, b| a.1.total_cmp(&b.1)),
    ) else {
        return match lang {
            Lang::Zh => format!("{last}年没有{name}数据。{}", view.missing),
            Lang::En => format!("There are no {name} figures for {last}. {}", view.missing)
                .trim_end()
                .to_string(),
        };
    };
    // Grouped as every figure on screen: "1,978", not "1978" (a tester).
    let zones = format::grouped(view.series.len() as f64, 0);
    let mut text = match lang {
        Lang::Zh => format!(
            "{first}–{last}年{}家高新区的{name}。{last}年最高的是{}（{}），最低的是{}（{}）。",
            zones,
            top.0.name,
            value(top.1),
            bottom.0.name,
            value(bottom.1)
        ),
        Lang::En => format!(
            "{name} of {} zones, {first}–{last}. In {last} {} has the highest ({}) and {} the lowest ({}).",
            zones,
            top.0.name,
            value(top.1),
            bottom.0.name,
            value(bottom.1)
        ),
    };

    // Totals only mean something for amounts and counts, and only when no
    // value is missing at either end.
    let summable = dataset
        .indicators
        .get(ind)
        .is_some_and(|d| matches!(d.kind, ValueKind::Amount | ValueKind::Count));
    let total = |year: usize| -> Option<f64> {
        view.series
            .iter()
            .map(|s| s.values.get(year).copied().flatten())
            .sum()
    };
    if let (true, Some(t0), Some(t1)) = (summable && first != last, total(0), total(last_index)) {
        let years = u32::try_from(last_index).unwrap_or(0);
        let growth = cagr(Some(t0), Some(t1), years).map_or_else(String::new, |g| match lang {
            Lang::Zh => format!("，年均增长{}", format::percent(g, 1)),
            Lang::En => format!(", {} a year", signed_percent(g)),
        });
        text.push_str(&match lang {
            Lang::Zh => format!("合计由{}变为{}{growth}。", value(t0), value(t1)),
            Lang::En => format!(
                " Together they went from {} to {}{growth}.",
                value(t0),
                value(t1)
            ),
        });
    }
    let growths: Vec<(&TrendSeries, f64)> = view
        .series
        .iter()
        .filter_map(|s| s.cagr.map(|g| (s, g)))
        .collect();
    if let (Some(fast), Some(slow)) = (
        growths.iter().max_by(|a, b| a.1.total_cmp(&b.1)),
        growths.iter().min_by(|a, b| a.1.total_cmp(&b.1)),
    ) {
        text.push_str(&match lang {
            Lang::Zh => format!(
                "年均增长最快的是{}（{}），最慢的是{}（{}）。",
                fast.0.name,
                format::percent(fast.1, 1),
                slow.0.name,
                format::percent(slow.1, 1)
            ),
            Lang::En => format!(
                " Annual growth is fastest in {} ({}) and slowest in {} ({}).",
                fast.0.name,
                signed_percent(fast.1),
                slow.0.name,
                signed_percent(slow.1)
            ),
        });
    }
    if let Some(s) = view.selected.and_then(|i| view.series.get(i)) {
        let own = s.values.get(last_index).copied().flatten();
        let place = latest.iter().filter(|(_, v)| Some(*v) > own).count() + 1;
        let now = own.map(value).unwrap_or_default();
        text.push_str(&match (lang, own.is_some()) {
            (Lang::Zh, true) => format!(
                "{}{last}年为{now}，在{}家中居第{place}位。",
                s.name,
                latest.len()
            ),
            (Lang::En, true) => format!(
                " {} stands at {now} in {last}, {} of {}.",
                s.name,
                ordinal(place),
                latest.len()
            ),
            (Lang::Zh, false) => format!("{}{last}年缺少数据。", s.name),
            (Lang::En, false) => format!(" {} has no figure for {last}.", s.name),
        });
    }
    push_sentence(&mut text, &view.missing, lang);
    text
}

/// "+5.2%" / "-1.0%".
fn signed_percent(share: f64) -> String {
    let text = format::percent(share, 1);
    if share > 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

#[cfg(test)]
mod tests;

/// The indicator the trends follow when the reader has chosen none: GDP,
/// or the file's first indicator when it has no GDP.
pub fn default_indicator(dataset: &Dataset) -> Option<usize> {
    dataset
        .indicator_index("gdp")
        .or((!dataset.indicators.is_empty()).then_some(0))
}
