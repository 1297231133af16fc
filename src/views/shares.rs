//! The view behind the `shares` chart, "shares against land" (claims C5–C10): the zones'
//! share of the region's land beside their shares of its output, with every
//! share the report states.
//!
//! The rows come from the dataset's claims: every `share` check of a claim
//! drawn on the `shares` chart names a measure; land comes first, the rest in
//! the order the claims give. The bar is the share computed from the data
//! against the region's default total; each figure the report states for that
//! year is a diamond. Claims the file marks as contradicting each other (C8:
//! 50% against C9: 56%) are both drawn and the row says so in words.

use crate::format::{in_sentence, percent};
use crate::i18n::Lang;
use crate::metrics::shares::share_of_total;
use crate::model::{Check, Dataset, Measure, Op};

use super::{headings, Context, Rows, Table};

/// The chart id claims use for this chart.
pub const CHART: &str = "shares";

/// Everything the `shares` chart shows, strings already in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct SharesView {
    pub lang: Lang,
    pub year: i32,
    pub title: String,
    /// Legend entries: the computed bar, the stated diamond, the land baseline.
    pub legend_computed: String,
    pub legend_stated: String,
    pub legend_baseline: String,
    /// The land row comes first; the baseline is drawn at its share.
    pub rows: Vec<ShareRow>,
    /// The chart's accessible description: what it shows and the claims it backs.
    pub summary: String,
}

/// One quantity: the zones' share of the region's total.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareRow {
    pub label: String,
    /// Computed from the data; `None` when a total or every value is missing.
    pub share: Option<f64>,
    /// What the report states for this share in the view's year.
    pub stated: Vec<StatedShare>,
    /// The line under the bar: the stated figures and, where they disagree, a
    /// warning in words.
    pub note: String,
    /// The report states figures for this share that disagree (C8 vs C9).
    pub disagreement: bool,
    /// Shown instead of a bar when `share` is `None`.
    pub missing_text: String,
}

/// A share as the report states it, with the comparison it makes ("over 32%").
#[derive(Debug, Clone, PartialEq)]
pub struct StatedShare {
    pub claim_id: String,
    pub op: Op,
    pub value: f64,
    /// Ids of the claims this one disagrees with.
    pub contradicts: Vec<String>,
}

impl SharesView {
    /// Builds the view for `year` from the dataset and its evaluated claims.
    pub fn build(context: &Context) -> SharesView {
        let (dataset, claims, year, lang) = (
            context.dataset,
            context.claims(),
            context.state.year,
            context.state.lang,
        );
        let mut measures = vec![Measure::Land];
        let mut stated: Vec<(Measure, StatedShare)> = Vec::new();
        for (claim, result) in dataset.claims.iter().zip(claims) {
            if claim.chart != CHART {
                continue;
            }
            for check in &claim.checks {
                let Check::Share {
                    measure,
                    year: check_year,
                    op,
                    value,
                    ..
                } = check
                else {
                    continue;
                };
                if !measures.contains(measure) {
                    measures.push(*measure);
                }
                if *check_year == year {
                    let share = StatedShare {
                        claim_id: claim.id.clone(),
                        op: *op,
                        value: *value,
                        contradicts: result.contradicts.clone(),
                    };
                    stated.push((*measure, share));
                }
            }
        }

        let rows: Vec<ShareRow> = measures
            .iter()
            .map(|measure| {
                let stated: Vec<StatedShare> = stated
                    .iter()
                    .filter(|(m, _)| m == measure)
                    .map(|(_, s)| s.clone())
                    .collect();
                let disagreement =
                    stated.len() > 1 && stated.iter().any(|s| !s.contradicts.is_empty());
                let share = computed_share(dataset, *measure, year);
                ShareRow {
                    label: measure_label(dataset, *measure, lang),
                    share,
                    note: note(&stated, disagreement, over_total(share), lang),
                    disagreement,
                    stated,
                    missing_text: lang.pick("缺少数据", "no data").to_string(),
                }
            })
            .collect();

        let title = match lang {
            Lang::Zh => format!("高新区占{}比重（{year}年）", dataset.meta.region.zh),
            Lang::En => format!("The zones' share of {} ({year})", dataset.meta.region.en),
        };
        let summary = summary(&rows, year, lang);
        SharesView {
            lang,
            year,
            title,
            legend_computed: lang.pick("由数据计算", "computed from the data").into(),
            legend_stated: lang.pick("报告所述", "as the report states").into(),
            legend_baseline: lang.pick("国土面积占比", "land share").into(),
            rows,
            summary,
        }
    }

    /// [`Self::table`], written whole: a few rows.
    pub fn rows(&self) -> Rows<'_> {
        Rows::written(self.table())
    }

    /// Every figure of the chart as a table.
    pub fn table(&self) -> Table {
        let lang = self.lang;
        let columns = [
            lang.pick("指标", "Quantity"),
            lang.pick("由数据计算的占比", "Share computed from the data"),
            lang.pick("报告所述", "As the report states"),
        ];
        let rows = self
            .rows
            .iter()
            .map(|row| {
                let computed = row
                    .share
                    .map_or_else(|| row.missing_text.clone(), |s| percent(s, 1));
                let stated = row
                    .stated
                    .iter()
                    .map(|s| stated_phrase(s, lang))
                    .collect::<Vec<_>>()
                    .join(lang.pick("；", "; "));
                vec![row.label.clone(), computed, stated]
            })
            .collect();
        Table {
            caption: self.title.clone(),
            columns: headings(&columns),
            rows,
        }
    }
}

