//! The integration in words, on the tiny dataset of the analysis tests
//! (values worked out by hand in `analysis::integration::tests`: z1 takes
//! over z3, similarity 1/√2 = 0.71; 2022 score 40 → 80, rank 3 → 1; Gini
//! of GDP 0.295 → 0.182, Theil T 0.146 → 0.062).

use super::*;
use crate::analysis::tests::{load, tiny_json};

#[test]
fn the_partners_say_why_they_are_offered() {
    let dataset = load(&tiny_json());
    let zh = choices(&dataset, 0, &[], Lang::Zh);
    assert_eq!(zh[0].0, "z3");
    assert!(
        zh[0].1.ends_with("同一区域（都市圈）、产业相似度0.71"),
        "{}",
        zh[0].1
    );
    let en = choices(&dataset, 0, &[], Lang::En);
    assert!(
        en[1]
            .1
            .ends_with("same area (Metro), industry similarity —"),
        "{}",
        en[1].1
    );
}

/// What the control says while it offers no partner, on the tiny dataset
/// (analysis::tests::tiny_json): z1 is national with partners; z2 national
/// in no area; z3 regional.
#[test]
fn the_hint_says_why_no_partner_is_offered() {
    let dataset = load(&tiny_json());
    assert!(hint(&dataset, None, Lang::Zh).starts_with("先选择一个国家级高新区，"));
    assert!(choices(&dataset, 1, &[], Lang::En).is_empty());
    assert_eq!(
        hint(&dataset, Some(2), Lang::En),
        "Zone z3 is not a national zone: select a national zone."
    );
    assert_eq!(
        hint(&dataset, Some(1), Lang::Zh),
        "z2区不属于任何区域，没有可并入的市级高新区。"
    );
    assert_eq!(
        hint(&dataset, Some(1), Lang::En),
        "Zone z2 is in no area: there is no region-level zone to take over."
    );
}

#[test]
fn a_weighted_mean_names_its_weight_in_lower_case() {
    // "Employees" in the data; after "mean weighted by" it is a common noun.
    let dataset = crate::views::testing::bundled();
    let by = Combination::WeightedBy("employees".into());
    assert_eq!(how(&dataset, &by, Lang::En), "mean weighted by employees");
    assert_eq!(how(&dataset, &by, Lang::Zh), "按从业人员加权平均");
}

#[test]
fn the_sentence_and_table_by_hand() {
    let mut dataset = load(&tiny_json());
    let gdp = dataset.indicator_index("gdp").expect("gdp");
    let result = compute(
        &mut dataset,
        &EvaluationSettings::default(),
        (0, 2),
        2022,
        gdp,
    )
    .expect("integrates");
    let zh = summary(&dataset, &result, Lang::Zh);
    assert!(zh.contains("2022年合并后得分80.0，排第1名"), "{zh}");
    assert!(zh.contains("原第3名"), "{zh}");
    assert!(zh.contains("参评4家→3家"), "{zh}");
    assert!(zh.contains("另有2家园区名次变化"), "{zh}");
    assert!(
        zh.contains("基尼系数0.295→0.182，泰尔指数T 0.146→0.062"),
        "{zh}"
    );
    let en = summary(&dataset, &result, Lang::En);
    assert!(en.contains("scores 80.0 and ranks 1st"), "{en}");
    assert!(en.contains("2 other zones change rank"), "{en}");
    let table = table(&dataset, &result, Lang::En);
    assert_eq!(table.columns, ["Item", "Before", "After", "Note"]);
    assert_eq!(
        table.rows[0][1..3],
        ["40.0".to_string(), "80.0".to_string()]
    );
    let merged = table
        .rows
        .iter()
        .find(|r| r[3] == "merged")
        .expect("the partner's row");
    assert_eq!(merged[1..3], ["2nd".to_string(), "—".to_string()]);
}

/// Bundled data, Zone E takes over Zone AD (22nd of 35 in 2022): the 13
/// zones ranked 23rd–35th each move up one place only because one zone
/// fewer is ranked (counted from the ranks: 35 − 22 = 13), and no other
/// zone moves, so the sentence says "all 13".
#[test]
fn all_the_other_moves_are_one_place_up() {
    let mut dataset = crate::views::testing::bundled();
    let gdp = dataset.indicator_index("gdp").expect("gdp");
    let pair = (dataset.zone_index("z05"), dataset.zone_index("z30"));
    let pair = (pair.0.expect("z05"), pair.1.expect("z30"));
    let result = compute(
        &mut dataset,
        &EvaluationSettings::default(),
        pair,
        2022,
        gdp,
    )
    .expect("integrates");
    let en = summary(&dataset, &result, Lang::En);
    assert!(
        en.contains("13 other zones change rank (all 13 only up one place"),
        "{en}"
    );
    assert!(en.ends_with("The ranking chart shows the ranking without the integration."));
    let zh = summary(&dataset, &result, Lang::Zh);
    assert!(
        zh.contains("另有13家园区名次变化（均只因少了一家参评而前移一位）"),
        "{zh}"
    );
}
