//! The Theil view on the bundled dataset. Expected figures are computed
//! independently by tools/expected_values.py (plain NumPy over
//! www/data/zones.json, section "views/theil"): Theil T and L of 2022 GDP
//! over the 36 zones and their between-group parts by level and by metro
//! area, from the textbook formulas.

use crate::i18n::Lang;
use crate::metrics::inequality::TheilKind;
use crate::model::Level;
use crate::views::testing::{build_in, bundled, state};

use super::TheilView;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-4
}

#[test]
fn splits_by_level_and_by_area() {
    let view = build_in(
        &bundled(),
        &state(&bundled(), 2022, None, None, Lang::En),
        TheilView::build,
    );
    let labels: Vec<&str> = view.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "By level · Theil T",
            "By level · Theil L",
            "By area · Theil T",
            "By area · Theil L"
        ]
    );
    let t = &view.rows[0];
    assert_eq!(t.kind, TheilKind::T);
    // tools/expected_values.py: Theil T = 0.524446, between levels = 0.260572;
    // the 12 national zones hold 0.687267 of the GDP; between metro areas
    // (T) = 0.073394.
    assert!(close(t.total.unwrap(), 0.5244) && close(t.between, 0.2606));
    assert_eq!(t.groups.len(), 2);
    assert_eq!(
        (t.groups[0].name.as_str(), t.groups[0].zones),
        ("national", 12)
    );
    assert!(close(t.groups[0].value_share, 0.6873));
    let area_t = &view.rows[2];
    assert!(close(area_t.between, 0.0734));
    // Between + within = total, segment by segment (exact decomposition).
    for row in &view.rows {
        let sum: f64 = row.segments(Lang::En).iter().map(|s| s.value).sum();
        assert!(close(sum, row.total.unwrap()), "{}", row.label);
        assert!(close(
            row.within().unwrap() + row.between,
            row.total.unwrap()
        ));
    }
}

#[test]
fn summary_gives_the_between_shares() {
    // tools/expected_values.py: between levels 0.260572 / 0.524446 = 49.7%,
    // between areas 0.073394 / 0.524446 = 14.0% of Theil T.
    let en = build_in(
        &bundled(),
        &state(&bundled(), 2022, None, None, Lang::En),
        TheilView::build,
    );
    assert!(
        en.summary.starts_with(
            "In 2022 the Theil T of GDP over the 36 zones is 0.52: 50% lies between levels \
             and 50% within them; 14% lies between areas and 86% within them."
        ),
        "{}",
        en.summary
    );
    let zh = build_in(
        &bundled(),
        &state(&bundled(), 2022, None, None, Lang::Zh),
        TheilView::build,
    );
    assert!(zh.summary.contains("级别之间的差距占50%"), "{}", zh.summary);
    assert!(zh.summary.contains("区域之间的差距占14%"));
}

#[test]
fn a_level_drops_the_split_by_level() {
    let view = build_in(
        &bundled(),
        &state(&bundled(), 2022, Some(Level::Regional), None, Lang::Zh),
        TheilView::build,
    );
    assert_eq!(view.rows.len(), 2);
    assert!(view.rows.iter().all(|r| r.label.starts_with("按区域")));
    let zones: usize = view.rows[0].groups.iter().map(|g| g.zones).sum();
    assert_eq!(zones, 24);
}

#[test]
fn a_year_without_data_says_so() {
    let view = build_in(
        &bundled(),
        &state(&bundled(), 1999, None, None, Lang::En),
        TheilView::build,
    );
    assert!(view.rows.iter().all(|r| r.total.is_none()));
    assert!(
        view.summary.starts_with("No data to split."),
        "{}",
        view.summary
    );
    let table = view.table();
    assert!(table.rows.iter().all(|r| r[1].starts_with("undefined")));
}

#[test]
fn table_lists_total_and_parts() {
    let view = build_in(
        &bundled(),
        &state(&bundled(), 2022, None, None, Lang::En),
        TheilView::build,
    );
    let table = view.table();
    // Per row: the total, the between part and one line per group.
    assert_eq!(table.rows.len(), 2 * (2 + 2) + 2 * (2 + 3));
    // tools/expected_values.py: Theil T = 0.524446, between levels = 0.260572.
    assert_eq!(table.rows[0][2], "0.524");
    assert_eq!(table.rows[1][1], "between groups");
    assert_eq!(table.rows[1][2], "0.261");
    assert_eq!(table.rows[2][1], "within national");
}
