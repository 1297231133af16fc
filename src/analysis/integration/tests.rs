//! Integration on the tiny dataset, every expected value worked out by hand
//! (docs/METRICS.md, "Integration", writes the same case out).
//!
//! The tiny file (analysis::tests::tiny_json): z1 national in the metro area,
//! mix [1, 0]; z2 national outside; z3 region-level in the area, mix [1, 1];
//! z4 region-level in the area, no mix. Its share "rd" is renamed
//! `rd_staff_share` here so that it has a known denominator (employees).
//!
//! z1 takes over z3. Partners of z1: z3 (cosine [1,0]·[1,1] / (1·√2) =
//! 1/√2 = 0.70711), then z4 (no mix, no similarity).
//!
//! 2022 combined: gdp 10 + 30 = 40; hte 40 + 20 = 60; employees 1000 +
//! 1000 = 2000; rd_staff_share (0.03·1000 + 0.02·1000) / 2000 = 0.025.
//!
//! Evaluation after (framework 60/40, min-max over z1, z2, z4):
//! 2022 gdp [40, 20, —, 50] → [2/3, 0, —, 1]; hte [60, 0, —, 10] → [1, 0,
//! —, 1/6]; scores 100·(0.6 g + 0.4 h) = [80, 0, —, 66.667]: ranks z1 1,
//! z4 2, z2 3. Before (analysis::evaluation::tests): scores [40, 15, 50,
//! 70], ranks [3, 4, 2, 1]. So every zone moves: z1 3 → 1, z2 4 → 3, z3
//! 2 → out, z4 1 → 2.
//!
//! Gini of gdp 2022, G = Σ_i Σ_j |x_i − x_j| / (2 n² μ): before [10, 20,
//! 30, 50], Σ|·| = 2·130 = 260, 2·16·27.5 = 880: 0.295455; after [40, 20,
//! 50]: 2·60 / (2·9·36.667) = 120/660 = 0.181818. Theil T = (1/n) Σ (x/μ)
//! ln(x/μ): before 0.145610, after 0.062414.

use super::*;
use crate::analysis::tests::{close, load, tiny_json};
use serde_json::Value;

fn tiny_with_shares() -> Dataset {
    let mut json = tiny_json();
    let rename = |v: &mut Value| {
        if v == "rd" {
            *v = Value::from("rd_staff_share");
        }
    };
    for indicator in json["indicators"].as_array_mut().expect("indicators") {
        rename(&mut indicator["id"]);
    }
    for section in ["observations", "reference_averages"] {
        for row in json[section].as_array_mut().expect("rows") {
            rename(&mut row["indicator"]);
        }
    }
    load(&json)
}

fn index(dataset: &Dataset, id: &str) -> usize {
    dataset.indicator_index(id).expect("indicator")
}

#[test]
fn partners_are_the_region_level_zones_of_the_metro_area_most_similar_first() {
    let dataset = tiny_with_shares();
    let found = partners(&dataset, 0, &[]);
    let ids: Vec<&str> = found.iter().map(|p| p.zone_id.as_ref()).collect();
    assert_eq!(ids, ["z3", "z4"]);
    close("similarity z1–z3", found[0].similarity, 1.0 / 2f64.sqrt());
    assert_eq!(found[1].similarity, None, "z4 has no industry mix");
    assert!(
        partners(&dataset, 1, &[]).is_empty(),
        "z2 is in no metro area"
    );
    assert!(partners(&dataset, 2, &[]).is_empty(), "z3 is not national");
}

#[test]
fn combined_values_by_hand() {
    let dataset = tiny_with_shares();
    let merged = integrated(&dataset, 0, 2).expect("integrates");
    let at = |id: &str, zone: usize| merged[index(&dataset, id)][1].values[zone];
    close("gdp", at("gdp", 0), 40.0);
    close("hte", at("hte", 0), 60.0);
    close("employees", at("employees", 0), 2000.0);
    close("rd_staff_share", at("rd_staff_share", 0), 0.025);
    assert_eq!(at("gdp", 2), None, "the partner leaves the columns");
    // Both values are illustrative in the tiny file: so is their sum.
    assert_eq!(
        merged[index(&dataset, "gdp")][1].status[0],
        Some(Status::Illustrative)
    );
    assert_eq!(
        combination(&dataset, index(&dataset, "rd_staff_share")),
        Combination::WeightedBy("employees".into())
    );
    assert_eq!(
        combination(&dataset, index(&dataset, "gdp")),
        Combination::Sum
    );
}

