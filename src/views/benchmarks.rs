//! The view behind the `benchmarks` chart, "benchmarks" (claim C17): the listed companies of
//! all the region's zones together against the benchmark zones the dataset
//! names (Shanghai Zhangjiang 360, Shenzhen 189), as counts, on a linear or
//! (`ViewState::log_scale`) log axis; and how many of the region's zones have
//! none.
//!
//! Per km² figures need the benchmarks' land: they are given where the
//! dataset has it (a benchmark value of `land_km2`), and otherwise the view
//! says they are not available rather than inventing an area.

use crate::claims::ClaimResult;
use crate::format;
use crate::i18n::Lang;
use crate::model::{Check, Dataset, Measure};

use super::figures::{claim_checking, claim_verdict, name_list, no_data, push_sentence};
use super::{headings, Context, Rows, Table};

/// The chart id claims and the page use for this chart.
pub const CHART: &str = "benchmarks";

/// The indicator compared.
pub const INDICATOR: &str = "listed_companies";

/// More zones than this and the grid's squares are drawn small, without
/// their counts (issue 15: 4,978 squares of 20 px were 10,000 px tall on a
/// phone); 400 squares of 20 px are some 800 px there.
pub const SMALL_SQUARES_OVER: usize = 400;

/// Everything the `benchmarks` chart shows, strings already in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct BenchmarksView {
    pub lang: Lang,
    pub year: i32,
    pub title: String,
    pub axis_title: String,
    pub log_scale: bool,
    /// The region's zones together first, then the benchmarks in file order.
    pub bars: Vec<BenchmarkBar>,
    /// Heading of the zone grid: "36家高新区中24家没有上市公司".
    pub zones_title: String,
    /// Every zone of the region, most listed companies first.
    pub zones: Vec<ZoneCount>,
    pub legend_some: String,
    pub legend_none: String,
    /// Per km² figures, or why they are not available.
    pub per_km2_note: String,
    /// Zones without a count, left out of the sum; empty when none.
    pub missing: String,
    /// Over [`SMALL_SQUARES_OVER`] zones the squares are drawn small and
    /// without their counts, and this says so; empty otherwise.
    pub squares_note: String,
    pub empty_text: String,
    pub summary: String,
}

/// One bar: a count of listed companies.
#[derive(Debug, Clone, PartialEq)]
pub struct BenchmarkBar {
    pub name: String,
    /// The region's own zones (drawn in the zones' colour), not a benchmark.
    pub own: bool,
    pub value: Option<f64>,
    /// Listed companies per km², where the land is known.
    pub per_km2: Option<f64>,
    pub label: String,
}

/// One zone's count, a square of the zone grid.
#[derive(Debug, Clone, PartialEq)]
pub struct ZoneCount {
    /// Index into `Dataset::zones`.
    pub zone: usize,
    pub name: String,
    pub value: Option<f64>,
    pub selected: bool,
    pub label: String,
    /// Problem 4 beside the count: its innovative industrial clusters and
    /// the share of its output in emerging and digital industries (the
    /// table's last two columns; in the tooltip too).
    pub clusters: String,
    pub new_share: String,
}

