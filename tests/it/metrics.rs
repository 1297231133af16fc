//! Cross-checks of the metrics engine against independent implementations.
//!
//! The fixtures in tests/fixtures/metrics/ are written by
//! tools/metrics_fixtures.py with PySAL `inequality`, `pymcdm`, SciPy and
//! NumPy (package versions are recorded in each file); CI reads the
//! committed JSON and never runs Python. The property tests at the end check
//! invariants on random inputs with proptest.

use proptest::prelude::*;
use serde_json::Value;

use zone_monitor::metrics::composite::{
    aggregate, composite_index, entropy_weights, normalise, Aggregation, CompositeSpec, Direction,
    IndicatorSpec, Normalisation, Weighting,
};
use zone_monitor::metrics::growth::{series_cagr, year_on_year};
use zone_monitor::metrics::inequality::{
    coefficient_of_variation, gini, lorenz, theil_decomposition, theil_l, theil_t, TheilKind,
};
use zone_monitor::metrics::ranking::{competition_ranks, RankOrder};
use zone_monitor::metrics::sensitivity::{rank_sensitivity, SensitivitySpec, SplitMix64};
use zone_monitor::metrics::similarity::{
    cosine_matrix, herfindahl, krugman_indices, location_quotients, most_distinctive,
    KrugmanReference,
};

const TOLERANCE: f64 = 1e-9;

fn fixture(name: &str) -> Value {
    let text = match name {
        "inequality" => include_str!("../fixtures/metrics/inequality.json"),
        "similarity" => include_str!("../fixtures/metrics/similarity.json"),
        "ranking" => include_str!("../fixtures/metrics/ranking.json"),
        "composite" => include_str!("../fixtures/metrics/composite.json"),
        "growth" => include_str!("../fixtures/metrics/growth.json"),
        "composite_missing" => include_str!("../fixtures/metrics/composite_missing.json"),
        "sensitivity" => include_str!("../fixtures/metrics/sensitivity.json"),
        _ => panic!("no fixture {name}"),
    };
    serde_json::from_str(text).expect("fixture is valid JSON")
}

fn num(v: &Value) -> f64 {
    v.as_f64()
        .unwrap_or_else(|| panic!("expected a number, got {v}"))
}

fn nums(v: &Value) -> Vec<f64> {
    v.as_array().expect("array").iter().map(num).collect()
}

fn opt_nums(v: &Value) -> Vec<Option<f64>> {
    v.as_array()
        .expect("array")
        .iter()
        .map(Value::as_f64)
        .collect()
}

fn matrix(v: &Value) -> Vec<Vec<f64>> {
    v.as_array().expect("array").iter().map(nums).collect()
}

fn indices(v: &Value) -> Vec<usize> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x.as_u64().expect("integer") as usize)
        .collect()
}

/// Relative-or-absolute closeness, with a label for the failure message.
fn check(what: &str, actual: f64, expected: f64) {
    let scale = expected.abs().max(1.0);
    assert!(
        (actual - expected).abs() <= TOLERANCE * scale,
        "{what}: Rust {actual} vs reference {expected}"
    );
}

fn check_all(what: &str, actual: &[Option<f64>], expected: &[f64]) {
    assert_eq!(actual.len(), expected.len(), "{what}: lengths");
    for (i, (a, e)) in actual.iter().zip(expected).enumerate() {
        check(&format!("{what}[{i}]"), a.unwrap_or(f64::NAN), *e);
    }
}

