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
    assert_eq!(table.rows[1][3], "计入甲高新区");
    assert_eq!(table.columns.len(), 3 + dataset.indicators.len());
    assert!(table.rows.iter().all(|r| r.len() == table.columns.len()));
    // Zone-level values of the bundled data are illustrative, and say so.
    assert!(table.rows[0][3].ends_with("示意"), "{}", table.rows[0][3]);
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
        table.to_csv(),
        "\u{feff}name,value\r\n\"a, \"\"b\"\"\",\"1,234\"\r\n高新区,5\r\n"
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
        table.to_csv(),
        "\u{feff}name,change\r\n'=HYPERLINK(1),-12.5\r\n'@SUM,'-x\r\n'+1,'+\r\n"
    );
}
