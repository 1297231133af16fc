//! The look shared by every chart: colours, fonts and sizes.
//!
//! Colours come in two palettes, [`LIGHT`] and [`DARK`], one [`Palette`]
//! each, so the charts follow the widget's colour scheme. Both start from
//! the Okabe–Ito palette (colour-blind safe): darkened for the light one,
//! lightened for the dark one, so that every mark has at least 3:1 contrast
//! with the background and every text at least 4.5:1 (WCAG 2.1, 1.4.11 and
//! 1.4.3; `style/tests.rs` computes it for both). Colour is never the only
//! cue: charts add patterns, markers or labels.
//!
//! The palette is chosen per draw: [`super::draw`] makes one current for the
//! time it draws and the charts read it with [`palette`], rather than every
//! drawing function taking one more argument. Anything drawn outside it (a
//! chart's own `draw` called directly, as some tests do) is light.

use std::cell::Cell;

use plotters::style::{FontFamily, RGBColor, ShapeStyle};

/// Every colour a chart uses, by role. The contrast figures in the comments
/// of [`LIGHT`] and [`DARK`] are against that palette's background.
pub struct Palette {
    pub background: RGBColor,
    /// Body text.
    pub text: RGBColor,
    /// Secondary text (axis ticks, notes).
    pub text_muted: RGBColor,
    /// Grid lines: decoration, not information.
    pub grid: RGBColor,
    /// Okabe–Ito blue: the zones' own figures.
    pub blue: RGBColor,
    /// Okabe–Ito vermillion: what the report states.
    pub vermillion: RGBColor,
    /// Neutral reference marks (baselines, averages).
    pub reference: RGBColor,
    /// Context lines (every zone but the highlighted ones in the trends):
    /// the least contrast a mark may have, or a little more.
    pub muted_line: RGBColor,
    /// Okabe–Ito bluish green.
    pub green: RGBColor,
    /// Okabe–Ito reddish purple.
    pub purple: RGBColor,
    /// Band backgrounds (decoration; the text on them keeps ≥ 4.5:1): a cool
    /// and a warm tint, alternating. Charts 3, 5, 12 and the innovation chart.
    pub tint_cool: RGBColor,
    pub tint_warm: RGBColor,
    /// The area between the Lorenz curve and the equality line: decoration,
    /// the curve itself is drawn in `blue`.
    pub lorenz_area: RGBColor,
    /// The similarity scale, a single-hue ramp (ColorBrewer "Blues", safe for
    /// every colour-vision deficiency: it varies in lightness alone). It runs
    /// from near the background (low) to far from it (high): pale to dark
    /// blue on white, dark to pale blue on the dark background. The low end
    /// hardly stands out, so the matrix is framed in `text_muted`; the value
    /// of every cell is also in its tooltip and the table, and cells below
    /// the threshold carry a dot (in `text` on the low half of the ramp, in
    /// `background` on the high half: ≥ 3:1 on every step in both palettes).
    pub heat_low: RGBColor,
    pub heat_mid: RGBColor,
    pub heat_high: RGBColor,
    /// A within-group segment of the Theil bars: a faint fill outlined in
    /// `blue`, with `text` labels on it.
    pub within_fill: RGBColor,
    // The evaluation charts (ranking, profile, rank over the years,
    // stability). Tiers are told apart by colour, by a pattern on the bar and
    // by a marker glyph, and named in the legend.
    /// Reward tier: Okabe–Ito bluish green.
    pub tier_reward: RGBColor,
    /// Warning tier: Okabe–Ito orange.
    pub tier_warning: RGBColor,
    /// Named for exit: Okabe–Ito reddish purple.
    pub tier_exit: RGBColor,
    /// No tier: mid grey.
    pub tier_none: RGBColor,
    /// The other zones' lines in the rank-over-years chart.
    pub line_muted: RGBColor,
    /// The band behind the selected zone's row: decoration; an outline in
    /// `text` carries the selection.
    pub highlight: RGBColor,
}

