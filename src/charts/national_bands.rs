//! The `national_bands` chart, "national ranking bands" (claim C13): one row per national zone,
//! best first, a dot at its national rank along 1..=169 over four shaded
//! bands (top 50, 51–100, beyond 100, the bottom). Hollow circles joined by a
//! thin line show where the zone stood in the earlier years. Bands are told
//! apart by position, the boundary numbers on the axis, dashed separators and
//! a key with their counts, not by their tint alone.

use plotters::prelude::DrawingBackend;
use plotters::style::Color;
use plotters_backend::text_anchor::{HPos, VPos};

use super::marks::{
    anchored, draw_anchored, draw_circle, draw_dashed, draw_line, draw_message, draw_rect,
    draw_text, draw_wrapped, estimated_lines, fit_text, legend_text, text_style, text_width,
    title_extra, titled, MESSAGE_HEIGHT,
};
use super::style::{self, FONT_BODY, FONT_SMALL};
use super::style::{NOTE_LINE, PAD};
use super::{Area, ChartError, Layout, Mark};
use crate::i18n::Lang;
use crate::views::national_bands::NationalBandsView;

/// From this width the band key takes one line of four, else two of two.
const KEY_WIDE: i32 = 960;
/// Below this width a key takes the whole line: in half of a 360 px chart
/// the longest, "垫底（160名及以后）：2家" (about 160 px at 12 px), was cut.
const KEY_ONE: i32 = 400;
/// Title and legend above, then a line for the bands' names.
const BANDS_TOP: i32 = 56;
const ROWS_TOP: i32 = BANDS_TOP + 22;
const ROW: i32 = 26;
const AXIS: i32 = 42;
const KEY_ROW: i32 = 20;

/// The key's columns: 4 wide, 2 below [`KEY_WIDE`], 1 below [`KEY_ONE`].
fn key_columns(width: i32) -> usize {
    match width {
        w if w < KEY_ONE => 1,
        w if w < KEY_WIDE => 2,
        _ => 4,
    }
}

fn key_rows(view: &NationalBandsView, width: i32) -> i32 {
    view.bands.len().div_ceil(key_columns(width)) as i32
}

/// The height this chart wants at `width` CSS pixels.
pub fn preferred_height(view: &NationalBandsView, width: u32) -> u32 {
    if view.of.is_none() || view.zones.is_empty() {
        return MESSAGE_HEIGHT;
    }
    let width = width as i32;
    let notes = estimated_lines(&view.missing, width - 2 * PAD) * NOTE_LINE;
    (title_extra(&view.title, width)
        + ROWS_TOP
        + ROW * view.zones.len() as i32
        + AXIS
        + key_rows(view, width) * KEY_ROW
        + notes
        + PAD) as u32
}

/// Draws the chart into `area` and returns a mark per zone row, best first.
pub fn draw<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &NationalBandsView,
) -> Result<Layout, ChartError> {
    let Some(of) = view.of.filter(|_| !view.zones.is_empty()) else {
        draw_message(area, &view.title, &view.empty_text)?;
        return Ok(Layout::default());
    };
    titled(area, &view.title, &|area| draw_body(area, view, of))
}

