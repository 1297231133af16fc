//! Snapshots and hit-testing of the evaluation charts (ranking, profile,
//! rank over the years, rank stability) on the bundled dataset, with the
//! framework's settings.

use crate::views::testing::{build_in, bundled};
use plotters::prelude::{IntoDrawingArea, SVGBackend};

use super::Case;
use crate::charts::{self, style, Layout};
use crate::i18n::Lang;
use crate::model::{Dataset, Level};
use crate::views::ranking::RankingView;
use crate::views::{ChartId, View, ViewState};

/// The view of `chart` on the bundled data for 2022 with `state` changed by
/// `adjust`.
fn view(dataset: &Dataset, chart: ChartId, adjust: impl FnOnce(&mut ViewState)) -> View {
    let mut state = ViewState::initial(dataset);
    adjust(&mut state);
    build_in(dataset, &state, |context| View::build(chart, context))
}

fn draw_at(view: &View, width: u32) -> Layout {
    let mut svg = String::new();
    let height = charts::preferred_height(view, width);
    let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
    charts::draw(&area, view, &style::LIGHT).unwrap()
}

/// The cases of an evaluation chart (ranking, profile, bump, stability):
/// Chinese and English, wide and narrow; a regional zone selected among the
/// regional zones; a zone with missing values (see
/// [`missing_values_are_drawn_as_missing`]); for the ranking, a thousand
/// zones, a mark each in reading order.
pub(super) fn cases(chart: ChartId) -> Vec<Case> {
    let mut cases = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        for (size, width) in [("wide", 720), ("narrow", 360)] {
            cases.push(Case::light(
                format!("{}-{size}", lang.tag()),
                width,
                move || view(&bundled(), chart, |s| s.lang = lang),
            ));
        }
    }
    cases.push(Case::light("en-wide-regional-selected", 720, move || {
        let dataset = bundled();
        let z17 = dataset.zone_index("z17");
        view(&dataset, chart, |s| {
            s.lang = Lang::En;
            s.zone = z17;
            s.level = Some(Level::Regional);
        })
    }));
    // An elder's phone: 360 px laid out for 360 ÷ 1.5 = 240 px. The ranking
    // puts each name on a line above its bar there (a row of 2 × 24 − 4 px).
    let elder = Case::light("zh-elder", 240, move || {
        view(&bundled(), chart, |s| s.lang = Lang::Zh)
    });
    cases.push(elder.check(move |view, layout| {
        if matches!(view, View::Ranking(_)) {
            assert_eq!(layout.marks.len(), 35, "one zone exited before 2022");
            assert!(
                layout.marks.iter().all(|m| m.y1 - m.y0 == 43),
                "stacked rows"
            );
        }
    }));
    cases.push(Case::light("en-narrow-missing", 360, move || {
        view(&missing_dataset(), chart, |s| {
            s.lang = Lang::En;
            s.zone = Some(1);
        })
    }));
    if chart == ChartId::Bump {
        // Twenty years (national scale's files): the years labelled every
        // k-th, the selected zone's history (Zone AA, named for exit in
        // 2020) with its exit as one run, the exited lane labelled.
        for (variant, width, lang) in [
            ("zh-20-years", 590, Lang::Zh),
            ("en-narrow-20-years", 360, Lang::En),
        ] {
            cases.push(Case::light(variant, width, move || {
                let dataset = bundled();
                let z27 = dataset.zone_index("z27");
                twenty_years(view(&dataset, chart, |s| {
                    s.lang = lang;
                    s.zone = z27;
                }))
            }));
        }
    }
    if chart == ChartId::Ranking {
        let synthetic = Case::light("synthetic-1000", 720, || {
            View::Ranking(RankingView::synthetic(1000, Lang::En))
        });
        cases.push(synthetic.check(|view, layout| {
            assert_eq!(layout.marks.len(), 1000);
            let datums: Vec<usize> = layout.marks.iter().map(|m| m.datum).collect();
            assert!(datums.windows(2).all(|w| w[0] + 1 == w[1]), "reading order");
            let _ = draw_at(view, 360);
        }));
    }
    cases
}