#[test]
fn inequality_matches_pysal_scipy_numpy() {
    let fx = fixture("inequality");
    for (c, case) in fx["cases"].as_array().unwrap().iter().enumerate() {
        let x = nums(&case["values"]);
        let groups = indices(&case["groups"]);
        check(
            &format!("case {c} gini"),
            gini(&x).unwrap(),
            num(&case["gini"]),
        );
        check(
            &format!("case {c} theil_t"),
            theil_t(&x).unwrap(),
            num(&case["theil_t"]),
        );
        check(
            &format!("case {c} cv"),
            coefficient_of_variation(&x).unwrap(),
            num(&case["cv"]),
        );
        let t = theil_decomposition(&x, &groups, TheilKind::T).unwrap();
        check(
            &format!("case {c} theil_t between"),
            t.between,
            num(&case["theil_t_between"]),
        );
        check(
            &format!("case {c} theil_t within"),
            t.within,
            num(&case["theil_t_within"]),
        );
        match case["theil_l"].as_f64() {
            Some(expected) => {
                check(&format!("case {c} theil_l"), theil_l(&x).unwrap(), expected);
                let l = theil_decomposition(&x, &groups, TheilKind::L).unwrap();
                check(
                    &format!("case {c} theil_l between"),
                    l.between,
                    num(&case["theil_l_between"]),
                );
                check(
                    &format!("case {c} theil_l within"),
                    l.within,
                    num(&case["theil_l_within"]),
                );
            }
            // Zeros: Theil L is undefined and the Rust code says so.
            None => assert_eq!(theil_l(&x), None, "case {c}"),
        }
        let land = nums(&case["land"]);
        let curve = lorenz(&x, &land).unwrap();
        check(
            &format!("case {c} land-weighted gini"),
            curve.gini,
            num(&case["land_weighted_gini"]),
        );
    }
}

#[test]
fn similarity_matches_scipy_numpy() {
    let fx = fixture("similarity");
    let zones = matrix(&fx["zones"]);
    let expected_cos = matrix(&fx["cosine"]);
    for (i, row) in cosine_matrix(&zones).iter().enumerate() {
        check_all(&format!("cosine row {i}"), row, &expected_cos[i]);
    }
    check_all(
        "krugman vs all",
        &krugman_indices(&zones, KrugmanReference::AllZones),
        &nums(&fx["krugman_all"]),
    );
    check_all(
        "krugman vs rest",
        &krugman_indices(&zones, KrugmanReference::RestOfZones),
        &nums(&fx["krugman_rest"]),
    );
    let lq = location_quotients(&zones);
    let expected_lq = matrix(&fx["location_quotients"]);
    for (i, row) in lq.iter().enumerate() {
        check_all(&format!("LQ row {i}"), row, &expected_lq[i]);
    }
    let distinctive: Vec<usize> = most_distinctive(&lq)
        .into_iter()
        .map(|d| d.unwrap().industry)
        .collect();
    assert_eq!(distinctive, indices(&fx["most_distinctive"]));
    let herf: Vec<Option<f64>> = zones.iter().map(|z| herfindahl(z)).collect();
    check_all("herfindahl", &herf, &nums(&fx["herfindahl"]));
}

#[test]
fn ranks_match_scipy_rankdata_min() {
    let fx = fixture("ranking");
    for case in fx["cases"].as_array().unwrap() {
        let scores = opt_nums(&case["scores"]);
        let high: Vec<usize> = competition_ranks(&scores, RankOrder::HighestFirst)
            .into_iter()
            .flatten()
            .collect();
        let low: Vec<usize> = competition_ranks(&scores, RankOrder::LowestFirst)
            .into_iter()
            .flatten()
            .collect();
        assert_eq!(high, indices(&case["ranks_highest_first"]));
        assert_eq!(low, indices(&case["ranks_lowest_first"]));
    }
}

fn directions(case: &Value) -> Vec<Direction> {
    case["lower_is_better"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            if b.as_bool().unwrap() {
                Direction::LowerIsBetter
            } else {
                Direction::HigherIsBetter
            }
        })
        .collect()
}

#[test]
fn entropy_weights_match_pymcdm_on_positive_data() {
    // pymcdm's entropy_weights reads the raw matrix (all values > 0), so
    // ours is given the raw columns too.
    let fx = fixture("composite");
    for (c, case) in fx["cases"].as_array().unwrap().iter().enumerate() {
        let columns: Vec<Vec<Option<f64>>> = case["columns"]
            .as_array()
            .unwrap()
            .iter()
            .map(opt_nums)
            .collect();
        let w: Vec<Option<f64>> = entropy_weights(&columns)
            .unwrap()
            .into_iter()
            .map(Some)
            .collect();
        check_all(
            &format!("case {c} entropy weights"),
            &w,
            &nums(&case["entropy_weights"]),
        );
    }
}

