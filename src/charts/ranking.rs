//! The `ranking` chart, "ranking": one horizontal bar per zone, longest first, its
//! length the composite score (0–100), its colour and pattern the tier the
//! zone earned, with a glyph beside the name for each rule that fired (the
//! legend names each rule in its words), the rank change since the year
//! before as an arrow, and the warning threshold as a dashed line.
//!
//! Up to [`LABELLED_LIMIT`] zones every row carries its rank, name, score and
//! arrow. Beyond that (the 1,000-zone benchmark) the bars are thin, drawn
//! without text, one filled rectangle each, beside a strip of tier bands with
//! their patterns and glyphs; every zone still has its mark for tooltips and
//! keyboard navigation.

use plotters::element::Polygon;
use plotters::prelude::DrawingBackend;
use plotters::style::Color;
use plotters_backend::text_anchor::{HPos, VPos};

use super::marks::{
    anchored, draw_anchored, draw_dashed, draw_line, draw_rect, draw_text, fit_text, text_style,
    text_width, title_extra, titled, wrap_text,
};
use super::paragraph::draw_lines;
use super::style::{self, FONT_BODY, FONT_SMALL};
use super::style::{NOTE_LINE, PAD};
use super::tiers::note_lines;
use super::tiers::{
    draw_change, draw_legend, draw_rule_glyph, draw_tier_bar, draw_tier_glyph, legend_height,
    rank_ticks, tier_color, LegendKey,
};
use super::{Area, ChartError, Layout, Mark};
use crate::format::{grouped, Fixed};
use crate::i18n::Lang;
use crate::views::ranking::RankingView;

/// Beyond this many zones the rows carry no text.
pub const LABELLED_LIMIT: usize = 60;

const TITLE: i32 = 24;
const ROW: i32 = 24;
const BAR: i32 = 14;
/// Room above the first row for the threshold's label.
const PLOT_GAP: i32 = 18;
/// Tick labels and the axis title.
const AXIS: i32 = 42;
const CHANGE: i32 = 34;
const VALUE: i32 = 34;

fn header(view: &RankingView, width: i32) -> i32 {
    let labels: Vec<&str> = legend_entries(view).iter().map(|(_, l)| *l).collect();
    PAD + TITLE + legend_height(width, &labels) + note_lines(&note(view), width) * NOTE_LINE + 6
}

/// The legend: the tiers' swatches, the rules' glyphs, the arrow. Above
/// [`LABELLED_LIMIT`] zones the chart has no rows of glyphs or arrows but a
/// band per run of a tier, marked with the tier's glyph: the legend is the
/// tiers' bars with those glyphs (a ★ there is any reward, which beside the
/// rules' ★ for "top k" read as a top-k zone at rank 598).
fn legend_entries(view: &RankingView) -> Vec<(LegendKey<'_>, &str)> {
    let compact = view.rows.len() > LABELLED_LIMIT;
    let tiers = view.legend.iter().map(|(tier, label)| {
        let key = match compact {
            true => LegendKey::Tier(*tier),
            false => LegendKey::Swatch(*tier),
        };
        (key, label.as_str())
    });
    if compact {
        return tiers.collect();
    }
    let rules = view
        .rule_legend
        .iter()
        .map(|(rule, label)| (LegendKey::Rule(*rule), label.as_str()));
    tiers
        .chain(rules)
        .chain([(LegendKey::Change, view.legend_change.as_str())])
        .collect()
}

/// Below this many pixels for the bars beside the names, each zone takes
/// two lines: rank, glyphs, name and arrow above, the bar under them
/// across the width (an elder's phone lays the chart out at 240 px).
const MIN_PLOT: i32 = 120;

/// Whether each labelled zone's name goes on a line of its own above its bar.
/// (by the width estimate of the longest name, as `preferred_height` has no
/// backend to measure with).
fn stacked(view: &RankingView, width: i32) -> bool {
    let widest = view
        .rows
        .iter()
        .map(|r| super::paragraph::estimate_width(&r.name, FONT_BODY))
        .max()
        .unwrap_or(0);
    let names = (widest + 6).min(width * 28 / 100);
    view.rows.len() <= LABELLED_LIMIT && width - 2 * PAD - 62 - names - CHANGE - VALUE < MIN_PLOT
}