/// Ranking at 720 px, bundled data: the header is PAD 8 + title 24 + the
/// legend 55 (4 tiers, 5 rules, the arrow: 10 entries in 5 columns of
/// 140 px; on the second line "bottom 3: warned" wraps in its cell's 106 px,
/// 20 + 20 + 15) + two note lines 34 (the method, then who is out of the
/// ranking and how to show them) + 6 = 127, then 18 above the plot: row k
/// spans y = 145 + 24k … 168 + 24k. Row 3 (rank 4, Zone D) holds y = 225.
/// Zone D's 2022 score 42.7759 is 4th (tools/expected_values.py, "views/ranking").
#[test]
fn ranking_hit_finds_the_zone_under_the_pointer() {
    let dataset = bundled();
    let view = view(&dataset, ChartId::Ranking, |s| s.lang = Lang::En);
    let layout = draw_at(&view, 720);
    assert_eq!(layout.marks.len(), 35, "one zone exited before 2022");
    let hit = layout.hit(300, 225, 0).expect("a bar under (300, 225)");
    assert_eq!(hit.datum, 3);
    assert!(hit.label.starts_with("4th Zone D: 42.8"), "{}", hit.label);
    // Above the first row, in the threshold's gap: nothing within 2 px.
    assert_eq!(layout.hit(300, 135, 2), None);
    assert_eq!(layout.hit(300, 135, 12).map(|m| m.datum), Some(0));
}

/// Many zones: 1,000 rows over 720 px (3 px each would be 3,000: clamped),
/// row k from 110 + ⌊720k/1000⌋ (the legend is the tiers' bars alone, one
/// line of 20: the compact chart draws no rule glyphs or rank arrows, so
/// the legend names none; with the arrow's "rank vs last year", which
/// wrapped, it was 20 + 15); y = 110 + 360 is row 500.
#[test]
fn compact_ranking_hit_covers_every_zone() {
    let view = View::Ranking(RankingView::synthetic(1000, Lang::En));
    let layout = draw_at(&view, 720);
    let hit = layout.hit(400, 470, 0).expect("a zone at y = 470");
    assert_eq!(hit.datum, 500);
    assert!(hit.label.starts_with("501st Zone 0501"), "{}", hit.label);
}

/// Over `LABELLED_LIMIT` (60) zones the ranking's bars carry no names, and
/// the note under the legend says so with the count, in each language; at
/// 60 it does not (every row is labelled). The note is wrapped into lines,
/// so the drawn texts are joined before looking for the words.
#[test]
fn a_condensed_ranking_says_so_in_both_languages() {
    let texts = |n: usize, lang: Lang| {
        let view = View::Ranking(RankingView::synthetic(n, lang));
        let mut svg = String::new();
        {
            let height = charts::preferred_height(&view, 720);
            let area = SVGBackend::with_string(&mut svg, (720, height)).into_drawing_area();
            charts::draw(&area, &view, &style::LIGHT).unwrap();
        }
        let mut joined = String::new();
        for part in svg.split("<text").skip(1) {
            let body = &part[part.find('>').unwrap() + 1..part.find("</text>").unwrap()];
            joined.push_str(body.trim());
            joined.push(' ');
        }
        joined
    };
    let zh = texts(2_000, Lang::Zh);
    assert!(
        zh.contains("2,000个园区，条形不逐一标注：名称见提示与表格。"),
        "{zh}"
    );
    let en: String = texts(2_000, Lang::En)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        en.contains("2,000 zones: too many to label; point at a bar or open the table for names."),
        "{en}"
    );
    assert!(!texts(60, Lang::En).contains("too many to label"));
    assert!(!texts(60, Lang::Zh).contains("不逐一标注"));
}

/// Bump at 720 px: header = 8 + 20 (title) + 4 + 20 (legend) + 34 (notes) +
/// 4 + 22 (years) = 112; rank r is centred at 112 + 16(r − 1) + 8. The
/// first year is at x = PAD + 48 = 56. Zone A, rank 1 in 2018
/// (tools/expected_values.py, "views/ranking"): (56, 120),
/// the first mark of the first line.
#[test]
fn bump_hit_finds_the_point() {
    let dataset = bundled();
    let view = view(&dataset, ChartId::Bump, |s| s.lang = Lang::Zh);
    let layout = draw_at(&view, 720);
    // 36 zones × 5 years: the years after an exit are marks too, in the
    // exited lane (their tooltips say so).
    assert_eq!(layout.marks.len(), 180);
    let exited = layout
        .marks
        .iter()
        .filter(|m| m.label.contains("列入退出，不再排名"))
        .count();
    // Zone AA, named for exit in 2020, is out in 2021 and 2022.
    assert_eq!(exited, 2);
    let hit = layout.hit(56, 120, 0).expect("a point at (56, 120)");
    assert_eq!(hit.datum, 0);
    assert!(
        hit.label.starts_with("甲高新区 2018年：第1名"),
        "{}",
        hit.label
    );
}

