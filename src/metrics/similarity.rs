//! Industry-structure similarity between zones (UNIDO's structural similarity
//! coefficient, i.e. the cosine of two industry-output vectors). More to come:
//! Krugman index, location quotients, Herfindahl.

/// Cosine similarity of two industry mixes (same industry order).
///
/// S = Σ_k a_k b_k / (√Σ a_k² · √Σ b_k²). 1 means identical structure, 0 none
/// in common. `None` when the lengths differ, a vector is all zero, or a value
/// is negative or not finite.
pub fn cosine(a: &[f64], b: &[f64]) -> Option<f64> {
    if a.len() != b.len() || a.iter().chain(b).any(|v| !v.is_finite() || *v < 0.0) {
        return None;
    }
    let dot: f64 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let norm_a = a.iter().map(|x| x * x).sum::<f64>().sqrt();
    let norm_b = b.iter().map(|x| x * x).sum::<f64>().sqrt();
    if norm_a == 0.0 || norm_b == 0.0 {
        return None;
    }
    Some((dot / (norm_a * norm_b)).min(1.0))
}

#[cfg(test)]
mod tests {
    use super::cosine;

    #[test]
    fn cosine_by_hand() {
        // Same direction: 1. Orthogonal: 0.
        assert!((cosine(&[1.0, 2.0], &[2.0, 4.0]).unwrap() - 1.0).abs() < 1e-12);
        assert_eq!(cosine(&[1.0, 0.0], &[0.0, 3.0]), Some(0.0));
        // (1,1)·(1,0) = 1; |(1,1)| = √2; cos = 1/√2.
        assert!((cosine(&[1.0, 1.0], &[1.0, 0.0]).unwrap() - 0.5f64.sqrt()).abs() < 1e-12);
        assert_eq!(cosine(&[1.0], &[1.0, 2.0]), None);
        assert_eq!(cosine(&[0.0, 0.0], &[1.0, 2.0]), None);
    }
}
