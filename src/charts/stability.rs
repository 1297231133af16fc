//! The `stability` chart, "rank stability": one row per zone in the order of its rank at
//! the chosen weights; across, the rank (1 at the left). A line spans the
//! 5–95% interval of the ranks over the Monte Carlo draws, a filled dot
//! marks the median rank and a hollow diamond the rank at the chosen
//! weights; the interval is also written at the right ("3–5"). Shapes and
//! the legend tell the three apart.

use plotters::element::Polygon;
use plotters::prelude::DrawingBackend;
use plotters::style::Color;
use plotters_backend::text_anchor::{HPos, VPos};

use super::marks;
use super::marks::{
    draw_anchored, draw_circle, draw_line, draw_path, draw_rect, fit_text, text_style, text_width,
};
use super::style::{self, FONT_BODY, FONT_SMALL};
use super::style::{NOTE_LINE, PAD, TITLE_LINE};
use super::tiers::{draw_error, draw_legend_and_note, note_lines, title_lines};
use super::tiers::{legend_height, rank_ticks, LegendKey};
use super::{Area, ChartError, Layout, Mark};
use crate::views::stability::StabilityView;

const ROW: i32 = 20;
const AXIS: i32 = 42;
const INTERVAL_TEXT: i32 = 52;

/// The height above the rows: title, legend and note.
fn header(view: &StabilityView, width: i32) -> i32 {
    let legend = [
        view.legend_median.as_str(),
        &view.legend_interval,
        &view.legend_base,
    ];
    PAD + title_lines(&view.title, width) * TITLE_LINE
        + 4
        + legend_height(width, &legend)
        + note_lines(&view.note, width) * NOTE_LINE
        + 8
}

/// The height this chart wants at `width` CSS pixels.
pub fn preferred_height(view: &StabilityView, width: u32) -> u32 {
    let width = width as i32;
    if view.error.is_some() {
        let extra = super::marks::title_extra(&view.title, width);
        return (extra + PAD + TITLE_LINE + 4 * NOTE_LINE + PAD) as u32;
    }
    (header(view, width) + ROW * view.shown.len().max(1) as i32 + AXIS + PAD) as u32
}

fn draw_median<DB: DrawingBackend>(area: &Area<DB>, at: (i32, i32)) -> Result<(), ChartError> {
    draw_circle(area, at, 4, style::palette().blue.filled())?;
    Ok(())
}

fn draw_base<DB: DrawingBackend>(area: &Area<DB>, (x, y): (i32, i32)) -> Result<(), ChartError> {
    let palette = style::palette();
    let r = 6;
    let points = vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y), (x, y - r)];
    area.draw(&Polygon::new(
        points[..4].to_vec(),
        palette.background.filled(),
    ))?;
    draw_path(area, points, style::stroke(&palette.text, 2))?;
    Ok(())
}

fn draw_interval<DB: DrawingBackend>(
    area: &Area<DB>,
    (a, b): (i32, i32),
    y: i32,
) -> Result<(), ChartError> {
    let stroke = style::stroke(&style::palette().blue, 2);
    draw_line(area, (a, y), (b, y), stroke)?;
    for x in [a, b] {
        draw_line(area, (x, y - 5), (x, y + 5), stroke)?;
    }
    Ok(())
}

