//! Industry structure of zones (claim C18: industries converge, "一园一特色" is
//! not achieved): similarity between zones' industry mixes (UNIDO's structural
//! similarity coefficient, i.e. the cosine), the Krugman specialisation index,
//! location quotients, the Herfindahl concentration, the most similar pairs,
//! each zone's most distinctive industry, and a zone order for a heatmap.
//!
//! An industry matrix is given as one row per zone (`&[Vec<f64>]`), one
//! column per industry in the same order for every zone; values are outputs
//! (or employment) and must be finite and ≥ 0.
//!
//! Main types: [`SimilarPair`], [`DistinctiveIndustry`], [`KrugmanReference`].

use serde::Serialize;

/// Cosine similarity of two industry mixes (same industry order).
///
/// S = Σ_k a_k b_k / (√Σ a_k² · √Σ b_k²). 1 means identical structure, 0 none
/// in common. This is UNIDO's structural similarity coefficient. `None` when
/// the lengths differ, a vector is all zero, or a value is negative or not
/// finite.
pub fn cosine(a: &[f64], b: &[f64]) -> Option<f64> {
    cosine_with_norms((a, norm(a)?), (b, norm(b)?))
}

/// √Σ a_k² of a mix, `None` when it is all zero or a value is negative or
/// not finite: what [`cosine`] divides by, worked out once per zone when a
/// zone meets every other (n norms instead of n² at 5,000 zones).
pub fn norm(mix: &[f64]) -> Option<f64> {
    if mix.iter().any(|v| !v.is_finite() || *v < 0.0) {
        return None;
    }
    let norm = mix.iter().map(|x| x * x).sum::<f64>().sqrt();
    (norm != 0.0).then_some(norm)
}

/// [`cosine`] of two mixes given with their [`norm`]s.
pub fn cosine_with_norms((a, norm_a): (&[f64], f64), (b, norm_b): (&[f64], f64)) -> Option<f64> {
    if a.len() != b.len() {
        return None;
    }
    let dot: f64 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    Some((dot / (norm_a * norm_b)).min(1.0))
}

/// Cosine similarity of every pair of zones: M_ij = [`cosine`](row_i, row_j).
///
/// Symmetric; the diagonal is 1 for a zone with any output and `None` for an
/// all-zero zone (as is its whole row).
pub fn cosine_matrix(zones: &[Vec<f64>]) -> Vec<Vec<Option<f64>>> {
    let n = zones.len();
    let norms: Vec<Option<f64>> = zones.iter().map(|z| norm(z)).collect();
    let mut matrix = vec![vec![None; n]; n];
    for i in 0..n {
        let Some(norm_i) = norms[i] else { continue };
        for j in i..n {
            let Some(norm_j) = norms[j] else { continue };
            let s = if i == j {
                Some(1.0)
            } else {
                cosine_with_norms((&zones[i], norm_i), (&zones[j], norm_j))
            };
            matrix[i][j] = s;
            matrix[j][i] = s;
        }
    }
    matrix
}

/// Two zones whose similarity reaches a threshold.
///
/// JSON: `{"a": usize, "b": usize, "similarity": f64}` with a < b.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimilarPair {
    pub a: usize,
    pub b: usize,
    pub similarity: f64,
}

/// The pairs (a < b) with M_ab ≥ `threshold`, most similar first (ties by a,
/// then b). Undefined similarities are skipped.
pub fn similar_pairs(matrix: &[Vec<Option<f64>>], threshold: f64) -> Vec<SimilarPair> {
    most_similar_pairs(matrix, threshold, usize::MAX).0
}

