//! Headline figures of the tiny dataset (super::super::tests), by hand:
//! GDP 2022 = 10 + 20 + 30 + 50 = 110 against 400 (default) and 200
//! ("alt"); land 10 + 30 + 20 + 40 = 100 km² of 1,000.

use super::*;
use crate::analysis::tests::{close, tiny};

#[test]
fn shares_of_every_region_total_with_land_leverage() {
    let h = headline(&tiny(), 2022).expect("2022 is in the data");
    close("land share", h.land_share, 0.1);
    let gdp = &h.shares[0];
    assert_eq!(
        (gdp.measure.as_str(), gdp.variant.as_deref()),
        ("gdp", None)
    );
    assert_eq!(gdp.zones.sum, 110.0);
    close("gdp share", gdp.share, 0.275);
    // 0.275 / 0.1
    close("gdp land leverage", gdp.land_leverage, 2.75);
    assert_eq!(gdp.status, "reported");
    let alt = &h.shares[1];
    assert_eq!(alt.variant.as_deref(), Some("alt"));
    close("alt share", alt.share, 0.55);
    close("alt land leverage", alt.land_leverage, 5.5);
    let land = &h.shares[2];
    assert_eq!(land.measure, LAND);
    close("land row", land.share, 0.1);
    assert_eq!(
        land.land_leverage, None,
        "land against itself is not a leverage"
    );
}

#[test]
fn sums_by_level_of_amounts_and_counts_only() {
    let h = headline(&tiny(), 2022).expect("2022");
    let ids: Vec<&str> = h.sums.iter().map(|s| s.indicator.as_str()).collect();
    assert!(!ids.contains(&"rd"), "a share is not summed: {ids:?}");
    let gdp = h.sums.iter().find(|s| s.indicator == "gdp").expect("gdp");
    assert_eq!(
        (gdp.all.sum, gdp.national.sum, gdp.regional.sum),
        (110.0, 30.0, 80.0)
    );
    assert!(gdp.missing_zones.is_empty());
}

#[test]
fn a_missing_value_is_counted_and_named() {
    let mut json = crate::analysis::tests::tiny_json();
    for o in json["observations"].as_array_mut().expect("array") {
        if o["zone"] == "z3" && o["indicator"] == "gdp" && o["year"] == 2022 {
            o["value"] = serde_json::Value::Null;
        }
    }
    let h = headline(&crate::analysis::tests::load(&json), 2022).expect("2022");
    let gdp = &h.shares[0];
    assert_eq!(
        (gdp.zones.sum, gdp.zones.counted, gdp.zones.missing),
        (80.0, 3, 1)
    );
    assert_eq!(gdp.missing_zones, ["z3"]);
    close("share of the zones with a value", gdp.share, 0.2);
}

#[test]
fn a_year_without_totals_has_sums_but_no_shares() {
    let h = headline(&tiny(), 2021).expect("2021");
    assert!(h.shares.is_empty());
    assert_eq!(h.land_share, None);
    assert_eq!(
        h.sums
            .iter()
            .find(|s| s.indicator == "gdp")
            .map(|s| s.all.sum),
        Some(103.0)
    );
}
