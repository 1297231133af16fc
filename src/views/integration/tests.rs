//! The integration in words, on the tiny dataset of the analysis tests
//! (values worked out by hand in `analysis::integration::tests`: z1 takes
//! over z3, similarity 1/√2 = 0.71; 2022 score 40 → 80, rank 3 → 1; Gini
//! of GDP 0.295 → 0.182, Theil T 0.146 → 0.062).

use super::*;
use crate::analysis::tests::{load, tiny_json};

#[test]
fn the_partners_say_why_they_are_offered() {
    let dataset = load(&tiny_json());
    let zh = choices(&dataset, 0, Lang::Zh);
    assert_eq!(zh[0].0, "z3");
    assert!(
        zh[0].1.ends_with("同一都市区（都市圈）、产业相似度0.71"),
        "{}",
        zh[0].1
    );
    let en = choices(&dataset, 0, Lang::En);
    assert!(
        en[1]
            .1
            .ends_with("same metro area (Metro), industry similarity —"),
        "{}",
        en[1].1
    );
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
