use super::*;
use crate::metrics::composite::aggregate;

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

#[test]
fn sensitivity_rejects_a_negative_or_non_finite_weight() {
    let (columns, _) = two_zones();
    let spec = SensitivitySpec {
        delta: 0.1,
        draws: 10,
        seed: 0,
    };
    for weights in [[0.5, -0.1], [0.5, f64::NAN], [f64::INFINITY, 0.5]] {
        let error = rank_sensitivity(&columns, &weights, Aggregation::Arithmetic, &spec);
        assert!(error.is_err(), "{weights:?}");
    }
}

/// The scores as the formulas say them, zone by zone, each zone's terms in
/// column order (docs/METRICS.md; this was `composite::aggregate` before
/// the matrix was laid out by column for many draws).
fn by_formula(
    normalised: &[Vec<Option<f64>>],
    weights: &[f64],
    aggregation: Aggregation,
) -> Vec<Option<f64>> {
    let zones = normalised[0].len();
    let present = |i: usize| {
        normalised
            .iter()
            .zip(weights)
            .filter_map(move |(column, w)| column[i].map(|y| (y, *w)))
    };
    let bounds: Vec<(f64, f64)> = normalised
        .iter()
        .zip(weights)
        .map(|(column, w)| {
            column
                .iter()
                .flatten()
                .fold((f64::NEG_INFINITY, f64::INFINITY), |(hi, lo), y| {
                    (hi.max(w * y), lo.min(w * y))
                })
        })
        .collect();
    (0..zones)
        .map(|i| match aggregation {
            Aggregation::Arithmetic => {
                let (mut sum, mut weight) = (0.0, 0.0);
                for (y, w) in present(i) {
                    sum += w * y;
                    weight += w;
                }
                (weight > 0.0).then(|| sum / weight)
            }
            Aggregation::Geometric { epsilon } => {
                let (mut log_sum, mut weight) = (0.0, 0.0);
                for (y, w) in present(i).filter(|(_, w)| *w > 0.0) {
                    log_sum += w * (y + epsilon).ln();
                    weight += w;
                }
                (weight > 0.0).then(|| (log_sum / weight).exp())
            }
            Aggregation::Topsis => {
                let (mut plus, mut minus, mut any) = (0.0, 0.0, false);
                for (j, column) in normalised.iter().enumerate() {
                    if let Some(y) = column[i] {
                        let v = weights[j] * y;
                        plus += (v - bounds[j].0).powi(2);
                        minus += (v - bounds[j].1).powi(2);
                        any = true;
                    }
                }
                let (plus, minus) = (plus.sqrt(), minus.sqrt());
                any.then(|| {
                    if plus + minus == 0.0 {
                        0.5
                    } else {
                        minus / (plus + minus)
                    }
                })
            }
        })
        .collect()
}

/// Competition ranks by their definition: 1 + the number of finite
/// scores strictly higher (O(n²), for checking).
fn ranks_by_definition(scores: &[Option<f64>]) -> Vec<Option<usize>> {
    let finite = |s: &Option<f64>| s.filter(|s| s.is_finite());
    scores
        .iter()
        .map(|s| {
            let s = finite(s)?;
            Some(1 + scores.iter().filter_map(finite).filter(|t| *t > s).count())
        })
        .collect()
}

/// The Monte Carlo as the definition says it, draw by draw: the weights
/// perturbed from the same stream, each draw scored by the formulas
/// ([`by_formula`]) and ranked by [`ranks_by_definition`], each zone's
/// ranks sorted. (This was the implementation before the draws were scored in
/// one matrix, ranked by buckets and counted; the two must agree to the
/// bit.)
fn by_definition(
    normalised: &[Vec<Option<f64>>],
    weights: &[f64],
    aggregation: Aggregation,
    spec: &SensitivitySpec,
) -> RankSensitivity {
    let base = ranks_by_definition(&by_formula(normalised, weights, aggregation));
    let mut ranks_by_zone: Vec<Vec<usize>> = vec![Vec::new(); base.len()];
    let mut rng = SplitMix64::new(spec.seed);
    for _ in 0..spec.draws {
        let perturbed: Vec<f64> = weights
            .iter()
            .map(|w| w * (1.0 + spec.delta * (2.0 * rng.next_f64() - 1.0)))
            .collect();
        let scores = by_formula(normalised, &perturbed, aggregation);
        for (zone, rank) in ranks_by_definition(&scores).into_iter().enumerate() {
            ranks_by_zone[zone].extend(rank);
        }
    }
    let zones: Vec<ZoneSensitivity> = ranks_by_zone
        .into_iter()
        .enumerate()
        .map(|(zone, mut ranks)| {
            ranks.sort();
            let n = ranks.len();
            let at = |p: f64| ranks[((p * n as f64).ceil() as usize).clamp(1, n) - 1];
            let ranked = base[zone].is_some() && n > 0;
            ZoneSensitivity {
                zone,
                base_rank: base[zone],
                median_rank: ranked.then(|| (ranks[(n - 1) / 2] + ranks[n / 2]) as f64 / 2.0),
                rank_p05: ranked.then(|| at(0.05)),
                rank_p95: ranked.then(|| at(0.95)),
                mean_abs_shift: ranked.then(|| {
                    let base = base[zone].unwrap();
                    ranks.iter().map(|r| r.abs_diff(base) as f64).sum::<f64>() / n as f64
                }),
            }
        })
        .collect();
    let shifts: Vec<f64> = zones.iter().filter_map(|z| z.mean_abs_shift).collect();
    RankSensitivity {
        spec: spec.clone(),
        mean_abs_shift: (!shifts.is_empty())
            .then(|| shifts.iter().sum::<f64>() / shifts.len() as f64),
        zones,
    }
}

