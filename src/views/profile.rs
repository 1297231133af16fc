//! The view behind the `profile` chart, "zone profile": the selected zone's composite
//! score and dimension sub-scores (0–100) in one year beside the average of
//! the zones, as paired bars, with the zone's rank on each.
//!
//! Without a selected zone the chart shows the zone ranked first (among the
//! zones of the level filter) and says so. The average is the plain mean of
//! the scored zones the level filter shows: "region average", or "national
//! zones' average" under the filter. Each dimension's label carries the
//! weight it has under the current settings (the framework's 20/20/15/15/30,
//! the reader's, or the entropy weights).

use crate::format::{capitalised, grouped, Fixed};
use crate::i18n::Lang;
use crate::model::Level;

use super::evaluation::{level_phrase, method_label, rank_text, score_text};
use super::figures::name_list;
use super::{Context, Rows, Table};

/// Everything the `profile` chart shows, strings already in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileView {
    pub lang: Lang,
    pub year: i32,
    pub title: String,
    /// The zone profiled: an index into `Dataset::zones`.
    pub zone: Option<usize>,
    /// The legend entries: the zone's name, and whose average.
    pub legend_zone: String,
    pub legend_average: String,
    /// The composite score first, then one row per framework dimension.
    pub rows: Vec<ProfileRow>,
    /// The line under the legend: which zone and why, the method.
    pub note: String,
    pub missing_text: String,
    /// Shown instead of the chart when there is nothing to profile.
    pub error: Option<String>,
    pub summary: String,
}

/// One pair of bars.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileRow {
    /// The dimension's name and weight: "创新能力和创业活跃度（20%）".
    pub label: String,
    /// The dimension's name alone.
    pub name: String,
    /// The dimension's share of the weights under the current settings
    /// (0–1); `None` for the composite row.
    pub weight: Option<f64>,
    /// 0–100; `None` when the zone has no value in the dimension.
    pub score: Option<f64>,
    pub rank: Option<usize>,
    /// The mean of the shown zones' scores; `None` when none has one.
    pub average: Option<f64>,
    pub tooltip: String,
}

