//! Innovation intensities (claims C14–C17): per-zone ratios of two columns
//! (R&D spending / GDP, invention patents per 10,000 employees, S&T staff
//! share, listed companies per km²) set against the region's average and an
//! external reference, with the number of zones below each.
//!
//! Main type: [`IntensityComparison`].

use serde::Serialize;

/// A per-zone intensity and how the zones compare with two averages.
///
/// JSON: `{"per_zone": [f64|null], "scale": f64, "zones_compared": usize,
/// "ratio_of_sums": f64|null, "mean_of_ratios": f64|null, "reference":
/// f64|null, "below_ratio_of_sums": usize, "below_mean_of_ratios": usize,
/// "below_reference": usize|null}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IntensityComparison {
    /// r_i = scale · a_i / b_i; `None` where a_i or b_i is missing or b_i ≤ 0.
    pub per_zone: Vec<Option<f64>>,
    /// The multiplier (1 for a ratio, 100 for a percentage, 10,000 for "per
    /// 10,000 employees").
    pub scale: f64,
    /// How many zones have a defined r_i (the counts below are out of these).
    pub zones_compared: usize,
    /// The region's average as statistics offices compute it, the ratio of
    /// the sums over the compared zones: R = scale · Σ a_i / Σ b_i (the
    /// zones weighted by their denominator). This is the headline average.
    pub ratio_of_sums: Option<f64>,
    /// The unweighted mean of the zones' ratios: m = (1/n) Σ r_i (each zone
    /// counts once, as in "the average zone").
    pub mean_of_ratios: Option<f64>,
    /// The external reference average (e.g. the level above's), as given.
    pub reference: Option<f64>,
    /// #{i : r_i < R}.
    pub below_ratio_of_sums: usize,
    /// #{i : r_i < m}.
    pub below_mean_of_ratios: usize,
    /// #{i : r_i < reference}; `None` without a reference.
    pub below_reference: Option<usize>,
}

/// Compares per-zone intensities a_i / b_i (times `scale`) with the region's
/// average and with an external `reference` (same unit, already scaled).
///
/// Both averages are given because they answer different questions: the
/// ratio of sums is the intensity of the zones taken together (how R&D
/// intensity is defined in statistics); the mean of ratios is the typical
/// zone. "Below" is strict (<). A zone is compared only where both values are
/// present and the denominator is positive; the others are `None` in
/// `per_zone` and not counted.
pub fn intensity(
    numerator: &[Option<f64>],
    denominator: &[Option<f64>],
    scale: f64,
    reference: Option<f64>,
) -> IntensityComparison {
    let n = numerator.len().max(denominator.len());
    let pairs: Vec<Option<(f64, f64)>> = (0..n)
        .map(|i| {
            let a = numerator.get(i).copied().flatten()?;
            let b = denominator.get(i).copied().flatten()?;
            (a.is_finite() && b.is_finite() && b > 0.0).then_some((a, b))
        })
        .collect();
    let per_zone: Vec<Option<f64>> = pairs
        .iter()
        .map(|p| p.map(|(a, b)| scale * a / b))
        .collect();
    let present: Vec<f64> = per_zone.iter().flatten().copied().collect();
    let (sum_a, sum_b) = pairs
        .iter()
        .flatten()
        .fold((0.0, 0.0), |(sa, sb), (a, b)| (sa + a, sb + b));
    let ratio_of_sums = (sum_b > 0.0).then(|| scale * sum_a / sum_b);
    let mean_of_ratios =
        (!present.is_empty()).then(|| present.iter().sum::<f64>() / present.len() as f64);
    let count_below =
        |limit: Option<f64>| limit.map(|l| present.iter().filter(|r| **r < l).count());
    let reference = reference.filter(|r| r.is_finite());
    IntensityComparison {
        scale,
        zones_compared: present.len(),
        below_ratio_of_sums: count_below(ratio_of_sums).unwrap_or(0),
        below_mean_of_ratios: count_below(mean_of_ratios).unwrap_or(0),
        below_reference: count_below(reference),
        ratio_of_sums,
        mean_of_ratios,
        reference,
        per_zone,
    }
}

/// How many zones have a zero, a positive value and a missing value (C15:
/// zones without a national incubator; C17: zones without a listed company).
///
/// JSON: `{"zero": usize, "positive": usize, "missing": usize}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ZeroCount {
    pub zero: usize,
    pub positive: usize,
    pub missing: usize,
}

/// Counts zeros, positive values and missing values (None, non-finite or
/// negative count as missing: a count cannot be negative).
pub fn count_zeros(values: &[Option<f64>]) -> ZeroCount {
    let mut count = ZeroCount {
        zero: 0,
        positive: 0,
        missing: 0,
    };
    for value in values {
        match value {
            Some(v) if *v == 0.0 => count.zero += 1,
            Some(v) if v.is_finite() && *v > 0.0 => count.positive += 1,
            _ => count.missing += 1,
        }
    }
    count
}

/// A count per unit of area, for benchmarks (C17: listed companies per km²
/// in the zones against Zhangjiang and Shenzhen): d = count / area.
/// `None` when the area is not positive or a value is not finite.
pub fn per_area(count: f64, area_km2: f64) -> Option<f64> {
    (count.is_finite() && area_km2.is_finite() && area_km2 > 0.0).then(|| count / area_km2)
}

#[cfg(test)]
mod tests;
