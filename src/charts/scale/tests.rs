use super::*;

#[test]
fn linear_ticks_are_nice_and_cover_the_data() {
    // By hand: 0..3,054 in about 5 ticks → step 1,000 (611 → 1,000), 0..4,000.
    let s = Scale::linear(0.0, 3054.0, (0, 400), 5);
    assert_eq!(s.ticks(), [0.0, 1000.0, 2000.0, 3000.0, 4000.0]);
    assert_eq!(s.map(2000.0), 200);
    assert_eq!(s.tick_label(1000.0, false), "1,000");
    // 0..0.56 in 4 ticks → step 0.2 (0.14 → 0.2), 0..0.6.
    let s = Scale::linear(0.0, 0.56, (100, 0), 4);
    assert_eq!(s.ticks().len(), 4);
    assert_eq!(s.map(0.3), 50);
    assert_eq!(s.tick_label(0.2, false), "0.2");
    assert_eq!(s.tick_label(0.2, true), "20%");
}

#[test]
fn log_ticks_are_powers_of_ten() {
    // By hand: 12.7..420 widens to 10..500 (1.7 decades): 1-2-5 ticks.
    let s = Scale::log(12.7, 420.0, (0, 170));
    assert_eq!(s.ticks(), [10.0, 20.0, 50.0, 100.0, 200.0, 500.0]);
    assert_eq!(
        s.map(100.0),
        100,
        "1 decade of log10(50) = 1.70 over 170 px"
    );
    assert_eq!(s.map(0.0), 0, "values ≤ 0 sit at the low end");
    // 1..15,000 widens to 1..20,000 (4.3 decades): powers of ten and the end.
    let s = Scale::log(1.0, 15_000.0, (0, 500));
    assert_eq!(s.ticks(), [1.0, 10.0, 100.0, 1000.0, 10_000.0, 20_000.0]);
    // 51.7..3,054 widens to 50..5,000.
    let s = Scale::log(51.7, 3054.0, (0, 200));
    assert_eq!(
        s.ticks(),
        [50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0]
    );
}

#[test]
fn degenerate_ranges_do_not_panic() {
    let s = Scale::linear(5.0, 5.0, (0, 100), 5);
    assert!(!s.ticks().is_empty());
    let s = Scale::linear(f64::NAN, f64::INFINITY, (0, 100), 0);
    assert!(!s.ticks().is_empty());
    let s = Scale::log(-1.0, 0.0, (0, 100));
    assert_eq!(s.ticks(), [1.0, 2.0, 5.0, 10.0]);
}
