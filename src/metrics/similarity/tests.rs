use super::*;

fn close(actual: f64, expected: f64) {
    assert!((actual - expected).abs() < 1e-12, "{actual} != {expected}");
}

#[test]
fn cosine_by_hand() {
    // Same direction: 1. Orthogonal: 0.
    close(cosine(&[1.0, 2.0], &[2.0, 4.0]).unwrap(), 1.0);
    assert_eq!(cosine(&[1.0, 0.0], &[0.0, 3.0]), Some(0.0));
    // (1,1)·(1,0) = 1; |(1,1)| = √2; cos = 1/√2.
    close(cosine(&[1.0, 1.0], &[1.0, 0.0]).unwrap(), 0.5f64.sqrt());
    assert_eq!(cosine(&[1.0], &[1.0, 2.0]), None);
    assert_eq!(cosine(&[0.0, 0.0], &[1.0, 2.0]), None);
}

#[test]
fn cosine_matrix_and_pairs() {
    // Zones 0 and 2 share a structure (cos 1), zone 1 is orthogonal to both,
    // zone 3 is all zero (undefined).
    let zones = vec![
        vec![1.0, 0.0],
        vec![0.0, 1.0],
        vec![2.0, 0.0],
        vec![0.0, 0.0],
    ];
    let m = cosine_matrix(&zones);
    assert_eq!(m[0][0], Some(1.0));
    assert_eq!(m[0][2], Some(1.0));
    assert_eq!(m[0][1], Some(0.0));
    assert_eq!(m[3][3], None);
    assert_eq!(
        similar_pairs(&m, 0.8),
        vec![SimilarPair {
            a: 0,
            b: 2,
            similarity: 1.0
        }]
    );
    // Threshold 0: the three defined pairs, most similar first.
    let all = similar_pairs(&m, 0.0);
    assert_eq!(
        all.iter().map(|p| (p.a, p.b)).collect::<Vec<_>>(),
        vec![(0, 2), (0, 1), (1, 2)]
    );
}

#[test]
fn krugman_by_hand() {
    // Shares (0.5, 0.5) vs (0.25, 0.75): |0.25| + |−0.25| = 0.5.
    close(krugman(&[1.0, 1.0], &[1.0, 3.0]).unwrap(), 0.5);
    // Nothing in common: 2.
    close(krugman(&[1.0, 0.0], &[0.0, 5.0]).unwrap(), 2.0);
    assert_eq!(krugman(&[0.0, 0.0], &[1.0, 1.0]), None);
    // Against the rest: zone 0 [1,1] vs rest [1,3] = 0.5 (above).
    // Zone 1 [1,3] vs rest [1,1]: same 0.5.
    let zones = vec![vec![1.0, 1.0], vec![1.0, 3.0]];
    let rest = krugman_indices(&zones, KrugmanReference::RestOfZones);
    close(rest[0].unwrap(), 0.5);
    close(rest[1].unwrap(), 0.5);
    // Against all: zone 0 [0.5,0.5] vs total [2,4] → (1/3, 2/3): 1/6 + 1/6 = 1/3.
    let all = krugman_indices(&zones, KrugmanReference::AllZones);
    close(all[0].unwrap(), 1.0 / 3.0);
}

#[test]
fn location_quotients_and_distinctive_industry_by_hand() {
    // Zone 0 [3, 1], zone 1 [1, 3]; industry totals [4, 4], grand 8.
    // LQ_00 = (3/4)/(4/8) = 1.5, LQ_01 = (1/4)/(1/2) = 0.5, mirrored for zone 1.
    let lq = location_quotients(&[vec![3.0, 1.0], vec![1.0, 3.0]]);
    assert_eq!(
        lq,
        vec![vec![Some(1.5), Some(0.5)], vec![Some(0.5), Some(1.5)]]
    );
    let best = most_distinctive(&lq);
    assert_eq!(
        best[0],
        Some(DistinctiveIndustry {
            industry: 0,
            location_quotient: 1.5
        })
    );
    assert_eq!(best[1].as_ref().unwrap().industry, 1);
    // An all-zero zone has no quotient and no distinctive industry.
    let lq = location_quotients(&[vec![0.0, 0.0], vec![1.0, 3.0]]);
    assert_eq!(lq[0], vec![None, None]);
    assert_eq!(most_distinctive(&lq)[0], None);
}

