//! The view behind the `similarity` chart, the similarity heatmap of the zones' industry
//! structures (claim C18: industries converge, "one park, one specialty",
//! 一园一特色, is not achieved).
//!
//! Cell (r, c) is the cosine similarity of zone r's and zone c's output by
//! industry (docs/METRICS.md, "Specialisation"). Zones are ordered by
//! average-linkage clustering on 1 − cosine (the tree's leaf order,
//! docs/METRICS.md, "Clustering"), so groups of converged zones show as dark
//! blocks; the groups are the tree cut at 1 − the threshold (zones whose
//! average similarity reaches it). Each cell says which industries the two
//! zones share.
//!
//! Each zone also has its nearest twins (its most similar zones, with what
//! they share): the chart draws them as a list instead of the heatmap when
//! cells would be too small to see or tap, and always above
//! [`HEATMAP_ZONES`] zones, where no matrix is made at all (the counts and
//! twins come from one pass over the pairs, [`pair_stats`]).
//!
//! The mixes are for the year the data gives them (not `state.year`);
//! `state.level` and `state.area` keep their zones.

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;

use crate::analysis::industries::Industries;
use crate::analysis::specialisation::{mixed_zones, mixes_of, DEFAULT_SIMILARITY_THRESHOLD};
use crate::format::{grouped, percent, Fixed};
use crate::i18n::Lang;
use crate::metrics::similarity::{
    average_linkage, cosine_matrix, flat_clusters, leaf_order, pair_stats, shared_industries,
    PairStats, LISTED_PAIRS,
};
use crate::model::{Check, Dataset, Level};

use super::figures::{claim_lines, left_out, name_list};
use super::{Context, Rows, Table};

/// The chart id claims use for this chart.
pub const CHART: &str = "similarity";

/// Above this many zones there is no heatmap (its cells would be under
/// 16 px on a 1,280 px screen, and the matrix grows as n²): each zone's
/// nearest twins instead.
pub const HEATMAP_ZONES: usize = 60;

/// The nearest twins each zone lists.
pub const TWINS: usize = 3;

/// The zones the twins list draws at most (the table has them all).
pub const LIST_ROWS: usize = 50;

/// The industries a cell or a twin names as shared, at most (two keep a
/// twin's line on one line of a phone).
const SHARED: usize = 2;

/// The zones a group's sentence names (then "and K more").
const NAMED_MEMBERS: usize = 8;

/// Everything the `similarity` chart shows, strings already in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct SimilarityView {
    pub lang: Lang,
    pub title: String,
    /// Pairs at or above it count as alike (C18's check: 0.8).
    pub threshold: f64,
    /// The zones in the clustering's leaf order (up to [`HEATMAP_ZONES`]),
    /// else those with the closest twin first: rows and columns alike.
    pub zones: Vec<SimilarityZone>,
    /// `cells[r][c]`: cosine of zones r and c (view order); `None` where a
    /// mix is all zero. Empty above [`HEATMAP_ZONES`] zones.
    pub cells: Vec<Vec<Option<f64>>>,
    /// `shared[r][c]`: the industries zones r and c share, by name (as
    /// `cells`; made with the kept view, not at each draw).
    pub shared: Vec<Vec<String>>,
    /// The groups the clustering finds: two zones or more, in leaf order.
    pub groups: Vec<SimilarityGroup>,
    /// The zones the twins list draws (view indices, at most [`LIST_ROWS`]):
    /// the selected zone first, then the others in the view's order.
    pub list: Vec<usize>,
    /// The colour scale runs from this value (pale) to 1 (dark).
    pub scale_min: f64,
    pub legend_title: String,
    /// Says what the dot in a cell means: below the threshold.
    pub legend_below: String,
    /// Says what an outlined block is: a group.
    pub legend_group: String,
    /// The finding in one line, under the title: "93.2% of zone pairs are
    /// very similar (0.8 or more): 587 of 630".
    pub headline: String,
    /// Why the twins are listed instead of the heatmap: too many zones, and
    /// too narrow, in plain words.
    pub many_text: String,
    pub narrow_text: String,
    /// "Showing 50 of 5,000 zones…" when the list is cut; empty otherwise.
    pub more_text: String,
    /// Zone pairs with a defined similarity, and those at or above the
    /// threshold.
    pub pairs: usize,
    pub pairs_above: usize,
    /// Mean cosine over the pairs.
    pub mean: Option<f64>,
    /// Each zone's industry mix, in the view's order: what the industries
    /// a zone and its twin share are worked out from when the twin's words
    /// are asked for ([`Self::shared_between`]). (Boxed slices: the view is
    /// the largest of `View`'s variants.)
    pub mixes: Box<[Vec<f64>]>,
    /// The industries' names as a sentence reads them, for the same.
    pub industries: Box<[String]>,
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
    /// 1-based position in the view's order.
    pub number: usize,
    pub selected: bool,
    /// 1-based number of its group, if it is in one.
    pub group: Option<usize>,
    /// Its group as the list and its label name it, "（第2组）" / " (group
    /// 2)"; empty outside a group and in a group of more than half the
    /// zones ("group 1" on nearly every row tells the reader nothing).
    pub group_note: String,
    /// Its most similar zones, most similar first.
    pub twins: Vec<TwinZone>,
}

