//! Value axes: a linear or logarithmic map from data to pixels, with "nice"
//! ticks (1, 2 or 5 × 10ᵏ apart on a linear axis; powers of ten, and 2 and 5
//! times them over few decades, on a log axis) and their labels.

use plotters::prelude::DrawingBackend;
use plotters_backend::text_anchor::{HPos, VPos};

use super::marks::{anchored, draw_line, draw_text, text_style, text_width};
use super::style::{self, FONT_SMALL};
use super::{Area, ChartError};
use crate::format::{self, Fixed};

/// A map from `lo..=hi` in data units to `from..=to` in pixels (`to` may be
/// smaller than `from`, for a y axis that grows upwards).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    lo: f64,
    hi: f64,
    from: i32,
    to: i32,
    log: bool,
    /// The distance between linear ticks; unused on a log axis.
    step: f64,
}

impl Scale {
    /// A linear axis over `lo..=hi`, widened outwards to whole ticks, about
    /// `ticks` of them.
    pub fn linear(lo: f64, hi: f64, (from, to): (i32, i32), ticks: usize) -> Scale {
        let (lo, hi) = finite_range(lo, hi);
        let step = nice_step((hi - lo) / ticks.max(1) as f64);
        Scale {
            lo: (lo / step).floor() * step,
            hi: (hi / step).ceil() * step,
            from,
            to,
            log: false,
            step,
        }
    }

    /// A log axis over `lo..=hi` (both > 0; others fall back to 1..=10),
    /// widened outwards to 1, 2 or 5 × 10ᵏ, within `LOG_LIMIT`: beyond it
    /// 10ᵏ underflows to 0 or overflows to ∞ (a value of 5e-324 is valid
    /// data), and values past the ends sit at the ends.
    pub fn log(lo: f64, hi: f64, (from, to): (i32, i32)) -> Scale {
        let lo = if lo > 0.0 && lo.is_finite() { lo } else { 1.0 };
        let lo = lo.clamp(1.0 / LOG_LIMIT, LOG_LIMIT / 10.0);
        let hi = if hi > lo && hi.is_finite() {
            hi.min(LOG_LIMIT)
        } else {
            lo * 10.0
        };
        let lo = round_125(lo, false);
        let hi = round_125(hi, true).max(lo * 10.0);
        Scale {
            lo,
            hi,
            from,
            to,
            log: true,
            step: 0.0,
        }
    }

    pub fn is_log(&self) -> bool {
        self.log
    }

    /// The pixel of `value`, clamped to the axis (a log axis puts values ≤ 0
    /// at its low end).
    pub fn map(&self, value: f64) -> i32 {
        let t = if self.log {
            let v = value.max(self.lo);
            (v.log10() - self.lo.log10()) / (self.hi.log10() - self.lo.log10())
        } else {
            (value - self.lo) / (self.hi - self.lo)
        };
        let t = if t.is_finite() {
            t.clamp(0.0, 1.0)
        } else {
            0.0
        };
        self.from + ((self.to - self.from) as f64 * t).round() as i32
    }

    /// The tick values, low to high.
    /// The whole exponents a log axis's ticks are tried at, a bounded count
    /// (the ends are within `LOG_LIMIT`): every `stride`-th decade, at most
    /// eleven of them.
    fn log_exponents(&self) -> std::iter::StepBy<std::ops::RangeInclusive<i32>> {
        let first = self.lo.log10().floor() as i32;
        let last = self.hi.log10().ceil() as i32;
        let stride = (last.saturating_sub(first).max(0) as usize)
            .div_ceil(10)
            .max(1);
        (first..=last).step_by(stride)
    }

    pub fn ticks(&self) -> Vec<f64> {
        if self.log {
            // 1-2-5 over up to two and a half decades, else powers of ten
            // and the axis's ends.
            let decades = self.hi.log10() - self.lo.log10();
            let multiples: &[f64] = if decades <= 2.5 {
                &[1.0, 2.0, 5.0]
            } else {
                &[1.0]
            };
            let inside = |v: f64| v >= self.lo * 0.999_999 && v <= self.hi * 1.000_001;
            let mut ticks = vec![self.lo];
            for k in self.log_exponents() {
                let power = 10f64.powi(k);
                for m in multiples {
                    let v = power * m;
                    if inside(v) && v > ticks[ticks.len() - 1] * 1.000_001 {
                        ticks.push(v);
                    }
                }
            }
            if self.hi > ticks[ticks.len() - 1] * 1.000_001 {
                ticks.push(self.hi);
            }
            ticks
        } else {
            let n = ((self.hi - self.lo) / self.step).round() as i64;
            (0..=n.clamp(0, 1000))
                .map(|i| self.lo + self.step * i as f64)
                .collect()
        }
    }

    /// A tick's label: thousands separators, as many decimals as the ticks
    /// need ("0.5", "1,000"), or a percentage for a share axis.
    pub fn tick_label(&self, value: f64, percent: bool) -> String {
        if percent {
            let places = if self.step > 0.0 && self.step < 0.01 {
                1
            } else {
                0
            };
            return format::percent(value, places);
        }
        let step = if self.log { value } else { self.step };
        if value != 0.0 && !(1e-6..1e15).contains(&value.abs()) {
            // 1e-240, not 240 zeros; as many digits as the step needs
            // (the mantissa through `format::Fixed`: Rust's `{:e}` costs
            // the wasm its own float formatter).
            let exponent = value.abs().log10().floor();
            let digits = (exponent - step.abs().log10().floor()).clamp(0.0, 6.0);
            let mantissa = value / 10f64.powi(exponent as i32);
            return format!("{}e{}", Fixed(mantissa, digits as usize), exponent as i32);
        }
        let places = if step >= 1.0 || step <= 0.0 {
            0
        } else {
            (-step.log10().floor()) as usize
        };
        format::grouped(value, places.min(6))
    }
}

