//! Integration (整合、托管, 一区多园): a national zone takes over a
//! region-level zone, and the two are evaluated as one.
//!
//! The partners offered for a national zone come from the data: the
//! region-level zones in the same metro area ("adjacent"), listed from the
//! most similar industry mix (cosine similarity of output by industry, the
//! specialisation tab's measure: "complementary" in the report's sense of
//! one chain in several parks). The combined zone's values per indicator
//! and year ([`combination`]): amounts and counts add up; a share or ratio
//! is the mean of the two weighted by its denominator (employees for a
//! share of employees or a figure per employee, revenue for R&D intensity,
//! value added for energy and water per value added), which equals the sum
//! of the numerators over the sum of the denominators; a share or ratio
//! whose denominator the data lack is left missing, never guessed. The
//! combined zone replaces the national zone, the partner leaves the
//! ranking, and the evaluation and the imbalance measures are computed
//! again. docs/METRICS.md, "Integration", works a case by hand.
//!
//! Main types: [`Partner`], [`Combination`], [`Integration`].

use serde::Serialize;

use super::evaluation::{evaluate, EvaluationSettings};
use super::{resolve_year, zone_id, AnalysisError, Id};
use crate::metrics::inequality::{gini, theil_t};
use crate::metrics::shares::present;
use crate::metrics::similarity::cosine;
use crate::model::{Column, Dataset, Level, Status, ValueKind};

/// A region-level zone a national zone could take over.
///
/// JSON: `{"zone", "zone_id", "metro_area", "similarity"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Partner {
    pub zone: usize,
    pub zone_id: Id,
    /// Index into the dataset's metro areas: the one both zones are in.
    pub metro_area: usize,
    /// Cosine similarity of the two zones' industry mixes; `None` when
    /// either lacks one.
    pub similarity: Option<f64>,
}

/// The region-level zones in `national`'s metro area, most similar industry
/// mix first (those without a similarity last, then in zone order), less the
/// zones in `out` (named for exit: [`out_of_ranking`]). Empty for a zone that
/// is not national or is in no metro area.
pub fn partners(dataset: &Dataset, national: usize, out: &[usize]) -> Vec<Partner> {
    let Some(zone) = dataset.zones.get(national) else {
        return Vec::new();
    };
    let Some(area) = zone.metro_area.filter(|_| zone.level == Level::National) else {
        return Vec::new();
    };
    let mix = |z: &crate::model::Zone| z.industry_mix.as_ref().map(|m| m.values.clone());
    let mut found: Vec<Partner> = dataset
        .zones
        .iter()
        .enumerate()
        .filter(|(i, z)| {
            z.level == Level::Regional && z.metro_area == Some(area) && !out.contains(i)
        })
        .map(|(i, z)| Partner {
            zone: i,
            zone_id: zone_id(dataset, i),
            metro_area: area,
            similarity: match (mix(zone), mix(z)) {
                (Some(a), Some(b)) => cosine(&a, &b),
                _ => None,
            },
        })
        .collect();
    let key = |p: &Partner| p.similarity.unwrap_or(f64::NEG_INFINITY);
    crate::order::sort_by(&mut found, |a: &Partner, b: &Partner| {
        key(b).total_cmp(&key(a))
    });
    found
}

/// The zones out of `year`'s ranking of `evaluation` because they were named
/// for exit in an earlier year: no longer partners to take over.
pub fn out_of_ranking(evaluation: &super::evaluation::Evaluation, year: i32) -> Vec<usize> {
    evaluation.year(year).map_or_else(Vec::new, |y| {
        y.zones
            .iter()
            .filter(|z| z.exited_in.is_some())
            .map(|z| z.zone)
            .collect()
    })
}

/// How an indicator's values of two zones combine into one.
///
/// JSON: `"sum"`, `{"weighted_by": "employees"}`, `"unknown"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Combination {
    /// Amounts and counts: a + b.
    Sum,
    /// A share or ratio: (a·d_a + b·d_b) / (d_a + d_b), d the indicator
    /// named (its denominator) in the same year.
    WeightedBy(String),
    /// A share or ratio whose denominator is not known: left missing.
    Unknown,
}

/// The denominator of each share and ratio of the national evaluation
/// system, by indicator id (the indicators' descriptions say what they
/// divide by).
pub const DENOMINATORS: [(&str, &str); 8] = [
    ("bachelor_share", "employees"),
    ("rd_staff_share", "employees"),
    ("college_staff_share", "employees"),
    ("invention_patents_per_10k", "employees"),
    ("tech_contract_per_employee", "employees"),
    ("rd_intensity", "revenue"),
    ("energy_per_va", "gdp"),
    ("water_per_va", "gdp"),
];

