//! The `profile` chart, "zone profile": for the composite score and each dimension, a
//! thick bar for the zone and a thin grey bar for the average of the zones,
//! both on 0–100, each with its value; the zone's rank in the tooltip and
//! the table. Thickness and the legend tell the two apart, not colour alone.
//!
//! On a phone each dimension's name goes above its bars; on wider screens it
//! sits left of them, on up to two lines.

use plotters::prelude::DrawingBackend;
use plotters::style::Color;
use plotters_backend::text_anchor::{HPos, VPos};

use super::marks;
use super::marks::{
    anchored, draw_anchored, draw_line, draw_rect, draw_text, text_style, wrap_text,
};
use super::paragraph::draw_lines;
use super::style::{self, FONT_BODY, FONT_SMALL};
use super::style::{NOTE_LINE, PAD, TITLE_LINE};
use super::tiers::{draw_error, draw_legend_and_note, note_lines, title_lines};
use super::tiers::{legend_height, LegendKey};
use super::{Area, ChartError, Layout, Mark};
use crate::format::Fixed;
use crate::views::profile::{ProfileRow, ProfileView};

const ROW: i32 = 42;
const ROW_STACKED: i32 = 52;
const STACK_BELOW: i32 = 480;
const BAR: i32 = 14;
const AVERAGE_BAR: i32 = 8;
const AXIS: i32 = 42;

fn header(title: &str, note: &str, legend: &[&str], width: i32) -> i32 {
    PAD + title_lines(title, width) * TITLE_LINE
        + 4
        + legend_height(width, legend)
        + note_lines(note, width) * NOTE_LINE
        + 8
}

/// Stacked, a row has 16 px more when a dimension's name wraps onto a second
/// line (by the width estimate, with a margin) rather than being cut.
fn row_height(view: &ProfileView, width: i32) -> i32 {
    if width < STACK_BELOW {
        // The estimate with a quarter's margin: the font's measure may be wider.
        let wraps = view.rows.iter().any(|r| {
            super::paragraph::estimate_width(&r.label, FONT_BODY) * 5 / 4 > width - 2 * PAD
        });
        ROW_STACKED + 16 * i32::from(wraps)
    } else {
        ROW
    }
}

/// The height this chart wants at `width` CSS pixels.
pub fn preferred_height(view: &ProfileView, width: u32) -> u32 {
    let width = width as i32;
    if view.error.is_some() {
        let extra = super::marks::title_extra(&view.title, width);
        return (extra + PAD + TITLE_LINE + 4 * NOTE_LINE + PAD) as u32;
    }
    (header(
        &view.title,
        &view.note,
        &[&view.legend_zone, &view.legend_average],
        width,
    ) + row_height(view, width) * view.rows.len().max(1) as i32
        + AXIS
        + PAD) as u32
}

