//! Benchmarks (claim C17): each benchmark zone's figure (listed companies in
//! Shanghai Zhangjiang and Shenzhen's zone) against the zones' total, as
//! counts and per km² where the land is known, and how many zones have none.
//!
//! Main types: [`Benchmarks`], [`BenchmarkRow`].

use serde::Serialize;

use super::{column, missing_zones, zone_id, Id, Name};
use crate::metrics::innovation::{count_zeros, per_area, ZeroCount};
use crate::metrics::shares::{sum_with_missing, MissingSum};
use crate::model::{Dataset, Measure};

/// The benchmark comparisons of one year.
///
/// JSON: `{"year", "rows": [BenchmarkRow]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Benchmarks {
    pub year: i32,
    /// One per benchmark value of the year (land values are used as areas,
    /// not listed), benchmarks in file order.
    pub rows: Vec<BenchmarkRow>,
}

/// One benchmark figure against the zones.
///
/// JSON: `{"benchmark", "name", "measure", "value", "status", "land_km2",
/// "per_km2", "zones": MissingSum, "missing_zones", "zones_land_km2",
/// "zones_per_km2", "benchmark_to_zones", "zones_with_zero": ZeroCount,
/// "zones_without": [zone id]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenchmarkRow {
    pub benchmark: String,
    pub name: Name,
    /// The indicator id.
    pub measure: String,
    pub value: Option<f64>,
    pub status: &'static str,
    /// The benchmark's own area, if the data gives its `land_km2` for the
    /// year; `None`: unknown, so no density.
    pub land_km2: Option<f64>,
    /// value / land_km2.
    pub per_km2: Option<f64>,
    /// The main zones' total of the measure.
    pub zones: MissingSum,
    pub missing_zones: Vec<Id>,
    /// The main zones' approved land, Σ km².
    pub zones_land_km2: f64,
    /// zones.sum / zones_land_km2.
    pub zones_per_km2: Option<f64>,
    /// value / zones.sum: how many times the zones' total the benchmark has.
    pub benchmark_to_zones: Option<f64>,
    /// Zones with 0, a positive value, or none ("most zones have none").
    pub zones_with_zero: ZeroCount,
    pub zones_without: Vec<Id>,
}

/// The benchmark rows of `year` (see [`BenchmarkRow`]).
pub fn benchmarks(dataset: &Dataset, year: i32) -> Result<Benchmarks, super::AnalysisError> {
    let zones_land: f64 = dataset.zones.iter().map(|z| z.land_km2).sum();
    let mut rows = Vec::new();
    for benchmark in &dataset.benchmarks {
        let land_km2 = benchmark
            .values
            .iter()
            .find(|v| v.year == year && v.measure == Measure::Land)
            .and_then(|v| v.figure.value);
        for value in benchmark.values.iter().filter(|v| v.year == year) {
            let Measure::Indicator(i) = value.measure else {
                continue;
            };
            let values = column(dataset, i, year)?;
            let zones = sum_with_missing(values);
            let figure = value.figure.value;
            rows.push(BenchmarkRow {
                benchmark: benchmark.id.clone(),
                name: Name::from(&benchmark.name),
                measure: dataset
                    .indicators
                    .get(i)
                    .map_or_else(String::new, |s| s.id.clone()),
                value: figure,
                status: value.figure.status.as_str(),
                land_km2,
                per_km2: figure
                    .zip(land_km2)
                    .and_then(|(count, area)| per_area(count, area)),
                missing_zones: missing_zones(dataset, values),
                zones_land_km2: zones_land,
                zones_per_km2: per_area(zones.sum, zones_land),
                benchmark_to_zones: figure.filter(|_| zones.sum > 0.0).map(|v| v / zones.sum),
                zones,
                zones_with_zero: count_zeros(values),
                zones_without: values
                    .iter()
                    .enumerate()
                    .filter(|(_, v)| **v == Some(0.0))
                    .map(|(z, _)| zone_id(dataset, z))
                    .collect(),
            });
        }
    }
    Ok(Benchmarks { year, rows })
}

#[cfg(test)]
mod tests;
