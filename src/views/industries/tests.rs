//! The industries view of the bundled dataset. The expected counts were
//! computed independently, in plain Python from www/data/zones.json (LQ and
//! cosine written out, no code shared with this crate): 3 of the 36 zones
//! have a specialty of their own (己 cloud computing, 午 digital creative,
//! 天 specialty agri-food), 44 pairs of similar zones (cosine ≥ 0.8) lead
//! with the same industry; 甲高新区's top specialty is 节能环保 (LQ 3.15)
//! and its nearest twin 黄高新区 (0.968).

use super::*;
use crate::model::Level;
use crate::views::testing::{build_in, bundled, latest, state};

fn view(lang: Lang, level: Option<Level>, area: Option<usize>) -> IndustriesView {
    let dataset = bundled();
    let mut state = state(&dataset, latest(&dataset), level, Some(0), lang);
    state.area = area;
    build_in(&dataset, &state, IndustriesView::build)
}

#[test]
fn bundled_counts_match_an_independent_computation() {
    let v = view(Lang::Zh, None, None);
    assert_eq!(
        v.rows.len(),
        5 + 36,
        "the zones together in 2018–2022, then 36 zones"
    );
    assert_eq!(v.rows.iter().filter(|r| r.distinct).count(), 3);
    assert_eq!(v.duplicates.len(), 44);
    assert_eq!(
        v.headline,
        "36个高新区中3个有独有特色产业；44对园区首要特色重复"
    );
    let a = v.rows.iter().find(|r| r.zone == Some(0)).expect("甲高新区");
    assert!(a.selected);
    assert_eq!(a.leading, "主导：专汽及零部件、新材料和节能环保");
    assert!(
        a.specialty == "特色：节能环保（区位熵3.15），与列高新区重复",
        "{}",
        a.specialty
    );
    assert!(a.twin.starts_with("最相似：黄高新区（0.97）"), "{}", a.twin);
    // In English the industries' names (capitalised in the data: "Special
    // vehicles and parts", "New materials", "Energy saving and environment")
    // read in lower case after "leading: ".
    let en = view(Lang::En, None, None);
    let a = en.rows.iter().find(|r| r.zone == Some(0)).expect("Zone A");
    assert_eq!(
        a.leading,
        "leading: special vehicles and parts, new materials and energy saving and environment"
    );
    assert!(
        a.specialty
            .starts_with("specialty: energy saving and environment (LQ 3.15)"),
        "{}",
        a.specialty
    );
    let own: Vec<&str> = v
        .rows
        .iter()
        .filter(|r| r.distinct)
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(own.len(), 3);
    for name in ["己高新区", "午高新区", "天高新区"] {
        assert!(own.contains(&name), "{name} has its own specialty: {own:?}");
    }
}

#[test]
fn rows_are_ordered_by_the_new_industries_share() {
    let v = view(Lang::En, None, None);
    let new: Vec<f64> = v
        .rows
        .iter()
        .filter(|r| r.zone.is_some())
        .map(|r| r.shares[0] + r.shares[1])
        .collect();
    assert!(new.windows(2).all(|w| w[0] >= w[1]), "{new:?}");
    // Shares of a zone add up to 1.
    for row in &v.rows {
        let sum: f64 = row.shares.iter().sum();
        assert!((sum - 1.0).abs() < 1e-9, "{}: {sum}", row.name);
    }
}

/// A filter that leaves one zone: its total row says so in the singular
/// ("The 1 zone shown", not "Total of the 1 zones shown"). The bundled
/// file with every national zone but 甲 made region-level: "national" then
/// shows 甲 alone (by hand).
#[test]
fn one_zone_shown_is_said_in_the_singular() {
    let mut dataset = bundled();
    for zone in dataset.zones.iter_mut().skip(1) {
        if zone.level == Level::National {
            zone.level = Level::Regional;
        }
    }
    for (lang, name) in [
        (Lang::En, "The 1 zone shown"),
        (Lang::Zh, "筛选范围1个高新区合计"),
    ] {
        let state = state(
            &dataset,
            latest(&dataset),
            Some(Level::National),
            Some(0),
            lang,
        );
        let v = build_in(&dataset, &state, IndustriesView::build);
        let zones: Vec<_> = v.rows.iter().filter_map(|r| r.zone).collect();
        assert_eq!(zones, [0]);
        assert!(v.rows[0].name.starts_with(name), "{}", v.rows[0].name);
    }
}

