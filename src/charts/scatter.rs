//! The `scatter` chart, "land against GDP": a bubble per zone at its land (x, km²) and
//! GDP (y, 亿元), the bubble's area proportional to its high-tech
//! enterprises. National zones are filled circles, region-level zones hollow
//! triangles of the same area (shape and a legend, not colour alone). The
//! largest zones and the selected one are labelled; both axes can be
//! logarithmic.

use plotters::element::Polygon;
use plotters::prelude::DrawingBackend;
use plotters::style::Color;
use plotters_backend::text_anchor::{HPos, VPos};

use super::marks::{
    draw_anchored, draw_circle, draw_message, draw_path, draw_rect, draw_text, draw_wrapped,
    estimated_lines, fit_text, legend_text, overlaps, text_style, text_width, title_extra, titled,
    MESSAGE_HEIGHT,
};
use super::scale::{draw_x_axis, draw_y_axis, widest_label, Scale};
use super::style::{self, FONT_BODY, FONT_SMALL};
use super::style::{NOTE_LINE, PAD};
use super::{Area, ChartError, Layout, Mark};
use crate::views::scatter::{ScatterPoint, ScatterView, DENSE};

/// Below this width the legend takes two lines and fewer zones are labelled.
const NARROW: i32 = 560;
const AXIS_BELOW: i32 = 44;
const MIN_RADIUS: f64 = 3.0;

/// The height this chart wants at `width` CSS pixels.
pub fn preferred_height(view: &ScatterView, width: u32) -> u32 {
    if view.points.is_empty() {
        return MESSAGE_HEIGHT;
    }
    let width = width as i32;
    let notes = estimated_lines(&view.missing, width - 2 * PAD) * NOTE_LINE;
    (title_extra(&view.title, width)
        + plot_top(width)
        + plot_height(width)
        + AXIS_BELOW
        + notes
        + PAD) as u32
}

fn header(width: i32) -> i32 {
    if width < NARROW {
        70
    } else {
        52
    }
}

/// The y axis title sits between the header and the plot.
fn plot_top(width: i32) -> i32 {
    header(width) + 24
}

fn plot_height(width: i32) -> i32 {
    (width * 11 / 20).clamp(220, 400)
}

/// The largest bubble's radius at `width`.
fn max_radius(width: i32) -> f64 {
    f64::from((width / 24).clamp(10, 26))
}

/// Draws the chart into `area` and returns a mark per bubble, in reading order.
pub fn draw<DB: DrawingBackend>(area: &Area<DB>, view: &ScatterView) -> Result<Layout, ChartError> {
    if view.points.is_empty() {
        draw_message(area, &view.title, &view.empty_text)?;
        return Ok(Layout::default());
    }
    titled(area, &view.title, &|area| draw_body(area, view))
}

