//! The view behind the `theil` chart, the imbalance split (claim C19): how much of the
//! inequality of GDP between zones lies between groups of zones (national
//! against region-level; one metro area against another) and how much within
//! them.
//!
//! Theil T and Theil L split exactly: total = between + Σ_g within_g
//! (docs/METRICS.md, "Between/within split"). One bar per grouping and index,
//! its segments the between part and each group's within part.
//!
//! `state.year` picks the year; with `state.level` set only that level's
//! zones count and the split by level (a single group) is left out.

use crate::format::{percent, Fixed};
use crate::i18n::Lang;
use crate::metrics::inequality::{group_ids, theil_decomposition, TheilDecomposition, TheilKind};
use crate::model::Level;

use super::figures::{left_out, level_values};
use super::{headings, Context, Rows, Table};

/// The chart id of this chart.
pub const CHART: &str = "theil";
/// The indicator whose inequality is split.
pub const INDICATOR: &str = "gdp";

/// Everything the `theil` chart shows, strings already in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct TheilView {
    pub lang: Lang,
    pub year: i32,
    pub title: String,
    pub legend_between: String,
    pub legend_within: String,
    /// Theil T by level, Theil L by level, T by metro area, L by metro area
    /// (the by-level pair only without a level filter).
    pub rows: Vec<TheilRow>,
    /// Zones left out for a missing value, by name.
    pub missing: Vec<String>,
    pub missing_text: String,
    pub empty_text: String,
    pub summary: String,
}

/// One index split by one grouping.
#[derive(Debug, Clone, PartialEq)]
pub struct TheilRow {
    /// "按级别 · 泰尔T指数" / "By level · Theil T".
    pub label: String,
    pub kind: TheilKind,
    /// "级别" / "levels": what the groups are, for sentences.
    pub grouping: String,
    /// `None` when the index is undefined (Theil L with a zone at 0).
    pub total: Option<f64>,
    pub between: f64,
    pub groups: Vec<TheilGroupRow>,
    /// The line under the bar: the groups' sizes and shares of GDP.
    pub note: String,
    /// Shown instead of a bar when `total` is `None`.
    pub missing_text: String,
}

/// One group of a split.
#[derive(Debug, Clone, PartialEq)]
pub struct TheilGroupRow {
    pub name: String,
    pub zones: usize,
    /// Share of the zones and of the GDP.
    pub population_share: f64,
    pub value_share: f64,
    /// The index within the group alone.
    pub theil: Option<f64>,
    /// Its term of the within part.
    pub within_contribution: f64,
}

/// One segment of a bar, in drawing order: the between part, then each
/// group's within part.
#[derive(Debug, Clone, PartialEq)]
pub struct TheilSegment {
    /// `None`: the between part; `Some(g)`: group g's within part.
    pub group: Option<usize>,
    pub value: f64,
    /// Share of the row's total.
    pub share: f64,
    /// What a tooltip says.
    pub label: String,
}

impl TheilRow {
    /// The bar's segments in drawing order (empty without a total).
    pub fn segments(&self, lang: Lang) -> Vec<TheilSegment> {
        let Some(total) = self.total.filter(|t| *t > 0.0) else {
            return Vec::new();
        };
        let share = |v: f64| v / total;
        let mut segments = vec![TheilSegment {
            group: None,
            value: self.between,
            share: share(self.between),
            label: match lang {
                Lang::Zh => format!(
                    "{}：组间差距{}，占{}",
                    self.label,
                    Fixed(self.between, 3),
                    percent(share(self.between), 0)
                ),
                Lang::En => format!(
                    "{}: between {} {}, {} of the total",
                    self.label,
                    self.grouping,
                    Fixed(self.between, 3),
                    percent(share(self.between), 0)
                ),
            },
        }];
        for (g, group) in self.groups.iter().enumerate() {
            let within = group
                .theil
                .map_or_else(String::new, |t| Fixed(t, 3).to_string());
            segments.push(TheilSegment {
                group: Some(g),
                value: group.within_contribution,
                share: share(group.within_contribution),
                label: match lang {
                    Lang::Zh => format!(
                        "{}：{}内部差距贡献{}，占{}（{}家，GDP占{}，组内指数{within}）",
                        self.label,
                        group.name,
                        Fixed(group.within_contribution, 3),
                        percent(share(group.within_contribution), 0),
                        group.zones,
                        percent(group.value_share, 1),
                    ),
                    Lang::En => format!(
                        "{}: within {} {}, {} of the total ({} {}, {} of GDP, index within {within})",
                        self.label,
                        group.name,
                        Fixed(group.within_contribution, 3),
                        percent(share(group.within_contribution), 0),
                        group.zones,
                        crate::format::en_agree(group.zones, "zone", "zones"),
                        percent(group.value_share, 1),
                    ),
                },
            });
        }
        segments
    }

