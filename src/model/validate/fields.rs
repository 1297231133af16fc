//! Readers shared by the sections: lists, ids and references to them,
//! years, statuses, texts and numbers.

use super::*;

const STATUSES: &[&str] = &["reported", "derived", "illustrative"];
const STATUS_VALUES: [Status; 3] = [Status::Reported, Status::Derived, Status::Illustrative];

impl Validator {
    /// Reads every item of an array; `None` if the array or any item is bad.
    pub(super) fn list<'a, T>(
        &mut self,
        node: &Node<'a>,
        max: usize,
        item: fn(&mut Self, &Node<'a>) -> Option<T>,
    ) -> Option<Vec<T>> {
        let Some(items) = self.w.array(node, max) else {
            self.unread.push(node.path.clone());
            return None;
        };
        let mut out = Some(Vec::with_capacity(items.len()));
        for n in items.iter() {
            match (item(self, &n), out.as_mut()) {
                (Some(x), Some(v)) => v.push(x),
                _ => out = None,
            }
        }
        out
    }

    /// An optional array field (absent or null: empty).
    pub(super) fn optional_list<'a, T>(
        &mut self,
        obj: &Obj<'a>,
        key: &str,
        max: usize,
        item: fn(&mut Self, &Node<'a>) -> Option<T>,
    ) -> Option<Vec<T>> {
        match obj.get_non_null(key) {
            None => Some(Vec::new()),
            Some(n) => self.list(&n, max, item),
        }
    }

    /// Reports every entry of a list whose key was seen before.
    pub(super) fn no_duplicates(
        &mut self,
        list: &str,
        keys: impl Iterator<Item = String>,
        expected: fn() -> P,
    ) {
        let mut seen = Ids::default();
        for (i, key) in keys.enumerate() {
            if !seen.insert(&key) {
                self.w.error(
                    &format!("{list}[{i}]"),
                    K::DuplicateEntry,
                    expected(),
                    P::SecondEntrySameKey,
                );
            }
        }
    }

    /// Registers an id, reporting a duplicate.
    pub(super) fn register(
        &mut self,
        map_of: fn(&mut Self) -> &mut Ids,
        node: &Node<'_>,
    ) -> Option<String> {
        let id = self.w.id(node)?;
        if !map_of(self).insert(&id) {
            self.w
                .error(&node.path, K::DuplicateId, P::UnusedId, P::QuotedAgain(id));
            return None;
        }
        Some(id)
    }

    /// Resolves a reference to an id of one of the maps.
    pub(super) fn lookup(
        &mut self,
        node: &Node<'_>,
        map_of: fn(&Self) -> &Ids,
        kind: K,
        what: IdList,
    ) -> Option<usize> {
        let id = self.w.id(node)?;
        match map_of(self).get(&id) {
            Some(i) => Some(i),
            // The list could not be read at all (reported there): its ids
            // are unknown, not wrong.
            None if self.unread.iter().any(|p| p == what.list_path()) => None,
            None => {
                self.w.error(&node.path, kind, P::IdOf(what), P::Quoted(id));
                None
            }
        }
    }

    /// An optional `metro_area` id of `obj`: `Some(None)` when absent or
    /// null, `Some(Some(i))` for a known area, `None` (reported) for an
    /// unknown one. Zones and claims' zone filters read it alike.
    pub(super) fn optional_metro_area(&mut self, obj: &Obj<'_>) -> Option<Option<usize>> {
        match obj.get_non_null("metro_area") {
            None => Some(None),
            Some(n) => self
                .lookup(
                    &n,
                    |s| &s.metro_areas,
                    K::UnknownMetroArea,
                    IdList::MetroArea,
                )
                .map(Some),
        }
    }

    pub(super) fn required_lookup(
        &mut self,
        obj: &Obj<'_>,
        key: &str,
        map_of: fn(&Self) -> &Ids,
        kind: K,
        what: IdList,
    ) -> Option<usize> {
        let n = self.w.required(obj, key)?;
        self.lookup(&n, map_of, kind, what)
    }

    /// An optional `source` field: `Some(None)` when absent or null.
    pub(super) fn source_ref(&mut self, obj: &Obj<'_>) -> Option<Option<usize>> {
        match obj.get_non_null("source") {
            None => Some(None),
            Some(n) => self
                .lookup(&n, |s| &s.sources, K::UnknownSource, IdList::Source)
                .map(Some),
        }
    }

    pub(super) fn status(&mut self, obj: &Obj<'_>) -> Option<Status> {
        let n = self.w.required(obj, "status")?;
        self.w.choice(&n, STATUSES).map(|i| STATUS_VALUES[i])
    }

    /// A year listed in meta.years.
    pub(super) fn year(&mut self, obj: &Obj<'_>) -> Option<i32> {
        let n = self.w.required(obj, "year")?;
        self.year_at(&n)
    }

    /// A year listed in meta.years, at `n`.
    pub(super) fn year_at(&mut self, n: &Node<'_>) -> Option<i32> {
        let year = self.w.integer(n, 1900, 2100)? as i32;
        if let Some(years) = &self.years {
            if !years.contains(&year) {
                self.w.error(
                    &n.path,
                    K::YearOutOfRange,
                    P::OneOfYears(years.clone()),
                    n.describe(),
                );
                return None;
            }
        }
        Some(year)
    }

    pub(super) fn required_text(&mut self, obj: &Obj<'_>, key: &str, max: usize) -> Option<Text> {
        let n = self.w.required(obj, key)?;
        self.w.text(&n, max)
    }

    pub(super) fn required_string(
        &mut self,
        obj: &Obj<'_>,
        key: &str,
        max: usize,
    ) -> Option<String> {
        let n = self.w.required(obj, key)?;
        self.w.string(&n, max)
    }

    pub(super) fn required_number(&mut self, obj: &Obj<'_>, key: &str) -> Option<f64> {
        let n = self.w.required(obj, key)?;
        self.w.number(&n)
    }

    /// A number ≥ 0 (or > 0 when `positive`).
    pub(super) fn non_negative(&mut self, node: &Node<'_>, positive: bool) -> Option<f64> {
        let x = self.w.number(node)?;
        if x < 0.0 {
            self.w.error(
                &node.path,
                K::NegativeValue,
                P::NumberAtLeastZero,
                node.describe(),
            );
            return None;
        }
        if positive && x == 0.0 {
            self.w.error(
                &node.path,
                K::OutOfRange,
                P::PositiveNumber,
                node.describe(),
            );
            return None;
        }
        Some(x)
    }

    /// An indicator id, or `land_km2` where a measure is allowed.
    pub(super) fn measure(
        &mut self,
        obj: &Obj<'_>,
        key: &str,
        allow_land: bool,
    ) -> Option<Measure> {
        let n = self.w.required(obj, key)?;
        if allow_land && n.as_str() == Some(LAND) {
            return Some(Measure::Land);
        }
        self.lookup(
            &n,
            |s| &s.indicators,
            K::UnknownIndicator,
            IdList::Indicator,
        )
        .map(Measure::Indicator)
    }
}
