//! Uncertainty of the ranking under the weights (OECD/JRC Handbook 2008,
//! step 7, "uncertainty and sensitivity analysis"): Monte Carlo perturbation
//! of the weights, and per zone the median rank, the 5–95% rank interval and
//! the mean absolute rank shift against the base ranking.
//!
//! Randomness comes from [`SplitMix64`], written here so that a seed gives
//! the same draws on every platform (native and wasm32) and every release.
//!
//! Main types: [`SensitivitySpec`], [`RankSensitivity`], [`ZoneSensitivity`].

use serde::Serialize;

use super::composite::{checked, Aggregation, Matrix};
use super::error::MetricsError;
use super::ranking::{competition_ranks, RankOrder, Ranker};

/// SplitMix64 (Steele, Lea & Flood 2014; Vigna's reference C code):
/// state += 0x9E3779B97F4A7C15; z = state;
/// z = (z ^ (z >> 30)) · 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) · 0x94D049BB133111EB;
/// output z ^ (z >> 31) (wrapping arithmetic mod 2⁶⁴).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform number in [0, 1): the top 53 bits times 2⁻⁵³.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// The Monte Carlo set-up.
///
/// Perturbation: in each draw every weight is multiplied by its own
/// m_j = 1 + δ(2u_j − 1), u_j ~ U[0, 1) from [`SplitMix64`] seeded with
/// `seed` (so m_j ~ U[1 − δ, 1 + δ)), then the weights are renormalised
/// (each aggregation divides by the weights a zone has, so the
/// renormalisation is implicit). Draw d uses the u's d·m .. d·m + m − 1 of
/// the stream, indicator by indicator. δ = 0 gives m_j = 1 exactly, hence
/// the base scores and the base ranking in every draw.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SensitivitySpec {
    /// δ in [0, 1): 0.2 lets each weight move by up to ±20%.
    pub delta: f64,
    /// N, the number of draws.
    pub draws: usize,
    pub seed: u64,
}

/// One zone's rank over the draws.
///
/// JSON: `{"zone", "base_rank", "median_rank", "rank_p05", "rank_p95",
/// "mean_abs_shift"}`; all but `zone` are null for an unranked zone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ZoneSensitivity {
    pub zone: usize,
    pub base_rank: Option<usize>,
    /// The median of the N ranks (the mean of the two middle ones when N is
    /// even).
    pub median_rank: Option<f64>,
    /// Nearest-rank percentiles: the ⌈p·N⌉-th smallest rank, p = 0.05, 0.95.
    pub rank_p05: Option<usize>,
    pub rank_p95: Option<usize>,
    /// (1/N) Σ_d |rank_d − base_rank|.
    pub mean_abs_shift: Option<f64>,
}

/// The result of [`rank_sensitivity`].
///
/// JSON: `{"spec": SensitivitySpec, "zones": [ZoneSensitivity],
/// "mean_abs_shift": f64|null}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankSensitivity {
    pub spec: SensitivitySpec,
    pub zones: Vec<ZoneSensitivity>,
    /// The average of the zones' mean absolute shifts (the Handbook's
    /// R̄_S): one number for "how much do the weights matter".
    pub mean_abs_shift: Option<f64>,
}

/// Monte Carlo sensitivity of the ranking to the weights: N draws of
/// perturbed weights (see [`SensitivitySpec`]), each scored as
/// [`aggregate`] scores and ranked with standard competition ranks.
///
/// `normalised` and `weights` are those of the base index (e.g. from
/// `composite::normalise_all` and `composite::weights`). `Err` for δ outside
/// [0, 1), N = 0, a negative or non-finite weight, or inputs that
/// [`aggregate`] rejects. [`draw`], then [`Drawn::sensitivity`] with no
/// zone left out.
///
/// [`aggregate`]: super::composite::aggregate
pub fn rank_sensitivity(
    normalised: &[Vec<Option<f64>>],
    weights: &[f64],
    aggregation: Aggregation,
    spec: &SensitivitySpec,
) -> Result<RankSensitivity, MetricsError> {
    Ok(draw(normalised, weights, aggregation, spec)?.sensitivity(&[]))
}