impl ProfileView {
    /// Builds the profile of `selected` (or the leader) in `year`.
    pub fn build(context: &Context) -> ProfileView {
        let (dataset, evaluated, state) = (context.dataset, context.evaluated(), context.state);
        let (year, level, selected, lang) = (state.year, state.level, state.zone, state.lang);
        let mut view = ProfileView {
            lang,
            year,
            title: lang.pick("园区画像", "Zone profile").to_string(),
            zone: None,
            legend_zone: String::new(),
            legend_average: average_label(level, context.area_name(), lang),
            rows: Vec::new(),
            note: String::new(),
            missing_text: lang.pick("缺少数据", "no data").to_string(),
            error: None,
            summary: String::new(),
        };
        let evaluation = match &evaluated.evaluation {
            Ok(evaluation) => evaluation,
            Err(error) => {
                let message = match lang {
                    Lang::Zh => format!("无法计算综合评价：{error}"),
                    Lang::En => format!("The evaluation could not be computed: {error}"),
                };
                view.summary = message.clone();
                view.error = Some(message);
                return view;
            }
        };
        let Some(year_eval) = evaluation.year(year) else {
            let message = match lang {
                Lang::Zh => format!("没有{year}年的评价结果"),
                Lang::En => format!("no evaluation for {year}"),
            };
            view.summary = message.clone();
            view.error = Some(message);
            return view;
        };
        let visible: Vec<&crate::analysis::evaluation::ZoneScore> = year_eval
            .zones
            .iter()
            .filter(|z| dataset.zones.get(z.zone).is_some_and(|d| state.shows(d)))
            .collect();
        let leader = visible
            .iter()
            .filter(|z| z.rank.is_some())
            .min_by_key(|z| z.rank)
            .map(|z| z.zone);
        let chosen = selected.filter(|&z| z < year_eval.zones.len()).or(leader);
        let Some(zone_score) = chosen.and_then(|z| year_eval.zones.get(z)) else {
            let message = lang
                .pick("没有可显示的园区。", "No zone to profile.")
                .to_string();
            view.summary = message.clone();
            view.error = Some(message);
            return view;
        };
        let name = dataset
            .zones
            .get(zone_score.zone)
            .map_or_else(|| zone_score.zone_id.to_string(), |z| z.name.shown(lang));
        view.zone = Some(zone_score.zone);
        view.title = match lang {
            Lang::Zh => format!("{name}各维度得分与平均（{year}年）"),
            Lang::En => format!("{name}: scores by dimension against the average ({year})"),
        };
        view.legend_zone = name.clone();
        let method = capitalised(&method_label(&evaluation.settings, lang));
        view.note = match (selected.is_some(), lang) {
            (true, Lang::Zh) => format!("{method}。"),
            (true, Lang::En) => format!("{method}."),
            (false, Lang::Zh) => format!("未选择园区，显示排名第一的{name}。{method}。"),
            (false, Lang::En) => {
                format!("No zone selected: showing the leader, {name}. {method}.")
            }
        };

        let ranked = year_eval.zones.iter().filter(|z| z.rank.is_some()).count();
        let mean = |values: Vec<f64>| {
            (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
        };
        let composite_average = mean(visible.iter().filter_map(|z| z.score).collect());
        let mut rows = vec![ProfileRow {
            label: lang.pick("综合得分", "Composite score").to_string(),
            name: lang.pick("综合得分", "Composite score").to_string(),
            weight: None,
            score: zone_score.score,
            rank: zone_score.rank,
            average: composite_average,
            tooltip: String::new(),
        }];
        for (d, dimension) in evaluation.dimensions.iter().enumerate() {
            let weight = year_eval.dimension_weights.get(d).copied();
            let dim_name = dimension.name.shown(lang);
            let label = match (weight, lang) {
                (Some(w), Lang::Zh) => format!("{dim_name}（{}）", crate::format::percent(w, 0)),
                (Some(w), Lang::En) => format!("{dim_name} ({})", crate::format::percent(w, 0)),
                (None, _) => dim_name.clone(),
            };
            let at =
                |z: &crate::analysis::evaluation::ZoneScore| year_eval.dimension_score(z.zone, d);
            rows.push(ProfileRow {
                label,
                name: dim_name,
                weight,
                score: at(zone_score),
                rank: year_eval.dimension_rank(zone_score.zone, d),
                average: mean(visible.iter().filter_map(|z| at(z)).collect()),
                tooltip: String::new(),
            });
        }
        for row in &mut rows {
            row.tooltip = tooltip(row, &name, &view.legend_average, ranked, lang);
        }
        view.summary = summary(&rows, &name, year, &view.legend_average, ranked, lang);
        let facts = industries_and_sub_parks(dataset, zone_score.zone, lang);
        super::figures::push_sentence(&mut view.summary, &facts, lang);
        view.rows = rows;
        view
    }

    /// [`Self::table`], written whole: a few rows.
    pub fn rows(&self) -> Rows<'_> {
        Rows::written(self.table())
    }

    /// The rows as a table: dimension, weight, the zone's score and rank,
    /// the average.
    pub fn table(&self) -> Table {
        let lang = self.lang;
        let columns = vec![
            lang.pick("维度", "Dimension").to_string(),
            lang.pick("权重", "Weight").to_string(),
            format!("{}{}", self.legend_zone, lang.pick("得分", ": score")),
            lang.pick("名次", "Rank").to_string(),
            self.legend_average.clone(),
        ];
        let rows = self
            .rows
            .iter()
            .map(|r| {
                vec![
                    r.name.clone(),
                    r.weight.map_or_else(
                        || lang.pick("合计", "all").to_string(),
                        |w| crate::format::percent(w, 1),
                    ),
                    r.score
                        .map_or_else(|| self.missing_text.clone(), |s| Fixed(s, 1).to_string()),
                    rank_text(r.rank, lang),
                    r.average
                        .map_or_else(|| self.missing_text.clone(), |s| Fixed(s, 1).to_string()),
                ]
            })
            .collect();
        Table {
            caption: self.title.clone(),
            columns,
            rows,
        }
    }
}

