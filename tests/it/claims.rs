//! The report's claims on the bundled dataset.

use zone_monitor::claims;

use crate::data::bundled;

#[test]
fn every_claim_holds_on_the_bundled_data() {
    let ds = bundled();
    let results = claims::evaluate(&ds);
    let ids: Vec<&str> = results.iter().map(|r| r.id.as_str()).collect();
    let expected: Vec<String> = (1..=19).map(|i| format!("C{i}")).collect();
    assert_eq!(ids, expected);
    for r in &results {
        assert!(r.holds, "{} fails: {:#?}", r.id, r.checks);
    }
}
