//! The composite evaluation index (评价指标体系): normalise each indicator,
//! weight, aggregate, rank, and split into dimension sub-scores. Method
//! reference: OECD/JRC, Handbook on Constructing Composite Indicators (2008),
//! steps 5–6; TOPSIS: Hwang & Yoon (1981); entropy weights: Shannon's entropy
//! as used in entropy-weighted TOPSIS (熵权TOPSIS).
//!
//! Inputs are indicator columns: `columns[j][i]` is zone i's value of
//! indicator j, `None` when missing. Main types: [`IndicatorSpec`],
//! [`CompositeSpec`], [`CompositeIndex`].
//!
//! **Missing values.** A missing value stays missing after normalisation (it
//! is never read as 0). A zone missing some indicators is scored on the
//! indicators it has, with their weights renormalised to sum to 1 (for TOPSIS:
//! distances over the indicators it has), and the missing indicators are
//! listed in `missing_indicators` so the chart can flag the zone. A zone
//! with no indicator at all has no score and no rank.

use serde::Serialize;

use super::error::MetricsError;
use super::ranking::{competition_ranks, RankOrder};

/// Whether more of an indicator is better (patents) or worse (energy use per
/// unit of value added).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
}

/// How one indicator is put on a common scale. Every method is
/// direction-aware: after normalisation, higher is always better.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "method")]
pub enum Normalisation {
    /// y = (x − min)/(max − min); lower is better: y = (max − x)/(max − min).
    /// In [0, 1]. All present values equal: y = 1 (as pymcdm).
    MinMax,
    /// y = (x − μ)/σ with the population σ; lower is better: y = (μ − x)/σ.
    /// σ = 0: y = 0. Values can be negative (not for geometric aggregation).
    ZScore,
    /// Fixed goalposts: y = clamp((x − lower)/(upper − lower), 0, 1); lower is
    /// better: y = clamp((upper − x)/(upper − lower), 0, 1). Comparable across
    /// years, unlike min-max. Needs lower < upper.
    Goalposts { lower: f64, upper: f64 },
    /// Distance to a reference, as a ratio: y = x / x_ref; lower is better:
    /// y = x_ref / x (`None` where x = 0). 1 means "at the reference". Needs
    /// x_ref > 0.
    DistanceToReference { reference: f64 },
    /// Vector normalisation of classic TOPSIS: y = x / √Σ x²; lower is
    /// better: y = 1 − x / √Σ x² (as pymcdm). All zero: y = 0 (1 where lower
    /// is better).
    Vector,
}

/// One indicator's place in the index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorSpec {
    pub direction: Direction,
    pub normalisation: Normalisation,
    /// The dimension (一级指标) it belongs to, an index into the framework's
    /// dimension weights.
    pub dimension: usize,
    /// Its coefficient within the dimension (0.8, 1 or 1.2 in the national
    /// evaluation); used by [`Weighting::Framework`].
    pub coefficient: f64,
}

/// How indicator weights are set. All are renormalised to sum to 1.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "method")]
pub enum Weighting {
    /// w_j = 1/m.
    Equal,
    /// Framework weights: w_j = W_d(j) · c_j / Σ_{k ∈ d(j)} c_k, i.e. the
    /// dimension's weight shared among its indicators in proportion to their
    /// coefficients, then renormalised so Σ w = 1 (the national evaluation of
    /// 2021: dimensions 20/20/15/15/30%, coefficients 0.8/1/1.2).
    Framework { dimension_weights: Vec<f64> },
    /// User-given weights, one per indicator, ≥ 0, renormalised.
    Given { weights: Vec<f64> },
    /// Entropy weights computed from the normalised matrix: see
    /// [`entropy_weights`].
    Entropy,
}

/// How normalised indicators are combined into one score per zone.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "method")]
pub enum Aggregation {
    /// S_i = Σ_j w_j y_ij / Σ_j w_j over the indicators zone i has.
    Arithmetic,
    /// S_i = Π_j (y_ij + ε)^(w_j / Σ w) over the indicators zone i has. ε
    /// keeps a zone that is last on one indicator (y = 0 after min-max) from
    /// scoring 0 whatever its other indicators; [`DEFAULT_GEOMETRIC_EPSILON`]
    /// is 0.01 on a [0, 1] scale. Needs y ≥ 0 (not z-scores).
    Geometric { epsilon: f64 },
    /// TOPSIS closeness on the normalised matrix: see [`topsis`].
    Topsis,
}

