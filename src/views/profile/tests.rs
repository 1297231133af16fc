//! The profile view on the tiny dataset of the analysis tests, worked out by
//! hand. 2022, framework weights a 60 / b 40, min-max: gdp [10, 20, 30, 50]
//! → sub-scores a = [0, 25, 50, 100]; hte [40, 0, 20, 10] → b = [100, 0,
//! 50, 25]; composite = [40, 15, 50, 70]. Every mean over the four zones is
//! 175 / 4 = 43.75.

use super::*;
use crate::analysis::evaluation::EvaluationSettings;
use crate::analysis::tests::tiny;
use crate::views::testing::{build_in, evaluating, state};

fn close(got: Option<f64>, want: f64) {
    let got = got.expect("a value");
    assert!((got - want).abs() < 1e-9, "{got} vs {want}");
}

#[test]
fn the_selected_zone_against_the_average_by_hand() {
    let dataset = tiny();
    let view = build_in(
        &dataset,
        &state(&dataset, 2022, None, Some(1), Lang::Zh),
        ProfileView::build,
    );
    assert_eq!(view.zone, Some(1));
    assert_eq!(view.title, "z2区各维度得分与平均（2022年）");
    let labels: Vec<&str> = view.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["综合得分", "甲（60%）", "乙（40%）"]);
    close(view.rows[0].score, 15.0);
    close(view.rows[1].score, 25.0);
    close(view.rows[2].score, 0.0);
    for row in &view.rows {
        close(row.average, 43.75);
    }
    assert_eq!(view.rows[0].rank, Some(4));
    assert_eq!(view.rows[1].rank, Some(3));
    assert_eq!(
        view.rows[1].tooltip,
        "甲（60%）：z2区 25.0（第3名，共4个），全部园区平均 43.8"
    );
    assert_eq!(
        view.summary,
        "z2区2022年综合得分15.0（第4名，共4个），低于全部园区平均（43.8）。\
         最强的维度是甲（25.0，第3名），最弱的是乙（0.0，第4名）；2个维度中有0个不低于平均。"
    );
    assert_eq!(view.note, "最小-最大标准化、指标体系权重、加权求和。");
}

#[test]
fn without_a_selection_the_leader_and_the_level_average() {
    let dataset = tiny();
    // Region-level zones: z3 (50) and z4 (70); the leader is z4.
    let view = build_in(
        &dataset,
        &state(&dataset, 2022, Some(Level::Regional), None, Lang::En),
        ProfileView::build,
    );
    assert_eq!(view.zone, Some(3));
    assert!(view
        .note
        .starts_with("No zone selected: showing the leader, Zone z4."));
    assert_eq!(view.legend_average, "average of the region-level zones");
    close(view.rows[0].average, 60.0); // (50 + 70) / 2
    close(view.rows[1].average, 75.0); // a: (50 + 100) / 2
    close(view.rows[2].average, 37.5); // b: (50 + 25) / 2
    let table = view.table();
    assert_eq!(table.rows[1], ["A", "60.0%", "100.0", "1st", "75.0"]);
}

#[test]
fn a_failed_evaluation_is_said() {
    let dataset = tiny();
    let settings = EvaluationSettings {
        weighting: crate::analysis::evaluation::EvaluationWeighting::Dimensions { weights: vec![] },
        ..EvaluationSettings::default()
    };
    let view = build_in(
        &dataset,
        &evaluating(&dataset, &settings, Lang::Zh),
        ProfileView::build,
    );
    assert!(view.rows.is_empty());
    assert!(view.error.is_some());
}

/// 甲高新区 of the bundled file: its leading industries by name, and its
/// four sub-parks by hand: 40.2 + 19.1 + 37.8 + 49.2 = 146.3 km² of its
/// 420 km² (34.8%), so its core without them is 273.7 km².
#[test]
fn the_profile_names_industries_and_sub_parks() {
    let dataset = crate::views::testing::bundled();
    let view = build_in(
        &dataset,
        &state(&dataset, 2022, None, Some(0), Lang::Zh),
        ProfileView::build,
    );
    assert!(
        view.summary
            .contains("主导产业：专汽及零部件、新材料和节能环保。"),
        "{}",
        view.summary
    );
    assert!(
        view.summary
            .contains("一区多园：含4个分园区，甲高新区一园（40.2平方千米，专汽及零部件）"),
        "{}",
        view.summary
    );
    assert!(view.summary.contains("分园区面积合计146.3平方千米，占全区420.0平方千米的34.8%，不含分园区的核心区273.7平方千米"), "{}", view.summary);
    // A zone without sub-parks says nothing of them.
    let z13 = build_in(
        &dataset,
        &state(&dataset, 2022, None, Some(12), Lang::En),
        ProfileView::build,
    );
    assert!(
        z13.summary.contains("Leading industries:"),
        "{}",
        z13.summary
    );
    assert!(!z13.summary.contains("sub-park"), "{}", z13.summary);
}
