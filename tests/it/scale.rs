//! National scale (issue 15): what the widget draws differently for a file
//! of many zones, and says so. The files come from `make-dataset --zones N`.

use zone_monitor::charts::style;
use zone_monitor::exercise::svg;
use zone_monitor::i18n::Lang;
use zone_monitor::model;
use zone_monitor::views::innovation::BINNED;
use zone_monitor::views::session::Session;
use zone_monitor::views::{ChartId, View};

/// `make-dataset --zones zones` (5 years), loaded.
fn generated(zones: usize) -> model::Loaded {
    let text = crate::make_dataset(&["--zones", &zones.to_string()]);
    model::load(&text).unwrap_or_else(|p| panic!("{}", p.0[0]))
}

/// A strip of more than `BINNED` zones is drawn as bars (no dot of it on
/// the canvas), and the note drawn under it says so in the reader's
/// language; a strip of fewer keeps its dots and says nothing of bars. The
/// expected words are the widget's, written out here.
#[test]
fn the_innovation_strips_of_many_zones_are_bars_and_say_so() {
    const BARS: [(Lang, &str); 2] = [
        (Lang::Zh, "柱高为各数值段的园区数"),
        (Lang::En, "bar height: zones per range of values"),
    ];
    for (zones, binned) in [(60, false), (300, true)] {
        let mut session = Session::new(generated(zones), Lang::Zh);
        for (lang, bars) in BARS {
            session.set_lang(lang);
            let view = session.view(ChartId::Innovation);
            let View::Innovation(v) = view else {
                panic!("the innovation view")
            };
            for row in &v.rows {
                let many = row.points.len() > BINNED;
                assert_eq!(many, binned, "{zones} zones, {} dots", row.points.len());
                assert_eq!(row.note.contains(bars), many, "{}", row.note);
            }
            // Dots are circles (two a dot), the legend's one too; bars are
            // rectangles. The notes are drawn whole at 1,600 px.
            let drawn = svg(view, 1_600, &style::LIGHT).expect("drawn");
            let circles = drawn.matches("<circle").count();
            let dots: usize = v.rows.iter().map(|r| r.points.len()).sum();
            assert_eq!(
                circles,
                if binned { 1 } else { 1 + 2 * dots },
                "{zones} zones"
            );
            let said = drawn.matches(bars).count();
            assert_eq!(said, if binned { v.rows.len() } else { 0 }, "{zones} zones");
        }
    }
}

/// The stability chart of more than 100 ranked zones draws a window of
/// them, and its axis spans the ranks of the rows it draws: from the lowest
/// current or 5% rank among them to the highest current or 95% rank (taken
/// here from the rows themselves), not from 1 to every ranked zone; for
/// the top of the ranking and for a window around a zone near its bottom.
#[test]
fn the_stability_axis_of_a_window_spans_the_ranks_it_draws() {
    let mut session = Session::new(generated(300), Lang::En);
    let spans = |session: &mut Session| {
        let View::Stability(v) = session.view(ChartId::Stability) else {
            panic!("the stability view")
        };
        assert!(
            v.shown.len() < v.rows.len(),
            "a window of {} rows",
            v.rows.len()
        );
        let shown = &v.rows[v.shown.clone()];
        let low = shown
            .iter()
            .flat_map(|r| [r.base_rank, r.p05])
            .flatten()
            .min();
        let high = shown
            .iter()
            .flat_map(|r| [r.base_rank, r.p95])
            .flatten()
            .max();
        assert_eq!((Some(v.min_rank), Some(v.max_rank)), (low, high));
        let last = v.rows.last().map(|r| r.zone).expect("rows");
        (v.min_rank, v.max_rank, v.rows.len(), last)
    };
    let (first, top_end, ranked, last) = spans(&mut session);
    assert_eq!(first, 1, "the top window starts at the first rank");
    assert!(
        top_end < ranked,
        "the axis ends at {top_end}, not at {ranked}"
    );
    let id = session.dataset.zones[last].id.clone();
    assert!(session.set_zone(&id));
    let (bottom_start, _, _, _) = spans(&mut session);
    assert!(
        bottom_start > 1,
        "a window near the bottom starts at {bottom_start}"
    );
}

/// C18's note counts the pairs with thousands grouped, as every count on
/// screen is (a tester read "1825178 of 1955253 pairs" beside "1,955,253").
/// The pairs are n × (n − 1) / 2 of the n main zones (no parent) with an
/// industry mix, counted here from the file.
#[test]
fn the_similar_pairs_note_groups_its_counts() {
    let loaded = generated(100);
    let n = loaded
        .dataset
        .zones
        .iter()
        .filter(|z| z.parent.is_none() && z.industry_mix.is_some())
        .count();
    let pairs = n * (n - 1) / 2;
    assert!(pairs >= 1000, "{n} zones: {pairs} pairs, too few to group");
    let grouped = format!("{},{:03}", pairs / 1000, pairs % 1000);
    let c18 = zone_monitor::claims::evaluate(&loaded.dataset)
        .into_iter()
        .find(|c| c.id == "C18")
        .expect("C18");
    let note = c18.checks[0].note.as_ref().expect("a note");
    assert!(
        note.en.ends_with(&format!(" of {grouped} pairs.")),
        "{}",
        note.en
    );
    assert!(
        note.zh.starts_with(&format!("{grouped} 对中有 ")),
        "{}",
        note.zh
    );
}
