use super::*;

fn close(actual: f64, expected: f64) {
    assert!((actual - expected).abs() < 1e-12, "{actual} != {expected}");
}

#[test]
fn intensity_against_both_averages_by_hand() {
    // R&D / GDP in percent: zone 0 2/100 = 2%, zone 1 6/200 = 3%, zone 2 1/100 = 1%,
    // zone 3 has no GDP figure (not compared).
    // Ratio of sums: 100·(2+6+1)/(100+200+100) = 900/400 = 2.25%.
    // Mean of ratios: (2+3+1)/3 = 2%.
    // Below 2.25: zones 0 and 2 (2). Below 2: zone 2 only (1). Below reference 2.5: 2.
    let result = intensity(
        &[Some(2.0), Some(6.0), Some(1.0), Some(4.0)],
        &[Some(100.0), Some(200.0), Some(100.0), None],
        100.0,
        Some(2.5),
    );
    close(result.per_zone[1].unwrap(), 3.0);
    assert_eq!(result.per_zone[3], None);
    assert_eq!(result.zones_compared, 3);
    close(result.ratio_of_sums.unwrap(), 2.25);
    close(result.mean_of_ratios.unwrap(), 2.0);
    assert_eq!(result.below_ratio_of_sums, 2);
    assert_eq!(result.below_mean_of_ratios, 1);
    assert_eq!(result.below_reference, Some(2));
}

#[test]
fn intensity_edge_cases() {
    // Nothing comparable: no averages, nothing below.
    let empty = intensity(&[Some(1.0)], &[Some(0.0)], 1.0, None);
    assert_eq!(empty.per_zone, vec![None]);
    assert_eq!(empty.ratio_of_sums, None);
    assert_eq!(empty.mean_of_ratios, None);
    assert_eq!(empty.below_reference, None);
    // Per 10,000 employees: 30 patents / 20,000 staff = 15.
    close(
        intensity(&[Some(30.0)], &[Some(20_000.0)], 10_000.0, None).per_zone[0].unwrap(),
        15.0,
    );
}

#[test]
fn zeros_and_density_by_hand() {
    assert_eq!(
        count_zeros(&[Some(0.0), Some(3.0), None, Some(0.0), Some(-1.0)]),
        ZeroCount {
            zero: 2,
            positive: 1,
            missing: 2
        }
    );
    // 360 companies on 500 km²: 0.72 per km².
    close(per_area(360.0, 500.0).unwrap(), 0.72);
    assert_eq!(per_area(1.0, 0.0), None);
}