/// Stability and profile: the first row is the leader (Zone A, first in 2022
/// by tools/expected_values.py, "views/ranking") and the composite score.
#[test]
fn stability_and_profile_hit_their_first_rows() {
    let dataset = bundled();
    let stability = view(&dataset, ChartId::Stability, |s| s.lang = Lang::En);
    let layout = draw_at(&stability, 720);
    let first = &layout.marks[0];
    let hit = layout.hit(300, (first.y0 + first.y1) / 2, 0).unwrap();
    assert!(hit.label.starts_with("Zone A: 1st"), "{}", hit.label);
    let profile = view(&dataset, ChartId::Profile, |s| s.lang = Lang::En);
    let layout = draw_at(&profile, 360);
    assert_eq!(layout.marks.len(), 6, "composite and five dimensions");
    let second = &layout.marks[1];
    let hit = layout.hit(100, second.y0 + 2, 0).unwrap();
    assert!(
        hit.label
            .starts_with("Innovation capacity and entrepreneurship (20%): Zone A"),
        "{}",
        hit.label
    );
}

/// The tiny dataset of the analysis tests with z2's evaluated indicators
/// missing in 2022: z2 has no score, no rank and no tier that year.
fn missing_dataset() -> Dataset {
    let mut json = crate::analysis::tests::tiny_json();
    for obs in json["observations"].as_array_mut().unwrap() {
        let (zone, indicator, year) = (&obs["zone"], &obs["indicator"], &obs["year"]);
        if zone == "z2" && (indicator == "gdp" || indicator == "hte") && year == 2022 {
            obs["value"] = serde_json::Value::Null;
        }
    }
    crate::analysis::tests::load(&json)
}

/// Every evaluation chart draws [`missing_dataset`]'s z2 as missing and says
/// so; nothing panics. (Its English drawings are snapshots, "-missing".)
#[test]
fn missing_values_are_drawn_as_missing() {
    let dataset = missing_dataset();
    for lang in [Lang::Zh, Lang::En] {
        let mut state = ViewState::initial(&dataset);
        state.lang = lang;
        state.zone = Some(1);
        for chart in [
            ChartId::Ranking,
            ChartId::Profile,
            ChartId::Bump,
            ChartId::Stability,
        ] {
            let view = build_in(&dataset, &state, |context| View::build(chart, context));
            for width in [360, 720] {
                draw_at(&view, width);
            }
            match (&view, lang) {
                (View::Ranking(v), Lang::En) => {
                    let last = v.rows.last().unwrap();
                    assert_eq!(
                        (last.name.as_str(), last.score, last.rank),
                        ("Zone z2", None, None)
                    );
                    assert!(
                        last.tooltip.starts_with("— Zone z2: not scored"),
                        "{}",
                        last.tooltip
                    );
                    assert!(
                        v.summary.contains("1 zone lacks every indicator"),
                        "{}",
                        v.summary
                    );
                }
                (View::Profile(v), Lang::En) => {
                    assert_eq!(v.rows[0].score, None);
                    assert!(v
                        .summary
                        .starts_with("Zone z2 has no composite score in 2022."));
                }
                (View::Bump(v), _) => {
                    let z2 = v.lines.iter().find(|l| l.zone == 1).unwrap();
                    assert_eq!(z2.points[1].rank, None, "the line breaks");
                    assert_eq!(v.lines.last().map(|l| l.zone), Some(1), "unranked last");
                }
                (View::Stability(v), _) => {
                    assert_eq!(
                        v.rows.last().map(|r| (r.zone, r.base_rank)),
                        Some((1, None))
                    );
                }
                _ => {}
            }
        }
    }
}

