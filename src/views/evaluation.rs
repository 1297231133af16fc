//! What the four evaluation charts share: [`Evaluated`], the composite
//! evaluation computed once per settings (the widget caches it and recomputes
//! it only when the reader changes the weights or the method), and the words
//! for tiers and methods in the reader's language.
//!
//! The evaluation itself is `analysis::evaluation`: scores 0–100, ranks with
//! ties, rank changes, dimension sub-scores and the dynamic management tiers
//! over every year; the Monte Carlo sensitivity of one year's ranking.

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use crate::analysis::evaluation::{
    evaluate_prepared, sensitivity_kept, Draws, Evaluation, EvaluationSettings,
    EvaluationWeighting, Prepared, Sensitivity, VerdictRow, DEFAULT_SENSITIVITY,
};
use crate::analysis::AnalysisError;
use crate::format::Fixed;
use crate::i18n::Lang;
use crate::metrics::composite::{Aggregation, Normalisation};
use crate::metrics::dynamic::Tier;
use crate::metrics::sensitivity::SensitivitySpec;
use crate::model::{Dataset, Level};

/// The evaluation under one set of settings, and the rank sensitivity of each
/// year, computed on first use (1,000 draws take a few milliseconds, so a
/// year is only perturbed when the stability chart asks for it; a large
/// file gets fewer draws, [`draws_for`]).
#[derive(Debug)]
pub struct Evaluated {
    /// The settings, with `year` cleared: every year is evaluated.
    pub settings: EvaluationSettings,
    pub evaluation: Result<Evaluation, AnalysisError>,
    /// The Monte Carlo set-up ([`DEFAULT_SENSITIVITY`]: δ = 0.2, N = 1,000,
    /// seed 2022; N from [`draws_for`] for a large file).
    pub spec: SensitivitySpec,
    sensitivities: Vec<(i32, OnceCell<Result<Sensitivity, AnalysisError>>)>,
    /// Every year's normalised matrix, which the next settings keep when
    /// only the weights or the rules change ([`Evaluated::compute_after`]).
    prepared: Option<Prepared>,
    /// The Monte Carlo draws last made, which a change of the rules or of
    /// the exit handling ranks again rather than draws again
    /// (`analysis::evaluation::sensitivity_kept`; one year's, at most
    /// 4 bytes a zone and draw).
    draws: RefCell<Option<Rc<Draws>>>,
}

impl Evaluated {
    /// Evaluates every year of `dataset` with `settings` (its `year` is
    /// ignored) and prepares the sensitivity of each year.
    pub fn compute(dataset: &Dataset, settings: &EvaluationSettings) -> Evaluated {
        Evaluated::compute_after(dataset, settings, None)
    }

    /// [`Evaluated::compute`], keeping from `previous` every year's
    /// normalised matrix when only the weights or the rules changed (a
    /// weight change scores and ranks each year again, nothing more), and
    /// the Monte Carlo draws last made, which a change of the rules or of
    /// the exit handling ranks again without the zones then out of the
    /// year's ranking, rather than drawing again.
    pub fn compute_after(
        dataset: &Dataset,
        settings: &EvaluationSettings,
        previous: Option<&Evaluated>,
    ) -> Evaluated {
        let settings = EvaluationSettings {
            year: None,
            ..settings.clone()
        };
        let kept = previous.and_then(|p| p.prepared.as_ref());
        let prepared = match kept.filter(|p| p.fits(&settings)) {
            Some(kept) => Ok(kept.clone()),
            None => Prepared::new(dataset, &settings),
        };
        let context = crate::analysis::Context::new(dataset);
        Evaluated {
            evaluation: prepared
                .as_ref()
                .map_err(Clone::clone)
                .and_then(|p| evaluate_prepared(&context, &settings, p)),
            prepared: prepared.ok(),
            spec: SensitivitySpec {
                draws: draws_for(dataset.zones.len() * dataset.indicators.len()),
                ..DEFAULT_SENSITIVITY
            },
            sensitivities: dataset
                .years
                .iter()
                .map(|&y| (y, OnceCell::new()))
                .collect(),
            settings,
            draws: RefCell::new(previous.and_then(|p| p.draws.borrow().clone())),
        }
    }