#[test]
fn herfindahl_by_hand() {
    // Shares (0.5, 0.25, 0.25): 0.25 + 0.0625 + 0.0625 = 0.375.
    close(herfindahl(&[2.0, 1.0, 1.0]).unwrap(), 0.375);
    assert_eq!(herfindahl(&[0.0, 7.0]), Some(1.0));
    assert_eq!(herfindahl(&[]), None);
}

#[test]
fn structure_report_orders_zones_by_the_clustering() {
    // Zones 0 = (5, 1), 1 = (1, 5), 2 = (4, 1), 3 = (2, 10).
    // cos(1, 3) = 52 / (√26·√104) = 1 (distance 0) and cos(0, 2) =
    // 21/(√26·√17) = 0.9995: these two pairs merge first, (1, 3) then (0, 2),
    // and the last merge joins clusters 4 and 5: leaves [1, 3, 0, 2].
    let zones = vec![
        vec![5.0, 1.0],
        vec![1.0, 5.0],
        vec![4.0, 1.0],
        vec![2.0, 10.0],
    ];
    assert_eq!(
        structure_report(&zones, 0.8).heatmap_order,
        vec![1, 3, 0, 2]
    );
    assert!(structure_report(&[], 0.8).heatmap_order.is_empty());
}

#[test]
fn above_the_matrix_limit_pairs_are_counted_without_a_matrix() {
    // MATRIX_ZONES + 1 zones alternating (1, 0) and (1, 1): by hand, pairs
    // of the same kind have cosine 1, of different kinds 1/√2.
    let n = MATRIX_ZONES + 1;
    let zones: Vec<Vec<f64>> = (0..n)
        .map(|i| {
            if i % 2 == 0 {
                vec![1.0, 0.0]
            } else {
                vec![1.0, 1.0]
            }
        })
        .collect();
    let report = structure_report(&zones, 0.9);
    assert!(report.similarity.is_empty() && report.heatmap_order.is_empty());
    let (even, odd) = (n.div_ceil(2), n / 2);
    let same = even * (even - 1) / 2 + odd * (odd - 1) / 2;
    assert_eq!(report.pairs_above, same);
    assert_eq!(report.similar_pairs.len(), LISTED_PAIRS);
    assert_eq!(
        (report.similar_pairs[0].a, report.similar_pairs[0].b),
        (0, 2)
    );
    let all = n * (n - 1) / 2;
    let mean = (same as f64 + (all - same) as f64 * 0.5f64.sqrt()) / all as f64;
    assert!((report.mean_similarity.unwrap() - mean).abs() < 1e-9);
}

#[test]
fn structure_report_by_hand() {
    // Zones (1, 0), (0, 1), (2, 0): pair similarities 0, 1, 0 → mean 1/3.
    let report = structure_report(&[vec![1.0, 0.0], vec![0.0, 1.0], vec![2.0, 0.0]], 0.9);
    assert!((report.mean_similarity.unwrap() - 1.0 / 3.0).abs() < 1e-12);
    assert_eq!(
        report.similar_pairs,
        vec![SimilarPair {
            a: 0,
            b: 2,
            similarity: 1.0
        }]
    );
    // (0, 2) merge at distance 0, then zone 1 joins: leaves [1, 0, 2] (SciPy's
    // leaves_list of the same linkage).
    assert_eq!(report.heatmap_order, vec![1, 0, 2]);
    // Zone 1 makes only industry 1, which is 1/4 of the total: LQ = 1 / (1/4) = 4.
    assert_eq!(
        report.most_distinctive[1],
        Some(DistinctiveIndustry {
            industry: 1,
            location_quotient: 4.0
        })
    );
    assert_eq!(report.herfindahl, vec![Some(1.0); 3]);
    assert_eq!(mean_pairwise_similarity(&[]), None);
}

