//! Every chart of the registry on data that is small, odd or missing: it
//! never panics, at the narrowest width the widget allows (200) up to a wide
//! desktop, and what it says and draws still reads: a summary that is a
//! sentence, a message where there is nothing to draw, no "NaN", "inf", "()"
//! or "1 zones" in its title, summary or table.
//!
//! Where a chart falls short today, the shortfall is listed in
//! [`KNOWN_FINDINGS`] with its reason, so the test passes; a finding listed
//! there that no longer occurs fails the test, so the list cannot outlive the
//! fixes.

use std::collections::{BTreeMap, BTreeSet};

use plotters::prelude::{IntoDrawingArea, SVGBackend};

use crate::i18n::Lang;
use crate::model::{load, Dataset};
use crate::views::testing::{build_in, bundled};
use crate::views::{ChartId, View, ViewState};

/// A degenerate input, by the name findings use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Input {
    /// No zones at all (nor sub-parks, nor national rankings).
    NoZones,
    /// The bundled dataset's first zone only.
    OneZone,
    /// Every zone with the first zone's values, land, industry mix and rank.
    AllEqual,
    /// Every indicator's value missing, and no industry mixes.
    AllMissing,
}

/// One assertion of [`every_chart_reads_on_degenerate_input`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Check {
    /// The summary is not empty and ends with a full stop (。 or .).
    SummaryIsASentence,
    /// A chart that draws no mark draws a message first under its title,
    /// one that says there is nothing ([`says_there_is_nothing`]), rather
    /// than a legend and axes around a blank area.
    EmptyDrawsAMessage,
    /// Title, summary and table have no "NaN", "inf", "()" (nor "（）") or
    /// "1 zones".
    NoBrokenText,
}

/// `Chart Input Lang Check: "reason";`, one finding a line.
macro_rules! findings {
    ($($chart:ident $input:ident $lang:ident $check:ident: $reason:literal;)*) => {
        &[$((ChartId::$chart, Input::$input, Lang::$lang, Check::$check, $reason)),*]
    };
}

/// Where a chart fails a check today, with why: `(chart, input, language,
/// check, reason)`. The chart code is being changed elsewhere; a fix there
/// makes the finding stale, and the test then asks for its line here to go.
const KNOWN_FINDINGS: &[(ChartId, Input, Lang, Check, &str)] = findings! {
    Lorenz OneZone En NoBrokenText: "\"the 1 zones produced\": the plural whatever the count";
    Lorenz AllMissing Zh SummaryIsASentence: "the summary ends with the list of zones without GDP, no full stop";
    Lorenz AllMissing En SummaryIsASentence: "the summary ends with the list of zones without GDP, no full stop";
    Scatter OneZone En NoBrokenText: "\"of 1 zones\": the plural whatever the count";
    Similarity NoZones En NoBrokenText: "the title's parenthesis (the mixes' year, unit) is empty: no zone has a mix";
    Similarity AllMissing En NoBrokenText: "the title's parenthesis (the mixes' year, unit) is empty: no zone has a mix";
    Innovation NoZones Zh EmptyDrawsAMessage: "legend and strips with only the province's averages; no message";
    Innovation NoZones En EmptyDrawsAMessage: "legend and strips with only the province's averages; no message";
    Innovation OneZone En NoBrokenText: "\"0 of 1 zones have\", \"The 1 national zones\": the plural whatever the count";
    Innovation AllMissing Zh EmptyDrawsAMessage: "empty strips, each listing every zone as missing; no message";
    Innovation AllMissing En EmptyDrawsAMessage: "empty strips, each listing every zone as missing; no message";
    Trends OneZone En NoBrokenText: "\"GDP of 1 zones\": the plural whatever the count";
    Benchmarks OneZone En NoBrokenText: "\"the region's 1 zones\", \"0 of the 1 zones\": the plural whatever the count";
    Bump NoZones Zh EmptyDrawsAMessage: "legend, notes and year axis around an empty plot; no message";
    Bump NoZones En EmptyDrawsAMessage: "legend, notes and year axis around an empty plot; no message";
    Bump OneZone En NoBrokenText: "\"1 of 1 zones kept the same rank\": the plural whatever the count";
    Bump AllMissing Zh EmptyDrawsAMessage: "legend, notes and year axis around an empty plot; no message";
    Bump AllMissing En EmptyDrawsAMessage: "legend, notes and year axis around an empty plot; no message";
};

