//! The areas of the tiny dataset (analysis/tests.rs) by hand, and the
//! bundled areas' sums against the zones' sums.
//!
//! Tiny: the metro area holds z1 (national), z3 and z4; z2 has no area.
//! GDP 2022: 10 + 30 + 50 = 90 of 110; 2021: 8 + 25 + 50 = 83; land
//! 10 + 20 + 40 = 70 of 100. Densities (GDP / land): z1 1.0, z4 1.25,
//! z3 1.5, so the curve's vertices are land 10/70, 50/70, 1 and GDP 10/90,
//! 60/90, 1; Gini = 1 − [(10/70)(10/90) + (40/70)(70/90) + (20/70)(150/90)]
//! = 1 − 5900/6300 = 400/6300.

use super::*;
use crate::analysis::evaluation::{evaluate, EvaluationSettings};
use crate::analysis::tests::tiny;

#[test]
fn the_metro_area_of_the_tiny_dataset_by_hand() {
    let ds = tiny();
    let figures = areas(&ds, 2022);
    assert_eq!(figures.len(), 1);
    let metro = &figures[0];
    assert_eq!(metro.zones, ["z1", "z3", "z4"]);
    assert_eq!(metro.national_zones, ["z1"]);
    assert_eq!(metro.land_km2, 70.0);
    assert_eq!(metro.land_share, Some(0.7));
    assert_eq!(metro.sums[0], Some(90.0));
    assert!((metro.shares[0].unwrap() - 90.0 / 110.0).abs() < 1e-12);
    assert_eq!(metro.sums[1], None, "the tiny file has no high_tech_va");
    assert!((metro.gdp_cagr.unwrap() - (90.0 / 83.0 - 1.0)).abs() < 1e-12);

    let evaluation = evaluate(&ds, &EvaluationSettings::default()).expect("evaluates");
    let filter = area_filter(&ds, &evaluation, 2022, 0);
    assert_eq!(filter.zones, ["z1", "z3", "z4"]);
    let mut ranked: Vec<&str> = filter.ranking.iter().map(|r| r.zone_id.as_str()).collect();
    ranked.sort_unstable();
    assert_eq!(ranked, ["z1", "z3", "z4"], "the area's zones, no other");
    let ranks: Vec<usize> = filter.ranking.iter().filter_map(|r| r.rank).collect();
    assert!(
        ranks.windows(2).all(|w| w[0] < w[1]),
        "in rank order: {ranks:?}"
    );
    let curve = filter.lorenz.expect("a curve");
    let order: Vec<&str> = curve.points.iter().map(|p| p.zone_id.as_str()).collect();
    assert_eq!(order, ["z1", "z4", "z3"]);
    assert!(
        (curve.gini - 400.0 / 6300.0).abs() < 1e-12,
        "{}",
        curve.gini
    );
}

/// Every main zone of the bundled file is in an area: the areas' sums add
/// up to the zones' sums, indicator by indicator and for land.
#[test]
fn bundled_area_sums_add_up_to_the_zone_sums() {
    let ds = crate::views::testing::bundled();
    let figures = areas(&ds, 2022);
    assert_eq!(figures.len(), 3);
    for (k, indicator) in AREA_INDICATORS.iter().enumerate() {
        let column = ds.column(indicator, 2022).expect("a column");
        let zones: f64 = ds
            .zones
            .iter()
            .zip(&column.values)
            .filter(|(z, _)| z.level != Level::SubPark)
            .map(|(_, v)| v.expect("a value"))
            .sum();
        let areas: f64 = figures.iter().map(|a| a.sums[k].expect("a sum")).sum();
        assert!(
            (areas - zones).abs() < 1e-6 * zones,
            "{indicator}: {areas} against {zones}"
        );
        let shares: f64 = figures.iter().map(|a| a.shares[k].expect("a share")).sum();
        assert!(
            (shares - 1.0).abs() < 1e-12,
            "{indicator}: shares add up to {shares}"
        );
    }
    let land: f64 = figures.iter().map(|a| a.land_km2).sum();
    let zones_land: f64 = ds
        .zones
        .iter()
        .filter(|z| z.level != Level::SubPark)
        .map(|z| z.land_km2)
        .sum();
    assert!((land - zones_land).abs() < 1e-9);
    // The metro area's national zones are the report's three leaders.
    assert_eq!(figures[0].national_zones, ["z01", "z02", "z03"]);
}

/// Tiny, 2022: GDP z1 10, z3 30, z4 50 (metro), z2 20 (no area); μ = 27.5.
/// Theil T between = Σ_g (n_g/n)(μ_g/μ) ln(μ_g/μ) with metro μ = 30 and
/// the rest 20: (3/4)(30/27.5) ln(30/27.5) + (1/4)(20/27.5) ln(20/27.5).
#[test]
fn between_areas_by_hand() {
    let ds = tiny();
    let by_year = between_areas_by_year(&ds);
    assert_eq!(
        by_year.iter().map(|y| y.0).collect::<Vec<_>>(),
        [2021, 2022]
    );
    let mu = 27.5f64;
    let between = 0.75 * (30.0 / mu) * (30.0 / mu).ln() + 0.25 * (20.0 / mu) * (20.0 / mu).ln();
    let values = [10.0, 20.0, 30.0, 50.0];
    let total: f64 = values
        .iter()
        .map(|x: &f64| (x / mu) * (x / mu).ln())
        .sum::<f64>()
        / 4.0;
    let got = by_year[1].1.expect("a share");
    assert!(
        (got - between / total).abs() < 1e-12,
        "{got} against {}",
        between / total
    );
    assert_eq!(leading_area(&areas(&ds, 2022)), Some(0));
}
