//! The evaluation of the tiny dataset, worked out by hand.
//!
//! Framework weights: dimension a (gdp) 60, b (hte) 40 → w = (0.6, 0.4).
//! Min-max:
//! - 2022: gdp [10, 20, 30, 50] → [0, ¼, ½, 1]; hte [40, 0, 20, 10] →
//!   [1, 0, ½, ¼]; scores 100·(0.6 g + 0.4 h) = [40, 15, 50, 70], ranks
//!   [3, 4, 2, 1];
//! - 2021: gdp [8, 20, 25, 50] → [0, 12/42, 17/42, 1]; hte [0, 10, 20, 40]
//!   → [0, ¼, ½, 1]; scores [0, 27.14, 44.29, 100], ranks [4, 3, 2, 1].
//!
//! Tiers (top 1, rise ≥ 1, bottom 1, below 40, exit after 2 warned years
//! without improving): 2021 reward z4; warning z1 (bottom, 0 < 40) and z2
//! (27.14 < 40). 2022 reward z4 (top) and z1 (rose 4 → 3); warning z2
//! (bottom, 15 < 40); exit z2 (warned 2021 and 2022, rank 3 → 4). z1's
//! 2022 score, 40, is not below 40.

use super::*;
use crate::analysis::tests::{close, load, tiny, tiny_json};
use crate::metrics::dynamic::{dynamic_management, Reason};

fn scores(year: &YearEvaluation) -> Vec<Option<f64>> {
    year.zones.iter().map(|z| z.score).collect()
}

fn ranks(year: &YearEvaluation) -> Vec<Option<usize>> {
    year.zones.iter().map(|z| z.rank).collect()
}

#[test]
fn framework_scores_ranks_and_sub_scores_by_hand() {
    let e = evaluate(&tiny(), &EvaluationSettings::default()).expect("evaluates");
    assert_eq!(e.year, 2022);
    let ids: Vec<&str> = e.indicators.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["gdp", "hte"], "context indicators stay out");
    let y22 = e.year(2022).expect("2022");
    for (got, want) in scores(y22).into_iter().zip([40.0, 15.0, 50.0, 70.0]) {
        close("2022 score", got, want);
    }
    assert_eq!(ranks(y22), [Some(3), Some(4), Some(2), Some(1)]);
    close("w gdp", Some(y22.weights[0]), 0.6);
    close("dimension weight b", Some(y22.dimension_weights[1]), 0.4);
    close("z2 sub-score a", y22.dimension_score(1, 0), 25.0);
    close("z1 sub-score b", y22.dimension_score(0, 1), 100.0);
    assert_eq!(
        [y22.dimension_rank(0, 0), y22.dimension_rank(0, 1)],
        [Some(4), Some(1)]
    );
    let changes: Vec<Option<i64>> = y22.zones.iter().map(|z| z.rank_change).collect();
    assert_eq!(changes, [Some(1), Some(-1), Some(0), Some(0)]);

    let y21 = e.year(2021).expect("2021");
    close(
        "z2 2021",
        y21.zones[1].score,
        100.0 * (0.6 * 12.0 / 42.0 + 0.1),
    );
    assert_eq!(ranks(y21), [Some(4), Some(3), Some(2), Some(1)]);
    assert!(
        y21.zones.iter().all(|z| z.rank_change.is_none()),
        "no year before"
    );
}

