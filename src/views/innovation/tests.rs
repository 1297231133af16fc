//! The innovation view on the bundled dataset: the figures of C14–C16 as the
//! report states them (docs/CLAIMS.md: below the province's average; county zones
//! without a national incubator; 19,000 invention patents), with the
//! dataset's own figures computed independently by tools/expected_values.py
//! (plain NumPy over www/data/zones.json, section "views/innovation").

use crate::i18n::Lang;
use crate::model::{Dataset, Level, Status};
use crate::views::testing::{build_in, bundled, state};

use super::{InnovationView, ValueFormat};

fn build(dataset: &Dataset, level: Option<Level>, lang: Lang) -> InnovationView {
    build_in(
        dataset,
        &state(dataset, 2022, level, Some(10), lang),
        InnovationView::build,
    )
}

#[test]
fn rows_follow_the_claims() {
    let view = build(&bundled(), None, Lang::En);
    let claims: Vec<Option<&str>> = view.rows.iter().map(|r| r.claim.as_deref()).collect();
    assert_eq!(
        claims,
        [
            Some("C14"),
            Some("C14"),
            Some("C14"),
            Some("C15"),
            Some("C16"),
            None,
            None,
            None,
            None
        ]
    );
    // Every row lists the 36 zones, lowest value first.
    for row in &view.rows {
        assert_eq!(row.points.len(), 36, "{}", row.label);
        assert!(row.points.windows(2).all(|w| w[0].value <= w[1].value));
    }
}

#[test]
fn c14_means_are_below_the_province() {
    let view = build(&bundled(), None, Lang::En);
    let college = &view.rows[0];
    assert_eq!(college.format, ValueFormat::Share);
    // tools/expected_values.py: mean 2022 college_staff_share over the 36
    // zones = 0.386444; the province's is 0.44 (reference_averages); 31 zones
    // below it. S&T staff: mean 12,077.7 vs 13,123, 27 below. Internal R&D
    // spending: mean 46.05 (CNY 100 million) = CNY 4.61 billion.
    assert!((college.average.unwrap() - 0.386444).abs() < 1e-5);
    assert_eq!(college.reference, Some(0.44));
    assert_eq!(
        college.note,
        "Mean 38.6%, below the province's 44.0% (illustrative); 31 of 36 zones below it (C14)"
    );
    assert_eq!(
        view.rows[1].note,
        "Mean 12,078 persons, below the province's 13,123 persons (illustrative); 27 of 36 zones below it (C14)"
    );
    assert!(
        view.rows[2].note.starts_with("Mean CNY 4.61 billion"),
        "{}",
        view.rows[2].note
    );
}

/// The bundled file's province averages are illustrative (made up, as its
/// zones' values are: reference_averages, status "illustrative"), and the
/// chart says so after each (C14's notes above, the tooltips, the summary,
/// the legend); one of them marked reported reads without the mark, and the
/// legend then says only some are illustrative. The figures are
/// tools/expected_values.py's (mean 38.6% of the 36 zones' 2022
/// college_staff_share) and the file's (the province's 0.44).
#[test]
fn an_illustrative_reference_average_says_so() {
    let mut dataset = bundled();
    let view = build(&dataset, None, Lang::Zh);
    assert_eq!(view.legend_reference, "全省平均（示意值）");
    assert!(
        view.summary
            .contains("大专以上学历人员占比均值38.6%（全省44.0%，示意值）"),
        "{}",
        view.summary
    );
    let row = &view.rows[0];
    let zone_k = row.points.iter().find(|p| p.zone == 10).unwrap();
    assert!(
        row.tooltip(zone_k, Lang::Zh)
            .ends_with("低于全省平均44.0%（示意值））"),
        "{}",
        row.tooltip(zone_k, Lang::Zh)
    );
    // The college-educated staff's average marked reported: its row
    // without the mark, the others with it.
    let college = dataset.indicator_index("college_staff_share").unwrap();
    for reference in &mut dataset.reference_averages {
        if reference.indicator == college {
            reference.figure.status = Status::Reported;
        }
    }
    let view = build(&dataset, None, Lang::En);
    assert_eq!(
        view.legend_reference,
        "the province's average (some illustrative)"
    );
    assert_eq!(
        view.rows[0].note,
        "Mean 38.6%, below the province's 44.0%; 31 of 36 zones below it (C14)"
    );
    assert!(
        view.rows[1].note.contains("13,123 persons (illustrative);"),
        "{}",
        view.rows[1].note
    );
    assert!(
        view.summary.contains("38.6% (the province: 44.0%)"),
        "{}",
        view.summary
    );
    assert!(
        view.summary
            .contains("(the province: 13,123 persons, illustrative)"),
        "{}",
        view.summary
    );
}

