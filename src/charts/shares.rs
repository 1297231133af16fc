//! The `shares` chart, "shares against land": the zones hold a small share of the
//! region's land and a large share of its output (report claims C5–C10).
//!
//! One horizontal bar per quantity, the zones' share of the region's total as
//! computed from the data, a dashed baseline at the land share, and a diamond
//! at each figure the report states. Where the report states two figures that
//! disagree (C8: 50% against C9: 56% of high-tech enterprises), both diamonds
//! are drawn and the row says so in words.

use plotters::prelude::DrawingBackend;
use plotters::style::{Color, IntoFont, TextStyle};
use plotters_backend::text_anchor::{HPos, Pos, VPos};

use super::marks::{
    dashed, draw_diamond, draw_line, draw_path, draw_rect, draw_text, fit_text, legend_text,
    text_width, title_extra, titled,
};
use super::paragraph::estimate_width;
use super::style::PAD;
use super::style::{self, FONT_BODY, FONT_SMALL};
use super::{Area, ChartError, Layout, Mark};
use crate::format;
use crate::views::shares::{ShareRow, SharesView};

const HEADER: i32 = 52;
/// A further legend line, where the legend wraps on a phone.
const LEGEND_LINE: i32 = 20;
const ROW: i32 = 46;
/// On a phone the label goes above its bar, which then spans the width.
const ROW_STACKED: i32 = 62;
const STACK_BELOW: i32 = 480;
const BAR: i32 = 16;
const AXIS: i32 = 26;

/// The height this chart wants at `width` CSS pixels.
pub fn preferred_height(view: &SharesView, width: u32) -> u32 {
    (title_extra(&view.title, width as i32)
        + header(view, width as i32)
        + row_height(width as i32) * view.rows.len() as i32
        + AXIS
        + PAD) as u32
}

/// The legend's three entries' lines (0 the first): an entry that would run
/// past the right edge starts a new line. Decided on the estimated widths,
/// which are no narrower than the drawn ones, so what fits here fits drawn.
pub(super) fn legend_lines(view: &SharesView, width: i32) -> [i32; 3] {
    let entries = [
        (18, &view.legend_computed),
        (16, &view.legend_stated),
        (12, &view.legend_baseline),
    ];
    let (mut x, mut line, mut lines) = (PAD, 0, [0; 3]);
    for (k, (marker, label)) in entries.into_iter().enumerate() {
        let w = marker + estimate_width(label, FONT_SMALL);
        if x > PAD && x + w > width - PAD {
            line += 1;
            x = PAD;
        }
        lines[k] = line;
        x += w + 14;
    }
    lines
}

/// The top of the bars: under the legend, however many lines it takes.
fn header(view: &SharesView, width: i32) -> i32 {
    HEADER + LEGEND_LINE * legend_lines(view, width)[2]
}

fn row_height(width: i32) -> i32 {
    if width < STACK_BELOW {
        ROW_STACKED
    } else {
        ROW
    }
}

/// Draws the chart into `area` and returns where each row's bar went.
pub fn draw<DB: DrawingBackend>(area: &Area<DB>, view: &SharesView) -> Result<Layout, ChartError> {
    titled(area, &view.title, &|area| draw_body(area, view))
}