/// A level no zone of the evaluation has (sub-parks are counted in their
/// parents): empty charts, drawn at the narrowest width the widget allows,
/// and a summary that says so.
#[test]
fn an_empty_selection_draws_and_says_so() {
    let dataset = bundled();
    for chart in [
        ChartId::Ranking,
        ChartId::Profile,
        ChartId::Bump,
        ChartId::Stability,
    ] {
        let view = view(&dataset, chart, |s| {
            s.lang = Lang::En;
            s.level = Some(Level::SubPark);
        });
        let layout = draw_at(&view, 200);
        assert!(layout.marks.is_empty(), "{}", chart.as_str());
        assert!(!view.summary().is_empty(), "{}", chart.as_str());
    }
}

/// The bundled stability view with its rows repeated to `n` (names and
/// base ranks renumbered), windowed as the view would be around `selected`.
fn many_stability_rows(n: usize, selected: Option<usize>) -> View {
    let dataset = bundled();
    let View::Stability(mut v) = view(&dataset, ChartId::Stability, |s| s.lang = Lang::En) else {
        unreachable!()
    };
    let template = v.rows[0].clone();
    v.rows = (0..n)
        .map(|i| crate::views::stability::StabilityRow {
            zone: i,
            name: format!("Zone {i:04}"),
            base_rank: Some(i + 1),
            selected: selected == Some(i),
            tooltip: format!("row {i}"),
            ..template.clone()
        })
        .collect();
    v.max_rank = n;
    v.shown = crate::views::window(n, selected);
    View::Stability(v)
}

/// National scale: 5,000 rows at 20 px were 100,000 px, past Chromium's
/// canvas. The chart draws `views::WINDOW` (100) rows: the first 100 with no
/// zone selected, rows 4,950–5,049 (0-based) around row 5,000 of 10,000
/// selected — and its marks are those rows' (datum = the row's index in the
/// view, which the table and the tooltips use).
#[test]
fn stability_draws_a_window_of_rows_at_national_scale() {
    let small = draw_at(&many_stability_rows(100, None), 720);
    assert_eq!(small.marks.len(), 100, "up to the window: every row");
    for (selected, first) in [(None, 0), (Some(5_000), 4_950), (Some(9_990), 9_900)] {
        let view = many_stability_rows(10_000, selected);
        let height = charts::preferred_height(&view, 720);
        assert!(
            height < 2_400,
            "{height} px for 100 rows of 20 px and the header"
        );
        let layout = draw_at(&view, 720);
        let datums: Vec<usize> = layout.marks.iter().map(|m| m.datum).collect();
        assert_eq!(datums, (first..first + 100).collect::<Vec<_>>());
    }
}

/// The bump chart at national scale: the bundled view's lines with their
/// ranks moved down by `offset` (so the ranks run to 36 + offset), windowed
/// around the selected line.
#[test]
fn bump_draws_a_window_of_ranks_at_national_scale() {
    let dataset = bundled();
    let View::Bump(mut v) = view(&dataset, ChartId::Bump, |s| s.lang = Lang::En) else {
        unreachable!()
    };
    let marks_before = draw_at(&View::Bump(v.clone()), 720).marks.len();
    // Ranks 1..=36 become 1,001..=1,036: the window of 100 ranks around the
    // selected line's last rank (Zone A's rank 1 in 2022 → 1,001: 951..=1,050,
    // moved up to end at the last rank, 937..=1,036) holds every point; no
    // line is selected: ranks 1..=100, none of them — only the exited
    // zones' lane under the ranks has points.
    let offset = 1_000;
    for line in &mut v.lines {
        for p in &mut line.points {
            p.rank = p.rank.map(|r| r + offset);
        }
    }
    v.max_rank += offset;
    v.shown = crate::views::window(v.max_rank, None);
    let layout = draw_at(&View::Bump(v.clone()), 720);
    let in_lane = v
        .lines
        .iter()
        .flat_map(|l| &l.points)
        .filter(|p| p.rank.is_none() && p.exited_in.is_some())
        .count();
    assert!(in_lane > 0, "Zone AA, named for exit in 2020");
    assert_eq!(layout.marks.len(), in_lane, "ranks 1–100 hold no point");
    v.lines[0].selected = true;
    let last = v.lines[0].points.last().and_then(|p| p.rank).unwrap();
    assert_eq!(
        last, 1_001,
        "Zone A first in 2022 (tools/expected_values.py)"
    );
    v.shown = crate::views::window(v.max_rank, Some(last - 1));
    assert_eq!(v.shown, 936..1_036);
    let view = View::Bump(v);
    assert!(charts::preferred_height(&view, 720) < 2_000);
    assert_eq!(draw_at(&view, 720).marks.len(), marks_before);
}

