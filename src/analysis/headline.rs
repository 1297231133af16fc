//! Headline figures (claims C3–C11, C16): the zones' sums of every amount and
//! count, by level, and their shares of every region total the data gives
//! for the year (with the alternative totals of C8/C9), with land leverage.
//!
//! Main types: [`Headline`], [`ShareRow`], [`SumRow`].

use serde::Serialize;

use super::{column, missing_zones, AnalysisError, Id};
use crate::metrics::shares::{land_leverage, share, sum_with_missing, MissingSum};
use crate::model::{Dataset, Level, Measure, ValueKind};

/// The id of the zones' approved land as a measure (the file's reserved id).
pub const LAND: &str = "land_km2";

/// Sums and shares of one year.
///
/// JSON: `{"year", "land_share", "shares": [ShareRow], "sums": [SumRow]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Headline {
    pub year: i32,
    /// The zones' share of the region's land (default total); the
    /// denominator of every land leverage.
    pub land_share: Option<f64>,
    /// One per region total of the year, in file order.
    pub shares: Vec<ShareRow>,
    /// One per amount or count indicator, in indicator order.
    pub sums: Vec<SumRow>,
}

/// The zones' total of a measure against one region total.
///
/// JSON: `{"measure", "variant", "zones": MissingSum, "missing_zones",
/// "region_total", "status", "share", "land_leverage"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShareRow {
    /// An indicator id or `land_km2`.
    pub measure: String,
    /// `None`: the default total; else the alternative the file names
    /// (e.g. "C8").
    pub variant: Option<String>,
    /// Σ over the main zones, with the missing ones counted.
    pub zones: MissingSum,
    /// Ids of the zones without a value (the sum is then "at least").
    pub missing_zones: Vec<Id>,
    /// The region's total; `None` when the file gives it as null.
    pub region_total: Option<f64>,
    /// reported | derived | illustrative: where the total comes from.
    pub status: &'static str,
    /// zones.sum / region_total; `None` when the total is missing or ≤ 0.
    pub share: Option<f64>,
    /// share / land share (how many times its weight in land the zones
    /// produce); `None` for land itself or without a land share.
    pub land_leverage: Option<f64>,
}

/// The zones' sum of one amount or count, overall and by level.
///
/// JSON: `{"indicator", "all": MissingSum, "national": MissingSum,
/// "regional": MissingSum, "missing_zones"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SumRow {
    pub indicator: String,
    pub all: MissingSum,
    pub national: MissingSum,
    pub regional: MissingSum,
    pub missing_zones: Vec<Id>,
}

/// The headline figures of `year` (see [`Headline`]).
///
/// Shares use the main zones (national and region-level; sub-parks are
/// counted in their parents). Land is the zones' approved area, the same
/// every year.
pub fn headline(dataset: &Dataset, year: i32) -> Result<Headline, AnalysisError> {
    let land: Vec<Option<f64>> = dataset.zones.iter().map(|z| Some(z.land_km2)).collect();
    let land_share = dataset
        .region_total(Measure::Land, year)
        .and_then(|f| f.value)
        .and_then(|total| share(sum_with_missing(&land).sum, total));

    let mut shares = Vec::new();
    for total in dataset.region_totals.iter().filter(|t| t.year == year) {
        let (measure, values) = match total.measure {
            Measure::Land => (LAND.to_string(), land.clone()),
            Measure::Indicator(i) => (
                dataset
                    .indicators
                    .get(i)
                    .map_or_else(String::new, |s| s.id.clone()),
                column(dataset, i, year)?.to_vec(),
            ),
        };
        let zones = sum_with_missing(&values);
        let share = total.figure.value.and_then(|t| share(zones.sum, t));
        let leverage = match total.measure {
            Measure::Land => None,
            Measure::Indicator(_) => share.zip(land_share).and_then(|(s, l)| land_leverage(s, l)),
        };
        shares.push(ShareRow {
            measure,
            variant: total.variant.clone(),
            missing_zones: missing_zones(dataset, &values),
            zones,
            region_total: total.figure.value,
            status: total.figure.status.as_str(),
            share,
            land_leverage: leverage,
        });
    }

    let mut sums = Vec::new();
    for (i, indicator) in dataset.indicators.iter().enumerate() {
        if !matches!(indicator.kind, ValueKind::Amount | ValueKind::Count) {
            continue;
        }
        let values = column(dataset, i, year)?;
        let of_level = |level: Level| {
            let part: Vec<Option<f64>> = values
                .iter()
                .zip(&dataset.zones)
                .filter(|(_, z)| z.level == level)
                .map(|(v, _)| *v)
                .collect();
            sum_with_missing(&part)
        };
        sums.push(SumRow {
            indicator: indicator.id.clone(),
            all: sum_with_missing(values),
            national: of_level(Level::National),
            regional: of_level(Level::Regional),
            missing_zones: missing_zones(dataset, values),
        });
    }
    Ok(Headline {
        year,
        land_share,
        shares,
        sums,
    })
}

#[cfg(test)]
mod tests;
