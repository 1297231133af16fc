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
            syntax_error(&e, text),
        ))
    })
}

/// A syntax error as a phrase: serde_json's English message (it ends with
/// "at line L column C") and its Chinese, or, where serde_json's words do
/// not say what is wrong, what is there: `NaN` or `Infinity` (JSON has no
/// such numbers), text that is not JSON at all, a lone surrogate escape.
fn syntax_error(e: &serde_json::Error, text: &str) -> Phrase {
    let en = e.to_string();
    let what = &en[..crate::format::find(&en, " at line ").unwrap_or(en.len())];
    let (line, column) = (e.line(), e.column());
    // The error's line up to and from its column (serde_json counts bytes).
    let line_text = text.lines().nth(line.saturating_sub(1)).unwrap_or_default();
    let at = column.saturating_sub(1).min(line_text.len());
    let (before, after) = match (line_text.get(..at), line_text.get(at..)) {
        (Some(b), Some(a)) => (b, a),
        _ => ("", ""),
    };
    let clearer = match what {
        "expected value" | "expected ident" | "invalid number"
            if ["NaN", "Infinity", "+Infinity", "nan", "inf"]
                .iter()
                .any(|w| after.starts_with(w) || after.starts_with(&format!("-{w}"))) =>
        {
            Some(JsonSyntaxHint::NotANumber)
        }
        "expected value" if line == 1 && at == 0 => Some(JsonSyntaxHint::NotJson),
        "unexpected end of hex escape" | "lone leading surrogate in hex escape"
            if before
                .as_bytes()
                .windows(2)
                .rposition(|w| w == b"\\u")
                .is_some_and(|i| {
                    matches!(
                        before.as_bytes().get(i + 2..i + 4),
                        Some([b'D' | b'd', b'8'..=b'9' | b'A'..=b'F' | b'a'..=b'f'])
                    )
                }) =>
        {
            Some(JsonSyntaxHint::LoneSurrogate)
        }
        _ => None,
    };
    match clearer {
        Some(hint) => Phrase::JsonSyntax {
            zh: hint.zh(),
            en: format!("{} at line {line} column {column}", hint.en()),
            line,
            column,
        },
        None => Phrase::JsonSyntax {
            zh: json_error_zh(what),
            en,
            line,
            column,
        },
    }
}

/// What a syntax error is when serde_json's words do not say.
#[derive(Clone, Copy)]
enum JsonSyntaxHint {
    NotANumber,
    NotJson,
    LoneSurrogate,
}

impl JsonSyntaxHint {
    fn en(self) -> &'static str {
        match self {
            JsonSyntaxHint::NotANumber => {
                "NaN or Infinity, which JSON has no number for (write null for a missing value)"
            }
            JsonSyntaxHint::NotJson => "text that is not JSON (a dataset starts with {)",
            JsonSyntaxHint::LoneSurrogate => {
                "a lone surrogate escape (\\uD800-\\uDFFF is half a character: write the pair or the character)"
            }
        }
    }

    fn zh(self) -> &'static str {
        match self {
            JsonSyntaxHint::NotANumber => {
                "\"NaN\" 或 \"Infinity\" 不是 JSON 数值（缺失的数值请写 null）"
            }
            JsonSyntaxHint::NotJson => "不是 JSON 文本（数据文件以 { 开头）",
            JsonSyntaxHint::LoneSurrogate => {
                "不成对的代理项转义（\"\\uD800\"–\"\\uDFFF\" 只是半个字符：写出完整的一对，或直接写字符）"
            }
        }
    }
}

/// A number as a message shows it: whole numbers without a decimal point,
/// very large and very small ones with an exponent (`1e300`, `2.5e-7`),
/// others as written (`12.5`). Core's formatting, not serde_json's `Number`:
/// that would bring a second float printer into the wasm (2 KB).
pub(crate) fn number_text(x: f64) -> String {
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
/// Built by hand, not with `format!`: every value of a file gets a path,
/// and the formatting machinery was a tenth of loading a 2,000-zone file.
pub(crate) fn join(path: &str, key: &str) -> String {
    let mut out = String::with_capacity(path.len() + 1 + key.len());
    if !path.is_empty() {
        out.push_str(path);
        out.push('.');
    }
    out.push_str(key);
    out
}

/// An item's path: `observations` + 12 → `observations[12]` (by hand, as
/// [`join`]).
fn item_path(path: &str, i: usize) -> String {
    let mut digits = [0u8; 20];
    let mut n = i;
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut out = String::with_capacity(path.len() + 2 + digits.len() - start);
    out.push_str(path);
    out.push('[');
    out.extend(digits[start..].iter().map(|&d| char::from(d)));
    out.push(']');
    out
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

    /// The item at `i` with its path, for a message.
    pub fn node(&self, i: usize) -> Node<'a> {
        Node {
            path: item_path(&self.path, i),
            value: self.values[i],
            doc: self.doc,
        }
    }

    /// Item `i` as a number or null, without making its path (a series of
    /// a national-scale file has a million of them): `None` for any other
    /// value.
    pub fn nullable_f64(&self, i: usize) -> Option<Option<f64>> {
        match self.values.get(i)? {
            Val::Null => Some(None),
            Val::Number(x) => Some(Some(x.get())),
            _ => None,
        }
    }

    /// Every item, with its path (`observations[12]`).
    pub fn iter(&self) -> impl Iterator<Item = Node<'a>> + '_ {
        self.values.iter().enumerate().map(|(i, value)| Node {
            path: item_path(&self.path, i),
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

    /// Errors so far.
    pub fn error_count(&self) -> usize {
        self.errors
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

    /// A string of at most `max` characters that shows something: no
    /// control character or noncharacter (they cannot be displayed and make
    /// an SVG download invalid XML), and at least one visible character
    /// (see [`is_invisible`]).
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
        if let Some((at, c)) = s.chars().enumerate().find(|(_, c)| is_refused(*c)) {
            self.error(
                &node.path,
                ProblemKind::InvalidCharacter,
                Phrase::DisplayableText,
                Phrase::CharacterAt(at + 1, u32::from(c)),
            );
            return None;
        }
        if s.chars().all(is_invisible) {
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

/// A character no text of the file may hold: a control character (C0, DEL,
/// C1; a name is one line, and XML 1.0 refuses most of them) or a
/// noncharacter (U+FDD0–U+FDEF and the last two of every plane, U+FFFE and
/// U+FFFF among them: XML refuses those too).
pub fn is_refused(c: char) -> bool {
    let c = u32::from(c);
    c < 0x20 || (0x7F..=0x9F).contains(&c) || (0xFDD0..=0xFDEF).contains(&c) || c & 0xFFFE == 0xFFFE
}

/// A character that shows nothing by itself: white space, zero-width and
/// direction marks and other format characters, blank fillers (U+2800
/// braille blank, the Hangul fillers), variation selectors and tags. A text
/// made only of these reads as blank.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(u32::from(c),
            0xAD | 0x34F | 0x61C | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F
            | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x2800 | 0x3164
            | 0xFE00..=0xFE0F | 0xFEFF | 0xFFA0 | 0x1D173..=0x1D17A | 0xE0000..=0xE0FFF)
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