/// ε of geometric aggregation on [0, 1]-normalised data: 1% of the range.
pub const DEFAULT_GEOMETRIC_EPSILON: f64 = 0.01;

/// The whole recipe of a composite index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompositeSpec {
    pub indicators: Vec<IndicatorSpec>,
    pub weighting: Weighting,
    pub aggregation: Aggregation,
}

/// A dimension's sub-score: the same aggregation over the dimension's
/// indicators with their weights renormalised within the dimension.
///
/// JSON: `{"dimension": usize, "weight": f64, "scores": [f64|null],
/// "ranks": [usize|null]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionScore {
    pub dimension: usize,
    /// Σ of the final weights of its indicators.
    pub weight: f64,
    pub scores: Vec<Option<f64>>,
    pub ranks: Vec<Option<usize>>,
}

/// A computed composite index for one year.
///
/// JSON: `{"weights": [f64], "scores": [f64|null], "ranks": [usize|null],
/// "dimensions": [DimensionScore], "missing_indicators": [[usize]]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompositeIndex {
    /// Final indicator weights, Σ = 1.
    pub weights: Vec<f64>,
    /// One score per zone; `None` for a zone with no indicator.
    pub scores: Vec<Option<f64>>,
    /// Standard competition ranks, 1 = highest score.
    pub ranks: Vec<Option<usize>>,
    /// Sub-scores per dimension, in increasing dimension order.
    pub dimensions: Vec<DimensionScore>,
    /// Per zone, the indicators it is missing (empty when complete).
    pub missing_indicators: Vec<Vec<usize>>,
}

/// Normalises one indicator column (see [`Normalisation`] for each formula).
/// Missing and non-finite values stay `None`.
pub fn normalise(
    column: &[Option<f64>],
    direction: Direction,
    method: Normalisation,
) -> Vec<Option<f64>> {
    let present: Vec<f64> = column
        .iter()
        .flatten()
        .copied()
        .filter(|v| v.is_finite())
        .collect();
    let lower_is_better = direction == Direction::LowerIsBetter;
    let rule = match method {
        Normalisation::MinMax => {
            let min = present.iter().copied().fold(f64::INFINITY, f64::min);
            let max = present.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let range = max - min;
            if range == 0.0 {
                Rule::Constant(1.0)
            } else if lower_is_better {
                Rule::difference(max, range, true)
            } else {
                Rule::difference(min, range, false)
            }
        }
        Normalisation::ZScore => {
            let n = present.len() as f64;
            let mean = present.iter().sum::<f64>() / n;
            let sd = (present.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n).sqrt();
            if sd == 0.0 {
                Rule::Constant(0.0)
            } else {
                Rule::difference(mean, sd, lower_is_better)
            }
        }
        Normalisation::Goalposts { lower, upper } => {
            let range = upper - lower;
            if !(range > 0.0 && range.is_finite()) {
                return vec![None; column.len()];
            }
            Rule::Difference {
                origin: if lower_is_better { upper } else { lower },
                by: range,
                flip: lower_is_better,
                clamp: true,
            }
        }
        Normalisation::DistanceToReference { reference } => {
            if !(reference > 0.0 && reference.is_finite()) {
                return vec![None; column.len()];
            }
            if lower_is_better {
                Rule::Inverse(reference)
            } else {
                Rule::Ratio {
                    by: reference,
                    flip: false,
                }
            }
        }
        Normalisation::Vector => {
            let norm = present.iter().map(|x| x * x).sum::<f64>().sqrt();
            if norm == 0.0 {
                // x / norm is taken as 0, and 1 − 0 = 1.
                Rule::Constant(if lower_is_better { 1.0 } else { 0.0 })
            } else {
                Rule::Ratio {
                    by: norm,
                    flip: lower_is_better,
                }
            }
        }
    };
    column
        .iter()
        .map(|v| v.filter(|x| x.is_finite()).and_then(|x| rule.apply(x)))
        .collect()
}

/// A column's [`Normalisation`] once its statistics are known: what each
/// present value becomes. One loop applies any of them (a closure per
/// method, called through a pointer for each of the 600,000 values of
/// 2,000 zones × 20 years, was a tenth of the evaluation's first
/// computation); each arm is its method's formula as [`Normalisation`] gives it.
#[derive(Clone, Copy)]
enum Rule {
    Constant(f64),
    /// (x − origin) / by, or (origin − x) / by when `flip`; then
    /// clamped to [0, 1] when `clamp`.
    Difference {
        origin: f64,
        by: f64,
        flip: bool,
        clamp: bool,
    },
    /// x / by, or 1 − x / by when `flip`.
    Ratio {
        by: f64,
        flip: bool,
    },
    /// reference / x, none at x = 0.
    Inverse(f64),
}