#[test]
fn topsis_matches_pymcdm_minmax_and_vector() {
    let fx = fixture("composite");
    for (c, case) in fx["cases"].as_array().unwrap().iter().enumerate() {
        let columns: Vec<Vec<Option<f64>>> = case["columns"]
            .as_array()
            .unwrap()
            .iter()
            .map(opt_nums)
            .collect();
        let dirs = directions(case);
        let weights = nums(&case["entropy_weights"]);
        for (method, key) in [
            (Normalisation::MinMax, "topsis_minmax"),
            (Normalisation::Vector, "topsis_vector"),
        ] {
            let normalised: Vec<Vec<Option<f64>>> = columns
                .iter()
                .zip(&dirs)
                .map(|(col, d)| normalise(col, *d, method))
                .collect();
            let scores = aggregate(&normalised, &weights, Aggregation::Topsis).unwrap();
            check_all(&format!("case {c} {key}"), &scores, &nums(&case[key]));
        }
    }
}

#[test]
fn entropy_topsis_pipeline_matches_the_reference() {
    // composite_index with min-max, entropy weights of the normalised matrix
    // (0·ln 0 = 0) and TOPSIS, against NumPy entropy + pymcdm TOPSIS().
    let fx = fixture("composite");
    for (c, case) in fx["cases"].as_array().unwrap().iter().enumerate() {
        let columns: Vec<Vec<Option<f64>>> = case["columns"]
            .as_array()
            .unwrap()
            .iter()
            .map(opt_nums)
            .collect();
        let spec = CompositeSpec {
            indicators: directions(case)
                .into_iter()
                .map(|direction| IndicatorSpec {
                    direction,
                    normalisation: Normalisation::MinMax,
                    dimension: 0,
                    coefficient: 1.0,
                })
                .collect(),
            weighting: Weighting::Entropy,
            aggregation: Aggregation::Topsis,
        };
        let index = composite_index(&columns, &spec).unwrap();
        let w: Vec<Option<f64>> = index.weights.iter().copied().map(Some).collect();
        check_all(
            &format!("case {c} pipeline weights"),
            &w,
            &nums(&case["pipeline_entropy_weights"]),
        );
        check_all(
            &format!("case {c} pipeline scores"),
            &index.scores,
            &nums(&case["pipeline_scores"]),
        );
        let ranks: Vec<usize> = index.ranks.into_iter().flatten().collect();
        assert_eq!(ranks, indices(&case["pipeline_ranks"]), "case {c}");
    }
}

