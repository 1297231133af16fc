//! `import-values` on XLSX workbooks: the samples of what operators have,
//! written here with rust_xlsxwriter (the fixture generator): a workbook as
//! Excel saves the template, one as WPS users fill it (Chinese headers, a
//! sheet called Sheet1, a number stored as text, a formula with its saved
//! result, empty formatted rows at the end), merged header cells, a year
//! formatted as a date, a formula's error, an .xls and a damaged file. Each
//! is read right (the observations of tests/datasets/good/minimal.json,
//! which the rows copy, compared as serde_json reads that file) or refused
//! with exactly the problems written by hand here.
//!
//! What rust_xlsxwriter cannot write, and so is not sampled: a formula with
//! no saved result (it always saves one, 0 by default; the reader reports
//! `formula_without_value` for such a cell), shared formulas, inline strings,
//! the 1904 date system, a password-protected (encrypted) workbook, and
//! WPS's own .et format (an OLE file, refused like an .xls).

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Format, Formula, Workbook, Worksheet, XlsxError};
use serde_json::{json, Value};

use super::values::{by_key, check_languages, path, read_json, root, run, scratch};

/// minimal.json's observations as rows: zone, indicator, year, value, status.
const ROWS: [(&str, &str, u32, f64); 12] = [
    ("a", "gdp", 2021, 100.5),
    ("b", "gdp", 2021, 20.0),
    ("a", "gdp", 2022, 100.5),
    ("b", "gdp", 2022, 20.0),
    ("a", "hte", 2021, 50.0),
    ("b", "hte", 2021, 0.0),
    ("a", "hte", 2022, 50.0),
    ("b", "hte", 2022, 0.0),
    ("a", "rd", 2021, 0.03),
    ("b", "rd", 2021, 0.01),
    ("a", "rd", 2022, 0.03),
    ("b", "rd", 2022, 0.01),
];

type Sheet<'a> = &'a mut Worksheet;

/// Header in row `at` (0-based), then minimal.json's rows.
fn table(sheet: Sheet, at: u32, headers: [&str; 5]) -> Result<(), XlsxError> {
    for (i, h) in headers.iter().enumerate() {
        sheet.write_string(at, i as u16, *h)?;
    }
    for (r, (zone, indicator, year, value)) in ROWS.iter().enumerate() {
        let row = at + 1 + r as u32;
        sheet.write_string(row, 0, *zone)?;
        sheet.write_string(row, 1, *indicator)?;
        sheet.write_number(row, 2, *year)?;
        sheet.write_number(row, 3, *value)?;
        sheet.write_string(row, 4, "illustrative")?;
    }
    Ok(())
}

const EN: [&str; 5] = ["zone", "indicator", "year", "value", "status"];
const ZH: [&str; 5] = ["园区", "指标", "年份", "数值", "状态"];

/// Writes a workbook, one sheet named `name` filled by `fill`.
fn workbook(file: &Path, name: &str, fill: impl FnOnce(Sheet) -> Result<(), XlsxError>) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name(name).expect("sheet name");
    fill(sheet).expect("sheet written");
    book.save(file).expect("workbook written");
}

/// `import-values minimal.json FILE --source report --json`: the report.
fn import(file: &Path, dir: &Path) -> (Option<i32>, Value, PathBuf) {
    let minimal = root().join("tests/datasets/good/minimal.json");
    let out = dir.join("out.json");
    let output = run(&[
        "import-values",
        path(&minimal),
        path(file),
        "-o",
        path(&out),
        "--source",
        "report",
        "--json",
    ]);
    let report = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stderr)));
    (output.status.code(), report, out)
}

/// The problems as `severity kind sheet row letter column`, `-` for none.
fn problems(report: &Value) -> Vec<String> {
    let s = |v: &Value| match v.as_str() {
        None => "-".to_string(),
        Some("") => "(empty)".to_string(),
        Some(s) => s.to_string(),
    };
    report["problems"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| {
            let line = p["line"].as_u64().map_or("-".into(), |l| l.to_string());
            format!(
                "{} {} {} {line} {} {}",
                s(&p["severity"]),
                s(&p["kind"]),
                s(&p["sheet"]),
                s(&p["letter"]),
                s(&p["column"])
            )
        })
        .collect()
}

/// Read right: no problem, and the result's observations are minimal.json's
/// (with the source the command's --source gives every row).
fn assert_reads_minimal(file: &Path, dir: &Path) {
    let (code, report, out) = import(file, dir);
    assert_eq!(problems(&report), Vec::<String>::new(), "{report:#}");
    assert_eq!(code, Some(0));
    let mut expected =
        read_json(&root().join("tests/datasets/good/minimal.json"))["observations"].clone();
    for o in expected.as_array_mut().expect("observations") {
        o["source"] = "report".into();
    }
    assert_eq!(
        by_key(&read_json(&out)),
        by_key(&json!({"observations": expected}))
    );
}

