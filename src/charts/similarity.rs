//! The `similarity` chart, the similarity heatmap of the zones' industry structures (claim
//! C18: one park, one specialty is not achieved).
//!
//! An n × n matrix of cells, zones in the view's order (similar zones side by
//! side), each cell coloured by the cosine similarity of two zones' industry
//! mixes on a single-hue ramp, with the scale as a legend. Colour is not the
//! only cue: cells below the claim's threshold (the pairs that do differ)
//! carry a small square dot, and every cell's value is in its tooltip and the table.
//!
//! Wide charts label each row with its number and name and each column with
//! its number; narrow ones (a phone: cells of 8–9 px for 36 zones) label
//! rows and columns with thinned numbers and list the names in a key below.
//! The selected zone's row and column are outlined.

use plotters::prelude::DrawingBackend;
use plotters::style::{Color, RGBColor};
use plotters_backend::text_anchor::{HPos, VPos};

use super::marks::{
    anchored, draw_anchored, draw_line, draw_rect, draw_text, draw_title, text_style, title_lines,
};
use super::paragraph::{draw_lines, estimate_width, fit, wrap};
use super::style::{self, FONT_BODY, FONT_SMALL};
use super::style::{Palette, PAD, TITLE_LINE};
use super::{Area, ChartError, Layout, Mark};
use crate::views::similarity::SimilarityView;

const LINE: i32 = 16;
/// From this width rows are labelled with names; below it, with numbers and
/// a key.
const NAMES_FROM: i32 = 560;
const MAX_CELL: i32 = 22;
const COLUMN_LABELS: i32 = 18;
const LEGEND_BAR: i32 = 10;
/// The legend ramp's step in pixels.
const RAMP_STEP: i32 = 2;

/// Where everything goes at a width: shared by `preferred_height` and `draw`.
struct Frame {
    title: Vec<String>,
    headline: Vec<String>,
    missing: Vec<String>,
    legend_y: i32,
    /// The dot's legend entry goes below the ramp instead of beside it.
    legend_stacked: bool,
    names: bool,
    label_width: i32,
    cell: i32,
    matrix: (i32, i32),
    key: Option<Key>,
    height: i32,
}

struct Key {
    y: i32,
    column_width: i32,
    rows: i32,
}

fn row_label(view: &SimilarityView, i: usize, names: bool) -> String {
    let Some(zone) = view.zones.get(i) else {
        return String::new();
    };
    if names {
        format!("{} {}", zone.number, zone.name)
    } else {
        zone.number.to_string()
    }
}

fn frame(view: &SimilarityView, width: i32) -> Frame {
    let inner = (width - 2 * PAD).max(1);
    let n = view.zones.len() as i32;
    let title = title_lines(&view.title, width);
    let headline = wrap(&view.headline, inner, FONT_BODY);
    let missing = wrap(&view.missing_text, inner, FONT_SMALL);
    let legend_y = PAD + TITLE_LINE * title.len() as i32 + LINE * headline.len() as i32 + 6;
    let ramp_width = ramp_width(inner);
    let below_width = estimate_width(&view.legend_below, FONT_SMALL) + 20;
    let legend_stacked = PAD + ramp_width + 24 + below_width > width - PAD;
    let legend_height = LINE + LEGEND_BAR + LINE + if legend_stacked { LINE + 4 } else { 0 };
    let names = width >= NAMES_FROM;
    let widest = (0..view.zones.len())
        .map(|i| estimate_width(&row_label(view, i, names), FONT_SMALL))
        .max()
        .unwrap_or(0);
    let label_width = (widest + 6).min(inner * 2 / 5);
    let cell = if n > 0 {
        ((inner - label_width) / n).clamp(1, MAX_CELL)
    } else {
        0
    };
    let matrix_top = legend_y + legend_height + 8 + COLUMN_LABELS;
    let mut y = matrix_top + cell * n + 10;
    let key = if names || n == 0 {
        None
    } else {
        let column_width = (0..view.zones.len())
            .map(|i| estimate_width(&format!("{} {}", i + 1, view.zones[i].name), FONT_SMALL))
            .max()
            .unwrap_or(0)
            + 14;
        let columns = (inner / column_width.max(1)).max(1);
        let rows = (n + columns - 1) / columns;
        let key = Key {
            y,
            column_width: inner / columns,
            rows,
        };
        y += LINE + 2 + LINE * rows + 6;
        Some(key)
    };
    let height = y + LINE * missing.len() as i32 + PAD;
    Frame {
        title,
        headline,
        missing,
        legend_y,
        legend_stacked,
        names,
        label_width,
        cell,
        matrix: (PAD + label_width, matrix_top),
        key,
        height,
    }
}

