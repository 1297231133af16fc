//! The overview: the report's claims, each with the figure computed from the
//! data, what it was checked against, and the chart that shows it.
//!
//! A claim *holds* when every check holds, *fails* when one fails, and is
//! *contradictory* when the file marks it as disagreeing with another claim
//! (C8 against C9): both are shown as stated, side by side, without a ✓ or ✗,
//! and the widget says they disagree rather than picking one. The badge's
//! words come from the claim's [`Basis`], the weakest status of the values
//! its checks used: "supported by the data" only when all are reported;
//! "consistent with the illustrative data" when one was made up to match.

use serde::Serialize;

use crate::claims::{Basis, CheckResult, ClaimResult};
use crate::format::{self, Fixed};
use crate::i18n::Lang;
use crate::model::{Check, Dataset, Op, ValueKind};

use super::figures::YI_YUAN;
use super::ChartId;

/// What the data say of one claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Holds on values all reported.
    Supported,
    /// Fails on values all reported.
    NotSupported,
    /// Holds on values not all reported (illustrative, derived, unstated) or
    /// on the zones in the data: drawn without the colour of "supported".
    Consistent,
    /// Fails on values not all reported.
    AtOdds,
    Contradictory,
}

/// The badge: what the check found, against what. Only values all reported
/// "support" a claim; otherwise the badge names what the values are.
pub fn badge(verdict: Verdict, basis: Basis, lang: Lang) -> String {
    let holds = match verdict {
        Verdict::Contradictory => return lang.pick("报告前后矛盾", "contradictory").into(),
        Verdict::Supported | Verdict::Consistent => true,
        Verdict::NotSupported | Verdict::AtOdds => false,
    };
    let (zh, en) = match basis {
        Basis::Reported => {
            return if holds {
                lang.pick("数据支持", "supported by the data")
            } else {
                lang.pick("数据不支持", "not supported by the data")
            }
            .into()
        }
        Basis::Restated => ("报告自述的数字", "the report's own figure"),
        Basis::Derived => ("推算数据", "the derived data"),
        Basis::Illustrative => ("示意数据", "the illustrative data"),
        Basis::Unstated => ("未注明状态的数据", "data of unstated status"),
        Basis::ZoneList => ("数据所列园区", "the zones in the data"),
    };
    match (lang, holds) {
        (Lang::Zh, true) => format!("与{zh}一致"),
        (Lang::Zh, false) => format!("与{zh}不符"),
        (Lang::En, true) => format!("consistent with {en}"),
        (Lang::En, false) => format!("at odds with {en}"),
    }
}

/// What was checked against what, and the statuses of the values used:
/// "Checked: figures computed from the values in the data against the report's.
/// Values used: 36 illustrative, 1 derived."
fn basis_line(result: &ClaimResult, lang: Lang) -> String {
    let used = result.used();
    let counts: Vec<String> = [
        (used.reported, "公布", "reported"),
        (used.restated, "报告自述", "restated from the report"),
        (used.derived, "推算", "derived"),
        (used.illustrative, "示意", "illustrative"),
        (used.unstated, "未注明状态", "of unstated status"),
    ]
    .iter()
    .filter(|(n, ..)| *n > 0)
    .map(|(n, zh, en)| {
        let n = format::grouped(*n as f64, 0);
        match lang {
            Lang::Zh => format!("{zh} {n} 项"),
            Lang::En => format!("{n} {en}"),
        }
    })
    .collect();
    // Agreeing with made-up values confirms nothing (whether or not they
    // were made to match the report: a generated national file's were
    // not); a claim that fails needs no such word.
    let caveat = match used.basis() {
        _ if !result.holds => "",
        Basis::Illustrative => lang.pick(
            "示意数值不是官方统计，与之一致不等于独立印证。",
            " Illustrative values are not official statistics: agreeing with them is no independent confirmation.",
        ),
        Basis::Restated => lang.pick(
            "一致不等于独立印证。",
            " Agreeing with it is no independent confirmation.",
        ),
        _ => "",
    };
    match lang {
        // Nothing computed: the file's copy of the report's figure.
        Lang::Zh if used.basis() == Basis::Restated => {
            format!("核对：数据文件照录的报告数字，对照报告所述。{caveat}")
        }
        Lang::En if used.basis() == Basis::Restated => format!(
            "Checked: the report's own figure, as the file restates it, against the claim.{caveat}"
        ),
        Lang::Zh if counts.is_empty() => "核对：数据所列园区的数目，对照报告所述。".into(),
        Lang::En if counts.is_empty() => {
            "Checked: counts of the zones in the data against the report's figures.".into()
        }
        Lang::Zh => format!(
            "核对：由数据中的数值算出的数字，对照报告所述。所用数值：{}。{caveat}",
            counts.join("，")
        ),
        Lang::En => format!(
            "Checked: figures computed from the values in the data against the report's. Values used: {}.{caveat}",
            counts.join(", ")
        ),
    }
}

