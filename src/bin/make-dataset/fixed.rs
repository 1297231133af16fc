//! The fixed parts of the file, the same whatever the seed: `meta` (units,
//! sources), the evaluation `framework`, `industries`, `metro_areas`, and
//! the report's own figures, `benchmarks` and `context`.

use crate::writer::{n, s, text, Json};
use crate::{Y, YEARS};

const UNITS: &[(&str, &str, &str)] = &[
    ("yi_yuan", "亿元", "100 million CNY"),
    ("persons", "人", "persons"),
    ("enterprises", "家", "enterprises"),
    // Counts in 个 take their own noun in English ("2,046 platforms").
    ("clusters", "个", "clusters"),
    ("platforms", "个", "platforms"),
    ("incubators", "个", "incubators"),
    ("institutions", "个", "institutions"),
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
            "示意数据：按固定规则生成的虚构数值，非真实园区数据",
            "Illustrative values made up by a fixed rule; not data about any real zone",
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

/// The industries the report names (section 二(三)): leading industries,
/// strategic emerging industries, digital industries; `traditional` for the
/// traditional industries it says still dominate. Some overlap on purpose, as
/// the report's lists do (新材料 is in two lists; 电子信息 and 新一代信息技术,
/// 专汽及零部件 and 智能新能源汽车 cover much the same firms).
pub const INDUSTRIES: &[(&str, &str, &str, &[&str])] = &[
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
        &["traditional"],
    ),
];

/// The common structure every zone's mix leans towards: the convergence the
/// report complains of (园区间产业趋同).
pub const COMMON_MIX: [f64; 19] = [
    0.15, 0.14, 0.03, 0.12, 0.06, 0.04, 0.05, 0.02, 0.12, 0.05, 0.02, 0.02, 0.01, 0.01, 0.01, 0.01,
    0.01, 0.01, 0.12,
];

pub const METRO_AREAS: &[(&str, &str, &str)] = &[
    ("metro", "都市圈", "Metropolitan area"),
    ("north", "北部产业走廊", "Northern industrial corridor"),
    ("south", "南部发展带", "Southern development belt"),
];

/// `meta`: title, region, years, units and sources.
pub fn meta() -> Json {
    Json::Obj(vec![
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
    ])
}

/// `framework`: the national evaluation's dimensions and the tier rules.
pub fn framework() -> Json {
    Json::Obj(vec![
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
    ])
}

/// `industries`: [`INDUSTRIES`] with their groups.
pub fn industries() -> Json {
    Json::Arr(
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
    )
}

/// `metro_areas`: [`METRO_AREAS`].
pub fn metro_areas() -> Json {
    Json::Arr(
        METRO_AREAS
            .iter()
            .map(|(id, zh, en)| Json::Obj(vec![("id", s(id)), ("name", text(zh, en))]))
            .collect(),
    )
}

/// `benchmarks`: the two zones the report compares with, by their listed
/// companies.
pub fn benchmarks() -> Json {
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
    Json::Arr(vec![
        benchmark(
            "zhangjiang",
            "上海张江高新区",
            "Shanghai Zhangjiang high-tech zone",
            360.0,
        ),
        benchmark("shenzhen", "深圳高新区", "Shenzhen high-tech zone", 189.0),
    ])
}

/// `context`: the report's figures about the region as a whole.
pub fn context() -> Json {
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
    Json::Arr(vec![
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
    ])
}
