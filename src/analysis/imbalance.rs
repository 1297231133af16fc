//! Imbalance between zones (claim C19) for any indicator and year: Gini,
//! coefficient of variation, the Lorenz curve over land with its
//! land-weighted Gini, and Theil T and L split between and within groups by
//! level (national vs region-level) and by metro area.
//!
//! Main types: [`Imbalance`], [`TheilSplit`], [`Lorenz`].

use serde::Serialize;

use super::{column, AnalysisError, Context, Id};
use crate::metrics::inequality::{
    group_ids, imbalance_report, theil_decomposition, TheilDecomposition, TheilKind,
};
use crate::metrics::shares::present;
use crate::model::{Dataset, ValueKind};

/// Label of the zones outside every metro area in the by-area split.
pub const NO_METRO_AREA: &str = "none";

/// Every imbalance measure of one indicator in one year.
///
/// JSON: `{"indicator", "year", "zones_used", "missing_zones", "gini", "cv",
/// "lorenz": Lorenz|null, "by_level": TheilSplit, "by_metro_area":
/// TheilSplit}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Imbalance {
    pub indicator: String,
    pub year: i32,
    /// Zones with a value; every measure is over these.
    pub zones_used: usize,
    /// Ids of the zones left out for a missing value.
    pub missing_zones: Vec<Id>,
    pub gini: Option<f64>,
    pub cv: Option<f64>,
    /// Of the indicator over land, for amounts and counts (a density makes
    /// sense for them, not for shares and ratios); `None` otherwise or when
    /// undefined.
    pub lorenz: Option<Lorenz>,
    /// Theil T and L between and within national and region-level zones.
    pub by_level: TheilSplit,
    /// Theil T and L between and within metro areas ([`NO_METRO_AREA`] for
    /// zones outside every area).
    pub by_metro_area: TheilSplit,
}

/// Theil T and L split by one grouping; `groups[k]` names the group
/// `TheilGroup::group == k`.
///
/// JSON: `{"groups": [string], "theil_t": TheilDecomposition|null,
/// "theil_l": TheilDecomposition|null}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TheilSplit {
    pub groups: Vec<String>,
    pub theil_t: Option<TheilDecomposition>,
    /// `None` when a zone has 0 (ln(μ/0) is infinite).
    pub theil_l: Option<TheilDecomposition>,
}

/// A Lorenz curve of a value over land, zones named.
///
/// JSON: `{"points": [LorenzPoint], "gini"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lorenz {
    /// Zones by increasing density (value per km²); the curve starts at
    /// (0, 0), not listed, and ends at (1, 1).
    pub points: Vec<LorenzPoint>,
    /// The land-weighted Gini: 1 − Σ_k (X_k − X_{k−1})(Y_k + Y_{k−1}).
    pub gini: f64,
}

/// JSON: `{"zone", "zone_id", "cum_land_share", "cum_value_share"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LorenzPoint {
    pub zone: usize,
    pub zone_id: Id,
    pub cum_land_share: f64,
    pub cum_value_share: f64,
}

/// The zones' groupings and land, the same for every indicator and year:
/// computed once when many indicators are analysed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Groupings {
    level_ids: Vec<usize>,
    level_names: Vec<String>,
    area_ids: Vec<usize>,
    area_names: Vec<String>,
    land: Vec<Option<f64>>,
}

impl Groupings {
    pub fn new(dataset: &Dataset) -> Self {
        let levels: Vec<&str> = dataset.zones.iter().map(|z| z.level.as_str()).collect();
        let (level_ids, level_names) = group_ids(&levels);
        let areas: Vec<&str> = dataset
            .zones
            .iter()
            .map(|z| {
                z.metro_area
                    .and_then(|a| dataset.metro_areas.get(a))
                    .map_or(NO_METRO_AREA, |a| a.id.as_str())
            })
            .collect();
        let (area_ids, area_names) = group_ids(&areas);
        Groupings {
            level_ids,
            level_names: level_names.into_iter().map(String::from).collect(),
            area_ids,
            area_names: area_names.into_iter().map(String::from).collect(),
            land: dataset.zones.iter().map(|z| Some(z.land_km2)).collect(),
        }
    }
}

/// The Gini coefficient of values the caller picked (claim C19's check:
/// the zones a filter selects, missing values left out by the caller).
///
/// G = Σ_i Σ_j |x_i − x_j| / (2 n² μ), the population form of
/// [`crate::metrics::inequality::gini`] (docs/METRICS.md). `None` for no
/// value, a negative or non-finite one, or a zero total.
pub fn gini(values: &[f64]) -> Option<f64> {
    crate::metrics::inequality::gini(values)
}

/// The imbalance of indicator `indicator` (index) in `year` over the main
/// zones that have a value.
pub fn imbalance(
    dataset: &Dataset,
    indicator: usize,
    year: i32,
) -> Result<Imbalance, AnalysisError> {
    imbalance_in(
        &Context::new(dataset),
        &Groupings::new(dataset),
        indicator,
        year,
    )
}

/// [`imbalance`] with the zone ids and groupings made beforehand, once for
/// all indicators.
pub(crate) fn imbalance_in(
    context: &Context<'_>,
    groupings: &Groupings,
    indicator: usize,
    year: i32,
) -> Result<Imbalance, AnalysisError> {
    let dataset = context.dataset;
    let values = column(dataset, indicator, year)?;
    let spec = &dataset.indicators[indicator];
    let density_makes_sense = matches!(spec.kind, ValueKind::Amount | ValueKind::Count);
    let report = imbalance_report(
        values,
        density_makes_sense.then_some(groupings.land.as_slice()),
        &groupings.level_ids,
    );

    let (zones, present_values) = present(values);
    let present_areas: Vec<usize> = zones
        .iter()
        .map(|z| groupings.area_ids.get(*z).copied().unwrap_or(0))
        .collect();
    let by_area = |kind| theil_decomposition(&present_values, &present_areas, kind);

    Ok(Imbalance {
        indicator: spec.id.clone(),
        year,
        zones_used: report.zones_used,
        missing_zones: context.missing_zones(values),
        gini: report.gini,
        cv: report.cv,
        lorenz: report.lorenz.map(|curve| Lorenz {
            gini: curve.gini,
            points: curve
                .points
                .into_iter()
                .map(|p| LorenzPoint {
                    zone: p.zone,
                    zone_id: context.zone_id(p.zone),
                    cum_land_share: p.cum_weight_share,
                    cum_value_share: p.cum_value_share,
                })
                .collect(),
        }),
        by_level: TheilSplit {
            groups: groupings.level_names.clone(),
            theil_t: report.theil_t,
            theil_l: report.theil_l,
        },
        by_metro_area: TheilSplit {
            groups: groupings.area_names.clone(),
            theil_t: by_area(TheilKind::T),
            theil_l: by_area(TheilKind::L),
        },
    })
}

#[cfg(test)]
mod tests;
