//! Headline sums and shares (claims C3–C11, C16, C17): a zone total with its
//! missing values counted, the zones' share of a regional total, and land
//! leverage (how many times its land share a group's share of an output is).
//!
//! Main types: [`MissingSum`], [`ShareOfTotal`].

use serde::Serialize;

/// A sum over zones that says how many values it could not add.
///
/// JSON: `{"sum": f64, "counted": usize, "missing": usize}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MissingSum {
    /// Σ of the present values (0 when none is present).
    pub sum: f64,
    /// How many values were present and added.
    pub counted: usize,
    /// How many values were `None` (missing); a sum with `missing > 0` is a
    /// lower bound for non-negative quantities, and the report must say so.
    pub missing: usize,
}

/// Sums the present values and counts the missing ones: S = Σ_{i: x_i present} x_i.
///
/// Missing values are never read as zero: they are counted in `missing` so the
/// caller can say "at least". A non-finite value counts as missing.
pub fn sum_with_missing(values: &[Option<f64>]) -> MissingSum {
    let mut result = MissingSum {
        sum: 0.0,
        counted: 0,
        missing: 0,
    };
    for value in values {
        match value {
            Some(v) if v.is_finite() => {
                result.sum += v;
                result.counted += 1;
            }
            _ => result.missing += 1,
        }
    }
    result
}

/// Share of a part in a total: s = part / total.
///
/// `None` when the total is zero, negative or not finite, or the part is not
/// finite (a share of nothing is undefined, not 0).
pub fn share(part: f64, total: f64) -> Option<f64> {
    if !part.is_finite() || !total.is_finite() || total <= 0.0 {
        return None;
    }
    Some(part / total)
}

/// Land leverage of a group of zones: L = s_output / s_land, where s_output is
/// the group's share of the region's output (e.g. GDP) and s_land its share of
/// the region's land. L = 10 means the zones produce ten times their weight in
/// land (claims C5–C6: > 32% of GDP on < 3% of land gives L > 10.7).
///
/// `None` when either share is undefined, or the land share is zero.
pub fn land_leverage(output_share: f64, land_share: f64) -> Option<f64> {
    if !output_share.is_finite() || !land_share.is_finite() || land_share <= 0.0 {
        return None;
    }
    Some(output_share / land_share)
}

/// The zones' total of one quantity set against the region's total.
///
/// JSON: `{"zones": MissingSum, "region_total": f64, "share": f64|null}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShareOfTotal {
    /// The zones' sum with its missing count.
    pub zones: MissingSum,
    /// The region's total (the denominator, from the statistics yearbook).
    pub region_total: f64,
    /// zones.sum / region_total; `None` when the total is not positive.
    pub share: Option<f64>,
}

/// Sums the zones' values and divides by the region's total:
/// s = (Σ_i x_i) / X_region, with missing x_i counted, not added.
pub fn share_of_total(zone_values: &[Option<f64>], region_total: f64) -> ShareOfTotal {
    let zones = sum_with_missing(zone_values);
    let share = share(zones.sum, region_total);
    ShareOfTotal {
        zones,
        region_total,
        share,
    }
}

/// The present values of a column with the zones they belong to, for the
/// metrics that take `&[f64]` (Gini, Theil, CV): returns (zones, values),
/// both in zone order. Missing and non-finite values are left out; the
/// caller reports `column.len() − zones.len()` of them.
pub fn present(column: &[Option<f64>]) -> (Vec<usize>, Vec<f64>) {
    column
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.filter(|x| x.is_finite()).map(|x| (i, x)))
        .unzip()
}

#[cfg(test)]
mod tests;