impl BenchmarksView {
    pub fn build(context: &Context) -> BenchmarksView {
        let (dataset, state) = (context.dataset, context.state);
        let (lang, year) = (state.lang, state.year);
        let indicator = dataset.indicator_index(INDICATOR);
        let column = indicator.and_then(|i| dataset.column_at(i, year));
        let no_data = no_data(lang);
        let count_text = |v: Option<f64>| match (v, lang) {
            (Some(v), Lang::Zh) => format!("{}家", format::grouped(v, 0)),
            (Some(v), Lang::En) => format::grouped(v, 0),
            (None, _) => no_data.to_string(),
        };

        let mut zones: Vec<ZoneCount> = dataset
            .zones
            .iter()
            .enumerate()
            .map(|(i, zone)| {
                let value = column
                    .and_then(|c| c.values.get(i).copied().flatten())
                    .filter(|v| v.is_finite());
                let name = zone.name.shown(lang);
                let (clusters, new_share) = clusters_and_new_share(dataset, i, year, lang);
                let sep = lang.pick("；", "; ");
                ZoneCount {
                    zone: i,
                    label: format!(
                        "{name}{}{}{sep}{}{sep}{}",
                        lang.pick("：", ": "),
                        count_text(value),
                        clusters,
                        new_share
                    ),
                    name,
                    value,
                    selected: state.zone == Some(i),
                    clusters,
                    new_share,
                }
            })
            .collect();
        // Most first; missing values last.
        crate::order::sort_by(&mut zones, |a, b| {
            b.value
                .unwrap_or(f64::NEG_INFINITY)
                .total_cmp(&a.value.unwrap_or(f64::NEG_INFINITY))
        });

        let known: Vec<f64> = zones.iter().filter_map(|z| z.value).collect();
        let without: Vec<&str> = zones
            .iter()
            .filter(|z| z.value.is_none())
            .map(|z| z.name.as_str())
            .collect();
        let sum = (!known.is_empty()).then(|| known.iter().sum::<f64>());
        let land: f64 = dataset.zones.iter().map(|z| z.land_km2).sum();
        let own_name = match lang {
            Lang::Zh => format!(
                "{}{}家高新区合计",
                dataset.meta.region.zh,
                grouped_count(zones.len())
            ),
            Lang::En => format!("The region's {} zones", grouped_count(zones.len())),
        };
        let mut bars = vec![BenchmarkBar {
            label: String::new(),
            name: own_name,
            own: true,
            value: sum,
            per_km2: sum.filter(|_| land > 0.0).map(|s| s / land),
        }];
        for benchmark in &dataset.benchmarks {
            let figure = |measure: Measure| {
                benchmark
                    .values
                    .iter()
                    .find(|v| v.measure == measure && v.year == year)
                    .and_then(|v| v.figure.value)
                    .filter(|v| v.is_finite())
            };
            let value = indicator.and_then(|i| figure(Measure::Indicator(i)));
            let area = figure(Measure::Land).filter(|a| *a > 0.0);
            bars.push(BenchmarkBar {
                label: String::new(),
                name: benchmark.name.shown(lang),
                own: false,
                value,
                per_km2: value.zip(area).map(|(v, a)| v / a),
            });
        }
        let per_km2_known = bars.iter().all(|b| b.per_km2.is_some());
        for bar in &mut bars {
            let per_km2 = bar.per_km2.map_or_else(String::new, |p| match lang {
                Lang::Zh => format!("，每平方千米{}家", format::grouped(p, 2)),
                Lang::En => format!(", {} per km²", format::grouped(p, 2)),
            });
            bar.label = format!(
                "{}{}{}{per_km2}",
                bar.name,
                lang.pick("：", ": "),
                count_text(bar.value)
            );
        }

        let none = known.iter().filter(|v| **v == 0.0).count();
        let zones_title = match lang {
            Lang::Zh => format!(
                "{}家高新区中{}家没有上市公司",
                grouped_count(zones.len()),
                grouped_count(none)
            ),
            Lang::En => format!(
                "{} of the {} zones {} no listed company",
                grouped_count(none),
                grouped_count(zones.len()),
                format::en_agree(none, "has", "have")
            ),
        };
        let per_km2_note = if per_km2_known {
            let parts: Vec<String> = bars
                .iter()
                .filter_map(|b| {
                    b.per_km2
                        .map(|p| format!("{} {}", b.name, format::grouped(p, 2)))
                })
                .collect();
            match lang {
                Lang::Zh => format!("每平方千米上市公司数：{}。", parts.join("，")),
                Lang::En => format!("Listed companies per km²: {}.", parts.join(", ")),
            }
        } else {
            lang.pick(
                "数据中没有基准园区的面积，无法比较每平方千米的上市公司数。",
                "The data give no land area for the benchmark zones, so per km² figures are not available.",
            )
            .to_string()
        };
        let missing = if without.is_empty() {
            String::new()
        } else {
            let names = name_list(&without, lang);
            match lang {
                Lang::Zh => format!("{names}缺少上市公司数，未计入合计。"),
                Lang::En => format!("No count for {names}: left out of the sum."),
            }
        };
        let claim = backed_claim(dataset, context.claims());
        let many = zones.len() > SMALL_SQUARES_OVER;
        let mut view = BenchmarksView {
            lang,
            year,
            title: match lang {
                Lang::Zh => format!("上市公司数：与张江、深圳对比（{year}年）"),
                Lang::En => format!("Listed companies against the benchmarks ({year})"),
            },
            axis_title: format!(
                "{}{}",
                lang.pick("上市公司（家）", "Listed companies"),
                if state.log_scale {
                    lang.pick("，对数刻度", ", log scale")
                } else {
                    ""
                }
            ),
            log_scale: state.log_scale,
            bars,
            zones_title,
            zones,
            legend_some: lang.pick("有上市公司", "has listed companies").into(),
            legend_none: lang.pick("没有上市公司", "none").into(),
            per_km2_note,
            missing,
            squares_note: if many {
                lang.pick(
                    "园区较多：方格缩小（斜线为无数据），上市公司数见提示和表格。",
                    "Many zones: small squares (a diagonal: no data); listed companies in tooltips and table.",
                )
                .into()
            } else {
                String::new()
            },
            empty_text: lang
                .pick("没有上市公司数据", "No data on listed companies")
                .into(),
            summary: String::new(),
        };
        view.summary = summary(&view, none, claim);
        view
    }

