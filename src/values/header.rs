//! The header row: every cell a known column, each once, the four required
//! ones there, and a source for every row (a column or `--source`).

use crate::model::Severity;

use super::decode::invalid_csv;
use super::problem::{id_list, letter, text_found, Kind, Report, SheetKind, SheetProblem};
use super::{Column, Record, Records, COLUMNS};

/// The header as read. Its columns are in the report, so that each problem
/// of a row names the column's letter and header.
pub struct Header {
    /// How many cells a row has.
    pub width: usize,
    /// Whether it has no problem: rows are only kept under a sound header.
    pub ok: bool,
}

/// Reads the first non-blank record as the header. `None`, with a
/// `missing_header` problem, when there is none or it names no known column:
/// the rows cannot be read at all.
pub fn read(
    records: &mut Records,
    sources: &[String],
    default_source: Option<&str>,
    report: &mut Report,
) -> Option<Header> {
    let header = first_row(records, report);
    let line = header.as_ref().map_or(1, |h| h.line);
    let known = header
        .as_ref()
        .is_some_and(|h| h.cells.iter().any(|c| Column::from_header(c).is_some()));
    if !known {
        missing_header(header.as_ref(), line, report);
        return None;
    }
    let header = header?;
    report.lines.push((header.line, header.cells.clone()));
    let mut ok = columns(&header, line, report);
    ok &= required_columns(line, report);
    ok &= source(sources, default_source, line, report);
    Some(Header {
        width: header.cells.len(),
        ok,
    })
}

/// The first record that is not blank, if any could be read.
fn first_row(records: &mut Records, report: &mut Report) -> Option<Record> {
    loop {
        match records.next() {
            Some(Ok(r)) if r.is_blank() => continue,
            Some(Ok(r)) => return Some(r),
            Some(Err(e)) => {
                invalid_csv(report, &e);
                return None;
            }
            None => return None,
        }
    }
}

fn missing_header(header: Option<&Record>, line: usize, report: &mut Report) {
    let found = match header {
        None => ("an empty file".into(), "空文件".into()),
        Some(h) => {
            let row = h.cells.join(",");
            let (en, zh) = text_found(&row);
            (format!("the first row {en}"), format!("第一行 {zh}"))
        }
    };
    report.at(
        line,
        None,
        SheetKind::MissingHeader,
        (
            "a header row naming the columns zone, indicator, year, value".into(),
            "写有列名的第一行：\"园区\"、\"指标\"、\"年份\"、\"数值\"".into(),
        ),
        found,
    );
}

/// Each cell a known column, once: the columns go into the report. Whether
/// there was no problem.
fn columns(header: &Record, line: usize, report: &mut Report) -> bool {
    let names_en = COLUMNS.map(Column::en).join(", ");
    let names_zh = COLUMNS
        .map(|c| format!("{:?}（{:?}）", c.en(), c.zh()))
        .join("、");
    let mut ok = true;
    let sheet = report.sheet.clone();
    for (i, cell) in header.cells.iter().enumerate() {
        let cell = cell.as_str();
        let problem = |kind, expected, found| SheetProblem {
            severity: Severity::Error,
            sheet: sheet.clone(),
            line: Some(line),
            column: Some(cell.trim().to_string()),
            letter: Some(letter(i)),
            header: None,
            path: None,
            place: None,
            kind: Kind::Sheet(kind),
            expected,
            found,
        };
        match Column::from_header(cell) {
            None => {
                ok = false;
                report.problems.push(problem(
                    SheetKind::UnknownColumn,
                    (
                        format!("one of: {names_en}"),
                        format!("以下之一：{names_zh}"),
                    ),
                    text_found(cell),
                ));
            }
            Some(c) if report.has(c) => {
                ok = false;
                let found = (
                    format!("{:?} again", cell.trim()),
                    format!("再次出现的 {:?}", cell.trim()),
                );
                report.problems.push(problem(
                    SheetKind::DuplicateColumn,
                    ("each column once".into(), "每列只出现一次".into()),
                    found,
                ));
            }
            Some(c) => report.columns.push((c, i, cell.trim().to_string())),
        }
    }
    ok
}

/// Zone, indicator, year and value are there.
fn required_columns(line: usize, report: &mut Report) -> bool {
    let mut ok = true;
    for c in COLUMNS {
        if c.required() && !report.has(c) {
            ok = false;
            report.at(
                line,
                Some(c),
                SheetKind::MissingColumn,
                (
                    format!("a column {}", c.en()),
                    format!("{:?}（{:?}）列", c.zh(), c.en()),
                ),
                ("none".into(), "无".into()),
            );
        }
    }
    ok
}

/// `--source` names a source of the base file, or else the table has a
/// source column. An unknown `--source` is reported once, here, and leaves
/// the header sound: the rows are still read.
fn source(
    sources: &[String],
    default_source: Option<&str>,
    line: usize,
    report: &mut Report,
) -> bool {
    if let Some(s) = default_source {
        if !sources.iter().any(|x| x == s) {
            let (en, zh) = id_list(sources);
            report.problems.push(SheetProblem {
                severity: Severity::Error,
                sheet: None,
                line: None,
                column: None,
                letter: None,
                header: None,
                path: None,
                place: Some(("选项 \"--source\"", "the option --source")),
                kind: Kind::Sheet(SheetKind::UnknownSource),
                expected: (
                    format!("a source of the base file: {en}"),
                    format!("基础文件中的来源：{zh}"),
                ),
                found: (format!("{s:?}"), format!("{s:?}")),
            });
        }
        true
    } else if !report.has(Column::Source) {
        let (en, zh) = id_list(sources);
        report.at(
            line,
            Some(Column::Source),
            SheetKind::MissingSource,
            (
                format!("a column source, or the option --source ID naming one of: {en}"),
                format!("\"来源\"（\"source\"）列，或用选项 \"--source\" 指定以下之一：{zh}"),
            ),
            ("neither".into(), "两者皆无".into()),
        );
        false
    } else {
        true
    }
}
