//! Golden SVG snapshots and hit-testing of the charts.
//!
//! A snapshot is the SVG a chart draws from a fixed view; it lives in
//! `tests/snapshots/<name>.svg`. A difference writes `<name>.new.svg` beside it
//! and fails; `UPDATE_SNAPSHOTS=1 cargo test` accepts the new drawing. Natively
//! plotters estimates text width with a fixed rule (no font files), so the SVG
//! is the same on every machine.

use std::path::PathBuf;

use plotters::prelude::{IntoDrawingArea, SVGBackend};

use super::shares;
use super::{Layout, Mark};
use crate::claims::evaluate;
use crate::i18n::Lang;
use crate::model::load;
use crate::views::shares::SharesView;

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
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
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

/// The shares view of the bundled dataset for 2022.
fn bundled_view(lang: Lang) -> SharesView {
    let dataset = load(include_str!("../../www/data/zones.json"))
        .expect("valid")
        .dataset;
    SharesView::build(&dataset, &evaluate(&dataset), 2022, lang)
}

#[test]
fn shares_snapshot_wide_and_narrow() {
    for (name, lang, width) in [
        ("shares-zh-wide", Lang::Zh, 720),
        ("shares-zh-narrow", Lang::Zh, 360),
        ("shares-en-wide", Lang::En, 720),
        ("shares-en-narrow", Lang::En, 360),
    ] {
        let view = bundled_view(lang);
        let height = shares::preferred_height(&view, width);
        let layout = snapshot(name, (width, height), |area| {
            shares::draw(area, &view).unwrap()
        });
        assert_eq!(layout.marks.len(), view.rows.len(), "one mark per row");
    }
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
    };
    // y = 14 is 4 px below mark 0 and 16 px above mark 1.
    assert_eq!(layout.hit(5, 14, 20).map(|m| m.datum), Some(0));
    assert_eq!(layout.hit(5, 26, 20).map(|m| m.datum), Some(1));
    assert_eq!(layout.hit(50, 14, 20), None);
}

mod evaluation;