/// The zone's leading industries by name and its sub-parks (一区多园): each
/// with its land and leading industry, their land together, and the core
/// zone's land without them (a zone's land includes its sub-parks', whose
/// other figures count in the zone: docs/DATA.md).
fn industries_and_sub_parks(dataset: &crate::model::Dataset, zone: usize, lang: Lang) -> String {
    let Some(data) = dataset.zones.get(zone) else {
        return String::new();
    };
    let industry = |k: &usize| {
        dataset
            .industries
            .get(*k)
            .map_or_else(String::new, |i| i.name.shown(lang))
    };
    let names: Vec<String> = data.leading_industries.iter().map(industry).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut text = if names.is_empty() {
        String::new()
    } else {
        match lang {
            Lang::Zh => format!("主导产业：{}。", name_list(&names, lang)),
            Lang::En => format!("Leading industries: {}.", name_list(&names, lang)),
        }
    };
    let parks: Vec<&crate::model::Zone> = dataset.sub_parks_of(zone).collect();
    if parks.is_empty() {
        return text;
    }
    let km2 = |x: f64| crate::format::grouped(x, 1);
    let listed: Vec<String> = parks
        .iter()
        .map(|p| {
            let lead: Vec<String> = p.leading_industries.iter().map(industry).collect();
            match lang {
                Lang::Zh => format!(
                    "{}（{}平方千米，{}）",
                    p.name.shown(lang),
                    km2(p.land_km2),
                    lead.join("、")
                ),
                Lang::En => format!(
                    "{} ({} km², {})",
                    p.name.shown(lang),
                    km2(p.land_km2),
                    lead.join(", ")
                ),
            }
        })
        .collect();
    let parks_land: f64 = parks.iter().map(|p| p.land_km2).sum();
    let core = data.land_km2 - parks_land;
    let sentence = match lang {
        Lang::Zh => format!(
            "一区多园：含{}个分园区，{}；分园区面积合计{}平方千米，占全区{}平方千米的{}，不含分园区的核心区{}平方千米；分园区的其他数据计入本区。",
            parks.len(),
            listed.join("、"),
            km2(parks_land),
            km2(data.land_km2),
            crate::format::percent(parks_land / data.land_km2, 1),
            km2(core)
        ),
        Lang::En => format!(
            "One zone, several parks: {} sub-parks, {}; together {} km² of the zone's {} km² ({}), the core without them {} km²; their other figures count in the zone.",
            parks.len(),
            listed.join("; "),
            km2(parks_land),
            km2(data.land_km2),
            crate::format::percent(parks_land / data.land_km2, 1),
            km2(core)
        ),
    };
    super::figures::push_sentence(&mut text, &sentence, lang);
    text
}

fn average_label(level: Option<Level>, area: Option<&str>, lang: Lang) -> String {
    match (level_phrase(level, area, lang), lang) {
        (Some(who), Lang::Zh) => format!("{who}平均"),
        (Some(who), Lang::En) => format!("average of the {who}"),
        (None, _) => lang
            .pick("全部园区平均", "average of all zones")
            .to_string(),
    }
}

fn tooltip(row: &ProfileRow, zone: &str, average: &str, ranked: usize, lang: Lang) -> String {
    // Grouped as every figure on screen: "共1,960个", not "1960".
    let ranked = grouped(ranked as f64, 0);
    let avg = row.average.map_or_else(
        || lang.pick("缺少数据", "no data").to_string(),
        |a| Fixed(a, 1).to_string(),
    );
    match lang {
        Lang::Zh => format!(
            "{}：{zone} {}（{}，共{ranked}个），{average} {avg}",
            row.label,
            score_text(row.score, lang),
            rank_text(row.rank, lang)
        ),
        Lang::En => format!(
            "{}: {zone} {} ({} of {ranked}), {average} {avg}",
            row.label,
            score_text(row.score, lang),
            rank_text(row.rank, lang)
        ),
    }
}

