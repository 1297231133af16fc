//! The dynamic-management rules as the reader sees and changes them: in
//! plain words with their parameters ("前3名奖励 · 上升≥5位奖励 · …"), as
//! five numbers (the steppers and the share link's `rules=3,5,3,7.5,2`,
//! 0 switching a rule off), and the effect of the reader's rules against
//! the data file's `framework.tiers` ("with these rules, in 2022 2 zones are
//! named for exit (1 with the rules in the data), …"). The reader reads "the rules in the
//! data" (数据文件的规则): the report names no thresholds, so they are not the
//! policy's.
//!
//! The rules themselves are `metrics::dynamic::Rules`; the data's are
//! `analysis::evaluation::tier_rules`.

use crate::analysis::evaluation::{apply_rules, promotion_candidates, tier_rules, Evaluation};
use crate::i18n::Lang;
use crate::metrics::dynamic::{Rules, Tier};
use crate::model::Dataset;

/// The five parameters' labels, in the order of [`values`]: what the
/// steppers say.
pub const LABELS: [(&str, &str); 5] = [
    ("奖励：前几名", "Reward the top"),
    ("奖励：上升至少几位", "Reward a rise of at least (places)"),
    ("预警：倒数几名", "Warn the bottom"),
    ("预警：得分低于", "Warn a score below"),
    (
        "退出：连续预警几年且名次未改善",
        "Exit after warned years without improving",
    ),
];

/// The rules as five whole numbers (0: the rule is off), the steppers' and
/// the share link's order: top k, rise, bottom k, score below, exit after.
pub fn values(rules: &Rules) -> [f64; 5] {
    let count = |k: Option<usize>| k.map_or(0.0, |k| k as f64);
    [
        count(rules.reward_top_k),
        count(rules.reward_rise),
        count(rules.warn_bottom_k),
        rules.warn_below.unwrap_or(0.0),
        count(rules.exit_after),
    ]
}

/// Rules from five numbers ≥ 0 (0 switches a rule off); `None` for another
/// count, a negative, fractional count or non-finite number.
pub fn from_values(values: &[f64]) -> Option<Rules> {
    let [top, rise, bottom, below, exit] = values else {
        return None;
    };
    let count = |x: f64| {
        (x.is_finite() && x >= 0.0 && x.fract() == 0.0 && x <= 1e6)
            .then_some((x > 0.0).then_some(x as usize))
    };
    let below = (below.is_finite() && *below >= 0.0).then_some((*below > 0.0).then_some(*below))?;
    Some(Rules {
        reward_top_k: count(*top)?,
        reward_rise: count(*rise)?,
        warn_bottom_k: count(*bottom)?,
        warn_below: below,
        exit_after: count(*exit)?,
    })
}

/// The five numbers of the share link's `rules` ("3,5,3,7.5,2"; links
/// written before the score could be a decimal separate them by dots,
/// "3.5.3.5.2"), each read as JSON reads a number (by the data's own
/// parser: `str::parse::<f64>` would add 15 KB to the wasm); the command
/// line's `--rules` alike. `None` for anything else; [`from_values`] then
/// says whether they make rules.
pub fn parse(text: &str) -> Option<Vec<f64>> {
    let separator = if text.contains(',') { ',' } else { '.' };
    text.split(separator)
        .map(crate::model::Doc::number)
        .collect()
}

/// A rule of the dynamic management, as the ranking chart marks the rules
/// that fired with a glyph each (`charts::tiers::draw_rule_glyph`): top k
/// ★, a rise a green badge with a white chevron, bottom k ●, a score below
/// the threshold ◆, exit ✕ — no warning drawn as a triangle, which beside
/// the rank change's ↑ ↓ would read as a direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Top,
    Rise,
    Bottom,
    Below,
    Exit,
}

impl Rule {
    pub const ALL: [Rule; 5] = [Rule::Top, Rule::Rise, Rule::Bottom, Rule::Below, Rule::Exit];

    /// The rule that gave a reason.
    pub fn of(reason: &crate::metrics::dynamic::Reason) -> Rule {
        use crate::metrics::dynamic::Reason;
        match reason {
            Reason::TopK { .. } => Rule::Top,
            Reason::Rise { .. } => Rule::Rise,
            Reason::BottomK { .. } => Rule::Bottom,
            Reason::BelowScore { .. } => Rule::Below,
            Reason::Exit { .. } => Rule::Exit,
        }
    }

