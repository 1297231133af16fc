//! ARCHITECTURE.md's invariants, checked on the source: the core never names
//! the browser or drawing crates; claims reach the metrics only through the
//! analysis; the project cites no file outside it; and the widget writes a
//! number to places through `format::Fixed`.

use std::path::{Path, PathBuf};

const CORE: &[&str] = &[
    "src/model",
    "src/claims.rs",
    "src/claims",
    "src/metrics",
    "src/analysis",
    "src/views",
    "src/format.rs",
    "src/format",
    "src/i18n.rs",
    "src/order.rs",
    "src/order",
];
const FORBIDDEN: &[&str] = &["wasm_bindgen", "web_sys", "js_sys", "plotters"];

/// Every file under `path` (or `path` itself) named `*.{extension}`,
/// recursively, sorted.
fn source_files(path: &Path, extension: &str, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for entry in entries {
            source_files(&entry, extension, out);
        }
    } else if path.extension().is_some_and(|e| e == extension) {
        out.push(path.to_path_buf());
    }
}

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    source_files(path, "rs", out);
}

#[test]
fn the_core_never_imports_browser_or_drawing_crates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for part in CORE {
        rust_files(&root.join(part), &mut files);
    }
    assert!(
        files.len() > 20,
        "the core has {} files: is the list above stale?",
        files.len()
    );
    let mut offences = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for name in FORBIDDEN {
                if code.contains(&format!("{name}::"))
                    || code.contains(&format!("extern crate {name}"))
                {
                    offences.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "the core names a browser or drawing crate:\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_page_scripts_never_parse_html() {
    // ARCHITECTURE.md: nothing from the data is inserted as HTML. The
    // widget's scripts (every module under src/web/) and the pages' scripts
    // build DOM nodes and set `textContent`; none of the HTML-parsing sinks
    // may appear in them.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut scripts = Vec::new();
    source_files(&root.join("src/web"), "js", &mut scripts);
    assert!(
        scripts.len() >= 7,
        "the widget's modules found: {scripts:?}"
    );
    let mut www: Vec<_> = std::fs::read_dir(root.join("www"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "js"))
        // The built bundle is the sources above plus wasm-bindgen's glue.
        .filter(|p| !p.ends_with("zone-monitor.js"))
        .collect();
    assert!(www.len() >= 4, "the pages' scripts found: {www:?}");
    scripts.append(&mut www);
    let sinks = [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "createContextualFragment",
        "DOMParser",
    ];
    let mut offences = Vec::new();
    for script in &scripts {
        let text = std::fs::read_to_string(script).unwrap();
        for (n, line) in text.lines().enumerate() {
            for sink in sinks {
                if line.contains(sink) {
                    offences.push(format!("{}:{}: {}", script.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "a script uses an HTML-parsing sink:\n{}",
        offences.join("\n")
    );
}

/// The methods a widget module defines in its class body: lines indented
/// by exactly two spaces that read `[static] [async] [get|set] name(...) {`
/// (a keyword such as `if (...) {` is not a name).
/// The modules are formatted so (a mixin's `class extends Base {` opens on
/// the `export const` line), which the test below relies on.
fn js_methods(text: &str) -> Vec<(usize, String)> {
    let mut methods = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let Some(rest) = line.strip_prefix("  ") else {
            continue;
        };
        // A definition opens its body on its line (`name(args) {`, or the
        // whole of it: `name() {}`); a call at this indent does not.
        if rest.starts_with(' ') || !(line.trim_end().ends_with('{') || line.contains(") {")) {
            continue;
        }
        let mut rest = rest;
        for prefix in ["static ", "async ", "get ", "set "] {
            rest = rest.strip_prefix(prefix).unwrap_or(rest);
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
            .collect();
        let keyword = [
            "if", "for", "while", "switch", "catch", "function", "return",
        ];
        if !name.is_empty() && rest[name.len()..].starts_with('(') && !keyword.contains(&&*name) {
            methods.push((n + 1, name));
        }
    }
    methods
}

#[test]
fn each_method_of_the_widget_is_defined_in_one_module() {
    // The element is one class put together from mixins (src/web/js/): a
    // method defined in two modules would silently shadow the other, the
    // outer mixin winning; so would a field (`this.name = ...`) named like a
    // method. Each name is defined once.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut modules = Vec::new();
    source_files(&root.join("src/web"), "js", &mut modules);
    let mut defined: Vec<(String, String)> = Vec::new(); // (name, where)
    let mut fields: Vec<(String, String)> = Vec::new();
    for module in &modules {
        let text = std::fs::read_to_string(module).unwrap();
        let relative = module.strip_prefix(root).unwrap_or(module).display();
        for (n, name) in js_methods(&text) {
            defined.push((name, format!("{relative}:{n}")));
        }
        for (n, line) in text.lines().enumerate() {
            for (i, _) in line.match_indices("this.") {
                let after = &line[i + "this.".len()..];
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
                    .collect();
                let rest = after[name.len()..].trim_start();
                let assigned = ["=", "??=", "||=", "&&="]
                    .iter()
                    .any(|op| rest.starts_with(op) && !rest.starts_with("=="));
                if assigned {
                    fields.push((name, format!("{relative}:{}", n + 1)));
                }
            }
        }
    }
    // element.js (lifecycle, guard), controls, cards, hash, exports: the
    // methods of the widget are found, or the format above has changed.
    assert!(defined.len() > 40, "methods found: {defined:?}");
    let mut offences = Vec::new();
    for (i, (name, at)) in defined.iter().enumerate() {
        for (other, other_at) in &defined[i + 1..] {
            if name == other {
                offences.push(format!("{name}: defined at {at} and at {other_at}"));
            }
        }
        for (field, field_at) in &fields {
            if name == field {
                offences.push(format!(
                    "{name}: a method at {at}, a field set at {field_at}"
                ));
            }
        }
    }
    assert!(
        offences.is_empty(),
        "a name of the widget's class is defined twice, one hiding the other:\n{}",
        offences.join("\n")
    );
}

/// A Rust file's lines, numbered from 1, with `//` comments cut off.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(n, line)| (n + 1, line.split("//").next().unwrap_or("")))
}

#[test]
fn claims_reach_the_metrics_only_through_the_analysis() {
    // ARCHITECTURE.md: Dataset ──▶ claims ──▶ analysis ──▶ metrics. A claim's
    // figure beyond a sum or a mean (Gini, similarity) comes from
    // `crate::analysis`, the one place that wires the dataset to the metrics.
    // The whole word catches `crate::metrics::…`, `super::metrics` and a
    // grouped `use crate::{…, metrics}` alike.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/claims.rs"), &mut files);
    rust_files(&root.join("src/claims"), &mut files);
    assert!(files.len() >= 2, "claims files found: {files:?}");
    let mut offences = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, code) in code_lines(&text) {
            let names_metrics = code
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .any(|word| word == "metrics");
            if names_metrics {
                offences.push(format!("{}:{n}: {}", file.display(), code.trim()));
            }
        }
    }
    assert!(
        offences.is_empty(),
        "claims name crate::metrics; add or use an analysis function instead:\n{}",
        offences.join("\n")
    );
}

/// Folders that are built or installed rather than written: not the project's
/// text.
const NOT_OURS: &[&str] = &[".git", "target", "node_modules", "www/pkg", "www/pkg-bench"];

fn project_files(root: &Path, path: &Path, out: &mut Vec<PathBuf>) {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let skipped = NOT_OURS
        .iter()
        .any(|n| relative == Path::new(n) || path.file_name() == Some(n.as_ref()));
    if skipped {
        return;
    }
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for entry in entries {
            project_files(root, &entry, out);
        }
    } else {
        out.push(path.to_path_buf());
    }
}

#[test]
fn the_project_cites_no_file_outside_it() {
    // The report's notes lived beside the report, outside the repository; the
    // project must be understood without them, so the claims are written out
    // in docs/CLAIMS.md and cited there. The name is split so that this file
    // does not cite it.
    let needle = concat!("FACTS", ".md").as_bytes();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    project_files(root, root, &mut files);
    assert!(files.len() > 100, "project files found: {}", files.len());
    let mut offences = Vec::new();
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        if bytes.windows(needle.len()).any(|w| w == needle) {
            let relative = file.strip_prefix(root).unwrap_or(file);
            offences.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    assert!(
        offences.is_empty(),
        "these files cite a file outside the repository; cite docs/CLAIMS.md \
         (with the claim id) instead:\n{}",
        offences.join("\n")
    );
}

/// Whether a line of code holds a format placeholder with a precision:
/// `{`, an argument's name or nothing, `:`, a spec without spaces in which a
/// `.` is followed by a digit, `*` or a name (`{x:.2}`, `{:>8.1}`, `{:.*}`,
/// `{x:.places$}`; not a struct literal's `{ x: a.0 }`).
fn has_precision(code: &str) -> bool {
    code.split('{').skip(1).any(|after| {
        let inside = after.split('}').next().unwrap_or("");
        inside.split_once(':').is_some_and(|(name, spec)| {
            name.chars().all(|c| c.is_alphanumeric() || c == '_')
                && !spec.contains(char::is_whitespace)
                && spec.split_once('.').is_some_and(|(_, p)| {
                    p.starts_with(|c: char| c.is_alphanumeric() || c == '*' || c == '_')
                })
        })
    })
}

#[test]
fn the_widget_writes_numbers_to_places_through_format_fixed() {
    // ARCHITECTURE.md (src/format.rs): a number to N places is
    // `format::Fixed(x, N)`, not `{:.N}`: the format strings with a
    // precision made the wasm 155 B larger after gzip. The wasm's code is
    // the library less its tests; the command-line tools (src/bin) may.
    for (code, expected) in [
        (r#"format!("{x:.2}")"#, true),
        (r#"format!("{:>8.1} {}", a, b)"#, true),
        (r#"format!("{:.*}", d, v)"#, true),
        (r#"format!("{x:.places$}")"#, true),
        (r#"format!("{x} {:>8}", y)"#, false),
        ("Point { x: a.0 }", false),
    ] {
        assert_eq!(has_precision(code), expected, "{code}");
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let library = |file: &&PathBuf| {
        let path = file.to_string_lossy();
        !(path.contains("/src/bin/") || path.contains("/tests/") || path.ends_with("tests.rs"))
    };
    let files: Vec<&PathBuf> = files.iter().filter(library).collect();
    assert!(files.len() > 50, "the library's files: {files:?}");
    let mut offences = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, code) in code_lines(&text) {
            if has_precision(code) {
                offences.push(format!("{}:{n}: {}", file.display(), code.trim()));
            }
        }
    }
    assert!(
        offences.is_empty(),
        "a format string with a precision; write format::Fixed(x, places) instead:\n{}",
        offences.join("\n")
    );
}
