//! Drawing pieces of the evaluation charts: the tiers (reward, warning,
//! named for exit) as colour, pattern and marker glyph, the tier legend,
//! and rank-change arrows.
//!
//! A tier is never told by colour alone: a reward bar is solid with a star,
//! a warning bar hatched one way with a triangle, an exit bar cross-hatched
//! with a cross; the legend names each.

use plotters::element::Polygon;
use plotters::prelude::DrawingBackend;
use plotters::style::{Color, RGBColor, TextStyle};
use plotters_backend::text_anchor::{HPos, VPos};

use super::marks::{
    anchored, draw_circle, draw_line, draw_path, draw_rect, draw_text, text_width, wrap_text,
};
use super::paragraph::draw_lines;
use super::style;
use super::style::{LEGEND_LINE, NOTE_LINE, PAD, TITLE_LINE};
use super::{Area, ChartError, Layout};
use crate::metrics::dynamic::Tier;
use crate::views::rules::Rule;

/// A tier's colour (see `style`).
pub fn tier_color(tier: Option<Tier>) -> RGBColor {
    let palette = style::palette();
    match tier {
        Some(Tier::Reward) => palette.tier_reward,
        Some(Tier::Warning) => palette.tier_warning,
        Some(Tier::Exit) => palette.tier_exit,
        None => palette.tier_none,
    }
}

/// Diagonal lines `spacing` pixels apart across the box `(x0, y0)–(x1, y1)`,
/// clipped to it: rising (/) or falling (\).
pub fn hatch_lines(
    (x0, y0): (i32, i32),
    (x1, y1): (i32, i32),
    spacing: i32,
    rising: bool,
) -> Vec<[(i32, i32); 2]> {
    let h = y1 - y0;
    if h <= 0 || x1 <= x0 || spacing <= 0 {
        return Vec::new();
    }
    let mut lines = Vec::new();
    let mut xs = x0 - h;
    while xs < x1 {
        // The unclipped line runs from (xs, bottom) to (xs + h, top) when
        // rising, from (xs, top) to (xs + h, bottom) when falling.
        let (a, b) = (xs.max(x0), (xs + h).min(x1));
        if a < b {
            let y_at = |x: i32| {
                if rising {
                    y1 - (x - xs)
                } else {
                    y0 + (x - xs)
                }
            };
            lines.push([(a, y_at(a)), (b, y_at(b))]);
        }
        xs += spacing;
    }
    lines
}

/// A bar in a tier's colour and, when `patterned` (bars tall enough to show
/// it), its pattern: a warning hatched (/), an exit cross-hatched (× ), a
/// reward or no tier solid.
pub fn draw_tier_bar<DB: DrawingBackend>(
    area: &Area<DB>,
    (x0, y0): (i32, i32),
    (x1, y1): (i32, i32),
    tier: Option<Tier>,
    patterned: bool,
) -> Result<(), ChartError> {
    draw_rect(area, [(x0, y0), (x1, y1)], tier_color(tier).filled())?;
    if !patterned {
        return Ok(());
    }
    let stroke = style::stroke(&style::palette().background, 2);
    let hatches = match tier {
        Some(Tier::Warning) => vec![hatch_lines((x0, y0), (x1, y1), 6, true)],
        Some(Tier::Exit) => vec![
            hatch_lines((x0, y0), (x1, y1), 8, true),
            hatch_lines((x0, y0), (x1, y1), 8, false),
        ],
        Some(Tier::Reward) | None => Vec::new(),
    };
    for lines in hatches {
        draw_path(area, zigzag(&lines), stroke)?;
    }
    Ok(())
}

/// Hatch lines joined into one path, every other line walked backwards, so
/// a bar's pattern is one stroke, not one per line (the joins run along the
/// bar's edges, where a background-coloured stroke only trims its border).
pub fn zigzag(lines: &[[(i32, i32); 2]]) -> Vec<(i32, i32)> {
    lines
        .iter()
        .enumerate()
        .flat_map(|(k, [a, b])| if k % 2 == 0 { [*a, *b] } else { [*b, *a] })
        .collect()
}

/// The star's ten corners as (cos, sin) of −90° + k·36°, outer and inner
/// alternating, written out: computing them would bring `sin` and `cos`
/// (and their argument reduction, some 8 KB) into the wasm for one glyph.
const STAR: [(f64, f64); 10] = [
    (0.0, -1.0),
    (0.587_785_252_292_473_1, -0.809_016_994_374_947_5),
    (0.951_056_516_295_153_5, -0.309_016_994_374_947_4),
    (0.951_056_516_295_153_5, 0.309_016_994_374_947_4),
    (0.587_785_252_292_473_1, 0.809_016_994_374_947_5),
    (0.0, 1.0),
    (-0.587_785_252_292_473_1, 0.809_016_994_374_947_5),
    (-0.951_056_516_295_153_5, 0.309_016_994_374_947_4),
    (-0.951_056_516_295_153_5, -0.309_016_994_374_947_4),
    (-0.587_785_252_292_473_1, -0.809_016_994_374_947_5),
];

