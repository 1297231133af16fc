//! The view behind the innovation chart (claims C14–C16, the report's
//! problem 3: weak innovation): each zone's value of an innovation input or
//! intensity as a dot, against the zones' average and, where the data has it,
//! the level above's (全省) reference average.
//!
//! Rows, in the order of the claims:
//! - the inputs C14 compares with the province's average (college-educated
//!   staff, S&T staff, internal R&D spending): the zones' mean against the
//!   reference;
//! - national incubators per zone, the zones with none (C15: national zones
//!   in counties among them);
//! - invention patents per zone, the national zones' sum against the
//!   report's 19,000 (C16);
//! - the intensities (R&D spending / GDP, invention patents per 10,000
//!   employees, S&T staff share, technology contracts per employee) against
//!   the zones taken together (ratio of sums) and the reference where there
//!   is one.
//!
//! Figures come from [`crate::analysis::innovation`]; `state.year` picks the
//! year; `state.level` keeps the dots of one level (the averages stay those
//! of all zones, and the rows say so).

use crate::analysis::innovation::{innovation, IntensityRow, LevelRow, INCUBATORS};
use crate::format::{grouped, percent, Fixed};
use crate::i18n::Lang;
use crate::model::{Check, Dataset, Level, Status, ValueKind};

use super::figures::{claim_lines, names_joined};
use super::{headings, Context, Rows, Table};

/// The chart id claims use for this chart.
pub const CHART: &str = "innovation";
/// The count behind C16.
pub const PATENTS: &str = "invention_patents";
/// A strip of more zones than this is drawn as bars counting the zones in
/// each range of values: at national scale dots pack into solid blocks.
pub const BINNED: usize = 100;

/// Everything the innovation chart shows, strings already in the reader's
/// language.
#[derive(Debug, Clone, PartialEq)]
pub struct InnovationView {
    pub lang: Lang,
    pub year: i32,
    pub title: String,
    pub legend_zone: String,
    pub legend_average: String,
    pub legend_reference: String,
    /// The level above (全省 / the province), whose averages C14 compares with.
    pub parent: String,
    pub rows: Vec<InnovationRow>,
    /// Written under a strip the chart draws on a log scale.
    pub log_scale_text: String,
    pub empty_text: String,
    /// The claims drawn on this chart, one line each with their verdict.
    pub claims: Vec<String>,
    pub summary: String,
}

/// How a row's values read.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueFormat {
    /// A fraction 0–1, shown as a percentage.
    Share,
    /// Already in percent.
    Percent,
    /// An amount in 亿元: "21.8亿元" / "CNY 2.18 billion".
    YiYuan,
    /// A number with `decimals` places and its unit.
    Number { decimals: usize, unit: String },
}

impl ValueFormat {
    pub fn format(&self, value: f64, lang: Lang) -> String {
        match self {
            ValueFormat::Share => percent(value, 1),
            ValueFormat::Percent => format!("{value}%", value = Fixed(value, 1)),
            ValueFormat::YiYuan => match lang {
                Lang::Zh => format!("{}亿元", grouped(value, 1)),
                Lang::En if value.abs() < 1000.0 => {
                    format!("CNY {} billion", Fixed(value / 10.0, 2))
                }
                Lang::En => format!("CNY {} billion", grouped(value / 10.0, 1)),
            },
            ValueFormat::Number { decimals, unit } if unit.is_empty() => grouped(value, *decimals),
            ValueFormat::Number { decimals, unit } => match lang {
                Lang::Zh => format!("{}{unit}", grouped(value, *decimals)),
                // "CNY 10,000 per employee" with 45.2: "CNY 452,000 per employee".
                Lang::En => match unit.strip_prefix("CNY 10,000") {
                    Some(rest) => format!("{}{rest}", crate::format::cny(value * 10_000.0)),
                    None => format!("{} {unit}", grouped(value, *decimals)),
                },
            },
        }
    }
}

