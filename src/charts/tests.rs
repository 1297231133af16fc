//! Golden SVG snapshots and hit-testing of the charts.
//!
//! A snapshot is the SVG a chart draws from a fixed view; it lives in
//! `tests/snapshots/<name>.svg`. A difference writes `<name>.new.svg` beside it
//! and fails; `UPDATE_SNAPSHOTS=1 cargo test` accepts the new drawing. Natively
//! plotters estimates text width with a fixed rule (no font files), so the SVG
//! is the same on every machine.
//!
//! Every snapshot is a [`Case`] of one chart, listed by [`cases`]: its file
//! name is the chart's registry id (`_` written `-`), optionally after
//! `dark-`, then the case's variant. One test per chart of the registry draws
//! its cases; [`every_golden_snapshot_is_a_case`] fails on a file no case
//! draws, and [`every_chart_has_a_snapshot`] on a chart with none.

use std::collections::BTreeSet;
use std::path::PathBuf;

use plotters::prelude::{IntoDrawingArea, IntoFont, SVGBackend, TextStyle};

mod benchmarks;
mod degenerate;
// Checks the SVG with `exercise` (quick-xml), which is native only.
#[cfg(not(target_arch = "wasm32"))]
mod long_names;
mod national_bands;
mod scatter;
mod trends;

use super::shares;
use super::style::{Palette, DARK, LIGHT};
use super::{Layout, Mark};
use crate::i18n::Lang;
use crate::views::shares::SharesView;
use crate::views::testing::{build_in, bundled, latest, state};
use crate::views::{ChartId, View};

/// Where the golden snapshots live.
fn snapshot_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots")
}

fn snapshot(
    name: &str,
    size: (u32, u32),
    draw: impl FnOnce(&super::Area<SVGBackend>) -> Layout,
) -> Layout {
    let mut svg = String::new();
    let layout = {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let layout = draw(&area);
        area.present()
            .expect("an SVG string backend cannot fail to present");
        layout
    };
    let dir = snapshot_dir();
    let path = dir.join(format!("{name}.svg"));
    let new_path = dir.join(format!("{name}.new.svg"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(&path, &svg).unwrap();
        let _ = std::fs::remove_file(&new_path);
        return layout;
    }
    match std::fs::read_to_string(&path) {
        Ok(expected) if expected == svg => {
            let _ = std::fs::remove_file(&new_path);
        }
        found => {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&new_path, &svg).unwrap();
            panic!(
                "snapshot {name} {}: the new drawing is in {} (UPDATE_SNAPSHOTS=1 accepts it)",
                if found.is_ok() {
                    "differs"
                } else {
                    "is missing"
                },
                new_path.display()
            );
        }
    }
    layout
}

/// One golden snapshot of a chart: a view drawn at a width (its preferred
/// height) in a palette, and what else must hold of the drawing.
pub(super) struct Case {
    /// What tells the case from the chart's others: "zh-wide", "en-narrow-log".
    variant: String,
    width: u32,
    dark: bool,
    view: Box<dyn Fn() -> View>,
    check: Check,
}

/// What a case asserts of its view and of what the chart drew.
type Check = Box<dyn Fn(&View, &Layout)>;

impl Case {
    /// `view()` drawn at `width` in the light palette.
    fn light(variant: impl Into<String>, width: u32, view: impl Fn() -> View + 'static) -> Case {
        Case {
            variant: variant.into(),
            width,
            dark: false,
            view: Box::new(view),
            check: Box::new(|_, _| {}),
        }
    }

    /// `view()` drawn at `width` in the dark palette.
    fn dark(variant: impl Into<String>, width: u32, view: impl Fn() -> View + 'static) -> Case {
        Case {
            dark: true,
            ..Case::light(variant, width, view)
        }
    }

    /// The case with `check` run on its view and what the chart drew.
    fn check(self, check: impl Fn(&View, &Layout) + 'static) -> Case {
        Case {
            check: Box::new(check),
            ..self
        }
    }

    /// The snapshot's file name without `.svg`: `[dark-]<chart id>-<variant>`,
    /// the id with `-` for `_` (`national-bands-zh-wide`).
    fn name(&self, chart: ChartId) -> String {
        let dark = if self.dark { "dark-" } else { "" };
        format!("{dark}{}-{}", file_id(chart), self.variant)
    }

    fn palette(&self) -> &'static Palette {
        if self.dark {
            &DARK
        } else {
            &LIGHT
        }
    }
}

