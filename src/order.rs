//! Sorting that costs the wasm one sort, not one per call site.
//!
//! The standard library's stable sort is generic over the element type and
//! the comparison closure, and each of the two dozen sorts in the charts,
//! views and metrics compiled into its own copy of it: some 3 KB of wasm
//! each, 96 KB in all. Here the sort is done once, over indices, with the
//! comparison behind a `dyn` reference; only the small permutation step is
//! generic. Stable, like `slice::sort_by`: equal items keep their order.

use std::cmp::Ordering;

/// The indices `0..n` in the order `compare` gives them (stable).
pub fn sorted_indices(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut indices: Vec<usize> = (0..n).collect();
    indices.sort_by(|a, b| compare(*a, *b));
    indices
}

/// Sorts `items` by `compare`, stably: `slice::sort_by` without its code size.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(items.len(), &|a, b| compare(&items[a], &items[b]));
    // target[i]: where the item now at i belongs. Swapping along the
    // permutation's cycles puts every item in place.
    let mut target = vec![0; order.len()];
    for (new, old) in order.into_iter().enumerate() {
        target[old] = new;
    }
    for i in 0..items.len() {
        while target[i] != i {
            let j = target[i];
            items.swap(i, j);
            target.swap(i, j);
        }
    }
}

/// Sorts `items` by a key, stably: `slice::sort_by_key` without its code size.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts numbers ascending by `f64::total_cmp`.
pub fn sort_f64(values: &mut [f64]) {
    values.sort_by(f64::total_cmp);
}

#[cfg(test)]
mod tests {
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
}
