//! The view behind the `bump` chart, "rank over the years": each zone's rank in every
//! year of the data (a bump chart), with the dynamic management tier it
//! earned that year as the point's marker.
//!
//! Lines are listed in the order of the zones' rank in the last year (zones
//! not ranked then come last): the reading order of the labels at the right
//! end. Each year is normalised on its own, so ranks, not scores, are
//! compared across years. Under the level filter only the zones of that level
//! have lines; their ranks are among all zones.

use crate::format::{capitalised, grouped};
use crate::i18n::Lang;
use crate::metrics::dynamic::Tier;

use super::evaluation::{
    level_phrase, main_tier, method_label, rank_text, reasons_text, score_text, tier_label,
    tier_legend, verdict,
};
use super::{Context, Rows, Table};

/// Everything the `bump` chart shows, strings already in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct BumpView {
    pub lang: Lang,
    pub title: String,
    pub years: Vec<i32>,
    pub axis_label: String,
    pub legend: Vec<(Option<Tier>, String)>,
    pub note: String,
    /// One per shown zone, in the order of their rank in the last year.
    pub lines: Vec<BumpLine>,
    /// The largest rank of any year.
    pub max_rank: usize,
    /// The ranks the chart draws, 0-based (rank r is r − 1;
    /// `super::window`): all up to `super::WINDOW`, else a window around
    /// the selected zone's last rank; the note says so and the table has
    /// every zone.
    pub shown: std::ops::Range<usize>,
    /// The lane under the ranks where zones sit, greyed, from the year
    /// after they were named for exit: "已退出" / "exited".
    pub exited_label: String,
    /// How many zones end in that lane, for its label when their names do
    /// not fit: "18个园区" / "18 zones".
    pub exited_count: String,
    /// Before the selected zone's row of year cells: "所选" / "Selected".
    pub selected_label: String,
    pub error: Option<String>,
    pub summary: String,
}

/// One zone over the years.
#[derive(Debug, Clone, PartialEq)]
pub struct BumpLine {
    pub zone: usize,
    pub name: String,
    pub selected: bool,
    /// One per year of [`BumpView::years`].
    pub points: Vec<BumpPoint>,
}

/// A zone in a year.
#[derive(Debug, Clone, PartialEq)]
pub struct BumpPoint {
    pub year: i32,
    /// `None`: not scored that year; the line breaks.
    pub rank: Option<usize>,
    pub score: Option<f64>,
    /// The marker's tier: the most severe earned.
    pub tier: Option<Tier>,
    /// Every tier earned (reward, warning, exit order).
    pub tiers: Vec<Tier>,
    /// The year the zone was named for exit, when before this one: out of
    /// the ranking (no point drawn).
    pub exited_in: Option<i32>,
    /// Why it earned its tiers, in words ("" when none): its tooltip's end.
    pub reasons: String,
}

