//! The session: the share link's settings written and read back, settings
//! the data cannot use reported, and a state change dropping the views of
//! the charts that respond to it and no others (the registry's controls).

use super::*;
use crate::model::load;

fn session() -> Session {
    let loaded =
        load(include_str!("../../../www/data/zones.json")).expect("the bundled dataset is valid");
    Session::new(loaded, Lang::Zh)
}

fn pairs(params: &[(&str, String)]) -> Vec<(String, String)> {
    params
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

/// A change of one control, as the page would make it.
type Change = fn(&mut Session);

/// Which charts have a view built, in registry order.
fn built(session: &Session) -> Vec<ChartId> {
    ChartId::ALL
        .iter()
        .zip(&session.views)
        .filter(|(_, view)| view.get().is_some())
        .map(|(id, _)| *id)
        .collect()
}

fn build_all(session: &Session) {
    for id in ChartId::ALL {
        session.view(*id);
    }
}

/// On first load only the tab, the latest year and the language are
/// written: the defaults of the rest are left out.
#[test]
fn the_initial_state_writes_only_tab_year_and_language() {
    let params = session().params();
    let want = [("view", "overview"), ("year", "2022"), ("lang", "zh")];
    let want: Vec<(&str, String)> = want.iter().map(|(k, v)| (*k, v.to_string())).collect();
    assert_eq!(params, want);
}

/// Every setting changed, written, read into a new session: the same
/// settings come back, in the order the link writes them, none ignored.
#[test]
fn the_share_link_round_trips() {
    let mut first = session();
    assert!(first.set_tab("evaluation"));
    assert!(first.set_zone("z07"));
    assert!(first.set_year(2020));
    assert!(first.set_level("regional"));
    assert!(first.set_area("north"));
    assert!(first.set_indicator("invention_patents"));
    first.set_log_scale(true);
    first.set_methods(("vector", "equal", "topsis")).unwrap();
    first.set_lang(Lang::En);
    first.set_elder(true);
    let written = first.params();
    let keys: Vec<&str> = written.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        keys,
        [
            "view",
            "zone",
            "year",
            "level",
            "area",
            "indicator",
            "log",
            "method",
            "mode",
            "lang"
        ]
    );
    assert_eq!(written[4].1, "north");
    assert_eq!(written[7].1, "vector.equal.topsis");

    let mut second = session();
    let ignored = second.restore(&pairs(&written));
    assert_eq!(ignored, Vec::<String>::new());
    assert_eq!(second.params(), written);
    assert_eq!(second.lang(), Lang::En);
    assert_eq!(second.state().tab, TabId::Evaluation);
    assert_eq!(second.zone_id(), Some("z07"));
    assert_eq!(second.area_id(), "north");
    assert!(second.state().elder);
}

/// Elder mode is how the reader reads: a link without `mode` leaves it as
/// it is, `mode=standard` turns it off, another value is said to be ignored.
#[test]
fn a_link_sets_elder_mode_only_when_it_says_so() {
    let mut s = session();
    s.set_elder(true);
    assert_eq!(
        s.restore(&pairs(&[("view", "evaluation".into())])),
        Vec::<String>::new()
    );
    assert!(s.state().elder);
    assert_eq!(
        s.restore(&pairs(&[("mode", "standard".into())])),
        Vec::<String>::new()
    );
    assert!(!s.state().elder);
    assert_eq!(s.restore(&pairs(&[("mode", "big".into())])), ["mode=big"]);
    assert!(!s.state().elder);
}