/// A chart's id as snapshot names spell it.
fn file_id(chart: ChartId) -> String {
    chart.as_str().replace('_', "-")
}

/// The snapshot cases of `chart`. A match, not a list: a chart added to the
/// registry does not compile here until it has its snapshots.
fn cases(chart: ChartId) -> Vec<Case> {
    let mut cases = match chart {
        ChartId::Shares => shares_cases(),
        ChartId::Ranking | ChartId::Profile | ChartId::Stability | ChartId::Bump => {
            evaluation::cases(chart)
        }
        ChartId::Lorenz => lorenz::cases(),
        ChartId::Scatter => scatter::cases(),
        ChartId::Theil => theil::cases(),
        ChartId::Industries => industries_cases(),
        ChartId::Areas => areas_cases(),
        ChartId::Similarity => similarity::cases(),
        ChartId::Innovation => innovation::cases(),
        ChartId::Trends => trends::cases(),
        ChartId::Benchmarks => benchmarks::cases(),
        ChartId::NationalBands => national_bands::cases(),
    };
    cases.extend(dark_cases(chart));
    cases
}

/// Draws every case of `chart` and compares it with its golden snapshot.
fn check_cases(chart: ChartId) {
    for case in cases(chart) {
        let name = case.name(chart);
        let view = (case.view)();
        assert_eq!(view.id(), chart, "case {name} builds another chart's view");
        let height = super::preferred_height(&view, case.width);
        let layout = snapshot(&name, (case.width, height), |area| {
            super::draw(area, &view, case.palette()).expect("draws")
        });
        (case.check)(&view, &layout);
    }
}

macro_rules! snapshot_tests {
    ($($chart:ident($module:ident::$view:ident) in $tab:ident [$($control:ident),*];)*) => {
        /// One test per chart of the registry, named by its id: the chart's
        /// cases drawn and compared with their goldens.
        mod snapshots {
            $(
                #[test]
                fn $module() {
                    super::check_cases(crate::views::ChartId::$chart);
                }
            )*
        }
    };
}
crate::registry::for_each_chart!(snapshot_tests);

/// The names of the golden snapshots on disk (without `.svg`), leaving out
/// the `.new.svg` drawings a failed comparison leaves beside them.
fn golden_names() -> BTreeSet<String> {
    std::fs::read_dir(snapshot_dir())
        .expect("tests/snapshots is readable")
        .map(|entry| entry.expect("a directory entry").file_name())
        .filter_map(|file| file.to_str()?.strip_suffix(".svg").map(str::to_string))
        .filter(|name| !name.ends_with(".new"))
        .collect()
}

/// Every case's name, each once.
fn case_names() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for &chart in ChartId::ALL {
        for case in cases(chart) {
            let name = case.name(chart);
            assert!(names.insert(name.clone()), "two cases draw {name}");
        }
    }
    names
}

#[test]
fn every_golden_snapshot_is_a_case() {
    let cases = case_names();
    let orphans: Vec<_> = golden_names().difference(&cases).cloned().collect();
    assert!(
        orphans.is_empty(),
        "no case draws tests/snapshots/{{{}}}.svg: delete the file or add its case to `cases`",
        orphans.join(",")
    );
    // The other way round `check_cases` fails on its own ("is missing").
}

#[test]
fn snapshot_names_start_with_a_chart_id() {
    for name in golden_names() {
        let bare = name.strip_prefix("dark-").unwrap_or(&name);
        assert!(
            ChartId::ALL
                .iter()
                .any(|&c| bare.starts_with(&format!("{}-", file_id(c)))),
            "{name}.svg does not start with a chart's id (optionally after dark-)"
        );
    }
}

#[test]
fn every_chart_has_a_snapshot() {
    let goldens = golden_names();
    for &chart in ChartId::ALL {
        let cases = cases(chart);
        assert!(!cases.is_empty(), "{chart:?} has no snapshot case");
        for case in cases {
            let name = case.name(chart);
            assert!(goldens.contains(&name), "{chart:?}: no {name}.svg");
        }
    }
}