/// One quantity over the zones.
#[derive(Debug, Clone, PartialEq)]
pub struct InnovationRow {
    pub label: String,
    /// The claim the row backs ("C14"), if any.
    pub claim: Option<String>,
    pub format: ValueFormat,
    /// The zones shown, lowest value first: reading order.
    pub points: Vec<InnovationPoint>,
    /// The zones' average (all zones, whatever the level filter).
    pub average: Option<f64>,
    /// "均值" / "mean", or "合计" / "all zones together".
    pub average_label: String,
    /// The level above's average, where the data gives one.
    pub reference: Option<f64>,
    pub reference_label: String,
    /// Whether the file marks the reference average illustrative: its
    /// figure is then followed by "（示意值）" / " (illustrative)".
    pub reference_illustrative: bool,
    /// The line under the strip: the comparison in words.
    pub note: String,
    /// Zones without a value, by name.
    pub missing: Vec<String>,
}

/// One zone's value.
#[derive(Debug, Clone, PartialEq)]
pub struct InnovationPoint {
    /// Index into `Dataset::zones`.
    pub zone: usize,
    pub name: String,
    pub value: f64,
    pub selected: bool,
}

impl InnovationRow {
    /// "Zone X: 38.6% (below the province's 44.0%)": a dot's tooltip, its
    /// value against the average and the reference, each where there is
    /// one.
    pub fn tooltip(&self, point: &InnovationPoint, lang: Lang) -> String {
        let value = self.format.format(point.value, lang);
        let mut against = Vec::new();
        for (limit, label, illustrative) in [
            (self.average, &self.average_label, false),
            (
                self.reference,
                &self.reference_label,
                self.reference_illustrative,
            ),
        ] {
            if let Some(limit) = limit {
                let side = match (point.value < limit, lang) {
                    (true, Lang::Zh) => "低于",
                    (false, Lang::Zh) => "不低于",
                    (true, Lang::En) => "below",
                    (false, Lang::En) => "not below",
                };
                let limit = self.format.format(limit, lang) + illustrative_mark(illustrative, lang);
                against.push(match lang {
                    Lang::Zh => format!("{side}{label}{limit}"),
                    Lang::En => format!("{side} {label} {limit}"),
                });
            }
        }
        let end = match (against.is_empty(), lang) {
            (true, _) => String::new(),
            (false, Lang::Zh) => format!("（{}）", against.join("，")),
            (false, Lang::En) => format!(" ({})", against.join(", ")),
        };
        match lang {
            Lang::Zh => format!("{}·{}：{value}{end}", point.name, self.label),
            Lang::En => format!("{}, {}: {value}{end}", point.name, self.label),
        }
    }

    fn below(&self, limit: Option<f64>) -> Option<usize> {
        limit.map(|l| self.points.iter().filter(|p| p.value < l).count())
    }
}

impl InnovationView {
    /// The tooltip of dot `datum` (counted over the rows, in reading
    /// order), made when asked: not every dot's while drawing.
    pub fn dot_label(&self, mut datum: usize) -> String {
        for row in &self.rows {
            match row.points.get(datum) {
                Some(point) => return row.tooltip(point, self.lang),
                None => datum -= row.points.len(),
            }
        }
        String::new()
    }