/// The composite against the average, the strongest and weakest dimension
/// (by the zone's rank in it), how many dimensions are above the average.
fn summary(
    rows: &[ProfileRow],
    zone: &str,
    year: i32,
    average: &str,
    ranked: usize,
    lang: Lang,
) -> String {
    let Some((composite, dimensions)) = rows.split_first() else {
        return String::new();
    };
    let ranked = grouped(ranked as f64, 0);
    let mut text = match (composite.score, composite.average) {
        (Some(s), Some(a)) => match lang {
            Lang::Zh => format!(
                "{zone}{year}年综合得分{s}（{}，共{ranked}个），{}{average}（{a}）。",
                rank_text(composite.rank, lang),
                if s >= a { "高于" } else { "低于" },
                s = Fixed(s, 1),
                a = Fixed(a, 1)
            ),
            Lang::En => format!(
                "In {year} {zone} scores {s} ({} of {ranked}), {} the {average} ({a}).",
                rank_text(composite.rank, lang),
                if s >= a { "above" } else { "below" },
                s = Fixed(s, 1),
                a = Fixed(a, 1)
            ),
        },
        _ => match lang {
            Lang::Zh => format!("{zone}{year}年没有综合得分。"),
            Lang::En => format!("{zone} has no composite score in {year}."),
        },
    };
    // Strongest and weakest among the zones: by rank in the dimension (the
    // sub-scores of different dimensions are not on one scale), ties by
    // score.
    let scored: Vec<&ProfileRow> = dimensions
        .iter()
        .filter(|r| r.score.is_some() && r.rank.is_some())
        .collect();
    let key = |r: &&ProfileRow| (r.rank.unwrap_or(usize::MAX), -r.score.unwrap_or(0.0));
    let strongest = scored.iter().copied().min_by(|a, b| {
        key(a)
            .partial_cmp(&key(b))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let weakest = scored.iter().copied().max_by(|a, b| {
        key(a)
            .partial_cmp(&key(b))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    if let (Some(hi), Some(lo)) = (strongest, weakest) {
        let part = |r: &ProfileRow| match lang {
            Lang::Zh => format!(
                "{}（{}，{}）",
                r.name,
                score_text(r.score, lang),
                rank_text(r.rank, lang)
            ),
            Lang::En => format!(
                "{} ({}, {})",
                crate::format::in_sentence(&r.name),
                score_text(r.score, lang),
                rank_text(r.rank, lang)
            ),
        };
        text.push_str(&match lang {
            Lang::Zh => format!("最强的维度是{}，最弱的是{}", part(hi), part(lo)),
            Lang::En => format!(
                " Its strongest dimension is {}, its weakest {}",
                part(hi),
                part(lo)
            ),
        });
        let above = scored
            .iter()
            .filter(|r| matches!((r.score, r.average), (Some(s), Some(a)) if s >= a))
            .count();
        text.push_str(&match lang {
            Lang::Zh => format!("；{}个维度中有{above}个不低于平均。", dimensions.len()),
            Lang::En => format!(
                "; it is at or above the average on {above} of {} dimensions.",
                dimensions.len()
            ),
        });
    }
    let missing: Vec<&str> = dimensions
        .iter()
        .filter(|r| r.score.is_none())
        .map(|r| r.name.as_str())
        .collect();
    if !missing.is_empty() {
        text.push_str(&match lang {
            Lang::Zh => format!("缺少数据的维度：{}。", missing.join("、")),
            Lang::En => format!(" No data for: {}.", missing.join(", ")),
        });
    }
    text
}

#[cfg(test)]
mod tests;