/// The Monte Carlo's draws, each as the order of its ranking: what
/// [`Drawn::sensitivity`] ranks again, without the zones it is told to
/// leave out, without drawing again. The zones left out are still scored
/// in each draw (they still count in TOPSIS's ideal points, as in the
/// evaluation's scores), only not ranked.
#[derive(Debug)]
pub struct Drawn {
    spec: SensitivitySpec,
    /// The base scores (NaN: none).
    base: Vec<f64>,
    /// Per draw the scored zones from the highest score down, each with
    /// [`TIED`] set when its score equals the one before it.
    orders: Vec<u32>,
    /// Where each draw's order ends in `orders`.
    ends: Vec<usize>,
}

/// The flag of an entry of [`Drawn`]'s orders that ties the one before.
const TIED: u32 = 1 << 31;

/// The N draws of [`rank_sensitivity`], scored and ordered.
///
/// The matrix is laid out once for all the draws (what [`aggregate`]
/// scores with); each draw is ordered by buckets and insertion. The tests
/// check every figure against the definition: each draw scored by the
/// formulas term by term, ranked by [`competition_ranks`], each zone's
/// ranks sorted.
///
/// [`aggregate`]: super::composite::aggregate
pub fn draw(
    normalised: &[Vec<Option<f64>>],
    weights: &[f64],
    aggregation: Aggregation,
    spec: &SensitivitySpec,
) -> Result<Drawn, MetricsError> {
    draw_on(&checked(normalised, weights, aggregation)?, weights, spec)
}

/// [`draw`] on the matrix laid out already (a year's of the evaluation,
/// `composite::Prepared`), which has passed [`draw`]'s checks of the
/// values with these weights.
pub(crate) fn draw_on(
    matrix: &Matrix,
    weights: &[f64],
    spec: &SensitivitySpec,
) -> Result<Drawn, MetricsError> {
    if !(0.0..1.0).contains(&spec.delta) {
        return Err(MetricsError::parameter(format!(
            "perturbation delta is {}: use a number in [0, 1)",
            spec.delta
        )));
    }
    if spec.draws == 0 {
        return Err(MetricsError::parameter(
            "0 draws: ask for at least 1 (1,000 is usual)",
        ));
    }
    // The checks of the base weights and values hold for every draw (a
    // negative value in a geometric mean fails whatever the weights;
    // perturbed weights stay finite and ≥ 0, and > 0 where the base
    // weight is, so every draw scores the same zones).
    let mut base = vec![0.0; matrix.zones];
    matrix.score(weights, &mut base);
    let mut scores = base.clone();
    let mut orders = Vec::with_capacity(spec.draws * base.len());
    let mut ends = Vec::with_capacity(spec.draws);
    let mut ranker = Ranker::default();
    let mut rng = SplitMix64::new(spec.seed);
    let mut perturbed = vec![0.0; weights.len()];
    for _ in 0..spec.draws {
        for (p, w) in perturbed.iter_mut().zip(weights) {
            *p = w * (1.0 + spec.delta * (2.0 * rng.next_f64() - 1.0));
        }
        matrix.score(&perturbed, &mut scores);
        push_order(ranker.order(&scores), &scores, &mut orders);
        ends.push(orders.len());
    }
    Ok(Drawn {
        spec: spec.clone(),
        base,
        orders,
        ends,
    })
}

impl Drawn {
    /// Every zone's rank over the draws, the zones `out` marks (`out[i]`;
    /// a shorter `out`: the rest are in) left out of every ranking, the
    /// base one too: ranked among the others.
    pub fn sensitivity(&self, out: &[bool]) -> RankSensitivity {
        let is_out = |zone: usize| out.get(zone).copied().unwrap_or(false);
        let base: Vec<Option<f64>> = self
            .base
            .iter()
            .enumerate()
            .map(|(zone, s)| Some(*s).filter(|s| !s.is_nan() && !is_out(zone)))
            .collect();
        let base_ranks = competition_ranks(&base, RankOrder::HighestFirst);
        let zones = base_ranks.len();
        // ranks[d · zones + i]: zone i's rank in draw d, 0 for none: a
        // draw's order without the zones left out, a tie taking the rank
        // of its first place.
        let mut ranks = vec![0; self.ends.len() * zones];
        let mut begin = 0;
        for (draw, &end) in ranks.chunks_exact_mut(zones.max(1)).zip(&self.ends) {
            rank_draw(&self.orders[begin..end], out, draw);
            begin = end;
        }
        // One zone's ranks counted by rank, for its order statistics.
        // A slice: at opt-level z each index of a `Vec` is a call, 400,000
        // of them for 200 draws of 2,000 zones.
        let mut counts = vec![0; zones + 1];
        let counts = &mut counts[..];
        let zones: Vec<ZoneSensitivity> = (0..zones)
            .map(|zone| zone_ranks(zone, base_ranks[zone], &ranks, base_ranks.len(), counts))
            .collect();
        let shifts: Vec<f64> = zones.iter().filter_map(|z| z.mean_abs_shift).collect();
        let mean_abs_shift =
            (!shifts.is_empty()).then(|| shifts.iter().sum::<f64>() / shifts.len() as f64);
        RankSensitivity {
            spec: self.spec.clone(),
            zones,
            mean_abs_shift,
        }
    }
}