    /// The bars, then every zone, as rows.
    pub fn rows(&self) -> Rows<'_> {
        let lang = self.lang;
        let columns = headings(&[
            lang.pick("对象", "Zone"),
            lang.pick("上市公司（家）", "Listed companies"),
            lang.pick("每平方千米（家）", "Per km²"),
            lang.pick("创新型产业集群", "Innovative clusters"),
            lang.pick(
                "新兴与数字产业占产出",
                "Emerging and digital share of output",
            ),
        ]);
        let no_data = no_data(lang);
        let count =
            move |v: Option<f64>| v.map_or_else(|| no_data.to_string(), |v| format::grouped(v, 0));
        let bars = self.bars.len();
        Rows::new(
            &self.title,
            columns,
            bars + self.zones.len(),
            Box::new(move |i: usize| {
                let Some(z) = i.checked_sub(bars).map(|z| &self.zones[z]) else {
                    let b = &self.bars[i];
                    return vec![
                        b.name.clone(),
                        count(b.value),
                        b.per_km2.map_or_else(
                            || lang.pick("无面积数据", "no land figure").to_string(),
                            |p| format::grouped(p, 2),
                        ),
                        String::new(),
                        String::new(),
                    ];
                };
                vec![
                    z.name.clone(),
                    count(z.value),
                    String::new(),
                    z.clusters.clone(),
                    z.new_share.clone(),
                ]
            }),
        )
    }

    /// Every row of [`Self::rows`].
    pub fn table(&self) -> Table {
        self.rows().table()
    }
}

/// "创新型产业集群2个" and "新兴与数字产业占产出46.1%" for zone `zone`
/// (problem 4: few innovative clusters, emerging industries started late);
/// "no data" where the file has no cluster count or no industry mix.
fn clusters_and_new_share(
    dataset: &Dataset,
    zone: usize,
    year: i32,
    lang: Lang,
) -> (String, String) {
    use crate::analysis::industries::{category_shares, Category};
    let clusters = dataset
        .column("innovative_clusters", year)
        .and_then(|c| c.values.get(zone).copied().flatten());
    let categories: Vec<Category> = dataset.industries.iter().map(Category::of).collect();
    let new_share = dataset
        .zones
        .get(zone)
        .and_then(|z| z.industry_mix.as_ref())
        .map(|m| category_shares(&m.values, &categories))
        .filter(|s| !s.is_empty())
        .map(|s| s[0] + s[1]);
    let none = no_data(lang);
    (
        match (clusters, lang) {
            (Some(n), Lang::Zh) => format!("创新型产业集群{}个", format::grouped(n, 0)),
            (Some(n), Lang::En) => format!(
                "{} innovative {}",
                format::grouped(n, 0),
                if n == 1.0 { "cluster" } else { "clusters" }
            ),
            (None, Lang::Zh) => format!("创新型产业集群{none}"),
            (None, Lang::En) => format!("innovative clusters: {none}"),
        },
        match (new_share, lang) {
            (Some(s), Lang::Zh) => format!("新兴与数字产业占产出{}", format::percent(s, 1)),
            (Some(s), Lang::En) => {
                format!("emerging and digital {} of output", format::percent(s, 1))
            }
            (None, Lang::Zh) => format!("新兴与数字产业占比{none}"),
            (None, Lang::En) => format!("emerging and digital share: {none}"),
        },
    )
}