#[test]
fn most_similar_pairs_lists_the_first_and_counts_all() {
    // Five zones, every pair defined: by hand, M_ab = 1 − (a + b) / 10, so
    // the pairs in order are (0,1) 0.9, (0,2) 0.8, (0,3) and (1,2) 0.7 (tie:
    // lower a first), (0,4) and (1,3) 0.6, …; ten pairs in all, eight of
    // them ≥ 0.45 ((2,4) 0.4 and (3,4) 0.3 are not).
    let n = 5;
    let m: Vec<Vec<Option<f64>>> = (0..n)
        .map(|a| (0..n).map(|b| Some(1.0 - (a + b) as f64 / 10.0)).collect())
        .collect();
    let (listed, count) = most_similar_pairs(&m, 0.45, 3);
    assert_eq!(count, 8);
    assert_eq!(
        listed.iter().map(|p| (p.a, p.b)).collect::<Vec<_>>(),
        vec![(0, 1), (0, 2), (0, 3)]
    );
    // Unlimited, it is similar_pairs; each limit lists that list's start,
    // also past the sorting batch (1,024 pairs) in a larger matrix of ties.
    let all = similar_pairs(&m, 0.45);
    assert_eq!(all.len(), 8);
    for limit in 0..=9 {
        let (listed, count) = most_similar_pairs(&m, 0.45, limit);
        assert_eq!(
            (&listed[..], count),
            (&all[..limit.min(8)], 8),
            "limit {limit}"
        );
    }
    let ties = vec![vec![Some(1.0); 60]; 60];
    let (listed, count) = most_similar_pairs(&ties, 0.8, 5);
    assert_eq!(count, 60 * 59 / 2);
    assert_eq!(
        listed.iter().map(|p| (p.a, p.b)).collect::<Vec<_>>(),
        vec![(0, 1), (0, 2), (0, 3), (0, 4), (0, 5)]
    );
}

#[test]
fn norms_make_the_same_cosines() {
    // cosine_matrix divides by norms worked out once per zone; the figures
    // are those of cosine itself, bit for bit.
    let zones = vec![
        vec![3.0, 1.5, 0.0, 2.25],
        vec![0.1, 0.2, 0.3, 0.4],
        vec![0.0, 0.0, 0.0, 0.0],
        vec![7.0, 0.0, 1.0, 1e-3],
    ];
    let m = cosine_matrix(&zones);
    for i in 0..zones.len() {
        for j in 0..zones.len() {
            let expected = if i == j {
                cosine(&zones[i], &zones[i]).map(|_| 1.0)
            } else {
                cosine(&zones[i], &zones[j])
            };
            assert_eq!(m[i][j], expected, "({i}, {j})");
        }
    }
    assert_eq!(norm(&[3.0, 4.0]), Some(5.0));
    assert_eq!(norm(&[0.0, 0.0]), None);
    assert_eq!(norm(&[1.0, -1.0]), None);
}

/// The four zones of docs/METRICS.md's worked case ("Clustering"): cosines
/// A–D 0.9, B–C 0.7, A–B 0.3, A–C 0.2, D–B 0.4, D–C 0.1 (zones 0..3 = A, B,
/// C, D).
fn four_zones() -> Vec<Vec<Option<f64>>> {
    let s = [
        [1.0, 0.3, 0.2, 0.9],
        [0.3, 1.0, 0.7, 0.4],
        [0.2, 0.7, 1.0, 0.1],
        [0.9, 0.4, 0.1, 1.0],
    ];
    s.iter()
        .map(|r| r.iter().map(|v| Some(*v)).collect())
        .collect()
}

#[test]
fn average_linkage_merges_as_worked_by_hand_and_by_scipy() {
    // By hand (METRICS.md): A+D at 0.1, B+C at 0.3, then the two at
    // (0.7 + 0.8 + 0.6 + 0.9) / 4 = 0.75. SciPy 1.x, linkage(squareform(1 − M),
    // "average"), gives [[0, 3, 0.1, 2], [1, 2, 0.3, 2], [4, 5, 0.75, 4]],
    // leaves_list [0, 3, 1, 2] and fcluster(Z, 0.2, "distance") [1, 2, 3, 1].
    let merges = average_linkage(&four_zones());
    let rows: Vec<(usize, usize, usize)> = merges.iter().map(|m| (m.a, m.b, m.size)).collect();
    assert_eq!(rows, vec![(0, 3, 2), (1, 2, 2), (4, 5, 4)]);
    for (merge, expected) in merges.iter().zip([0.1, 0.3, 0.75]) {
        assert!((merge.distance - expected).abs() < 1e-12, "{merge:?}");
    }
    assert_eq!(leaf_order(&merges, 4), vec![0, 3, 1, 2]);
    // The same partition as SciPy's {A, D}, {B}, {C}, numbered in leaf order.
    assert_eq!(flat_clusters(&merges, 4, 0.2), vec![0, 1, 2, 0]);
    // At 0.3 B and C join too.
    assert_eq!(flat_clusters(&merges, 4, 0.3 + 1e-9), vec![0, 1, 1, 0]);
}