    /// Builds the view of `year`, dots of `level` only (all when `None`).
    pub fn build(context: &Context) -> InnovationView {
        let (dataset, claims, state) = (context.dataset, context.claims(), context.state);
        let (year, selected, lang) = (state.year, state.zone, state.lang);
        let claim_lines: Vec<String> = claim_lines(claims, CHART, lang);
        let title = match lang {
            Lang::Zh => format!("高新区创新投入与强度（{year}年）"),
            Lang::En => format!("The zones' innovation inputs and intensities ({year})"),
        };
        let parent = dataset.meta.parent_region.get(lang).to_string();
        let mut view = InnovationView {
            lang,
            year,
            title,
            legend_zone: lang.pick("各高新区", "each zone").into(),
            // The line is the zones' mean of an input, and of a ratio
            // (R&D / GDP) the ratio of their sums (`intensity_row`).
            legend_average: lang
                .pick("高新区平均或合计之比", "zones' average or ratio of totals")
                .into(),
            legend_reference: match lang {
                Lang::Zh => format!("{parent}平均"),
                Lang::En => format!("{parent}'s average"),
            },
            parent: parent.clone(),
            rows: Vec::new(),
            log_scale_text: lang.pick("对数刻度", "log scale").into(),
            empty_text: lang
                .pick("没有创新指标数据", "No innovation figures")
                .into(),
            claims: claim_lines,
            summary: String::new(),
        };
        let Ok(analysis) = innovation(dataset, year) else {
            view.summary = format!("{}{}", view.empty_text, lang.pick("。", "."));
            return view;
        };
        let shown = |zone: usize| dataset.zones.get(zone).is_some_and(|z| state.shows(z));
        let points_of = |values: &[Option<f64>]| -> (Vec<InnovationPoint>, Vec<String>) {
            let mut points = Vec::new();
            let mut missing = Vec::new();
            for (zone, value) in values.iter().enumerate() {
                if !shown(zone) {
                    continue;
                }
                let name = dataset
                    .zones
                    .get(zone)
                    .map_or_else(String::new, |z| z.name.shown(lang));
                match value {
                    Some(v) if v.is_finite() => points.push(InnovationPoint {
                        zone,
                        name,
                        value: *v,
                        selected: selected == Some(zone),
                    }),
                    _ => missing.push(name),
                }
            }
            crate::order::sort_by(&mut points, |a, b| {
                a.value.total_cmp(&b.value).then(a.zone.cmp(&b.zone))
            });
            (points, missing)
        };
        let c14 = claim_with(dataset, |c| matches!(c, Check::MeanVsReference { .. }));
        let c15 = claim_with(dataset, |c| matches!(c, Check::CountWhere { .. }));
        let c16 = claim_with(dataset, |c| matches!(c, Check::Sum { .. }));
        // Whether a row's reference average is one the file marks
        // illustrative (of a ratio, either of its two): a made-up figure of
        // the level above is not read as the province's own.
        let illustrative = |ids: &[&str]| {
            ids.iter().any(|id| {
                dataset
                    .indicator_index(id)
                    .and_then(|i| dataset.reference_average(i, year))
                    .is_some_and(|f| f.status == Status::Illustrative)
            })
        };
        let legend = view.legend_reference.clone();
        let parent = |ill: bool| (parent.as_str(), legend.as_str(), ill);

        // C14: the inputs with a reference average.
        for level_row in analysis.levels.iter().filter(|r| r.reference.is_some()) {
            let Some(index) = dataset.indicator_index(&level_row.indicator) else {
                continue;
            };
            let Some(column) = dataset.column_at(index, year) else {
                continue;
            };
            let (points, missing) = points_of(&column.values);
            let format = indicator_format(dataset, index, lang);
            view.rows.push(level_input_row(
                dataset,
                index,
                level_row,
                points,
                missing,
                format,
                &c14,
                parent(illustrative(&[&level_row.indicator])),
                lang,
            ));
        }

        // C15: national incubators.
        if let (Some(zero), Some(index)) =
            (&analysis.incubators, dataset.indicator_index(INCUBATORS))
        {
            if let Some(column) = dataset.column_at(index, year) {
                let (points, missing) = points_of(&column.values);
                let zero_shown = points.iter().filter(|p| p.value == 0.0).count();
                let county: Vec<String> = zero
                    .national_county_zones_with_zero
                    .iter()
                    .filter_map(|id| dataset.zone_index(id))
                    .filter(|z| shown(*z))
                    .filter_map(|z| dataset.zones.get(z))
                    .map(|z| z.name.shown(lang))
                    .collect();
                let n = grouped(points.len() as f64, 0);
                let has = crate::format::en_agree(zero_shown, "has", "have");
                let zero_shown = grouped(zero_shown as f64, 0);
                let mut note = match lang {
                    Lang::Zh => format!("{n}家中{zero_shown}家没有国家级孵化器"),
                    Lang::En => format!("{zero_shown} of {n} zones {has} no national incubator"),
                };
                // At national scale some hundred names: 20 and a count.
                let names = names_joined(&county, lang);
                if !county.is_empty() {
                    note.push_str(&match lang {
                        Lang::Zh => format!("，其中县域国家高新区：{names}"),
                        Lang::En => format!(", among them national zones in counties: {names}"),
                    });
                }
                // C15 is about the national zones in counties: tagged where
                // the strip shows some without an incubator.
                if let (Some(id), false) = (&c15, county.is_empty()) {
                    note.push_str(&claim_tag(id, lang));
                }
                let mean = mean_of(&column.values);
                view.rows.push(InnovationRow {
                    label: indicator_name(dataset, index, lang),
                    claim: c15.clone(),
                    format: ValueFormat::Number {
                        decimals: 0,
                        unit: super::figures::unit_label(dataset, index, lang),
                    },
                    points,
                    average: mean,
                    average_label: lang.pick("高新区平均", "the zones' mean").into(),
                    reference: None,
                    reference_label: String::new(),
                    reference_illustrative: false,
                    note,
                    missing,
                });
            }
        }

        // C16: invention patents, the national zones' sum.
        if let Some(index) = dataset.indicator_index(PATENTS) {
            if let Some(column) = dataset.column_at(index, year) {
                let (points, missing) = points_of(&column.values);
                let national: Vec<f64> = column
                    .known()
                    .filter(|(z, _)| {
                        dataset
                            .zones
                            .get(*z)
                            .is_some_and(|z| z.level == Level::National)
                    })
                    .map(|(_, v)| v)
                    .collect();
                let stated = c16.as_ref().and_then(|id| stated_sum(dataset, id, year));
                let unit = super::figures::unit_label(dataset, index, lang);
                // Both grouped as every figure on screen ("1,200", not "1200").
                let (n, sum) = (
                    grouped(national.len() as f64, 0),
                    grouped(national.iter().sum(), 0),
                );
                let mut note = match lang {
                    Lang::Zh => format!("{n}家国家级高新区合计{sum}{unit}"),
                    Lang::En => format!("The {n} national zones together: {sum} {unit}"),
                };
                if let (Some(stated), Some(id)) = (stated, &c16) {
                    note.push_str(&match lang {
                        Lang::Zh => format!("，报告为{}{unit}", grouped(stated, 0)),
                        Lang::En => format!("; the report: {}", grouped(stated, 0)),
                    });
                    note.push_str(&claim_tag(id, lang));
                }
                view.rows.push(InnovationRow {
                    label: indicator_name(dataset, index, lang),
                    claim: c16.clone(),
                    format: ValueFormat::Number { decimals: 0, unit },
                    points,
                    average: mean_of(&column.values),
                    average_label: lang.pick("高新区平均", "the zones' mean").into(),
                    reference: None,
                    reference_label: String::new(),
                    reference_illustrative: false,
                    note,
                    missing,
                });
            }
        }

        // The intensities.
        for intensity in &analysis.intensities {
            let (points, missing) = points_of(&intensity.comparison.per_zone);
            view.rows.push(intensity_row(
                intensity,
                points,
                missing,
                parent(illustrative(&[intensity.numerator, intensity.denominator])),
                lang,
            ));
        }
        // The legend says whether the averages shown are illustrative: all,
        // some, or none of them.
        let compared: Vec<bool> = view
            .rows
            .iter()
            .filter(|r| r.reference.is_some())
            .map(|r| r.reference_illustrative)
            .collect();
        if compared.iter().any(|i| *i) {
            view.legend_reference
                .push_str(if compared.iter().all(|i| *i) {
                    lang.pick("（示意值）", " (illustrative)")
                } else {
                    lang.pick("（部分为示意值）", " (some illustrative)")
                });
        }

        // Zones without a value are said, not drawn; a strip of bars says so.
        for row in &mut view.rows {
            let names = (!row.missing.is_empty()).then(|| {
                let names = super::figures::names_joined(&row.missing, lang);
                match lang {
                    Lang::Zh => format!("缺少数据：{names}"),
                    Lang::En => format!("no data: {names}"),
                }
            });
            let bars = (row.points.len() > BINNED).then(|| {
                lang.pick(
                    "柱高为各数值段的园区数",
                    "bar height: zones per range of values",
                )
            });
            for part in names.iter().map(String::as_str).chain(bars) {
                if !row.note.is_empty() {
                    row.note.push_str(lang.pick("；", "; "));
                }
                row.note.push_str(part);
            }
        }
        view.summary = summary(&view);
        view
    }

