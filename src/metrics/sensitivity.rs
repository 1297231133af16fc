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

use super::composite::{aggregate, Aggregation};
use super::error::MetricsError;
use super::ranking::{competition_ranks, RankOrder};

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
/// perturbed weights (see [`SensitivitySpec`]), each scored with
/// [`aggregate`] and ranked with standard competition ranks.
///
/// `normalised` and `weights` are those of the base index (e.g. from
/// `composite::normalise_all` and `composite::weights`). `Err` for δ outside
/// [0, 1), N = 0, or inputs that [`aggregate`] rejects.
pub fn rank_sensitivity(
    normalised: &[Vec<Option<f64>>],
    weights: &[f64],
    aggregation: Aggregation,
    spec: &SensitivitySpec,
) -> Result<RankSensitivity, MetricsError> {
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
    let base_scores = aggregate(normalised, weights, aggregation)?;
    let base_ranks = competition_ranks(&base_scores, RankOrder::HighestFirst);
    let zones = base_ranks.len();
    // ranks_by_zone[i][d]: zone i's rank in draw d.
    let mut ranks_by_zone: Vec<Vec<usize>> = vec![Vec::with_capacity(spec.draws); zones];
    let mut rng = SplitMix64::new(spec.seed);
    let mut perturbed = vec![0.0; weights.len()];
    for _ in 0..spec.draws {
        for (p, w) in perturbed.iter_mut().zip(weights) {
            *p = w * (1.0 + spec.delta * (2.0 * rng.next_f64() - 1.0));
        }
        let scores = aggregate(normalised, &perturbed, aggregation)?;
        for (zone, rank) in competition_ranks(&scores, RankOrder::HighestFirst)
            .into_iter()
            .enumerate()
        {
            if let Some(rank) = rank {
                ranks_by_zone[zone].push(rank);
            }
        }
    }
    let zones: Vec<ZoneSensitivity> = ranks_by_zone
        .into_iter()
        .enumerate()
        .map(|(zone, mut ranks)| {
            let base_rank = base_ranks[zone];
            if base_rank.is_none() || ranks.is_empty() {
                return ZoneSensitivity {
                    zone,
                    base_rank,
                    median_rank: None,
                    rank_p05: None,
                    rank_p95: None,
                    mean_abs_shift: None,
                };
            }
            let base = base_rank.unwrap_or(0);
            let shift =
                ranks.iter().map(|r| r.abs_diff(base) as f64).sum::<f64>() / ranks.len() as f64;
            crate::order::sort_by(&mut ranks, Ord::cmp);
            let n = ranks.len();
            let median = (ranks[(n - 1) / 2] + ranks[n / 2]) as f64 / 2.0;
            ZoneSensitivity {
                zone,
                base_rank,
                median_rank: Some(median),
                rank_p05: Some(nearest_rank(&ranks, 0.05)),
                rank_p95: Some(nearest_rank(&ranks, 0.95)),
                mean_abs_shift: Some(shift),
            }
        })
        .collect();
    let shifts: Vec<f64> = zones.iter().filter_map(|z| z.mean_abs_shift).collect();
    let mean_abs_shift =
        (!shifts.is_empty()).then(|| shifts.iter().sum::<f64>() / shifts.len() as f64);
    Ok(RankSensitivity {
        spec: spec.clone(),
        zones,
        mean_abs_shift,
    })
}

/// The ⌈p·n⌉-th smallest of sorted values (nearest-rank percentile), n ≥ 1.
fn nearest_rank(sorted: &[usize], p: f64) -> usize {
    let k = (p * sorted.len() as f64).ceil() as usize;
    sorted[k.clamp(1, sorted.len()) - 1]
}

#[cfg(test)]
mod tests;