#[test]
fn average_linkage_matches_scipy_on_eight_mixes() {
    // Made by NumPy's default_rng(7).integers(0, 20, (8, 5)); expected values
    // from SciPy 1.x: linkage(squareform(1 − cosine), "average"), leaves_list
    // and fcluster(Z, 0.2, "distance") = [1, 3, 2, 1, 1, 2, 1, 1].
    let mixes: Vec<Vec<f64>> = vec![
        vec![18.0, 12.0, 13.0, 17.0, 11.0],
        vec![15.0, 16.0, 4.0, 1.0, 6.0],
        vec![5.0, 17.0, 18.0, 0.0, 9.0],
        vec![16.0, 2.0, 15.0, 2.0, 9.0],
        vec![16.0, 6.0, 6.0, 5.0, 14.0],
        vec![5.0, 19.0, 8.0, 9.0, 10.0],
        vec![11.0, 11.0, 10.0, 19.0, 16.0],
        vec![15.0, 14.0, 12.0, 6.0, 19.0],
    ];
    let scipy = [
        (0, 6, 0.042947057740041816, 2),
        (4, 7, 0.04779077146924471, 2),
        (8, 9, 0.11430023576068682, 4),
        (2, 5, 0.1359400814418863, 2),
        (3, 10, 0.17986980402561362, 5),
        (1, 11, 0.20487013214048694, 3),
        (12, 13, 0.23957966708658926, 8),
    ];
    let merges = average_linkage(&cosine_matrix(&mixes));
    assert_eq!(merges.len(), scipy.len());
    for (merge, (a, b, distance, size)) in merges.iter().zip(scipy) {
        assert_eq!((merge.a, merge.b, merge.size), (a, b, size));
        assert!((merge.distance - distance).abs() < 1e-12, "{merge:?}");
    }
    assert_eq!(leaf_order(&merges, 8), vec![3, 0, 6, 4, 7, 1, 2, 5]);
    assert_eq!(flat_clusters(&merges, 8, 0.2), vec![0, 1, 2, 0, 0, 2, 0, 0]);
    assert_eq!(leaf_order(&[], 2), vec![0, 1]);
    assert!(average_linkage(&[]).is_empty());
}

#[test]
fn pair_stats_counts_pairs_and_keeps_each_zones_nearest_without_a_matrix() {
    // Expected values worked by hand from the mixes (below).
    let mixes: Vec<Vec<f64>> = vec![
        vec![1.0, 0.0, 0.0],
        vec![1.0, 1.0, 0.0],
        vec![0.0, 1.0, 0.0],
        vec![0.0, 0.0, 0.0],
        vec![1.0, 1.0, 1.0],
    ];
    let rows: Vec<&[f64]> = mixes.iter().map(Vec::as_slice).collect();
    let stats = pair_stats(&rows, 0.7, 2, 1);
    // Zone 3 is all zero: 4 zones with a norm, 6 pairs. By hand: 0–1 and 1–2
    // are 1/√2 = 0.7071, 0–2 is 0, 0–4 and 2–4 are 1/√3 = 0.5774, 1–4 is
    // 2/√6 = 0.8165.
    assert_eq!(stats.pairs, 6);
    assert_eq!(stats.above, 3);
    let r2 = 0.5f64.sqrt();
    let r3 = (1.0f64 / 3.0).sqrt();
    let r6 = 2.0 / 6.0f64.sqrt();
    let mean = (2.0 * r2 + 2.0 * r3 + r6) / 6.0;
    assert!((stats.mean.unwrap() - mean).abs() < 1e-12);
    let nearest: Vec<Vec<usize>> = stats
        .nearest
        .iter()
        .map(|n| n.iter().map(|(z, _)| *z).collect())
        .collect();
    assert_eq!(
        nearest,
        vec![vec![1, 4], vec![4, 0], vec![1, 4], vec![], vec![1, 0]]
    );
    assert!((stats.nearest[1][0].1 - r6).abs() < 1e-12);
    // The one pair listed: the most similar, 1–4.
    assert_eq!((stats.listed[0].a, stats.listed[0].b), (1, 4));
    assert_eq!(stats.listed.len(), 1);
}

