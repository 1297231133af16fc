//! The overview: the report's claims, each with the figure computed from the
//! data, whether the data support it, and the chart that shows it.
//!
//! A claim is *supported* when every check holds, *not supported* when one
//! fails, and *contradictory* when the file marks it as disagreeing with
//! another claim (C8 against C9): both are shown as stated, side by side, and
//! the widget says they disagree rather than picking one.

use serde::Serialize;

use crate::claims::{CheckResult, ClaimResult};
use crate::format;
use crate::i18n::Lang;
use crate::model::{Check, Dataset, Op};

use super::ChartId;

/// What the data say of one claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Supported,
    NotSupported,
    Contradictory,
}

impl Verdict {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Verdict::Supported => lang.pick("数据支持", "supported"),
            Verdict::NotSupported => lang.pick("数据不支持", "not supported"),
            Verdict::Contradictory => lang.pick("报告前后矛盾", "contradictory"),
        }
    }
}

/// One claim as the overview lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimRow {
    pub id: String,
    pub text: String,
    pub verdict: Verdict,
    pub verdict_label: &'static str,
    /// One line per check: what was computed, the figure, the comparison.
    pub checks: Vec<String>,
    /// Notes of the checks (a variant total used, values left out).
    pub notes: Vec<String>,
    /// Ids of the claims this one contradicts.
    pub contradicts: Vec<String>,
    /// The chart that shows the claim, when the widget has it.
    pub chart: Option<&'static str>,
}

/// A figure of the report shown as a number rather than a chart (claims whose
/// chart is `headline`): the figure computed from the data, with the claim's
/// words and verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeadlineFigure {
    pub claim_id: String,
    /// The first check's figure, with its unit: "17,386.4 亿元".
    pub value: String,
    /// What the figure is: the first check's description.
    pub label: String,
    pub verdict: Verdict,
    pub verdict_label: &'static str,
}

/// The overview of a dataset's claims.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overview {
    pub heading: &'static str,
    /// The claims shown as figures (chart `headline`), in file order.
    pub headline: Vec<HeadlineFigure>,
    pub claims: Vec<ClaimRow>,
    /// "17 of 19 claims supported; 2 contradict each other."
    pub tally: String,
}

impl Overview {
    pub fn build(dataset: &Dataset, results: &[ClaimResult], lang: Lang) -> Overview {
        let claims: Vec<ClaimRow> = dataset
            .claims
            .iter()
            .zip(results)
            .map(|(claim, result)| ClaimRow {
                id: result.id.clone(),
                text: result.text.get(lang).to_string(),
                verdict: verdict(result),
                verdict_label: verdict(result).label(lang),
                checks: claim
                    .checks
                    .iter()
                    .zip(&result.checks)
                    .map(|(check, outcome)| check_line(dataset, check, outcome, lang))
                    .collect(),
                notes: result
                    .checks
                    .iter()
                    .filter_map(|c| c.note.as_ref().map(|n| n.get(lang).to_string()))
                    .collect(),
                contradicts: result.contradicts.clone(),
                chart: ChartId::parse(&claim.chart).map(ChartId::as_str),
            })
            .collect();
        let count = |v: Verdict| claims.iter().filter(|c| c.verdict == v).count();
        let (supported, contradictory) = (count(Verdict::Supported), count(Verdict::Contradictory));
        let not_supported = count(Verdict::NotSupported);
        let tally = match lang {
            Lang::Zh => format!(
                "报告的{}项说法中，{supported}项得到数据支持，{not_supported}项不被支持，\
                 {contradictory}项彼此矛盾。",
                claims.len()
            ),
            Lang::En => format!(
                "Of the report's {} claims, the data support {supported}, do not support \
                 {not_supported}, and {contradictory} contradict each other.",
                claims.len()
            ),
        };
        let headline = dataset
            .claims
            .iter()
            .zip(results)
            .filter(|(claim, _)| claim.chart == HEADLINE)
            .filter_map(|(claim, result)| {
                let (check, outcome) = claim.checks.first().zip(result.checks.first())?;
                let value = outcome.computed.map_or_else(
                    || lang.pick("缺少数据", "no data").to_string(),
                    |v| figure_text(dataset, check, v, lang),
                );
                Some(HeadlineFigure {
                    claim_id: result.id.clone(),
                    value,
                    label: outcome.what.get(lang).to_string(),
                    verdict: verdict(result),
                    verdict_label: verdict(result).label(lang),
                })
            })
            .collect();
        Overview {
            heading: lang.pick(
                "报告的说法与数据核对",
                "The report's claims, checked against the data",
            ),
            headline,
            claims,
            tally,
        }
    }
}

fn verdict(result: &ClaimResult) -> Verdict {
    if result.is_contradictory() {
        Verdict::Contradictory
    } else if result.holds {
        Verdict::Supported
    } else {
        Verdict::NotSupported
    }
}

/// The chart id of claims shown as figures in the overview.
const HEADLINE: &str = "headline";

/// A check's figure as people read it: a share as a percentage, an amount
/// with its unit.
fn figure_text(dataset: &Dataset, check: &Check, value: f64, lang: Lang) -> String {
    match check {
        Check::Share { .. } | Check::SimilarPairs { .. } => share_text(value),
        Check::Gini { .. } => format!("{value:.3}"),
        Check::Sum { indicator, .. } | Check::MeanVsReference { indicator, .. } => {
            let unit = dataset.unit_label(*indicator, lang);
            format!("{} {unit}", number_text(value))
                .trim_end()
                .to_string()
        }
        _ => number_text(value),
    }
}

/// "地区生产总值合计（2022年，全部高新区）：17,386.4 亿元 > 17,300 ✓"
fn check_line(dataset: &Dataset, check: &Check, outcome: &CheckResult, lang: Lang) -> String {
    let figure = |value: f64| figure_text(dataset, check, value, lang);
    let computed = outcome
        .computed
        .map_or_else(|| lang.pick("缺少数据", "no data").to_string(), figure);
    let stated = outcome.stated.map_or_else(String::new, figure);
    let mark = if outcome.holds { "✓" } else { "✗" };
    let op = match outcome.op {
        Op::Approx(_) => "≈",
        op => op.symbol(),
    };
    let what = outcome.what.get(lang);
    match lang {
        Lang::Zh => format!("{what}：{computed} {op} {stated} {mark}"),
        Lang::En => format!("{what}: {computed} {op} {stated} {mark}"),
    }
}

fn share_text(share: f64) -> String {
    let percent = share * 100.0;
    if (percent - percent.round()).abs() < 1e-9 {
        format::percent(share, 0)
    } else {
        format::percent(share, 1)
    }
}

fn number_text(value: f64) -> String {
    if (value - value.round()).abs() < 1e-9 {
        format::grouped(value, 0)
    } else if value.abs() < 10.0 {
        format::grouped(value, 3)
    } else {
        format::grouped(value, 1)
    }
}

#[cfg(test)]
mod tests;
