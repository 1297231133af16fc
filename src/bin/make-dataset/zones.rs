//! The zones: 12 national and 24 region-level zones, anonymised, with their
//! size, land, metro area and leading industries drawn from the seed, and
//! the national zones' sub-parks.

use crate::allocate::round_to;
use crate::fixed::{INDUSTRIES, METRO_AREAS};
use crate::rng::SplitMix64;
use crate::writer::{n, s, text, Json};
use crate::{Y, YEARS};

pub struct ZoneDef {
    pub id: String,
    pub zh: String,
    pub en: String,
    pub national: bool,
    pub metro: &'static str,
    pub county: bool,
    pub land: f64,
    /// Relative economic size.
    pub size: f64,
    pub leading: Vec<usize>,
    /// Trend growth per year.
    pub growth: f64,
}

const NATIONAL_ZH: [&str; 12] = [
    "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "子", "丑",
];
/// Names that cannot be confused at chart size: not 巳 beside 己, nor 戌
/// beside 戊 (the earthly branches give way to 秋 and 冬), nor 张 beside the
/// Zhangjiang benchmark (寒 instead).
const REGIONAL_ZH: [&str; 24] = [
    "寅", "卯", "辰", "秋", "午", "未", "申", "酉", "冬", "亥", "天", "地", "玄", "黄", "宇", "宙",
    "洪", "荒", "日", "月", "盈", "昃", "列", "寒",
];

fn letter_name(i: usize) -> String {
    const A: u8 = b'A';
    if i < 26 {
        format!("Zone {}", (A + i as u8) as char)
    } else {
        format!("Zone A{}", (A + (i - 26) as u8) as char)
    }
}

/// National zones: relative size, land km², metro area, county-level.
const NATIONAL: [(f64, f64, &str, bool); 12] = [
    (0.62, 420.0, "metro", false),
    (0.40, 210.0, "metro", false),
    (0.29, 160.0, "metro", false),
    (0.22, 120.0, "north", false),
    (0.18, 95.0, "south", false),
    (0.15, 88.0, "north", false),
    (0.13, 76.0, "south", false),
    (0.10, 60.0, "north", true),
    (0.085, 55.0, "south", false),
    (0.07, 48.0, "north", true),
    (0.05, 35.0, "south", true),
    (0.04, 30.0, "north", true),
];

pub fn draw(rng: &mut SplitMix64) -> Vec<ZoneDef> {
    let mut zones = Vec::new();
    for (i, (size, land, metro, county)) in NATIONAL.iter().enumerate() {
        zones.push(ZoneDef {
            id: format!("z{:02}", i + 1),
            zh: format!("{}高新区", NATIONAL_ZH[i]),
            en: letter_name(i),
            national: true,
            metro,
            county: *county,
            land: *land,
            size: *size,
            leading: Vec::new(),
            growth: rng.range(0.05, 0.12),
        });
    }
    for (k, zh) in REGIONAL_ZH.iter().enumerate() {
        let size = 0.11 * 0.9f64.powi(k as i32) * rng.range(0.85, 1.15);
        let metro = METRO_AREAS[k % 3].0;
        zones.push(ZoneDef {
            id: format!("z{:02}", 13 + k),
            zh: format!("{zh}高新区"),
            en: letter_name(12 + k),
            national: false,
            metro,
            // Region-level zones outside the metro area sit in counties.
            county: metro != "metro",
            land: (rng.range(12.0, 70.0) * 10.0).round() / 10.0,
            size,
            leading: Vec::new(),
            growth: rng.range(0.04, 0.14),
        });
    }
    // Leading industries: two or three, drawn mostly from the common ones,
    // which is how the report's "一园一特色" comes to be missed.
    const POPULAR: [usize; 6] = [0, 1, 3, 8, 4, 9];
    for z in &mut zones {
        let count = rng.int(2, 3) as usize;
        while z.leading.len() < count {
            let pick = if rng.unit() < 0.7 {
                POPULAR[rng.int(0, 5) as usize]
            } else {
                rng.int(0, 17) as usize
            };
            if !z.leading.contains(&pick) {
                z.leading.push(pick);
            }
        }
        z.leading.sort();
    }
    zones
}

