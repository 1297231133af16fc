//! The stability view: with δ = 0 every draw gives the base ranking (so the
//! interval is the rank itself, worked out by hand on the tiny dataset:
//! ranks 3, 4, 2, 1 in 2022); on the bundled dataset the rows are those of
//! `analysis::evaluation::sensitivity` with N = 1,000, seed 2022.

use super::*;
use crate::analysis::evaluation::{sensitivity, EvaluationSettings, DEFAULT_SENSITIVITY};
use crate::analysis::tests::tiny;
use crate::metrics::sensitivity::SensitivitySpec;
use crate::views::testing::{build_evaluated, build_in, evaluating, state};
use crate::views::Evaluated;

#[test]
fn no_perturbation_no_spread() {
    let dataset = tiny();
    let mut evaluated = Evaluated::compute(&dataset, &EvaluationSettings::default());
    evaluated.spec = SensitivitySpec {
        delta: 0.0,
        draws: 1000,
        seed: 1,
    };
    let view = build_evaluated(
        &dataset,
        &state(&dataset, 2022, None, Some(3), Lang::En),
        evaluated,
        StabilityView::build,
    );
    let zones: Vec<usize> = view.rows.iter().map(|r| r.zone).collect();
    assert_eq!(zones, [3, 2, 0, 1]);
    for (row, rank) in view.rows.iter().zip(1..) {
        assert_eq!(
            (row.base_rank, row.p05, row.p95),
            (Some(rank), Some(rank), Some(rank))
        );
        assert_eq!(row.median, Some(rank as f64));
        assert_eq!(row.mean_abs_shift, Some(0.0));
    }
    assert!(view.rows[0].selected);
    assert_eq!(view.max_rank, 4);
    assert_eq!(
        view.rows[0].tooltip,
        "Zone z4: 1st at the chosen weights, median rank 1, 1st in 90% of draws, mean shift 0.00 places"
    );
    assert_eq!(
        view.summary,
        "With every weight moved at random by up to ±0% in 1,000 draws, the 2022 ranking holds at \
         the top: in 90% of draws Zone z4 1st, Zone z3 2nd, Zone z1 3rd, unchanged. On average a \
         zone's rank moves by 0.00 places. The selected zone, Zone z4, is 1st now and 1st in 90% \
         of draws."
    );
}

#[test]
fn bundled_rows_are_the_analysis_sensitivity() {
    let dataset = crate::model::load(include_str!("../../../www/data/zones.json"))
        .unwrap()
        .dataset;
    let settings = EvaluationSettings::default();
    let view = build_in(
        &dataset,
        &evaluating(&dataset, &settings, Lang::Zh),
        StabilityView::build,
    );
    let expected = sensitivity(
        &dataset,
        &EvaluationSettings {
            year: Some(2022),
            ..settings
        },
        &DEFAULT_SENSITIVITY,
    )
    .unwrap();
    // One zone, Zone AA, was named for exit before 2022 (views::ranking's
    // test): out of the ranking, and of its stability.
    assert_eq!(view.rows.len(), 35);
    // The view carries the analysis' figures over unchanged (a plumbing check;
    // the Monte Carlo itself is cross-checked in tests/it/metrics.rs).
    for row in &view.rows {
        let z = &expected.zones[row.zone].zone;
        assert_eq!(
            (row.base_rank, row.median, row.p05, row.p95),
            (z.base_rank, z.median_rank, z.rank_p05, z.rank_p95)
        );
    }
    // Properties that hold whatever the draws: the base ranks are 1..=35 once
    // each, and every interval holds its median.
    let mut base: Vec<usize> = view.rows.iter().filter_map(|r| r.base_rank).collect();
    base.sort_unstable();
    assert_eq!(base, (1..=35).collect::<Vec<_>>());
    for row in &view.rows {
        let (p05, median, p95) = (row.p05.unwrap(), row.median.unwrap(), row.p95.unwrap());
        assert!(
            p05 as f64 <= median && median <= p95 as f64,
            "zone {}",
            row.zone
        );
    }
    // tools/expected_values.py ("views/ranking"): Zone A (index 0) is first
    // at the framework's weights in 2022.
    let first = view.rows.iter().find(|r| r.base_rank == Some(1)).unwrap();
    assert_eq!(first.zone, 0);
    assert!(
        view.summary
            .starts_with("权重在±20%内随机变动1,000次后，2022年的排名前列稳定"),
        "{}",
        view.summary
    );
    assert_eq!(view.table().rows.len(), 35);
    assert!(
        view.note.contains("抽样1,000次（种子2022）"),
        "{}",
        view.note
    );
}