/// Refused: exactly these problems, exit 1, nothing written, every message
/// in each language and naming its sheet.
fn assert_refused(file: &Path, dir: &Path, expected: &[&str]) {
    let (code, report, out) = import(file, dir);
    assert_eq!(problems(&report), expected, "{report:#}");
    assert_eq!(code, Some(1));
    assert!(!out.exists(), "written despite errors");
    for p in report["problems"].as_array().expect("problems") {
        let (en, zh) = (
            p["message"].as_str().unwrap_or_default(),
            p["message_zh"].as_str().unwrap_or_default(),
        );
        check_languages(en, zh).unwrap_or_else(|e| panic!("{e}"));
        if let Some(sheet) = p["sheet"].as_str() {
            assert!(en.starts_with(&format!("sheet {sheet:?}, row ")), "{en}");
            assert!(zh.starts_with(&format!("工作表 {sheet:?} 第 ")), "{zh}");
        }
    }
}

/// Excel: the template's shape (sheet `values`, English headers, numbers as
/// numbers).
#[test]
fn an_excel_workbook_is_read_right() {
    let dir = scratch("xlsx-excel");
    let file = dir.join("excel.xlsx");
    workbook(&file, "values", |s| table(s, 0, EN));
    assert_reads_minimal(&file, &dir);
}

/// WPS as operators fill it: Sheet1, Chinese headers, 100.5 typed as text
/// (`'100.5`), a year as text, a formula `=100+0.5` with its saved result,
/// and formatted but empty rows at the end.
#[test]
fn a_wps_workbook_with_text_numbers_formulas_and_empty_rows_is_read_right() {
    let dir = scratch("xlsx-wps");
    let file = dir.join("wps.xlsx");
    workbook(&file, "Sheet1", |s| {
        table(s, 0, ZH)?;
        s.write_string(1, 3, "100.5")?; // a number stored as text
        s.write_string(2, 2, "2021")?; // a year stored as text
        s.write_formula(3, 3, Formula::new("=100+0.5").set_result("100.5"))?;
        let yellow = Format::new().set_background_color("#FFFF00");
        for row in 13..16 {
            for col in 0..5 {
                s.write_blank(row, col, &yellow)?; // empty trailing rows
            }
        }
        Ok(())
    });
    assert_reads_minimal(&file, &dir);
}

/// A title merged over the header (A1:E1): the merge and the missing
/// header, at row 1 of the sheet.
#[test]
fn a_merged_title_row_is_refused_with_its_fix() {
    let dir = scratch("xlsx-merged-title");
    let file = dir.join("title.xlsx");
    workbook(&file, "数值", |s| {
        s.merge_range(0, 0, 0, 4, "2022年高新区数据", &Format::new())?;
        table(s, 1, ZH)
    });
    assert_refused(
        &file,
        &dir,
        &[
            "error merged_cells 数值 1 A -",
            "error missing_header 数值 1 - -",
        ],
    );
}

/// A header cell merged over two columns (数值 over D1:E1, where 状态 was):
/// the merge, and the second column without a name.
#[test]
fn a_merged_header_cell_is_refused_with_its_fix() {
    let dir = scratch("xlsx-merged-header");
    let file = dir.join("header.xlsx");
    workbook(&file, "Sheet1", |s| {
        table(s, 0, ZH)?;
        s.merge_range(0, 3, 0, 4, "数值", &Format::new())?;
        Ok(())
    });
    assert_refused(
        &file,
        &dir,
        &[
            "error merged_cells Sheet1 1 D -",
            "error unknown_column Sheet1 1 E (empty)",
        ],
    );
}

/// A year typed into a cell formatted as a date (Excel then shows
/// 1905-07-14 for 2021): refused at its cell, not read as a day number.
#[test]
fn a_date_formatted_year_is_refused_at_its_cell() {
    let dir = scratch("xlsx-date");
    let file = dir.join("date.xlsx");
    workbook(&file, "values", |s| {
        table(s, 0, EN)?;
        s.write_number_with_format(4, 2, 2022, &Format::new().set_num_format("yyyy-mm-dd"))?;
        Ok(())
    });
    assert_refused(&file, &dir, &["error date_cell values 5 C year"]);
}

/// A formula whose saved result is an error.
#[test]
fn a_formula_error_is_refused_at_its_cell() {
    let dir = scratch("xlsx-error");
    let file = dir.join("error.xlsx");
    workbook(&file, "values", |s| {
        table(s, 0, EN)?;
        s.write_formula(2, 3, Formula::new("=1/0").set_result("#DIV/0!"))?;
        Ok(())
    });
    assert_refused(&file, &dir, &["error cell_error values 3 D value"]);
}

/// An .xls (an OLE file: its first bytes) and a damaged .xlsx (a ZIP's
/// first bytes, then nothing sound): refused as a whole.
#[test]
fn an_xls_and_a_damaged_workbook_are_refused() {
    let dir = scratch("xlsx-other");
    let xls = dir.join("old.xls");
    std::fs::write(
        &xls,
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest of an old workbook",
    )
    .expect("written");
    assert_refused(&xls, &dir, &["error other_spreadsheet - - - -"]);
    let damaged = dir.join("damaged.xlsx");
    std::fs::write(&damaged, b"PK\x03\x04 cut short").expect("written");
    assert_refused(&damaged, &dir, &["error not_a_workbook - - - -"]);
}

