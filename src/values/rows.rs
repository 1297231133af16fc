//! The rows: each cell read on its own, every problem kept; a row with none
//! becomes an observation.

use serde_json::{Map, Number, Value};

use super::decode::invalid_csv;
use super::header::Header;
use super::problem::{id_list, text_found, Report, SheetKind};
use super::{BaseIds, Column, Records, STATUSES};

/// One row of the table that read cleanly, as an observation.
pub struct Row {
    pub line: usize,
    pub observation: Value,
}

/// The rows after the header: those without a problem (none when the header
/// has one), and how many rows were read, blank ones not counted.
/// `default_source` is the `--source` option.
pub fn read(
    records: Records,
    header: &Header,
    ids: &BaseIds,
    default_source: Option<&str>,
    report: &mut Report,
) -> (Vec<Row>, usize) {
    let columns = report.columns.clone();
    let mut rows = Vec::new();
    let mut read = 0;
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                invalid_csv(report, &e);
                continue;
            }
        };
        if record.is_blank() {
            continue; // a blank row, as spreadsheets leave at the end
        }
        read += 1;
        let line = record.line;
        report.lines.push((line, record.cells.clone()));
        // A workbook's row is as wide as its sheet's used range: only a CSV
        // row can have another count of cells than its header.
        if record.cells.len() != header.width && report.sheet.is_none() {
            wrong_field_count(line, header.width, record.cells.len(), report);
            continue;
        }
        let before = report.problems.len();
        // The cells the reader could not read as text: not read further.
        let mut unreadable = Vec::new();
        for t in &record.troubles {
            unreadable.push(t.index);
            report.at_index(line, t.index, t.kind, t.kind.expected(), t.found.clone());
        }
        let get = |c: Column| {
            columns
                .iter()
                .find(|x| x.0 == c)
                .filter(|x| !unreadable.contains(&x.1))
                .map(|x| record.cells.get(x.1).map_or("", |s| s.trim()))
        };
        let mut observation = Map::new();
        let mut cells = Cells {
            line,
            observation: &mut observation,
            report,
        };
        if let Some(v) = get(Column::Zone) {
            cells.id(Column::Zone, v, &ids.zones);
        }
        if let Some(v) = get(Column::Indicator) {
            cells.id(Column::Indicator, v, &ids.indicators);
        }
        if let Some(v) = get(Column::Year) {
            cells.year(v);
        }
        if let Some(v) = get(Column::Value) {
            cells.value(v);
        }
        cells.status(get(Column::Status));
        cells.source(get(Column::Source), default_source, &ids.sources);
        if report.problems.len() == before && header.ok {
            rows.push(Row {
                line,
                observation: Value::Object(observation),
            });
        }
    }
    (rows, read)
}

fn wrong_field_count(line: usize, width: usize, found: usize, report: &mut Report) {
    report.at(
        line,
        None,
        SheetKind::WrongFieldCount,
        (
            format!("{width} cells, as in the header"),
            format!("{width} 个单元格（与第一行相同）"),
        ),
        (format!("{found} cells"), format!("{found} 个单元格")),
    );
}

/// The cells of one row going into its observation; a cell that cannot is
/// reported at the row's line.
struct Cells<'a> {
    line: usize,
    observation: &'a mut Map<String, Value>,
    report: &'a mut Report,
}

