//! The composite evaluation of the zones over every year of the data, the
//! dynamic management tiers (reward, warning, exit) it leads to, and the
//! sensitivity of a year's ranking to the weights.
//!
//! The indicators are those the framework places in a dimension (context
//! indicators without one stay out, and so does an indicator in a dimension
//! whose direction is neutral: it is listed in `excluded_indicators`).
//! [`EvaluationSettings::default`] is the dataset's own framework: min-max
//! normalisation (direction-aware), the national dimension weights
//! (20/20/15/15/30 in the bundled data) shared among each dimension's
//! indicators by their coefficients (0.8/1/1.2), arithmetic aggregation.
//! Scores are reported on 0–100 (100 × the aggregate), the scale of the
//! framework's `warning_score_below`. Each year is normalised on its own, so
//! compare ranks, not scores, across years.
//!
//! Main types: [`EvaluationSettings`], [`Evaluation`], [`YearEvaluation`],
//! [`ZoneScore`], [`Sensitivity`].

use serde::Serialize;

use super::{resolve_year, AnalysisError, Context, Id, Name};
use std::cell::OnceCell;
use std::rc::Rc;

use crate::metrics::composite::{
    self, Aggregation, CompositeSpec, Direction as Toward, IndicatorSpec, Normalisation, Weighting,
};
use crate::metrics::dynamic::{manage, Managed, Rules, Tier, Verdict};
use crate::metrics::ranking::{competition_ranks, rank_change, RankOrder};
use crate::metrics::sensitivity::{
    draw_on, Drawn, RankSensitivity, SensitivitySpec, ZoneSensitivity,
};
use crate::model::{Dataset, Direction, Level};

/// The Monte Carlo defaults: every weight moves by up to ±20% (δ = 0.2,
/// multipliers U[0.8, 1.2)), 1,000 draws, seed 2022. 1,000 draws put the
/// 5% and 95% percentiles on the 50th and 950th rank.
pub const DEFAULT_SENSITIVITY: SensitivitySpec = SensitivitySpec {
    delta: 0.2,
    draws: 1000,
    seed: 2022,
};

/// How indicator weights are set.
///
/// JSON: `{"method": "framework"}`, `{"method": "dimensions", "weights":
/// [f64]}`, `{"method": "indicators", "weights": [f64]}`, `{"method":
/// "equal"}`, `{"method": "entropy"}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "method")]
pub enum EvaluationWeighting {
    /// The framework's dimension weights, shared among each dimension's
    /// indicators in proportion to their coefficients.
    #[default]
    Framework,
    /// The user's weights, one per framework dimension (any scale, ≥ 0),
    /// shared among the indicators by their coefficients as above.
    Dimensions { weights: Vec<f64> },
    /// The user's weights, one per evaluated indicator (any scale, ≥ 0).
    Indicators { weights: Vec<f64> },
    /// 1/m each.
    Equal,
    /// Entropy weights of the normalised matrix, per year.
    Entropy,
}

/// The recipe of the evaluation.
///
/// JSON: `{"normalisation": {"method", ...}, "weighting": {"method", ...},
/// "aggregation": {"method", ...}, "year", "rules": Rules|null}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvaluationSettings {
    pub normalisation: Normalisation,
    pub weighting: EvaluationWeighting,
    pub aggregation: Aggregation,
    /// The year whose ranking the sensitivity analysis perturbs and the
    /// charts show first; `None`: the latest. Every year is evaluated.
    pub year: Option<i32>,
    /// Dynamic management rules; `None`: the framework's tier rules.
    pub rules: Option<Rules>,
    /// Keep a zone named for exit in the rankings of later years, for
    /// comparison; `false` (the default): from the year after it is named
    /// for exit it is out of the ranks and the tiers (撤销).
    pub keep_exited: bool,
}

impl Default for EvaluationSettings {
    /// The dataset's framework: min-max, framework weights, arithmetic mean.
    fn default() -> Self {
        EvaluationSettings {
            normalisation: Normalisation::MinMax,
            weighting: EvaluationWeighting::Framework,
            aggregation: Aggregation::Arithmetic,
            year: None,
            rules: None,
            keep_exited: false,
        }
    }
}

