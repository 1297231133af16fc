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

/// `ticks()` after counting the iterations its loops will take (the old
/// log axis spun forever on 5e-324 and 1e308): the log axis's exponents at
/// most 11, the linear axis's steps at most 1,001 — counted, not timed, so
/// a loop that would not end fails here before it is entered.
fn ticks_counted(scale: Scale) -> Option<Vec<f64>> {
    let steps = if scale.log {
        scale.log_exponents().count()
    } else {
        ((scale.hi - scale.lo) / scale.step)
            .round()
            .clamp(0.0, 1000.0) as usize
            + 1
    };
    let bound = if scale.log { 11 } else { 1001 };
    (steps <= bound).then(|| scale.ticks())
}

#[test]
fn log_axes_over_extreme_values_end() {
    // Issue 16: a land area of 5e-324 (the smallest f64) underflowed the
    // axis's low end to 0, and 1e308 (or a sum past f64::MAX) made the high
    // end infinite; the tick loop never ended. The axis now spans at most
    // 1e-300..1e300 (values beyond sit at its ends), in at most 12 ticks.
    for (lo, hi) in [
        (5e-324, 1.0),
        (1.0, 1e308),
        (5e-324, 1e308),
        (1e-310, 1.5e308),
        (f64::MIN_POSITIVE, f64::MAX),
    ] {
        let s = Scale::log(lo, hi, (0, 300));
        let ticks = ticks_counted(s)
            .unwrap_or_else(|| panic!("{lo}..{hi}: ticks would take too many steps"));
        assert!(
            ticks.len() >= 2 && ticks.len() <= 12,
            "{lo}..{hi}: {ticks:?}"
        );
        assert!(ticks.iter().all(|t| t.is_finite() && *t > 0.0), "{ticks:?}");
        assert!(ticks.windows(2).all(|w| w[0] < w[1]), "{ticks:?}");
        assert_eq!(s.map(lo), 0, "{lo} at the low end");
        assert_eq!(s.map(hi), 300, "{hi} at the high end");
        for t in &ticks {
            let label = s.tick_label(*t, false);
            assert!(label.len() <= 12, "a short label for {t}: {label}");
        }
    }
    // By hand: 1e-300..1e300 is 600 decades; every 60th power of ten.
    let s = Scale::log(5e-324, 1e308, (0, 300));
    let ticks = s.ticks();
    for (tick, want) in ticks.iter().zip([1e-300, 1e-240, 1e-180]) {
        assert!((tick / want - 1.0).abs() < 1e-12, "{ticks:?}");
    }
    assert_eq!(s.tick_label(1e-240, false), "1e-240");
    assert_eq!(s.tick_label(1e300, false), "1e300");
}

#[test]
fn linear_axes_over_extreme_values_keep_distinct_ticks() {
    // -1e308..1e308: the span overflows f64; the axis is clamped to
    // ±1e307 and its ticks stay distinct and few.
    let s = Scale::linear(-1e308, 1e308, (0, 300), 5);
    let ticks = s.ticks();
    assert!(ticks.len() <= 12, "{ticks:?}");
    assert!(ticks.windows(2).all(|w| w[0] < w[1]), "{ticks:?}");
    assert_eq!(s.map(0.0), 150);
    let s = Scale::linear(0.0, 5e-324, (0, 300), 5);
    assert!(ticks_counted(s).is_some_and(|t| t.len() <= 12));
    // A subnormal span: its step is 2 × 10⁻³¹⁰ by hand (10⁻³⁰⁹ / 5 ticks,
    // a power of ten of 10⁻³¹⁰ times 2), not 0 (10⁻³¹⁰ as 1 / 10³¹⁰
    // overflows to 1 / ∞). Subnormals keep about 44 bits: compared to 10⁻⁶.
    let s = Scale::linear(0.0, 1e-309, (0, 300), 5);
    let ticks = s.ticks();
    assert!((2..=12).contains(&ticks.len()), "{ticks:?}");
    assert!(ticks.windows(2).all(|w| w[0] < w[1]), "{ticks:?}");
    assert!(
        ((ticks[1] - ticks[0]) / 2e-310 - 1.0).abs() < 1e-6,
        "{ticks:?}"
    );
}