/// Σ of the zones' values over the region's default total, or `None` when the
/// total or every value is missing.
fn computed_share(dataset: &Dataset, measure: Measure, year: i32) -> Option<f64> {
    let values = dataset.values(measure, year)?;
    let total = dataset.region_total(measure, year)?.value?;
    let share = share_of_total(&values, total);
    (share.zones.counted > 0).then_some(share.share).flatten()
}

fn measure_label(dataset: &Dataset, measure: Measure, lang: Lang) -> String {
    match measure {
        Measure::Land => lang.pick("国土面积", "Land area").to_string(),
        Measure::Indicator(i) => dataset
            .indicators
            .get(i)
            .map_or_else(String::new, |d| d.name.shown(lang)),
    }
}

/// "超过32%（C6）" / "over 32% (C6)": a stated figure as the report puts it.
fn stated_phrase(stated: &StatedShare, lang: Lang) -> String {
    let value = percent(stated.value, 0);
    let (zh, en) = match stated.op {
        Op::Gt => ("超过", "over "),
        Op::Ge => ("至少", "at least "),
        Op::Lt => ("不到", "under "),
        Op::Le => ("至多", "at most "),
        Op::Eq | Op::Approx(_) => ("", ""),
    };
    match lang {
        Lang::Zh => format!("{zh}{value}（{}）", stated.claim_id),
        Lang::En => format!("{en}{value} ({})", stated.claim_id),
    }
}

/// Whether a share is over the whole: the zones' values add up to more than
/// the region's total (a file whose totals do not fit its zones; a tester
/// read "1,780.7%" under a bar drawn to 100%).
fn over_total(share: Option<f64>) -> bool {
    share.is_some_and(|s| crate::model::exceeds_whole(s, 1.0))
}

/// The line under a bar: that the share is over the whole, if it is; what
/// the report states, and whether it disagrees with itself.
fn note(stated: &[StatedShare], disagreement: bool, over: bool, lang: Lang) -> String {
    let mut text = if over {
        lang.pick(
            "超过全市总量：数据前后不符",
            "Over the region's total: the data do not fit together",
        )
        .to_string()
    } else {
        String::new()
    };
    if stated.is_empty() {
        return text;
    }
    if over {
        text.push_str(lang.pick("；", ". "));
    }
    let phrases: Vec<String> = stated.iter().map(|s| stated_phrase(s, lang)).collect();
    text + &match (lang, disagreement) {
        (Lang::Zh, true) => format!("报告前后不一致：{}", phrases.join("与")),
        (Lang::En, true) => format!("The report disagrees with itself: {}", phrases.join(" vs ")),
        (Lang::Zh, false) => format!("报告：{}", phrases.join("；")),
        (Lang::En, false) => format!("Report: {}", phrases.join("; ")),
    }
}

/// The accessible description: the land share against the output shares, and
/// any disagreement within the report.
fn summary(rows: &[ShareRow], year: i32, lang: Lang) -> String {
    let Some((land, outputs)) = rows.split_first() else {
        return String::new();
    };
    let shown = |row: &ShareRow| {
        row.share
            .map_or_else(|| row.missing_text.clone(), |s| percent(s, 1))
    };
    let parts: Vec<String> = outputs
        .iter()
        .map(|row| match lang {
            Lang::Zh => format!("{}的{}", row.label, shown(row)),
            Lang::En => format!("{} of {}", shown(row), in_sentence(&row.label)),
        })
        .collect();
    let mut text = match lang {
        Lang::Zh => format!(
            "{year}年，高新区以全市{}的国土面积，贡献了{}。",
            shown(land),
            parts.join("、")
        ),
        Lang::En => format!(
            "In {year} the zones held {} of the region's land and produced {}.",
            shown(land),
            parts.join(", ")
        ),
    };
    let over: Vec<&str> = rows
        .iter()
        .filter(|row| over_total(row.share))
        .map(|row| row.label.as_str())
        .collect();
    if !over.is_empty() {
        text.push_str(&match lang {
            Lang::Zh => format!(
                "{}的高新区合计超过全市总量：数据前后不符，这些占比没有意义。",
                over.join("、")
            ),
            Lang::En => format!(
                " The zones' {} add up to more than the region's total: the data do not fit together, and those shares mean nothing.",
                over.iter().map(|l| in_sentence(l)).collect::<Vec<_>>().join(", ")
            ),
        });
    }
    for row in outputs.iter().filter(|row| row.disagreement) {
        let phrases: Vec<String> = row.stated.iter().map(|s| stated_phrase(s, lang)).collect();
        match lang {
            Lang::Zh => text.push_str(&format!(
                "报告对{}占比的说法前后不一致：{}；数据计算为{}。",
                row.label,
                phrases.join("与"),
                shown(row)
            )),
            Lang::En => text.push_str(&format!(
                " The report gives two figures for the share of {}: {}; the data give {}.",
                in_sentence(&row.label),
                phrases.join(" and "),
                shown(row)
            )),
        }
    }
    text
}

#[cfg(test)]
mod tests;
