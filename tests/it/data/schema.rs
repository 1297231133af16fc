//! The JSON Schema served to portal operators
//! (www/data/zone-monitor-1.schema.json) agrees with the validator: the
//! bundled and good files conform, structurally broken files do not.
//!
//! A small draft 2020-12 checker for exactly the keywords the schema uses; an
//! unknown keyword fails the test, so nothing in the schema goes unchecked.
//! (The schema was also checked with Python's `jsonschema` 4.26,
//! Draft202012Validator: the bundled file conforms.)

use serde_json::Value;
use zone_monitor::model::json::is_id;

use super::root;

const IGNORED: &[&str] = &["$schema", "$id", "$defs", "title", "description"];

struct Checker<'a> {
    root: &'a Value,
}

impl Checker<'_> {
    /// Problems of `v` against `schema`, as `path: reason`.
    fn check(&self, schema: &Value, v: &Value, path: &str, out: &mut Vec<String>) {
        let Value::Object(s) = schema else {
            if schema == &Value::Bool(false) {
                out.push(format!("{path}: not allowed"));
            }
            return;
        };
        for (key, rule) in s {
            match key.as_str() {
                k if IGNORED.contains(&k) => {}
                "$ref" => {
                    let name = rule
                        .as_str()
                        .and_then(|r| r.strip_prefix("#/$defs/"))
                        .expect("local ref");
                    self.check(&self.root["$defs"][name], v, path, out);
                }
                "type" => {
                    let ok = match rule.as_str() {
                        Some("object") => v.is_object(),
                        Some("array") => v.is_array(),
                        Some("string") => v.is_string(),
                        Some("number") => v.is_number(),
                        Some("integer") => v.as_f64().is_some_and(|x| x.fract() == 0.0),
                        Some("boolean") => v.is_boolean(),
                        Some("null") => v.is_null(),
                        _ => panic!("unsupported type {rule}"),
                    };
                    if !ok {
                        out.push(format!("{path}: not of type {rule}"));
                    }
                }
                "properties" => {
                    if let (Value::Object(props), Value::Object(obj)) = (rule, v) {
                        for (k, sub) in props {
                            if let Some(x) = obj.get(k) {
                                self.check(sub, x, &format!("{path}.{k}"), out);
                            }
                        }
                    }
                }
                "required" => {
                    if let Value::Object(obj) = v {
                        for k in rule
                            .as_array()
                            .into_iter()
                            .flatten()
                            .filter_map(Value::as_str)
                        {
                            if !obj.contains_key(k) {
                                out.push(format!("{path}: missing {k}"));
                            }
                        }
                    }
                }
                "additionalProperties" => {
                    if let Value::Object(obj) = v {
                        let declared = s.get("properties").and_then(Value::as_object);
                        for (k, x) in obj {
                            if !declared.is_some_and(|d| d.contains_key(k)) {
                                self.check(rule, x, &format!("{path}.{k}"), out);
                            }
                        }
                    }
                }
                "items" => {
                    for (i, x) in v.as_array().into_iter().flatten().enumerate() {
                        self.check(rule, x, &format!("{path}[{i}]"), out);
                    }
                }
                "enum" => {
                    if !rule.as_array().is_some_and(|a| a.contains(v)) {
                        out.push(format!("{path}: {v} not in {rule}"));
                    }
                }
                "const" => {
                    if rule != v {
                        out.push(format!("{path}: {v} is not {rule}"));
                    }
                }
                "anyOf" | "oneOf" => {
                    let passing = rule
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter(|sub| {
                            let mut o = Vec::new();
                            self.check(sub, v, path, &mut o);
                            o.is_empty()
                        })
                        .count();
                    if passing == 0 || (key == "oneOf" && passing > 1) {
                        out.push(format!("{path}: {passing} alternatives of {key} match"));
                    }
                }
                "if" => {
                    let mut o = Vec::new();
                    self.check(rule, v, path, &mut o);
                    let branch = if o.is_empty() {
                        s.get("then")
                    } else {
                        s.get("else")
                    };
                    if let Some(b) = branch {
                        self.check(b, v, path, out);
                    }
                }
                "then" | "else" => {}
                "minimum" | "maximum" | "exclusiveMinimum" => {
                    if let (Some(x), Some(limit)) = (v.as_f64(), rule.as_f64()) {
                        let ok = match key.as_str() {
                            "minimum" => x >= limit,
                            "maximum" => x <= limit,
                            _ => x > limit,
                        };
                        if !ok {
                            out.push(format!("{path}: {x} breaks {key} {limit}"));
                        }
                    }
                }
                "minItems" | "maxItems" => {
                    if let (Some(a), Some(n)) = (v.as_array(), rule.as_u64()) {
                        let ok = if key == "minItems" {
                            a.len() as u64 >= n
                        } else {
                            a.len() as u64 <= n
                        };
                        if !ok {
                            out.push(format!("{path}: {} items breaks {key} {n}", a.len()));
                        }
                    }
                }
                "minLength" | "maxLength" => {
                    if let (Some(text), Some(n)) = (v.as_str(), rule.as_u64()) {
                        let len = text.chars().count() as u64;
                        let ok = if key == "minLength" {
                            len >= n
                        } else {
                            len <= n
                        };
                        if !ok {
                            out.push(format!("{path}: length {len} breaks {key} {n}"));
                        }
                    }
                }
                "pattern" => {
                    if let Some(text) = v.as_str() {
                        let ok = match rule.as_str() {
                            Some("\\S") => text.chars().any(|c| !c.is_whitespace()),
                            Some("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$") => is_id(text),
                            _ => panic!("unsupported pattern {rule}"),
                        };
                        if !ok {
                            out.push(format!("{path}: {text:?} does not match {rule}"));
                        }
                    }
                }
                other => panic!("the schema uses {other}, which this checker does not know"),
            }
        }
    }
}

