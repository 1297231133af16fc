//! The view behind the `national_bands` chart, "national ranking bands" (claim C13): where the
//! region's national zones stand in the national evaluation (rank of 169),
//! against four bands: the top 50, 51–100, beyond 100, and the very bottom.
//!
//! The band limits come from the claim's `rank_count` checks when the dataset
//! has them (C13: 1–50, 101–169, 160–169), so "the bottom" means what the
//! dataset says it means; without a claim they default to 50, 100 and the
//! last ten places. Each zone also carries its ranks in the earlier years, so
//! the chart can show how far it moved.

use crate::claims::ClaimResult;
use crate::i18n::Lang;
use crate::model::{Check, Claim, Dataset, Level};

use super::figures::{claim_checking, claim_verdict, name_list, ordinal, push_sentence};
use super::{Context, Rows, Table};

/// The chart id claims and the page use for this chart.
pub const CHART: &str = "national_bands";

/// Everything the `national_bands` chart shows, strings already in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct NationalBandsView {
    pub lang: Lang,
    pub year: i32,
    pub title: String,
    pub axis_title: String,
    /// How many zones the national evaluation ranks (169); `None` when no
    /// zone has a rank in the year.
    pub of: Option<u32>,
    /// Left to right along the rank axis.
    pub bands: Vec<RankBand>,
    /// The ranked national zones, best first.
    pub zones: Vec<RankedZone>,
    pub legend_latest: String,
    pub legend_earlier: String,
    /// National zones without a rank in the year; empty when none.
    pub missing: String,
    pub empty_text: String,
    pub summary: String,
}

/// A band of places, `from..=to`.
#[derive(Debug, Clone, PartialEq)]
pub struct RankBand {
    pub from: u32,
    pub to: u32,
    /// "前50名" / "Top 50".
    pub label: String,
    /// The region's zones in the band.
    pub count: usize,
}

/// A national zone's place in the year, with its places in the other years.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedZone {
    /// Index into `Dataset::zones`.
    pub zone: usize,
    pub name: String,
    pub rank: u32,
    /// Index into the view's bands.
    pub band: usize,
    /// `(year, rank)` over every year with a rank, the view's year included.
    pub path: Vec<(i32, u32)>,
    pub selected: bool,
    pub label: String,
}

/// Band limits: the last place of the top band, of the middle band, and the
/// first place of the bottom band.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Limits {
    top: u32,
    middle: u32,
    bottom: u32,
}

