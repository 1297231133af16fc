//! Drawing pieces every chart uses: text, rectangles, lines, paths and
//! circles (one helper each instead of a plotters element built at every call
//! site: each of those was its own copy of code in the wasm); text that fits
//! or wraps, titles and the titled frame, the "no data" message, dashed
//! lines, diamonds, legend entries, text styles.

use plotters::element::{Circle, PathElement, Polygon, Rectangle, Text};
use plotters::prelude::DrawingBackend;
use plotters::style::{Color, IntoFont, RGBColor, ShapeStyle, TextStyle};
use plotters_backend::text_anchor::{HPos, Pos, VPos};

use super::style;
use super::{Area, ChartError, Layout};

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

/// Draws `text` at `pos` in `style`. Every chart's text goes through here
/// or [`draw_anchored`]: one call with four arguments, where building the
/// `Text` element inline at each of some 80 call sites cost the wasm
/// 5 KB (2 KB gzip).
pub fn draw_text<DB: DrawingBackend>(
    area: &Area<DB>,
    text: &str,
    pos: (i32, i32),
    style: &TextStyle,
) -> Result<(), ChartError> {
    area.draw(&Text::new(text, pos, style.clone()))?;
    Ok(())
}

/// Draws `text` at `pos` in `style` anchored at `h`, `v`.
pub fn draw_anchored<DB: DrawingBackend>(
    area: &Area<DB>,
    text: &str,
    pos: (i32, i32),
    style: &TextStyle,
    h: HPos,
    v: VPos,
) -> Result<(), ChartError> {
    draw_text(area, text, pos, &anchored(style, h, v))
}

/// Draws the rectangle between `corners` in `style` (one call for every
/// chart's bars, cells and swatches, as [`draw_text`] is for text).
pub fn draw_rect<DB: DrawingBackend>(
    area: &Area<DB>,
    corners: [(i32, i32); 2],
    style: ShapeStyle,
) -> Result<(), ChartError> {
    area.draw(&Rectangle::new(corners, style))?;
    Ok(())
}

/// Draws the polyline through `points` in `style`.
pub fn draw_path<DB: DrawingBackend>(
    area: &Area<DB>,
    points: Vec<(i32, i32)>,
    style: ShapeStyle,
) -> Result<(), ChartError> {
    area.draw(&PathElement::new(points, style))?;
    Ok(())
}

/// Draws a straight line from `from` to `to` in `style`.
pub fn draw_line<DB: DrawingBackend>(
    area: &Area<DB>,
    from: (i32, i32),
    to: (i32, i32),
    style: ShapeStyle,
) -> Result<(), ChartError> {
    draw_path(area, vec![from, to], style)
}

/// Draws a circle of `radius` pixels around `centre` in `style`.
pub fn draw_circle<DB: DrawingBackend>(
    area: &Area<DB>,
    centre: (i32, i32),
    radius: i32,
    style: ShapeStyle,
) -> Result<(), ChartError> {
    area.draw(&Circle::new(centre, radius, style))?;
    Ok(())
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
    // The longest prefix whose shortened form fits (the whole text does not).
    if text_width(area, &shortened(0), style) > max_width {
        return String::new();
    }
    let fits = |keep: usize| text_width(area, &shortened(keep), style) <= max_width;
    shortened(super::paragraph::longest(0, chars.len(), fits))
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
        draw_path(area, dash, style::stroke(color, width))?;
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
    draw_path(area, outline, style::palette().background.into())?;
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
    draw_text(area, label, (x, centre), &style)?;
    Ok(x + text_width(area, label, &style) + 14)
}

/// `text` broken into lines of at most `max_width` pixels as the backend
/// measures them (see [`paragraph::wrap_by`](super::paragraph::wrap_by)); at
/// most `max_lines` lines, the last shortened with "…" if the text goes on.
pub fn wrap_text<DB: DrawingBackend>(
    area: &Area<DB>,
    text: &str,
    max_width: i32,
    max_lines: usize,
    style: &TextStyle,
) -> Vec<String> {
    // Only as much text as `max_lines` and a line more can hold (no
    // character is 2 px wide) is broken: a long note is not measured to
    // its end to keep two lines of it.
    let text = match max_lines
        .checked_add(1)
        .map(|n| n * (max_width.max(0) as usize / 2 + 1))
    {
        Some(most) => text
            .char_indices()
            .nth(most)
            .map_or(text, |(i, _)| &text[..i]),
        None => text,
    };
    let mut lines = super::paragraph::wrap_by(text, max_width, &|s| text_width(area, s, style));
    if lines.len() > max_lines && max_lines > 0 {
        let rest = lines.split_off(max_lines);
        let last = &mut lines[max_lines - 1];
        *last = fit_text(area, &format!("{last} {}", rest[0]), max_width, style);
    }
    lines
}

