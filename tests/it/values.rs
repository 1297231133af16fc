//! `zone-monitor export-values` and `import-values`: the values (as
//! `observations` or `series`) as a CSV table and back, written as `series`. A round trip of the bundled file, a table with Chinese
//! headers, the defaults, and a corpus of broken tables
//! (`tests/datasets/csv/NAME.csv` + `NAME.expect`, each written by hand: the
//! problems expected, in order, one per line, `severity kind line column`
//! with `-` for none, or `severity kind path` for a problem the validator
//! places outside the observations; a first line `args: …` adds options).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use zone_monitor::model;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zone-monitor"))
        .args(args)
        .output()
        .expect("zone-monitor runs")
}

/// A fresh scratch directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zm-values-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

pub fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

pub fn read_json(p: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(p).expect("readable")).expect("JSON")
}

/// Every value of a file keyed by zone/indicator/year: (value, status,
/// source), from its `observations` and its `series` (docs/DATA.md), read
/// here from serde_json's tree, not by the code under test.
pub fn by_key(file: &Value) -> BTreeMap<String, (Option<f64>, Value, Value)> {
    let mut out = BTreeMap::new();
    let mut add = |zone: &Value, indicator: &Value, year: &Value, value: &Value, entry: &Value| {
        let key = format!("{zone}/{indicator}/{year}");
        let row = (
            value.as_f64(),
            entry["status"].clone(),
            entry["source"].clone(),
        );
        assert!(out.insert(key.clone(), row).is_none(), "{key} twice");
    };
    for o in file["observations"].as_array().into_iter().flatten() {
        add(&o["zone"], &o["indicator"], &o["year"], &o["value"], o);
    }
    for s in file["series"].as_array().into_iter().flatten() {
        let years = s["years"].as_array().expect("years");
        for (zone, values) in s["values"].as_object().expect("values") {
            let values = values.as_array().expect("an array per zone");
            assert_eq!(values.len(), years.len(), "{zone}: a value per year");
            for (year, value) in years.iter().zip(values) {
                add(&zone.as_str().into(), &s["indicator"], year, value, s);
            }
        }
    }
    out
}

/// The independent check: exported and imported back, the bundled file's
/// observations are the same, value, status and source, for every zone,
/// indicator and year (compared with the file read by serde_json, not by the
/// code under test), and nothing else of the file changed.
#[test]
fn bundled_file_round_trips_through_csv() {
    let dir = scratch("round-trip");
    let bundled = root().join("www/data/zones.json");
    let (csv, out) = (dir.join("values.csv"), dir.join("zones.json"));
    let export = run(&["export-values", path(&bundled), "-o", path(&csv)]);
    assert_eq!(export.status.code(), Some(0), "{export:?}");
    let import = run(&[
        "import-values",
        path(&bundled),
        path(&csv),
        "-o",
        path(&out),
    ]);
    assert_eq!(import.status.code(), Some(0), "{import:?}");

    let text = std::fs::read_to_string(&out).expect("written");
    let loaded = model::load(&text).expect("the result loads");
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);

    let mut before = read_json(&bundled);
    let mut after: Value = serde_json::from_str(&text).expect("JSON");
    let (old, new) = (by_key(&before), by_key(&after));
    assert_eq!(old.len(), 4860, "36 zones × 27 × 5");
    assert_eq!(old, new);
    for file in [&mut before, &mut after] {
        let root = file.as_object_mut().expect("an object");
        root.remove("observations");
        root.remove("series");
    }
    assert_eq!(before, after, "everything but the values is BASE's");
}