    /// Every dot as a table: one row per zone and quantity.
    pub fn rows(&self) -> Rows<'_> {
        let lang = self.lang;
        let columns = headings(&[
            lang.pick("指标", "Quantity"),
            lang.pick("高新区", "Zone"),
            lang.pick("数值", "Value"),
            lang.pick("高新区平均", "Zones' average"),
            lang.pick("上级平均", "Reference average"),
        ]);
        // Each quantity's first row: its zones with a value, then those
        // without. Row `i` is the last quantity's starting at or before it.
        let mut starts = Vec::new();
        let mut len = 0;
        for row in &self.rows {
            starts.push(len);
            len += row.points.len() + row.missing.len();
        }
        Rows::new(
            &self.title,
            columns,
            len,
            Box::new(move |i: usize| {
                let r = starts.partition_point(|&s| s <= i) - 1;
                let (row, k) = (&self.rows[r], i - starts[r]);
                let fmt =
                    |v: Option<f64>| v.map_or_else(String::new, |v| row.format.format(v, lang));
                let (name, value) = match row.points.get(k) {
                    Some(point) => (point.name.clone(), row.format.format(point.value, lang)),
                    None => (
                        row.missing[k - row.points.len()].clone(),
                        lang.pick("缺少数据", "no data").into(),
                    ),
                };
                vec![
                    row.label.clone(),
                    name,
                    value,
                    fmt(row.average),
                    fmt(row.reference),
                ]
            }),
        )
    }

    /// Every row of [`Self::rows`].
    pub fn table(&self) -> Table {
        self.rows().table()
    }
}