/// Charts drawn in the dark palette, one per kind of colour it carries: bars
/// and the report's diamonds (shares), tiers and the selected row's band
/// (ranking), the ramp and its dots (similarity), highlighted lines among
/// muted ones (trends), band tints (national bands), text on bars and the
/// within-group fill (Theil). The light palette's snapshots are the others.
fn dark_cases(chart: ChartId) -> Vec<Case> {
    let langs: &[Lang] = match chart {
        ChartId::Shares | ChartId::Ranking | ChartId::Similarity | ChartId::Trends => {
            &[Lang::Zh, Lang::En]
        }
        ChartId::NationalBands => &[Lang::Zh],
        ChartId::Theil => &[Lang::En],
        _ => &[],
    };
    langs
        .iter()
        .map(|&lang| {
            Case::dark(format!("{}-wide", lang.tag()), 720, move || {
                bundled_chart(chart, lang, |s| s.zone = Some(10))
            })
        })
        .collect()
}

/// A draw in the dark palette leaves the light one current afterwards, even
/// when it fails (the palette is restored by a guard, not by the draw's end).
#[test]
fn the_palette_is_put_back_after_a_draw() {
    let view = bundled_chart(ChartId::Shares, Lang::Zh, |_| {});
    let mut svg = String::new();
    let area = SVGBackend::with_string(&mut svg, (720, 400)).into_drawing_area();
    // Palettes are consts (no one address): told apart by their background.
    let light = || super::style::palette().background == LIGHT.background;
    assert_ne!(LIGHT.background, DARK.background);
    assert!(light());
    super::draw(&area, &view, &DARK).expect("draws");
    assert!(light());
    // A chart 1 px wide still draws (its message), dark, and puts light back.
    let mut tiny = String::new();
    let area = SVGBackend::with_string(&mut tiny, (1, 1)).into_drawing_area();
    let _ = super::draw(&area, &view, &DARK);
    assert!(light());
}

/// Industries, wide and narrow, Zone K (index 10) selected: one mark per
/// row (the zones together and the 36 zones), every one at least 44 px tall
/// so that a finger can pick it.
fn industries_cases() -> Vec<Case> {
    LANGS_AND_WIDTHS
        .into_iter()
        .map(|(variant, lang, width)| {
            Case::light(variant, width, move || {
                bundled_chart(ChartId::Industries, lang, |s| s.zone = Some(10))
            })
            .check(|_, layout| {
                assert_eq!(layout.marks.len(), 5 + 36);
                for mark in &layout.marks {
                    assert!(
                        mark.y1 - mark.y0 >= 44,
                        "a row {} px tall",
                        mark.y1 - mark.y0
                    );
                }
            })
        })
        .collect()
}

/// Areas, wide and narrow: one mark per area (3) and per year (5), the
/// leading area (the metro area) first.
fn areas_cases() -> Vec<Case> {
    LANGS_AND_WIDTHS
        .into_iter()
        .map(|(variant, lang, width)| {
            Case::light(variant, width, move || {
                bundled_chart(ChartId::Areas, lang, |_| {})
            })
            .check(|_, layout| assert_eq!(layout.marks.len(), 3 + 5))
        })
        .collect()
}

/// Each language at a wide (720 px) and a narrow (360 px) width, named as
/// the snapshots' variants.
const LANGS_AND_WIDTHS: [(&str, Lang, u32); 4] = [
    ("zh-wide", Lang::Zh, 720),
    ("zh-narrow", Lang::Zh, 360),
    ("en-wide", Lang::En, 720),
    ("en-narrow", Lang::En, 360),
];

/// A view of the bundled dataset for 2022 in `lang`, with a state tweak.
fn bundled_chart(
    id: ChartId,
    lang: Lang,
    tweak: impl FnOnce(&mut crate::views::ViewState),
) -> View {
    let dataset = bundled();
    crate::views::testing::build_with(&dataset, lang, tweak, |context| View::build(id, context))
}

/// The shares view of the bundled dataset for 2022.
fn bundled_view(lang: Lang) -> SharesView {
    let dataset = bundled();
    build_in(
        &dataset,
        &state(&dataset, 2022, None, None, lang),
        SharesView::build,
    )
}

/// Shares, wide and narrow: one mark per row.
fn shares_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        for (size, width) in [("wide", 720), ("narrow", 360)] {
            let case = Case::light(format!("{}-{size}", lang.tag()), width, move || {
                View::Shares(bundled_view(lang))
            });
            cases.push(case.check(|view, layout| {
                let View::Shares(shares) = view else {
                    panic!("a shares view")
                };
                assert_eq!(layout.marks.len(), shares.rows.len(), "one mark per row");
            }));
        }
    }
    cases
}