impl Rule {
    /// An unclamped [`Rule::Difference`].
    fn difference(origin: f64, by: f64, flip: bool) -> Rule {
        Rule::Difference {
            origin,
            by,
            flip,
            clamp: false,
        }
    }

    fn apply(self, x: f64) -> Option<f64> {
        Some(match self {
            Rule::Constant(y) => y,
            Rule::Difference {
                origin,
                by,
                flip,
                clamp,
            } => {
                let y = if flip {
                    (origin - x) / by
                } else {
                    (x - origin) / by
                };
                if clamp {
                    y.clamp(0.0, 1.0)
                } else {
                    y
                }
            }
            Rule::Ratio { by, flip } => {
                let r = x / by;
                if flip {
                    1.0 - r
                } else {
                    r
                }
            }
            Rule::Inverse(reference) => return (x != 0.0).then(|| reference / x),
        })
    }
}

/// Normalises every column with its indicator's direction and method.
pub fn normalise_all(
    columns: &[Vec<Option<f64>>],
    indicators: &[IndicatorSpec],
) -> Result<Vec<Vec<Option<f64>>>, MetricsError> {
    if columns.len() != indicators.len() {
        return Err(MetricsError::shape(format!(
            "{} indicator columns but {} indicator specs: give one spec per column",
            columns.len(),
            indicators.len()
        )));
    }
    Ok(columns
        .iter()
        .zip(indicators)
        .map(|(c, s)| normalise(c, s.direction, s.normalisation))
        .collect())
}

/// Entropy weights of non-negative columns (missing values skipped).
///
/// For column j with n_j present values y_ij: p_ij = y_ij / Σ_i y_ij,
/// e_j = −(1/ln n_j) Σ_i p_ij ln p_ij with 0·ln 0 = 0, d_j = 1 − e_j,
/// w_j = d_j / Σ_k d_k. A column with n_j < 2 or Σ y = 0 carries no
/// information (d_j = 0). If no column carries any, the weights are equal.
///
/// Same as `pymcdm.weights.entropy_weights` on a strictly positive matrix.
/// pymcdm differs where a column holds a 0: it sets that column's entropy to
/// 0 (so d_j = 1, the largest weight), where the limit 0·ln 0 = 0 used here
/// keeps the entropy of the other values. Min-max data has a 0 in every
/// column, so pymcdm would give equal weights there.
///
/// `Err` for a negative or non-finite value.
pub fn entropy_weights(columns: &[Vec<Option<f64>>]) -> Result<Vec<f64>, MetricsError> {
    let mut divergence = Vec::with_capacity(columns.len());
    for (j, column) in columns.iter().enumerate() {
        let present: Vec<f64> = column.iter().flatten().copied().collect();
        if let Some(bad) = present.iter().find(|v| !v.is_finite() || **v < 0.0) {
            return Err(MetricsError::new(
                super::MetricsErrorKind::InvalidValue,
                format!("indicator {j}: entropy weights need values >= 0, got {bad} (normalise with min-max or goalposts first)"),
            ));
        }
        let total: f64 = present.iter().sum();
        let n = present.len();
        if n < 2 || total <= 0.0 {
            divergence.push(0.0);
            continue;
        }
        let entropy: f64 = -present
            .iter()
            .map(|y| {
                let p = y / total;
                if p > 0.0 {
                    p * p.ln()
                } else {
                    0.0
                }
            })
            .sum::<f64>()
            / (n as f64).ln();
        divergence.push((1.0 - entropy).max(0.0));
    }
    let total: f64 = divergence.iter().sum();
    if total <= 0.0 {
        return Ok(vec![1.0 / columns.len().max(1) as f64; columns.len()]);
    }
    Ok(divergence.iter().map(|d| d / total).collect())
}

