//! Bytes to text to CSV records: the table must be UTF-8 (a BOM is dropped),
//! and a record the `csv` crate cannot read is a problem, not the end.

use super::problem::{text_found, Report, SheetKind};
use zone_monitor::model::encoding::{self, Guess};

/// The records of a table, blank ones included, the header first.
pub type Records<'a> = csv::StringRecordsIntoIter<&'a [u8]>;

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

/// The table's records, read without a header (the header is checked as a
/// row) and of any length (a wrong count is reported per row).
pub fn records(text: &str) -> Records<'_> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .into_records()
}

/// A record the `csv` crate could not read.
pub fn invalid_csv(report: &mut Report, e: &csv::Error) {
    let line = e.position().map_or(0, |p| p.line() as usize);
    let what = e.to_string();
    report.at(
        line,
        None,
        SheetKind::InvalidCsv,
        ("a CSV table".into(), "CSV 表格".into()),
        text_found(&what),
    );
}