fn ramp_width(inner: i32) -> i32 {
    inner.min(220)
}

/// A row's run of cells of one colour: the colour, its top left, its bottom
/// right (exclusive).
type Run = (RGBColor, (i32, i32), (i32, i32));

/// How many classes the colour ramp has above its lowest colour.
const RAMP_STEPS: f64 = 20.0;

/// The colour of similarity `value` on `palette`'s ramp from `scale_min` to
/// 1, and whether marks drawn on it take the background colour (on the high
/// half of the ramp, the far side from the background) rather than the text's.
pub fn ramp(palette: &Palette, value: f64, scale_min: f64) -> (RGBColor, bool) {
    let span = (1.0 - scale_min).max(1e-9);
    // In RAMP_STEPS classes: the eye cannot tell more apart on one hue, the
    // exact value is in the tooltip and the table, and cells of one class
    // share a fill colour, which the canvas sets once for all of them.
    let t = ((value - scale_min) / span).clamp(0.0, 1.0);
    let t = (t * RAMP_STEPS).round() / RAMP_STEPS;
    let mix = |a: RGBColor, b: RGBColor, u: f64| {
        let c = |x: u8, y: u8| (x as f64 + (y as f64 - x as f64) * u).round() as u8;
        RGBColor(c(a.0, b.0), c(a.1, b.1), c(a.2, b.2))
    };
    let colour = if t < 0.5 {
        mix(palette.heat_low, palette.heat_mid, t * 2.0)
    } else {
        mix(palette.heat_mid, palette.heat_high, (t - 0.5) * 2.0)
    };
    (colour, t >= 0.5)
}

/// The height this chart wants at `width` CSS pixels.
pub fn preferred_height(view: &SimilarityView, width: u32) -> u32 {
    frame(view, width as i32).height as u32
}