/// Everything under the title (see [`titled`]).
fn draw_body<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &NationalBandsView,
    of: u32,
) -> Result<Layout, ChartError> {
    let palette = style::palette();
    let width = area.dim_in_pixel().0 as i32;
    let body = text_style(FONT_BODY, &palette.text);
    let small = text_style(FONT_SMALL, &palette.text);
    let muted = text_style(FONT_SMALL, &palette.text_muted);
    draw_legend(area, view, &muted)?;

    let widest = view
        .zones
        .iter()
        .map(|z| text_width(area, &z.name, &body))
        .max()
        .unwrap_or(0);
    let left = PAD + (widest + 10).min(width * 3 / 10);
    let right = width - PAD - 14;
    let span = f64::from(of.max(1));
    // Rank r's place: the middle of its 1/of-wide slot.
    let at = |rank: f64| left + ((rank - 0.5) / span * f64::from(right - left)).round() as i32;
    let rows_bottom = ROWS_TOP + ROW * view.zones.len() as i32;

    for (i, band) in view.bands.iter().enumerate() {
        let (x0, x1) = (at(f64::from(band.from) - 0.5), at(f64::from(band.to) + 0.5));
        let tint = if i % 2 == 0 {
            palette.tint_cool
        } else {
            palette.tint_warm
        };
        draw_rect(area, [(x0, BANDS_TOP), (x1, rows_bottom)], tint.filled())?;
        if i > 0 {
            draw_dashed(
                area,
                (x0, BANDS_TOP),
                (x0, rows_bottom),
                &palette.reference,
                1,
            )?;
        }
        let label = band_key(&band.label, band.count, view.lang);
        if text_width(area, &label, &muted) + 6 <= x1 - x0 {
            draw_anchored(
                area,
                &label,
                ((x0 + x1) / 2, BANDS_TOP + 11),
                &muted,
                HPos::Center,
                VPos::Center,
            )?;
        }
    }
    draw_axis(area, view, of, &at, rows_bottom, right, &muted)?;

    let mut layout = Layout::default();
    for (i, zone) in view.zones.iter().enumerate() {
        let top = ROWS_TOP + ROW * i as i32;
        let cy = top + ROW / 2;
        draw_anchored(
            area,
            &fit_text(area, &zone.name, left - PAD - 8, &body),
            (PAD, cy),
            &body,
            HPos::Left,
            VPos::Center,
        )?;
        let ranks = zone.path.iter().map(|(_, r)| *r);
        if let (Some(lo), Some(hi)) = (ranks.clone().min(), ranks.max()) {
            if lo < hi {
                draw_line(
                    area,
                    (at(f64::from(lo)), cy),
                    (at(f64::from(hi)), cy),
                    palette.reference.into(),
                )?;
            }
        }
        for (year, rank) in &zone.path {
            if *year != view.year {
                draw_circle(
                    area,
                    (at(f64::from(*rank)), cy),
                    3,
                    style::stroke(&palette.reference, 1),
                )?;
            }
        }
        let x = at(f64::from(zone.rank));
        draw_circle(area, (x, cy), 6, palette.blue.filled())?;
        draw_circle(area, (x, cy), 6, palette.background.into())?;
        if zone.selected {
            draw_circle(area, (x, cy), 9, style::stroke(&palette.text, 2))?;
            draw_rect(
                area,
                [(PAD - 4, top + 1), (right + 10, top + ROW - 1)],
                style::stroke(&palette.text, 1),
            )?;
        }
        // The rank goes after the whole path (clear of the earlier years'
        // circles), else before it, else beside the dot on a white ground.
        let rank = zone.rank.to_string();
        let w = text_width(area, &rank, &small);
        let ranks = zone.path.iter().map(|(_, r)| *r).chain([zone.rank]);
        let (first, last) = (
            at(f64::from(ranks.clone().min().unwrap_or(zone.rank))),
            at(f64::from(ranks.max().unwrap_or(zone.rank))),
        );
        let (label_x, pos) = if last.max(x + 3) + 7 + w <= width - PAD {
            (last.max(x + 3) + 7, HPos::Left)
        } else if first.min(x - 3) - 7 - w >= left {
            (first.min(x - 3) - 7, HPos::Right)
        } else {
            draw_rect(
                area,
                [(x - 10 - w - 2, cy - 8), (x - 8, cy + 8)],
                palette.background.filled(),
            )?;
            (x - 10, HPos::Right)
        };
        draw_anchored(area, &rank, (label_x, cy), &small, pos, VPos::Center)?;
        layout.marks.push(Mark {
            datum: i,
            x0: PAD,
            y0: top,
            x1: right,
            y1: top + ROW - 1,
            label: zone.label.clone(),
        });
    }

    let mut y = rows_bottom + AXIS;
    let columns = key_columns(width);
    let column_width = (width - 2 * PAD) / columns as i32;
    for (i, band) in view.bands.iter().enumerate() {
        let (col, row) = ((i % columns) as i32, (i / columns) as i32);
        let x = PAD + col * column_width;
        let cy = y + row * KEY_ROW + KEY_ROW / 2;
        let tint = if i % 2 == 0 {
            palette.tint_cool
        } else {
            palette.tint_warm
        };
        draw_rect(area, [(x, cy - 6), (x + 14, cy + 6)], tint.filled())?;
        draw_rect(
            area,
            [(x, cy - 6), (x + 14, cy + 6)],
            palette.reference.into(),
        )?;
        let label = band_key(&band.label, band.count, view.lang);
        draw_anchored(
            area,
            &fit_text(area, &label, column_width - 24, &small),
            (x + 20, cy),
            &small,
            HPos::Left,
            VPos::Center,
        )?;
    }
    y += key_rows(view, width) * KEY_ROW;
    if !view.missing.is_empty() {
        draw_wrapped(
            area,
            &view.missing,
            (PAD, y + 4),
            width - 2 * PAD,
            NOTE_LINE,
            &muted,
        )?;
    }
    Ok(layout)
}

