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
