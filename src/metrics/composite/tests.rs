use super::*;

fn close(actual: f64, expected: f64) {
    assert!((actual - expected).abs() < 1e-12, "{actual} != {expected}");
}

fn closes(actual: &[Option<f64>], expected: &[Option<f64>]) {
    assert_eq!(actual.len(), expected.len(), "{actual:?} vs {expected:?}");
    for (a, e) in actual.iter().zip(expected) {
        match (a, e) {
            (Some(a), Some(e)) => close(*a, *e),
            _ => assert_eq!(a, e, "{actual:?} vs {expected:?}"),
        }
    }
}

fn spec(dimension: usize, coefficient: f64) -> IndicatorSpec {
    IndicatorSpec {
        direction: Direction::HigherIsBetter,
        normalisation: Normalisation::MinMax,
        dimension,
        coefficient,
    }
}

use Direction::{HigherIsBetter as Up, LowerIsBetter as Down};

#[test]
fn min_max_both_directions() {
    // [1, 3, 5]: min 1, max 5, range 4 → 0, 0.5, 1; lower is better → 1, 0.5, 0.
    let column = [Some(1.0), Some(3.0), Some(5.0), None];
    closes(
        &normalise(&column, Up, Normalisation::MinMax),
        &[Some(0.0), Some(0.5), Some(1.0), None],
    );
    closes(
        &normalise(&column, Down, Normalisation::MinMax),
        &[Some(1.0), Some(0.5), Some(0.0), None],
    );
    // All equal: 1 (pymcdm's convention).
    assert_eq!(
        normalise(&[Some(2.0), Some(2.0)], Up, Normalisation::MinMax),
        vec![Some(1.0); 2]
    );
}

#[test]
fn z_score_goalposts_reference_vector_by_hand() {
    // [1, 3, 5]: μ = 3, population σ = √(8/3); z(1) = −2/√(8/3) = −1.2247...
    let z = normalise(
        &[Some(1.0), Some(3.0), Some(5.0)],
        Up,
        Normalisation::ZScore,
    );
    close(z[0].unwrap(), -2.0 / (8.0f64 / 3.0).sqrt());
    close(z[1].unwrap(), 0.0);
    let z_down = normalise(
        &[Some(1.0), Some(3.0), Some(5.0)],
        Down,
        Normalisation::ZScore,
    );
    close(z_down[0].unwrap(), 2.0 / (8.0f64 / 3.0).sqrt());
    // Goalposts [0, 10]: 12 clamps to 1, 5 is 0.5; lower is better, 2 → 0.8.
    let goalposts = Normalisation::Goalposts {
        lower: 0.0,
        upper: 10.0,
    };
    closes(
        &normalise(&[Some(12.0), Some(5.0)], Up, goalposts),
        &[Some(1.0), Some(0.5)],
    );
    closes(&normalise(&[Some(2.0)], Down, goalposts), &[Some(0.8)]);
    // Reference 2: 3 → 1.5; lower is better: 2/3; 0 → undefined.
    let reference = Normalisation::DistanceToReference { reference: 2.0 };
    closes(&normalise(&[Some(3.0)], Up, reference), &[Some(1.5)]);
    closes(
        &normalise(&[Some(3.0), Some(0.0)], Down, reference),
        &[Some(2.0 / 3.0), None],
    );
    // Vector: (3, 4)/5 = (0.6, 0.8); lower is better: (0.4, 0.2).
    closes(
        &normalise(&[Some(3.0), Some(4.0)], Up, Normalisation::Vector),
        &[Some(0.6), Some(0.8)],
    );
    closes(
        &normalise(&[Some(3.0), Some(4.0)], Down, Normalisation::Vector),
        &[Some(0.4), Some(0.2)],
    );
}

#[test]
fn framework_weights_by_hand() {
    // Dimensions 0.2 and 0.8. Dimension 0 has coefficients 0.8 and 1.2 (sum 2):
    // 0.2·0.8/2 = 0.08 and 0.2·1.2/2 = 0.12; dimension 1 has one indicator: 0.8.
    let specs = [spec(0, 0.8), spec(0, 1.2), spec(1, 1.0)];
    let w = weights(
        &[],
        &specs,
        &Weighting::Framework {
            dimension_weights: vec![0.2, 0.8],
        },
    )
    .unwrap();
    close(w[0], 0.08);
    close(w[1], 0.12);
    close(w[2], 0.8);
    // Dimension weights that sum to 50 are renormalised to the same thing.
    let w = weights(
        &[],
        &specs,
        &Weighting::Framework {
            dimension_weights: vec![10.0, 40.0],
        },
    )
    .unwrap();
    close(w[2], 0.8);
    // Given weights renormalised: (1, 1, 2)/4.
    let w = weights(
        &[],
        &specs,
        &Weighting::Given {
            weights: vec![1.0, 1.0, 2.0],
        },
    )
    .unwrap();
    assert_eq!(w, vec![0.25, 0.25, 0.5]);
    assert!(weights(&[], &specs, &Weighting::Given { weights: vec![1.0] }).is_err());
    assert!(weights(
        &[],
        &specs,
        &Weighting::Framework {
            dimension_weights: vec![1.0]
        }
    )
    .is_err());
    assert_eq!(
        weights(&[], &specs, &Weighting::Equal).unwrap(),
        vec![1.0 / 3.0; 3]
    );
}

