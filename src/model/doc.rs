//! The parsed file: [`Doc`], a compact JSON tree that keeps what the
//! validator reads and little else.
//!
//! `serde_json::Value` costs a `BTreeMap` node and a heap string per key of
//! every object: a 20 MB file of 141,000 observations peaked at 189 MB. Here
//! every value is a 12-byte [`Val`]; the items of an array and the entries of
//! an object sit in two flat vectors, each array or object a range of them;
//! short strings are stored once each (keys, ids and statuses repeat on every
//! row). The same file peaks at 56 MB, text included (docs/DATA.md,
//! "Limits").
//!
//! Unlike `serde_json::Value`, an object keeps its entries in file order and
//! keeps a repeated key, so the validator can report it rather than silently
//! keep the last one.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::index::Ids;

/// One JSON value; arrays, objects and strings point into the [`Doc`]. 12
/// bytes (4-byte aligned), so an object's entry with its key is 16.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Val {
    Null,
    Bool(bool),
    /// JSON numbers as the validator reads them (serde_json's `as_f64`).
    Number(Num),
    /// Index into [`Doc::strings`].
    Str(u32),
    /// `len` items from `start` in [`Doc::items`].
    Array {
        start: u32,
        len: u32,
    },
    /// `len` entries from `start` in [`Doc::entries`].
    Object {
        start: u32,
        len: u32,
    },
}

/// An `f64` stored as two `u32`s, so that [`Val`] needs only 4-byte
/// alignment.
#[derive(Clone, Copy, PartialEq)]
pub(crate) struct Num([u32; 2]);

impl Num {
    pub fn new(x: f64) -> Num {
        let bits = x.to_bits();
        Num([(bits >> 32) as u32, bits as u32])
    }

    pub fn get(self) -> f64 {
        f64::from_bits((u64::from(self.0[0]) << 32) | u64::from(self.0[1]))
    }
}

impl fmt::Debug for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.get())
    }
}

/// A parsed JSON document.
#[derive(Debug, Default)]
pub(crate) struct Doc {
    strings: Vec<Box<str>>,
    items: Vec<Val>,
    /// (key as an index into `strings`, value).
    entries: Vec<(u32, Val)>,
    root: Option<Val>,
}

/// Strings up to this many bytes, and keys of any length, are stored once
/// however often they occur: keys, ids, statuses. Longer values (names,
/// descriptions) are stored as met. A key has one index wherever it occurs,
/// so a repeated key is a repeated index.
const SHARED_STRING_BYTES: usize = 64;

impl Doc {
    /// Parses JSON text (serde_json's parser: its syntax errors, its nesting
    /// limit of 128).
    pub fn parse(text: &str) -> Result<Doc, serde_json::Error> {
        let mut builder = Builder::default();
        let mut de = serde_json::Deserializer::from_str(text);
        let root = ValSeed(&mut builder).deserialize(&mut de)?;
        de.end()?;
        let mut doc = builder.doc;
        doc.root = Some(root);
        doc.items.shrink_to_fit();
        doc.entries.shrink_to_fit();
        doc.strings.shrink_to_fit();
        Ok(doc)
    }

    /// A number written as JSON writes it ("7.5"), read by the same parser
    /// as the data (`str::parse::<f64>` would add 15 KB gzip to the wasm).
    pub fn number(text: &str) -> Option<f64> {
        match Doc::parse(text).ok()?.root() {
            Val::Number(n) => Some(n.get()),
            _ => None,
        }
    }

    pub fn root(&self) -> Val {
        self.root.unwrap_or(Val::Null)
    }

    pub fn str(&self, index: u32) -> &str {
        self.strings.get(index as usize).map_or("", |s| s)
    }

    pub fn items(&self, start: u32, len: u32) -> &[Val] {
        let (start, len) = (start as usize, len as usize);
        self.items.get(start..start + len).unwrap_or_default()
    }

    pub fn entries(&self, start: u32, len: u32) -> &[(u32, Val)] {
        let (start, len) = (start as usize, len as usize);
        self.entries.get(start..start + len).unwrap_or_default()
    }
}

#[derive(Default)]
struct Builder {
    doc: Doc,
    /// The strings stored once, and where each is in `doc.strings`.
    shared: Ids,
    shared_at: Vec<u32>,
}

impl Builder {
    fn string(&mut self, s: &str, share: bool) -> u32 {
        let i = self.doc.strings.len() as u32;
        if share {
            let (n, new) = self.shared.add(s);
            if !new {
                return self.shared_at[n];
            }
            self.shared_at.push(i);
        }
        self.doc.strings.push(s.into());
        i
    }

    /// Indices are u32: a document over the 20 MB limit is refused before
    /// parsing, and 20 MB of JSON holds far fewer than 2³² values.
    fn index(n: usize) -> u32 {
        u32::try_from(n).unwrap_or(u32::MAX)
    }
}

struct ValSeed<'b>(&'b mut Builder);

impl<'de> DeserializeSeed<'de> for ValSeed<'_> {
    type Value = Val;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Val, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValSeed<'_> {
    type Value = Val;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Val, E> {
        Ok(Val::Null)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Val, E> {
        Ok(Val::Bool(b))
    }

    fn visit_i64<E>(self, x: i64) -> Result<Val, E> {
        Ok(Val::Number(Num::new(x as f64)))
    }

    fn visit_u64<E>(self, x: u64) -> Result<Val, E> {
        Ok(Val::Number(Num::new(x as f64)))
    }

    fn visit_f64<E>(self, x: f64) -> Result<Val, E> {
        Ok(Val::Number(Num::new(x)))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Val, E> {
        Ok(Val::Str(self.0.string(s, s.len() <= SHARED_STRING_BYTES)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Val, A::Error> {
        // Nested values append to the flat vectors first; this array's own
        // items go in after them, contiguous.
        let mut local = Vec::new();
        while let Some(v) = seq.next_element_seed(ValSeed(&mut *self.0))? {
            local.push(v);
        }
        let start = Builder::index(self.0.doc.items.len());
        let len = Builder::index(local.len());
        self.0.doc.items.extend(local);
        Ok(Val::Array { start, len })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Val, A::Error> {
        let mut local = Vec::new();
        while let Some(key) = map.next_key_seed(KeySeed(&mut *self.0))? {
            let value = map.next_value_seed(ValSeed(&mut *self.0))?;
            local.push((key, value));
        }
        let start = Builder::index(self.0.doc.entries.len());
        let len = Builder::index(local.len());
        self.0.doc.entries.extend(local);
        Ok(Val::Object { start, len })
    }
}

struct KeySeed<'b>(&'b mut Builder);

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = u32;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<u32, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = u32;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<u32, E> {
        Ok(self.0.string(s, true))
    }
}

#[cfg(test)]
mod tests;
