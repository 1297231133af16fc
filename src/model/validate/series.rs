//! `series`: the compact form of the zones' values. One entry holds one
//! indicator's values over some years, an array per zone, all with the
//! entry's status and source:
//!
//! ```json
//! {"indicator": "gdp", "status": "illustrative", "source": "make-dataset",
//!  "years": [2021, 2022], "values": {"a": [100.5, null], "b": [20, 21]}}
//! ```
//!
//! Every value is checked as an observation's would be, and a problem is
//! placed at the value (`series[3].values.z01[2]`). The values are read
//! without making a path each; a path is made only for a message.

use super::observations::Values;
use super::*;

const FIELDS: &[&str] = &["indicator", "status", "source", "years", "values"];

impl Validator {
    /// Every entry of `series`; `false` if the array itself could not be
    /// read.
    pub(super) fn series(
        &mut self,
        node: &Node<'_>,
        main_index: &[Option<usize>],
        values: &mut Values,
    ) -> bool {
        let Some(items) = self.w.array(node, MAX_ROWS) else {
            values.ok = false;
            return false;
        };
        for n in items.iter() {
            if !self.one_series(&n, main_index, values) {
                values.ok = false;
            }
            if values.count > MAX_VALUES {
                self.w.error(
                    &n.path,
                    K::TooManyItems,
                    P::AtMostValues(MAX_VALUES),
                    P::More,
                );
                values.ok = false;
                return true;
            }
        }
        true
    }

    /// One entry; `false` if it has an error.
    fn one_series(
        &mut self,
        node: &Node<'_>,
        main_index: &[Option<usize>],
        values: &mut Values,
    ) -> bool {
        let Some(obj) = self.w.object(node, FIELDS) else {
            return false;
        };
        let before = self.w.error_count();
        let indicator = self.required_lookup(
            &obj,
            "indicator",
            |s| &s.indicators,
            K::UnknownIndicator,
            IdList::Indicator,
        );
        let status = self.status(&obj);
        let source = self.source_ref(&obj);
        // Per item of `years`: its index in meta.years, `None` where the
        // year is wrong (reported); `None` for the whole when `years` is.
        let years = self
            .w
            .required(&obj, "years")
            .and_then(|n| self.series_years(&n));
        let Some(by_zone) = self
            .w
            .required(&obj, "values")
            .and_then(|n| self.w.data_map(&n))
        else {
            return false;
        };
        let zones_read = !self.unread.iter().any(|p| p == "zones");
        for (id, n) in by_zone.entries() {
            let zone = match self.zone_ids.get(id) {
                Some(z) => main_index.get(z).copied().flatten().ok_or(K::SubParkValue),
                None => Err(K::UnknownZone),
            };
            let z = match zone {
                Ok(z) => Some(z),
                Err(K::UnknownZone) if !zones_read => None,
                Err(K::UnknownZone) => {
                    let expected = P::IdOf(IdList::Zone);
                    self.w
                        .error(&n.path, K::UnknownZone, expected, P::Quoted(id.to_string()));
                    None
                }
                Err(kind) => {
                    let key = format!("{id}/{}", self.series_indicator(&obj));
                    let expected = P::NationalOrRegionalZone;
                    self.w.error(&n.path, kind, expected, P::SubParkRow(key));
                    None
                }
            };
            let Some(items) = self.w.array(&n, MAX_YEARS) else {
                continue;
            };
            values.count += items.len();
            if let Some(years) = years.as_ref().filter(|y| y.len() != items.len()) {
                self.w.error(
                    &n.path,
                    K::WrongLength,
                    P::ValuePerYear(years.len()),
                    n.describe(),
                );
                continue;
            }
            for i in 0..items.len() {
                let at = || items.node(i);
                let Some(x) = items.nullable_f64(i) else {
                    let n = at();
                    self.w
                        .error(&n.path, K::WrongType, P::NumberOrNull, n.describe());
                    continue;
                };
                let x = match (x, indicator) {
                    (Some(x), Some(ind)) => match self.check_value_at(&at, ind, x) {
                        Some(x) => Some(x),
                        None => continue,
                    },
                    _ => x,
                };
                let year = years.as_ref().and_then(|y| y[i]);
                let (Some(ind), Some(status), Some(source), Some(y), Some(z)) =
                    (indicator, status, source, year, z)
                else {
                    continue;
                };
                if values.record((ind, y, z), x, status, source).is_err() {
                    let key = format!("{id}/{}/{}", self.indicators.name(ind), self.year_of(y));
                    let n = at();
                    self.w.error(
                        &n.path,
                        K::DuplicateEntry,
                        P::OneEntryPerRow,
                        P::SecondEntryFor(key),
                    );
                }
            }
        }
        self.w.error_count() == before
    }

    /// A series' `years`: each listed in meta.years, distinct and
    /// ascending, at least one. Per item its index in meta.years (`None`
    /// where wrong, or for all of them when they are not distinct and
    /// ascending: the values are still checked, not recorded).
    fn series_years(&mut self, node: &Node<'_>) -> Option<Vec<Option<usize>>> {
        let items = self.w.array(node, MAX_YEARS)?;
        let years: Vec<Option<i32>> = items.iter().map(|n| self.year_at(&n)).collect();
        let read: Vec<i32> = years.iter().flatten().copied().collect();
        if read.len() == years.len() && (read.is_empty() || read.windows(2).any(|w| w[0] >= w[1])) {
            self.w.error(
                &node.path,
                K::InvalidYears,
                P::AscendingYears,
                P::Years(read),
            );
            return Some(vec![None; years.len()]);
        }
        let meta = self.years.clone().unwrap_or_default();
        Some(
            years
                .iter()
                .map(|y| y.and_then(|y| meta.iter().position(|m| *m == y)))
                .collect(),
        )
    }

    /// The year at index `y` of meta.years.
    fn year_of(&self, y: usize) -> i32 {
        self.years
            .as_ref()
            .and_then(|ys| ys.get(y).copied())
            .unwrap_or_default()
    }

    /// The series' indicator as written, for a message.
    fn series_indicator(&self, obj: &Obj<'_>) -> String {
        obj.get("indicator")
            .and_then(|n| n.as_str().map(str::to_string))
            .unwrap_or_default()
    }
}
