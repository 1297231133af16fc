//! Each zone's industries by the report's categories, and "one park, one
//! specialty" (一园一特色) zone by zone: its specialties by location
//! quotient, whether one of them is its own, its nearest twin and the pairs
//! of zones that duplicate each other (claim C18, problems 2 and 4).
//!
//! The rule (docs/METRICS.md, "One park, one specialty"): an industry is a
//! zone's *specialty* when its location quotient is at least
//! [`SPECIALTY_LQ`]; a specialty is *distinct* when no zone similar to it
//! (cosine ≥ the similarity threshold) has the same specialty. Two similar
//! zones whose top specialty (highest LQ) is the same industry *duplicate*
//! each other. Location quotients and similarities are those of
//! [`super::specialisation`], over every main zone with a mix, whatever a
//! chart shows. Main type: [`Industries`].

use serde::Serialize;

use super::specialisation::specialisation_with;
use super::{Context, Id};
use crate::metrics::similarity::LISTED_PAIRS;
use crate::model::{Dataset, Industry, IndustryMix};

/// The location quotient from which an industry is a zone's specialty
/// (1.25: a quarter above the zones' own share, a common cut-off for
/// specialisation, e.g. the US BLS's "LQ > 1.25").
pub const SPECIALTY_LQ: f64 = 1.25;

/// The report's industry lists, newest first: the category an industry is
/// stacked under is the first of these it is on.
///
/// JSON: `"digital"` | `"emerging"` | `"leading"` | `"traditional"` | `"other"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Digital,
    Emerging,
    Leading,
    Traditional,
    Other,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::Digital,
        Category::Emerging,
        Category::Leading,
        Category::Traditional,
        Category::Other,
    ];

    /// The newest of the report's lists `industry` is on (digital, emerging,
    /// leading, traditional), or `Other`.
    pub fn of(industry: &Industry) -> Category {
        let on = |list: &str| industry.groups.iter().any(|g| g == list);
        Category::ALL
            .into_iter()
            .find(|c| *c != Category::Other && on(c.as_str()))
            .unwrap_or(Category::Other)
    }

    /// The group's id in the file (`industries[].groups`).
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Digital => "digital",
            Category::Emerging => "emerging",
            Category::Leading => "leading",
            Category::Traditional => "traditional",
            Category::Other => "other",
        }
    }

    /// Emerging or digital: the "new" side of problem 4's emerging against
    /// traditional.
    pub fn is_new(self) -> bool {
        matches!(self, Category::Digital | Category::Emerging)
    }
}

/// The industries of the main zones with a mix.
///
/// JSON: `{"specialty_lq", "threshold", "categories", "region_shares",
/// "region_by_year", "region_zones", "zones", "distinct_zones",
/// "duplicate_count", "duplicate_pairs", "missing_zones"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Industries {
    pub specialty_lq: f64,
    /// Zones at or above this cosine are "similar".
    pub threshold: f64,
    /// Each industry's category, in [`Dataset::industries`] order.
    pub categories: Vec<Category>,
    /// The zones' output together, share by category ([`Category::ALL`]
    /// order); empty when no zone has output.
    pub region_shares: Vec<f64>,
    /// The zones' output together by category in every year a zone's mix
    /// or its history gives, ascending: `(year, shares)` (does the
    /// emerging share grow?), over the zones asked for
    /// ([`industries_within`]).
    pub region_by_year: Vec<(i32, Vec<f64>)>,
    /// How many zones `region_by_year` sums: those asked for with a mix
    /// in every one of its years.
    pub region_zones: usize,
    /// In zone order.
    pub zones: Vec<ZoneIndustries>,
    /// How many zones have a distinct specialty.
    pub distinct_zones: usize,
    /// How many pairs of similar zones share their top specialty (both
    /// zones among those asked for: [`industries_within`]).
    pub duplicate_count: usize,
    /// The first [`LISTED_PAIRS`] of them, most similar first (ties: zone
    /// order).
    pub duplicate_pairs: Vec<DuplicatePair>,
    /// Main zones without an industry mix (left out).
    pub missing_zones: Vec<Id>,
}

