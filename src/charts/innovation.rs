//! The innovation chart (claims C14–C16): one strip per quantity, each zone
//! a dot at its value, a solid line at the zones' average and a dashed one
//! at the level above's average where the data has it.
//!
//! Each strip has its own scale from 0 (its ends are labelled); dots that
//! would overlap stack in up to eight lanes. A strip of more than
//! [`BINNED`] zones is bars instead, one per dot's width of the strip, as
//! tall as the zones whose value falls there (the note under it says so;
//! each zone keeps its mark on its bar). The line under each strip says
//! the comparison in words (how many zones are below, what the claim
//! states), so neither colour nor position alone carries the finding. The
//! selected zone is a larger diamond, named on the strip's label line.

use plotters::prelude::DrawingBackend;
use plotters::style::Color;
use plotters_backend::text_anchor::{HPos, VPos};

use super::marks::{
    draw_anchored, draw_circle, draw_dashed, draw_diamond, draw_line, draw_rect, draw_text,
    draw_title, legend_text, text_style, title_lines,
};
use super::paragraph::{draw_lines, estimate_width, wrap};
use super::style::{self, FONT_BODY, FONT_SMALL};
use super::style::{PAD, TITLE_LINE};
use super::{Area, ChartError, Layout, Mark};
use crate::i18n::Lang;
use crate::views::innovation::{InnovationRow, InnovationView, BINNED};

const LINE: i32 = 16;
const DOT: i32 = 4;
const LANE: i32 = 9;
const MAX_LANES: usize = 8;
/// A dot's width and the gap to the next: also a bar's width.
const GAP: i32 = 2 * DOT + 1;
/// The height of a strip's lanes, and of its tallest bar.
const STRIP: usize = LANE as usize * MAX_LANES;

fn inner(width: i32) -> i32 {
    (width - 2 * PAD).max(1)
}

/// Where each dot goes on its strip (points in the row's order, ascending):
/// its x and lane. A dot takes the first lane whose last dot is a dot's
/// width to its left; when all `MAX_LANES` are taken it moves right to the
/// first free place (a beeswarm: ties such as two dozen zones with no
/// incubator spread into a small block; tooltips and the table keep the
/// exact values). With at most [`BINNED`] dots, a dot moves at most 12
/// dots' widths (8 lanes of 13). Returns the places and the number of
/// lanes used.
fn place(xs: &[i32]) -> (Vec<(i32, usize)>, usize) {
    let mut last: Vec<i32> = Vec::new();
    let mut out = Vec::with_capacity(xs.len());
    for &x in xs {
        let (x, lane) = match last.iter().position(|l| x - l >= GAP) {
            Some(lane) => (x, lane),
            None if last.len() < MAX_LANES => {
                last.push(i32::MIN / 2);
                (x, last.len() - 1)
            }
            None => last
                .iter()
                .enumerate()
                .min_by_key(|(_, l)| **l)
                .map_or((x, 0), |(i, l)| ((l + GAP).max(x), i)),
        };
        last[lane] = last[lane].max(x);
        out.push((x, lane));
    }
    let used = last.len().max(1);
    (out, used)
}

/// A strip of bars: for each dot, its bar's left edge (bars `GAP` wide
/// from the strip's left end) and the bar's height in pixels, the zones in
/// it over the most any bar has, times the strip's height (at least 2).
fn bin(xs: &[i32], width: i32) -> Vec<(i32, usize)> {
    let bar = |x: &i32| ((x - PAD) / GAP) as usize;
    let mut counts = vec![0; (width / GAP + 1) as usize];
    for x in xs {
        counts[bar(x)] += 1;
    }
    let tallest = counts.iter().max().map_or(1, |n| *n.max(&1));
    xs.iter()
        .map(|x| {
            let n = counts[bar(x)];
            (PAD + GAP * bar(x) as i32, (n * STRIP / tallest).max(2))
        })
        .collect()
}

