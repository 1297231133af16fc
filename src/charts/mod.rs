//! Charts: one per question of the report, each a function of a plotters
//! drawing area and a prepared view.
//!
//! Every chart is `fn draw<DB: DrawingBackend>(area, &View) -> Result<Layout,
//! ChartError>`: generic over the backend (the browser gives a canvas, tests and
//! the SVG export give an SVG string), never building one itself. Views are
//! plain data with their strings already in the user's language; the returned
//! [`Layout`] says where each datum was drawn, for tooltips and hit-testing.

pub mod areas;
pub mod benchmarks;
pub mod bump;
pub mod industries;
pub mod innovation;
pub mod lorenz;
pub mod marks;
pub mod national_bands;
pub mod paragraph;
pub mod profile;
pub mod ranking;
pub mod scale;
pub mod scatter;
pub mod shares;
pub mod similarity;
pub mod stability;
pub mod style;
pub mod theil;
pub mod tiers;
pub mod trends;

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use crate::views::View;
use style::Palette;

/// A chart that could not be drawn, with the backend's reason.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartError(pub String);

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "chart could not be drawn: {}", self.0)
    }
}

impl std::error::Error for ChartError {}

impl<E: std::error::Error + Send + Sync> From<plotters::drawing::DrawingAreaErrorKind<E>>
    for ChartError
{
    fn from(error: plotters::drawing::DrawingAreaErrorKind<E>) -> Self {
        ChartError(error.to_string())
    }
}

/// Where one datum was drawn, in the drawing area's pixels (CSS pixels in the
/// browser).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Mark {
    /// Index of the datum in the view's data, in reading order.
    pub datum: usize,
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
    /// What a tooltip or a screen reader says about the datum.
    pub label: String,
}

/// What `mark` of `view`'s drawing says (its tooltip, what a screen reader
/// reads): its label, or for the trends' points and the innovation's dots,
/// drawn unlabelled (40,000 and 20,000 of them at national scale, where
/// labelling them all was a third of the tab's time), the view's words for
/// its datum, made when asked.
pub fn mark_label(view: &View, mark: &Mark) -> String {
    match view {
        View::Trends(v) => v
            .point(mark.datum)
            .map_or_else(String::new, |(s, year)| v.point_label(s, year)),
        View::Innovation(v) => v.dot_label(mark.datum),
        _ => mark.label.clone(),
    }
}

/// The marks a hover names, the one under the pointer first, when several
/// are drawn at one place (then "and N more").
pub const HOVER_NAMED: usize = 4;

/// What hovering `mark` says: its words ([`mark_label`]), and where other
/// marks are drawn at the very same place (zones in the bump chart's exited
/// lane in one year; equal values on a line chart), theirs too: the first
/// [`HOVER_NAMED`] and how many more. A hover named only one of them (a
/// tester); the keyboard reaches each mark by itself.
pub fn hover_label(view: &View, layout: &Layout, mark: &Mark, lang: crate::i18n::Lang) -> String {
    let here: Vec<&Mark> = layout
        .marks
        .iter()
        .filter(|m| (m.x0, m.y0, m.x1, m.y1) == (mark.x0, mark.y0, mark.x1, mark.y1))
        .collect();
    let named: Vec<String> = here
        .iter()
        .take(HOVER_NAMED)
        .map(|m| mark_label(view, m))
        .collect();
    let mut text = named.join(lang.pick("；", "; "));
    if here.len() > HOVER_NAMED {
        let more = crate::format::grouped((here.len() - HOVER_NAMED) as f64, 0);
        text.push_str(&match lang {
            crate::i18n::Lang::Zh => format!("；及另外{more}个"),
            crate::i18n::Lang::En => format!("; and {more} more"),
        });
    }
    text
}

impl Mark {
    fn distance_to(&self, x: i32, y: i32) -> i32 {
        let dx = (self.x0 - x).max(x - self.x1).max(0);
        let dy = (self.y0 - y).max(y - self.y1).max(0);
        dx.max(dy)
    }

