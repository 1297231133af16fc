//! Where the time goes at national scale, natively: loads FILE (a
//! `make-dataset --zones N` file), then builds and draws (SVG, as the export)
//! every chart, printing the time of each step; then the reader's controls
//! (year, zone, level, area, indicator), each followed by every chart of the
//! tab it is used on built and drawn again. For profiling (`perf record
//! target/release/examples/scale FILE`); the browser figures are
//! tests/e2e/bench-scale.mjs's (`./build.sh bench`).
//!
//!     cargo run --release --example scale -- FILE [CHART...]

use std::time::Instant;
use zone_monitor::charts::style;
use zone_monitor::i18n::Lang;
use zone_monitor::views::session::Session;
use zone_monitor::views::ChartId;

/// A control the reader moves; true when the session took it.
type Step = dyn Fn(&mut Session) -> bool;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: scale FILE [CHART...]");
        std::process::exit(2);
    };
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let t = Instant::now();
    let loaded = zone_monitor::model::load_bytes(&bytes).unwrap_or_else(|p| panic!("{}", p.0[0]));
    println!("load_bytes {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let mut session = Session::new(loaded, Lang::Zh);
    println!(
        "Session::new (claims) {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    for &chart in ChartId::ALL {
        if args.len() > 1 && !args[1..].iter().any(|a| a == chart.as_str()) {
            continue;
        }
        let t = Instant::now();
        let view = session.view(chart);
        let built = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let svg = zone_monitor::exercise::svg(view, 720, &style::LIGHT).unwrap_or_default();
        println!(
            "{:16} view {built:6.0} ms, drawn {:6.0} ms ({} KB of SVG)",
            chart.as_str(),
            t.elapsed().as_secs_f64() * 1e3,
            svg.len() / 1000
        );
    }

    if args.len() > 1 {
        return;
    }
    let year = session.state().year;
    let zone = session.dataset.zones[0].id.clone();
    let area = session.dataset.metro_areas.first().map(|a| a.id.clone());
    let indicator = session.dataset.indicators.last().map(|i| i.id.clone());
    let steps: Vec<(&str, &str, Box<Step>)> = vec![
        (
            "year −1",
            "imbalance",
            Box::new(move |s| s.set_year(year - 1)),
        ),
        (
            "zone chosen",
            "imbalance",
            Box::new(move |s| s.set_zone(&zone)),
        ),
        (
            "level national",
            "imbalance",
            Box::new(|s| s.set_level("national")),
        ),
        (
            "area",
            "imbalance",
            Box::new(move |s| s.set_area(area.as_deref().unwrap_or(""))),
        ),
        ("area all", "imbalance", Box::new(|s| s.set_area(""))),
        ("level all", "imbalance", Box::new(|s| s.set_level(""))),
        (
            "indicator",
            "innovation",
            Box::new(move |s| s.set_indicator(indicator.as_deref().unwrap_or(""))),
        ),
        ("zone cleared", "innovation", Box::new(|s| s.set_zone(""))),
    ];
    for (name, tab, step) in steps {
        session.set_tab(tab);
        let charts: Vec<ChartId> = ChartId::ALL
            .iter()
            .copied()
            .filter(|c| c.tab().as_str() == tab)
            .collect();
        for &chart in &charts {
            session.view(chart);
        }
        let t = Instant::now();
        let changed = step(&mut session);
        assert!(changed, "{name}: the session refused it");
        let mut each = Vec::new();
        for &chart in &charts {
            let c = Instant::now();
            let view = session.view(chart);
            let built = c.elapsed().as_secs_f64() * 1e3;
            let c = Instant::now();
            let _ = zone_monitor::exercise::svg(view, 720, &style::LIGHT);
            each.push(format!(
                "{} {built:.0}+{:.0}",
                chart.as_str(),
                c.elapsed().as_secs_f64() * 1e3
            ));
        }
        println!(
            "{name:16} ({tab}) {:6.0} ms: {} (view+drawn ms)",
            t.elapsed().as_secs_f64() * 1e3,
            each.join(", ")
        );
    }
}