/// The import writes its result in the compact form, `series`, and the
/// result loads to the same dataset as the file whose rows the table
/// copies (minimal.json, its values as `observations`): the same columns,
/// statuses and sources, zones and everything else.
#[test]
fn the_import_writes_series_that_load_as_the_rows_do() {
    let (output, out) = import_minimal("good_zh_headers.csv", &[], "compact");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let written = read_json(&out);
    assert!(written.get("observations").is_none(), "no rows left");
    // By hand: gdp, hte and rd, each with one status and no source, and
    // both zones with both years: one entry each.
    assert_eq!(written["series"].as_array().map(Vec::len), Some(3));
    let minimal =
        std::fs::read_to_string(root().join("tests/datasets/good/minimal.json")).expect("readable");
    let text = std::fs::read_to_string(&out).expect("written");
    let (rows, series) = (
        model::load(&minimal).expect("minimal loads").dataset,
        model::load(&text).expect("the result loads").dataset,
    );
    assert_eq!(format!("{series:?}"), format!("{rows:?}"));
}

/// The template: a BOM, the English header, one row per observation in the
/// file's order, the value as written, an empty cell for no source
/// (tests/datasets/good/minimal.json, read by eye).
#[test]
fn export_writes_the_template() {
    let minimal = root().join("tests/datasets/good/minimal.json");
    let out = run(&["export-values", path(&minimal)]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "\u{feff}zone,indicator,year,value,status,source");
    assert_eq!(lines[1], "a,gdp,2021,100.5,illustrative,");
    assert_eq!(lines[2], "b,gdp,2021,20,illustrative,");
    assert_eq!(lines[9], "a,rd,2021,0.03,illustrative,");
    assert_eq!(lines.len(), 13);
}

fn import_minimal(csv: &str, extra: &[&str], name: &str) -> (Output, PathBuf) {
    let dir = scratch(name);
    let out = dir.join("out.json");
    let minimal = root().join("tests/datasets/good/minimal.json");
    let csv = root().join("tests/datasets/csv").join(csv);
    let mut args = vec![
        "import-values",
        path(&minimal),
        path(&csv),
        "-o",
        path(&out),
    ];
    args.extend_from_slice(extra);
    (run(&args), out)
}

/// Chinese headers (园区, 指标, 年份, 数值, 状态, 来源), a BOM, CRLF line ends
/// and a blank row at the end, as Excel saves "CSV UTF-8": the observations
/// of minimal.json, which the table copies.
#[test]
fn chinese_headers_give_the_same_observations() {
    let (output, out) = import_minimal("good_zh_headers.csv", &[], "zh");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let minimal = read_json(&root().join("tests/datasets/good/minimal.json"));
    assert_eq!(by_key(&read_json(&out)), by_key(&minimal));
}

