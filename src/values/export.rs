//! `export-values`: the base file's observations as the template a
//! spreadsheet opens.

use serde_json::Value;

use super::{parse_base, Column, Unreadable, BOM, COLUMNS};

/// The base file's values as CSV, UTF-8 with a BOM, the header
/// `zone,indicator,year,value,status,source`, a row per value: the
/// observations in the file's order, then the series' values.
pub fn export(name: &str, text: &str) -> Result<Vec<u8>, Unreadable> {
    let base = parse_base(name, text)?;
    let observations = super::forms::rows(&base).map_err(|at| unshaped(name, &at))?;
    let mut out = csv::Writer::from_writer(BOM.as_bytes().to_vec());
    let write_error = |e: csv::Error| {
        Unreadable::new(
            format!("无法写出 CSV 文件：{e}"),
            format!("cannot write the CSV: {e}"),
        )
    };
    out.write_record(COLUMNS.map(Column::en))
        .map_err(write_error)?;
    for o in &observations {
        out.write_record(COLUMNS.map(|c| cell(o.get(c.field()))))
            .map_err(write_error)?;
    }
    out.into_inner()
        .map_err(|e| write_error(e.into_error().into()))
}

/// A cell of the template: a text as is, a number as serde_json writes it
/// (the shortest form that reads back to the same value), empty for null or
/// no field; anything else as its JSON text, so import reports it.
fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// A base file whose values a template cannot list: `at` is the first part
/// not shaped as docs/DATA.md says.
pub(super) fn unshaped(name: &str, at: &str) -> Unreadable {
    Unreadable::new(
        format!("无法导出 {name}：{at:?} 不符合 \"docs/DATA.md\" 所述的结构（或文件中没有 \"observations\" 和 \"series\"）；运行 \"zone-monitor validate {name}\" 查看原因"),
        format!("cannot export {name}: {at} is not shaped as docs/DATA.md says (or the file has neither observations nor series); `zone-monitor validate {name}` explains"),
    )
}
