//! The view behind the `stability` chart, "rank stability": how much each zone's rank in
//! one year depends on the weights. The Monte Carlo sensitivity analysis
//! (OECD/JRC 2008, step 7; `analysis::evaluation::sensitivity`) multiplies
//! every weight by its own factor in [1 − δ, 1 + δ) (δ = 0.2), N = 1,000
//! times with a fixed seed, and ranks the zones each time; each row shows the
//! median rank and the 5–95% interval of the ranks beside the rank under the
//! chosen weights.
//!
//! Rows are in the order of that rank (unranked zones last); under the level
//! filter only that level's zones, ranked among all zones.

use crate::format::{capitalised, grouped, Fixed};
use crate::i18n::Lang;

use super::evaluation::{level_phrase, method_label, ordinal, percentile_margin, rank_text};
use super::{headings, Context, Rows, Table};
use crate::analysis::evaluation::DEFAULT_SENSITIVITY;

/// Everything the `stability` chart shows, strings already in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct StabilityView {
    pub lang: Lang,
    pub year: i32,
    pub title: String,
    pub axis_label: String,
    pub legend_median: String,
    pub legend_interval: String,
    pub legend_base: String,
    /// δ, N, seed and the method, in words.
    pub note: String,
    pub rows: Vec<StabilityRow>,
    /// The rows the chart draws (`super::window`): all up to
    /// `super::WINDOW`, else a window around the selected zone; the note
    /// says so and the table has every row.
    pub shown: std::ops::Range<usize>,
    /// The ranks the axis spans, `min_rank..=max_rank`: 1 to the number of
    /// ranked zones, or for a window (national scale) the ranks of the rows
    /// drawn (their current ranks and 5–95% ranges), so that those ranges
    /// are not squeezed into a sliver of an axis of thousands.
    pub min_rank: usize,
    pub max_rank: usize,
    pub error: Option<String>,
    pub summary: String,
}

/// One zone's rank over the draws.
#[derive(Debug, Clone, PartialEq)]
pub struct StabilityRow {
    pub zone: usize,
    pub name: String,
    /// The rank under the chosen weights.
    pub base_rank: Option<usize>,
    pub median: Option<f64>,
    pub p05: Option<usize>,
    pub p95: Option<usize>,
    /// Mean |rank in a draw − base rank|, in places.
    pub mean_abs_shift: Option<f64>,
    pub selected: bool,
    pub tooltip: String,
}

