//! Innovation figures of the tiny dataset, 2022, by hand:
//! - R&D / GDP: [1, 2, 3, 4] / [10, 20, 30, 50] × 100 = [10, 10, 10, 8];
//!   region 100 · 10/110; reference 100 · 5/40 = 12.5 (both reference
//!   averages given);
//! - patents per 10,000 employees: [10, 2, 5, 0] / [1000, 2000, 1000, 4000]
//!   × 10,000 = [100, 10, 50, 0]; region 17/8000 · 10,000 = 21.25;
//! - rd (a share): [0.03, 0.05, 0.02, null], mean 0.1/3, reference 0.04;
//! - incubators [1, 0, 0, 2]: z2 (national, county) and z3 have none.

use super::*;
use crate::analysis::tests::{close, tiny};

fn row<'a>(i: &'a Innovation, id: &str) -> &'a IntensityRow {
    i.intensities.iter().find(|r| r.id == id).expect("computed")
}

#[test]
fn intensities_by_hand() {
    let i = innovation(&tiny(), 2022).expect("2022");
    let rd = row(&i, "rd_spending_per_gdp");
    close("r z4", rd.comparison.per_zone[3], 8.0);
    close("region", rd.comparison.ratio_of_sums, 1000.0 / 110.0);
    close("mean of ratios", rd.comparison.mean_of_ratios, 9.5);
    close("reference", rd.comparison.reference, 12.5);
    assert_eq!(rd.below_region, ["z4"]);
    assert_eq!(rd.below_reference, ["z1", "z2", "z3", "z4"]);
    let patents = row(&i, "invention_patents_per_10k_employees");
    close("patents region", patents.comparison.ratio_of_sums, 21.25);
    assert_eq!(patents.below_region, ["z2", "z4"]);
    assert_eq!(patents.comparison.reference, None, "no employees reference");
    // tech_contracts is not in the tiny data.
    assert_eq!(i.unavailable, ["tech_contracts_per_employee"]);
}

#[test]
fn levels_against_the_reference_with_a_missing_zone() {
    let i = innovation(&tiny(), 2022).expect("2022");
    let rd = i
        .levels
        .iter()
        .find(|l| l.indicator == "rd")
        .expect("a share is a level");
    assert_eq!(rd.zones_compared, 3);
    assert_eq!(rd.missing_zones, ["z4"]);
    close("mean", rd.mean, 0.1 / 3.0);
    close("reference", rd.reference, 0.04);
    assert_eq!(rd.mean_below_reference, Some(true));
    assert_eq!(rd.below_mean, ["z1", "z3"]);
    assert_eq!(rd.below_reference, ["z1", "z3"]);
    // gdp has a reference average, so it is compared too.
    let gdp = i
        .levels
        .iter()
        .find(|l| l.indicator == "gdp")
        .expect("referenced");
    close("gdp mean", gdp.mean, 27.5);
    assert_eq!(gdp.mean_below_reference, Some(true));
    assert!(
        i.levels.iter().all(|l| l.indicator != "hte"),
        "a count without reference is not a level"
    );
}

#[test]
fn zones_without_an_incubator() {
    let i = innovation(&tiny(), 2022).expect("2022");
    let z = i.incubators.as_ref().expect("indicator present");
    assert_eq!(z.zones_with_zero, ["z2", "z3"]);
    assert_eq!(z.national_county_zones_with_zero, ["z2"]);
    assert_eq!(
        (z.counts.zero, z.counts.positive, z.counts.missing),
        (2, 2, 0)
    );
}
