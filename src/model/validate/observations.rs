//! The zones' values, in either of the file's two forms, stored as columns:
//! `observations` (one row per zone, indicator and year) and `series`
//! (`series.rs`: one indicator's values over some years, an array per
//! zone). Both fill the same [`Values`]; a value given twice, in either
//! form or in both, is a `duplicate_entry` at its second place.

use super::*;

/// The columns being filled, and what the warnings after them need.
pub(super) struct Values {
    pub columns: Vec<Vec<Column>>,
    /// Per year of meta.years: whether some zone has a value.
    pub years_with_data: Vec<bool>,
    /// No error so far in the values (the missing-row warnings would only
    /// echo one).
    pub ok: bool,
}

impl Values {
    /// Records one value, `Err` if the zone already has one for this
    /// indicator and year (the caller reports where).
    pub fn record(
        &mut self,
        (indicator, y, z): (usize, usize, usize),
        value: Option<f64>,
        status: Status,
        source: Option<usize>,
    ) -> Result<(), ()> {
        let column = &mut self.columns[indicator][y];
        if column.status[z].is_some() {
            return Err(());
        }
        column.values[z] = value;
        column.status[z] = Some(status);
        column.source[z] = source;
        self.years_with_data[y] |= value.is_some();
        Ok(())
    }
}

impl Validator {
    /// `observations` and `series`: at least one of them, both allowed.
    pub(super) fn values(
        &mut self,
        obj: &Obj<'_>,
        main_index: &[Option<usize>],
        n_zones: usize,
    ) -> Option<Vec<Vec<Column>>> {
        let observations = obj.get("observations");
        let series = obj.get("series");
        let Some(first) = observations.as_ref().or(series.as_ref()) else {
            let either = vec!["observations".to_string(), "series".to_string()];
            self.w.error(
                "observations",
                K::MissingField,
                P::OneOf(either),
                P::Nothing,
            );
            return None;
        };
        let path = first.path.clone();
        let n_years = self.years.as_ref().map_or(0, Vec::len);
        // A file of a few MB can name 5,000 zones, 200 indicators and 50
        // years: 50 million places, over a GB in the browser, which would
        // stop the page rather than say why.
        let grid = n_zones * self.indicators.len() * n_years;
        if grid > super::limits::MAX_GRID {
            self.w.error(
                &path,
                K::TooManyValues,
                P::AtMostGrid(super::limits::MAX_GRID),
                P::Grid(n_zones, self.indicators.len(), n_years),
            );
            return None;
        }
        let mut values = Values {
            columns: vec![vec![Column::empty(n_zones); n_years]; self.indicators.len()],
            years_with_data: vec![false; n_years],
            ok: true,
        };
        let mut read = true;
        if let Some(n) = &observations {
            read &= self.observations(n, main_index, &mut values);
        }
        if let Some(n) = &series {
            read &= self.series(n, main_index, &mut values);
        }
        // Values naming zones or indicators of a list refused whole were not
        // read: their years are not without data.
        let lists_read = !self
            .unread
            .iter()
            .any(|p| p == "zones" || p == "indicators");
        if let Some(years) = self.years.clone().filter(|_| lists_read && read) {
            for (year, with_data) in years.iter().zip(&values.years_with_data) {
                if !with_data {
                    self.w.warn(
                        &path,
                        K::YearWithoutData,
                        P::ValuesFor(*year),
                        P::NoValueForAnyZone,
                    );
                }
            }
            if values.ok {
                self.missing_rows(&path, &values.columns, &years, &values.years_with_data);
            }
        }
        values.ok.then_some(values.columns)
    }

    /// The rows of `observations`; `false` if the array itself could not
    /// be read.
    fn observations(
        &mut self,
        node: &Node<'_>,
        main_index: &[Option<usize>],
        values: &mut Values,
    ) -> bool {
        let Some(items) = self.w.array(node, MAX_OBSERVATIONS) else {
            values.ok = false;
            return false;
        };
        for n in items.iter() {
            let Some(row) = self.observation(&n) else {
                values.ok = false;
                continue;
            };
            let y = self
                .years
                .as_ref()
                .and_then(|ys| ys.iter().position(|y| *y == row.year));
            let Some(z) = main_index.get(row.zone).copied().flatten() else {
                let path = join(&n.path, "zone");
                self.w.error(
                    &path,
                    K::SubParkValue,
                    P::NationalOrRegionalZone,
                    P::SubParkRow(self.entry_key(row.zone, row.indicator, row.year)),
                );
                values.ok = false;
                continue;
            };
            let Some(y) = y else {
                continue;
            };
            if values
                .record((row.indicator, y, z), row.value, row.status, row.source)
                .is_err()
            {
                self.given_twice(&n.path, row.zone, row.indicator, row.year);
                values.ok = false;
            }
        }
        true
    }

