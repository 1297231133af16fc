//! The studio page's wasm (www/studio.html, feature `studio`): the template
//! downloads and the import of a filled table onto a base file, through the
//! same [`crate::values`] as `export-values` and `import-values`. Built
//! instead of the widget's bindings, so the widget's wasm carries none of
//! this; the page previews the result with the widget's own script and wasm.
//! It converts arguments and results: nothing is computed here.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::i18n::Lang;
use crate::values::{self, Unreadable};

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The error in the page's language.
fn unreadable(lang: Lang) -> impl Fn(Unreadable) -> JsError {
    move |e| JsError::new(e.message(lang))
}

/// The studio's words in `lang` (`values::words`), one object keyed by key.
#[wasm_bindgen]
pub fn studio_words(lang: &str) -> Result<JsValue, JsError> {
    let words: std::collections::BTreeMap<_, _> = values::words::of(Lang::from_tag(lang)).collect();
    to_js(&words)
}

/// The XLSX template of `base` (`export-values -o values.xlsx --lang`).
#[wasm_bindgen]
pub fn template_xlsx(base: &str, lang: &str) -> Result<Vec<u8>, JsError> {
    let lang = Lang::from_tag(lang);
    values::template::xlsx("data/zones.json", base, lang).map_err(unreadable(lang))
}

/// The CSV template of `base` (`export-values -o values.csv`); an error in
/// `lang`.
#[wasm_bindgen]
pub fn template_csv(base: &str, lang: &str) -> Result<Vec<u8>, JsError> {
    values::export("data/zones.json", base).map_err(unreadable(Lang::from_tag(lang)))
}

/// A problem as the page lists it.
#[derive(Serialize)]
struct ProblemOut<'a> {
    severity: &'a str,
    kind: &'static str,
    /// The kind's short name in the page's language (`values::words::KINDS`).
    label: &'static str,
    sheet: Option<&'a str>,
    line: Option<usize>,
    letter: Option<&'a str>,
    column: Option<&'a str>,
    path: Option<&'a str>,
    message: String,
}

/// What the page gets from an import.
#[derive(Serialize)]
struct ImportOut<'a> {
    rows: usize,
    errors: usize,
    warnings: usize,
    problems: Vec<ProblemOut<'a>>,
    /// The new file's text, when it has no error.
    dataset: Option<&'a str>,
    /// Every row read, the header first: (line, cells).
    lines: &'a [(usize, Vec<String>)],
}

/// `import-values BASE TABLE --lang`: the table (CSV or XLSX bytes) onto
/// the base file's text, every problem in `lang`. Throws only when the base
/// itself cannot be read.
#[wasm_bindgen]
pub fn import_table(base: &str, table: &[u8], lang: &str) -> Result<JsValue, JsError> {
    let lang = Lang::from_tag(lang);
    let imported = values::import("data/zones.json", base.as_bytes(), table, None)
        .map_err(unreadable(lang))?;
    let errors = imported.problems.iter().filter(|p| p.is_error()).count();
    to_js(&ImportOut {
        rows: imported.rows,
        errors,
        warnings: imported.problems.len() - errors,
        problems: imported
            .problems
            .iter()
            .map(|p| ProblemOut {
                severity: p.severity.as_str(),
                kind: p.kind(),
                label: values::words::kind(p.kind(), lang),
                sheet: p.sheet.as_deref(),
                line: p.line,
                letter: p.letter.as_deref(),
                column: p.column.as_deref(),
                path: p.path.as_deref(),
                message: p.message(lang),
            })
            .collect(),
        dataset: imported.dataset.as_deref(),
        lines: &imported.lines,
    })
}
