//! The ranking view: on the tiny dataset of the analysis tests, worked out
//! by hand (see `analysis/evaluation/tests.rs`), and on the bundled dataset
//! against `analysis::evaluation::evaluate`.

use super::*;
use crate::analysis::evaluation::{evaluate, EvaluationSettings};
use crate::analysis::tests::tiny;
use crate::views::evaluation::with_dimension_weights;
use crate::views::testing::{build_in, bundled, evaluating, state};

/// Tiny, 2022, framework weights 60/40, min-max: scores z1..z4 = 40, 15,
/// 50, 70 → ranks 3, 4, 2, 1; changes +1, −1, 0, 0 (2021 ranks 4, 3, 2,
/// 1); reward z4 (top 1) and z1 (rose 1); z2 warned (bottom 1, 15 < 40)
/// and named for exit (warned 2021 and 2022, rank 3 → 4).
#[test]
fn tiny_rows_by_hand() {
    let dataset = tiny();
    let view = build_in(
        &dataset,
        &state(&dataset, 2022, None, Some(1), Lang::Zh),
        RankingView::build,
    );
    let names: Vec<&str> = view.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["z4区", "z3区", "z1区", "z2区"]);
    let ranks: Vec<Option<usize>> = view.rows.iter().map(|r| r.rank).collect();
    assert_eq!(ranks, [Some(1), Some(2), Some(3), Some(4)]);
    let changes: Vec<Option<i64>> = view.rows.iter().map(|r| r.rank_change).collect();
    assert_eq!(changes, [Some(0), Some(0), Some(1), Some(-1)]);
    let scores: Vec<f64> = view.rows.iter().filter_map(|r| r.score).collect();
    for (got, want) in scores.iter().zip([70.0, 50.0, 40.0, 15.0]) {
        assert!((got - want).abs() < 1e-9, "{got} vs {want}");
    }
    let markers: Vec<&[Tier]> = view.rows.iter().map(|r| &r.markers[..]).collect();
    assert_eq!(
        markers,
        [&[Tier::Reward][..], &[], &[Tier::Reward], &[Tier::Exit]]
    );
    assert_eq!(view.rows[3].tier, Some(Tier::Exit));
    assert!(view.rows[3].selected, "z2 is selected");
    assert_eq!(view.warn_below, Some(40.0));
    assert_eq!(
        view.rows[2].tooltip,
        "第3名 z1区：40.0分，较上年上升1位；上升≥1位奖励（奖励：从第4升至第3，进位1（≥1））"
    );
    // The glyphs: the rule that fired for each (z2's two warnings are
    // implied by its exit and not drawn); the legend, each rule in words.
    let rules: Vec<&[Rule]> = view.rows.iter().map(|r| &r.rules[..]).collect();
    assert_eq!(rules, [&[Rule::Top][..], &[], &[Rule::Rise], &[Rule::Exit]]);
    let legend: Vec<&str> = view.rule_legend.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(
        legend,
        [
            "前1名奖励",
            "上升≥1位奖励",
            "倒数1名预警",
            "得分低于40预警",
            "连续2年预警未改善退出"
        ]
    );
    assert_eq!(
        view.summary,
        "2022年（最小-最大标准化、指标体系权重、加权求和），z4区以70.0分居首，\
         z3区（50.0分）、z1区（40.0分）次之；z2区得分最低（15.0分）。\
         2个园区获奖励，1个被预警，其中1个按退出规则被列入退出名单。\
         z2区：预警：倒数第1，位列后1；预警：得分15.0低于40；\
         退出：自2021年起连续2年预警，排名未改善（第3→第4）。\
         较上年进位最多的是z1区（上升1位）。所选的z2区第4名（15.0），较上年下降1位。\
         规则（括号内为2022年涉及园区数）：前1名奖励（1） · 上升≥1位奖励（1） · \
         倒数1名预警（1） · 得分低于40预警（1） · 连续2年预警且名次未改善则列入退出（1）。"
    );
    // In English the same counts, and the exit said under the rule, not
    // as "warned year after year" (the reader's rule may exit on one
    // warning; z2's reason says what fired).
    let en = build_in(
        &dataset,
        &state(&dataset, 2022, None, Some(1), Lang::En),
        RankingView::build,
    );
    assert!(
        en.summary.contains(
            " 2 zones earn a reward and 1 a warning; named for exit under the exit rule: 1."
        ),
        "{}",
        en.summary
    );
}