/// One claim as the overview lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimRow {
    pub id: String,
    pub text: String,
    pub verdict: Verdict,
    /// The badge: "与示意数据一致" / "consistent with the illustrative data".
    pub verdict_label: String,
    /// What was checked against what, with the statuses of the values used.
    pub basis: String,
    /// The readings and thresholds that are ours, not the report's, and why.
    pub ours: Option<String>,
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
    pub verdict_label: String,
}

/// The overview of a dataset's claims.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overview {
    pub heading: &'static str,
    /// The claims shown as figures (chart `headline`), in file order.
    pub headline: Vec<HeadlineFigure>,
    pub claims: Vec<ClaimRow>,
    /// "The report's 19 claims: 15 consistent with the illustrative data, …"
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
                verdict_label: label(result, lang),
                basis: basis_line(result, lang),
                ours: result.ours.as_ref().map(|o| {
                    let head =
                        lang.pick("本项目所定标准（报告未给出）：", "Ours, not the report's: ");
                    format!("{head}{}", o.get(lang))
                }),
                checks: claim
                    .checks
                    .iter()
                    .zip(&result.checks)
                    .map(|(check, outcome)| {
                        check_line(dataset, check, outcome, !result.is_contradictory(), lang)
                    })
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
        // Each badge with its count, in the order badges first appear.
        let mut badges: Vec<(&str, usize)> = Vec::new();
        for c in &claims {
            match badges.iter_mut().find(|(b, _)| *b == c.verdict_label) {
                Some((_, n)) => *n += 1,
                None => badges.push((&c.verdict_label, 1)),
            }
        }
        let parts: Vec<String> = badges
            .iter()
            .map(|(b, n)| match lang {
                Lang::Zh => format!("{b} {n} 项"),
                Lang::En => format!("{n} {b}"),
            })
            .collect();
        let tally = match lang {
            Lang::Zh => format!("报告的{}项说法：{}。", claims.len(), parts.join("，")),
            Lang::En => format!(
                "The report's {} claims: {}.",
                claims.len(),
                parts.join(", ")
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
                    verdict_label: label(result, lang),
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

pub fn verdict(result: &ClaimResult) -> Verdict {
    let reported = result.used().basis() == Basis::Reported;
    match (result.is_contradictory(), result.holds, reported) {
        (true, ..) => Verdict::Contradictory,
        (_, true, true) => Verdict::Supported,
        (_, true, false) => Verdict::Consistent,
        (_, false, true) => Verdict::NotSupported,
        (_, false, false) => Verdict::AtOdds,
    }
}

/// A claim's badge: its verdict, against what its values are.
pub fn label(result: &ClaimResult, lang: Lang) -> String {
    badge(verdict(result), result.used().basis(), lang)
}

/// The chart id of claims shown as figures in the overview.
const HEADLINE: &str = "headline";

/// A check's figure as people read it: a share as a percentage, an amount
/// with its unit.
fn figure_text(dataset: &Dataset, check: &Check, value: f64, lang: Lang) -> String {
    match check {
        Check::Share { .. } | Check::SimilarPairs { .. } => share_text(value),
        // A mean of shares (C14's college-educated staff) as a percentage,
        // as the other lines write shares: not "0.386 share (0–1)". (Not a
        // sum of shares: that is no share.)
        Check::MeanVsReference { indicator, .. }
            if dataset.indicators.get(*indicator).map(|d| d.kind) == Some(ValueKind::Share) =>
        {
            share_text(value)
        }
        Check::Gini { .. } => Fixed(value, 3).to_string(),
        // 亿元 in English as billions: "CNY 1,738.6 billion", not
        // "17,386.4 CNY 100 million" (the stated figure alike, so that the
        // two compare digit for digit).
        Check::Sum { indicator, .. } | Check::MeanVsReference { indicator, .. }
            if lang == Lang::En && dataset.unit_id(*indicator) == Some(YI_YUAN) =>
        {
            format!("CNY {} billion", number_text(value / 10.0))
        }
        Check::Sum { indicator, .. } | Check::MeanVsReference { indicator, .. } => {
            let unit = super::figures::unit_label(dataset, *indicator, lang);
            format!("{} {unit}", number_text(value))
                .trim_end()
                .to_string()
        }
        // A place in a ranking as a place: "4th" / "第4位".
        Check::Context { figure, .. }
            if dataset
                .context
                .get(*figure)
                .and_then(|f| dataset.meta.units.get(f.unit))
                .is_some_and(|u| u.id == "place")
                && value >= 1.0
                && value.fract() == 0.0 =>
        {
            match lang {
                Lang::Zh => format!("第{value}位"),
                Lang::En => super::figures::ordinal(value as usize),
            }
        }
        _ => number_text(value),
    }
}

/// "地区生产总值合计（2022年，全部高新区）：17,386.4 亿元 > 17,300 ✓"; no
/// ✓ or ✗ (`marked` false) in a claim that contradicts another.
fn check_line(
    dataset: &Dataset,
    check: &Check,
    outcome: &CheckResult,
    marked: bool,
    lang: Lang,
) -> String {
    let figure = |value: f64| figure_text(dataset, check, value, lang);
    let computed = outcome
        .computed
        .map_or_else(|| lang.pick("缺少数据", "no data").to_string(), figure);
    let stated = outcome.stated.map_or_else(String::new, figure);
    let mark = match (marked, outcome.holds) {
        (false, _) => "",
        (true, true) => " ✓",
        (true, false) => " ✗",
    };
    let what = outcome.what.get(lang);
    // A share over the whole fails for that, not for its comparison:
    // "1,780.7% > 32% ✗" read as if "> 32%" were what failed (a tester).
    // Its line says the reason instead (the note says what it means).
    if matches!(check, Check::Share { .. })
        && outcome
            .computed
            .is_some_and(|c| crate::model::exceeds_whole(c, 1.0))
    {
        return match lang {
            Lang::Zh => format!("{what}：{computed}（各园区合计超过总量）{mark}"),
            Lang::En => {
                format!("{what}: {computed} (the zones add up to more than the total){mark}")
            }
        };
    }
    // A check that fails says what is ("660 ≠ 12 ✗"), not what the report
    // claims ("660 = 12 ✗" read aloud as "equals": a tester).
    // (Unmarked too: a contradictory claim's line carries no ✗, and must
    // not read "112.0% ≈ 50%" where they differ: a review.)
    let failed = (outcome.computed)
        .zip(outcome.stated)
        .is_some_and(|(computed, stated)| !outcome.op.holds(computed, stated));
    let op = match (outcome.op, failed) {
        (Op::Gt, false) | (Op::Le, true) => ">",
        (Op::Ge, false) | (Op::Lt, true) => "≥",
        (Op::Lt, false) | (Op::Ge, true) => "<",
        (Op::Le, false) | (Op::Gt, true) => "≤",
        (Op::Eq, false) => "=",
        (Op::Eq, true) => "≠",
        (Op::Approx(_), false) => "≈",
        (Op::Approx(_), true) => "≉",
    };
    match lang {
        Lang::Zh => format!("{what}：{computed} {op} {stated}{mark}"),
        Lang::En => format!("{what}: {computed} {op} {stated}{mark}"),
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
    format::figure(value)
}

#[cfg(test)]
mod tests;
