//! Growth over the data's years for one indicator: each zone's series, its
//! year-on-year growth and CAGR, and the same for the zones' total.
//!
//! Main types: [`Growth`], [`ZoneGrowth`], [`TotalGrowth`].

use serde::Serialize;

use super::{column, AnalysisError, AnalysisErrorKind, Context, Id};
use crate::metrics::growth::{series_cagr, year_on_year};
use crate::metrics::shares::{sum_with_missing, MissingSum};
use crate::model::{Dataset, ValueKind};

/// Growth of one indicator over all years.
///
/// JSON: `{"indicator", "years", "zones": [ZoneGrowth], "total":
/// TotalGrowth}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Growth {
    pub indicator: String,
    /// The dataset's years; every series below has one entry per year.
    pub years: Vec<i32>,
    pub zones: Vec<ZoneGrowth>,
    pub total: TotalGrowth,
}

/// JSON: `{"zone", "zone_id", "values", "yoy", "cagr"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ZoneGrowth {
    pub zone: usize,
    pub zone_id: Id,
    pub values: Vec<Option<f64>>,
    /// g_t = x_t / x_{t−1} − 1; the first year, a missing value or a base
    /// ≤ 0 gives null.
    pub yoy: Vec<Option<f64>>,
    /// (x_last / x_first)^(1/(years − 1)) − 1 over the whole span; null
    /// when an end is missing or the first value ≤ 0.
    pub cagr: Option<f64>,
}

/// The zones' total per year; for shares and ratios, which do not add up,
/// every field is null.
///
/// JSON: `{"sums": [MissingSum]|null, "yoy", "cagr"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TotalGrowth {
    pub sums: Option<Vec<MissingSum>>,
    /// Growth of the sums; null where either year has a missing zone (a
    /// partial sum would read as growth or decline).
    pub yoy: Option<Vec<Option<f64>>>,
    /// Over the whole span, null when the first or last sum is partial.
    pub cagr: Option<f64>,
}

/// Growth of indicator `indicator` (index) over every year of the data.
pub fn growth(dataset: &Dataset, indicator: usize) -> Result<Growth, AnalysisError> {
    growth_in(&Context::new(dataset), indicator)
}

/// [`growth`] with the zone ids made beforehand.
pub(crate) fn growth_in(context: &Context<'_>, indicator: usize) -> Result<Growth, AnalysisError> {
    let dataset = context.dataset;
    let Some(spec) = dataset.indicators.get(indicator) else {
        return Err(AnalysisError::new(
            AnalysisErrorKind::UnknownIndicator,
            format!("no indicator {indicator}"),
        ));
    };
    let columns: Vec<&[Option<f64>]> = dataset
        .years
        .iter()
        .map(|y| column(dataset, indicator, *y))
        .collect::<Result<_, _>>()?;
    let zones = (0..dataset.zones.len())
        .map(|z| {
            let values: Vec<Option<f64>> = columns
                .iter()
                .map(|c| c.get(z).copied().flatten())
                .collect();
            ZoneGrowth {
                zone: z,
                zone_id: context.zone_id(z),
                yoy: year_on_year(&values),
                cagr: series_cagr(&values),
                values,
            }
        })
        .collect();
    let total = if matches!(spec.kind, ValueKind::Amount | ValueKind::Count) {
        let sums: Vec<MissingSum> = columns.iter().map(|c| sum_with_missing(c)).collect();
        let complete: Vec<Option<f64>> = sums
            .iter()
            .map(|s| (s.missing == 0).then_some(s.sum))
            .collect();
        TotalGrowth {
            yoy: Some(year_on_year(&complete)),
            cagr: series_cagr(&complete),
            sums: Some(sums),
        }
    } else {
        TotalGrowth {
            sums: None,
            yoy: None,
            cagr: None,
        }
    };
    Ok(Growth {
        indicator: spec.id.clone(),
        years: dataset.years.clone(),
        zones,
        total,
    })
}

#[cfg(test)]
mod tests;