#[test]
fn tiers_by_hand_with_the_rule_and_its_numbers() {
    let e = evaluate(&tiny(), &EvaluationSettings::default()).expect("evaluates");
    let t21 = &e.tiers[0];
    assert_eq!(t21.reward, ["z4"]);
    assert_eq!(t21.warning, ["z1", "z2"]);
    assert!(t21.exit.is_empty());
    let t22 = &e.tiers[1];
    assert_eq!(t22.reward, ["z1", "z4"]);
    assert_eq!(t22.warning, ["z2"]);
    assert_eq!(t22.exit, ["z2"]);
    let z2 = e
        .verdicts
        .iter()
        .find(|v| v.zone_id == "z2" && v.verdict.year == 2022)
        .expect("verdict");
    assert!(z2.verdict.reasons.contains(&Reason::Exit {
        warned_years: 2,
        since_year: 2021,
        rank_then: 3,
        rank_now: 4
    }));
    assert!(z2.verdict.reasons.contains(&Reason::BottomK {
        rank_from_bottom: 1,
        k: 1
    }));
    let z1 = e
        .verdicts
        .iter()
        .find(|v| v.zone_id == "z1" && v.verdict.year == 2022)
        .expect("verdict");
    assert_eq!(
        z1.verdict.reasons,
        [Reason::Rise {
            from_rank: 4,
            to_rank: 3,
            places: 1,
            min_places: 1
        }]
    );
    assert_eq!(e.rules, tier_rules(&tiny()));
}

#[test]
fn user_dimension_weights_and_their_errors() {
    let ds = tiny();
    let only_b = EvaluationSettings {
        weighting: EvaluationWeighting::Dimensions {
            weights: vec![0.0, 1.0],
        },
        ..EvaluationSettings::default()
    };
    let e = evaluate(&ds, &only_b).expect("evaluates");
    // Only hte counts: its min-max × 100.
    for (got, want) in scores(e.year(2022).expect("2022"))
        .into_iter()
        .zip([100.0, 0.0, 50.0, 25.0])
    {
        close("hte only", got, want);
    }
    let wrong = EvaluationSettings {
        weighting: EvaluationWeighting::Dimensions { weights: vec![1.0] },
        ..EvaluationSettings::default()
    };
    let err = evaluate(&ds, &wrong).expect_err("one weight for two dimensions");
    assert_eq!(
        err.kind,
        crate::analysis::AnalysisErrorKind::InvalidSettings
    );
    assert!(err.message.contains("a, b"), "{}", err.message);
    let per_indicator = EvaluationSettings {
        weighting: EvaluationWeighting::Indicators {
            weights: vec![3.0, 2.0],
        },
        ..EvaluationSettings::default()
    };
    // 3:2 is the framework's 60:40.
    let e = evaluate(&ds, &per_indicator).expect("evaluates");
    close("3:2", e.year(2022).and_then(|y| y.zones[3].score), 70.0);
}

#[test]
fn entropy_topsis_ranks_every_zone() {
    let e = evaluate(&tiny(), &EvaluationSettings::entropy_topsis()).expect("evaluates");
    for year in &e.years {
        let mut r: Vec<usize> = ranks(year).into_iter().flatten().collect();
        r.sort_unstable();
        assert_eq!(r.len(), 4);
        assert_eq!(r[0], 1);
        assert!(year
            .zones
            .iter()
            .all(|z| z.score.is_some_and(|s| (0.0..=100.0).contains(&s))));
        close("Σ w", Some(year.weights.iter().sum()), 1.0);
    }
}

#[test]
fn a_missing_indicator_is_listed_and_the_zone_still_scored() {
    let mut json = tiny_json();
    for o in json["observations"].as_array_mut().expect("array") {
        if o["zone"] == "z3" && o["indicator"] == "hte" && o["year"] == 2022 {
            o["value"] = serde_json::Value::Null;
        }
    }
    let e = evaluate(&load(&json), &EvaluationSettings::default()).expect("evaluates");
    let y22 = e.year(2022).expect("2022");
    // z3 on gdp alone: min-max ½ → 50; the others as before (hte's
    // min-max over 40, 0, 10 is unchanged).
    for (got, want) in scores(y22).into_iter().zip([40.0, 15.0, 50.0, 70.0]) {
        close("score", got, want);
    }
    assert_eq!(y22.zones[2].missing_indicators, ["hte"]);
    assert!(y22.unscored.is_empty());
}