    /// Whether this evaluation was computed with `settings` (whatever their
    /// year).
    pub fn is_for(&self, settings: &EvaluationSettings) -> bool {
        let settings = EvaluationSettings {
            year: None,
            ..settings.clone()
        };
        self.settings == settings
    }

    /// The rank sensitivity of `year`'s ranking, computed the first time it
    /// is asked for; `None` for a year the data do not have.
    pub fn sensitivity(
        &self,
        dataset: &Dataset,
        year: i32,
    ) -> Option<&Result<Sensitivity, AnalysisError>> {
        let (_, cell) = self.sensitivities.iter().find(|(y, _)| *y == year)?;
        Some(cell.get_or_init(|| {
            let settings = EvaluationSettings {
                year: Some(year),
                ..self.settings.clone()
            };
            let evaluation = self.evaluation.as_ref().map_err(Clone::clone)?;
            sensitivity_kept(
                dataset,
                &settings,
                &self.spec,
                evaluation,
                self.prepared.as_ref(),
                &mut self.draws.borrow_mut(),
            )
        }))
    }
}

/// How much scoring the widget's Monte Carlo may do for one year: zones ×
/// indicators × draws. The bundled file's 1,000 draws are 1.0 million; at
/// 2,000 zones 1,000 draws would be 54 million, 0.3 s or more in the
/// browser on every weight change (issue 15); 12 million gives them 200.
pub const DRAW_WORK: usize = 12_000_000;

/// The draws the widget makes for `cells` values a year (zones ×
/// indicators): [`DEFAULT_SENSITIVITY`]'s 1,000 when they fit in
/// [`DRAW_WORK`], else as many whole hundreds as fit, at least 100. The
/// stability chart says when they are fewer, and how precise that is
/// ([`percentile_margin`]).
pub fn draws_for(cells: usize) -> usize {
    (DRAW_WORK / cells.max(1) / 100 * 100).clamp(100, DEFAULT_SENSITIVITY.draws)
}

/// How far a 5% (or 95%) nearest-rank percentile of `draws` draws may be
/// from the true one, in percentage points: 1.96 standard errors of a
/// proportion, 1.96 √(0.05 · 0.95 / N) (±1.4 at 1,000 draws, ±3.0 at 200).
pub fn percentile_margin(draws: usize) -> f64 {
    196.0 * (0.05 * 0.95 / draws.max(1) as f64).sqrt()
}

/// The tier a zone's bar and marker show: the most severe it earned (an exit
/// is always also a warning).
pub fn main_tier(tiers: &[Tier]) -> Option<Tier> {
    [Tier::Exit, Tier::Warning, Tier::Reward]
        .into_iter()
        .find(|t| tiers.contains(t))
}

/// The markers a zone gets: every tier it earned, but a warning is implied by
/// an exit and not repeated. In the order reward, warning, exit.
pub fn tier_markers(tiers: &[Tier]) -> Vec<Tier> {
    let exit = tiers.contains(&Tier::Exit);
    [Tier::Reward, Tier::Warning, Tier::Exit]
        .into_iter()
        .filter(|t| tiers.contains(t) && !(exit && *t == Tier::Warning))
        .collect()
}

/// A tier's name: 奖励 / 预警 / 退出.
pub fn tier_label(tier: Option<Tier>, lang: Lang) -> &'static str {
    match tier {
        Some(Tier::Reward) => lang.pick("奖励", "reward"),
        Some(Tier::Warning) => lang.pick("预警", "warning"),
        Some(Tier::Exit) => lang.pick("列入退出", "named for exit"),
        None => lang.pick("无", "no tier"),
    }
}

/// The legend of the tiers, in the order the charts draw it.
pub fn tier_legend(lang: Lang) -> Vec<(Option<Tier>, String)> {
    [
        Some(Tier::Reward),
        Some(Tier::Warning),
        Some(Tier::Exit),
        None,
    ]
    .into_iter()
    .map(|t| (t, tier_label(t, lang).to_string()))
    .collect()
}

