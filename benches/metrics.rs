//! Benchmarks of the metrics engine (criterion).
//!
//! Run: `cargo bench --bench metrics`. Inputs are synthetic and seeded
//! (SplitMix64), shaped like the bundled data: 36 zones, 20 indicators in 5
//! dimensions, 8 industries, 5 years. Targets on the 2-core dev machine: the
//! full recompute for 36 zones under 1 ms; 1,000 Monte Carlo draws under 20 ms.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};

use zone_monitor::metrics::composite::{
    composite_by_year, composite_index, normalise_all, weights, Aggregation, CompositeSpec,
    Direction, IndicatorSpec, Normalisation, Weighting,
};
use zone_monitor::metrics::dynamic::{dynamic_management, Rules};
use zone_monitor::metrics::inequality::{
    coefficient_of_variation, gini, lorenz, theil_decomposition, TheilKind,
};
use zone_monitor::metrics::sensitivity::{rank_sensitivity, SensitivitySpec, SplitMix64};
use zone_monitor::metrics::similarity::{
    average_linkage, cosine_matrix, krugman_indices, leaf_order, location_quotients,
    most_distinctive, similar_pairs, KrugmanReference,
};

const INDICATORS: usize = 20;
const INDUSTRIES: usize = 8;
const YEARS: usize = 5;

/// Indicator columns for `zones` zones, about 2% missing, skewed values.
fn columns(rng: &mut SplitMix64, zones: usize) -> Vec<Vec<Option<f64>>> {
    (0..INDICATORS)
        .map(|_| {
            (0..zones)
                .map(|_| {
                    let u = rng.next_f64();
                    (rng.next_f64() > 0.02).then(|| (4.0 * u).exp())
                })
                .collect()
        })
        .collect()
}

/// The national evaluation's shape: 5 dimensions (20/20/15/15/30%), four
/// indicators each, coefficients 0.8/1/1.2, a few lower-is-better.
fn framework_spec(aggregation: Aggregation, weighting: Weighting) -> CompositeSpec {
    CompositeSpec {
        indicators: (0..INDICATORS)
            .map(|j| IndicatorSpec {
                direction: if j % 7 == 3 {
                    Direction::LowerIsBetter
                } else {
                    Direction::HigherIsBetter
                },
                normalisation: Normalisation::MinMax,
                dimension: j / 4,
                coefficient: [0.8, 1.0, 1.2, 1.0][j % 4],
            })
            .collect(),
        weighting,
        aggregation,
    }
}

fn framework() -> Weighting {
    Weighting::Framework {
        dimension_weights: vec![0.2, 0.2, 0.15, 0.15, 0.3],
    }
}

/// Everything the widget recomputes for the bundled data: the entropy-TOPSIS
/// index and the framework index for 5 years, dynamic management, and the
/// imbalance and structure metrics for one year.
fn full_recompute(
    years: &[Vec<Vec<Option<f64>>>],
    gdp: &[f64],
    land: &[f64],
    groups: &[usize],
    mix: &[Vec<f64>],
) {
    let topsis = composite_by_year(
        years,
        &framework_spec(Aggregation::Topsis, Weighting::Entropy),
    )
    .unwrap();
    let arithmetic =
        composite_by_year(years, &framework_spec(Aggregation::Arithmetic, framework())).unwrap();
    let scores: Vec<Vec<Option<f64>>> = arithmetic.iter().map(|i| i.scores.clone()).collect();
    let rules = Rules {
        reward_top_k: Some(5),
        reward_rise: Some(5),
        warn_bottom_k: Some(3),
        warn_below: Some(0.3),
        exit_after: Some(2),
    };
    black_box(dynamic_management(&[2018, 2019, 2020, 2021, 2022], &scores, &rules).unwrap());
    black_box(topsis);
    imbalance(gdp, land, groups);
    structure(mix);
}

fn imbalance(gdp: &[f64], land: &[f64], groups: &[usize]) {
    black_box(gini(gdp));
    black_box(lorenz(gdp, land));
    black_box(theil_decomposition(gdp, groups, TheilKind::T));
    black_box(theil_decomposition(gdp, groups, TheilKind::L));
    black_box(coefficient_of_variation(gdp));
}

