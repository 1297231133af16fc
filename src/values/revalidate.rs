//! The result checked by the validator like any file, its problems placed
//! back in the table: `observations[i].field` becomes the line row `i` came
//! from and the field's column.

use crate::model;

use super::problem::{letter, Kind, SheetProblem};
use super::rows::Row;
use super::{Column, COLUMNS};

/// The validator's problems of the result `text`, and whether it loads.
/// When rows were left out for their errors (`table_ok` false), the warnings
/// about missing rows and years without data may only echo those errors, so
/// they are not repeated.
pub fn check(
    text: &str,
    table_ok: bool,
    rows: &[Row],
    columns: &[(Column, usize, String)],
    sheet: Option<&str>,
) -> (bool, Vec<SheetProblem>) {
    let (loads, problems) = match model::load(text) {
        Ok(l) => (true, l.warnings),
        Err(p) => (false, p.0),
    };
    let problems = problems
        .iter()
        .filter(|p| {
            table_ok || !matches!(p.kind.as_str(), "missing_observation" | "year_without_data")
        })
        .map(|p| translate(p, rows, columns, sheet))
        .collect();
    (loads, problems)
}

/// A problem of the validator: `observations[i].field` becomes the line row
/// `i` came from and the field's column; other paths stay as they are.
fn translate(
    p: &model::Problem,
    rows: &[Row],
    columns: &[(Column, usize, String)],
    sheet: Option<&str>,
) -> SheetProblem {
    let row = p
        .path
        .strip_prefix("observations[")
        .and_then(|rest| rest.split_once(']'))
        .and_then(|(i, field)| Some((i.parse::<usize>().ok()?, field.strip_prefix('.'))));
    let (line, column, letter, header, path) = match row {
        Some((i, field)) if i < rows.len() => {
            let c = field.and_then(|f| COLUMNS.into_iter().find(|c| c.field() == f));
            let at = c.and_then(|c| columns.iter().find(|x| x.0 == c));
            (
                Some(rows[i].line),
                field.map(str::to_string),
                at.map(|x| letter(x.1)),
                at.map(|x| x.2.clone()),
                None,
            )
        }
        _ => (None, None, None, None, Some(p.path.clone())),
    };
    SheetProblem {
        severity: p.severity,
        sheet: line.and(sheet.map(str::to_string)),
        line,
        column,
        letter,
        header,
        path,
        place: None,
        kind: Kind::Dataset(p.kind),
        expected: (p.expected.en(), p.expected.zh()),
        found: (p.found.en(), p.found.zh()),
    }
}
