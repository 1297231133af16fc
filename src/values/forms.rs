//! The file's two forms of the zones' values (docs/DATA.md): `observations`,
//! a row per zone, indicator and year, which is the spreadsheet's long
//! table; and `series`, an array over the years per zone and indicator,
//! the compact form the import writes. [`rows`] reads both as rows for the
//! templates; [`compact`] writes rows as series.

use std::collections::HashMap;

use serde_json::{json, Map, Value};

/// Every value of the file as an observation row (`zone`, `indicator`,
/// `year`, `value`, `status`, `source`): the rows of `observations` as
/// they are, in file order, then each entry of `series`, zone by zone (in
/// the order of their ids: serde_json's map is sorted), year by year. `Err` names the first part of `series` that is not shaped
/// as docs/DATA.md says (an entry not an object, `values` not an object of
/// arrays, an array of another length than `years`): a template cannot
/// guess its rows. A value that is not a number goes into its row as it
/// is, for the import to report.
pub fn rows(base: &Value) -> Result<Vec<Value>, String> {
    if base.get("observations").is_none() && base.get("series").is_none() {
        return Err("observations".into());
    }
    let mut out: Vec<Value> = match base.get("observations") {
        None => Vec::new(),
        Some(Value::Array(rows)) => rows.clone(),
        Some(_) => return Err("observations".into()),
    };
    let series = match base.get("series") {
        None => return Ok(out),
        Some(Value::Array(series)) => series,
        Some(_) => return Err("series".into()),
    };
    for (i, entry) in series.iter().enumerate() {
        let at = |part: &str| format!("series[{i}]{part}");
        let (Some(years), Some(by_zone)) = (
            entry.get("years").and_then(Value::as_array),
            entry.get("values").and_then(Value::as_object),
        ) else {
            return Err(at(""));
        };
        for (zone, values) in by_zone {
            let values = values
                .as_array()
                .filter(|v| v.len() == years.len())
                .ok_or_else(|| at(&format!(".values.{zone}")))?;
            for (year, value) in years.iter().zip(values) {
                let mut row = Map::new();
                row.insert("zone".into(), zone.as_str().into());
                for field in ["indicator", "status", "source"] {
                    if let Some(v) = entry.get(field) {
                        row.insert(field.into(), v.clone());
                    }
                }
                row.insert("year".into(), year.clone());
                row.insert("value".into(), value.clone());
                out.push(Value::Object(row));
            }
        }
    }
    Ok(out)
}

/// Observation rows as `series`: one entry per indicator, status, source
/// and list of years, each zone's values in an array over those years
/// (entries in the order their first row comes, zones too). The rows must
/// be a valid file's (one per zone, indicator and year): the import calls
/// this only on a result that loads.
pub fn compact(rows: &[Value]) -> Value {
    // (indicator, status, source) → per zone, its (year, value) in order.
    type Group = (Value, Value, Value, Vec<(String, Vec<(Value, Value)>)>);
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of: HashMap<String, usize> = HashMap::new();
    let mut zone_of: HashMap<(usize, String), usize> = HashMap::new();
    for row in rows {
        let field = |k: &str| row.get(k).cloned().unwrap_or(Value::Null);
        let (indicator, status, source) = (field("indicator"), field("status"), field("source"));
        let zone = row.get("zone").and_then(Value::as_str).unwrap_or_default();
        let key = format!("{indicator}/{status}/{source}");
        let g = *group_of.entry(key).or_insert_with(|| {
            groups.push((indicator, status, source, Vec::new()));
            groups.len() - 1
        });
        let zones = &mut groups[g].3;
        let z = *zone_of.entry((g, zone.to_string())).or_insert_with(|| {
            zones.push((zone.to_string(), Vec::new()));
            zones.len() - 1
        });
        zones[z].1.push((field("year"), field("value")));
    }
    let mut series = Vec::new();
    for (indicator, status, source, zones) in groups {
        // Zones with the same years share an entry.
        let mut by_years: Vec<(Vec<Value>, Map<String, Value>)> = Vec::new();
        for (zone, mut values) in zones {
            values.sort_by_key(|(year, _)| year.as_i64());
            let (years, values): (Vec<Value>, Vec<Value>) = values.into_iter().unzip();
            match by_years.iter_mut().find(|(y, _)| *y == years) {
                Some((_, map)) => {
                    map.insert(zone, Value::Array(values));
                }
                None => {
                    let mut map = Map::new();
                    map.insert(zone, Value::Array(values));
                    by_years.push((years, map));
                }
            }
        }
        for (years, values) in by_years {
            let mut entry = json!({"indicator": indicator, "status": status});
            if !source.is_null() {
                entry["source"] = source.clone();
            }
            entry["years"] = Value::Array(years);
            entry["values"] = Value::Object(values);
            series.push(entry);
        }
    }
    Value::Array(series)
}