/// Indicator weights for a weighting scheme, Σ = 1 (see [`Weighting`]).
/// `normalised` is only read by [`Weighting::Entropy`].
pub fn weights(
    normalised: &[Vec<Option<f64>>],
    indicators: &[IndicatorSpec],
    weighting: &Weighting,
) -> Result<Vec<f64>, MetricsError> {
    let m = indicators.len();
    let raw = match weighting {
        Weighting::Equal => vec![1.0; m],
        Weighting::Given { weights } => {
            if weights.len() != m {
                return Err(MetricsError::shape(format!(
                    "{} given weights for {m} indicators: give one weight per indicator",
                    weights.len()
                )));
            }
            weights.clone()
        }
        Weighting::Framework { dimension_weights } => {
            let mut coefficient_sums = vec![0.0; dimension_weights.len()];
            for (j, spec) in indicators.iter().enumerate() {
                let Some(sum) = coefficient_sums.get_mut(spec.dimension) else {
                    return Err(MetricsError::shape(format!(
                        "indicator {j} is in dimension {} but only {} dimension weights are given",
                        spec.dimension,
                        dimension_weights.len()
                    )));
                };
                if !(spec.coefficient >= 0.0 && spec.coefficient.is_finite()) {
                    return Err(MetricsError::parameter(format!(
                        "indicator {j}: coefficient {} must be a number >= 0",
                        spec.coefficient
                    )));
                }
                *sum += spec.coefficient;
            }
            indicators
                .iter()
                .map(|spec| {
                    let sum = coefficient_sums[spec.dimension];
                    if sum > 0.0 {
                        dimension_weights[spec.dimension] * spec.coefficient / sum
                    } else {
                        0.0
                    }
                })
                .collect()
        }
        Weighting::Entropy => {
            if normalised.len() != m {
                return Err(MetricsError::shape(format!(
                    "{} normalised columns for {m} indicators",
                    normalised.len()
                )));
            }
            entropy_weights(normalised)?
        }
    };
    if let Some((j, w)) = raw
        .iter()
        .enumerate()
        .find(|(_, w)| !(**w >= 0.0 && w.is_finite()))
    {
        return Err(MetricsError::parameter(format!(
            "weight of indicator {j} is {w}: weights must be numbers >= 0"
        )));
    }
    let total: f64 = raw.iter().sum();
    if total <= 0.0 {
        return Err(MetricsError::parameter(
            "all weights are zero: give at least one positive weight",
        ));
    }
    Ok(raw.iter().map(|w| w / total).collect())
}

/// Scores every zone from normalised columns and weights (one weight per
/// column, ≥ 0; any positive scale: each aggregation divides by the weights
/// the zone has, so w and c·w give the same scores). `None` for a zone
/// without a score (no value, no weight, or a result that is not a number).
///
/// Arithmetic: S_i = Σ_j w_j y_ij / Σ_j w_j over the values zone i has, in
/// column order. Geometric: exp(Σ_j w_j ln(y_ij + ε) / Σ_j w_j) over those
/// with w_j > 0. TOPSIS: see [`topsis`].
pub fn aggregate(
    normalised: &[Vec<Option<f64>>],
    weights: &[f64],
    aggregation: Aggregation,
) -> Result<Vec<Option<f64>>, MetricsError> {
    Ok(checked(normalised, weights, aggregation)?.scores(weights))
}

/// The matrix [`aggregate`] scores with, after its checks (shapes, weights
/// ≥ 0, what a geometric mean needs).
pub(crate) fn checked(
    normalised: &[Vec<Option<f64>>],
    weights: &[f64],
    aggregation: Aggregation,
) -> Result<Matrix, MetricsError> {
    if normalised.len() != weights.len() {
        return Err(MetricsError::shape(format!(
            "{} columns but {} weights: give one weight per column",
            normalised.len(),
            weights.len()
        )));
    }
    zone_count(normalised)?;
    if let Some((j, w)) = weights
        .iter()
        .enumerate()
        .find(|(_, w)| !(**w >= 0.0 && w.is_finite()))
    {
        return Err(MetricsError::parameter(format!(
            "weight of indicator {j} is {w}: weights must be numbers >= 0"
        )));
    }
    if let Some(error) = unaggregable(normalised, aggregation) {
        return Err(error);
    }
    Ok(Matrix::new(normalised, aggregation))
}

