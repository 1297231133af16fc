//! Where the time goes at national scale, natively: loads FILE (a
//! `make-dataset --zones N` file), then builds and draws (SVG, as the export)
//! every chart, printing the time of each step; then a weight change, a year
//! change and a zone chosen on the evaluation tab, step by step (the
//! settings, each chart's view, its card's table, its drawing). For profiling (`perf record
//! target/release/examples/scale FILE`); the browser figures are
//! tests/e2e/bench-scale.mjs's (`./build.sh bench`).
//!
//!     cargo run --release --example scale -- FILE [CHART...]

use std::time::Instant;
use zone_monitor::charts::style;
use zone_monitor::i18n::Lang;
use zone_monitor::views::session::Session;
use zone_monitor::views::{ChartId, TabId};

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: scale FILE [CHART...]");
        std::process::exit(2);
    };
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let t = Instant::now();
    let loaded = zone_monitor::model::load_bytes(&bytes).unwrap_or_else(|p| panic!("{}", p.0[0]));
    println!("load_bytes {:.0} ms", ms(t));
    let t = Instant::now();
    let mut session = Session::new(loaded, Lang::Zh);
    println!("Session::new (claims) {:.0} ms", ms(t));
    for &chart in ChartId::ALL {
        if args.len() > 1 && !args[1..].iter().any(|a| a == chart.as_str()) {
            continue;
        }
        let t = Instant::now();
        let view = session.view(chart);
        let built = ms(t);
        let t = Instant::now();
        let svg = zone_monitor::exercise::svg(view, 720, &style::LIGHT).unwrap_or_default();
        println!(
            "{:16} view {built:6.0} ms, drawn {:6.0} ms ({} KB of SVG)",
            chart.as_str(),
            ms(t),
            svg.len() / 1000
        );
    }
    // A weight change on the evaluation tab, as the widget's slider makes
    // it: five changes, each followed by every chart of the tab.
    let dimensions = session.dataset.framework.dimensions.len();
    for step in 0..5 {
        let mut weights = vec![20.0; dimensions];
        weights[0] = 10.0 + 5.0 * step as f64;
        let t = Instant::now();
        session.set_weights(&weights).expect("weights");
        println!(
            "weight change {step}: settings {:5.1} ms{}",
            ms(t),
            evaluation_tab(&session)
        );
    }
    // The year slider moved back a year at a time, then zones chosen.
    let years = session.dataset.years.clone();
    for &year in years.iter().rev().skip(1).take(3) {
        let t = Instant::now();
        session.set_year(year);
        println!(
            "year {year}: settings {:5.1} ms{}",
            ms(t),
            evaluation_tab(&session)
        );
    }
    let ids: Vec<String> = session
        .dataset
        .zones
        .iter()
        .step_by(7)
        .take(3)
        .map(|z| z.id.clone())
        .collect();
    for id in ids {
        let t = Instant::now();
        session.set_zone(&id);
        println!(
            "zone {id}: settings {:5.1} ms{}",
            ms(t),
            evaluation_tab(&session)
        );
    }
}

/// Every chart of the evaluation tab: its view, its table, its drawing.
fn evaluation_tab(session: &Session) -> String {
    let mut line = String::new();
    for &chart in ChartId::ALL.iter().filter(|c| c.tab() == TabId::Evaluation) {
        let t = Instant::now();
        let view = session.view(chart);
        let built = ms(t);
        let t = Instant::now();
        let rows = view.table().rows.len();
        let table = ms(t);
        let t = Instant::now();
        zone_monitor::exercise::svg(view, 720, &style::LIGHT).unwrap_or_default();
        line += &format!(
            "; {} view {built:.1} table {table:.1} ({rows} rows) drawn {:.1}",
            chart.as_str(),
            ms(t)
        );
    }
    line
}