/// The height of a labelled zone's row.
fn row_height(view: &RankingView, width: i32) -> i32 {
    if stacked(view, width) {
        2 * ROW - 4
    } else {
        ROW
    }
}

/// The method note under the legend; with many zones, why the bars are
/// not labelled.
fn note(view: &RankingView) -> String {
    let mut note = view.note.clone();
    if view.rows.len() > LABELLED_LIMIT {
        note.push_str(&match view.lang {
            Lang::Zh => format!(
                " {}个园区，条形不逐一标注：名称见提示与表格。",
                grouped(view.rows.len() as f64, 0)
            ),
            Lang::En => format!(
                " {} zones: too many to label; point at a bar or open the table for names.",
                grouped(view.rows.len() as f64, 0)
            ),
        });
    }
    note
}

/// The plot's height: a row per zone, and one more under the bottom-k
/// rule's band for its label (inside the band's first row it would cover a
/// short bar's score at a phone's width).
fn plot_height(view: &RankingView, width: i32) -> i32 {
    let rows = view.rows.len();
    if rows <= LABELLED_LIMIT {
        row_height(view, width) * rows.max(1) as i32 + ROW * i32::from(band_row(view))
    } else {
        (rows as i32).saturating_mul(3).clamp(240, 720)
    }
}

/// The height this chart wants at `width` CSS pixels.
pub fn preferred_height(view: &RankingView, width: u32) -> u32 {
    let width = width as i32;
    if view.error.is_some() {
        return (title_extra(&view.title, width) + PAD + TITLE + 4 * NOTE_LINE + PAD) as u32;
    }
    (title_extra(&view.title, width)
        + header(view, width)
        + PLOT_GAP
        + plot_height(view, width)
        + AXIS
        + PAD) as u32
}

/// Draws the ranking into `area` and returns one mark per zone in rank order.
pub fn draw<DB: DrawingBackend>(area: &Area<DB>, view: &RankingView) -> Result<Layout, ChartError> {
    titled(area, &view.title, &|area| draw_body(area, view))
}

/// Everything under the title (see [`titled`]).
fn draw_body<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &RankingView,
) -> Result<Layout, ChartError> {
    let palette = style::palette();
    let width = area.dim_in_pixel().0 as i32;
    let body = text_style(FONT_BODY, &palette.text);
    let small = text_style(FONT_SMALL, &palette.text);
    let muted = text_style(FONT_SMALL, &palette.text_muted);
    if let Some(error) = &view.error {
        let lines = wrap_text(area, error, width - 2 * PAD, 4, &body);
        draw_lines(area, &lines, (PAD, PAD + TITLE), NOTE_LINE, &body)?;
        return Ok(Layout::default());
    }

    let entries = legend_entries(view);
    let labels: Vec<&str> = entries.iter().map(|(_, l)| *l).collect();
    let legend_top = PAD + TITLE;
    draw_legend(area, &entries, (PAD, legend_top), width - 2 * PAD, &muted)?;
    let note_top = legend_top + legend_height(width, &labels) + 2;
    let compact = view.rows.len() > LABELLED_LIMIT;
    let note = note(view);
    let lines = wrap_text(
        area,
        &note,
        width - 2 * PAD,
        note_lines(&note, width) as usize,
        &muted,
    );
    draw_lines(area, &lines, (PAD, note_top), NOTE_LINE, &muted)?;

    let plot_top = header(view, width) + PLOT_GAP;
    let plot_h = plot_height(view, width);
    let row_h = row_height(view, width);
    let geometry = if compact {
        Geometry {
            x0: PAD + 66,
            x1: width - PAD - 8,
        }
    } else if stacked(view, width) {
        Geometry {
            x0: PAD + 4,
            x1: width - PAD - VALUE,
        }
    } else {
        let widest = view
            .rows
            .iter()
            .map(|r| text_width(area, &r.name, &body))
            .max()
            .unwrap_or(0);
        let names = (widest + 6).min(width * 28 / 100);
        Geometry {
            x0: PAD + 62 + names,
            x1: width - PAD - CHANGE - VALUE,
        }
    };
    draw_axis(area, view, &geometry, plot_top, plot_h)?;

    // The warning threshold: with labelled rows, one dash in each gap
    // between two bars, so that it never crosses a bar's value; with many
    // zones, dashed under the bars.
    if let Some(threshold) = view.warn_below {
        let x = geometry.scale(threshold);
        if compact {
            draw_dashed(
                area,
                (x, plot_top - 4),
                (x, plot_top + plot_h),
                &palette.text,
                2,
            )?;
        } else {
            let stroke = style::stroke(&palette.text, 2);
            // Stacked, the bar is in the lower part of its row and the
            // dashes stay off the name line: above and below each bar.
            let (bar_line, first) = if row_h > ROW {
                (row_h - ROW, 1)
            } else {
                (0, 0)
            };
            for i in first..=view.rows.len() as i32 {
                // From the bottom of bar i − 1 to the top of bar i.
                let (from, to) = if bar_line > 0 {
                    let bar = plot_top + row_h * (i - 1) + bar_line;
                    (bar + 1, bar + ROW - 1)
                } else {
                    (
                        plot_top + ROW * (i - 1) + (ROW + BAR) / 2,
                        plot_top + ROW * i + (ROW - BAR) / 2,
                    )
                };
                let from = from.max(plot_top - 4);
                let to = to.min(plot_top + plot_h);
                if bar_line > 0 {
                    let centre = (from + to) / 2;
                    draw_line(area, (x, from), (x, centre - BAR / 2 - 1), stroke)?;
                    draw_line(area, (x, centre + BAR / 2 + 1), (x, to), stroke)?;
                } else {
                    draw_line(area, (x, from), (x, to), stroke)?;
                }
            }
        }
        draw_anchored(
            area,
            &view.threshold_label,
            (x + 4, plot_top - PLOT_GAP + 2),
            &muted,
            HPos::Left,
            VPos::Top,
        )?;
    }
    let layout = if compact {
        draw_compact(area, view, &geometry, plot_top, plot_h, &small)?
    } else {
        draw_rows(
            area,
            view,
            &geometry,
            (plot_top, row_h),
            &body,
            &small,
            &muted,
        )?
    };

    Ok(layout)
}