/// One of a zone's nearest twins.
#[derive(Debug, Clone, PartialEq)]
pub struct TwinZone {
    /// Its place in the view's order (an index into `zones`).
    pub row: usize,
    pub name: String,
    pub similarity: f64,
}

/// A group of zones the clustering joins.
#[derive(Debug, Clone, PartialEq)]
pub struct SimilarityGroup {
    /// View indices, contiguous in the view's order.
    pub members: Vec<usize>,
    /// Mean cosine over the group's pairs.
    pub mean: f64,
    /// The industries every member makes most of, by name.
    pub shared: String,
}

/// The view before a zone is selected, kept with what it was built for:
/// the pairs are compared once per language and filters, not once per
/// zone selection (at 5,000 zones that is 12.5 million pairs). And the
/// pairs of every zone with a mix compared, which the industries chart
/// shares: both compare them all while no filter is set, and that pass
/// is most of the tab's time at national scale.
#[derive(Debug, Default)]
pub struct Kept {
    view: RefCell<Option<(KeptFor, SimilarityView)>>,
    /// How many times the pairs were compared (for tests).
    built: Cell<usize>,
    /// The pairs of every zone with a mix.
    all: OnceCell<PairStats>,
    /// How many passes over the pairs were made (for tests).
    passes: Cell<usize>,
    /// The industries' analysis (`industries_with`) for the filters it was
    /// last made for: a zone selection on the tab does not make it again.
    industries: RefCell<Option<(Filters, Rc<Industries>)>>,
}

/// The level and area filters.
type Filters = (Option<Level>, Option<usize>);

/// What the view without a selection depends on besides the dataset (one
/// per session): the language and the filters.
type KeptFor = (Lang, Option<Level>, Option<usize>);

impl Kept {
    /// How many times a view was built from the pairs.
    pub fn built(&self) -> usize {
        self.built.get()
    }

    /// How many times every pair of a set of zones was compared.
    pub fn passes(&self) -> usize {
        self.passes.get()
    }

    /// [`pair_stats`] of the industry mixes of every zone with one
    /// ([`mixed_zones`], in zone order), at the dataset's [`threshold`],
    /// [`TWINS`] twins each and the first [`LISTED_PAIRS`] similar pairs
    /// listed: what the similarity view without a filter and the
    /// industries' analysis need of the pairs, compared once. All of it
    /// follows from the dataset, which a session keeps (a new one makes
    /// a new `Kept`).
    pub fn all_pairs(&self, dataset: &Dataset) -> &PairStats {
        self.all.get_or_init(|| {
            self.passes.set(self.passes.get() + 1);
            let mixes = mixes_of(dataset, &mixed_zones(dataset));
            pair_stats(&mixes, threshold(dataset), TWINS, LISTED_PAIRS)
        })
    }

    /// The industries' analysis for `filters`: the kept one when it was
    /// made for them, else `make`'s, kept.
    pub fn industries(
        &self,
        filters: Filters,
        make: impl FnOnce() -> Industries,
    ) -> Rc<Industries> {
        let mut kept = self.industries.borrow_mut();
        match kept.as_ref() {
            Some((made_for, industries)) if *made_for == filters => industries.clone(),
            _ => kept.insert((filters, Rc::new(make()))).1.clone(),
        }
    }
}