    /// The within part: total − between.
    pub fn within(&self) -> Option<f64> {
        self.total.map(|t| {
            self.groups
                .iter()
                .map(|g| g.within_contribution)
                .sum::<f64>()
                .min(t)
        })
    }
}

impl TheilView {
    /// Builds the view of `year` over the zones of `level` (all main zones
    /// when `None`).
    pub fn build(context: &Context) -> TheilView {
        let (dataset, state) = (context.dataset, context.state);
        let (year, level, lang) = (state.year, state.level, state.lang);
        let (zones, missing) = level_values(dataset, INDICATOR, year, state, |_| true, lang);
        let values: Vec<f64> = zones.iter().map(|z| z.1).collect();
        let level_labels: Vec<&str> = zones
            .iter()
            .filter_map(|(i, _)| dataset.zones.get(*i))
            .map(|z| z.level.as_str())
            .collect();
        let area_labels: Vec<String> = zones
            .iter()
            .filter_map(|(i, _)| dataset.zones.get(*i))
            .map(|z| {
                z.metro_area
                    .and_then(|a| dataset.metro_areas.get(a))
                    .map_or_else(
                        || lang.pick("不属于任何区域", "outside the areas").to_string(),
                        |a| a.name.shown(lang),
                    )
            })
            .collect();

        let level_name = |id: &&str| match *id {
            "national" => Level::National.label(lang).to_string(),
            "regional" => Level::Regional.label(lang).to_string(),
            other => other.to_string(),
        };
        let mut rows = Vec::new();
        let groupings: Vec<(&str, &str, Vec<usize>, Vec<String>)> = {
            let mut g = Vec::new();
            if level.is_none() {
                let (ids, names) = group_ids(&level_labels);
                g.push((
                    lang.pick("按级别", "By level"),
                    lang.pick("级别", "levels"),
                    ids,
                    names.iter().map(level_name).collect(),
                ));
            }
            let (ids, names) = group_ids(&area_labels);
            g.push((
                lang.pick("按区域", "By area"),
                lang.pick("区域", "areas"),
                ids,
                names,
            ));
            g
        };
        for (grouping_label, grouping, ids, names) in &groupings {
            for (kind, kind_label) in [
                (TheilKind::T, lang.pick("泰尔T指数", "Theil T")),
                (TheilKind::L, lang.pick("泰尔L指数", "Theil L")),
            ] {
                let split = theil_decomposition(&values, ids, kind);
                rows.push(row(
                    split.as_ref(),
                    format!("{grouping_label} · {kind_label}"),
                    kind,
                    grouping,
                    names,
                    lang,
                ));
            }
        }
        let missing_text = left_out("GDP", "GDP", &missing, lang);
        let who = match (level, lang) {
            (None, _) => String::new(),
            (Some(l), Lang::Zh) => l.label(lang).to_string(),
            (Some(l), Lang::En) => format!(", {} zones", l.label(lang)),
        };
        let title = match lang {
            Lang::Zh => format!("{who}高新区GDP差距的分解：组间与组内（{year}年）"),
            Lang::En => format!("GDP imbalance between and within groups{who} ({year})"),
        };
        let mut view = TheilView {
            lang,
            year,
            title,
            legend_between: lang.pick("组间差距", "between groups").into(),
            legend_within: lang.pick("组内差距（各组）", "within groups (each)").into(),
            rows,
            missing,
            missing_text,
            empty_text: lang.pick("没有可分解的数据", "No data to split").into(),
            summary: String::new(),
        };
        view.summary = summary(&view, values.len());
        view
    }

    /// [`Self::table`], written whole: a few rows.
    pub fn rows(&self) -> Rows<'_> {
        Rows::written(self.table())
    }

    /// Every split as a table: one line per row and part.
    pub fn table(&self) -> Table {
        let lang = self.lang;
        let columns = [
            lang.pick("指数与分组", "Index and grouping"),
            lang.pick("部分", "Part"),
            lang.pick("数值", "Value"),
            lang.pick("占总体", "Share of the total"),
            lang.pick("高新区数", "Zones"),
            lang.pick("GDP占比", "Share of GDP"),
        ];
        let mut rows = Vec::new();
        for row in &self.rows {
            let Some(total) = row.total else {
                rows.push(vec![
                    row.label.clone(),
                    row.missing_text.clone(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]);
                continue;
            };
            rows.push(vec![
                row.label.clone(),
                lang.pick("总体", "total").into(),
                Fixed(total, 3).to_string(),
                "100%".into(),
                row.groups
                    .iter()
                    .map(|g| g.zones)
                    .sum::<usize>()
                    .to_string(),
                "100%".into(),
            ]);
            for segment in row.segments(lang) {
                let (part, zones, value_share) = match segment.group.and_then(|g| row.groups.get(g))
                {
                    None => (self.legend_between.clone(), String::new(), String::new()),
                    Some(g) => (
                        match lang {
                            Lang::Zh => format!("{}内部", g.name),
                            Lang::En => format!("within {}", g.name),
                        },
                        g.zones.to_string(),
                        percent(g.value_share, 1),
                    ),
                };
                rows.push(vec![
                    row.label.clone(),
                    part,
                    Fixed(segment.value, 3).to_string(),
                    percent(segment.share, 1),
                    zones,
                    value_share,
                ]);
            }
        }
        Table {
            caption: self.title.clone(),
            columns: headings(&columns),
            rows,
        }
    }
}