/// One zone's industries.
///
/// JSON: `{"zone", "zone_id", "category_shares", "specialties", "top",
/// "distinct", "twin"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ZoneIndustries {
    /// Index into [`Dataset::zones`].
    pub zone: usize,
    pub zone_id: Id,
    /// Share of the zone's output by category ([`Category::ALL`] order);
    /// empty for a zone whose mix is all zero.
    pub category_shares: Vec<f64>,
    /// Industries with LQ ≥ [`SPECIALTY_LQ`], highest LQ first.
    pub specialties: Vec<Specialty>,
    /// The distinct specialty with the highest LQ, if any.
    pub distinct: Option<Specialty>,
    /// The most similar other zone.
    pub twin: Option<Twin>,
}

/// JSON: `{"industry", "industry_id", "location_quotient"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Specialty {
    /// Index into [`Dataset::industries`].
    pub industry: usize,
    pub industry_id: String,
    pub location_quotient: f64,
}

/// JSON: `{"zone", "zone_id", "similarity", "shared"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Twin {
    pub zone: usize,
    pub zone_id: Id,
    pub similarity: f64,
    /// The specialties both zones have (industry indices, in the zone's
    /// order).
    pub shared: Vec<usize>,
}

/// JSON: `{"a", "b", "a_id", "b_id", "industry", "industry_id", "similarity"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DuplicatePair {
    pub a: usize,
    pub b: usize,
    pub a_id: Id,
    pub b_id: Id,
    /// The top specialty both have.
    pub industry: usize,
    pub industry_id: String,
    pub similarity: f64,
}

/// Each main zone's industries by category and its specialties, zones
/// similar from `threshold` up.
pub fn industries(dataset: &Dataset, threshold: f64) -> Industries {
    industries_within(dataset, threshold, |_| true)
}

/// As [`industries`], with the duplicate pairs (their count and list) and
/// the zones together year by year only over the zones `within` says yes
/// to (by index into `Dataset::zones`): a view's level and area filters.
/// Specialties, twins and distinct zones are still judged against every
/// zone.
pub fn industries_within(
    dataset: &Dataset,
    threshold: f64,
    within: impl Fn(usize) -> bool,
) -> Industries {
    industries_with(dataset, threshold, within, None)
}