fn structure(mix: &[Vec<f64>]) {
    let cos = cosine_matrix(mix);
    black_box(similar_pairs(&cos, 0.9));
    black_box(leaf_order(&average_linkage(&cos), cos.len()));
    black_box(krugman_indices(mix, KrugmanReference::RestOfZones));
    black_box(most_distinctive(&location_quotients(mix)));
}

fn benches(c: &mut Criterion) {
    let mut rng = SplitMix64::new(2022);
    let years: Vec<Vec<Vec<Option<f64>>>> = (0..YEARS).map(|_| columns(&mut rng, 36)).collect();
    let gdp: Vec<f64> = (0..36).map(|_| (6.0 * rng.next_f64()).exp()).collect();
    let land: Vec<f64> = (0..36).map(|_| 5.0 + 100.0 * rng.next_f64()).collect();
    let groups: Vec<usize> = (0..36)
        .map(|i| usize::from(i >= 12) + usize::from(i % 5 == 0))
        .collect();
    let mix: Vec<Vec<f64>> = (0..36)
        .map(|_| {
            (0..INDUSTRIES)
                .map(|_| (3.0 * rng.next_f64()).exp())
                .collect()
        })
        .collect();

    c.bench_function("full recompute, 36 zones x 20 indicators x 5 years", |b| {
        b.iter(|| full_recompute(black_box(&years), &gdp, &land, &groups, &mix))
    });
    c.bench_function(
        "composite (entropy TOPSIS), 36 zones x 20 indicators x 5 years",
        |b| {
            let spec = framework_spec(Aggregation::Topsis, Weighting::Entropy);
            b.iter(|| composite_by_year(black_box(&years), &spec).unwrap())
        },
    );
    c.bench_function(
        "imbalance (Gini, Lorenz, Theil T/L split, CV), 36 zones",
        |b| b.iter(|| imbalance(black_box(&gdp), &land, &groups)),
    );
    c.bench_function(
        "structure (cosine, pairs, order, Krugman, LQ), 36 zones x 8 industries",
        |b| b.iter(|| structure(black_box(&mix))),
    );

    let large = columns(&mut rng, 10_000);
    c.bench_function(
        "composite (entropy TOPSIS), 10,000 zones x 20 indicators",
        |b| {
            let spec = framework_spec(Aggregation::Topsis, Weighting::Entropy);
            b.iter(|| composite_index(black_box(&large), &spec).unwrap())
        },
    );
    c.bench_function(
        "composite (framework, arithmetic), 10,000 zones x 20 indicators",
        |b| {
            let spec = framework_spec(Aggregation::Arithmetic, framework());
            b.iter(|| composite_index(black_box(&large), &spec).unwrap())
        },
    );

    let spec = framework_spec(Aggregation::Arithmetic, framework());
    let normalised = normalise_all(&years[4], &spec.indicators).unwrap();
    let base = weights(&normalised, &spec.indicators, &spec.weighting).unwrap();
    let monte_carlo = SensitivitySpec {
        delta: 0.2,
        draws: 1000,
        seed: 1,
    };
    c.bench_function(
        "sensitivity, 1,000 draws, 36 zones x 20 indicators (arithmetic)",
        |b| {
            b.iter(|| {
                rank_sensitivity(
                    black_box(&normalised),
                    &base,
                    Aggregation::Arithmetic,
                    &monte_carlo,
                )
                .unwrap()
            })
        },
    );
    c.bench_function(
        "sensitivity, 1,000 draws, 36 zones x 20 indicators (TOPSIS)",
        |b| {
            b.iter(|| {
                rank_sensitivity(
                    black_box(&normalised),
                    &base,
                    Aggregation::Topsis,
                    &monte_carlo,
                )
                .unwrap()
            })
        },
    );
}

criterion_group! {
    name = metrics;
    // Short runs: the machine has 2 cores shared with other builds.
    config = Criterion::default().sample_size(30).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = benches
}
criterion_main!(metrics);
