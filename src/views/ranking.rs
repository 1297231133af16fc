//! The view behind the `ranking` chart, "ranking": the zones by their composite score in
//! one year, each with its rank, its change of rank since the year before,
//! and the dynamic management tier it earned (reward, warning, named for
//! exit) with the rule that fired.
//!
//! Rows are in rank order (ties keep the zones' file order; zones without a
//! score come last). Under the level filter only the zones of that level are
//! listed, with their ranks among all zones, as the evaluation ranks them.

use crate::analysis::evaluation::Evaluation;
use crate::format::{capitalised, grouped};
use crate::i18n::Lang;
use crate::metrics::dynamic::{Reason, Tier};
use crate::model::Level;

use super::evaluation::{
    change_text, level_phrase, main_tier, method_label, rank_text, reasons_text, score_text,
    tier_label, tier_legend, tier_markers, verdict,
};
use super::figures::{names_joined, push_sentence, NAMES_SHOWN};
use super::rules::{short, Rule};
use super::ui::KEEP_EXITED;
use super::{headings, Context, Rows, Table};

/// Everything the `ranking` chart shows, strings already in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct RankingView {
    pub lang: Lang,
    pub year: i32,
    pub title: String,
    /// Under the value axis: "综合得分（0–100）".
    pub axis_label: String,
    /// The tiers, in the order the legend draws them, and their names.
    pub legend: Vec<(Option<Tier>, String)>,
    /// The glyph of each rule that is on, with the rule in words ("倒数3名
    /// 预警"): the legend of the rows' glyphs.
    pub rule_legend: Vec<(Rule, String)>,
    /// The legend entry of the rank-change arrows.
    pub legend_change: String,
    /// The line under the legend: the method, and whose ranks these are.
    pub note: String,
    /// In rank order; the zones the level filter shows.
    pub rows: Vec<RankingRow>,
    /// The warning threshold of the tier rules (score below it is warned),
    /// drawn as a dashed line; `None` when the rules have none.
    pub warn_below: Option<f64>,
    pub threshold_label: String,
    /// The bottom-k rule's band behind the rows it warns: "倒数3名预警" /
    /// "bottom 3: warned"; empty when the rule is off.
    pub band_label: String,
    /// Said in place of a bar when a zone has no score.
    pub missing_text: String,
    /// Shown instead of the chart when the evaluation failed (its message).
    pub error: Option<String>,
    pub summary: String,
}

/// One zone in the ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct RankingRow {
    /// Index into `Dataset::zones` (into the synthetic zones of
    /// [`RankingView::synthetic`]).
    pub zone: usize,
    pub name: String,
    /// 0–100; `None`: not scored this year (no indicator value).
    pub score: Option<f64>,
    pub rank: Option<usize>,
    /// Places gained since the previous year; `None` in the first year.
    pub rank_change: Option<i64>,
    /// The tier the bar's colour and pattern show: the most severe earned.
    pub tier: Option<Tier>,
    /// The tiers the table lists (every tier earned; an exit implies the
    /// warning).
    pub markers: Vec<Tier>,
    /// The glyphs beside the name: each rule that fired (the warnings left
    /// out under an exit, which implies them), at most three.
    pub rules: Vec<Rule>,
    /// Why: the rules that fired, in words.
    pub reasons: String,
    /// Evaluated indicators the zone lacks this year (scored on the others).
    pub missing_indicators: usize,
    pub selected: bool,
    /// Warned by the bottom-k rule: drawn on the rule's band.
    pub in_bottom: bool,
    /// What the tooltip and a screen reader say.
    pub tooltip: String,
}