/// Yearly growth of an industry's output by the newest of the report's lists
/// it is on (digital, emerging, leading, traditional): the emerging
/// industries grow fastest, traditional manufacturing shrinks, as the
/// report describes (problem 4). Illustrative, and drawn without the seed so
/// the other values do not move.
const CATEGORY_GROWTH: [(&str, f64); 4] = [
    ("digital", 1.20),
    ("emerging", 1.12),
    ("leading", 1.05),
    ("traditional", 0.98),
];

/// The zone's mix in each year before 2022: its 2022 output by industry
/// grown backwards at [`CATEGORY_GROWTH`], in tenths of 亿元.
fn mix_history(mix: &[f64]) -> Json {
    let growth = |groups: &[&str]| {
        CATEGORY_GROWTH
            .iter()
            .find(|(g, _)| groups.contains(g))
            .map_or(1.0, |(_, r)| *r)
    };
    Json::Arr(
        YEARS
            .iter()
            .filter(|y| **y < Y)
            .map(|&year| {
                let values = INDUSTRIES
                    .iter()
                    .zip(mix)
                    .filter(|(_, v)| **v > 0.0)
                    .map(|((id, _, _, groups), v)| {
                        let back = growth(groups).powi(Y - year);
                        (*id, n((v / back * 10.0).round() / 10.0))
                    })
                    .collect();
                Json::Obj(vec![
                    ("year", n(year as f64)),
                    ("unit", s("yi_yuan")),
                    ("values", Json::Obj(values)),
                    ("status", s("illustrative")),
                ])
            })
            .collect(),
    )
}

/// Sub-parks (分园区) of national zones: how many each has.
pub const SUB_PARKS: [usize; 12] = [4, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 0];
pub const PARK_NUMERALS: [&str; 4] = ["一", "二", "三", "四"];

/// `zones`: every zone with its 2022 output by industry (`mixes`, one per
/// zone), then the sub-parks, whose land is drawn here.
// `k` numbers the park and picks its numeral and leading industry alike.
#[allow(clippy::needless_range_loop)]
pub fn section(zone_defs: &[ZoneDef], mixes: &[Vec<f64>], rng: &mut SplitMix64) -> Json {
    let mut zones = Vec::new();
    for (i, z) in zone_defs.iter().enumerate() {
        let mix = Json::Obj(vec![
            ("year", n(Y as f64)),
            ("unit", s("yi_yuan")),
            (
                "values",
                Json::Obj(
                    INDUSTRIES
                        .iter()
                        .zip(&mixes[i])
                        .filter(|(_, v)| **v > 0.0)
                        .map(|((id, ..), v)| (*id, n(*v)))
                        .collect(),
                ),
            ),
            ("status", s("illustrative")),
        ]);
        zones.push(Json::Obj(vec![
            ("id", s(&z.id)),
            ("name", text(&z.zh, &z.en)),
            ("level", s(if z.national { "national" } else { "regional" })),
            ("parent", Json::Null),
            ("metro_area", s(z.metro)),
            ("county_level", Json::Bool(z.county)),
            ("land_km2", n(z.land)),
            (
                "leading_industries",
                Json::Arr(z.leading.iter().map(|k| s(INDUSTRIES[*k].0)).collect()),
            ),
            ("industry_mix", mix),
            ("industry_mix_history", mix_history(&mixes[i])),
        ]));
    }
    for (p, count) in SUB_PARKS.iter().enumerate() {
        let parent = &zone_defs[p];
        for k in 0..*count {
            let leading = parent.leading[k % parent.leading.len()];
            zones.push(Json::Obj(vec![
                ("id", s(&format!("{}-p{}", parent.id, k + 1))),
                (
                    "name",
                    text(
                        &format!("{}{}园", parent.zh, PARK_NUMERALS[k]),
                        &format!("{}, Park {}", parent.en, k + 1),
                    ),
                ),
                ("level", s("sub_park")),
                ("parent", s(&parent.id)),
                ("metro_area", s(parent.metro)),
                ("county_level", Json::Bool(parent.county || k >= 2)),
                (
                    "land_km2",
                    n(round_to(parent.land * rng.range(0.04, 0.15), 1)),
                ),
                (
                    "leading_industries",
                    Json::Arr(vec![s(INDUSTRIES[leading].0)]),
                ),
            ]));
        }
    }
    Json::Arr(zones)
}