#[test]
fn the_level_filter_lists_that_level_with_ranks_among_all() {
    let dataset = tiny();
    let view = build_in(
        &dataset,
        &state(&dataset, 2022, Some(Level::National), None, Lang::En),
        RankingView::build,
    );
    let names: Vec<&str> = view.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Zone z1", "Zone z2"]);
    assert_eq!(view.rows[0].rank, Some(3));
    assert_eq!(
        view.note,
        "Min-max, framework weights, weighted sum. Only the 2 national zones, ranked among all 4."
    );
    assert!(view.title.contains("national zones"), "{}", view.title);
}

#[test]
fn first_year_has_no_arrows_and_says_nothing_of_risers() {
    let dataset = tiny();
    let view = build_in(
        &dataset,
        &state(&dataset, 2021, None, None, Lang::En),
        RankingView::build,
    );
    assert!(view.rows.iter().all(|r| r.rank_change.is_none()));
    assert!(!view.summary.contains("rose"), "{}", view.summary);
}

/// The bundled data, framework settings, 2022. Expected figures from
/// tools/expected_values.py (section "views/ranking": min-max, the
/// framework's dimension weights shared by coefficient, weighted mean, in
/// NumPy): Zone A 92.5023, Zone B 71.8467, Zone C 53.8789 … Zone AH 2.2288;
/// reward z01–z03; warned z33 and z36 in both 2021 and 2022, each with a
/// better rank in 2022, so neither is named for exit; Zone R up 7 (28th →
/// 21st). The view's rows are also compared with the evaluation they are
/// drawn from.
#[test]
fn bundled_ranking_matches_the_analysis() {
    let dataset = bundled();
    let settings = EvaluationSettings::default();
    let view = build_in(
        &dataset,
        &evaluating(&dataset, &settings, Lang::En),
        RankingView::build,
    );
    let evaluation = evaluate(&dataset, &settings).unwrap();
    let year = evaluation.year(2022).unwrap();
    // Under the file's rules with exit modelled, Zone AA is named for exit
    // in 2020 (last in 2019 and 2020; tools/expected_values.py, "exits",
    // applies the rules in plain Python):
    // 35 ranked in 2022.
    assert_eq!(view.rows.len(), 35);
    let exited: Vec<&str> = year
        .zones
        .iter()
        .filter(|z| z.exited_in.is_some())
        .map(|z| dataset.zones[z.zone].name.en.as_str())
        .collect();
    assert_eq!(exited, ["Zone AA"]);
    // The note says how many are left out, how to show them, and who.
    assert_eq!(
        view.note,
        "Min-max, framework weights, weighted sum. Not shown: 1 named for exit under these \
         rules (tick \"Keep zones named for exit in later rankings (for comparison)\" to \
         show them): Zone AA (2020)."
    );
    for row in &view.rows {
        let z = &year.zones[row.zone];
        assert_eq!((row.rank, row.score), (z.rank, z.score));
    }
    assert_eq!(view.rows[0].name, "Zone A");
    // tools/expected_values.py: the 2022 scores of the first three (the
    // scores do not depend on exits, only the ranks do).
    let score = |i: usize| view.rows[i].score.unwrap();
    for (i, want) in [(0, 92.5023), (1, 71.8467), (2, 53.8789)] {
        assert!(
            (score(i) - want).abs() < 1e-3,
            "row {i}: {} vs {want}",
            score(i)
        );
    }
    let last = &view.rows[34].name;
    assert!(
        view.summary.starts_with(&format!(
            "In 2022 (min-max, framework weights, weighted sum), Zone A ranks first with 92.5, \
             ahead of Zone B (71.8) and Zone C (53.9); {last} scores lowest"
        )),
        "{}",
        view.summary
    );
    assert!(
        view.summary.contains(
            "Zone R rose furthest since last year (up 7). Not shown: 1 named for exit \
                       under these rules (tick \"Keep zones named for exit in later \
                       rankings (for comparison)\" to show them). Rules (zones caught in \
                       2022): reward the top 3 (3) ·"
        ),
        "{}",
        view.summary
    );
    let table = view.table();
    assert_eq!(table.rows.len(), 35);
    assert_eq!(
        table.rows[0][..5],
        ["Zone A", "1", "92.5", "unchanged", "reward"]
    );
}