#[test]
fn the_filters_keep_their_zones() {
    // 12 national zones; the metro area (index 0) has 3 national (z01–z03)
    // and 8 region-level zones (z13, z16, …, z34: every third) in the
    // bundled file.
    assert_eq!(
        view(Lang::En, Some(Level::National), None).rows.len(),
        5 + 12
    );
    assert_eq!(view(Lang::En, None, Some(0)).rows.len(), 5 + 11);
    assert_eq!(
        view(Lang::En, Some(Level::National), Some(0)).rows.len(),
        5 + 3
    );
}

#[test]
fn the_table_names_every_row_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        let v = view(lang, None, None);
        let table = v.table();
        assert_eq!(table.rows.len(), 5 + 36);
        assert_eq!(table.columns.len(), 1 + 5 + 3);
        assert!(
            table.rows[5..].iter().all(|r| !r[6].is_empty()),
            "leading industries named"
        );
        // The zones together's rows: their shares in the share columns,
        // nothing under the leading industries and the specialty (a
        // tester found their bar's caption there, shares said twice).
        assert!(
            table.rows[..5]
                .iter()
                .all(|r| !r[1].is_empty() && r[6].is_empty() && r[7].is_empty()),
            "{:?}",
            &table.rows[..5]
        );
    }
    let en = view(Lang::En, None, None);
    assert!(
        en.duplicates
            .iter()
            .any(|d| d
                .starts_with("Zone A and Zone AI: both lead with energy saving and environment"))
    );
    // The summary names the three most similar of the 44 pairs and counts
    // the rest (ten near-identical sentences made it long at 2,000 zones).
    assert!(
        en.summary
            .contains("Zone G and Zone Y: both lead with fine chemicals, similarity 0.99;"),
        "{}",
        en.summary
    );
    assert!(en.summary.contains("; and 41 more."), "{}", en.summary);
}

/// The zones together are those the filters show, labelled so, and the
/// summary says the same: a tester read the all-zones total beside a
/// filter's zones. Expected shares recomputed in plain Python from
/// www/data/zones.json (each industry's category, the mixes of the zones
/// with one in every year, summed): all 36 zones in 2018 emerging 35.9%,
/// traditional 13.7%; the 12 national zones 36.2% and 13.4%.
#[test]
fn the_zones_together_are_the_zones_shown() {
    let all = view(Lang::En, None, None).table();
    assert_eq!(all.rows[0][0], "All zones together (2018)");
    assert_eq!(
        (all.rows[0][2].as_str(), all.rows[0][4].as_str()),
        ("35.9%", "13.7%")
    );
    let national = view(Lang::En, Some(Level::National), None);
    let table = national.table();
    assert_eq!(
        table.rows.len(),
        5 + 12,
        "five years of the 12 zones together, then the 12"
    );
    assert_eq!(table.rows[0][0], "Total of the 12 zones shown (2018)");
    assert_eq!(
        (table.rows[0][2].as_str(), table.rows[0][4].as_str()),
        ("36.2%", "13.4%")
    );
    assert_eq!(table.rows[4][0], "Total of the 12 zones shown (2022)");
    assert!(
        national
            .summary
            .contains("Total of the 12 zones shown (2018): Digital 2.9%, Strategic emerging 36.2%"),
        "{}",
        national.summary
    );
    assert!(
        !national.summary.contains("All zones"),
        "{}",
        national.summary
    );
    let zh = view(Lang::Zh, Some(Level::National), None).table();
    assert_eq!(zh.rows[0][0], "筛选范围12个高新区合计（2018年）");
}