    /// The tier it earns.
    pub fn tier(self) -> Tier {
        match self {
            Rule::Top | Rule::Rise => Tier::Reward,
            Rule::Bottom | Rule::Below => Tier::Warning,
            Rule::Exit => Tier::Exit,
        }
    }
}

/// One rule in plain words with its parameter ("倒数3名预警" / "warn the
/// bottom 3"); `None` when the rule is off.
pub fn phrase(rule: Rule, rules: &Rules, lang: Lang) -> Option<String> {
    let zh = lang == Lang::Zh;
    Some(match rule {
        Rule::Top => {
            let k = rules.reward_top_k?;
            if zh {
                format!("前{k}名奖励")
            } else {
                format!("reward the top {k}")
            }
        }
        Rule::Rise => {
            let r = rules.reward_rise?;
            if zh {
                format!("上升≥{r}位奖励")
            } else {
                format!("reward a rise of {r}+ places")
            }
        }
        Rule::Bottom => {
            let k = rules.warn_bottom_k?;
            if zh {
                format!("倒数{k}名预警")
            } else {
                format!("warn the bottom {k}")
            }
        }
        Rule::Below => {
            let s = rules.warn_below?;
            if zh {
                format!("得分低于{s}预警")
            } else {
                format!("warn a score below {s}")
            }
        }
        Rule::Exit => match (rules.exit_after?, zh) {
            (1, true) => "预警即列入退出".to_string(),
            (1, false) => "name for exit when warned".to_string(),
            (n, true) => format!("连续{n}年预警且名次未改善则列入退出"),
            (n, false) => {
                format!("name for exit after {n} warned years in a row without a better rank")
            }
        },
    })
}

/// One rule in a few words, for the ranking's legend and tooltips, where
/// the full phrase does not fit: "倒数3名预警" / "bottom 3: warned";
/// `None` when the rule is off.
pub fn short(rule: Rule, rules: &Rules, lang: Lang) -> Option<String> {
    if lang == Lang::Zh && rule != Rule::Exit {
        return phrase(rule, rules, lang);
    }
    Some(match rule {
        Rule::Top => format!("top {}: reward", rules.reward_top_k?),
        Rule::Rise => format!("up {}+: reward", rules.reward_rise?),
        Rule::Bottom => format!("bottom {}: warned", rules.warn_bottom_k?),
        Rule::Below => format!("below {}: warned", rules.warn_below?),
        Rule::Exit => match lang {
            Lang::Zh => format!("连续{}年预警未改善退出", rules.exit_after?),
            Lang::En => match rules.exit_after? {
                1 => "exit: 1 year".to_string(),
                years => format!("exit: {years} years"),
            },
        },
    })
}

/// The rules in plain words, each with its parameter, the rules that are
/// off left out: "前3名奖励 · 上升≥5位奖励 · 倒数3名预警 · 得分低于5预警 ·
/// 连续2年预警且名次未改善则列入退出"; with `caught`, a year and how many
/// zones each rule catches in it ([`caught`]), each rule's count in
/// brackets: "规则（括号内为2022年涉及园区数）：前3名奖励（3） · …".
pub fn line(rules: &Rules, caught: Option<(i32, [usize; 5])>, lang: Lang) -> String {
    let parts: Vec<String> = Rule::ALL
        .iter()
        .filter_map(|rule| {
            let phrase = phrase(*rule, rules, lang)?;
            Some(match caught {
                Some((_, n)) => format!(
                    "{phrase}{}{}{}",
                    lang.pick("（", " ("),
                    crate::format::grouped(n[*rule as usize] as f64, 0),
                    lang.pick("）", ")")
                ),
                None => phrase,
            })
        })
        .collect();
    if parts.is_empty() {
        return lang
            .pick("所有规则均已关闭", "every rule is off")
            .to_string();
    }
    let rules = parts.join(" · ");
    match caught {
        Some((year, _)) => format!(
            "{}{year}{}{rules}",
            lang.pick("规则（括号内为", "Rules (zones caught in "),
            lang.pick("年涉及园区数）：", "): ")
        ),
        None => format!("{}{rules}", lang.pick("规则：", "Rules: ")),
    }
}

