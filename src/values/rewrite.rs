//! The table applied onto the base file: its observations replaced by the
//! rows', everything else as it was.

use serde_json::Value;

use super::rows::Row;
use super::Unreadable;

/// The base file with the rows as its observations, as pretty JSON with a
/// final newline.
pub fn apply(base: &mut Value, rows: &[Row]) -> Result<String, Unreadable> {
    let observations: Vec<Value> = rows.iter().map(|r| r.observation.clone()).collect();
    if let Some(root) = base.as_object_mut() {
        root.insert("observations".into(), Value::Array(observations));
    }
    Ok(serde_json::to_string_pretty(base).map_err(|e| {
        Unreadable::new(
            format!("无法写出数据文件：{e}"),
            format!("cannot write the dataset: {e}"),
        )
    })? + "\n")
}