/// Draws the chart into `area` and returns where each cell went, row by row.
pub fn draw<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &SimilarityView,
) -> Result<Layout, ChartError> {
    let palette = style::palette();
    let width = draw_title(area, &view.title)?;
    let f = frame(view, width);
    let body = text_style(FONT_BODY, &palette.text);
    let small = text_style(FONT_SMALL, &palette.text);
    let muted = text_style(FONT_SMALL, &palette.text_muted);
    let mut y = PAD + TITLE_LINE * f.title.len() as i32;
    draw_lines(area, &f.headline, (PAD, y), LINE, &body)?;

    let mut layout = Layout::default();
    let n = view.zones.len();
    if n == 0 {
        draw_text(area, &view.empty_text, (PAD, f.legend_y + 4), &body)?;
        draw_lines(area, &f.missing, (PAD, f.legend_y + 26), LINE, &muted)?;
        return Ok(layout);
    }

    draw_legend(area, view, &f, width, &muted)?;

    // Cells, row by row: the marks' reading order. Drawing is the costly
    // part in the browser (a canvas call or more per shape), so a row's run
    // of cells of one colour is one rectangle, and the dots of the cells
    // below the threshold are small filled squares drawn after the cells.
    let (x0, top) = f.matrix;
    let cell = f.cell;
    let dot = (cell / 3).max(2);
    let mut dots: Vec<((i32, i32), bool)> = Vec::new();
    // Runs are drawn after the loop, grouped by colour (cells never overlap,
    // so the order does not show): the fill colour changes once per class.
    let mut runs: Vec<Run> = Vec::new();
    let mut labels = view.cell_labels();
    for (r, row) in view.cells.iter().enumerate() {
        let cy = top + cell * r as i32;
        // The run being gathered: its first column and colour.
        let mut run: Option<(i32, RGBColor)> = None;
        for (c, value) in row.iter().enumerate() {
            let cx = x0 + cell * c as i32;
            let colour = value.map(|v| ramp(palette, v, view.scale_min));
            if let Some((start, run_colour)) = run {
                if colour.map(|(c, _)| c) != Some(run_colour) {
                    runs.push((run_colour, (start, cy), (cx, cy + cell)));
                    run = None;
                }
            }
            match (value, colour) {
                (Some(v), Some((colour, dot_in_background))) => {
                    if run.is_none() {
                        run = Some((cx, colour));
                    }
                    if *v < view.threshold && cell >= 4 {
                        let at = (cx + (cell - dot) / 2, cy + (cell - dot) / 2);
                        dots.push((at, dot_in_background));
                    }
                }
                _ => {
                    // Undefined: the background with a diagonal, never a colour.
                    draw_line(
                        area,
                        (cx, cy + cell),
                        (cx + cell, cy),
                        palette.text_muted.into(),
                    )?;
                }
            }
            layout.marks.push(Mark {
                datum: r * n + c,
                x0: cx,
                y0: cy,
                x1: cx + cell - 1,
                y1: cy + cell - 1,
                label: labels
                    .get_mut(r)
                    .and_then(|l| l.get_mut(c))
                    .map(std::mem::take)
                    .unwrap_or_default(),
            });
        }
        if let Some((start, run_colour)) = run {
            let end = x0 + cell * row.len() as i32;
            runs.push((run_colour, (start, cy), (end, cy + cell)));
        }
    }
    crate::order::sort_by_key(&mut runs, |(colour, _, _)| (colour.0, colour.1, colour.2));
    for (colour, from, to) in runs {
        fill_run(area, colour, from, to)?;
    }
    crate::order::sort_by_key(&mut dots, |(_, in_background)| *in_background);
    for ((x, y), in_background) in dots {
        let colour = if in_background {
            palette.background
        } else {
            palette.text
        };
        draw_rect(area, [(x, y), (x + dot, y + dot)], colour.filled())?;
    }
    let side = cell * n as i32;
    draw_rect(
        area,
        [(x0, top), (x0 + side, top + side)],
        palette.text_muted.into(),
    )?;

    // Labels: every row and column where there is room, else thinned.
    let row_step = ((14 + cell - 1) / cell.max(1)).max(1) as usize;
    let number_width = estimate_width(&n.to_string(), FONT_SMALL) + 4;
    let column_step = ((number_width + cell - 1) / cell.max(1)).max(1) as usize;
    let label_room = f.label_width - 6;
    // The selected zone is always labelled; thinned labels too close to it
    // give way.
    let selected = view.zones.iter().position(|z| z.selected);
    for (i, zone) in view.zones.iter().enumerate() {
        let keep = |step: usize| {
            zone.selected || (i % step == 0 && selected.map_or(true, |s| s.abs_diff(i) >= step))
        };
        if keep(row_step) {
            let label = fit(
                area,
                &row_label(view, i, f.names),
                label_room,
                &small,
                FONT_SMALL,
            );
            draw_anchored(
                area,
                &label,
                (x0 - 6, top + cell * i as i32 + cell / 2),
                &small,
                HPos::Right,
                VPos::Center,
            )?;
        }
        if keep(column_step) {
            draw_anchored(
                area,
                &zone.number.to_string(),
                (x0 + cell * i as i32 + cell / 2, top - 4),
                &small,
                HPos::Center,
                VPos::Bottom,
            )?;
        }
    }

    // The selected zone: its row and column outlined.
    if let Some(i) = view.zones.iter().position(|z| z.selected) {
        let at = cell * i as i32;
        let outline = style::stroke(&palette.vermillion, 2);
        draw_rect(
            area,
            [(x0 - 1, top + at - 1), (x0 + side + 1, top + at + cell + 1)],
            outline,
        )?;
        draw_rect(
            area,
            [(x0 + at - 1, top - 1), (x0 + at + cell + 1, top + side + 1)],
            outline,
        )?;
    }

    y = top + side + 10;
    if let Some(key) = &f.key {
        draw_text(area, &view.key_title, (PAD, key.y), &muted)?;
        for (i, zone) in view.zones.iter().enumerate() {
            let (column, row) = (i as i32 / key.rows, i as i32 % key.rows);
            let at = (
                PAD + column * key.column_width,
                key.y + LINE + 2 + LINE * row,
            );
            let entry = format!("{} {}", zone.number, zone.name);
            let entry = fit(area, &entry, key.column_width - 6, &small, FONT_SMALL);
            draw_text(area, &entry, at, &small)?;
        }
        y = key.y + LINE + 2 + LINE * key.rows + 6;
    }
    draw_lines(area, &f.missing, (PAD, y), LINE, &muted)?;
    Ok(layout)
}