/// The id of the first innovation claim with a check of this kind.
fn claim_with(dataset: &Dataset, kind: impl Fn(&Check) -> bool) -> Option<String> {
    dataset
        .claims
        .iter()
        .filter(|c| c.chart == CHART)
        .find(|c| c.checks.iter().any(&kind))
        .map(|c| c.id.clone())
}

/// The figure a claim's `sum` check states for `year`.
fn stated_sum(dataset: &Dataset, id: &str, year: i32) -> Option<f64> {
    dataset
        .claims
        .iter()
        .find(|c| c.id == id)?
        .checks
        .iter()
        .find_map(|check| match check {
            Check::Sum { year: y, value, .. } if *y == year => Some(*value),
            _ => None,
        })
}

fn claim_tag(id: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("（{id}）"),
        Lang::En => format!(" ({id})"),
    }
}

fn mean_of(values: &[Option<f64>]) -> Option<f64> {
    let present: Vec<f64> = values
        .iter()
        .flatten()
        .copied()
        .filter(|v| v.is_finite())
        .collect();
    (!present.is_empty()).then(|| present.iter().sum::<f64>() / present.len() as f64)
}

fn indicator_name(dataset: &Dataset, index: usize, lang: Lang) -> String {
    dataset
        .indicators
        .get(index)
        .map_or_else(String::new, |i| i.name.shown(lang))
}

fn indicator_format(dataset: &Dataset, index: usize, lang: Lang) -> ValueFormat {
    let unit_id = dataset
        .indicators
        .get(index)
        .and_then(|i| dataset.meta.units.get(i.unit))
        .map(|u| u.id.as_str());
    if unit_id == Some("yi_yuan") {
        return ValueFormat::YiYuan;
    }
    match dataset.indicators.get(index).map(|i| i.kind) {
        Some(ValueKind::Share) => ValueFormat::Share,
        Some(ValueKind::Count) => ValueFormat::Number {
            decimals: 0,
            unit: super::figures::unit_label(dataset, index, lang),
        },
        _ => ValueFormat::Number {
            decimals: 1,
            unit: super::figures::unit_label(dataset, index, lang),
        },
    }
}

