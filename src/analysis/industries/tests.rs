//! One park, one specialty on four hand-made mixes (industries a, b):
//! z1 [4, 1], z2 [1, 4], z3 [1, 1], z4 [8, 2]; a is on the leading and the
//! emerging lists (so it is stacked as emerging), b on the traditional one.
//!
//! By hand: totals a 14, b 8 of 22, so the zones' shares are a 14/22,
//! b 8/22. LQ(z1, a) = LQ(z4, a) = 0.8 / (14/22) = 1.257 (a specialty,
//! ≥ 1.25); LQ(z2, b) = 0.8 / (8/22) = 2.2; LQ(z3, b) = 0.5 / (8/22) =
//! 1.375; the others are below 1.25. Cosines: z1–z4 1 (same direction),
//! z1–z3 = z2–z3 = z3–z4 = 5/√34 = 0.857, z1–z2 = z2–z4 = 8/17 = 0.471.

use super::*;
use crate::analysis::tests::{load, tiny_json};

fn four_mixes() -> Dataset {
    let mut json = tiny_json();
    json["industries"][0]["groups"] = serde_json::json!(["leading", "emerging"]);
    json["industries"][1]["groups"] = serde_json::json!(["traditional"]);
    let mixes = [[4.0, 1.0], [1.0, 4.0], [1.0, 1.0], [8.0, 2.0]];
    for (zone, [a, b]) in mixes.into_iter().enumerate() {
        json["zones"][zone]["industry_mix"] = serde_json::json!({
            "year": 2022, "unit": "yi_yuan", "values": {"ind_a": a, "ind_b": b}
        });
    }
    load(&json)
}

fn ids(pairs: &[DuplicatePair]) -> Vec<(&str, &str, &str)> {
    pairs
        .iter()
        .map(|p| (p.a_id.as_str(), p.b_id.as_str(), p.industry_id.as_str()))
        .collect()
}

#[test]
fn specialties_and_duplicates_by_hand() {
    let ds = four_mixes();
    let at_08 = industries(&ds, 0.8);
    let specialty = |z: usize| -> Vec<(&str, f64)> {
        at_08.zones[z]
            .specialties
            .iter()
            .map(|s| {
                (
                    s.industry_id.as_str(),
                    (s.location_quotient * 1000.0).round() / 1000.0,
                )
            })
            .collect()
    };
    assert_eq!(specialty(0), [("ind_a", 1.257)]);
    assert_eq!(specialty(1), [("ind_b", 2.2)]);
    assert_eq!(specialty(2), [("ind_b", 1.375)]);
    assert_eq!(specialty(3), [("ind_a", 1.257)]);
    // At 0.8 every zone has a similar zone with the same specialty: z1 and
    // z4 share a, z2 and z3 (0.857) share b.
    assert_eq!(at_08.distinct_zones, 0);
    assert_eq!(
        ids(&at_08.duplicate_pairs),
        [("z1", "z4", "ind_a"), ("z2", "z3", "ind_b")],
        "most similar first"
    );
    // At 0.9 only z1–z4 are similar: z2 and z3 both specialise in b but
    // are not alike, so each has b as its own.
    let at_09 = industries(&ds, 0.9);
    assert_eq!(at_09.distinct_zones, 2);
    let distinct: Vec<Option<&str>> = at_09
        .zones
        .iter()
        .map(|z| z.distinct.as_ref().map(|s| s.industry_id.as_str()))
        .collect();
    assert_eq!(distinct, [None, Some("ind_b"), Some("ind_b"), None]);
    assert_eq!(ids(&at_09.duplicate_pairs), [("z1", "z4", "ind_a")]);
    let twin = at_09.zones[0].twin.as_ref().expect("z1 has a twin");
    assert_eq!(
        (twin.zone_id.as_str(), twin.shared.as_slice()),
        ("z4", &[0][..])
    );
    assert!((twin.similarity - 1.0).abs() < 1e-12);
    let twin = at_09.zones[1].twin.as_ref().expect("z2 has a twin");
    assert_eq!(twin.zone_id.as_str(), "z3");
    assert!((twin.similarity - 5.0 / 34f64.sqrt()).abs() < 1e-12);
}

