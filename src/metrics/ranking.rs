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
    // Highest first; negated, the lowest (exactly: ties stay ties).
    let keys: Vec<f64> = scores
        .iter()
        .map(|s| match (s, order) {
            (None, _) => f64::NAN,
            (Some(s), RankOrder::HighestFirst) => *s,
            (Some(s), RankOrder::LowestFirst) => -s,
        })
        .collect();
    let mut ranks = vec![0; scores.len()];
    Ranker::default().rank(&keys, &mut ranks);
    ranks.into_iter().map(|r| (r > 0).then_some(r)).collect()
}

/// Above this many zones a bucket is sorted rather than left to insertion.
const BIG_BUCKET: usize = 32;

/// Competition ranks of many score vectors, with buffers kept from one to
/// the next (the Monte Carlo ranks 1,000 draws).
#[derive(Default)]
pub(crate) struct Ranker {
    /// Zones from the highest score down.
    order: Vec<usize>,
    /// Zones per bucket, then where each bucket starts in `order`.
    starts: Vec<usize>,
    /// Each zone's bucket, worked out once.
    buckets: Vec<usize>,
}

impl Ranker {
    /// Competition ranks of `scores` (not finite: none) into `ranks` (0:
    /// none), highest first: a tie takes the rank of its first place. The zones are put into as many buckets as there are
    /// zones by where their score lies between the highest and the lowest
    /// (a higher score never in a later bucket), then sorted by insertion:
    /// only zones of the same bucket are still out of order.
    pub(crate) fn rank(&mut self, scores: &[f64], ranks: &mut [usize]) {
        let (mut rank, mut previous) = (0, f64::NAN);
        for (position, &zone) in self.order(scores).iter().enumerate() {
            let score = scores[zone];
            if score != previous {
                rank = position + 1;
            }
            previous = score;
            ranks[zone] = rank;
        }
    }

    /// The zones with a finite score, from the highest score down (ties
    /// in zone order), as [`Ranker::rank`] ranks them.
    pub(crate) fn order(&mut self, scores: &[f64]) -> &[usize] {
        let n = scores.len();
        let (mut high, mut low, mut ranked) = (f64::NEG_INFINITY, f64::INFINITY, 0);
        for &s in scores.iter().filter(|s| s.is_finite()) {
            // Comparisons rather than f64::max, a call at opt-level z.
            high = if s > high { s } else { high };
            low = if s < low { s } else { low };
            ranked += 1;
        }
        let scale = (n as f64 - 1.0) / (high - low);
        // Unranked zones go to the last bucket, n.
        let bucket = |s: f64| match s.is_finite() {
            true => (((high - s) * scale) as usize).min(n - 1),
            false => n,
        };
        // Slices rather than the vectors: at opt-level z each index of a
        // `Vec` is a call (a third of a draw's ranking at 2,000 zones).
        self.starts.clear();
        self.starts.resize(n + 2, 0);
        let starts = &mut self.starts[..];
        self.buckets.clear();
        self.buckets.extend(scores.iter().map(|s| bucket(*s)));
        for &b in &self.buckets {
            starts[b + 1] += 1;
        }
        let mut sum = 0;
        for start in starts.iter_mut() {
            sum += *start;
            *start = sum;
        }
        self.order.resize(n, 0);
        let order = &mut self.order[..];
        for (zone, &b) in self.buckets.iter().enumerate() {
            order[starts[b]] = zone;
            starts[b] += 1;
        }
        let order = &mut order[..ranked];
        // A bucket of many zones (most scores bunched far below a leader)
        // would make the insertion below quadratic: such a bucket is sorted
        // first. `starts[b]` is now where bucket b ends.
        let mut begin = 0;
        for &end in &starts[..n] {
            if end - begin > BIG_BUCKET {
                crate::order::sort_by(&mut order[begin..end], |a, b| {
                    scores[*b].total_cmp(&scores[*a])
                });
            }
            begin = end;
        }
        for p in 1..order.len() {
            let zone = order[p];
            let score = scores[zone];
            let mut q = p;
            while q > 0 && scores[order[q - 1]] < score {
                order[q] = order[q - 1];
                q -= 1;
            }
            order[q] = zone;
        }
        order
    }
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