/// "前50名：3家" / "Top 50: 3".
fn band_key(label: &str, count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{label}：{count}家"),
        Lang::En => format!("{label}: {count}"),
    }
}

/// Ticks at the band limits and the last place (left out where they would
/// touch), and the axis title.
fn draw_axis<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &NationalBandsView,
    of: u32,
    at: &dyn Fn(f64) -> i32,
    y: i32,
    right: i32,
    muted: &plotters::style::TextStyle,
) -> Result<(), ChartError> {
    let palette = style::palette();
    // The first and last places and the round band limits: 50, 100, 160.
    let mut ticks: Vec<u32> = vec![1, of];
    for band in &view.bands {
        ticks.extend([band.from, band.to].into_iter().filter(|t| t % 10 == 0));
    }
    crate::order::sort_by(&mut ticks, Ord::cmp);
    ticks.dedup();
    draw_line(
        area,
        (at(0.5), y),
        (at(f64::from(of) + 0.5), y),
        palette.reference.into(),
    )?;
    let label_style = anchored(muted, HPos::Center, VPos::Top);
    let mut last_right = i32::MIN;
    for tick in ticks {
        let x = at(f64::from(tick));
        draw_line(area, (x, y), (x, y + 4), palette.reference.into())?;
        let label = tick.to_string();
        let half = text_width(area, &label, &label_style) / 2 + 1;
        if x - half > last_right + 4 {
            draw_text(area, &label, (x, y + 6), &label_style)?;
            last_right = x + half;
        }
    }
    draw_text(
        area,
        &fit_text(area, &view.axis_title, right - PAD, muted),
        (right, y + 22),
        &anchored(muted, HPos::Right, VPos::Top),
    )?;
    Ok(())
}

fn draw_legend<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &NationalBandsView,
    muted: &plotters::style::TextStyle,
) -> Result<(), ChartError> {
    let palette = style::palette();
    let centre = PAD + 31;
    draw_circle(area, (PAD + 6, centre), 6, palette.blue.filled())?;
    let x = legend_text(area, &view.legend_latest, (PAD + 16, centre), muted)?;
    if !view.legend_earlier.is_empty() {
        draw_circle(
            area,
            (x + 4, centre),
            3,
            style::stroke(&palette.reference, 1),
        )?;
        draw_line(
            area,
            (x + 7, centre),
            (x + 20, centre),
            palette.reference.into(),
        )?;
        legend_text(area, &view.legend_earlier, (x + 26, centre), muted)?;
    }
    Ok(())
}
