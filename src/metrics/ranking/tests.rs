use super::*;

#[test]
fn competition_ranking_1224() {
    // Scores 9, 7, 7, 3: one is first, the two 7s share 2nd, then 4th ("1224").
    let scores = [Some(7.0), Some(9.0), Some(3.0), Some(7.0)];
    assert_eq!(
        competition_ranks(&scores, RankOrder::HighestFirst),
        vec![Some(2), Some(1), Some(4), Some(2)]
    );
    // Lowest first: 3 is 1st, the 7s 2nd, 9 is 4th.
    assert_eq!(
        competition_ranks(&scores, RankOrder::LowestFirst),
        vec![Some(2), Some(4), Some(1), Some(2)]
    );
}

#[test]
fn missing_scores_are_not_ranked() {
    // The None and the NaN are skipped; 5 > 1 among the two present.
    let scores = [None, Some(1.0), Some(f64::NAN), Some(5.0)];
    assert_eq!(
        competition_ranks(&scores, RankOrder::HighestFirst),
        vec![None, Some(2), None, Some(1)]
    );
    assert_eq!(competition_ranks(&[], RankOrder::HighestFirst), vec![]);
    assert_eq!(
        competition_ranks(&[Some(2.0); 3], RankOrder::HighestFirst),
        vec![Some(1); 3]
    );
}

#[test]
fn rank_change_is_places_gained() {
    // 5th → 2nd is +3; 1st → 4th is −3; a missing year gives None.
    assert_eq!(
        rank_change(&[Some(5), Some(1), None], &[Some(2), Some(4), Some(1)]),
        vec![Some(3), Some(-3), None]
    );
}

/// The definition itself: 1 + the number of present, finite scores strictly
/// better (O(n²), for checking).
fn by_definition(scores: &[Option<f64>], order: RankOrder) -> Vec<Option<usize>> {
    let finite = |s: &Option<f64>| s.filter(|s| s.is_finite());
    scores
        .iter()
        .map(|s| {
            let s = finite(s)?;
            let better = |t: f64| match order {
                RankOrder::HighestFirst => t > s,
                RankOrder::LowestFirst => t < s,
            };
            Some(
                1 + scores
                    .iter()
                    .filter_map(finite)
                    .filter(|t| better(*t))
                    .count(),
            )
        })
        .collect()
}

#[test]
fn ranks_are_the_definition_dense_tied_and_odd() {
    // Seeded values on grids of 2 to 1,000 levels (many ties to none),
    // with missing, infinite and NaN scores and −0.0 beside 0.0.
    let mut rng = crate::metrics::sensitivity::SplitMix64::new(7);
    for case in 0..200 {
        let n = (rng.next_u64() % 120) as usize;
        let levels = [2, 5, 1000][case % 3];
        let scores: Vec<Option<f64>> = (0..n)
            .map(|_| match rng.next_u64() % 40 {
                0 => None,
                1 => Some(f64::NAN),
                2 => Some(f64::INFINITY),
                3 => Some(f64::NEG_INFINITY),
                4 => Some(-0.0),
                _ => Some((rng.next_u64() % levels) as f64 - levels as f64 / 2.0),
            })
            .collect();
        for order in [RankOrder::HighestFirst, RankOrder::LowestFirst] {
            assert_eq!(
                competition_ranks(&scores, order),
                by_definition(&scores, order),
                "case {case}, {order:?}: {scores:?}"
            );
        }
    }
}

/// One zone far ahead and the rest bunched within a millionth of the range:
/// every other zone lands in one bucket, which is sorted, not left to the
/// quadratic insertion (2,000 zones). Ranks by the definition.
#[test]
fn bunched_scores_below_a_leader_rank_by_the_definition() {
    let mut rng = crate::metrics::sensitivity::SplitMix64::new(11);
    let mut scores: Vec<Option<f64>> = (0..2_000)
        .map(|_| Some((rng.next_u64() % 1_000) as f64 * 1e-9))
        .collect();
    scores[17] = Some(1_000.0);
    for order in [RankOrder::HighestFirst, RankOrder::LowestFirst] {
        assert_eq!(
            competition_ranks(&scores, order),
            by_definition(&scores, order),
            "{order:?}"
        );
    }
}
