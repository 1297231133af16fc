//! A JSON value with ordered keys and a writer that keeps the file readable
//! and diffable: an object or array that fits in 150 characters goes on one
//! line (one observation per line), anything larger is indented.

use std::fmt::Write;

#[derive(Clone)]
pub enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(&'static str, Json)>),
    /// An object whose keys are data (zone ids), not field names: a series'
    /// values.
    Map(Vec<(String, Json)>),
}

impl Json {
    /// An object's entries, its keys as text, for the writers.
    fn entries(&self) -> Option<Vec<(&str, &Json)>> {
        match self {
            Json::Obj(fields) => Some(fields.iter().map(|(k, v)| (*k, v)).collect()),
            Json::Map(fields) => Some(fields.iter().map(|(k, v)| (k.as_str(), v)).collect()),
            _ => None,
        }
    }
}

/// `{"zh": .., "en": ..}`.
pub fn text(zh: &str, en: &str) -> Json {
    Json::Obj(vec![
        ("zh", Json::Str(zh.to_string())),
        ("en", Json::Str(en.to_string())),
    ])
}

pub fn s(x: &str) -> Json {
    Json::Str(x.to_string())
}

pub fn n(x: f64) -> Json {
    Json::Num(x)
}

pub fn opt(x: Option<f64>) -> Json {
    x.map_or(Json::Null, Json::Num)
}

const LINE: usize = 150;

pub fn to_string(value: &Json) -> String {
    let mut out = String::new();
    write_value(&mut out, value, 0);
    out.push('\n');
    out
}

/// The whole value on one line with no space at all: the national-scale
/// files (`--zones`), where at 5,000 zones the pretty form's indentation
/// and spaces took the file over the 20 MiB input limit.
pub fn to_dense_string(value: &Json) -> String {
    let mut out = compact_with(value, (",", ":"));
    out.push('\n');
    out
}

fn compact(value: &Json) -> String {
    compact_with(value, (", ", ": "))
}

/// One line, `comma` between items and `colon` after keys.
fn compact_with(value: &Json, (comma, colon): (&str, &str)) -> String {
    let mut out = String::new();
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Num(x) => out.push_str(&number(*x)),
        Json::Str(s) => out.push_str(&serde_json::to_string(s).unwrap_or_default()),
        Json::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(comma);
                }
                out.push_str(&compact_with(item, (comma, colon)));
            }
            out.push(']');
        }
        Json::Obj(_) | Json::Map(_) => {
            out.push('{');
            for (i, (k, v)) in value.entries().unwrap_or_default().into_iter().enumerate() {
                if i > 0 {
                    out.push_str(comma);
                }
                let _ = write!(out, "\"{k}\"{colon}{}", compact_with(v, (comma, colon)));
            }
            out.push('}');
        }
    }
    out
}

/// Integers without a fraction; other numbers in Rust's shortest round-trip
/// form (never an exponent).
fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

fn write_value(out: &mut String, value: &Json, indent: usize) {
    let one_line = compact(value);
    if one_line.chars().count() + indent <= LINE
        || !matches!(value, Json::Arr(_) | Json::Obj(_) | Json::Map(_))
    {
        out.push_str(&one_line);
        return;
    }
    let pad = " ".repeat(indent + 2);
    match value {
        Json::Arr(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                out.push_str(&pad);
                write_value(out, item, indent + 2);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&" ".repeat(indent));
            out.push(']');
        }
        Json::Obj(_) | Json::Map(_) => {
            let fields = value.entries().unwrap_or_default();
            out.push_str("{\n");
            for (i, (k, v)) in fields.iter().enumerate() {
                let _ = write!(out, "{pad}\"{k}\": ");
                write_value(out, v, indent + 2);
                out.push_str(if i + 1 < fields.len() { ",\n" } else { "\n" });
            }
            out.push_str(&" ".repeat(indent));
            out.push('}');
        }
        _ => {}
    }
}
