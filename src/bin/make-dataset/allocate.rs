//! Splitting the report's totals among zones so the parts sum exactly, and
//! rounding.

/// Splits an integer total in proportion to weights (largest remainder,
/// ties to the lower index), so the parts sum to the total exactly.
pub fn allocate(total: i64, weights: &[f64]) -> Vec<i64> {
    let sum: f64 = weights.iter().sum();
    let exact: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    let mut parts: Vec<i64> = exact.iter().map(|x| x.floor() as i64).collect();
    let mut left = total - parts.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|a, b| {
        (exact[*b] - exact[*b].floor())
            .total_cmp(&(exact[*a] - exact[*a].floor()))
            .then(a.cmp(b))
    });
    for i in order.iter().cycle() {
        if left == 0 {
            break;
        }
        parts[*i] += 1;
        left -= 1;
    }
    parts
}

/// Splits an amount with one decimal (tenths allocated exactly).
pub fn allocate_tenths(total: f64, weights: &[f64]) -> Vec<f64> {
    allocate((total * 10.0).round() as i64, weights)
        .into_iter()
        .map(|t| t as f64 / 10.0)
        .collect()
}

pub fn round_to(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (x * f).round() / f
}
