//! Growth of the tiny dataset's GDP, 2021 → 2022: [8, 20, 25, 50] →
//! [10, 20, 30, 50], so z1 +25%, z3 +20%, the total 103 → 110. One year of
//! growth: CAGR = the year-on-year rate.

use super::*;
use crate::analysis::tests::{close, tiny};

#[test]
fn gdp_growth_by_hand() {
    let ds = tiny();
    let g = growth(&ds, ds.indicator_index("gdp").expect("gdp")).expect("grows");
    assert_eq!(g.years, [2021, 2022]);
    let z1 = &g.zones[0];
    assert_eq!(z1.zone_id, "z1");
    assert_eq!(z1.yoy[0], None, "no year before the first");
    close("z1 yoy", z1.yoy[1], 0.25);
    close("z1 cagr", z1.cagr, 0.25);
    close("z3 yoy", g.zones[2].yoy[1], 0.2);
    let yoy = g.total.yoy.as_ref().expect("an amount has a total");
    close("total yoy", yoy[1], 7.0 / 103.0);
}

#[test]
fn shares_have_no_total_and_missing_values_no_rate() {
    let ds = tiny();
    let g = growth(&ds, ds.indicator_index("rd").expect("rd")).expect("grows");
    assert_eq!(g.total.sums, None, "shares do not add up");
    assert_eq!(g.zones[3].yoy, [None, None]);
    assert_eq!(g.zones[3].cagr, None);
}