/// A strip's scale: linear from 0, or logarithmic for positive values that
/// span more than a factor of 20 (R&D spending, S&T staff, patents), which
/// would otherwise crowd most zones into the first few pixels.
#[derive(Clone, Copy)]
struct Scale {
    log: bool,
    lo: f64,
    hi: f64,
}

fn scale(row: &InnovationRow) -> Scale {
    let values = || {
        row.points
            .iter()
            .map(|p| p.value)
            .chain(row.average)
            .chain(row.reference)
    };
    let max = values().fold(0.0_f64, f64::max);
    let min = values().fold(f64::INFINITY, f64::min);
    if min > 0.0 && max / min > 20.0 {
        Scale {
            log: true,
            lo: min / 1.1,
            hi: max * 1.1,
        }
    } else {
        Scale {
            log: false,
            lo: 0.0,
            hi: if max > 0.0 { max * 1.04 } else { 1.0 },
        }
    }
}

fn x_of(s: Scale, value: f64, width: i32) -> i32 {
    let span = inner(width) - 2 * DOT;
    let t = if s.log {
        (value.max(s.lo).ln() - s.lo.ln()) / (s.hi.ln() - s.lo.ln())
    } else {
        value / s.hi
    };
    PAD + DOT + (t.clamp(0.0, 1.0) * span as f64).round() as i32
}

struct RowFrame {
    label: Vec<String>,
    /// The selected zone, "◆ name value": right-aligned on the label's last
    /// line when it fits there (`selected_inline`), else on lines of its own
    /// under the label (`selected_lines`), never shortened.
    selected_inline: Option<String>,
    selected_lines: Vec<String>,
    note: Vec<String>,
    /// Each dot's x and lane ([`place`]), or its bar's x and height
    /// ([`bin`]).
    places: Vec<(i32, usize)>,
    lane_count: usize,
    bars: bool,
    scale: Scale,
    height: i32,
}

fn row_frame(row: &InnovationRow, log_scale_text: &str, lang: Lang, width: i32) -> RowFrame {
    let scale = scale(row);
    let label = if scale.log {
        format!("{} · {log_scale_text}", row.label)
    } else {
        row.label.clone()
    };
    let label = wrap(&label, inner(width), FONT_BODY);
    let last = label.last().map_or(0, |l| estimate_width(l, FONT_BODY));
    let selected = row
        .points
        .iter()
        .find(|p| p.selected)
        .map(|p| format!("◆ {} {}", p.name, row.format.format(p.value, lang)));
    let (selected_inline, selected_lines) = match selected {
        Some(text) if estimate_width(&text, FONT_SMALL) <= inner(width) - last - 12 => {
            (Some(text), Vec::new())
        }
        Some(text) => (None, wrap(&text, inner(width), FONT_SMALL)),
        None => (None, Vec::new()),
    };
    let note = wrap(&row.note, inner(width), FONT_SMALL);
    let xs: Vec<i32> = row
        .points
        .iter()
        .map(|p| x_of(scale, p.value, width))
        .collect();
    let bars = xs.len() > BINNED;
    let (places, lane_count) = if bars {
        (bin(&xs, width), MAX_LANES)
    } else {
        place(&xs)
    };
    let strip = LANE * lane_count as i32 + 8;
    let height = LINE * (label.len() + selected_lines.len()) as i32
        + 4
        + strip
        + LINE
        + LINE * note.len() as i32
        + 10;
    RowFrame {
        label,
        selected_inline,
        selected_lines,
        note,
        places,
        lane_count,
        bars,
        scale,
        height,
    }
}

fn header(view: &InnovationView, width: i32) -> (Vec<String>, i32, i32) {
    let title = title_lines(&view.title, width);
    let legend_y = PAD + TITLE_LINE * title.len() as i32 + 4;
    let legend_lines = legend_rows(view, width).len() as i32;
    (title, legend_y, legend_y + 20 * legend_lines + 6)
}