/// [`industries_within`] with the pairs already compared (`pairs`, as
/// [`super::specialisation`]'s `specialisation_with` takes them), so that
/// a view sharing them does not compare every pair again.
pub fn industries_with(
    dataset: &Dataset,
    threshold: f64,
    within: impl Fn(usize) -> bool,
    pairs: Option<&crate::metrics::similarity::PairStats>,
) -> Industries {
    let context = Context::new(dataset);
    let structure = specialisation_with(&context, threshold, pairs);
    let categories: Vec<Category> = dataset.industries.iter().map(Category::of).collect();
    let industry_id = |k: usize| {
        dataset
            .industries
            .get(k)
            .map_or_else(String::new, |i| i.id.clone())
    };
    let mix = |zone: usize| {
        dataset
            .zones
            .get(zone)
            .and_then(|z| z.industry_mix.as_ref())
            .map_or(&[][..], |m| m.values.as_slice())
    };
    let rows = structure.zone_index.len();
    let specialties: Vec<Vec<Specialty>> = (0..rows)
        .map(|r| {
            let lq = structure.location_quotients.get(r).map_or(&[][..], |v| v);
            let mut found: Vec<Specialty> = lq
                .iter()
                .enumerate()
                .filter_map(|(k, q)| {
                    q.filter(|q| *q >= SPECIALTY_LQ).map(|q| Specialty {
                        industry: k,
                        industry_id: industry_id(k),
                        location_quotient: q,
                    })
                })
                .collect();
            crate::order::sort_by(&mut found, |a, b| {
                b.location_quotient.total_cmp(&a.location_quotient)
            });
            found
        })
        .collect();
    let similarity = |a: usize, b: usize| structure.similarity(a, b);
    let has = |r: usize, k: usize| specialties[r].iter().any(|s| s.industry == k);
    // The rows with each industry among their specialties: a zone's
    // specialty is distinct when none of the other rows with it is similar.
    let mut with_specialty: Vec<Vec<usize>> = vec![Vec::new(); dataset.industries.len()];
    for (r, found) in specialties.iter().enumerate() {
        for s in found {
            if let Some(rows) = with_specialty.get_mut(s.industry) {
                rows.push(r);
            }
        }
    }
    let zones: Vec<ZoneIndustries> = (0..rows)
        .map(|r| {
            let zone = structure.zone_index[r];
            let distinct = specialties[r]
                .iter()
                .find(|s| {
                    !with_specialty.get(s.industry).is_some_and(|others| {
                        others
                            .iter()
                            .any(|o| *o != r && similarity(r, *o).is_some_and(|x| x >= threshold))
                    })
                })
                .cloned();
            // Its twin, from the analysis's one pass over the pairs.
            let twin = structure
                .nearest
                .get(r)
                .copied()
                .flatten()
                .map(|(o, s)| Twin {
                    zone: structure.zone_index[o],
                    zone_id: context.zone_id(structure.zone_index[o]),
                    similarity: s,
                    shared: specialties[r]
                        .iter()
                        .map(|s| s.industry)
                        .filter(|k| has(o, *k))
                        .collect(),
                });
            ZoneIndustries {
                zone,
                zone_id: context.zone_id(zone),
                category_shares: category_shares(mix(zone), &categories),
                specialties: specialties[r].clone(),
                distinct,
                twin,
            }
        })
        .collect();
    // Duplicates: similar pairs of zones `within` with the same top
    // specialty, so only pairs within one top specialty's rows are
    // compared; counted in all, the first LISTED_PAIRS kept.
    let mut by_top: Vec<Vec<usize>> = vec![Vec::new(); dataset.industries.len()];
    for (r, found) in specialties.iter().enumerate() {
        if !within(structure.zone_index[r]) {
            continue;
        }
        if let Some(rows) = found.first().and_then(|top| by_top.get_mut(top.industry)) {
            rows.push(r);
        }
    }
    let (found, duplicate_count) = duplicates(&by_top, similarity, threshold, LISTED_PAIRS);
    let duplicate_pairs: Vec<DuplicatePair> = found
        .into_iter()
        .take(LISTED_PAIRS)
        .map(|(a, b, industry, similarity)| {
            let (za, zb) = (structure.zone_index[a], structure.zone_index[b]);
            DuplicatePair {
                a: za,
                b: zb,
                a_id: context.zone_id(za),
                b_id: context.zone_id(zb),
                industry,
                industry_id: industry_id(industry),
                similarity,
            }
        })
        .collect();
    let total: Vec<f64> = (0..dataset.industries.len())
        .map(|k| {
            structure
                .zone_index
                .iter()
                .map(|z| mix(*z).get(k).copied().unwrap_or(0.0))
                .sum()
        })
        .collect();
    let (region_by_year, region_zones) = region_by_year(dataset, &categories, within);
    Industries {
        specialty_lq: SPECIALTY_LQ,
        threshold,
        region_shares: category_shares(&total, &categories),
        region_by_year,
        region_zones,
        distinct_zones: zones.iter().filter(|z| z.distinct.is_some()).count(),
        zones,
        duplicate_count,
        duplicate_pairs,
        missing_zones: structure.missing_zones,
        categories,
    }
}