#[test]
fn framework_weights_and_missing_values_match_numpy() {
    let fx = fixture("composite_missing");
    let columns: Vec<Vec<Option<f64>>> = fx["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(opt_nums)
        .collect();
    let dimensions = indices(&fx["dimension"]);
    let coefficients = nums(&fx["coefficient"]);
    let indicators: Vec<IndicatorSpec> = directions(&fx)
        .into_iter()
        .enumerate()
        .map(|(j, direction)| IndicatorSpec {
            direction,
            normalisation: Normalisation::MinMax,
            dimension: dimensions[j],
            coefficient: coefficients[j],
        })
        .collect();
    let weighting = Weighting::Framework {
        dimension_weights: nums(&fx["dimension_weights"]),
    };
    for (aggregation, key) in [
        (Aggregation::Arithmetic, "arithmetic"),
        (Aggregation::Geometric { epsilon: 0.01 }, "geometric"),
    ] {
        let spec = CompositeSpec {
            indicators: indicators.clone(),
            weighting: weighting.clone(),
            aggregation,
        };
        let index = composite_index(&columns, &spec).unwrap();
        let w: Vec<Option<f64>> = index.weights.iter().copied().map(Some).collect();
        check_all("framework weights", &w, &nums(&fx["weights"]));
        let expected = opt_nums(&fx[key]);
        assert_eq!(index.scores.len(), expected.len());
        for (i, (a, e)) in index.scores.iter().zip(&expected).enumerate() {
            match e {
                Some(e) => check(&format!("{key} zone {i}"), a.unwrap_or(f64::NAN), *e),
                None => assert_eq!(*a, None, "{key} zone {i} has no indicator"),
            }
        }
        let missing: Vec<Vec<usize>> = fx["missing_indicators"]
            .as_array()
            .unwrap()
            .iter()
            .map(indices)
            .collect();
        assert_eq!(index.missing_indicators, missing);
    }
}

#[test]
fn sensitivity_matches_a_numpy_reimplementation() {
    // The Python script re-implements SplitMix64, the perturbation, the
    // ranks (rankdata min) and the statistics (np.median, nearest-rank
    // percentiles) from docs/METRICS.md.
    let fx = fixture("sensitivity");
    let mut rng = SplitMix64::new(0);
    for expected in fx["splitmix64_seed0"].as_array().unwrap() {
        assert_eq!(rng.next_u64().to_string(), expected.as_str().unwrap());
    }
    let columns: Vec<Vec<Option<f64>>> = fx["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(opt_nums)
        .collect();
    let spec = SensitivitySpec {
        delta: num(&fx["delta"]),
        draws: fx["draws"].as_u64().unwrap() as usize,
        seed: fx["seed"].as_u64().unwrap(),
    };
    let result = rank_sensitivity(
        &columns,
        &nums(&fx["weights"]),
        Aggregation::Arithmetic,
        &spec,
    )
    .unwrap();
    let base: Vec<usize> = result.zones.iter().map(|z| z.base_rank.unwrap()).collect();
    assert_eq!(base, indices(&fx["base_ranks"]));
    let p05: Vec<usize> = result.zones.iter().map(|z| z.rank_p05.unwrap()).collect();
    let p95: Vec<usize> = result.zones.iter().map(|z| z.rank_p95.unwrap()).collect();
    assert_eq!(p05, indices(&fx["rank_p05"]));
    assert_eq!(p95, indices(&fx["rank_p95"]));
    let median: Vec<Option<f64>> = result.zones.iter().map(|z| z.median_rank).collect();
    check_all("median rank", &median, &nums(&fx["median_rank"]));
    let shift: Vec<Option<f64>> = result.zones.iter().map(|z| z.mean_abs_shift).collect();
    check_all("mean absolute shift", &shift, &nums(&fx["mean_abs_shift"]));
}

#[test]
fn growth_matches_numpy() {
    let fx = fixture("growth");
    let series = opt_nums(&fx["series"]);
    let yoy = year_on_year(&series);
    assert_eq!(yoy[0], None);
    let expected: Vec<f64> = fx["year_on_year"].as_array().unwrap()[1..]
        .iter()
        .map(num)
        .collect();
    check_all("year on year", &yoy[1..], &expected);
    check("cagr", series_cagr(&series).unwrap(), num(&fx["cagr"]));
}

// ---- property tests -------------------------------------------------------

fn zone_values() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(0.0f64..1e6, 1..40)
}

fn shuffled(values: &[f64], seed: u64) -> Vec<f64> {
    // A deterministic permutation: sort indices by a hash of (seed, index).
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by_key(|i| (*i as u64 ^ seed).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    order.into_iter().map(|i| values[i]).collect()
}

proptest! {
    #[test]
    fn gini_is_in_unit_interval(values in zone_values()) {
        if let Some(g) = gini(&values) {
            prop_assert!((0.0..1.0).contains(&g), "gini {g}");
        }
    }

    #[test]
    fn gini_ignores_order_and_scale(values in zone_values(), seed in any::<u64>(), scale in 1e-3f64..1e3) {
        if let Some(g) = gini(&values) {
            let permuted = gini(&shuffled(&values, seed)).unwrap();
            let scaled_values: Vec<f64> = values.iter().map(|v| v * scale).collect();
            let scaled = gini(&scaled_values).unwrap();
            prop_assert!((g - permuted).abs() < 1e-9);
            prop_assert!((g - scaled).abs() < 1e-9);
        }
    }

    #[test]
    fn weighted_gini_is_in_unit_interval_and_equals_gini_for_equal_weights(
        values in zone_values(),
        land in prop::collection::vec(0.1f64..500.0, 40),
    ) {
        let land = &land[..values.len()];
        if let Some(curve) = lorenz(&values, land) {
            prop_assert!((0.0..1.0).contains(&curve.gini), "weighted gini {}", curve.gini);
            let last = curve.points.last().unwrap();
            prop_assert!((last.cum_weight_share - 1.0).abs() < 1e-9 && (last.cum_value_share - 1.0).abs() < 1e-9);
            let equal = lorenz(&values, &vec![2.0; values.len()]).unwrap().gini;
            prop_assert!((equal - gini(&values).unwrap()).abs() < 1e-9);
        }
    }

    #[test]
    fn theil_between_plus_within_is_the_total(
        values in prop::collection::vec(0.01f64..1e6, 1..40),
        labels in prop::collection::vec(0usize..4, 40),
    ) {
        let groups = &labels[..values.len()];
        for kind in [TheilKind::T, TheilKind::L] {
            let direct = match kind { TheilKind::T => theil_t(&values), TheilKind::L => theil_l(&values) }.unwrap();
            let split = theil_decomposition(&values, groups, kind).unwrap();
            prop_assert!((split.between + split.within - direct).abs() < 1e-9 * direct.max(1.0), "{kind:?}: {split:?} vs {direct}");
            prop_assert!(split.between >= -1e-12 && split.within >= -1e-12);
            // Invariant to scaling all values.
            let scaled: Vec<f64> = values.iter().map(|v| v * 3.5).collect();
            let again = theil_decomposition(&scaled, groups, kind).unwrap();
            prop_assert!((again.total - split.total).abs() < 1e-9);
        }
    }

    #[test]
    fn ranks_form_a_competition_ranking(scores in prop::collection::vec(prop::option::of(0i32..20), 0..50)) {
        let scores: Vec<Option<f64>> = scores.into_iter().map(|s| s.map(f64::from)).collect();
        let ranks = competition_ranks(&scores, RankOrder::HighestFirst);
        for (i, (score, rank)) in scores.iter().zip(&ranks).enumerate() {
            prop_assert_eq!(score.is_some(), rank.is_some(), "zone {}", i);
            if let (Some(s), Some(r)) = (score, rank) {
                // rank = 1 + number of strictly better scores.
                let better = scores.iter().flatten().filter(|o| *o > s).count();
                prop_assert_eq!(*r, better + 1);
            }
        }
    }

    #[test]
    fn zero_perturbation_returns_the_base_ranking(
        cells in prop::collection::vec(prop::option::of(0.0f64..1.0), 3 * 12),
        raw_weights in prop::collection::vec(0.01f64..1.0, 3),
        seed in any::<u64>(),
    ) {
        let columns: Vec<Vec<Option<f64>>> = cells.chunks(12).map(<[Option<f64>]>::to_vec).collect();
        for aggregation in [Aggregation::Arithmetic, Aggregation::Geometric { epsilon: 0.01 }, Aggregation::Topsis] {
            let spec = SensitivitySpec { delta: 0.0, draws: 5, seed };
            let result = rank_sensitivity(&columns, &raw_weights, aggregation, &spec).unwrap();
            let base = competition_ranks(&aggregate(&columns, &raw_weights, aggregation).unwrap(), RankOrder::HighestFirst);
            for zone in &result.zones {
                prop_assert_eq!(zone.base_rank, base[zone.zone]);
                prop_assert_eq!(zone.rank_p05, zone.base_rank);
                prop_assert_eq!(zone.rank_p95, zone.base_rank);
                if zone.base_rank.is_some() {
                    prop_assert_eq!(zone.mean_abs_shift, Some(0.0));
                }
            }
        }
    }
}