fn file(text: &str) -> Dataset {
    load(text).expect("a valid dataset").dataset
}

/// The bundled dataset with its first `n` zones only: their columns, their
/// sub-parks and their national rankings.
fn first_zones(n: usize) -> Dataset {
    let mut dataset = bundled();
    dataset.zones.truncate(n);
    dataset
        .sub_parks
        .retain(|p| p.parent.is_some_and(|z| z < n));
    dataset.rankings.retain(|r| r.zone < n);
    for column in dataset.columns.iter_mut().flatten() {
        column.values.truncate(n);
        column.status.truncate(n);
        column.source.truncate(n);
    }
    dataset
}

fn input(input: Input) -> Dataset {
    match input {
        Input::NoZones => first_zones(0),
        Input::OneZone => first_zones(1),
        Input::AllEqual => {
            let mut dataset = bundled();
            let first = dataset.zones[0].clone();
            for zone in &mut dataset.zones {
                zone.land_km2 = first.land_km2;
                zone.industry_mix.clone_from(&first.industry_mix);
            }
            for column in dataset.columns.iter_mut().flatten() {
                let (value, status) = (column.values[0], column.status[0]);
                column.values.iter_mut().for_each(|v| *v = value);
                column.status.iter_mut().for_each(|s| *s = status);
            }
            let first_ranks: BTreeMap<i32, u32> = dataset
                .rankings
                .iter()
                .filter(|r| r.zone == 0)
                .map(|r| (r.year, r.rank))
                .collect();
            for ranking in &mut dataset.rankings {
                if let Some(&rank) = first_ranks.get(&ranking.year) {
                    ranking.rank = rank;
                }
            }
            dataset
        }
        Input::AllMissing => {
            let mut dataset = bundled();
            for column in dataset.columns.iter_mut().flatten() {
                column.values.iter_mut().for_each(|v| *v = None);
            }
            for zone in dataset.zones.iter_mut().chain(&mut dataset.sub_parks) {
                zone.industry_mix = None;
                zone.industry_history.clear();
            }
            dataset
        }
    }
}

/// The readers' states every chart is built for: linear and log, with no
/// zone, the first zone and a zone index past the end selected.
fn states(dataset: &Dataset, lang: Lang) -> Vec<ViewState> {
    [(false, None), (true, Some(0)), (false, Some(9999))]
        .into_iter()
        .map(|(log_scale, zone)| ViewState {
            lang,
            log_scale,
            zone,
            ..ViewState::initial(dataset)
        })
        .collect()
}

/// Draws `view` at `width` (its preferred height, which must be sane):
/// the SVG and the number of marks.
fn draw(view: &View, width: u32) -> (String, usize) {
    let id = view.id();
    let height = super::super::preferred_height(view, width);
    // 12,000: the list charts wrap their lines rather than cut them with
    // "…": at 200 px the industries chart's 41 rows are about 5,000 px tall
    // and the similarity chart's twins list (36 zones, 3 twins each) about
    // 8,600 px.
    assert!(height > 0 && height < 12_000, "{id:?} at {width}: {height}");
    let mut svg = String::new();
    let marks = {
        let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let layout = super::super::draw(&area, view, &super::super::style::LIGHT).expect("draws");
        area.present().expect("presents");
        layout.marks.len()
    };
    (svg, marks)
}

/// Draws every chart of `dataset` in both languages, in every one of
/// [`states`], at several widths; returns how many marks each drew at 360 px
/// in Chinese with nothing selected.
fn draw_all(dataset: &Dataset) -> BTreeMap<&'static str, usize> {
    let mut marks = BTreeMap::new();
    for &id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            for (k, state) in states(dataset, lang).iter().enumerate() {
                let view = build_in(dataset, state, |context| View::build(id, context));
                let _ = view.table();
                for width in [200, 360, 1400] {
                    let (_, count) = draw(&view, width);
                    if lang == Lang::Zh && k == 0 && width == 360 {
                        marks.insert(id.as_str(), count);
                    }
                }
            }
        }
    }
    marks
}

