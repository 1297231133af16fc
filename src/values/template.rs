//! The XLSX template (`export-values -o values.xlsx`, the studio's
//! download): a values sheet with the columns of the CSV template and the
//! base file's observations, and read-only sheets listing the ids a row may
//! name: zones, indicators with their units, sources. The values sheet's
//! zone, indicator, status and source columns offer those ids as a list.

use rust_xlsxwriter::{DataValidation, Format, Formula, Workbook, Worksheet, XlsxError};
use serde_json::Value;

use super::{parse_base, Column, Unreadable, COLUMNS, STATUSES};
use crate::i18n::Lang;

/// The sheets' names in one language: values, zones, indicators, sources.
fn sheet_names(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Zh => ["数值", "园区", "指标", "来源"],
        Lang::En => ["values", "zones", "indicators", "sources"],
    }
}

/// The base file's observations as an XLSX workbook, its headers and sheet
/// names in `lang` (import reads either language).
pub fn xlsx(name: &str, text: &str, lang: Lang) -> Result<Vec<u8>, Unreadable> {
    let base = parse_base(name, text)?;
    let observations =
        super::forms::rows(&base).map_err(|at| super::export::unshaped(name, &at))?;
    write(&base, &observations, lang).map_err(|e| {
        Unreadable::new(
            format!("无法写出 XLSX 文件：{e}"),
            format!("cannot write the XLSX: {e}"),
        )
    })
}

fn write(base: &Value, observations: &[Value], lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let names = sheet_names(lang);
    let bold = Format::new().set_bold();
    let mut book = Workbook::new();

    let values = book.add_worksheet().set_name(names[0])?;
    for (i, c) in COLUMNS.into_iter().enumerate() {
        let head = lang.pick(c.zh(), c.en());
        values.write_string_with_format(0, i as u16, head, &bold)?;
    }
    for (r, o) in observations.iter().enumerate() {
        let row = r as u32 + 1;
        for (i, c) in COLUMNS.into_iter().enumerate() {
            match o.get(c.field()) {
                None | Some(Value::Null) => {}
                Some(Value::Number(n)) => {
                    values.write_number(row, i as u16, n.as_f64().unwrap_or(f64::NAN))?;
                }
                Some(Value::String(s)) => {
                    values.write_string(row, i as u16, s)?;
                }
                Some(other) => {
                    values.write_string(row, i as u16, other.to_string())?;
                }
            }
        }
    }
    values.set_freeze_panes(1, 0)?;
    for (i, width) in [12, 14, 8, 14, 14, 16].into_iter().enumerate() {
        values.set_column_width(i as u16, width)?;
    }
    let last = observations.len().max(1) as u32 + 1000;
    let list = |sheet: &str, count: usize| {
        DataValidation::new()
            .allow_list_formula(Formula::new(format!("='{sheet}'!$A$2:$A${}", count + 1)))
            .ignore_blank(true)
    };
    let zones = ids_of(base.get("zones"));
    let indicators = ids_of(base.get("indicators"));
    let sources = ids_of(base.get("meta").and_then(|m| m.get("sources")));
    let col = |c: Column| COLUMNS.iter().position(|x| *x == c).unwrap_or(0) as u16;
    for (c, sheet, count) in [
        (Column::Zone, names[1], zones.len()),
        (Column::Indicator, names[2], indicators.len()),
        (Column::Source, names[3], sources.len()),
    ] {
        if count > 0 {
            values.add_data_validation(1, col(c), last, col(c), &list(sheet, count))?;
        }
    }
    let statuses = DataValidation::new()
        .allow_list_strings(&STATUSES)?
        .ignore_blank(true);
    values.add_data_validation(1, col(Column::Status), last, col(Column::Status), &statuses)?;

    let name = |v: &Value, l: Lang| -> String {
        v.get("name")
            .or_else(|| v.get("title"))
            .or_else(|| v.get("label"))
            .and_then(|n| n.get(l.pick("zh", "en")))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let units = base.get("meta").and_then(|m| m.get("units"));
    let unit = |id: &str, l: Lang| -> String {
        units
            .and_then(Value::as_array)
            .and_then(|us| {
                us.iter()
                    .find(|u| u.get("id").and_then(Value::as_str) == Some(id))
            })
            .map_or(id.to_string(), |u| name(u, l))
    };
    let heads = |zh: &'static [&'static str], en: &'static [&'static str]| match lang {
        Lang::Zh => zh,
        Lang::En => en,
    };

    let sheet = book.add_worksheet().set_name(names[1])?;
    let rows: Vec<Vec<String>> = list_of(base.get("zones"))
        .map(|z| {
            vec![
                id(z),
                name(z, Lang::Zh),
                name(z, Lang::En),
                text(z.get("level")),
            ]
        })
        .collect();
    reference(
        sheet,
        heads(
            &["标识", "名称", "英文名称", "级别"],
            &["id", "name (Chinese)", "name", "level"],
        ),
        &rows,
        &bold,
    )?;

    let sheet = book.add_worksheet().set_name(names[2])?;
    let rows: Vec<Vec<String>> = list_of(base.get("indicators"))
        .map(|x| {
            let u = text(x.get("unit"));
            vec![
                id(x),
                name(x, Lang::Zh),
                name(x, Lang::En),
                unit(&u, Lang::Zh),
                unit(&u, Lang::En),
            ]
        })
        .collect();
    reference(
        sheet,
        heads(
            &["标识", "名称", "英文名称", "单位", "英文单位"],
            &["id", "name (Chinese)", "name", "unit (Chinese)", "unit"],
        ),
        &rows,
        &bold,
    )?;

    let sheet = book.add_worksheet().set_name(names[3])?;
    let rows: Vec<Vec<String>> = list_of(base.get("meta").and_then(|m| m.get("sources")))
        .map(|s| {
            vec![
                id(s),
                name(s, Lang::Zh),
                name(s, Lang::En),
                text(s.get("date")),
            ]
        })
        .collect();
    reference(
        sheet,
        heads(
            &["标识", "标题", "英文标题", "日期"],
            &["id", "title (Chinese)", "title", "date"],
        ),
        &rows,
        &bold,
    )?;

    book.save_to_buffer()
}

/// A read-only sheet: its header, its rows, protected (no password: it
/// guards against slips, not people).
fn reference(
    sheet: &mut Worksheet,
    heads: &[&str],
    rows: &[Vec<String>],
    bold: &Format,
) -> Result<(), XlsxError> {
    for (i, h) in heads.iter().enumerate() {
        sheet.write_string_with_format(0, i as u16, *h, bold)?;
        sheet.set_column_width(i as u16, if i == 0 { 14 } else { 24 })?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (i, cell) in row.iter().enumerate() {
            sheet.write_string(r as u32 + 1, i as u16, cell)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.protect();
    Ok(())
}

fn list_of(list: Option<&Value>) -> impl Iterator<Item = &Value> {
    list.and_then(Value::as_array).into_iter().flatten()
}

fn id(v: &Value) -> String {
    text(v.get("id"))
}

fn text(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// The ids of a list of the base file, in its order.
fn ids_of(list: Option<&Value>) -> Vec<String> {
    list_of(list).map(id).filter(|s| !s.is_empty()).collect()
}