/// The summary is short at any number of years and pairs, and says what
/// the chosen zone's row says: the zones together in their first and last
/// year only (2018 and 2022 of five), and 甲高新区 (chosen by the tests'
/// state) with its specialty and twin as in `bundled_counts_...` above.
#[test]
fn the_summary_names_the_chosen_zone_and_stays_short() {
    let v = view(Lang::Zh, None, None);
    assert_eq!(
        v.summary.matches("全部高新区合计（").count(),
        2,
        "{}",
        v.summary
    );
    assert!(
        v.summary.contains("全部高新区合计（2018年）")
            && v.summary.contains("全部高新区合计（2022年）")
    );
    // Its row in words: the shares, then the leading industries, the
    // specialty and the twin.
    assert!(
        v.summary.contains("。所选的甲高新区：数字产业"),
        "{}",
        v.summary
    );
    assert!(
        v.summary
            .contains("；特色：节能环保（区位熵3.15），与列高新区重复；最相似：黄高新区（0.97）"),
        "{}",
        v.summary
    );
    let en = view(Lang::En, None, None);
    assert!(
        en.summary.contains(" The selected zone, Zone A: Digital"),
        "{}",
        en.summary
    );
    assert!(
        en.summary
            .contains("; specialty: energy saving and environment (LQ 3.15)"),
        "{}",
        en.summary
    );
}

/// More duplicate pairs inside a filter than the analysis lists (1,000):
/// 48 zones with the mix [a 4, b 1], 46 of them national, and two
/// region-level zones [a 0, b 100]. By hand: a's share of all output is
/// 192 / 440, so LQ(a) = 0.8 / 0.436 = 1.83 for the 48 (a specialty, top),
/// and LQ(b) = 1 / (248 / 440) = 1.77 for the two; the 48 are alike
/// (cosine 1), as are the two, and [4, 1] against [0, 1] is 1 / √17 = 0.24.
/// National zones: C(46, 2) = 1,035 pairs; all zones: C(48, 2) + 1 = 1,129.
#[test]
fn duplicates_are_counted_inside_a_filter_beyond_the_listed_ones() {
    let mut json = crate::analysis::tests::tiny_json();
    let template = json["zones"][0].clone();
    let zones: Vec<serde_json::Value> = (0..50)
        .map(|i| {
            let mut zone = template.clone();
            zone["id"] = serde_json::json!(format!("z{}", i + 1));
            zone["name"] = serde_json::json!({"zh": format!("区{i}"), "en": format!("Zone {i}")});
            zone["level"] = serde_json::json!(if i < 46 { "national" } else { "regional" });
            let (a, b) = if i < 48 { (4, 1) } else { (0, 100) };
            zone["industry_mix"] = serde_json::json!({
                "year": 2022, "unit": "yi_yuan", "values": {"ind_a": a, "ind_b": b}
            });
            zone
        })
        .collect();
    json["zones"] = serde_json::json!(zones);
    let dataset = crate::analysis::tests::load(&json);
    let build = |level: Option<Level>| {
        let state = state(&dataset, latest(&dataset), level, None, Lang::En);
        build_in(&dataset, &state, IndustriesView::build)
    };
    let national = build(Some(Level::National));
    assert_eq!(national.duplicate_count, 1035);
    assert_eq!(national.duplicates.len(), 1000, "the analysis lists 1,000");
    assert!(
        national
            .headline
            .ends_with("1,035 pairs duplicate each other"),
        "{}",
        national.headline
    );
    assert!(
        national.summary.contains("; and 1,032 more"),
        "{}",
        national.summary
    );
    let all = build(None);
    assert_eq!(all.duplicate_count, 1129);
    // Zone 0 chosen among the national zones: it duplicates the other 45
    // (all alike; its 45 pairs come first of the 1,000 listed, by zone
    // order). Its table row names 20 of them and counts 25; the summary's
    // sentence on it names three and counts 42.
    let state = state(
        &dataset,
        latest(&dataset),
        Some(Level::National),
        Some(0),
        Lang::En,
    );
    let chosen = build_in(&dataset, &state, IndustriesView::build);
    let row = chosen
        .rows
        .iter()
        .find(|r| r.zone == Some(0))
        .expect("Zone 0");
    assert!(
        row.specialty.ends_with(", Zone 19, Zone 20 and 25 more"),
        "{}",
        row.specialty
    );
    assert!(
        chosen.summary.contains(" The selected zone, Zone 0: ")
            && chosen
                .summary
                .contains("duplicated by Zone 1, Zone 2, Zone 3 and 42 more"),
        "{}",
        chosen.summary
    );
}
