//! The rules in words and numbers, worked out by hand from the bundled
//! data file's `framework.tiers` (top 3, rise 5, bottom 3, below 5, exit after 2).

use super::*;
use crate::analysis::evaluation::{evaluate, EvaluationSettings};
use crate::views::testing::bundled;

#[test]
fn the_files_rules_in_words_and_numbers() {
    let rules = tier_rules(&bundled());
    assert_eq!(values(&rules), [3.0, 5.0, 3.0, 5.0, 2.0]);
    assert_eq!(
        line(&rules, None, Lang::Zh),
        "规则：前3名奖励 · 上升≥5位奖励 · 倒数3名预警 · 得分低于5预警 · 连续2年预警且名次未改善则列入退出"
    );
    assert_eq!(from_values(&values(&rules)), Some(rules));
}

/// How many zones each rule catches, on the tiny dataset of the analysis
/// tests, by hand (analysis/evaluation/tests.rs: top 1, rise ≥ 1, bottom 1,
/// below 40, exit after 2): 2021 scores [0, 27.14, 44.29, 100]: top z4,
/// no rise (the first year), bottom z1, below 40 z1 and z2, no exit (one
/// warned year); 2022 scores [40, 15, 50, 70]: top z4, rise z1 (4th →
/// 3rd), bottom z2, below 40 z2 (z1's 40 is not below), exit z2.
#[test]
fn each_rule_says_how_many_zones_it_catches() {
    let dataset = crate::analysis::tests::tiny();
    let evaluation = evaluate(&dataset, &EvaluationSettings::default()).expect("evaluates");
    assert_eq!(caught(&evaluation, 2021), [1, 0, 1, 2, 0]);
    assert_eq!(caught(&evaluation, 2022), [1, 1, 1, 1, 1]);
    assert_eq!(
        line(
            &evaluation.rules,
            Some((2021, caught(&evaluation, 2021))),
            Lang::En
        ),
        "Rules (zones caught in 2021): reward the top 1 (1) · reward a rise of 1+ places (0) · \
         warn the bottom 1 (1) · warn a score below 40 (2) · \
         name for exit after 2 warned years in a row without a better rank (0)"
    );
    assert_eq!(
        line(
            &evaluation.rules,
            Some((2022, caught(&evaluation, 2022))),
            Lang::Zh
        ),
        "规则（括号内为2022年涉及园区数）：前1名奖励（1） · 上升≥1位奖励（1） · \
         倒数1名预警（1） · 得分低于40预警（1） · 连续2年预警且名次未改善则列入退出（1）"
    );
}

#[test]
fn zero_switches_a_rule_off_and_bad_numbers_are_refused() {
    let rules = from_values(&[0.0, 0.0, 4.0, 0.0, 3.0]).expect("valid");
    assert_eq!(rules.reward_top_k, None);
    assert_eq!(rules.warn_below, None);
    assert_eq!(rules.warn_bottom_k, Some(4));
    assert_eq!(
        line(&rules, None, Lang::En),
        "Rules: warn the bottom 4 · name for exit after 3 warned years in a row without a better rank"
    );
    assert_eq!(
        line(&from_values(&[0.0; 5]).expect("valid"), None, Lang::En),
        "every rule is off"
    );
    // Exit after one warned year: a warning is enough (no run, no rank to
    // compare with another year's).
    let one = from_values(&[0.0, 0.0, 4.0, 0.0, 1.0]).expect("valid");
    assert_eq!(
        line(&one, None, Lang::En),
        "Rules: warn the bottom 4 · name for exit when warned"
    );
    assert_eq!(
        line(&one, None, Lang::Zh),
        "规则：倒数4名预警 · 预警即列入退出"
    );
    assert_eq!(from_values(&[1.0, 2.0, 3.0]), None, "three numbers");
    assert_eq!(
        from_values(&[1.5, 0.0, 0.0, 0.0, 0.0]),
        None,
        "a fractional count"
    );
    assert_eq!(
        from_values(&[1.0, 0.0, 0.0, -1.0, 0.0]),
        None,
        "a negative score"
    );
    assert_eq!(from_values(&[1.0, 0.0, 0.0, f64::NAN, 0.0]), None);
}

