//! The serde edge: parsing the file into a compact [`Doc`] and reading it
//! leniently, one field at a time, so that a wrong type in one row is reported
//! with its path and the rest of the file is still checked.
//!
//! [`Walker`] collects the [`Problem`]s; [`Node`] and [`Obj`] are a value and
//! an object with their JSON paths. `validate` reads the file only through
//! them. Also here: problems as JSON for `zone-monitor validate --json` and the
//! browser.

use serde_json::Value;

use super::doc::{Doc, Val};
use super::index::Seen;
use super::phrase::json_error_zh;
use super::problem::{Found, Phrase, Problem, ProblemKind, Severity};
use super::Text;

/// Stop listing after this many problems (a browser must not render a
/// million): the last entry says the list was cut.
pub const MAX_PROBLEMS: usize = 1000;

/// Parses the text; a syntax error is one `invalid_json` problem with its line
/// and column.
pub(crate) fn parse(text: &str) -> Result<Doc, Box<Problem>> {
    Doc::parse(text).map_err(|e| {
        Box::new(Problem::error(
            "",
            ProblemKind::InvalidJson,
            Phrase::JsonDocument,
            syntax_error(&e),
        ))
    })
}

/// A syntax error as a phrase: serde_json's English message (it ends with
/// "at line L column C") and its Chinese.
fn syntax_error(e: &serde_json::Error) -> Phrase {
    let en = e.to_string();
    let what = en.split(" at line ").next().unwrap_or_default();
    Phrase::JsonSyntax {
        zh: json_error_zh(what),
        en,
        line: e.line(),
        column: e.column(),
    }
}

/// A number as a message shows it: whole numbers without a decimal point,
/// very large and very small ones with an exponent (`1e300`, `2.5e-7`),
/// others as written (`12.5`). Core's formatting, not serde_json's `Number`:
/// that would bring a second float printer into the wasm (2 KB).
fn number_text(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else if x.abs() >= 1e15 || x.abs() < 1e-5 {
        format!("{x:e}")
    } else {
        x.to_string()
    }
}

/// A value and its path in the file.
#[derive(Clone, Debug)]
pub(crate) struct Node<'a> {
    pub path: String,
    value: Val,
    doc: &'a Doc,
}

impl<'a> Node<'a> {
    pub fn root(doc: &'a Doc) -> Node<'a> {
        Node {
            path: String::new(),
            value: doc.root(),
            doc,
        }
    }

    pub fn is_null(&self) -> bool {
        self.value == Val::Null
    }

    /// The string, if the value is one.
    pub fn as_str(&self) -> Option<&'a str> {
        match self.value {
            Val::Str(i) => Some(self.doc.str(i)),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self.value {
            Val::Number(x) => Some(x.get()),
            _ => None,
        }
    }

    /// How the value reads in a message: `the text "n/a"`, `null`, `an
    /// object`.
    pub fn describe(&self) -> Phrase {
        Phrase::Value(match self.value {
            Val::Null => Found::Null,
            Val::Bool(b) => Found::Bool(b),
            Val::Number(x) => Found::Number(number_text(x.get())),
            Val::Str(i) => {
                let s = self.doc.str(i);
                let shown: String = s.chars().take(40).collect();
                Found::Text {
                    cut: shown.len() < s.len(),
                    shown,
                }
            }
            Val::Array { len, .. } => Found::Array(len as usize),
            Val::Object { .. } => Found::Object,
        })
    }
}

/// Joins a path and a key: `zones[3]` + `land_km2`.
pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// An object and its path.
#[derive(Clone, Debug)]
pub(crate) struct Obj<'a> {
    pub path: String,
    entries: &'a [(u32, Val)],
    doc: &'a Doc,
}

impl<'a> Obj<'a> {
    fn node(&self, key: &str, value: Val) -> Node<'a> {
        Node {
            path: join(&self.path, key),
            value,
            doc: self.doc,
        }
    }

    /// The field, if present (null counts as present). A repeated key (an
    /// error, reported by [`Walker::object`]) reads as its first value.
    pub fn get(&self, key: &str) -> Option<Node<'a>> {
        self.entries
            .iter()
            .find(|(k, _)| self.doc.str(*k) == key)
            .map(|(_, value)| self.node(key, *value))
    }

    /// The field, if present and not null.
    pub fn get_non_null(&self, key: &str) -> Option<Node<'a>> {
        self.get(key).filter(|n| !n.is_null())
    }

    pub fn path_of(&self, key: &str) -> String {
        join(&self.path, key)
    }

    fn keys(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.entries.iter().map(|(k, _)| self.doc.str(*k))
    }

    /// Every entry, in file order, with its path.
    pub fn entries(&self) -> impl Iterator<Item = (&'a str, Node<'a>)> + '_ {
        self.entries.iter().map(|(k, value)| {
            let key = self.doc.str(*k);
            (key, self.node(key, *value))
        })
    }
}

