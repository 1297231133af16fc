//! The `similarity` chart, the similarity heatmap of the zones' industry structures (claim
//! C18: one park, one specialty is not achieved), or each zone's nearest
//! twins where a heatmap would not serve.
//!
//! The heatmap: an n × n matrix of cells, zones in the view's clustered
//! order (groups side by side, each group's block outlined), each cell
//! coloured by the cosine similarity of two zones' industry mixes on a
//! single-hue ramp, with the scale as a legend. Colour is not the only cue:
//! cells below the claim's threshold carry a small square dot, and every
//! cell's value and shared industries are in its tooltip and the table. Rows
//! are labelled with the zones' names, columns with the names turned upright
//! (shortened with "…" when long; the tooltip has them whole). The selected
//! zone's row and column are outlined.
//!
//! The twins list: when the view has no matrix (above
//! `views::similarity::HEATMAP_ZONES` zones) or a cell would be smaller than
//! [`MIN_CELL`] px ([`TOUCH_TARGET`] for a finger), one row per zone, at
//! least [`TOUCH_TARGET`] px high and the chart's width, naming its most
//! similar zones with their similarity and shared industries, under a line
//! saying why. At most `LIST_ROWS` rows, the rest in the table.

use plotters::prelude::DrawingBackend;
use plotters::style::{Color, RGBColor};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::FontTransform;

use super::marks::{
    anchored, draw_anchored, draw_line, draw_rect, draw_text, draw_title, text_style, title_lines,
};
use super::paragraph::{draw_lines, estimate_width, fit, wrap};
use super::style::{self, FONT_BODY, FONT_SMALL, TOUCH_TARGET};
use super::style::{Palette, PAD, TITLE_LINE};
use super::{Area, ChartError, Layout, Mark};
use crate::format::Fixed;
use crate::views::similarity::SimilarityView;

const LINE: i32 = 16;
/// The smallest heatmap cell for a mouse: a row's name label fits in it.
pub const MIN_CELL: i32 = 16;
const MAX_CELL: i32 = 22;
/// The longest a row's or a column's name label gets, in px.
const NAME_ROOM: i32 = 120;
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
    label_width: i32,
    cell: i32,
    matrix: (i32, i32),
    /// The twins list instead of the heatmap: its lines and rows.
    list: Option<List>,
    height: i32,
}

struct List {
    /// Why the list, and how much of it, wrapped.
    note: Vec<String>,
    top: i32,
    /// Per listed zone: its twins' lines, wrapped, and its row's height.
    rows: Vec<(Vec<String>, i32)>,
}