#[test]
fn combine_sums_and_weights_by_the_denominator() {
    let by = Combination::WeightedBy("employees".into());
    // 10% of 100 people and 40% of 300: 130 of 400 = 32.5%, not the plain
    // mean 25%.
    close(
        "weighted",
        combine(&by, (Some(0.1), Some(0.4)), (Some(100.0), Some(300.0))),
        0.325,
    );
    assert_eq!(
        combine(&by, (Some(0.1), Some(0.4)), (Some(100.0), None)),
        None
    );
    assert_eq!(
        combine(&by, (Some(0.1), Some(0.4)), (Some(0.0), Some(0.0))),
        None
    );
    close(
        "sum",
        combine(&Combination::Sum, (Some(2.0), Some(3.5)), (None, None)),
        5.5,
    );
    assert_eq!(
        combine(&Combination::Sum, (Some(2.0), None), (None, None)),
        None
    );
    assert_eq!(
        combine(&Combination::Unknown, (Some(2.0), Some(3.0)), (None, None)),
        None
    );
}

#[test]
fn a_share_without_a_known_denominator_is_left_missing() {
    // In the tiny file as it is, "rd" is a share the table does not know.
    let dataset = load(&tiny_json());
    let rd = index(&dataset, "rd");
    assert_eq!(combination(&dataset, rd), Combination::Unknown);
    let merged = integrated(&dataset, 0, 2).expect("integrates");
    assert_eq!(merged[rd][1].values[0], None);
}

#[test]
fn rank_score_gini_and_theil_before_and_after_by_hand() {
    let mut dataset = tiny_with_shares();
    let gdp = index(&dataset, "gdp");
    let result = integrate(
        &mut dataset,
        &EvaluationSettings::default(),
        (0, 2),
        Some(2022),
        gdp,
    )
    .expect("integrates");
    assert_eq!(
        dataset.columns[gdp][1].values,
        [Some(10.0), Some(20.0), Some(30.0), Some(50.0)],
        "the dataset is as it was"
    );
    close("score before", result.score.before, 40.0);
    close("score after", result.score.after, 80.0);
    assert_eq!(result.rank_before, Some(3));
    assert_eq!(result.partner_rank_before, Some(2));
    assert_eq!(result.rank_after, Some(1));
    assert_eq!((result.ranked_before, result.ranked_after), (4, 3));
    let moves: Vec<(&str, Option<usize>, Option<usize>)> = result
        .moves
        .iter()
        .map(|m| (m.zone_id.as_ref(), m.before, m.after))
        .collect();
    assert_eq!(
        moves,
        [
            ("z1", Some(3), Some(1)),
            ("z2", Some(4), Some(3)),
            ("z3", Some(2), None),
            ("z4", Some(1), Some(2)),
        ]
    );
    let near = |what: &str, got: Option<f64>, want: f64| {
        let got = got.expect(what);
        assert!((got - want).abs() < 1e-6, "{what}: {got} vs {want}");
    };
    near("gini before", result.gini.before, 0.295455);
    near("gini after", result.gini.after, 0.181818);
    near("theil before", result.theil_t.before, 0.145610);
    near("theil after", result.theil_t.after, 0.062414);
    let gdp_row = &result.values[gdp];
    assert_eq!(
        (gdp_row.national, gdp_row.partner, gdp_row.combined),
        (Some(10.0), Some(30.0), Some(40.0))
    );
}

#[test]
fn a_pair_that_is_not_adjacent_is_refused_with_the_choices() {
    let dataset = tiny_with_shares();
    let error = integrated(&dataset, 0, 1).expect_err("z2 is national");
    assert!(
        error.message.contains("choose one of z3, z4"),
        "{}",
        error.message
    );
    let error = integrated(&dataset, 2, 3).expect_err("z3 is not national");
    assert!(
        error.message.contains("not a national zone"),
        "{}",
        error.message
    );
}

/// Bundled data: Zone AA (z27), region-level in Zone E's metro area, was
/// named for exit in 2020 (views::ranking's test: out of the 2021 and 2022
/// rankings), so it is no partner in 2022; with no exits passed it is one.
/// Integrating it anyway is refused with the reason.
#[test]
fn a_zone_named_for_exit_is_no_partner() {
    let mut dataset = crate::views::testing::bundled();
    let settings = EvaluationSettings::default();
    let (e, aa) = (
        dataset.zone_index("z05").unwrap(),
        dataset.zone_index("z27").unwrap(),
    );
    assert!(partners(&dataset, e, &[]).iter().any(|p| p.zone == aa));
    let evaluation = evaluate(&dataset, &settings).expect("evaluates");
    assert_eq!(out_of_ranking(&evaluation, 2022), [aa]);
    assert_eq!(out_of_ranking(&evaluation, 2020), Vec::<usize>::new());
    let out = out_of_ranking(&evaluation, 2022);
    assert!(!partners(&dataset, e, &out).iter().any(|p| p.zone == aa));
    let gdp = dataset.indicator_index("gdp").unwrap();
    let error = integrate(&mut dataset, &settings, (e, aa), Some(2022), gdp)
        .expect_err("Zone AA is out of the 2022 ranking");
    assert!(
        error.to_string().contains("z27 was named for exit"),
        "{error}"
    );
}
