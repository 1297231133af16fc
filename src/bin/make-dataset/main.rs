//! `make-dataset`: writes the bundled dataset `www/data/zones.json`.
//!
//! ```text
//! make-dataset FILE          write the dataset to FILE
//! make-dataset --check FILE  exit 0 if FILE is exactly what would be written, 1 if not
//! make-dataset --big FILE    write a file near the size limit (19 MB: 1,066 zones,
//!                            140,940 observations) to measure the validator on
//! ```
//!
//! The zones are anonymised (甲高新区 / Zone A, …) and their values are
//! illustrative: drawn from a seeded SplitMix64 ([`SEED`]) around the report's
//! aggregates, which are kept exact. What the report states (sums, shares,
//! counts, rank bands: docs/CLAIMS.md, C1–C19) is imposed on the 2022 values
//! by construction: integer totals are split with the largest-remainder method,
//! amounts are split in tenths the same way, and region totals are derived
//! from the stated shares. Earlier years are grown backwards from 2022 with
//! per-zone growth rates, so rankings move a little from year to year.
//!
//! No clock, no hash-map iteration: the same program writes the same bytes.

mod rng;
mod writer;

use rng::SplitMix64;
use writer::{n, opt, s, text, Json};

/// The seed of every random draw (the date of the report's data, 2022-12-31).
const SEED: u64 = 20_221_231;
const YEARS: [i32; 5] = [2018, 2019, 2020, 2021, 2022];
/// The year the report describes; its figures are imposed on this year.
const Y: i32 = 2022;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = writer::to_string(&dataset());
    match args.as_slice() {
        [flag, path] if flag == "--check" => match std::fs::read_to_string(path) {
            Ok(old) if old == text => {}
            Ok(_) => {
                eprintln!("{path} differs from what make-dataset writes; run `cargo run --bin make-dataset -- {path}`");
                std::process::exit(1);
            }
            Err(e) => {
                eprintln!("cannot read {path}: {e}");
                std::process::exit(2);
            }
        },
        [flag, path] if flag == "--big" => {
            let mut big = dataset();
            copy_zones(&mut big, BIG_COPIES);
            if let Err(e) = std::fs::write(path, writer::to_string(&big)) {
                eprintln!("cannot write {path}: {e}");
                std::process::exit(2);
            }
        }
        [path] if !path.starts_with('-') => {
            if let Err(e) = std::fs::write(path, &text) {
                eprintln!("cannot write {path}: {e}");
                std::process::exit(2);
            }
        }
        _ => {
            eprintln!(
                "usage: make-dataset FILE | make-dataset --check FILE | make-dataset --big FILE"
            );
            std::process::exit(2);
        }
    }
}

/// Copies of the 36 zones in the `--big` file: 36 × 29 = 1,044 zones (and the
/// 22 sub-parks), 1,044 × 27 indicators × 5 years = 140,940 observations,
/// about 19 MB: just under the 20 MB limit.
const BIG_COPIES: usize = 28;

/// Adds `copies` copies of every national and region-level zone, with their
/// observations (ids `z01-c1`, …), for measuring the validator on a file
/// near the size limit. The copies leave the claims' figures wrong, and the
/// region totals below the zones' sums (`share_over_one` warnings): it is a
/// file to measure, not to show.
fn copy_zones(dataset: &mut Json, copies: usize) {
    let Json::Obj(fields) = dataset else {
        return;
    };
    let field = |obj: &Json, key: &str| -> Option<String> {
        let Json::Obj(f) = obj else { return None };
        f.iter()
            .find(|(k, _)| *k == key)
            .and_then(|(_, v)| match v {
                Json::Str(s) => Some(s.clone()),
                _ => None,
            })
    };
    let set = |obj: &mut Json, key: &str, value: Json| {
        if let Json::Obj(f) = obj {
            if let Some(slot) = f.iter_mut().find(|(k, _)| *k == key) {
                slot.1 = value;
            }
        }
    };
    for (key, value) in fields.iter_mut() {
        let Json::Arr(items) = value else { continue };
        let originals: Vec<Json> = items.clone();
        for c in 1..=copies {
            for item in &originals {
                let mut copy = item.clone();
                match *key {
                    "zones" if field(item, "level").as_deref() != Some("sub_park") => {
                        let id = field(item, "id").unwrap_or_default();
                        let zh = format!("{id}（副本 {c}）");
                        let en = format!("{id} (copy {c})");
                        set(&mut copy, "id", s(&format!("{id}-c{c}")));
                        set(&mut copy, "name", text(&zh, &en));
                    }
                    "observations" => {
                        let zone = field(item, "zone").unwrap_or_default();
                        set(&mut copy, "zone", s(&format!("{zone}-c{c}")));
                    }
                    _ => continue,
                }
                items.push(copy);
            }
        }
    }
}

