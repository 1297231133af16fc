//! The look shared by every chart: colours, fonts and sizes.
//!
//! Colours come from the Okabe–Ito palette (colour-blind safe), darkened where
//! needed so that every mark has at least 3:1 contrast with the background and
//! every text at least 4.5:1 (WCAG 2.1, 1.4.11 and 1.4.3). Colour is never the
//! only cue: charts add patterns, markers or labels.

use plotters::style::{FontFamily, RGBColor};

pub const BACKGROUND: RGBColor = RGBColor(255, 255, 255);
/// Body text: 16.1:1 on white.
pub const TEXT: RGBColor = RGBColor(26, 26, 26);
/// Secondary text (axis ticks, notes): 7.0:1 on white.
pub const TEXT_MUTED: RGBColor = RGBColor(85, 85, 85);
/// Grid lines: decoration, not information.
pub const GRID: RGBColor = RGBColor(224, 224, 224);
/// Okabe–Ito blue: 5.1:1 on white. The zones' own figures.
pub const BLUE: RGBColor = RGBColor(0, 114, 178);
/// Okabe–Ito vermillion, darkened to 4.6:1 on white. What the report states.
pub const VERMILLION: RGBColor = RGBColor(192, 80, 0);
/// Neutral reference marks (baselines, averages): 7.0:1 on white.
pub const REFERENCE: RGBColor = RGBColor(85, 85, 85);

/// Fonts in order of preference: the common Chinese UI fonts of Windows,
/// macOS, Android and Linux, then the browser's sans-serif. Nothing is
/// downloaded: the widget uses what the reader's system has.
pub const FONT_FAMILY: FontFamily<'static> = FontFamily::Name(
    "\"PingFang SC\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", \
     \"WenQuanYi Micro Hei\", sans-serif",
);

/// Text sizes in CSS pixels; nothing is smaller than 12.
pub const FONT_SMALL: f64 = 12.0;
pub const FONT_BODY: f64 = 13.0;
pub const FONT_TITLE: f64 = 15.0;

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
