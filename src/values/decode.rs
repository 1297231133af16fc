//! Bytes to text to CSV records: the table must be UTF-8 (a BOM is dropped:
//! `model::encoding`, the rule of every file the tools read),
//! and a record the `csv` crate cannot read is a problem, not the end.

use super::problem::{text_found, Report, SheetKind};
use super::{Record, Records, Unparsed};
use crate::model::encoding::{self, Guess};
use crate::model::limits::MAX_OBSERVATIONS;

/// The table's text without its BOM (the rule of every file the tools read,
/// `model::encoding`); `None`, with a `not_utf8` problem at the line of the
/// first bad byte and the encoding it likely is, when it is not UTF-8 (GBK
/// from a Chinese Excel's plain "CSV", UTF-16 from "Unicode text").
pub fn text<'a>(csv_bytes: &'a [u8], report: &mut Report) -> Option<&'a str> {
    let bad = match encoding::decode(csv_bytes) {
        Ok(text) => return Some(text),
        Err(bad) => bad,
    };
    let found = match bad.guess {
        Guess::Utf16 if bad.byte == 0 => ("UTF-16 text".into(), "UTF-16 编码的文本".into()),
        guess => (
            format!(
                "bytes that are not UTF-8 at byte {}{}",
                bad.byte,
                guess.name().map_or(String::new(), |g| format!(" ({g}?)"))
            ),
            format!(
                "第 {} 字节处不是 UTF-8 编码{}",
                bad.byte,
                guess
                    .name()
                    .map_or(String::new(), |g| format!("（可能是 {g}）"))
            ),
        ),
    };
    report.at(
        bad.line,
        None,
        SheetKind::NotUtf8,
        (
            "UTF-8 text (CSV UTF-8)".into(),
            "UTF-8 编码的文本（CSV UTF-8）".into(),
        ),
        found,
    );
    None
}

/// A table with more rows than a dataset may hold observations is refused
/// before any row is read into one: a first pass counts the records, held
/// one at a time in one buffer (2,000,000 rows read as observations took
/// 4 GB). `false`, with a `too_many_rows` problem at the first row over the
/// limit, for such a table.
pub fn within_row_limit(text: &str, report: &mut Report) -> bool {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::ByteRecord::new();
    let mut rows = 0usize;
    while let Ok(true) = reader.read_byte_record(&mut record) {
        if record.iter().all(|c| c.trim_ascii().is_empty()) {
            continue;
        }
        rows += 1;
        // The header is a row of the file, not an observation.
        if rows > MAX_OBSERVATIONS + 1 {
            let line = record.position().map_or(0, |p| p.line() as usize);
            report.at(
                line,
                None,
                SheetKind::TooManyRows,
                (
                    format!("at most {MAX_OBSERVATIONS} rows"),
                    format!("最多 {MAX_OBSERVATIONS} 行"),
                ),
                ("more".into(), "更多".into()),
            );
            return false;
        }
    }
    true
}

/// The table's records, read without a header (the header is checked as a
/// row) and of any length (a wrong count is reported per row).
pub fn records(text: &str) -> Records<'_> {
    let records = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .into_records()
        .map(|r| match r {
            Ok(r) => Ok(Record {
                line: r.position().map_or(0, |p| p.line() as usize),
                cells: r.iter().map(str::to_string).collect(),
                troubles: Vec::new(),
            }),
            Err(e) => Err(Unparsed {
                line: e.position().map_or(0, |p| p.line() as usize),
                what: e.to_string(),
            }),
        });
    Box::new(records)
}

/// A record the `csv` crate could not read.
pub fn invalid_csv(report: &mut Report, e: &Unparsed) {
    report.at(
        e.line,
        None,
        SheetKind::InvalidCsv,
        ("a CSV table".into(), "CSV 表格".into()),
        text_found(&e.what),
    );
}
