//! Specialisation of the tiny dataset: mixes z1 [1, 0], z2 [0, 1],
//! z3 [1, 1], z4 none. By hand: cos(z1, z2) = 0, cos(z1, z3) = cos(z2, z3)
//! = 1/√2; industry totals [2, 2] of 4, so LQ(z1, a) = (1/1)/(2/4) = 2 and
//! LQ(z3, ·) = 1; Krugman of z1 against the rest [1, 2]:
//! |1 − 1/3| + |0 − 2/3| = 4/3; Herfindahl z1 = 1, z3 = 1/2.

use super::*;
use crate::analysis::tests::{close, tiny};

#[test]
fn tiny_mixes_by_hand() {
    let s = specialisation(&tiny(), 0.7);
    assert_eq!(s.zones, ["z1", "z2", "z3"]);
    assert_eq!(s.zone_index, [0, 1, 2]);
    assert_eq!(s.missing_zones, ["z4"], "a zone without a mix is named");
    assert_eq!(s.industries, ["ind_a", "ind_b"]);
    assert_eq!(
        (s.mix_years.as_slice(), s.mix_units.as_slice()),
        (&[2022][..], &["yi_yuan".to_string()][..])
    );
    let r = 0.5f64.sqrt();
    close("cos z1 z3", s.similarity[0][2], r);
    close("cos z1 z2", s.similarity[0][1], 0.0);
    assert_eq!((s.pairs, s.pairs_above), (3, 2));
    close("share above", s.share_above, 2.0 / 3.0);
    close("mean similarity", s.mean_similarity, 2.0 * r / 3.0);
    let pairs: Vec<(&str, &str)> = s
        .similar_pairs
        .iter()
        .map(|p| (p.a_id.as_str(), p.b_id.as_str()))
        .collect();
    assert_eq!(pairs, [("z1", "z3"), ("z2", "z3")]);
    close("LQ z1 a", s.location_quotients[0][0], 2.0);
    close("LQ z3 b", s.location_quotients[2][1], 1.0);
    let z1 = &s.per_zone[0];
    close("krugman z1", z1.krugman_rest, 4.0 / 3.0);
    close("hhi z1", z1.herfindahl, 1.0);
    close("hhi z3", s.per_zone[2].herfindahl, 0.5);
    let d = z1.most_distinctive.as_ref().expect("z1 has one");
    assert_eq!((d.industry, d.industry_id.as_str()), (0, "ind_a"));
    assert_eq!(
        s.per_zone[1]
            .most_distinctive
            .as_ref()
            .map(|d| d.industry_id.as_str()),
        Some("ind_b")
    );
    // Average linkage: z1–z3 and z2–z3 tie at 1 − 1/√2, the lower cluster
    // numbers first (z1 with z3), then z2 joins them (cluster 1 before 3):
    // leaves z2, z1, z3.
    let order: Vec<&str> = s.heatmap_order.iter().map(|id| id.as_str()).collect();
    assert_eq!(order, ["z2", "z1", "z3"]);
    // Without the matrix (as above MATRIX_ZONES zones) a pair is worked out
    // from the mixes, the same cosines.
    let mut bare = s.clone();
    bare.similarity.clear();
    for a in 0..3 {
        for b in 0..3 {
            let (x, y) = (s.similarity(a, b), bare.similarity(a, b));
            assert!(
                x.zip(y).map_or(x == y, |(x, y)| (x - y).abs() < 1e-15),
                "{a} {b}"
            );
        }
    }
}

#[test]
fn similar_pair_count_by_hand() {
    // Same mixes as above: of the three pairs of z1–z3, two reach 0.7
    // (1/√2 ≈ 0.707 each) and none reaches 0.8; z4 has no mix.
    let ds = tiny();
    let all = [0, 1, 2, 3];
    let count = |zones: &[usize], threshold| {
        let c = similar_pair_count(&ds, zones, threshold);
        (c.pairs, c.similar)
    };
    assert_eq!(count(&all, 0.7), (3, 2), "as specialisation() counts");
    assert_eq!(count(&all, 0.8), (3, 0));
    assert_eq!(count(&[0, 1], 0.0), (1, 1), "cos(z1, z2) = 0 ≥ 0");
    assert_eq!(count(&[0, 3], 0.0), (0, 0), "one zone with a mix: no pair");
}

#[test]
fn the_report_leaves_out_a_matrix_above_its_size() {
    // `report --json` writes the similarity matrix up to MATRIX_ZONES rows
    // and null above (5,000 zones would be 25 million cells).
    let json = |rows: usize| {
        let matrix = vec![Vec::<Option<f64>>::new(); rows];
        matrix_up_to_limit(&matrix, serde_json::value::Serializer).expect("serialises")
    };
    assert_eq!(
        json(MATRIX_ZONES),
        serde_json::json!(vec![[0; 0]; MATRIX_ZONES])
    );
    assert_eq!(json(MATRIX_ZONES + 1), serde_json::Value::Null);
}