#[test]
fn c15_and_c16_are_said_in_words() {
    // tools/expected_values.py: 24 of the 36 zones have 0 national
    // incubators; the county-level national zones among them are 子高新区 and
    // 丑高新区; Σ 2022 invention_patents over the 12 national zones = 19,046.
    let view = build(&bundled(), None, Lang::Zh);
    assert_eq!(
        view.rows[3].note,
        "36家中24家没有国家级孵化器，其中县域国家高新区：子高新区、丑高新区（C15）"
    );
    assert_eq!(
        view.rows[4].note,
        "12家国家级高新区合计19,046件，报告为19,000件（C16）"
    );
    assert!(view.summary.contains("C14（与示意数据一致）"));
    assert!(view.summary.contains("C16（与示意数据一致）"));
}

#[test]
fn intensities_compare_with_the_zones_together() {
    let view = build(&bundled(), None, Lang::En);
    let rd = &view.rows[5];
    assert_eq!(rd.label, "Internal R&D spending / GDP");
    // tools/expected_values.py: R = 100 · Σ R&D / Σ GDP = 9.5353%, and 30 of
    // the 36 zones have 100 · R&D / GDP below it.
    assert!((rd.average.unwrap() - 9.5353).abs() < 1e-3);
    assert_eq!(rd.reference, None);
    assert_eq!(
        rd.note,
        "All zones together 9.5%; 30 of 36 zones below; the data has no average for the province"
    );
}

#[test]
fn tooltips_compare_with_both_averages() {
    let view = build(&bundled(), None, Lang::En);
    let row = &view.rows[0];
    let selected = row.points.iter().find(|p| p.selected).unwrap();
    assert_eq!(selected.zone, 10);
    // tools/expected_values.py: Zone K's (z11) college_staff_share = 0.342.
    assert_eq!(
        row.tooltip(selected, Lang::En),
        format!(
            "Zone K, {}: 34.2% (below the zones' mean 38.6%, below the province's average 44.0% (illustrative))",
            row.label
        )
    );
}

#[test]
fn a_level_keeps_its_dots_and_the_averages_of_all() {
    let all = build(&bundled(), None, Lang::En);
    let view = build(&bundled(), Some(Level::Regional), Lang::En);
    assert!(view.rows.iter().all(|r| r.points.len() == 24));
    assert_eq!(view.rows[0].average, all.rows[0].average);
    // Region-level zones have no national zones in counties to name: no C15.
    // tools/expected_values.py: 22 of the 24 regional zones have 0 national
    // incubators.
    assert_eq!(
        view.rows[3].note,
        "22 of 24 zones have no national incubator"
    );
}

#[test]
fn formats_read_as_people_write_them() {
    assert_eq!(ValueFormat::YiYuan.format(45.6, Lang::Zh), "45.6亿元");
    assert_eq!(
        ValueFormat::YiYuan.format(45.6, Lang::En),
        "CNY 4.56 billion"
    );
    assert_eq!(
        ValueFormat::YiYuan.format(440.5, Lang::En),
        "CNY 44.05 billion"
    );
    assert_eq!(ValueFormat::Percent.format(9.44, Lang::En), "9.4%");
    let persons = ValueFormat::Number {
        decimals: 0,
        unit: "persons".into(),
    };
    assert_eq!(persons.format(13007.0, Lang::En), "13,007 persons");
}

#[test]
fn table_has_a_line_per_dot() {
    let view = build(&bundled(), None, Lang::En);
    let table = view.table();
    assert_eq!(table.rows.len(), 9 * 36);
    assert_eq!(table.columns.len(), 5);
}

#[test]
fn a_missing_value_is_listed_not_drawn() {
    let mut dataset = bundled();
    let college = dataset.indicator_index("college_staff_share").unwrap();
    let year = dataset.year_index(2022).unwrap();
    dataset.columns[college][year].values[0] = None;
    let view = build(&dataset, None, Lang::En);
    assert_eq!(view.rows[0].points.len(), 35);
    assert_eq!(view.rows[0].missing, ["Zone A"]);
    assert!(
        view.rows[0].note.ends_with("; no data: Zone A"),
        "{}",
        view.rows[0].note
    );
    assert!(view
        .table()
        .rows
        .iter()
        .any(|r| r[1] == "Zone A" && r[2] == "no data"));
}

#[test]
fn a_year_without_data_says_so() {
    let view = build_in(
        &bundled(),
        &state(&bundled(), 1999, None, None, Lang::En),
        InnovationView::build,
    );
    assert!(view.rows.is_empty());
    assert_eq!(view.summary, "No innovation figures.");
}