#[allow(clippy::too_many_arguments)]
fn level_input_row(
    dataset: &Dataset,
    index: usize,
    level_row: &LevelRow,
    points: Vec<InnovationPoint>,
    missing: Vec<String>,
    format: ValueFormat,
    claim: &Option<String>,
    (parent, reference_label, illustrative): (&str, &str, bool),
    lang: Lang,
) -> InnovationRow {
    let mark = illustrative_mark(illustrative, lang);
    let mut row = InnovationRow {
        label: indicator_name(dataset, index, lang),
        claim: claim.clone(),
        format,
        points,
        average: level_row.mean,
        average_label: lang.pick("高新区平均", "the zones' mean").into(),
        reference: level_row.reference,
        reference_label: reference_label.into(),
        reference_illustrative: illustrative,
        note: String::new(),
        missing,
    };
    let n = grouped(row.points.len() as f64, 0);
    let below = grouped(row.below(row.reference).unwrap_or(0) as f64, 0);
    if let (Some(mean), Some(reference)) = (row.average, row.reference) {
        let (m, r) = (
            row.format.format(mean, lang),
            row.format.format(reference, lang),
        );
        let side = match (lang, mean < reference) {
            (Lang::Zh, true) => "低于",
            (Lang::Zh, false) => "不低于",
            (Lang::En, true) => "below",
            (Lang::En, false) => "not below",
        };
        row.note = match lang {
            Lang::Zh => {
                format!("均值{m}{side}{parent}平均{r}{mark}；{n}家中{below}家低于{parent}平均")
            }
            Lang::En => {
                format!("Mean {m}, {side} {parent}'s {r}{mark}; {below} of {n} zones below it")
            }
        };
        if let Some(id) = claim {
            row.note.push_str(&claim_tag(id, lang));
        }
    }
    row
}

fn intensity_row(
    intensity: &IntensityRow,
    points: Vec<InnovationPoint>,
    missing: Vec<String>,
    (parent, reference_label, illustrative): (&str, &str, bool),
    lang: Lang,
) -> InnovationRow {
    let mark = illustrative_mark(illustrative, lang);
    let (label, format) = match intensity.id {
        "rd_spending_per_gdp" => (
            lang.pick("R&D经费内部支出占GDP比重", "Internal R&D spending / GDP"),
            ValueFormat::Percent,
        ),
        "invention_patents_per_10k_employees" => (
            lang.pick(
                "每万名从业人员发明专利授权",
                "Invention patents per 10,000 employees",
            ),
            ValueFormat::Number {
                decimals: 1,
                unit: lang.pick("件/万人", "").into(),
            },
        ),
        "st_staff_share" => (
            lang.pick("科技人员占从业人员比重", "S&T staff / employees"),
            ValueFormat::Percent,
        ),
        "tech_contracts_per_employee" => (
            lang.pick("人均技术合同成交额", "Technology contracts per employee"),
            ValueFormat::Number {
                decimals: 2,
                unit: lang.pick("万元/人", "CNY 10,000").into(),
            },
        ),
        other => (
            other,
            ValueFormat::Number {
                decimals: 2,
                unit: String::new(),
            },
        ),
    };
    let mut row = InnovationRow {
        label: label.to_string(),
        claim: None,
        format,
        points,
        average: intensity.comparison.ratio_of_sums,
        average_label: lang.pick("高新区合计", "the zones together").into(),
        reference: intensity.comparison.reference,
        reference_label: reference_label.into(),
        reference_illustrative: illustrative,
        note: String::new(),
        missing,
    };
    let n = grouped(row.points.len() as f64, 0);
    if let Some(average) = row.average {
        let below = grouped(row.below(Some(average)).unwrap_or(0) as f64, 0);
        let a = row.format.format(average, lang);
        row.note = match lang {
            Lang::Zh => format!("高新区合计{a}，{n}家中{below}家低于此值"),
            Lang::En => format!("All zones together {a}; {below} of {n} zones below"),
        };
    }
    match (row.reference, lang) {
        (Some(r), _) => {
            let below = grouped(row.below(Some(r)).unwrap_or(0) as f64, 0);
            let r = row.format.format(r, lang);
            row.note.push_str(&match lang {
                Lang::Zh => format!("；{parent}平均{r}{mark}，{below}家低于"),
                Lang::En => format!("; {parent}'s average {r}{mark}, {below} below"),
            });
        }
        (None, Lang::Zh) => row.note.push_str(&format!("；数据中没有{parent}平均")),
        (None, Lang::En) => row
            .note
            .push_str(&format!("; the data has no average for {parent}")),
    }
    row
}