/// The first `limit` of [`similar_pairs`], and how many pairs there are in
/// all. Memory stays O(limit) however many pairs pass the threshold: at
/// 5,000 zones of similar industries, all 12.5 million pairs can.
pub fn most_similar_pairs(
    matrix: &[Vec<Option<f64>>],
    threshold: f64,
    limit: usize,
) -> (Vec<SimilarPair>, usize) {
    let order = |x: &SimilarPair, y: &SimilarPair| {
        y.similarity
            .total_cmp(&x.similarity)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    };
    let mut pairs = Vec::new();
    let mut count = 0;
    // Once `limit` pairs are kept, the last of them: a pair that does not
    // come before it cannot be listed. Pairs arrive in (a, b) order, so a
    // pair as similar as the last comes after it.
    let mut last_kept: Option<f64> = None;
    for (a, row) in matrix.iter().enumerate() {
        for (b, value) in row.iter().enumerate().skip(a + 1) {
            if let Some(similarity) = value.filter(|s| *s >= threshold) {
                count += 1;
                if last_kept.is_some_and(|last| similarity <= last) {
                    continue;
                }
                pairs.push(SimilarPair { a, b, similarity });
                // Keep the first `limit` in the order, sorting when the
                // list has doubled.
                if pairs.len() >= limit.saturating_mul(2).max(1024) {
                    crate::order::sort_by(&mut pairs, order);
                    pairs.truncate(limit);
                    last_kept = pairs.last().map(|p| p.similarity);
                }
            }
        }
    }
    crate::order::sort_by(&mut pairs, order);
    pairs.truncate(limit);
    (pairs, count)
}

/// What a zone's industry mix is compared with in the Krugman index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KrugmanReference {
    /// The sum of all other zones (Krugman's "rest of the region").
    RestOfZones,
    /// The sum of all zones, this one included.
    AllZones,
}

/// Krugman specialisation index of a mix against a reference mix:
/// K = Σ_k |s_k − r_k|, with s_k = a_k / Σ a and r_k = b_k / Σ b.
///
/// 0 for the same structure, 2 for no industry in common. Krugman (1991),
/// Geography and Trade. `None` when the lengths differ, a vector sums to
/// zero, or a value is negative or not finite.
pub fn krugman(mix: &[f64], reference: &[f64]) -> Option<f64> {
    if mix.len() != reference.len()
        || mix
            .iter()
            .chain(reference)
            .any(|v| !v.is_finite() || *v < 0.0)
    {
        return None;
    }
    let total_mix: f64 = mix.iter().sum();
    let total_ref: f64 = reference.iter().sum();
    if total_mix <= 0.0 || total_ref <= 0.0 {
        return None;
    }
    Some(
        mix.iter()
            .zip(reference)
            .map(|(a, b)| (a / total_mix - b / total_ref).abs())
            .sum(),
    )
}

/// Krugman index of every zone against the rest of the zones or all zones.
pub fn krugman_indices(zones: &[Vec<f64>], reference: KrugmanReference) -> Vec<Option<f64>> {
    let totals = industry_totals(zones);
    zones
        .iter()
        .map(|mix| {
            let totals = totals.as_ref()?;
            match reference {
                KrugmanReference::AllZones => krugman(mix, totals),
                KrugmanReference::RestOfZones => {
                    let rest: Vec<f64> = totals
                        .iter()
                        .zip(mix)
                        .map(|(t, x)| (t - x).max(0.0))
                        .collect();
                    krugman(mix, &rest)
                }
            }
        })
        .collect()
}

/// Location quotients zone × industry against the zones' total:
/// LQ_ik = (x_ik / X_i) / (X_k / X), with X_i the zone's total, X_k the
/// industry's total over zones and X the grand total.
///
/// LQ > 1: the industry weighs more in the zone than in the zones together.
/// Sources: the standard regional-science quotient (Isard 1960; UNIDO uses it
/// for specialisation). A cell is `None` when the zone's total, the
/// industry's total or the grand total is zero, or the rows are ragged or
/// hold a negative or non-finite value.
pub fn location_quotients(zones: &[Vec<f64>]) -> Vec<Vec<Option<f64>>> {
    let Some(totals) = industry_totals(zones) else {
        return zones.iter().map(|row| vec![None; row.len()]).collect();
    };
    let grand: f64 = totals.iter().sum();
    zones
        .iter()
        .map(|row| {
            let zone_total: f64 = row.iter().sum();
            row.iter()
                .zip(&totals)
                .map(|(x, industry_total)| {
                    if zone_total <= 0.0 || *industry_total <= 0.0 || grand <= 0.0 {
                        None
                    } else {
                        Some((x / zone_total) / (industry_total / grand))
                    }
                })
                .collect()
        })
        .collect()
}

