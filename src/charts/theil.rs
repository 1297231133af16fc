//! Chart 12, the imbalance split (claim C19): Theil T and L of GDP, each
//! split into the part between groups of zones and the part within them.
//!
//! One bar per index and grouping (by level, by metro area), all on one
//! scale: a solid segment for the between part, then one outlined pale
//! segment per group's within part, each labelled in words where it fits
//! (the tooltip always gives the figure). The line under each bar gives the
//! groups' sizes and shares of GDP.

use plotters::element::{Rectangle, Text};
use plotters::prelude::DrawingBackend;
use plotters::style::{Color, ShapeStyle};
use plotters_backend::text_anchor::{HPos, VPos};

use super::marks::{anchored, legend_text, text_style};
use super::paragraph::{draw_lines, estimate_width, fit, wrap};
use super::style::{self, FONT_BODY, FONT_SMALL, FONT_TITLE};
use super::style::{PAD, TITLE_LINE};
use super::{Area, ChartError, Layout, Mark};
use crate::views::theil::{TheilRow, TheilView};

const LINE: i32 = 16;
const BAR: i32 = 24;
/// Room right of the longest bar for its total ("0.524").
const VALUE: i32 = 48;

/// One row's lines at a width.
fn note_lines(row: &TheilRow, width: i32) -> Vec<String> {
    wrap(&row.note, (width - 2 * PAD).max(1), FONT_SMALL)
}

fn row_height(row: &TheilRow, width: i32) -> i32 {
    LINE + 4 + BAR + 4 + LINE * note_lines(row, width).len() as i32 + 12
}

fn header(view: &TheilView, width: i32) -> (Vec<String>, i32) {
    let title = wrap(&view.title, (width - 2 * PAD).max(1), FONT_TITLE);
    let top = PAD + TITLE_LINE * title.len() as i32 + 4 + 24;
    (title, top)
}

/// The height this chart wants at `width` CSS pixels.
pub fn preferred_height(view: &TheilView, width: u32) -> u32 {
    let width = width as i32;
    let (_, top) = header(view, width);
    let rows: i32 = view.rows.iter().map(|r| row_height(r, width)).sum();
    let missing = wrap(&view.missing_text, (width - 2 * PAD).max(1), FONT_SMALL).len() as i32;
    (top + rows.max(LINE * 2) + LINE * missing + PAD) as u32
}

/// Draws the chart into `area` and returns where each segment went, bar by
/// bar, between part first.
pub fn draw<DB: DrawingBackend>(area: &Area<DB>, view: &TheilView) -> Result<Layout, ChartError> {
    area.fill(&style::BACKGROUND)?;
    let (width, _) = area.dim_in_pixel();
    let width = width as i32;
    let title = text_style(FONT_TITLE, &style::TEXT);
    let body = text_style(FONT_BODY, &style::TEXT);
    let small = text_style(FONT_SMALL, &style::TEXT);
    let on_blue = text_style(FONT_SMALL, &style::BACKGROUND);
    let muted = text_style(FONT_SMALL, &style::TEXT_MUTED);
    let (title_lines, top) = header(view, width);
    let legend_y = draw_lines(area, &title_lines, (PAD, PAD), TITLE_LINE, &title)? + 4;

    let mut layout = Layout::default();
    let max_total = view
        .rows
        .iter()
        .filter_map(|r| r.total)
        .fold(0.0_f64, f64::max);
    if max_total <= 0.0 {
        area.draw(&Text::new(
            view.empty_text.clone(),
            (PAD, legend_y + 4),
            body,
        ))?;
        let missing = wrap(&view.missing_text, (width - 2 * PAD).max(1), FONT_SMALL);
        draw_lines(area, &missing, (PAD, legend_y + 26), LINE, &muted)?;
        return Ok(layout);
    }

    // Legend: a solid swatch for between, an outlined pale one for within.
    let centre = legend_y + 8;
    area.draw(&Rectangle::new(
        [(PAD, centre - 6), (PAD + 14, centre + 6)],
        style::BLUE.filled(),
    ))?;
    let x = legend_text(area, &view.legend_between, (PAD + 18, centre), &muted)?;
    area.draw(&Rectangle::new(
        [(x, centre - 6), (x + 14, centre + 6)],
        style::WITHIN_FILL.filled(),
    ))?;
    area.draw(&Rectangle::new(
        [(x, centre - 6), (x + 14, centre + 6)],
        style::BLUE,
    ))?;
    legend_text(area, &view.legend_within, (x + 18, centre), &muted)?;

    let x0 = PAD;
    let scale =
        |v: f64| ((width - 2 * PAD - VALUE) as f64 * (v / max_total).max(0.0)).round() as i32;
    let mut y = top;
    let mut datum = 0;
    for row in &view.rows {
        area.draw(&Text::new(row.label.clone(), (PAD, y), body.clone()))?;
        let bar_top = y + LINE + 4;
        match row.total {
            Some(total) if total > 0.0 => {
                let mut x = x0;
                for segment in row.segments(view.lang) {
                    let w = scale(segment.value);
                    let (x_a, x_b) = (x, x + w);
                    let label = match segment.group.and_then(|g| row.groups.get(g)) {
                        None => {
                            area.draw(&Rectangle::new(
                                [(x_a, bar_top), (x_b, bar_top + BAR)],
                                style::BLUE.filled(),
                            ))?;
                            format!("{:.0}%", segment.share * 100.0)
                        }
                        Some(group) => {
                            area.draw(&Rectangle::new(
                                [(x_a, bar_top), (x_b, bar_top + BAR)],
                                style::WITHIN_FILL.filled(),
                            ))?;
                            area.draw(&Rectangle::new(
                                [(x_a, bar_top), (x_b, bar_top + BAR)],
                                ShapeStyle::from(&style::BLUE).stroke_width(1),
                            ))?;
                            // The name and share where they fit, else the name.
                            let full = format!("{} {:.0}%", group.name, segment.share * 100.0);
                            if estimate_width(&full, FONT_SMALL) <= w - 6 {
                                full
                            } else {
                                group.name.clone()
                            }
                        }
                    };
                    let style = if segment.group.is_none() {
                        &on_blue
                    } else {
                        &small
                    };
                    let label = fit(area, &label, w - 6, style, FONT_SMALL);
                    if !label.is_empty() && !label.starts_with('…') {
                        area.draw(&Text::new(
                            label,
                            (x_a + 3, bar_top + BAR / 2),
                            anchored(style, HPos::Left, VPos::Center),
                        ))?;
                    }
                    layout.marks.push(Mark {
                        datum,
                        x0: x_a,
                        y0: bar_top,
                        x1: x_b.max(x_a + 1),
                        y1: bar_top + BAR,
                        label: segment.label,
                    });
                    datum += 1;
                    x = x_b;
                }
                area.draw(&Text::new(
                    format!("{total:.3}"),
                    (x + 4, bar_top + BAR / 2),
                    anchored(&body, HPos::Left, VPos::Center),
                ))?;
            }
            _ => {
                area.draw(&Text::new(
                    row.missing_text.clone(),
                    (x0, bar_top + BAR / 2),
                    anchored(&muted, HPos::Left, VPos::Center),
                ))?;
            }
        }
        draw_lines(
            area,
            &note_lines(row, width),
            (PAD, bar_top + BAR + 4),
            LINE,
            &muted,
        )?;
        y += row_height(row, width);
    }
    let missing = wrap(&view.missing_text, (width - 2 * PAD).max(1), FONT_SMALL);
    draw_lines(area, &missing, (PAD, y), LINE, &muted)?;
    Ok(layout)
}