/// Dark text on white: the palette of the exports (PNG, SVG), which go into
/// documents and print, and of the widget in a light colour scheme.
pub const LIGHT: Palette = Palette {
    background: RGBColor(255, 255, 255),
    text: RGBColor(26, 26, 26),           // 17.4:1
    text_muted: RGBColor(85, 85, 85),     // 7.5:1
    grid: RGBColor(224, 224, 224),        // decoration
    blue: RGBColor(0, 114, 178),          // 5.2:1
    vermillion: RGBColor(192, 80, 0),     // darkened, 4.8:1
    reference: RGBColor(85, 85, 85),      // 7.5:1
    muted_line: RGBColor(145, 145, 145),  // 3.2:1
    green: RGBColor(0, 130, 95),          // darkened, 4.8:1
    purple: RGBColor(170, 68, 153),       // darkened, 5.3:1
    tint_cool: RGBColor(230, 238, 245),   // text_muted on it 6.4:1
    tint_warm: RGBColor(248, 234, 224),   // text_muted on it 6.3:1
    lorenz_area: RGBColor(226, 238, 248), // 1.2:1
    heat_low: RGBColor(222, 235, 247),    // 1.2:1
    heat_mid: RGBColor(66, 146, 198),     // 3.4:1
    heat_high: RGBColor(8, 48, 107),      // 12.8:1, 10.5:1 against heat_low
    within_fill: RGBColor(222, 235, 247), // 1.2:1, text on it 14.4:1
    tier_reward: RGBColor(0, 128, 94),    // darkened, 4.9:1
    tier_warning: RGBColor(176, 112, 0),  // darkened, 4.1:1 (a mark: ≥ 3:1)
    tier_exit: RGBColor(170, 68, 136),    // darkened, 5.4:1
    tier_none: RGBColor(118, 118, 118),   // 4.5:1
    line_muted: RGBColor(140, 140, 140),  // 3.4:1
    highlight: RGBColor(255, 243, 196),   // pale yellow, 1.1:1
};

/// Light text on the widget's dark surface (`--zm-surface` in
/// `zone-monitor.css`): the palette of the widget in a dark colour scheme.
pub const DARK: Palette = Palette {
    background: RGBColor(35, 38, 43),     // #23262b
    text: RGBColor(238, 238, 238),        // 13.1:1
    text_muted: RGBColor(184, 188, 194),  // 8.0:1
    grid: RGBColor(59, 64, 72),           // decoration
    blue: RGBColor(86, 180, 233),         // Okabe–Ito sky blue, 6.6:1
    vermillion: RGBColor(245, 136, 74),   // lightened, 6.2:1
    reference: RGBColor(176, 180, 186),   // 7.3:1
    muted_line: RGBColor(125, 130, 138),  // 3.9:1
    green: RGBColor(60, 196, 154),        // lightened, 6.9:1
    purple: RGBColor(224, 140, 196),      // lightened, 6.3:1
    tint_cool: RGBColor(42, 54, 68),      // text_muted on it 6.4:1
    tint_warm: RGBColor(59, 47, 39),      // text_muted on it 6.8:1
    lorenz_area: RGBColor(41, 56, 73),    // 1.3:1
    heat_low: RGBColor(42, 53, 66),       // 1.2:1
    heat_mid: RGBColor(63, 134, 191),     // 3.9:1
    heat_high: RGBColor(198, 219, 239),   // 10.7:1, 8.8:1 against heat_low
    within_fill: RGBColor(42, 58, 77),    // 1.3:1, text on it 10.0:1
    tier_reward: RGBColor(60, 196, 154),  // lightened, 6.9:1
    tier_warning: RGBColor(230, 161, 23), // 6.9:1
    tier_exit: RGBColor(229, 143, 201),   // lightened, 6.6:1
    tier_none: RGBColor(160, 164, 170),   // 6.1:1
    line_muted: RGBColor(133, 138, 146),  // 4.4:1
    highlight: RGBColor(74, 63, 28),      // dark ochre, 1.5:1
};

/// The colours a page in forced-colours mode (Windows High Contrast) uses,
/// as CSS system colours name them, read by the page from its stylesheet.
pub struct SystemColors {
    /// `Canvas`: the background.
    pub canvas: RGBColor,
    /// `CanvasText`: text and the main marks.
    pub text: RGBColor,
    /// `GrayText`: decoration (grid lines, context lines).
    pub gray: RGBColor,
    /// `LinkText` and `Highlight`: the two colours that stand out from text.
    pub link: RGBColor,
    pub highlight: RGBColor,
}