/// The similar pairs (at or above `threshold`) within each group of rows,
/// `(a, b, group, similarity)` with a < b: how many there are, and the first
/// `limit` of them, most similar first, then by a, then by b.
///
/// Only about `2 × limit` pairs are held at once (5,000 zones sharing a top
/// industry make 12.5 million pairs): the kept ones are sorted and cut back
/// to `limit` whenever they double, and a pair that comes after the last
/// one kept is only counted.
fn duplicates(
    groups: &[Vec<usize>],
    similarity: impl Fn(usize, usize) -> Option<f64>,
    threshold: f64,
    limit: usize,
) -> (Vec<(usize, usize, usize, f64)>, usize) {
    type Pair = (usize, usize, usize, f64);
    let order = |x: &Pair, y: &Pair| y.3.total_cmp(&x.3).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1));
    let mut kept: Vec<Pair> = Vec::new();
    let mut count = 0;
    let mut last: Option<Pair> = None;
    for (group, rows) in groups.iter().enumerate() {
        for (i, a) in rows.iter().enumerate() {
            for b in &rows[i + 1..] {
                let Some(s) = similarity(*a, *b).filter(|s| *s >= threshold) else {
                    continue;
                };
                count += 1;
                let pair = (*a.min(b), *a.max(b), group, s);
                // Groups are not in (a, b) order: compare the whole key.
                if limit == 0 || last.is_some_and(|l| order(&pair, &l).is_ge()) {
                    continue;
                }
                kept.push(pair);
                if kept.len() >= limit.saturating_mul(2).max(1024) {
                    crate::order::sort_by(&mut kept, order);
                    kept.truncate(limit);
                    last = kept.last().copied();
                }
            }
        }
    }
    crate::order::sort_by(&mut kept, order);
    kept.truncate(limit);
    (kept, count)
}

/// The mixes (latest and history) of the main zones `within` that have one
/// in every year any of them has, summed year by year, as shares by
/// category, years ascending; and how many zones that sums. Zones with a
/// gap are left out, so that a change between years is the zones' own, not
/// zones joining the sum.
fn region_by_year(
    dataset: &Dataset,
    categories: &[Category],
    within: impl Fn(usize) -> bool,
) -> (Vec<(i32, Vec<f64>)>, usize) {
    let mut totals: Vec<(i32, Vec<f64>)> = Vec::new();
    let main: Vec<Vec<&IndustryMix>> = dataset
        .zones
        .iter()
        .enumerate()
        .filter(|(z, _)| within(*z))
        .map(|(_, z)| z.industry_history.iter().chain(&z.industry_mix).collect())
        .collect();
    let years: std::collections::BTreeSet<i32> = main.iter().flatten().map(|m| m.year).collect();
    let mut zones = 0;
    for mixes in main
        .iter()
        .filter(|mixes| years.iter().all(|y| mixes.iter().any(|m| m.year == *y)))
    {
        zones += usize::from(!mixes.is_empty());
        for mix in mixes {
            let at = match totals.iter().position(|(y, _)| *y == mix.year) {
                Some(at) => at,
                None => {
                    totals.push((mix.year, vec![0.0; mix.values.len()]));
                    totals.len() - 1
                }
            };
            for (t, v) in totals[at].1.iter_mut().zip(&mix.values) {
                *t += v;
            }
        }
    }
    crate::order::sort_by_key(&mut totals, |(y, _)| *y);
    let shares = totals
        .into_iter()
        .map(|(y, t)| (y, category_shares(&t, categories)))
        .collect();
    (shares, zones)
}

/// `mix`'s shares by category, in [`Category::ALL`] order; empty when the
/// mix sums to 0.
pub fn category_shares(mix: &[f64], categories: &[Category]) -> Vec<f64> {
    let total: f64 = mix.iter().sum();
    if total <= 0.0 {
        return Vec::new();
    }
    Category::ALL
        .iter()
        .map(|c| {
            // Summed from +0.0: std's `Sum` of f64 starts at -0.0, which a
            // category without an industry showed as "-0.0%" (a tester).
            mix.iter()
                .zip(categories)
                .filter(|(_, k)| *k == c)
                .fold(0.0, |sum, (x, _)| sum + x)
                / total
        })
        .collect()
}

#[cfg(test)]
mod tests;
