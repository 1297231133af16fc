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
//! without making a path each; a path is made only for a message. Their
//! count has no limit of its own: the columns take zones × indicators ×
//! years whatever the file holds, and the file's size bounds the values
//! read (at most some 10 million in 20 MiB).

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
            // A national or region-level zone; a sub-park's values count in
            // its parent's.
            let known = self.zone_ids.get(id);
            let z = known.and_then(|z| main_index.get(z).copied().flatten());
            if z.is_none() && (known.is_some() || zones_read) {
                let (kind, expected) = match known {
                    Some(_) => (K::SubParkValue, P::NationalOrRegionalZone),
                    None => (K::UnknownZone, P::IdOf(IdList::Zone)),
                };
                self.w
                    .error(&n.path, kind, expected, P::Quoted(id.to_string()));
            }
            let Some(items) = self.w.array(&n, MAX_YEARS) else {
                continue;
            };
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
                // A number or null that needs no message is read without
                // a path; anything else goes through a row's checks, with
                // its path.
                let plain = items.nullable_f64(i).filter(|x| match (x, indicator) {
                    (Some(x), Some(ind)) => self.plain_value(ind, *x),
                    _ => true,
                });
                let x = match plain {
                    Some(x) => x,
                    None => match self.value_at(&items.node(i), indicator) {
                        Some(x) => x,
                        None => continue,
                    },
                };
                let year = years.as_ref().and_then(|y| y[i]);
                let (Some(ind), Some(status), Some(source), Some(y), Some(z), Some(at)) =
                    (indicator, status, source, year, z, known)
                else {
                    continue;
                };
                if values.record((ind, y, z), x, status, source).is_err() {
                    let year = self.year_of(y);
                    self.given_twice(&items.node(i).path, at, ind, year);
                }
            }
        }
        self.w.error_count() == before
    }

    /// A series' `years`: each listed in meta.years, distinct and
    /// ascending, at least one. Per item its index in meta.years (`None`
    /// for all of them when one is wrong or they are not distinct and
    /// ascending: the values are still checked, not recorded).
    fn series_years(&mut self, node: &Node<'_>) -> Option<Vec<Option<usize>>> {
        let items = self.w.array(node, MAX_YEARS)?;
        let meta = self.years.clone().unwrap_or_default();
        let (mut out, mut read, mut ascending) = (Vec::new(), Vec::new(), true);
        for n in items.iter() {
            let year = self.year_at(&n);
            if let Some(y) = year {
                ascending &= read.last().map_or(true, |last| *last < y);
                read.push(y);
            }
            out.push(year.and_then(|y| meta.iter().position(|m| *m == y)));
        }
        // The years read must be distinct and ascending whatever the others
        // are: [2021, 2021, 1800] is one invalid_years (and a
        // year_out_of_range), not a duplicate_entry per zone.
        if out.is_empty() || !ascending {
            self.w.error(
                &node.path,
                K::InvalidYears,
                P::AscendingYears,
                P::Years(read.clone()),
            );
        }
        // A list with a wrong year says nothing sure of the values' years.
        if !ascending || read.len() != out.len() {
            out.fill(None);
        }
        Some(out)
    }

    /// The year at index `y` of meta.years.
    fn year_of(&self, y: usize) -> i32 {
        self.years
            .as_ref()
            .and_then(|ys| ys.get(y).copied())
            .unwrap_or_default()
    }
}