/// Why `normalised` cannot be aggregated so, if it cannot: a geometric
/// mean needs ε ≥ 0 and values ≥ 0 (the first negative one, zone by zone,
/// is named).
fn unaggregable(normalised: &[Vec<Option<f64>>], aggregation: Aggregation) -> Option<MetricsError> {
    let Aggregation::Geometric { epsilon } = aggregation else {
        return None;
    };
    if !(epsilon >= 0.0 && epsilon.is_finite()) {
        return Some(MetricsError::parameter(format!(
            "geometric epsilon is {epsilon}: use a number >= 0"
        )));
    }
    let zones = normalised.first().map_or(0, Vec::len);
    for i in 0..zones {
        for (j, column) in normalised.iter().enumerate() {
            if let Some(y) = column.get(i).copied().flatten().filter(|y| *y < 0.0) {
                return Some(MetricsError::new(
                    super::MetricsErrorKind::InvalidValue,
                    format!("zone {i}, indicator {j}: normalised value {y} < 0 cannot enter a geometric mean (use min-max or goalposts, not z-scores)"),
                ));
            }
        }
    }
    None
}

/// TOPSIS closeness of each zone (Hwang & Yoon 1981), on a matrix that is
/// already normalised so that higher is better for every indicator.
///
/// v_ij = w_j y_ij; ideal A⁺_j = max_i v_ij and anti-ideal A⁻_j = min_i v_ij
/// over the present values; Euclidean distances
/// D⁺_i = √Σ_j (v_ij − A⁺_j)², D⁻_i = √Σ_j (v_ij − A⁻_j)² over the indicators
/// zone i has; closeness C_i = D⁻_i / (D⁺_i + D⁻_i) in [0, 1]. Where
/// D⁺ + D⁻ = 0 (every zone alike) C = 0.5.
///
/// Variant: with [`Normalisation::MinMax`] this is pymcdm's default
/// `TOPSIS()` (min-max normalisation); with [`Normalisation::Vector`] it is
/// classic TOPSIS, `TOPSIS(vector_normalization)`. Weights (≥ 0) enter as
/// given; scaling them all by c scales D⁺ and D⁻ alike and leaves C
/// unchanged.
pub fn topsis(normalised: &[Vec<Option<f64>>], weights: &[f64]) -> Vec<Option<f64>> {
    Matrix::new(normalised, Aggregation::Topsis).scores(weights)
}

/// The normalised matrix laid out for scoring, once or for many weight
/// vectors (the Monte Carlo sensitivity scores 1,000): by column, a missing
/// value 0 and flagged; the logarithms of a geometric mean and the
/// columns' extremes for TOPSIS taken once. The zones are the inner loop
/// (independent sums, which the processor overlaps); each zone's sum adds
/// its terms in column order, as the formulas of [`aggregate`] say.
#[derive(Debug)]
pub(crate) struct Matrix {
    aggregation: Aggregation,
    pub(crate) zones: usize,
    /// Column j's values at `j · zones ..`, 0 where missing; ln(y + ε)
    /// for a geometric mean.
    values: Vec<f64>,
    present: Vec<bool>,
    /// Whether a zone lacks a value (its sum of weights is its own).
    partial: Vec<bool>,
    /// Whether a zone has any value (TOPSIS scores those).
    any: Vec<bool>,
    /// Per column the largest and smallest present value (TOPSIS).
    bounds: Vec<(f64, f64)>,
}

impl Matrix {
    pub(crate) fn new(normalised: &[Vec<Option<f64>>], aggregation: Aggregation) -> Matrix {
        let zones = normalised.first().map_or(0, Vec::len);
        let mut values = Vec::with_capacity(zones * normalised.len());
        let mut present = Vec::with_capacity(values.capacity());
        let bounds = normalised
            .iter()
            .map(|column| lay_out(column, zones, aggregation, &mut values, &mut present))
            .collect();
        let mut matrix = Matrix {
            aggregation,
            zones,
            partial: Vec::new(),
            any: Vec::new(),
            values,
            present,
            bounds,
        };
        let all: Vec<usize> = (0..normalised.len()).collect();
        (matrix.partial, matrix.any) = matrix.coverage(&all);
        matrix
    }

    /// Per zone, whether it lacks a value among `columns` and whether it
    /// has any.
    fn coverage(&self, columns: &[usize]) -> (Vec<bool>, Vec<bool>) {
        let n = self.zones;
        let (mut partial, mut any) = (vec![false; n], vec![false; n]);
        for j in columns {
            cover(&self.present[j * n..][..n], &mut partial, &mut any);
        }
        (partial, any)
    }

    /// Every zone's score under `weights` (≥ 0, one per column).
    pub(crate) fn scores(&self, weights: &[f64]) -> Vec<Option<f64>> {
        let mut scores = vec![0.0; self.zones];
        self.score(weights, &mut scores);
        scores
            .into_iter()
            .map(|s| (!s.is_nan()).then_some(s))
            .collect()
    }