/// Everything under the title (see [`titled`]).
fn draw_body<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &ScatterView,
) -> Result<Layout, ChartError> {
    let width = area.dim_in_pixel().0 as i32;
    let muted = text_style(FONT_SMALL, &style::palette().text_muted);
    draw_legend(area, view, width, &muted)?;

    // Scales: ticks first (they fix the y labels' margin), then pixels.
    let (top, bottom) = (plot_top(width), plot_top(width) + plot_height(width));
    let lands = view.points.iter().map(|p| p.land);
    let gdps = view.points.iter().map(|p| p.gdp);
    let (x_lo, x_hi) = bounds(lands, view.log_scale);
    let (y_lo, y_hi) = bounds(gdps, view.log_scale);
    let ticks = if width < NARROW { 5 } else { 6 };
    let make = |lo: f64, hi: f64, range: (i32, i32)| {
        if view.log_scale {
            Scale::log(lo, hi, range)
        } else {
            // 5% headroom: a bubble at the largest value is not cut by the edge.
            Scale::linear(0.0, hi * 1.05, range, ticks)
        }
    };
    let margin = widest_label(area, &make(y_lo, y_hi, (0, 1)), false);
    let left = PAD + margin + 6;
    let right = width - PAD - 4;
    let x = make(x_lo, x_hi, (left, right));
    let y = make(y_lo, y_hi, (bottom, top));
    draw_y_axis(area, &y, (left, right), false)?;
    draw_x_axis(area, &x, (top, bottom), false)?;
    draw_text(
        area,
        &fit_text(area, &view.y_title, width - 2 * PAD, &muted),
        (PAD, top - 20),
        &muted,
    )?;
    draw_anchored(
        area,
        &fit_text(area, &view.x_title, right - left, &muted),
        (right, bottom + 24),
        &muted,
        HPos::Right,
        VPos::Top,
    )?;

    let largest = view
        .points
        .iter()
        .filter_map(|p| p.enterprises)
        .fold(0.0, f64::max);
    let r_max = max_radius(width);
    let radius = |p: &ScatterPoint| match p.enterprises {
        Some(e) if largest > 0.0 => (r_max * (e.max(0.0) / largest).sqrt()).max(MIN_RADIUS),
        _ => MIN_RADIUS,
    };
    let placed: Vec<((i32, i32), f64)> = view
        .points
        .iter()
        .map(|p| ((x.map(p.land), y.map(p.gdp)), radius(p)))
        .collect();

    // The largest bubbles first, so that small ones stay visible on top.
    let mut order: Vec<usize> = (0..view.points.len()).collect();
    crate::order::sort_by(&mut order, |a, b| placed[*b].1.total_cmp(&placed[*a].1));
    let dense = view.points.len() > DENSE;
    for i in order {
        let (centre, r) = placed[i];
        if dense {
            draw_dot(area, view.points[i].national, centre)?;
        } else {
            draw_bubble(area, &view.points[i], centre, r)?;
        }
    }
    draw_labels(area, view, &placed, (left, top, right, bottom), width)?;

    if !view.missing.is_empty() {
        draw_wrapped(
            area,
            &view.missing,
            (PAD, bottom + AXIS_BELOW),
            width - 2 * PAD,
            NOTE_LINE,
            &muted,
        )?;
    }

    let marks = view
        .points
        .iter()
        .zip(&placed)
        .enumerate()
        .map(|(datum, (point, ((cx, cy), r)))| {
            let r = (r.round() as i32).max(4);
            Mark {
                datum,
                x0: cx - r,
                y0: cy - r,
                x1: cx + r,
                y1: cy + r,
                label: point.label.clone(),
            }
        })
        .collect();
    Ok(Layout { marks, columns: 0 })
}

/// The data's range, for an axis from 0 (linear) or from the smallest
/// positive value (log).
fn bounds(values: impl Iterator<Item = f64>, log: bool) -> (f64, f64) {
    values
        .filter(|v| v.is_finite() && (!log || *v > 0.0))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        })
}

/// The corners of an upward triangle with the area of a circle of radius `r`
/// (circumradius R = r·√(4π / 3√3) ≈ 1.56 r).
fn triangle((x, y): (i32, i32), r: f64) -> Vec<(i32, i32)> {
    let big_r = r * (4.0 * std::f64::consts::PI / (3.0 * 3f64.sqrt())).sqrt();
    let dx = (big_r * 3f64.sqrt() / 2.0).round() as i32;
    let (up, down) = (big_r.round() as i32, (big_r / 2.0).round() as i32);
    vec![
        (x, y - up),
        (x + dx, y + down),
        (x - dx, y + down),
        (x, y - up),
    ]
}

fn draw_bubble<DB: DrawingBackend>(
    area: &Area<DB>,
    point: &ScatterPoint,
    centre: (i32, i32),
    r: f64,
) -> Result<(), ChartError> {
    let palette = style::palette();
    let radius = r.round() as i32;
    if point.national {
        draw_circle(area, centre, radius, palette.blue.mix(0.35).filled())?;
        draw_circle(area, centre, radius, style::stroke(&palette.blue, 1))?;
    } else {
        let corners = triangle(centre, r);
        area.draw(&Polygon::new(
            corners.clone(),
            palette.background.mix(0.6).filled(),
        ))?;
        draw_path(area, corners, style::stroke(&palette.vermillion, 2))?;
    }
    if point.selected {
        draw_circle(
            area,
            centre,
            (r * if point.national { 1.0 } else { 1.56 }).round() as i32 + 4,
            style::stroke(&palette.text, 3),
        )?;
    }
    Ok(())
}

// Above `DENSE` points a bubble is a dot: a filled square for a national
// zone, a hollow one for a region-level zone (still two shapes, never colour
// alone), one canvas call each instead of four, so 10,000 points draw within
// a frame; the legend shows the dots and the view's size note says so.

fn draw_dot<DB: DrawingBackend>(
    area: &Area<DB>,
    national: bool,
    (x, y): (i32, i32),
) -> Result<(), ChartError> {
    let palette = style::palette();
    let corners = [(x - 2, y - 2), (x + 2, y + 2)];
    if national {
        draw_rect(area, corners, palette.blue.filled())?;
    } else {
        draw_rect(area, corners, palette.vermillion.into())?;
    }
    Ok(())
}

