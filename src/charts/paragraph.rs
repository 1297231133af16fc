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
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '》'
            | '」'
            | '』'
            | '】'
            | '”'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | '%'
    )
}

/// Punctuation that must not end a line.
fn opens(c: char) -> bool {
    matches!(c, '（' | '《' | '「' | '『' | '【' | '“' | '(')
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
    // Where the tokens end: a token is a run of spaces, a run of non-wide
    // non-space characters (a word), or one wide character with any
    // punctuation that follows it. Every line is a slice of the text.
    let mut ends: Vec<usize> = Vec::new();
    let mut prev = None;
    for (at, c) in text.char_indices() {
        let glue = match prev {
            None => true,
            Some(p) => {
                closes(c)
                    || (opens(p) && c != ' ')
                    || (c == ' ' && p == ' ')
                    || (!is_wide(c) && c != ' ' && !is_wide(p) && p != ' ')
            }
        };
        if !glue {
            ends.push(at);
        }
        prev = Some(c);
    }
    if !text.is_empty() {
        ends.push(text.len());
    }
    let mut lines: Vec<String> = Vec::new();
    // The line is text[from..to]; `next` is the first token after it, and
    // `guess` how many tokens the line before held (the first line guesses
    // the whole text).
    let (mut from, mut to, mut next, mut guess) = (0, 0, 0, ends.len());
    let mut first = 0; // the line's first token
    while next < ends.len() {
        if from == to {
            // A line's first token is taken whatever its width.
            first = next;
            to = ends[next];
            next += 1;
        } else {
            // As many of the next tokens as fit beside the line (widths grow
            // with the text): tried at the guess, doubled while it fits,
            // then halved. A fitting rest of a text is one measurement, a
            // break about log2 of a line's tokens, and a long text is not
            // measured to its end for every line (a token at a time
            // measured every token: a browser's measurement is a call out
            // of the wasm).
            let fits = |end: usize| width(text[from..ends[end - 1]].trim_end()) <= max_width;
            let (mut lo, mut hi) = (next, (first + guess).clamp(next + 1, ends.len()));
            while fits(hi) {
                lo = hi;
                if hi == ends.len() {
                    break;
                }
                hi = (next + 2 * (hi - next)).min(ends.len());
            }
            if lo < ends.len() {
                lo = longest(lo, hi, fits);
            }
            if lo > next {
                to = ends[lo - 1];
                next = lo;
                if next == ends.len() {
                    continue;
                }
            }
            guess = next - first;
            // The next token does not fit beside the line: it starts one.
            lines.push(text[from..to].trim_end().to_string());
            let token = &text[to..ends[next]];
            from = to + token.len() - token.trim_start().len();
            to = ends[next];
            next += 1;
        }
        // A token wider than a line on its own: break it by characters.
        // The longest prefix that fits, by halving (widths grow with the
        // prefix): a character at a time measured a 4,000-character word
        // some 10⁷ times.
        while width(text[from..to].trim_end()) > max_width && text[from..to].chars().count() > 1 {
            let chars: Vec<char> = text[from..to].chars().collect();
            let fits = |keep: usize| width(&chars[..keep].iter().collect::<String>()) <= max_width;
            // At least one character a line.
            let kept: String = chars[..longest(1, chars.len(), fits)].iter().collect();
            from += kept.len();
            lines.push(kept);
        }
    }
    if !text[from..to].trim().is_empty() {
        lines.push(text[from..to].trim_end().to_string());
    }
    lines
}

/// The largest `n` in `lo..hi` for which `fits(n)`, by halving, given that
/// `fits` holds up to some point and not after it and `!fits(hi)`: `lo`
/// itself is returned untested (the caller's fallback when nothing fits).
pub fn longest(mut lo: usize, mut hi: usize, fits: impl Fn(usize) -> bool) -> usize {
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    lo
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