/// The charts' palette in forced-colours mode: only the reader's system
/// colours, each role given the one that fits it. Tiers and series are then
/// told apart by their patterns, glyphs and labels, as everywhere.
pub fn system_palette(c: &SystemColors) -> Palette {
    Palette {
        background: c.canvas,
        text: c.text,
        text_muted: c.text,
        grid: c.gray,
        blue: c.link,
        vermillion: c.highlight,
        reference: c.text,
        muted_line: c.gray,
        green: c.text,
        purple: c.link,
        tint_cool: c.canvas,
        tint_warm: c.canvas,
        lorenz_area: c.canvas,
        heat_low: c.canvas,
        heat_mid: c.gray,
        heat_high: c.text,
        within_fill: c.canvas,
        tier_reward: c.highlight,
        tier_warning: c.link,
        tier_exit: c.text,
        // GrayText is for disabled text, and bright in some themes (green
        // in Windows' High Contrast Black): no tier is plain text colour,
        // told from named-for-exit by the latter's pattern and glyph.
        tier_none: c.text,
        line_muted: c.gray,
        highlight: c.canvas,
    }
}

/// How much larger the charts are drawn in elder mode (长辈模式): every
/// text, mark and line, so the smallest chart text (12 px) becomes 18 px,
/// the least the MIIT age-friendly website spec (2021) asks of text. The
/// chart is laid out for its width divided by this, so labels wrap and axes
/// take fewer ticks rather than crowd, and its height follows.
pub const ELDER_SCALE: f64 = 1.5;

thread_local! {
    /// The palette of the chart being drawn (a thread-local, so that tests
    /// drawing on several threads do not see each other's).
    static CURRENT: Cell<&'static Palette> = const { Cell::new(&LIGHT) };
}

/// The palette of the chart being drawn: [`LIGHT`] unless [`super::draw`]
/// was asked for another.
pub fn palette() -> &'static Palette {
    CURRENT.with(Cell::get)
}

/// Makes `palette` current until the returned guard is dropped, then puts
/// back the one before.
pub(super) fn use_palette(palette: &'static Palette) -> PaletteGuard {
    PaletteGuard(CURRENT.with(|current| current.replace(palette)))
}

/// Restores the palette it holds when dropped (see [`use_palette`]).
pub(super) struct PaletteGuard(&'static Palette);

impl Drop for PaletteGuard {
    fn drop(&mut self) {
        CURRENT.with(|current| current.set(self.0));
    }
}

/// The least a mark a finger taps may measure, in CSS pixels (WCAG 2.5.5).
pub const TOUCH_TARGET: i32 = 44;

thread_local! {
    /// Whether the reader points with a finger (`pointer: coarse`), set by
    /// the page once (`Widget::set_touch`); false natively and in tests.
    static TOUCH: Cell<bool> = const { Cell::new(false) };
}

/// Tells the charts the reader's pointer is a finger: a chart whose marks
/// are tapped then keeps them at least [`TOUCH_TARGET`] px or draws them
/// another way (the similarity heatmap lists each zone's twins instead).
pub fn set_touch(on: bool) {
    TOUCH.with(|t| t.set(on));
}

/// Whether [`set_touch`] said the pointer is a finger.
pub fn touch() -> bool {
    TOUCH.with(Cell::get)
}

/// Fonts in order of preference: the common Chinese UI fonts of Windows,
/// macOS, Android and Linux, then the browser's sans-serif. Nothing is
/// downloaded: the widget uses what the reader's system has (or a page's
/// web font of one of these names: zone-monitor.css's `--zm-font` lists
/// them too, and element.js draws the charts again when one arrives).
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

#[cfg(test)]
mod tests;

/// A line `width` pixels wide in `color`: one call where
/// `ShapeStyle::from(..).stroke_width(..)` was built inline at each of some
/// 30 places.
pub fn stroke(color: &RGBColor, width: u32) -> ShapeStyle {
    ShapeStyle::from(color).stroke_width(width)
}
