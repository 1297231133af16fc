//! An XLSX workbook to records: the values sheet's rows as text, read with
//! calamine. A formula counts by the result the file saved with it; a cell
//! the reader cannot turn into text as the operator meant it (formatted as
//! a date, a formula's error, a formula without a saved result) is a
//! [`Trouble`] of its row; merged cells, whose value sits in the first cell
//! only, are an error each.

use std::io::Cursor;

use calamine::{Data, DataRef, Range, Reader, Xlsx, XlsxError};

use super::problem::{letter, text_found, Report, SheetKind};
use super::{Record, Records, Trouble};
use crate::model::limits::MAX_OBSERVATIONS;

/// The names of the values sheet, as the template writes them.
pub const VALUES_SHEET: [&str; 2] = ["values", "数值"];

/// Whether the bytes are a ZIP archive (an XLSX workbook is one), or an OLE
/// compound file (an .xls or .et): a workbook, not a CSV.
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(OLE)
}

/// The first bytes of an OLE compound file: Excel 97–2003's .xls, WPS's .et.
const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// The records of the workbook's values sheet (the sheet named `values` or
/// `数值`, else the first), or `None` with the problem when the workbook
/// cannot be read. The sheet's name goes into the report: every problem
/// names it.
pub fn records<'a>(bytes: &'a [u8], report: &mut Report) -> Option<Records<'a>> {
    if bytes.starts_with(OLE) {
        whole_file(
            report,
            SheetKind::OtherSpreadsheet,
            text_found("Excel 97–2003 (.xls) / WPS (.et)"),
        );
        return None;
    }
    let mut book = match Xlsx::new(Cursor::new(bytes)) {
        Ok(book) => book,
        Err(e) => {
            whole_file(report, SheetKind::NotAWorkbook, text_found(&e.to_string()));
            return None;
        }
    };
    let names = book.sheet_names();
    let name = names
        .iter()
        .find(|n| {
            VALUES_SHEET
                .iter()
                .any(|v| n.trim().eq_ignore_ascii_case(v))
        })
        .or(names.first())
        .cloned()?;
    report.sheet = Some(name.clone());
    match within_limits(&mut book, &name, report) {
        Ok(true) => {}
        Ok(false) => return None,
        Err(e) => {
            whole_file(report, SheetKind::NotAWorkbook, text_found(&e.to_string()));
            return None;
        }
    }
    let read = book.worksheet_range(&name).and_then(|values| {
        let formulas = book.worksheet_formula(&name)?;
        Ok((values, formulas))
    });
    let (values, formulas) = match read {
        Ok(r) => r,
        Err(e) => {
            whole_file(report, SheetKind::NotAWorkbook, text_found(&e.to_string()));
            return None;
        }
    };
    if let Some(Ok(merged)) = book.worksheet_merge_cells(&name) {
        for m in merged {
            let (first, last) = (m.start, m.end);
            let cells = format!(
                "{}{}:{}{}",
                letter(first.1 as usize),
                first.0 + 1,
                letter(last.1 as usize),
                last.0 + 1
            );
            report.at_index(
                first.0 as usize + 1,
                first.1 as usize,
                SheetKind::MergedCells,
                SheetKind::MergedCells.expected(),
                (
                    format!("the merged cells {cells}"),
                    format!("合并的单元格 {cells}"),
                ),
            );
        }
    }
    Some(Box::new(rows(values, formulas).map(Ok)))
}

/// The most columns a values sheet may use (A to Z): the template has six;
/// the rest are reported as unknown columns.
const MAX_COLUMNS: u32 = 26;

