//! The data tab: every zone's values in a year, with where each comes from,
//! and the sources.

use serde::Serialize;

use crate::format;
use crate::i18n::Lang;
use crate::model::{Dataset, Status};

use super::Table;

/// The zones × indicators table of one year. Each value carries its status as
/// a suffix ("1,234.5 示意"), a missing value says so: nothing is left blank.
pub fn zone_table(dataset: &Dataset, year: i32, lang: Lang) -> Table {
    let mut columns = vec![
        lang.pick("高新区", "Zone").to_string(),
        lang.pick("级别", "Level").to_string(),
        lang.pick("面积（平方公里）", "Land (km²)").to_string(),
    ];
    for (i, indicator) in dataset.indicators.iter().enumerate() {
        let unit = dataset.unit_label(i, lang);
        let name = indicator.name.get(lang);
        columns.push(match (unit.is_empty(), lang) {
            (true, _) => name.to_string(),
            (false, Lang::Zh) => format!("{name}（{unit}）"),
            (false, Lang::En) => format!("{name} ({unit})"),
        });
    }
    let rows = dataset
        .zones
        .iter()
        .enumerate()
        .map(|(z, zone)| {
            let mut row = vec![
                zone.name.get(lang).to_string(),
                zone.level.label(lang).to_string(),
                format::grouped(zone.land_km2, 2),
            ];
            for i in 0..dataset.indicators.len() {
                let column = dataset.column_at(i, year);
                let value = column.and_then(|c| c.values.get(z).copied().flatten());
                let status = column.and_then(|c| c.status.get(z).copied().flatten());
                row.push(cell(value, status, lang));
            }
            row
        })
        .collect();
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
mod tests {
    use super::*;
    use crate::model::load;
    use crate::views::Table;

    #[test]
    fn zone_table_has_every_zone_and_indicator() {
        let dataset = load(include_str!("../../www/data/zones.json"))
            .expect("valid")
            .dataset;
        let table = zone_table(&dataset, 2022, Lang::Zh);
        assert_eq!(table.rows.len(), dataset.zones.len());
        assert_eq!(table.columns.len(), 3 + dataset.indicators.len());
        assert!(table.rows.iter().all(|r| r.len() == table.columns.len()));
        // Zone-level values of the bundled data are illustrative, and say so.
        assert!(table.rows[0][3].ends_with("示意"), "{}", table.rows[0][3]);
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        // Worked by hand from RFC 4180.
        let table = Table {
            caption: "ignored".into(),
            columns: vec!["name".into(), "value".into()],
            rows: vec![
                vec!["a, \"b\"".into(), "1,234".into()],
                vec!["高新区".into(), "5".into()],
            ],
        };
        assert_eq!(
            table.to_csv(),
            "\u{feff}name,value\r\n\"a, \"\"b\"\"\",\"1,234\"\r\n高新区,5\r\n"
        );
    }

    #[test]
    fn csv_defuses_formulas_but_keeps_negative_numbers() {
        // Worked by hand: a zone named "=HYPERLINK(1)" must not run in a
        // spreadsheet; "-12.5" is a number and stays one.
        let table = Table {
            caption: String::new(),
            columns: vec!["name".into(), "change".into()],
            rows: vec![
                vec!["=HYPERLINK(1)".into(), "-12.5".into()],
                vec!["@SUM".into(), "-x".into()],
                vec!["+1".into(), "+".into()],
            ],
        };
        assert_eq!(
            table.to_csv(),
            "\u{feff}name,change\r\n'=HYPERLINK(1),-12.5\r\n'@SUM,'-x\r\n'+1,'+\r\n"
        );
    }
}