/// Draws the profile into `area`; one mark per row (composite first).
pub fn draw<DB: DrawingBackend>(area: &Area<DB>, view: &ProfileView) -> Result<Layout, ChartError> {
    let palette = style::palette();
    // Titles wrap by the width estimate, as every chart's (see `marks`).
    let width = marks::draw_title(area, &view.title)?;
    let body = text_style(FONT_BODY, &palette.text);
    let small = text_style(FONT_SMALL, &palette.text);
    let muted = text_style(FONT_SMALL, &palette.text_muted);
    if let Some(error) = &view.error {
        return draw_error(area, &view.title, error, width, &body);
    }

    let zone_key = |(left, centre): (i32, i32)| -> Result<(), ChartError> {
        draw_rect(
            area,
            [(left, centre - BAR / 2), (left + 26, centre + BAR / 2)],
            palette.blue.filled(),
        )?;
        Ok(())
    };
    let average_key = |(left, centre): (i32, i32)| -> Result<(), ChartError> {
        draw_rect(
            area,
            [
                (left, centre - AVERAGE_BAR / 2),
                (left + 26, centre + AVERAGE_BAR / 2),
            ],
            palette.reference.filled(),
        )?;
        Ok(())
    };
    let entries = [
        (LegendKey::Custom(&zone_key), view.legend_zone.as_str()),
        (
            LegendKey::Custom(&average_key),
            view.legend_average.as_str(),
        ),
    ];
    draw_legend_and_note(area, &view.title, &entries, &view.note, width, &muted)?;

    let stacked = width < STACK_BELOW;
    let row_h = row_height(view, width);
    let top = header(
        &view.title,
        &view.note,
        &[&view.legend_zone, &view.legend_average],
        width,
    );
    let x0 = if stacked { PAD } else { PAD + width * 36 / 100 };
    let x1 = width - PAD - 40;
    let scale =
        |score: f64| x0 + ((x1 - x0) as f64 * (score / 100.0).clamp(0.0, 1.0)).round() as i32;
    let bottom = top + row_h * view.rows.len() as i32;
    for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let x = scale(tick);
        draw_line(area, (x, top), (x, bottom), palette.grid.into())?;
        draw_anchored(
            area,
            &Fixed(tick, 0).to_string(),
            (x, bottom + 4),
            &muted,
            HPos::Center,
            VPos::Top,
        )?;
    }
    draw_anchored(
        area,
        view.lang.pick("得分（0–100）", "Score (0–100)"),
        ((x0 + x1) / 2, bottom + 22),
        &muted,
        HPos::Center,
        VPos::Top,
    )?;

    let mut layout = Layout::default();
    for (i, row) in view.rows.iter().enumerate() {
        let y = top + row_h * i as i32;
        let bars_top = if stacked {
            let room = (row_h - ROW_STACKED) / 16 + 1;
            let lines = wrap_text(area, &row.label, width - 2 * PAD, room as usize, &body);
            draw_lines(area, &lines, (PAD, y + 3), 16, &body)?;
            y + 21 + row_h - ROW_STACKED
        } else {
            let lines = wrap_text(area, &row.label, x0 - PAD - 8, 2, &body);
            let first = y + row_h / 2 - 8 * lines.len() as i32;
            draw_lines(area, &lines, (PAD, first), 16, &body)?;
            y + (row_h - BAR - 2 - AVERAGE_BAR) / 2
        };
        draw_pair(area, view, row, (scale, x0), bars_top, (&small, &muted))?;
        if i == 0 && view.rows.len() > 1 {
            // The composite apart from the dimensions it is made of.
            draw_line(
                area,
                (PAD, y + row_h - 1),
                (width - PAD, y + row_h - 1),
                palette.reference.into(),
            )?;
        }
        layout.marks.push(Mark {
            datum: i,
            x0: PAD,
            y0: y,
            x1: width - PAD,
            y1: y + row_h - 2,
            label: row.tooltip.clone(),
        });
    }
    Ok(layout)
}

/// The zone's bar and, under it, the average's, with their values.
fn draw_pair<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &ProfileView,
    row: &ProfileRow,
    (scale, x0): (impl Fn(f64) -> i32, i32),
    top: i32,
    (small, muted): (&plotters::style::TextStyle, &plotters::style::TextStyle),
) -> Result<(), ChartError> {
    let palette = style::palette();
    let bars = [
        (row.score, top, BAR, palette.blue, small),
        (
            row.average,
            top + BAR + 2,
            AVERAGE_BAR,
            palette.reference,
            muted,
        ),
    ];
    for (value, y, height, color, text) in bars {
        let centre = y + height / 2;
        match value {
            Some(v) => {
                let end = scale(v).max(x0 + 2);
                draw_rect(area, [(x0, y), (end, y + height)], color.filled())?;
                draw_text(
                    area,
                    &Fixed(v, 1).to_string(),
                    (end + 4, centre),
                    &anchored(text, HPos::Left, VPos::Center),
                )?;
            }
            None => {
                draw_text(
                    area,
                    &view.missing_text,
                    (x0 + 4, centre),
                    &anchored(muted, HPos::Left, VPos::Center),
                )?;
            }
        }
    }
    Ok(())
}