/// A matrix of `zones` × `columns` from a seed: values on a grid of
/// `levels` steps (few levels: many ties), some missing, one zone with none.
fn matrix(seed: u64, zones: usize, columns: usize, levels: u64) -> Vec<Vec<Option<f64>>> {
    let mut rng = SplitMix64::new(seed);
    (0..columns)
        .map(|_| {
            (0..zones)
                .map(|zone| {
                    let r = rng.next_u64();
                    (zone != 0 && r % 9 != 0)
                        .then(|| (r >> 8) % levels)
                        .map(|k| k as f64 / levels as f64)
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_draws_give_what_the_definition_gives_to_the_bit() {
    let aggregations = [
        Aggregation::Arithmetic,
        Aggregation::Geometric { epsilon: 0.01 },
        Aggregation::Topsis,
    ];
    for seed in 0..12 {
        // Dense scores (1,000 levels) and heavy ties (3 levels); a zero
        // weight among the others.
        let levels = if seed % 2 == 0 { 1000 } else { 3 };
        let columns = matrix(seed, 40 + seed as usize, 7, levels);
        let mut weights: Vec<f64> = (1..=7).map(|j| j as f64 / 28.0).collect();
        if seed % 3 == 0 {
            weights[2] = 0.0;
        }
        let spec = SensitivitySpec {
            delta: 0.3,
            draws: 101,
            seed,
        };
        for aggregation in aggregations {
            assert_eq!(
                aggregate(&columns, &weights, aggregation).unwrap(),
                by_formula(&columns, &weights, aggregation),
                "seed {seed}, {aggregation:?}: the scores"
            );
            let fast = rank_sensitivity(&columns, &weights, aggregation, &spec).unwrap();
            let slow = by_definition(&columns, &weights, aggregation, &spec);
            assert_eq!(fast, slow, "seed {seed}, {aggregation:?}");
            assert!(fast.zones[0].base_rank.is_none(), "the zone without values");
        }
    }
}

#[test]
fn draws_ranked_again_without_some_zones_give_what_the_definition_gives() {
    // Leaving zones out of a weighted sum or a geometric mean: the draws
    // ranked again without them (`Drawn::sensitivity`) against the
    // definition run on the matrix with their values removed (they have
    // no score, so no rank, in any draw).
    for seed in 0..8 {
        let levels = if seed % 2 == 0 { 1000 } else { 3 };
        let columns = matrix(seed, 30 + seed as usize, 5, levels);
        let weights = [0.1, 0.3, 0.2, 0.25, 0.15];
        let out: Vec<bool> = (0..columns[0].len())
            .map(|i| (i * 7 + seed as usize) % 5 == 1)
            .collect();
        let without: Vec<Vec<Option<f64>>> = columns
            .iter()
            .map(|c| c.iter().zip(&out).map(|(v, o)| v.filter(|_| !o)).collect())
            .collect();
        let spec = SensitivitySpec {
            delta: 0.3,
            draws: 60,
            seed,
        };
        for aggregation in [
            Aggregation::Arithmetic,
            Aggregation::Geometric { epsilon: 0.01 },
        ] {
            let drawn = draw(&columns, &weights, aggregation, &spec).unwrap();
            let slow = by_definition(&without, &weights, aggregation, &spec);
            assert_eq!(
                drawn.sensitivity(&out),
                slow,
                "seed {seed}, {aggregation:?}"
            );
            // The same draws with every zone in are the plain Monte Carlo.
            assert_eq!(
                drawn.sensitivity(&[]),
                by_definition(&columns, &weights, aggregation, &spec),
                "seed {seed}, {aggregation:?}, none out"
            );
        }
    }
}