/// The cosine from which zones count as alike: the one the similarity
/// chart's check uses, or [`DEFAULT_SIMILARITY_THRESHOLD`]. The similarity
/// and industries charts both compare at it.
pub fn threshold(dataset: &Dataset) -> f64 {
    dataset
        .claims
        .iter()
        .filter(|c| c.chart == CHART)
        .flat_map(|c| &c.checks)
        .find_map(|check| match check {
            Check::SimilarPairs { threshold, .. } => Some(*threshold),
            _ => None,
        })
        .unwrap_or(DEFAULT_SIMILARITY_THRESHOLD)
}

impl SimilarityView {
    /// Builds the view over the main zones the level and area filters show,
    /// the reader's zone selected: from the kept view when the language and
    /// the filters are those it was built for.
    pub fn build(context: &Context) -> SimilarityView {
        let state = context.state;
        let key: KeptFor = (state.lang, state.level, state.area);
        let kept = context.similarity_kept();
        let mut cell = kept.view.borrow_mut();
        let mut view = match cell.as_ref() {
            Some((built_for, view)) if *built_for == key => view.clone(),
            _ => {
                kept.built.set(kept.built.get() + 1);
                let view = SimilarityView::build_unselected(context);
                *cell = Some((key, view.clone()));
                view
            }
        };
        view.select(state.zone);
        view
    }

    /// Marks zone `selected` (index into `Dataset::zones`) and puts it
    /// first in the list, where the reader looks, if it is shown; the
    /// others follow in the view's order.
    pub fn select(&mut self, selected: Option<usize>) {
        for zone in &mut self.zones {
            zone.selected = selected == Some(zone.zone);
        }
        let chosen = self.zones.iter().position(|z| z.selected);
        self.list = chosen.into_iter().collect();
        for k in 0..self.zones.len() {
            if self.list.len() < LIST_ROWS && Some(k) != chosen {
                self.list.push(k);
            }
        }
    }