/// A tier's marker glyph of radius `r` at `(x, y)`: a star for a reward, a
/// triangle (a warning sign) for a warning, a cross for an exit, and for no
/// tier a hollow circle when `none_circle` (else nothing).
pub fn draw_tier_glyph<DB: DrawingBackend>(
    area: &Area<DB>,
    tier: Option<Tier>,
    (x, y): (i32, i32),
    r: i32,
    none_circle: bool,
) -> Result<(), ChartError> {
    let color = tier_color(tier);
    match tier {
        Some(Tier::Reward) => {
            let points: Vec<(i32, i32)> = STAR
                .iter()
                .enumerate()
                .map(|(k, (cos, sin))| {
                    let radius = if k % 2 == 0 {
                        r as f64
                    } else {
                        r as f64 * 0.45
                    };
                    (
                        x + (radius * cos).round() as i32,
                        y + (radius * sin).round() as i32,
                    )
                })
                .collect();
            area.draw(&Polygon::new(points, color.filled()))?;
        }
        Some(Tier::Warning) => {
            let points = vec![(x, y - r), (x + r, y + r - 1), (x - r, y + r - 1)];
            area.draw(&Polygon::new(points, color.filled()))?;
        }
        Some(Tier::Exit) => {
            let stroke = style::stroke(&color, 3);
            let d = r - 1;
            draw_line(area, (x - d, y - d), (x + d, y + d), stroke)?;
            draw_line(area, (x - d, y + d), (x + d, y - d), stroke)?;
        }
        None if none_circle => {
            draw_circle(area, (x, y), r - 1, style::stroke(&color, 2))?;
        }
        None => {}
    }
    Ok(())
}

/// The glyph of a rule that fired, radius `r` at `(x, y)`, in its tier's
/// colour: top k a star, a rise a filled square with a white chevron (a
/// badge, unlike the rank change's stroked arrows), bottom k a filled
/// circle, a score below the threshold a filled diamond, exit a cross. No
/// warning is a triangle: beside the rank change's ↑ and ↓ a triangle reads
/// as a direction.
pub fn draw_rule_glyph<DB: DrawingBackend>(
    area: &Area<DB>,
    rule: Rule,
    (x, y): (i32, i32),
    r: i32,
) -> Result<(), ChartError> {
    let color = tier_color(Some(rule.tier())).filled();
    match rule {
        Rule::Rise => {
            draw_rect(area, [(x - r, y - r), (x + r, y + r)], color)?;
            let h = r / 2 + 1;
            let chevron = vec![(x - h, y + h / 2), (x, y - h / 2), (x + h, y + h / 2)];
            let white = style::stroke(&style::palette().background, 2);
            draw_path(area, chevron, white)?;
        }
        Rule::Bottom => draw_circle(area, (x, y), r, color)?,
        Rule::Below => {
            let points = vec![(x, y - r - 1), (x + r, y), (x, y + r + 1), (x - r, y)];
            area.draw(&Polygon::new(points, color))?;
        }
        _ => draw_tier_glyph(area, Some(rule.tier()), (x, y), r, false)?,
    }
    Ok(())
}

/// An arrow up (rose), down (fell) or an equals sign (unchanged) with the
/// number of places, right-aligned at `right`, centred on `y`; nothing when
/// there is no previous year. Direction is told by the arrow's shape, not by
/// colour.
pub fn draw_change<DB: DrawingBackend>(
    area: &Area<DB>,
    change: Option<i64>,
    (right, y): (i32, i32),
    text: &TextStyle,
) -> Result<(), ChartError> {
    let Some(change) = change else {
        return Ok(());
    };
    let label = if change == 0 {
        "=".to_string()
    } else {
        change.abs().to_string()
    };
    let style = anchored(text, HPos::Right, VPos::Center);
    draw_text(area, &label, (right, y), &style)?;
    if change == 0 {
        return Ok(());
    }
    let x = right - text_width(area, &label, &style) - 6;
    draw_arrow(area, (x, y), change > 0)
}