#[test]
fn an_unknown_year_is_said() {
    let dataset = tiny();
    let view = build_in(
        &dataset,
        &state(&dataset, 1999, None, None, Lang::En),
        StabilityView::build,
    );
    assert!(view.rows.is_empty());
    assert!(view.error.as_deref().unwrap().contains("no year 1999"));
}

/// The window of a tall chart's rows, by hand: all up to 100; else 100
/// centred on the selected row where it can be, the first 100 without one,
/// the last 100 near the end.
#[test]
fn tall_charts_draw_a_window_of_rows() {
    use crate::views::{window, window_note};
    assert_eq!(window(36, Some(5)), 0..36);
    assert_eq!(window(100, None), 0..100);
    assert_eq!(window(5_000, None), 0..100);
    assert_eq!(window(5_000, Some(2_000)), 1_950..2_050);
    assert_eq!(window(5_000, Some(10)), 0..100);
    assert_eq!(window(5_000, Some(4_999)), 4_900..5_000);
    assert_eq!(
        window_note(&(1_950..2_050), 5_000, Lang::En),
        "Zones 1,951–2,050 of 5,000 by rank drawn: choose a zone to see those around it; \
         the table lists all."
    );
    assert_eq!(
        window_note(&(0..100), 5_000, Lang::Zh),
        "共5,000家园区，图中按名次只画第1–100家：选择园区可看其前后的园区；表格列出全部。"
    );
}

#[test]
fn a_large_file_gets_fewer_draws_and_the_note_says_so() {
    // By hand: 36 zones × 27 indicators = 972 values, 12,000,000 / 972 =
    // 12,345 draws, capped at 1,000; 2,000 × 27 = 54,000 values: 222, so
    // 200; 5,000 × 30: 80, so the floor of 100.
    use crate::views::evaluation::{draws_for, percentile_margin};
    assert_eq!(draws_for(36 * 27), 1000);
    assert_eq!(draws_for(2000 * 27), 200);
    assert_eq!(draws_for(5000 * 30), 100);
    // 1.96 √(0.05 · 0.95 / 200) = 0.0302: ±3.0 points, so the 5% bound is
    // that of the 2%–8% percentile and the 95% one of 92%–98%; at 1,000, ±1.4.
    assert_eq!(format!("{:.1}", percentile_margin(200)), "3.0");
    assert_eq!(format!("{:.1}", percentile_margin(1000)), "1.4");

    let dataset = tiny();
    for (lang, said) in [
        (
            Lang::Zh,
            "园区较多（4个），抽样减为200次：图中5%与95%分位的名次，实际约为2%–8%与92%–98%分位的名次（95%置信）。",
        ),
        (
            Lang::En,
            " With 4 zones, only 200 draws: the ranks shown as the 5% and 95% bounds may be those of about the 2–8% and 92–98% percentiles (95% confidence).",
        ),
    ] {
        let mut evaluated = Evaluated::compute(&dataset, &EvaluationSettings::default());
        assert_eq!(evaluated.spec.draws, 1000, "a small file: every draw");
        // As `draws_for` sets them for 2,000 zones (the tiny file's 4 zones
        // are named in the sentence).
        evaluated.spec.draws = 200;
        let view = build_evaluated(
            &dataset,
            &state(&dataset, 2022, None, None, lang),
            evaluated,
            StabilityView::build,
        );
        assert!(view.note.ends_with(said), "{}", view.note);
        assert!(view.summary.ends_with(said), "{}", view.summary);
    }
}
