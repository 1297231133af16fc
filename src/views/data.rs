//! The data tab: every zone's values in a year, with where each comes from,
//! and the sources.

use serde::Serialize;

use crate::format;
use crate::i18n::Lang;
use crate::model::{Dataset, ValueKind, Zone};

use super::Rows;
#[cfg(test)]
use super::{Table, TablePage};

/// The zones × indicators table of one year, each row written when asked
/// for (the tab shows a page of 25: at 2,000 zones × 30 indicators that is
/// some 1,600 cells instead of 120,000; the CSV has every row). Each indicator
/// has two columns: its value, a number a spreadsheet reads as one
/// (written with one number of decimals for the whole column, worked out
/// from every zone's values; shares as percentages), and the value's
/// status (公布 / 推算 / 示意). A missing value leaves the number empty and
/// says so in the status: nothing is left unexplained. A zone's sub-parks
/// (一区多园) follow it, each with its land and its figures said to be
/// counted in the zone, as the report counts them.
pub fn zone_rows(dataset: &Dataset, year: i32, lang: Lang) -> Rows<'_> {
    let mut columns = vec![
        lang.pick("高新区", "Zone").to_string(),
        lang.pick("级别", "Level").to_string(),
        lang.pick("面积（平方千米）", "Land (km²)").to_string(),
    ];
    let land: Vec<f64> = dataset
        .zones
        .iter()
        .chain(&dataset.sub_parks)
        .map(|z| z.land_km2)
        .collect();
    let land_places = places(&land);
    // Per indicator: its column, the factor its values are shown with
    // (100 for a share, as a percentage) and its number of decimals.
    let mut shown = Vec::new();
    for (i, indicator) in dataset.indicators.iter().enumerate() {
        let column = dataset.column_at(i, year);
        let share = indicator.kind == ValueKind::Share;
        let unit = if share {
            "%".to_string()
        } else {
            super::figures::unit_label(dataset, i, lang)
        };
        let name = indicator.name.shown(lang);
        columns.push(super::figures::with_unit(&name, &unit, lang));
        columns.push(match lang {
            Lang::Zh => format!("{name}·状态"),
            Lang::En => format!("{name}: status"),
        });
        let factor = if share { 100.0 } else { 1.0 };
        let values: Vec<f64> = column
            .map(|c| c.values.iter().flatten().map(|v| v * factor).collect())
            .unwrap_or_default();
        let decimals = if indicator.kind == ValueKind::Count {
            0
        } else {
            places(&values)
        };
        shown.push((column, factor, decimals));
    }
    // The rows: each zone, then its sub-parks in the file's order.
    let zones = dataset.zones.len();
    let mut order: Vec<(usize, Option<&Zone>)> = Vec::new();
    for z in 0..zones {
        order.push((z, None));
        order.extend(dataset.sub_parks_of(z).map(|park| (z, Some(park))));
    }
    let caption = match lang {
        Lang::Zh => format!("各高新区{year}年数据（每项数值旁为其状态：公布、推算或示意）"),
        Lang::En => format!(
            "The zones' values in {year} (beside each value, its status: reported, derived or illustrative)"
        ),
    };
    let len = order.len();
    Rows::new(
        &caption,
        columns,
        len,
        Box::new(move |i: usize| {
            let (z, park) = order[i];
            let zone = &dataset.zones[z];
            let Some(park) = park else {
                let mut row = vec![
                    zone.name.shown(lang),
                    zone.level.label(lang).to_string(),
                    format::grouped(zone.land_km2, land_places),
                ];
                for &(column, factor, decimals) in &shown {
                    let value = column.and_then(|c| c.values.get(z).copied().flatten());
                    let status = column.and_then(|c| c.status.get(z).copied().flatten());
                    row.push(
                        value.map_or(String::new(), |v| format::grouped(v * factor, decimals)),
                    );
                    row.push(match (value, status) {
                        (Some(_), Some(s)) => s.label(lang).to_string(),
                        (Some(_), None) => String::new(),
                        (None, Some(_)) => lang.pick("缺失（null）", "missing (null)").to_string(),
                        (None, None) => lang.pick("无记录", "no row").to_string(),
                    });
                }
                return row;
            };
            let counted = match lang {
                Lang::Zh => format!("计入{}", zone.name.shown(lang)),
                Lang::En => format!("counted in {}", zone.name.shown(lang)),
            };
            let mut row = vec![
                format!("└ {}", park.name.shown(lang)),
                park.level.label(lang).to_string(),
                format::grouped(park.land_km2, land_places),
            ];
            // No value of its own: the number empty, the status says where it is counted.
            for _ in &shown {
                row.extend([String::new(), counted.clone()]);
            }
            row
        }),
    )
}