impl StabilityView {
    /// Builds the view of `year` from the cached evaluation, computing that
    /// year's sensitivity if it has not been yet.
    pub fn build(context: &Context) -> StabilityView {
        let (dataset, evaluated, state) = (context.dataset, context.evaluated(), context.state);
        let (year, level, selected, lang) = (state.year, state.level, state.zone, state.lang);
        let spec = &evaluated.spec;
        let title = match lang {
            Lang::Zh => format!(
                "{}排名的稳定性（{year}年）",
                level_phrase(level, context.area_name(), lang).unwrap_or_else(|| "高新区".into())
            ),
            Lang::En => format!(
                "How stable the ranks of the {} are ({year})",
                level_phrase(level, context.area_name(), lang).unwrap_or_else(|| "zones".into())
            ),
        };
        let delta = crate::format::percent(spec.delta, 0);
        let draws = grouped(spec.draws as f64, 0);
        let mut view = StabilityView {
            lang,
            year,
            title,
            axis_label: lang.pick("名次（1为最好）", "Rank (1 is best)").to_string(),
            legend_median: lang.pick("中位名次", "median rank").to_string(),
            legend_interval: lang.pick("5%–95%区间", "5–95% of draws").to_string(),
            legend_base: lang.pick("当前名次", "current rank").to_string(),
            note: String::new(),
            rows: Vec::new(),
            shown: 0..0,
            min_rank: 1,
            max_rank: 0,
            error: None,
            summary: String::new(),
        };
        let failed = |view: &mut StabilityView, message: String| {
            let message = match lang {
                Lang::Zh => format!("无法计算排名稳定性：{message}"),
                Lang::En => format!("The rank stability could not be computed: {message}"),
            };
            view.summary = message.clone();
            view.error = Some(message);
        };
        let sensitivity = match evaluated.sensitivity(dataset, year) {
            Some(Ok(s)) => s,
            Some(Err(error)) => {
                failed(&mut view, error.to_string());
                return view;
            }
            None => {
                failed(
                    &mut view,
                    match lang {
                        Lang::Zh => format!("数据中没有{year}年"),
                        Lang::En => format!("the data have no year {year}"),
                    },
                );
                return view;
            }
        };
        view.note = match lang {
            Lang::Zh => format!(
                "每个权重在±{delta}内随机变动，抽样{draws}次（种子{}）。{}。",
                spec.seed,
                capitalised(&method_label(&evaluated.settings, lang))
            ),
            Lang::En => format!(
                "Each weight moved at random by up to ±{delta}, {draws} draws (seed {}). {}.",
                spec.seed,
                capitalised(&method_label(&evaluated.settings, lang))
            ),
        };
        // Fewer draws for a large file (`evaluation::draws_for`): said in
        // the note drawn on the chart and in the summary read out.
        let mut fewer = String::new();
        if spec.draws < DEFAULT_SENSITIVITY.draws {
            let zones = grouped(dataset.zones.len() as f64, 0);
            // The margin is on the percentile, not on the rank.
            let margin = percentile_margin(spec.draws);
            let (lo, hi) = ((5.0 - margin).max(0.0), 5.0 + margin);
            fewer = match lang {
                Lang::Zh => format!(
                    "园区较多（{zones}个），抽样减为{draws}次：图中5%与95%分位的名次，实际约为{lo}%–{hi}%与{}%–{}%分位的名次（95%置信）。",
                    Fixed(100.0 - hi, 0),
                    Fixed(100.0 - lo, 0),
                    lo = Fixed(lo, 0),
                    hi = Fixed(hi, 0),
                ),
                Lang::En => format!(
                    " With {zones} zones, only {draws} draws: the ranks shown as the 5% and 95% bounds may be those of about the {lo}–{hi}% and {}–{}% percentiles (95% confidence).",
                    Fixed(100.0 - hi, 0),
                    Fixed(100.0 - lo, 0),
                    lo = Fixed(lo, 0),
                    hi = Fixed(hi, 0),
                ),
            };
            view.note.push_str(&fewer);
        }
        // Zones named for exit before this year are out of its ranking.
        let exited = |zone: usize| {
            evaluated
                .evaluation
                .as_ref()
                .ok()
                .and_then(|e| e.year(year)?.zones.get(zone)?.exited_in)
                .is_some()
        };
        let mut rows: Vec<StabilityRow> = sensitivity
            .zones
            .iter()
            .filter(|z| !exited(z.zone.zone))
            .filter(|z| {
                dataset
                    .zones
                    .get(z.zone.zone)
                    .is_some_and(|d| state.shows(d))
            })
            .map(|z| {
                let s = &z.zone;
                let name = dataset
                    .zones
                    .get(s.zone)
                    .map_or_else(|| z.zone_id.to_string(), |d| d.name.shown(lang));
                let mut row = StabilityRow {
                    zone: s.zone,
                    name,
                    base_rank: s.base_rank,
                    median: s.median_rank,
                    p05: s.rank_p05,
                    p95: s.rank_p95,
                    mean_abs_shift: s.mean_abs_shift,
                    selected: selected == Some(s.zone),
                    tooltip: String::new(),
                };
                row.tooltip = tooltip(&row, lang);
                row
            })
            .collect();
        crate::order::sort_by_key(&mut rows, |r| (r.base_rank.is_none(), r.base_rank));
        if rows.is_empty() {
            // Nothing to draw: no zone ranked (none in the file, or all exited).
            let message = match lang {
                Lang::Zh => format!("{year}年没有参加排名的园区。"),
                Lang::En => format!("No zone is ranked in {year}."),
            };
            view.summary = message.clone();
            view.error = Some(message);
            return view;
        }
        view.max_rank = sensitivity
            .zones
            .iter()
            .filter_map(|z| z.zone.rank_p95.max(z.zone.base_rank))
            .max()
            .unwrap_or(0);
        view.summary = summary(
            &rows,
            sensitivity.mean_abs_shift,
            year,
            &delta,
            &draws,
            lang,
        );
        view.summary.push_str(&fewer);
        view.shown = super::window(rows.len(), rows.iter().position(|r| r.selected));
        if view.shown.len() < rows.len() {
            let ranks = || {
                rows[view.shown.clone()]
                    .iter()
                    .flat_map(|r| [r.base_rank, r.p05, r.p95])
                    .flatten()
            };
            view.min_rank = ranks().min().unwrap_or(1);
            view.max_rank = ranks().max().unwrap_or(view.max_rank);
            view.note.push(' ');
            view.note
                .push_str(&super::window_note(&view.shown, rows.len(), lang));
        }
        view.rows = rows;
        view
    }

