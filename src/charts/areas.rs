//! The `areas` chart: the metro areas compared (都市区领飞). Per area four
//! thin bars, its share of the zones' land, GDP, high-tech value added and
//! high-tech enterprises, with the value at each bar's end and a line on its
//! zones and growth; the leading area on a tinted band. Under them, one bar
//! per year: the share of the GDP inequality that lies between areas.

use plotters::prelude::DrawingBackend;
use plotters::style::{Color, RGBColor, ShapeStyle, TextStyle};
use plotters_backend::text_anchor::{HPos, VPos};

use super::marks::{
    draw_anchored, draw_message, draw_rect, draw_text, fit_text, legend_text, text_style,
    text_width, title_extra, titled, wrap_text, MESSAGE_HEIGHT,
};
use super::paragraph::draw_lines;
use super::style::{self, FONT_BODY, FONT_SMALL, LEGEND_LINE, NOTE_LINE, PAD};
use super::{Area, ChartError, Layout, Mark};
use crate::format::percent;
use crate::i18n::Lang;
use crate::views::areas::AreasView;

const BAR: i32 = 9;
const GAP: i32 = 3;
const YEAR_ROW: i32 = 22;
const TOP: i32 = 32;

fn area_height(view: &AreasView) -> i32 {
    20 + view.measures.len() as i32 * (BAR + GAP) + 2 * NOTE_LINE + 12
}

pub fn preferred_height(view: &AreasView, width: u32) -> u32 {
    if view.rows.is_empty() {
        return MESSAGE_HEIGHT;
    }
    let legend = if width < 480 { 2 } else { 1 };
    (title_extra(&view.title, width as i32)
        + TOP
        + legend * LEGEND_LINE
        + area_height(view) * view.rows.len() as i32
        + 24
        + YEAR_ROW * view.between.len() as i32
        + PAD) as u32
}

fn colour(m: usize) -> RGBColor {
    let p = style::palette();
    [p.reference, p.blue, p.green, p.purple][m.min(3)]
}

pub fn draw<DB: DrawingBackend>(area: &Area<DB>, view: &AreasView) -> Result<Layout, ChartError> {
    if view.rows.is_empty() {
        draw_message(area, &view.title, &view.empty_text)?;
        return Ok(Layout::default());
    }
    titled(area, &view.title, &|area| draw_body(area, view))
}

fn draw_body<DB: DrawingBackend>(area: &Area<DB>, view: &AreasView) -> Result<Layout, ChartError> {
    let palette = style::palette();
    let width = area.dim_in_pixel().0 as i32;
    let text = text_style(FONT_BODY, &palette.text);
    let muted = text_style(FONT_SMALL, &palette.text_muted);
    let (x0, x1) = (PAD, width - PAD - 48);
    let scale = |s: f64| x0 + ((x1 - x0) as f64 * s.clamp(0.0, 1.0)).round() as i32;

    let (mut x, mut centre) = (PAD, TOP + LEGEND_LINE / 2);
    for (m, label) in view.measures.iter().enumerate() {
        let room = 18 + text_width(area, label, &muted) + 14;
        if x > PAD && x + room > width - PAD {
            x = PAD;
            centre += LEGEND_LINE;
        }
        draw_rect(
            area,
            [(x, centre - 5), (x + 14, centre + 5)],
            colour(m).filled(),
        )?;
        x = legend_text(area, label, (x + 18, centre), &muted)?;
    }
    let mut top = TOP + LEGEND_LINE * if width < 480 { 2 } else { 1 };
    let mut layout = Layout::default();
    let row_h = area_height(view);
    for (i, row) in view.rows.iter().enumerate() {
        if row.leading {
            draw_rect(
                area,
                [(0, top), (width, top + row_h - 4)],
                palette.tint_warm.filled(),
            )?;
        }
        draw_anchored(
            area,
            &row.name,
            (PAD, top + 9),
            &text,
            HPos::Left,
            VPos::Center,
        )?;
        let mut y = top + 20;
        for (m, share) in row.shares.iter().enumerate() {
            let end = share.map_or(x0, scale);
            let bar = ShareBar {
                x: (x0, end),
                y: (y, y + BAR),
                share: *share,
            };
            bar.draw(area, colour(m).filled(), &muted, view.lang)?;
            y += BAR + GAP;
        }
        let note = wrap_text(area, &row.note, width - 2 * PAD, 2, &muted);
        draw_lines(area, &note, (PAD, y + 2), NOTE_LINE, &muted)?;
        layout.marks.push(Mark {
            datum: i,
            x0: 0,
            y0: top,
            x1: width,
            y1: top + row_h - 4,
            label: row.label.clone(),
        });
        top += row_h;
    }

    let title = fit_text(area, &view.between_title, width - 2 * PAD, &text);
    draw_text(area, &title, (PAD, top + 4), &text)?;
    top += 24;
    let label_w = 40;
    for (k, (year, share)) in view.between.iter().enumerate() {
        draw_anchored(
            area,
            year,
            (PAD, top + YEAR_ROW / 2),
            &muted,
            HPos::Left,
            VPos::Center,
        )?;
        let start = PAD + label_w;
        let end = share.map_or(start, |s| {
            start + ((x1 - start) as f64 * s.clamp(0.0, 1.0)).round() as i32
        });
        let bar = ShareBar {
            x: (start, end),
            y: (top + 5, top + YEAR_ROW - 5),
            share: *share,
        };
        let value = bar.draw(area, palette.blue.filled(), &muted, view.lang)?;
        layout.marks.push(Mark {
            datum: view.rows.len() + k,
            x0: 0,
            y0: top,
            x1: width,
            y1: top + YEAR_ROW,
            label: format!(
                "{} · {year}{}{value}",
                view.between_title,
                view.lang.pick("：", ": ")
            ),
        });
        top += YEAR_ROW;
    }
    Ok(layout)
}

/// One share drawn as a bar from `x.0` to `x.1` (at least a pixel wide)
/// between `y.0` and `y.1`, its value written after its end.
struct ShareBar {
    x: (i32, i32),
    y: (i32, i32),
    share: Option<f64>,
}

impl ShareBar {
    /// Draws the bar and its value ("no data" without a share); returns the
    /// value as written, for the mark's label.
    fn draw<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        fill: ShapeStyle,
        muted: &TextStyle,
        lang: Lang,
    ) -> Result<String, ChartError> {
        let ((start, end), (y0, y1)) = (self.x, self.y);
        draw_rect(area, [(start, y0), (end.max(start + 1), y1)], fill)?;
        let value = self.share.map_or_else(
            || crate::views::figures::no_data(lang).to_string(),
            |s| percent(s, 1),
        );
        let middle = (y0 + y1) / 2;
        draw_anchored(
            area,
            &value,
            (end + 4, middle),
            muted,
            HPos::Left,
            VPos::Center,
        )?;
        Ok(value)
    }
}
