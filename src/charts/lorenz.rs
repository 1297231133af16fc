//! The `lorenz` chart, the Lorenz curve of GDP over land (claim C19): how far the
//! zones' GDP is from being spread like their land.
//!
//! A square plot: x the cumulative share of land, y the cumulative share of
//! GDP, zones from the least to the most GDP per km². The dashed diagonal is
//! equality; the shaded area between it and the curve is half the Gini,
//! written on the plot. Each zone is a dot on the curve (the selected one a
//! larger diamond with its name below the curve): the marks, in the
//! curve's order.

use plotters::element::Polygon;
use plotters::prelude::DrawingBackend;
use plotters::style::Color;
use plotters_backend::text_anchor::{HPos, VPos};

use super::marks::{
    draw_anchored, draw_circle, draw_dashed, draw_diamond, draw_line, draw_path, draw_rect,
    draw_text, draw_title, legend_text, text_style, title_lines,
};
use super::paragraph::{draw_lines, estimate_width, wrap};
use super::style::{self, FONT_BODY, FONT_SMALL};
use super::style::{PAD, TITLE_LINE};
use super::{Area, ChartError, Layout, Mark};
use crate::format;
use crate::views::lorenz::LorenzView;

const LINE: i32 = 16;
/// Room left of the plot for the tick labels ("100%").
const Y_TICKS: i32 = 40;
const MAX_SIDE: i32 = 460;
const DOT: i32 = 3;

/// Where everything goes at a width: shared by `preferred_height` and `draw`.
pub(super) struct Frame {
    x_label: Vec<String>,
    missing: Vec<String>,
    legend_y: i32,
    y_label_y: i32,
    pub(super) plot: (i32, i32, i32),
    /// The two Gini lines: inside the plot's top left when they fit above
    /// the equality line, else (narrow, large text) wrapped under the x label
    /// at `gini_y`.
    pub(super) gini: Option<(Vec<String>, Vec<String>)>,
    pub(super) gini_y: i32,
    missing_y: i32,
    height: i32,
}

pub(super) fn frame(view: &LorenzView, width: i32) -> Frame {
    let inner = (width - 2 * PAD).max(1);
    let title = title_lines(&view.title, width).len() as i32;
    let legend_y = PAD + TITLE_LINE * title + 4;
    let y_label_y = legend_y + 22;
    let side = (width - PAD - Y_TICKS - PAD - 8).clamp(1, MAX_SIDE);
    let top = y_label_y + LINE + 6;
    let x_label = wrap(&view.x_label, side, FONT_SMALL);
    let missing = wrap(&view.missing_text, inner, FONT_SMALL);
    let below = top + side + 22 + LINE * x_label.len() as i32;
    // Inside, the lines' right end must stay left of the diagonal at their
    // foot: x − left ≤ side − (y − top), with 8 px of margin around them.
    let gini_w = estimate_width(&view.gini_text, FONT_BODY)
        .max(estimate_width(&view.zone_gini_text, FONT_SMALL));
    let inside = 8 + gini_w + 8 + 2 * LINE + 2 + 8 <= side;
    let gini = (!inside).then(|| {
        (
            wrap(&view.gini_text, inner, FONT_BODY),
            wrap(&view.zone_gini_text, inner, FONT_SMALL),
        )
    });
    let gini_y = below + 6;
    let below = match &gini {
        Some((a, b)) => gini_y + LINE * (a.len() + b.len()) as i32 + 4,
        None => below,
    };
    let height = below + LINE * missing.len() as i32 + PAD;
    Frame {
        x_label,
        missing,
        legend_y,
        y_label_y,
        plot: (PAD + Y_TICKS, top, side),
        gini,
        gini_y,
        missing_y: below,
        height,
    }
}

/// The height this chart wants at `width` CSS pixels.
pub fn preferred_height(view: &LorenzView, width: u32) -> u32 {
    frame(view, width as i32).height as u32
}

