//! `export-values` and `import-values`, and the studio page's import: a
//! dataset's observations as a long table a spreadsheet opens (one row per
//! zone, indicator and year), as CSV or XLSX, and back.
//!
//! [`export`] writes the CSV template, [`template::xlsx`] the XLSX one (the
//! values, and read-only sheets of the valid zones, indicators and sources);
//! [`import`] reads a table (CSV, or the values sheet of an XLSX workbook)
//! into a copy of a base file and reports every problem at once as
//! [`SheetProblem`]s: the table's own (sheet, row and column, what was
//! expected, what was found, the fix, in Chinese and English like the
//! validator's; their kinds are [`problem::SheetKind`]), then the
//! validator's on the result, its `observations[i]` paths turned back into
//! the row they came from.
//!
//! An import is a pipeline, one module a step: `decode` (CSV bytes to
//! records) or `xlsx` (a workbook's values sheet to records), `header`,
//! `rows` (cells to observations), `rewrite` (the rows onto the base file),
//! `revalidate` (the validator on the result).
//!
//! One implementation for the command-line tool and the studio's wasm
//! (feature `studio`); the widget's wasm never carries it. It reads the base
//! file with `serde_json::Value` to rewrite it (the library's compact
//! document is read-only); the result is checked by `model::load` like any
//! other file.

mod decode;
mod export;
pub mod forms;
mod header;
mod problem;
mod revalidate;
mod rewrite;
mod rows;
pub mod template;
pub mod words;
mod xlsx;

use crate::i18n::Lang;
use crate::model;
use serde_json::Value;

pub use export::export;
use problem::Report;
pub use problem::{SheetKind, SheetProblem};

/// One row of the table as read: its number (the CSV's line, or the sheet's
/// row, 1 the first), its cells as text, and what the reader could not turn
/// into text (an XLSX cell formatted as a date, a formula error), reported
/// at the row's cell once the header has named the columns.
pub struct Record {
    pub line: usize,
    pub cells: Vec<String>,
    pub troubles: Vec<Trouble>,
}

/// A cell the reader could not read as text: its index in the row, its kind,
/// what was found in English and Chinese.
pub struct Trouble {
    pub index: usize,
    pub kind: SheetKind,
    pub found: (String, String),
}

impl Record {
    fn is_blank(&self) -> bool {
        self.troubles.is_empty() && self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// A record the reader could not read at all (the `csv` crate's error), at
/// its line.
pub struct Unparsed {
    pub line: usize,
    pub what: String,
}

/// The records of a table, blank ones included, the header first.
pub type Records<'a> = Box<dyn Iterator<Item = Result<Record, Unparsed>> + 'a>;

/// The UTF-8 byte order mark: Excel reads a CSV as UTF-8 only when it starts
/// with one (otherwise as the system's code page, GBK on a Chinese Windows).
use model::encoding::BOM;

/// The table's columns, in the template's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Zone,
    Indicator,
    Year,
    Value,
    Status,
    Source,
}

const COLUMNS: [Column; 6] = [
    Column::Zone,
    Column::Indicator,
    Column::Year,
    Column::Value,
    Column::Status,
    Column::Source,
];

impl Column {
    fn en(self) -> &'static str {
        match self {
            Column::Zone => "zone",
            Column::Indicator => "indicator",
            Column::Year => "year",
            Column::Value => "value",
            Column::Status => "status",
            Column::Source => "source",
        }
    }

    fn zh(self) -> &'static str {
        match self {
            Column::Zone => "园区",
            Column::Indicator => "指标",
            Column::Year => "年份",
            Column::Value => "数值",
            Column::Status => "状态",
            Column::Source => "来源",
        }
    }

    /// A header cell as written: the English name (any case) or the Chinese.
    fn from_header(cell: &str) -> Option<Column> {
        let cell = cell.trim();
        COLUMNS
            .into_iter()
            .find(|c| cell.eq_ignore_ascii_case(c.en()) || cell == c.zh())
    }

    fn required(self) -> bool {
        !matches!(self, Column::Status | Column::Source)
    }

    /// The JSON field of an observation this column fills.
    fn field(self) -> &'static str {
        self.en()
    }
}

const STATUSES: [&str; 3] = ["reported", "derived", "illustrative"];

/// What `export-values` and `import-values` cannot even start on (exit 2),
/// in Chinese and English: the studio shows it to either reader.
pub struct Unreadable {
    pub zh: String,
    pub en: String,
}

