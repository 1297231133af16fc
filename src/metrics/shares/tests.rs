use super::*;

#[test]
fn sum_counts_missing_values() {
    // 1 + 2 + 4 = 7; one None and one NaN are counted as missing, not as 0.
    let values = [Some(1.0), None, Some(2.0), Some(f64::NAN), Some(4.0)];
    assert_eq!(
        sum_with_missing(&values),
        MissingSum {
            sum: 7.0,
            counted: 3,
            missing: 2
        }
    );
    // Empty: nothing added, nothing missing.
    assert_eq!(
        sum_with_missing(&[]),
        MissingSum {
            sum: 0.0,
            counted: 0,
            missing: 0
        }
    );
}

#[test]
fn shares_and_leverage_by_hand() {
    // 32 of 100 is 0.32.
    assert_eq!(share(32.0, 100.0), Some(0.32));
    assert_eq!(share(1.0, 0.0), None);
    assert_eq!(share(1.0, -5.0), None);
    // C5/C6 shape: 0.32 of GDP on 0.03 of land, leverage 0.32 / 0.03 = 10.67.
    assert!((land_leverage(0.32, 0.03).unwrap() - 10.666_666_666_666_666).abs() < 1e-12);
    assert_eq!(land_leverage(0.32, 0.0), None);
}

#[test]
fn share_of_total_keeps_the_missing_count() {
    // (10 + 30) / 200 = 0.2, one zone missing.
    let result = share_of_total(&[Some(10.0), None, Some(30.0)], 200.0);
    assert_eq!(result.zones.sum, 40.0);
    assert_eq!(result.zones.missing, 1);
    assert_eq!(result.share, Some(0.2));
    let json = serde_json::to_string(&result).unwrap();
    assert_eq!(
        json,
        r#"{"zones":{"sum":40.0,"counted":2,"missing":1},"region_total":200.0,"share":0.2}"#
    );
}

#[test]
fn present_values_keep_their_zones() {
    // Zone 1 is missing and zone 3 is NaN: zones 0 and 2 remain.
    let (zones, values) = present(&[Some(1.5), None, Some(0.0), Some(f64::NAN)]);
    assert_eq!(zones, vec![0, 2]);
    assert_eq!(values, vec![1.5, 0.0]);
}