/// The legend entries split into lines that fit.
fn legend_rows(view: &InnovationView, width: i32) -> Vec<Vec<usize>> {
    let entries = [
        &view.legend_zone,
        &view.legend_average,
        &view.legend_reference,
    ];
    let mut rows: Vec<Vec<usize>> = vec![Vec::new()];
    let mut x = PAD;
    for (i, entry) in entries.iter().enumerate() {
        let w = 24 + estimate_width(entry, FONT_SMALL) + 14;
        if x + w > width - PAD && rows.last().is_some_and(|r| !r.is_empty()) {
            rows.push(Vec::new());
            x = PAD;
        }
        if let Some(row) = rows.last_mut() {
            row.push(i);
        }
        x += w;
    }
    rows
}

/// The height this chart wants at `width` CSS pixels.
pub fn preferred_height(view: &InnovationView, width: u32) -> u32 {
    let width = width as i32;
    let (_, _, top) = header(view, width);
    let rows: i32 = view
        .rows
        .iter()
        .map(|r| row_frame(r, &view.log_scale_text, view.lang, width).height)
        .sum();
    (top + rows.max(LINE * 2) + PAD) as u32
}

/// Draws the chart into `area` and returns where each dot went, strip by
/// strip, lowest value first.
pub fn draw<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &InnovationView,
) -> Result<Layout, ChartError> {
    let palette = style::palette();
    let width = draw_title(area, &view.title)?;
    let body = text_style(FONT_BODY, &palette.text);
    let muted = text_style(FONT_SMALL, &palette.text_muted);
    let (_title_lines, legend_y, top) = header(view, width);
    let mut layout = Layout::default();
    if view.rows.is_empty() {
        draw_text(area, &view.empty_text, (PAD, legend_y + 4), &body)?;
        return Ok(layout);
    }

    for (line, entries) in legend_rows(view, width).iter().enumerate() {
        let centre = legend_y + 8 + 20 * line as i32;
        let mut x = PAD;
        for entry in entries {
            match entry {
                0 => {
                    draw_circle(area, (x + 9, centre), DOT, palette.blue.filled())?;
                    x = legend_text(area, &view.legend_zone, (x + 20, centre), &muted)?;
                }
                1 => {
                    draw_line(
                        area,
                        (x + 9, centre - 7),
                        (x + 9, centre + 7),
                        style::stroke(&palette.text, 2),
                    )?;
                    x = legend_text(area, &view.legend_average, (x + 20, centre), &muted)?;
                }
                _ => {
                    draw_dashed(
                        area,
                        (x + 9, centre - 7),
                        (x + 9, centre + 7),
                        &palette.vermillion,
                        2,
                    )?;
                    x = legend_text(area, &view.legend_reference, (x + 20, centre), &muted)?;
                }
            }
        }
    }

    let mut y = top;
    let mut datum = 0;
    for row in &view.rows {
        let f = row_frame(row, &view.log_scale_text, view.lang, width);
        let below_label = draw_lines(area, &f.label, (PAD, y), LINE, &body)?;
        // The selected zone's name and value: on the label's last line, or
        // on lines of their own under it.
        if let Some(text) = &f.selected_inline {
            draw_anchored(
                area,
                text,
                (width - PAD, below_label - LINE / 2),
                &muted,
                HPos::Right,
                VPos::Center,
            )?;
        }
        let strip_top = draw_lines(area, &f.selected_lines, (PAD, below_label), LINE, &muted)? + 4;
        let strip_bottom = strip_top + LANE * f.lane_count as i32 + 8;
        draw_line(
            area,
            (PAD, strip_bottom),
            (width - PAD, strip_bottom),
            palette.grid.into(),
        )?;
        // Scale ends (the label line says when the scale is logarithmic).
        draw_anchored(
            area,
            &row.format.format(f.scale.lo, view.lang),
            (PAD, strip_bottom + 2),
            &muted,
            HPos::Left,
            VPos::Top,
        )?;
        draw_anchored(
            area,
            &row.format.format(f.scale.hi, view.lang),
            (width - PAD, strip_bottom + 2),
            &muted,
            HPos::Right,
            VPos::Top,
        )?;
        if let Some(average) = row.average {
            let x = x_of(f.scale, average, width);
            draw_line(
                area,
                (x, strip_top - 2),
                (x, strip_bottom + 2),
                style::stroke(&palette.text, 2),
            )?;
        }
        if let Some(reference) = row.reference {
            let x = x_of(f.scale, reference, width);
            draw_dashed(
                area,
                (x, strip_top - 2),
                (x, strip_bottom + 2),
                &palette.vermillion,
                2,
            )?;
        }
        let mut selected = None;
        // A bar once (its dots come one after another), each dot's mark on it.
        let mut last_bar = None;
        for (point, &(x, lane)) in row.points.iter().zip(&f.places) {
            let cy = strip_top + 4 + DOT + LANE * lane as i32;
            let (at, (x0, y0, x1, y1)) = if f.bars {
                let top = strip_bottom - lane as i32;
                if last_bar.replace(x) != Some(x) {
                    draw_rect(
                        area,
                        [(x, top), (x + GAP - 1, strip_bottom)],
                        palette.blue.filled(),
                    )?;
                }
                ((x + DOT, top), (x, top, x + GAP - 1, strip_bottom))
            } else {
                draw_circle(area, (x, cy), DOT, palette.blue.filled())?;
                draw_circle(area, (x, cy), DOT, palette.background.into())?;
                ((x, cy), (x - DOT, cy - DOT, x + DOT, cy + DOT))
            };
            if point.selected {
                selected = Some(at);
            }
            layout.marks.push(Mark {
                datum,
                x0,
                y0,
                x1,
                y1,
                label: String::new(),
            });
            datum += 1;
        }
        if let Some(at) = selected {
            draw_diamond(area, at, 7, &palette.vermillion)?;
        }
        draw_lines(area, &f.note, (PAD, strip_bottom + LINE + 2), LINE, &muted)?;
        y += f.height;
    }
    Ok(layout)
}