/// Everything under the title (see [`titled`]).
fn draw_body<DB: DrawingBackend>(area: &Area<DB>, view: &SharesView) -> Result<Layout, ChartError> {
    let palette = style::palette();
    let width = area.dim_in_pixel().0 as i32;
    let font = |size: f64| (style::FONT_FAMILY, size).into_font();
    let text = |size: f64| TextStyle::from(font(size)).color(&palette.text);
    let muted = TextStyle::from(font(FONT_SMALL)).color(&palette.text_muted);

    draw_legend(area, view, legend_lines(view, width), &muted)?;
    let header = header(view, width);

    // Label column: as wide as the widest label, at most 40% of the width;
    // none on a phone, where labels sit above their bars.
    let stacked = width < STACK_BELOW;
    let row_h = row_height(width);
    let widest = view
        .rows
        .iter()
        .map(|row| text_width(area, &row.label, &text(FONT_BODY)))
        .max()
        .unwrap_or(0);
    let label_width = if stacked {
        0
    } else {
        (widest + PAD).min(width * 2 / 5)
    };
    let x0 = PAD + label_width;
    // Room for the value at the end of a full bar, wider where a file's
    // zones add up to more than its total ("1,780.7%" was cut at the edge).
    let value_room = match view
        .rows
        .iter()
        .filter_map(|row| row.share)
        .fold(0.0, f64::max)
    {
        most if most > 1.0 => estimate_width(&format::percent(most, 1), FONT_SMALL) + 8,
        _ => 40,
    };
    let x1 = width - PAD - value_room;
    let scale = |share: f64| x0 + ((x1 - x0) as f64 * share.clamp(0.0, 1.0)).round() as i32;
    let plot_top = header;
    let plot_bottom = header + row_h * view.rows.len() as i32;

    // Grid and axis: 0, 25, 50, 75, 100%.
    for tick in 0..=4 {
        let share = tick as f64 / 4.0;
        let x = scale(share);
        draw_line(area, (x, plot_top), (x, plot_bottom), palette.grid.into())?;
        draw_text(
            area,
            &format::percent(share, 0),
            (x, plot_bottom + 6),
            &muted.pos(Pos::new(HPos::Center, VPos::Top)),
        )?;
    }

    let mut layout = Layout::default();
    for (i, row) in view.rows.iter().enumerate() {
        let top = header + row_h * i as i32;
        let (bar_top, label_at, label_room) = if stacked {
            (top + 20, (PAD, top + 9), width - 2 * PAD)
        } else {
            (top + 4, (PAD, top + 4 + BAR / 2), label_width - PAD)
        };
        let label = fit_text(area, &row.label, label_room, &text(FONT_BODY));
        draw_text(
            area,
            &label,
            label_at,
            &text(FONT_BODY).pos(Pos::new(HPos::Left, VPos::Center)),
        )?;
        // The value goes right of the bar and of any diamond just past its end.
        let diamonds_end = row
            .stated
            .iter()
            .map(|s| scale(s.value) + 6)
            .max()
            .unwrap_or(0);
        let end = match row.share {
            Some(share) => {
                let end = scale(share).max(x0 + 1);
                let fill = if i == 0 {
                    palette.reference
                } else {
                    palette.blue
                };
                draw_rect(area, [(x0, bar_top), (end, bar_top + BAR)], fill.filled())?;
                let value_x = if (0..24).contains(&(diamonds_end - end)) {
                    diamonds_end
                } else {
                    end
                };
                draw_text(
                    area,
                    &format::percent(share, 1),
                    (value_x + 4, bar_top + BAR / 2),
                    &text(FONT_SMALL).pos(Pos::new(HPos::Left, VPos::Center)),
                )?;
                end
            }
            None => {
                draw_text(
                    area,
                    &row.missing_text,
                    (x0 + 4, bar_top + BAR / 2),
                    &muted.pos(Pos::new(HPos::Left, VPos::Center)),
                )?;
                x0
            }
        };
        for stated in &row.stated {
            draw_diamond(
                area,
                (scale(stated.value), bar_top + BAR / 2),
                6,
                &palette.vermillion,
            )?;
        }
        let note = fit_text(area, &row.note, width - x0 - PAD, &muted);
        draw_text(area, &note, (x0, bar_top + BAR + 5), &muted)?;
        layout.marks.push(Mark {
            datum: i,
            x0: PAD,
            y0: bar_top,
            x1: end.max(x0 + 8),
            y1: bar_top + BAR,
            label: tooltip(row),
        });
    }

    // The land baseline, over each bar so it is never hidden, and only there:
    // across the labels and notes it would strike through the text.
    if let Some(land) = view.rows.first().and_then(|row| row.share) {
        let x = scale(land);
        for mark in &layout.marks {
            for dash in dashed((x, mark.y0 - 3), (x, mark.y1 + 3), 4, 3) {
                draw_path(area, dash, style::stroke(&palette.reference, 2))?;
            }
        }
    }
    Ok(layout)
}

/// The legend: the bar, the report's diamond, the land baseline's dashes,
/// each with its words, on the lines [`legend_lines`] gives.
fn draw_legend<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &SharesView,
    lines: [i32; 3],
    muted: &TextStyle,
) -> Result<(), ChartError> {
    let palette = style::palette();
    let centre = |k: usize| PAD + 24 + 7 + LEGEND_LINE * lines[k];
    // An entry on a new line starts at the left edge.
    let start = |k: usize, x: i32| {
        if k > 0 && lines[k] > lines[k - 1] {
            PAD
        } else {
            x
        }
    };
    let mut x = PAD;
    draw_rect(
        area,
        [(x, centre(0) - 5), (x + 14, centre(0) + 5)],
        palette.blue.filled(),
    )?;
    x = legend_text(area, &view.legend_computed, (x + 18, centre(0)), muted)?;
    x = start(1, x);
    draw_diamond(area, (x + 6, centre(1)), 6, &palette.vermillion)?;
    x = legend_text(area, &view.legend_stated, (x + 16, centre(1)), muted)?;
    x = start(2, x);
    for dash in dashed((x + 4, centre(2) - 7), (x + 4, centre(2) + 7), 4, 3) {
        draw_path(area, dash, style::stroke(&palette.reference, 2))?;
    }
    legend_text(area, &view.legend_baseline, (x + 12, centre(2)), muted)?;
    Ok(())
}

fn tooltip(row: &ShareRow) -> String {
    let computed = row
        .share
        .map_or_else(|| row.missing_text.clone(), |s| format::percent(s, 1));
    if row.note.is_empty() {
        format!("{}: {}", row.label, computed)
    } else {
        format!("{}: {} ({})", row.label, computed, row.note)
    }
}