#[test]
fn categories_by_hand() {
    let ds = four_mixes();
    let result = industries(&ds, 0.8);
    assert_eq!(
        result.categories,
        [Category::Emerging, Category::Traditional]
    );
    // Category::ALL order: digital, emerging, leading, traditional, other.
    let z1 = &result.zones[0].category_shares;
    assert_eq!(z1, &[0.0, 0.8, 0.0, 0.2, 0.0]);
    // The categories without an industry are +0.0 (== cannot tell -0.0,
    // which showed as "-0.0%").
    assert!(
        [0, 2, 4].iter().all(|&c| z1[c].is_sign_positive()),
        "{z1:?}"
    );
    let region = &result.region_shares;
    assert!((region[1] - 14.0 / 22.0).abs() < 1e-12 && (region[3] - 8.0 / 22.0).abs() < 1e-12);
    assert_eq!(
        category_shares(&[0.0, 0.0], &result.categories),
        Vec::<f64>::new()
    );
}

#[test]
fn a_zone_without_a_mix_is_named() {
    // The tiny dataset: z4 has no mix.
    let result = industries(&crate::analysis::tests::tiny(), 0.8);
    assert_eq!(result.missing_zones, ["z4"]);
    assert_eq!(result.zones.len(), 3);
}

/// The zones together year by year: z1 gets a 2021 mix [1, 1] beside its
/// 2022 one [4, 1]; the others have no 2021 mix, so both years are z1's
/// alone (a change between years is the zones' own, not zones joining):
/// 2021 a 1, b 1 (emerging 0.5, traditional 0.5), 2022 a 4, b 1 (4/5, 1/5),
/// where every zone's 2022 shares are (14/22, 8/22).
#[test]
fn the_zones_together_year_by_year() {
    let mut json = tiny_json();
    json["industries"][0]["groups"] = serde_json::json!(["leading", "emerging"]);
    json["industries"][1]["groups"] = serde_json::json!(["traditional"]);
    let mixes = [[4.0, 1.0], [1.0, 4.0], [1.0, 1.0], [8.0, 2.0]];
    for (zone, [a, b]) in mixes.into_iter().enumerate() {
        json["zones"][zone]["industry_mix"] = serde_json::json!({
            "year": 2022, "unit": "yi_yuan", "values": {"ind_a": a, "ind_b": b}
        });
    }
    json["zones"][0]["industry_mix_history"] = serde_json::json!([
        {"year": 2021, "unit": "yi_yuan", "values": {"ind_a": 1, "ind_b": 1}}
    ]);
    let result = industries(&load(&json), 0.8);
    assert_eq!(result.region_by_year.len(), 2);
    assert_eq!(
        result.region_by_year[0],
        (2021, vec![0.0, 0.5, 0.0, 0.5, 0.0])
    );
    assert_eq!(
        result.region_by_year[1],
        (2022, vec![0.0, 0.8, 0.0, 0.2, 0.0])
    );
    assert_eq!(
        result.region_shares,
        [0.0, 14.0 / 22.0, 0.0, 8.0 / 22.0, 0.0]
    );

    // A history year at or after the mix's own is refused, with the years.
    json["zones"][0]["industry_mix_history"][0]["year"] = serde_json::json!(2022);
    let problems = crate::model::load(&json.to_string())
        .expect_err("refused")
        .0;
    let problem = problems
        .iter()
        .find(|p| p.path == "zones[0].industry_mix_history")
        .expect("a problem at the field");
    assert_eq!(problem.kind, crate::model::ProblemKind::InvalidYears);
}

