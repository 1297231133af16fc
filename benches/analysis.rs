//! Benchmarks of the analysis over the bundled dataset (criterion).
//!
//! Run: `cargo bench --bench analysis`. The target of issue 4: a full
//! recompute for the bundled data (36 zones × 5 years) under 1 ms. "Full"
//! is everything the widget recomputes when a setting changes: every
//! section of `analysis::analyse` (headline, imbalance of all 27
//! indicators, specialisation, innovation, benchmarks, the evaluation of
//! all five years with tiers, growth of all indicators). The Monte Carlo
//! sensitivity is measured apart: it runs on demand.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};

use zone_monitor::analysis::evaluation::{self, EvaluationSettings};
use zone_monitor::analysis::{analyse, AnalysisSettings};
use zone_monitor::model;

const BUNDLED: &str = include_str!("../www/data/zones.json");

fn benches(c: &mut Criterion) {
    let Ok(loaded) = model::load(BUNDLED) else {
        panic!("the bundled dataset is invalid: run zone-monitor validate www/data/zones.json");
    };
    let ds = loaded.dataset;
    let framework = AnalysisSettings::default();
    let topsis = AnalysisSettings {
        evaluation: EvaluationSettings::entropy_topsis(),
        ..AnalysisSettings::default()
    };

    c.bench_function(
        "analysis: full recompute, bundled data (framework index)",
        |b| b.iter(|| analyse(black_box(&ds), &framework)),
    );
    c.bench_function(
        "analysis: full recompute, bundled data (entropy TOPSIS)",
        |b| b.iter(|| analyse(black_box(&ds), &topsis)),
    );
    c.bench_function(
        "analysis: evaluation of 5 years with tiers, bundled data",
        |b| b.iter(|| evaluation::evaluate(black_box(&ds), &framework.evaluation)),
    );
    c.bench_function("analysis: sensitivity, 1,000 draws, bundled data", |b| {
        b.iter(|| {
            evaluation::sensitivity(
                black_box(&ds),
                &framework.evaluation,
                &evaluation::DEFAULT_SENSITIVITY,
            )
        })
    });
    c.bench_function(
        "analysis: load + full report incl. sensitivity, bundled file",
        |b| {
            b.iter(|| {
                model::load(black_box(BUNDLED))
                    .map(|l| analyse(&l.dataset, &AnalysisSettings::report()))
            })
        },
    );
}

criterion_group! {
    name = analysis;
    config = Criterion::default()
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1));
    targets = benches
}
criterion_main!(analysis);