/// Whether the labelled rows end with the bottom-k band's label row: the
/// band's last row is the last row of the chart.
fn band_row(view: &RankingView) -> bool {
    view.rows.len() <= LABELLED_LIMIT
        && !view.band_label.is_empty()
        && view.rows.last().is_some_and(|r| r.in_bottom)
}

/// Where the bars go: score 0 at `x0`, 100 at `x1`.
struct Geometry {
    x0: i32,
    x1: i32,
}

impl Geometry {
    fn scale(&self, score: f64) -> i32 {
        self.x0 + ((self.x1 - self.x0) as f64 * (score / 100.0).clamp(0.0, 1.0)).round() as i32
    }
}

fn draw_axis<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &RankingView,
    geometry: &Geometry,
    top: i32,
    height: i32,
) -> Result<(), ChartError> {
    let palette = style::palette();
    let muted = text_style(FONT_SMALL, &palette.text_muted);
    let bottom = top + height;
    // Every 25 points where the labels have room ("100" and a gap), else
    // every 50, else the ends.
    let room = text_width(area, "100", &muted) + 8;
    let plot = geometry.x1 - geometry.x0;
    let step = [25, 50, 100]
        .into_iter()
        .find(|step| plot * step / 100 >= room)
        .unwrap_or(100);
    for tick in (0..=100).step_by(step as usize).map(f64::from) {
        let x = geometry.scale(tick);
        draw_line(area, (x, top), (x, bottom), palette.grid.into())?;
        draw_anchored(
            area,
            &Fixed(tick, 0).to_string(),
            (x, bottom + 4),
            &muted,
            HPos::Center,
            VPos::Top,
        )?;
    }
    draw_anchored(
        area,
        &view.axis_label,
        ((geometry.x0 + geometry.x1) / 2, bottom + 22),
        &muted,
        HPos::Center,
        VPos::Top,
    )?;
    Ok(())
}