impl Unreadable {
    fn new(zh: String, en: String) -> Unreadable {
        Unreadable { zh, en }
    }

    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

/// Reads a base file as JSON, for both commands.
fn parse_base(name: &str, text: &str) -> Result<Value, Unreadable> {
    serde_json::from_str(text).map_err(|e| {
        Unreadable::new(
            format!(
                "无法读取 {name}：不是有效的 JSON（第 {} 行第 {} 列）；运行 \"zone-monitor validate {name}\" 查看原因",
                e.line(),
                e.column()
            ),
            format!(
                "cannot read {name}: not valid JSON ({e}); `zone-monitor validate {name}` explains"
            ),
        )
    })
}

/// The ids a row may name, from the base file, in its order.
struct BaseIds {
    zones: Vec<String>,
    indicators: Vec<String>,
    sources: Vec<String>,
}

impl BaseIds {
    fn of(base: &Value) -> BaseIds {
        BaseIds {
            zones: ids(base.get("zones")),
            indicators: ids(base.get("indicators")),
            sources: ids(base.get("meta").and_then(|m| m.get("sources"))),
        }
    }
}

/// The ids of a list of the base file (`zones`, `indicators`,
/// `meta.sources`), in its order.
fn ids(list: Option<&Value>) -> Vec<String> {
    list.and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i.get("id").and_then(Value::as_str).map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// What an import found: every problem, and the new file's text when it has
/// no error.
pub struct Imported {
    pub problems: Vec<SheetProblem>,
    pub rows: usize,
    pub dataset: Option<String>,
    /// Every row read, the header first, as (line, cells).
    pub lines: Vec<(usize, Vec<String>)>,
}

impl Imported {
    /// A table that could not be read past its bytes or its header.
    fn unread(report: Report) -> Imported {
        Imported {
            problems: report.problems,
            rows: 0,
            dataset: None,
            lines: report.lines,
        }
    }
}

/// `import-values`: BASE with its values replaced by the table's rows,
/// written as `series` (the compact form; the rows are checked as
/// `observations`, whose paths lead back to the table's lines).
/// `table` is a CSV's bytes or an XLSX workbook's (told apart by their
/// first bytes, not by a file name). `default_source` is the `--source`
/// option. The base must validate (warnings aside): an import is no way
/// round the validator (a field written twice would otherwise come out
/// once, silently).
pub fn import(
    base_name: &str,
    base_bytes: &[u8],
    table: &[u8],
    default_source: Option<&str>,
) -> Result<Imported, Unreadable> {
    if let Err(problems) = model::load_bytes(base_bytes) {
        let errors: Vec<&model::Problem> = problems.errors().collect();
        let first = |lang| errors.first().map_or(String::new(), |p| p.message(lang));
        return Err(Unreadable::new(
            format!(
                "无法导入到 {base_name}：该文件未通过检查（{} 个错误，第一个：{}）；\
                 请先修正：运行 \"zone-monitor validate {base_name}\" 列出全部错误",
                errors.len(),
                first(Lang::Zh),
            ),
            format!(
                "cannot import onto {base_name}: it does not validate ({} errors; the first: {}); \
                 fix it first: `zone-monitor validate {base_name}` lists them",
                errors.len(),
                first(Lang::En),
            ),
        ));
    }
    let base_text = model::encoding::decode(base_bytes).unwrap_or_default();
    let mut base = parse_base(base_name, base_text)?;
    let ids = BaseIds::of(&base);
    let mut report = Report::default();

    let mut records = if xlsx::is_workbook(table) {
        match xlsx::records(table, &mut report) {
            Some(r) => r,
            None => return Ok(Imported::unread(report)),
        }
    } else {
        let Some(text) = decode::text(table, &mut report) else {
            return Ok(Imported::unread(report));
        };
        if !decode::within_row_limit(text, &mut report) {
            return Ok(Imported::unread(report));
        }
        decode::records(text)
    };
    let Some(header) = header::read(&mut records, &ids.sources, default_source, &mut report) else {
        return Ok(Imported::unread(report));
    };
    let (rows, read) = rows::read(records, &header, &ids, default_source, &mut report);

    let table_ok = !report.has_errors();
    let text = rewrite::apply(&mut base, &rows)?;
    let (loads, problems) = revalidate::check(
        &text,
        table_ok,
        &rows,
        &report.columns,
        report.sheet.as_deref(),
    );
    report.problems.extend(problems);
    let dataset = match table_ok && loads {
        true => Some(rewrite::compact(&mut base)?),
        false => None,
    };
    Ok(Imported {
        problems: report.problems,
        rows: read,
        dataset,
        lines: report.lines,
    })
}