/// The duplicates kept in a bounded list are those the old code listed:
/// every pair collected, sorted (most similar first, then a, then b) and
/// cut at the limit; the reference below is that old code. 70 rows in
/// two groups given out of row order, similarity (7a + 13b) mod 10 / 10 so
/// that many pairs tie: more than 1,024 pairs reach the threshold, so the
/// list is cut back while pairs still arrive.
#[test]
fn bounded_duplicates_are_the_first_of_all_pairs_sorted() {
    let groups: Vec<Vec<usize>> = vec![(35..70).rev().collect(), (0..35).collect(), vec![]];
    let similarity = |a: usize, b: usize| Some(((7 * a.min(b) + 13 * a.max(b)) % 10) as f64 / 10.0);
    let old = |threshold: f64| {
        let mut all = Vec::new();
        for (g, rows) in groups.iter().enumerate() {
            for (i, a) in rows.iter().enumerate() {
                for b in &rows[i + 1..] {
                    if let Some(s) = similarity(*a, *b).filter(|s| *s >= threshold) {
                        all.push((*a.min(b), *a.max(b), g, s));
                    }
                }
            }
        }
        all.sort_by(|x: &(usize, usize, usize, f64), y| {
            y.3.total_cmp(&x.3).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1))
        });
        all
    };
    let all = old(0.1);
    assert!(all.len() > 1024, "{} pairs: the cut must happen", all.len());
    for limit in [0, 1, 7, 500, 1000, all.len(), all.len() + 5] {
        let (kept, count) = duplicates(&groups, similarity, 0.1, limit);
        assert_eq!(count, all.len(), "limit {limit}");
        assert_eq!(kept, all[..limit.min(all.len())], "limit {limit}");
    }
}

/// By hand, on three rows in one group: similarities (0, 1) 0.9, (0, 2)
/// 0.9, (1, 2) 0.95 and a threshold of 0.9: all three count; the first two
/// listed are (1, 2) at 0.95, then (0, 1) (the tie with (0, 2) goes to the
/// smaller second zone).
#[test]
fn duplicates_by_hand() {
    let s = |a: usize, b: usize| match (a.min(b), a.max(b)) {
        (1, 2) => Some(0.95),
        _ => Some(0.9),
    };
    let (kept, count) = duplicates(&[vec![2, 0, 1]], s, 0.9, 2);
    assert_eq!(count, 3);
    assert_eq!(kept, [(1, 2, 0, 0.95), (0, 1, 0, 0.9)]);
}

/// Duplicates among some zones only: leaving z4 out leaves z2–z3 (both
/// lead with b, cosine 0.857) as the one pair at 0.8; z1's twin is still
/// z4 (twins are judged against every zone).
#[test]
fn duplicates_within_some_zones() {
    let ds = four_mixes();
    let result = industries_within(&ds, 0.8, |z| z != 3);
    assert_eq!(result.duplicate_count, 1);
    assert_eq!(ids(&result.duplicate_pairs), [("z2", "z3", "ind_b")]);
    let twin = result.zones[0].twin.as_ref().expect("z1 has a twin");
    assert_eq!(twin.zone_id, "z4");
    assert_eq!(industries(&ds, 0.8).duplicate_count, 2);
}

/// With the pairs compared beforehand as the widget's specialisation tab
/// shares them (three twins a zone, the first LISTED_PAIRS listed, for
/// every zone with a mix), the result equals the one that compares them
/// itself: on the bundled data, every zone and a filter's worth.
#[test]
fn shared_pairs_give_the_same_industries() {
    use crate::analysis::specialisation::mixed_zones_mixes;
    use crate::metrics::similarity::pair_stats;
    let ds = crate::model::load(include_str!("../../../www/data/zones.json"))
        .expect("valid")
        .dataset;
    let mixes = mixed_zones_mixes(&ds);
    assert!(mixes.len() > 30, "the bundled zones have mixes");
    let shared = pair_stats(&mixes, 0.8, 3, LISTED_PAIRS);
    for within in [|_: usize| true, |z: usize| z % 3 != 0] {
        assert_eq!(
            industries_with(&ds, 0.8, within, Some(&shared)),
            industries_within(&ds, 0.8, within)
        );
    }
}
