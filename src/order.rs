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
mod tests;