/// A vertical arrow 12 pixels long centred on `(x, y)`, pointing up or down.
pub fn draw_arrow<DB: DrawingBackend>(
    area: &Area<DB>,
    (x, y): (i32, i32),
    up: bool,
) -> Result<(), ChartError> {
    let stroke = style::stroke(&style::palette().text, 2);
    let (tip, tail, head) = if up {
        (
            (x, y - 6),
            (x, y + 6),
            [(x - 4, y - 2), (x, y - 6), (x + 4, y - 2)],
        )
    } else {
        (
            (x, y + 6),
            (x, y - 6),
            [(x - 4, y + 2), (x, y + 6), (x + 4, y + 2)],
        )
    };
    draw_line(area, tail, tip, stroke)?;
    draw_path(area, head.to_vec(), stroke)?;
    Ok(())
}

/// How many columns the legend grid has at `width`.
pub fn legend_columns(width: i32, entries: usize) -> usize {
    let columns = if width >= 640 {
        5
    } else if width >= 480 {
        3
    } else {
        2
    };
    columns.min(entries.max(1))
}

/// Each legend label at `width` broken into the lines of its cell (by the
/// width estimate, so that the height reserved and the drawing agree): a
/// long label wraps onto more lines instead of being cut.
fn legend_label_lines(width: i32, labels: &[&str]) -> Vec<Vec<String>> {
    let columns = legend_columns(width, labels.len()).max(1);
    let room = ((width - 2 * PAD) / columns as i32 - 34).max(24);
    labels
        .iter()
        .map(|label| super::paragraph::wrap(label, room, super::style::FONT_SMALL))
        .collect()
}

/// Pixels between a wrapped legend label's lines.
const LEGEND_WRAP: i32 = 15;

/// The height in pixels of each grid row of the legend of `labels` at
/// `width`: one [`LEGEND_LINE`] and [`LEGEND_WRAP`] per extra wrapped line.
fn legend_row_heights(width: i32, labels: &[&str]) -> Vec<i32> {
    let columns = legend_columns(width, labels.len()).max(1);
    legend_label_lines(width, labels)
        .chunks(columns)
        .map(|row| {
            let lines = row.iter().map(Vec::len).max().unwrap_or(1).max(1) as i32;
            LEGEND_LINE + (lines - 1) * LEGEND_WRAP
        })
        .collect()
}

/// The height in pixels the legend of `labels` takes at `width`.
pub fn legend_height(width: i32, labels: &[&str]) -> i32 {
    legend_row_heights(width, labels).iter().sum()
}

/// One legend entry: what to draw before its label.
pub enum LegendKey<'a> {
    /// A tier: a patterned swatch and its glyph.
    Tier(Option<Tier>),
    /// A tier's marker glyph alone (a hollow circle for no tier).
    Glyph(Option<Tier>),
    /// A tier's swatch alone.
    Swatch(Option<Tier>),
    /// A rule's glyph.
    Rule(Rule),
    /// The rank-change arrow.
    Change,
    /// Drawn by the caller's closure into a 28 × 14 box at the given left
    /// and centre.
    Custom(&'a dyn Fn((i32, i32)) -> Result<(), ChartError>),
}

/// Draws legend entries in a grid of [`legend_columns`] from `(x, y)` over
/// `width` pixels (the chart's width less its padding); labels wrap in
/// their cell, as [`legend_height`] reserves.
pub fn draw_legend<DB: DrawingBackend>(
    area: &Area<DB>,
    entries: &[(LegendKey, &str)],
    (x, y): (i32, i32),
    width: i32,
    text: &TextStyle,
) -> Result<(), ChartError> {
    let labels: Vec<&str> = entries.iter().map(|(_, label)| *label).collect();
    let columns = legend_columns(width + 2 * PAD, entries.len()).max(1);
    let cell = width / columns as i32;
    let heights = legend_row_heights(width + 2 * PAD, &labels);
    let lines = legend_label_lines(width + 2 * PAD, &labels);
    for (i, (key, _)) in entries.iter().enumerate() {
        let left = x + cell * (i % columns) as i32;
        let row = i / columns;
        let centre = y + heights[..row].iter().sum::<i32>() + LEGEND_LINE / 2;
        match key {
            LegendKey::Tier(tier) => {
                draw_tier_bar(
                    area,
                    (left, centre - 6),
                    (left + 14, centre + 6),
                    *tier,
                    true,
                )?;
                draw_tier_glyph(area, *tier, (left + 22, centre), 5, false)?;
            }
            LegendKey::Glyph(tier) => {
                draw_tier_glyph(area, *tier, (left + 13, centre), 5, true)?;
            }
            LegendKey::Swatch(tier) => {
                draw_tier_bar(
                    area,
                    (left, centre - 6),
                    (left + 22, centre + 6),
                    *tier,
                    true,
                )?;
            }
            LegendKey::Rule(rule) => draw_rule_glyph(area, *rule, (left + 13, centre), 6)?,
            LegendKey::Change => {
                draw_arrow(area, (left + 8, centre), true)?;
                draw_arrow(area, (left + 20, centre), false)?;
            }
            LegendKey::Custom(draw) => draw((left, centre))?,
        }
        for (k, line) in lines[i].iter().enumerate() {
            draw_text(
                area,
                line,
                (left + 31, centre + LEGEND_WRAP * k as i32),
                &anchored(text, HPos::Left, VPos::Center),
            )?;
        }
    }
    Ok(())
}

