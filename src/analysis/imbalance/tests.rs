//! Imbalance of the tiny dataset's GDP 2022 = [10, 20, 30, 50], land
//! [10, 30, 20, 40], worked out by hand:
//! - Gini: Σ_{i,j} |x_i − x_j| = 2·(10+20+40+10+30+20) = 260, 2n²μ = 880,
//!   G = 13/44;
//! - CV: μ = 27.5, Σ(x − μ)² = 875, σ = √218.75, CV = σ/27.5;
//! - Lorenz over land: densities 1, 2/3, 1.5, 1.25, order z2, z1, z4, z3,
//!   X = .3, .4, .8, 1, Y = 20, 30, 80, 110 (/110); the trapezoids sum to
//!   93/110, G = 17/110;
//! - Theil T by level: national 30 of 110 with half the zones, regional 80:
//!   between = (3/11) ln(6/11) + (8/11) ln(16/11).

use super::*;
use crate::analysis::tests::{close, tiny};
use crate::metrics::inequality::theil_t;

#[test]
fn gdp_2022_by_hand() {
    let ds = tiny();
    let gdp = ds.indicator_index("gdp").expect("gdp");
    let im = imbalance(&ds, gdp, 2022).expect("defined");
    assert_eq!((im.zones_used, im.missing_zones.len()), (4, 0));
    close("gini", im.gini, 13.0 / 44.0);
    close("cv", im.cv, 218.75f64.sqrt() / 27.5);
    let lorenz = im.lorenz.as_ref().expect("gdp is an amount");
    close("land-weighted gini", Some(lorenz.gini), 17.0 / 110.0);
    let order: Vec<&str> = lorenz.points.iter().map(|p| p.zone_id.as_str()).collect();
    assert_eq!(order, ["z2", "z1", "z4", "z3"]);
    close("X_1", Some(lorenz.points[0].cum_land_share), 0.3);
    close("Y_1", Some(lorenz.points[0].cum_value_share), 20.0 / 110.0);

    assert_eq!(im.by_level.groups, ["national", "regional"]);
    let t = im.by_level.theil_t.as_ref().expect("T defined");
    let between = 3.0 / 11.0 * (6.0f64 / 11.0).ln() + 8.0 / 11.0 * (16.0f64 / 11.0).ln();
    close("between levels", Some(t.between), between);
    close(
        "T total",
        Some(t.total),
        theil_t(&[10.0, 20.0, 30.0, 50.0]).expect("T"),
    );

    assert_eq!(im.by_metro_area.groups, ["metro", NO_METRO_AREA]);
    let t = im.by_metro_area.theil_t.as_ref().expect("T by area");
    // metro: z1, z3, z4 = 90 of 110 with 3/4 of the zones; none: z2 = 20.
    let between = 9.0 / 11.0 * (12.0f64 / 11.0).ln() + 2.0 / 11.0 * (8.0f64 / 11.0).ln();
    close("between areas", Some(t.between), between);
    assert!((t.between + t.within - t.total).abs() < 1e-12);
}

#[test]
fn shares_have_no_lorenz_and_missing_zones_are_named() {
    let ds = tiny();
    let rd = ds.indicator_index("rd").expect("rd");
    let im = imbalance(&ds, rd, 2022).expect("defined");
    assert!(im.lorenz.is_none(), "a density of a share means nothing");
    assert_eq!(im.zones_used, 3);
    assert_eq!(im.missing_zones, ["z4"]);
    assert!(im.gini.is_some());
}

#[test]
fn a_zero_leaves_theil_l_undefined_not_zero() {
    let ds = tiny();
    let hte = ds.indicator_index("hte").expect("hte");
    let im = imbalance(&ds, hte, 2022).expect("defined");
    assert!(im.by_level.theil_l.is_none());
    assert!(im.by_level.theil_t.is_some());
}

#[test]
fn gini_of_picked_values_by_hand() {
    // GDP 2022 of the tiny dataset, as in gdp_2022_by_hand: 13/44.
    close("gini", gini(&[10.0, 20.0, 30.0, 50.0]), 13.0 / 44.0);
    assert_eq!(gini(&[]), None, "no value");
    assert_eq!(gini(&[0.0, 0.0]), None, "zero total");
}