impl EvaluationSettings {
    /// Entropy-weighted TOPSIS (熵权TOPSIS) as the widget computes it:
    /// min-max (direction-aware), entropy weights of the min-max matrix,
    /// TOPSIS closeness with Euclidean distances (docs/METRICS.md).
    pub fn entropy_topsis() -> Self {
        EvaluationSettings {
            weighting: EvaluationWeighting::Entropy,
            aggregation: Aggregation::Topsis,
            ..EvaluationSettings::default()
        }
    }
}

/// The evaluation over every year.
///
/// JSON: `{"settings", "year", "indicators", "excluded_indicators",
/// "dimensions", "years": [YearEvaluation], "rules", "tiers":
/// [YearTiers], "verdicts": [VerdictRow]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    pub settings: EvaluationSettings,
    /// The focus year (settings.year or the latest).
    pub year: i32,
    pub indicators: Vec<EvaluatedIndicator>,
    pub excluded_indicators: Vec<ExcludedIndicator>,
    /// The framework's dimensions, in its order.
    pub dimensions: Vec<DimensionInfo>,
    /// One per year of the data, in order.
    pub years: Vec<YearEvaluation>,
    /// The rules the tiers were computed with.
    pub rules: Rules,
    /// Who earned what, per year.
    pub tiers: Vec<YearTiers>,
    /// Every zone in every year (year, then zone order), with the reasons.
    pub verdicts: Vec<VerdictRow>,
}

impl Evaluation {
    /// The evaluation of one year.
    pub fn year(&self, year: i32) -> Option<&YearEvaluation> {
        self.years.iter().find(|y| y.year == year)
    }

    /// The evaluation of the focus year.
    pub fn focus(&self) -> Option<&YearEvaluation> {
        self.year(self.year)
    }
}

/// JSON: `{"indicator", "id", "dimension", "dimension_id", "direction",
/// "coefficient"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvaluatedIndicator {
    /// Index into the dataset's indicators.
    pub indicator: usize,
    pub id: String,
    /// Index into the framework's dimensions.
    pub dimension: usize,
    pub dimension_id: String,
    pub direction: Toward,
    pub coefficient: f64,
}

/// JSON: `{"id", "reason"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExcludedIndicator {
    pub id: String,
    pub reason: String,
}

/// JSON: `{"dimension", "id", "name", "framework_weight"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionInfo {
    pub dimension: usize,
    pub id: String,
    pub name: Name,
    /// As the framework gives it (percent).
    pub framework_weight: f64,
}

/// One year's index.
///
/// JSON: `{"year", "weights", "dimension_weights", "zones": [ZoneScore],
/// "unscored"}`, each zone with its `dimension_scores` and
/// `dimension_ranks` (a list per zone, framework order).
#[derive(Debug, Clone)]
pub struct YearEvaluation {
    pub year: i32,
    /// Final weight of each evaluated indicator (`Evaluation::indicators`
    /// order), Σ = 1.
    pub weights: Vec<f64>,
    /// Σ of the final weights of each dimension's indicators (framework
    /// order; 0 for a dimension without an evaluated indicator).
    pub dimension_weights: Vec<f64>,
    /// One per zone, zone order.
    pub zones: Vec<ZoneScore>,
    /// Zones with no evaluated indicator this year: no score, no rank.
    pub unscored: Vec<Id>,
    /// Per framework dimension, each zone's sub-score as aggregated, 0–1,
    /// in zone order (empty for a dimension without indicators): a list
    /// per dimension rather than per zone, as a weight change makes them
    /// for every year. Read with [`YearEvaluation::dimension_score`].
    pub dimension_aggregates: Vec<Vec<Option<f64>>>,
    /// Each zone's rank on each dimension's sub-score, laid out alike,
    /// made when first read ([`YearEvaluation::dimension_rank`]): a
    /// weight change ranks only the years whose profile is looked at.
    dimension_ranks: OnceCell<Vec<Vec<Option<usize>>>>,
}