/// How indicator `indicator` (index) combines: [`Combination`].
pub fn combination(dataset: &Dataset, indicator: usize) -> Combination {
    let Some(spec) = dataset.indicators.get(indicator) else {
        return Combination::Unknown;
    };
    match spec.kind {
        ValueKind::Amount | ValueKind::Count => Combination::Sum,
        _ => DENOMINATORS
            .iter()
            .find(|(id, by)| *id == spec.id && dataset.indicator_index(by).is_some())
            .map_or(Combination::Unknown, |(_, by)| {
                Combination::WeightedBy((*by).to_string())
            }),
    }
}

/// Two zones' values combined: a + b, or their mean weighted by the
/// denominators `weights`. `None` when a value or a needed weight is
/// missing, or the weights sum to 0.
pub fn combine(
    how: &Combination,
    (a, b): (Option<f64>, Option<f64>),
    weights: (Option<f64>, Option<f64>),
) -> Option<f64> {
    let (a, b) = (a?, b?);
    match how {
        Combination::Sum => Some(a + b),
        Combination::WeightedBy(_) => {
            let (da, db) = (weights.0?, weights.1?);
            (da + db > 0.0).then(|| (a * da + b * db) / (da + db))
        }
        Combination::Unknown => None,
    }
}

/// The columns with `partner` merged into `national`: every indicator's
/// value of the national zone in every year is the combined one (status
/// illustrative if either value is, else derived), the partner's values
/// are missing (out of every ranking and measure). `columns[indicator]
/// [year index]` as in [`Dataset::columns`].
pub fn integrated(
    dataset: &Dataset,
    national: usize,
    partner: usize,
) -> Result<Vec<Vec<Column>>, AnalysisError> {
    check_pair(dataset, national, partner)?;
    let mut merged = dataset.columns.clone();
    for (i, by_year) in merged.iter_mut().enumerate() {
        let how = combination(dataset, i);
        let by = match &how {
            Combination::WeightedBy(id) => dataset.indicator_index(id),
            _ => None,
        };
        for (t, column) in by_year.iter_mut().enumerate() {
            let value = |z: usize| column.values.get(z).copied().flatten();
            let weight = |z: usize| {
                by.and_then(|d| {
                    dataset
                        .columns
                        .get(d)?
                        .get(t)?
                        .values
                        .get(z)
                        .copied()
                        .flatten()
                })
            };
            let combined = combine(
                &how,
                (value(national), value(partner)),
                (weight(national), weight(partner)),
            );
            let status = |z: usize| column.status.get(z).copied().flatten();
            let illustrative =
                [status(national), status(partner)].contains(&Some(Status::Illustrative));
            let status = if illustrative {
                Status::Illustrative
            } else {
                Status::Derived
            };
            for (zone, value) in [(national, combined), (partner, None)] {
                if let (Some(v), Some(s)) =
                    (column.values.get_mut(zone), column.status.get_mut(zone))
                {
                    *v = value;
                    *s = value.map(|_| status);
                }
            }
        }
    }
    Ok(merged)
}

