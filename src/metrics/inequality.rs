//! Inequality among zones (claim C19): the Gini coefficient, the Lorenz curve
//! of one quantity over another (GDP over land) with its weighted Gini, Theil T
//! and Theil L with the exact between/within split for any grouping, and the
//! coefficient of variation.
//!
//! Main types: [`LorenzCurve`], [`TheilDecomposition`].
//!
//! Inputs are the present values only: the caller drops missing zones and says
//! how many it dropped (see `shares::sum_with_missing`).

use serde::Serialize;

/// Gini coefficient of non-negative values.
///
/// G = Σ_i Σ_j |x_i − x_j| / (2 n² μ), computed in O(n log n) from the sorted
/// values as G = (2 Σ_i i·x_(i)) / (n Σ x) − (n + 1) / n with i = 1..n
/// (the population form; it is 0 for equal values and (n−1)/n when one zone
/// holds everything, so it lies in [0, 1)). Same as PySAL `inequality.gini`.
///
/// Returns `None` for an empty input, a negative or non-finite value, or a
/// zero total (the coefficient is undefined there).
pub fn gini(values: &[f64]) -> Option<f64> {
    if values.is_empty() || values.iter().any(|v| !v.is_finite() || *v < 0.0) {
        return None;
    }
    let mut sorted = values.to_vec();
    crate::order::sort_f64(&mut sorted);
    let total: f64 = sorted.iter().sum();
    if total <= 0.0 {
        return None;
    }
    let n = sorted.len() as f64;
    let weighted: f64 = sorted
        .iter()
        .enumerate()
        .map(|(i, x)| (i as f64 + 1.0) * x)
        .sum();
    // Rounding can leave −1e−17 for equal values; the coefficient is ≥ 0.
    Some((2.0 * weighted / (n * total) - (n + 1.0) / n).max(0.0))
}

/// One vertex of a Lorenz curve, after the zone it adds.
///
/// JSON: `{"zone": usize, "cum_weight_share": f64, "cum_value_share": f64}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LorenzPoint {
    /// Index of the zone this step adds (into the input slices).
    pub zone: usize,
    /// X_k: share of the total weight (e.g. land) held by the first k zones.
    pub cum_weight_share: f64,
    /// Y_k: share of the total value (e.g. GDP) held by the first k zones.
    pub cum_value_share: f64,
}

/// A Lorenz curve of a value over a weight and the Gini read from its area.
///
/// JSON: `{"points": [LorenzPoint], "gini": f64}`. The curve starts at (0, 0),
/// which is not listed; the last point is (1, 1).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LorenzCurve {
    /// Zones in increasing order of density value/weight.
    pub points: Vec<LorenzPoint>,
    /// Weighted Gini: 1 − Σ_k (X_k − X_{k−1})(Y_k + Y_{k−1}).
    pub gini: f64,
}

/// Lorenz curve of `values` over `weights` (GDP over land) and its weighted
/// Gini coefficient.
///
/// Zones are sorted by density d_i = x_i / w_i ascending (ties by index); the
/// vertices are the cumulative shares X_k = Σ_{j≤k} w_(j) / Σ w and
/// Y_k = Σ_{j≤k} x_(j) / Σ x. The Gini is twice the area between the diagonal
/// and the curve, by the trapezoid rule:
/// G = 1 − Σ_k (X_k − X_{k−1})(Y_k + Y_{k−1}), with X_0 = Y_0 = 0.
/// With equal weights it equals [`gini`]. Method: Lorenz (1905); the
/// land-weighted form is the population-weighted Gini of the inequality
/// literature with land as the population (OECD/JRC 2008 lists Gini among
/// the dispersion measures).
///
/// `None` when the slices are empty or of different lengths, a weight is not
/// positive, a value is negative, anything is not finite, or the values sum
/// to zero.
pub fn lorenz(values: &[f64], weights: &[f64]) -> Option<LorenzCurve> {
    if values.is_empty() || values.len() != weights.len() {
        return None;
    }
    if values.iter().any(|v| !v.is_finite() || *v < 0.0)
        || weights.iter().any(|w| !w.is_finite() || *w <= 0.0)
    {
        return None;
    }
    let total_value: f64 = values.iter().sum();
    let total_weight: f64 = weights.iter().sum();
    if total_value <= 0.0 {
        return None;
    }
    let mut order: Vec<usize> = (0..values.len()).collect();
    crate::order::sort_by(&mut order, |&a, &b| {
        (values[a] / weights[a])
            .total_cmp(&(values[b] / weights[b]))
            .then(a.cmp(&b))
    });
    let mut points = Vec::with_capacity(order.len());
    let (mut cum_value, mut cum_weight) = (0.0, 0.0);
    let (mut prev_x, mut prev_y) = (0.0, 0.0);
    let mut area_term = 0.0;
    for zone in order {
        cum_value += values[zone];
        cum_weight += weights[zone];
        let x = cum_weight / total_weight;
        let y = cum_value / total_value;
        area_term += (x - prev_x) * (y + prev_y);
        points.push(LorenzPoint {
            zone,
            cum_weight_share: x,
            cum_value_share: y,
        });
        (prev_x, prev_y) = (x, y);
    }
    Some(LorenzCurve {
        points,
        gini: (1.0 - area_term).max(0.0),
    })
}