    /// Every zone's score under `weights` (≥ 0, one per column) into
    /// `scores`; NaN for a zone without one.
    pub(crate) fn score(&self, weights: &[f64], scores: &mut [f64]) {
        self.score_on(None, weights, (&self.partial, &self.any), scores);
    }

    /// [`Matrix::score`] on some of the columns (`None`: all): `weights[k]`
    /// is the weight of column `columns[k]`, and `partial` and `any` are
    /// [`Matrix::coverage`] of those columns. The same sums, in the same
    /// order, as a matrix of those columns alone would make.
    fn score_on(
        &self,
        columns: Option<&[usize]>,
        weights: &[f64],
        (partial, any): (&[bool], &[bool]),
        scores: &mut [f64],
    ) {
        let n = self.zones;
        let column_of = |k: usize| columns.map_or(k, |c| c[k]);
        let geometric = matches!(self.aggregation, Aggregation::Geometric { .. });
        // Geometric: a zero weight's column is left out.
        let counts = |w: f64| !geometric || w > 0.0;
        scores.fill(0.0);
        let mut plus = Vec::new();
        if let Aggregation::Topsis = self.aggregation {
            plus.resize(n, 0.0);
        }
        let mut weight_of_all = 0.0;
        if plus.is_empty() {
            // A missing value is 0 here: w · 0 adds nothing. The columns
            // counted four at a time: each zone's sum still adds them one
            // by one in column order ((s + a) + b) + ..., the same
            // roundings, with its score read and written once per four
            // (a third of the Monte Carlo's time at 2,000 zones). The last
            // four are made up with a column of zeros weighing 0, which
            // add +0 (a sum is never −0, so it is unchanged).
            let zeros = vec![0.0; n];
            let mut counted: Vec<(f64, &[f64])> = weights
                .iter()
                .enumerate()
                .filter(|(_, w)| counts(**w))
                .map(|(k, &w)| (w, &self.values[column_of(k) * n..][..n]))
                .collect();
            for (w, _) in &counted {
                weight_of_all += w;
            }
            while counted.len() % 4 != 0 {
                counted.push((0.0, &zeros));
            }
            for group in counted.chunks_exact(4) {
                let &[(wa, a), (wb, b), (wc, c), (wd, d)] = group else {
                    continue;
                };
                // The weights copied out (`&f64`s were read again for
                // each zone: the store to the score might have changed
                // them, for all the wasm knew).
                let columns = a.iter().zip(b).zip(c).zip(d);
                for (s, (((a, b), c), d)) in scores.iter_mut().zip(columns) {
                    *s = *s + wa * a + wb * b + wc * c + wd * d;
                }
            }
        } else {
            for (k, &w) in weights.iter().enumerate() {
                let j = column_of(k);
                let column = &self.values[j * n..(j + 1) * n];
                let present = &self.present[j * n..(j + 1) * n];
                // The ideal and anti-ideal max w·y and min w·y are w · max y and
                // w · min y: multiplying by w > 0 keeps the order (rounding
                // too); with w = 0 every product is 0 (0 · ∞, not a number, is
                // left out of a max and a min, and gives its zone none).
                let (hi, lo) = self.bounds[j];
                let (ideal, anti) = if w > 0.0 {
                    (w * hi, w * lo)
                } else {
                    (0.0, 0.0)
                };
                for (i, (y, here)) in column.iter().zip(present).enumerate() {
                    if *here {
                        let v = w * y;
                        plus[i] += (v - ideal).powi(2);
                        scores[i] += (v - anti).powi(2);
                    }
                }
            }
        }
        for (i, s) in scores.iter_mut().enumerate() {
            let mut weight = weight_of_all;
            if partial[i] {
                weight = 0.0;
                for (k, &w) in weights.iter().enumerate() {
                    if counts(w) && self.present[column_of(k) * n + i] {
                        weight += w;
                    }
                }
            }
            *s = match self.aggregation {
                Aggregation::Arithmetic if weight > 0.0 => *s / weight,
                Aggregation::Geometric { .. } if weight > 0.0 => (*s / weight).exp(),
                Aggregation::Topsis if any[i] => {
                    let (plus, minus) = (plus[i].sqrt(), s.sqrt());
                    if plus + minus == 0.0 {
                        0.5
                    } else {
                        minus / (plus + minus)
                    }
                }
                _ => f64::NAN,
            };
        }
    }
}

