//! Innovation (claims C14–C15): per-zone intensities computed from the
//! bundled amounts (R&D spending / GDP, invention patents per 10,000
//! employees, S&T staff share, technology-contract turnover per employee)
//! against the region's average and a reference average; the level
//! indicators (shares, ratios, and every indicator with a reference average
//! of the level above, C14) against the zones' mean and the reference; and
//! the zones without a national-level incubator (C15).
//!
//! Main types: [`Innovation`], [`IntensityRow`], [`LevelRow`], [`ZeroRow`].

use serde::Serialize;

use super::{column, missing_zones, zone_id, AnalysisError, Id};
use crate::metrics::innovation::{count_zeros, intensity, IntensityComparison, ZeroCount};
use crate::metrics::shares::present;
use crate::model::{Dataset, Level, ValueKind};

/// An intensity the analysis computes when the data has both indicators:
/// r_i = scale · numerator_i / denominator_i.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IntensitySpec {
    /// Key in the report.
    pub id: &'static str,
    pub numerator: &'static str,
    pub denominator: &'static str,
    pub scale: f64,
    /// The unit of r, in English (the report's Chinese units in brackets).
    pub unit: &'static str,
}

/// The intensities the bundled indicators support. 亿元 / person × 10,000 is
/// 万元 per person.
pub const INTENSITIES: [IntensitySpec; 4] = [
    IntensitySpec {
        id: "rd_spending_per_gdp",
        numerator: "rd_spending_internal",
        denominator: "gdp",
        scale: 100.0,
        unit: "% of GDP",
    },
    IntensitySpec {
        id: "invention_patents_per_10k_employees",
        numerator: "invention_patents",
        denominator: "employees",
        scale: 10_000.0,
        unit: "patents per 10,000 employees (件/万人)",
    },
    IntensitySpec {
        id: "st_staff_share",
        numerator: "st_staff",
        denominator: "employees",
        scale: 100.0,
        unit: "% of employees",
    },
    IntensitySpec {
        id: "tech_contracts_per_employee",
        numerator: "tech_contracts",
        denominator: "employees",
        scale: 10_000.0,
        unit: "10,000 CNY per employee (万元/人)",
    },
];

/// The indicator counted for C15.
pub const INCUBATORS: &str = "national_incubators";

/// The innovation figures of one year.
///
/// JSON: `{"year", "intensities": [IntensityRow], "levels": [LevelRow],
/// "incubators": ZeroRow|null, "unavailable": [string]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Innovation {
    pub year: i32,
    pub intensities: Vec<IntensityRow>,
    pub levels: Vec<LevelRow>,
    /// Zones without a national-level incubator; `None` when the data has
    /// no such indicator.
    pub incubators: Option<ZeroRow>,
    /// Intensity ids (and `national_incubators`) the data lacks an
    /// indicator for.
    pub unavailable: Vec<String>,
}

/// One intensity over the zones.
///
/// JSON: `{"id", "numerator", "denominator", "unit", "comparison":
/// IntensityComparison, "below_region": [zone id], "below_reference":
/// [zone id], "left_out": [zone id]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IntensityRow {
    pub id: &'static str,
    pub numerator: &'static str,
    pub denominator: &'static str,
    pub unit: &'static str,
    /// Per zone r_i, the region's averages (`ratio_of_sums` is the
    /// headline), the reference and the counts below. The reference is
    /// scale · ref(numerator) / ref(denominator) when the data gives both
    /// reference averages for the year (the level above's ratio of
    /// per-zone averages), else `None`.
    pub comparison: IntensityComparison,
    /// Zones with r_i below the region's ratio of sums.
    pub below_region: Vec<Id>,
    /// Zones with r_i below the reference (empty without one).
    pub below_reference: Vec<Id>,
    /// Zones without r_i (a value missing, or a denominator ≤ 0).
    pub left_out: Vec<Id>,
}

/// One indicator's level over the zones against their mean and the level
/// above's average (C14 compares the mean with the reference).
///
/// JSON: `{"indicator", "zones_compared", "missing_zones", "mean",
/// "reference", "reference_status", "mean_below_reference", "below_mean",
/// "below_reference"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelRow {
    pub indicator: String,
    pub zones_compared: usize,
    pub missing_zones: Vec<Id>,
    /// (1/n) Σ x_i over the zones with a value.
    pub mean: Option<f64>,
    /// The level above's average per zone, if the data gives one.
    pub reference: Option<f64>,
    pub reference_status: Option<&'static str>,
    /// mean < reference; `None` without both.
    pub mean_below_reference: Option<bool>,
    /// Zones with x_i < mean.
    pub below_mean: Vec<Id>,
    /// Zones with x_i < reference.
    pub below_reference: Vec<Id>,
}