    pub fn rows(&self) -> Rows<'_> {
        let lang = self.lang;
        let columns = headings(&[
            lang.pick("园区", "Zone"),
            lang.pick("当前名次", "Rank at the chosen weights"),
            lang.pick("中位名次", "Median rank"),
            lang.pick("5%分位名次", "5th percentile"),
            lang.pick("95%分位名次", "95th percentile"),
            lang.pick("平均名次变动", "Mean shift (places)"),
        ]);
        let dash = || "—".to_string();
        Rows::new(
            &self.title,
            columns,
            self.rows.len(),
            Box::new(move |i: usize| {
                let r = &self.rows[i];
                vec![
                    r.name.clone(),
                    r.base_rank.map_or_else(dash, |k| k.to_string()),
                    r.median.map_or_else(dash, median_text),
                    r.p05.map_or_else(dash, |k| k.to_string()),
                    r.p95.map_or_else(dash, |k| k.to_string()),
                    r.mean_abs_shift
                        .map_or_else(dash, |m| Fixed(m, 2).to_string()),
                ]
            }),
        )
    }

    /// Every row of [`Self::rows`].
    pub fn table(&self) -> Table {
        self.rows().table()
    }
}

/// A median rank: "3" or "3.5" (the mean of the two middle ranks).
pub fn median_text(median: f64) -> String {
    if median.fract() == 0.0 {
        Fixed(median, 0).to_string()
    } else {
        Fixed(median, 1).to_string()
    }
}

/// "第3–5名" / "3rd–5th"; one rank when both ends agree.
fn interval_text(p05: Option<usize>, p95: Option<usize>, lang: Lang) -> String {
    match (p05, p95, lang) {
        (Some(a), Some(b), _) if a == b => rank_text(Some(a), lang),
        (Some(a), Some(b), Lang::Zh) => format!("第{a}–{b}名"),
        (Some(a), Some(b), Lang::En) => format!("{}–{}", ordinal(a), ordinal(b)),
        _ => "—".to_string(),
    }
}

fn tooltip(row: &StabilityRow, lang: Lang) -> String {
    let median = row.median.map_or_else(|| "—".to_string(), median_text);
    let shift = row
        .mean_abs_shift
        .map_or_else(|| "—".to_string(), |m| Fixed(m, 2).to_string());
    match lang {
        Lang::Zh => format!(
            "{}：当前{}，中位名次{median}，90%的抽样落在{}，平均变动{shift}位",
            row.name,
            rank_text(row.base_rank, lang),
            interval_text(row.p05, row.p95, lang)
        ),
        Lang::En => format!(
            "{}: {} at the chosen weights, median rank {median}, {} in 90% of draws, mean shift {shift} places",
            row.name,
            rank_text(row.base_rank, lang),
            interval_text(row.p05, row.p95, lang)
        ),
    }
}

