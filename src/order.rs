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
    // Only the swapping depends on `T`; which swaps is worked out once.
    for (i, j) in swaps(order) {
        items.swap(i, j);
    }
}

/// The swaps that put each item where `order` (new position → old index)
/// says: swapping along the permutation's cycles.
fn swaps(order: Vec<usize>) -> Vec<(usize, usize)> {
    // target[i]: where the item now at i belongs.
    let mut target = vec![0; order.len()];
    for (new, old) in order.into_iter().enumerate() {
        target[old] = new;
    }
    let mut swaps = Vec::new();
    for i in 0..target.len() {
        while target[i] != i {
            let j = target[i];
            swaps.push((i, j));
            target.swap(i, j);
        }
    }
    swaps
}

/// Sorts `items` by a key, stably: `slice::sort_by_key` without its code size.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts numbers ascending by `f64::total_cmp`.
pub fn sort_f64(values: &mut [f64]) {
    sort_by(values, f64::total_cmp);
}

#[cfg(test)]
mod tests;
