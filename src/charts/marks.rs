//! Drawing pieces every chart uses: text that fits, dashed lines, diamonds,
//! legend entries, text styles.

use plotters::element::{PathElement, Polygon, Text};
use plotters::prelude::DrawingBackend;
use plotters::style::{Color, IntoFont, RGBColor, ShapeStyle, TextStyle};
use plotters_backend::text_anchor::{HPos, Pos, VPos};

use super::style;
use super::{Area, ChartError};

/// The chart font at `size` CSS pixels in `color`.
pub fn text_style(size: f64, color: &RGBColor) -> TextStyle<'static> {
    let mut text = TextStyle::from((style::FONT_FAMILY, size).into_font());
    text.color = color.to_backend_color();
    text
}

/// `style` anchored at `h`, `v`.
pub fn anchored<'a>(style: &TextStyle<'a>, h: HPos, v: VPos) -> TextStyle<'a> {
    style.pos(Pos::new(h, v))
}

/// The width of `text` in `style`, as the backend measures it.
pub fn text_width<DB: DrawingBackend>(area: &Area<DB>, text: &str, style: &TextStyle) -> i32 {
    area.estimate_text_size(text, style)
        .map_or(0, |(w, _)| w as i32)
}

/// `text` shortened with "…" until it fits in `max_width` pixels (a binary
/// search over the kept length); the full text stays in the tooltip and the
/// table.
pub fn fit_text<DB: DrawingBackend>(
    area: &Area<DB>,
    text: &str,
    max_width: i32,
    style: &TextStyle,
) -> String {
    if text_width(area, text, style) <= max_width {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let shortened = |keep: usize| chars[..keep].iter().collect::<String>() + "…";
    // The longest prefix whose shortened form fits: fits(lo) holds, fits(hi) not.
    let (mut lo, mut hi) = (0, chars.len());
    if text_width(area, &shortened(0), style) > max_width {
        return String::new();
    }
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if text_width(area, &shortened(mid), style) <= max_width {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    shortened(lo)
}

/// A dashed line as separate segments (plotters has no dash style).
pub fn dashed(from: (i32, i32), to: (i32, i32), dash: i32, gap: i32) -> Vec<Vec<(i32, i32)>> {
    let length = (((to.0 - from.0).pow(2) + (to.1 - from.1).pow(2)) as f64).sqrt();
    if length == 0.0 || dash <= 0 {
        return Vec::new();
    }
    let at = |d: f64| {
        let t = (d / length).min(1.0);
        (
            from.0 + ((to.0 - from.0) as f64 * t).round() as i32,
            from.1 + ((to.1 - from.1) as f64 * t).round() as i32,
        )
    };
    let mut segments = Vec::new();
    let mut d = 0.0;
    while d < length {
        segments.push(vec![at(d), at(d + dash as f64)]);
        d += (dash + gap.max(0)) as f64;
    }
    segments
}

/// Draws a dashed line `width` pixels wide.
pub fn draw_dashed<DB: DrawingBackend>(
    area: &Area<DB>,
    from: (i32, i32),
    to: (i32, i32),
    color: &RGBColor,
    width: u32,
) -> Result<(), ChartError> {
    for dash in dashed(from, to, 4, 3) {
        area.draw(&PathElement::new(
            dash,
            ShapeStyle::from(color).stroke_width(width),
        ))?;
    }
    Ok(())
}

/// A filled diamond of radius `r` with a background-coloured outline, so it
/// stands out on a bar of any colour.
pub fn draw_diamond<DB: DrawingBackend>(
    area: &Area<DB>,
    (x, y): (i32, i32),
    r: i32,
    fill: &RGBColor,
) -> Result<(), ChartError> {
    let points = vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y)];
    area.draw(&Polygon::new(points.clone(), fill.filled()))?;
    let mut outline = points;
    outline.push((x, y - r));
    area.draw(&PathElement::new(outline, style::BACKGROUND))?;
    Ok(())
}

/// Draws a legend label left-aligned at `(x, centre)` and returns the x where
/// the next entry starts.
pub fn legend_text<DB: DrawingBackend>(
    area: &Area<DB>,
    label: &str,
    (x, centre): (i32, i32),
    style: &TextStyle,
) -> Result<i32, ChartError> {
    let style = anchored(style, HPos::Left, VPos::Center);
    area.draw(&Text::new(label.to_string(), (x, centre), style.clone()))?;
    Ok(x + text_width(area, label, &style) + 14)
}
