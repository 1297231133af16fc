//! The table applied onto the base file: its values (`observations` and
//! `series`) replaced by the rows', everything else as it was.

use serde_json::Value;

use super::forms;
use super::rows::Row;
use super::Unreadable;

/// The base file with the rows as its observations (and no series), as
/// pretty JSON with a final newline: the form the validator's paths can be
/// traced back to the table's lines in.
pub fn apply(base: &mut Value, rows: &[Row]) -> Result<String, Unreadable> {
    let observations: Vec<Value> = rows.iter().map(|r| r.observation.clone()).collect();
    if let Some(root) = base.as_object_mut() {
        root.remove("series");
        root.insert("observations".into(), Value::Array(observations));
    }
    text(base)
}

/// The result as it is written: its observations as `series`, the file's
/// compact form (docs/DATA.md). Only for a result that loads.
pub fn compact(base: &mut Value) -> Result<String, Unreadable> {
    if let Some(root) = base.as_object_mut() {
        let rows = match root.remove("observations") {
            Some(Value::Array(rows)) => rows,
            _ => Vec::new(),
        };
        root.insert("series".into(), forms::compact(&rows));
    }
    text(base)
}

fn text(base: &Value) -> Result<String, Unreadable> {
    Ok(serde_json::to_string_pretty(base).map_err(|e| {
        Unreadable::new(
            format!("无法写出数据文件：{e}"),
            format!("cannot write the dataset: {e}"),
        )
    })? + "\n")
}