/// The texts `svg` draws after its title's (the first texts, which together
/// spell the title, spaces aside).
fn texts_after_title(svg: &str, title: &str) -> Vec<String> {
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let title = squash(title);
    let mut drawn = String::new();
    super::svg_texts(svg)
        .into_iter()
        .skip_while(|text| {
            let in_title = drawn.len() < title.len();
            drawn.push_str(&squash(text));
            in_title
        })
        .collect()
}

/// Whether `text` says there is nothing to show, as the charts' messages do
/// ("没有可画的数据", "2022年没有全国排名数据", "No data to draw").
fn says_there_is_nothing(text: &str) -> bool {
    text.contains("没有") || has_word(text, "No") || has_word(text, "no")
}

/// Whether `word` is in `text` with no letter or digit either side.
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// What in `text` reads broken: a float formatted raw ("NaN", "inf"), an
/// empty parenthesis, or a plural after one ("1 zones").
fn broken_text(text: &str) -> Option<&'static str> {
    // "inf" and "1 zones" only as words: not "information", not "11 zones".
    [
        ("NaN", true),
        ("inf", true),
        ("()", false),
        ("（）", false),
        ("1 zones", true),
    ]
    .into_iter()
    .find(|&(needle, as_word)| {
        if as_word {
            has_word(text, needle)
        } else {
            text.contains(needle)
        }
    })
    .map(|(needle, _)| needle)
}

/// Every chart in the registry, on every [`Input`], in Chinese and English:
/// the checks of [`Check`], each failure either listed in [`KNOWN_FINDINGS`]
/// or failing the test, and each listed finding still occurring.
#[test]
fn every_chart_reads_on_degenerate_input() {
    type Key = (&'static str, Input, &'static str, Check);
    let mut found: BTreeMap<Key, String> = BTreeMap::new();
    for which in [
        Input::NoZones,
        Input::OneZone,
        Input::AllEqual,
        Input::AllMissing,
    ] {
        let dataset = input(which);
        for &id in ChartId::ALL {
            for lang in [Lang::Zh, Lang::En] {
                let mut fail = |check: Check, detail: String| {
                    found
                        .entry((id.as_str(), which, lang.tag(), check))
                        .or_insert(detail);
                };
                for state in states(&dataset, lang) {
                    let view = build_in(&dataset, &state, |context| View::build(id, context));
                    let summary = view.summary().trim_end();
                    if !(summary.ends_with('。') || summary.ends_with('.')) {
                        fail(Check::SummaryIsASentence, format!("summary {summary:?}"));
                    }
                    let table = view.table();
                    let texts = [view.title(), view.summary(), &table.caption]
                        .into_iter()
                        .chain(table.columns.iter().map(String::as_str))
                        .chain(table.rows.iter().flatten().map(String::as_str));
                    for text in texts {
                        if let Some(broken) = broken_text(text) {
                            fail(Check::NoBrokenText, format!("{broken:?} in {text:?}"));
                        }
                    }
                    for width in [200, 360, 1400] {
                        let (svg, marks) = draw(&view, width);
                        let first = texts_after_title(&svg, view.title()).into_iter().next();
                        if marks == 0 && !first.as_deref().is_some_and(says_there_is_nothing) {
                            fail(
                                Check::EmptyDrawsAMessage,
                                format!(
                                    "no mark, first text under the title {first:?} at {width} px"
                                ),
                            );
                        }
                    }
                }
            }
        }
    }
    let known: BTreeSet<Key> = KNOWN_FINDINGS
        .iter()
        .map(|&(id, input, lang, check, _)| (id.as_str(), input, lang.tag(), check))
        .collect();
    let new: Vec<String> = found
        .iter()
        .filter(|(key, _)| !known.contains(key))
        .map(|(key, detail)| format!("{key:?}: {detail}"))
        .collect();
    let stale: Vec<String> = known
        .iter()
        .filter(|key| !found.contains_key(key))
        .map(|key| format!("{key:?}"))
        .collect();
    assert!(
        new.is_empty() && stale.is_empty(),
        "findings not in KNOWN_FINDINGS:\n{}\nKNOWN_FINDINGS that no longer occur (remove them):\n{}",
        new.join("\n"),
        stale.join("\n")
    );
}