/// Draws the chart; one mark per zone row.
pub fn draw<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &StabilityView,
) -> Result<Layout, ChartError> {
    let palette = style::palette();
    // Titles wrap by the width estimate, as every chart's (see `marks`).
    let width = marks::draw_title(area, &view.title)?;
    let body = text_style(FONT_BODY, &palette.text);
    let small = text_style(FONT_SMALL, &palette.text);
    let muted = text_style(FONT_SMALL, &palette.text_muted);
    if let Some(error) = &view.error {
        return draw_error(area, &view.title, error, width, &body);
    }

    let median_key = |(left, centre): (i32, i32)| draw_median(area, (left + 13, centre));
    let interval_key =
        |(left, centre): (i32, i32)| draw_interval(area, (left + 2, left + 24), centre);
    let base_key = |(left, centre): (i32, i32)| draw_base(area, (left + 13, centre));
    let entries = [
        (LegendKey::Custom(&median_key), view.legend_median.as_str()),
        (
            LegendKey::Custom(&interval_key),
            view.legend_interval.as_str(),
        ),
        (LegendKey::Custom(&base_key), view.legend_base.as_str()),
    ];
    draw_legend_and_note(area, &view.title, &entries, &view.note, width, &muted)?;

    let top = header(view, width);
    // A window of the rows at national scale (`StabilityView::shown`).
    let shown = &view.rows[view.shown.clone()];
    let bottom = top + ROW * shown.len() as i32;
    let widest = shown
        .iter()
        .map(|r| text_width(area, &r.name, &body))
        .max()
        .unwrap_or(0);
    let x0 = PAD + (widest + 10).min(width * 30 / 100) + 6;
    let x1 = width - PAD - INTERVAL_TEXT;
    let max_rank = view.max_rank.max(1);
    let x_of = |rank: f64| {
        if max_rank > 1 {
            x0 + ((x1 - x0) as f64 * (rank - 1.0) / (max_rank as f64 - 1.0)).round() as i32
        } else {
            (x0 + x1) / 2
        }
    };
    for rank in rank_ticks(max_rank, ((x1 - x0) / 40).max(2) as usize) {
        let x = x_of(rank as f64);
        draw_line(area, (x, top), (x, bottom), palette.grid.into())?;
        draw_anchored(
            area,
            &rank.to_string(),
            (x, bottom + 4),
            &muted,
            HPos::Center,
            VPos::Top,
        )?;
    }
    draw_anchored(
        area,
        &view.axis_label,
        ((x0 + x1) / 2, bottom + 22),
        &muted,
        HPos::Center,
        VPos::Top,
    )?;

    let mut layout = Layout::default();
    let name_room = x0 - PAD - 8;
    for (i, row) in view.shown.clone().zip(shown) {
        let y = top + ROW * (i - view.shown.start) as i32;
        let centre = y + ROW / 2;
        if row.selected {
            draw_rect(
                area,
                [(PAD - 4, y + 1), (width - PAD + 4, y + ROW - 1)],
                palette.highlight.filled(),
            )?;
            draw_rect(
                area,
                [(PAD - 4, y + 1), (width - PAD + 4, y + ROW - 1)],
                style::stroke(&palette.text, 1),
            )?;
        }
        match (row.p05, row.p95) {
            (Some(a), Some(b)) => {
                draw_interval(area, (x_of(a as f64), x_of(b as f64)), centre)?;
                let text = if a == b {
                    a.to_string()
                } else {
                    format!("{a}–{b}")
                };
                draw_anchored(
                    area,
                    &text,
                    (width - PAD, centre),
                    &small,
                    HPos::Right,
                    VPos::Center,
                )?;
            }
            _ => {
                draw_anchored(
                    area,
                    view.lang.pick("未排名", "not ranked"),
                    (x0 + 4, centre),
                    &muted,
                    HPos::Left,
                    VPos::Center,
                )?;
            }
        }
        if let Some(base) = row.base_rank {
            draw_base(area, (x_of(base as f64), centre))?;
        }
        if let Some(median) = row.median {
            draw_median(area, (x_of(median), centre))?;
        }
        layout.marks.push(Mark {
            datum: i,
            x0: PAD,
            y0: y,
            x1: width - PAD,
            y1: y + ROW - 1,
            label: row.tooltip.clone(),
        });
    }
    // The names after the rest, in their one font: a canvas parses every
    // font it is given, and a name between two small texts cost two.
    for (k, row) in shown.iter().enumerate() {
        let centre = top + ROW * k as i32 + ROW / 2;
        let name = fit_text(area, &row.name, name_room, &body);
        draw_anchored(area, &name, (PAD, centre), &body, HPos::Left, VPos::Center)?;
    }
    Ok(layout)
}
