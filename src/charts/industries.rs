//! The `industries` chart: one stacked bar per zone, its output by the
//! report's categories, with its leading industries and its specialty in
//! words under the bar (一园一特色).
//!
//! The zones together come first, then the zones by their share of emerging
//! and digital industries. Each row is one mark at least 44 px tall, so a
//! finger can pick it; the categories are told apart by colour and by the
//! legend's order, which the segments follow left to right, and every share
//! is in the row's tooltip and the table.

use plotters::prelude::DrawingBackend;
use plotters::style::{Color, RGBColor};
use plotters_backend::text_anchor::{HPos, VPos};

use super::marks::{
    draw_anchored, draw_message, draw_rect, draw_text, draw_wrapped, estimated_lines, fit_text,
    legend_text, text_style, text_width, title_extra, titled, MESSAGE_HEIGHT,
};
use super::paragraph::{estimate_width, wrap};
use super::style::{self, FONT_BODY, FONT_SMALL, NOTE_LINE, PAD};
use super::{Area, ChartError, Layout, Mark};
use crate::views::industries::IndustriesView;

const BAR: i32 = 14;
/// Below this width the name goes above its bar, which spans the width.
const STACK_BELOW: i32 = 480;

/// The height this chart wants at `width` CSS pixels.
pub fn preferred_height(view: &IndustriesView, width: u32) -> u32 {
    let width = width as i32;
    if view.rows.len() < 2 {
        return MESSAGE_HEIGHT;
    }
    let rows: i32 = rows(view, width).iter().map(|(_, h)| h).sum();
    (title_extra(&view.title, width) + header_height(view, width) + rows + PAD) as u32
}

fn header_height(view: &IndustriesView, width: i32) -> i32 {
    let legend_lines = if width < STACK_BELOW { 3 } else { 1 };
    let lines = estimated_lines(&view.headline, width - 2 * PAD)
        + estimated_lines(&view.missing_text, width - 2 * PAD)
        + estimated_lines(&view.more_text, width - 2 * PAD);
    32 + NOTE_LINE * lines + style::LEGEND_LINE * legend_lines
}

/// The left edge of the bars: after the names' column, or the margin when
/// names go above their bars. Estimated, so the height agrees with the drawing.
fn bars_left(view: &IndustriesView, width: i32) -> i32 {
    if width < STACK_BELOW {
        return PAD;
    }
    let widest = view
        .drawn
        .iter()
        .filter_map(|i| view.rows.get(*i))
        .map(|r| estimate_width(&r.name, FONT_BODY))
        .max()
        .unwrap_or(0);
    PAD + (widest + PAD).min(width * 3 / 10)
}

/// Each drawn row's notes, wrapped to the bar's width (never cut short),
/// and its height: name and bar side by side (or the name above), then the
/// notes; at least 44 px.
fn rows(view: &IndustriesView, width: i32) -> Vec<(Vec<String>, i32)> {
    let room = width - PAD - bars_left(view, width);
    let name = if width < STACK_BELOW { 18 } else { 0 };
    let mut rows = Vec::with_capacity(view.drawn.len());
    for row in view.drawn.iter().filter_map(|i| view.rows.get(*i)) {
        let mut notes: Vec<String> = wrap(&row.leading, room, FONT_SMALL);
        notes.extend(wrap(&row.specialty, room, FONT_SMALL));
        let height = name + 6 + BAR + 3 + NOTE_LINE * notes.len() as i32 + 6;
        rows.push((notes, height.max(style::TOUCH_TARGET + 2)));
    }
    rows
}

/// The colour of category `c` ([`crate::analysis::industries::Category::ALL`] order).
fn category_colour(c: usize) -> RGBColor {
    let palette = style::palette();
    [
        palette.purple,
        palette.green,
        palette.blue,
        palette.reference,
        palette.muted_line,
    ]
    .get(c)
    .copied()
    .unwrap_or(palette.muted_line)
}

