//! The benchmarks view on the bundled dataset: the figures of C17 (docs/CLAIMS.md:
//! 60 listed companies in the zones, Zhangjiang 360, Shenzhen 189, most
//! zones with none); the dataset's own counts from tools/expected_values.py
//! (plain Python over www/data/zones.json, section "views/benchmarks").

use crate::i18n::Lang;
use crate::model::Dataset;
use crate::views::testing::{build_with, bundled};
use crate::views::ViewState;

use super::BenchmarksView;

fn build_from(dataset: &Dataset, lang: Lang, tweak: impl FnOnce(&mut ViewState)) -> BenchmarksView {
    build_with(dataset, lang, tweak, BenchmarksView::build)
}

#[test]
fn bars_are_the_zones_sum_then_the_benchmarks() {
    let view = build_from(&bundled(), Lang::Zh, |_| {});
    let bars: Vec<(&str, Option<f64>, bool)> = view
        .bars
        .iter()
        .map(|b| (b.name.as_str(), b.value, b.own))
        .collect();
    assert_eq!(
        bars,
        [
            ("全市36家高新区合计", Some(60.0), true),
            ("上海张江高新区", Some(360.0), false),
            ("深圳高新区", Some(189.0), false),
        ]
    );
    // tools/expected_values.py: 21 of the 36 zones have no listed company
    // (C17: more than 18); Zone A (甲高新区) has the most, 19.
    assert_eq!(view.zones_title, "36家高新区中21家没有上市公司");
    assert_eq!(view.zones.len(), 36);
    // Problem 4 beside the count, from plain Python over the file: 4
    // innovative clusters in 2022, and digital + emerging industries (新材料
    // counted as emerging) 49.2% of its mix.
    assert_eq!(
        view.zones[0].label,
        "甲高新区：19家；创新型产业集群4个；新兴与数字产业占产出49.2%"
    );
    assert!(view.zones[0].value >= view.zones[35].value);
}

#[test]
fn per_km2_is_not_invented_for_the_benchmarks() {
    let view = build_from(&bundled(), Lang::En, |_| {});
    assert!(view.bars[1..].iter().all(|b| b.per_km2.is_none()));
    // The zones' own land is known: tools/expected_values.py: Σ land_km2 =
    // 2,436.3, 60 / 2,436.3 = 0.024628 per km².
    let own = view.bars[0].per_km2.unwrap();
    assert!((own - 0.024_627).abs() < 1e-5, "{own}");
    assert_eq!(
        view.per_km2_note,
        "The data give no land area for the benchmark zones, so per km² figures are not available."
    );
}

#[test]
fn summary_states_c17() {
    // 60 / 360 = 17%, 60 / 189 = 32% (by hand).
    let zh = build_from(&bundled(), Lang::Zh, |_| {});
    assert_eq!(
        zh.summary,
        "2022年，全市36家高新区共有上市公司60家，为上海张江高新区（360家）的17%、\
         深圳高新区（189家）的32%。36家高新区中21家没有上市公司，超过一半；\
         最多的是甲高新区（19家）。数据中没有基准园区的面积，无法比较每平方千米的上市公司数。\
         报告的说法（C17）：与示意数据一致。"
    );
    let en = build_from(&bundled(), Lang::En, |_| {});
    assert!(
        en.summary.starts_with(
            "In 2022 the region's 36 zones have 60 listed companies, 17% of Shanghai Zhangjiang \
             high-tech zone's 360 and 32% of Shenzhen high-tech zone's 189. 21 of the 36 zones \
             have none, more than half; Zone A has the most (19)."
        ),
        "{}",
        en.summary
    );
    assert!(en
        .summary
        .ends_with(" The report's claim (C17): consistent with the illustrative data."));
}

#[test]
fn benchmark_land_gives_per_km2() {
    let mut dataset = bundled();
    let year = 2022;
    for (benchmark, area) in dataset.benchmarks.iter_mut().zip([180.0, 159.5]) {
        benchmark.values.push(crate::model::BenchmarkValue {
            measure: crate::model::Measure::Land,
            year,
            figure: crate::model::Figure {
                value: Some(area),
                status: crate::model::Status::Reported,
                source: None,
            },
        });
    }
    let view = build_from(&dataset, Lang::En, |_| {});
    // 360 / 180 = 2.00, 189 / 159.5 = 1.18 (by hand); the zones' 60 / 2,436.3
    // = 0.0246 (tools/expected_values.py), "0.02" to two decimals.
    assert_eq!(view.bars[1].per_km2, Some(2.0));
    assert!(view
        .per_km2_note
        .starts_with("Listed companies per km²: The region's 36 zones 0.02"));
    assert!(view.per_km2_note.ends_with("Shenzhen high-tech zone 1.18."));
}

#[test]
fn missing_counts_are_left_out_and_said() {
    let mut dataset = bundled();
    let listed = dataset.indicator_index("listed_companies").unwrap();
    let year = dataset.year_index(2022).unwrap();
    dataset.columns[listed][year].values[0] = None; // Zone A's 19
    let view = build_from(&dataset, Lang::En, |s| s.log_scale = true);
    // By hand: the sum 60 less Zone A's 19 = 41.
    assert_eq!(view.bars[0].value, Some(41.0));
    assert_eq!(view.missing, "No count for Zone A: left out of the sum.");
    assert_eq!(view.zones[35].name, "Zone A", "unknown counts come last");
    assert_eq!(view.axis_title, "Listed companies, log scale");
    assert!(view.summary.contains("No count for Zone A"));
    assert!(view
        .summary
        .ends_with("The report's claim (C17): at odds with the illustrative data."));
}

#[test]
fn no_indicator_no_bars_but_no_panic() {
    let view = build_from(&bundled(), Lang::En, |s| s.year = 1999);
    assert_eq!(view.bars[0].value, None);
    assert_eq!(view.summary, "No data on listed companies.");
}

#[test]
fn table_lists_bars_then_zones() {
    let table = build_from(&bundled(), Lang::En, |_| {}).table();
    assert_eq!(table.rows.len(), 3 + 36);
    assert_eq!(
        table.rows[3][3..],
        [
            "4 innovative clusters",
            "emerging and digital 49.2% of output"
        ]
    );
    // Zones I, J, P, Q and R have one cluster each in 2022 (a tester read
    // "1 innovative clusters" in this table).
    let one: Vec<&str> = table.rows[3..]
        .iter()
        .filter(|r| r[3].starts_with("1 "))
        .map(|r| r[3].as_str())
        .collect();
    assert_eq!(one, ["1 innovative cluster"; 5]);
    // tools/expected_values.py: Σ listed = 60, 60 / 2,436.3 km² = 0.024628,
    // shown to two decimals as "0.02".
    assert_eq!(
        table.rows[0],
        ["The region's 36 zones", "60", "0.02", "", ""]
    );
    assert_eq!(
        table.rows[1],
        [
            "Shanghai Zhangjiang high-tech zone",
            "360",
            "no land figure",
            "",
            ""
        ]
    );
}
