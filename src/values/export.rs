//! `export-values`: the base file's observations as the template a
//! spreadsheet opens.

use serde_json::Value;

use super::{parse_base, Column, Unreadable, BOM, COLUMNS};

/// The base file's observations as CSV, UTF-8 with a BOM, the header
/// `zone,indicator,year,value,status,source`, rows in the file's order.
pub fn export(name: &str, text: &str) -> Result<Vec<u8>, Unreadable> {
    let base = parse_base(name, text)?;
    let Some(observations) = base.get("observations").and_then(Value::as_array) else {
        return Err(Unreadable::new(
            format!("无法导出 {name}：文件中没有 observations 数组；运行 \"zone-monitor validate {name}\" 查看原因"),
            format!("cannot export {name}: it has no observations array; `zone-monitor validate {name}` explains"),
        ));
    };
    let mut out = csv::Writer::from_writer(BOM.as_bytes().to_vec());
    let write_error = |e: csv::Error| {
        Unreadable::new(
            format!("无法写出 CSV 文件：{e}"),
            format!("cannot write the CSV: {e}"),
        )
    };
    out.write_record(COLUMNS.map(Column::en))
        .map_err(write_error)?;
    for o in observations {
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