/// Without status and source columns: status `reported`, the source of
/// `--source`; an empty value is null; `3e-2` is 0.03.
#[test]
fn defaults_are_reported_and_the_source_option() {
    let (output, out) = import_minimal("good_defaults.csv", &["--source", "report"], "defaults");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let result = read_json(&out);
    let rows = by_key(&result);
    assert_eq!(rows.len(), 12);
    for (key, (_, status, source)) in &rows {
        assert_eq!(
            (status, source),
            (&"reported".into(), &"report".into()),
            "{key}"
        );
    }
    assert_eq!(rows[r#""b"/"gdp"/2022"#].0, None);
    assert_eq!(rows[r#""a"/"rd"/2022"#].0, Some(0.03));
    assert_eq!(rows[r#""a"/"gdp"/2021"#].0, Some(100.5));
}

/// One broken table: its problems, in order, as its `.expect` lists them;
/// the exit code; the output written only without errors; every message
/// with its kind and fix in both languages.
fn check_csv(csv: &Path) -> Result<(), String> {
    let name = csv.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    let expect =
        std::fs::read_to_string(csv.with_extension("expect")).map_err(|e| e.to_string())?;
    let mut args: Vec<&str> = Vec::new();
    let mut expected = Vec::new();
    for line in expect.lines() {
        match line.strip_prefix("args: ") {
            Some(a) => args.extend(a.split(' ')),
            None => expected.push(line.to_string()),
        }
    }
    args.push("--json");
    let file = csv.file_name().and_then(|s| s.to_str()).unwrap_or_default();
    let (output, out) = import_minimal(file, &args, name);
    let report: Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("{e}: {}", String::from_utf8_lossy(&output.stderr)))?;
    let problems = report["problems"].as_array().cloned().unwrap_or_default();
    let found: Vec<String> = problems
        .iter()
        .map(|p| {
            let s = |v: &Value| v.as_str().map(str::to_string);
            let (severity, kind) = (
                s(&p["severity"]).unwrap_or_default(),
                s(&p["kind"]).unwrap_or_default(),
            );
            match (p["line"].as_u64(), s(&p["path"])) {
                (None, Some(path)) => format!("{severity} {kind} {path}"),
                (line, _) => format!(
                    "{severity} {kind} {} {}",
                    line.map_or("-".to_string(), |l| l.to_string()),
                    s(&p["column"]).unwrap_or("-".into())
                ),
            }
        })
        .collect();
    if found != expected {
        return Err(format!(
            "expected {expected:#?}\nfound {found:#?}\n{report:#}"
        ));
    }
    let errors = expected.iter().any(|l| l.starts_with("error "));
    if output.status.code() != Some(if errors { 1 } else { 0 }) {
        return Err(format!("exit {:?}", output.status.code()));
    }
    if out.exists() == errors {
        return Err(format!(
            "output written: {}, errors: {errors}",
            out.exists()
        ));
    }
    for p in &problems {
        let kind = p["kind"].as_str().unwrap_or_default();
        let (en, zh) = (
            p["message"].as_str().unwrap_or_default(),
            p["message_zh"].as_str().unwrap_or_default(),
        );
        if !en.contains(&format!(": {kind}: expected "))
            || !zh.ends_with(&format!("（{kind}）"))
            || !zh.contains("应为")
        {
            return Err(format!("message not in the validator's shape:\n{en}\n{zh}"));
        }
    }
    for p in &problems {
        check_languages(
            p["message"].as_str().unwrap_or_default(),
            p["message_zh"].as_str().unwrap_or_default(),
        )?;
    }
    Ok(())
}

/// `text` without its quoted parts (`"…"`, with `\"` escapes).
fn unquoted(text: &str) -> String {
    let (mut out, mut quoted, mut escaped) = (String::new(), false, false);
    for c in text.chars() {
        match (quoted, escaped, c) {
            (true, false, '\\') => escaped = true,
            (true, true, _) => escaped = false,
            (_, false, '"') => quoted = !quoted,
            (false, _, c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// Each message in one language, as the validator's (tests/it/data/messages.rs):
/// past its place (`第 3 行 D 列`) and before its code, the Chinese has no
/// Latin word outside quotes but the names a reader types as such, the
/// English no Chinese character outside quotes.
pub fn check_languages(en: &str, zh: &str) -> Result<(), String> {
    const ALLOWED: &[&str] = &[
        "JSON", "null", "true", "false", "CSV", "UTF", "GBK", "WPS", "Excel", "XLSX", "xlsx",
    ];
    let body = zh.split_once('：').map_or(zh, |(_, b)| b);
    let body = body.rsplit_once('（').map_or(body, |(b, _)| b);
    let text = unquoted(body);
    // A cell's reference (A1, XFD1048576) is a name a reader types as such.
    let cell = |w: &str| {
        let letters = w.trim_end_matches(|c: char| c.is_ascii_digit());
        letters.len() < w.len()
            && !letters.is_empty()
            && letters.len() <= 3
            && letters.chars().all(|c| c.is_ascii_uppercase())
    };
    let english: Vec<&str> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !cell(w))
        .flat_map(|w| w.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|w| !w.is_empty() && !ALLOWED.contains(w))
        .collect();
    if !english.is_empty() {
        return Err(format!("English {english:?} in {zh}"));
    }
    if unquoted(en)
        .chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    {
        return Err(format!("Chinese in {en}"));
    }
    Ok(())
}

#[test]
fn every_broken_table_gives_exactly_its_expected_problems() {
    let dir = root().join("tests/datasets/csv");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/datasets/csv exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    files.sort();
    assert!(files.len() >= 16, "only {} tables", files.len());
    let failures: Vec<String> = files
        .iter()
        .filter_map(|f| check_csv(f).err().map(|e| format!("{}: {e}", f.display())))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Every problem kind of the table has a case in the corpus.
#[test]
fn every_table_problem_kind_has_a_case() {
    let dir = root().join("tests/datasets/csv");
    let mut expects = String::new();
    for entry in std::fs::read_dir(dir).expect("csv/").flatten() {
        if entry.path().extension().is_some_and(|e| e == "expect") {
            expects.push_str(&std::fs::read_to_string(entry.path()).expect("readable"));
        }
    }
    for kind in [
        "not_utf8",
        "missing_header",
        "unknown_column",
        "duplicate_column",
        "missing_column",
        "wrong_field_count",
        "empty_cell",
        "unknown_zone",
        "unknown_indicator",
        "not_a_year",
        "not_a_number",
        "number_out_of_range",
        "unknown_status",
        "unknown_source",
    ] {
        assert!(expects.contains(&format!(" {kind} ")), "no case for {kind}");
    }
}

/// A GBK file (Chinese Excel's plain "CSV") is a problem to fix, not a crash:
/// exit 1, the message names "CSV UTF-8".
#[test]
fn a_gbk_file_is_reported_not_a_panic() {
    let (output, out) = import_minimal("not_utf8_gbk.csv", &["--lang", "zh"], "gbk");
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(!out.exists());
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(text.contains("CSV UTF-8") && text.contains("GBK"), "{text}");
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn bad_arguments_and_unreadable_files_exit_2() {
    let minimal = root().join("tests/datasets/good/minimal.json");
    let csv = root().join("tests/datasets/csv/good_zh_headers.csv");
    let missing = root().join("tests/datasets/csv/no-such-file.csv");
    for args in [
        vec!["import-values", path(&minimal), path(&csv), "--json"],
        vec!["import-values", path(&minimal)],
        vec!["import-values", path(&minimal), path(&missing)],
        vec!["import-values", path(&csv), path(&csv)],
        vec!["export-values", path(&missing)],
        vec!["export-values", path(&csv)],
    ] {
        assert_eq!(run(&args).status.code(), Some(2), "{args:?}");
    }
}

/// docs/DATA.md's examples ("From a spreadsheet") are messages the corpus
/// gives, word for word.
#[test]
fn docs_examples_are_real_messages() {
    let dir = root().join("tests/datasets/csv");
    let mut messages = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("csv/").flatten() {
        let csv = entry.path();
        if !csv.extension().is_some_and(|e| e == "csv") {
            continue;
        }
        let expect = std::fs::read_to_string(csv.with_extension("expect")).expect("expect");
        let mut args: Vec<&str> = expect
            .lines()
            .filter_map(|l| l.strip_prefix("args: "))
            .flat_map(|a| a.split(' '))
            .collect();
        args.push("--json");
        let name = csv.file_name().and_then(|s| s.to_str()).expect("name");
        let (output, _) = import_minimal(name, &args, &format!("docs-{name}"));
        let report: Value = serde_json::from_slice(&output.stdout).expect("JSON");
        for p in report["problems"].as_array().expect("problems") {
            messages.push(format!(
                "{}<br>{}",
                p["message"].as_str().unwrap_or_default(),
                p["message_zh"].as_str().unwrap_or_default()
            ));
        }
    }
    let docs = std::fs::read_to_string(root().join("docs/DATA.md")).expect("docs/DATA.md");
    let section = docs
        .split_once("## From a spreadsheet")
        .and_then(|(_, rest)| rest.split_once("\n## "))
        .map(|(s, _)| s)
        .expect("the section");
    let mut rows = 0;
    for line in section.lines().filter(|l| l.contains("<br>")) {
        let example = line
            .trim_end_matches(" |")
            .rsplit_once(" | ")
            .map(|(_, e)| e.replace("\\|", "|"))
            .expect("a table row");
        assert!(
            messages.contains(&example),
            "not a message of the corpus:\n{example}"
        );
        rows += 1;
    }
    assert_eq!(rows, 14, "one example per kind of the table");
}

/// Issue 16: importing onto a base that fails `validate` (a field written
/// twice) exited 0 and wrote a file that validated, the repeated field
/// silently resolved. The base must validate first: exit 2, nothing written.
#[test]
fn a_base_that_does_not_validate_is_refused() {
    let out = scratch("laundered").join("out.json");
    let base = root().join("tests/datasets/bad/duplicate_field.json");
    let csv = root().join("tests/datasets/csv/good_defaults.csv");
    let output = run(&["import-values", path(&base), path(&csv), "-o", path(&out)]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(!out.exists(), "nothing is written");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("does not validate") && stderr.contains("duplicate_field"),
        "{stderr}"
    );
}

/// A base the commands cannot start on is said in the reader's language
/// (`--lang zh`; the studio shows these to Chinese readers): it was English
/// only. The JSON error's place is the same in both: serde_json's line and
/// column, read here from the English message.
#[test]
fn a_base_that_cannot_be_read_is_said_in_chinese_with_lang_zh() {
    let dir = scratch("unreadable-zh");
    let out = dir.join("out.json");
    let base = root().join("tests/datasets/bad/duplicate_field.json");
    let csv = root().join("tests/datasets/csv/good_defaults.csv");
    let args = ["import-values", path(&base), path(&csv), "-o", path(&out)];
    let output = run(&[&args[..], &["--lang", "zh"]].concat());
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("该文件未通过检查") && stderr.contains("（duplicate_field）"),
        "{stderr}"
    );
    assert!(!stderr.contains("does not validate"), "{stderr}");

    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{\n  \"meta\": ,\n}").expect("written");
    let export = |lang: &str| {
        let output = run(&["export-values", path(&broken), "--lang", lang]);
        assert_eq!(output.status.code(), Some(2), "{output:?}");
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let (en, zh) = (export("en"), export("zh"));
    let place = en
        .split_once(" at line ")
        .and_then(|(_, rest)| rest.split_once(')'))
        .map(|(place, _)| place.split_once(" column ").expect("line and column"))
        .expect("serde_json's place");
    assert!(
        zh.contains(&format!(
            "不是有效的 JSON（第 {} 行第 {} 列）",
            place.0, place.1
        )),
        "{zh}\n{en}"
    );
    check_languages(&en, zh.trim()).unwrap_or_else(|e| panic!("{e}"));
}

/// Issue 16: a 2,000,000-row table took 4 GB and 8.5 s before it was
/// refused. It is refused at the first row over the limit, as it is read;
/// nothing is written. 1,000,001 rows (the limit is 1,000,000 observations).
#[test]
fn a_table_over_the_row_limit_is_refused_at_the_limit() {
    let dir = scratch("too-many-rows");
    let csv = dir.join("table.csv");
    let mut text = String::from("zone,indicator,year,value\n");
    for _ in 0..=zone_monitor::model::limits::MAX_OBSERVATIONS {
        text.push_str("a,gdp,2021,1\n");
    }
    std::fs::write(&csv, text).expect("written");
    let out = dir.join("out.json");
    let base = root().join("tests/datasets/good/minimal.json");
    let output = run(&[
        "import-values",
        path(&base),
        path(&csv),
        "--source",
        "report",
        "-o",
        path(&out),
    ]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("line 1000002: too_many_rows"),
        "{}",
        &stdout[..stdout.len().min(2000)]
    );
    assert!(!out.exists());
}