// The Monte Carlo's loops over zones are functions called once per draw
// or zone, not loop bodies in one call: V8 optimises a wasm function only
// for its later calls, so a loop of 400,000 steps (200 draws of 2,000
// zones) in one call runs in its baseline code.

/// A draw's ranking (`order`, zones from the highest score down) onto
/// `orders`, each zone with [`TIED`] when its score equals the one before.
#[inline(never)]
fn push_order(order: &[usize], scores: &[f64], orders: &mut Vec<u32>) {
    let mut previous = f64::NAN;
    orders.extend(order.iter().map(|&zone| {
        let score = scores[zone];
        let tied = if score == previous { TIED } else { 0 };
        previous = score;
        zone as u32 | tied
    }));
}

/// A draw's ranks into `draw` (zone i's at `draw[i]`, left 0 for none)
/// from its order without the zones `out` marks: a tie takes the rank of
/// its first place.
#[inline(never)]
fn rank_draw(order: &[u32], out: &[bool], draw: &mut [usize]) {
    let (mut seen, mut rank, mut fresh) = (0, 0, true);
    for &entry in order {
        let zone = (entry & !TIED) as usize;
        fresh |= entry & TIED == 0;
        if out.get(zone).copied().unwrap_or(false) {
            continue;
        }
        seen += 1;
        if fresh {
            (rank, fresh) = (seen, false);
        }
        draw[zone] = rank;
    }
}

/// Zone `zone`'s order statistics over the draws: `ranks[d · zones +
/// zone]` its rank in draw d (0: none), `counts` zeros (one per rank and
/// 0), left zeros.
#[inline(never)]
fn zone_ranks(
    zone: usize,
    base_rank: Option<usize>,
    ranks: &[usize],
    zones: usize,
    counts: &mut [usize],
) -> ZoneSensitivity {
    let none = ZoneSensitivity {
        zone,
        base_rank,
        median_rank: None,
        rank_p05: None,
        rank_p95: None,
        mean_abs_shift: None,
    };
    let Some(base) = base_rank else {
        return none;
    };
    let (mut n, mut shift, mut lowest) = (0, 0, usize::MAX);
    for draw in ranks.chunks_exact(zones) {
        let rank = draw[zone];
        if rank > 0 {
            counts[rank] += 1;
            n += 1;
            shift += rank.abs_diff(base);
            lowest = lowest.min(rank);
        }
    }
    if n == 0 {
        return none;
    }
    // The k-th smallest rank, k = 1..=n, for k ascending.
    let wanted = [
        nearest_rank(n, 0.05),
        (n - 1) / 2 + 1,
        n / 2 + 1,
        nearest_rank(n, 0.95),
    ];
    let mut found = [0usize; 4];
    let (mut seen, mut next) = (0usize, 0);
    for (rank, count) in counts.iter_mut().enumerate().skip(lowest) {
        seen += *count;
        *count = 0;
        while next < 4 && wanted[next] <= seen {
            found[next] = rank;
            next += 1;
        }
        if seen == n {
            break;
        }
    }
    ZoneSensitivity {
        median_rank: Some((found[1] + found[2]) as f64 / 2.0),
        rank_p05: Some(found[0]),
        rank_p95: Some(found[3]),
        // Whole numbers below 2⁵³: summed exactly either way.
        mean_abs_shift: Some(shift as f64 / n as f64),
        ..none
    }
}

/// Which of n ≥ 1 sorted values is the nearest-rank percentile p: the
/// ⌈p·n⌉-th smallest (counted from 1).
fn nearest_rank(n: usize, p: f64) -> usize {
    ((p * n as f64).ceil() as usize).clamp(1, n)
}

#[cfg(test)]
mod tests;