pub fn draw<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &IndustriesView,
) -> Result<Layout, ChartError> {
    if view.rows.len() < 2 {
        draw_message(area, &view.title, &view.empty_text)?;
        return Ok(Layout::default());
    }
    titled(area, &view.title, &|area| draw_body(area, view))
}

fn draw_body<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &IndustriesView,
) -> Result<Layout, ChartError> {
    let palette = style::palette();
    let width = area.dim_in_pixel().0 as i32;
    let text = text_style(FONT_BODY, &palette.text);
    let muted = text_style(FONT_SMALL, &palette.text_muted);
    let stacked = width < STACK_BELOW;

    // The finding, what was left out, then the legend in the bars' order.
    let mut y = draw_wrapped(
        area,
        &view.headline,
        (PAD, 32),
        width - 2 * PAD,
        NOTE_LINE,
        &text,
    )?;
    y = draw_wrapped(
        area,
        &view.missing_text,
        (PAD, y),
        width - 2 * PAD,
        NOTE_LINE,
        &muted,
    )?;
    y = draw_wrapped(
        area,
        &view.more_text,
        (PAD, y),
        width - 2 * PAD,
        NOTE_LINE,
        &muted,
    )?;
    let mut x = PAD;
    let mut centre = y + style::LEGEND_LINE / 2;
    for (c, label) in view.categories.iter().enumerate() {
        if !view.used.get(c).copied().unwrap_or(false) {
            continue;
        }
        let room = 18 + text_width(area, label, &muted) + 14;
        if x > PAD && x + room > width - PAD {
            x = PAD;
            centre += style::LEGEND_LINE;
        }
        draw_rect(
            area,
            [(x, centre - 5), (x + 14, centre + 5)],
            category_colour(c).filled(),
        )?;
        x = legend_text(area, label, (x + 18, centre), &muted)?;
    }
    let top = y + style::LEGEND_LINE * if stacked { 3 } else { 1 };

    let x0 = bars_left(view, width);
    let label_width = x0 - PAD;
    let x1 = width - PAD;
    let mut layout = Layout::default();
    let mut row_top = top;
    for ((i, row), (notes, row_h)) in view
        .drawn
        .iter()
        .filter_map(|i| view.rows.get(*i).map(|r| (*i, r)))
        .zip(rows(view, width))
    {
        if row.selected {
            draw_rect(
                area,
                [(0, row_top), (width, row_top + row_h - 2)],
                palette.tint_warm.filled(),
            )?;
        }
        let bar_top = row_top + if stacked { 20 } else { 4 };
        let name = fit_text(
            area,
            &row.name,
            if stacked {
                width - 2 * PAD
            } else {
                label_width - PAD
            },
            &text,
        );
        let name_y = if stacked {
            row_top + 9
        } else {
            bar_top + BAR / 2
        };
        draw_anchored(area, &name, (PAD, name_y), &text, HPos::Left, VPos::Center)?;
        let mut start = x0 as f64;
        for (c, share) in row.shares.iter().enumerate() {
            let end = start + (x1 - x0) as f64 * share.clamp(0.0, 1.0);
            if end - start >= 1.0 {
                draw_rect(
                    area,
                    [
                        (start.round() as i32, bar_top),
                        (end.round() as i32 - 1, bar_top + BAR),
                    ],
                    category_colour(c).filled(),
                )?;
            }
            start = end;
        }
        if row.shares.is_empty() {
            draw_text(
                area,
                crate::views::figures::no_data(view.lang),
                (x0, bar_top),
                &muted,
            )?;
        }
        let mut note_y = bar_top + BAR + 3;
        for note in &notes {
            draw_text(area, note, (x0, note_y), &muted)?;
            note_y += NOTE_LINE;
        }
        layout.marks.push(Mark {
            datum: i,
            x0: 0,
            y0: row_top,
            x1: width,
            y1: row_top + row_h - 2,
            label: view.row_label(i),
        });
        row_top += row_h;
    }
    Ok(layout)
}
