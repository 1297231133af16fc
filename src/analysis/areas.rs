//! The metro areas (都市区领飞): the zones of one area as the widget's area
//! filter shows them ([`area_filter`], `zone-monitor report --area ID`),
//! and the areas side by side ([`areas`]: their shares of the zones' GDP,
//! high-tech value added, enterprises and land, their growth, their
//! national zones).
//!
//! Under the filter the ranking is the region's (scores and ranks among all
//! zones, as the widget's note says), listed for the area's zones; the
//! Lorenz curve is drawn over the area's zones alone, as the widget's is.

use serde::Serialize;

use super::evaluation::Evaluation;
use super::{Context, Id};
use crate::metrics::growth::cagr;
use crate::metrics::inequality::{lorenz, theil_decomposition, TheilKind};
use crate::model::{Dataset, Level};

/// The indicators the area comparison sums.
pub const AREA_INDICATORS: [&str; 3] = ["gdp", "high_tech_va", "high_tech_enterprises"];

/// The zones of one area: their ranks and their GDP over land.
///
/// JSON: `{"area", "zones", "ranking": [{"zone_id", "rank", "score"}],
/// "lorenz": {"gini", "points": [{"zone_id", "cum_land_share",
/// "cum_value_share"}]}|null}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaFilter {
    pub area: String,
    /// The area's main zones, in file order.
    pub zones: Vec<Id>,
    /// The area's zones in the region's rank order (unscored last).
    pub ranking: Vec<AreaRank>,
    pub lorenz: Option<AreaLorenz>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaRank {
    pub zone_id: Id,
    pub rank: Option<usize>,
    pub score: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaLorenz {
    pub gini: f64,
    pub points: Vec<AreaLorenzPoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaLorenzPoint {
    pub zone_id: Id,
    pub cum_land_share: f64,
    pub cum_value_share: f64,
}

/// The zones of area `area` (an index into [`Dataset::metro_areas`]) in
/// `year`: `evaluation`'s ranking restricted to them, and the Lorenz curve
/// of their GDP over land (zones with GDP ≥ 0 and land > 0).
pub fn area_filter(
    dataset: &Dataset,
    evaluation: &Evaluation,
    year: i32,
    area: usize,
) -> AreaFilter {
    let context = Context::new(dataset);
    let members: Vec<usize> = dataset
        .zones
        .iter()
        .enumerate()
        .filter(|(_, z)| z.metro_area == Some(area))
        .map(|(i, _)| i)
        .collect();
    let mut ranking: Vec<(Option<usize>, AreaRank)> = evaluation
        .year(year)
        .map(|y| y.zones.as_slice())
        .unwrap_or_default()
        .iter()
        .filter(|z| members.contains(&z.zone))
        .map(|z| {
            let rank = AreaRank {
                zone_id: z.zone_id.clone(),
                rank: z.rank,
                score: z.score,
            };
            (z.rank, rank)
        })
        .collect();
    crate::order::sort_by_key(&mut ranking, |(rank, _)| (rank.is_none(), *rank));
    let gdp = dataset
        .column("gdp", year)
        .map(|c| c.values.as_slice())
        .unwrap_or_default();
    let used: Vec<(usize, f64, f64)> = members
        .iter()
        .filter_map(|&i| {
            let value = gdp.get(i).copied().flatten()?;
            let land = dataset.zones.get(i)?.land_km2;
            (value.is_finite() && value >= 0.0 && land > 0.0).then_some((i, value, land))
        })
        .collect();
    let values: Vec<f64> = used.iter().map(|u| u.1).collect();
    let land: Vec<f64> = used.iter().map(|u| u.2).collect();
    let curve = lorenz(&values, &land).map(|curve| AreaLorenz {
        gini: curve.gini,
        points: curve
            .points
            .iter()
            .filter_map(|p| {
                Some(AreaLorenzPoint {
                    zone_id: context.zone_id(used.get(p.zone)?.0),
                    cum_land_share: p.cum_weight_share,
                    cum_value_share: p.cum_value_share,
                })
            })
            .collect(),
    });
    AreaFilter {
        area: dataset
            .metro_areas
            .get(area)
            .map_or_else(String::new, |a| a.id.clone()),
        zones: members.iter().map(|i| context.zone_id(*i)).collect(),
        ranking: ranking.into_iter().map(|(_, r)| r).collect(),
        lorenz: curve,
    }
}

/// One area's figures in a year.
///
/// JSON: `{"area", "zones", "national_zones", "land_km2", "land_share",
/// "sums": {indicator: number|null}, "shares": {indicator: number|null},
/// "gdp_cagr"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaFigures {
    pub area: String,
    pub zones: Vec<Id>,
    /// Its national zones: in the metro area, the leading group (领头雁).
    pub national_zones: Vec<Id>,
    pub land_km2: f64,
    /// Of the zones' land (main zones with an area or not).
    pub land_share: Option<f64>,
    /// Sum over the area's zones of each of [`AREA_INDICATORS`], `None`
    /// when a zone's value is missing.
    pub sums: Vec<Option<f64>>,
    /// The sums over the same indicator's sum over every main zone.
    pub shares: Vec<Option<f64>>,
    /// Compound annual growth of the area's GDP from the first year of the
    /// data to `year`.
    pub gdp_cagr: Option<f64>,
}

/// Each metro area's zones, land and sums of [`AREA_INDICATORS`] in `year`,
/// as shares of every main zone's.
pub fn areas(dataset: &Dataset, year: i32) -> Vec<AreaFigures> {
    let context = Context::new(dataset);
    let sum_over = |indicator: &str, year: i32, zones: &[usize]| -> Option<f64> {
        let column = dataset.column(indicator, year)?;
        // + 0.0: an empty sum is −0.0, which would print as "-0.0%".
        zones
            .iter()
            .map(|i| column.values.get(*i).copied().flatten())
            .sum::<Option<f64>>()
            .map(|s| s + 0.0)
    };
    // `Dataset::zones` holds the main zones only (sub-parks are apart).
    let all: Vec<usize> = (0..dataset.zones.len()).collect();
    let all_land: f64 = all
        .iter()
        .filter_map(|i| dataset.zones.get(*i))
        .map(|z| z.land_km2)
        .sum();
    let first_year = dataset.years.first().copied().unwrap_or(year);
    (0..dataset.metro_areas.len())
        .map(|a| {
            let zones: Vec<usize> = all
                .iter()
                .copied()
                .filter(|i| {
                    dataset
                        .zones
                        .get(*i)
                        .is_some_and(|z| z.metro_area == Some(a))
                })
                .collect();
            let land: f64 = 0.0
                + zones
                    .iter()
                    .filter_map(|i| dataset.zones.get(*i))
                    .map(|z| z.land_km2)
                    .sum::<f64>();
            let sums: Vec<Option<f64>> = AREA_INDICATORS
                .iter()
                .map(|ind| sum_over(ind, year, &zones))
                .collect();
            let shares = AREA_INDICATORS
                .iter()
                .zip(&sums)
                .map(|(ind, sum)| -> Option<f64> {
                    let total = sum_over(ind, year, &all).filter(|t| *t > 0.0)?;
                    Some((*sum)? / total)
                })
                .collect();
            let gdp_from = sum_over("gdp", first_year, &zones);
            let gdp_cagr = cagr(gdp_from, sums[0], (year - first_year).max(0) as u32);
            AreaFigures {
                area: dataset.metro_areas[a].id.clone(),
                national_zones: zones
                    .iter()
                    .filter(|i| {
                        dataset
                            .zones
                            .get(**i)
                            .is_some_and(|z| z.level == Level::National)
                    })
                    .map(|i| context.zone_id(*i))
                    .collect(),
                zones: zones.iter().map(|i| context.zone_id(*i)).collect(),
                land_km2: land,
                land_share: (all_land > 0.0).then(|| land / all_land),
                sums,
                shares,
                gdp_cagr,
            }
        })
        .collect()
}

/// The area whose zones produce the largest share of the zones' GDP in
/// `figures`: the metro area the report's 都市区领飞 means; its national
/// zones are the leading group.
pub fn leading_area(figures: &[AreaFigures]) -> Option<usize> {
    (0..figures.len())
        .filter(|a| figures[*a].shares.first().copied().flatten().is_some())
        .max_by(|a, b| {
            let share = |i: usize| figures[i].shares[0].unwrap_or(0.0);
            share(*a).total_cmp(&share(*b))
        })
}

/// Each year's share of the Theil T of the zones' GDP that lies between
/// areas (between / total; zones outside every area form a group of their
/// own), over the main zones with a GDP value that year.
pub fn between_areas_by_year(dataset: &Dataset) -> Vec<(i32, Option<f64>)> {
    let area_of = |z: &crate::model::Zone| z.metro_area.map_or(dataset.metro_areas.len(), |a| a);
    dataset
        .years
        .iter()
        .map(|&year| {
            let gdp = dataset
                .column("gdp", year)
                .map(|c| c.values.as_slice())
                .unwrap_or_default();
            let (values, groups): (Vec<f64>, Vec<usize>) = dataset
                .zones
                .iter()
                .zip(gdp)
                .filter_map(|(z, v)| Some(((*v)?, area_of(z))))
                .unzip();
            let split = theil_decomposition(&values, &groups, TheilKind::T)
                .filter(|s| s.total > 0.0)
                .map(|s| s.between / s.total);
            (year, split)
        })
        .collect()
}

#[cfg(test)]
mod tests;
