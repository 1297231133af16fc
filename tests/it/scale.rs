//! National scale (issue 15): what the widget draws differently for a file
//! of many zones, and says so. The files come from `make-dataset --zones N`.

use std::process::Command;

use zone_monitor::charts::style;
use zone_monitor::exercise::svg;
use zone_monitor::i18n::Lang;
use zone_monitor::model;
use zone_monitor::views::innovation::BINNED;
use zone_monitor::views::session::Session;
use zone_monitor::views::{ChartId, View};

/// `make-dataset --zones zones` (5 years), loaded.
fn generated(zones: usize) -> model::Loaded {
    let path = std::env::temp_dir().join(format!(
        "zone-monitor-scale-{}-{zones}.json",
        std::process::id()
    ));
    let ok = Command::new(env!("CARGO_BIN_EXE_make-dataset"))
        .args(["--zones", &zones.to_string()])
        .arg(&path)
        .status()
        .expect("make-dataset runs")
        .success();
    assert!(ok);
    let text = std::fs::read_to_string(&path).expect("written");
    let _ = std::fs::remove_file(&path);
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
