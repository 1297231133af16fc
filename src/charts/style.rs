//! The look shared by every chart: colours, fonts and sizes.
//!
//! Colours come from the Okabe–Ito palette (colour-blind safe), darkened where
//! needed so that every mark has at least 3:1 contrast with the background and
//! every text at least 4.5:1 (WCAG 2.1, 1.4.11 and 1.4.3). Colour is never the
//! only cue: charts add patterns, markers or labels.

use plotters::style::{FontFamily, RGBColor, ShapeStyle};

pub const BACKGROUND: RGBColor = RGBColor(255, 255, 255);
/// Body text: 17.4:1 on white.
pub const TEXT: RGBColor = RGBColor(26, 26, 26);
/// Secondary text (axis ticks, notes): 7.5:1 on white.
pub const TEXT_MUTED: RGBColor = RGBColor(85, 85, 85);
/// Grid lines: decoration, not information.
pub const GRID: RGBColor = RGBColor(224, 224, 224);
/// Okabe–Ito blue: 5.2:1 on white. The zones' own figures.
pub const BLUE: RGBColor = RGBColor(0, 114, 178);
/// Okabe–Ito vermillion, darkened to 4.8:1 on white. What the report states.
pub const VERMILLION: RGBColor = RGBColor(192, 80, 0);
/// Neutral reference marks (baselines, averages): 7.5:1 on white.
pub const REFERENCE: RGBColor = RGBColor(85, 85, 85);

/// Fonts in order of preference: the common Chinese UI fonts of Windows,
/// macOS, Android and Linux, then the browser's sans-serif. Nothing is
/// downloaded: the widget uses what the reader's system has.
pub const FONT_FAMILY: FontFamily<'static> = FontFamily::Name(
    "\"PingFang SC\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", \
     \"WenQuanYi Micro Hei\", sans-serif",
);

/// The layout every chart shares, in CSS pixels: the padding round a chart
/// and the height of a title line, a legend line and a note line.
pub const PAD: i32 = 8;
pub const TITLE_LINE: i32 = 20;
pub const LEGEND_LINE: i32 = 20;
pub const NOTE_LINE: i32 = 17;

/// Text sizes in CSS pixels; nothing is smaller than 12.
pub const FONT_SMALL: f64 = 12.0;
pub const FONT_BODY: f64 = 13.0;
pub const FONT_TITLE: f64 = 15.0;

/// Context lines (every zone but the highlighted ones in the trends): 3.2:1
/// on white, the least a mark may have.
pub const MUTED_LINE: RGBColor = RGBColor(145, 145, 145);
/// Okabe–Ito bluish green, darkened to 4.8:1 on white.
pub const GREEN: RGBColor = RGBColor(0, 130, 95);
/// Okabe–Ito reddish purple, darkened to 5.3:1 on white.
pub const PURPLE: RGBColor = RGBColor(170, 68, 153);
/// Band backgrounds (decoration; text on them keeps ≥ 6:1 with TEXT_MUTED):
/// a cool and a warm tint, alternating.
pub const TINT_COOL: RGBColor = RGBColor(230, 238, 245);
pub const TINT_WARM: RGBColor = RGBColor(248, 234, 224);
// Charts 3, 5, 12 and the innovation chart (contrast on white, WCAG 2.1).

/// The area between the Lorenz curve and the equality line: decoration
/// (1.2:1), the curve itself is drawn in [`BLUE`].
pub const LORENZ_AREA: RGBColor = RGBColor(226, 238, 248);
/// The similarity scale, a single-hue ramp (ColorBrewer "Blues", safe for
/// every colour-vision deficiency: it varies in lightness alone). Low end:
/// 1.2:1 on white, so the matrix is framed in [`TEXT_MUTED`]; the value of
/// every cell is also in its tooltip and the table, and cells below the
/// threshold carry a dot.
pub const HEAT_LOW: RGBColor = RGBColor(222, 235, 247);
/// The ramp's middle: 3.4:1 on white.
pub const HEAT_MID: RGBColor = RGBColor(66, 146, 198);
/// The ramp's high end: 12.8:1 on white, 10.5:1 against [`HEAT_LOW`].
pub const HEAT_HIGH: RGBColor = RGBColor(8, 48, 107);
/// A within-group segment of the Theil bars: a pale fill (1.2:1) outlined in
/// [`BLUE`] (5.2:1), with [`TEXT`] labels on it (14.4:1).
pub const WITHIN_FILL: RGBColor = RGBColor(222, 235, 247);
// The evaluation charts (ranking, profile, rank over the years, stability).
// Tiers are told apart by colour, by a pattern on the bar and by a marker
// glyph, and named in the legend.

/// Reward tier: Okabe–Ito bluish green, darkened to 4.9:1 on white.
pub const TIER_REWARD: RGBColor = RGBColor(0, 128, 94);
/// Warning tier: Okabe–Ito orange, darkened to 4.1:1 on white (a mark: ≥ 3:1).
pub const TIER_WARNING: RGBColor = RGBColor(176, 112, 0);
/// Named for exit: Okabe–Ito reddish purple, darkened to 5.4:1 on white.
pub const TIER_EXIT: RGBColor = RGBColor(170, 68, 136);
/// No tier: mid grey, 4.5:1 on white.
pub const TIER_NONE: RGBColor = RGBColor(118, 118, 118);
/// The other zones' lines in the rank-over-years chart: 3.4:1 on white.
pub const LINE_MUTED: RGBColor = RGBColor(140, 140, 140);
/// The band behind the selected zone's row: decoration (1.1:1); a dark
/// outline carries the selection.
pub const HIGHLIGHT: RGBColor = RGBColor(255, 243, 196);

#[cfg(test)]
mod tests;

/// A line `width` pixels wide in `color`: one call where
/// `ShapeStyle::from(..).stroke_width(..)` was built inline at each of some
/// 30 places.
pub fn stroke(color: &RGBColor, width: u32) -> ShapeStyle {
    ShapeStyle::from(color).stroke_width(width)
}