#[test]
fn the_test_datasets_draw() {
    let minimal = file(include_str!("../../../tests/datasets/good/minimal.json"));
    draw_all(&minimal);
    let html = file(include_str!(
        "../../../tests/datasets/good/html_in_names_is_text.json"
    ));
    draw_all(&html);
}

/// How many marks each chart draws at 360 px, in Chinese, with nothing
/// selected, where there is nothing or little to draw; where it is not 0,
/// the comment says what the marks are.
#[test]
fn no_zones_no_years_no_values_draw_what_is_left() {
    let marks = |pairs: &[(ChartId, usize)]| -> BTreeMap<&'static str, usize> {
        ChartId::ALL
            .iter()
            .map(|&id| {
                let n = pairs.iter().find(|(c, _)| *c == id).map_or(0, |p| p.1);
                (id.as_str(), n)
            })
            .collect()
    };
    // The benchmarks keep their own figures: three bars, one saying "no
    // data"; the shares a row per figure of the report, each "no data".
    assert_eq!(
        draw_all(&input(Input::NoZones)),
        marks(&[(ChartId::Benchmarks, 3), (ChartId::Shares, 5)])
    );

    let mut no_years = bundled();
    no_years.years.clear();
    no_years.columns.iter_mut().for_each(Vec::clear);
    // The industry mixes have a year of their own: a row of twins per zone
    // (at 360 px, no heatmap), and a bar per zone and one for the zones
    // together in each year of the mixes.
    assert_eq!(
        draw_all(&no_years),
        marks(&[
            (ChartId::Shares, 5),
            (ChartId::Similarity, 36),
            (ChartId::Industries, 5 + 36),
            // Land is not a yearly value: a row per area, no year below.
            (ChartId::Areas, 3)
        ])
    );

    // The benchmarks' and national rankings' figures are not the zones'
    // values; the ranking and stability list every zone as not scored.
    assert_eq!(
        draw_all(&input(Input::AllMissing)),
        marks(&[
            (ChartId::Benchmarks, 3 + 36),
            (ChartId::NationalBands, 12),
            (ChartId::Shares, 5),
            (ChartId::Ranking, 36),
            (ChartId::Stability, 36),
            // The areas' land is not a value that goes missing: a row per
            // area, and each year's between-area share says "no data".
            (ChartId::Areas, 3 + 5),
        ])
    );
}

/// The checks themselves: each can fail.
#[test]
fn the_checks_see_what_they_look_for() {
    for (text, expected) in [
        ("GDP: NaN", Some("NaN")),
        ("up to inf%", Some("inf")),
        ("inf", Some("inf")),
        ("information on infrastructure", None),
        ("Similarity ()", Some("()")),
        ("of 1 zones", Some("1 zones")),
        ("of 11 zones", None),
        ("1 zone; 21 zones", None),
    ] {
        assert_eq!(broken_text(text), expected, "{text:?}");
    }
    // The texts under a title drawn on two lines.
    let svg = r#"<svg><text x="8">How alike</text><text x="8">the zones are</text></svg>"#;
    assert!(texts_after_title(svg, "How alike the zones are").is_empty());
    let svg = format!("{}<text>No data</text></svg>", &svg[..svg.len() - 6]);
    assert_eq!(
        texts_after_title(&svg, "How alike the zones are"),
        ["No data"]
    );
    for (text, expected) in [
        ("No data to draw", true),
        ("2022年没有全国排名数据", true),
        ("Reward", false),
        ("奖励", false),
        ("Notes on the ranks", false),
    ] {
        assert_eq!(says_there_is_nothing(text), expected, "{text:?}");
    }
}
