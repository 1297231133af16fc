//! `observations`: one row per zone, indicator and year, stored as columns.

use super::*;

impl Validator {
    pub(super) fn observations(
        &mut self,
        node: &Node<'_>,
        main_index: &[Option<usize>],
        n_zones: usize,
    ) -> Option<Vec<Vec<Column>>> {
        let items = self.w.array(node, MAX_OBSERVATIONS)?;
        let n_years = self.years.as_ref().map_or(0, Vec::len);
        let mut columns = vec![vec![Column::empty(n_zones); n_years]; self.indicators.len()];
        let mut seen = Seen::default();
        // Per year of meta.years: whether some row has a value.
        let mut years_with_data = vec![false; n_years];
        let mut ok = true;
        for n in items.iter() {
            let Some(row) = self.observation(&n) else {
                ok = false;
                continue;
            };
            // Zones ≤ 5,000, indicators ≤ 200, years 1900–2100: one key.
            let key =
                (row.zone as u64) << 32 | (row.indicator as u64) << 16 | row.year as u16 as u64;
            if !seen.insert(key) {
                self.w.error(
                    &n.path,
                    K::DuplicateEntry,
                    P::OneEntryPerRow,
                    P::SecondEntryFor(row.key.clone()),
                );
                ok = false;
                continue;
            }
            let y = self
                .years
                .as_ref()
                .and_then(|ys| ys.iter().position(|y| *y == row.year));
            if let (Some(_), Some(y)) = (row.value, y) {
                years_with_data[y] = true;
            }
            let Some(z) = main_index.get(row.zone).copied().flatten() else {
                let path = join(&n.path, "zone");
                self.w.error(
                    &path,
                    K::SubParkValue,
                    P::NationalOrRegionalZone,
                    P::SubParkRow(row.key.clone()),
                );
                ok = false;
                continue;
            };
            let Some(y) = y else {
                continue;
            };
            let column = &mut columns[row.indicator][y];
            column.values[z] = row.value;
            column.status[z] = Some(row.status);
            column.source[z] = row.source;
        }
        // Rows naming zones or indicators of a list refused whole were not
        // read: their years are not without data.
        let lists_read = !self
            .unread
            .iter()
            .any(|p| p == "zones" || p == "indicators");
        if let Some(years) = self.years.clone().filter(|_| lists_read) {
            for (year, with_data) in years.iter().zip(&years_with_data) {
                if !with_data {
                    self.w.warn(
                        &node.path,
                        K::YearWithoutData,
                        P::ValuesFor(*year),
                        P::NoValueForAnyZone,
                    );
                }
            }
            if ok {
                self.missing_rows(node, &columns, &years, &years_with_data);
            }
        }
        ok.then_some(columns)
    }

    /// One warning per indicator and year where some zone has no row.
    fn missing_rows(
        &mut self,
        node: &Node<'_>,
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
                        &node.path,
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
        let value = self.w.required(&obj, "value").and_then(|n| {
            let x = self.w.nullable_number(&n)?;
            match (x, indicator) {
                (Some(x), Some(i)) => self.check_value(&n, i, x).map(Some),
                _ => Some(x),
            }
        });
        let status = self.status(&obj);
        let source = self.source_ref(&obj);
        let (zone, indicator, year) = (zone?, indicator?, year?);
        let key = format!(
            "{}/{}/{}",
            obj.get("zone")
                .and_then(|n| n.as_str().map(str::to_string))
                .unwrap_or_default(),
            obj.get("indicator")
                .and_then(|n| n.as_str().map(str::to_string))
                .unwrap_or_default(),
            year
        );
        Some(Row {
            zone,
            indicator,
            year,
            value: value?,
            status: status?,
            source: source?,
            key,
        })
    }

    /// Range checks by the indicator's kind.
    pub(super) fn check_value(&mut self, node: &Node<'_>, indicator: usize, x: f64) -> Option<f64> {
        if x < 0.0 {
            self.w.error(
                &node.path,
                K::NegativeValue,
                P::NumberAtLeastZeroOrNull,
                node.describe(),
            );
            return None;
        }
        match self.indicator_kinds.get(indicator).copied().flatten() {
            Some(ValueKind::Count) if x.fract() != 0.0 => {
                self.w
                    .error(&node.path, K::NotAnInteger, P::Count, node.describe());
                None
            }
            Some(ValueKind::Share) if x > 1.0 => {
                self.w
                    .warn(&node.path, K::ShareOverOne, P::Share, node.describe());
                Some(x)
            }
            _ => Some(x),
        }
    }
}

/// An observation as read.
struct Row {
    zone: usize,
    indicator: usize,
    year: i32,
    value: Option<f64>,
    status: Status,
    source: Option<usize>,
    /// `zone/indicator/year`, for messages.
    key: String,
}