/// How stable the top three are, the least stable zone, the mean shift.
fn summary(
    rows: &[StabilityRow],
    mean_abs_shift: Option<f64>,
    year: i32,
    delta: &str,
    draws: &str,
    lang: Lang,
) -> String {
    let ranked: Vec<&StabilityRow> = rows.iter().filter(|r| r.base_rank.is_some()).collect();
    let mut text = match lang {
        Lang::Zh => format!("权重在±{delta}内随机变动{draws}次后，{year}年的排名"),
        Lang::En => format!(
            "With every weight moved at random by up to ±{delta} in {draws} draws, the {year} ranking"
        ),
    };
    if ranked.is_empty() {
        text.push_str(lang.pick("没有可比较的园区。", " has no ranked zone to compare."));
        return text;
    }
    let top: Vec<String> = ranked
        .iter()
        .take(3)
        .map(|r| match lang {
            Lang::Zh => format!("{}{}", r.name, interval_text(r.p05, r.p95, lang)),
            Lang::En => format!("{} {}", r.name, interval_text(r.p05, r.p95, lang)),
        })
        .collect();
    let top_fixed = ranked
        .iter()
        .take(3)
        .all(|r| r.p05 == r.base_rank && r.p95 == r.base_rank);
    text.push_str(&match (lang, top_fixed) {
        (Lang::Zh, true) => format!("前列稳定：90%的抽样中{}，名次不变", top.join("、")),
        (Lang::Zh, false) => format!("前列在90%的抽样中为：{}", top.join("、")),
        (Lang::En, true) => format!(
            " holds at the top: in 90% of draws {}, unchanged",
            top.join(", ")
        ),
        (Lang::En, false) => format!(" at the top, in 90% of draws: {}", top.join(", ")),
    });
    let width = |r: &&StabilityRow| match (r.p05, r.p95) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => 0,
    };
    let widest = ranked
        .iter()
        .copied()
        .fold(None::<&StabilityRow>, |best, r| match best {
            Some(b) if width(&b) >= width(&r) => Some(b),
            _ => Some(r),
        });
    if let Some(w) = widest.filter(|w| width(w) > 0) {
        text.push_str(&match lang {
            Lang::Zh => format!(
                "；名次最不稳定的是{}（当前{}，90%的抽样落在{}）",
                w.name,
                rank_text(w.base_rank, lang),
                interval_text(w.p05, w.p95, lang)
            ),
            Lang::En => format!(
                "; the least stable is {} ({} now, {} in 90% of draws)",
                w.name,
                rank_text(w.base_rank, lang),
                interval_text(w.p05, w.p95, lang)
            ),
        });
    }
    match mean_abs_shift {
        Some(m) => text.push_str(&match lang {
            Lang::Zh => format!("。全部园区的名次平均变动{m}位。", m = Fixed(m, 2)),
            Lang::En => format!(
                ". On average a zone's rank moves by {m} places.",
                m = Fixed(m, 2)
            ),
        }),
        None => text.push_str(lang.pick("。", ".")),
    }
    if let Some(r) = rows.iter().find(|r| r.selected) {
        text.push_str(&match lang {
            Lang::Zh => format!(
                "所选的{}当前{}，90%的抽样落在{}。",
                r.name,
                rank_text(r.base_rank, lang),
                interval_text(r.p05, r.p95, lang)
            ),
            Lang::En => format!(
                " The selected zone, {}, is {} now and {} in 90% of draws.",
                r.name,
                rank_text(r.base_rank, lang),
                interval_text(r.p05, r.p95, lang)
            ),
        });
    }
    text
}

#[cfg(test)]
mod tests;
