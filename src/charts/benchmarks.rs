//! The `benchmarks` chart, "benchmarks" (claim C17): horizontal bars of listed companies,
//! the region's zones together against each benchmark zone, on a linear or
//! log axis; under them a square per zone, filled (with its count) when it
//! has listed companies and hollow when it has none, so "most zones have
//! none" can be counted at a glance. Notes say what per km² figures exist.

use plotters::prelude::DrawingBackend;
use plotters::style::Color;
use plotters_backend::text_anchor::{HPos, VPos};

use super::marks::{
    draw_anchored, draw_line, draw_message, draw_rect, draw_text, draw_wrapped, estimated_lines,
    fit_text, legend_text, text_style, text_width, title_extra, titled, MESSAGE_HEIGHT,
};
use super::paragraph::estimate_width;
use super::scale::{draw_x_axis, Scale};
use super::style::{self, FONT_BODY, FONT_SMALL};
use super::style::{NOTE_LINE, PAD};
use super::{Area, ChartError, Layout, Mark};
use crate::format;
use crate::i18n::Lang;
use crate::views::benchmarks::{BenchmarksView, SMALL_SQUARES_OVER};
use crate::views::figures::no_data;

const TOP: i32 = 36;
/// Below this width bar labels go above their bars (see [`stacked`]).
const STACK_BELOW: i32 = 480;
const ROW: i32 = 30;
const ROW_STACKED: i32 = 42;
const BAR: i32 = 18;
/// Tick labels and the axis title under the bars.
const AXIS: i32 = 44;
/// The zone grid's title and legend.
const GRID_HEAD: i32 = 46;
const CELL: i32 = 20;
const CELL_GAP: i32 = 4;

/// Bar labels go above their bars on a phone, and wherever a name would
/// not fit whole in a label column of at most 2/5 of the width (decided on
/// the width estimate, so `preferred_height` agrees with `draw`).
fn stacked(view: &BenchmarksView, width: i32) -> bool {
    width < STACK_BELOW
        || view
            .bars
            .iter()
            .any(|b| estimate_width(&b.name, FONT_BODY) + PAD > width * 2 / 5)
}

fn row_height(view: &BenchmarksView, width: i32) -> i32 {
    if stacked(view, width) {
        ROW_STACKED
    } else {
        ROW
    }
}

/// A square's side and the gap after it: small over
/// `SMALL_SQUARES_OVER` zones (the view's `squares_note` says so).
fn cell(view: &BenchmarksView) -> (i32, i32) {
    if view.zones.len() > SMALL_SQUARES_OVER {
        (6, 2)
    } else {
        (CELL, CELL_GAP)
    }
}

/// At most 960 px of squares a row (40 of 20 px).
fn grid_columns(view: &BenchmarksView, width: i32) -> i32 {
    let (side, gap) = cell(view);
    ((width - 2 * PAD + gap) / (side + gap)).clamp(1, 960 / (side + gap))
}

fn grid_rows(view: &BenchmarksView, width: i32) -> i32 {
    let n = view.zones.len() as i32;
    (n + grid_columns(view, width) - 1) / grid_columns(view, width)
}

fn notes(view: &BenchmarksView) -> impl Iterator<Item = &String> {
    [&view.squares_note, &view.per_km2_note, &view.missing]
        .into_iter()
        .filter(|n| !n.is_empty())
}

/// The largest bar, or `None` when no bar has a value.
fn largest(view: &BenchmarksView) -> Option<f64> {
    view.bars
        .iter()
        .filter_map(|b| b.value)
        .max_by(|a, b| a.total_cmp(b))
}

/// The height this chart wants at `width` CSS pixels.
pub fn preferred_height(view: &BenchmarksView, width: u32) -> u32 {
    if largest(view).is_none() {
        return MESSAGE_HEIGHT;
    }
    let width = width as i32;
    let bars = row_height(view, width) * view.bars.len() as i32 + AXIS;
    let (side, gap) = cell(view);
    let grid = GRID_HEAD + grid_rows(view, width) * (side + gap) + 22;
    let lines: i32 = notes(view)
        .map(|n| estimated_lines(n, width - 2 * PAD))
        .sum();
    (title_extra(&view.title, width) + TOP + bars + grid + lines * NOTE_LINE + PAD) as u32
}

/// Draws the chart into `area`: a mark per bar, then per zone square.
pub fn draw<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &BenchmarksView,
) -> Result<Layout, ChartError> {
    let Some(largest) = largest(view) else {
        draw_message(area, &view.title, &view.empty_text)?;
        return Ok(Layout::default());
    };
    titled(area, &view.title, &|area| draw_body(area, view, largest))
}

