//! The `trends` chart, "trends": one indicator over the years, a thin muted line per
//! zone, and the selected zone (or, with none selected, the top few) in
//! colour, thicker, with a marker shape at every point and its name at the
//! line's end, so that neither colour nor position alone tells them apart.

use plotters::element::{Circle, Polygon, Rectangle};
use plotters::prelude::DrawingBackend;
use plotters::style::{Color, RGBColor};
use plotters_backend::text_anchor::{HPos, VPos};

use super::marks::{
    anchored, draw_line, draw_message, draw_path, draw_text, draw_wrapped, estimated_lines,
    fit_text, legend_text, text_style, text_width, title_extra, titled, MESSAGE_HEIGHT,
};
use super::scale::{draw_y_axis, widest_label, Scale};
use super::style::{self, FONT_BODY, FONT_SMALL};
use super::style::{NOTE_LINE, PAD};
use super::{Area, ChartError, Layout, Mark};
use crate::views::trends::TrendsView;

const NARROW: i32 = 560;
const TOP: i32 = 76;
const AXIS_BELOW: i32 = 26;
/// Space between the first and last year and the plot's edges.
const INSET: i32 = 10;
/// The colour of the `k`th highlighted series, in label order.
fn highlight(k: usize) -> RGBColor {
    let palette = style::palette();
    [palette.blue, palette.vermillion, palette.green][k % 3]
}

#[derive(Clone, Copy)]
enum Marker {
    Circle,
    Square,
    Diamond,
}
/// The highlighted series' marker shapes, in label order.
const MARKERS: [Marker; 3] = [Marker::Circle, Marker::Square, Marker::Diamond];

/// The height this chart wants at `width` CSS pixels.
pub fn preferred_height(view: &TrendsView, width: u32) -> u32 {
    if value_range(view).is_none() {
        return MESSAGE_HEIGHT;
    }
    let width = width as i32;
    let notes = estimated_lines(&view.missing, width - 2 * PAD) * NOTE_LINE;
    (title_extra(&view.title, width) + TOP + plot_height(width) + AXIS_BELOW + notes + PAD) as u32
}

fn plot_height(width: i32) -> i32 {
    (width / 2).clamp(200, 360)
}

/// Draws the chart into `area` and returns a mark per known point, series by
/// series (largest first), year by year.
pub fn draw<DB: DrawingBackend>(area: &Area<DB>, view: &TrendsView) -> Result<Layout, ChartError> {
    let Some((lo, hi)) = value_range(view) else {
        draw_message(area, &view.title, &view.empty_text)?;
        return Ok(Layout::default());
    };
    titled(area, &view.title, &|area| draw_body(area, view, (lo, hi)))
}

/// Everything under the title (see [`titled`]).
fn draw_body<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &TrendsView,
    (lo, hi): (f64, f64),
) -> Result<Layout, ChartError> {
    let palette = style::palette();
    let width = area.dim_in_pixel().0 as i32;
    let muted = text_style(FONT_SMALL, &palette.text_muted);
    let body = text_style(FONT_BODY, &palette.text);
    if view.series.len() > view.labelled.len() {
        let centre = PAD + 31;
        draw_line(
            area,
            (PAD, centre),
            (PAD + 18, centre),
            palette.muted_line.into(),
        )?;
        legend_text(area, &view.legend_others, (PAD + 24, centre), &muted)?;
    }

    let (top, bottom) = (TOP, TOP + plot_height(width));
    let ticks = if width < NARROW { 4 } else { 6 };
    let provisional = Scale::linear(lo.min(0.0), hi, (0, 1), ticks);
    let left = PAD + widest_label(area, &provisional, view.percent) + 6;
    // Room right of the plot for the end labels: a marker and a name.
    let names: Vec<String> = view
        .labelled
        .iter()
        .filter_map(|i| view.series.get(*i))
        .map(|s| s.name.clone())
        .collect();
    let label_room = names
        .iter()
        .map(|n| text_width(area, n, &body))
        .max()
        .unwrap_or(0)
        .min(width / 4)
        + 22;
    let right = width - PAD - label_room;
    let y = Scale::linear(lo.min(0.0), hi, (bottom, top), ticks);
    draw_y_axis(area, &y, (left, right), view.percent)?;
    draw_text(
        area,
        &fit_text(area, &view.y_title, width - 2 * PAD, &muted),
        (PAD, top - 20),
        &muted,
    )?;

    let n = view.years.len() as i32;
    let x_at = |year: usize| {
        if n == 1 {
            (left + right) / 2
        } else {
            left + INSET + (right - left - 2 * INSET) * year as i32 / (n - 1)
        }
    };
    let year_style = anchored(&muted, HPos::Center, VPos::Top);
    let mut last_right = i32::MIN;
    for (i, year) in view.years.iter().enumerate() {
        let x = x_at(i);
        let label = year.to_string();
        let half = text_width(area, &label, &year_style) / 2;
        if x - half > last_right + 4 {
            draw_text(area, &label, (x, bottom + 5), &year_style)?;
            last_right = x + half;
        }
    }

    let point = |series: usize, year: usize| -> Option<(i32, i32)> {
        let v = view
            .series
            .get(series)?
            .values
            .get(year)
            .copied()
            .flatten()?;
        Some((x_at(year), y.map(v)))
    };
    // Context lines first, highlighted ones on top.
    for s in (0..view.series.len()).filter(|s| !view.labelled.contains(s)) {
        for run in runs(view, s, &point) {
            draw_path(area, run, palette.muted_line.into())?;
        }
    }
    let mut ends: Vec<(i32, usize)> = Vec::new();
    for (k, s) in view.labelled.iter().enumerate() {
        let colour = highlight(k);
        let width = if view.selected == Some(*s) { 4 } else { 3 };
        for run in runs(view, *s, &point) {
            draw_path(area, run, style::stroke(&colour, width))?;
        }
        for year in 0..view.years.len() {
            if let Some(p) = point(*s, year) {
                draw_marker(area, MARKERS[k % MARKERS.len()], p, &colour)?;
            }
        }
        if let Some(p) = (0..view.years.len()).rev().find_map(|year| point(*s, year)) {
            ends.push((p.1, k));
        }
    }
    draw_end_labels(
        area,
        view,
        &mut ends,
        (right, top, bottom),
        label_room,
        &body,
    )?;

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

    let mut marks = Vec::new();
    for s in 0..view.series.len() {
        for year in 0..view.years.len() {
            if let Some((x, y)) = point(s, year) {
                marks.push(Mark {
                    datum: view.datum(s, year),
                    x0: x - 3,
                    y0: y - 3,
                    x1: x + 3,
                    y1: y + 3,
                    label: String::new(),
                });
            }
        }
    }
    Ok(Layout { marks, columns: 0 })
}