#[test]
fn a_zone_without_any_value_is_unscored_and_named() {
    let mut json = tiny_json();
    for o in json["observations"].as_array_mut().expect("array") {
        if o["zone"] == "z1" && o["year"] == 2022 {
            o["value"] = serde_json::Value::Null;
        }
    }
    let e = evaluate(&load(&json), &EvaluationSettings::default()).expect("evaluates");
    let y22 = e.year(2022).expect("2022");
    assert_eq!(y22.unscored, ["z1"]);
    assert_eq!((y22.zones[0].score, y22.zones[0].rank), (None, None));
    assert!(e
        .verdicts
        .iter()
        .any(|v| v.zone_id == "z1" && v.verdict.year == 2022 && v.verdict.tiers.is_empty()));
}

#[test]
fn a_neutral_indicator_in_a_dimension_is_excluded_with_a_reason() {
    let mut json = tiny_json();
    json["indicators"][2]["dimension"] = "b".into();
    json["indicators"][2]["coefficient"] = 1.into();
    let e = evaluate(&load(&json), &EvaluationSettings::default()).expect("evaluates");
    assert_eq!(e.excluded_indicators.len(), 1);
    assert_eq!(e.excluded_indicators[0].id, "employees");
    assert!(e.excluded_indicators[0].reason.contains("neutral"));
}

#[test]
fn zero_perturbation_returns_the_base_ranking() {
    let ds = tiny();
    for settings in [
        EvaluationSettings::default(),
        EvaluationSettings::entropy_topsis(),
    ] {
        let spec = SensitivitySpec {
            delta: 0.0,
            draws: 50,
            seed: 7,
        };
        let s = sensitivity(&ds, &settings, &spec).expect("runs");
        let base = evaluate(&ds, &settings).expect("evaluates");
        let base_ranks = ranks(base.focus().expect("focus"));
        for (z, want) in s.zones.iter().zip(base_ranks) {
            assert_eq!(z.zone.base_rank, want);
            assert_eq!(z.zone.median_rank, want.map(|r| r as f64));
            assert_eq!((z.zone.rank_p05, z.zone.rank_p95), (want, want));
            assert_eq!(z.zone.mean_abs_shift, Some(0.0));
        }
        assert_eq!(s.mean_abs_shift, Some(0.0));
    }
}

#[test]
fn sensitivity_is_seeded_and_rejects_a_bad_delta() {
    let ds = tiny();
    let settings = EvaluationSettings::default();
    let a = sensitivity(&ds, &settings, &DEFAULT_SENSITIVITY).expect("runs");
    let b = sensitivity(&ds, &settings, &DEFAULT_SENSITIVITY).expect("runs");
    assert_eq!(a, b);
    let bad = SensitivitySpec {
        delta: 1.5,
        ..DEFAULT_SENSITIVITY
    };
    assert!(sensitivity(&ds, &settings, &bad).is_err());
}

/// docs/METRICS.md, "Exit modelled", worked by hand: A 90, B 60, C 30,
/// D 10 every year, warn the bottom 1, exit after 2 warned years.
#[test]
fn exit_is_modelled_a_year_at_a_time() {
    let years = [2018, 2019, 2020, 2021];
    let scores = vec![vec![Some(90.0), Some(60.0), Some(30.0), Some(10.0)]; 4];
    let rules = Rules {
        reward_top_k: None,
        reward_rise: None,
        warn_bottom_k: Some(1),
        warn_below: None,
        exit_after: Some(2),
    };
    let exits_of = |verdicts: &[crate::metrics::dynamic::Verdict]| -> Vec<(i32, usize)> {
        verdicts
            .iter()
            .filter(|v| v.tiers.contains(&Tier::Exit))
            .map(|v| (v.year, v.zone))
            .collect()
    };
    let Managed {
        verdicts, exits, ..
    } = apply_rules(&years, &scores, &rules, false).unwrap();
    // D (3) named for exit in 2019; then C (2) is the bottom 1 of three,
    // warned in 2020 and 2021, named for exit in 2021.
    assert_eq!(exits_of(&verdicts), [(2019, 3), (2021, 2)]);
    assert_eq!(exits, [None, None, Some(2021), Some(2019)]);
    let d_2020 = verdicts
        .iter()
        .find(|v| v.year == 2020 && v.zone == 3)
        .unwrap();
    assert_eq!((d_2020.rank, &d_2020.tiers[..]), (None, &[][..]));
    // Kept for comparison: D is named every year from 2019, C never warned.
    let Managed {
        verdicts: kept,
        exits: none,
        ..
    } = apply_rules(&years, &scores, &rules, true).unwrap();
    assert_eq!(exits_of(&kept), [(2019, 3), (2020, 3), (2021, 3)]);
    assert_eq!(none, [None; 4]);
}