impl RankingView {
    /// The ranking in one line, for the summary that stays in view while the
    /// weights change: "第1名 甲高新区（92.5） · 所选丙高新区：第5名" /
    /// "1st Zone A (92.5) · selected Zone C: 5th"; empty with no score.
    pub fn compact(&self) -> String {
        let lang = self.lang;
        let Some(top) = self.rows.first().filter(|r| r.rank.is_some()) else {
            return String::new();
        };
        let mut line = format!(
            "{} {}{}",
            rank_text(top.rank, lang),
            top.name,
            lang.pick("（", " ("),
        );
        line.push_str(&score_text(top.score, lang));
        line.push_str(lang.pick("）", ")"));
        if let Some(r) = self.rows.iter().find(|r| r.selected && r.zone != top.zone) {
            line.push_str(&match lang {
                Lang::Zh => format!(" · 所选{}：{}", r.name, rank_text(r.rank, lang)),
                Lang::En => format!(" · selected {}: {}", r.name, rank_text(r.rank, lang)),
            });
        }
        line
    }

    /// Builds the ranking of `year` from the cached evaluation.
    pub fn build(context: &Context) -> RankingView {
        let (dataset, evaluated, state) = (context.dataset, context.evaluated(), context.state);
        let (year, level, selected, lang) = (state.year, state.level, state.zone, state.lang);
        let area = context.area_name();
        let title = title(level, area, year, lang);
        let evaluation = match &evaluated.evaluation {
            Ok(evaluation) => evaluation,
            Err(error) => return RankingView::failed(title, year, lang, error.to_string()),
        };
        let Some(year_eval) = evaluation.year(year) else {
            let message = match lang {
                Lang::Zh => format!("没有{year}年的评价结果"),
                Lang::En => format!("no evaluation for {year}"),
            };
            return RankingView::failed(title, year, lang, message);
        };
        // Zones named for exit in an earlier year are out of the ranking
        // (unless the reader keeps them for comparison): said in the note.
        let exited: Vec<String> = year_eval
            .zones
            .iter()
            .filter_map(|z| {
                let zone = dataset.zones.get(z.zone).filter(|d| state.shows(d))?;
                let year = z.exited_in?;
                Some(match lang {
                    Lang::Zh => format!("{}（{year}年）", zone.name.shown(lang)),
                    Lang::En => format!("{} ({year})", zone.name.shown(lang)),
                })
            })
            .collect();
        let mut rows: Vec<RankingRow> = year_eval
            .zones
            .iter()
            .filter(|z| z.exited_in.is_none())
            .filter(|z| {
                dataset
                    .zones
                    .get(z.zone)
                    .is_some_and(|zone| state.shows(zone))
            })
            .map(|z| {
                let name = dataset
                    .zones
                    .get(z.zone)
                    .map_or_else(|| z.zone_id.to_string(), |zone| zone.name.shown(lang));
                let v = verdict(evaluation, z.zone, year);
                let tiers = v.map_or(&[][..], |v| &v.verdict.tiers[..]);
                let fired: Vec<Rule> = v.map_or_else(Vec::new, |v| {
                    v.verdict.reasons.iter().map(Rule::of).collect()
                });
                let named: Vec<String> = fired
                    .iter()
                    .filter_map(|r| short(*r, &evaluation.rules, lang))
                    .collect();
                row(
                    RowParts {
                        fired,
                        named: named.join(lang.pick("、", ", ")),
                        zone: z.zone,
                        name,
                        score: z.score,
                        rank: z.rank,
                        rank_change: z.rank_change,
                        tiers,
                        reasons: reasons_text(v, lang),
                        missing_indicators: z.missing_indicators.len(),
                        selected: selected == Some(z.zone),
                        in_bottom: v.is_some_and(|v| {
                            v.verdict
                                .reasons
                                .iter()
                                .any(|r| matches!(r, Reason::BottomK { .. }))
                        }),
                    },
                    lang,
                )
            })
            .collect();
        crate::order::sort_by_key(&mut rows, |r| (r.rank.is_none(), r.rank));

        let total = grouped(year_eval.zones.len() as f64, 0);
        let shown = grouped(rows.len() as f64, 0);
        let mut note = capitalised(&method_label(&evaluation.settings, lang));
        note.push_str(lang.pick("。", "."));
        match (level_phrase(level, area, lang), lang) {
            (Some(who), Lang::Zh) => note.push_str(&format!(
                "仅列{who}（{shown}个），名次为全部{total}个园区中的名次。"
            )),
            (Some(who), Lang::En) => note.push_str(&format!(
                " Only the {shown} {who}, ranked among all {total}."
            )),
            (None, _) => {}
        }
        // The zones these rules took out of the ranking in earlier years
        // (a rule change can take out most of them): how many, how to show
        // them (the control by the page's own label), then who.
        let gone = if exited.is_empty() {
            String::new()
        } else {
            format!(
                "{}{}{}{}{}",
                lang.pick("未列出按这些规则已列入退出的", "Not shown: "),
                grouped(exited.len() as f64, 0),
                // Straight quotes in English: the charts' fonts are CJK
                // first, whose curly quotes are full-width.
                lang.pick(
                    "个园区（勾选“",
                    " named for exit under these rules (tick \""
                ),
                lang.pick(KEEP_EXITED.0, KEEP_EXITED.1),
                lang.pick("”可显示）", "\" to show them)")
            )
        };
        let out = if gone.is_empty() {
            String::new()
        } else {
            format!(
                "{gone}{}{}{}",
                lang.pick("：", ": "),
                names_joined(&exited, lang),
                lang.pick("。", ".")
            )
        };
        push_sentence(&mut note, &out, lang);
        if rows.is_empty() {
            // Nothing to draw: the message says why (no zone, or all exited).
            let mut message = match lang {
                Lang::Zh => format!("{year}年没有参加排名的园区。"),
                Lang::En => format!("No zone is ranked in {year}."),
            };
            push_sentence(&mut message, &out, lang);
            let mut view = RankingView::failed(title, year, lang, String::new());
            view.summary = message.clone();
            view.error = Some(message);
            return view;
        }
        let caught = super::rules::caught(evaluation, year);
        let mut summary = summary(&rows, evaluation, year, level, area, lang);
        if !gone.is_empty() {
            push_sentence(&mut summary, &gone, lang);
            summary.push_str(lang.pick("。", "."));
        }
        let rules = super::rules::line(&evaluation.rules, Some((year, caught)), lang);
        push_sentence(&mut summary, &rules, lang);
        summary.push_str(lang.pick("。", "."));
        RankingView {
            lang,
            year,
            title,
            axis_label: axis_label(lang),
            legend: tier_legend(lang),
            rule_legend: Rule::ALL
                .iter()
                .filter_map(|r| Some((*r, short(*r, &evaluation.rules, lang)?)))
                .collect(),
            legend_change: lang.pick("较上年名次", "rank vs last year").to_string(),
            note,
            rows,
            warn_below: evaluation.rules.warn_below,
            threshold_label: threshold_label(evaluation.rules.warn_below, lang),
            band_label: evaluation
                .rules
                .warn_bottom_k
                .map_or_else(String::new, |k| match lang {
                    Lang::Zh => format!("倒数{k}名预警"),
                    Lang::En => format!("bottom {k}: warned"),
                }),
            missing_text: lang.pick("未评分", "not scored").to_string(),
            error: None,
            summary,
        }
    }

