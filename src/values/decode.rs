//! Bytes to text to CSV records: the table must be UTF-8 (a BOM is dropped),
//! and a record the `csv` crate cannot read is a problem, not the end.

use super::problem::{text_found, Report, SheetKind};
use super::{Record, Records, Unparsed, BOM};

/// The table's text without its BOM; `None`, with a `not_utf8` problem at the
/// line of the first bad byte, when it is not UTF-8 (GBK from a Chinese
/// Excel's plain "CSV").
pub fn text<'a>(csv_bytes: &'a [u8], report: &mut Report) -> Option<&'a str> {
    match std::str::from_utf8(csv_bytes) {
        Ok(t) => Some(t.strip_prefix(BOM).unwrap_or(t)),
        Err(e) => {
            let at = e.valid_up_to();
            let line = 1 + csv_bytes[..at].iter().filter(|b| **b == b'\n').count();
            report.at(
                line,
                None,
                SheetKind::NotUtf8,
                (
                    "UTF-8 text (CSV UTF-8)".into(),
                    "UTF-8 编码的文本（CSV UTF-8）".into(),
                ),
                (
                    format!("bytes that are not UTF-8 at byte {at} (GBK?)"),
                    format!("第 {at} 字节处不是 UTF-8 编码（可能是 GBK）"),
                ),
            );
            None
        }
    }
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
