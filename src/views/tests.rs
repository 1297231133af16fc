//! Every chart's table written a page at a time (`View::rows`,
//! `Rows::page`: what the page asks for, `Widget.table_page`) against the
//! whole table (`View::table`: the CSV's and print's, whose figures each
//! view's own tests check by hand).

use super::session::Session;
use super::ChartId;
use crate::i18n::Lang;
use crate::model::load;

/// The charts whose table has a row per zone (or more: the innovation
/// strips' a row per zone and quantity): written a page at a time, each
/// row on demand.
const PER_ZONE: &[ChartId] = &[
    ChartId::Ranking,
    ChartId::Stability,
    ChartId::Lorenz,
    ChartId::Scatter,
    ChartId::Industries,
    ChartId::Similarity,
    ChartId::Innovation,
    ChartId::Trends,
    ChartId::Benchmarks,
    ChartId::NationalBands,
    ChartId::Bump,
];

/// Pages of 7 rows, one after another, are the whole table row for row,
/// with its caption and columns, each saying where it starts and the
/// whole table's count; a page from an unaligned row (3) is rows 3–9; a
/// start past the end gives the last page, aligned to 7 (as the page
/// turns them). Every chart, in both languages, with no zone and with a
/// zone selected, and on the national level. The bundled file makes two
/// pages or more of each per-zone table (checked; the national bands'
/// 12 national zones, the others' 36 zones or more: the pages cross the
/// innovation strips' quantities and the benchmarks' bars and zones),
/// and the tables below a page (the shares, a profile) come out whole
/// the same way.
#[test]
fn a_page_of_every_chart_s_table_is_those_rows_of_the_whole_table() {
    let loaded =
        load(include_str!("../../www/data/zones.json")).expect("the bundled dataset is valid");
    let mut pages = 0;
    for lang in [Lang::Zh, Lang::En] {
        let mut session = Session::new(loaded.clone(), lang);
        for step in 0..3 {
            match step {
                1 => assert!(session.set_zone("z03")),
                2 => assert!(session.set_level("national")),
                _ => {}
            }
            for &id in ChartId::ALL {
                let view = session.view(id);
                let whole = view.table();
                let len = whole.rows.len();
                let said = format!("{id:?} ({lang:?}, step {step})");
                if PER_ZONE.contains(&id) && step < 2 {
                    assert!(len > 7, "{said}: {len} rows, a page");
                }
                let mut rows = Vec::new();
                for from in (0..len).step_by(7) {
                    let page = view.rows().page(from, 7);
                    assert_eq!((page.from, page.total), (from, len), "{said}");
                    assert_eq!(page.table.caption, whole.caption, "{said}");
                    assert_eq!(page.table.columns, whole.columns, "{said}");
                    assert_eq!(page.table.rows.len(), 7.min(len - from), "{said}");
                    rows.extend(page.table.rows);
                    pages += 1;
                }
                assert_eq!(rows, whole.rows, "{said}: the pages in turn");
                if len > 10 {
                    let page = view.rows().page(3, 7);
                    assert_eq!(page.table.rows, whole.rows[3..10], "{said}: rows 3-9");
                }
                let last = view.rows().page(len + 100, 7);
                let start = len.saturating_sub(1) / 7 * 7;
                assert_eq!((last.from, last.total), (start, len), "{said}");
                assert_eq!(
                    last.table.rows,
                    whole.rows[start..],
                    "{said}: the last page"
                );
            }
        }
    }
    assert!(pages > 300, "{pages} pages compared");
}