/// Moving a weight changes the ranking to what the analysis computes with
/// those weights: all weight on "openness" (the 4th dimension).
#[test]
fn moving_a_weight_reranks_as_the_analysis_does() {
    let dataset = bundled();
    let base = EvaluationSettings::default();
    let moved =
        with_dimension_weights(&dataset, &base, &[0.0, 0.0, 0.0, 100.0, 0.0], Lang::En).unwrap();
    let view = build_in(
        &dataset,
        &evaluating(&dataset, &moved, Lang::En),
        RankingView::build,
    );
    let expected = evaluate(&dataset, &moved).unwrap();
    let mut by_rank: Vec<_> = expected
        .year(2022)
        .unwrap()
        .zones
        .iter()
        .filter(|z| z.exited_in.is_none())
        .collect();
    by_rank.sort_by_key(|z| (z.rank.is_none(), z.rank));
    let got: Vec<usize> = view.rows.iter().map(|r| r.zone).collect();
    let want: Vec<usize> = by_rank.iter().map(|z| z.zone).collect();
    assert_eq!(got, want);
    let before = build_in(
        &dataset,
        &evaluating(&dataset, &base, Lang::En),
        RankingView::build,
    );
    let before: Vec<usize> = before.rows.iter().map(|r| r.zone).collect();
    assert_ne!(got, before, "the weights move the ranking");
}

#[test]
fn a_failed_evaluation_is_said_not_drawn() {
    let dataset = tiny();
    let settings = EvaluationSettings {
        weighting: crate::analysis::evaluation::EvaluationWeighting::Dimensions {
            weights: vec![1.0],
        },
        ..EvaluationSettings::default()
    };
    let view = build_in(
        &dataset,
        &evaluating(&dataset, &settings, Lang::En),
        RankingView::build,
    );
    assert!(view.rows.is_empty());
    let error = view.error.as_deref().unwrap();
    assert!(
        error.contains("1 dimension weights for 2 dimensions"),
        "{error}"
    );
    assert_eq!(view.summary, error);
}

#[test]
fn synthetic_rankings_for_the_benchmark() {
    let view = RankingView::synthetic(1000, Lang::En);
    assert_eq!(view.rows.len(), 1000);
    assert!(view
        .rows
        .windows(2)
        .all(|w| w[0].score >= w[1].score && w[0].rank < w[1].rank));
    assert_eq!(view.rows[0].markers, [Tier::Reward]);
    assert_eq!(view.rows[999].tier, Some(Tier::Exit));
    assert_eq!(RankingView::synthetic(1, Lang::Zh).rows.len(), 1);
    assert!(RankingView::synthetic(0, Lang::Zh).rows.is_empty());
}

#[test]
fn compact_line_names_the_leader_and_the_selected_zone() {
    // Tiny, 2022, by hand (tiny_rows_by_hand): z4 first with 70.0; z2
    // (zone index 1) last, 4th.
    let dataset = tiny();
    let line = |zone, lang| {
        build_in(
            &dataset,
            &state(&dataset, 2022, None, zone, lang),
            RankingView::build,
        )
        .compact()
    };
    assert_eq!(
        line(Some(1), Lang::Zh),
        "第1名 z4区（70.0） · 所选z2区：第4名"
    );
    assert_eq!(
        line(Some(1), Lang::En),
        "1st Zone z4 (70.0) · selected Zone z2: 4th"
    );
    // The selected zone leading, or none selected: the leader alone.
    assert_eq!(line(Some(3), Lang::En), "1st Zone z4 (70.0)");
    assert_eq!(line(None, Lang::En), "1st Zone z4 (70.0)");
}