    /// A ranking of `n` made-up zones, "Zone 0001" to "Zone n", for the
    /// drawing benchmark (1,000 zones under 16 ms) and the tests of many
    /// zones. Deterministic: scores fall from 100 towards 0 with a ripple,
    /// ranks follow, the top 3 are rewarded, zones below 40 warned and
    /// those below 10 named for exit; rank changes cycle through −5…+5.
    /// Not for readers: nothing in it comes from data.
    pub fn synthetic(n: usize, lang: Lang) -> RankingView {
        let rows: Vec<RankingRow> = (0..n)
            .map(|i| {
                let t = if n > 1 {
                    i as f64 / (n - 1) as f64
                } else {
                    0.0
                };
                let score = 100.0 * (1.0 - t).powf(1.6);
                let mut tiers = Vec::new();
                if i < 3 {
                    tiers.push(Tier::Reward);
                }
                if score < 40.0 {
                    tiers.push(Tier::Warning);
                }
                if score < 10.0 {
                    tiers.push(Tier::Exit);
                }
                let name = format!("Zone {:04}", i + 1);
                row(
                    RowParts {
                        fired: tiers
                            .iter()
                            .map(|t| match t {
                                Tier::Reward => Rule::Top,
                                Tier::Warning => Rule::Below,
                                Tier::Exit => Rule::Exit,
                            })
                            .collect(),
                        named: String::new(),
                        zone: i,
                        name,
                        score: Some(score),
                        rank: Some(i + 1),
                        rank_change: Some((i % 11) as i64 - 5),
                        tiers: &tiers,
                        reasons: String::new(),
                        missing_indicators: 0,
                        selected: false,
                        in_bottom: false,
                    },
                    lang,
                )
            })
            .collect();
        RankingView {
            lang,
            year: 2022,
            title: lang
                .pick("示意：合成排名", "Illustrative: a synthetic ranking")
                .into(),
            axis_label: axis_label(lang),
            legend: tier_legend(lang),
            rule_legend: Vec::new(),
            legend_change: lang.pick("较上年名次", "rank vs last year").to_string(),
            note: lang
                .pick(
                    "合成数据，仅用于测量绘图速度。",
                    "Synthetic data, for timing the drawing.",
                )
                .to_string(),
            rows,
            warn_below: Some(40.0),
            threshold_label: threshold_label(Some(40.0), lang),
            band_label: String::new(),
            missing_text: lang.pick("未评分", "not scored").to_string(),
            error: None,
            summary: String::new(),
        }
    }

