//! The view behind the `similarity` chart, the similarity heatmap of the zones' industry
//! structures (claim C18: industries converge, "one park, one specialty",
//! 一园一特色, is not achieved).
//!
//! Cell (r, c) is the cosine similarity of zone r's and zone c's output by
//! industry (docs/METRICS.md, "Specialisation"). Zones are in the analysis's
//! heatmap order, which chains each zone to the one most like it, so blocks
//! of converged zones show as dark squares and distinct zones as pale bands.
//! Each zone is numbered in that order; narrow charts label rows and columns
//! with the numbers and a key gives the names.
//!
//! The mixes are for the year the data gives them (not `state.year`);
//! `state.level` keeps the zones of one level.

use crate::analysis::specialisation::{specialisation, DEFAULT_SIMILARITY_THRESHOLD};
use crate::format::{grouped, percent};
use crate::i18n::Lang;
use crate::model::Check;

use super::figures::{claim_lines, left_out};
use super::{Context, Table};

/// The chart id claims use for this chart.
pub const CHART: &str = "similarity";

/// Everything the `similarity` chart shows, strings already in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct SimilarityView {
    pub lang: Lang,
    pub title: String,
    /// Pairs at or above it count as alike (C18's check: 0.8).
    pub threshold: f64,
    /// The zones in heatmap order: rows and columns alike.
    pub zones: Vec<SimilarityZone>,
    /// `cells[r][c]`: cosine of zones r and c (view order); `None` where a
    /// mix is all zero.
    pub cells: Vec<Vec<Option<f64>>>,
    /// The colour scale runs from this value (pale) to 1 (dark).
    pub scale_min: f64,
    pub legend_title: String,
    /// Says what the dot in a cell means: below the threshold.
    pub legend_below: String,
    /// The finding in one line, under the title: "93.2% of zone pairs have
    /// cosine ≥ 0.8 (587 of 630)".
    pub headline: String,
    /// The heading of the number → name key.
    pub key_title: String,
    /// Zone pairs with a defined similarity, and those at or above the
    /// threshold.
    pub pairs: usize,
    pub pairs_above: usize,
    /// Mean cosine over the pairs.
    pub mean: Option<f64>,
    /// Zones without an industry mix, by name.
    pub missing: Vec<String>,
    pub missing_text: String,
    pub empty_text: String,
    pub no_value_text: String,
    /// The claims drawn on this chart, one line each with their verdict.
    pub claims: Vec<String>,
    pub summary: String,
}

/// One zone of the heatmap.
#[derive(Debug, Clone, PartialEq)]
pub struct SimilarityZone {
    /// Index into `Dataset::zones`.
    pub zone: usize,
    pub name: String,
    /// 1-based position in the heatmap order: the label on narrow charts.
    pub number: usize,
    pub selected: bool,
}