/// The land-weighted Gini of `values` over `weights` alone: [`lorenz`]'s
/// `gini`, G = 1 − Σ_k (X_k − X_{k−1})(Y_k + Y_{k−1}).
pub fn weighted_gini(values: &[f64], weights: &[f64]) -> Option<f64> {
    lorenz(values, weights).map(|curve| curve.gini)
}

/// Numbers the distinct labels of a grouping for [`theil_decomposition`]:
/// returns one id per zone and the labels in id order (ids follow the
/// sorted order of the labels, so they are stable whatever the zone order).
/// E.g. `["metro", "other", "metro"]` → `([0, 1, 0], ["metro", "other"])`.
pub fn group_ids<T: Ord + Clone>(labels: &[T]) -> (Vec<usize>, Vec<T>) {
    let mut distinct: Vec<T> = labels.to_vec();
    crate::order::sort_by(&mut distinct, Ord::cmp);
    distinct.dedup();
    let ids = labels
        .iter()
        .map(|l| distinct.binary_search(l).unwrap_or(0))
        .collect();
    (ids, distinct)
}

/// Which member of the generalised-entropy family a Theil result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TheilKind {
    /// Theil T, GE(1): weights zones by their share of the value.
    T,
    /// Theil L, GE(0), the mean log deviation: weights zones by head count.
    L,
}

/// One group's part of a Theil decomposition.
///
/// JSON: `{"group", "zones", "population_share", "value_share", "theil",
/// "within_contribution"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TheilGroup {
    /// The group label as given.
    pub group: usize,
    /// n_g: zones in the group.
    pub zones: usize,
    /// p_g = n_g / n.
    pub population_share: f64,
    /// s_g = Σ_{i∈g} x_i / Σ x.
    pub value_share: f64,
    /// The index computed inside the group alone; `None` when the group's
    /// total is zero (Theil T of an all-zero group is undefined).
    pub theil: Option<f64>,
    /// This group's term of the within part: s_g·T_g (T) or p_g·L_g (L).
    pub within_contribution: f64,
}

/// A Theil index split exactly into a between-group and a within-group part.
///
/// JSON: `{"kind": "t"|"l", "total", "between", "within", "groups": [TheilGroup]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TheilDecomposition {
    pub kind: TheilKind,
    pub total: f64,
    pub between: f64,
    pub within: f64,
    /// Groups in increasing label order.
    pub groups: Vec<TheilGroup>,
}