/// A horizontal value axis: a grid line from `top` to `bottom` at each tick
/// and its label under `bottom`; a label that would touch the one before it
/// is left out (the grid line stays).
pub fn draw_x_axis<DB: DrawingBackend>(
    area: &Area<DB>,
    scale: &Scale,
    (top, bottom): (i32, i32),
    percent: bool,
) -> Result<(), ChartError> {
    let palette = style::palette();
    let label_style = anchored(
        &text_style(FONT_SMALL, &palette.text_muted),
        HPos::Center,
        VPos::Top,
    );
    let mut last_right = i32::MIN;
    for tick in scale.ticks() {
        let x = scale.map(tick);
        draw_line(area, (x, top), (x, bottom), palette.grid.into())?;
        let label = scale.tick_label(tick, percent);
        let half = text_width(area, &label, &label_style) / 2 + 1;
        if x - half > last_right + 6 {
            draw_text(area, &label, (x, bottom + 5), &label_style)?;
            last_right = x + half;
        }
    }
    draw_line(
        area,
        (scale.map(scale.lo), bottom),
        (scale.map(scale.hi), bottom),
        palette.reference.into(),
    )?;
    Ok(())
}

/// A vertical value axis: a grid line from `left` to `right` at each tick and
/// its label right-aligned before `left`.
pub fn draw_y_axis<DB: DrawingBackend>(
    area: &Area<DB>,
    scale: &Scale,
    (left, right): (i32, i32),
    percent: bool,
) -> Result<(), ChartError> {
    let palette = style::palette();
    let label_style = anchored(
        &text_style(FONT_SMALL, &palette.text_muted),
        HPos::Right,
        VPos::Center,
    );
    let mut last_top = i32::MAX;
    for tick in scale.ticks() {
        let y = scale.map(tick);
        draw_line(area, (left, y), (right, y), palette.grid.into())?;
        if y + 8 < last_top {
            draw_text(
                area,
                &scale.tick_label(tick, percent),
                (left - 4, y),
                &label_style,
            )?;
            last_top = y - 8;
        }
    }
    draw_line(
        area,
        (left, scale.map(scale.lo)),
        (left, scale.map(scale.hi)),
        palette.reference.into(),
    )?;
    Ok(())
}

/// The width of the widest tick label, for the margin a y axis needs.
pub fn widest_label<DB: DrawingBackend>(area: &Area<DB>, scale: &Scale, percent: bool) -> i32 {
    let label_style = text_style(FONT_SMALL, &style::palette().text_muted);
    scale
        .ticks()
        .iter()
        .map(|t| text_width(area, &scale.tick_label(*t, percent), &label_style))
        .max()
        .unwrap_or(0)
}

/// The widest a log axis goes: 10⁻³⁰⁰..10³⁰⁰ (10ᵏ stays a normal f64).
const LOG_LIMIT: f64 = 1e300;

/// The widest a linear axis goes: ±10³⁰⁷, so that `hi - lo` stays finite.
const LINEAR_LIMIT: f64 = 1e307;

/// `lo..hi` with `lo < hi`, both finite and within `LINEAR_LIMIT`.
fn finite_range(lo: f64, hi: f64) -> (f64, f64) {
    let lo = if lo.is_finite() { lo } else { 0.0 };
    let hi = if hi.is_finite() { hi } else { lo + 1.0 };
    let (lo, hi) = (
        lo.clamp(-LINEAR_LIMIT, LINEAR_LIMIT),
        hi.clamp(-LINEAR_LIMIT, LINEAR_LIMIT),
    );
    if hi > lo {
        (lo, hi)
    } else if lo == 0.0 {
        (0.0, 1.0)
    } else {
        (lo - lo.abs() * 0.5, lo + lo.abs() * 0.5)
    }
}

/// 10ᵏ for a whole k (from a `log10().floor()`), through `powi` rather
/// than `powf` (libm's `pow` would be in the wasm for these two calls
/// alone): exact up to 10²², and below 10⁻³⁰⁰ in two steps, as 10ᵏ⁺³⁰⁰ ×
/// 10⁻³⁰⁰, since `powi` takes the reciprocal of 10³⁰⁰⁺, which overflows.
fn pow10(k: f64) -> f64 {
    let k = k as i32;
    if k < -300 {
        10f64.powi(k + 300) * 1e-300
    } else {
        10f64.powi(k)
    }
}

/// The largest 1, 2 or 5 × 10ᵏ at most `value` (`up`: the smallest at least
/// `value`); `value` > 0.
fn round_125(value: f64, up: bool) -> f64 {
    let power = pow10(value.log10().floor());
    let candidates = [0.5, 1.0, 2.0, 5.0, 10.0].map(|m| m * power);
    let found = if up {
        candidates.iter().find(|c| **c >= value * (1.0 - 1e-9))
    } else {
        candidates
            .iter()
            .rev()
            .find(|c| **c <= value * (1.0 + 1e-9))
    };
    found.copied().unwrap_or(power)
}

/// The smallest of 1, 2, 5 × 10ᵏ at least `raw`.
fn nice_step(raw: f64) -> f64 {
    if !(raw > 0.0 && raw.is_finite()) {
        return 1.0;
    }
    let power = pow10(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * power)
}

#[cfg(test)]
mod tests;
