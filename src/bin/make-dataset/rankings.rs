//! The national zones' places in the national evaluation.

use crate::rng::SplitMix64;
use crate::writer::{n, s, Json};
use crate::zones::ZoneDef;
use crate::YEARS;

/// National evaluation ranks (of 169): 2022 as C13 states it (3 in the top
/// 50, 6 beyond 100, 2 at the very bottom), earlier years a random walk.
#[allow(clippy::needless_range_loop)]
pub fn draw(rng: &mut SplitMix64) -> Vec<[u32; 5]> {
    const RANK_2022: [u32; 12] = [12, 31, 47, 63, 82, 95, 108, 127, 139, 151, 166, 169];
    let mut ranks = vec![[0u32; 5]; 12];
    for (z, r) in RANK_2022.iter().enumerate() {
        ranks[z][4] = *r;
    }
    for k in (0..4).rev() {
        let mut taken: Vec<u32> = Vec::new();
        for z in 0..12 {
            let wanted = (ranks[z][k + 1] as i64 + rng.int(-9, 9)).clamp(1, 169);
            // The nearest free place, looking alternately above and below: a
            // taken rank must not wrap round from the bottom to the top.
            let r = (0..169i64)
                .flat_map(|d| [wanted - d, wanted + d])
                .find(|r| (1..=169).contains(r) && !taken.contains(&(*r as u32)))
                .unwrap_or(wanted) as u32;
            taken.push(r);
            ranks[z][k] = r;
        }
    }
    ranks
}

/// `national_rankings`: each national zone's place of 169, every year.
pub fn section(zone_defs: &[ZoneDef], ranks: &[[u32; 5]]) -> Json {
    let mut national_rankings = Vec::new();
    for (z, r) in ranks.iter().enumerate() {
        for (k, year) in YEARS.iter().enumerate() {
            national_rankings.push(Json::Obj(vec![
                ("zone", s(&zone_defs[z].id)),
                ("year", n(*year as f64)),
                ("rank", n(r[k] as f64)),
                ("of", n(169.0)),
                ("status", s("illustrative")),
                ("source", s("make-dataset")),
            ]));
        }
    }
    Json::Arr(national_rankings)
}
