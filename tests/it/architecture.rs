//! ARCHITECTURE.md's invariants, checked on the source: the core never names
//! the browser or drawing crates.

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

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for entry in entries {
            rust_files(&entry, out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
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
    // widget's script and the pages' scripts build DOM nodes and set
    // `textContent`; none of the HTML-parsing sinks may appear in them.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut scripts = vec![root.join("src/web/zone-monitor.js")];
    let mut www: Vec<_> = std::fs::read_dir(root.join("www"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "js"))
        // The built bundle is the source above plus wasm-bindgen's glue.
        .filter(|p| !p.ends_with("zone-monitor.js"))
        .collect();
    scripts.append(&mut www);
    assert!(scripts.len() >= 4, "scripts found: {scripts:?}");
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