/// The lowest and highest known value, or `None` when there is none.
fn value_range(view: &TrendsView) -> Option<(f64, f64)> {
    let known = view.series.iter().flat_map(|s| s.values.iter().flatten());
    let (lo, hi) = known.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(*v), hi.max(*v))
    });
    (!view.years.is_empty() && lo <= hi).then_some((lo, hi))
}

/// A series' line as runs of consecutive known points: a missing value
/// breaks the line.
fn runs(
    view: &TrendsView,
    series: usize,
    point: &dyn Fn(usize, usize) -> Option<(i32, i32)>,
) -> Vec<Vec<(i32, i32)>> {
    let mut runs = vec![Vec::new()];
    for year in 0..view.years.len() {
        match point(series, year) {
            Some(p) => runs.last_mut().map_or((), |r| r.push(p)),
            None => runs.push(Vec::new()),
        }
    }
    runs.retain(|r| r.len() > 1);
    runs
}

fn draw_marker<DB: DrawingBackend>(
    area: &Area<DB>,
    marker: Marker,
    (x, y): (i32, i32),
    colour: &RGBColor,
) -> Result<(), ChartError> {
    match marker {
        Marker::Circle => area.draw(&Circle::new((x, y), 4, colour.filled()))?,
        Marker::Square => area.draw(&Rectangle::new(
            [(x - 4, y - 4), (x + 4, y + 4)],
            colour.filled(),
        ))?,
        Marker::Diamond => area.draw(&Polygon::new(
            vec![(x, y - 5), (x + 5, y), (x, y + 5), (x - 5, y)],
            colour.filled(),
        ))?,
    }
    Ok(())
}

/// Names at the lines' ends, pushed apart so that none covers another, each
/// after its series' marker.
fn draw_end_labels<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &TrendsView,
    ends: &mut [(i32, usize)],
    (right, top, bottom): (i32, i32, i32),
    room: i32,
    body: &plotters::style::TextStyle,
) -> Result<(), ChartError> {
    const GAP: i32 = 16;
    crate::order::sort_by_key(ends, |(y, _)| *y);
    let mut next = top;
    for end in ends.iter_mut() {
        end.0 = end.0.max(next);
        next = end.0 + GAP;
    }
    // Pushed past the bottom: shift the stack back up.
    let overflow = ends.last().map_or(0, |(y, _)| (y - bottom).max(0));
    for end in ends.iter_mut() {
        end.0 -= overflow;
    }
    for (y, k) in ends.iter() {
        let Some(series) = view.labelled.get(*k).and_then(|s| view.series.get(*s)) else {
            continue;
        };
        let colour = highlight(*k);
        draw_marker(area, MARKERS[k % MARKERS.len()], (right + 10, *y), &colour)?;
        draw_text(
            area,
            &fit_text(area, &series.name, room - 22, body),
            (right + 18, *y),
            &anchored(body, HPos::Left, VPos::Center),
        )?;
    }
    Ok(())
}