/// Herfindahl–Hirschman index of one zone's mix: H = Σ_k s_k², s_k = x_k / Σ x.
///
/// 1 when one industry is everything, 1/K when K industries are equal.
/// `None` for an empty or all-zero mix, or a negative or non-finite value.
pub fn herfindahl(mix: &[f64]) -> Option<f64> {
    if mix.iter().any(|v| !v.is_finite() || *v < 0.0) {
        return None;
    }
    let total: f64 = mix.iter().sum();
    if total <= 0.0 {
        return None;
    }
    Some(mix.iter().map(|x| (x / total).powi(2)).sum())
}

/// A zone's industry with the highest location quotient.
///
/// JSON: `{"industry": usize, "location_quotient": f64}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DistinctiveIndustry {
    pub industry: usize,
    pub location_quotient: f64,
}

/// Each zone's most distinctive industry: argmax_k LQ_ik (ties: the lowest
/// industry index). `None` for a zone with no defined quotient.
pub fn most_distinctive(
    location_quotients: &[Vec<Option<f64>>],
) -> Vec<Option<DistinctiveIndustry>> {
    location_quotients
        .iter()
        .map(|row| {
            let mut best: Option<DistinctiveIndustry> = None;
            for (industry, lq) in row.iter().enumerate() {
                if let Some(lq) = lq {
                    if best.as_ref().map_or(true, |b| *lq > b.location_quotient) {
                        best = Some(DistinctiveIndustry {
                            industry,
                            location_quotient: *lq,
                        });
                    }
                }
            }
            best
        })
        .collect()
}

/// An order of the zones that puts similar zones next to each other, for a
/// similarity heatmap: a greedy nearest-neighbour chain.
///
/// 1. Start with the most similar pair (a, b) (ties: lowest a, then b): the
///    chain is [a, b].
/// 2. While zones remain, take the remaining zone most similar to either end
///    of the chain and put it at that end (ties: the tail end first, then the
///    lowest zone index).
///
/// Undefined similarities count as −∞. Deterministic; O(n³) in the worst
/// case, which is nothing for 36 zones. Fewer than two zones: the identity.
pub fn heatmap_order(matrix: &[Vec<Option<f64>>]) -> Vec<usize> {
    let n = matrix.len();
    if n < 2 {
        return (0..n).collect();
    }
    // Read along a row (the matrix is symmetric): `sim(end, zone)` for
    // every zone left is one row in memory order, not a column of cache
    // misses (5 s of 7 at 5,000 zones).
    let sim = |i: usize, j: usize| {
        matrix[i]
            .get(j)
            .copied()
            .flatten()
            .unwrap_or(f64::NEG_INFINITY)
    };
    let (mut a, mut b, mut best) = (0, 1, f64::NEG_INFINITY);
    for i in 0..n {
        for j in i + 1..n {
            if sim(i, j) > best {
                (a, b, best) = (i, j, sim(i, j));
            }
        }
    }
    let mut placed = vec![false; n];
    placed[a] = true;
    placed[b] = true;
    let mut chain = std::collections::VecDeque::from([a, b]);
    while chain.len() < n {
        let head = chain[0];
        let tail = chain[chain.len() - 1];
        // (similarity, at_tail, zone); compare so the tail wins ties.
        let mut choice: Option<(f64, bool, usize)> = None;
        for zone in (0..n).filter(|z| !placed[*z]) {
            for (at_tail, end) in [(true, tail), (false, head)] {
                let s = sim(end, zone);
                let better = match choice {
                    None => true,
                    Some((best_s, best_tail, _)) => {
                        s > best_s || (s == best_s && at_tail && !best_tail)
                    }
                };
                if better {
                    choice = Some((s, at_tail, zone));
                }
            }
        }
        let Some((_, at_tail, zone)) = choice else {
            break;
        };
        placed[zone] = true;
        if at_tail {
            chain.push_back(zone);
        } else {
            chain.push_front(zone);
        }
    }
    chain.into_iter().collect()
}

