//! The rank-over-years view on the tiny dataset of the analysis tests,
//! worked out by hand: ranks 2021 [4, 3, 2, 1], 2022 [3, 4, 2, 1] for z1..z4;
//! 2021 reward z4, warned z1 and z2; 2022 reward z4 and z1 (rose 1), z2
//! warned and named for exit.

use super::*;
use crate::model::Level;

use crate::analysis::tests::tiny;
use crate::views::testing::{build_in, latest, state};

#[test]
fn lines_in_last_rank_order_with_tiers_by_hand() {
    let dataset = tiny();
    let view = build_in(
        &dataset,
        &state(&dataset, latest(&dataset), None, Some(0), Lang::Zh),
        BumpView::build,
    );
    assert_eq!(view.years, [2021, 2022]);
    assert_eq!(view.max_rank, 4);
    let zones: Vec<usize> = view.lines.iter().map(|l| l.zone).collect();
    assert_eq!(zones, [3, 2, 0, 1], "z4, z3, z1, z2");
    let z1 = &view.lines[2];
    assert!(z1.selected);
    let ranks: Vec<Option<usize>> = z1.points.iter().map(|p| p.rank).collect();
    assert_eq!(ranks, [Some(4), Some(3)]);
    let tiers: Vec<Option<Tier>> = z1.points.iter().map(|p| p.tier).collect();
    assert_eq!(tiers, [Some(Tier::Warning), Some(Tier::Reward)]);
    assert_eq!(view.lines[3].points[1].tier, Some(Tier::Exit));
    assert_eq!(view.lines[1].points[1].tier, None, "z3 earned nothing");
    assert_eq!(
        view.tooltip(z1, &z1.points[1]),
        "z1区 2022年：第3名，40.0分；奖励：从第4升至第3，进位1（≥1）"
    );
    assert_eq!(
        view.summary,
        "2021–2022年，z4区每年都排名第一；名次变动最大的是z1区（在第3名与第4名之间）；\
         4个园区中有2个历年名次不变。所选的z1区：2021年第4名（预警） → 2022年第3名（奖励）。2022年：2个获奖励，1个被预警（其中1个列入退出），标记见图例。"
    );
    let table = view.table();
    assert_eq!(table.columns, ["园区", "2021年名次", "2022年名次"]);
    assert_eq!(table.rows[2], ["z1区", "4（预警）", "3（奖励）"]);
}

#[test]
fn the_level_filter_keeps_that_levels_lines() {
    let dataset = tiny();
    let view = build_in(
        &dataset,
        &state(
            &dataset,
            latest(&dataset),
            Some(Level::National),
            None,
            Lang::En,
        ),
        BumpView::build,
    );
    let zones: Vec<usize> = view.lines.iter().map(|l| l.zone).collect();
    assert_eq!(zones, [0, 1]);
    assert_eq!(view.max_rank, 4, "ranks among all zones");
    assert!(view
        .note
        .ends_with("Only the national zones, ranked among all zones."));
}

/// A zone's history ends with its exit: Zone AA (z27) is last in 2019 and
/// 2020 (warned both years without a better rank), named for exit in 2020
/// (tools/expected_values.py, "exits", applies the rules in plain Python),
/// and out of the ranking from 2021.
#[test]
fn the_selected_zones_history_ends_with_its_exit() {
    let dataset = crate::views::testing::bundled();
    let z27 = dataset.zone_index("z27").expect("z27");
    let view = build_in(
        &dataset,
        &state(&dataset, latest(&dataset), None, Some(z27), Lang::En),
        BumpView::build,
    );
    let line = view.lines.iter().find(|l| l.zone == z27).expect("a line");
    let text = timeline(line, Lang::En);
    assert!(
        text.starts_with(" The selected zone, Zone AA: 2018: "),
        "{text}"
    );
    assert!(
        text.contains(" → 2019: 36th (warning) → 2020: 36th (named for exit) → out from 2021."),
        "{text}"
    );
    assert!(view.summary.contains(&text));
    let p2021 = &line.points[3];
    assert_eq!((p2021.rank, p2021.exited_in), (None, Some(2020)));
    assert_eq!(
        view.tooltip(line, p2021),
        "Zone AA in 2021: named for exit in 2020, no longer ranked"
    );
}

/// A line of `name` from 2003 with `ranks` (0: named for exit the year
/// before, out of the ranking), no tiers.
fn line_of(name: &str, ranks: &[usize]) -> BumpLine {
    let points = ranks
        .iter()
        .zip(2003..)
        .map(|(&rank, year)| BumpPoint {
            year,
            rank: (rank > 0).then_some(rank),
            score: None,
            tier: None,
            tiers: Vec::new(),
            exited_in: (rank == 0).then_some(year - 1),
            reasons: String::new(),
        })
        .collect();
    BumpLine {
        zone: 0,
        name: name.to_string(),
        selected: true,
        points,
    }
}

/// Years in a row with the same leader, or the same rank of the selected
/// zone, are said once as a run, by hand: A first in 2003, B in 2004–2006,
/// C in 2007–2008; C's ranks 3, 2, 2, 2, 1, 1.
#[test]
fn years_in_a_row_are_said_as_a_run() {
    let lines = [
        line_of("A", &[1, 2, 3, 3, 3, 3]),
        line_of("B", &[2, 1, 1, 1, 2, 2]),
        line_of("C", &[3, 3, 2, 2, 1, 1]),
    ];
    let years: Vec<i32> = (2003..=2008).collect();
    let zh = summary(&lines[..2], &years, Lang::Zh);
    assert!(
        zh.starts_with("2003–2008年，排名第一的依次是A（2003年）和B（2004–2006年）；"),
        "{zh}"
    );
    let en = summary(&lines, &years, Lang::En);
    assert!(
        en.starts_with(
            "From 2003 to 2008 the first places go to A (2003), B (2004–2006) and C (2007–2008);"
        ),
        "{en}"
    );
    let c = line_of("C", &[3, 2, 2, 2, 1, 1]);
    assert_eq!(
        timeline(&c, Lang::Zh),
        "所选的C：2003年第3名 → 2004–2006年第2名 → 2007–2008年第1名。"
    );
    assert_eq!(
        timeline(&c, Lang::En),
        " The selected zone, C: 2003: 3rd → 2004–2006: 2nd → 2007–2008: 1st."
    );
    // One leader all along; an exit ends the history.
    let a = line_of("A", &[1, 1, 1]);
    assert!(summary(&[a], &years[..3], Lang::En)
        .starts_with("From 2003 to 2005 A ranks first every year;"));
    let out = line_of("D", &[4, 4, 0, 0]);
    assert_eq!(
        timeline(&out, Lang::En),
        " The selected zone, D: 2003–2004: 4th → out from 2005."
    );
}