// ---- the fixed parts: units, sources, framework, indicators, industries ----

const UNITS: &[(&str, &str, &str)] = &[
    ("yi_yuan", "亿元", "100 million CNY"),
    ("persons", "人", "persons"),
    ("enterprises", "家", "enterprises"),
    ("items", "个", "items"),
    ("patents", "件", "patents"),
    ("share", "比例（0–1）", "share (0–1)"),
    ("wan_yuan_per_person", "万元/人", "10,000 CNY per person"),
    ("patents_per_10k", "件/万人", "patents per 10,000 employees"),
    (
        "tce_per_wan_yuan",
        "吨标准煤/万元",
        "t of standard coal per 10,000 CNY",
    ),
    ("m3_per_wan_yuan", "立方米/万元", "m³ per 10,000 CNY"),
    ("km2", "平方千米", "km²"),
    ("place", "位", "place"),
    ("zones", "家", "zones"),
];

fn sources() -> Json {
    let src = |id: &str, zh: &str, en: &str, date: &str, kind: &str| {
        Json::Obj(vec![
            ("id", s(id)),
            ("title", text(zh, en)),
            ("date", s(date)),
            ("kind", s(kind)),
        ])
    };
    Json::Arr(vec![
        src(
            "report",
            "关于我市高新区发展情况的调研与思考",
            "A study of the development of our region's high-tech zones",
            "2023",
            "report",
        ),
        src(
            "evaluation-2021",
            "国家高新区综合评价指标体系（国科发火〔2021〕106号）",
            "Comprehensive evaluation index system of national high-tech zones (MOST, 2021, No. 106)",
            "2021",
            "policy",
        ),
        src(
            "make-dataset",
            "示意数据：由 make-dataset 按固定种子生成，非真实园区数据",
            "Illustrative values generated by make-dataset with a fixed seed; not data about any real zone",
            "2026",
            "generated",
        ),
    ])
}

/// Dimensions of the national evaluation (国科发火〔2021〕106号) with weights.
const DIMENSIONS: &[(&str, &str, &str, f64)] = &[
    (
        "innovation",
        "创新能力和创业活跃度",
        "Innovation capacity and entrepreneurship",
        20.0,
    ),
    (
        "structure",
        "结构优化和产业价值链",
        "Structural optimisation and industrial value chain",
        20.0,
    ),
    (
        "green",
        "绿色发展和宜居包容性",
        "Green development and inclusive livability",
        15.0,
    ),
    (
        "openness",
        "开放创新和国际竞争力",
        "Open innovation and international competitiveness",
        15.0,
    ),
    (
        "quality",
        "综合质量效益和持续创新力",
        "Overall quality, efficiency and sustained innovation",
        30.0,
    ),
];