/// A zone's verdict in a year: looked up where the rules put it (a row per
/// zone for each year in turn), else searched for.
pub fn verdict(evaluation: &Evaluation, zone: usize, year: i32) -> Option<&VerdictRow> {
    let wanted = |v: &&VerdictRow| v.verdict.zone == zone && v.verdict.year == year;
    let years = evaluation.years.len().max(1);
    let at = evaluation.years.iter().position(|y| y.year == year)?
        * (evaluation.verdicts.len() / years)
        + zone;
    evaluation
        .verdicts
        .get(at)
        .filter(wanted)
        .or_else(|| evaluation.verdicts.iter().find(wanted))
}

/// The reasons of a verdict in words, joined: "奖励：排名第1，位列前3".
pub fn reasons_text(verdict: Option<&VerdictRow>, lang: Lang) -> String {
    verdict
        .map(|v| {
            v.verdict
                .reasons
                .iter()
                .map(|r| crate::analysis::report::reason(r, lang))
                .collect::<Vec<_>>()
                .join(lang.pick("；", "; "))
        })
        .unwrap_or_default()
}

/// "national zones of the Metropolitan area" / "都市圈国家级高新区": who the
/// chart lists under the level and area filters (`area`: the area's name);
/// `None` when it lists every zone.
pub fn level_phrase(level: Option<Level>, area: Option<&str>, lang: Lang) -> Option<String> {
    if level.is_none() && area.is_none() {
        return None;
    }
    let level = level.map_or("", |l| l.label(lang));
    Some(
        match (area, lang) {
            (_, Lang::Zh) => format!("{}{level}高新区", area.unwrap_or("")),
            (None, Lang::En) => format!("{level} zones"),
            (Some(area), Lang::En) => format!("{level} zones of the {area}"),
        }
        .trim_start()
        .to_string(),
    )
}

/// The ids and labels of the normalisations the widget offers.
pub const NORMALISATIONS: &[(&str, &str, &str)] = &[
    ("min_max", "最小-最大标准化", "min-max"),
    ("z_score", "Z分数标准化", "z-scores"),
    ("vector", "向量标准化", "vector normalisation"),
];

/// The ids and labels of the weightings the widget offers.
pub const WEIGHTINGS: &[(&str, &str, &str)] = &[
    ("framework", "指标体系权重", "framework weights"),
    ("dimensions", "自定义维度权重", "your dimension weights"),
    ("equal", "等权重", "equal weights"),
    ("entropy", "熵权", "entropy weights"),
];

/// The ids and labels of the aggregations the widget offers.
pub const AGGREGATIONS: &[(&str, &str, &str)] = &[
    ("arithmetic", "加权求和", "weighted sum"),
    ("geometric", "加权几何平均", "weighted geometric mean"),
    ("topsis", "TOPSIS贴近度", "TOPSIS closeness"),
];

/// The id of a normalisation among [`NORMALISATIONS`] (goalposts and
/// distance to a reference, which need parameters, have their own).
pub fn normalisation_id(normalisation: &Normalisation) -> &'static str {
    match normalisation {
        Normalisation::MinMax => "min_max",
        Normalisation::ZScore => "z_score",
        Normalisation::Vector => "vector",
        Normalisation::Goalposts { .. } => "goalposts",
        Normalisation::DistanceToReference { .. } => "distance_to_reference",
    }
}

pub fn weighting_id(weighting: &EvaluationWeighting) -> &'static str {
    match weighting {
        EvaluationWeighting::Framework => "framework",
        EvaluationWeighting::Dimensions { .. } => "dimensions",
        EvaluationWeighting::Indicators { .. } => "indicators",
        EvaluationWeighting::Equal => "equal",
        EvaluationWeighting::Entropy => "entropy",
    }
}

pub fn aggregation_id(aggregation: &Aggregation) -> &'static str {
    match aggregation {
        Aggregation::Arithmetic => "arithmetic",
        Aggregation::Geometric { .. } => "geometric",
        Aggregation::Topsis => "topsis",
    }
}

