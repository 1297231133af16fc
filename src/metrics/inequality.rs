//! Inequality among zones: Gini coefficient (more to come: Lorenz curve,
//! Theil T/L with between/within split, coefficient of variation).

/// Gini coefficient of non-negative values.
///
/// G = Σ_i Σ_j |x_i − x_j| / (2 n² μ), computed in O(n log n) from the sorted
/// values as G = (2 Σ_i i·x_(i)) / (n Σ x) − (n + 1) / n with i = 1..n.
///
/// Returns `None` for an empty input, a negative or non-finite value, or a
/// zero total (the coefficient is undefined there).
pub fn gini(values: &[f64]) -> Option<f64> {
    if values.is_empty() || values.iter().any(|v| !v.is_finite() || *v < 0.0) {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let total: f64 = sorted.iter().sum();
    if total <= 0.0 {
        return None;
    }
    let n = sorted.len() as f64;
    let weighted: f64 = sorted.iter().enumerate().map(|(i, x)| (i as f64 + 1.0) * x).sum();
    Some(2.0 * weighted / (n * total) - (n + 1.0) / n)
}

#[cfg(test)]
mod tests {
    use super::gini;

    #[test]
    fn gini_by_hand() {
        // [1, 2, 3, 4]: Σ|xi−xj| over ordered pairs = 2·(1+2+3+1+2+1) = 20;
        // 2 n² μ = 2·16·2.5 = 80; G = 20/80 = 0.25.
        assert!((gini(&[1.0, 2.0, 3.0, 4.0]).unwrap() - 0.25).abs() < 1e-12);
        // All equal: no inequality.
        assert_eq!(gini(&[5.0, 5.0, 5.0]), Some(0.0));
        // One holds everything among n = 4: G = (n−1)/n = 0.75.
        assert!((gini(&[0.0, 0.0, 0.0, 8.0]).unwrap() - 0.75).abs() < 1e-12);
        assert_eq!(gini(&[]), None);
        assert_eq!(gini(&[0.0, 0.0]), None);
        assert_eq!(gini(&[1.0, -1.0]), None);
    }
}