/// The ramp with its scale, and the dot's meaning.
fn draw_legend<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &SimilarityView,
    f: &Frame,
    width: i32,
    muted: &plotters::style::TextStyle,
) -> Result<(), ChartError> {
    let palette = style::palette();
    let y = f.legend_y;
    draw_text(area, &view.legend_title, (PAD, y), muted)?;
    let bar_top = y + LINE;
    let ramp_w = ramp_width(width - 2 * PAD);
    // The ramp in 2 px steps (half the canvas calls of 1 px ones; the
    // steps are still too fine to see).
    for x in (0..ramp_w).step_by(RAMP_STEP as usize) {
        let value = view.scale_min + (1.0 - view.scale_min) * x as f64 / (ramp_w - 1).max(1) as f64;
        let (colour, _) = ramp(palette, value, view.scale_min);
        let right = (x + RAMP_STEP).min(ramp_w);
        draw_rect(
            area,
            [(PAD + x, bar_top), (PAD + right, bar_top + LEGEND_BAR)],
            colour.filled(),
        )?;
    }
    draw_rect(
        area,
        [(PAD, bar_top), (PAD + ramp_w, bar_top + LEGEND_BAR)],
        palette.text_muted.into(),
    )?;
    let ticks = [view.scale_min, (view.scale_min + 1.0) / 2.0, 1.0];
    for (k, value) in ticks.iter().enumerate() {
        let x = PAD + (ramp_w as f64 * k as f64 / 2.0).round() as i32;
        let h = match k {
            0 => HPos::Left,
            2 => HPos::Right,
            _ => HPos::Center,
        };
        draw_text(
            area,
            &format!("{value:.2}"),
            (x, bar_top + LEGEND_BAR + 3),
            &anchored(muted, h, VPos::Top),
        )?;
    }
    // The threshold on the ramp, as a tick above the bar.
    if (view.scale_min..=1.0).contains(&view.threshold) {
        let x = PAD
            + (ramp_w as f64 * (view.threshold - view.scale_min) / (1.0 - view.scale_min)).round()
                as i32;
        draw_line(
            area,
            (x, bar_top - 3),
            (x, bar_top + LEGEND_BAR + 2),
            style::stroke(&palette.text, 2),
        )?;
    }
    let (dot_x, dot_y) = if f.legend_stacked {
        (PAD, bar_top + LEGEND_BAR + LINE + 10)
    } else {
        (PAD + ramp_w + 24, bar_top + LEGEND_BAR / 2)
    };
    let (colour, in_background) = ramp(palette, view.threshold - 0.05, view.scale_min);
    let dot = if in_background {
        palette.background
    } else {
        palette.text
    };
    draw_rect(
        area,
        [(dot_x, dot_y - 6), (dot_x + 12, dot_y + 6)],
        colour.filled(),
    )?;
    draw_rect(
        area,
        [(dot_x + 4, dot_y - 2), (dot_x + 8, dot_y + 2)],
        dot.filled(),
    )?;
    draw_text(
        area,
        &view.legend_below,
        (dot_x + 18, dot_y),
        &anchored(muted, HPos::Left, VPos::Center),
    )?;
    Ok(())
}

/// A run of cells of one colour, `from` its top left to `to` its bottom
/// right (exclusive), as one filled rectangle.
fn fill_run<DB: DrawingBackend>(
    area: &Area<DB>,
    colour: RGBColor,
    from: (i32, i32),
    to: (i32, i32),
) -> Result<(), ChartError> {
    draw_rect(area, [from, to], colour.filled())?;
    Ok(())
}