/// Every row of [`zone_rows`] (the tests' whole table; the CSV goes
/// through `Widget::export_csv("data")`).
#[cfg(test)]
pub fn zone_table(dataset: &Dataset, year: i32, lang: Lang) -> Table {
    zone_rows(dataset, year, lang).table()
}

/// [`zone_rows`]' rows `from..from + count` only (a `from` past the end
/// gives the last page, [`page_start`](super::page_start)), for the tests.
#[cfg(test)]
pub fn zone_table_page(
    dataset: &Dataset,
    year: i32,
    lang: Lang,
    from: usize,
    count: usize,
) -> TablePage {
    zone_rows(dataset, year, lang).page(from, count)
}

/// The fewest decimals (0 to 3) that write every one of `values` exactly
/// (to three places): 3,054 and 1,107.3 in one column are 3,054.0 and 1,107.3.
fn places(values: &[f64]) -> usize {
    let exact = |v: f64, p: i32| {
        let scaled = v * 10f64.powi(p);
        (scaled - scaled.round()).abs() < 1e-6
    };
    (0..3)
        .find(|&p| values.iter().all(|&v| exact(v, p as i32)))
        .unwrap_or(3)
}

/// A source as the sources panel lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceRow {
    pub id: String,
    pub title: String,
    pub date: String,
    /// The file's kind (`report`, `policy`, ...), for scripts.
    pub kind: String,
    /// The kind in the reader's language: "报告" / "the report".
    pub kind_label: &'static str,
    /// What a source of this kind is to the widget, in one sentence.
    pub about: &'static str,
}

/// A source kind (docs/DATA.md, `meta.sources`) as a reader calls it, and
/// what such a source is here: `(kind, zh, en, zh about, en about)`.
const KINDS: &[(&str, &str, &str, &str, &str)] = &[
    ("report", "报告", "report", "本组件核对的调研报告：各项说法和公布数字出自这里。", "The study this widget checks: its claims and reported figures come from here."),
    ("policy", "政策文件", "policy document", "评价体系所依据的文件：维度、指标和权重出自这里。", "The document the evaluation system follows: its dimensions, indicators and weights come from here."),
    ("news", "新闻报道", "news report", "公开报道中的数字。", "Figures from a published news report."),
    ("statistics", "统计资料", "statistics", "官方公布的统计数字。", "Official published statistics."),
    ("generated", "生成的示意数据", "generated illustrative data", "园区层面的数值是生成的示意值，不是官方统计；概览核对报告的说法与它们是否相符。", "Zone-level values generated for illustration, not official statistics; the overview checks the report's claims against them."),
];

pub fn sources(dataset: &Dataset, lang: Lang) -> Vec<SourceRow> {
    dataset
        .meta
        .sources
        .iter()
        .map(|s| {
            let kind = KINDS.iter().find(|k| k.0 == s.kind);
            let (kind_label, about) = kind.map_or(("", ""), |&(_, zh, en, zh_about, en_about)| {
                (lang.pick(zh, en), lang.pick(zh_about, en_about))
            });
            SourceRow {
                id: s.id.clone(),
                title: s.title.get(lang).to_string(),
                date: s.date.clone(),
                kind: s.kind.clone(),
                kind_label,
                about,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