impl SimilarityView {
    /// Builds the view over the zones of `level` (all main zones when `None`).
    pub fn build(context: &Context) -> SimilarityView {
        let (dataset, claims, state) = (context.dataset, context.claims, context.state);
        let (level, selected, lang) = (state.level, state.zone, state.lang);
        let threshold = dataset
            .claims
            .iter()
            .filter(|c| c.chart == CHART)
            .flat_map(|c| &c.checks)
            .find_map(|check| match check {
                Check::SimilarPairs { threshold, .. } => Some(*threshold),
                _ => None,
            })
            .unwrap_or(DEFAULT_SIMILARITY_THRESHOLD);
        let analysis = specialisation(dataset, threshold);
        // Rows of the analysis's matrix, in heatmap order, of the level asked.
        let rows: Vec<usize> = analysis
            .heatmap_order
            .iter()
            .filter_map(|id| analysis.zones.iter().position(|z| z == id))
            .filter(|r| {
                let zone = analysis
                    .zone_index
                    .get(*r)
                    .and_then(|z| dataset.zones.get(*z));
                zone.is_some_and(|z| state.shows(z))
            })
            .collect();
        let zones: Vec<SimilarityZone> = rows
            .iter()
            .enumerate()
            .filter_map(|(k, r)| {
                let zone = *analysis.zone_index.get(*r)?;
                Some(SimilarityZone {
                    zone,
                    name: dataset.zones.get(zone)?.name.shown(lang),
                    number: k + 1,
                    selected: selected == Some(zone),
                })
            })
            .collect();
        let cells: Vec<Vec<Option<f64>>> = rows
            .iter()
            .map(|a| {
                rows.iter()
                    .map(|b| {
                        analysis
                            .similarity
                            .get(*a)
                            .and_then(|row| row.get(*b))
                            .copied()
                            .flatten()
                    })
                    .collect()
            })
            .collect();
        let pair_values: Vec<f64> = cells
            .iter()
            .enumerate()
            .flat_map(|(a, row)| row.iter().skip(a + 1).flatten().copied())
            .collect();
        let pairs = pair_values.len();
        let pairs_above = pair_values.iter().filter(|v| **v >= threshold).count();
        let mean = (pairs > 0).then(|| pair_values.iter().sum::<f64>() / pairs as f64);
        let lowest = pair_values.iter().copied().fold(f64::INFINITY, f64::min);
        let scale_min = if lowest.is_finite() {
            ((lowest * 10.0).floor() / 10.0).clamp(0.0, 0.9)
        } else {
            0.0
        };

        let missing: Vec<String> = dataset
            .zones
            .iter()
            .filter(|z| z.industry_mix.is_none() && state.shows(z))
            .map(|z| z.name.shown(lang))
            .collect();
        let missing_text = left_out("产业结构数据", "industry mix", &missing, lang);
        let claims: Vec<String> = claim_lines(claims, CHART, lang);
        let years = analysis
            .mix_years
            .iter()
            .map(i32::to_string)
            .collect::<Vec<_>>()
            .join(lang.pick("、", ", "));
        let who = match (level, lang) {
            (None, Lang::Zh) => String::new(),
            (None, Lang::En) => "the zones".into(),
            (Some(l), Lang::Zh) => l.label(lang).to_string(),
            (Some(l), Lang::En) => format!("the {} zones", l.label(lang)),
        };
        let title = match lang {
            Lang::Zh => format!("{who}高新区产业结构相似度（{years}年）"),
            Lang::En => format!("How alike {who}' industry structures are ({years})"),
        };
        let mut view = SimilarityView {
            lang,
            title,
            threshold,
            zones,
            cells,
            scale_min,
            legend_title: lang
                .pick("产业结构余弦相似度", "Cosine similarity of industry mixes")
                .into(),
            legend_below: match lang {
                Lang::Zh => format!("低于{threshold}：结构有差异"),
                Lang::En => format!("below {threshold}: distinct"),
            },
            key_title: lang.pick("编号与高新区", "Numbers and zones").into(),
            headline: String::new(),
            pairs,
            pairs_above,
            mean,
            missing,
            missing_text,
            empty_text: lang
                .pick("没有可比较的产业结构数据", "No industry mixes to compare")
                .into(),
            no_value_text: lang.pick("无法计算", "undefined").into(),
            claims,
            summary: String::new(),
        };
        view.headline = match (view.share_above(), lang) {
            (Some(share), Lang::Zh) => format!(
                "{}对高新区中{}对（{}）的余弦相似度≥{threshold}",
                grouped(pairs as f64, 0),
                grouped(pairs_above as f64, 0),
                percent(share, 1)
            ),
            (Some(share), Lang::En) => format!(
                "{} of zone pairs have cosine ≥ {threshold} ({} of {})",
                percent(share, 1),
                grouped(pairs_above as f64, 0),
                grouped(pairs as f64, 0)
            ),
            (None, _) => String::new(),
        };
        view.summary = summary(&view);
        view
    }

    /// Share of the pairs at or above the threshold; `None` without pairs.
    pub fn share_above(&self) -> Option<f64> {
        (self.pairs > 0).then(|| self.pairs_above as f64 / self.pairs as f64)
    }

    /// Every cell's [`cell_label`](Self::cell_label), row by row, the same
    /// strings made for less: each value is formatted once for both cells of
    /// a symmetric pair and the rest is concatenated without the formatting
    /// machinery (the chart draws all n² of them on every draw).
    pub fn cell_labels(&self) -> Vec<Vec<String>> {
        let name = |i: usize| self.zones.get(i).map_or("", |z| z.name.as_str());
        let sep = self.lang.pick("：", ": ");
        let mut values: Vec<Vec<String>> = Vec::with_capacity(self.cells.len());
        for (r, row) in self.cells.iter().enumerate() {
            let mut out = Vec::with_capacity(row.len());
            for (c, value) in row.iter().enumerate() {
                let mirror = self.cells.get(c).and_then(|m| m.get(r));
                let text = match (values.get(c).and_then(|m| m.get(r)), mirror) {
                    (Some(text), Some(mirrored)) if c < r && mirrored == value => text.clone(),
                    _ => value.map_or_else(|| self.no_value_text.clone(), |v| format!("{v:.2}")),
                };
                out.push(text);
            }
            values.push(out);
        }
        values
            .into_iter()
            .enumerate()
            .map(|(r, row)| {
                row.into_iter()
                    .enumerate()
                    .map(|(c, value)| {
                        let (a, b) = (name(r), name(c));
                        let mut label =
                            String::with_capacity(a.len() + b.len() + sep.len() + value.len() + 4);
                        label.push_str(a);
                        label.push_str(" × ");
                        label.push_str(b);
                        label.push_str(sep);
                        label.push_str(&value);
                        label
                    })
                    .collect()
            })
            .collect()
    }

    /// "Zone A × Zone B: 0.93": what a cell's tooltip says.
    pub fn cell_label(&self, row: usize, column: usize) -> String {
        let name = |i: usize| self.zones.get(i).map_or("", |z| z.name.as_str());
        let value = self
            .cells
            .get(row)
            .and_then(|r| r.get(column))
            .copied()
            .flatten()
            .map_or_else(|| self.no_value_text.clone(), |v| format!("{v:.2}"));
        let sep = self.lang.pick("：", ": ");
        format!("{} × {}{sep}{value}", name(row), name(column))
    }