fn label_of(table: &[(&str, &'static str, &'static str)], id: &str, lang: Lang) -> String {
    table.iter().find(|(i, _, _)| *i == id).map_or_else(
        || id.to_string(),
        |(_, zh, en)| lang.pick(zh, en).to_string(),
    )
}

/// The method in a few words: "熵权TOPSIS", or "最小-最大标准化、指标体系权重、
/// 加权求和" / "min-max, framework weights, weighted sum".
pub fn method_label(settings: &EvaluationSettings, lang: Lang) -> String {
    let n = normalisation_id(&settings.normalisation);
    let w = weighting_id(&settings.weighting);
    let a = aggregation_id(&settings.aggregation);
    if (n, w, a) == ("min_max", "entropy", "topsis") {
        return lang
            .pick("熵权TOPSIS", "entropy-weighted TOPSIS")
            .to_string();
    }
    let weighting = match w {
        "indicators" => lang
            .pick("自定义指标权重", "your indicator weights")
            .to_string(),
        _ => label_of(WEIGHTINGS, w, lang),
    };
    [
        label_of(NORMALISATIONS, n, lang),
        weighting,
        label_of(AGGREGATIONS, a, lang),
    ]
    .join(lang.pick("、", ", "))
}

/// A method the widget offers by name: a choice of normalisation,
/// weighting and aggregation (ids of [`NORMALISATIONS`], [`WEIGHTINGS`],
/// [`AGGREGATIONS`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Preset {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    /// `(normalisation, weighting, aggregation)`.
    pub methods: (&'static str, &'static str, &'static str),
}

/// The methods the widget's method select offers.
pub const PRESETS: &[Preset] = &[
    Preset {
        id: "framework",
        zh: "指标体系（默认）",
        en: "the framework (default)",
        methods: ("min_max", "framework", "arithmetic"),
    },
    Preset {
        id: "entropy_topsis",
        zh: "熵权TOPSIS",
        en: "entropy-weighted TOPSIS",
        methods: ("min_max", "entropy", "topsis"),
    },
    Preset {
        id: "custom",
        zh: "自定义维度权重",
        en: "your dimension weights",
        methods: ("min_max", "dimensions", "arithmetic"),
    },
];

/// The preset `settings` follow: the one with their normalisation,
/// weighting and aggregation (the reader's own dimension weights are
/// "custom", so the select says so as soon as a slider moves); the first
/// preset when none fits.
pub fn preset_id(settings: &EvaluationSettings) -> &'static str {
    let methods = (
        normalisation_id(&settings.normalisation),
        weighting_id(&settings.weighting),
        aggregation_id(&settings.aggregation),
    );
    PRESETS
        .iter()
        .find(|preset| preset.methods == methods)
        .map_or(PRESETS[0].id, |preset| preset.id)
}

/// Whether the sliders set the weights: under the framework's weights (a
/// move switches to the reader's) and the reader's own. Other weightings
/// (entropy, equal) come from the method, and the sliders only show them.
pub fn sliders_set_weights(settings: &EvaluationSettings) -> bool {
    matches!(
        settings.weighting,
        EvaluationWeighting::Framework | EvaluationWeighting::Dimensions { .. }
    )
}

