use super::*;
use crate::model::load;
use crate::views::Table;

#[test]
fn zone_table_has_every_zone_and_indicator() {
    let dataset = load(include_str!("../../../www/data/zones.json"))
        .expect("valid")
        .dataset;
    let table = zone_table(&dataset, 2022, Lang::Zh);
    // Each zone, then its sub-parks: 36 zones and 22 sub-parks in the
    // bundled file (C1 counts them: "22 ≥ 20").
    assert_eq!(table.rows.len(), 36 + 22);
    assert_eq!(table.rows[1][0], "└ 甲高新区一园");
    assert_eq!(table.rows[1][1], "分园区");
    assert_eq!(table.rows[1][3], "");
    assert_eq!(table.rows[1][4], "计入甲高新区");
    assert_eq!(table.columns.len(), 3 + 2 * dataset.indicators.len());
    assert!(table.rows.iter().all(|r| r.len() == table.columns.len()));
    // Each value beside its status, a column each; zone-level values of the
    // bundled data are illustrative, and say so.
    assert_eq!(table.columns[3], "地区生产总值（亿元）");
    assert_eq!(table.columns[4], "地区生产总值·状态");
    assert_eq!(table.rows[0][4], "示意");
}

/// One precision per column, shares as percentages, and headers without
/// nested brackets. Expected from www/data/zones.json read with Python:
/// zone z01 in 2022 has GDP 3054, revenue 9702.9, a bachelor share of
/// 0.344 and energy use 0.233; the 36 zones' GDPs need one decimal at most,
/// their energy use three, their land (z01: 420 km²) one.
#[test]
fn one_precision_per_indicator_and_plain_headers() {
    let dataset = load(include_str!("../../../www/data/zones.json"))
        .expect("valid")
        .dataset;
    let table = zone_table(&dataset, 2022, Lang::En);
    let cell = |column: &str| {
        let at = table.columns.iter().position(|c| c == column);
        table.rows[0][at.unwrap_or_else(|| panic!("no column {column}: {:?}", table.columns))]
            .as_str()
    };
    assert_eq!(cell("Land (km²)"), "420.0");
    assert_eq!(cell("GDP (CNY 100 million)"), "3,054.0");
    assert_eq!(cell("GDP: status"), "illustrative");
    assert_eq!(cell("Operating revenue (CNY 100 million)"), "9,702.9");
    assert_eq!(
        cell("Share of staff with a bachelor's degree or above (%)"),
        "34.4"
    );
    let energy = "Energy use per unit of value added (t of standard coal per CNY 10,000)";
    assert_eq!(cell(energy), "0.233");
    for column in &table.columns {
        assert!(
            column.matches(['(', '（']).count() <= 1,
            "nested brackets: {column}"
        );
    }
}

#[test]
fn csv_quotes_what_needs_quoting() {
    // Worked by hand from RFC 4180.
    let table = Table {
        caption: "ignored".into(),
        columns: vec!["name".into(), "value".into()],
        rows: vec![
            vec!["a, \"b\"".into(), "1,234".into()],
            vec!["高新区".into(), "5".into()],
        ],
    };
    assert_eq!(
        table.to_csv(""),
        "\u{feff}name,value\r\n\"a, \"\"b\"\"\",\"1,234\"\r\n高新区,5\r\n"
    );
}

#[test]
fn csv_starts_with_the_notice_as_one_field() {
    // Worked by hand from RFC 4180: the notice's comma quotes it whole.
    let table = Table {
        caption: String::new(),
        columns: vec!["name".into(), "value".into()],
        rows: vec![vec!["a".into(), "1".into()]],
    };
    assert_eq!(
        table.to_csv("Illustrative data: 2 of 2, made up."),
        "\u{feff}\"Illustrative data: 2 of 2, made up.\"\r\nname,value\r\na,1\r\n"
    );
}

#[test]
fn csv_defuses_formulas_but_keeps_negative_numbers() {
    // Worked by hand: a zone named "=HYPERLINK(1)" must not run in a
    // spreadsheet; "-12.5" is a number and stays one.
    let table = Table {
        caption: String::new(),
        columns: vec!["name".into(), "change".into()],
        rows: vec![
            vec!["=HYPERLINK(1)".into(), "-12.5".into()],
            vec!["@SUM".into(), "-x".into()],
            vec!["+1".into(), "+".into()],
        ],
    };
    assert_eq!(
        table.to_csv(""),
        "\u{feff}name,change\r\n'=HYPERLINK(1),-12.5\r\n'@SUM,'-x\r\n'+1,'+\r\n"
    );
}

/// The tab's pages, one after another, are the whole table (the CSV's),
/// row for row; the total counts zones and sub-parks (36 + 22 in the
/// bundled file, as above); the second row is the first zone's first
/// sub-park, so a page from row 1 starts with it; a start past the end
/// gives the last page.
#[test]
fn pages_make_up_the_whole_table() {
    let dataset = load(include_str!("../../../www/data/zones.json"))
        .expect("valid")
        .dataset;
    let whole = zone_table(&dataset, 2022, Lang::En);
    let mut rows = Vec::new();
    let mut from = 0;
    loop {
        let page = zone_table_page(&dataset, 2022, Lang::En, from, 10);
        assert_eq!(page.total, 58);
        assert_eq!(page.from, from);
        assert_eq!(page.table.columns, whole.columns);
        assert_eq!(page.table.caption, whole.caption);
        assert!(page.table.rows.len() <= 10);
        rows.extend(page.table.rows);
        from += 10;
        if from >= 58 {
            break;
        }
    }
    assert_eq!(rows, whole.rows);
    let second = zone_table_page(&dataset, 2022, Lang::Zh, 1, 3);
    assert_eq!(second.table.rows.len(), 3);
    assert_eq!(second.table.rows[0][0], "└ 甲高新区一园");
    // Past the end: the last page of 10, rows 51–58.
    let last = zone_table_page(&dataset, 2022, Lang::En, 5_000, 10);
    assert_eq!((last.from, last.table.rows.len()), (50, 8));
    assert_eq!(last.table.rows[..], whole.rows[50..]);
}
