//! Text that wraps: titles, notes and keys that must fit a 360 px phone.
//!
//! Line breaks are decided from an estimate of the text's width (a CJK
//! character is 1 em, anything else 0.6 em: generous for the sans-serif
//! fonts of every system), not from the backend's measure, so that a chart's
//! `preferred_height` (which has no backend) and its `draw` break the same
//! lines.

use plotters::prelude::DrawingBackend;
use plotters::style::TextStyle;

use super::marks::{draw_text, text_width};
use super::{Area, ChartError};

/// The estimated width of `text` at `size` px.
pub fn estimate_width(text: &str, size: f64) -> i32 {
    let ems: f64 = text
        .chars()
        .map(|c| if is_wide(c) { 1.0 } else { 0.6 })
        .sum();
    (ems * size).ceil() as i32
}

/// The wider of the backend's measure and the estimate: what layout
/// decisions (label columns, "does it fit") use.
pub fn measure<DB: DrawingBackend>(
    area: &Area<DB>,
    text: &str,
    style: &TextStyle,
    size: f64,
) -> i32 {
    text_width(area, text, style).max(estimate_width(text, size))
}

/// `text` as it fits in `max_width` px: whole when its estimate fits (so
/// snapshots, measured by plotters' crude native rule, match the layout),
/// else shortened with "…" by the backend's measure (see
/// [`fit_text`](super::marks::fit_text)).
pub fn fit<DB: DrawingBackend>(
    area: &Area<DB>,
    text: &str,
    max_width: i32,
    style: &TextStyle,
    size: f64,
) -> String {
    if estimate_width(text, size) <= max_width {
        text.to_string()
    } else {
        super::marks::fit_text(area, text, max_width, style)
    }
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

/// Punctuation that must not start a line.
fn closes(c: char) -> bool {
    "，。、；：？！）》」』】”,.;:?!)%".contains(c)
}

/// Punctuation that must not end a line.
fn opens(c: char) -> bool {
    "（《「『【“(".contains(c)
}

/// `text` broken into lines no wider than `max_width` px (estimated) at
/// `size` px (see [`wrap_by`]).
pub fn wrap(text: &str, max_width: i32, size: f64) -> Vec<String> {
    wrap_by(text, max_width, &|s| estimate_width(s, size))
}

/// `text` broken into lines no wider than `max_width` px as `width`
/// measures them: at spaces, or between CJK characters, never before closing
/// or after opening punctuation; a word longer than a line is broken where
/// it must. Never empty for a non-empty text. The one line breaker of every
/// chart: [`wrap`] measures by the estimate,
/// [`wrap_text`](super::marks::wrap_text) by the backend.
pub fn wrap_by(text: &str, max_width: i32, width: &dyn Fn(&str) -> i32) -> Vec<String> {
    // Tokens: a run of spaces, a run of non-wide non-space characters (a
    // word), or one wide character with any punctuation that follows it.
    let mut tokens: Vec<String> = Vec::new();
    for c in text.chars() {
        let glue = match tokens.last() {
            None => false,
            Some(last) => {
                let prev = last.chars().last().unwrap_or(' ');
                closes(c)
                    || (opens(prev) && c != ' ')
                    || (c == ' ' && prev == ' ')
                    || (!is_wide(c) && c != ' ' && !is_wide(prev) && prev != ' ')
            }
        };
        match tokens.last_mut() {
            Some(last) if glue => last.push(c),
            _ => tokens.push(c.to_string()),
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for token in tokens {
        let candidate = format!("{line}{token}");
        // Measured and within the line: nothing more to check (each token
        // costs one measurement; a browser's is a call out of the wasm).
        let fits = !line.is_empty() && width(candidate.trim_end()) <= max_width;
        if line.is_empty() || fits {
            line = candidate;
        } else {
            lines.push(line.trim_end().to_string());
            line = token.trim_start().to_string();
        }
        if fits {
            continue;
        }
        // A token wider than a line on its own: break it by characters.
        // The longest prefix that fits, by halving (widths grow with the
        // prefix): a character at a time measured a 4,000-character word
        // some 10⁷ times.
        while width(line.trim_end()) > max_width && line.chars().count() > 1 {
            let chars: Vec<char> = line.chars().collect();
            let fits = |keep: usize| width(&chars[..keep].iter().collect::<String>()) <= max_width;
            // At least one character a line; fits(lo) or lo == 1, !fits(hi).
            let (mut lo, mut hi) = (1, chars.len());
            while hi - lo > 1 {
                let mid = (lo + hi) / 2;
                if fits(mid) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let keep = lo;
            lines.push(chars[..keep].iter().collect());
            line = chars[keep..].iter().collect();
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Draws `lines` from `(x, y)` down, `line_height` apart (top-anchored), and
/// returns the y below the last one.
pub fn draw_lines<DB: DrawingBackend>(
    area: &Area<DB>,
    lines: &[String],
    (x, y): (i32, i32),
    line_height: i32,
    style: &TextStyle,
) -> Result<i32, ChartError> {
    let mut y = y;
    for line in lines {
        draw_text(area, line, (x, y), style)?;
        y += line_height;
    }
    Ok(y)
}

#[cfg(test)]
mod tests;