    /// Each zone's mean similarity to the others: low means distinct.
    pub fn mean_to_others(&self, row: usize) -> Option<f64> {
        let values: Vec<f64> = self
            .cells
            .get(row)?
            .iter()
            .enumerate()
            .filter(|(c, _)| *c != row)
            .filter_map(|(_, v)| *v)
            .collect();
        (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
    }

    /// The matrix as a table: one row per zone, one column per zone (by
    /// number), and each zone's mean similarity to the others.
    pub fn table(&self) -> Table {
        let lang = self.lang;
        let mut columns = vec![
            lang.pick("编号", "No.").to_string(),
            lang.pick("高新区", "Zone").to_string(),
            lang.pick("与其他各区的平均相似度", "Mean similarity to the others")
                .to_string(),
        ];
        columns.extend(self.zones.iter().map(|z| z.number.to_string()));
        let rows =
            self.zones
                .iter()
                .enumerate()
                .map(|(r, zone)| {
                    let mut row = vec![
                        zone.number.to_string(),
                        zone.name.clone(),
                        self.mean_to_others(r)
                            .map_or_else(|| self.no_value_text.clone(), |v| format!("{v:.2}")),
                    ];
                    row.extend(self.cells.get(r).into_iter().flatten().map(|v| {
                        v.map_or_else(|| self.no_value_text.clone(), |v| format!("{v:.2}"))
                    }));
                    row
                })
                .collect();
        Table {
            caption: self.title.clone(),
            columns,
            rows,
        }
    }
}

/// The share of alike pairs, the most alike pair, the most distinct zone, and
/// the claim.
fn summary(view: &SimilarityView) -> String {
    let lang = view.lang;
    let n = view.zones.len();
    let (Some(share), Some(mean)) = (view.share_above(), view.mean) else {
        let mut text = view.empty_text.clone();
        text.push_str(lang.pick("。", "."));
        if !view.missing_text.is_empty() {
            text.push_str(lang.pick("", " "));
            text.push_str(&view.missing_text);
            text.push_str(lang.pick("。", "."));
        }
        return text;
    };
    let name = |i: usize| view.zones.get(i).map_or("", |z| z.name.as_str());
    let mut most_alike: Option<(usize, usize, f64)> = None;
    for (a, row) in view.cells.iter().enumerate() {
        for (b, value) in row.iter().enumerate().skip(a + 1) {
            if let Some(v) = value {
                if most_alike.map_or(true, |(_, _, best)| *v > best) {
                    most_alike = Some((a, b, *v));
                }
            }
        }
    }
    let most_distinct = (0..n)
        .filter_map(|r| view.mean_to_others(r).map(|m| (r, m)))
        .min_by(|x, y| x.1.total_cmp(&y.1));
    let threshold = view.threshold;
    let mut text = match lang {
        Lang::Zh => format!(
            "{n}家高新区两两组成{}对，其中{}对（{}）的产业结构余弦相似度不低于{threshold}，平均相似度{mean:.2}。",
            grouped(view.pairs as f64, 0),
            grouped(view.pairs_above as f64, 0),
            percent(share, 1),
        ),
        Lang::En => format!(
            "Of the {} pairs of the {n} zones, {} ({}) have industry structures with a cosine \
             similarity of {threshold} or more; the mean is {mean:.2}.",
            grouped(view.pairs as f64, 0),
            grouped(view.pairs_above as f64, 0),
            percent(share, 1),
        ),
    };
    if let Some((a, b, v)) = most_alike {
        text.push_str(&match lang {
            Lang::Zh => format!("最相似的是{}与{}（{v:.2}）", name(a), name(b)),
            Lang::En => format!(" The most alike are {} and {} ({v:.2})", name(a), name(b)),
        });
        if let Some((r, m)) = most_distinct {
            text.push_str(&match lang {
                Lang::Zh => format!("；最有特色的是{}，与其他各区平均相似度{m:.2}。", name(r)),
                Lang::En => format!(
                    "; the most distinct is {}, with a mean similarity of {m:.2} to the others.",
                    name(r)
                ),
            });
        } else {
            text.push_str(lang.pick("。", "."));
        }
    }
    if share > 0.5 {
        text.push_str(lang.pick(
            "多数园区产业结构相近，“一园一特色”尚未实现。",
            " Most zones are alike: one park, one specialty (一园一特色) is not achieved.",
        ));
    }
    for claim in &view.claims {
        text.push_str(lang.pick("", " "));
        text.push_str(claim);
    }
    if !view.missing_text.is_empty() {
        text.push_str(lang.pick("", " "));
        text.push_str(&view.missing_text);
        text.push_str(lang.pick("。", "."));
    }
    text
}

#[cfg(test)]
mod tests;