impl Cells<'_> {
    /// A zone or indicator: an id of the base file's `zones` or `indicators`.
    fn id(&mut self, c: Column, v: &str, list: &[String]) {
        let (kind, what) = if c == Column::Zone {
            (
                SheetKind::UnknownZone,
                ("a zone id of the base file", "基础文件中的园区标识"),
            )
        } else {
            (
                SheetKind::UnknownIndicator,
                ("an indicator id of the base file", "基础文件中的指标标识"),
            )
        };
        let (en, zh) = id_list(list);
        let expected = (format!("{}: {en}", what.0), format!("{}：{zh}", what.1));
        if v.is_empty() {
            let found = ("an empty cell".into(), "空单元格".into());
            self.report
                .at(self.line, Some(c), SheetKind::EmptyCell, expected, found);
        } else if !list.iter().any(|x| x == v) {
            let found = (format!("{v:?}"), format!("{v:?}"));
            self.report.at(self.line, Some(c), kind, expected, found);
        } else {
            self.observation
                .insert(c.field().into(), Value::String(v.into()));
        }
    }

    /// A year: digits only.
    fn year(&mut self, v: &str) {
        let year = if v.bytes().all(|b| b.is_ascii_digit()) {
            v.parse::<i64>().ok()
        } else {
            None
        };
        if let Some(y) = year {
            self.observation.insert("year".into(), y.into());
            return;
        }
        let (kind, found) = if v.is_empty() {
            (
                SheetKind::EmptyCell,
                ("an empty cell".into(), "空单元格".into()),
            )
        } else {
            (SheetKind::NotAYear, text_found(v))
        };
        self.report.at(
            self.line,
            Some(Column::Year),
            kind,
            (
                "a year, a whole number such as 2022".into(),
                "年份（整数，如 2022）".into(),
            ),
            found,
        );
    }

    /// A value: a plain number, or empty for null.
    fn value(&mut self, v: &str) {
        if v.is_empty() {
            self.observation.insert("value".into(), Value::Null);
        } else if let Some(n) = plain_number(v) {
            self.observation.insert("value".into(), Value::Number(n));
        } else if let Some(x) = out_of_range(v) {
            self.report.at(
                self.line,
                Some(Column::Value),
                SheetKind::NumberOutOfRange,
                (
                    "a number at most 1e308 in size that does not become 0".into(),
                    "绝对值不超过 10 的 308 次方、且不会变成 0 的数".into(),
                ),
                if x == 0.0 {
                    (
                        format!("{v}, which would be 0"),
                        format!("\"{v}\"，会变成 0"),
                    )
                } else {
                    (
                        format!("{v}, beyond the largest number"),
                        format!("\"{v}\"，超出最大值"),
                    )
                },
            );
        } else {
            self.report.at(
                self.line,
                Some(Column::Value),
                SheetKind::NotANumber,
                (
                    "a plain number such as 1234.5, or an empty cell for unknown".into(),
                    "数字（如 1234.5），未知则留空".into(),
                ),
                text_found(v),
            );
        }
    }

    /// A status of [`STATUSES`]; none or empty is `reported`.
    fn status(&mut self, cell: Option<&str>) {
        match cell {
            None | Some("") => {
                self.observation.insert("status".into(), "reported".into());
            }
            Some(v) if STATUSES.contains(&v) => {
                self.observation.insert("status".into(), v.into());
            }
            Some(v) => self.report.at(
                self.line,
                Some(Column::Status),
                SheetKind::UnknownStatus,
                (
                    format!(
                        "one of: {}, or an empty cell (reported)",
                        STATUSES.join(", ")
                    ),
                    format!(
                        "以下之一：{}，或留空（即 \"reported\"）",
                        STATUSES.map(|s| format!("{s:?}")).join("、")
                    ),
                ),
                text_found(v),
            ),
        }
    }

    /// A source of the base file's `meta.sources`: the cell's, or when it is
    /// empty `--source`'s.
    fn source(&mut self, cell: Option<&str>, default_source: Option<&str>, sources: &[String]) {
        match cell.filter(|s| !s.is_empty()).or(default_source) {
            None => {}
            Some(v) if sources.iter().any(|x| x == v) => {
                self.observation.insert("source".into(), v.into());
            }
            // An unknown --source is reported once, with the header.
            Some(_) if cell.map_or(true, str::is_empty) => {}
            Some(v) => {
                let (en, zh) = id_list(sources);
                self.report.at(
                    self.line,
                    Some(Column::Source),
                    SheetKind::UnknownSource,
                    (
                        format!("a source id of the base file: {en}"),
                        format!("基础文件中的来源标识：{zh}"),
                    ),
                    (format!("{v:?}"), format!("{v:?}")),
                );
            }
        }
    }
}

/// A number written plainly, as JSON writes one: `-12`, `0.5`, `1.2e3`.
/// Anything else (`1,234.5`, `12%`, `—`, `inf`) is not one: the table is the
/// operator's official figures, so nothing is guessed.
fn plain_number(s: &str) -> Option<Number> {
    let b = s.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    let mut whole = true;
    let mut count = digits(&mut i);
    if b.get(i) == Some(&b'.') {
        whole = false;
        i += 1;
        count += digits(&mut i);
    }
    if count == 0 {
        return None;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        whole = false;
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return None;
        }
    }
    if i != b.len() {
        return None;
    }
    if whole {
        if let Ok(n) = s.parse::<i64>() {
            return Some(n.into());
        }
    }
    s.parse::<f64>()
        .ok()
        .filter(|x| x.is_finite() && !(*x == 0.0 && has_nonzero_digit(s)))
        .and_then(Number::from_f64)
}

/// A plain number that an f64 cannot hold: it overflows (`1e400`, ∞) or a
/// nonzero one underflows to 0 (`1e-400`). `Some` of what it parses to.
fn out_of_range(s: &str) -> Option<f64> {
    // Digits, sign, point and exponent only: `inf` and `NaN` are words.
    if !s
        .bytes()
        .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b))
    {
        return None;
    }
    let x = s.parse::<f64>().ok()?;
    (x.is_infinite() || (x == 0.0 && has_nonzero_digit(s))).then_some(x)
}

/// Whether the mantissa (before any `e`) has a digit other than 0.
fn has_nonzero_digit(s: &str) -> bool {
    s.split(['e', 'E'])
        .next()
        .is_some_and(|m| m.bytes().any(|b| (b'1'..=b'9').contains(&b)))
}