/// The weights on screen: what the sliders show, one share per dimension
/// ("23%"), and the line under them that says whose weights these are.
/// Entropy weights are computed from the data of the year shown and summed
/// by dimension; the line names the indicators they weigh most.
pub fn weights_shown(
    dataset: &Dataset,
    evaluation: Option<&Evaluation>,
    year: i32,
    lang: Lang,
) -> (Vec<String>, String) {
    let Some(evaluation) = evaluation else {
        let settings = EvaluationSettings::default();
        return (
            weight_shares(&slider_weights(dataset, &settings)),
            String::new(),
        );
    };
    let settings = &evaluation.settings;
    if sliders_set_weights(settings) {
        let line = match (&settings.weighting, lang) {
            (EvaluationWeighting::Framework, _) => lang.pick(
                "权重：指标体系所定。拖动任一滑块即改用自定义维度权重。",
                "Weights: the framework's. Moving a slider switches to your own dimension weights.",
            ),
            _ => lang.pick(
                "权重：您设定的维度权重（按比例换算为百分比）。“恢复默认”恢复指标体系权重。",
                "Weights: yours, per dimension (rescaled to 100%). Reset brings back the framework's.",
            ),
        };
        return (
            weight_shares(&slider_weights(dataset, settings)),
            line.to_string(),
        );
    }
    let Some(applied) = evaluation.year(year) else {
        return (Vec::new(), String::new());
    };
    let shares = applied
        .dimension_weights
        .iter()
        .map(|w| format!("{}%", (100.0 * w).round()))
        .collect();
    let w = &applied.weights;
    let named: Vec<String> = crate::order::sorted_indices(w.len(), &|a, b| w[b].total_cmp(&w[a]))
        .into_iter()
        .take(3)
        .filter_map(|i| {
            let indicator = dataset
                .indicators
                .get(evaluation.indicators.get(i)?.indicator)?;
            Some(format!(
                "{} {}%",
                indicator.name.shown(lang),
                Fixed(100.0 * w[i], 1)
            ))
        })
        .collect();
    let method = label_of(WEIGHTINGS, weighting_id(&settings.weighting), lang);
    let line = match lang {
        Lang::Zh => format!(
            "权重：{method}，由{year}年数据算出，按维度合计显示；滑块此时不可调（选“自定义维度权重”可自行设定）。权重最高的指标：{}。",
            named.join("、")
        ),
        Lang::En => format!(
            "Weights: {method}, computed from {year}'s data and summed by dimension; the sliders are off (choose \"your dimension weights\" to set them). Highest: {}.",
            named.join(", ")
        ),
    };
    (shares, line)
}

/// What each slider's weight is as a share of all of them, as the sliders
/// show it ("25%"); "—" for each when they are all zero.
pub fn weight_shares(weights: &[f64]) -> Vec<String> {
    let total: f64 = weights.iter().filter(|w| w.is_finite()).sum();
    weights
        .iter()
        .map(|w| {
            if total > 0.0 && w.is_finite() {
                format!("{}%", (100.0 * w / total).round())
            } else {
                "—".to_string()
            }
        })
        .collect()
}

/// The dimension weights the sliders show: the reader's when they set them,
/// else the framework's (percent, as the framework gives them).
pub fn slider_weights(dataset: &Dataset, settings: &EvaluationSettings) -> Vec<f64> {
    match &settings.weighting {
        EvaluationWeighting::Dimensions { weights } => weights.clone(),
        _ => dataset
            .framework
            .dimensions
            .iter()
            .map(|d| d.weight)
            .collect(),
    }
}

/// `settings` with the reader's weights, one per framework dimension (any
/// scale: they are renormalised). `Err` says what is wrong in the reader's
/// language: a wrong count, a negative or non-finite weight, all zero.
pub fn with_dimension_weights(
    dataset: &Dataset,
    settings: &EvaluationSettings,
    weights: &[f64],
    lang: Lang,
) -> Result<EvaluationSettings, String> {
    let dimensions = &dataset.framework.dimensions;
    if weights.len() != dimensions.len() {
        let ids: Vec<&str> = dimensions.iter().map(|d| d.id.as_str()).collect();
        return Err(match lang {
            Lang::Zh => format!(
                "给出了{}个权重，但指标体系有{}个维度：请每个维度给一个（{}）",
                weights.len(),
                dimensions.len(),
                ids.join("、")
            ),
            Lang::En => format!(
                "{} weights for {} dimensions: give one per dimension ({})",
                weights.len(),
                dimensions.len(),
                ids.join(", ")
            ),
        });
    }
    if let Some((i, w)) = weights
        .iter()
        .enumerate()
        .find(|(_, w)| !w.is_finite() || **w < 0.0)
    {
        let id = dimensions.get(i).map_or("", |d| d.id.as_str());
        return Err(match lang {
            Lang::Zh => format!("维度{id}的权重{w}无效：权重须为不小于0的数"),
            Lang::En => format!("the weight of {id} is {w}: give a number of 0 or more"),
        });
    }
    if weights.iter().all(|w| *w == 0.0) {
        return Err(lang
            .pick(
                "权重不能全为0：至少给一个维度正的权重",
                "all weights are 0: give at least one dimension a positive weight",
            )
            .to_string());
    }
    Ok(EvaluationSettings {
        weighting: EvaluationWeighting::Dimensions {
            weights: weights.to_vec(),
        },
        ..settings.clone()
    })
}

