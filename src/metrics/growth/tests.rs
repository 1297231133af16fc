use super::*;

fn close(actual: f64, expected: f64) {
    assert!((actual - expected).abs() < 1e-12, "{actual} != {expected}");
}

#[test]
fn year_on_year_by_hand() {
    // 100 → 110 is +10%; 110 → 99 is −10%; a missing year breaks both sides.
    let yoy = year_on_year(&[Some(100.0), Some(110.0), Some(99.0), None, Some(5.0)]);
    assert_eq!(yoy[0], None);
    close(yoy[1].unwrap(), 0.1);
    close(yoy[2].unwrap(), -0.1);
    assert_eq!(yoy[3], None);
    assert_eq!(yoy[4], None);
    // From zero: undefined.
    assert_eq!(growth_rate(Some(0.0), Some(3.0)), None);
}

#[test]
fn cagr_by_hand() {
    // 100 → 121 in 2 years: √1.21 − 1 = 0.1.
    close(cagr(Some(100.0), Some(121.0), 2).unwrap(), 0.1);
    // 2018..=2022, 5 values, 4 years: 1 → 16 doubles each year.
    close(
        series_cagr(&[Some(1.0), None, None, None, Some(16.0)]).unwrap(),
        1.0,
    );
    assert_eq!(cagr(Some(1.0), Some(2.0), 0), None);
    assert_eq!(cagr(Some(0.0), Some(2.0), 3), None);
    assert_eq!(series_cagr(&[Some(1.0)]), None);
    assert_eq!(series_cagr(&[]), None);
}