impl BumpView {
    /// Builds the ranks of every year from the cached evaluation.
    pub fn build(context: &Context) -> BumpView {
        let (dataset, evaluated, state) = (context.dataset, context.evaluated(), context.state);
        let (level, selected, lang) = (state.level, state.zone, state.lang);
        let who = level_phrase(level, context.area_name(), lang);
        let title = match lang {
            Lang::Zh => format!(
                "{}历年排名与动态管理",
                who.clone().unwrap_or_else(|| "高新区".into())
            ),
            Lang::En => format!(
                "Rank of the {} over the years, with their tiers",
                who.clone().unwrap_or_else(|| "zones".into())
            ),
        };
        let mut view = BumpView {
            lang,
            title,
            years: dataset.years.clone(),
            axis_label: lang.pick("名次", "Rank").to_string(),
            legend: tier_legend(lang),
            note: String::new(),
            lines: Vec::new(),
            max_rank: 0,
            shown: 0..0,
            exited_label: lang.pick("已退出", "exited").to_string(),
            exited_count: String::new(),
            selected_label: lang.pick("所选", "Selected").to_string(),
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
        view.years = evaluation.years.iter().map(|y| y.year).collect();
        view.max_rank = evaluation
            .years
            .iter()
            .flat_map(|y| y.zones.iter().filter_map(|z| z.rank))
            .max()
            .unwrap_or(0);
        let mut lines: Vec<BumpLine> = dataset
            .zones
            .iter()
            .enumerate()
            .filter(|(_, zone)| state.shows(zone))
            .map(|(z, zone)| {
                let name = zone.name.shown(lang);
                let points = evaluation
                    .years
                    .iter()
                    .map(|y| {
                        let score = y.zones.get(z);
                        let v = verdict(evaluation, z, y.year);
                        let tiers = v.map_or_else(Vec::new, |v| v.verdict.tiers.clone());
                        let tier = main_tier(&tiers);
                        let rank = score.and_then(|s| s.rank);
                        let value = score.and_then(|s| s.score);
                        BumpPoint {
                            year: y.year,
                            rank,
                            score: value,
                            tier,
                            tiers,
                            exited_in: score.and_then(|s| s.exited_in),
                            reasons: reasons_text(v, lang),
                        }
                    })
                    .collect();
                BumpLine {
                    zone: z,
                    name,
                    selected: selected == Some(z),
                    points,
                }
            })
            .collect();
        crate::order::sort_by_key(&mut lines, |l| {
            let last = l.points.last().and_then(|p| p.rank);
            (last.is_none(), last)
        });
        let method = capitalised(&method_label(&evaluation.settings, lang));
        view.note = match (who, lang) {
            (Some(who), Lang::Zh) => format!(
                "{method}。每年单独标准化，比较名次而非得分。仅列{who}，名次为全部园区中的名次。"
            ),
            (Some(who), Lang::En) => format!(
                "{method}. Each year is normalised on its own: compare ranks, not scores. \
                 Only the {who}, ranked among all zones."
            ),
            (None, Lang::Zh) => format!("{method}。每年单独标准化，比较名次而非得分。"),
            (None, Lang::En) => {
                format!("{method}. Each year is normalised on its own: compare ranks, not scores.")
            }
        };
        let around = lines
            .iter()
            .find(|l| l.selected)
            .and_then(|l| l.points.iter().rev().find_map(|p| p.rank))
            .map(|r| r - 1);
        view.shown = super::window(view.max_rank, around);
        if view.shown.len() < view.max_rank {
            view.note.push(' ');
            view.note
                .push_str(&super::window_note(&view.shown, view.max_rank, lang));
        }
        let out = lines
            .iter()
            .filter(|l| l.points.last().is_some_and(|p| p.exited_in.is_some()))
            .count();
        view.exited_count = format!(
            "{}{}",
            grouped(out as f64, 0),
            lang.pick("个园区", " zones")
        );
        view.summary = summary(&lines, &view.years, lang);
        view.lines = lines;
        view
    }

    /// A point's tooltip, written when it is drawn: "甲高新区 2022年：第3名，
    /// 40.0分；奖励：…" (2,000 zones × 20 years written at each build were
    /// a third of the dynamic tab's view, issue 15).
    pub fn tooltip(&self, line: &BumpLine, point: &BumpPoint) -> String {
        let (lang, name, year) = (self.lang, &line.name, point.year);
        if let Some(e) = point.exited_in {
            return match lang {
                Lang::Zh => format!("{name} {year}年：已于{e}年列入退出，不再排名"),
                Lang::En => format!("{name} in {year}: named for exit in {e}, no longer ranked"),
            };
        }
        let (rank, score) = (rank_text(point.rank, lang), score_text(point.score, lang));
        let mut tooltip = match lang {
            Lang::Zh => format!("{name} {year}年：{rank}，{score}"),
            Lang::En => format!("{name} in {year}: {rank}, score {score}"),
        };
        if point.score.is_some() && lang == Lang::Zh {
            tooltip.push('分');
        }
        if !point.reasons.is_empty() {
            tooltip.push_str(lang.pick("；", "; "));
            tooltip.push_str(&point.reasons);
        }
        tooltip
    }

    /// One row per zone, one column per year: "3（预警）" / "3 (warning)".
    pub fn rows(&self) -> Rows<'_> {
        let lang = self.lang;
        let mut columns = vec![lang.pick("园区", "Zone").to_string()];
        columns.extend(self.years.iter().map(|y| match lang {
            Lang::Zh => format!("{y}年名次"),
            Lang::En => format!("Rank {y}"),
        }));
        Rows::new(
            &self.title,
            columns,
            self.lines.len(),
            Box::new(move |i: usize| {
                let line = &self.lines[i];
                let mut row = vec![line.name.clone()];
                row.extend(line.points.iter().map(|p| match (p.rank, p.tier) {
                    (None, _) if p.exited_in.is_some() => self.exited_label.clone(),
                    (None, _) => lang.pick("未评分", "not scored").to_string(),
                    (Some(r), None) => r.to_string(),
                    (Some(r), tier) => match lang {
                        Lang::Zh => format!("{r}（{}）", tier_label(tier, lang)),
                        Lang::En => format!("{r} ({})", tier_label(tier, lang)),
                    },
                }));
                row
            }),
        )
    }

