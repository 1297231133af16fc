use super::*;

#[test]
fn words_for_ranks_changes_and_tiers() {
    // Worked out by hand.
    assert_eq!(ordinal(1), "1st");
    assert_eq!(ordinal(12), "12th");
    assert_eq!(ordinal(23), "23rd");
    assert_eq!(ordinal(111), "111th");
    assert_eq!(rank_text(Some(3), Lang::Zh), "第3名");
    assert_eq!(change_text(Some(-2), Lang::Zh), "下降2位");
    assert_eq!(change_text(Some(4), Lang::En), "up 4");
    assert_eq!(change_text(None, Lang::En), "—");
    assert_eq!(
        tier_markers(&[Tier::Warning, Tier::Exit]),
        [Tier::Exit],
        "an exit implies the warning"
    );
    assert_eq!(
        tier_markers(&[Tier::Reward, Tier::Warning]),
        [Tier::Reward, Tier::Warning]
    );
    assert_eq!(
        main_tier(&[Tier::Reward, Tier::Warning]),
        Some(Tier::Warning)
    );
    assert_eq!(main_tier(&[]), None);
}

#[test]
fn method_labels() {
    let framework = EvaluationSettings::default();
    assert_eq!(
        method_label(&framework, Lang::En),
        "min-max, framework weights, weighted sum"
    );
    assert_eq!(
        method_label(&EvaluationSettings::entropy_topsis(), Lang::Zh),
        "熵权TOPSIS"
    );
}

#[test]
fn each_years_sensitivity_is_computed_once() {
    let dataset = crate::analysis::tests::tiny();
    let evaluated = Evaluated::compute(&dataset, &EvaluationSettings::default());
    let first = evaluated.sensitivity(&dataset, 2022).unwrap();
    let again = evaluated.sensitivity(&dataset, 2022).unwrap();
    assert!(std::ptr::eq(first, again), "the same result, not a new one");
    assert_eq!(first.as_ref().map(|s| s.year), Ok(2022));
    assert_eq!(first.as_ref().map(|s| s.spec.draws), Ok(1000));
    assert!(evaluated.sensitivity(&dataset, 2021).is_some());
    assert!(evaluated.sensitivity(&dataset, 1999).is_none());
}

#[test]
fn settings_from_the_controls() {
    let dataset = crate::analysis::tests::tiny();
    let base = EvaluationSettings::default();
    assert_eq!(slider_weights(&dataset, &base), [60.0, 40.0]);
    let moved = with_dimension_weights(&dataset, &base, &[1.0, 3.0], Lang::En).unwrap();
    assert_eq!(slider_weights(&dataset, &moved), [1.0, 3.0]);
    for (bad, says) in [
        (
            &[1.0][..],
            "1 weights for 2 dimensions: give one per dimension (a, b)",
        ),
        (
            &[1.0, -2.0],
            "the weight of b is -2: give a number of 0 or more",
        ),
        (
            &[f64::NAN, 1.0],
            "the weight of a is NaN: give a number of 0 or more",
        ),
        (
            &[0.0, 0.0],
            "all weights are 0: give at least one dimension a positive weight",
        ),
    ] {
        assert_eq!(
            with_dimension_weights(&dataset, &base, bad, Lang::En).unwrap_err(),
            says
        );
    }
    let topsis =
        with_methods(&dataset, &moved, ("min_max", "entropy", "topsis"), Lang::En).unwrap();
    assert_eq!(topsis, EvaluationSettings::entropy_topsis());
    let keep = with_methods(
        &dataset,
        &moved,
        ("vector", "dimensions", "geometric"),
        Lang::Zh,
    )
    .unwrap();
    assert_eq!(
        slider_weights(&dataset, &keep),
        [1.0, 3.0],
        "the reader's weights stay"
    );
    assert_eq!(
        with_methods(
            &dataset,
            &base,
            ("min_max", "framework", "median"),
            Lang::En
        )
        .unwrap_err(),
        "unknown aggregation \"median\": use one of arithmetic, geometric, topsis"
    );
    // z-scores are negative for zones below the mean: no geometric mean.
    let z_geo = with_methods(
        &dataset,
        &base,
        ("z_score", "framework", "geometric"),
        Lang::En,
    )
    .unwrap();
    assert!(Evaluated::compute(&dataset, &z_geo).evaluation.is_err());
    assert!(
        Evaluated::compute(&dataset, &topsis).is_for(&EvaluationSettings {
            year: Some(2021),
            ..topsis.clone()
        })
    );
}