/// Mean similarity over all pairs of zones: (2 / (n(n−1))) Σ_{a<b} M_ab,
/// over the defined cells. A single number for "industries converge" (C18):
/// near 1, the zones make the same things. `None` with no defined pair.
pub fn mean_pairwise_similarity(matrix: &[Vec<Option<f64>>]) -> Option<f64> {
    let (sum, count) = matrix
        .iter()
        .enumerate()
        .flat_map(|(a, row)| row.iter().skip(a + 1).flatten())
        .fold((0.0, 0usize), |(sum, count), x| (sum + x, count + 1));
    (count > 0).then(|| sum / count as f64)
}

/// Every industry-structure measure of one year, for the report.
///
/// JSON: `{"similarity", "mean_similarity", "similar_pairs", "pairs_above",
/// "heatmap_order", "krugman_rest", "krugman_all", "location_quotients",
/// "herfindahl", "most_distinctive"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StructureReport {
    /// [`cosine_matrix`].
    pub similarity: Vec<Vec<Option<f64>>>,
    /// [`mean_pairwise_similarity`].
    pub mean_similarity: Option<f64>,
    /// The first [`LISTED_PAIRS`] of [`similar_pairs`] at the threshold
    /// given.
    pub similar_pairs: Vec<SimilarPair>,
    /// How many pairs [`similar_pairs`] has in all.
    pub pairs_above: usize,
    /// [`heatmap_order`].
    pub heatmap_order: Vec<usize>,
    /// [`krugman_indices`] against the rest of the zones.
    pub krugman_rest: Vec<Option<f64>>,
    /// [`krugman_indices`] against all zones.
    pub krugman_all: Vec<Option<f64>>,
    /// [`location_quotients`].
    pub location_quotients: Vec<Vec<Option<f64>>>,
    /// [`herfindahl`] per zone.
    pub herfindahl: Vec<Option<f64>>,
    /// [`most_distinctive`].
    pub most_distinctive: Vec<Option<DistinctiveIndustry>>,
}

/// The most similar pairs [`structure_report`] lists (all of them are
/// counted): 36 zones have 630 pairs; 5,000 zones have 12.5 million.
pub const LISTED_PAIRS: usize = 1_000;

/// Computes every structure measure of an industry matrix (one row per zone).
pub fn structure_report(zones: &[Vec<f64>], pair_threshold: f64) -> StructureReport {
    let similarity = cosine_matrix(zones);
    let location_quotients = location_quotients(zones);
    let (similar_pairs, pairs_above) =
        most_similar_pairs(&similarity, pair_threshold, LISTED_PAIRS);
    StructureReport {
        mean_similarity: mean_pairwise_similarity(&similarity),
        similar_pairs,
        pairs_above,
        heatmap_order: heatmap_order(&similarity),
        krugman_rest: krugman_indices(zones, KrugmanReference::RestOfZones),
        krugman_all: krugman_indices(zones, KrugmanReference::AllZones),
        herfindahl: zones.iter().map(|z| herfindahl(z)).collect(),
        most_distinctive: most_distinctive(&location_quotients),
        location_quotients,
        similarity,
    }
}

/// Σ over zones of each industry, or `None` for ragged rows or bad values.
fn industry_totals(zones: &[Vec<f64>]) -> Option<Vec<f64>> {
    let width = zones.first()?.len();
    let mut totals = vec![0.0; width];
    for row in zones {
        if row.len() != width || row.iter().any(|v| !v.is_finite() || *v < 0.0) {
            return None;
        }
        for (t, x) in totals.iter_mut().zip(row) {
            *t += x;
        }
    }
    Some(totals)
}

#[cfg(test)]
mod tests;