    /// The view with no zone selected.
    fn build_unselected(context: &Context) -> SimilarityView {
        let (dataset, claims, state) = (context.dataset, context.claims(), context.state);
        let (level, lang) = (state.level, state.lang);
        let threshold = threshold(dataset);
        // The zones shown with a mix, in zone order, and their mixes.
        let mixed = mixed_zones(dataset);
        let shown: Vec<usize> = mixed
            .iter()
            .copied()
            .filter(|z| state.shows(&dataset.zones[*z]))
            .collect();
        let mixes = mixes_of(dataset, &shown);
        let n = shown.len();
        // Every zone with a mix shown: the pairs the industries chart
        // shares; a filter's zones compared for this view alone.
        let own;
        let stats = if n == mixed.len() {
            context.similarity_kept().all_pairs(dataset)
        } else {
            own = pair_stats(&mixes, threshold, TWINS, 0);
            &own
        };
        // After "sharing ": English in lower case, as in a sentence.
        let industries: Vec<String> = dataset
            .industries
            .iter()
            .map(|i| crate::format::in_sentence(&i.name.shown(lang)))
            .collect();
        let shared_names = |of: &[&[f64]]| shared_names(of, &industries, lang);
        // Order: the clustering's leaves, or the closest twins first.
        let (matrix, order, clusters) = if n <= HEATMAP_ZONES {
            let matrix = cosine_matrix(&mixes.iter().map(|m| m.to_vec()).collect::<Vec<_>>());
            let merges = average_linkage(&matrix);
            // A pair at exactly the threshold joins, not lost to rounding.
            let clusters = flat_clusters(&merges, n, 1.0 - threshold + 1e-9);
            (matrix, leaf_order(&merges, n), clusters)
        } else {
            let mut order: Vec<usize> = (0..n).collect();
            let closest = |r: &usize| stats.nearest[*r].first().map_or(f64::NEG_INFINITY, |t| t.1);
            crate::order::sort_by(&mut order, |a, b| closest(b).total_cmp(&closest(a)));
            (Vec::new(), order, Vec::new())
        };
        // Groups: clusters of two zones or more, numbered in leaf order.
        let mut group_of: Vec<Option<usize>> = vec![None; n];
        let mut groups: Vec<SimilarityGroup> = Vec::new();
        let mut cluster_group: Vec<Option<usize>> = vec![None; n];
        for (k, row) in order.iter().enumerate() {
            let Some(cluster) = clusters.get(*row).copied() else {
                continue;
            };
            if clusters.iter().filter(|c| **c == cluster).count() < 2 {
                continue;
            }
            let g = *cluster_group[cluster].get_or_insert_with(|| {
                groups.push(SimilarityGroup {
                    members: Vec::new(),
                    mean: 0.0,
                    shared: String::new(),
                });
                groups.len() - 1
            });
            groups[g].members.push(k);
            group_of[*row] = Some(g + 1);
        }
        // Plain loops below: each iterator chain's closure compiles into
        // its own copy of the iterator code in the wasm.
        for group in &mut groups {
            let (mut sum, mut count) = (0.0, 0usize);
            let mut of: Vec<&[f64]> = Vec::new();
            for (i, k) in group.members.iter().enumerate() {
                let a = order[*k];
                of.push(mixes[a]);
                for m in &group.members[i + 1..] {
                    if let Some(v) = matrix[a][order[*m]] {
                        sum += v;
                        count += 1;
                    }
                }
            }
            group.mean = sum / count.max(1) as f64;
            group.shared = shared_names(&of);
        }
        let name_of = |row: usize| dataset.zones[shown[row]].name.shown(lang);
        // Each row's place in the view's order.
        let mut place = vec![0; n];
        for (k, row) in order.iter().enumerate() {
            place[*row] = k;
        }
        let mut zones: Vec<SimilarityZone> = Vec::with_capacity(n);
        let mut cells: Vec<Vec<Option<f64>>> = Vec::new();
        let mut shared: Vec<Vec<String>> = Vec::new();
        for (k, row) in order.iter().enumerate() {
            // The industries a twin shares and the zone's label are made
            // when asked: 2,000 zones' twins were a seventh of the tab's
            // time.
            let mut twins: Vec<TwinZone> = Vec::new();
            for (other, s) in &stats.nearest[*row] {
                twins.push(TwinZone {
                    row: place[*other],
                    name: name_of(*other),
                    similarity: *s,
                });
            }
            let group_note = match group_of[*row] {
                Some(g) if 2 * groups[g - 1].members.len() <= n => match lang {
                    Lang::Zh => format!("（第{g}组）"),
                    Lang::En => format!(" (group {g})"),
                },
                _ => String::new(),
            };
            zones.push(SimilarityZone {
                zone: shown[*row],
                name: name_of(*row),
                number: k + 1,
                selected: false,
                group: group_of[*row],
                group_note,
                twins,
            });
            if !matrix.is_empty() {
                let (mut values, mut names) = (Vec::new(), Vec::new());
                for b in &order {
                    values.push(matrix[*row][*b]);
                    names.push(shared_names(&[mixes[*row], mixes[*b]]));
                }
                cells.push(values);
                shared.push(names);
            }
        }
        let list: Vec<usize> = (0..n.min(LIST_ROWS)).collect();
        let (pairs, pairs_above, mean) = (stats.pairs, stats.above, stats.mean);
        let mut lowest = f64::INFINITY;
        for v in cells.iter().flatten().flatten() {
            lowest = lowest.min(*v);
        }
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
        let mut years: Vec<i32> = shown
            .iter()
            .filter_map(|z| dataset.zones[*z].industry_mix.as_ref().map(|m| m.year))
            .collect();
        crate::order::sort_by(&mut years, Ord::cmp);
        years.dedup();
        let years = years
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
        let count = grouped(n as f64, 0);
        let mut view = SimilarityView {
            lang,
            title,
            threshold,
            zones,
            cells,
            shared,
            groups,
            list,
            scale_min,
            legend_title: lang
                .pick("产业结构余弦相似度", "Cosine similarity of industry mixes")
                .into(),
            legend_below: match lang {
                Lang::Zh => format!("低于{threshold}：结构有差异"),
                Lang::En => format!("below {threshold}: distinct"),
            },
            legend_group: match lang {
                Lang::Zh => format!("框：一组（组内平均相似度≥{threshold}）"),
                Lang::En => format!("outlined: a group (mean similarity ≥ {threshold})"),
            },
            headline: String::new(),
            many_text: match lang {
                Lang::Zh => format!(
                    "共{count}个高新区，超过{HEATMAP_ZONES}个不画热力图，改为列出各区最相似的园区"
                ),
                Lang::En => format!(
                    "{count} zones: above {HEATMAP_ZONES} each zone's most similar zones are listed instead of a heatmap"
                ),
            },
            narrow_text: lang
                .pick(
                    "屏幕较窄，改为列出各区最相似的园区",
                    "On a narrow screen each zone's most similar zones are listed",
                )
                .into(),
            // Above HEATMAP_ZONES the list is ordered closest twins first;
            // below it, in the clustering's order.
            more_text: if n > LIST_ROWS {
                match (lang, n > HEATMAP_ZONES) {
                    (Lang::Zh, true) => format!(
                        "列出{LIST_ROWS}个（最相似者在前），全部{count}个见表格"
                    ),
                    (Lang::Zh, false) => format!(
                        "按聚类顺序列出{LIST_ROWS}个，全部{count}个见表格"
                    ),
                    (Lang::En, true) => format!(
                        "Showing {LIST_ROWS} of {count} zones, the closest twins first; the table lists them all"
                    ),
                    (Lang::En, false) => format!(
                        "Showing {LIST_ROWS} of {count} zones in the clustering's order; the table lists them all"
                    ),
                }
            } else {
                String::new()
            },
            pairs,
            pairs_above,
            mean,
            mixes: order.iter().map(|row| mixes[*row].to_vec()).collect(),
            industries: industries.into(),
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
                "{}对高新区中{}对（{}）非常相似（相似度{threshold}及以上）",
                grouped(pairs as f64, 0),
                grouped(pairs_above as f64, 0),
                percent(share, 1)
            ),
            (Some(share), Lang::En) => format!(
                "{} of zone pairs are very similar ({threshold} or more): {} of {}",
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

    /// Every cell's [`cell_label`](Self::cell_label), row by row (the chart
    /// draws all n² of them).
    pub fn cell_labels(&self) -> Vec<Vec<String>> {
        (0..self.cells.len())
            .map(|r| {
                (0..self.cells.len())
                    .map(|c| self.cell_label(r, c))
                    .collect()
            })
            .collect()
    }

    /// "Zone A × Zone B: 0.93; sharing Electronic information, New
    /// materials": what a cell's tooltip says.
    pub fn cell_label(&self, row: usize, column: usize) -> String {
        let name = |i: usize| self.zones.get(i).map_or("", |z| z.name.as_str());
        let value = self
            .cells
            .get(row)
            .and_then(|r| r.get(column))
            .copied()
            .flatten()
            .map_or_else(|| self.no_value_text.clone(), |v| Fixed(v, 2).to_string());
        let shared = self
            .shared
            .get(row)
            .and_then(|r| r.get(column))
            .map_or("", String::as_str);
        let mut label = match self.lang {
            Lang::Zh => format!("{} × {}：{value}", name(row), name(column)),
            Lang::En => format!("{} × {}: {value}", name(row), name(column)),
        };
        if row != column && !shared.is_empty() {
            label.push_str(&match self.lang {
                Lang::Zh => format!("；共同主要产业：{shared}"),
                Lang::En => format!("; sharing {shared}"),
            });
        }
        label
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

    /// One row per zone in the view's order: its group, its nearest twins
    /// with what they share, its mean similarity to the others, and (with a
    /// heatmap) its row of the matrix, columns by zone name.
    pub fn rows(&self) -> Rows<'_> {
        let lang = self.lang;
        let mut columns = vec![
            lang.pick("组", "Group").to_string(),
            lang.pick("高新区", "Zone").to_string(),
            lang.pick(
                "最相似的园区（相似度；共同主要产业）",
                "Most similar zones (similarity; sharing)",
            )
            .to_string(),
        ];
        if !self.cells.is_empty() {
            columns.push(
                lang.pick("与其他各区的平均相似度", "Mean similarity to the others")
                    .to_string(),
            );
            columns.extend(self.zones.iter().map(|z| z.name.clone()));
        }
        Rows::new(
            &self.title,
            columns,
            self.zones.len(),
            Box::new(move |r: usize| {
                let zone = &self.zones[r];
                let twins: Vec<String> = zone.twins.iter().map(|t| self.twin_text(r, t)).collect();
                let mut row = vec![
                    zone.group.map_or_else(String::new, |g| g.to_string()),
                    zone.name.clone(),
                    twins.join(lang.pick("；", "; ")),
                ];
                if !self.cells.is_empty() {
                    row.push(
                        self.mean_to_others(r).map_or_else(
                            || self.no_value_text.clone(),
                            |v| Fixed(v, 2).to_string(),
                        ),
                    );
                    row.extend(self.cells.get(r).into_iter().flatten().map(|v| {
                        v.map_or_else(|| self.no_value_text.clone(), |v| Fixed(v, 2).to_string())
                    }));
                }
                row
            }),
        )
    }

    /// Every row of [`Self::rows`].
    pub fn table(&self) -> Table {
        self.rows().table()
    }

    /// "Group 2: Zone A, Zone B and Zone C (mean 0.93; sharing …)".
    pub fn group_text(&self, g: usize) -> String {
        let Some(group) = self.groups.get(g) else {
            return String::new();
        };
        let names: Vec<&str> = group
            .members
            .iter()
            .take(NAMED_MEMBERS)
            .filter_map(|k| self.zones.get(*k).map(|z| z.name.as_str()))
            .collect();
        let more = group.members.len().saturating_sub(NAMED_MEMBERS);
        let lang = self.lang;
        let mut text = match lang {
            Lang::Zh => format!("第{}组：", g + 1),
            Lang::En => format!("group {}: ", g + 1),
        };
        match more {
            0 => text.push_str(&name_list(&names, lang)),
            _ => {
                text.push_str(&names.join(lang.pick("、", ", ")));
                text.push_str(&match lang {
                    Lang::Zh => format!("等{}个区", group.members.len()),
                    Lang::En => format!(" and {more} more"),
                });
            }
        }
        text.push_str(&format!(
            "{}{}",
            lang.pick("（平均", " (mean "),
            Fixed(group.mean, 2)
        ));
        if !group.shared.is_empty() {
            text.push_str(lang.pick("，共同主要产业：", "; sharing "));
            text.push_str(&group.shared);
        }
        text.push_str(lang.pick("）", ")"));
        text
    }
}

/// The industries the zones `of` all make most of, by name
/// ([`shared_industries`], at most [`SHARED`]), `industries` naming them.
fn shared_names(of: &[&[f64]], industries: &[String], lang: Lang) -> String {
    let names: Vec<&str> = shared_industries(of, SHARED)
        .iter()
        .map(|k| industries.get(*k).map_or("", String::as_str))
        .collect();
    names.join(lang.pick("、", ", "))
}

impl SimilarityView {
    /// The industries zones `a` and `b` (view order) both make most of,
    /// by name ("电子信息、新材料"): a twin's (`b` the twin's `row`), as
    /// a cell's `shared`.
    pub fn shared_between(&self, a: usize, b: usize) -> String {
        match (self.mixes.get(a), self.mixes.get(b)) {
            (Some(a), Some(b)) => shared_names(&[a, b], &self.industries, self.lang),
            _ => String::new(),
        }
    }

    /// "Zone B (0.97; Electronic information, New materials)": twin `twin`
    /// of zone `row`.
    fn twin_text(&self, row: usize, twin: &TwinZone) -> String {
        let lang = self.lang;
        let mut text = format!(
            "{}{}{}",
            twin.name,
            lang.pick("（", " ("),
            Fixed(twin.similarity, 2)
        );
        let shared = self.shared_between(row, twin.row);
        if !shared.is_empty() {
            text.push_str(lang.pick("；", "; "));
            text.push_str(&shared);
        }
        text.push_str(lang.pick("）", ")"));
        text
    }

    /// "Zone A, most similar: Zone B (0.97; …); Zone C (0.95; …)": zone
    /// `row` (view order) and its twins in words, the list's tooltip and
    /// readout.
    pub fn zone_label(&self, row: usize) -> String {
        let Some(zone) = self.zones.get(row) else {
            return String::new();
        };
        let lang = self.lang;
        let twins: Vec<String> = zone.twins.iter().map(|t| self.twin_text(row, t)).collect();
        let group = &zone.group_note;
        match (twins.is_empty(), lang) {
            (true, Lang::Zh) => format!("{}{group}：无可比较的园区", zone.name),
            (true, Lang::En) => format!("{}{group}: no zone to compare", zone.name),
            (false, Lang::Zh) => format!("{}{group}最相似：{}", zone.name, twins.join("；")),
            (false, Lang::En) => {
                format!("{}{group}, most similar: {}", zone.name, twins.join("; "))
            }
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
            "{}家高新区两两组成{}对，其中{}对（{}）的产业结构余弦相似度不低于{threshold}，平均相似度{mean}。",
            grouped(n as f64, 0),
            grouped(view.pairs as f64, 0),
            grouped(view.pairs_above as f64, 0),
            percent(share, 1),
            mean = Fixed(mean, 2),
        ),
        Lang::En => format!(
            "Of the {} pairs of the {} zones, {} ({}) have industry structures with a cosine \
             similarity of {threshold} or more; the mean is {mean}.",
            grouped(view.pairs as f64, 0),
            grouped(n as f64, 0),
            grouped(view.pairs_above as f64, 0),
            percent(share, 1),
            mean = Fixed(mean, 2),
        ),
    };
    if let Some((a, b, v)) = most_alike {
        text.push_str(&match lang {
            Lang::Zh => format!("最相似的是{}与{}（{v}）", name(a), name(b), v = Fixed(v, 2)),
            Lang::En => format!(
                " The most alike are {} and {} ({v})",
                name(a),
                name(b),
                v = Fixed(v, 2)
            ),
        });
        if let Some((r, m)) = most_distinct {
            text.push_str(&match lang {
                Lang::Zh => format!(
                    "；最有特色的是{}，与其他各区平均相似度{m}。",
                    name(r),
                    m = Fixed(m, 2)
                ),
                Lang::En => format!(
                    "; the most distinct is {}, with a mean similarity of {m} to the others.",
                    name(r),
                    m = Fixed(m, 2)
                ),
            });
        } else {
            text.push_str(lang.pick("。", "."));
        }
    }
    text.push_str(&groups_sentence(view));
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

/// The groups the clustering found, the first five by name: "Average-linkage
/// clustering finds 3 groups: …; 4 zones stand apart." (With no heatmap,
/// what is listed instead.)
fn groups_sentence(view: &SimilarityView) -> String {
    let lang = view.lang;
    if view.cells.is_empty() {
        return match lang {
            Lang::Zh => format!(
                "超过{HEATMAP_ZONES}个高新区不做聚类，表格列出每个区最相似的{TWINS}个园区。"
            ),
            Lang::En => format!(
                " Above {HEATMAP_ZONES} zones there is no clustering; the table lists each zone's {TWINS} most similar zones."
            ),
        };
    }
    let listed: Vec<String> = (0..view.groups.len().min(5))
        .map(|g| view.group_text(g))
        .collect();
    let more = view.groups.len().saturating_sub(5);
    let apart = view.zones.iter().filter(|z| z.group.is_none()).count();
    let threshold = view.threshold;
    let mut text = match (lang, view.groups.len()) {
        (Lang::Zh, 0) => format!("按平均联动层次聚类，没有平均相似度≥{threshold}的组"),
        (Lang::En, 0) => format!(
            " Average-linkage clustering finds no group with a mean similarity of {threshold} or more"
        ),
        (Lang::Zh, g) => format!(
            "按平均联动层次聚类（组内平均相似度≥{threshold}）分出{g}组：{}",
            listed.join("；")
        ),
        (Lang::En, g) => format!(
            " Average-linkage clustering (groups with a mean similarity of {threshold} or more) finds {g} {}: {}",
            if g == 1 { "group" } else { "groups" },
            listed.join("; ")
        ),
    };
    if more > 0 {
        text.push_str(&match lang {
            Lang::Zh => format!("；另有{more}组见表格"),
            Lang::En => format!("; and {more} more in the table"),
        });
    }
    text.push_str(&match (lang, apart) {
        (_, 0) => lang.pick("。", ".").to_string(),
        (Lang::Zh, a) => format!("；{a}个区不属于任何组。"),
        (Lang::En, 1) => "; 1 zone stands apart.".to_string(),
        (Lang::En, a) => format!("; {a} zones stand apart."),
    });
    text
}

#[cfg(test)]
mod tests;