/// The same table as CSV and as XLSX gives the same problems at the same
/// rows and columns: every broken table of tests/datasets/csv whose problem
/// a workbook can have (not an encoding, a quote or a row's cell count),
/// written cell by cell as text into a workbook.
#[test]
fn a_broken_table_gives_the_same_problems_as_csv_and_as_xlsx() {
    let dir = scratch("xlsx-same");
    let minimal = root().join("tests/datasets/good/minimal.json");
    let corpus = root().join("tests/datasets/csv");
    let mut compared = 0;
    for entry in std::fs::read_dir(&corpus).expect("csv/").flatten() {
        let csv = entry.path();
        let name = csv
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        if csv.extension().is_none_or(|e| e != "csv")
            || name.starts_with("not_utf8")
            || name == "wrong_field_count"
        {
            continue;
        }
        let expect = std::fs::read_to_string(csv.with_extension("expect")).expect("expect");
        let args: Vec<String> = expect
            .lines()
            .filter_map(|l| l.strip_prefix("args: "))
            .flat_map(|a| a.split(' ').map(str::to_string))
            .collect();
        let text = std::fs::read_to_string(&csv).expect("UTF-8");
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let xlsx = dir.join(format!("{name}.xlsx"));
        workbook(&xlsx, "values", |s| {
            for (r, record) in reader.records().enumerate() {
                for (c, cell) in record.expect("corpus CSV").iter().enumerate() {
                    if !cell.is_empty() {
                        s.write_string(r as u32, c as u16, cell.trim_start_matches('\u{feff}'))?;
                    }
                }
            }
            Ok(())
        });
        let report = |table: &Path| {
            let mut a = vec!["import-values", path(&minimal), path(table), "--json", "-o"];
            let out = dir.join(format!("{name}.json"));
            a.push(path(&out));
            a.extend(args.iter().map(String::as_str));
            let output = run(&a);
            let v: Value = serde_json::from_slice(&output.stdout).expect("JSON report");
            let placed: Vec<String> = v["problems"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| {
                    format!(
                        "{} {} {} {} {}",
                        p["severity"], p["kind"], p["line"], p["column"], p["path"]
                    )
                })
                .collect();
            (output.status.code(), placed)
        };
        assert_eq!(report(&csv), report(&xlsx), "{name}");
        compared += 1;
    }
    assert!(compared >= 12, "only {compared} tables compared");
}

/// A used range as large as a sheet can be (the table, then one stray cell
/// at XFD1048576, the last cell of a sheet): refused at that cell, for its
/// rows (1,048,576 > 1,000,000 observations and the header) and its
/// columns (XFD is column 16,384 > 26), before calamine reads a grid of
/// 17 billion cells (which aborted the command, out of memory).
#[test]
fn a_used_range_reaching_the_last_cell_of_a_sheet_is_refused_there() {
    let dir = scratch("xlsx-huge");
    let file = dir.join("huge.xlsx");
    workbook(&file, "values", |s| {
        table(s, 0, EN)?;
        s.write_string(1_048_575, 16_383, "x")?;
        Ok(())
    });
    assert_refused(
        &file,
        &dir,
        &[
            "error too_many_rows values 1048576 XFD -",
            "error too_many_columns values 1048576 XFD -",
        ],
    );
}

/// The limits, each alone and at its edge: a formula in AA1 (column 27,
/// one over) is refused for its columns only, at AA1; a stray cell in
/// A1000002 (one row over 1,000,000 observations and the header) for its
/// rows only; a column named in Z1 (the 26th, at the limit) is read, as
/// an unknown column (with the empty header cells F1 to Y1 before it). (A row at the limit, 1,000,001, is not written here:
/// reading a million rows takes a while; the CSV's test has that edge.)
#[test]
fn the_row_and_column_limits_hold_at_their_edges() {
    let dir = scratch("xlsx-edges");
    let wide = dir.join("wide.xlsx");
    workbook(&wide, "values", |s| {
        table(s, 0, EN)?;
        s.write_formula(0, 26, Formula::new("=1+1").set_result("2"))?;
        Ok(())
    });
    assert_refused(&wide, &dir, &["error too_many_columns values 1 AA -"]);
    let long = dir.join("long.xlsx");
    workbook(&long, "values", |s| {
        table(s, 0, EN)?;
        s.write_string(1_000_001, 0, "a")?;
        Ok(())
    });
    assert_refused(&long, &dir, &["error too_many_rows values 1000002 A -"]);
    let at_limit = dir.join("at-limit.xlsx");
    workbook(&at_limit, "values", |s| {
        table(s, 0, EN)?;
        s.write_string(0, 25, "note")?;
        Ok(())
    });
    let (_, report, _) = import(&at_limit, &dir);
    let found = problems(&report);
    assert!(
        found.contains(&"error unknown_column values 1 Z note".to_string()),
        "{found:?}"
    );
    assert!(!found.iter().any(|p| p.contains("too_many")), "{found:?}");
}