/// `settings` with the methods chosen by id (see [`NORMALISATIONS`],
/// [`WEIGHTINGS`], [`AGGREGATIONS`]); "dimensions" keeps the reader's
/// weights, or starts from the framework's. `Err` names the unknown id and
/// the known ones.
pub fn with_methods(
    dataset: &Dataset,
    settings: &EvaluationSettings,
    (normalisation, weighting, aggregation): (&str, &str, &str),
    lang: Lang,
) -> Result<EvaluationSettings, String> {
    let unknown = |what: (&str, &str), id: &str, table: &[(&str, &str, &str)]| {
        let known: Vec<&str> = table.iter().map(|(i, _, _)| *i).collect();
        match lang {
            Lang::Zh => format!("未知的{}“{id}”：可选{}", what.0, known.join("、")),
            Lang::En => format!(
                "unknown {} \"{id}\": use one of {}",
                what.1,
                known.join(", ")
            ),
        }
    };
    let normalisation = match normalisation {
        "min_max" => Normalisation::MinMax,
        "z_score" => Normalisation::ZScore,
        "vector" => Normalisation::Vector,
        other => {
            return Err(unknown(
                ("标准化方法", "normalisation"),
                other,
                NORMALISATIONS,
            ))
        }
    };
    let weighting = match weighting {
        "framework" => EvaluationWeighting::Framework,
        "dimensions" => EvaluationWeighting::Dimensions {
            weights: slider_weights(dataset, settings),
        },
        "equal" => EvaluationWeighting::Equal,
        "entropy" => EvaluationWeighting::Entropy,
        other => return Err(unknown(("赋权方法", "weighting"), other, WEIGHTINGS)),
    };
    let aggregation = match aggregation {
        "arithmetic" => Aggregation::Arithmetic,
        "geometric" => Aggregation::Geometric {
            epsilon: crate::metrics::composite::DEFAULT_GEOMETRIC_EPSILON,
        },
        "topsis" => Aggregation::Topsis,
        other => return Err(unknown(("集成方法", "aggregation"), other, AGGREGATIONS)),
    };
    Ok(EvaluationSettings {
        normalisation,
        weighting,
        aggregation,
        ..settings.clone()
    })
}

/// A rank as people say it: "第3名" / "3rd"; "—" when there is none.
pub fn rank_text(rank: Option<usize>, lang: Lang) -> String {
    match (rank, lang) {
        (None, _) => "—".to_string(),
        (Some(r), Lang::Zh) => format!("第{r}名"),
        (Some(r), Lang::En) => ordinal(r),
    }
}

/// 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd".
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A rank change: "上升4位" / "up 4"; "持平" / "unchanged"; "—" with no
/// previous year.
pub fn change_text(change: Option<i64>, lang: Lang) -> String {
    match (change, lang) {
        (None, _) => "—".to_string(),
        (Some(0), _) => lang.pick("持平", "unchanged").to_string(),
        (Some(c), Lang::Zh) if c > 0 => format!("上升{c}位"),
        (Some(c), Lang::Zh) => format!("下降{}位", -c),
        (Some(c), Lang::En) if c > 0 => format!("up {c}"),
        (Some(c), Lang::En) => format!("down {}", -c),
    }
}

/// A score with one decimal: "92.6"; the missing text when there is none.
pub fn score_text(score: Option<f64>, lang: Lang) -> String {
    score.map_or_else(
        || lang.pick("未评分", "not scored").to_string(),
        |s| Fixed(s, 1).to_string(),
    )
}

#[cfg(test)]
mod tests;