/// The smallest cell the reader can use: a finger's target or a mouse's.
fn min_cell() -> i32 {
    if style::touch() {
        TOUCH_TARGET
    } else {
        MIN_CELL
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
    let legend_height = LINE + LEGEND_BAR + LINE + if legend_stacked { LINE + 4 } else { 0 } + LINE;
    let widest = view
        .zones
        .iter()
        .map(|z| estimate_width(&z.name, FONT_SMALL))
        .max()
        .unwrap_or(0)
        .min(NAME_ROOM);
    let label_width = widest + 8;
    let smallest = min_cell();
    let cell = if n > 0 {
        ((inner - label_width) / n).clamp(1, MAX_CELL.max(smallest))
    } else {
        0
    };
    let matrix_top = legend_y + legend_height + 8 + widest + 8;
    let heatmap = !view.cells.is_empty() && cell >= smallest;
    let mut y;
    let list = if heatmap || n == 0 {
        y = matrix_top + cell * n + 10;
        None
    } else {
        let reason = if view.cells.is_empty() {
            view.many_text.clone()
        } else {
            view.narrow_text.clone()
        };
        let mut note = wrap(&reason, inner, FONT_SMALL);
        note.extend(wrap(&view.more_text, inner, FONT_SMALL));
        let top = legend_y + LINE * note.len() as i32 + 8;
        y = top;
        let mut rows = Vec::with_capacity(view.list.len());
        for k in &view.list {
            let mut lines: Vec<String> = Vec::new();
            for t in view.zones.get(*k).map_or(&[][..], |z| &z.twins[..]) {
                lines.extend(wrap(&twin_line(view, *k, t), inner - 12, FONT_SMALL));
            }
            let height = (6 + LINE + 2 + LINE * lines.len() as i32 + 6).max(TOUCH_TARGET);
            y += height;
            rows.push((lines, height));
        }
        y += 10;
        Some(List { note, top, rows })
    };
    let height = y + LINE * missing.len() as i32 + PAD;
    Frame {
        title,
        headline,
        missing,
        legend_y,
        legend_stacked,
        label_width,
        cell,
        matrix: (PAD + label_width, matrix_top),
        list,
        height,
    }
}

/// "Zone B 0.97: Electronic information, New materials".
/// Twin `twin` of zone `row` (view order).
fn twin_line(
    view: &SimilarityView,
    row: usize,
    twin: &crate::views::similarity::TwinZone,
) -> String {
    let sep = view.lang.pick("：", ": ");
    let shared = view.shared_between(row, twin.row);
    if shared.is_empty() {
        format!("≈ {} {}", twin.name, Fixed(twin.similarity, 2))
    } else {
        format!("≈ {} {}{sep}{shared}", twin.name, Fixed(twin.similarity, 2))
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

/// Draws the chart into `area` and returns where each cell went, row by row
/// (or each listed zone's row).
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
    let y = PAD + TITLE_LINE * f.title.len() as i32;
    draw_lines(area, &f.headline, (PAD, y), LINE, &body)?;

    let n = view.zones.len();
    if n == 0 {
        draw_text(area, &view.empty_text, (PAD, f.legend_y + 4), &body)?;
        draw_lines(area, &f.missing, (PAD, f.legend_y + 26), LINE, &muted)?;
        return Ok(Layout::default());
    }
    if let Some(list) = &f.list {
        return draw_list(area, view, &f, list, width);
    }
    draw_legend(area, view, &f, width, &muted)?;
    let mut layout = Layout::default();

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
        draw_rect(area, [from, to], colour.filled())?;
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
    // Each group's block on the diagonal, outlined (its zones are side by
    // side in the clustered order).
    let group_outline = style::stroke(&palette.text, 2);
    for group in &view.groups {
        let (Some(first), Some(last)) = (group.members.first(), group.members.last()) else {
            continue;
        };
        let (a, b) = (cell * *first as i32, cell * (*last as i32 + 1));
        draw_rect(area, [(x0 + a, top + a), (x0 + b, top + b)], group_outline)?;
    }

    // Names: every row at its left, every column upright above it.
    let room = f.label_width - 8;
    let upright = small.transform(FontTransform::Rotate270);
    for (i, zone) in view.zones.iter().enumerate() {
        let label = fit(area, &zone.name, room, &small, FONT_SMALL);
        let middle = cell * i as i32 + cell / 2;
        draw_anchored(
            area,
            &label,
            (x0 - 6, top + middle),
            &small,
            HPos::Right,
            VPos::Center,
        )?;
        draw_anchored(
            area,
            &label,
            (x0 + middle, top - 6),
            &upright,
            HPos::Left,
            VPos::Center,
        )?;
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
    draw_lines(area, &f.missing, (PAD, top + side + 10), LINE, &muted)?;
    layout.columns = n;
    Ok(layout)
}

/// The twins list: why it is shown, then a row per listed zone, its name
/// and group over its twins' lines. Each row is one mark, the chart's width
/// and at least [`TOUCH_TARGET`] px high.
fn draw_list<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &SimilarityView,
    f: &Frame,
    list: &List,
    width: i32,
) -> Result<Layout, ChartError> {
    let palette = style::palette();
    let body = text_style(FONT_BODY, &palette.text);
    let small = text_style(FONT_SMALL, &palette.text);
    let muted = text_style(FONT_SMALL, &palette.text_muted);
    let mut layout = Layout::default();
    draw_lines(area, &list.note, (PAD, f.legend_y), LINE, &muted)?;
    let inner = width - 2 * PAD;
    let mut y = list.top;
    for (k, (lines, height)) in view.list.iter().zip(&list.rows) {
        let Some(zone) = view.zones.get(*k) else {
            continue;
        };
        draw_line(area, (PAD, y), (PAD + inner, y), palette.grid.into())?;
        let name = fit(
            area,
            &format!("{}{}", zone.name, zone.group_note),
            inner,
            &body,
            FONT_BODY,
        );
        draw_text(area, &name, (PAD, y + 6), &body)?;
        draw_lines(area, lines, (PAD + 12, y + 6 + LINE + 2), LINE, &small)?;
        if zone.selected {
            draw_rect(
                area,
                [(PAD - 4, y + 1), (PAD + inner + 4, y + height - 1)],
                style::stroke(&palette.vermillion, 2),
            )?;
        }
        layout.marks.push(Mark {
            datum: *k,
            x0: PAD,
            y0: y,
            x1: PAD + inner - 1,
            y1: y + height - 1,
            label: view.zone_label(*k),
        });
        y += height;
    }
    draw_lines(area, &f.missing, (PAD, y + 10), LINE, &muted)?;
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
            &Fixed(*value, 2).to_string(),
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
    if !view.groups.is_empty() {
        let y = bar_top + LEGEND_BAR + LINE + if f.legend_stacked { LINE + 4 } else { 0 } + 10;
        draw_rect(
            area,
            [(PAD, y - 6), (PAD + 12, y + 6)],
            style::stroke(&palette.text, 2),
        )?;
        draw_text(
            area,
            &view.legend_group,
            (PAD + 18, y),
            &anchored(muted, HPos::Left, VPos::Center),
        )?;
    }
    Ok(())
}