/// Draws the chart into `area` and returns where each zone's dot went.
pub fn draw<DB: DrawingBackend>(area: &Area<DB>, view: &LorenzView) -> Result<Layout, ChartError> {
    let palette = style::palette();
    let width = draw_title(area, &view.title)?;
    let f = frame(view, width);
    let body = text_style(FONT_BODY, &palette.text);
    let muted = text_style(FONT_SMALL, &palette.text_muted);

    let mut layout = Layout::default();
    if view.points.is_empty() {
        draw_text(area, &view.empty_text, (PAD, f.legend_y + 8), &body)?;
        draw_lines(area, &f.missing, (PAD, f.legend_y + 30), LINE, &muted)?;
        return Ok(layout);
    }

    // Legend: the curve (a line with a dot), the equality line (dashed).
    let centre = f.legend_y + 8;
    let mut x = PAD;
    draw_line(
        area,
        (x, centre),
        (x + 18, centre),
        style::stroke(&palette.blue, 2),
    )?;
    draw_circle(area, (x + 9, centre), DOT, palette.blue.filled())?;
    x = legend_text(area, &view.legend_curve, (x + 24, centre), &muted)?;
    draw_dashed(area, (x, centre), (x + 18, centre), &palette.reference, 2)?;
    legend_text(area, &view.legend_equality, (x + 24, centre), &muted)?;

    let (left, top, side) = f.plot;
    let px = |share: f64| left + (share.clamp(0.0, 1.0) * side as f64).round() as i32;
    let py = |share: f64| top + side - (share.clamp(0.0, 1.0) * side as f64).round() as i32;
    draw_text(area, &view.y_label, (PAD, f.y_label_y), &muted)?;

    // The area between equality and the curve, then grid and ticks.
    let mut curve: Vec<(i32, i32)> = vec![(px(0.0), py(0.0))];
    curve.extend(
        view.points
            .iter()
            .map(|p| (px(p.cum_land_share), py(p.cum_value_share))),
    );
    let mut between = curve.clone();
    between.push((px(1.0), py(1.0)));
    area.draw(&Polygon::new(between, palette.lorenz_area.filled()))?;
    for tick in 0..=4 {
        let share = tick as f64 / 4.0;
        let label = format::percent(share, 0);
        draw_line(
            area,
            (px(share), top),
            (px(share), top + side),
            palette.grid.into(),
        )?;
        draw_line(
            area,
            (left, py(share)),
            (left + side, py(share)),
            palette.grid.into(),
        )?;
        draw_anchored(
            area,
            &label,
            (px(share), top + side + 5),
            &muted,
            HPos::Center,
            VPos::Top,
        )?;
        draw_anchored(
            area,
            &label,
            (left - 5, py(share)),
            &muted,
            HPos::Right,
            VPos::Center,
        )?;
    }
    draw_rect(
        area,
        [(left, top), (left + side, top + side)],
        palette.text_muted.into(),
    )?;
    draw_lines(area, &f.x_label, (left, top + side + 22), LINE, &muted)?;
    draw_dashed(
        area,
        (px(0.0), py(0.0)),
        (px(1.0), py(1.0)),
        &palette.reference,
        2,
    )?;
    draw_path(area, curve, style::stroke(&palette.blue, 2))?;

    // The Gini, top left inside the plot, where the curve never goes; under
    // the plot where it would reach the equality line.
    match &f.gini {
        None => {
            draw_text(area, &view.gini_text, (left + 8, top + 8), &body)?;
            draw_text(
                area,
                &view.zone_gini_text,
                (left + 8, top + 8 + LINE + 2),
                &muted,
            )?;
        }
        Some((gini, zone_gini)) => {
            draw_lines(area, gini, (PAD, f.gini_y), LINE, &body)?;
            let y = f.gini_y + LINE * gini.len() as i32;
            draw_lines(area, zone_gini, (PAD, y), LINE, &muted)?;
        }
    }

    let mut selected = None;
    for (i, point) in view.points.iter().enumerate() {
        let (x, y) = (px(point.cum_land_share), py(point.cum_value_share));
        draw_circle(area, (x, y), DOT, palette.blue.filled())?;
        if point.selected {
            selected = Some((x, y, point));
        }
        layout.marks.push(Mark {
            datum: i,
            x0: x - DOT - 2,
            y0: y - DOT - 2,
            x1: x + DOT + 2,
            y1: y + DOT + 2,
            label: point.tooltip(view.lang),
        });
    }
    if let Some((x, y, point)) = selected {
        draw_diamond(area, (x, y), 7, &palette.vermillion)?;
        // The name right of and below the dot: the curve is convex, so
        // that corner is empty; kept inside the plot, shortened with "…"
        // when the plot is narrower than the name (a name may be 200
        // characters without a break).
        let name = super::paragraph::fit(area, &point.name, side - 8, &body, FONT_BODY);
        let name_width = estimate_width(&name, FONT_BODY);
        let name_x = (x + 10).min(left + side - 4 - name_width).max(left + 4);
        draw_anchored(
            area,
            &name,
            (name_x, (y + 8).min(top + side - 20)),
            &body,
            HPos::Left,
            VPos::Top,
        )?;
    }
    draw_lines(area, &f.missing, (PAD, f.missing_y), LINE, &muted)?;
    Ok(layout)
}