/// A column of the normalised matrix laid out at the end of `values` and
/// `present` (as [`Matrix::values`] says), its largest and smallest
/// present value returned. A function called once per column, as
/// [`cover`] is, rather than a loop over every column in one call: V8
/// optimises a wasm function only for its later calls (one call over
/// the 60,000 values of a year at 2,000 zones ran in its baseline code).
#[inline(never)]
fn lay_out(
    column: &[Option<f64>],
    zones: usize,
    aggregation: Aggregation,
    values: &mut Vec<f64>,
    present: &mut Vec<bool>,
) -> (f64, f64) {
    let (mut hi, mut lo) = (f64::NEG_INFINITY, f64::INFINITY);
    for i in 0..zones {
        let y = column.get(i).copied().flatten();
        present.push(y.is_some());
        values.push(match (y, aggregation) {
            (None, _) => 0.0,
            (Some(y), Aggregation::Geometric { epsilon }) => (y + epsilon).ln(),
            (Some(y), _) => y,
        });
        if let Some(y) = y {
            (hi, lo) = (hi.max(y), lo.min(y));
        }
    }
    (hi, lo)
}

/// One column's share of [`Matrix::coverage`]: a zone without its value
/// marked `partial`, one with it `any`.
#[inline(never)]
fn cover(present: &[bool], partial: &mut [bool], any: &mut [bool]) {
    for ((here, partial), any) in present.iter().zip(partial).zip(any) {
        *partial |= !here;
        *any |= here;
    }
}

/// Computes the whole index for one year: normalise, weight, aggregate,
/// rank (competition ranking, 1 = best), and the dimension sub-scores.
/// [`Prepared::new`] then [`Prepared::index`].
pub fn composite_index(
    columns: &[Vec<Option<f64>>],
    spec: &CompositeSpec,
) -> Result<CompositeIndex, MetricsError> {
    Prepared::new(columns, spec)?.index(spec)
}

/// One year's index made ready for any weights: the columns normalised
/// and laid out once ([`Matrix`]), each dimension's columns, and the
/// entropy weights when the weighting is entropy, none of which the
/// weights change. A weight change on the evaluation tab keeps it and
/// calls [`Prepared::index`] again (the sums are the same, in the same
/// order, as [`composite_index`]'s: identical results).
#[derive(Debug)]
pub struct Prepared {
    matrix: Matrix,
    /// Each dimension, in increasing order.
    dimensions: Vec<DimensionColumns>,
    /// The weights of the normalised columns ([`weights`]) under entropy
    /// weighting only, the one weighting that reads the values.
    entropy: Option<Result<Vec<f64>, MetricsError>>,
    /// Why the columns cannot be aggregated so ([`aggregate`]'s checks).
    unaggregable: Option<MetricsError>,
    /// Each zone's missing columns ([`CompositeIndex::missing_indicators`]),
    /// found once: the weights do not change them.
    missing: Vec<Vec<usize>>,
}

/// A dimension of a [`Prepared`] index: its columns and their
/// [`Matrix::coverage`].
#[derive(Debug)]
struct DimensionColumns {
    dimension: usize,
    members: Vec<usize>,
    coverage: (Vec<bool>, Vec<bool>),
}

impl Prepared {
    /// Normalises `columns` (`columns[j][i]`: zone i's value of indicator
    /// j) as `spec` says and lays them out.
    pub fn new(
        columns: &[Vec<Option<f64>>],
        spec: &CompositeSpec,
    ) -> Result<Prepared, MetricsError> {
        let normalised = normalise_all(columns, &spec.indicators)?;
        zone_count(&normalised)?;
        let matrix = Matrix::new(&normalised, spec.aggregation);
        let mut dimension_ids: Vec<usize> = spec.indicators.iter().map(|s| s.dimension).collect();
        crate::order::sort_by(&mut dimension_ids, Ord::cmp);
        dimension_ids.dedup();
        let mut dimensions = Vec::with_capacity(dimension_ids.len());
        for &dimension in &dimension_ids {
            let members: Vec<usize> = (0..spec.indicators.len())
                .filter(|j| spec.indicators[*j].dimension == dimension)
                .collect();
            let coverage = matrix.coverage(&members);
            dimensions.push(DimensionColumns {
                dimension,
                members,
                coverage,
            });
        }
        let zones = matrix.zones;
        // Only a zone lacking a value has a column to look for.
        let missing = (0..zones)
            .map(|i| {
                if matrix.partial[i] {
                    (0..normalised.len())
                        .filter(|j| !matrix.present[j * zones + i])
                        .collect()
                } else {
                    Vec::new()
                }
            })
            .collect();
        Ok(Prepared {
            entropy: matches!(spec.weighting, Weighting::Entropy)
                .then(|| weights(&normalised, &spec.indicators, &spec.weighting)),
            unaggregable: unaggregable(&normalised, spec.aggregation),
            matrix,
            dimensions,
            missing,
        })
    }

