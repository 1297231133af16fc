//! Integration (整合、托管, 一区多园) as the reader tries it: the partners
//! offered for the selected national zone with the criterion that made
//! them partners ("同一区域（都市圈）、产业相似度0.71": the area is the
//! Area filter's, `metro_areas` in the file), what the control says while
//! it offers none (`hint`), and the result in a
//! sentence and a table (the combined zone's score and rank, the zones
//! whose rank changes, the Gini and Theil T before → after). The numbers
//! are `analysis::integration`'s; the widget and `zone-monitor report
//! --integrate` say the same.

use super::evaluation::rank_text as rank;
use super::figures::indicator_value;
use super::Table;
use crate::analysis::evaluation::EvaluationSettings;
use crate::analysis::integration::{integrate, partners, Combination, Integration, Partner};
use crate::format::grouped;
use crate::i18n::Lang;
use crate::model::Dataset;

/// Why `partner` is offered: "同一区域（都市圈）、产业相似度0.71".
pub fn criterion(dataset: &Dataset, partner: &Partner, lang: Lang) -> String {
    let area = dataset
        .metro_areas
        .get(partner.metro_area)
        .map_or_else(String::new, |a| a.name.shown(lang));
    let similarity = partner
        .similarity
        .map_or_else(|| "—".to_string(), |s| grouped(s, 2));
    match lang {
        Lang::Zh => format!("同一区域（{area}）、产业相似度{similarity}"),
        Lang::En => format!("same area ({area}), industry similarity {similarity}"),
    }
}

/// What the control says while it offers no partner: with no zone
/// selected, which to select; with a region-level zone, that a national
/// zone takes over (a tester found the first words kept for it); with a
/// national zone, that it is in no area or that its area has no
/// region-level zone left to take over.
pub fn hint(dataset: &Dataset, zone: Option<usize>, lang: Lang) -> String {
    let Some(zone) = zone.and_then(|z| dataset.zones.get(z)) else {
        return lang
            .pick(
                "先选择一个国家级高新区，列出同一区域内可并入它的市级高新区（按产业相似度排列）。",
                "Select a national zone to list the region-level zones of its area it could take over (most similar industries first).",
            )
            .to_string();
    };
    // (`shown` isolates a name from the words around it.)
    let name = zone.name.shown(lang);
    let national = zone.level == crate::model::Level::National;
    match (national, zone.metro_area.is_some(), lang) {
        (false, _, Lang::Zh) => format!("{name}不是国家级高新区：请选择一个国家级高新区。"),
        (false, _, Lang::En) => format!("{name} is not a national zone: select a national zone."),
        (true, false, Lang::Zh) => format!("{name}不属于任何区域，没有可并入的市级高新区。"),
        (true, false, Lang::En) => {
            format!("{name} is in no area: there is no region-level zone to take over.")
        }
        (true, true, Lang::Zh) => format!("{name}所在区域没有可并入的市级高新区。"),
        (true, true, Lang::En) => format!("{name}'s area has no region-level zone to take over."),
    }
}

/// The partners of `national` as the select lists them: id and "name ·
/// criterion", most similar first; none of the zones in `out` (named for
/// exit).
pub fn choices(
    dataset: &Dataset,
    national: usize,
    out: &[usize],
    lang: Lang,
) -> Vec<(String, String)> {
    partners(dataset, national, out)
        .iter()
        .filter_map(|p| {
            let zone = dataset.zones.get(p.zone)?;
            Some((
                zone.id.clone(),
                format!(
                    "{} · {}",
                    zone.name.shown(lang),
                    criterion(dataset, p, lang)
                ),
            ))
        })
        .collect()
}

/// The integration of the pair under the reader's evaluation settings in
/// `year`, Gini and Theil of `indicator`; `None` when the pair cannot be
/// integrated (not adjacent) or evaluated.
pub fn compute(
    dataset: &mut Dataset,
    settings: &EvaluationSettings,
    pair: (usize, usize),
    year: i32,
    indicator: usize,
) -> Option<Integration> {
    integrate(dataset, settings, pair, Some(year), indicator).ok()
}

fn number(value: Option<f64>, decimals: usize) -> String {
    value.map_or_else(|| "—".to_string(), |v| grouped(v, decimals))
}

