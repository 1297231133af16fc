use super::*;

#[test]
fn approx_and_eq_ops() {
    // Eq tolerates the rounding of a sum of one-decimal amounts.
    assert!(Op::Eq.holds(6425.000000000001, 6425.0));
    assert!(!Op::Eq.holds(6425.1, 6425.0));
    assert!(Op::Approx(0.005).holds(0.404, 0.40));
    assert!(!Op::Approx(0.005).holds(0.406, 0.40));
    assert!(Op::Gt.holds(0.3238, 0.32) && !Op::Gt.holds(0.32, 0.32));
    assert!(Op::Ge.holds(0.32, 0.32) && Op::Le.holds(1.0, 1.0) && Op::Lt.holds(0.0, 1.0));
}

#[test]
fn zone_filter_accepts() {
    let zone = Zone {
        id: "z1".into(),
        name: Text::default(),
        level: Level::National,
        parent: None,
        metro_area: Some(0),
        county_level: true,
        land_km2: 1.0,
        leading_industries: vec![],
        industry_mix: None,
        industry_history: Vec::new(),
    };
    assert!(ZoneFilter::default().accepts(&zone));
    assert!(ZoneFilter {
        level: Some(Level::National),
        county_level: Some(true),
        metro_area: Some(0)
    }
    .accepts(&zone));
    assert!(!ZoneFilter {
        level: Some(Level::Regional),
        ..ZoneFilter::default()
    }
    .accepts(&zone));
    assert!(!ZoneFilter {
        county_level: Some(false),
        ..ZoneFilter::default()
    }
    .accepts(&zone));
    assert!(!ZoneFilter {
        metro_area: Some(1),
        ..ZoneFilter::default()
    }
    .accepts(&zone));
}

/// By hand: 100.5 of 100 is over; 100 + 1e-8 (1e-10 of it) is within the
/// 1e-9 tolerance, 100 + 1e-6 (1e-8) past it; any positive part exceeds a
/// whole of 0, nothing exceeds with a NaN.
#[test]
fn a_part_exceeds_its_whole_past_the_sum_tolerance() {
    assert!(exceeds_whole(100.5, 100.0));
    assert!(!exceeds_whole(100.0, 100.0));
    assert!(!exceeds_whole(100.0 + 1e-8, 100.0));
    assert!(exceeds_whole(100.0 + 1e-6, 100.0));
    // 0.1 + 0.2 is 0.30000000000000004 in binary floating point: not over 0.3.
    assert!(!exceeds_whole(0.1 + 0.2, 0.3));
    assert!(exceeds_whole(1e-300, 0.0));
    assert!(!exceeds_whole(0.0, 0.0));
    assert!(!exceeds_whole(f64::NAN, 1.0) && !exceeds_whole(1.0, f64::NAN));
}