impl NationalBandsView {
    pub fn build(context: &Context) -> NationalBandsView {
        let (dataset, state) = (context.dataset, context.state);
        let (lang, year) = (state.lang, state.year);
        let of = dataset
            .rankings
            .iter()
            .filter(|r| r.year == year)
            .map(|r| r.of)
            .max();
        let claim = backed_claim(dataset, context.claims(), year);
        let bands = match of {
            Some(of) => bands(limits(claim.map(|(c, _)| c), year, of), of, lang),
            None => Vec::new(),
        };

        let mut zones = Vec::new();
        let mut unranked = Vec::new();
        for (i, zone) in dataset.zones.iter().enumerate() {
            if zone.level != Level::National {
                continue;
            }
            let name = zone.name.shown(lang);
            let Some(ranking) = dataset.ranking(i, year) else {
                unranked.push(name);
                continue;
            };
            let path = dataset
                .years
                .iter()
                .filter_map(|y| dataset.ranking(i, *y).map(|r| (*y, r.rank)))
                .collect();
            let band = bands
                .iter()
                .position(|b| (b.from..=b.to).contains(&ranking.rank))
                .unwrap_or(0);
            zones.push(RankedZone {
                zone: i,
                label: String::new(),
                name,
                rank: ranking.rank,
                band,
                path,
                selected: state.zone == Some(i),
            });
        }
        crate::order::sort_by_key(&mut zones, |z| (z.rank, z.zone));
        let mut bands = bands;
        for zone in &zones {
            if let Some(b) = bands.get_mut(zone.band) {
                b.count += 1;
            }
        }
        for zone in &mut zones {
            zone.label = tooltip(zone, &bands, of.unwrap_or(0), year, lang);
        }

        let missing = if unranked.is_empty() {
            String::new()
        } else {
            let names: Vec<&str> = unranked.iter().map(String::as_str).collect();
            let names = name_list(&names, lang);
            match lang {
                Lang::Zh => format!("{names}{year}年没有全国排名，未画出。"),
                Lang::En => format!("No national rank in {year}, not drawn: {names}."),
            }
        };
        let of_text = of.map_or_else(String::new, |n| crate::format::grouped(n as f64, 0));
        let first_year = zones
            .iter()
            .flat_map(|z| z.path.first())
            .map(|(y, _)| *y)
            .min()
            .filter(|y| *y < year);
        let mut view = NationalBandsView {
            lang,
            year,
            title: match lang {
                Lang::Zh => format!("国家级高新区的全国排名（{year}年）"),
                Lang::En => format!("The national zones' national ranks ({year})"),
            },
            axis_title: match lang {
                Lang::Zh => format!("全国排名（共{of_text}家，越靠左越好）"),
                Lang::En => format!("National rank (of {of_text}; left is better)"),
            },
            of,
            bands,
            zones,
            legend_latest: match lang {
                Lang::Zh => format!("{year}年排名"),
                Lang::En => format!("rank in {year}"),
            },
            legend_earlier: match (lang, first_year) {
                (Lang::Zh, Some(y)) => format!("{y}–{}年排名", year - 1),
                (Lang::En, Some(y)) => format!("ranks {y}–{}", year - 1),
                _ => String::new(),
            },
            missing,
            empty_text: match lang {
                Lang::Zh => format!("{year}年没有全国排名数据"),
                Lang::En => format!("No national ranks for {year}"),
            },
            summary: String::new(),
        };
        view.summary = summary(&view, claim.map(|(_, r)| r));
        view
    }

