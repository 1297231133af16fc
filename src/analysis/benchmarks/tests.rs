//! The tiny dataset's benchmark: 30 listed companies on 15 km² (2 per km²)
//! against the zones' 2 + 0 + 0 + 1 = 3 on 100 km² (0.03 per km²).

use super::*;
use crate::analysis::tests::{close, tiny};

#[test]
fn counts_and_densities_by_hand() {
    let b = benchmarks(&tiny(), 2022).expect("2022");
    assert_eq!(b.rows.len(), 1, "the land value is an area, not a row");
    let row = &b.rows[0];
    assert_eq!(
        (row.benchmark.as_str(), row.measure.as_str()),
        ("bm", "listed_companies")
    );
    assert_eq!(row.name.en, "Benchmark");
    close("per km2", row.per_km2, 2.0);
    assert_eq!(row.zones.sum, 3.0);
    assert_eq!(row.zones_land_km2, 100.0);
    close("zones per km2", row.zones_per_km2, 0.03);
    close("benchmark / zones", row.benchmark_to_zones, 10.0);
    assert_eq!(row.zones_with_zero.zero, 2);
    assert_eq!(row.zones_without, ["z2", "z3"]);
}

#[test]
fn no_benchmark_in_a_year_without_values() {
    assert!(benchmarks(&tiny(), 2021).expect("2021").rows.is_empty());
}