/// Every zone with its rank, glyphs, name, bar, score and arrow.
fn draw_rows<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &RankingView,
    geometry: &Geometry,
    (top, row_h): (i32, i32),
    body: &plotters::style::TextStyle,
    small: &plotters::style::TextStyle,
    muted: &plotters::style::TextStyle,
) -> Result<Layout, ChartError> {
    let palette = style::palette();
    let (width, _) = area.dim_in_pixel();
    let width = width as i32;
    let mut layout = Layout::default();
    // Stacked: the name line above, the bar line (one ROW) under it.
    let bar_line = row_h - ROW;
    let name_room = if bar_line > 0 {
        width - PAD - CHANGE - (PAD + 62) - 6
    } else {
        geometry.x0 - (PAD + 62) - 6
    };
    // The bottom-k rule's band behind the rows it warns, labelled in a row
    // of its own under them (or, with unscored zones after it, inside its
    // first row).
    let mut labelled = band_row(view);
    for (i, _) in view.rows.iter().enumerate().filter(|(_, r)| r.in_bottom) {
        let y = top + row_h * i as i32;
        draw_rect(
            area,
            [(PAD - 4, y), (width - PAD + 4, y + row_h)],
            palette.tint_warm.filled(),
        )?;
        if !labelled {
            labelled = true;
            draw_anchored(
                area,
                &view.band_label,
                (geometry.x1, y + bar_line + 1),
                muted,
                HPos::Right,
                VPos::Top,
            )?;
        }
    }
    if band_row(view) {
        let y = top + row_h * view.rows.len() as i32;
        draw_rect(
            area,
            [(PAD - 4, y), (width - PAD + 4, y + ROW)],
            palette.tint_warm.filled(),
        )?;
        draw_anchored(
            area,
            &fit_text(area, &view.band_label, width - 2 * PAD, muted),
            (width - PAD, y + ROW / 2),
            muted,
            HPos::Right,
            VPos::Center,
        )?;
    }
    for (i, row) in view.rows.iter().enumerate() {
        let y = top + row_h * i as i32;
        let centre = y + ROW / 2;
        let bar_centre = centre + bar_line;
        let (bar_top, bar_bottom) = (bar_centre - BAR / 2, bar_centre + BAR / 2);
        if row.selected {
            draw_rect(
                area,
                [(PAD - 4, y + 1), (width - PAD + 4, y + row_h - 1)],
                palette.highlight.filled(),
            )?;
        }
        let rank = row.rank.map_or_else(|| "—".to_string(), |r| r.to_string());
        draw_text(
            area,
            &rank,
            (PAD + 22, centre),
            &anchored(small, HPos::Right, VPos::Center),
        )?;
        for (k, rule) in row.rules.iter().enumerate() {
            draw_rule_glyph(area, *rule, (PAD + 32 + 11 * k as i32, centre), 5)?;
        }
        let end = match row.score {
            Some(score) => {
                let end = geometry.scale(score).max(geometry.x0 + 2);
                draw_tier_bar(
                    area,
                    (geometry.x0, bar_top),
                    (end, bar_bottom),
                    row.tier,
                    true,
                )?;
                draw_text(
                    area,
                    &Fixed(score, 1).to_string(),
                    (end + 4, bar_centre),
                    &anchored(small, HPos::Left, VPos::Center),
                )?;
                end
            }
            None => {
                draw_text(
                    area,
                    &view.missing_text,
                    (geometry.x0 + 4, bar_centre),
                    &anchored(muted, HPos::Left, VPos::Center),
                )?;
                geometry.x0
            }
        };
        if row.selected {
            draw_rect(
                area,
                [(geometry.x0 - 1, bar_top - 2), (end + 1, bar_bottom + 2)],
                style::stroke(&palette.text, 2),
            )?;
        }
        draw_change(area, row.rank_change, (width - PAD, centre), small)?;
        layout.marks.push(Mark {
            datum: i,
            x0: PAD,
            y0: y,
            x1: width - PAD,
            y1: y + row_h - 1,
            label: row.tooltip.clone(),
        });
    }
    // The names after the rest, in their one font: a canvas parses every
    // font it is given, and a name between two small texts cost two.
    for (i, row) in view.rows.iter().enumerate() {
        let centre = top + row_h * i as i32 + ROW / 2;
        let name = fit_text(area, &row.name, name_room, body);
        draw_text(
            area,
            &name,
            (PAD + 62, centre),
            &anchored(body, HPos::Left, VPos::Center),
        )?;
    }
    Ok(layout)
}