#[test]
fn shares_hit_testing_finds_the_row_under_the_pointer() {
    let view = bundled_view(Lang::Zh);
    let mut svg = String::new();
    let area = SVGBackend::with_string(&mut svg, (720, 400)).into_drawing_area();
    let layout = shares::draw(&area, &view).unwrap();
    // Row 3 (high-tech enterprises) starts at HEADER + 3 rows = 52 + 138 = 190,
    // its bar from y = 194 to 210 (ROW = 46, 4 px inset, BAR = 16).
    let hit = layout.hit(300, 200, 0).expect("a bar is under (300, 200)");
    assert_eq!(hit.datum, 3);
    // docs/CLAIMS.md, C9: 56%; by hand, 11,196 / 19,993 (the file's 2022
    // region total) = 56.0%.
    assert!(
        hit.label.contains("56.0%") && hit.label.contains("C8"),
        "{}",
        hit.label
    );
    // Between two rows, in the note line: nothing within 2 px, row 3 within 12.
    assert_eq!(layout.hit(300, 225, 2), None);
    assert_eq!(layout.hit(300, 221, 12).map(|m| m.datum), Some(3));
}

#[test]
fn the_shares_legend_wraps_on_a_phone_instead_of_running_off() {
    // By hand, on the estimated widths (12 px text: 0.6 em a Latin letter,
    // 1 em a Chinese one), from x = 8 (PAD), 14 px after each entry, the
    // right edge at width − 8. English at 360: "computed from the data", 22
    // letters = 159 px + an 18 px marker, ends at 185 (next at 199); "as the
    // report states", 20 = 144 + 16, would end at 359 > 352: a new line, at
    // 8 to 168 (next at 182); "land share", 10 = 72 + 12: 266, beside it.
    assert_eq!(
        shares::legend_lines(&bundled_view(Lang::En), 360),
        [0, 1, 1]
    );
    // At 720 the three fit on one line (the last ends at 373 + 84 = 457).
    assert_eq!(
        shares::legend_lines(&bundled_view(Lang::En), 720),
        [0, 0, 0]
    );
    // Chinese at 360: 5, 4 and 6 characters of 12 px: 8 + 78, 100 + 64,
    // 178 + 84 = 262, one line.
    assert_eq!(
        shares::legend_lines(&bundled_view(Lang::Zh), 360),
        [0, 0, 0]
    );
    // The bars move down by the second line's 20 px, and the chart grows by it.
    let top = |lang, width| layout_of(&View::Shares(bundled_view(lang)), width).marks[0].y0;
    assert_eq!(top(Lang::En, 360) - top(Lang::En, 720), 20 + 16);
    assert_eq!(
        shares::preferred_height(&bundled_view(Lang::En), 360)
            - shares::preferred_height(&bundled_view(Lang::Zh), 360),
        20
    );
}