/// The reader's dimension weights are written as the framework's methods
/// and the weights over them (rounded percentages, as the sliders show),
/// and read back to the same evaluation.
#[test]
fn dimension_weights_round_trip() {
    let mut first = session();
    first.set_weights(&[10.0, 20.0, 30.0, 40.0, 0.0]).unwrap();
    let written = first.params();
    let get = |key: &str| {
        written
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(get("method"), Some("min_max.framework.arithmetic"));
    assert_eq!(get("weights"), Some("10,20,30,40,0"));

    let mut second = session();
    assert!(second.restore(&pairs(&written)).is_empty());
    assert_eq!(second.state().evaluation, first.state().evaluation);
}

/// Each setting the data cannot use is reported as `key=value` and leaves
/// its part of the state as it was; keys that are not ours are left alone.
#[test]
fn settings_the_data_cannot_use_are_reported_and_change_nothing() {
    let mut session = session();
    let before = session.params();
    let link = [
        ("view", "nowhere"),
        ("zone", "z99"),
        ("year", "1999"),
        ("level", "city"),
        ("area", "coast"),
        ("indicator", "rainfall"),
        ("log", "yes"),
        ("method", "min_max.framework"),
        ("weights", "1,x,3"),
        ("lang", "fr"),
        ("utm_source", "portal"),
    ];
    let link: Vec<(String, String)> = link
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let ignored = session.restore(&link);
    assert_eq!(
        ignored,
        [
            "lang=fr",
            "view=nowhere",
            "zone=z99",
            "year=1999",
            "level=city",
            "area=coast",
            "indicator=rainfall",
            "log=yes",
            "method=min_max.framework",
            "weights=1,x,3",
        ]
    );
    assert_eq!(session.params(), before);
}

/// Weights that cannot be used (the wrong count) are an error in the
/// reader's language and change nothing.
#[test]
fn unusable_weights_are_refused_without_change() {
    let mut session = session();
    let before = session.state().evaluation.clone();
    let error = session.set_weights(&[1.0]).unwrap_err();
    assert!(error.contains("维度"), "{error}");
    assert_eq!(session.state().evaluation, before);
}

/// A control drops exactly the views of the charts the registry lists for
/// it; the others are kept, not rebuilt.
#[test]
fn a_change_drops_only_the_views_that_respond_to_it() {
    let cases: [(Control, Change); 7] = [
        (Control::Year, |s| assert!(s.set_year(2020))),
        (Control::Zone, |s| assert!(s.set_zone("z03"))),
        (Control::Level, |s| assert!(s.set_level("national"))),
        (Control::Area, |s| assert!(s.set_area("metro"))),
        (Control::LogScale, |s| s.set_log_scale(true)),
        (Control::Indicator, |s| {
            assert!(s.set_indicator("invention_patents"))
        }),
        (Control::Weights, |s| {
            s.set_weights(&[1.0, 1.0, 1.0, 1.0, 1.0]).unwrap()
        }),
    ];
    for (control, change) in cases {
        let mut session = session();
        build_all(&session);
        change(&mut session);
        let kept = built(&session);
        let want: Vec<ChartId> = ChartId::ALL
            .iter()
            .copied()
            .filter(|id| !id.controls().contains(control))
            .collect();
        assert_eq!(kept, want, "{control:?}");
        assert!(
            kept.len() < ChartId::ALL.len(),
            "{control:?} drops some view"
        );
    }
}

/// Setting what is already set, the tab, or the theme rebuilds nothing; a
/// new language rebuilds everything.
#[test]
fn no_change_keeps_every_view_and_a_language_drops_all() {
    let mut session = session();
    build_all(&session);
    let year = session.state().year;
    assert!(session.set_year(year));
    assert!(session.set_zone(""));
    assert!(session.set_level(""));
    session.set_log_scale(false);
    assert!(session.set_tab("imbalance"));
    session.set_dark(true);
    session.reset_evaluation().unwrap();
    assert_eq!(built(&session), ChartId::ALL);
    session.set_lang(Lang::En);
    assert_eq!(built(&session), []);
}

/// The evaluation is computed once for all the evaluation charts, and
/// again only for new settings.
#[test]
fn the_evaluation_is_shared_by_the_charts_that_need_it() {
    let mut session = session();
    let first: *const Evaluated = session.evaluated();
    session.view(ChartId::Ranking);
    session.view(ChartId::Bump);
    assert!(std::ptr::eq(first, session.evaluated()));
    session.set_weights(&[1.0, 1.0, 1.0, 1.0, 1.0]).unwrap();
    assert!(!session.evaluated().is_for(&EvaluationSettings::default()));
}

/// A link holds the whole state: what it leaves out is the default, so
/// following it from another state gives the state it was written from.
#[test]
fn a_link_restores_its_state_whatever_the_state_before() {
    let written = session().params();
    let mut other = session();
    assert!(other.set_zone("z07"));
    assert!(other.set_level("national"));
    assert!(other.set_indicator("invention_patents"));
    other.set_log_scale(true);
    other.set_methods(("vector", "equal", "topsis")).unwrap();
    assert!(other.restore(&pairs(&written)).is_empty());
    assert_eq!(other.params(), written);
    assert_eq!(other.state().evaluation, EvaluationSettings::default());
}

/// Whole weights are written as they are (the sliders' values: 60 and 10
/// stay 60 and 10, not 86 and 14); weights on another scale as whole
/// percentages of their sum (0.2, 0.2, 0.15, 0.15, 0.3 → 20, 20, 15, 15,
/// 30 by hand), which read back to the same link.
#[test]
fn weights_on_any_scale_are_written_as_percentages() {
    let mut sliders = session();
    sliders.set_weights(&[60.0, 0.0, 0.0, 0.0, 10.0]).unwrap();
    let written = sliders.params();
    let weights = written.iter().find(|(k, _)| *k == "weights").unwrap();
    assert_eq!(weights.1, "60,0,0,0,10");

    let mut first = session();
    first.set_weights(&[0.2, 0.2, 0.15, 0.15, 0.3]).unwrap();
    let written = first.params();
    let weights = written.iter().find(|(k, _)| *k == "weights").unwrap();
    assert_eq!(weights.1, "20,20,15,15,30");
    let mut second = session();
    assert!(second.restore(&pairs(&written)).is_empty());
    assert_eq!(second.params(), written);
}

/// The registry's lines are right, and so the page's redrawing (it draws a
/// chart again only when its `generation` moved): every part of the
/// reader's state, changed alone from two starting states, leaves the
/// session showing exactly what a view built afresh for the new state
/// shows, for every chart, drawing data included (the whole `View`, not
/// only its texts). A chart that read a part its line does not list would
/// keep its old view, and its old drawing on the page, and fail here. The
/// generation moves for exactly the charts whose line lists the control
/// (the language: all; the tab, theme, elder mode and the integration tried:
/// none, no view reads them).
#[test]
fn a_chart_is_unchanged_by_a_state_part_it_does_not_list() {
    let cases: [(&str, Option<Control>, Change); 14] = [
        ("year", Some(Control::Year), |s| assert!(s.set_year(2019))),
        ("zone", Some(Control::Zone), |s| assert!(s.set_zone("z03"))),
        ("level", Some(Control::Level), |s| {
            assert!(s.set_level("regional"))
        }),
        (
            "area",
            Some(Control::Area),
            |s| assert!(s.set_area("south")),
        ),
        ("log scale", Some(Control::LogScale), |s| {
            s.set_log_scale(true)
        }),
        ("indicator", Some(Control::Indicator), |s| {
            assert!(s.set_indicator("invention_patents"))
        }),
        ("weights", Some(Control::Weights), |s| {
            s.set_weights(&[0.0, 0.0, 0.0, 1.0, 0.0]).unwrap()
        }),
        ("methods", Some(Control::Weights), |s| {
            s.set_methods(("vector", "equal", "topsis")).unwrap()
        }),
        ("rules", Some(Control::Weights), |s| {
            s.set_rules(Some(&[3.0, 5.0, 6.0, 0.0, 2.0])).unwrap()
        }),
        ("exited kept", Some(Control::Weights), |s| {
            s.set_keep_exited(true).unwrap()
        }),
        ("tab", None, |s| assert!(s.set_tab("data"))),
        ("theme", None, |s| s.set_dark(true)),
        ("elder mode", None, |s| s.set_elder(true)),
        ("integration", None, |s| {
            s.set_integration("z01", "z13").unwrap()
        }),
    ];
    let starts: [(&str, Change); 2] = [
        ("the initial state", |_| {}),
        ("zone z01 in English", |s| {
            assert!(s.set_zone("z01"));
            s.set_lang(Lang::En);
        }),
    ];
    let mut moved_some = [false; 14];
    for (start, prepare) in starts {
        for (i, (part, control, change)) in cases.iter().enumerate() {
            let mut session = session();
            prepare(&mut session);
            build_all(&session);
            let before: Vec<(View, u32)> = ChartId::ALL
                .iter()
                .map(|id| (session.view(*id).clone(), session.generation(*id)))
                .collect();
            change(&mut session);
            for (id, (old, generation)) in ChartId::ALL.iter().zip(before) {
                // Built with nothing kept: a cache of the session keyed on
                // too little would give the same stale view on both sides.
                let fresh =
                    crate::views::testing::build_in(&session.dataset, session.state(), |c| {
                        View::build(*id, c)
                    });
                assert!(
                    *session.view(*id) == fresh,
                    "from {start}, {id:?} differs from a fresh build after the {part}: a control missing \
                     from its registry line, or a cache keyed on too little; the page would keep showing \
                     its old drawing and texts"
                );
                let listed = control.is_some_and(|c| id.controls().contains(c));
                assert_eq!(
                    session.generation(*id) != generation,
                    listed,
                    "from {start}: {id:?}'s generation after the {part}"
                );
                moved_some[i] |= fresh != old;
            }
        }
    }
    // The changes are real: each listed part changes some chart.
    for ((part, control, _), moved) in cases.iter().zip(moved_some) {
        assert_eq!(moved, control.is_some(), "the {part} changes some view");
    }
}

/// A new language moves every chart's generation; setting what is already
/// set moves none.
#[test]
fn generations_move_with_the_language_and_not_without_a_change() {
    let mut session = session();
    let generations = |s: &Session| {
        ChartId::ALL
            .iter()
            .map(|id| s.generation(*id))
            .collect::<Vec<_>>()
    };
    let first = generations(&session);
    assert!(session.set_year(session.state().year));
    assert!(session.set_zone(""));
    session.reset_evaluation().unwrap();
    assert_eq!(generations(&session), first);
    session.set_lang(Lang::En);
    let moved = generations(&session);
    assert!(
        first.iter().zip(&moved).all(|(a, b)| a != b),
        "{first:?} {moved:?}"
    );
}

/// The trends follow GDP until the reader chooses; a file without GDP
/// starts at its first indicator, and the page's select shows that one.
#[test]
fn the_shown_indicator_is_the_default_until_one_is_chosen() {
    let mut session = session();
    assert_eq!(session.indicator_id(), None);
    assert_eq!(session.shown_indicator_id(), Some("gdp"));
    assert!(session.set_indicator("invention_patents"));
    assert_eq!(session.shown_indicator_id(), Some("invention_patents"));
    session.dataset.indicators.retain(|i| i.id != "gdp");
    assert!(session.set_indicator(""));
    let first = session.dataset.indicators[0].id.clone();
    assert_eq!(session.shown_indicator_id(), Some(first.as_str()));
}

/// The reader's rules travel in the link as five numbers and come back as
/// the same rules, a score threshold with decimals too (a tester's 7.5 was
/// lost when the numbers were separated by dots); the file's rules are the
/// default and not written.
#[test]
fn custom_rules_round_trip_and_bad_rules_change_nothing() {
    let mut first = session();
    assert!(!first.params().iter().any(|(k, _)| *k == "rules"));
    first.set_rules(Some(&[3.0, 5.0, 6.0, 7.5, 2.0])).unwrap();
    let written = first.params();
    let rules = written
        .iter()
        .find(|(k, _)| *k == "rules")
        .map(|(_, v)| v.as_str());
    assert_eq!(rules, Some("3,5,6,7.5,2"));
    let mut second = session();
    assert!(second.restore(&pairs(&written)).is_empty());
    assert_eq!(second.state().evaluation, first.state().evaluation);
    let restored = second.state().evaluation.rules.clone().expect("rules");
    assert_eq!(restored.warn_bottom_k, Some(6));
    assert_eq!(restored.warn_below, Some(7.5));
    // A link written before (whole numbers separated by dots) still reads.
    let mut old = session();
    assert!(old
        .restore(&pairs(&[("rules", "3.5.6.0.2".to_string())]))
        .is_empty());
    let restored = old.state().evaluation.rules.clone().expect("rules");
    assert_eq!(
        (restored.warn_bottom_k, restored.warn_below),
        (Some(6), None)
    );
    // A fractional count is refused, and the rules stay as they were.
    assert!(second.set_rules(Some(&[1.5, 0.0, 0.0, 0.0, 0.0])).is_err());
    assert_eq!(second.state().evaluation, first.state().evaluation);
    let ignored = second.restore(&pairs(&[("rules", "1.2".to_string())]));
    assert_eq!(ignored, ["rules=1.2"]);
    // Back to the file's rules.
    second.set_rules(None).unwrap();
    assert_eq!(second.state().evaluation.rules, None);
}

/// Names from the data that end in an unclosed RIGHT-TO-LEFT OVERRIDE
/// (U+202E) are isolated wherever a view writes them: in every chart's
/// title, summary and table, in both languages, each override is followed
/// at once by the POP DIRECTIONAL ISOLATE that ends the name's isolate
/// (`format::isolated`), so the widget's text after the name keeps its
/// direction. Every zone, indicator and industry is renamed, so that each
/// chart naming any of them has one.
#[test]
fn names_with_a_right_to_left_override_are_isolated_in_every_view() {
    let mut file: serde_json::Value =
        serde_json::from_str(include_str!("../../../www/data/zones.json")).expect("valid JSON");
    for section in ["zones", "indicators", "industries"] {
        for item in file[section].as_array_mut().expect(section) {
            for lang in ["zh", "en"] {
                let name = item["name"][lang].as_str().expect("a name").to_string();
                item["name"][lang] = (name + "\u{202E}").into();
            }
        }
    }
    let loaded = load(&file.to_string()).expect("the renamed dataset is valid");
    let mut overrides = 0;
    for lang in [Lang::Zh, Lang::En] {
        let mut session = Session::new(loaded.clone(), lang);
        assert!(session.set_zone("z01"));
        for id in ChartId::ALL {
            let view = session.view(*id);
            let table = view.table();
            let texts = [view.title(), view.summary()]
                .into_iter()
                .chain(table.rows.iter().flatten().map(String::as_str));
            for text in texts {
                for (at, _) in text.match_indices('\u{202E}') {
                    overrides += 1;
                    assert!(
                        text[at + 3..].starts_with('\u{2069}'),
                        "{id:?} ({lang:?}): a name is not isolated in {text:?}"
                    );
                }
            }
        }
    }
    assert!(overrides > 100, "only {overrides} names were written");
}

/// An integration tried is in the link (`integrate=z01.z13`) and comes back
/// from it; a pair the data do not offer (z13 is region-level; z04 is in
/// another metro area than z01) is refused and reported by the restore.
/// The page tries one for the selected zone, so z01 is selected (a result
/// is only given for the selected zone).
#[test]
fn an_integration_is_in_the_link() {
    let mut first = session();
    assert!(first.set_zone("z01"));
    first.set_integration("z01", "z13").unwrap();
    let written = first.params();
    assert!(
        written.contains(&("integrate", "z01.z13".to_string())),
        "{written:?}"
    );
    let mut second = session();
    assert!(second.restore(&pairs(&written)).is_empty());
    assert_eq!(second.state().integration, Some((0, 12)));
    assert!(second.integration().is_some_and(|i| i.rank_after.is_some()));
    assert!(first.set_integration("z13", "z01").is_err());
    assert!(first.set_integration("z01", "z04").is_err());
    assert_eq!(
        first.state().integration,
        Some((0, 12)),
        "a refused pair changes nothing"
    );
    let ignored = second.restore(&[("integrate".to_string(), "z01.z04".to_string())]);
    assert_eq!(ignored, ["integrate=z01.z04"]);
    assert_eq!(second.state().integration, None);
    first.set_integration("z01", "").unwrap();
    assert_eq!(first.state().integration, None);
}

/// Selecting a zone rebuilds the similarity view but does not compare the
/// pairs again: the kept view counts how often it was built from the
/// pairs. A filter or the language does build it again, and going back to
/// a selection under the same filter does not.
#[test]
fn a_zone_selection_does_not_compare_the_pairs_again() {
    let mut session = session();
    let selected = |session: &Session| match session.view(ChartId::Similarity) {
        View::Similarity(view) => view
            .zones
            .iter()
            .filter(|z| z.selected)
            .map(|z| z.zone)
            .collect::<Vec<_>>(),
        _ => panic!("the similarity chart has a similarity view"),
    };
    let first = session.dataset.zones[0].id.clone();
    let second = session.dataset.zones[1].id.clone();
    assert!(session.set_zone(&first));
    assert_eq!(selected(&session), [0]);
    assert_eq!(session.similarity.built(), 1);
    assert!(session.set_zone(&second));
    assert_eq!(selected(&session), [1]);
    assert!(session.set_zone(""));
    assert!(selected(&session).is_empty());
    assert_eq!(
        session.similarity.built(),
        1,
        "zone changes reuse the pairs"
    );
    assert!(session.set_level("national"));
    assert!(session.set_zone(&first));
    assert_eq!(selected(&session), [0]);
    assert_eq!(
        session.similarity.built(),
        2,
        "a filter compares them again"
    );
    session.set_lang(Lang::En);
    selected(&session);
    assert_eq!(session.similarity.built(), 3, "so does the language");
}

/// A zone selection rebuilds the trends view from the one kept without a
/// selection, formatting no value again; the view is the one a session with
/// nothing kept builds (`testing::build_in`), for every zone change here,
/// and an indicator or the language builds the kept view again.
#[test]
fn a_zone_selection_keeps_the_trends_values_and_gives_the_fresh_view() {
    let mut session = session();
    let same_as_fresh = |session: &Session| {
        let fresh = crate::views::testing::build_in(
            &session.dataset,
            session.state(),
            super::super::trends::TrendsView::build,
        );
        match session.view(ChartId::Trends) {
            View::Trends(view) => assert_eq!(*view, fresh, "{:?}", session.state().zone),
            _ => panic!("the trends chart has a trends view"),
        }
    };
    let ids: Vec<String> = session.dataset.zones.iter().map(|z| z.id.clone()).collect();
    for id in [
        &ids[0],
        &ids[5],
        &String::new(),
        &ids[ids.len() - 1],
        &ids[1],
    ] {
        assert!(session.set_zone(id));
        same_as_fresh(&session);
    }
    assert_eq!(session.trends.built(), 1, "zone changes reuse the values");
    let other = session.dataset.indicators[1].id.clone();
    assert!(session.set_indicator(&other));
    for id in [&ids[2], &String::new()] {
        assert!(session.set_zone(id));
        same_as_fresh(&session);
    }
    assert_eq!(session.trends.built(), 2, "an indicator formats them again");
    session.set_lang(Lang::En);
    assert!(session.set_zone(&ids[3]));
    same_as_fresh(&session);
    assert_eq!(session.trends.built(), 3, "so does the language");
}

/// The integration tried (z01 takes over z13, a pair the bundled data
/// offer: the e2e test and the command line use it) is computed once per
/// pair, year, indicator and settings, however often the page asks; it is
/// shown only while its national zone is selected (another zone shows no
/// partner, so no result), and coming back reuses it.
#[test]
fn the_integration_is_computed_once_and_shown_for_its_zone_only() {
    let mut session = session();
    assert!(session.set_zone("z01"));
    session
        .set_integration("z01", "z13")
        .expect("z13 is a partner of z01");
    let first = session.integration().expect("a result for z01 and z13");
    assert_eq!(session.integration(), Some(first.clone()));
    assert_eq!(
        session.integrations_computed, 1,
        "asked twice, computed once"
    );
    assert!(session.set_zone("z02"));
    assert_eq!(
        session.integration(),
        None,
        "z02 selected: no partner shown"
    );
    assert!(session.set_zone("z01"));
    assert_eq!(session.integration(), Some(first));
    assert_eq!(
        session.integrations_computed, 1,
        "z01 again: the kept result"
    );
    let earlier = session.dataset.years[0];
    assert!(session.set_year(earlier));
    assert!(session.integration().is_some());
    assert_eq!(
        session.integrations_computed, 2,
        "another year computes again"
    );
}

/// A zone selection on the specialisation tab makes the industries'
/// analysis (specialties, twins, duplicates: every zone against every
/// other) once for the filters: after the selections and a language (the
/// analysis has no words) the kept one is the filters' (asking for it with
/// a `make` that panics makes nothing), and after a filter it is the new
/// filter's; the view is the one a session with nothing kept builds
/// (`testing::build_in`) at each step.
#[test]
fn a_zone_selection_keeps_the_industries_analysis_and_gives_the_fresh_view() {
    use crate::model::Level;
    let mut session = session();
    let same_as_fresh = |session: &Session| {
        let fresh = crate::views::testing::build_in(
            &session.dataset,
            session.state(),
            super::super::industries::IndustriesView::build,
        );
        match session.view(ChartId::Industries) {
            View::Industries(view) => assert_eq!(*view, fresh, "{:?}", session.state().zone),
            _ => panic!("the industries chart has an industries view"),
        }
    };
    same_as_fresh(&session);
    let ids: Vec<String> = session.dataset.zones.iter().map(|z| z.id.clone()).collect();
    for id in ids.iter().take(3).chain(["".to_string()].iter()) {
        assert!(session.set_zone(id));
        same_as_fresh(&session);
    }
    session.set_lang(Lang::En);
    same_as_fresh(&session);
    let made_again = || -> crate::analysis::industries::Industries { panic!("made again") };
    session.similarity.industries((None, None), made_again);
    assert!(session.set_level("national"));
    same_as_fresh(&session);
    assert!(session.set_zone(&ids[0]));
    same_as_fresh(&session);
    session
        .similarity
        .industries((Some(Level::National), None), made_again);
}

/// The specialisation tab compares every pair of zones once for both of
/// its charts (issue 15: each compared all 2 million pairs of 2,000
/// zones), and the pairs shared equal the pass the similarity view made
/// for itself, written out (`pair_stats` of the shown zones' mixes, three
/// twins, nothing listed). A language change compares nothing again; a
/// filter's zones are compared by the similarity view for itself (its
/// build counted), the shared pairs kept for when it is cleared.
#[test]
fn the_specialisation_tab_compares_the_pairs_once() {
    use crate::metrics::similarity::pair_stats;
    let mut session = session();
    session.view(ChartId::Industries);
    session.view(ChartId::Similarity);
    assert_eq!(session.similarity.passes(), 1, "one pass for both charts");
    let dataset = &session.dataset;
    let mixes = crate::analysis::specialisation::mixed_zones_mixes(dataset);
    let own = pair_stats(&mixes, 0.8, super::super::similarity::TWINS, 0);
    let kept = session.similarity.all_pairs(dataset);
    assert_eq!(
        (kept.pairs, kept.above, kept.mean, &kept.nearest),
        (own.pairs, own.above, own.mean, &own.nearest)
    );
    session.set_lang(Lang::En);
    session.view(ChartId::Industries);
    session.view(ChartId::Similarity);
    assert_eq!(
        session.similarity.passes(),
        1,
        "a language compares nothing"
    );
    assert!(session.set_level("national"));
    session.view(ChartId::Industries);
    session.view(ChartId::Similarity);
    assert_eq!(session.similarity.built(), 3, "a filter's view is built");
    assert!(session.set_level(""));
    session.view(ChartId::Industries);
    session.view(ChartId::Similarity);
    assert_eq!(session.similarity.passes(), 1, "the shared pairs kept");
}

/// A weight change rehearsed (the page's, in idle time after the tab is
/// drawn: `Session::rehearse`) hands over the views of the tab's charts
/// that respond to the weights, each equal to the session's own view of
/// them (the reference: the same state built the page's way, after a real
/// weight change), and changes nothing of the session: its state, the
/// views it built, their generations and the evaluation it keeps.
#[test]
fn a_rehearsal_builds_the_weighted_views_and_changes_nothing() {
    let mut session = session();
    assert!(session.set_tab("evaluation"));
    let mut weights = slider_weights(&session.dataset, &session.state().evaluation);
    weights[0] *= 2.0;
    session.set_weights(&weights).unwrap();
    let tab = [ChartId::Ranking, ChartId::Profile, ChartId::Stability];
    let own: Vec<View> = tab.iter().map(|id| session.view(*id).clone()).collect();
    let state = session.state().clone();
    let generations = session.generations.clone();
    let kept: *const Evaluated = session.evaluated();
    let mut rehearsed = Vec::new();
    session.rehearse(|view| rehearsed.push(view.clone()));
    assert!(rehearsed == own, "the rehearsal's views are the session's");
    assert_eq!(session.state(), &state);
    assert_eq!(session.generations, generations);
    assert_eq!(built(&session), tab);
    assert!(
        std::ptr::eq(session.evaluated(), kept),
        "the evaluation kept"
    );
    // On a tab without weights nothing is built.
    assert!(session.set_tab("overview"));
    session.rehearse(|_| panic!("no view on the overview"));
}