#[test]
fn the_select_follows_the_settings_and_custom_weights_say_so() {
    use crate::analysis::evaluation::{EvaluationSettings, EvaluationWeighting};
    let framework = EvaluationSettings::default();
    assert_eq!(preset_id(&framework), "framework");
    assert_eq!(
        preset_id(&EvaluationSettings::entropy_topsis()),
        "entropy_topsis"
    );
    let custom = EvaluationSettings {
        weighting: EvaluationWeighting::Dimensions {
            weights: vec![60.0, 0.0, 0.0, 0.0, 10.0],
        },
        ..EvaluationSettings::default()
    };
    assert_eq!(preset_id(&custom), "custom");
    assert!(sliders_set_weights(&framework) && sliders_set_weights(&custom));
    assert!(!sliders_set_weights(&EvaluationSettings::entropy_topsis()));
}

#[test]
fn entropy_weights_on_screen_are_the_evaluations() {
    use crate::analysis::evaluation::{evaluate, EvaluationSettings};
    let dataset = crate::views::testing::bundled();
    let evaluation = evaluate(&dataset, &EvaluationSettings::entropy_topsis()).expect("evaluates");
    let (shares, line) = weights_shown(&dataset, Some(&evaluation), 2022, Lang::Zh);
    // The shares are the evaluation's own dimension weights, rounded; they
    // add up to 100% give or take the rounding of five shares.
    let year = evaluation.year(2022).expect("2022");
    let expected: Vec<String> = year
        .dimension_weights
        .iter()
        .map(|w| format!("{}%", (100.0 * w).round()))
        .collect();
    assert_eq!(shares, expected);
    let sum: f64 = year.dimension_weights.iter().sum();
    assert!((sum - 1.0).abs() < 1e-9, "{sum}");
    assert!(line.starts_with("权重：熵权，由2022年数据算出"), "{line}");
    // Under the framework the sliders' own shares: 20/20/15/15/30.
    let framework = evaluate(&dataset, &EvaluationSettings::default()).expect("evaluates");
    let (shares, line) = weights_shown(&dataset, Some(&framework), 2022, Lang::En);
    assert_eq!(shares, ["20%", "20%", "15%", "15%", "30%"]);
    assert!(line.contains("Moving a slider switches"), "{line}");
}

/// A rule change keeps the Monte Carlo draws and ranks them again, giving
/// what computing afresh gives, whether the same zones are out of the
/// year's ranking or others; a weight change draws again.
#[test]
fn a_rule_change_ranks_the_kept_draws_again() {
    use crate::metrics::dynamic::Rules;
    let dataset = crate::views::testing::bundled();
    let settings = EvaluationSettings::default();
    let before = Evaluated::compute(&dataset, &settings);
    assert!(before
        .sensitivity(&dataset, 2022)
        .is_some_and(|s| s.is_ok()));
    let draws = |e: &Evaluated| e.draws.borrow().clone().expect("draws made");
    let rules = before.evaluation.as_ref().expect("evaluates").rules.clone();
    let out = |e: &Evaluated| {
        let e = e.evaluation.as_ref().expect("evaluates");
        let zones = e.year(2022).expect("2022").zones.iter();
        zones.filter(|z| z.exited_in.is_some()).count()
    };
    // Rewarding the top 4 instead of 3 names no other zone for exit; exit
    // after one warned year names more.
    for (rules, more_out) in [
        (
            Rules {
                reward_top_k: Some(4),
                ..rules.clone()
            },
            false,
        ),
        (
            Rules {
                exit_after: Some(1),
                ..rules.clone()
            },
            true,
        ),
    ] {
        let changed = EvaluationSettings {
            rules: Some(rules),
            ..settings.clone()
        };
        let after = Evaluated::compute_after(&dataset, &changed, Some(&before));
        let fresh = Evaluated::compute(&dataset, &changed);
        assert_eq!(
            after.sensitivity(&dataset, 2022),
            fresh.sensitivity(&dataset, 2022)
        );
        assert!(
            Rc::ptr_eq(&draws(&before), &draws(&after)),
            "not drawn again"
        );
        assert_eq!(out(&after) > out(&before), more_out);
    }
    let weights = EvaluationSettings {
        weighting: EvaluationWeighting::Dimensions {
            weights: vec![30.0, 20.0, 15.0, 15.0, 30.0],
        },
        ..settings
    };
    let after = Evaluated::compute_after(&dataset, &weights, Some(&before));
    assert!(after.sensitivity(&dataset, 2022).is_some());
    assert!(!Rc::ptr_eq(&draws(&before), &draws(&after)), "drawn again");
}