#[test]
fn tier_counts_agree_with_the_analysis() {
    // For the evaluation's own rules `outcome` reads what the analysis
    // computed (`Evaluation::tiers`, `exited_in`); applying the same rules
    // again to the scores is an independent path to the same numbers.
    let dataset = bundled();
    let evaluation = evaluate(&dataset, &EvaluationSettings::default()).expect("evaluates");
    for tiers in &evaluation.tiers {
        let read = outcome(&evaluation, &evaluation.rules, tiers.year).expect("reads");
        assert_eq!(
            read.tiers,
            [tiers.reward.len(), tiers.warning.len(), tiers.exit.len()],
            "{}",
            tiers.year
        );
        assert_eq!(
            Some(read),
            applied(&evaluation, &evaluation.rules, tiers.year),
            "{}",
            tiers.year
        );
    }
    // Warning the bottom 6 instead of 3 warns at least as many zones.
    let wider = Rules {
        warn_bottom_k: Some(6),
        ..evaluation.rules.clone()
    };
    let [_, warned_wider, _] = tier_counts(&evaluation, &wider, 2022).expect("applies");
    let [_, warned, _] = tier_counts(&evaluation, &evaluation.rules, 2022).expect("applies");
    assert!(
        warned_wider >= 6 && warned_wider >= warned,
        "{warned_wider} {warned}"
    );
}

#[test]
fn the_effect_compares_with_the_rules_in_the_data() {
    let dataset = bundled();
    let evaluation = evaluate(&dataset, &EvaluationSettings::default()).expect("evaluates");
    let tiers = evaluation
        .tiers
        .iter()
        .find(|t| t.year == 2022)
        .expect("2022");
    // The zones named for exit in the years before are out of 2022's
    // ranking, and the effect says how many.
    let gone: usize = evaluation
        .tiers
        .iter()
        .filter(|t| t.year < 2022)
        .map(|t| t.exit.len())
        .sum();
    assert!(gone > 0);
    assert_eq!(
        effect(&dataset, &evaluation, 2022, Lang::Zh),
        format!(
            "按数据文件的规则，2022年{}家列入退出、{}家预警、{}家奖励。2022年之前已有{gone}家退出，不再排名。",
            tiers.exit.len(),
            tiers.warning.len(),
            tiers.reward.len()
        )
    );
    // In English, the data's rules (not the policy's: the report names no
    // thresholds) and no exit in 2022 said in words: Zone AA, the one zone
    // named for exit (2020, views::ranking's tests), left before 2022.
    assert!(tiers.exit.is_empty());
    assert_eq!(gone, 1);
    assert_eq!(
        effect(&dataset, &evaluation, 2022, Lang::En),
        format!(
            "With the rules in the data, in 2022 no zone is named for exit, {} warned, {} rewarded. 1 zone left the ranking before 2022.",
            tiers.warning.len(),
            tiers.reward.len()
        )
    );
    // No rule at all: nobody is rewarded, warned or named for exit.
    let settings = EvaluationSettings {
        rules: from_values(&[0.0; 5]),
        ..EvaluationSettings::default()
    };
    let none = evaluate(&dataset, &settings).expect("evaluates");
    assert_eq!(
        effect(&dataset, &none, 2022, Lang::En),
        format!(
            "With these rules, in 2022 no zone is named for exit ({} with the rules in the data), 0 warned ({}), 0 rewarded ({}).",
            tiers.exit.len(),
            tiers.warning.len(),
            tiers.reward.len()
        )
    );
}