/// Labels the largest zones (five, three on a phone) and the selected one,
/// right of the bubble, else left of it, else above; a label that would
/// cover another is left out (the name stays in the tooltip and the table).
fn draw_labels<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &ScatterView,
    placed: &[((i32, i32), f64)],
    (left, top, right, bottom): (i32, i32, i32, i32),
    width: i32,
) -> Result<(), ChartError> {
    let palette = style::palette();
    let count = if width < NARROW { 3 } else { 5 };
    let mut chosen: Vec<usize> = (0..view.points.len())
        .filter(|i| view.points[*i].selected || view.points[*i].gdp_rank < count)
        .collect();
    // The selected zone first: it is labelled whatever else is.
    crate::order::sort_by_key(&mut chosen, |i| {
        (!view.points[*i].selected, view.points[*i].gdp_rank)
    });
    let body = text_style(FONT_BODY, &palette.text);
    let mut taken: Vec<(i32, i32, i32, i32)> = Vec::new();
    let max_label = (width / 3).max(60);
    for i in chosen {
        let ((cx, cy), r) = placed[i];
        let r = r.round() as i32 + if view.points[i].national { 0 } else { 4 };
        let name = fit_text(area, &view.points[i].name, max_label, &body);
        let w = text_width(area, &name, &body);
        let h = 16;
        let candidates = [
            (cx + r + 4, cy - h / 2),
            (cx - r - 4 - w, cy - h / 2),
            (cx - w / 2, cy - r - 4 - h),
            (cx - w / 2, cy + r + 4),
            (cx + r, cy - r - h),
            (cx - r - w, cy - r - h),
            (cx + r, cy + r),
            (cx - r - w, cy + r),
        ]
        .map(|(x0, y0)| (x0, y0, x0 + w, y0 + h));
        let fits = |b: &(i32, i32, i32, i32)| {
            b.0 >= left + 2
                && b.2 <= right
                && b.1 >= top - 4
                && b.3 <= bottom
                && !taken.iter().any(|t| overlaps(*t, *b, 2))
        };
        // Best clear of every other bubble too; else clear of other labels.
        let clear = |b: &(i32, i32, i32, i32)| {
            placed.iter().enumerate().all(|(j, ((x, y), r))| {
                let r = (r * 0.8).round() as i32;
                j == i || !overlaps((x - r, y - r, x + r, y + r), *b, 0)
            })
        };
        let spot = candidates
            .iter()
            .find(|b| fits(b) && clear(b))
            .or_else(|| candidates.iter().find(|b| fits(b)))
            .copied();
        let Some(b) = spot else {
            continue;
        };
        draw_rect(
            area,
            [(b.0 - 2, b.1), (b.2 + 2, b.3)],
            palette.background.mix(0.85).filled(),
        )?;
        draw_anchored(
            area,
            &name,
            (b.0, b.1 + h / 2),
            &body,
            HPos::Left,
            VPos::Center,
        )?;
        taken.push(b);
    }
    Ok(())
}

fn draw_legend<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &ScatterView,
    width: i32,
    muted: &plotters::style::TextStyle,
) -> Result<(), ChartError> {
    let palette = style::palette();
    let centre = PAD + 24 + 7;
    let dense = view.points.len() > DENSE;
    let mut x = PAD;
    if dense {
        draw_dot(area, true, (x + 6, centre))?;
    } else {
        draw_circle(area, (x + 6, centre), 6, palette.blue.mix(0.35).filled())?;
        draw_circle(area, (x + 6, centre), 6, palette.blue.into())?;
    }
    x = legend_text(area, &view.legend_national, (x + 16, centre), muted)?;
    if dense {
        draw_dot(area, false, (x + 7, centre))?;
    } else {
        draw_path(
            area,
            triangle((x + 7, centre + 1), 5.0),
            style::stroke(&palette.vermillion, 2),
        )?;
    }
    x = legend_text(area, &view.legend_regional, (x + 18, centre), muted)?;
    let (x, centre) = if width < NARROW {
        (PAD, centre + 20)
    } else {
        (x, centre)
    };
    // Dots have no size to explain: the note says so, without the circles.
    let x = if dense {
        x
    } else {
        draw_circle(area, (x + 3, centre), 3, palette.reference.into())?;
        draw_circle(area, (x + 16, centre), 7, palette.reference.into())?;
        x + 28
    };
    legend_text(
        area,
        &fit_text(area, &view.size_note, width - x - 2 - PAD, muted),
        (x, centre),
        muted,
    )?;
    Ok(())
}
