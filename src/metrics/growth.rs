//! Growth over time: year-on-year growth rates and the compound annual
//! growth rate (CAGR). `None` wherever a rate is undefined.

/// Growth rate from one value to the next: g = x_t / x_{t−1} − 1.
///
/// `None` when either value is missing or not finite, or the earlier value is
/// not positive (a rate from zero or from a negative base means nothing).
pub fn growth_rate(previous: Option<f64>, current: Option<f64>) -> Option<f64> {
    let (before, now) = (previous?, current?);
    if !before.is_finite() || !now.is_finite() || before <= 0.0 {
        return None;
    }
    Some(now / before - 1.0)
}

/// Year-on-year growth of a series of consecutive years: `out[t] =
/// growth_rate(x[t − 1], x[t])` (see [`growth_rate`]); `out[0]` is `None` (no
/// year before).
pub fn year_on_year(series: &[Option<f64>]) -> Vec<Option<f64>> {
    let mut out = Vec::with_capacity(series.len());
    for t in 0..series.len() {
        out.push(if t == 0 {
            None
        } else {
            growth_rate(series[t - 1], series[t])
        });
    }
    out
}

/// Compound annual growth rate over `years` years:
/// CAGR = (x_last / x_first)^(1/years) − 1.
///
/// `None` when `years` is 0, a value is missing or not finite, the first
/// value is not positive or the last is negative.
pub fn cagr(first: Option<f64>, last: Option<f64>, years: u32) -> Option<f64> {
    let (first, last) = (first?, last?);
    if years == 0 || !first.is_finite() || !last.is_finite() || first <= 0.0 || last < 0.0 {
        return None;
    }
    // The root as exp(ln(r) / years): the same number to within rounding,
    // without bringing libm's `pow` (2 KB) into the wasm for this one use
    // (`ln` and `exp` are there for the geometric mean).
    Some(((last / first).ln() / f64::from(years)).exp() - 1.0)
}

/// CAGR between the first and last entries of a series of consecutive
/// years (2018..=2022 is 4 years of growth).
pub fn series_cagr(series: &[Option<f64>]) -> Option<f64> {
    let years = u32::try_from(series.len().checked_sub(1)?).ok()?;
    cagr(*series.first()?, *series.last()?, years)
}

#[cfg(test)]
mod tests;