/// The claim this chart backs: the one that states a benchmark's count of
/// listed companies (C17).
fn backed_claim<'a>(dataset: &'a Dataset, claims: &'a [ClaimResult]) -> Option<&'a ClaimResult> {
    let indicator = dataset.indicator_index(INDICATOR)?;
    let backs = |c: &Check| matches!(c, Check::Benchmark { measure: Measure::Indicator(i), .. } if *i == indicator);
    claim_checking(dataset, claims, backs).map(|(_, result)| result)
}

/// The region's sum against each benchmark, how many zones have none, the
/// zone with most, per km², what is missing, and the claim.
fn summary(view: &BenchmarksView, none: usize, claim: Option<&ClaimResult>) -> String {
    let lang = view.lang;
    let year = view.year;
    let Some(own) = view.bars.first().and_then(|b| b.value) else {
        return format!("{}{}", view.empty_text, lang.pick("。", "."));
    };
    let count = |v: f64| format::grouped(v, 0);
    let against: Vec<String> = view.bars[1..]
        .iter()
        .filter_map(|b| {
            let v = b.value?;
            let ratio = (v > 0.0).then(|| format::percent(own / v, 0));
            Some(match (lang, ratio) {
                (Lang::Zh, Some(r)) => format!("{}（{}家）的{r}", b.name, count(v)),
                (Lang::En, Some(r)) => format!("{r} of {}'s {}", b.name, count(v)),
                (Lang::Zh, None) => format!("{}为{}家", b.name, count(v)),
                (Lang::En, None) => format!("{} has {}", b.name, count(v)),
            })
        })
        .collect();
    let n = view.zones.len();
    let mut text = match lang {
        Lang::Zh => format!(
            "{year}年，{}共有上市公司{}家",
            view.bars[0]
                .name
                .strip_suffix("合计")
                .unwrap_or(&view.bars[0].name),
            count(own)
        ),
        Lang::En => format!(
            "In {year} {} have {} listed companies",
            crate::format::in_sentence(&view.bars[0].name),
            count(own)
        ),
    };
    if !against.is_empty() {
        text.push_str(&match lang {
            Lang::Zh => format!("，为{}", against.join("、")),
            Lang::En => format!(", {}", against.join(" and ")),
        });
    }
    text.push_str(lang.pick("。", "."));
    let most = view.zones.first().filter(|z| z.value.unwrap_or(0.0) > 0.0);
    let majority = 2 * none > n;
    text.push_str(&match lang {
        Lang::Zh => format!(
            "{}家高新区中{}家没有上市公司{}",
            grouped_count(n),
            grouped_count(none),
            if majority { "，超过一半" } else { "" }
        ),
        Lang::En => format!(
            " {} of the {} zones {} none{}",
            grouped_count(none),
            grouped_count(n),
            format::en_agree(none, "has", "have"),
            if majority { ", more than half" } else { "" }
        ),
    });
    if let Some(z) = most {
        let v = count(z.value.unwrap_or(0.0));
        text.push_str(&match lang {
            Lang::Zh => format!("；最多的是{}（{v}家）。", z.name),
            Lang::En => format!("; {} has the most ({v}).", z.name),
        });
    } else {
        text.push_str(lang.pick("。", "."));
    }
    for extra in [&view.per_km2_note, &view.missing] {
        push_sentence(&mut text, extra, lang);
    }
    if let Some(claim) = claim {
        text.push_str(&claim_verdict(claim, lang));
    }
    text
}

#[cfg(test)]
mod tests;

/// A count of zones in a sentence, grouped (1,978 at national scale).
fn grouped_count(n: usize) -> String {
    format::grouped(n as f64, 0)
}