#[test]
fn a_share_over_the_whole_keeps_its_value_inside_the_chart() {
    // A file whose zones add up to 17.807 times its total: the bar stops at
    // 100%, and its value, "1,780.7%", must end inside the right margin
    // (8 px), by the width the drawing backend measures for it. Before, 40 px
    // were kept right of a full bar, less than the text's width.
    let mut view = bundled_view(Lang::En);
    view.rows[1].share = Some(17.807);
    let mut scratch = String::new();
    let measure = SVGBackend::with_string(&mut scratch, (10, 10)).into_drawing_area();
    let small = TextStyle::from((super::style::FONT_FAMILY, super::style::FONT_SMALL).into_font());
    let text_width = f64::from(super::marks::text_width(&measure, "1,780.7%", &small));
    assert!(
        text_width > 40.0,
        "the case needs a value wider than the old room"
    );
    for width in [360, 720] {
        let svg = svg_of(&View::Shares(view.clone()), width);
        let text = svg
            .split("<text")
            .find(|t| t.contains("1,780.7%"))
            .expect("the value is drawn");
        let x: f64 = text
            .split("x=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|x| x.parse().ok())
            .expect("an x");
        assert!(
            x + text_width <= f64::from(width) - 8.0,
            "at {width} px the value runs from {x} for {text_width} px"
        );
    }
}

#[test]
fn hit_prefers_the_nearest_mark() {
    let mark = |datum, y0| Mark {
        datum,
        x0: 0,
        y0,
        x1: 10,
        y1: y0 + 10,
        label: String::new(),
    };
    let layout = Layout {
        marks: vec![mark(0, 0), mark(1, 30)],
        columns: 0,
    };
    // y = 14 is 4 px below mark 0 and 16 px above mark 1.
    assert_eq!(layout.hit(5, 14, 20).map(|m| m.datum), Some(0));
    assert_eq!(layout.hit(5, 26, 20).map(|m| m.datum), Some(1));
    assert_eq!(layout.hit(50, 14, 20), None);
}

#[test]
fn hit_among_overlapping_marks_prefers_the_nearest_centre() {
    let mark = |datum, (x0, y0, x1, y1)| Mark {
        datum,
        x0,
        y0,
        x1,
        y1,
        label: String::new(),
    };
    // A small bubble's box inside a large one's: both at distance 0 from
    // (52, 52); the small one's centre is nearer. Worked by hand.
    let layout = Layout {
        marks: vec![mark(0, (0, 0, 100, 100)), mark(1, (48, 48, 56, 56))],
        columns: 0,
    };
    assert_eq!(layout.hit(52, 52, 8).map(|m| m.datum), Some(1));
    assert_eq!(layout.hit(20, 20, 8).map(|m| m.datum), Some(0));
}

// Charts 3, 5, 12 and the innovation chart, one module each.
mod innovation;
mod lorenz;
mod similarity;
mod theil;

/// The layout of `view` drawn at `width` (no snapshot).
fn layout_of(view: &crate::views::View, width: u32) -> Layout {
    let height = super::preferred_height(view, width);
    let mut svg = String::new();
    let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
    super::draw(&area, view, &super::style::LIGHT).unwrap()
}

/// Every chart of this module draws its views, full or empty, at any width
/// from 1 px, without panicking; an empty view draws no marks.
#[test]
fn charts_draw_empty_and_tiny_without_panicking() {
    use crate::views::{innovation, lorenz, similarity, theil, View};
    let full = bundled();
    let mut empty = full.clone();
    for zone in &mut empty.zones {
        zone.industry_mix = None;
    }
    for (dataset, year) in [(&full, 2022), (&empty, 1999)] {
        let views = [
            View::Lorenz(build_in(
                dataset,
                &state(dataset, year, None, Some(3), Lang::Zh),
                lorenz::LorenzView::build,
            )),
            View::Similarity(build_in(
                dataset,
                &state(dataset, latest(dataset), None, Some(3), Lang::En),
                similarity::SimilarityView::build,
            )),
            View::Theil(build_in(
                dataset,
                &state(dataset, year, None, None, Lang::En),
                theil::TheilView::build,
            )),
            View::Innovation(build_in(
                dataset,
                &state(dataset, year, None, Some(3), Lang::Zh),
                innovation::InnovationView::build,
            )),
        ];
        for view in &views {
            for width in [1, 100, 360, 1600] {
                let layout = layout_of(view, width);
                if year == 1999 {
                    assert!(layout.marks.is_empty(), "{}", view.title());
                }
            }
        }
    }
}
mod evaluation;

/// The contents of an SVG's `<text>` elements in drawing order, unescaped.
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = &t[t.find('>')? + 1..t.find("</text>")?];
            Some(
                body.replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'")
                    .replace("&#39;", "'")
                    .replace("&amp;", "&")
                    .trim()
                    .to_string(),
            )
        })
        .collect()
}

/// Draws `view` at `width` (its preferred height) into an SVG string.
fn svg_of(view: &crate::views::View, width: u32) -> String {
    let mut svg = String::new();
    {
        let height = super::preferred_height(view, width);
        let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        super::draw(&area, view, &super::style::LIGHT).expect("draws");
        area.present().expect("presents");
    }
    svg
}

#[test]
fn every_title_is_drawn_whole_at_any_width() {
    // A title wraps to more lines rather than losing its end to "…": the
    // first texts a chart draws are its title's lines, which together give
    // the whole title (spaces aside, as lines break at them).
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    for &id in crate::views::ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            let view = bundled_chart(id, lang, |s| s.zone = Some(10));
            let title = squash(view.title());
            for width in [360, 480, 560, 720] {
                let svg = svg_of(&view, width);
                let mut drawn = String::new();
                for text in svg_texts(&svg) {
                    if drawn.len() >= title.len() {
                        break;
                    }
                    drawn.push_str(&squash(&text));
                }
                assert_eq!(drawn, title, "{id:?} {lang:?} at {width} px");
            }
        }
    }
}