/// Rules that reward every zone (the top 999 of 36) and warn the bottom 3
/// (no other rule): by hand, the 3 warned are among those rewarded for
/// ranking high, and the effect says the rules contradict each other; the
/// same count whether the rules are the evaluation's own or applied to its
/// scores. A rise rewarded and the bottom warned overlap by design
/// (metrics::dynamic::Tier: a zone that rose but is still among the bottom):
/// no such word.
#[test]
fn rules_that_reward_the_top_and_warn_it_are_said_to_contradict() {
    let dataset = bundled();
    let evaluated = |values: [f64; 5]| {
        let rules = from_values(&values).expect("rules");
        let settings = EvaluationSettings {
            rules: Some(rules.clone()),
            ..EvaluationSettings::default()
        };
        (rules, evaluate(&dataset, &settings).expect("evaluates"))
    };
    let (rules, evaluation) = evaluated([999.0, 0.0, 3.0, 0.0, 0.0]);
    let own = outcome(&evaluation, &rules, 2022).expect("outcome");
    assert_eq!((own.tiers, own.top_and_warned), ([36, 3, 0], 3));
    let default = evaluate(&dataset, &EvaluationSettings::default()).expect("evaluates");
    let applied = outcome(&default, &rules, 2022).expect("outcome");
    assert_eq!(applied.top_and_warned, 3);
    let en = effect(&dataset, &evaluation, 2022, Lang::En);
    assert!(
        en.ends_with(
            " 3 zones are rewarded for ranking high and warned: these rules contradict each other."
        ),
        "{en}"
    );
    let zh = effect(&dataset, &evaluation, 2022, Lang::Zh);
    assert!(
        zh.ends_with("。3家既因排名靠前获奖励，又被预警：这些规则相互矛盾。"),
        "{zh}"
    );
    // A rise of 1 place rewarded, the bottom 3 warned: some zones are both
    // (the reviewer's probe found 2 in 2022), and that is no contradiction.
    let (rules, evaluation) = evaluated([0.0, 1.0, 3.0, 0.0, 0.0]);
    let rise = outcome(&evaluation, &rules, 2022).expect("outcome");
    let both = evaluation
        .verdicts
        .iter()
        .filter(|v| {
            let tiers = &v.verdict.tiers;
            v.verdict.year == 2022
                && tiers.contains(&Tier::Reward)
                && tiers.contains(&Tier::Warning)
        })
        .count();
    assert!(both > 0, "the case is the one meant");
    assert_eq!(rise.top_and_warned, 0);
    assert!(!effect(&dataset, &evaluation, 2022, Lang::En).contains("contradict"));
    // Every zone rewarded and every score below 100 warned: all 36 ranked
    // in 2022 are both (the leader scores 92.5473: tools/expected_values.py).
    let (rules, evaluation) = evaluated([999.0, 0.0, 0.0, 100.0, 0.0]);
    let below = outcome(&evaluation, &rules, 2022).expect("outcome");
    assert_eq!((below.tiers[0], below.top_and_warned), (36, 36));
    // The data's own rules reward the top and warn the bottom of no zone
    // alike, in any year.
    let own = evaluate(&dataset, &EvaluationSettings::default()).expect("evaluates");
    for year in 2018..=2022 {
        let outcome = outcome(&own, &own.rules, year).expect("outcome");
        assert_eq!(outcome.top_and_warned, 0, "{year}");
    }
}

#[test]
fn promotion_names_the_criterion_and_who_meets_it() {
    let dataset = bundled();
    let evaluation = evaluate(&dataset, &EvaluationSettings::default()).expect("evaluates");
    let text = promotion(&dataset, &evaluation, Lang::Zh);
    assert!(
        text.starts_with(
            "以升促建（本项目所定标准：市级高新区连续2年得分不低于国家级高新区得分的中位数）："
        ),
        "{text}"
    );
    let en = promotion(&dataset, &evaluation, Lang::En);
    assert!(
        en.starts_with("Promotion (以升促建, upgrading strong region-level zones; our criterion:"),
        "{en}"
    );
    // docs/DATA.md: in the bundled data Zone M (寅高新区) alone qualifies.
    assert!(text.ends_with("：寅高新区符合条件。"), "{text}");
    assert!(en.ends_with("): Zone M qualifies."), "{en}");
}

/// The share link's numbers, and the command line's: commas, or dots in
/// links written before; each a JSON number (so no "+3", ".5" or "5.", which
/// `str::parse` took on the command line only), anything else refused.
#[test]
fn the_link_numbers_read_as_json_numbers() {
    assert_eq!(parse("3,5,3,7.5,2"), Some(vec![3.0, 5.0, 3.0, 7.5, 2.0]));
    assert_eq!(parse("3.5.3.5.2"), Some(vec![3.0, 5.0, 3.0, 5.0, 2.0]));
    assert_eq!(parse("1e3"), Some(vec![1000.0]));
    for refused in [
        "1,,2",
        "+3,0,0,0,0",
        ".5,0,0,0,0",
        "5.,0,0,0,0",
        "NaN,0",
        "1e400,0",
        "",
    ] {
        assert_eq!(parse(refused), None, "{refused:?}");
    }
}