/// docs/METRICS.md, "Promotion", by hand: the bundled evaluation with its
/// last two years' scores set: national zones z01–z12 score 10, 20, …, 120
/// (median (60 + 70) / 2 = 65); z13 scores 70 both years (qualifies), z14
/// 70 then 60 (one year short), z15 exactly 65 both years (at least the
/// median: qualifies), the other region-level zones 10.
#[test]
fn promotion_needs_the_national_median_in_each_of_the_last_years() {
    let dataset = crate::model::load(include_str!("../../../www/data/zones.json"))
        .expect("valid")
        .dataset;
    let mut evaluation = evaluate(&dataset, &EvaluationSettings::default()).unwrap();
    let n = evaluation.years.len();
    for (t, year) in evaluation.years[n - 2..].iter_mut().enumerate() {
        for zone in &mut year.zones {
            let national = dataset.zones[zone.zone].level == crate::model::Level::National;
            zone.rank = Some(1);
            zone.exited_in = None;
            let id = dataset.zones[zone.zone].id.as_str();
            zone.score = Some(match (national, id) {
                (true, _) => 10.0 * (zone.zone + 1) as f64,
                (false, "z13") => 70.0,
                (false, "z14") => [70.0, 60.0][t],
                (false, "z15") => 65.0,
                (false, _) => 10.0,
            });
        }
    }
    let ids: Vec<&str> = promotion_candidates(&dataset, &evaluation, 2)
        .into_iter()
        .map(|z| dataset.zones[z].id.as_str())
        .collect();
    assert_eq!(ids, ["z13", "z15"]);
    // Over the first of the two years alone, z14 (70) qualifies too.
    evaluation.years.pop();
    assert_eq!(promotion_candidates(&dataset, &evaluation, 1).len(), 3);
    // A zone not ranked (exited) does not.
    let last = evaluation.years.len() - 1;
    evaluation.years[last].zones[12].rank = None;
    assert_eq!(promotion_candidates(&dataset, &evaluation, 1).len(), 2);
}

/// The rules with exit modelled as they were first written (before the
/// one pass of `metrics::dynamic::manage`): apply every rule to every
/// year, take the earliest year with a new exit out of the later years'
/// scores, and start again until no exit is new. The straightforward
/// reading of docs/METRICS.md, "Exit modelled".
fn exits_by_restarting(
    years: &[i32],
    mut scores: Vec<Vec<Option<f64>>>,
    rules: &Rules,
) -> (Vec<Verdict>, Vec<Option<i32>>) {
    let mut exits: Vec<Option<i32>> = vec![None; scores[0].len()];
    loop {
        let verdicts = dynamic_management(years, &scores, rules).unwrap();
        let Some(year) = verdicts
            .iter()
            .find(|v| v.tiers.contains(&Tier::Exit) && exits[v.zone].is_none())
            .map(|v| v.year)
        else {
            return (verdicts, exits);
        };
        for v in verdicts.iter().filter(|v| v.year == year) {
            if v.tiers.contains(&Tier::Exit) && exits[v.zone].is_none() {
                exits[v.zone] = Some(year);
                for (t, y) in years.iter().enumerate() {
                    if *y > year {
                        scores[t][v.zone] = None;
                    }
                }
            }
        }
    }
}

