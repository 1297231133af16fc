//! The areas view of the bundled dataset. Expected shares: `zone-monitor
//! report --area metro --json`'s `areas` section is the same analysis, so
//! these come from plain Python over www/data/zones.json instead (sums of
//! the zones' 2022 values by `metro_area`, over the sums of all 36): the
//! metro area holds 48.9% of GDP, 50.3% of high-tech value added, 47.6% of
//! the enterprises and 45.1% of the land; its national zones are 甲, 乙 and 丙.
//! The between-area share of the Theil T of GDP (same script, Theil's
//! formula written out): 13.2% in 2018, 14.0% in 2022.

use super::*;
use crate::views::testing::{build_in, bundled, latest, state};

fn view(lang: Lang) -> AreasView {
    let dataset = bundled();
    build_in(
        &dataset,
        &state(&dataset, latest(&dataset), None, None, lang),
        AreasView::build,
    )
}

#[test]
fn the_metro_area_leads_with_its_three_national_zones() {
    let v = view(Lang::Zh);
    assert_eq!(v.rows.len(), 3);
    let metro = &v.rows[0];
    assert!(metro.leading);
    assert!(v.rows[1..].iter().all(|r| !r.leading));
    let shown: Vec<String> = metro
        .shares
        .iter()
        .map(|s| percent(s.expect("a share"), 1))
        .collect();
    assert_eq!(shown, ["45.1%", "48.9%", "50.3%", "47.6%"]);
    assert!(
        metro
            .note
            .starts_with("11个园区，领头雁：甲高新区、乙高新区和丙高新区"),
        "{}",
        metro.note
    );
    assert_eq!(v.between.len(), 5, "one bar per year 2018–2022");
    let between = |k: usize| v.between[k].1.map(|s| percent(s, 1));
    assert_eq!(
        (between(0), between(4)),
        (Some("13.2%".into()), Some("14.0%".into()))
    );
}

#[test]
fn shares_add_up_over_the_areas_and_the_table_has_every_row() {
    for lang in [Lang::Zh, Lang::En] {
        let v = view(lang);
        for m in 0..v.measures.len() {
            let sum: f64 = v.rows.iter().map(|r| r.shares[m].expect("a share")).sum();
            assert!((sum - 1.0).abs() < 1e-9, "{}: {sum}", v.measures[m]);
        }
        let table = v.table();
        assert_eq!(table.rows.len(), 3 + 5);
        assert!(table.rows.iter().all(|r| r.len() == table.columns.len()));
        assert!(v.summary.ends_with(lang.pick("。", ".")), "{}", v.summary);
    }
}
