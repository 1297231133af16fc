//! The data tab: every zone's values in a year, with where each comes from,
//! and the sources.

use serde::Serialize;

use crate::format;
use crate::i18n::Lang;
use crate::model::{Dataset, Status};

use super::Table;

/// The zones × indicators table of one year. Each value carries its status as
/// a suffix ("1,234.5 示意"), a missing value says so: nothing is left blank.
/// A zone's sub-parks (一区多园) follow it, each with its land and its
/// figures said to be counted in the zone, as the report counts them.
pub fn zone_table(dataset: &Dataset, year: i32, lang: Lang) -> Table {
    let mut columns = vec![
        lang.pick("高新区", "Zone").to_string(),
        lang.pick("级别", "Level").to_string(),
        lang.pick("面积（平方公里）", "Land (km²)").to_string(),
    ];
    for (i, indicator) in dataset.indicators.iter().enumerate() {
        let unit = dataset.unit_label(i, lang);
        let name = indicator.name.shown(lang);
        columns.push(match (unit.is_empty(), lang) {
            (true, _) => name,
            (false, Lang::Zh) => format!("{name}（{unit}）"),
            (false, Lang::En) => format!("{name} ({unit})"),
        });
    }
    let mut rows = Vec::new();
    for (z, zone) in dataset.zones.iter().enumerate() {
        let mut row = vec![
            zone.name.shown(lang),
            zone.level.label(lang).to_string(),
            format::grouped(zone.land_km2, 2),
        ];
        for i in 0..dataset.indicators.len() {
            let column = dataset.column_at(i, year);
            let value = column.and_then(|c| c.values.get(z).copied().flatten());
            let status = column.and_then(|c| c.status.get(z).copied().flatten());
            row.push(cell(value, status, lang));
        }
        rows.push(row);
        let counted = match lang {
            Lang::Zh => format!("计入{}", zone.name.shown(lang)),
            Lang::En => format!("counted in {}", zone.name.shown(lang)),
        };
        for park in dataset.sub_parks_of(z) {
            let mut row = vec![
                format!("└ {}", park.name.shown(lang)),
                park.level.label(lang).to_string(),
                format::grouped(park.land_km2, 2),
            ];
            row.extend((0..dataset.indicators.len()).map(|_| counted.clone()));
            rows.push(row);
        }
    }
    let caption = match lang {
        Lang::Zh => {
            format!("各高新区{year}年数据（“示意”为示意值，“公布”为公布值，“推算”为推算值）")
        }
        Lang::En => {
            format!("The zones' values in {year} (each marked reported, derived or illustrative)")
        }
    };
    Table {
        caption,
        columns,
        rows,
    }
}

fn cell(value: Option<f64>, status: Option<Status>, lang: Lang) -> String {
    match (value, status) {
        (Some(v), Some(s)) => format!("{} {}", number(v), s.label(lang)),
        (Some(v), None) => number(v),
        (None, Some(_)) => lang.pick("缺失（null）", "missing (null)").to_string(),
        (None, None) => lang.pick("无记录", "no row").to_string(),
    }
}

fn number(value: f64) -> String {
    if (value - value.round()).abs() < 1e-9 {
        format::grouped(value, 0)
    } else {
        format::grouped(value, 2)
    }
}

/// A source as the sources panel lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceRow {
    pub id: String,
    pub title: String,
    pub date: String,
    pub kind: String,
}

pub fn sources(dataset: &Dataset, lang: Lang) -> Vec<SourceRow> {
    dataset
        .meta
        .sources
        .iter()
        .map(|s| SourceRow {
            id: s.id.clone(),
            title: s.title.get(lang).to_string(),
            date: s.date.clone(),
            kind: s.kind.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests;