/// The items of an array. Each item's [`Node`] (and its path) is made as
/// the reader comes to it: 141,000 observations need not hold 141,000 paths.
#[derive(Clone, Debug)]
pub(crate) struct Items<'a> {
    path: String,
    values: &'a [Val],
    doc: &'a Doc,
}

impl<'a> Items<'a> {
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Every item, with its path (`observations[12]`).
    pub fn iter(&self) -> impl Iterator<Item = Node<'a>> + '_ {
        self.values.iter().enumerate().map(|(i, value)| Node {
            path: format!("{}[{i}]", self.path),
            value: *value,
            doc: self.doc,
        })
    }
}

/// Reads values and collects problems.
#[derive(Debug, Default)]
pub(crate) struct Walker {
    problems: Vec<Problem>,
    errors: usize,
    cut: bool,
}

impl Walker {
    pub fn push(&mut self, problem: Problem) {
        if self.cut {
            return;
        }
        if self.problems.len() + 1 >= MAX_PROBLEMS {
            self.cut = true;
            self.errors += 1;
            self.problems.push(Problem::error(
                "",
                ProblemKind::TooManyProblems,
                Phrase::AtMostProblems(MAX_PROBLEMS),
                Phrase::More,
            ));
            return;
        }
        if problem.severity == Severity::Error {
            self.errors += 1;
        }
        self.problems.push(problem);
    }

    pub fn error(&mut self, path: &str, kind: ProblemKind, expected: Phrase, found: Phrase) {
        self.push(Problem::error(path, kind, expected, found));
    }

    pub fn warn(&mut self, path: &str, kind: ProblemKind, expected: Phrase, found: Phrase) {
        self.push(Problem::warning(path, kind, expected, found));
    }

    pub fn has_errors(&self) -> bool {
        self.errors > 0
    }

    pub fn into_problems(self) -> Vec<Problem> {
        self.problems
    }

