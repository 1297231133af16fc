//! The `bump` chart, "rank over the years": a bump chart, years across
//! (labelled every k-th year back from the last when all would not fit side
//! by side: 20 years on a card), rank 1 at the top, one line per zone, and at each year a marker whose shape and colour
//! say the tier the zone earned (star: reward, triangle: warning, cross:
//! named for exit, hollow circle: none). The zones' names sit at the right
//! end, at their last rank. Lines are grey; the selected zone's is blue,
//! thick and drawn last, its name in blue. A zone named for exit drops,
//! from the year after, into a grey lane under the ranks (已退出 / exited),
//! named at its right end (or counted, when their names do not fit). Under
//! the years, the selected zone's history as a row of year cells: its tier
//! glyph, its rank under the labelled years, and after an exit one grey run.

use plotters::prelude::DrawingBackend;
use plotters::style::Color;
use plotters_backend::text_anchor::{HPos, VPos};

use super::marks;
use super::marks::{draw_anchored, draw_line, draw_rect, fit_text, text_style, text_width};
use super::style::{self, FONT_SMALL};
use super::style::{NOTE_LINE, PAD, TITLE_LINE};
use super::tiers::{draw_error, draw_legend_and_note, note_lines, title_lines};
use super::tiers::{draw_tier_glyph, legend_height, rank_ticks, LegendKey};
use super::{Area, ChartError, Layout, Mark};
use crate::views::bump::{BumpLine, BumpView};

/// Pixels per rank.
const RANK: i32 = 16;
/// The selected zone's row of year cells (rank and tier glyph).
const STRIP: i32 = 44;

/// The lane of exited zones (when a zone exited) and the selected zone's
/// row of year cells (when a zone is selected), in pixels.
fn extras(view: &BumpView) -> (i32, i32) {
    let exited = view
        .lines
        .iter()
        .any(|l| l.points.iter().any(|p| p.exited_in.is_some()));
    let selected = view.lines.iter().any(|l| l.selected);
    (i32::from(exited) * (RANK + 6), i32::from(selected) * STRIP)
}
/// Year labels above the plot.
const YEARS: i32 = 22;
const AXIS: i32 = 26;

/// The legend's labels, as `draw_body` gives them.
fn legend_labels(view: &BumpView) -> Vec<&str> {
    view.legend
        .iter()
        .map(|(_, label)| label.as_str())
        .collect()
}

fn header(title: &str, note: &str, legend: &[&str], width: i32) -> i32 {
    PAD + title_lines(title, width) * TITLE_LINE
        + 4
        + legend_height(width, legend)
        + note_lines(note, width) * NOTE_LINE
        + 4
        + YEARS
}

/// The height this chart wants at `width` CSS pixels.
pub fn preferred_height(view: &BumpView, width: u32) -> u32 {
    let width = width as i32;
    if view.error.is_some() {
        let extra = super::marks::title_extra(&view.title, width);
        return (extra + PAD + TITLE_LINE + 4 * NOTE_LINE + PAD) as u32;
    }
    let (lane, strip) = extras(view);
    (header(&view.title, &view.note, &legend_labels(view), width)
        + RANK * view.shown.len().max(1) as i32
        + lane
        + AXIS
        + strip
        + PAD) as u32
}