    /// Every row of [`Self::rows`].
    pub fn table(&self) -> Table {
        self.rows().table()
    }
}

/// A zone's history, year by year, its rank and tier (years in a row with
/// the same, one run: "2004–2019年第1名"), an exit as the event that ends
/// it: "所选的丑高新区：2018年第34名（预警）→ 2019年第34名（列入退出）→
/// 2020年起已退出。"
pub fn timeline(line: &BumpLine, lang: Lang) -> String {
    let mut steps = Vec::new();
    let mut t = 0;
    while let Some(p) = line.points.get(t) {
        if p.exited_in.is_some() {
            steps.push(match lang {
                Lang::Zh => format!("{}年起已退出", p.year),
                Lang::En => format!("out from {}", p.year),
            });
            break;
        }
        // The years in a row with the same rank and tier: one step.
        let end = t + line.points[t..]
            .iter()
            .take_while(|q| q.exited_in.is_none() && (q.rank, q.tier) == (p.rank, p.tier))
            .count();
        let years = years_run(p.year, line.points[end - 1].year);
        let tier = p
            .tier
            .map(|t| match lang {
                Lang::Zh => format!("（{}）", tier_label(Some(t), lang)),
                Lang::En => format!(" ({})", tier_label(Some(t), lang)),
            })
            .unwrap_or_default();
        steps.push(format!(
            "{years}{}{}{tier}",
            lang.pick("年", ": "),
            rank_text(p.rank, lang)
        ));
        t = end;
    }
    match lang {
        Lang::Zh => format!("所选的{}：{}。", line.name, steps.join(" → ")),
        Lang::En => format!(" The selected zone, {}: {}.", line.name, steps.join(" → ")),
    }
}

/// "2019" or "2004–2019": the years from `first` to `last`.
fn years_run(first: i32, last: i32) -> String {
    if first == last {
        first.to_string()
    } else {
        format!("{first}–{last}")
    }
}