fn row(
    split: Option<&TheilDecomposition>,
    label: String,
    kind: TheilKind,
    grouping: &str,
    names: &[String],
    lang: Lang,
) -> TheilRow {
    let groups: Vec<TheilGroupRow> = split
        .map(|s| {
            s.groups
                .iter()
                .map(|g| TheilGroupRow {
                    name: names.get(g.group).cloned().unwrap_or_default(),
                    zones: g.zones,
                    population_share: g.population_share,
                    value_share: g.value_share,
                    theil: g.theil,
                    within_contribution: g.within_contribution,
                })
                .collect()
        })
        .unwrap_or_default();
    let note = groups
        .iter()
        .map(|g| match lang {
            Lang::Zh => format!(
                "{}{}家，GDP占{}",
                g.name,
                g.zones,
                percent(g.value_share, 0)
            ),
            Lang::En => format!(
                "{}: {} {}, {} of GDP",
                g.name,
                g.zones,
                crate::format::en_agree(g.zones, "zone", "zones"),
                percent(g.value_share, 0)
            ),
        })
        .collect::<Vec<_>>()
        .join(lang.pick("；", "; "));
    let missing_text = match kind {
        TheilKind::L => lang.pick(
            "无法计算（有高新区的值为0或缺少数据）",
            "undefined (a zone has 0, or no data)",
        ),
        TheilKind::T => lang.pick("无法计算（缺少数据）", "undefined (no data)"),
    };
    TheilRow {
        label,
        kind,
        grouping: grouping.to_string(),
        total: split.map(|s| s.total),
        between: split.map_or(0.0, |s| s.between),
        groups,
        note,
        missing_text: missing_text.into(),
    }
}

/// The between share of each split, with the groups' shares of GDP.
fn summary(view: &TheilView, zones: usize) -> String {
    let lang = view.lang;
    let year = view.year;
    let t_rows: Vec<&TheilRow> = view
        .rows
        .iter()
        .filter(|r| r.kind == TheilKind::T && r.total.is_some_and(|t| t > 0.0))
        .collect();
    let Some(first) = t_rows.first() else {
        let mut text = format!("{}{}", view.empty_text, lang.pick("。", "."));
        if !view.missing_text.is_empty() {
            text.push_str(lang.pick("", " "));
            text.push_str(&view.missing_text);
            text.push_str(lang.pick("。", "."));
        }
        return text;
    };
    let total = first.total.unwrap_or_default();
    let zones = crate::format::grouped(zones as f64, 0);
    let parts: Vec<String> = t_rows
        .iter()
        .filter_map(|r| {
            let share = r.between / r.total?;
            Some(match lang {
                Lang::Zh => format!(
                    "{}之间的差距占{}，{}内部占{}",
                    r.grouping,
                    percent(share, 0),
                    r.grouping,
                    percent(1.0 - share, 0)
                ),
                Lang::En => format!(
                    "{} lies between {} and {} within them",
                    percent(share, 0),
                    r.grouping,
                    percent(1.0 - share, 0)
                ),
            })
        })
        .collect();
    let groups = first
        .groups
        .iter()
        .map(|g| match lang {
            Lang::Zh => format!(
                "{}{}家占高新区数的{}、GDP的{}",
                g.name,
                crate::format::grouped(g.zones as f64, 0),
                percent(g.population_share, 0),
                percent(g.value_share, 0)
            ),
            Lang::En => format!(
                "the {} {} {} {} of the zones and {} {} of the GDP",
                crate::format::grouped(g.zones as f64, 0),
                g.name,
                crate::format::en_agree(g.zones, "zone is", "zones are"),
                percent(g.population_share, 0),
                crate::format::en_agree(g.zones, "produces", "produce"),
                percent(g.value_share, 0)
            ),
        })
        .collect::<Vec<_>>()
        .join(lang.pick("，", "; "));
    let mut text = match lang {
        Lang::Zh => format!(
            "{year}年{zones}家高新区GDP的泰尔T指数为{total}：{}。{groups}。泰尔L指数的分解见表。",
            parts.join("；"),
            total = Fixed(total, 2),
        ),
        Lang::En => format!(
            "In {year} the Theil T of GDP over the {zones} zones is {total}: {}. {}. The table gives the Theil L split too.",
            parts.join("; "),
            crate::format::capitalised(&groups),
            total = Fixed(total, 2),
        ),
    };
    if !view.missing_text.is_empty() {
        text.push_str(lang.pick("", " "));
        text.push_str(&view.missing_text);
        text.push_str(lang.pick("。", "."));
    }
    text
}

#[cfg(test)]
mod tests;