/// The room for the names at the right end is measured on the names
/// labelled there (the lines whose last rank is drawn, and the exited), not
/// on every line's: with the ranks moved to 1,001..=1,036 and ranks 1–100
/// drawn, a line's long name moves no point of the exited lane (before, the
/// 2,000 names of a national file were measured at each draw, and the
/// longest narrowed the plot for a label it did not draw).
#[test]
fn bump_leaves_room_for_the_labelled_names_only() {
    let dataset = bundled();
    let View::Bump(mut v) = view(&dataset, ChartId::Bump, |s| s.lang = Lang::En) else {
        unreachable!()
    };
    for line in &mut v.lines {
        for p in &mut line.points {
            p.rank = p.rank.map(|r| r + 1_000);
        }
    }
    v.max_rank += 1_000;
    v.shown = crate::views::window(v.max_rank, None);
    let xs = |v: &crate::views::bump::BumpView| -> Vec<(i32, i32)> {
        let layout = draw_at(&View::Bump(v.clone()), 720);
        layout.marks.iter().map(|m| (m.x0, m.x1)).collect()
    };
    let before = xs(&v);
    assert!(!before.is_empty(), "the exited lane's points");
    let ranked = v
        .lines
        .iter()
        .position(|l| l.points.last().is_some_and(|p| p.rank.is_some()))
        .expect("a line ranked in 2022");
    v.lines[ranked].name = "A zone whose name is longer than any label room".repeat(3);
    assert_eq!(xs(&v), before);
    // The converse: the exited lane's label is drawn, and its long name
    // narrows the plot.
    let exited = v
        .lines
        .iter()
        .position(|l| l.points.last().is_some_and(|p| p.exited_in.is_some()))
        .expect("Zone AA, named for exit in 2020");
    v.lines[exited].name = "A zone whose name is longer than any label room".repeat(3);
    assert_ne!(xs(&v), before);
}

/// The bundled bump view stretched to twenty years, 2003–2022: each of
/// its five years held four years running (year t of the twenty shows
/// year ⌊t / 4⌋ of the five), so an exit stays an exit.
fn twenty_years(view: View) -> View {
    let View::Bump(mut v) = view else {
        return view;
    };
    v.years = (2003..2023).collect();
    for line in &mut v.lines {
        line.points = (0..20)
            .map(|t| crate::views::bump::BumpPoint {
                year: 2003 + t as i32,
                ..line.points[t / 4].clone()
            })
            .collect();
    }
    View::Bump(v)
}

/// The years labelled on the bump chart's axis: every year when a label
/// and 6 px fit between two years, else every k-th, k the fewest that do.
/// By hand, for labels 28 px wide (34 px with the gap): 40 px apart → 1;
/// 34 → 1; 22 → ⌈34 / 22⌉ = 2; 10 → ⌈3.4⌉ = 4; 0 px (one year) → 34.
#[test]
fn bump_years_are_labelled_as_many_as_fit() {
    use crate::charts::bump::year_step;
    assert_eq!(year_step(28, 40), 1);
    assert_eq!(year_step(28, 34), 1);
    assert_eq!(year_step(28, 22), 2);
    assert_eq!(year_step(28, 10), 4);
    assert_eq!(year_step(28, 0), 34);
}