/// Theil T index: T = (1/n) Σ_i (x_i/μ) ln(x_i/μ), with 0·ln 0 = 0.
///
/// 0 for equal values, ln n when one zone holds everything. Theil (1967);
/// same as PySAL `inequality.theil.Theil`. `None` for an empty input, a
/// negative or non-finite value, or a zero total.
pub fn theil_t(values: &[f64]) -> Option<f64> {
    if !valid_non_negative(values) {
        return None;
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    if mean <= 0.0 {
        return None;
    }
    let sum: f64 = values.iter().map(|&x| x_ln_x(x / mean)).sum();
    Some((sum / n).max(0.0))
}

/// Theil L index (mean log deviation): L = (1/n) Σ_i ln(μ/x_i).
///
/// 0 for equal values; undefined (`None`) when any value is zero, since
/// ln(μ/0) is infinite; also `None` for an empty input or a negative or
/// non-finite value. Theil (1967).
pub fn theil_l(values: &[f64]) -> Option<f64> {
    if !valid_non_negative(values) || values.contains(&0.0) {
        return None;
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let sum: f64 = values.iter().map(|&x| (mean / x).ln()).sum();
    Some((sum / n).max(0.0))
}

/// Theil T or L of `values` split exactly by the grouping `groups` (one label
/// per zone: e.g. 0 = national, 1 = region-level; or a metro-area id).
///
/// With n_g zones and value share s_g in group g, p_g = n_g / n:
/// - T = Σ_g s_g T_g + Σ_g s_g ln(s_g / p_g)  (within + between);
/// - L = Σ_g p_g L_g + Σ_g p_g ln(p_g / s_g)  (within + between).
///
/// Both splits are exact (Theil 1967; Shorrocks 1980 shows GE(0) and GE(1)
/// are the additively decomposable members). The between part is computed
/// from the group totals and the within part from each group, so
/// between + within equals [`theil_t`]/[`theil_l`] up to rounding; `total` is
/// the sum of the two parts. Matches PySAL `inequality.theil.TheilD` for T.
///
/// `None` when the lengths differ or the index itself is undefined.
pub fn theil_decomposition(
    values: &[f64],
    groups: &[usize],
    kind: TheilKind,
) -> Option<TheilDecomposition> {
    if values.len() != groups.len() {
        return None;
    }
    // Checks validity (zeros for L, zero total for T) once for the whole set.
    match kind {
        TheilKind::T => theil_t(values)?,
        TheilKind::L => theil_l(values)?,
    };
    let n = values.len() as f64;
    let total_value: f64 = values.iter().sum();
    let mut labels: Vec<usize> = groups.to_vec();
    crate::order::sort_by(&mut labels, Ord::cmp);
    labels.dedup();
    let mut parts = Vec::with_capacity(labels.len());
    let (mut between, mut within) = (0.0, 0.0);
    for group in labels {
        let members: Vec<f64> = values
            .iter()
            .zip(groups)
            .filter(|(_, g)| **g == group)
            .map(|(x, _)| *x)
            .collect();
        let population_share = members.len() as f64 / n;
        let value_share = members.iter().sum::<f64>() / total_value;
        let (theil, within_contribution, between_term) = match kind {
            TheilKind::T => {
                let t_g = theil_t(&members);
                let between_term = if value_share > 0.0 {
                    value_share * (value_share / population_share).ln()
                } else {
                    0.0
                };
                (t_g, value_share * t_g.unwrap_or(0.0), between_term)
            }
            TheilKind::L => {
                let l_g = theil_l(&members);
                let between_term = population_share * (population_share / value_share).ln();
                (l_g, population_share * l_g.unwrap_or(0.0), between_term)
            }
        };
        between += between_term;
        within += within_contribution;
        parts.push(TheilGroup {
            group,
            zones: members.len(),
            population_share,
            value_share,
            theil,
            within_contribution,
        });
    }
    Some(TheilDecomposition {
        kind,
        total: between + within,
        between,
        within,
        groups: parts,
    })
}

/// Coefficient of variation: CV = σ / μ with the population standard
/// deviation σ = √((1/n) Σ (x_i − μ)²) (the zones are the whole population,
/// not a sample). OECD/JRC (2008) lists it among dispersion measures.
///
/// `None` for an empty input, a non-finite value, or a mean that is not
/// positive. One zone: 0.
pub fn coefficient_of_variation(values: &[f64]) -> Option<f64> {
    if values.is_empty() || values.iter().any(|v| !v.is_finite()) {
        return None;
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    if mean <= 0.0 {
        return None;
    }
    let variance = values.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n;
    Some(variance.sqrt() / mean)
}

/// Every imbalance measure of one indicator in one year, for the report.
///
/// JSON: `{"zones_used", "missing", "gini", "cv", "theil_t", "theil_l",
/// "lorenz"}`; `theil_t`/`theil_l` are [`TheilDecomposition`]s, `lorenz` a
/// [`LorenzCurve`] whose `zone` indices point into the full zone list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImbalanceReport {
    /// Zones with a value (the measures are over these).
    pub zones_used: usize,
    /// Zones without a value, left out.
    pub missing: usize,
    pub gini: Option<f64>,
    pub cv: Option<f64>,
    pub theil_t: Option<TheilDecomposition>,
    pub theil_l: Option<TheilDecomposition>,
    /// Of the value over the weight (GDP over land), over the zones that
    /// have both; `None` without weights.
    pub lorenz: Option<LorenzCurve>,
}

/// Computes [`gini`], [`coefficient_of_variation`], the Theil T and L splits
/// by `groups` (one label per zone) and, with `weights`, the [`lorenz`] curve,
/// over the zones that have a value. `None` measures are undefined ones
/// (e.g. Theil L with a zero value); lengths that differ give `None` splits.
pub fn imbalance_report(
    values: &[Option<f64>],
    weights: Option<&[Option<f64>]>,
    groups: &[usize],
) -> ImbalanceReport {
    let (zones, present) = super::shares::present(values);
    let present_groups: Option<Vec<usize>> =
        (groups.len() == values.len()).then(|| zones.iter().map(|z| groups[*z]).collect());
    let split = |kind| {
        present_groups
            .as_ref()
            .and_then(|g| theil_decomposition(&present, g, kind))
    };
    let lorenz = weights.and_then(|weights| {
        let both: Vec<(usize, f64, f64)> = zones
            .iter()
            .zip(&present)
            .filter_map(|(z, v)| weights.get(*z).copied().flatten().map(|w| (*z, *v, w)))
            .collect();
        let xs: Vec<f64> = both.iter().map(|b| b.1).collect();
        let ws: Vec<f64> = both.iter().map(|b| b.2).collect();
        let mut curve = lorenz(&xs, &ws)?;
        for point in &mut curve.points {
            point.zone = both[point.zone].0;
        }
        Some(curve)
    });
    ImbalanceReport {
        zones_used: present.len(),
        missing: values.len() - present.len(),
        gini: gini(&present),
        cv: coefficient_of_variation(&present),
        theil_t: split(TheilKind::T),
        theil_l: split(TheilKind::L),
        lorenz,
    }
}

fn valid_non_negative(values: &[f64]) -> bool {
    !values.is_empty() && values.iter().all(|v| v.is_finite() && *v >= 0.0)
}

/// x ln x with its limit 0 at x = 0.
fn x_ln_x(x: f64) -> f64 {
    if x == 0.0 {
        0.0
    } else {
        x * x.ln()
    }
}

#[cfg(test)]
mod tests;