    /// The indicator weights under `spec` ([`weights`]), checked for
    /// scoring this matrix; with [`Prepared::matrix`], what the Monte Carlo
    /// draws from.
    pub(crate) fn weights(&self, spec: &CompositeSpec) -> Result<Vec<f64>, MetricsError> {
        let weights = match &self.entropy {
            Some(entropy) => entropy.clone()?,
            None => weights(&[], &spec.indicators, &spec.weighting)?,
        };
        match &self.unaggregable {
            Some(error) => Err(error.clone()),
            None => Ok(weights),
        }
    }

    /// The normalised matrix laid out.
    pub(crate) fn matrix(&self) -> &Matrix {
        &self.matrix
    }

    /// The index under `spec`'s weighting: `spec` must differ from the
    /// one it was prepared with at most in the weights, and not in or out
    /// of entropy weighting (the caller keeps track: [`composite_index`],
    /// `analysis::evaluation::Prepared::fits`).
    pub fn index(&self, spec: &CompositeSpec) -> Result<CompositeIndex, MetricsError> {
        self.index_ranked(spec, true)
    }

    /// [`Prepared::index`], its `ranks` and the dimensions' left empty
    /// unless `ranked` (the evaluation ranks the scores itself, without the
    /// zones that left, and a dimension's when they are read).
    pub fn index_ranked(
        &self,
        spec: &CompositeSpec,
        ranked: bool,
    ) -> Result<CompositeIndex, MetricsError> {
        let matrix = &self.matrix;
        let zones = matrix.zones;
        let weights = self.weights(spec)?;
        let scores = matrix.scores(&weights);
        let ranks = match ranked {
            true => competition_ranks(&scores, RankOrder::HighestFirst),
            false => Vec::new(),
        };
        let mut sub = vec![0.0; zones];
        let dimensions = self
            .dimensions
            .iter()
            .map(|kept| {
                let DimensionColumns {
                    dimension,
                    members,
                    coverage: (partial, any),
                } = kept;
                let sub_weights: Vec<f64> = members.iter().map(|j| weights[*j]).collect();
                let weight: f64 = sub_weights.iter().sum();
                let scores = if weight > 0.0 {
                    matrix.score_on(Some(members), &sub_weights, (partial, any), &mut sub);
                    sub.iter().map(|s| (!s.is_nan()).then_some(*s)).collect()
                } else {
                    vec![None; zones]
                };
                let ranks = match ranked {
                    true => competition_ranks(&scores, RankOrder::HighestFirst),
                    false => Vec::new(),
                };
                DimensionScore {
                    dimension: *dimension,
                    weight,
                    scores,
                    ranks,
                }
            })
            .collect();
        Ok(CompositeIndex {
            weights,
            scores,
            ranks,
            dimensions,
            missing_indicators: self.missing.clone(),
        })
    }
}

/// The index for each year (columns per year, same zones and indicators in
/// the same order), each year normalised on its own. Compare ranks, not
/// min-max scores, across years, or use goalposts for comparable scores.
pub fn composite_by_year(
    columns_by_year: &[Vec<Vec<Option<f64>>>],
    spec: &CompositeSpec,
) -> Result<Vec<CompositeIndex>, MetricsError> {
    columns_by_year
        .iter()
        .map(|columns| composite_index(columns, spec))
        .collect()
}

/// The number of zones, checking every column has it.
fn zone_count(columns: &[Vec<Option<f64>>]) -> Result<usize, MetricsError> {
    let zones = columns.first().map_or(0, Vec::len);
    if let Some((j, c)) = columns.iter().enumerate().find(|(_, c)| c.len() != zones) {
        return Err(MetricsError::shape(format!(
            "indicator column {j} has {} zones but column 0 has {zones}: every column needs one value (or null) per zone",
            c.len()
        )));
    }
    Ok(zones)
}

#[cfg(test)]
mod tests;
