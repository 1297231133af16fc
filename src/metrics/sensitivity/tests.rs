use super::*;

#[test]
fn splitmix64_matches_the_reference_stream() {
    // Seed 0: the first outputs of Vigna's splitmix64.c (also quoted in the
    // Java SplittableRandom tests and the rand_xoshiro crate).
    let mut rng = SplitMix64::new(0);
    assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
    assert_eq!(rng.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    assert_eq!(rng.next_u64(), 0x06C4_5D18_8009_454F);
    let u = SplitMix64::new(42).next_f64();
    assert!((0.0..1.0).contains(&u));
}

fn two_zones() -> (Vec<Vec<Option<f64>>>, Vec<f64>) {
    // Zone 0 = (1, 0), zone 1 = (0, 1), zone 2 = (0.5, 0.5).
    (
        vec![
            vec![Some(1.0), Some(0.0), Some(0.5)],
            vec![Some(0.0), Some(1.0), Some(0.5)],
        ],
        vec![0.6, 0.4],
    )
}

#[test]
fn zero_perturbation_returns_the_base_ranking() {
    // Arithmetic: 0.6, 0.4, 0.5 → ranks 1, 3, 2, in every draw.
    let (columns, weights) = two_zones();
    let spec = SensitivitySpec {
        delta: 0.0,
        draws: 50,
        seed: 7,
    };
    let result = rank_sensitivity(&columns, &weights, Aggregation::Arithmetic, &spec).unwrap();
    let base: Vec<_> = result.zones.iter().map(|z| z.base_rank).collect();
    assert_eq!(base, vec![Some(1), Some(3), Some(2)]);
    for zone in &result.zones {
        assert_eq!(zone.median_rank, zone.base_rank.map(|r| r as f64));
        assert_eq!(zone.rank_p05, zone.base_rank);
        assert_eq!(zone.rank_p95, zone.base_rank);
        assert_eq!(zone.mean_abs_shift, Some(0.0));
    }
    assert_eq!(result.mean_abs_shift, Some(0.0));
}

#[test]
fn large_perturbation_moves_close_zones_by_hand() {
    // Weights (0.5, 0.5) put all three zones at 0.5: a tie at rank 1.
    // Any perturbation with w0 ≠ w1 breaks it: zone 0 wins when w0 > w1,
    // zone 1 otherwise, and zone 2 (0.5, 0.5) always sits in the middle, 2nd.
    // So zone 2's shift is exactly 1 in every draw, and the others' ranks
    // are 1 or 3.
    let (columns, _) = two_zones();
    let spec = SensitivitySpec {
        delta: 0.5,
        draws: 1000,
        seed: 1,
    };
    let result = rank_sensitivity(&columns, &[0.5, 0.5], Aggregation::Arithmetic, &spec).unwrap();
    assert_eq!(result.zones[2].median_rank, Some(2.0));
    assert_eq!(result.zones[2].mean_abs_shift, Some(1.0));
    assert_eq!(result.zones[0].rank_p05, Some(1));
    assert_eq!(result.zones[0].rank_p95, Some(3));
    // Same seed, same result; another seed, another stream.
    let again = rank_sensitivity(&columns, &[0.5, 0.5], Aggregation::Arithmetic, &spec).unwrap();
    assert_eq!(again, result);
}

#[test]
fn sensitivity_rejects_bad_parameters() {
    let (columns, weights) = two_zones();
    let bad_delta = SensitivitySpec {
        delta: 1.0,
        draws: 10,
        seed: 0,
    };
    assert!(rank_sensitivity(&columns, &weights, Aggregation::Arithmetic, &bad_delta).is_err());
    let no_draws = SensitivitySpec {
        delta: 0.1,
        draws: 0,
        seed: 0,
    };
    assert!(rank_sensitivity(&columns, &weights, Aggregation::Arithmetic, &no_draws).is_err());
}
