//! The `theil` chart, the imbalance split (claim C19): Theil T and L of GDP, each
//! split into the part between groups of zones and the part within them.
//!
//! One bar per index and grouping (by level, by metro area), all on one
//! scale: a solid segment for the between part, then one outlined pale
//! segment per group's within part, each labelled inside with its name and
//! share where that fits whole. A segment too narrow for it carries a number
//! instead (where even that fits), and a key under the bar gives each
//! numbered segment's name and share in full, so every part is named at any
//! width (the tooltip and the table give the figures). The line under each
//! bar gives the groups' sizes and shares of GDP.

use plotters::prelude::DrawingBackend;
use plotters::style::Color;
use plotters_backend::text_anchor::{HPos, VPos};

use super::marks::{
    anchored, draw_anchored, draw_rect, draw_text, draw_title, legend_text, text_style, title_lines,
};
use super::paragraph::{draw_lines, estimate_width, wrap};
use super::style::{self, FONT_BODY, FONT_SMALL};
use super::style::{PAD, TITLE_LINE};
use super::{Area, ChartError, Layout, Mark};
use crate::format::Fixed;
use crate::views::theil::{TheilRow, TheilView};

const LINE: i32 = 16;
const BAR: i32 = 24;
/// Room right of the longest bar for its total ("0.524").
const VALUE: i32 = 48;
/// The side of a key entry's numbered swatch.
const KEY_SWATCH: i32 = 14;
/// A key line: the swatches 4 px apart.
const KEY_LINE: i32 = 18;

/// One row's lines at a width.
fn note_lines(row: &TheilRow, width: i32) -> Vec<String> {
    wrap(&row.note, (width - 2 * PAD).max(1), FONT_SMALL)
}

/// How one segment of a bar is drawn and labelled.
struct Segment {
    x_a: i32,
    x_b: i32,
    /// The between part (solid) or a group's within part (outlined).
    between: bool,
    /// "北部 38%": the name (none for the between part) and the share.
    text: String,
    /// Its number in the key under the bar, when `text` does not fit inside.
    key: Option<usize>,
}

/// The largest total, which spans the bars' full length.
fn max_total(view: &TheilView) -> f64 {
    view.rows
        .iter()
        .filter_map(|r| r.total)
        .fold(0.0_f64, f64::max)
}

/// A row's segments at `width`, left to right. Whether a text fits inside
/// is decided on the width estimate, so `preferred_height` (which has no
/// backend) reserves the same key lines `draw` draws.
fn segments(view: &TheilView, row: &TheilRow, width: i32) -> Vec<Segment> {
    let max_total = max_total(view);
    if max_total <= 0.0 {
        return Vec::new();
    }
    let scale =
        |v: f64| ((width - 2 * PAD - VALUE) as f64 * (v / max_total).max(0.0)).round() as i32;
    let mut x = PAD;
    let mut keys = 0;
    let mut out = Vec::new();
    for segment in row.segments(view.lang) {
        let w = scale(segment.value);
        let share = format!("{}%", Fixed(segment.share * 100.0, 0));
        let group = segment.group.and_then(|g| row.groups.get(g));
        let text = match group {
            Some(group) => format!("{} {share}", group.name),
            None => share,
        };
        let key = if estimate_width(&text, FONT_SMALL) <= w - 6 {
            None
        } else {
            keys += 1;
            Some(keys)
        };
        out.push(Segment {
            x_a: x,
            x_b: x + w,
            between: group.is_none(),
            text,
            key,
        });
        x += w;
    }
    out
}

/// The key under a bar: its entries (number, text) in lines that fit.
fn key_lines(segments: &[Segment], width: i32) -> Vec<Vec<(usize, &str)>> {
    let mut lines: Vec<Vec<(usize, &str)>> = Vec::new();
    let mut x = width;
    for segment in segments {
        let Some(number) = segment.key else { continue };
        let w = key_entry_width(&segment.text);
        if lines.is_empty() || x + w > width - PAD {
            lines.push(Vec::new());
            x = PAD;
        }
        if let Some(line) = lines.last_mut() {
            line.push((number, &segment.text));
        }
        x += w;
    }
    lines
}

/// A key entry's width: the numbered swatch, a gap, the text, the gap
/// before the next entry.
fn key_entry_width(text: &str) -> i32 {
    KEY_SWATCH + 4 + estimate_width(text, FONT_SMALL) + 14
}

fn row_height(view: &TheilView, row: &TheilRow, width: i32) -> i32 {
    let key = key_lines(&segments(view, row, width), width).len() as i32;
    LINE + 4 + BAR + 4 + KEY_LINE * key + LINE * note_lines(row, width).len() as i32 + 12
}

fn header(view: &TheilView, width: i32) -> (Vec<String>, i32) {
    let title = title_lines(&view.title, width);
    let top = PAD + TITLE_LINE * title.len() as i32 + 4 + 24;
    (title, top)
}

/// The height this chart wants at `width` CSS pixels.
pub fn preferred_height(view: &TheilView, width: u32) -> u32 {
    let width = width as i32;
    let (_, top) = header(view, width);
    let rows: i32 = view.rows.iter().map(|r| row_height(view, r, width)).sum();
    let missing = wrap(&view.missing_text, (width - 2 * PAD).max(1), FONT_SMALL).len() as i32;
    (top + rows.max(LINE * 2) + LINE * missing + PAD) as u32
}