fn schema() -> Value {
    let text = std::fs::read_to_string(root().join("www/data/zone-monitor-1.schema.json"))
        .expect("schema readable");
    serde_json::from_str(&text).expect("the schema is JSON")
}

fn problems(file: &str) -> Vec<String> {
    let s = schema();
    let text = std::fs::read_to_string(root().join(file)).expect("readable");
    let v: Value = serde_json::from_str(&text).expect("json");
    let mut out = Vec::new();
    Checker { root: &s }.check(&s, &v, "", &mut out);
    out
}

#[test]
fn schema_declares_draft_2020_12() {
    assert_eq!(
        schema()["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
}

#[test]
fn bundled_and_good_files_conform_to_the_schema() {
    for f in [
        "www/data/zones.json",
        "tests/datasets/good/minimal.json",
        "tests/datasets/good/html_in_names_is_text.json",
        "tests/datasets/good/minimal_series.json",
        "tests/datasets/good/both_forms.json",
    ] {
        assert_eq!(problems(f), Vec::<String>::new(), "{f}");
    }
}

#[test]
fn schema_rejects_structural_mistakes() {
    // Mistakes a schema can see (types, enums, ranges, required fields); the
    // validator also sees references, duplicates and cycles, which it cannot.
    for case in [
        "value_is_text",
        "negative_land",
        "zero_land",
        "unknown_level",
        "unknown_status",
        "missing_value_field",
        "wrong_schema_version",
        "name_too_long",
        "empty_name",
        "approx_without_tolerance",
        "sub_park_without_parent",
        "coefficient_missing",
        "tier_score_out_of_range",
        "check_unknown_kind",
        "too_many_years",
        "similarity_threshold_out_of_range",
        "claim_unknown_chart",
        "series_value_is_text",
        "series_negative_value",
        "series_missing_status",
        "series_values_not_object",
        "series_unknown_field",
        "no_observations_nor_series",
    ] {
        let found = problems(&format!("tests/datasets/bad/{case}.json"));
        assert!(!found.is_empty(), "{case} passes the schema");
    }
}

#[test]
fn schema_lists_exactly_the_chart_ids_of_the_core() {
    let s = schema();
    let listed: Vec<&str> = s["properties"]["claims"]["items"]["properties"]["chart"]["enum"]
        .as_array()
        .expect("an enum of chart ids")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(listed, zone_monitor::model::CHART_IDS);
}