/// Draws the bump chart; one mark per zone and year, zone by zone in the
/// order of their last rank, years ascending.
pub fn draw<DB: DrawingBackend>(area: &Area<DB>, view: &BumpView) -> Result<Layout, ChartError> {
    let palette = style::palette();
    // Titles wrap by the width estimate, as every chart's (see `marks`).
    let width = marks::draw_title(area, &view.title)?;
    let small = text_style(FONT_SMALL, &palette.text);
    let muted = text_style(FONT_SMALL, &palette.text_muted);
    if let Some(error) = &view.error {
        return draw_error(area, &view.title, error, width, &small);
    }
    let entries: Vec<(LegendKey, &str)> = view
        .legend
        .iter()
        .map(|(tier, label)| (LegendKey::Glyph(*tier), label.as_str()))
        .collect();
    draw_legend_and_note(area, &view.title, &entries, &view.note, width, &muted)?;

    let top = header(&view.title, &view.note, &legend_labels(view), width);
    // The ranks drawn (`BumpView::shown`: all, or a window at national
    // scale), from `first` to `last`; a line leaving them is cut at the
    // plot's edge.
    let (first, last) = (view.shown.start + 1, view.shown.end.max(1));
    let inside = |rank: usize| (first..=last).contains(&rank);
    let y_at = |rank: f64| top + (RANK as f64 * (rank - first as f64)).round() as i32 + RANK / 2;
    let y_of = |rank: usize| y_at(rank as f64);
    // Room for the names labelled at the right end: those whose last rank
    // is drawn, and the exited (not the 2,000 names of a national file).
    let widest = view
        .lines
        .iter()
        .filter(|l| {
            l.points
                .last()
                .is_some_and(|p| p.rank.map_or(p.exited_in.is_some(), inside))
        })
        .map(|l| text_width(area, &l.name, &small))
        .max()
        .unwrap_or(0);
    let label_room = (widest + 4).min(width * 30 / 100);
    let px0 = PAD + 48;
    let px1 = width - PAD - label_room - 10;
    let n_years = view.years.len();
    let x_of = |t: usize| {
        if n_years > 1 {
            px0 + ((px1 - px0) as i64 * t as i64 / (n_years as i64 - 1)) as i32
        } else {
            (px0 + px1) / 2
        }
    };
    let ranks_bottom = top + RANK * (last + 1 - first) as i32;
    let (lane, strip) = extras(view);
    let bottom = ranks_bottom + lane;
    // The exited zones' lane, under the ranks.
    let lane_y = ranks_bottom + 6 + RANK / 2;
    if lane > 0 {
        draw_rect(
            area,
            [(PAD, ranks_bottom + 3), (width - PAD, bottom)],
            palette.grid.filled(),
        )?;
        draw_anchored(
            area,
            &view.exited_label,
            (PAD, lane_y),
            &muted,
            HPos::Left,
            VPos::Center,
        )?;
    }

    // Years across the top and bottom, with a grid line each; labelled
    // every `step`-th year back from the last, as many as fit side by side.
    let widest_year = view
        .years
        .iter()
        .map(|y| text_width(area, &y.to_string(), &muted))
        .max()
        .unwrap_or(0);
    let step = year_step(widest_year, x_of(1) - x_of(0));
    for (t, year) in view.years.iter().enumerate() {
        let x = x_of(t);
        draw_line(area, (x, top), (x, bottom), palette.grid.into())?;
        if (n_years - 1 - t) % step != 0 {
            continue;
        }
        for (y, v) in [(top - 4, VPos::Bottom), (bottom + 4, VPos::Top)] {
            draw_anchored(area, &year.to_string(), (x, y), &muted, HPos::Center, v)?;
        }
    }
    // Ranks down the left, under their title.
    draw_anchored(
        area,
        &view.axis_label,
        (PAD, top - 4),
        &muted,
        HPos::Left,
        VPos::Bottom,
    )?;
    let span = last + 1 - first;
    let ticks = rank_ticks(span, (span / 4).max(2));
    for rank in ticks.into_iter().map(|t| t + first - 1) {
        draw_anchored(
            area,
            &rank.to_string(),
            (PAD + 22, y_of(rank)),
            &muted,
            HPos::Right,
            VPos::Center,
        )?;
    }

    // A point's place: its rank when drawn, or the exited lane from the year
    // after an exit.
    let at = |t: usize, p: &crate::views::bump::BumpPoint| match (p.rank, p.exited_in) {
        (Some(rank), _) if inside(rank) => Some((x_of(t), y_of(rank))),
        (Some(_), _) => None,
        (None, Some(_)) => Some((x_of(t), lane_y)),
        (None, None) => None,
    };
    let draw_line = |line: &BumpLine, color: &plotters::style::RGBColor, stroke: u32| {
        for t in 1..line.points.len() {
            let (p, q) = (&line.points[t - 1], &line.points[t]);
            let exited = q.exited_in.is_some();
            let color = if exited { &palette.line_muted } else { color };
            // Two ranks: the part within the drawn ranks.
            if let (Some(a), Some(b)) = (p.rank, q.rank) {
                let Some(((xa, ra), (xb, rb))) = clip(
                    (x_of(t - 1) as f64, a as f64),
                    (x_of(t) as f64, b as f64),
                    (first as f64 - 0.5, last as f64 + 0.5),
                ) else {
                    continue;
                };
                draw_line(
                    area,
                    (xa.round() as i32, y_at(ra)),
                    (xb.round() as i32, y_at(rb)),
                    style::stroke(color, stroke),
                )?;
            } else if let (Some(a), Some(b)) = (at(t - 1, p), at(t, q)) {
                // Into the exited lane (from a drawn rank).
                draw_line(area, a, b, style::stroke(color, stroke))?;
            }
        }
        Ok::<(), ChartError>(())
    };
    for line in view.lines.iter().filter(|l| !l.selected) {
        draw_line(line, &palette.line_muted, 1)?;
    }
    for line in view.lines.iter().filter(|l| l.selected) {
        draw_line(line, &palette.blue, 3)?;
    }

    let mut layout = Layout::default();
    for (i, line) in view.lines.iter().enumerate() {
        for (t, point) in line.points.iter().enumerate() {
            let Some((x, y)) = at(t, point) else {
                continue;
            };
            if point.rank.is_some() {
                // A white disc under the glyph keeps it clear of the lines.
                draw_rect(
                    area,
                    [(x - 5, y - 5), (x + 5, y + 5)],
                    palette.background.filled(),
                )?;
                draw_tier_glyph(area, point.tier, (x, y), 5, true)?;
            } else {
                // Exited: a grey dot in the lane.
                marks::draw_circle(area, (x, y), 3, palette.line_muted.filled())?;
            }
            layout.marks.push(Mark {
                datum: i * n_years + t,
                x0: x - 6,
                y0: y - RANK / 2,
                x1: x + 6,
                y1: y + RANK / 2 - 1,
                label: view.tooltip(line, point),
            });
        }
    }
    // Names at the right end; zones tied at their last rank share a label,
    // and so do the exited zones in their lane (rank 0 here).
    let mut labels: Vec<(usize, Vec<&str>, bool)> = Vec::new();
    for line in &view.lines {
        let last = line.points.last();
        let Some(rank) = last
            .and_then(|p| p.rank.or(p.exited_in.map(|_| 0)))
            .filter(|&r| r == 0 || inside(r))
        else {
            continue;
        };
        match labels.iter_mut().find(|(r, _, _)| *r == rank) {
            Some((_, names, selected)) => {
                names.push(&line.name);
                *selected |= line.selected;
            }
            None => labels.push((rank, vec![&line.name], line.selected)),
        }
    }
    for (rank, names, selected) in labels {
        let color = match (selected, rank) {
            (true, _) => palette.blue,
            (false, 0) => palette.text_muted,
            _ => palette.text,
        };
        let mut label = names.join(view.lang.pick("、", ", "));
        // Many zones in the exited lane: how many, rather than a name cut
        // short (the tooltips and the table name each).
        if rank == 0 && names.len() > 1 && text_width(area, &label, &small) > label_room {
            label = view.exited_count.clone();
        }
        let label = fit_text(area, &label, label_room, &small);
        draw_anchored(
            area,
            &label,
            (px1 + 10, if rank == 0 { lane_y } else { y_of(rank) }),
            &text_style(FONT_SMALL, &color),
            HPos::Left,
            VPos::Center,
        )?;
    }
    if let (Some(line), true) = (view.lines.iter().find(|l| l.selected), strip > 0) {
        draw_timeline(area, view, line, (bottom + AXIS, &x_of, step))?;
    }
    Ok(layout)
}