/// How many zones each rule catches in `year`, in [`Rule::ALL`]'s order:
/// the evaluation's verdicts of that year counted by the rules that fired
/// (a zone caught by two rules counts for each).
pub fn caught(evaluation: &Evaluation, year: i32) -> [usize; 5] {
    let mut counts = [0; 5];
    for verdict in evaluation
        .verdicts
        .iter()
        .filter(|v| v.verdict.year == year)
    {
        for reason in &verdict.verdict.reasons {
            counts[Rule::of(reason) as usize] += 1;
        }
    }
    counts
}

/// What `rules` give in `year`: how many zones earn each tier (reward,
/// warning, exit) and how many left the ranking before `year` (named for
/// exit in an earlier year, exit modelled), with the exit handling of
/// `evaluation`. For the evaluation's own rules this reads what
/// `evaluate` computed; other rules are applied once, to its scores.
/// `None` when the rules cannot be applied.
pub fn outcome(evaluation: &Evaluation, rules: &Rules, year: i32) -> Option<Outcome> {
    if *rules == evaluation.rules {
        let tiers = evaluation.tiers.iter().find(|t| t.year == year)?;
        let exited = evaluation.year(year)?.zones.iter();
        return Some(Outcome {
            tiers: [tiers.reward.len(), tiers.warning.len(), tiers.exit.len()],
            exited_before: exited.filter(|z| z.exited_in.is_some()).count(),
            top_and_warned: evaluation
                .verdicts
                .iter()
                .filter(|v| v.verdict.year == year && top_and_warned(&v.verdict.reasons))
                .count(),
        });
    }
    applied(evaluation, rules, year)
}

/// [`outcome`] by applying `rules` to the evaluation's scores.
fn applied(evaluation: &Evaluation, rules: &Rules, year: i32) -> Option<Outcome> {
    let years: Vec<i32> = evaluation.years.iter().map(|y| y.year).collect();
    let scores: Vec<Vec<Option<f64>>> = evaluation
        .years
        .iter()
        .map(|y| y.zones.iter().map(|z| z.score).collect())
        .collect();
    let keep = evaluation.settings.keep_exited;
    let crate::metrics::dynamic::Managed {
        verdicts, exits, ..
    } = apply_rules(&years, &scores, rules, keep).ok()?;
    let count = |tier: Tier| {
        verdicts
            .iter()
            .filter(|v| v.year == year && v.tiers.contains(&tier))
            .count()
    };
    Some(Outcome {
        tiers: [count(Tier::Reward), count(Tier::Warning), count(Tier::Exit)],
        exited_before: exits.iter().flatten().filter(|y| **y < year).count(),
        top_and_warned: verdicts
            .iter()
            .filter(|v| v.year == year && top_and_warned(&v.reasons))
            .count(),
    })
}

/// Whether a zone's reasons reward it for ranking high and warn it (among
/// the bottom, or scoring low): rules at odds with each other. A zone that
/// rose but is still among the bottom is rewarded and warned by design
/// (`metrics::dynamic::Tier`), and not counted.
fn top_and_warned(reasons: &[crate::metrics::dynamic::Reason]) -> bool {
    let rules: Vec<Rule> = reasons.iter().map(Rule::of).collect();
    rules.contains(&Rule::Top) && (rules.contains(&Rule::Bottom) || rules.contains(&Rule::Below))
}

/// What a set of rules gives in one year: [`outcome`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Zones rewarded, warned, named for exit.
    pub tiers: [usize; 3],
    /// Zones that left the ranking before the year.
    pub exited_before: usize,
    /// Zones rewarded for ranking high and warned at once: rules that
    /// contradict each other (the top 999 rewarded, the bottom 3 warned).
    pub top_and_warned: usize,
}

/// How many zones earn each tier in `year` under `rules` (reward, warning,
/// exit): [`outcome`]'s tiers.
pub fn tier_counts(evaluation: &Evaluation, rules: &Rules, year: i32) -> Option<[usize; 3]> {
    outcome(evaluation, rules, year).map(|o| o.tiers)
}

