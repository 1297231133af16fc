//! Specialisation from the zones' industry mixes (claim C18: industries
//! converge, "one park, one specialty" is not achieved): the cosine
//! similarity matrix and its heatmap order, pairs above a threshold,
//! Krugman indices, location quotients, Herfindahl and each zone's most
//! distinctive industry.
//!
//! Only main zones with an industry mix enter; the others are listed in
//! `missing_zones`. Main type: [`Specialisation`].

use serde::Serialize;

use super::{Context, Id};
use crate::metrics::similarity::{
    cosine_with_norms, norm, structure_report, structure_report_with, PairStats,
};
use crate::model::Dataset;

/// The similarity from which two zones count as "alike" (C18's check uses
/// 0.8).
pub const DEFAULT_SIMILARITY_THRESHOLD: f64 = 0.8;

/// The industry-structure measures of the zones with a mix.
///
/// JSON: `{"threshold", "zones", "zone_index", "industries", "mix_years", "mix_units",
/// "missing_zones", "mean_similarity", "pairs", "pairs_above",
/// "share_above", "similar_pairs", "heatmap_order", "similarity",
/// "location_quotients", "per_zone"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Specialisation {
    pub threshold: f64,
    /// Ids of the zones in the matrices' row order (zones with a mix, in
    /// zone order).
    pub zones: Vec<Id>,
    /// `zone_index[r]`: row r's zone index into the dataset.
    pub zone_index: Vec<usize>,
    /// Industry ids in the matrices' column order (the dataset's).
    pub industries: Vec<String>,
    /// The distinct years the mixes are for.
    pub mix_years: Vec<i32>,
    /// The distinct unit ids the mixes are in (one, for a comparable set).
    pub mix_units: Vec<String>,
    /// Ids of the main zones without an industry mix (left out).
    pub missing_zones: Vec<Id>,
    /// Mean cosine over all pairs.
    pub mean_similarity: Option<f64>,
    /// Pairs with a defined similarity: n(n−1)/2 unless a mix is all zero.
    pub pairs: usize,
    /// Pairs with similarity ≥ threshold.
    pub pairs_above: usize,
    /// pairs_above / pairs (C18).
    pub share_above: Option<f64>,
    /// The pairs ≥ threshold, most similar first: the first
    /// [`LISTED_PAIRS`](crate::metrics::similarity::LISTED_PAIRS) of the
    /// `pairs_above`.
    pub similar_pairs: Vec<SimilarPair>,
    /// Zone ids in an order that puts similar zones side by side.
    pub heatmap_order: Vec<Id>,
    /// Cosine matrix, rows and columns in `zones` order; empty above
    /// [`MATRIX_ZONES`] zones (the other figures still cover them all, and
    /// [`Specialisation::similarity`] works a pair out), `null` in JSON.
    #[serde(serialize_with = "matrix_up_to_limit")]
    pub similarity: Vec<Vec<Option<f64>>>,
    /// The rows' mixes and their norms, for [`Specialisation::similarity`]
    /// without the matrix.
    #[serde(skip)]
    pub mixes: Vec<(Vec<f64>, Option<f64>)>,
    /// Each row's most similar other row and its cosine (ties: the first).
    #[serde(skip)]
    pub nearest: Vec<Option<(usize, f64)>>,
    /// LQ zone × industry, rows in `zones` order, columns in `industries`.
    pub location_quotients: Vec<Vec<Option<f64>>>,
    pub per_zone: Vec<ZoneStructure>,
}

/// The most zones whose similarity matrix is made and `zone-monitor report
/// --json` writes: 1,000 zones are a million cells (16 MB, about 20 MB of
/// JSON); 5,000 would be 25 million (400 MB, about 500 MB).
pub use crate::metrics::similarity::MATRIX_ZONES;

fn matrix_up_to_limit<S: serde::Serializer>(
    matrix: &[Vec<Option<f64>>],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    if matrix.is_empty() || matrix.len() > MATRIX_ZONES {
        serializer.serialize_none()
    } else {
        matrix.serialize(serializer)
    }
}