struct IndicatorDef {
    id: &'static str,
    zh: &'static str,
    en: &'static str,
    unit: &'static str,
    direction: &'static str,
    kind: &'static str,
    dimension: Option<(&'static str, f64)>,
    desc_zh: &'static str,
    desc_en: &'static str,
}

macro_rules! ind {
    ($id:literal, $zh:literal, $en:literal, $unit:literal, $dir:literal, $kind:literal, $dim:expr, $dzh:literal, $den:literal) => {
        IndicatorDef {
            id: $id,
            zh: $zh,
            en: $en,
            unit: $unit,
            direction: $dir,
            kind: $kind,
            dimension: $dim,
            desc_zh: $dzh,
            desc_en: $den,
        }
    };
}

const INDICATORS: &[IndicatorDef] = &[
    ind!(
        "gdp",
        "地区生产总值",
        "GDP",
        "yi_yuan",
        "higher",
        "amount",
        Some(("quality", 1.0)),
        "园区地区生产总值（C3、C6）。",
        "The zone's gross domestic product (C3, C6)."
    ),
    ind!(
        "revenue",
        "营业收入",
        "Operating revenue",
        "yi_yuan",
        "higher",
        "amount",
        Some(("quality", 0.8)),
        "园区企业营业收入合计。",
        "Total operating revenue of the zone's enterprises."
    ),
    ind!(
        "tax_revenue",
        "实缴税费",
        "Taxes paid",
        "yi_yuan",
        "higher",
        "amount",
        Some(("quality", 0.8)),
        "园区企业实缴税费合计。",
        "Total taxes paid by the zone's enterprises."
    ),
    ind!(
        "listed_companies",
        "上市企业数",
        "Listed companies",
        "enterprises",
        "higher",
        "count",
        Some(("quality", 1.2)),
        "境内外上市企业数（C17）。",
        "Companies listed at home or abroad (C17)."
    ),
    ind!(
        "high_tech_va",
        "高技术产业增加值",
        "High-tech industry value added",
        "yi_yuan",
        "higher",
        "amount",
        Some(("structure", 1.2)),
        "高技术产业增加值（C4、C10）。",
        "Value added of high-tech industries (C4, C10)."
    ),
    ind!(
        "high_tech_enterprises",
        "高技术企业数",
        "High-tech enterprises",
        "enterprises",
        "higher",
        "count",
        Some(("structure", 1.0)),
        "高技术企业数量（C8、C9）。",
        "Number of high-tech enterprises (C8, C9)."
    ),
    ind!(
        "gazelle_enterprises",
        "瞪羚企业数",
        "Gazelle enterprises",
        "enterprises",
        "higher",
        "count",
        Some(("structure", 1.0)),
        "高成长瞪羚企业数量。",
        "Number of fast-growing 'gazelle' enterprises."
    ),
    ind!(
        "bachelor_share",
        "本科及以上学历人员占比",
        "Share of staff with a bachelor's degree or above",
        "share",
        "higher",
        "share",
        Some(("structure", 0.8)),
        "本科及以上学历从业人员占从业人员的比例。",
        "Employees with a bachelor's degree or above, as a share of all employees."
    ),
    ind!(
        "innovative_clusters",
        "创新型产业集群数",
        "Innovative industrial clusters",
        "items",
        "higher",
        "count",
        Some(("structure", 0.8)),
        "国家级、省级创新型产业集群数（C12）。",
        "National or provincial innovative industrial clusters (C12)."
    ),
    ind!(
        "rd_staff_share",
        "R&D全时人员占从业人员比例",
        "R&D full-time staff share of employees",
        "share",
        "higher",
        "share",
        Some(("innovation", 1.2)),
        "R&D全时当量人员占从业人员的比例。",
        "Full-time-equivalent R&D staff as a share of employees."
    ),
    ind!(
        "rd_intensity",
        "企业内部研发经费支出占营业收入比例",
        "Internal R&D spending / revenue",
        "share",
        "higher",
        "share",
        Some(("innovation", 1.2)),
        "企业R&D经费内部支出与营业收入之比。",
        "Enterprises' internal R&D spending divided by operating revenue."
    ),
    ind!(
        "invention_patents_per_10k",
        "万人发明专利授权数",
        "Invention patents granted per 10,000 employees",
        "patents_per_10k",
        "higher",
        "ratio",
        Some(("innovation", 1.0)),
        "当年发明专利授权量 ÷ 从业人员 × 10⁴。",
        "Invention patents granted in the year ÷ employees × 10⁴."
    ),
    ind!(
        "tech_contract_per_employee",
        "从业人员人均技术合同成交额",
        "Technology-contract turnover per employee",
        "wan_yuan_per_person",
        "higher",
        "ratio",
        Some(("innovation", 1.0)),
        "技术合同成交额（万元）÷ 从业人员。",
        "Technology-contract turnover (10,000 CNY) ÷ employees."
    ),
    ind!(
        "innovation_platforms",
        "市级以上创新平台数",
        "Innovation platforms at region level or above",
        "items",
        "higher",
        "count",
        Some(("innovation", 0.8)),
        "市级及以上重点实验室、工程技术中心等创新平台（C11）。",
        "Key laboratories, engineering centres and other platforms at region level or above (C11)."
    ),
    ind!(
        "national_incubators",
        "国家级孵化器数",
        "National-level incubators",
        "items",
        "higher",
        "count",
        Some(("innovation", 0.8)),
        "国家级科技企业孵化器数量（C15）。",
        "National-level technology business incubators (C15)."
    ),
    ind!(
        "energy_per_va",
        "单位增加值综合能耗",
        "Energy use per unit of value added",
        "tce_per_wan_yuan",
        "lower",
        "ratio",
        Some(("green", 1.2)),
        "综合能源消费量 ÷ 增加值；越低越好。",
        "Total energy use ÷ value added; lower is better."
    ),
    ind!(
        "water_per_va",
        "单位增加值用水量",
        "Water use per unit of value added",
        "m3_per_wan_yuan",
        "lower",
        "ratio",
        Some(("green", 1.0)),
        "用水量 ÷ 增加值；越低越好。",
        "Water use ÷ value added; lower is better."
    ),
    ind!(
        "exports",
        "出口总额",
        "Exports",
        "yi_yuan",
        "higher",
        "amount",
        Some(("openness", 1.0)),
        "园区企业出口总额。",
        "Total exports of the zone's enterprises."
    ),
    ind!(
        "foreign_invested_enterprises",
        "外资企业数",
        "Foreign-invested enterprises",
        "enterprises",
        "higher",
        "count",
        Some(("openness", 0.8)),
        "外商投资企业数量。",
        "Number of foreign-invested enterprises."
    ),
    ind!(
        "overseas_rd_institutions",
        "境外研发机构数",
        "R&D institutions abroad",
        "items",
        "higher",
        "count",
        Some(("openness", 1.2)),
        "园区企业设立的境外研发机构数量。",
        "R&D institutions the zone's enterprises run abroad."
    ),
    ind!(
        "employees",
        "从业人员",
        "Employees",
        "persons",
        "neutral",
        "count",
        None,
        "年末从业人员数。",
        "Employees at year end."
    ),
    ind!(
        "tech_contracts",
        "技术合同成交额",
        "Technology-contract turnover",
        "yi_yuan",
        "higher",
        "amount",
        None,
        "登记的技术合同成交额（C7）。",
        "Registered technology-contract turnover (C7)."
    ),
    ind!(
        "invention_patents",
        "发明专利授权量",
        "Invention patents granted",
        "patents",
        "higher",
        "count",
        None,
        "当年发明专利授权量（C16）。",
        "Invention patents granted in the year (C16)."
    ),
    ind!(
        "new_national_clusters",
        "新获批国家级创新型产业集群",
        "New national innovative industrial clusters",
        "items",
        "higher",
        "count",
        None,
        "当年新获批的国家级创新型产业集群数（C12）。",
        "National innovative industrial clusters approved in the year (C12)."
    ),
    ind!(
        "college_staff_share",
        "大专以上学历人员占比",
        "Share of staff with college education or above",
        "share",
        "higher",
        "share",
        None,
        "大专及以上学历从业人员占比（C14）。",
        "Employees with college education or above, as a share of employees (C14)."
    ),
    ind!(
        "st_staff",
        "科技活动人员",
        "S&T staff",
        "persons",
        "higher",
        "count",
        None,
        "从事科技活动的人员数（C14）。",
        "Persons engaged in science and technology activities (C14)."
    ),
    ind!(
        "rd_spending_internal",
        "科研活动经费内部支出",
        "Internal spending on R&D activities",
        "yi_yuan",
        "higher",
        "amount",
        None,
        "科研活动经费内部支出（C14）。",
        "Internal spending on research activities (C14)."
    ),
];

/// The industries the report names (section 二(三)): leading industries,
/// strategic emerging industries, digital industries; `traditional` for the
/// traditional industries it says still dominate. Some overlap on purpose, as
/// the report's lists do (新材料 is in two lists; 电子信息 and 新一代信息技术,
/// 专汽及零部件 and 智能新能源汽车 cover much the same firms).
const INDUSTRIES: &[(&str, &str, &str, &[&str])] = &[
    (
        "auto_parts",
        "专汽及零部件",
        "Special vehicles and parts",
        &["leading"],
    ),
    (
        "electronics",
        "电子信息",
        "Electronic information",
        &["leading"],
    ),
    (
        "agri_food",
        "特色农产品加工",
        "Specialty agri-food processing",
        &["leading"],
    ),
    (
        "new_materials",
        "新材料",
        "New materials",
        &["leading", "emerging"],
    ),
    ("fine_chemicals", "精细化工", "Fine chemicals", &["leading"]),
    ("biomedicine", "生物医药", "Biomedicine", &["leading"]),
    (
        "next_gen_it",
        "新一代信息技术",
        "Next-generation IT",
        &["emerging"],
    ),
    ("health", "大健康", "Health industries", &["emerging"]),
    (
        "high_end_equipment",
        "高端装备",
        "High-end equipment",
        &["emerging"],
    ),
    (
        "smart_nev",
        "智能新能源汽车",
        "Smart new-energy vehicles",
        &["emerging"],
    ),
    (
        "energy_saving",
        "节能环保",
        "Energy saving and environment",
        &["emerging"],
    ),
    ("new_energy", "新能源", "New energy", &["emerging"]),
    (
        "digital_creative",
        "数字创意",
        "Digital creative",
        &["emerging"],
    ),
    ("ai", "人工智能", "Artificial intelligence", &["digital"]),
    ("big_data", "大数据", "Big data", &["digital"]),
    ("cloud", "云计算", "Cloud computing", &["digital"]),
    ("key_software", "关键软件", "Key software", &["digital"]),
    (
        "industrial_internet",
        "工业互联网",
        "Industrial internet",
        &["digital"],
    ),
    (
        "traditional",
        "传统制造业",
        "Traditional manufacturing",
        &["other"],
    ),
];

/// The common structure every zone's mix leans towards: the convergence the
/// report complains of (园区间产业趋同).
const COMMON_MIX: [f64; 19] = [
    0.15, 0.14, 0.03, 0.12, 0.06, 0.04, 0.05, 0.02, 0.12, 0.05, 0.02, 0.02, 0.01, 0.01, 0.01, 0.01,
    0.01, 0.01, 0.12,
];

const METRO_AREAS: &[(&str, &str, &str)] = &[
    ("metro", "都市圈", "Metropolitan area"),
    ("north", "北部产业走廊", "Northern industrial corridor"),
    ("south", "南部发展带", "Southern development belt"),
];

// ---- zones -------------------------------------------------------------

struct ZoneDef {
    id: String,
    zh: String,
    en: String,
    national: bool,
    metro: &'static str,
    county: bool,
    land: f64,
    /// Relative economic size.
    size: f64,
    leading: Vec<usize>,
    /// Trend growth per year.
    growth: f64,
}

const NATIONAL_ZH: [&str; 12] = [
    "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "子", "丑",
];
const REGIONAL_ZH: [&str; 24] = [
    "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥", "天", "地", "玄", "黄", "宇", "宙",
    "洪", "荒", "日", "月", "盈", "昃", "列", "张",
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

fn zones(rng: &mut SplitMix64) -> Vec<ZoneDef> {
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

/// Sub-parks (分园区) of national zones: how many each has.
const SUB_PARKS: [usize; 12] = [4, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 0];
const PARK_NUMERALS: [&str; 4] = ["一", "二", "三", "四"];

// ---- allocation helpers -------------------------------------------------

/// Splits an integer total in proportion to weights (largest remainder,
/// ties to the lower index), so the parts sum to the total exactly.
fn allocate(total: i64, weights: &[f64]) -> Vec<i64> {
    let sum: f64 = weights.iter().sum();
    let exact: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    let mut parts: Vec<i64> = exact.iter().map(|x| x.floor() as i64).collect();
    let mut left = total - parts.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|a, b| {
        (exact[*b] - exact[*b].floor())
            .total_cmp(&(exact[*a] - exact[*a].floor()))
            .then(a.cmp(b))
    });
    for i in order.iter().cycle() {
        if left == 0 {
            break;
        }
        parts[*i] += 1;
        left -= 1;
    }
    parts
}

/// Splits an amount with one decimal (tenths allocated exactly).
fn allocate_tenths(total: f64, weights: &[f64]) -> Vec<f64> {
    allocate((total * 10.0).round() as i64, weights)
        .into_iter()
        .map(|t| t as f64 / 10.0)
        .collect()
}

fn round_to(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (x * f).round() / f
}

// ---- values -------------------------------------------------------------

/// `values[indicator][zone][year]` (None: missing, written as null).
type Table = Vec<Vec<[Option<f64>; 5]>>;

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

struct Values {
    table: Table,
    /// Region totals: (measure, year index, variant, value, status).
    totals: Vec<(&'static str, usize, Option<&'static str>, f64, &'static str)>,
    /// Reference averages of the level above (全省): (indicator, year index, value).
    references: Vec<(&'static str, usize, f64)>,
    /// Output by industry in 2022, per zone.
    mixes: Vec<Vec<f64>>,
}

// Zone, indicator and year indices run over parallel tables; indexing reads
// more plainly here than zipped iterators.
#[allow(clippy::needless_range_loop)]
fn values(zones: &[ZoneDef], rng: &mut SplitMix64) -> Values {
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

/// National evaluation ranks (of 169): 2022 as C13 states it (3 in the top
/// 50, 6 beyond 100, 2 at the very bottom), earlier years a random walk.
#[allow(clippy::needless_range_loop)]
fn rankings(rng: &mut SplitMix64) -> Vec<[u32; 5]> {
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

// ---- the file -------------------------------------------------------------

#[allow(clippy::needless_range_loop)]
fn dataset() -> Json {
    let mut rng = SplitMix64::new(SEED);
    let zone_defs = zones(&mut rng);
    let vals = values(&zone_defs, &mut rng);
    let ranks = rankings(&mut rng);

    let meta = Json::Obj(vec![
        (
            "title",
            text(
                "全市高新区发展监测",
                "Monitoring the region's high-tech zones",
            ),
        ),
        ("region", text("全市", "the region")),
        ("parent_region", text("全省", "the province")),
        (
            "years",
            Json::Arr(YEARS.iter().map(|y| n(*y as f64)).collect()),
        ),
        (
            "units",
            Json::Arr(
                UNITS
                    .iter()
                    .map(|(id, zh, en)| Json::Obj(vec![("id", s(id)), ("label", text(zh, en))]))
                    .collect(),
            ),
        ),
        ("sources", sources()),
    ]);

    let framework = Json::Obj(vec![
        (
            "name",
            text(
                "国家高新区综合评价指标体系",
                "National evaluation of high-tech zones",
            ),
        ),
        ("source", s("evaluation-2021")),
        (
            "dimensions",
            Json::Arr(
                DIMENSIONS
                    .iter()
                    .map(|(id, zh, en, w)| {
                        Json::Obj(vec![
                            ("id", s(id)),
                            ("name", text(zh, en)),
                            ("weight", n(*w)),
                        ])
                    })
                    .collect(),
            ),
        ),
        // The tier rules (illustrative: the report names the tiers, not the
        // thresholds). Scores are min-max on 0–100 per year and skewed by one
        // large zone (the median zone scores about 15), so "below 5" and the
        // bottom three warn a handful of zones, not most of them.
        (
            "tiers",
            Json::Obj(vec![
                ("reward_top", n(3.0)),
                ("reward_rise", n(5.0)),
                ("warning_bottom", n(3.0)),
                ("warning_score_below", n(5.0)),
                ("exit_after_warned_years", n(2.0)),
            ]),
        ),
    ]);

    let indicators = Json::Arr(
        INDICATORS
            .iter()
            .map(|d| {
                Json::Obj(vec![
                    ("id", s(d.id)),
                    ("name", text(d.zh, d.en)),
                    ("unit", s(d.unit)),
                    ("direction", s(d.direction)),
                    ("kind", s(d.kind)),
                    ("description", text(d.desc_zh, d.desc_en)),
                    (
                        "dimension",
                        d.dimension.map_or(Json::Null, |(dim, _)| s(dim)),
                    ),
                    ("coefficient", opt(d.dimension.map(|(_, c)| c))),
                ])
            })
            .collect(),
    );

    let industries = Json::Arr(
        INDUSTRIES
            .iter()
            .map(|(id, zh, en, groups)| {
                Json::Obj(vec![
                    ("id", s(id)),
                    ("name", text(zh, en)),
                    ("groups", Json::Arr(groups.iter().map(|g| s(g)).collect())),
                ])
            })
            .collect(),
    );
    let metro_areas = Json::Arr(
        METRO_AREAS
            .iter()
            .map(|(id, zh, en)| Json::Obj(vec![("id", s(id)), ("name", text(zh, en))]))
            .collect(),
    );

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
                        .zip(&vals.mixes[i])
                        .filter(|(_, v)| **v > 0.0)
                        .map(|((id, ..), v)| (*id, n(*v)))
                        .collect(),
                ),
            ),
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

    let mut observations = Vec::new();
    for (i, def) in INDICATORS.iter().enumerate() {
        for (k, year) in YEARS.iter().enumerate() {
            for (z, zone) in zone_defs.iter().enumerate() {
                observations.push(Json::Obj(vec![
                    ("zone", s(&zone.id)),
                    ("indicator", s(def.id)),
                    ("year", n(*year as f64)),
                    ("value", opt(vals.table[i][z][k])),
                    ("status", s("illustrative")),
                    ("source", s("make-dataset")),
                ]));
            }
        }
    }

    let region_totals = Json::Arr(
        vals.totals
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
    );
    let reference_averages = Json::Arr(
        vals.references
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
    );
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
    let benchmark = |id: &str, zh: &str, en: &str, listed: f64| {
        Json::Obj(vec![
            ("id", s(id)),
            ("name", text(zh, en)),
            (
                "values",
                Json::Arr(vec![Json::Obj(vec![
                    ("indicator", s("listed_companies")),
                    ("year", n(Y as f64)),
                    ("value", n(listed)),
                    ("status", s("reported")),
                    ("source", s("report")),
                ])]),
            ),
        ])
    };
    let benchmarks = Json::Arr(vec![
        benchmark(
            "zhangjiang",
            "上海张江高新区",
            "Shanghai Zhangjiang high-tech zone",
            360.0,
        ),
        benchmark("shenzhen", "深圳高新区", "Shenzhen high-tech zone", 189.0),
    ]);
    let context_figure = |id: &str, zh: &str, en: &str, value: f64, unit: &str| {
        Json::Obj(vec![
            ("id", s(id)),
            ("label", text(zh, en)),
            ("year", n(Y as f64)),
            ("value", n(value)),
            ("unit", s(unit)),
            ("status", s("reported")),
            ("source", s("report")),
        ])
    };
    let context = Json::Arr(vec![
        context_figure(
            "national_zone_count_rank",
            "国家高新区数量在全省的位次",
            "Place of the region's count of national zones in the province",
            4.0,
            "place",
        ),
        context_figure(
            "new_national_clusters_rank",
            "新获批国家级创新型产业集群数量在全省的位次",
            "Place of the region's new national innovative clusters in the province",
            1.0,
            "place",
        ),
        context_figure(
            "national_zones_evaluated",
            "参加全国综合排名的国家高新区",
            "National zones in the national ranking",
            169.0,
            "zones",
        ),
    ]);

    Json::Obj(vec![
        ("schema", s("zone-monitor/1")),
        ("meta", meta),
        ("framework", framework),
        ("indicators", indicators),
        ("industries", industries),
        ("metro_areas", metro_areas),
        ("zones", Json::Arr(zones)),
        ("observations", Json::Arr(observations)),
        ("region_totals", region_totals),
        ("reference_averages", reference_averages),
        ("national_rankings", Json::Arr(national_rankings)),
        ("benchmarks", benchmarks),
        ("context", context),
        ("claims", claims::claims()),
    ])
}

mod claims;