/// "（示意值）" / " (illustrative)" after a reference average the file marks
/// illustrative, else nothing.
fn illustrative_mark(illustrative: bool, lang: Lang) -> &'static str {
    match illustrative {
        true => lang.pick("（示意值）", " (illustrative)"),
        false => "",
    }
}

fn summary(view: &InnovationView) -> String {
    let lang = view.lang;
    let year = view.year;
    if view.rows.is_empty() {
        return format!("{}{}", view.empty_text, lang.pick("。", "."));
    }
    let mut sentences: Vec<String> = Vec::new();
    let inputs: Vec<&InnovationRow> = view
        .rows
        .iter()
        .filter(|r| r.reference.is_some() && r.claim.is_some() && r.average.is_some())
        .collect();
    if !inputs.is_empty() {
        let parts: Vec<String> = inputs
            .iter()
            .filter_map(|r| {
                let m = r.format.format(r.average?, lang);
                let ref_ = r.format.format(r.reference?, lang);
                let mark = match r.reference_illustrative {
                    true => lang.pick("，示意值", ", illustrative"),
                    false => "",
                };
                Some(match lang {
                    Lang::Zh => format!("{}均值{m}（{}{ref_}{mark}）", r.label, view.parent),
                    Lang::En => format!("{} {m} ({}: {ref_}{mark})", r.label, view.parent),
                })
            })
            .collect();
        let all_below = inputs
            .iter()
            .all(|r| r.average.zip(r.reference).is_some_and(|(m, r)| m < r));
        sentences.push(match (lang, all_below) {
            (Lang::Zh, true) => format!(
                "{year}年，高新区的{}均低于{}平均水平",
                parts.join("、"),
                view.parent
            ),
            (Lang::Zh, false) => format!(
                "{year}年，高新区的{}并非都低于{}平均水平",
                parts.join("、"),
                view.parent
            ),
            (Lang::En, true) => format!(
                "In {year} the zones' means are all below {}'s average: {}",
                view.parent,
                parts.join(", ")
            ),
            (Lang::En, false) => format!(
                "In {year} the zones' means are not all below {}'s average: {}",
                view.parent,
                parts.join(", ")
            ),
        });
    }
    for row in view
        .rows
        .iter()
        .filter(|r| r.reference.is_none() && r.claim.is_some())
    {
        sentences.push(row.note.clone());
    }
    let mut text = match lang {
        Lang::Zh => sentences.join("。") + "。",
        Lang::En => sentences.join(". ") + ".",
    };
    if let Some(rd) = view.rows.iter().find(|r| r.claim.is_none()) {
        if let (Some(low), Some(high)) = (rd.points.first(), rd.points.last()) {
            text.push_str(&match lang {
                Lang::Zh => format!(
                    "{}最高的是{}（{}），最低的是{}（{}）。",
                    rd.label,
                    high.name,
                    rd.format.format(high.value, lang),
                    low.name,
                    rd.format.format(low.value, lang)
                ),
                Lang::En => format!(
                    " {} is highest in {} ({}) and lowest in {} ({}).",
                    rd.label,
                    high.name,
                    rd.format.format(high.value, lang),
                    low.name,
                    rd.format.format(low.value, lang)
                ),
            });
        }
    }
    for claim in &view.claims {
        text.push_str(lang.pick("", " "));
        text.push_str(claim);
    }
    text
}

#[cfg(test)]
mod tests;