    /// An object; fields not in `known` are reported as warnings, a field
    /// written twice as an error.
    pub fn object<'a>(&mut self, node: &Node<'a>, known: &[&str]) -> Option<Obj<'a>> {
        let obj = self.map(node)?;
        for key in obj.keys() {
            if !known.contains(&key) {
                self.warn(
                    &join(&node.path, key),
                    ProblemKind::UnknownField,
                    Phrase::OneOf(known.iter().map(|k| k.to_string()).collect()),
                    Phrase::Quoted(key.to_string()),
                );
            }
        }
        self.keys_once(&obj);
        Some(obj)
    }

    /// An object whose keys are data (ids), not field names: no unknown-field
    /// warnings; a key written twice is an error.
    pub fn data_map<'a>(&mut self, node: &Node<'a>) -> Option<Obj<'a>> {
        let obj = self.map(node)?;
        self.keys_once(&obj);
        Some(obj)
    }

    /// An object, for a first look at some of its fields; [`Walker::object`]
    /// reads it in full later.
    pub fn map<'a>(&mut self, node: &Node<'a>) -> Option<Obj<'a>> {
        let Val::Object { start, len } = node.value else {
            self.error(
                &node.path,
                ProblemKind::WrongType,
                Phrase::Object,
                node.describe(),
            );
            return None;
        };
        Some(Obj {
            path: node.path.clone(),
            entries: node.doc.entries(start, len),
            doc: node.doc,
        })
    }

    /// Reports every key met a second time in an object: JSON parsers differ
    /// on which value wins, so the file must say.
    fn keys_once(&mut self, obj: &Obj<'_>) {
        // Keys are stored once each in the `Doc`: equal keys, equal indices.
        let mut seen = Seen::default();
        for (k, _) in obj.entries {
            if !seen.insert(u64::from(*k)) {
                let key = obj.doc.str(*k);
                self.error(
                    &obj.path_of(key),
                    ProblemKind::DuplicateField,
                    Phrase::FieldOnce,
                    Phrase::QuotedAgain(key.to_string()),
                );
            }
        }
    }

    /// A required field (null counts as present; the reader of the value
    /// decides whether null is allowed).
    pub fn required<'a>(&mut self, obj: &Obj<'a>, key: &str) -> Option<Node<'a>> {
        let node = obj.get(key);
        if node.is_none() {
            self.error(
                &obj.path_of(key),
                ProblemKind::MissingField,
                Phrase::Field(key.to_string()),
                Phrase::Nothing,
            );
        }
        node
    }

    /// An array of at most `max` items.
    pub fn array<'a>(&mut self, node: &Node<'a>, max: usize) -> Option<Items<'a>> {
        let Val::Array { start, len } = node.value else {
            self.error(
                &node.path,
                ProblemKind::WrongType,
                Phrase::Array,
                node.describe(),
            );
            return None;
        };
        if len as usize > max {
            self.error(
                &node.path,
                ProblemKind::TooManyItems,
                Phrase::AtMostItems(max),
                Phrase::Items(len as usize),
            );
            return None;
        }
        Some(Items {
            path: node.path.clone(),
            values: node.doc.items(start, len),
            doc: node.doc,
        })
    }

    /// A non-empty string of at most `max` characters.
    pub fn string(&mut self, node: &Node<'_>, max: usize) -> Option<String> {
        let Some(s) = node.as_str() else {
            self.error(
                &node.path,
                ProblemKind::WrongType,
                Phrase::Text,
                node.describe(),
            );
            return None;
        };
        if s.trim().is_empty() {
            self.error(
                &node.path,
                ProblemKind::EmptyString,
                Phrase::NonEmptyText,
                node.describe(),
            );
            return None;
        }
        let length = s.chars().count();
        if length > max {
            self.error(
                &node.path,
                ProblemKind::StringTooLong,
                Phrase::AtMostChars(max),
                Phrase::Chars(length),
            );
            return None;
        }
        Some(s.to_string())
    }

    /// An id: `[A-Za-z0-9][A-Za-z0-9_-]{0,63}`.
    pub fn id(&mut self, node: &Node<'_>) -> Option<String> {
        let Some(s) = node.as_str() else {
            self.error(
                &node.path,
                ProblemKind::WrongType,
                Phrase::IdText,
                node.describe(),
            );
            return None;
        };
        if !is_id(s) {
            self.error(
                &node.path,
                ProblemKind::InvalidId,
                Phrase::IdLike,
                node.describe(),
            );
            return None;
        }
        Some(s.to_string())
    }

    /// A number (JSON numbers are always finite).
    pub fn number(&mut self, node: &Node<'_>) -> Option<f64> {
        match node.as_f64() {
            Some(x) => Some(x),
            None => {
                self.error(
                    &node.path,
                    ProblemKind::WrongType,
                    Phrase::Number,
                    node.describe(),
                );
                None
            }
        }
    }

    /// A number or null. `None`: a problem was reported.
    pub fn nullable_number(&mut self, node: &Node<'_>) -> Option<Option<f64>> {
        if node.is_null() {
            return Some(None);
        }
        match node.as_f64() {
            Some(x) => Some(Some(x)),
            None => {
                self.error(
                    &node.path,
                    ProblemKind::WrongType,
                    Phrase::NumberOrNull,
                    node.describe(),
                );
                None
            }
        }
    }

    /// A whole number within `min..=max`.
    pub fn integer(&mut self, node: &Node<'_>, min: i64, max: i64) -> Option<i64> {
        let x = self.number(node)?;
        if x.fract() != 0.0 {
            self.error(
                &node.path,
                ProblemKind::NotAnInteger,
                Phrase::WholeNumber,
                node.describe(),
            );
            return None;
        }
        if x < min as f64 || x > max as f64 {
            self.error(
                &node.path,
                ProblemKind::OutOfRange,
                Phrase::WholeNumberIn(min, max),
                node.describe(),
            );
            return None;
        }
        Some(x as i64)
    }

    pub fn boolean(&mut self, node: &Node<'_>) -> Option<bool> {
        match node.value {
            Val::Bool(b) => Some(b),
            _ => {
                self.error(
                    &node.path,
                    ProblemKind::WrongType,
                    Phrase::Boolean,
                    node.describe(),
                );
                None
            }
        }
    }

    /// A `{"zh": ..., "en": ...}` pair, each at most `max` characters.
    pub fn text(&mut self, node: &Node<'_>, max: usize) -> Option<Text> {
        let obj = self.object(node, &["zh", "en"])?;
        let zh = self.required(&obj, "zh").and_then(|n| self.string(&n, max));
        let en = self.required(&obj, "en").and_then(|n| self.string(&n, max));
        Some(Text { zh: zh?, en: en? })
    }

    /// One of the listed names; returns its index.
    pub fn choice(&mut self, node: &Node<'_>, options: &[&str]) -> Option<usize> {
        let found = node
            .as_str()
            .and_then(|s| options.iter().position(|o| *o == s));
        if found.is_none() {
            self.error(
                &node.path,
                ProblemKind::InvalidEnum,
                Phrase::OneOf(options.iter().map(|o| o.to_string()).collect()),
                node.describe(),
            );
        }
        found
    }
}

/// Whether a string is a valid id: `[A-Za-z0-9][A-Za-z0-9_-]{0,63}`.
pub fn is_id(s: &str) -> bool {
    let bytes = s.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 64
        && bytes[0].is_ascii_alphanumeric()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-')
}

/// Problems as a JSON array with stable keys: `severity`, `path`, `kind`,
/// `expected`, `found`, `message` (English), `message_zh`.
pub fn problems_to_json(problems: &[Problem]) -> Value {
    Value::Array(
        problems
            .iter()
            .map(|p| {
                serde_json::json!({
                    "severity": p.severity.as_str(),
                    "path": p.path,
                    "kind": p.kind.as_str(),
                    "expected": p.expected.en(),
                    "found": p.found.en(),
                    "message": p.message(crate::i18n::Lang::En),
                    "message_zh": p.message(crate::i18n::Lang::Zh),
                })
            })
            .collect(),
    )
}