/// Every how many years a label fits when years are `spacing` pixels apart
/// and the widest label is `widest` pixels (with 6 to spare between two):
/// 1 when each fits, else the fewest that keep labels clear of each other.
pub(crate) fn year_step(widest: i32, spacing: i32) -> usize {
    let room = widest + 6;
    if spacing >= room {
        1
    } else {
        (room + spacing.max(1) - 1) as usize / spacing.max(1) as usize
    }
}

/// The selected zone's history as a row of year cells under the chart:
/// each year its tier glyph, and its rank under it on the labelled years
/// (every `step`-th); the years after an exit one grey run saying so once.
fn draw_timeline<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &BumpView,
    line: &BumpLine,
    (top, x_of, step): (i32, &dyn Fn(usize) -> i32, usize),
) -> Result<(), ChartError> {
    let palette = style::palette();
    let small = text_style(FONT_SMALL, &palette.text);
    let muted = text_style(FONT_SMALL, &palette.text_muted);
    let label = format!(
        "{}{}{}",
        view.selected_label,
        view.lang.pick("：", ": "),
        line.name
    );
    let width = area.dim_in_pixel().0 as i32;
    let label = fit_text(area, &label, width - 2 * PAD, &muted);
    draw_anchored(area, &label, (PAD, top), &muted, HPos::Left, VPos::Top)?;
    let n = view.years.len();
    let half = if n > 1 {
        ((x_of(1) - x_of(0)) / 2 - 2).clamp(6, 26)
    } else {
        26
    };
    // Each year its tier glyph in a cell and its rank under it (every
    // `step`-th year, as the axis, when there are many); the years after an
    // exit one grey run, said once.
    let y = top + 22;
    if let Some(out) = line.points.iter().position(|p| p.exited_in.is_some()) {
        let (x0, x1) = (x_of(out) - half, x_of(n - 1) + half);
        draw_rect(area, [(x0, y - 8), (x1, y + 8)], palette.grid.filled())?;
        let text = fit_text(area, &view.exited_label, x1 - x0, &muted);
        draw_anchored(
            area,
            &text,
            ((x0 + x1) / 2, y),
            &muted,
            HPos::Center,
            VPos::Center,
        )?;
    }
    for (t, point) in line.points.iter().enumerate() {
        if point.exited_in.is_some() {
            break;
        }
        let x = x_of(t);
        draw_rect(
            area,
            [(x - half, y - 8), (x + half, y + 8)],
            style::stroke(&palette.grid, 1),
        )?;
        draw_tier_glyph(area, point.tier, (x, y), 5, false)?;
        if (n - 1 - t) % step == 0 {
            let rank = point
                .rank
                .map_or_else(|| "—".to_string(), |r| r.to_string());
            draw_anchored(area, &rank, (x, y + 9), &small, HPos::Center, VPos::Top)?;
        }
    }
    Ok(())
}

/// The part of the segment from `a` to `b` (x, rank) whose rank is within
/// `lo..=hi`, or `None` when none is: a line that leaves the drawn ranks is
/// cut at the edge, not bent along it.
fn clip(a: (f64, f64), b: (f64, f64), (lo, hi): (f64, f64)) -> Option<((f64, f64), (f64, f64))> {
    let at = |r: f64| {
        let t = if b.1 == a.1 {
            0.0
        } else {
            (r - a.1) / (b.1 - a.1)
        };
        (a.0 + (b.0 - a.0) * t, r)
    };
    if (a.1 < lo && b.1 < lo) || (a.1 > hi && b.1 > hi) {
        return None;
    }
    let a2 = if a.1 < lo {
        at(lo)
    } else if a.1 > hi {
        at(hi)
    } else {
        a
    };
    let b2 = if b.1 < lo {
        at(lo)
    } else if b.1 > hi {
        at(hi)
    } else {
        b
    };
    Some((a2, b2))
}