    fn failed(title: String, year: i32, lang: Lang, message: String) -> RankingView {
        let error = match lang {
            Lang::Zh => format!("无法计算综合评价：{message}"),
            Lang::En => format!("The evaluation could not be computed: {message}"),
        };
        RankingView {
            lang,
            year,
            title,
            axis_label: axis_label(lang),
            legend: tier_legend(lang),
            rule_legend: Vec::new(),
            legend_change: lang.pick("较上年名次", "rank vs last year").to_string(),
            note: String::new(),
            rows: Vec::new(),
            warn_below: None,
            threshold_label: String::new(),
            band_label: String::new(),
            missing_text: lang.pick("未评分", "not scored").to_string(),
            summary: error.clone(),
            error: Some(error),
        }
    }

    /// Every zone of the chart as a table, in rank order.
    pub fn rows(&self) -> Rows<'_> {
        let lang = self.lang;
        let columns = headings(&[
            lang.pick("园区", "Zone"),
            lang.pick("名次", "Rank"),
            lang.pick("综合得分", "Score"),
            lang.pick("较上年", "Since last year"),
            lang.pick("动态管理", "Tier"),
            lang.pick("依据", "Why"),
        ]);
        Rows::new(
            &self.title,
            columns,
            self.rows.len(),
            Box::new(move |i: usize| {
                let r = &self.rows[i];
                let tiers = if r.markers.is_empty() {
                    tier_label(None, lang).to_string()
                } else {
                    r.markers
                        .iter()
                        .map(|t| tier_label(Some(*t), lang))
                        .collect::<Vec<_>>()
                        .join(lang.pick("、", ", "))
                };
                vec![
                    r.name.clone(),
                    r.rank.map_or_else(|| "—".to_string(), |k| k.to_string()),
                    score_text(r.score, lang),
                    change_text(r.rank_change, lang),
                    tiers,
                    r.reasons.clone(),
                ]
            }),
        )
    }

    /// Every row of [`Self::rows`].
    pub fn table(&self) -> Table {
        self.rows().table()
    }
}

struct RowParts<'a> {
    /// The rules that fired, and their phrases joined.
    fired: Vec<Rule>,
    named: String,
    zone: usize,
    name: String,
    score: Option<f64>,
    rank: Option<usize>,
    rank_change: Option<i64>,
    tiers: &'a [Tier],
    reasons: String,
    missing_indicators: usize,
    selected: bool,
    in_bottom: bool,
}