/// Many zones: a thin bar each, no text, a strip of tier bands on the left
/// with their patterns and glyphs, rank ticks, and the selected zone named.
fn draw_compact<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &RankingView,
    geometry: &Geometry,
    top: i32,
    height: i32,
    small: &plotters::style::TextStyle,
) -> Result<Layout, ChartError> {
    let palette = style::palette();
    let n = view.rows.len();
    let (width, _) = area.dim_in_pixel();
    let width = width as i32;
    let row_top = |i: usize| top + ((i as i64 * height as i64) / n as i64) as i32;
    let mut layout = Layout {
        marks: Vec::with_capacity(n),
        columns: 0,
    };
    for (i, row) in view.rows.iter().enumerate() {
        let y0 = row_top(i);
        let y1 = row_top(i + 1).max(y0 + 1);
        layout.marks.push(Mark {
            datum: i,
            x0: PAD,
            y0,
            x1: width - PAD,
            y1: y1 - 1,
            label: row.tooltip.clone(),
        });
    }
    // The bars of each run of zones in one tier as one staircase polygon:
    // a few fills instead of one per zone (the 1,000-zone budget is 16 ms).
    let end_of = |i: usize| {
        view.rows[i]
            .score
            .map_or(geometry.x0, |s| geometry.scale(s).max(geometry.x0 + 1))
    };
    let mut start = 0;
    while start < n {
        let tier = view.rows[start].tier;
        let mut end = start + 1;
        while end < n && view.rows[end].tier == tier {
            end += 1;
        }
        let mut outline = Vec::with_capacity(2 * (end - start) + 2);
        outline.push((geometry.x0, row_top(start)));
        for i in start..end {
            let x = end_of(i);
            outline.push((x, row_top(i)));
            outline.push((x, row_top(i + 1).max(row_top(i) + 1)));
        }
        outline.push((geometry.x0, row_top(end).max(row_top(end - 1) + 1)));
        area.draw(&Polygon::new(outline, tier_color(tier).filled()))?;
        start = end;
    }
    // Tier bands: runs of zones with the same tier.
    let (strip0, strip1) = (PAD + 44, PAD + 58);
    let mut start = 0;
    while start < n {
        let tier = view.rows[start].tier;
        let mut end = start + 1;
        while end < n && view.rows[end].tier == tier {
            end += 1;
        }
        let (y0, y1) = (row_top(start), row_top(end).max(row_top(start) + 1));
        draw_tier_bar(area, (strip0, y0), (strip1, y1), tier, true)?;
        if y1 - y0 >= 16 {
            draw_rect(
                area,
                [(strip0, (y0 + y1) / 2 - 7), (strip1, (y0 + y1) / 2 + 7)],
                palette.background.filled(),
            )?;
            // As the legend draws it (no mark for a zone in no tier).
            draw_tier_glyph(area, tier, ((strip0 + strip1) / 2, (y0 + y1) / 2), 6, false)?;
        }
        start = end;
    }
    // Ranks down the left.
    let ticks = rank_ticks(n, (height / 40).max(2) as usize);
    for rank in ticks {
        let y = (row_top(rank - 1) + row_top(rank)) / 2;
        draw_text(
            area,
            &grouped(rank as f64, 0),
            (PAD + 38, y),
            &anchored(small, HPos::Right, VPos::Center),
        )?;
    }
    // The selected zone, named.
    if let Some((i, row)) = view.rows.iter().enumerate().find(|(_, r)| r.selected) {
        let y = (row_top(i) + row_top(i + 1)) / 2;
        draw_line(
            area,
            (geometry.x0, y),
            (geometry.x1, y),
            style::stroke(&palette.text, 2),
        )?;
        let label = fit_text(area, &row.tooltip, geometry.x1 - geometry.x0, small);
        draw_rect(
            area,
            [
                (geometry.x1 - text_width(area, &label, small) - 4, y - 18),
                (geometry.x1, y - 3),
            ],
            palette.background.filled(),
        )?;
        draw_text(
            area,
            &label,
            (geometry.x1 - 2, y - 4),
            &anchored(small, HPos::Right, VPos::Bottom),
        )?;
    }
    Ok(layout)
}