/// The result in a sentence: "甲高新区整合寅高新区（同一区域（都市圈）、
/// 产业相似度0.71）：2022年合并后得分61.2，排第2名（甲高新区原第4名、
/// 寅高新区原第20名，参评36家→35家）；另有3家园区名次变化。园区生产总值的
/// 基尼系数0.412→0.398，泰尔指数T 0.301→0.284。"
pub fn summary(dataset: &Dataset, result: &Integration, lang: Lang) -> String {
    let name = |z: usize| {
        dataset
            .zones
            .get(z)
            .map_or_else(String::new, |z| z.name.shown(lang))
    };
    let (a, b) = (name(result.national), name(result.partner.zone));
    let why = criterion(dataset, &result.partner, lang);
    let others: Vec<_> = result
        .moves
        .iter()
        .filter(|m| m.zone != result.national && m.zone != result.partner.zone)
        .collect();
    // Zones below the partner move up a place only because it left the
    // ranking; the rest moved because the scores changed.
    let only_shifted = others
        .iter()
        .filter(|m| match (m.before, m.after, result.partner_rank_before) {
            (Some(b), Some(a), Some(p)) => b > p && a + 1 == b,
            _ => false,
        })
        .count();
    let all = only_shifted == others.len() && only_shifted > 1;
    // Counts grouped as every figure on screen ("1,977", not "1977").
    let g = |n: usize| crate::format::grouped(n as f64, 0);
    let shifted = match (only_shifted, lang) {
        (0, _) => String::new(),
        (_, Lang::Zh) if all => "（均只因少了一家参评而前移一位）".to_string(),
        (n, Lang::En) if all => format!(
            " (all {} only up one place as one zone fewer is ranked)",
            g(n)
        ),
        (n, Lang::Zh) => format!("（其中{}家只因少了一家参评而前移一位）", g(n)),
        (1, Lang::En) => " (1 only up one place as one zone fewer is ranked)".to_string(),
        (n, Lang::En) => format!(" ({} only up one place as one zone fewer is ranked)", g(n)),
    };
    let others = match (others.len(), lang) {
        (n, Lang::Zh) => g(n),
        (1, Lang::En) => "1 other zone changes rank".to_string(),
        (n, Lang::En) => format!("{} other zones change rank", g(n)),
    };
    let indicator = dataset
        .indicators
        .get(result.indicator)
        .map_or_else(String::new, |i| i.name.shown(lang));
    let (score, year) = (number(result.score.after, 1), result.year);
    let (now, was, partner_was) = (
        rank(result.rank_after, lang),
        rank(result.rank_before, lang),
        rank(result.partner_rank_before, lang),
    );
    let (n0, n1) = (g(result.ranked_before), g(result.ranked_after));
    let (g0, g1) = (number(result.gini.before, 3), number(result.gini.after, 3));
    let (t0, t1) = (
        number(result.theil_t.before, 3),
        number(result.theil_t.after, 3),
    );
    match lang {
        Lang::Zh => format!(
            "{a}整合{b}（{why}）：{year}年合并后得分{score}，排{now}（{a}原{was}、{b}原{partner_was}，参评{n0}家→{n1}家）；另有{others}家园区名次变化{shifted}。{indicator}的基尼系数{g0}→{g1}，泰尔指数T {t0}→{t1}。排名图仍为未整合的排名。"
        ),
        Lang::En => format!(
            "{a} takes over {b} ({why}): in {year} the combined zone scores {score} and ranks {now} ({a} was {was}, {b} {partner_was}; {n0} zones ranked → {n1}); {others}{shifted}. Gini of {indicator} {g0} → {g1}, Theil T {t0} → {t1}. The ranking chart shows the ranking without the integration."
        ),
    }
}

/// How a value was combined, in words.
fn how(dataset: &Dataset, combination: &Combination, lang: Lang) -> String {
    match combination {
        Combination::Sum => lang.pick("相加", "sum").to_string(),
        Combination::WeightedBy(id) => {
            let by = dataset
                .indicator(id)
                .map_or_else(|| id.clone(), |i| i.name.shown(lang));
            match lang {
                Lang::Zh => format!("按{by}加权平均"),
                Lang::En => format!("mean weighted by {}", crate::format::in_sentence(&by)),
            }
        }
        Combination::Unknown => lang
            .pick("分母未知，不合并", "denominator unknown: left out")
            .to_string(),
    }
}

/// The table behind the sentence, columns item, before, after, note: the
/// score, then each evaluated indicator (before: the two zones' values,
/// national first; note: how they combine), then each zone whose rank
/// changes.
pub fn table(dataset: &Dataset, result: &Integration, lang: Lang) -> Table {
    let t = |zh: &str, en: &str| lang.pick(zh, en).to_string();
    let name = |z: usize| {
        dataset
            .zones
            .get(z)
            .map_or_else(String::new, |z| z.name.shown(lang))
    };
    let value = |i: usize, v: Option<f64>| {
        v.map_or_else(|| "—".to_string(), |v| indicator_value(dataset, i, v, lang))
    };
    let mut rows = vec![vec![
        t("得分", "Score"),
        number(result.score.before, 1),
        number(result.score.after, 1),
        name(result.national),
    ]];
    rows.extend(
        result
            .values
            .iter()
            .filter(|v| {
                dataset
                    .indicators
                    .get(v.indicator)
                    .is_some_and(|i| i.dimension.is_some())
            })
            .map(|v| {
                vec![
                    dataset.indicators[v.indicator].name.shown(lang),
                    format!(
                        "{} · {}",
                        value(v.indicator, v.national),
                        value(v.indicator, v.partner)
                    ),
                    value(v.indicator, v.combined),
                    how(dataset, &v.how, lang),
                ]
            }),
    );
    for m in &result.moves {
        rows.push(vec![
            format!("{}{}", t("名次：", "Rank: "), name(m.zone)),
            rank(m.before, lang),
            rank(m.after, lang),
            if m.zone == result.partner.zone {
                t("并入", "merged")
            } else {
                String::new()
            },
        ]);
    }
    Table {
        caption: summary(dataset, result, lang),
        columns: vec![
            t("项目", "Item"),
            t("整合前", "Before"),
            t("整合后", "After"),
            t("说明", "Note"),
        ],
        rows,
    }
}

#[cfg(test)]
mod tests;