    /// One warning per indicator and year where some zone has no row.
    fn missing_rows(
        &mut self,
        path: &str,
        columns: &[Vec<Column>],
        years: &[i32],
        years_with_data: &[bool],
    ) {
        let main_ids: Vec<&str> = (0..self.zone_ids.len())
            .filter(|i| self.zone_refs[*i].level != Some(Level::SubPark))
            .map(|i| self.zone_ids.name(i))
            .collect();
        for (i, by_year) in columns.iter().enumerate() {
            let indicator = self.indicators.name(i);
            for (y, year) in years.iter().enumerate() {
                if !years_with_data[y] {
                    continue;
                }
                let missing: Vec<&str> = by_year[y]
                    .status
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.is_none())
                    .filter_map(|(z, _)| main_ids.get(z).copied())
                    .collect();
                if !missing.is_empty() {
                    let shown = missing.iter().take(5).map(|z| z.to_string()).collect();
                    self.w.warn(
                        path,
                        K::MissingObservation,
                        P::EntryForEveryZone {
                            indicator: indicator.to_string(),
                            year: *year,
                        },
                        P::NoneForZones {
                            count: missing.len(),
                            shown,
                            more: missing.len() > 5,
                        },
                    );
                }
            }
        }
    }

    fn observation(&mut self, node: &Node<'_>) -> Option<Row> {
        let obj = self.w.object(
            node,
            &["zone", "indicator", "year", "value", "status", "source"],
        )?;
        let zone =
            self.required_lookup(&obj, "zone", |s| &s.zone_ids, K::UnknownZone, IdList::Zone);
        let indicator = self.required_lookup(
            &obj,
            "indicator",
            |s| &s.indicators,
            K::UnknownIndicator,
            IdList::Indicator,
        );
        let year = self.year(&obj);
        let value = self
            .w
            .required(&obj, "value")
            .and_then(|n| self.value_at(&n, indicator));
        let status = self.status(&obj);
        let source = self.source_ref(&obj);
        let (zone, indicator, year) = (zone?, indicator?, year?);
        Some(Row {
            zone,
            indicator,
            year,
            value: value?,
            status: status?,
            source: source?,
        })
    }

    /// A value of a row or a series: a number or null, checked by the
    /// indicator's kind when it is known.
    pub(super) fn value_at(
        &mut self,
        n: &Node<'_>,
        indicator: Option<usize>,
    ) -> Option<Option<f64>> {
        let x = self.w.nullable_number(n)?;
        match (x, indicator) {
            (Some(x), Some(i)) => self.check_value(n, i, x).map(Some),
            _ => Some(x),
        }
    }

    /// Whether a value needs no message, so that a series' values are read
    /// without a path each.
    pub(super) fn plain_value(&self, indicator: usize, x: f64) -> bool {
        self.value_rule(indicator, x).is_none()
    }

    /// The range rule a value breaks, if any: the one place for these rules,
    /// so that rows and series get the same checks.
    fn value_rule(&self, indicator: usize, x: f64) -> Option<ValueRule> {
        if x < 0.0 {
            return Some(ValueRule::Negative);
        }
        match self.indicator_kinds.get(indicator).copied().flatten() {
            Some(ValueKind::Count) if x.fract() != 0.0 => Some(ValueRule::NotAnInteger),
            Some(ValueKind::Share) if x > 1.0 => Some(ValueRule::ShareOverOne),
            _ => None,
        }
    }

    /// A value given a second time: zone (of the file's zones), indicator,
    /// year.
    pub(super) fn given_twice(&mut self, path: &str, zone: usize, indicator: usize, year: i32) {
        let key = self.entry_key(zone, indicator, year);
        self.w.error(
            path,
            K::DuplicateEntry,
            P::OneEntryPerRow,
            P::SecondEntryFor(key),
        );
    }

    /// `zone/indicator/year` for a message (`zone` of the file's zones).
    fn entry_key(&self, zone: usize, indicator: usize, year: i32) -> String {
        let (zone, indicator) = (self.zone_ids.name(zone), self.indicators.name(indicator));
        format!("{zone}/{indicator}/{year}")
    }

    /// Range checks by the indicator's kind ([`Validator::value_rule`]).
    pub(super) fn check_value(&mut self, node: &Node<'_>, indicator: usize, x: f64) -> Option<f64> {
        match self.value_rule(indicator, x) {
            None => Some(x),
            Some(ValueRule::Negative) => {
                self.w.error(
                    &node.path,
                    K::NegativeValue,
                    P::NumberAtLeastZeroOrNull,
                    node.describe(),
                );
                None
            }
            Some(ValueRule::NotAnInteger) => {
                self.w
                    .error(&node.path, K::NotAnInteger, P::Count, node.describe());
                None
            }
            Some(ValueRule::ShareOverOne) => {
                self.w
                    .warn(&node.path, K::ShareOverOne, P::Share, node.describe());
                Some(x)
            }
        }
    }
}

/// A range rule a value breaks.
enum ValueRule {
    /// Below zero: refused.
    Negative,
    /// A count with a fraction: refused.
    NotAnInteger,
    /// A share over 1: kept, with a warning.
    ShareOverOne,
}

/// An observation as read.
struct Row {
    zone: usize,
    indicator: usize,
    year: i32,
    value: Option<f64>,
    status: Status,
    source: Option<usize>,
}