/// A window of the stability rows (national scale) spans only their ranks:
/// the axis of ranks 30 to 36 starts at 30, and its ticks are those of that
/// span. By hand, on the bundled data's 36 ranked zones: the full axis's
/// ticks (`rank_ticks(36, …)` at 720 px: 15 at most) are 1, 5, 10, …, 35;
/// from 30 to 36 they are 30 to 36, one a rank.
#[test]
fn a_windowed_stability_axis_spans_the_ranks_it_draws() {
    let dataset = bundled();
    let View::Stability(mut stability) = view(&dataset, ChartId::Stability, |s| s.lang = Lang::En)
    else {
        panic!("a stability view")
    };
    let ticks = |view: &crate::views::stability::StabilityView| {
        let mut svg = String::new();
        let width = 720;
        let view = View::Stability(view.clone());
        let height = charts::preferred_height(&view, width);
        let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        charts::draw(&area, &view, &style::LIGHT).unwrap();
        drop(area);
        // The tick labels: numbers alone in a text on the axis's line (the
        // lowest texts that are numbers, below every row).
        let texts: Vec<(i32, String)> = svg
            .split("<text ")
            .skip(1)
            .filter_map(|t| {
                let y = t
                    .split("y=\"")
                    .nth(1)?
                    .split('"')
                    .next()?
                    .parse::<i32>()
                    .ok()?;
                let body = t.split('>').nth(1)?.split('<').next()?.trim().to_string();
                body.parse::<usize>().ok().map(|_| (y, body))
            })
            .collect();
        let axis = texts.iter().map(|(y, _)| *y).max().unwrap();
        texts
            .into_iter()
            .filter(|(y, _)| *y == axis)
            .map(|(_, t)| t)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ticks(&stability),
        ["1", "5", "10", "15", "20", "25", "30", "35"]
    );
    (stability.min_rank, stability.max_rank) = (30, 36);
    assert_eq!(
        ticks(&stability),
        ["30", "31", "32", "33", "34", "35", "36"]
    );
}

/// Zones exited by a year share one point of the bump chart's exited lane:
/// a hover there names each of them (it named only the first, a tester),
/// four and how many more. By hand: six lines (Zone A to Zone F, lines 0–5
/// of the bundled view) made out of the ranking in 2021 and 2022, named
/// for exit in 2020, share the 2021 point; the keyboard still reaches each.
#[test]
fn a_hover_on_the_exited_lane_names_every_zone_there() {
    let dataset = bundled();
    for lang in [Lang::En, Lang::Zh] {
        let View::Bump(mut v) = view(&dataset, ChartId::Bump, |s| s.lang = lang) else {
            unreachable!()
        };
        let names: Vec<String> = v.lines[..6].iter().map(|l| l.name.clone()).collect();
        for line in &mut v.lines[..6] {
            for p in &mut line.points[3..] {
                (p.rank, p.exited_in) = (None, Some(2020));
            }
        }
        let view = View::Bump(v);
        let layout = draw_at(&view, 720);
        let first = layout
            .marks
            .iter()
            .find(|m| m.datum == 3)
            .expect("Zone A's 2021 point");
        let here = layout
            .marks
            .iter()
            .filter(|m| (m.x0, m.y0, m.x1, m.y1) == (first.x0, first.y0, first.x1, first.y1))
            .count();
        assert_eq!(here, 6 + 1, "six made out, and Zone AA out since 2020");
        let (cx, cy) = ((first.x0 + first.x1) / 2, (first.y0 + first.y1) / 2);
        let hit = layout.hit(cx, cy, 0).expect("the lane's 2021 point");
        let label = charts::hover_label(&view, &layout, hit, lang);
        let expected = match lang {
            Lang::En => format!(
                "{} in 2021: named for exit in 2020, no longer ranked; {} in 2021: named for exit in 2020, no longer ranked; {} in 2021: named for exit in 2020, no longer ranked; {} in 2021: named for exit in 2020, no longer ranked; and 3 more",
                names[0], names[1], names[2], names[3]
            ),
            Lang::Zh => format!(
                "{} 2021年：已于2020年列入退出，不再排名；{} 2021年：已于2020年列入退出，不再排名；{} 2021年：已于2020年列入退出，不再排名；{} 2021年：已于2020年列入退出，不再排名；及另外3个",
                names[0], names[1], names[2], names[3]
            ),
        };
        assert_eq!(label, expected);
        // A point of its own is named alone, as before.
        let own = layout
            .marks
            .iter()
            .find(|m| m.datum == 0)
            .expect("Zone A in 2018");
        assert_eq!(charts::hover_label(&view, &layout, own, lang), own.label);
    }
}
