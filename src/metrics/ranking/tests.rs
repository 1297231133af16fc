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