fn row(parts: RowParts, lang: Lang) -> RankingRow {
    let RowParts {
        fired,
        named,
        zone,
        name,
        score,
        rank,
        rank_change,
        tiers,
        reasons,
        missing_indicators,
        selected,
        in_bottom,
    } = parts;
    let mut tooltip = match lang {
        Lang::Zh => format!(
            "{} {}：{}{}，较上年{}",
            rank_text(rank, lang),
            name,
            score_text(score, lang),
            if score.is_some() { "分" } else { "" },
            change_text(rank_change, lang)
        ),
        Lang::En => format!(
            "{} {}: {}, {} since last year",
            rank_text(rank, lang),
            name,
            score_text(score, lang),
            change_text(rank_change, lang)
        ),
    };
    if !reasons.is_empty() {
        // The rules by the legend's words, then the figures that fired them:
        // "倒数3名预警（预警：……）".
        tooltip.push_str(lang.pick("；", "; "));
        if !named.is_empty() {
            tooltip.push_str(&named);
            tooltip.push_str(lang.pick("（", " ("));
        }
        tooltip.push_str(&reasons);
        if !named.is_empty() {
            tooltip.push_str(lang.pick("）", ")"));
        }
    }
    let exit = fired.contains(&Rule::Exit);
    let rules: Vec<Rule> = fired
        .into_iter()
        .filter(|r| !(exit && r.tier() == Tier::Warning))
        .take(3)
        .collect();
    if missing_indicators > 0 {
        tooltip.push_str(&match lang {
            Lang::Zh => format!("（缺{missing_indicators}项指标，按其余指标评分）"),
            Lang::En => format!(" (scored without {missing_indicators} missing indicators)"),
        });
    }
    RankingRow {
        zone,
        name,
        score,
        rank,
        rank_change,
        tier: main_tier(tiers),
        markers: tier_markers(tiers),
        rules,
        reasons,
        missing_indicators,
        selected,
        in_bottom,
        tooltip,
    }
}

fn title(level: Option<Level>, area: Option<&str>, year: i32, lang: Lang) -> String {
    let who = level_phrase(level, area, lang);
    match lang {
        Lang::Zh => format!(
            "{}综合评价排名（{year}年）",
            who.unwrap_or_else(|| "高新区".into())
        ),
        Lang::En => format!(
            "Composite evaluation ranking of the {} ({year})",
            who.unwrap_or_else(|| "zones".into())
        ),
    }
}

fn axis_label(lang: Lang) -> String {
    lang.pick("综合得分（0–100）", "Composite score (0–100)")
        .to_string()
}

fn threshold_label(threshold: Option<f64>, lang: Lang) -> String {
    threshold.map_or_else(String::new, |t| match lang {
        Lang::Zh => format!("预警线{t}"),
        Lang::En => format!("warning below {t}"),
    })
}