/// Everything under the title (see [`titled`]).
fn draw_body<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &BenchmarksView,
    largest: f64,
) -> Result<Layout, ChartError> {
    let palette = style::palette();
    let width = area.dim_in_pixel().0 as i32;
    let body = text_style(FONT_BODY, &palette.text);
    let small = text_style(FONT_SMALL, &palette.text);
    let muted = text_style(FONT_SMALL, &palette.text_muted);

    let stacked = stacked(view, width);
    let row_h = row_height(view, width);
    let label_width = if stacked {
        0
    } else {
        let widest = view
            .bars
            .iter()
            .map(|b| text_width(area, &b.name, &body))
            .max()
            .unwrap_or(0);
        (widest + PAD).min(width * 2 / 5)
    };
    let x0 = PAD + label_width;
    let x1 = width - PAD - 48; // room for the value after the longest bar
                               // A log axis starts at 1 company, so that bar lengths still compare
                               // orders of magnitude rather than distances from an arbitrary floor.
    let scale = if view.log_scale {
        Scale::log(1.0, largest, (x0, x1))
    } else {
        let ticks = if stacked { 4 } else { 6 };
        Scale::linear(0.0, largest, (x0, x1), ticks)
    };
    let bars_top = TOP;
    let bars_bottom = TOP + row_h * view.bars.len() as i32;
    draw_x_axis(area, &scale, (bars_top, bars_bottom), false)?;
    draw_anchored(
        area,
        &fit_text(area, &view.axis_title, x1 - x0, &muted),
        (x1, bars_bottom + 24),
        &muted,
        HPos::Right,
        VPos::Top,
    )?;

    let mut layout = Layout::default();
    let count = |v: f64| match view.lang {
        Lang::Zh => format!("{}家", format::grouped(v, 0)),
        Lang::En => format::grouped(v, 0),
    };
    for (i, bar) in view.bars.iter().enumerate() {
        let top = bars_top + row_h * i as i32;
        let (bar_top, label_at, room) = if stacked {
            (top + 20, (PAD, top + 9), width - 2 * PAD)
        } else {
            (
                top + (row_h - BAR) / 2,
                (PAD, top + row_h / 2),
                label_width - PAD,
            )
        };
        draw_anchored(
            area,
            &fit_text(area, &bar.name, room, &body),
            label_at,
            &body,
            HPos::Left,
            VPos::Center,
        )?;
        let end = match bar.value {
            Some(v) => {
                let end = scale.map(v).max(x0 + 2);
                let fill = if bar.own {
                    palette.blue
                } else {
                    palette.reference
                };
                draw_rect(area, [(x0, bar_top), (end, bar_top + BAR)], fill.filled())?;
                draw_anchored(
                    area,
                    &count(v),
                    (end + 4, bar_top + BAR / 2),
                    &small,
                    HPos::Left,
                    VPos::Center,
                )?;
                end
            }
            None => {
                draw_anchored(
                    area,
                    no_data(view.lang),
                    (x0 + 4, bar_top + BAR / 2),
                    &muted,
                    HPos::Left,
                    VPos::Center,
                )?;
                x0 + 8
            }
        };
        layout.marks.push(Mark {
            datum: i,
            x0: PAD,
            y0: bar_top,
            x1: end,
            y1: bar_top + BAR,
            label: bar.label.clone(),
        });
    }

    // The zone grid.
    let mut y = bars_bottom + AXIS;
    draw_text(
        area,
        &fit_text(area, &view.zones_title, width - 2 * PAD, &body),
        (PAD, y),
        &body,
    )?;
    let centre = y + 28;
    draw_rect(
        area,
        [(PAD, centre - 6), (PAD + 12, centre + 6)],
        palette.blue.filled(),
    )?;
    let x = legend_text(area, &view.legend_some, (PAD + 18, centre), &muted)?;
    draw_rect(
        area,
        [(x, centre - 6), (x + 12, centre + 6)],
        style::stroke(&palette.reference, 1),
    )?;
    legend_text(area, &view.legend_none, (x + 18, centre), &muted)?;
    y += GRID_HEAD;
    let columns = grid_columns(view, width);
    let (side, gap) = cell(view);
    // Small squares have no room for a count.
    let labelled = side == CELL;
    let on_blue = text_style(FONT_SMALL, &palette.background);
    let mut selected_label = None;
    for (i, zone) in view.zones.iter().enumerate() {
        let (col, row) = (i as i32 % columns, i as i32 / columns);
        let cx = PAD + col * (side + gap);
        let cy = y + row * (side + gap);
        let cell = [(cx, cy), (cx + side, cy + side)];
        match zone.value {
            Some(v) if v > 0.0 => {
                draw_rect(area, cell, palette.blue.filled())?;
                if labelled {
                    draw_anchored(
                        area,
                        &format::grouped(v, 0),
                        (cx + CELL / 2, cy + CELL / 2),
                        &on_blue,
                        HPos::Center,
                        VPos::Center,
                    )?;
                }
            }
            Some(_) => {
                draw_rect(
                    area,
                    [(cx + 1, cy + 1), (cx + side - 1, cy + side - 1)],
                    style::stroke(&palette.reference, 1),
                )?;
            }
            None => {
                // Unknown: a dashed-looking grey outline with a question mark.
                draw_rect(
                    area,
                    [(cx + 1, cy + 1), (cx + side - 1, cy + side - 1)],
                    style::stroke(&palette.muted_line, 1),
                )?;
                if labelled {
                    draw_anchored(
                        area,
                        "?",
                        (cx + CELL / 2, cy + CELL / 2),
                        &muted,
                        HPos::Center,
                        VPos::Center,
                    )?;
                } else {
                    // Too small for a "?": a diagonal, so that an unknown
                    // square differs from a zero by its shape, not only its
                    // colour.
                    draw_line(
                        area,
                        (cx + 1, cy + side - 1),
                        (cx + side - 1, cy + 1),
                        style::stroke(&palette.muted_line, 1),
                    )?;
                }
            }
        }
        if zone.selected {
            draw_rect(
                area,
                [(cx - 3, cy - 3), (cx + side + 3, cy + side + 3)],
                style::stroke(&palette.text, 2),
            )?;
            selected_label = Some(zone.label.clone());
        }
        layout.marks.push(Mark {
            datum: view.bars.len() + i,
            x0: cx,
            y0: cy,
            x1: cx + side,
            y1: cy + side,
            label: zone.label.clone(),
        });
    }
    y += grid_rows(view, width) * (side + gap);
    if let Some(label) = selected_label {
        draw_text(
            area,
            &fit_text(area, &label, width - 2 * PAD, &body),
            (PAD, y + 2),
            &body,
        )?;
    }
    y += 22;
    for note in notes(view) {
        y = draw_wrapped(area, note, (PAD, y), width - 2 * PAD, NOTE_LINE, &muted)?;
    }
    Ok(layout)
}