impl PartialEq for YearEvaluation {
    /// The ranks follow from the sub-scores, whether made yet or not.
    fn eq(&self, other: &Self) -> bool {
        (
            self.year,
            &self.weights,
            &self.dimension_weights,
            &self.zones,
            &self.unscored,
            &self.dimension_aggregates,
        ) == (
            other.year,
            &other.weights,
            &other.dimension_weights,
            &other.zones,
            &other.unscored,
            &other.dimension_aggregates,
        )
    }
}

impl YearEvaluation {
    /// Zone `zone`'s sub-score on dimension `d`, 0–100; `None` for a
    /// dimension without indicators or values.
    pub fn dimension_score(&self, zone: usize, d: usize) -> Option<f64> {
        let aggregate = self
            .dimension_aggregates
            .get(d)?
            .get(zone)
            .copied()
            .flatten();
        aggregate.map(|x| 100.0 * x)
    }

    /// Zone `zone`'s rank on dimension `d`'s sub-score (competition
    /// ranks of the sub-scores as aggregated).
    pub fn dimension_rank(&self, zone: usize, d: usize) -> Option<usize> {
        let ranks = self.dimension_ranks.get_or_init(|| {
            self.dimension_aggregates
                .iter()
                .map(|scores| competition_ranks(scores, RankOrder::HighestFirst))
                .collect()
        });
        ranks.get(d)?.get(zone).copied().flatten()
    }
}

impl Serialize for YearEvaluation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeSeq, SerializeStruct};
        /// A zone as the JSON gives it, its sub-scores and ranks inside.
        #[derive(Serialize)]
        struct Zone<'a> {
            zone: usize,
            zone_id: &'a Id,
            score: Option<f64>,
            rank: Option<usize>,
            rank_change: Option<i64>,
            exited_in: Option<i32>,
            dimension_scores: Vec<Option<f64>>,
            dimension_ranks: Vec<Option<usize>>,
            missing_indicators: &'a [String],
        }
        struct Zones<'a>(&'a YearEvaluation);
        impl Serialize for Zones<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let year = self.0;
                let dims = year.dimension_weights.len();
                let mut seq = serializer.serialize_seq(Some(year.zones.len()))?;
                for z in &year.zones {
                    seq.serialize_element(&Zone {
                        zone: z.zone,
                        zone_id: &z.zone_id,
                        score: z.score,
                        rank: z.rank,
                        rank_change: z.rank_change,
                        exited_in: z.exited_in,
                        dimension_scores: (0..dims)
                            .map(|d| year.dimension_score(z.zone, d))
                            .collect(),
                        dimension_ranks: (0..dims)
                            .map(|d| year.dimension_rank(z.zone, d))
                            .collect(),
                        missing_indicators: &z.missing_indicators,
                    })?;
                }
                seq.end()
            }
        }
        let mut out = serializer.serialize_struct("YearEvaluation", 5)?;
        out.serialize_field("year", &self.year)?;
        out.serialize_field("weights", &self.weights)?;
        out.serialize_field("dimension_weights", &self.dimension_weights)?;
        out.serialize_field("zones", &Zones(self))?;
        out.serialize_field("unscored", &self.unscored)?;
        out.end()
    }
}

/// One zone in one year.
///
/// JSON: `{"zone", "zone_id", "score", "rank", "rank_change", "exited_in",
/// "dimension_scores", "dimension_ranks", "missing_indicators"}` (the
/// sub-scores and their ranks from its [`YearEvaluation`]).
#[derive(Debug, Clone, PartialEq)]
pub struct ZoneScore {
    pub zone: usize,
    pub zone_id: Id,
    /// 0–100 (100 × the aggregate); `None`: not scored.
    pub score: Option<f64>,
    /// Standard competition rank, 1 = best.
    pub rank: Option<usize>,
    /// Places gained since the previous year (positive = rose).
    pub rank_change: Option<i64>,
    /// The year the zone was named for exit, when that was before this
    /// year and exited zones are not kept: it has a score but no rank, no
    /// rank change and no tier.
    pub exited_in: Option<i32>,
    /// Ids of the evaluated indicators the zone lacks this year (scored on
    /// the others, their weights renormalised).
    pub missing_indicators: Vec<String>,
}