fn check_pair(dataset: &Dataset, national: usize, partner: usize) -> Result<(), AnalysisError> {
    let level = |z: usize| dataset.zones.get(z).map(|zone| zone.level);
    if level(national) != Some(Level::National) {
        return Err(AnalysisError::settings(format!(
            "zone {} is not a national zone: integration takes a national zone and a region-level one",
            zone_id(dataset, national)
        )));
    }
    if !partners(dataset, national, &[])
        .iter()
        .any(|p| p.zone == partner)
    {
        return Err(AnalysisError::settings(format!(
            "zone {} is not a region-level zone in the metro area of {}: choose one of {}",
            zone_id(dataset, partner),
            zone_id(dataset, national),
            partners(dataset, national, &[])
                .iter()
                .map(|p| p.zone_id.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    Ok(())
}

/// One indicator of the combined zone in the year.
///
/// JSON: `{"indicator", "national", "partner", "combined", "how"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CombinedValue {
    /// Index into the dataset's indicators.
    pub indicator: usize,
    pub national: Option<f64>,
    pub partner: Option<f64>,
    pub combined: Option<f64>,
    pub how: Combination,
}

/// A zone whose rank the integration changes.
///
/// JSON: `{"zone", "zone_id", "before", "after"}`; `after` null for the
/// partner, now part of the national zone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankMove {
    pub zone: usize,
    pub zone_id: Id,
    pub before: Option<usize>,
    pub after: Option<usize>,
}

/// An inequality measure before and after.
///
/// JSON: `{"before", "after"}`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Change {
    pub before: Option<f64>,
    pub after: Option<f64>,
}

/// The integration of `partner` into `national`, evaluated in one year.
///
/// JSON: `{"national", "national_id", "partner": Partner, "year",
/// "values": [CombinedValue], "score": Change, "rank_before",
/// "partner_rank_before", "rank_after", "ranked_before", "ranked_after",
/// "moves": [RankMove], "indicator", "gini": Change, "theil_t": Change}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Integration {
    pub national: usize,
    pub national_id: Id,
    pub partner: Partner,
    pub year: i32,
    /// Every indicator, dataset order.
    pub values: Vec<CombinedValue>,
    /// The national zone's score before, the combined zone's after (0–100).
    pub score: Change,
    pub rank_before: Option<usize>,
    pub partner_rank_before: Option<usize>,
    pub rank_after: Option<usize>,
    /// Zones ranked in the year, before and after.
    pub ranked_before: usize,
    pub ranked_after: usize,
    /// Every zone whose rank changed (the two merged ones included), zone
    /// order.
    pub moves: Vec<RankMove>,
    /// The indicator the Gini and Theil are of (index).
    pub indicator: usize,
    /// Over the zones with a value (the imbalance tab's Gini).
    pub gini: Change,
    /// Theil T over the same zones.
    pub theil_t: Change,
}

/// Integrates `partner` into `national` and evaluates both worlds with
/// `settings` in `year` (`None`: the latest); the Gini and Theil T are of
/// indicator `indicator` (index), over the zones with a value. The
/// combined columns are swapped into `dataset` for the evaluation and
/// swapped back before returning: the dataset is as it was (a copy of the
/// whole dataset would cost the widget's wasm its clone code).
pub fn integrate(
    dataset: &mut Dataset,
    settings: &EvaluationSettings,
    (national, partner): (usize, usize),
    year: Option<i32>,
    indicator: usize,
) -> Result<Integration, AnalysisError> {
    let year = resolve_year(dataset, year)?;
    let t = dataset
        .year_index(year)
        .ok_or_else(|| AnalysisError::settings(format!("no year {year}")))?;
    let mut merged = integrated(dataset, national, partner)?;
    let before = evaluate(dataset, settings)?;
    let value = |d: &Dataset, i: usize, z: usize| {
        d.columns.get(i)?.get(t)?.values.get(z).copied().flatten()
    };
    let inequality = |d: &Dataset| {
        let (_, values) = present(
            d.columns
                .get(indicator)
                .and_then(|c| c.get(t))
                .map_or(&[][..], |c| &c.values),
        );
        (gini(&values), theil_t(&values))
    };
    let was_unequal = inequality(dataset);
    std::mem::swap(&mut dataset.columns, &mut merged);
    let after = evaluate(dataset, settings);
    let now_unequal = inequality(dataset);
    let combined: Vec<Option<f64>> = (0..dataset.indicators.len())
        .map(|i| value(dataset, i, national))
        .collect();
    std::mem::swap(&mut dataset.columns, &mut merged);
    let after = after?;
    let (Some(before_year), Some(after_year)) = (before.year(year), after.year(year)) else {
        return Err(AnalysisError::settings(format!("no evaluation in {year}")));
    };
    let ranks = |y: &super::evaluation::YearEvaluation| -> Vec<Option<usize>> {
        y.zones.iter().map(|z| z.rank).collect()
    };
    let (was, now) = (ranks(before_year), ranks(after_year));
    let moves = (0..was.len())
        .filter(|&z| was[z] != now.get(z).copied().flatten())
        .map(|z| RankMove {
            zone: z,
            zone_id: zone_id(dataset, z),
            before: was[z],
            after: now.get(z).copied().flatten(),
        })
        .collect();
    let values = combined
        .into_iter()
        .enumerate()
        .map(|(i, combined)| CombinedValue {
            indicator: i,
            national: value(dataset, i, national),
            partner: value(dataset, i, partner),
            combined,
            how: combination(dataset, i),
        })
        .collect();
    let score = |y: &super::evaluation::YearEvaluation| y.zones.get(national).and_then(|z| z.score);
    let out = out_of_ranking(&before, year);
    let partner_info = partners(dataset, national, &out)
        .into_iter()
        .find(|p| p.zone == partner)
        .ok_or_else(|| {
            AnalysisError::settings(format!(
                "zone {} was named for exit before {year} and is no longer ranked: choose another partner",
                zone_id(dataset, partner)
            ))
        })?;
    Ok(Integration {
        national,
        national_id: zone_id(dataset, national),
        partner: partner_info,
        year,
        values,
        score: Change {
            before: score(before_year),
            after: score(after_year),
        },
        rank_before: was.get(national).copied().flatten(),
        partner_rank_before: was.get(partner).copied().flatten(),
        rank_after: now.get(national).copied().flatten(),
        ranked_before: was.iter().flatten().count(),
        ranked_after: now.iter().flatten().count(),
        moves,
        indicator,
        gini: Change {
            before: was_unequal.0,
            after: now_unequal.0,
        },
        theil_t: Change {
            before: was_unequal.1,
            after: now_unequal.1,
        },
    })
}

#[cfg(test)]
mod tests;