/// Evenly spaced rank ticks from 1 to `max`: 1 and multiples of a step of
/// 1, 2, 5, 10, 20, 50… chosen so that at most `most` ticks fit.
pub fn rank_ticks(max: usize, most: usize) -> Vec<usize> {
    rank_ticks_from(1, max, most)
}

/// [`rank_ticks`] of the ranks `first..=max`: `first`, then the multiples
/// of the step after it, but not one within half a step of `first` (its
/// label would sit on `first`'s, and there would be one tick too many).
pub fn rank_ticks_from(first: usize, max: usize, most: usize) -> Vec<usize> {
    if max < first.max(1) {
        return Vec::new();
    }
    // From a first rank off the steps, a step may give one multiple more.
    let (most, span) = (most.max(2) - usize::from(first > 1), max - first + 1);
    let mut step = 1;
    let mut k = 0;
    while span / step + 1 > most {
        step = [1, 2, 5][(k + 1) % 3] * 10usize.pow(((k + 1) / 3) as u32);
        k += 1;
    }
    let mut ticks = vec![first];
    ticks.extend(
        (first / step + 1..=max / step)
            .map(|i| i * step)
            .filter(|&t| 2 * (t - first) >= step),
    );
    ticks
}

/// Draws what an evaluation chart shows when the evaluation failed: the
/// error in words under its title (drawn by
/// [`marks::draw_title`](super::marks::draw_title)), and no marks.
pub(super) fn draw_error<DB: DrawingBackend>(
    area: &Area<DB>,
    title: &str,
    error: &str,
    width: i32,
    text: &TextStyle,
) -> Result<Layout, ChartError> {
    let title = super::marks::title_lines(title, width);
    let below = PAD + TITLE_LINE * title.len().max(1) as i32;
    let lines = wrap_text(area, error, width - 2 * PAD, 4, text);
    draw_lines(area, &lines, (PAD, below), NOTE_LINE, text)?;
    Ok(Layout::default())
}

/// Draws an evaluation chart's legend under its title and the method note
/// under the legend, where `header` in each chart reserves them.
pub(super) fn draw_legend_and_note<DB: DrawingBackend>(
    area: &Area<DB>,
    title: &str,
    entries: &[(LegendKey, &str)],
    note: &str,
    width: i32,
    muted: &TextStyle,
) -> Result<(), ChartError> {
    let legend_top = PAD + title_lines(title, width) * TITLE_LINE + 4;
    draw_legend(area, entries, (PAD, legend_top), width - 2 * PAD, muted)?;
    let labels: Vec<&str> = entries.iter().map(|(_, label)| *label).collect();
    let note_top = legend_top + legend_height(width, &labels) + 2;
    let lines = wrap_text(
        area,
        note,
        width - 2 * PAD,
        note_lines(note, width) as usize,
        muted,
    );
    draw_lines(area, &lines, (PAD, note_top), NOTE_LINE, muted)?;
    Ok(())
}

/// Lines the evaluation charts give their title: two on a phone (below
/// 560 px), where long Chinese titles wrap, else one; more wherever the
/// title needs them (by the width estimate, so the title is never shortened).
pub(super) fn title_lines(title: &str, width: i32) -> i32 {
    let reserved = if width < 560 { 2 } else { 1 };
    reserved.max(super::marks::title_lines(title, width).len() as i32)
}

/// Lines the evaluation charts reserve for their method note: three on a
/// phone, two elsewhere; more wherever the note needs them (by the width
/// estimate, so that a long list of exited zones is never cut).
pub(super) fn note_lines(note: &str, width: i32) -> i32 {
    let reserved = if width < 560 { 3 } else { 2 };
    let needed = super::paragraph::wrap(note, (width - 2 * PAD).max(1), super::style::FONT_SMALL);
    reserved.max(needed.len() as i32)
}

#[cfg(test)]
mod tests;
