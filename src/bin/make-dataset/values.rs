//! The values: every zone's series of every indicator, the region totals,
//! the averages of the level above and the zones' output by industry; the
//! report's 2022 figures imposed by construction.

use crate::allocate::{allocate, allocate_tenths, round_to};
use crate::fixed::{COMMON_MIX, INDUSTRIES};
use crate::indicators::INDICATORS;
use crate::rng::SplitMix64;
use crate::writer::{n, opt, s, Json};
use crate::zones::ZoneDef;
use crate::YEARS;

/// `values[indicator][zone][year]` (None: missing, written as null).
pub type Table = Vec<Vec<[Option<f64>; 5]>>;

/// A region total: (measure, year index, variant, value, status).
pub type Total = (&'static str, usize, Option<&'static str>, f64, &'static str);

fn idx(id: &str) -> usize {
    INDICATORS
        .iter()
        .position(|d| d.id == id)
        .unwrap_or(usize::MAX)
}

/// Year-by-year growth of each zone (growth into year y from y-1); 2020 is
/// the pandemic dip.
fn growth_paths(zones: &[ZoneDef], rng: &mut SplitMix64) -> Vec<[f64; 5]> {
    zones
        .iter()
        .map(|z| {
            let mut g = [0.0; 5];
            for (k, year) in YEARS.iter().enumerate().skip(1) {
                let dip = if *year == 2020 { -0.06 } else { 0.0 };
                g[k] = (z.growth + dip + rng.range(-0.03, 0.03)).max(-0.05);
            }
            g
        })
        .collect()
}

/// Series ending at `v2022`, grown backwards with the zone's path scaled by
/// `speed`; rounded to `decimals` (0 for counts).
fn backwards(v2022: f64, path: &[f64; 5], speed: f64, decimals: i32) -> [Option<f64>; 5] {
    let mut out = [None; 5];
    let mut v = v2022;
    out[4] = Some(round_to(v2022, decimals));
    for k in (0..4).rev() {
        v /= 1.0 + path[k + 1] * speed;
        out[k] = Some(round_to(v.max(0.0), decimals));
    }
    out
}

/// A count series that only grows (listed companies, clusters): the 2022
/// value scaled back and floored.
fn stock(v2022: i64, path: &[f64; 5], speed: f64) -> [Option<f64>; 5] {
    let mut out = [None; 5];
    let mut factor = 1.0;
    out[4] = Some(v2022 as f64);
    for k in (0..4).rev() {
        factor /= 1.0 + path[k + 1] * speed;
        out[k] = Some((v2022 as f64 * factor).floor());
    }
    out
}

/// A share or ratio that drifts by `drift` per year back from 2022 (plus
/// noise), rounded.
fn drifting(v2022: f64, drift: f64, rng: &mut SplitMix64, decimals: i32) -> [Option<f64>; 5] {
    let mut out = [None; 5];
    for (k, slot) in out.iter_mut().enumerate() {
        let back = (4 - k) as f64;
        let noise = if k == 4 { 0.0 } else { rng.range(-0.01, 0.01) };
        *slot = Some(round_to(
            (v2022 * (1.0 - drift * back + noise)).max(0.0),
            decimals,
        ));
    }
    out
}

/// The seed of the zones' momentum, apart from [`crate::SEED`] so that the
/// 2022 values (which carry the report's figures) are drawn exactly as
/// before and only the earlier years move. Chosen among the first seeds
/// tried for a dataset whose default rules name about one zone for exit,
/// whose ranks move (zones rising five places or more) and where a
/// region-level zone qualifies for promotion (docs/DATA.md, "The bundled
/// dataset").
const MOMENTUM_SEED: u64 = 1;

/// The zones' momentum μ is drawn from [−SPREAD, SPREAD + 0.04): most gain
/// a little on the others, some lose ground.
const SPREAD: f64 = 0.05;

/// The zones at the bottom of the 2022 ranking and their multipliers of
/// 2018–2021 (2022: 1): each reaches the bottom a year after the one
/// before it, so that a zone warned for its rank is passed by the next one
/// the following year and improves, rather than staying at the bottom and
/// being named for exit (with every zone moving at its own steady pace the
/// bottom zones stay there and exits cascade: the next one up takes the
/// place of each zone that leaves). Zone z27 is the exception the story
/// needs: it slumps in 2019 and 2020, last both years, and is named for
/// exit in 2020; z36 arrives just above it in 2020, z33 at the bottom in
/// 2021, z34 in 2022. The multipliers apply to the zone's innovation and
/// structure indicators; its economy (GDP, revenue, tax, exports) moves
/// at its drawn momentum like every zone's.
const CONVEYOR: [(&str, [f64; 4]); 5] = [
    ("z27", [1.5, 0.75, 0.75, 1.0]),
    ("z36", [1.5, 1.5, 1.0, 1.0]),
    ("z33", [1.75, 1.75, 1.75, 1.0]),
    ("z34", [2.0, 2.0, 2.0, 2.0]),
    // And the region-level zone that qualifies for promotion: steady.
    ("z13", [1.0, 1.0, 1.0, 1.0]),
];

/// The region-level zone that qualifies for promotion (以升促建) and how
/// much more innovative it is than drawn: its R&D staff share, R&D
/// intensity and bachelor share × this, every year, which puts its score
/// above the national zones' median in 2021 and 2022 (docs/METRICS.md,
/// "Promotion"). None of the three enters a figure of the report.
const PROMOTED: (&str, f64) = ("z13", 1.25);

/// Indicators whose 2018–2021 values the momentum rescales: the evaluated
/// flows and shares (stocks such as listed companies only grow and are left
/// as drawn; the derived ratios follow from what they divide).
const MOVING: [&str; 13] = [
    "gdp",
    "revenue",
    "tax_revenue",
    "high_tech_va",
    "high_tech_enterprises",
    "gazelle_enterprises",
    "bachelor_share",
    "rd_staff_share",
    "rd_intensity",
    "innovation_platforms",
    "energy_per_va",
    "water_per_va",
    "exports",
];

/// Each zone's momentum: a rate μ by which it gained on the others each
/// year up to 2022 (negative: lost ground). Year k's value of a moving
/// indicator is its drawn value × (1 + μ)^−(4 − k) (÷ for an indicator
/// where lower is better), so 2022 is untouched and a zone with μ > 0 was
/// further behind in earlier years: ranks move over the years. The zones
/// of [`CONVEYOR`] follow their own multipliers instead.
fn momentum(table: &mut Table, zones: &[ZoneDef]) {
    let mut rng = SplitMix64::new(MOMENTUM_SEED);
    for i in 0..zones.len() {
        let drawn = rng.range(-SPREAD, SPREAD + 0.04);
        let path = CONVEYOR
            .iter()
            .find(|(id, _)| *id == zones[i].id)
            .map(|(_, p)| p);
        for id in MOVING {
            let Some(def) = INDICATORS.iter().find(|d| d.id == id) else {
                continue;
            };
            let lower = def.direction == "lower";
            // The decimals each was drawn with.
            let decimals = match (def.kind, id) {
                ("count", _) => 0,
                (_, "bachelor_share" | "energy_per_va") => 3,
                ("share", _) => 4,
                _ => 1,
            };
            let series = &mut table[idx(id)][i];
            for (k, slot) in series.iter_mut().enumerate().take(4) {
                let back = (4 - k) as i32;
                let economy = matches!(id, "gdp" | "revenue" | "tax_revenue" | "exports");
                let gain = match path {
                    Some(p) if !economy => p[k],
                    _ => (1.0 + drawn).powi(-back),
                };
                let factor = if lower { 1.0 / gain } else { gain };
                *slot = slot.map(|v| round_to(v * factor, decimals));
            }
        }
    }
}

pub struct Values {
    pub table: Table,
    /// Region totals, sorted by measure, year and variant.
    pub totals: Vec<Total>,
    /// Reference averages of the level above (全省): (indicator, year index, value).
    pub references: Vec<(&'static str, usize, f64)>,
    /// Output by industry in 2022, per zone.
    pub mixes: Vec<Vec<f64>>,
}

// Zone, indicator and year indices run over parallel tables; indexing reads
// more plainly here than zipped iterators.
#[allow(clippy::needless_range_loop)]
pub fn draw(zones: &[ZoneDef], rng: &mut SplitMix64) -> Values {
    let nz = zones.len();
    let paths = growth_paths(zones, rng);
    let mut table: Table = vec![vec![[None; 5]; nz]; INDICATORS.len()];
    let size: Vec<f64> = zones.iter().map(|z| z.size * rng.range(0.9, 1.1)).collect();
    let national: Vec<bool> = zones.iter().map(|z| z.national).collect();

    // Amounts imposed by the report (2022), split in tenths.
    let gdp = allocate_tenths(17_386.4, &size); // C3: > 17,300
    let ht_weights: Vec<f64> = size.iter().map(|s| s * rng.range(0.75, 1.25)).collect();
    let high_tech_va = allocate_tenths(6_425.0, &ht_weights); // C4: = 6,425
    let tc_weights: Vec<f64> = size
        .iter()
        .map(|s| s.powf(1.3) * rng.range(0.7, 1.3))
        .collect();
    let tech_contracts = allocate_tenths(1_203.6, &tc_weights); // C7: share 0.40
                                                                // Counts imposed by the report (2022), split exactly.
    let hte_weights: Vec<f64> = size.iter().map(|s| s * rng.range(0.8, 1.2)).collect();
    let hte = allocate(11_196, &hte_weights); // C9
    let platforms = allocate(2_046, &size.iter().map(|s| s.powf(0.8)).collect::<Vec<_>>()); // C11: > 2,000
                                                                                            // Listed companies only in the 15 largest zones: most zones have none (C17).
    let mut by_size: Vec<usize> = (0..nz).collect();
    by_size.sort_by(|a, b| size[*b].total_cmp(&size[*a]));
    let listed_weights: Vec<f64> = (0..nz)
        .map(|i| {
            if by_size[..15].contains(&i) {
                size[i].powf(1.4)
            } else {
                0.0
            }
        })
        .collect();
    let listed = allocate(60, &listed_weights); // C17: = 60
                                                // Invention patents: the 12 national zones ≈ 19,000 (C16); region-level zones a few each.
    let patents: Vec<i64> = {
        let nat: Vec<f64> = (0..nz)
            .map(|i| {
                if national[i] {
                    size[i].powf(1.2) * rng.range(0.85, 1.15)
                } else {
                    0.0
                }
            })
            .collect();
        let mut p = allocate(19_046, &nat);
        for i in 0..nz {
            if !national[i] {
                p[i] = (size[i] * 1500.0 * rng.range(0.6, 1.4)).round() as i64;
            }
        }
        p
    };
    // National incubators: none in the two smallest county-level national zones (C15).
    let incubator_weights: Vec<f64> = (0..nz)
        .map(|i| match (national[i], zones[i].county) {
            (true, true) if size[i] < 0.06 => 0.0,
            (true, _) => size[i].powf(0.7),
            (false, false) => size[i] * 0.6,
            (false, true) => 0.0,
        })
        .collect();
    let incubators = allocate(47, &incubator_weights);
    let clusters = allocate(
        31,
        &size
            .iter()
            .map(|s| if *s > 0.06 { s.powf(0.6) } else { 0.0 })
            .collect::<Vec<_>>(),
    ); // C12
    let new_clusters = allocate(
        6,
        &(0..nz)
            .map(|i| if i < 6 { 1.0 } else { 0.0 })
            .collect::<Vec<_>>(),
    ); // C12

    for i in 0..nz {
        let p = &paths[i];
        let set =
            |table: &mut Table, id: &str, series: [Option<f64>; 5]| table[idx(id)][i] = series;
        set(&mut table, "gdp", backwards(gdp[i], p, 1.0, 1));
        set(
            &mut table,
            "high_tech_va",
            backwards(high_tech_va[i], p, 1.3, 1),
        );
        set(
            &mut table,
            "tech_contracts",
            backwards(tech_contracts[i], p, 2.0, 1),
        );
        let revenue = round_to(gdp[i] * rng.range(2.8, 3.6), 1);
        set(&mut table, "revenue", backwards(revenue, p, 1.05, 1));
        set(
            &mut table,
            "tax_revenue",
            backwards(round_to(gdp[i] * rng.range(0.06, 0.1), 1), p, 1.0, 1),
        );
        let exports = round_to(revenue * rng.range(0.04, 0.22), 1);
        set(&mut table, "exports", backwards(exports, p, 0.8, 1));
        let employees = (gdp[i] * rng.range(150.0, 210.0)).round();
        set(&mut table, "employees", backwards(employees, p, 0.4, 0));
        set(
            &mut table,
            "high_tech_enterprises",
            backwards(hte[i] as f64, p, 1.6, 0),
        );
        set(
            &mut table,
            "innovation_platforms",
            backwards(platforms[i] as f64, p, 1.2, 0),
        );
        set(&mut table, "listed_companies", stock(listed[i], p, 1.5));
        set(
            &mut table,
            "invention_patents",
            backwards(patents[i] as f64, p, 1.5, 0),
        );
        set(
            &mut table,
            "national_incubators",
            stock(incubators[i], p, 1.0),
        );
        set(
            &mut table,
            "innovative_clusters",
            stock(clusters[i], p, 1.2),
        );
        let mut new = [Some(0.0); 5];
        new[4] = Some(new_clusters[i] as f64);
        for slot in new.iter_mut().take(4) {
            *slot = Some(if national[i] && rng.unit() < 0.15 {
                1.0
            } else {
                0.0
            });
        }
        set(&mut table, "new_national_clusters", new);
        let gazelles = (size[i] * 260.0 * rng.range(0.6, 1.4)).round();
        set(
            &mut table,
            "gazelle_enterprises",
            backwards(gazelles, p, 1.2, 0),
        );
        let fie = (size[i] * 300.0 * rng.range(0.5, 1.5)).round();
        set(
            &mut table,
            "foreign_invested_enterprises",
            backwards(fie, p, 0.5, 0),
        );
        let overseas = (size[i] * 40.0 * rng.range(0.3, 1.5)).floor();
        let mut overseas_series = stock(overseas as i64, p, 1.0);
        if !national[i] && i % 4 == 0 {
            overseas_series[0] = None; // not collected in 2018 for these zones
        }
        set(&mut table, "overseas_rd_institutions", overseas_series);
        // Shares and ratios: bigger zones a little more innovative.
        let lead = size[i].sqrt();
        let rd_staff = round_to((0.03 + 0.08 * lead) * rng.range(0.8, 1.2), 4);
        set(
            &mut table,
            "rd_staff_share",
            drifting(rd_staff, 0.03, rng, 4),
        );
        let rd_int = round_to((0.012 + 0.04 * lead) * rng.range(0.8, 1.2), 4);
        let rd_int_series = drifting(rd_int, 0.025, rng, 4);
        set(&mut table, "rd_intensity", rd_int_series);
        set(
            &mut table,
            "bachelor_share",
            drifting(
                round_to((0.18 + 0.25 * lead) * rng.range(0.9, 1.1), 3),
                0.02,
                rng,
                3,
            ),
        );
        set(
            &mut table,
            "college_staff_share",
            drifting(
                round_to((0.33 + 0.22 * lead) * rng.range(0.9, 1.1), 3),
                0.015,
                rng,
                3,
            ),
        );
        set(
            &mut table,
            "energy_per_va",
            drifting(
                round_to(rng.range(0.28, 0.85) / (0.8 + lead), 3),
                -0.04,
                rng,
                3,
            ),
        );
        let mut water = drifting(round_to(rng.range(8.0, 26.0), 1), -0.03, rng, 1);
        if !national[i] && i % 3 == 1 {
            water[0] = None; // water use not reported before 2020 here
            water[1] = None;
        }
        set(&mut table, "water_per_va", water);
    }

    let promoted = zones.iter().position(|z| z.id == PROMOTED.0);
    for id in ["rd_staff_share", "rd_intensity", "bachelor_share"] {
        let decimals = if id == "bachelor_share" { 3 } else { 4 };
        if let Some(z) = promoted {
            for slot in table[idx(id)][z].iter_mut() {
                *slot = slot.map(|v| round_to(v * PROMOTED.1, decimals));
            }
        }
    }
    momentum(&mut table, zones);

    // Ratios derived from the zone's own illustrative values, every year.
    for i in 0..nz {
        for k in 0..5 {
            let get = |id: &str| table[idx(id)][i][k];
            let (emp, pat, tc, rev, rdi, rds) = (
                get("employees"),
                get("invention_patents"),
                get("tech_contracts"),
                get("revenue"),
                get("rd_intensity"),
                get("rd_staff_share"),
            );
            table[idx("invention_patents_per_10k")][i][k] =
                pat.zip(emp).map(|(p, e)| round_to(p / e * 1e4, 2));
            table[idx("tech_contract_per_employee")][i][k] =
                tc.zip(emp).map(|(t, e)| round_to(t * 1e4 / e, 3));
            table[idx("rd_spending_internal")][i][k] =
                rev.zip(rdi).map(|(r, d)| round_to(r * d, 2));
            table[idx("st_staff")][i][k] = emp.zip(rds).map(|(e, s)| (e * s * 2.2).round());
        }
    }

    // Region totals: 2022 from the report's shares (derived), earlier years
    // with the zones' share drifting (illustrative).
    let sum = |table: &Table, id: &str, k: usize| -> f64 {
        table[idx(id)].iter().filter_map(|z| z[k]).sum()
    };
    let mut totals = Vec::new();
    let shares: [(&'static str, f64, i32, &'static str); 6] = [
        ("gdp", 0.3238, 1, "illustrative"),               // C6: > 32%
        ("tech_contracts", 0.40, 1, "derived"),           // C7: 40%
        ("high_tech_va", 0.5442, 1, "derived"),           // C10: > 54%
        ("high_tech_enterprises", 0.56, 0, "derived"),    // C9: 56%
        ("listed_companies", 0.6522, 0, "illustrative"),  // no statement in the report
        ("invention_patents", 0.6061, 0, "illustrative"), // no statement in the report
    ];
    for (id, share, decimals, status) in shares {
        for k in 0..5 {
            let back = (4 - k) as f64;
            let s_k = share * (1.0 - 0.012 * back);
            let value = round_to(sum(&table, id, k) / s_k, decimals);
            totals.push((
                id,
                k,
                None,
                value,
                if k == 4 { status } else { "illustrative" },
            ));
        }
    }
    // C8 states 50% of the high-tech enterprises: the total that implies.
    totals.push((
        "high_tech_enterprises",
        4,
        Some("C8"),
        (11_196.0f64 / 0.50).round(),
        "derived",
    ));
    for k in 0..5 {
        totals.push(("land_km2", k, None, 160_000.0, "illustrative"));
    }
    totals.sort_by(|a, b| a.0.cmp(b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));

    // The level above's averages per zone (C14: the zones' are lower).
    let mut references = Vec::new();
    for id in ["college_staff_share", "st_staff", "rd_spending_internal"] {
        for k in 0..5 {
            let mean = sum(&table, id, k) / nz as f64;
            let decimals = match id {
                "college_staff_share" => 3,
                "st_staff" => 0,
                _ => 2,
            };
            references.push((id, k, round_to(mean * rng.range(1.08, 1.2), decimals)));
        }
    }

    // Output by industry in 2022: 80% the common structure, 20% the zone's
    // own leading industries, scaled to 90% of revenue.
    let mixes = zones
        .iter()
        .enumerate()
        .map(|(i, z)| {
            let revenue = table[idx("revenue")][i][4].unwrap_or(0.0);
            let own = 1.0 / z.leading.len() as f64;
            let raw: Vec<f64> = (0..INDUSTRIES.len())
                .map(|k| {
                    let lead = if z.leading.contains(&k) { own } else { 0.0 };
                    (0.8 * COMMON_MIX[k] + 0.2 * lead) * rng.range(0.7, 1.3)
                })
                .collect();
            let total: f64 = raw.iter().sum();
            raw.iter()
                .map(|x| round_to(x / total * revenue * 0.9, 1))
                .collect()
        })
        .collect();

    Values {
        table,
        totals,
        references,
        mixes,
    }
}

/// `observations`: every indicator, year and zone, in that order.
pub fn observations(zone_defs: &[ZoneDef], table: &Table) -> Json {
    let mut observations = Vec::new();
    for (i, def) in INDICATORS.iter().enumerate() {
        for (k, year) in YEARS.iter().enumerate() {
            for (z, zone) in zone_defs.iter().enumerate() {
                observations.push(Json::Obj(vec![
                    ("zone", s(&zone.id)),
                    ("indicator", s(def.id)),
                    ("year", n(*year as f64)),
                    ("value", opt(table[i][z][k])),
                    ("status", s("illustrative")),
                    ("source", s("make-dataset")),
                ]));
            }
        }
    }
    Json::Arr(observations)
}

/// `series`: the same values in the file's compact form (docs/DATA.md,
/// "series"), one entry per indicator, every zone's values over the years.
pub fn series(zone_defs: &[ZoneDef], table: &Table) -> Json {
    let years = Json::Arr(YEARS.iter().map(|y| n(f64::from(*y))).collect());
    Json::Arr(
        INDICATORS
            .iter()
            .enumerate()
            .map(|(i, def)| {
                let values = zone_defs
                    .iter()
                    .enumerate()
                    .map(|(z, zone)| {
                        let row = table[i][z].iter().map(|v| opt(*v)).collect();
                        (zone.id.clone(), Json::Arr(row))
                    })
                    .collect();
                Json::Obj(vec![
                    ("indicator", s(def.id)),
                    ("status", s("illustrative")),
                    ("source", s("make-dataset")),
                    ("years", years.clone()),
                    ("values", Json::Map(values)),
                ])
            })
            .collect(),
    )
}

/// `region_totals`: the report's source for derived totals, make-dataset's
/// for illustrative ones.
pub fn region_totals(totals: &[Total]) -> Json {
    Json::Arr(
        totals
            .iter()
            .map(|(id, k, variant, value, status)| {
                let mut row = vec![("indicator", s(id)), ("year", n(YEARS[*k] as f64))];
                if let Some(v) = variant {
                    row.push(("variant", s(v)));
                }
                let source = if *status == "illustrative" {
                    "make-dataset"
                } else {
                    "report"
                };
                row.extend([
                    ("value", n(*value)),
                    ("status", s(status)),
                    ("source", s(source)),
                ]);
                Json::Obj(row)
            })
            .collect(),
    )
}

/// `reference_averages`: the level above's averages per zone.
pub fn reference_averages(references: &[(&str, usize, f64)]) -> Json {
    Json::Arr(
        references
            .iter()
            .map(|(id, k, value)| {
                Json::Obj(vec![
                    ("indicator", s(id)),
                    ("year", n(YEARS[*k] as f64)),
                    ("value", n(*value)),
                    ("status", s("illustrative")),
                    ("source", s("make-dataset")),
                ])
            })
            .collect(),
    )
}
