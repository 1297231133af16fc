use super::*;

fn parse(text: &str) -> Doc {
    match Doc::parse(text) {
        Ok(doc) => doc,
        Err(e) => panic!("{text}: {e}"),
    }
}

fn object(doc: &Doc, v: Val) -> Vec<(&str, Val)> {
    let Val::Object { start, len } = v else {
        panic!("not an object: {v:?}")
    };
    doc.entries(start, len)
        .iter()
        .map(|(k, v)| (doc.str(*k), *v))
        .collect()
}

#[test]
fn values_are_small() {
    assert_eq!(std::mem::size_of::<Val>(), 12);
    assert_eq!(std::mem::size_of::<(u32, Val)>(), 16);
    for x in [0.0, -0.0, 1.5, -5.0, f64::MAX, f64::MIN_POSITIVE, 1e300] {
        assert_eq!(Num::new(x).get().to_bits(), x.to_bits());
    }
}

#[test]
fn scalars() {
    for (text, v) in [
        ("null", Val::Null),
        ("true", Val::Bool(true)),
        ("-5", Val::Number(Num::new(-5.0))),
        (
            "18446744073709551615",
            Val::Number(Num::new(u64::MAX as f64)),
        ),
        ("12.5", Val::Number(Num::new(12.5))),
        ("1e300", Val::Number(Num::new(1e300))),
    ] {
        assert_eq!(parse(text).root(), v, "{text}");
    }
    let doc = parse("\"a\\\"b 甲\"");
    let Val::Str(i) = doc.root() else {
        panic!("a string")
    };
    assert_eq!(doc.str(i), "a\"b 甲");
}

#[test]
fn objects_keep_file_order_and_repeated_keys() {
    let doc = parse(r#"{"b": 1, "a": [true, {"c": null}], "b": 2}"#);
    let entries = object(&doc, doc.root());
    let keys: Vec<&str> = entries.iter().map(|(k, _)| *k).collect();
    assert_eq!(keys, ["b", "a", "b"]);
    assert_eq!(entries[2].1, Val::Number(Num::new(2.0)));
    let Val::Array { start, len } = entries[1].1 else {
        panic!("an array")
    };
    let items = doc.items(start, len);
    assert_eq!(items[0], Val::Bool(true));
    assert_eq!(object(&doc, items[1]), [("c", Val::Null)]);
}

#[test]
fn short_strings_are_stored_once() {
    let row = r#"{"zone": "z01", "status": "illustrative"}"#;
    let doc = parse(&format!("[{}]", vec![row; 1000].join(",")));
    // Four distinct strings, however many rows.
    assert_eq!(doc.strings.len(), 4);
    let long = "x".repeat(SHARED_STRING_BYTES + 1);
    let doc = parse(&format!("[\"{long}\", \"{long}\"]"));
    assert_eq!(doc.strings.len(), 2);
}

#[test]
fn syntax_errors_and_nesting_are_serde_jsons() {
    for bad in ["", "{", "[1,]", "{} x", "{\"a\" 1}", &"[".repeat(200)] {
        assert!(Doc::parse(bad).is_err(), "{bad:?}");
    }
    let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
    assert!(Doc::parse(&deep).is_ok());
    let e = Doc::parse("[1,]").err().map(|e| e.to_string());
    assert_eq!(e.as_deref(), Some("trailing comma at line 1 column 4"));
}