#[test]
fn entropy_weights_by_hand() {
    // Column [1, 1]: p = ½, ½, e = 1, d = 0 (no information).
    // Column [0, 1]: p = 0, 1, e = 0 (0·ln 0 = 0), d = 1.
    // Column [1, 3]: p = ¼, ¾, e = −(¼ ln ¼ + ¾ ln ¾)/ln 2 = 0.811278, d = 0.188722.
    // w = d / Σ d = (0, 1, 0.188722) / 1.188722.
    let columns = vec![
        vec![Some(1.0), Some(1.0)],
        vec![Some(0.0), Some(1.0)],
        vec![Some(1.0), Some(3.0)],
    ];
    let w = entropy_weights(&columns).unwrap();
    let e3 = -(0.25 * 0.25f64.ln() + 0.75 * 0.75f64.ln()) / 2.0f64.ln();
    let d3 = 1.0 - e3;
    close(w[0], 0.0);
    close(w[1], 1.0 / (1.0 + d3));
    close(w[2], d3 / (1.0 + d3));
    // No information anywhere: equal weights.
    assert_eq!(
        entropy_weights(&vec![vec![Some(2.0), Some(2.0)]; 2]).unwrap(),
        vec![0.5, 0.5]
    );
    assert!(entropy_weights(&[vec![Some(-1.0), Some(2.0)]]).is_err());
}

#[test]
fn arithmetic_and_geometric_by_hand() {
    // Zone 0: y = (1, 0), zone 1: y = (0.5, missing). Weights (0.25, 0.75).
    // Arithmetic: zone 0 = 0.25·1 + 0.75·0 = 0.25; zone 1 = 0.25·0.5/0.25 = 0.5
    // (renormalised over the one indicator it has).
    let columns = vec![vec![Some(1.0), Some(0.5)], vec![Some(0.0), None]];
    let weights = [0.25, 0.75];
    closes(
        &aggregate(&columns, &weights, Aggregation::Arithmetic).unwrap(),
        &[Some(0.25), Some(0.5)],
    );
    // Geometric, ε = 0.01: zone 0 = 1.01^0.25 · 0.01^0.75; zone 1 = 0.51.
    let geometric =
        aggregate(&columns, &weights, Aggregation::Geometric { epsilon: 0.01 }).unwrap();
    close(
        geometric[0].unwrap(),
        1.01f64.powf(0.25) * 0.01f64.powf(0.75),
    );
    close(geometric[1].unwrap(), 0.51);
    // Negative values (z-scores) cannot enter a geometric mean.
    assert!(aggregate(
        &[vec![Some(-1.0)]],
        &[1.0],
        Aggregation::Geometric { epsilon: 0.01 }
    )
    .is_err());
    assert!(aggregate(&columns, &[1.0], Aggregation::Arithmetic).is_err());
}

#[test]
fn topsis_by_hand() {
    // y: zone 0 = (1, 0), zone 1 = (0, 1); w = (0.75, 0.25).
    // v: zone 0 = (0.75, 0), zone 1 = (0, 0.25); ideal (0.75, 0.25), anti-ideal (0, 0).
    // Zone 0: D⁺ = 0.25, D⁻ = 0.75, C = 0.75. Zone 1: D⁺ = 0.75, D⁻ = 0.25, C = 0.25.
    let columns = vec![vec![Some(1.0), Some(0.0)], vec![Some(0.0), Some(1.0)]];
    closes(&topsis(&columns, &[0.75, 0.25]), &[Some(0.75), Some(0.25)]);
    // Scaling the weights changes nothing.
    closes(&topsis(&columns, &[3.0, 1.0]), &[Some(0.75), Some(0.25)]);
    // All alike: 0.5.
    assert_eq!(
        topsis(&[vec![Some(1.0), Some(1.0)]], &[1.0]),
        vec![Some(0.5), Some(0.5)]
    );
}