/// JSON: `{"year", "reward", "warning", "exit"}`, zone ids.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearTiers {
    pub year: i32,
    pub reward: Vec<Id>,
    pub warning: Vec<Id>,
    pub exit: Vec<Id>,
}

/// A [`Verdict`] with the zone's id.
///
/// JSON: `{"zone_id", "zone", "year", "score", "rank", "rank_change",
/// "tiers", "reasons"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VerdictRow {
    pub zone_id: Id,
    #[serde(flatten)]
    pub verdict: Verdict,
}

/// The Monte Carlo rank sensitivity of one year's ranking.
///
/// JSON: `{"year", "aggregation", "spec": {"delta", "draws", "seed"},
/// "zones": [{"zone_id", "zone", "base_rank", "median_rank", "rank_p05",
/// "rank_p95", "mean_abs_shift"}], "mean_abs_shift"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sensitivity {
    pub year: i32,
    pub aggregation: Aggregation,
    pub spec: SensitivitySpec,
    pub zones: Vec<ZoneSensitivityRow>,
    pub mean_abs_shift: Option<f64>,
}

/// JSON: `{"zone_id", "zone", "base_rank", "median_rank", "rank_p05",
/// "rank_p95", "mean_abs_shift"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ZoneSensitivityRow {
    pub zone_id: Id,
    #[serde(flatten)]
    pub zone: ZoneSensitivity,
}

/// The framework's tier rules as metrics rules; a count of 0 disables its
/// rule (top 0, bottom 0, rise of 0 places, exit after 0 years mean
/// nothing), a non-finite score threshold too.
pub fn tier_rules(dataset: &Dataset) -> Rules {
    let tiers = &dataset.framework.tiers;
    let some = |k: u32| (k > 0).then_some(k as usize);
    Rules {
        reward_top_k: some(tiers.reward_top),
        reward_rise: some(tiers.reward_rise),
        warn_bottom_k: some(tiers.warning_bottom),
        warn_below: Some(tiers.warning_score_below).filter(|s| s.is_finite()),
        exit_after: some(tiers.exit_after_warned_years),
    }
}

/// The evaluated indicators, the excluded ones, and the composite spec.
struct Recipe {
    indicators: Vec<EvaluatedIndicator>,
    excluded: Vec<ExcludedIndicator>,
    spec: CompositeSpec,
}

