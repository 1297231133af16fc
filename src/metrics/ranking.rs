//! Ranks with ties and rank changes between years.
//!
//! Ranks are standard competition ranks ("1224"): a zone's rank is 1 + the
//! number of zones with a strictly better score, so tied zones share the best
//! rank of their group and the next rank skips. This is
//! `scipy.stats.rankdata(-x, method="min")`.

use serde::Serialize;

/// Which end of the scale ranks first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RankOrder {
    /// Rank 1 is the highest score (composite indices).
    HighestFirst,
    /// Rank 1 is the lowest score (used for "bottom k").
    LowestFirst,
}

/// Standard competition ranks of the present scores:
/// rank_i = 1 + #{j : s_j better than s_i}.
///
/// Missing (`None`) or non-finite scores get no rank and are not counted.
/// Ties are exact equality of the `f64`s: two scores computed the same way
/// from the same inputs tie; scores that differ in the last bit do not.
pub fn competition_ranks(scores: &[Option<f64>], order: RankOrder) -> Vec<Option<usize>> {
    let present: Vec<(usize, f64)> = scores
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.filter(|v| v.is_finite()).map(|v| (i, v)))
        .collect();
    // The order of the scores, not the scores moved into it: ranks need only
    // the order (called 1,000 times by the Monte Carlo sensitivity).
    let sorted = crate::order::sorted_indices(present.len(), &|a, b| match order {
        RankOrder::HighestFirst => present[b].1.total_cmp(&present[a].1),
        RankOrder::LowestFirst => present[a].1.total_cmp(&present[b].1),
    });
    let mut ranks = vec![None; scores.len()];
    let mut rank = 0;
    let mut previous = None;
    for (position, &k) in sorted.iter().enumerate() {
        let (zone, score) = present[k];
        // −0.0 and 0.0 compare equal here, as they should.
        if previous != Some(score) {
            rank = position + 1;
        }
        previous = Some(score);
        ranks[zone] = Some(rank);
    }
    ranks
}

/// Places gained since the previous year: Δ_i = rank_prev − rank_now, so a
/// zone that went from 5th to 2nd has +3 and one that fell has a negative
/// change. `None` where either rank is missing. The slices are zones in the
/// same order; a shorter slice counts its absent zones as missing.
pub fn rank_change(previous: &[Option<usize>], current: &[Option<usize>]) -> Vec<Option<i64>> {
    (0..previous.len().max(current.len()))
        .map(|zone| {
            let before = previous.get(zone).copied().flatten()?;
            let now = current.get(zone).copied().flatten()?;
            Some(before as i64 - now as i64)
        })
        .collect()
}

#[cfg(test)]
mod tests;