/// Rules that take every zone out: on the tiny dataset, warn a score below
/// 101 and name for exit after 1 warned year. By hand: every 2021 score
/// (0, 27.14, 44.29, 100) is below 101, so all four zones are warned and
/// named for exit in 2021, and nobody is ranked in 2022. The chart says so
/// in place of an empty plot, with how many are out and how to show them;
/// kept for comparison, the four are ranked again.
#[test]
fn rules_that_take_every_zone_out_say_so_and_how_to_show_them() {
    let dataset = tiny();
    let settings = EvaluationSettings {
        rules: crate::views::rules::from_values(&[0.0, 0.0, 0.0, 101.0, 1.0]),
        ..EvaluationSettings::default()
    };
    let view = build_in(
        &dataset,
        &evaluating(&dataset, &settings, Lang::Zh),
        RankingView::build,
    );
    assert!(view.rows.is_empty());
    let said = "2022年没有参加排名的园区。未列出按这些规则已列入退出的4个园区\
                （勾选“已列入退出的园区仍参加以后年份的排名（仅作比较）”可显示）：\
                z1区（2021年）、z2区（2021年）、z3区（2021年）、z4区（2021年）。";
    assert_eq!(view.error.as_deref(), Some(said));
    assert_eq!(view.summary, said);
    let kept = EvaluationSettings {
        keep_exited: true,
        ..settings
    };
    let view = build_in(
        &dataset,
        &evaluating(&dataset, &kept, Lang::En),
        RankingView::build,
    );
    assert_eq!(view.rows.len(), 4);
    assert!(!view.note.contains("Not shown"), "{}", view.note);
}

/// Rules that name many zones for exit: the bundled file under "warn a
/// score below 30" (5.5.3.30.2), and with "exit after 1 warned year"
/// (5.5.3.30.1) kept for comparison. The counts are the analysis's
/// (`evaluate`, which tools/expected_values.py's "exits" checks on the
/// file's rules): the zones out of the 2022 ranking, and, kept for
/// comparison, the zones named for exit in 2022. The caption names 20 of
/// those out and counts the rest; the summary's reasons stop at 20 zones
/// and count the rest.
#[test]
fn long_lists_of_exits_stop_at_twenty_and_count_the_rest() {
    let dataset = bundled();
    let settings = EvaluationSettings {
        rules: crate::views::rules::from_values(&[5.0, 5.0, 3.0, 30.0, 2.0]),
        ..EvaluationSettings::default()
    };
    let out = evaluate(&dataset, &settings)
        .unwrap()
        .year(2022)
        .unwrap()
        .zones
        .iter()
        .filter(|z| z.exited_in.is_some())
        .count();
    assert!(out > 20, "{out} out");
    let view = build_in(
        &dataset,
        &evaluating(&dataset, &settings, Lang::En),
        RankingView::build,
    );
    assert!(
        view.note.contains(&format!(
            "Not shown: {out} named for exit under these rules"
        )),
        "{}",
        view.note
    );
    assert!(
        view.note.ends_with(&format!(" and {} more.", out - 20)),
        "{}",
        view.note
    );
    assert_eq!(view.note.matches(" (20").count(), 20, "{}", view.note);
    assert!(view.summary.contains(&format!("Not shown: {out} named")));

    let kept = EvaluationSettings {
        keep_exited: true,
        rules: crate::views::rules::from_values(&[5.0, 5.0, 3.0, 30.0, 1.0]),
        ..settings
    };
    let named = evaluate(&dataset, &kept)
        .unwrap()
        .tiers
        .iter()
        .find(|t| t.year == 2022)
        .unwrap()
        .exit
        .len();
    assert!(named > 20, "{named} named for exit in 2022");
    let view = build_in(
        &dataset,
        &evaluating(&dataset, &kept, Lang::Zh),
        RankingView::build,
    );
    assert_eq!(
        view.summary.matches("退出：").count(),
        20,
        "{}",
        view.summary
    );
    assert!(
        view.summary
            .contains(&format!("另外{}个见表格。", named - 20)),
        "{}",
        view.summary
    );
}