#[cfg(test)]
mod place_tests {
    use super::*;

    /// By hand: gap 9 px. 24 zones at x = 0 fill 8 lanes three deep (x = 0,
    /// 9, 18); 100 (the most a strip of dots has, `BINNED`) at x = 0 end
    /// 12 gaps right (8 lanes of 12 and 4 more), and a dot after them at
    /// x = 500 is at its value.
    #[test]
    fn dots_move_right_a_little() {
        let (places, lanes) = place(&[0; 24]);
        assert_eq!(lanes, 8);
        let xs: Vec<i32> = places.iter().map(|p| p.0).collect();
        assert_eq!(xs[..8], [0; 8]);
        assert_eq!(xs[8..16], [9; 8]);
        assert_eq!(xs[16..], [18; 8]);
        let mut many = vec![0; BINNED];
        many.push(500);
        let (places, _) = place(&many);
        assert_eq!(places[BINNED - 1].0, 12 * 9);
        assert_eq!(places.iter().filter(|p| p.0 == 12 * 9).count(), 4);
        assert_eq!(places[BINNED].0, 500);
    }

    /// By hand: bars 9 px wide from x = PAD (8); dots at 8, 16, 17 and 52
    /// fall in bars 0, 0, 1 and 4 (52 − 8 = 44 = 4 × 9 + 8), which start
    /// at 8, 17 and 44; bar 0 has the most (2): the strip's 72 px, bars 1
    /// and 4 half that.
    #[test]
    fn bars_count_the_dots_in_each_dots_width() {
        assert_eq!((PAD, STRIP), (8, 72));
        let places = bin(&[8, 16, 17, 52], 100);
        assert_eq!(places, [(8, 72), (8, 72), (17, 36), (44, 36)]);
    }
}