/// Who leads, who is last, how many earned each tier, who rose furthest.
fn summary(
    rows: &[RankingRow],
    evaluation: &Evaluation,
    year: i32,
    level: Option<Level>,
    area: Option<&str>,
    lang: Lang,
) -> String {
    let scored: Vec<&RankingRow> = rows.iter().filter(|r| r.score.is_some()).collect();
    let method = method_label(&evaluation.settings, lang);
    let Some(first) = scored.first() else {
        return match lang {
            Lang::Zh => format!("{year}年没有园区得到评分。"),
            Lang::En => format!("No zone has a score in {year}."),
        };
    };
    let s = |r: &RankingRow| score_text(r.score, lang);
    let next: Vec<String> = scored
        .iter()
        .skip(1)
        .take(2)
        .map(|r| match lang {
            Lang::Zh => format!("{}（{}分）", r.name, s(r)),
            Lang::En => format!("{} ({})", r.name, s(r)),
        })
        .collect();
    let who = level_phrase(level, area, lang);
    let mut text = match lang {
        Lang::Zh => format!(
            "{year}年（{method}），{}{}以{}分居首",
            who.as_ref().map_or(String::new(), |w| format!("{w}中")),
            first.name,
            s(first)
        ),
        Lang::En => format!(
            "In {year} ({method}), {} ranks first{} with {}",
            first.name,
            who.as_ref()
                .map_or(String::new(), |w| format!(" among the {w}")),
            s(first)
        ),
    };
    if !next.is_empty() {
        text.push_str(&match lang {
            Lang::Zh => format!("，{}次之", next.join("、")),
            Lang::En => format!(", ahead of {}", next.join(" and ")),
        });
    }
    if let Some(last) = scored.last().filter(|_| scored.len() > 3) {
        text.push_str(&match lang {
            Lang::Zh => format!("；{}得分最低（{}分）。", last.name, s(last)),
            Lang::En => format!("; {} scores lowest ({}).", last.name, s(last)),
        });
    } else {
        text.push_str(lang.pick("。", "."));
    }
    let count = |tier: Tier| rows.iter().filter(|r| r.markers.contains(&tier)).count();
    let warned = rows
        .iter()
        .filter(|r| matches!(r.tier, Some(Tier::Warning | Tier::Exit)))
        .count();
    let (reward, exit) = (count(Tier::Reward), count(Tier::Exit));
    // Grouped as every figure on screen: "1,140", not "1140" (a tester).
    // The exit rule is the reader's (a year's warning may be enough, a
    // tester): each zone's reason below says what fired.
    let [rewarded, warned, exited] = [reward, warned, exit].map(|n| grouped(n as f64, 0));
    text.push_str(&match lang {
        Lang::Zh => format!(
            "{rewarded}个园区获奖励，{warned}个被预警，其中{exited}个按退出规则被列入退出名单。"
        ),
        Lang::En => format!(
            " {rewarded} zones earn a reward and {warned} a warning; named for exit under \
             the exit rule: {exited}."
        ),
    });
    // Who is named for exit, and the rule that fired: the first
    // NAMES_SHOWN, the rest counted (the table lists them all).
    for r in rows
        .iter()
        .filter(|r| r.markers.contains(&Tier::Exit))
        .take(NAMES_SHOWN)
    {
        text.push_str(&match lang {
            Lang::Zh => format!("{}：{}。", r.name, r.reasons),
            Lang::En => format!(" {}: {}.", r.name, r.reasons),
        });
    }
    if exit > NAMES_SHOWN {
        text.push_str(&format!(
            "{}{}{}",
            lang.pick("另外", " And "),
            grouped((exit - NAMES_SHOWN) as f64, 0),
            lang.pick("个见表格。", " more: see the table.")
        ));
    }
    let riser = rows
        .iter()
        .filter(|r| r.rank_change.is_some_and(|c| c > 0))
        .max_by_key(|r| (r.rank_change, std::cmp::Reverse(r.rank)));
    let has_previous = rows.iter().any(|r| r.rank_change.is_some());
    match (riser, has_previous) {
        (Some(r), _) => text.push_str(&match lang {
            Lang::Zh => format!(
                "较上年进位最多的是{}（{}）。",
                r.name,
                change_text(r.rank_change, lang)
            ),
            Lang::En => format!(
                " {} rose furthest since last year ({}).",
                r.name,
                change_text(r.rank_change, lang)
            ),
        }),
        (None, true) => {
            text.push_str(lang.pick("较上年没有园区进位。", " No zone rose since last year."))
        }
        (None, false) => {}
    }
    if let Some(r) = rows.iter().find(|r| r.selected) {
        text.push_str(&match lang {
            Lang::Zh => format!(
                "所选的{}{}（{}），较上年{}。",
                r.name,
                rank_text(r.rank, lang),
                score_text(r.score, lang),
                change_text(r.rank_change, lang)
            ),
            Lang::En => format!(
                " The selected zone, {}, is {} ({}), {} since last year.",
                r.name,
                rank_text(r.rank, lang),
                score_text(r.score, lang),
                change_text(r.rank_change, lang)
            ),
        });
    }
    let unscored = rows.len() - scored.len();
    if unscored > 0 {
        text.push_str(&match lang {
            Lang::Zh => format!("{unscored}个园区缺少全部评价指标，未评分。"),
            Lang::En if unscored == 1 => {
                " 1 zone lacks every indicator and is not scored.".to_string()
            }
            Lang::En => format!(" {unscored} zones lack every indicator and are not scored."),
        });
    }
    text
}

#[cfg(test)]
mod tests;