#[test]
fn shared_industries_rank_by_the_smaller_share() {
    // A: shares 0.5, 0.3, 0.2, 0; B: 0.1, 0.4, 0.4, 0.1. The smaller shares:
    // 0.1, 0.3, 0.2, 0 → industries 1, 2, 0; industry 3 only B makes.
    let a = [5.0, 3.0, 2.0, 0.0];
    let b = [1.0, 4.0, 4.0, 1.0];
    assert_eq!(shared_industries(&[&a, &b], 3), vec![1, 2, 0]);
    assert_eq!(shared_industries(&[&a, &b], 2), vec![1, 2]);
    assert!(shared_industries(&[&a, &[0.0; 4]], 3).is_empty());
}

/// The report from pairs compared beforehand, with the similarity view's
/// three twins a zone (the specialisation tab shares one pass), equals
/// the report that compares them itself with one twin: on 1,100 zones
/// (above MATRIX_ZONES, so cosines are worked out pair by pair) drawn from
/// six mixes, so that many pairs tie and more than LISTED_PAIRS pass the
/// threshold (the listing's cut-off and the twins' tie order matter).
#[test]
fn structure_report_with_shared_pairs_equals_its_own() {
    let patterns = [
        [5.0, 1.0, 0.0, 2.0],
        [4.0, 1.0, 0.5, 2.0],
        [0.0, 3.0, 3.0, 0.0],
        [1.0, 0.0, 0.0, 9.0],
        [0.0, 0.0, 0.0, 0.0],
        [2.0, 2.0, 2.0, 2.0],
    ];
    let mut seed = 7u64;
    let zones: Vec<Vec<f64>> = (0..1_100)
        .map(|_| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let row = patterns[(seed >> 33) as usize % patterns.len()];
            let scale = 1.0 + ((seed >> 20) % 3) as f64;
            row.iter().map(|v| v * scale).collect()
        })
        .collect();
    let own = structure_report(&zones, 0.8);
    assert!(own.pairs_above > LISTED_PAIRS, "the listing is cut");
    let rows: Vec<&[f64]> = zones.iter().map(Vec::as_slice).collect();
    let shared = pair_stats(&rows, 0.8, 3, LISTED_PAIRS);
    assert!(
        shared.nearest.iter().any(|t| t.len() == 3),
        "three twins given"
    );
    assert_eq!(structure_report_with(&zones, &shared), own);
}

#[test]
fn the_pair_pass_gives_cosine_with_norms_bits() {
    // The chart counts pairs with the pass, claim C18 with
    // `cosine_with_norms`: a pair at the threshold must fall on the same
    // side in both. Every pair of 40 pseudo-random mixes of 7 industries
    // (zeros and exact halves among them), listed at threshold -1 (all),
    // against `cosine_with_norms` bit for bit.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mixes: Vec<Vec<f64>> = (0..40)
        .map(|_| {
            (0..7)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    match state % 5 {
                        0 => 0.0,
                        1 => 0.5,
                        _ => (state >> 11) as f64 / (1u64 << 53) as f64,
                    }
                })
                .collect()
        })
        .collect();
    let rows: Vec<&[f64]> = mixes.iter().map(Vec::as_slice).collect();
    let stats = pair_stats(&rows, -1.0, 0, usize::MAX);
    assert_eq!(stats.listed.len(), 40 * 39 / 2);
    for pair in &stats.listed {
        let (a, b) = (&mixes[pair.a], &mixes[pair.b]);
        let expected = cosine_with_norms((a, norm(a).unwrap()), (b, norm(b).unwrap())).unwrap();
        assert_eq!(
            pair.similarity.to_bits(),
            expected.to_bits(),
            "{} × {}",
            pair.a,
            pair.b
        );
    }
}