/// Draws the chart into `area` and returns where each segment went, bar by
/// bar, between part first.
pub fn draw<DB: DrawingBackend>(area: &Area<DB>, view: &TheilView) -> Result<Layout, ChartError> {
    let palette = style::palette();
    let width = draw_title(area, &view.title)?;
    let body = text_style(FONT_BODY, &palette.text);
    let small = text_style(FONT_SMALL, &palette.text);
    let on_blue = text_style(FONT_SMALL, &palette.background);
    let muted = text_style(FONT_SMALL, &palette.text_muted);
    let (title_lines, top) = header(view, width);
    let legend_y = PAD + TITLE_LINE * title_lines.len() as i32 + 4;

    let mut layout = Layout::default();
    if max_total(view) <= 0.0 {
        draw_text(area, &view.empty_text, (PAD, legend_y + 4), &body)?;
        let missing = wrap(&view.missing_text, (width - 2 * PAD).max(1), FONT_SMALL);
        draw_lines(area, &missing, (PAD, legend_y + 26), LINE, &muted)?;
        return Ok(layout);
    }

    // Legend: a solid swatch for between, an outlined pale one for within.
    let centre = legend_y + 8;
    draw_rect(
        area,
        [(PAD, centre - 6), (PAD + 14, centre + 6)],
        palette.blue.filled(),
    )?;
    let x = legend_text(area, &view.legend_between, (PAD + 18, centre), &muted)?;
    draw_rect(
        area,
        [(x, centre - 6), (x + 14, centre + 6)],
        palette.within_fill.filled(),
    )?;
    draw_rect(
        area,
        [(x, centre - 6), (x + 14, centre + 6)],
        palette.blue.into(),
    )?;
    legend_text(area, &view.legend_within, (x + 18, centre), &muted)?;

    let mut y = top;
    let mut datum = 0;
    for row in &view.rows {
        draw_text(area, &row.label, (PAD, y), &body)?;
        let bar_top = y + LINE + 4;
        let segments = segments(view, row, width);
        let labels = row.segments(view.lang);
        match (row.total, segments.last()) {
            (Some(total), Some(last)) if total > 0.0 => {
                for (segment, described) in segments.iter().zip(labels) {
                    let (x_a, x_b) = (segment.x_a, segment.x_b);
                    draw_segment(area, segment.between, (x_a, bar_top), (x_b, bar_top + BAR))?;
                    let style = if segment.between { &on_blue } else { &small };
                    // The name and share inside, or the key's number where
                    // that fits, or nothing (the key still lists it).
                    let inside = match segment.key {
                        None => Some(segment.text.clone()),
                        Some(n) => {
                            let n = n.to_string();
                            (estimate_width(&n, FONT_SMALL) <= x_b - x_a - 4).then_some(n)
                        }
                    };
                    if let Some(text) = inside {
                        let (at, h) = if segment.key.is_some() {
                            ((x_a + x_b) / 2, HPos::Center)
                        } else {
                            (x_a + 3, HPos::Left)
                        };
                        draw_text(
                            area,
                            &text,
                            (at, bar_top + BAR / 2),
                            &anchored(style, h, VPos::Center),
                        )?;
                    }
                    layout.marks.push(Mark {
                        datum,
                        x0: x_a,
                        y0: bar_top,
                        x1: x_b.max(x_a + 1),
                        y1: bar_top + BAR,
                        label: described.label,
                    });
                    datum += 1;
                }
                draw_anchored(
                    area,
                    &Fixed(total, 3).to_string(),
                    (last.x_b + 4, bar_top + BAR / 2),
                    &body,
                    HPos::Left,
                    VPos::Center,
                )?;
            }
            _ => {
                draw_anchored(
                    area,
                    &row.missing_text,
                    (PAD, bar_top + BAR / 2),
                    &muted,
                    HPos::Left,
                    VPos::Center,
                )?;
            }
        }
        // The key: each numbered segment's swatch, number, name and share.
        let mut key_y = bar_top + BAR + 4;
        for line in key_lines(&segments, width) {
            let mut x = PAD;
            let centre = key_y + KEY_LINE / 2;
            for (number, text) in line {
                let between = segments.iter().any(|s| s.key == Some(number) && s.between);
                let swatch = (x, centre - KEY_SWATCH / 2);
                draw_segment(
                    area,
                    between,
                    swatch,
                    (x + KEY_SWATCH, centre + KEY_SWATCH / 2),
                )?;
                draw_text(
                    area,
                    &number.to_string(),
                    (x + KEY_SWATCH / 2, centre),
                    &anchored(
                        if between { &on_blue } else { &small },
                        HPos::Center,
                        VPos::Center,
                    ),
                )?;
                draw_anchored(
                    area,
                    text,
                    (x + KEY_SWATCH + 4, centre),
                    &small,
                    HPos::Left,
                    VPos::Center,
                )?;
                x += key_entry_width(text);
            }
            key_y += KEY_LINE;
        }
        draw_lines(area, &note_lines(row, width), (PAD, key_y), LINE, &muted)?;
        y += row_height(view, row, width);
    }
    let missing = wrap(&view.missing_text, (width - 2 * PAD).max(1), FONT_SMALL);
    draw_lines(area, &missing, (PAD, y), LINE, &muted)?;
    Ok(layout)
}

/// A segment's box: solid blue for the between part, pale outlined in blue
/// for a group's within part.
fn draw_segment<DB: DrawingBackend>(
    area: &Area<DB>,
    between: bool,
    from: (i32, i32),
    to: (i32, i32),
) -> Result<(), ChartError> {
    let palette = style::palette();
    if between {
        draw_rect(area, [from, to], palette.blue.filled())?;
    } else {
        draw_rect(area, [from, to], palette.within_fill.filled())?;
        draw_rect(area, [from, to], style::stroke(&palette.blue, 1))?;
    }
    Ok(())
}