    /// One row per zone, best first.
    pub fn rows(&self) -> Rows<'_> {
        let lang = self.lang;
        let mut years: Vec<i32> = self
            .zones
            .iter()
            .flat_map(|z| z.path.iter().map(|(y, _)| *y))
            .collect();
        crate::order::sort_by(&mut years, Ord::cmp);
        years.dedup();
        let mut columns = vec![
            lang.pick("高新区", "Zone").to_string(),
            lang.pick("档次", "Band").to_string(),
        ];
        columns.extend(years.iter().map(|y| match lang {
            Lang::Zh => format!("{y}年排名"),
            Lang::En => format!("Rank {y}"),
        }));
        Rows::new(
            &self.title,
            columns,
            self.zones.len(),
            Box::new(move |i: usize| {
                let z = &self.zones[i];
                let mut row = vec![
                    z.name.clone(),
                    self.bands
                        .get(z.band)
                        .map_or_else(String::new, |b| b.label.clone()),
                ];
                row.extend(years.iter().map(|y| {
                    z.path
                        .iter()
                        .find(|(py, _)| py == y)
                        .map_or_else(String::new, |(_, r)| r.to_string())
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

/// The claim this chart backs: the one that counts national zones in rank
/// ranges of the year (C13), found by what it checks, so it does not depend on
/// the `chart` id the file gives it.
fn backed_claim<'a>(
    dataset: &'a Dataset,
    claims: &'a [ClaimResult],
    year: i32,
) -> Option<(&'a Claim, &'a ClaimResult)> {
    claim_checking(
        dataset,
        claims,
        |c| matches!(c, Check::RankCount { year: y, .. } if *y == year),
    )
}

/// The band limits the claim's checks define, else 50, 100 and the last ten
/// places; clamped to `1..=of` and kept in order.
fn limits(claim: Option<&Claim>, year: i32, of: u32) -> Limits {
    let ranges: Vec<(u32, u32)> = claim
        .map(|c| {
            c.checks
                .iter()
                .filter_map(|check| match check {
                    Check::RankCount {
                        year: y, from, to, ..
                    } if *y == year => Some((*from, *to)),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    // The top band: a range from 1; the rest: ranges running to the last place.
    let top = ranges
        .iter()
        .filter(|(from, to)| *from == 1 && *to < of)
        .map(|(_, to)| *to)
        .min()
        .unwrap_or(50);
    let to_the_end: Vec<u32> = ranges
        .iter()
        .filter(|(from, to)| *to >= of && *from > 1)
        .map(|(from, _)| *from)
        .collect();
    let middle = to_the_end.iter().min().map_or(100, |from| from - 1);
    let bottom = to_the_end
        .iter()
        .max()
        .copied()
        .filter(|b| *b > middle + 1)
        .unwrap_or(of.saturating_sub(9));
    let top = top.clamp(1, of);
    let middle = middle.clamp(top, of);
    let bottom = bottom.clamp(middle + 1, of + 1);
    Limits {
        top,
        middle,
        bottom,
    }
}

/// The four bands, leaving out any the limits make empty.
fn bands(limits: Limits, of: u32, lang: Lang) -> Vec<RankBand> {
    let Limits {
        top,
        middle,
        bottom,
    } = limits;
    let band = |from: u32, to: u32, label: String| RankBand {
        from,
        to,
        label,
        count: 0,
    };
    let mut bands = vec![band(
        1,
        top,
        match lang {
            Lang::Zh => format!("前{top}名"),
            Lang::En => format!("Top {top}"),
        },
    )];
    if middle > top {
        bands.push(band(
            top + 1,
            middle,
            match lang {
                Lang::Zh => format!("{}–{middle}名", top + 1),
                Lang::En => format!("{}–{middle}", top + 1),
            },
        ));
    }
    if bottom > middle + 1 {
        bands.push(band(
            middle + 1,
            bottom - 1,
            // Named by its range: "beyond 100" in the report includes the
            // bottom band too.
            match lang {
                Lang::Zh => format!("{}–{}名", middle + 1, bottom - 1),
                Lang::En => format!("{}–{}", middle + 1, bottom - 1),
            },
        ));
    }
    if bottom <= of {
        bands.push(band(
            bottom,
            of,
            match lang {
                Lang::Zh => format!("垫底（{bottom}名及以后）"),
                Lang::En => format!("Bottom ({bottom}+)"),
            },
        ));
    }
    bands
}

fn tooltip(zone: &RankedZone, bands: &[RankBand], of: u32, year: i32, lang: Lang) -> String {
    let band = bands.get(zone.band).map_or("", |b| b.label.as_str());
    let earlier: Vec<String> = zone
        .path
        .iter()
        .filter(|(y, _)| *y != year)
        .map(|(y, r)| match lang {
            Lang::Zh => format!("{y}年第{r}"),
            Lang::En => format!("{y}: {r}"),
        })
        .collect();
    let mut text = match lang {
        Lang::Zh => format!(
            "{}：{year}年全国第{}名（共{of}家），{band}",
            zone.name, zone.rank
        ),
        Lang::En => format!(
            "{}: {} of {of} nationally in {year} ({})",
            zone.name,
            ordinal(zone.rank as usize),
            crate::format::in_sentence(band)
        ),
    };
    if !earlier.is_empty() {
        text.push_str(&match lang {
            Lang::Zh => format!("；此前：{}", earlier.join("，")),
            Lang::En => format!("; earlier: {}", earlier.join(", ")),
        });
    }
    text
}

/// The counts per band (C13's figures, from the data), best and worst, what
/// is missing, and whether the claim holds.
fn summary(view: &NationalBandsView, claim: Option<&ClaimResult>) -> String {
    let lang = view.lang;
    let year = view.year;
    let (Some(of), Some(best), Some(worst)) = (view.of, view.zones.first(), view.zones.last())
    else {
        return format!(
            "{}{}{}",
            view.empty_text,
            lang.pick("。", "."),
            view.missing
        );
    };
    let n = view.zones.len();
    let names_in = |band: usize| -> String {
        let names: Vec<&str> = view
            .zones
            .iter()
            .filter(|z| z.band == band)
            .map(|z| z.name.as_str())
            .collect();
        name_list(&names, lang)
    };
    let count = |band: usize| view.bands.get(band).map_or(0, |b| b.count);
    let last = view.bands.len().saturating_sub(1);
    // "Beyond the middle band": every band after the second, the bottom included.
    let beyond: usize = view.bands.iter().skip(2).map(|b| b.count).sum();
    let beyond_from = view.bands.get(2).map_or(of, |b| b.from.saturating_sub(1));
    let half = |k: usize| 2 * k == n;

    let mut text = match lang {
        Lang::Zh => format!(
            "{year}年全国{of}家国家高新区综合排名中，全市{n}家国家级高新区有{}家进入{}",
            count(0),
            view.bands.first().map_or("", |b| b.label.as_str()),
        ),
        Lang::En => format!(
            "In the national ranking of {of} national zones in {year}, {} of the region's {n} national zones {} in the {}",
            count(0),
            if count(0) == 1 { "is" } else { "are" },
            view.bands.first().map_or(String::new(), |b| crate::format::in_sentence(&b.label)),
        ),
    };
    if count(0) > 0 {
        text.push_str(&match lang {
            Lang::Zh => format!("（{}）", names_in(0)),
            Lang::En => format!(" ({})", names_in(0)),
        });
    }
    if let Some(b) = view.bands.get(1) {
        text.push_str(&match lang {
            Lang::Zh => format!("，{}家在{}", b.count, b.label),
            Lang::En => format!(", {} rank {}", b.count, b.label),
        });
    }
    if view.bands.len() > 2 {
        let how_many = match (lang, half(beyond)) {
            (Lang::Zh, true) => format!("一半（{beyond}家）"),
            (Lang::Zh, false) => format!("{beyond}家"),
            (Lang::En, true) => format!("half ({beyond})"),
            (Lang::En, false) => beyond.to_string(),
        };
        text.push_str(&match lang {
            Lang::Zh => format!("，{how_many}排在{beyond_from}名以后"),
            Lang::En => format!(", {how_many} rank beyond {beyond_from}"),
        });
        if let Some(bottom) = view.bands.get(last).filter(|_| last >= 3) {
            let from = bottom.from;
            text.push_str(&match (lang, bottom.count) {
                (Lang::Zh, 0) => format!("，没有一家排名垫底（{from}名及以后）"),
                (Lang::Zh, k) => {
                    format!("，其中{k}家排名垫底（{from}名及以后：{}）", names_in(last))
                }
                (Lang::En, 0) => format!(
                    ", none at the very bottom ({} or lower)",
                    ordinal(from as usize)
                ),
                (Lang::En, k) => format!(
                    ", {k} of them at the very bottom ({} or lower: {})",
                    ordinal(from as usize),
                    names_in(last)
                ),
            });
        }
    }
    text.push_str(&match lang {
        Lang::Zh => format!(
            "。排名最高的是{}（第{}名），最低的是{}（第{}名）。",
            best.name, best.rank, worst.name, worst.rank
        ),
        Lang::En => format!(
            ". The best placed is {} ({}), the lowest {} ({}).",
            best.name,
            ordinal(best.rank as usize),
            worst.name,
            ordinal(worst.rank as usize)
        ),
    });
    push_sentence(&mut text, &view.missing, lang);
    if let Some(claim) = claim {
        text.push_str(&claim_verdict(claim, lang));
    }
    text
}

#[cfg(test)]
mod tests;
