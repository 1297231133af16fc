//! The national bands view on the bundled dataset: the figures of C13
//! (docs/CLAIMS.md: of 169 zones ranked nationally, 3 of the region's 12 in the top
//! 50, half beyond 100, 2 at the very bottom, 160th or lower); the ranks
//! themselves read from www/data/zones.json's national_rankings, listed by
//! tools/expected_values.py (section "views/national_bands": the 12 national
//! zones' 2022 places, the count per band, Zone A's and Zone L's places by
//! year).

use crate::i18n::Lang;
use crate::model::Dataset;
use crate::views::testing::{build_with, bundled};
use crate::views::ViewState;

use super::NationalBandsView;

fn build_from(
    dataset: &Dataset,
    lang: Lang,
    tweak: impl FnOnce(&mut ViewState),
) -> NationalBandsView {
    build_with(dataset, lang, tweak, NationalBandsView::build)
}

#[test]
fn bands_come_from_the_claim_and_count_c13() {
    let view = build_from(&bundled(), Lang::Zh, |_| {});
    assert_eq!(view.of, Some(169));
    let bands: Vec<(u32, u32, &str, usize)> = view
        .bands
        .iter()
        .map(|b| (b.from, b.to, b.label.as_str(), b.count))
        .collect();
    assert_eq!(
        bands,
        [
            (1, 50, "前50名", 3),
            (51, 100, "51–100名", 3),
            (101, 159, "101–159名", 4),
            (160, 169, "垫底（160名及以后）", 2),
        ]
    );
    let ranks: Vec<u32> = view.zones.iter().map(|z| z.rank).collect();
    assert_eq!(
        ranks,
        [12, 31, 47, 63, 82, 95, 108, 127, 139, 151, 166, 169]
    );
    assert_eq!(view.zones[0].path.len(), 5);
    assert_eq!(view.zones[0].path[0], (2018, 9));
}

#[test]
fn summary_states_c13() {
    let zh = build_from(&bundled(), Lang::Zh, |_| {});
    assert_eq!(
        zh.summary,
        "2022年全国169家国家高新区综合排名中，全市12家国家级高新区有3家进入前50名\
         （甲高新区、乙高新区和丙高新区），3家在51–100名，一半（6家）排在100名以后，\
         其中2家排名垫底（160名及以后：子高新区和丑高新区）。排名最高的是甲高新区（第12名），\
         最低的是丑高新区（第169名）。报告的说法（C13）：与示意数据一致。"
    );
    let en = build_from(&bundled(), Lang::En, |_| {});
    assert_eq!(
        en.summary,
        "In the national ranking of 169 national zones in 2022, 3 of the region's 12 national \
         zones are in the top 50 (Zone A, Zone B and Zone C), 3 rank 51–100, half (6) rank \
         beyond 100, 2 of them at the very bottom (160th or lower: Zone K and Zone L). The best \
         placed is Zone A (12th), the lowest Zone L (169th). The report's claim (C13): consistent with the illustrative data."
    );
}

#[test]
fn tooltips_give_rank_band_and_earlier_years() {
    let view = build_from(&bundled(), Lang::En, |s| s.zone = Some(3));
    let d = &view.zones[3];
    assert!(d.selected);
    assert_eq!(
        d.label,
        "Zone D: 63rd of 169 nationally in 2022 (51–100); earlier: 2018: 49, 2019: 49, 2020: 58, 2021: 57"
    );
}

#[test]
fn without_a_claim_the_bands_default_and_a_missing_rank_is_said() {
    let mut dataset = bundled();
    dataset.claims.clear();
    // Zone L loses its 2022 rank.
    let l = dataset.zone_index("z12").unwrap();
    dataset
        .rankings
        .retain(|r| !(r.zone == l && r.year == 2022));
    let view = build_from(&dataset, Lang::En, |_| {});
    let limits: Vec<(u32, u32)> = view.bands.iter().map(|b| (b.from, b.to)).collect();
    // Defaults: 50, 100 and the last ten places of 169 (by hand).
    assert_eq!(limits, [(1, 50), (51, 100), (101, 159), (160, 169)]);
    assert_eq!(view.zones.len(), 11);
    assert_eq!(view.missing, "No national rank in 2022, not drawn: Zone L.");
    assert!(view
        .summary
        .ends_with("No national rank in 2022, not drawn: Zone L."));
    assert!(!view.summary.contains("C13"));
}

#[test]
fn a_year_without_ranks_is_empty_and_says_so() {
    let mut dataset = bundled();
    dataset.rankings.clear();
    let view = build_from(&dataset, Lang::Zh, |_| {});
    assert_eq!(view.of, None);
    assert!(view.bands.is_empty());
    assert!(
        view.summary.starts_with("2022年没有全国排名数据。"),
        "{}",
        view.summary
    );
}

#[test]
fn table_has_a_rank_per_year() {
    let table = build_from(&bundled(), Lang::Zh, |_| {}).table();
    assert_eq!(
        table.columns,
        [
            "高新区",
            "档次",
            "2018年排名",
            "2019年排名",
            "2020年排名",
            "2021年排名",
            "2022年排名"
        ]
    );
    assert_eq!(
        table.rows[11],
        [
            "丑高新区",
            "垫底（160名及以后）",
            "157",
            "159",
            "168",
            "168",
            "169"
        ]
    );
}