/// Who led, as runs of years ("甲（2003年）、乙（2004–2019年）"), who moved
/// most, how many never moved, the last year's tiers.
fn summary(lines: &[BumpLine], years: &[i32], lang: Lang) -> String {
    let (Some(first_year), Some(last_year)) = (years.first(), years.last()) else {
        return String::new();
    };
    // Who ranks first, as runs of the data's years in a row: (name, first
    // year, last year, the last one's index).
    let mut leaders: Vec<(&str, i32, i32, usize)> = Vec::new();
    for (t, year) in years.iter().enumerate() {
        let Some(line) = lines
            .iter()
            .find(|l| l.points.get(t).and_then(|p| p.rank) == Some(1))
        else {
            continue;
        };
        match leaders.last_mut() {
            Some((name, _, last, i)) if *name == line.name && *i + 1 == t => {
                (*last, *i) = (*year, t);
            }
            _ => leaders.push((&line.name, *year, *year, t)),
        }
    }
    let mut text = match leaders[..] {
        [(name, first, _, last)] if first == *first_year && last + 1 == years.len() => match lang {
            Lang::Zh => format!("{first_year}–{last_year}年，{name}每年都排名第一"),
            Lang::En => format!("From {first_year} to {last_year} {name} ranks first every year"),
        },
        [] => match lang {
            Lang::Zh => format!("{first_year}–{last_year}年，所列园区都没有排名第一"),
            Lang::En => format!("From {first_year} to {last_year} no listed zone ranks first"),
        },
        _ => {
            let runs: Vec<String> = leaders
                .iter()
                .map(|(name, first, last, _)| {
                    format!(
                        "{name}{}{}{}",
                        lang.pick("（", " ("),
                        years_run(*first, *last),
                        lang.pick("年）", ")")
                    )
                })
                .collect();
            let runs: Vec<&str> = runs.iter().map(String::as_str).collect();
            let runs = super::figures::name_list(&runs, lang);
            match lang {
                Lang::Zh => format!("{first_year}–{last_year}年，排名第一的依次是{runs}"),
                Lang::En => {
                    format!("From {first_year} to {last_year} the first places go to {runs}")
                }
            }
        }
    };
    let span = |l: &BumpLine| {
        let ranks: Vec<usize> = l.points.iter().filter_map(|p| p.rank).collect();
        match (ranks.iter().min(), ranks.iter().max()) {
            (Some(lo), Some(hi)) => Some((hi - lo, *lo, *hi)),
            _ => None,
        }
    };
    let mover = lines
        .iter()
        .filter_map(|l| span(l).map(|s| (l, s)))
        .filter(|(_, (d, _, _))| *d > 0)
        .fold(
            None::<(&BumpLine, (usize, usize, usize))>,
            |best, x| match best {
                Some(b) if b.1 .0 >= x.1 .0 => Some(b),
                _ => Some(x),
            },
        );
    match mover {
        Some((line, (_, lo, hi))) => text.push_str(&match lang {
            Lang::Zh => format!(
                "；名次变动最大的是{}（在第{lo}名与第{hi}名之间）",
                line.name
            ),
            Lang::En => format!(
                "; {} moved most, between {} and {}",
                line.name,
                super::evaluation::ordinal(lo),
                super::evaluation::ordinal(hi)
            ),
        }),
        None => text.push_str(lang.pick("；名次没有变化", "; no rank changed")),
    }
    let steady = lines
        .iter()
        .filter(|l| {
            span(l).is_some_and(|(d, _, _)| d == 0) && l.points.iter().all(|p| p.rank.is_some())
        })
        .count();
    text.push_str(&match lang {
        Lang::Zh => format!(
            "；{}个园区中有{}个历年名次不变。",
            grouped(lines.len() as f64, 0),
            grouped(steady as f64, 0)
        ),
        Lang::En => format!(
            "; {} of {} zones kept the same rank every year.",
            grouped(steady as f64, 0),
            grouped(lines.len() as f64, 0)
        ),
    });
    if let Some(line) = lines.iter().find(|l| l.selected) {
        text.push_str(&timeline(line, lang));
    }
    let last = years.len() - 1;
    let count = |tier: Tier| {
        lines
            .iter()
            .filter(|l| l.points.get(last).is_some_and(|p| p.tiers.contains(&tier)))
            .count()
    };
    let [reward, warning, exit] =
        [Tier::Reward, Tier::Warning, Tier::Exit].map(|t| grouped(count(t) as f64, 0));
    text.push_str(&match lang {
        Lang::Zh => format!(
            "{last_year}年：{reward}个获奖励，{warning}个被预警（其中{exit}个列入退出），标记见图例。"
        ),
        Lang::En => format!(
            " In {last_year}: {reward} rewarded, {warning} warned ({exit} of them named for exit); markers as in the legend."
        ),
    });
    text
}

#[cfg(test)]
mod tests;