/// Draws `text` wrapped to `max_width` from `(x, top)`, `line_height` apart;
/// returns the y below the last line.
pub fn draw_wrapped<DB: DrawingBackend>(
    area: &Area<DB>,
    text: &str,
    (x, top): (i32, i32),
    max_width: i32,
    line_height: i32,
    style: &TextStyle,
) -> Result<i32, ChartError> {
    let lines = wrap_text(area, text, max_width, usize::MAX, style);
    super::paragraph::draw_lines(area, &lines, (x, top), line_height, style)
}

/// The height of a chart that only says it has nothing to draw.
pub const MESSAGE_HEIGHT: u32 = 160;

/// The chart title's lines at `width` CSS pixels: wrapped by the width
/// estimate (see [`paragraph`](super::paragraph)), so that a chart's
/// `preferred_height` and its `draw` break the same lines.
pub fn title_lines(title: &str, width: i32) -> Vec<String> {
    super::paragraph::wrap(title, (width - 2 * style::PAD).max(1), style::FONT_TITLE)
}

/// The height a title's lines after the first add to a chart laid out for a
/// one-line title.
pub fn title_extra(title: &str, width: i32) -> i32 {
    style::TITLE_LINE * (title_lines(title, width).len() as i32 - 1).max(0)
}

/// Clears the area to the background and draws the chart's title at its top
/// left, wrapped to as many lines as it needs; returns the area's width.
pub fn draw_title<DB: DrawingBackend>(area: &Area<DB>, title: &str) -> Result<i32, ChartError> {
    let palette = style::palette();
    area.fill(&palette.background)?;
    let width = area.dim_in_pixel().0 as i32;
    let title_style = text_style(style::FONT_TITLE, &palette.text);
    super::paragraph::draw_lines(
        area,
        &title_lines(title, width),
        (style::PAD, style::PAD),
        style::TITLE_LINE,
        &title_style,
    )?;
    Ok(width)
}

/// Draws a chart laid out for a one-line title: the title wrapped (see
/// [`draw_title`]), then `body` into the area below its extra lines, as if
/// the title had taken one; the marks `body` returns are moved down with it.
/// `body` draws everything but the background and the title.
pub fn titled<DB: DrawingBackend>(
    area: &Area<DB>,
    title: &str,
    body: &dyn Fn(&Area<DB>) -> Result<Layout, ChartError>,
) -> Result<Layout, ChartError> {
    // `body` is a trait object so that this is compiled once, not per chart.
    let width = draw_title(area, title)?;
    let extra = title_extra(title, width);
    if extra == 0 {
        return body(area);
    }
    let (_, below) = area.split_vertically(extra);
    let mut layout = body(&below)?;
    for mark in &mut layout.marks {
        mark.y0 += extra;
        mark.y1 += extra;
    }
    Ok(layout)
}

/// The message a chart draws instead of itself when it has no data: the
/// title, then the message in the middle of the area.
pub fn draw_message<DB: DrawingBackend>(
    area: &Area<DB>,
    title: &str,
    message: &str,
) -> Result<(), ChartError> {
    let width = draw_title(area, title)?;
    let height = area.dim_in_pixel().1 as i32;
    let muted = anchored(
        &text_style(style::FONT_BODY, &style::palette().text_muted),
        HPos::Center,
        VPos::Center,
    );
    let message = fit_text(area, message, width - 16, &muted);
    draw_text(area, &message, (width / 2, height / 2 + 12), &muted)?;
    Ok(())
}

/// Two boxes `(x0, y0, x1, y1)` overlap (with `gap` pixels to spare).
pub fn overlaps(a: (i32, i32, i32, i32), b: (i32, i32, i32, i32), gap: i32) -> bool {
    a.0 < b.2 + gap && b.0 < a.2 + gap && a.1 < b.3 + gap && b.1 < a.3 + gap
}

/// About how many lines `text` takes wrapped to `width` pixels at 12–13 px,
/// for a chart's preferred height, which is asked before anything is drawn:
/// a Chinese character counts 13 px, anything else 7.
pub fn estimated_lines(text: &str, width: i32) -> i32 {
    if text.is_empty() {
        return 0;
    }
    let pixels: i32 = text
        .chars()
        .map(|c| if c.len_utf8() > 1 { 13 } else { 7 })
        .sum();
    pixels / width.max(1) + 1
}