    /// Squared distance from the box's centre, in doubled pixels (exact).
    fn centre_distance(&self, x: i32, y: i32) -> i64 {
        let dx = i64::from(2 * x - self.x0 - self.x1);
        let dy = i64::from(2 * y - self.y0 - self.y1);
        dx * dx + dy * dy
    }
}

/// What a chart drew: its marks in reading order.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Layout {
    pub marks: Vec<Mark>,
    /// Marks a row when they form a grid (the similarity heatmap), so the
    /// keyboard's up and down move a row; 0 otherwise.
    pub columns: usize,
}

impl Layout {
    /// The mark under `(x, y)`, or the nearest one within `tolerance` pixels
    /// (Chebyshev distance to its box), for tooltips on hover and on tap.
    /// Among marks at the same distance (boxes that overlap, like a small
    /// bubble on a large one) the one whose centre is nearest wins.
    pub fn hit(&self, x: i32, y: i32, tolerance: i32) -> Option<&Mark> {
        self.marks
            .iter()
            .map(|mark| ((mark.distance_to(x, y), mark.centre_distance(x, y)), mark))
            .filter(|((distance, _), _)| *distance <= tolerance)
            .min_by_key(|(key, _)| *key)
            .map(|(_, mark)| mark)
    }
}

macro_rules! define_drawing {
    ($($chart:ident($module:ident::$view:ident) in $tab:ident [$($control:ident),*];)*) => {
        /// The height chart `view` wants at `width` CSS pixels.
        pub fn preferred_height(view: &View, width: u32) -> u32 {
            match view {
                $(View::$chart(view) => $module::preferred_height(view, width)),*
            }
        }

        /// Draws any chart's view into `area` in `palette` ([`style::LIGHT`] or
        /// [`style::DARK`]).
        pub fn draw<DB: DrawingBackend>(
            area: &Area<DB>,
            view: &View,
            palette: &'static Palette,
        ) -> Result<Layout, ChartError> {
            let _current = style::use_palette(palette);
            match view {
                $(View::$chart(view) => $module::draw(area, view)),*
            }
        }
    };
}
// Each chart's drawer is `<module>::draw` and `<module>::preferred_height`,
// dispatched from the registry's list (src/registry.rs).
crate::registry::for_each_chart!(define_drawing);

/// The lines of an export's notice under its chart
/// (`views::ui::export_notice`: the data are illustrative, and their
/// source) at `width`, by the width estimate as a title's; none for no
/// notice. An image passed round says what its figures are in itself.
pub fn notice_lines(notice: &str, width: u32) -> Vec<String> {
    if notice.is_empty() {
        return Vec::new();
    }
    paragraph::wrap(notice, width as i32 - 2 * style::PAD, style::FONT_BODY)
}

/// The height of a chart drawn with `notice` under it ([`draw_noted`]):
/// its preferred height at `width` and the notice's lines.
pub fn noted_height(view: &View, width: u32, notice: &[String]) -> u32 {
    preferred_height(view, width) + style::NOTE_LINE as u32 * notice.len() as u32
}

/// Draws a chart into the top of `area` and `notice`'s lines
/// ([`notice_lines`]) under it, `style::NOTE_LINE` apart: the area is the
/// chart's preferred height and that many lines more. On screen the
/// notice is empty and this is [`draw`].
pub fn draw_noted<DB: DrawingBackend>(
    area: &Area<DB>,
    view: &View,
    palette: &'static Palette,
    notice: &[String],
) -> Result<Layout, ChartError> {
    let height = area.dim_in_pixel().1 as i32 - style::NOTE_LINE * notice.len() as i32;
    let (chart, below) = area.split_vertically(height);
    let layout = draw(&chart, view, palette)?;
    if !notice.is_empty() {
        below.fill(&palette.background)?;
        paragraph::draw_lines(
            &below,
            notice,
            (style::PAD, 0),
            style::NOTE_LINE,
            &marks::text_style(style::FONT_BODY, &palette.text),
        )?;
    }
    Ok(layout)
}

/// Shorthand for the area every chart draws into.
pub type Area<DB> = DrawingArea<DB, Shift>;

#[cfg(test)]
mod tests;