/// The one pass gives what restarting gives, on scores drawn (seeded)
/// from a few values so that ties are common, with zones unscored now
/// and then, under rules from lenient to harsh.
#[test]
fn exits_in_one_pass_are_those_of_restarting() {
    let mut state = 15_u64;
    let mut next = move || {
        // SplitMix64.
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let years: Vec<i32> = (2005..2025).collect();
    let mut exits_seen = 0;
    for case in 0..40 {
        let zones = 5 + case * 3;
        let scores: Vec<Vec<Option<f64>>> = years
            .iter()
            .map(|_| {
                (0..zones)
                    .map(|_| {
                        let r = next() % 25;
                        (r != 0).then_some(4.0 * r as f64)
                    })
                    .collect()
            })
            .collect();
        let some = |k: u64| (k > 0).then_some(k as usize);
        let rules = Rules {
            reward_top_k: some(next() % 4),
            reward_rise: some(next() % 6),
            warn_bottom_k: some(next() % 6),
            warn_below: (next() % 2 == 0).then_some((next() % 60) as f64),
            exit_after: some(1 + next() % 3),
        };
        let (verdicts, exits) = exits_by_restarting(&years, scores.clone(), &rules);
        let managed = apply_rules(&years, &scores, &rules, false).unwrap();
        assert_eq!(managed.verdicts, verdicts, "case {case}: {rules:?}");
        assert_eq!(managed.exits, exits, "case {case}");
        // The ranks are those of the verdicts.
        for (t, ranks) in managed.ranks.iter().enumerate() {
            let of_verdicts: Vec<_> = verdicts[t * zones..(t + 1) * zones]
                .iter()
                .map(|v| v.rank)
                .collect();
            assert_eq!(*ranks, of_verdicts, "case {case}, year {}", years[t]);
        }
        exits_seen += exits.iter().flatten().count();
    }
    // The cases name zones for exit (the comparison is not empty).
    assert!(exits_seen > 100, "{exits_seen} exits");
}

/// A weight change evaluated with the matrices prepared for other weights
/// gives exactly (every bit) what evaluating from scratch gives, under
/// each normalisation and aggregation the widget offers, and in the
/// first year's ranks as in the last.
#[test]
fn prepared_matrices_give_what_evaluating_afresh_gives() {
    let dataset = crate::model::load(include_str!("../../../www/data/zones.json"))
        .expect("valid")
        .dataset;
    let context = Context::new(&dataset);
    for normalisation in [
        Normalisation::MinMax,
        Normalisation::ZScore,
        Normalisation::Vector,
    ] {
        for aggregation in [
            Aggregation::Arithmetic,
            Aggregation::Geometric { epsilon: 0.01 },
            Aggregation::Topsis,
        ] {
            let first = EvaluationSettings {
                normalisation,
                aggregation,
                weighting: EvaluationWeighting::Dimensions {
                    weights: vec![20.0, 20.0, 15.0, 15.0, 30.0],
                },
                ..EvaluationSettings::default()
            };
            let prepared = match Prepared::new(&dataset, &first) {
                Ok(prepared) => prepared,
                Err(error) => panic!("{normalisation:?} {aggregation:?}: {error}"),
            };
            for (weights, keep_exited) in [
                (vec![20.0, 20.0, 15.0, 15.0, 30.0], false),
                (vec![35.0, 20.0, 15.0, 15.0, 30.0], false),
                (vec![1.0, 0.0, 7.5, 2.0, 3.0], true),
                (vec![0.0, 0.0, 0.0, 0.0, 1.0], false),
            ] {
                let settings = EvaluationSettings {
                    weighting: EvaluationWeighting::Dimensions { weights },
                    keep_exited,
                    ..first.clone()
                };
                assert!(prepared.fits(&settings));
                let afresh = evaluate(&dataset, &settings);
                let kept = evaluate_prepared(&context, &settings, &prepared);
                match (afresh, kept) {
                    (Ok(afresh), Ok(kept)) => {
                        assert_eq!(kept, afresh, "{settings:?}");
                        // The dimension ranks, made when read, too.
                        for (a, k) in afresh.years.iter().zip(&kept.years) {
                            for zone in 0..a.zones.len() {
                                for d in 0..a.dimension_weights.len() {
                                    assert_eq!(
                                        k.dimension_rank(zone, d),
                                        a.dimension_rank(zone, d)
                                    );
                                }
                            }
                        }
                    }
                    // z-scores are negative: no geometric mean, either way.
                    (Err(afresh), Err(kept)) => assert_eq!(kept.message, afresh.message),
                    (afresh, kept) => panic!("{settings:?}: {afresh:?} vs {kept:?}"),
                }
            }
            // Other methods do not fit.
            let entropy = EvaluationSettings {
                weighting: EvaluationWeighting::Entropy,
                ..first.clone()
            };
            assert!(!prepared.fits(&entropy));
        }
    }
}

/// After the exit handling or the rules change, the kept draws ranked
/// again without the zones out give exactly what drawing afresh gives
/// (`sensitivity_in` without kept draws), and their base ranks are the
/// evaluation's ranks (`manage`'s, without the zones out; under TOPSIS
/// too, whose scores read the zones out, in the evaluation as in the
/// draws); other weights draw again.
#[test]
fn kept_draws_ranked_again_give_what_drawing_afresh_gives() {
    let dataset = crate::model::load(include_str!("../../../www/data/zones.json"))
        .expect("valid")
        .dataset;
    let spec = SensitivitySpec {
        draws: 200,
        ..DEFAULT_SENSITIVITY
    };
    // The bottom 3 named for exit each year: out of the later years'
    // rankings unless kept (bundled data, 36 zones).
    let exits = Rules {
        reward_top_k: Some(3),
        reward_rise: None,
        warn_bottom_k: Some(3),
        warn_below: None,
        exit_after: Some(1),
    };
    for aggregation in [
        Aggregation::Arithmetic,
        Aggregation::Geometric { epsilon: 0.01 },
        Aggregation::Topsis,
    ] {
        let mut kept = None;
        let mut last: Option<Rc<Draws>> = None;
        for (rules, keep_exited, weight) in [
            (None, true, 20.0),
            (Some(exits.clone()), true, 20.0),
            (Some(exits.clone()), false, 20.0),
            (None, false, 20.0),
            (None, false, 35.0),
        ] {
            let settings = EvaluationSettings {
                aggregation,
                weighting: EvaluationWeighting::Dimensions {
                    weights: vec![weight, 20.0, 15.0, 15.0, 30.0],
                },
                rules,
                keep_exited,
                ..EvaluationSettings::default()
            };
            let evaluation = evaluate(&dataset, &settings).expect("evaluates");
            let focus = evaluation.focus().expect("focus");
            let afresh = sensitivity_in(&dataset, &settings, &spec, Some(&evaluation));
            let again = sensitivity_kept(&dataset, &settings, &spec, &evaluation, None, &mut kept);
            let again = again.expect("runs");
            assert_eq!(again, afresh.expect("runs"), "{settings:?}");
            // Drawn from the evaluation's own matrix of the year, the same.
            let prepared = Prepared::new(&dataset, &settings).expect("prepares");
            let from_prepared = sensitivity_kept(
                &dataset,
                &settings,
                &spec,
                &evaluation,
                Some(&prepared),
                &mut None,
            );
            assert_eq!(from_prepared.expect("runs"), again, "{settings:?}");
            for (row, zone) in again.zones.iter().zip(&focus.zones) {
                assert_eq!(row.zone.base_rank, zone.rank, "{settings:?}");
            }
            if !settings.keep_exited && settings.rules.is_some() {
                let out = focus.zones.iter().filter(|z| z.exited_in.is_some());
                assert!(out.count() > 0, "the rules put zones out of the last year");
            }
            let now = kept.clone().expect("kept");
            let reused = last.as_ref().is_some_and(|l| Rc::ptr_eq(l, &now));
            assert_eq!(reused, last.is_some() && weight == 20.0, "{settings:?}");
            last = Some(now);
        }
    }
}