/// JSON: `{"a", "b", "a_id", "b_id", "similarity"}`; `a`, `b` are zone
/// indices into the dataset.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimilarPair {
    pub a: usize,
    pub b: usize,
    pub a_id: Id,
    pub b_id: Id,
    pub similarity: f64,
}

/// One zone's structure.
///
/// JSON: `{"zone", "zone_id", "krugman_rest", "krugman_all", "herfindahl",
/// "most_distinctive": {"industry", "industry_id", "location_quotient"}|null}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ZoneStructure {
    pub zone: usize,
    pub zone_id: Id,
    /// Against the sum of the other zones.
    pub krugman_rest: Option<f64>,
    /// Against the sum of all zones.
    pub krugman_all: Option<f64>,
    pub herfindahl: Option<f64>,
    pub most_distinctive: Option<DistinctiveIndustry>,
}

/// JSON: `{"industry", "industry_id", "location_quotient"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DistinctiveIndustry {
    pub industry: usize,
    pub industry_id: String,
    pub location_quotient: f64,
}

/// Pairs of zones by industry-structure similarity (claim C18's check; for
/// all main zones, [`Specialisation`] has the same counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PairCount {
    /// Pairs whose similarity is defined (neither mix all zero).
    pub pairs: usize,
    /// Of these, pairs with similarity ≥ the threshold.
    pub similar: usize,
}

/// Counts the pairs of `zones` (indices into [`Dataset::zones`]) whose
/// industry mixes have a cosine similarity ≥ `threshold` (UNIDO's structural
/// similarity, [`crate::metrics::similarity::cosine`]). Zones without a mix
/// are skipped; `pairs` is 0 when fewer than two have one.
pub fn similar_pair_count(dataset: &Dataset, zones: &[usize], threshold: f64) -> PairCount {
    let mixes: Vec<&[f64]> = zones
        .iter()
        .filter_map(|i| dataset.zones.get(*i)?.industry_mix.as_ref())
        .map(|m| m.values.as_slice())
        .collect();
    // The specialisation chart's pass, counting only: the same pairs, and
    // the same sum as its chart's (one loop less in the wasm).
    let stats = crate::metrics::similarity::pair_stats(&mixes, threshold, 0, 0);
    PairCount {
        pairs: stats.pairs,
        similar: stats.above,
    }
}

/// The structure measures of the main zones' industry mixes, pairs listed
/// from `threshold` up.
pub fn specialisation(dataset: &Dataset, threshold: f64) -> Specialisation {
    specialisation_in(&Context::new(dataset), threshold)
}

/// [`specialisation`] with the zone ids made beforehand.
pub(crate) fn specialisation_in(context: &Context<'_>, threshold: f64) -> Specialisation {
    specialisation_with(context, threshold, None)
}