/// Zones with a zero count of one indicator.
///
/// JSON: `{"indicator", "counts": ZeroCount, "zones_with_zero": [zone id],
/// "national_county_zones_with_zero": [zone id]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ZeroRow {
    pub indicator: String,
    pub counts: ZeroCount,
    pub zones_with_zero: Vec<Id>,
    /// The C15 subset: national zones in counties.
    pub national_county_zones_with_zero: Vec<Id>,
}

/// The innovation figures of `year` (see [`Innovation`]).
pub fn innovation(dataset: &Dataset, year: i32) -> Result<Innovation, AnalysisError> {
    let mut unavailable = Vec::new();
    let mut intensities = Vec::new();
    for spec in &INTENSITIES {
        let (Some(num), Some(den)) = (
            dataset.indicator_index(spec.numerator),
            dataset.indicator_index(spec.denominator),
        ) else {
            unavailable.push(spec.id.to_string());
            continue;
        };
        let reference = reference(dataset, num, year)
            .zip(reference(dataset, den, year))
            .and_then(|(a, b)| (b > 0.0).then(|| spec.scale * a / b));
        let comparison = intensity(
            column(dataset, num, year)?,
            column(dataset, den, year)?,
            spec.scale,
            reference,
        );
        let below = |limit: Option<f64>| ids_where(dataset, &comparison.per_zone, limit);
        intensities.push(IntensityRow {
            id: spec.id,
            numerator: spec.numerator,
            denominator: spec.denominator,
            unit: spec.unit,
            below_region: below(comparison.ratio_of_sums),
            below_reference: below(comparison.reference),
            left_out: missing_zones(dataset, &comparison.per_zone),
            comparison,
        });
    }

    let mut levels = Vec::new();
    for (i, indicator) in dataset.indicators.iter().enumerate() {
        let reference_figure = dataset.reference_average(i, year);
        let is_level = matches!(indicator.kind, ValueKind::Share | ValueKind::Ratio);
        if !is_level && reference_figure.is_none() {
            continue;
        }
        let values = column(dataset, i, year)?;
        let (_, present_values) = present(values);
        let mean = (!present_values.is_empty())
            .then(|| present_values.iter().sum::<f64>() / present_values.len() as f64);
        let reference = reference_figure.and_then(|f| f.value);
        levels.push(LevelRow {
            indicator: indicator.id.clone(),
            zones_compared: present_values.len(),
            missing_zones: missing_zones(dataset, values),
            mean,
            reference,
            reference_status: reference_figure.map(|f| f.status.as_str()),
            mean_below_reference: mean.zip(reference).map(|(m, r)| m < r),
            below_mean: ids_where(dataset, values, mean),
            below_reference: ids_where(dataset, values, reference),
        });
    }

    let incubators = match dataset.indicator_index(INCUBATORS) {
        Some(i) => {
            let values = column(dataset, i, year)?;
            let zero: Vec<usize> = (0..values.len())
                .filter(|z| values[*z] == Some(0.0))
                .collect();
            Some(ZeroRow {
                indicator: INCUBATORS.to_string(),
                counts: count_zeros(values),
                zones_with_zero: zero.iter().map(|z| zone_id(dataset, *z)).collect(),
                national_county_zones_with_zero: zero
                    .iter()
                    .filter(|z| {
                        dataset
                            .zones
                            .get(**z)
                            .is_some_and(|z| z.level == Level::National && z.county_level)
                    })
                    .map(|z| zone_id(dataset, *z))
                    .collect(),
            })
        }
        None => {
            unavailable.push(INCUBATORS.to_string());
            None
        }
    };
    Ok(Innovation {
        year,
        intensities,
        levels,
        incubators,
        unavailable,
    })
}

fn reference(dataset: &Dataset, indicator: usize, year: i32) -> Option<f64> {
    dataset
        .reference_average(indicator, year)
        .and_then(|f| f.value)
}

/// Ids of the zones whose value is strictly below `limit` (none without one).
fn ids_where(dataset: &Dataset, values: &[Option<f64>], limit: Option<f64>) -> Vec<Id> {
    let Some(limit) = limit else {
        return Vec::new();
    };
    values
        .iter()
        .enumerate()
        .filter(|(_, v)| v.is_some_and(|x| x < limit))
        .map(|(i, _)| zone_id(dataset, i))
        .collect()
}

#[cfg(test)]
mod tests;