#[test]
fn composite_index_end_to_end_by_hand() {
    // Three zones, three indicators, min-max, equal weights, arithmetic.
    // Indicator 0 (dim 0) [10, 20, 30] → (0, 0.5, 1).
    // Indicator 1 (dim 0, lower is better) [5, 5, 1] → (0, 0, 1).
    // Indicator 2 (dim 1) [1, missing, 3] → (0, –, 1).
    // Scores: zone 0 = 0; zone 1 = (0.5 + 0)/2 = 0.25 (2 indicators);
    // zone 2 = 1. Ranks 3, 2, 1.
    // Dimension 0: zone 0 = 0, zone 1 = 0.25, zone 2 = 1; dimension 1: 0, –, 1.
    let mut down = spec(0, 1.0);
    down.direction = Down;
    let spec = CompositeSpec {
        indicators: vec![spec(0, 1.0), down, spec(1, 1.0)],
        weighting: Weighting::Equal,
        aggregation: Aggregation::Arithmetic,
    };
    let columns = vec![
        vec![Some(10.0), Some(20.0), Some(30.0)],
        vec![Some(5.0), Some(5.0), Some(1.0)],
        vec![Some(1.0), None, Some(3.0)],
    ];
    let index = composite_index(&columns, &spec).unwrap();
    closes(&index.scores, &[Some(0.0), Some(0.25), Some(1.0)]);
    assert_eq!(index.ranks, vec![Some(3), Some(2), Some(1)]);
    assert_eq!(index.missing_indicators, vec![vec![], vec![2], vec![]]);
    assert_eq!(index.dimensions.len(), 2);
    close(index.dimensions[0].weight, 2.0 / 3.0);
    closes(
        &index.dimensions[0].scores,
        &[Some(0.0), Some(0.25), Some(1.0)],
    );
    closes(&index.dimensions[1].scores, &[Some(0.0), None, Some(1.0)]);
    assert_eq!(index.dimensions[1].ranks, vec![Some(2), None, Some(1)]);
    // Keys are stable (serde_json lists them sorted).
    let json = serde_json::to_value(&index).unwrap();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        vec![
            "dimensions",
            "missing_indicators",
            "ranks",
            "scores",
            "weights"
        ]
    );
}

#[test]
fn composite_edge_cases() {
    let spec = CompositeSpec {
        indicators: vec![spec(0, 1.0)],
        weighting: Weighting::Entropy,
        aggregation: Aggregation::Topsis,
    };
    // No zones: empty results.
    let index = composite_index(&[vec![]], &spec).unwrap();
    assert!(index.scores.is_empty());
    // One zone: it is alike with itself, C = 0.5, rank 1.
    let index = composite_index(&[vec![Some(4.0)]], &spec).unwrap();
    assert_eq!(index.scores, vec![Some(0.5)]);
    assert_eq!(index.ranks, vec![Some(1)]);
    // A zone with nothing has no score and no rank.
    let index = composite_index(&[vec![Some(1.0), None, Some(3.0)]], &spec).unwrap();
    assert_eq!(index.scores[1], None);
    assert_eq!(index.ranks[1], None);
    // Ragged columns are an error that names the column.
    let two = CompositeSpec {
        indicators: vec![spec.indicators[0].clone(); 2],
        ..spec.clone()
    };
    let error = composite_index(&[vec![Some(1.0)], vec![]], &two).unwrap_err();
    assert!(error.message.contains("column 1"), "{}", error.message);
}

/// A dimension's sub-score, scored on its columns inside the year's one
/// matrix, is bit for bit what `aggregate` gives on those columns alone
/// (a matrix of its own: the formulas of its doc), for each aggregation,
/// with missing values (a zone lacking one of the dimension's indicators,
/// one lacking all of them), a zero weight and unequal weights.
#[test]
fn dimension_scores_are_those_of_their_columns_alone() {
    let columns = vec![
        vec![Some(3.0), Some(8.0), None, Some(1.0), Some(6.0)],
        vec![Some(2.0), None, None, Some(9.0), Some(4.0)],
        vec![Some(7.0), Some(1.0), None, None, Some(2.0)],
        vec![Some(0.5), Some(0.25), Some(4.0), Some(3.0), Some(3.0)],
        vec![Some(6.0), Some(2.0), Some(2.0), Some(8.0), None],
    ];
    let dims = [0, 1, 0, 1, 1];
    for aggregation in [
        Aggregation::Arithmetic,
        Aggregation::Geometric { epsilon: 0.01 },
        Aggregation::Topsis,
    ] {
        for given in [[1.0, 2.0, 3.0, 0.0, 5.0], [0.7, 0.1, 0.3, 1.3, 0.2]] {
            let spec = CompositeSpec {
                indicators: dims.iter().map(|d| spec(*d, 1.0)).collect(),
                weighting: Weighting::Given {
                    weights: given.to_vec(),
                },
                aggregation,
            };
            let index = Prepared::new(&columns, &spec)
                .unwrap()
                .index(&spec)
                .unwrap();
            let normalised = normalise_all(&columns, &spec.indicators).unwrap();
            for dimension in &index.dimensions {
                let members: Vec<usize> =
                    (0..5).filter(|j| dims[*j] == dimension.dimension).collect();
                let sub: Vec<_> = members.iter().map(|j| normalised[*j].clone()).collect();
                let weights: Vec<f64> = members.iter().map(|j| index.weights[*j]).collect();
                let alone = aggregate(&sub, &weights, aggregation).unwrap();
                let bits = |s: &[Option<f64>]| -> Vec<Option<u64>> {
                    s.iter().map(|x| x.map(f64::to_bits)).collect()
                };
                assert_eq!(
                    bits(&dimension.scores),
                    bits(&alone),
                    "{aggregation:?} {given:?} dimension {}",
                    dimension.dimension
                );
            }
            // Zone 2 lacks dimension 0 (indicators 0 and 2) and one of
            // dimension 1's: no sub-score there, a score on the other two.
            assert_eq!(index.missing_indicators[2], vec![0, 1, 2]);
            assert_eq!(index.dimensions[0].scores[2], None);
            assert!(index.dimensions[1].scores[2].is_some());
        }
    }
}