/// [`specialisation_in`] with the pairs already compared: `pairs`, if
/// given, is [`crate::metrics::similarity::pair_stats`] of the mixes of
/// [`mixed_zones`] at `threshold` (see
/// [`crate::metrics::similarity::structure_report_with`]).
pub(crate) fn specialisation_with(
    context: &Context<'_>,
    threshold: f64,
    pairs: Option<&PairStats>,
) -> Specialisation {
    let dataset = context.dataset;
    let mut zone_index = Vec::new();
    let mut rows: Vec<Vec<f64>> = Vec::new();
    let mut missing = Vec::new();
    let mut mix_years: Vec<i32> = Vec::new();
    let mut mix_units: Vec<String> = Vec::new();
    for (i, zone) in dataset.zones.iter().enumerate() {
        match &zone.industry_mix {
            Some(mix) => {
                zone_index.push(i);
                rows.push(mix.values.clone());
                mix_years.push(mix.year);
                if let Some(unit) = dataset.meta.units.get(mix.unit) {
                    mix_units.push(unit.id.clone());
                }
            }
            None => missing.push(context.zone_id(i)),
        }
    }
    crate::order::sort_by(&mut mix_years, Ord::cmp);
    mix_years.dedup();
    crate::order::sort_by(&mut mix_units, Ord::cmp);
    mix_units.dedup();

    let report = match pairs {
        Some(pairs) => structure_report_with(&rows, pairs),
        None => structure_report(&rows, threshold),
    };
    let to_zone = |row: usize| zone_index.get(row).copied().unwrap_or(row);
    let pairs = report.pairs;
    let pairs_above = report.pairs_above;
    let industry_id = |k: usize| {
        dataset
            .industries
            .get(k)
            .map_or_else(String::new, |i| i.id.clone())
    };
    let per_zone = (0..rows.len())
        .map(|r| ZoneStructure {
            zone: to_zone(r),
            zone_id: context.zone_id(to_zone(r)),
            krugman_rest: report.krugman_rest[r],
            krugman_all: report.krugman_all[r],
            herfindahl: report.herfindahl[r],
            most_distinctive: report.most_distinctive[r]
                .as_ref()
                .map(|d| DistinctiveIndustry {
                    industry: d.industry,
                    industry_id: industry_id(d.industry),
                    location_quotient: d.location_quotient,
                }),
        })
        .collect();
    Specialisation {
        threshold,
        zones: zone_index.iter().map(|z| context.zone_id(*z)).collect(),
        industries: dataset.industries.iter().map(|i| i.id.clone()).collect(),
        mix_years,
        mix_units,
        missing_zones: missing,
        mean_similarity: report.mean_similarity,
        pairs,
        pairs_above,
        share_above: (pairs > 0).then(|| pairs_above as f64 / pairs as f64),
        similar_pairs: report
            .similar_pairs
            .iter()
            .map(|p| SimilarPair {
                a: to_zone(p.a),
                b: to_zone(p.b),
                a_id: context.zone_id(to_zone(p.a)),
                b_id: context.zone_id(to_zone(p.b)),
                similarity: p.similarity,
            })
            .collect(),
        heatmap_order: report
            .heatmap_order
            .iter()
            .map(|r| context.zone_id(to_zone(*r)))
            .collect(),
        similarity: report.similarity,
        nearest: report.nearest.iter().map(|n| n.first().copied()).collect(),
        mixes: rows
            .into_iter()
            .map(|m| {
                let n = norm(&m);
                (m, n)
            })
            .collect(),
        location_quotients: report.location_quotients,
        per_zone,
        zone_index,
    }
}

/// The zones [`Specialisation`]'s rows are (those with an industry mix, in
/// zone order), by index into [`Dataset::zones`].
pub fn mixed_zones(dataset: &Dataset) -> Vec<usize> {
    (0..dataset.zones.len())
        .filter(|z| dataset.zones[*z].industry_mix.is_some())
        .collect()
}

/// The industry mixes of `zones` (indices into [`Dataset::zones`], each
/// with a mix; one without gives an empty mix), in that order.
pub fn mixes_of<'a>(dataset: &'a Dataset, zones: &[usize]) -> Vec<&'a [f64]> {
    zones
        .iter()
        .map(|z| {
            dataset.zones[*z]
                .industry_mix
                .as_ref()
                .map_or(&[][..], |m| m.values.as_slice())
        })
        .collect()
}

/// The industry mixes of [`mixed_zones`], in that order: what the tests
/// that compare the pairs themselves compare.
#[cfg(test)]
pub(crate) fn mixed_zones_mixes(dataset: &Dataset) -> Vec<&[f64]> {
    mixes_of(dataset, &mixed_zones(dataset))
}

impl Specialisation {
    /// The cosine of rows `a` and `b`: the matrix's cell, or worked out from
    /// the mixes above [`MATRIX_ZONES`] zones.
    pub fn similarity(&self, a: usize, b: usize) -> Option<f64> {
        if let Some(row) = self.similarity.get(a) {
            return row.get(b).copied().flatten();
        }
        let (x, norm_x) = self.mixes.get(a)?;
        let (y, norm_y) = self.mixes.get(b)?;
        if a == b {
            return norm_x.map(|_| 1.0);
        }
        cosine_with_norms((x, (*norm_x)?), (y, (*norm_y)?))
    }
}

#[cfg(test)]
mod tests;