fn recipe(dataset: &Dataset, settings: &EvaluationSettings) -> Result<Recipe, AnalysisError> {
    let dimensions = &dataset.framework.dimensions;
    let mut indicators = Vec::new();
    let mut excluded = Vec::new();
    for (i, indicator) in dataset.indicators.iter().enumerate() {
        let Some(dimension) = indicator.dimension else {
            continue;
        };
        let direction = match indicator.direction {
            Direction::Higher => Toward::HigherIsBetter,
            Direction::Lower => Toward::LowerIsBetter,
            Direction::Neutral => {
                excluded.push(ExcludedIndicator {
                    id: indicator.id.clone(),
                    reason: "neutral direction: neither more nor less is better".into(),
                });
                continue;
            }
        };
        let Some(dim) = dimensions.get(dimension) else {
            excluded.push(ExcludedIndicator {
                id: indicator.id.clone(),
                reason: format!("dimension {dimension} is not in the framework"),
            });
            continue;
        };
        indicators.push(EvaluatedIndicator {
            indicator: i,
            id: indicator.id.clone(),
            dimension,
            dimension_id: dim.id.clone(),
            direction,
            // Validation requires a coefficient with a dimension; 1 is the
            // neutral coefficient should a file ever lack one.
            coefficient: indicator.coefficient.unwrap_or(1.0),
        });
    }
    if indicators.is_empty() {
        return Err(AnalysisError::settings(
            "no indicator is in a framework dimension: nothing to evaluate",
        ));
    }
    let weighting = match &settings.weighting {
        EvaluationWeighting::Framework => Weighting::Framework {
            dimension_weights: dimensions.iter().map(|d| d.weight).collect(),
        },
        EvaluationWeighting::Dimensions { weights } => {
            if weights.len() != dimensions.len() {
                return Err(AnalysisError::settings(format!(
                    "{} dimension weights for {} dimensions: give one per dimension ({})",
                    weights.len(),
                    dimensions.len(),
                    dimensions
                        .iter()
                        .map(|d| d.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            }
            Weighting::Framework {
                dimension_weights: weights.clone(),
            }
        }
        EvaluationWeighting::Indicators { weights } => {
            if weights.len() != indicators.len() {
                return Err(AnalysisError::settings(format!(
                    "{} indicator weights for {} evaluated indicators: give one per indicator ({})",
                    weights.len(),
                    indicators.len(),
                    indicators
                        .iter()
                        .map(|d| d.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            }
            Weighting::Given {
                weights: weights.clone(),
            }
        }
        EvaluationWeighting::Equal => Weighting::Equal,
        EvaluationWeighting::Entropy => Weighting::Entropy,
    };
    let spec = CompositeSpec {
        indicators: indicators
            .iter()
            .map(|e| IndicatorSpec {
                direction: e.direction,
                normalisation: settings.normalisation,
                dimension: e.dimension,
                coefficient: e.coefficient,
            })
            .collect(),
        weighting,
        aggregation: settings.aggregation,
    };
    Ok(Recipe {
        indicators,
        excluded,
        spec,
    })
}

/// The evaluated indicators' columns in one year.
fn year_columns(
    dataset: &Dataset,
    indicators: &[EvaluatedIndicator],
    year: i32,
) -> Result<Vec<Vec<Option<f64>>>, AnalysisError> {
    indicators
        .iter()
        .map(|e| super::column(dataset, e.indicator, year).map(<[_]>::to_vec))
        .collect()
}

/// Scales an aggregate to 0–100.
fn percent(scores: &[Option<f64>]) -> Vec<Option<f64>> {
    scores.iter().map(|s| s.map(|x| 100.0 * x)).collect()
}

/// Every year's columns normalised and laid out for one choice of
/// indicators, normalisation and aggregation ([`composite::Prepared`]):
/// the part of the evaluation the weights do not change, which a weight
/// change keeps ([`evaluate_prepared`]). Cheap to clone (shared).
#[derive(Debug, Clone)]
pub struct Prepared {
    years: Rc<Vec<composite::Prepared>>,
    /// What they were prepared for: the normalisation, the aggregation,
    /// and whether the weights are entropy weights (which read the values).
    made_for: (Normalisation, Aggregation, bool),
}

/// What of `settings` the prepared matrices depend on.
fn made_for(settings: &EvaluationSettings) -> (Normalisation, Aggregation, bool) {
    (
        settings.normalisation,
        settings.aggregation,
        settings.weighting == EvaluationWeighting::Entropy,
    )
}

impl Prepared {
    /// Every year of `dataset` prepared for `settings`.
    pub fn new(
        dataset: &Dataset,
        settings: &EvaluationSettings,
    ) -> Result<Prepared, AnalysisError> {
        let recipe = recipe(dataset, settings)?;
        let mut years = Vec::with_capacity(dataset.years.len());
        for &year in &dataset.years {
            let columns = year_columns(dataset, &recipe.indicators, year)?;
            years.push(composite::Prepared::new(&columns, &recipe.spec)?);
        }
        Ok(Prepared {
            years: Rc::new(years),
            made_for: made_for(settings),
        })
    }

    /// Whether `settings` (for the same dataset) can be evaluated with
    /// these: they differ from those they were made for at most in the
    /// weights, the rules and the exit handling.
    pub fn fits(&self, settings: &EvaluationSettings) -> bool {
        self.made_for == made_for(settings)
    }
}

/// Evaluates every year of the data with `settings` and applies the tier
/// rules (settings.rules, or the framework's).
pub fn evaluate(
    dataset: &Dataset,
    settings: &EvaluationSettings,
) -> Result<Evaluation, AnalysisError> {
    evaluate_in(&Context::new(dataset), settings)
}

/// [`evaluate`] with the zone ids made beforehand.
pub(crate) fn evaluate_in(
    context: &Context<'_>,
    settings: &EvaluationSettings,
) -> Result<Evaluation, AnalysisError> {
    let prepared = Prepared::new(context.dataset, settings)?;
    evaluate_prepared(context, settings, &prepared)
}

/// [`evaluate`] with every year's matrix already `prepared` (for these
/// settings, or others differing only in the weights: [`Prepared::fits`]).
pub(crate) fn evaluate_prepared(
    context: &Context<'_>,
    settings: &EvaluationSettings,
    prepared: &Prepared,
) -> Result<Evaluation, AnalysisError> {
    let dataset = context.dataset;
    let focus = resolve_year(dataset, settings.year)?;
    let recipe = recipe(dataset, settings)?;
    if !prepared.fits(settings) {
        return Err(AnalysisError::settings(
            "the evaluation was prepared for other methods: prepare it again",
        ));
    }
    let n_dims = dataset.framework.dimensions.len();
    let mut indexes = Vec::with_capacity(prepared.years.len());
    let mut all_scores = Vec::with_capacity(prepared.years.len());
    for year in prepared.years.iter() {
        let index = year.index_ranked(&recipe.spec, false)?;
        all_scores.push(percent(&index.scores));
        indexes.push(index);
    }
    let rules = settings
        .rules
        .clone()
        .unwrap_or_else(|| tier_rules(dataset));
    let Managed {
        verdicts,
        exits,
        ranks: all_ranks,
    } = apply_rules(&dataset.years, &all_scores, &rules, settings.keep_exited)?;

    let mut years = Vec::with_capacity(dataset.years.len());
    for (t, (index, scores)) in indexes.iter_mut().zip(&all_scores).enumerate() {
        let year = dataset.years[t];
        // Ranks without the zones named for exit before the year (unless
        // they are kept): the rules' own.
        let ranks = &all_ranks[t];
        let changes = match t {
            0 => vec![None; ranks.len()],
            _ => rank_change(&all_ranks[t - 1], ranks),
        };
        // The index lists the dimensions that have indicators, in order.
        let mut dimension_weights = Vec::with_capacity(n_dims);
        let mut dimension_aggregates = Vec::with_capacity(n_dims);
        for d in 0..n_dims {
            let dim = index.dimensions.iter_mut().find(|dim| dim.dimension == d);
            dimension_weights.push(dim.as_ref().map_or(0.0, |dim| dim.weight));
            dimension_aggregates
                .push(dim.map_or_else(Vec::new, |dim| std::mem::take(&mut dim.scores)));
        }
        let zones: Vec<ZoneScore> = (0..ranks.len())
            .map(|zone| ZoneScore {
                zone,
                zone_id: context.zone_id(zone),
                score: scores[zone],
                rank: ranks[zone],
                rank_change: changes.get(zone).copied().flatten(),
                exited_in: exits[zone].filter(|e| *e < year),
                missing_indicators: index
                    .missing_indicators
                    .get(zone)
                    .map(|m| m.iter().map(|j| recipe.indicators[*j].id.clone()).collect())
                    .unwrap_or_default(),
            })
            .collect();
        years.push(YearEvaluation {
            year,
            weights: std::mem::take(&mut index.weights),
            dimension_weights,
            unscored: zones
                .iter()
                .filter(|z| z.score.is_none())
                .map(|z| z.zone_id.clone())
                .collect(),
            zones,
            dimension_aggregates,
            dimension_ranks: OnceCell::new(),
        });
    }

    // The verdicts come a year at a time, every zone each year, in order
    // (`manage` gives one per zone and year).
    debug_assert_eq!(verdicts.len(), dataset.years.len() * dataset.zones.len());
    let mut each_year = verdicts.chunks_exact(dataset.zones.len().max(1));
    let tiers = dataset
        .years
        .iter()
        .map(|&year| {
            let those = each_year.next().unwrap_or(&[]);
            let with = |tier: Tier| {
                those
                    .iter()
                    .filter(|v| v.tiers.contains(&tier))
                    .map(|v| context.zone_id(v.zone))
                    .collect()
            };
            YearTiers {
                year,
                reward: with(Tier::Reward),
                warning: with(Tier::Warning),
                exit: with(Tier::Exit),
            }
        })
        .collect();
    let verdicts = verdicts
        .into_iter()
        .map(|verdict| VerdictRow {
            zone_id: context.zone_id(verdict.zone),
            verdict,
        })
        .collect();
    Ok(Evaluation {
        settings: settings.clone(),
        year: focus,
        indicators: recipe.indicators,
        excluded_indicators: recipe.excluded,
        dimensions: dataset
            .framework
            .dimensions
            .iter()
            .enumerate()
            .map(|(dimension, d)| DimensionInfo {
                dimension,
                id: d.id.clone(),
                name: Name::from(&d.name),
                framework_weight: d.weight,
            })
            .collect(),
        years,
        rules,
        tiers,
        verdicts,
    })
}

/// Promotion (以升促建): the region-level zones whose composite score was
/// at least the median score of the ranked national zones in each of the
/// last `years` evaluated years (they would rank in the upper half of the
/// national zones), in zone order. Zones not ranked (exited, not scored)
/// do not qualify. docs/METRICS.md, "Promotion".
pub fn promotion_candidates(
    dataset: &Dataset,
    evaluation: &Evaluation,
    years: usize,
) -> Vec<usize> {
    let last = &evaluation.years[evaluation.years.len().saturating_sub(years)..];
    if years == 0 || last.len() < years {
        return Vec::new();
    }
    let level = |z: usize| dataset.zones.get(z).map(|zone| zone.level);
    let ranked = |s: &ZoneScore| s.score.filter(|_| s.rank.is_some());
    let bars: Vec<Option<f64>> = last
        .iter()
        .map(|year| {
            let national: Vec<f64> = year
                .zones
                .iter()
                .filter(|s| level(s.zone) == Some(Level::National))
                .filter_map(ranked)
                .collect();
            median(&national)
        })
        .collect();
    (0..dataset.zones.len())
        .filter(|&z| level(z) == Some(Level::Regional))
        .filter(|&z| {
            last.iter().zip(&bars).all(|(year, bar)| {
                match (year.zones.get(z).and_then(ranked), bar) {
                    (Some(score), Some(bar)) => score >= *bar,
                    _ => false,
                }
            })
        })
        .collect()
}

/// The median of `values` (the mean of the two middle ones for an even
/// count); `None` for none.
fn median(values: &[f64]) -> Option<f64> {
    let order = crate::order::sorted_indices(values.len(), &|a, b| values[a].total_cmp(&values[b]));
    let n = order.len();
    (n > 0).then(|| (values[order[(n - 1) / 2]] + values[order[n / 2]]) / 2.0)
}

/// The rules applied to every year's scores: with exit modelled (a zone
/// named for exit in year t is out of the ranks, and so of the tiers, of
/// every later year: [`manage`]) unless exited
/// zones are kept. The verdicts, each zone's exit year (none when they
/// are kept) and each year's ranks.
pub fn apply_rules(
    years: &[i32],
    scores: &[Vec<Option<f64>>],
    rules: &Rules,
    keep_exited: bool,
) -> Result<Managed, AnalysisError> {
    Ok(manage(years, scores, rules, !keep_exited)?)
}

/// The Monte Carlo rank sensitivity of the focus year's ranking under
/// `settings` (see docs/METRICS.md: each weight × U[1 − δ, 1 + δ), seeded
/// SplitMix64, N draws; δ = 0 returns the base ranking in every draw).
pub fn sensitivity(
    dataset: &Dataset,
    settings: &EvaluationSettings,
    spec: &SensitivitySpec,
) -> Result<Sensitivity, AnalysisError> {
    sensitivity_in(dataset, settings, spec, None)
}

/// [`sensitivity`] with the evaluation of `settings` already computed
/// (whose exits it needs), rather than evaluating every year again.
pub fn sensitivity_in(
    dataset: &Dataset,
    settings: &EvaluationSettings,
    spec: &SensitivitySpec,
    evaluated: Option<&Evaluation>,
) -> Result<Sensitivity, AnalysisError> {
    let computed;
    let evaluation = match evaluated {
        Some(e) => e,
        None => {
            computed = evaluate(dataset, settings)?;
            &computed
        }
    };
    sensitivity_kept(dataset, settings, spec, evaluation, None, &mut None)
}

/// A year's Monte Carlo draws ([`Drawn`]) and what they were drawn for:
/// the year, the methods and weights, the spec.
#[derive(Debug)]
pub struct Draws {
    made_for: (EvaluationSettings, SensitivitySpec),
    drawn: Drawn,
}

/// [`sensitivity_in`], drawing again only when `kept` holds no draws for
/// this year, these methods and weights: after a change of the rules or
/// of the exit handling (which zones are out of the year's ranking) the
/// draws are ranked again without them, not drawn again. `kept` then
/// holds the draws used. The draws score the year's matrix of
/// `prepared` when it is for these methods (else it is laid out here).
pub fn sensitivity_kept(
    dataset: &Dataset,
    settings: &EvaluationSettings,
    spec: &SensitivitySpec,
    evaluation: &Evaluation,
    prepared: Option<&Prepared>,
    kept: &mut Option<Rc<Draws>>,
) -> Result<Sensitivity, AnalysisError> {
    let year = resolve_year(dataset, settings.year)?;
    let made_for = (
        EvaluationSettings {
            year: Some(year),
            rules: None,
            keep_exited: false,
            ..settings.clone()
        },
        spec.clone(),
    );
    let draws = match kept.take().filter(|k| k.made_for == made_for) {
        Some(draws) => draws,
        None => {
            // The year's matrix as the evaluation laid it out, when it is
            // `prepared` (not normalised again for each weight change).
            let recipe = recipe(dataset, settings)?;
            let made;
            let t = dataset.years.iter().position(|y| *y == year);
            let laid_out = prepared.filter(|p| p.fits(settings));
            let matrix = match laid_out.and_then(|p| p.years.get(t?)) {
                Some(matrix) => matrix,
                None => {
                    let columns = year_columns(dataset, &recipe.indicators, year)?;
                    made = composite::Prepared::new(&columns, &recipe.spec)?;
                    &made
                }
            };
            let base_weights = matrix.weights(&recipe.spec)?;
            let drawn = draw_on(matrix.matrix(), &base_weights, spec)?;
            Rc::new(Draws { made_for, drawn })
        }
    };
    // Zones named for exit before this year are out of its ranking, as in
    // `evaluate` (none when they are kept): scored with the others, as
    // the evaluation scores them (TOPSIS's ideal points read them too),
    // and left out of each draw's ranking.
    let out: Vec<bool> = evaluation
        .year(year)
        .map_or(&[][..], |f| &f.zones)
        .iter()
        .map(|z| z.exited_in.is_some())
        .collect();
    let RankSensitivity {
        spec,
        zones,
        mean_abs_shift,
    } = draws.drawn.sensitivity(&out);
    *kept = Some(draws);
    let context = Context::new(dataset);
    Ok(Sensitivity {
        year,
        aggregation: settings.aggregation,
        spec,
        zones: zones
            .into_iter()
            .map(|zone| ZoneSensitivityRow {
                zone_id: context.zone_id(zone.zone),
                zone,
            })
            .collect(),
        mean_abs_shift,
    })
}

#[cfg(test)]
mod tests;
