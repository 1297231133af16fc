use super::*;

#[test]
fn sorts_stably_like_the_standard_library() {
    // Pairs sorted by the first field only: equal keys keep their order.
    let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
    let mut expected = items.clone();
    expected.sort_by_key(|p| p.0);
    sort_by_key(&mut items, |p| p.0);
    assert_eq!(items, expected);
    assert_eq!(items, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    let mut empty: Vec<i32> = Vec::new();
    sort_by(&mut empty, |a, b| a.cmp(b));
    assert!(empty.is_empty());
    // A longer shuffle (a fixed permutation with cycles of several lengths).
    let mut numbers = vec![7, 3, 9, 0, 5, 1, 8, 2, 6, 4];
    sort_by(&mut numbers, |a, b| b.cmp(a));
    assert_eq!(numbers, [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    assert_eq!(sorted_indices(3, &|a, b| b.cmp(&a)), [2, 1, 0]);
}