/// The effect of the rules in use against the data file's, in `year`: "按这些
/// 规则，2022年2家列入退出（数据文件的规则下为1家）、4家预警（3家）、3家
/// 奖励（3家）。"; with the data file's rules, what they give.
pub fn effect(dataset: &Dataset, evaluation: &Evaluation, year: i32, lang: Lang) -> String {
    let file = tier_rules(dataset);
    let Some(now) = outcome(evaluation, &evaluation.rules, year) else {
        return String::new();
    };
    let [reward, warning, exit] = now.tiers;
    // The zones already out of the ranking: without them "0 named for exit"
    // would hide rules that removed every zone in earlier years.
    let gone = match now.exited_before {
        0 => String::new(),
        n => match lang {
            Lang::Zh => format!("{year}年之前已有{n}家退出，不再排名。"),
            Lang::En => format!(
                " {n} {} the ranking before {year}.",
                crate::format::en_agree(n, "zone left", "zones left")
            ),
        },
    };
    // Rules that reward zones for ranking high and warn the same zones are
    // said to contradict each other (a tester set the top 999 rewarded, and
    // no word came).
    let odds = match now.top_and_warned {
        0 => String::new(),
        n => match lang {
            Lang::Zh => format!("{n}家既因排名靠前获奖励，又被预警：这些规则相互矛盾。"),
            Lang::En => format!(
                " {n} {} rewarded for ranking high and warned: these rules contradict each other.",
                crate::format::en_agree(n, "zone is", "zones are")
            ),
        },
    };
    let gone = gone + &odds;
    // "no zone is", "1 zone is", "2 zones are": "0 zones are" reads as a slip.
    let zones = |n: usize| match n {
        0 => "no zone is".to_string(),
        1 => "1 zone is".to_string(),
        n => format!("{n} zones are"),
    };
    if evaluation.rules == file {
        return match lang {
            Lang::Zh => format!("按数据文件的规则，{year}年{exit}家列入退出、{warning}家预警、{reward}家奖励。{gone}"),
            Lang::En => format!(
                "With the rules in the data, in {year} {} named for exit, {warning} warned, {reward} rewarded.{gone}",
                zones(exit)
            ),
        };
    }
    let Some([reward_then, warning_then, exit_then]) = tier_counts(evaluation, &file, year) else {
        return String::new();
    };
    match lang {
        Lang::Zh => format!(
            "按这些规则，{year}年{exit}家列入退出（数据文件的规则下为{exit_then}家）、{warning}家预警（{warning_then}家）、{reward}家奖励（{reward_then}家）。{gone}"
        ),
        Lang::En => format!(
            "With these rules, in {year} {} named for exit ({exit_then} with the rules in the data), {warning} warned ({warning_then}), {reward} rewarded ({reward_then}).{gone}",
            zones(exit)
        ),
    }
}

/// How many consecutive years a region-level zone must score within the
/// national zones' range to qualify for promotion (以升促建): ours, the
/// report gives no criterion (docs/METRICS.md, "Promotion").
pub const PROMOTION_YEARS: usize = 2;

/// Promotion in words: the criterion and the zones that meet it.
pub fn promotion(dataset: &Dataset, evaluation: &Evaluation, lang: Lang) -> String {
    let names: Vec<String> = promotion_candidates(dataset, evaluation, PROMOTION_YEARS)
        .into_iter()
        .filter_map(|z| Some(dataset.zones.get(z)?.name.shown(lang)))
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let n = PROMOTION_YEARS;
    let list = super::figures::name_list(&names, lang);
    match (lang, names.len()) {
        (Lang::Zh, 0) => format!(
            "以升促建（本项目所定标准：市级高新区连续{n}年得分不低于国家级高新区得分的中位数）：目前没有符合条件的园区。"
        ),
        (Lang::Zh, _) => format!(
            "以升促建（本项目所定标准：市级高新区连续{n}年得分不低于国家级高新区得分的中位数）：{list}符合条件。"
        ),
        (Lang::En, count) => format!(
            "Promotion (以升促建, upgrading strong region-level zones; our criterion: a region-level zone scoring at least the national zones' median {n} years running): {}.",
            match count {
                0 => "no zone qualifies".to_string(),
                1 => format!("{list} qualifies"),
                _ => format!("{list} qualify"),
            }
        ),
    }
}

#[cfg(test)]
mod tests;