/// Whether the sheet's used range, from A1 to its farthest cell with a value
/// or a formula, fits a dataset: at most [`MAX_OBSERVATIONS`] rows below the
/// header (the CSV's limit, `decode::within_row_limit`) and
/// [`MAX_COLUMNS`] columns. calamine reads a sheet into one grid as large as
/// its used range, and the rows are as wide: a stray cell at XFD1048576
/// asks for 17 billion cells. So the cells are streamed first, one at a
/// time, and the grid is read only when it fits. The sheet's own
/// `<dimension>` is not trusted for this: it is optional, written by the
/// program that saved the file, and counts formatted empty cells. `false`,
/// with the problem at the lowest or the rightmost cell, for a sheet that
/// does not fit.
fn within_limits(
    book: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
    report: &mut Report,
) -> Result<bool, XlsxError> {
    // The lowest cell and the rightmost one, as (row, column).
    let (mut lowest, mut rightmost) = ((0u32, 0u32), (0u32, 0u32));
    let mut reach = |at: (u32, u32)| {
        if at.0 > lowest.0 {
            lowest = at;
        }
        if at.1 > rightmost.1 {
            rightmost = at;
        }
    };
    {
        let mut cells = match book.worksheet_cells_reader(name) {
            // A chart sheet: calamine reads it as an empty range.
            Err(XlsxError::NotAWorksheet(_)) => return Ok(true),
            r => r?,
        };
        while let Some(cell) = cells.next_cell()? {
            if !matches!(cell.get_value(), DataRef::Empty) {
                reach(cell.get_position());
            }
        }
    }
    let mut formulas = book.worksheet_cells_reader(name)?;
    while let Some(cell) = formulas.next_formula()? {
        if !cell.get_value().is_empty() {
            reach(cell.get_position());
        }
    }
    let mut refuse = |(row, col): (u32, u32), kind, expected| {
        let at = format!("{}{}", letter(col as usize), row as u64 + 1);
        report.at_index(
            row as usize + 1,
            col as usize,
            kind,
            expected,
            (
                format!("a used range reaching cell {at}"),
                format!("延伸到单元格 {at} 的已用区域"),
            ),
        );
    };
    let mut fits = true;
    // The header is a row of the sheet, not an observation.
    if lowest.0 as usize + 1 > MAX_OBSERVATIONS + 1 {
        refuse(
            lowest,
            SheetKind::TooManyRows,
            (
                format!("at most {MAX_OBSERVATIONS} rows"),
                format!("最多 {MAX_OBSERVATIONS} 行"),
            ),
        );
        fits = false;
    }
    if rightmost.1 >= MAX_COLUMNS {
        let last = letter(MAX_COLUMNS as usize - 1);
        refuse(
            rightmost,
            SheetKind::TooManyColumns,
            (
                format!("at most {MAX_COLUMNS} columns (A to {last})"),
                format!("最多 {MAX_COLUMNS} 列"),
            ),
        );
        fits = false;
    }
    Ok(fits)
}

/// A problem of the whole workbook: nothing can be read.
fn whole_file(report: &mut Report, kind: SheetKind, found: (String, String)) {
    report.problems.push(super::SheetProblem {
        severity: crate::model::Severity::Error,
        sheet: None,
        line: None,
        column: None,
        letter: None,
        header: None,
        path: None,
        place: Some(("（整个工作簿）", "(the workbook)")),
        kind: super::problem::Kind::Sheet(kind),
        expected: ("an XLSX workbook".into(), "XLSX 工作簿".into()),
        found,
    });
}

/// The sheet's rows from its first (row 1, column A, wherever the used range
/// starts), each as wide as the used range reaches.
fn rows(values: Range<Data>, formulas: Range<String>) -> impl Iterator<Item = Record> {
    let (top, left) = values.start().unwrap_or((0, 0));
    let (bottom, right) = values.end().unwrap_or((0, 0));
    let height = if values.is_empty() { 0 } else { bottom + 1 };
    let width = if values.is_empty() {
        0
    } else {
        right as usize + 1
    };
    (0..height).map(move |row| {
        let mut cells = vec![String::new(); width];
        let mut troubles = Vec::new();
        if row >= top {
            for col in left..=right {
                let value = values.get_value((row, col)).unwrap_or(&Data::Empty);
                let formula = formulas.get_value((row, col)).filter(|f| !f.is_empty());
                match cell(value, formula.map(String::as_str)) {
                    Ok(text) => cells[col as usize] = text,
                    Err((kind, found)) => troubles.push(Trouble {
                        index: col as usize,
                        kind,
                        found,
                    }),
                }
            }
        }
        Record {
            line: row as usize + 1,
            cells,
            troubles,
        }
    })
}

/// A cell as text, as the CSV would have it: a number in its shortest form
/// that reads back the same (2022, 1234.5), a text as it is (a number stored
/// as text is read like a number written in a CSV), TRUE/FALSE as words
/// (which no column takes). A date, an error or a formula without a saved
/// result is not read.
fn cell(value: &Data, formula: Option<&str>) -> Result<String, (SheetKind, (String, String))> {
    match value {
        Data::Empty if formula.is_some() => {
            let f = formula.unwrap_or_default();
            Err((
                SheetKind::FormulaWithoutValue,
                (
                    format!("the formula ={f} with no saved result"),
                    format!("没有保存结果的公式 \"={f}\""),
                ),
            ))
        }
        Data::Empty => Ok(String::new()),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Ok(s.clone()),
        Data::Float(x) => Ok(x.to_string()),
        Data::Int(i) => Ok(i.to_string()),
        Data::Bool(b) => Ok(if *b { "TRUE" } else { "FALSE" }.into()),
        Data::DateTime(d) => {
            let n = d.as_f64();
            Err((
                SheetKind::DateCell,
                (
                    format!("a cell formatted as a date (Excel's day number {n})"),
                    format!("日期格式的单元格（Excel 日期序号 {n}）"),
                ),
            ))
        }
        Data::Error(e) => Err((
            SheetKind::CellError,
            (
                format!("the formula error {e}"),
                format!("公式错误值 \"{e}\""),
            ),
        )),
    }
}
